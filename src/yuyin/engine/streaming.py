"""Chunk plans for streaming a vocoder over a mel without seams.

The vocoder is convolutional with a finite receptive field, so a window of mel frames extended by
at least that many context frames on each side yields, for its central frames, exactly the
samples the whole-mel pass would (up to float rounding). The first window is small so audio
starts early; later windows grow to amortise the context overhead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Window:
    """Frames [start, stop) are vocoded; frames [keep_start, keep_stop) of them are emitted."""

    start: int
    stop: int
    keep_start: int
    keep_stop: int


@dataclass(frozen=True)
class ChunkPlan:
    """first_frames: frames in the first emitted chunk; later chunks double up to max_frames.

    context_frames: frames of mel context added on each side (>= the vocoder's receptive field).
    """

    first_frames: int
    context_frames: int
    max_frames: int = 0

    def __post_init__(self) -> None:
        if self.first_frames < 1:
            raise ValueError(f"chunk size must be >= 1 frame, got {self.first_frames}")
        if self.context_frames < 0:
            raise ValueError("context_frames must be >= 0")

    def windows(self, total_frames: int) -> Iterator[Window]:
        """Cover [0, total_frames) with consecutive emitted ranges."""
        ceiling = max(self.max_frames, self.first_frames)
        size, keep_start = self.first_frames, 0
        while keep_start < total_frames:
            keep_stop = min(keep_start + size, total_frames)
            yield Window(
                start=max(0, keep_start - self.context_frames),
                stop=min(total_frames, keep_stop + self.context_frames),
                keep_start=keep_start,
                keep_stop=keep_stop,
            )
            keep_start = keep_stop
            size = min(size * 2, ceiling)


def split_windows(total_frames: int, pieces: int, context_frames: int) -> list[Window]:
    """Cover [0, total_frames) with pieces emitted ranges of near-equal length, each vocoded with
    context_frames of context on each side, so that the joined pieces equal the whole pass."""
    bounds = [round(i * total_frames / pieces) for i in range(pieces + 1)]
    return [
        Window(max(0, keep_start - context_frames), min(total_frames, keep_stop + context_frames), keep_start, keep_stop)
        for keep_start, keep_stop in zip(bounds, bounds[1:])
        if keep_stop > keep_start
    ]
