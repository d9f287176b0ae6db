"""Tempo by resampling a mel's time axis: the same spectra at another frame spacing.

Output frame i sits at source position ``i * speed`` and is the linear interpolation of the two
source frames around it. The vocoder renders a fixed number of samples per frame whatever their
spacing, so the speech gets faster or slower and keeps its pitch. Used by the ttskit voice for
every speed (Tacotron2 has no durations) and by the baker voice past the speeds its duration
model renders well (see baker_voice.MAX_MODEL_SPEED).

Neither vocoder keeps its loudness at such mels (both lose ~5 dB of speech level at 4x), so each
voice measures how its level moves with speed and undoes it with :func:`level_gain`.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Callable

import numpy as np
import torch


def resampled_frames(frames: int, speed: float) -> int:
    """Output frames for ``frames`` source frames at speed (the last lies on or before the last source frame)."""
    if frames <= 0:
        return 0
    return math.floor((frames - 1) / speed + 1e-9) + 1 if speed != 1.0 else frames


def source_stop(out_stop: int, speed: float) -> int:
    """Source frames [0, s) that output frames [0, out_stop) interpolate from (out_stop >= 1)."""
    return out_stop if speed == 1.0 else math.floor((out_stop - 1) * speed) + 2


def interpolate_frames(read: Callable[[int, int], torch.Tensor], start: int, stop: int, speed: float,
                       kept: int) -> torch.Tensor:  # fmt: skip
    """Output frames [start, stop) at speed -> [M, stop - start].

    read(first, last) returns source frames [first, last) as [M, last - first]; kept: the source
    frames that exist (an upper bound while they are still being produced)."""
    if speed == 1.0:
        return read(start, stop)
    positions = np.arange(start, stop, dtype=np.float64) * speed
    low = np.floor(positions).astype(np.int64)
    high = np.minimum(low + 1, kept - 1)
    first, last = int(low[0]), int(high.max()) + 1
    source = read(first, last)
    frac = torch.from_numpy(positions - low).to(source)
    low_index, high_index = torch.from_numpy(low - first), torch.from_numpy(high - first)
    return source[:, low_index] * (1 - frac) + source[:, high_index] * frac


def faster_mel(mel: torch.Tensor, speed: float) -> torch.Tensor:
    """A whole mel [B, T, M] at speed -> [B, resampled_frames(T, speed), M]."""
    if speed == 1.0:
        return mel
    frames = mel.shape[1]
    rows = [interpolate_frames(lambda a, b, row=row: row[a:b].T, 0, resampled_frames(frames, speed), speed, frames).T
            for row in mel]  # fmt: skip
    return torch.stack(rows).contiguous()


def level_gain(speed: float, level_change_db: Mapping[float, float]) -> float:
    """The linear gain that undoes how a voice's speech level changes with speed.

    level_change_db: measured speed -> change of the speech level against speed 1 in dB;
    linear in between, the measured ends held beyond them."""
    speeds = sorted(level_change_db)
    change = float(np.interp(speed, speeds, [level_change_db[s] for s in speeds]))
    return 10 ** (-change / 20)
