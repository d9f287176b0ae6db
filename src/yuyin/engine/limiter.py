"""A look-ahead peak limiter that streams exactly: chunked output equals the whole.

A gain (``volume``, a style's loudness, a speaker's level) can drive a voice's peaks past full
scale. Bending each sample that is too loud (a soft clip) distorts the waveform; this limiter
turns the gain down smoothly a little before each peak and back up after it, so that no sample
exceeds ``CEILING`` (-1.5 dBFS) and the waveform's shape is kept.

It works on blocks of BLOCK_SECONDS. Per block ``k``: the gain that brings its loudest sample to
the ceiling, ``t[k] = min(1, CEILING / peak[k])``; the least of those from HOLD_BLOCKS before to
LOOKAHEAD_BLOCKS after, ``held[k]``; the mean of ``held[k - LOOKAHEAD_BLOCKS .. k]``, ``g[k]``.
Every ``held`` in that mean covers block ``k`` and block ``k - 1``, so ``g[k] <= t[k]`` and
``g[k + 1] <= t[k]``: the gain, interpolated linearly from ``g[k]`` to ``g[k + 1]`` across block
``k``, keeps all of its samples under the ceiling. The gain falls over LOOKAHEAD_BLOCKS blocks
before a peak, holds HOLD_BLOCKS after it, then rises as it fell.

A block's samples need the targets up to LOOKAHEAD_BLOCKS + 1 blocks past it, so the limiter
holds that much audio back (DELAY_BLOCKS: 8 ms) until more arrives or the stream ends. The
blocks are counted from the stream's first sample and every value is computed from the same
samples in the same order however the stream is cut, so the pieces join to the whole output
bit for bit. Where no sample is over the ceiling the output is the input.
"""
from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np

# -1.5 dBFS: room for the peaks between samples that resampling brings out (baker at volume 4,
# resampled to 48 kHz by soxr: up to 1.35 dB over the ceiling); lossy encoders add more and
# limit again below it (yuyin.audio.LOSSY_CEILING)
CEILING = 10 ** (-1.5 / 20)
BLOCK_SECONDS = 0.002
LOOKAHEAD_BLOCKS = 3  # the gain falls (and rises) over 6 ms
HOLD_BLOCKS = 15  # and stays down 30 ms after a peak: no gain riding on each wave of a vowel
DELAY_BLOCKS = LOOKAHEAD_BLOCKS + 1


class PeakLimiter:
    """One stream's limiter: ``process`` each piece [n] float32, then ``flush``; each returns
    the next limited samples [m] float32 (m may be 0 while the first blocks are held back).
    ceiling: the largest magnitude let through (CEILING unless said)."""

    def __init__(self, sample_rate: int, ceiling: float = CEILING):
        self.ceiling = ceiling
        self.block = max(1, round(BLOCK_SECONDS * sample_rate))
        self._pending = np.zeros(0, np.float32)  # samples not yet returned, from a block's start
        self._history = np.ones(HOLD_BLOCKS + LOOKAHEAD_BLOCKS, np.float64)  # t of the blocks before it

    def process(self, samples: np.ndarray, last: bool = False) -> np.ndarray:
        """The limited samples that samples [n] float32 let go; last: the stream ends with
        them, so all (a flush)."""
        self._pending = np.concatenate([self._pending, np.asarray(samples, np.float32)])
        return self.flush() if last else self._release(len(self._pending) // self.block - DELAY_BLOCKS)

    def flush(self) -> np.ndarray:
        """The samples still held back, limited as if silence followed them."""
        return self._release(-(-len(self._pending) // self.block))

    def _release(self, blocks: int) -> np.ndarray:
        """Return the first ``blocks`` blocks of the pending samples, limited (blocks past those
        pending read as silence: only a flush asks for gains that far)."""
        if blocks <= 0:
            return np.zeros(0, np.float32)
        count = -(-len(self._pending) // self.block)  # pending blocks, the last maybe partial
        padded = np.zeros(count * self.block, np.float32)
        padded[: len(self._pending)] = np.abs(self._pending)
        peaks = padded.reshape(count, self.block).max(axis=1).astype(np.float64)
        targets = np.minimum(1.0, self.ceiling / np.maximum(peaks, 1e-12))
        after = np.ones(DELAY_BLOCKS)  # past the pending samples: silence
        known = np.concatenate([self._history, targets, after])
        gains = _block_gains(known, len(self._history), blocks + 1)  # g[k] for blocks .. blocks + 1 (interpolation)
        cut = min(blocks * self.block, len(self._pending))
        out, self._pending = self._pending[:cut], self._pending[cut:]
        if np.all(gains == 1.0):
            limited = out.copy()
        else:
            ramp = np.arange(self.block) / self.block
            per_sample = (gains[:-1, None] + (gains[1:] - gains[:-1])[:, None] * ramp).ravel()[:cut]
            limited = (out * per_sample).astype(np.float32)
        self._history = known[blocks : blocks + len(self._history)]
        return limited


def _block_gains(targets: np.ndarray, first: int, count: int) -> np.ndarray:
    """g[k] (module doc) for blocks first .. first + count - 1 of targets [K] float64 -> [count];
    targets holds HOLD_BLOCKS + LOOKAHEAD_BLOCKS blocks before first and LOOKAHEAD_BLOCKS after
    the last one asked for."""
    def held(k0: int, n: int) -> np.ndarray:  # held[k0 .. k0 + n - 1]
        window = [targets[k0 + offset : k0 + offset + n] for offset in range(-HOLD_BLOCKS, LOOKAHEAD_BLOCKS + 1)]
        return np.minimum.reduce(window)

    start = first - LOOKAHEAD_BLOCKS
    holds = held(start, count + LOOKAHEAD_BLOCKS)
    total = np.zeros(count)
    for offset in range(LOOKAHEAD_BLOCKS + 1):
        total = total + holds[offset : offset + count]
    return total / (LOOKAHEAD_BLOCKS + 1)


def limited(pieces: Iterable[tuple[np.ndarray, bool]], gain: float, sample_rate: int) -> Iterator[np.ndarray]:
    """(piece [n_i] float32, whether it is the stream's last) of one stream, times gain and
    limited (PeakLimiter) -> pieces [m_j] float32: as many samples in all, each piece held
    back by up to DELAY_BLOCKS blocks but the last one, which brings them all; pieces that
    come out empty are left out (a stream that ends without a last piece is flushed after)."""
    limiter = PeakLimiter(sample_rate)
    for piece, last in pieces:
        out = limiter.process(piece if gain == 1.0 else piece * np.float32(gain), last)
        if len(out):
            yield out
    tail = limiter.flush()
    if len(tail):
        yield tail
