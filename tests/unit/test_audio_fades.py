"""faded_edges: raised-cosine ramps at a clause's ends."""
from __future__ import annotations

import numpy as np

from yuyin.audio import faded_edges


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
