"""apply_gain: linear below the knee, peaks bent smoothly below full scale (no hard clip);
faded_edges: raised-cosine ramps at a clause's ends."""
from __future__ import annotations

import numpy as np

from yuyin.audio import LIMIT_KNEE, apply_gain, faded_edges


def test_gain_is_linear_below_the_knee_and_bends_peaks_below_one() -> None:
    wave = np.linspace(-2.0, 2.0, 40001, dtype=np.float32)
    louder = apply_gain(wave, 1.5)
    plain = np.abs(wave * 1.5) <= LIMIT_KNEE
    assert np.array_equal(louder[plain], (wave * np.float32(1.5))[plain])
    assert np.all(np.abs(louder) <= 1.0) and np.all(np.diff(louder) >= 0)  # within full scale, still monotonic
    assert np.all(np.abs(louder[np.abs(wave * 1.5) <= 1.2]) < 0.9999)  # a fifth past full scale still clears it
    assert np.max(np.abs(np.diff(louder))) <= 1.5 * (4.0 / 40000) * 1.01  # slope at most the gain: no jump at the knee


def test_gain_one_leaves_the_samples_and_chunks_equal_the_whole() -> None:
    wave = np.random.default_rng(0).normal(0, 0.5, 5000).astype(np.float32)
    assert apply_gain(wave, 1.0) is wave
    whole = apply_gain(wave, 3.0)
    assert np.array_equal(np.concatenate([apply_gain(part, 3.0) for part in np.array_split(wave, 7)]), whole)
    assert whole.dtype == np.float32


def test_faded_edges_ramp_from_zero_to_one_and_back_leaving_the_middle() -> None:
    ones = np.ones(100, np.float32)
    faded = faded_edges(ones, 10, 20)
    ramp_in = 0.5 - 0.5 * np.cos(np.pi * (np.arange(10) + 0.5) / 10)
    ramp_out = (0.5 - 0.5 * np.cos(np.pi * (np.arange(20) + 0.5) / 20))[::-1]
    np.testing.assert_allclose(faded[:10], ramp_in, rtol=1e-6)
    np.testing.assert_allclose(faded[80:], ramp_out, rtol=1e-6)
    assert np.array_equal(faded[10:80], ones[10:80]) and np.array_equal(ones, np.ones(100))  # the input is left alone
    assert faded[0] < 0.03 and faded[-1] < 0.01 and np.all(np.diff(faded[:10]) > 0)


def test_faded_edges_of_nothing_or_of_a_piece_shorter_than_the_ramp() -> None:
    wave = np.full(5, 0.5, np.float32)
    assert faded_edges(wave) is wave and faded_edges(wave, 0, 0) is wave
    short = faded_edges(wave, 8, 0)
    assert short.shape == (5,) and short[0] < 0.05 and short[-1] < 0.5
    assert faded_edges(np.zeros(0, np.float32), 4, 4).shape == (0,)
