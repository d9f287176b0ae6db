"""Timing one ``synthesize()`` call: wall time, audio produced, time to the first chunk.

Shared by the sequential measurement (runner) and the concurrency sweep (concurrency).
"""
from __future__ import annotations

import time
from typing import Any, Callable, Iterable, Protocol

Clock = Callable[[], float]


class _Chunk(Protocol):
    samples: Any  # float32 [N]
    sample_rate: int


class SynthesizerLike(Protocol):
    def synthesize(self, text: str, options: Any = None, chunk_frames: int | None = None) -> Iterable[_Chunk]: ...


def time_synthesis(synth: SynthesizerLike, text: str, options: Any, clock: Clock = time.perf_counter,
                   chunk_frames: int | None = None) -> tuple[float, float, float | None]:
    """Consume one synthesize() generator: (wall_s, audio_s, ttfa_s to the first chunk).

    chunk_frames: stream each sentence in chunks as ``Synthesizer.synthesize`` does with it (None:
    one chunk a sentence)."""
    started = clock()
    ttfa_s: float | None = None
    audio_s = 0.0
    for chunk in synth.synthesize(text, options, chunk_frames):
        if ttfa_s is None:
            ttfa_s = clock() - started
        audio_s += len(chunk.samples) / chunk.sample_rate
    return clock() - started, audio_s, ttfa_s
