"""Chunk plans for streaming a vocoder over a mel without seams.

The vocoder is convolutional with a finite receptive field, so a window of mel frames extended by
at least that many context frames on each side yields, for its central frames, exactly the
samples the whole-mel pass would (up to float rounding). The first window is small so audio
starts early; later windows grow to amortise the context overhead: at least doubling, and
further where the stream's pace allows (:class:`StreamPace`).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterator

from yuyin.engine.shape_buckets import bucket

# A window may take at most this share of the audio its listener has buffered when it starts.
PACE_SAFETY = 0.5
_UNLIMITED = 1 << 30  # frames


class StreamPace:
    """How far one stream runs ahead of its listener, and what its windows cost: one per request.

    The listener plays from the first audio handed out on, so it has buffered the audio handed
    out minus the wall time since then. A window's cost is measured from handing it out to being
    asked for the next, per frame: vocoding, the consumer's own work (encoding, sending) and any
    wait for a worker under load, so on a busy server a stream's windows only double, while on
    an idle one they soon reach the longest its plan allows (fewer windows, less context
    vocoded twice). Measured on the HTTP server with 16 streaming clients on 2 cores: 43 ->
    49-53 audio-s/s; time to first audio under that load p50 85-113 -> 120-159 ms, p95 alike.
    """

    def __init__(self, clock: Callable[[], float] = time.perf_counter):
        self.clock = clock
        self._first_audio: float | None = None
        self._audio = 0.0
        self._seconds_per_frame: float | None = None

    def heard(self, seconds: float) -> None:
        """Count seconds of audio handed to the listener (the first call starts its playback)."""
        if self._first_audio is None:
            self._first_audio = self.clock()
        self._audio += seconds

    def ran(self, frames: int, seconds: float) -> None:
        """Record a window of frames that took seconds from being handed out to the next request."""
        self._seconds_per_frame = seconds / frames

    def affordable_frames(self) -> int:
        """Frames a window may run now (PACE_SAFETY of the buffered audio at the last measured
        cost per frame); 0 before any audio or measurement."""
        if self._first_audio is None or self._seconds_per_frame is None:
            return 0
        buffered = self._audio - (self.clock() - self._first_audio)
        if buffered <= 0:
            return 0
        budget = PACE_SAFETY * buffered  # seconds; a clock too coarse to see a window makes it free
        return _UNLIMITED if budget >= self._seconds_per_frame * _UNLIMITED else int(budget / self._seconds_per_frame)


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
    run_lengths: ascending window lengths the vocoder runs at, padding a shorter window (see
    vocoder_pieces); a window that would be padded keeps more frames instead, up to its run
    length, since those cost nothing more, and the last window starts earlier to be a run length
    long. Empty: windows are as planned.
    """

    first_frames: int
    context_frames: int
    max_frames: int = 0
    run_lengths: tuple[int, ...] = ()
    pace: StreamPace | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.first_frames < 1:
            raise ValueError(f"chunk size must be >= 1 frame, got {self.first_frames}")
        if self.context_frames < 0:
            raise ValueError("context_frames must be >= 0")

    def windows(self, total_frames: int) -> Iterator[Window]:
        """Cover [0, total_frames) with consecutive emitted ranges."""
        size, keep_start = self._paced(self.first_frames), 0
        while keep_start < total_frames:
            start = max(0, keep_start - self.context_frames)
            keep_stop = self._filled(start, min(keep_start + size, total_frames), total_frames)
            if keep_stop == total_frames:
                start = self._reaching_back(start, total_frames)
            window = Window(start, min(total_frames, keep_stop + self.context_frames), keep_start, keep_stop)
            handed_out = self.pace.clock() if self.pace else 0.0
            yield window
            if self.pace:
                self.pace.ran(window.stop - window.start, self.pace.clock() - handed_out)
            keep_start = keep_stop
            size = self._paced(min(size * 2, self._ceiling))

    @property
    def _ceiling(self) -> int:
        return max(self.max_frames, self.first_frames)

    def _paced(self, size: int) -> int:
        """size, or more kept frames where the pace affords a longer window (up to the ceiling)."""
        if self.pace is None:
            return size
        affordable = self.pace.affordable_frames() - 2 * self.context_frames
        return max(size, min(affordable, self._ceiling))

    def _run_length(self, length: int) -> int | None:
        """The run length a window of length frames runs at (None: no run lengths hold it)."""
        return bucket(length, self.run_lengths) if self.run_lengths and length <= self.run_lengths[-1] else None

    def _filled(self, start: int, keep_stop: int, total_frames: int) -> int:
        """keep_stop moved on until the window from start fills its run length (the mel's end at most)."""
        stop = keep_stop + self.context_frames
        run_length = self._run_length(stop - start)
        if stop >= total_frames or run_length is None:
            return keep_stop
        grown = keep_stop + run_length - (stop - start)
        return total_frames if grown + self.context_frames >= total_frames else grown

    def _reaching_back(self, start: int, total_frames: int) -> int:
        """The start of the last window moved back until the window is a run length long, where
        the mel has the frames: the window then runs unpadded at its true end (more left context
        changes no kept sample), where a padded one would need a second, exact, piece there."""
        run_length = self._run_length(total_frames - start)
        return total_frames - run_length if run_length is not None and run_length <= total_frames else start


def split_windows(total_frames: int, pieces: int, context_frames: int) -> list[Window]:
    """Cover [0, total_frames) with pieces emitted ranges of near-equal length, each vocoded with
    context_frames of context on each side, so that the joined pieces equal the whole pass."""
    bounds = [round(i * total_frames / pieces) for i in range(pieces + 1)]
    return [
        Window(max(0, keep_start - context_frames), min(total_frames, keep_stop + context_frames), keep_start, keep_stop)
        for keep_start, keep_stop in zip(bounds, bounds[1:])
        if keep_stop > keep_start
    ]
