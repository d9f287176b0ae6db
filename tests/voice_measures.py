"""Loudness as a listener hears it: the level of the speech, not of the pauses around it."""
from __future__ import annotations

import numpy as np


def speech_level_db(wave: np.ndarray, rate: int) -> float:
    """Active-speech RMS in dBFS: the mean power of the 25 ms frames within 35 dB of the loudest."""
    frame = int(0.025 * rate)
    power = np.mean(wave[: len(wave) // frame * frame].reshape(-1, frame).astype(np.float64) ** 2, axis=1)
    decibels = 10 * np.log10(power + 1e-10)
    return float(10 * np.log10(np.mean(power[decibels > decibels.max() - 35])))
