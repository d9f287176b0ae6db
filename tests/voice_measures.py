"""Measures of synthesised speech for tests: its pitch (WORLD's harvest through pyworld) and how
far one waveform is from another."""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np


@functools.cache
def pyworld() -> ModuleType:
    """pyworld 0.3.5's __init__ needs pkg_resources only for its version: load the extension directly."""
    try:
        import pyworld as module
    except ModuleNotFoundError as exc:
        if exc.name != "pkg_resources":  # pyworld itself is missing: it is part of the test extra
            raise
        spec = importlib.util.find_spec("pyworld")
        assert spec is not None and spec.submodule_search_locations
        ext = next(Path(spec.submodule_search_locations[0]).glob("pyworld*.so"))
        module_spec = importlib.util.spec_from_file_location("pyworld.pyworld", ext)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
    return module


def f0_semitones(wave: np.ndarray, rate: int) -> np.ndarray:
    """Voiced frames' f0 (WORLD's harvest, 10 ms frames) in semitones above 100 Hz, octave errors
    (over 9 semitones from the median) dropped."""
    f0, _ = pyworld().harvest(wave.astype(np.float64), rate, f0_floor=60.0, f0_ceil=600.0, frame_period=10.0)
    semitones = 12 * np.log2(f0[f0 > 0] / 100.0)
    return semitones[np.abs(semitones - np.median(semitones)) < 9.0]


def snr_db(reference: np.ndarray, other: np.ndarray) -> float:
    """Signal-to-noise ratio in dB of other against reference [N] (inf where they are equal)."""
    error = float(np.sum((other - reference) ** 2))
    return float("inf") if error == 0 else float(10 * np.log10(np.sum(reference**2) / error))
