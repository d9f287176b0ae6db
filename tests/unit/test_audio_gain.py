"""apply_gain: linear below the knee, peaks bent smoothly below full scale (no hard clip)."""
from __future__ import annotations

import numpy as np

from yuyin.audio import LIMIT_KNEE, apply_gain


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
