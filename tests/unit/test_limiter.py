"""The look-ahead peak limiter: no sample past the ceiling, the waveform kept, chunks equal the whole."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin.engine.limiter import BLOCK_SECONDS, CEILING, DELAY_BLOCKS, HOLD_BLOCKS, LOOKAHEAD_BLOCKS, PeakLimiter, limited

RATE = 24000
BLOCK = round(BLOCK_SECONDS * RATE)


def speech_like(seconds: float = 2.0, seed: int = 0) -> np.ndarray:
    """[N] float32: noise under a slow envelope, with a burst five times louder at 1 s."""
    rng = np.random.default_rng(seed)
    count = round(seconds * RATE)
    wave = rng.normal(0, 0.25, count) * np.sin(np.linspace(0, 12, count)) ** 2
    wave[RATE : RATE + 240] *= 5
    return wave.astype(np.float32)


def whole(wave: np.ndarray, gain: float) -> np.ndarray:
    return np.concatenate(list(limited([(wave, True)], gain, RATE)))


def test_no_sample_passes_the_ceiling_and_the_count_is_kept() -> None:
    wave = speech_like()
    out = whole(wave, 4.0)
    assert out.shape == wave.shape and out.dtype == np.float32
    assert np.abs(out).max() <= CEILING + 1e-6 and np.abs(wave * 4).max() > 3 * CEILING


def test_below_the_ceiling_the_output_is_the_input() -> None:
    wave = speech_like() * np.float32(0.3 / np.abs(speech_like()).max())
    assert np.array_equal(whole(wave, 1.0), wave)
    assert np.array_equal(whole(wave, 2.0), wave * np.float32(2.0))


def test_the_gain_is_a_smooth_envelope_not_a_clip() -> None:
    """A 200 Hz tone at 0.5 with 50 ms at 2.0 in the middle: the loud part is scaled to the
    ceiling, not bent; the gain falls before it and rises after it no faster than over
    LOOKAHEAD_BLOCKS + 1 blocks, and is 1 again once the hold has passed."""
    time = np.arange(RATE) / RATE
    level = np.where((time >= 0.5) & (time < 0.55), 2.0, 0.5)
    wave = (level * np.sin(2 * np.pi * 200 * time)).astype(np.float32)
    out = whole(wave, 1.0)
    where = np.flatnonzero(np.abs(wave) > 0.05)
    gain = out[where] / wave[where]
    assert np.all(gain <= 1.0 + 1e-6) and abs(gain.min() - CEILING / 2.0) < 0.01
    steepest = (1.0 - gain.min()) / ((LOOKAHEAD_BLOCKS + 1) * BLOCK)
    assert np.all(np.abs(np.diff(gain)) <= steepest * np.diff(where) + 1e-6)
    lowered = where[gain < 1.0 - 1e-6]
    assert lowered.min() >= 0.5 * RATE - (LOOKAHEAD_BLOCKS + 1) * BLOCK
    assert lowered.max() <= 0.55 * RATE + (HOLD_BLOCKS + LOOKAHEAD_BLOCKS + 2) * BLOCK


@pytest.mark.parametrize("sizes", [[1, 7, 300, 5000], [BLOCK] * 40, [BLOCK - 1, BLOCK + 1] * 30, [100000]])
def test_chunks_join_to_the_whole_bit_for_bit(sizes: list[int]) -> None:
    wave = speech_like()
    cuts = np.cumsum(sizes)
    pieces = np.split(wave, cuts[cuts < len(wave)])
    flagged = [(piece, index == len(pieces) - 1) for index, piece in enumerate(pieces)]
    streamed = list(limited(flagged, 3.0, RATE))
    assert np.array_equal(np.concatenate(streamed), whole(wave, 3.0))
    assert len(streamed) <= len(pieces)  # the last piece brings the held-back samples with it
    unflagged = np.concatenate(list(limited([(piece, False) for piece in pieces], 3.0, RATE)))
    assert np.array_equal(unflagged, whole(wave, 3.0))  # a stream that never said its end is flushed after


def test_it_holds_back_only_the_look_ahead() -> None:
    limiter = PeakLimiter(RATE)
    assert len(limiter.process(np.zeros(BLOCK * (DELAY_BLOCKS - 1), np.float32))) == 0
    out = limiter.process(np.zeros(BLOCK * 10 + 5, np.float32))
    assert len(out) == BLOCK * (10 + DELAY_BLOCKS - 1 - DELAY_BLOCKS)
    assert len(out) + len(limiter.flush()) == BLOCK * (DELAY_BLOCKS - 1) + BLOCK * 10 + 5
    assert len(limiter.flush()) == 0


def test_a_peak_in_the_last_samples_is_limited_at_the_flush() -> None:
    wave = np.full(1000, 0.1, np.float32)
    wave[-1] = 0.9
    out = whole(wave, 2.0)
    assert abs(out[-1]) <= CEILING + 1e-6 and out[0] == np.float32(0.2)
