"""The yuyin side of a bench run: load each backend/precision combination, time it, free it.

For every combination that applies here (variants.resolve), in order: load a Synthesizer
through the public API, time the set sequentially (only the first combination that loads: that
is the run compared with the reference; then, optionally, the set again streamed in chunks as the
server streams), then run the concurrency sweep on it; then drop it before
loading the next, so combinations never share memory or cores. A combination that does not
apply, or fails, gets a note instead of numbers; the others still run.
"""
from __future__ import annotations

import gc
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from yuyin.bench.concurrency import SweepPlan, VariantSweep, run_sweep
from yuyin.bench.memory import peak_rss_bytes
from yuyin.bench.report import CANDIDATE
from yuyin.bench.sentences import Sentence
from yuyin.bench.stats import SentenceTiming, StreamedRun, SystemResult
from yuyin.bench.timing import Clock, SynthesizerLike, time_synthesis
from yuyin.bench.variants import SIDE_BY_SIDE_SUFFIX, Resolution, Variant

Loader = Callable[[str, int, Variant, str], tuple[SynthesizerLike, Any]]


def load_yuyin(voice: str, threads: int, variant: Variant, device: str) -> tuple[SynthesizerLike, Any]:
    """(synthesizer, default options) through the public API; voice: a name or a pack directory."""
    from yuyin import SynthesisOptions, Synthesizer

    pack: str | Path = Path(voice) if Path(voice).is_dir() else voice
    synth = Synthesizer.load(pack, device=device, dtype=variant.load_dtype, threads=threads,
                             backend=variant.load_backend, compile=variant.compile,
                             decoder_batch_size=variant.load_batch_size, side_by_side=variant.side_by_side)  # fmt: skip
    return synth, SynthesisOptions()


def measure_synthesizer(synth: SynthesizerLike, sentences: Sequence[Sentence], repeat: int,
                        options: Any = None, clock: Clock = time.perf_counter, chunk_frames: int | None = None
                        ) -> tuple[list[SentenceTiming], float]:
    """One warm-up on the first sentence, then every sentence ``repeat`` times: (timings, warmup_s).
    chunk_frames: stream each sentence in chunks (see time_synthesis)."""
    warmup_s = time_synthesis(synth, sentences[0].text, options, clock, chunk_frames)[0]
    timings = []
    for round_index in range(repeat):
        for sentence in sentences:
            wall_s, audio_s, ttfa_s = time_synthesis(synth, sentence.text, options, clock, chunk_frames)
            timings.append(SentenceTiming(sentence.id, round_index, wall_s, audio_s, ttfa_s))
    return timings, warmup_s


@dataclass
class CandidateRun:
    """sequential: the first combination that loaded, timed one sentence at a time (None with
    ``error``: the first failure, or that no combination applies)."""

    sequential: SystemResult | None = None
    error: str | None = None
    sweeps: list[VariantSweep] = field(default_factory=list)


@dataclass(frozen=True)
class CandidateSettings:
    voice: str
    threads: int
    repeat: int
    plan: SweepPlan | None  # None: no sweep
    versions: dict[str, str] = field(default_factory=dict)
    chunk_frames: int | None = None  # also time the set streamed in such chunks (None: not)


def measure_candidates(resolutions: Sequence[Resolution], sentences: Sequence[Sentence],
                       settings: CandidateSettings, loader: Loader = load_yuyin,
                       log: Callable[[str], None] = lambda _: None) -> CandidateRun:
    """Every combination in order; the first one that loads is also timed sequentially."""
    run = CandidateRun()
    failures = []
    for resolution in resolutions:
        sweep = VariantSweep(resolution.variant, resolution.device, resolution.runtime, note=resolution.skipped)
        run.sweeps.append(sweep)
        if resolution.skipped is not None:
            log(f"bench: skipping {sweep.label}: {resolution.skipped}")
            continue
        log(f"bench: yuyin {sweep.label} on {resolution.device}")
        try:
            _measure_one(resolution, sweep, sentences, settings, loader, run, log)
        except Exception as error:  # noqa: BLE001 - note it and go on with the next combination
            traceback.print_exc()
            failures.append(f"{type(error).__name__}: {error}")
            sweep.note = f"failed: {failures[-1]}"
        gc.collect()
    if run.sequential is None:
        run.error = failures[0] if failures else "no backend/dtype combination applies on this machine"
    return run


def _measure_one(resolution: Resolution, sweep: VariantSweep, sentences: Sequence[Sentence],
                 settings: CandidateSettings, loader: Loader, run: CandidateRun,
                 log: Callable[[str], None]) -> None:
    started = time.perf_counter()
    synth, options = loader(settings.voice, settings.threads, resolution.variant, resolution.device or "cpu")
    sweep.load_s = time.perf_counter() - started
    if sweep.runtime and not getattr(synth, "side_by_side", True):  # e.g. one thread, or no OpenVINO graphs
        sweep.runtime = sweep.runtime.removesuffix(SIDE_BY_SIDE_SUFFIX)
    if run.sequential is None:
        log(f"bench: {len(sentences)} sentences x {settings.repeat}, one at a time")
        timings, warmup_s = measure_synthesizer(synth, sentences, settings.repeat, options)
        run.sequential = SystemResult(name=CANDIDATE, timings=timings, peak_rss_bytes=peak_rss_bytes(),
                                      load_s=sweep.load_s, warmup_s=warmup_s, versions=dict(settings.versions),
                                      details={"backend": resolution.variant.backend,
                                               "runtime": sweep.runtime,
                                               "dtype": resolution.variant.dtype,
                                               "device": resolution.device})
        if settings.chunk_frames is not None:
            log(f"bench: the same, streamed ({settings.chunk_frames}-frame first chunks)")
            streamed, _ = measure_synthesizer(synth, sentences, settings.repeat, options, chunk_frames=settings.chunk_frames)
            run.sequential.streamed = StreamedRun(settings.chunk_frames, streamed)
    if settings.plan is not None:
        sweep.levels = run_sweep(synth, sentences, options, settings.plan, log, resolution.device)
