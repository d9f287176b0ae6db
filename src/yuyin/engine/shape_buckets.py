"""Padding FastSpeech2's inputs to a few fixed lengths, exactly.

Runtimes that specialise their kernels per input shape pay for every new length: torch.compile
compiles a graph (see :mod:`.compiled`), and OpenVINO prepares its CPU kernels (on this
project's CPU the mel graph took ~20 ms more on the first call of each new frame count, 3x the
call itself). Padded to buckets, the set of shapes is small and known, so a runtime can prepare
all of them at load and no request pays.

Padding keeps the results exact, because the model masks it out:

- phone axis: ids 0 (the padding id), each control at its neutral value (1 for scales, 0 for
  shifts), hidden/f0/energy 0, dropout keep-masks 1, durations 0 (padding adds no frames);
- frame axis: the length-regulated frames past the true total are zero and masked by the true
  lengths in the decoder and postnet.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from yuyin.models.fastspeech2 import ProsodyControls, _per_item

CONTROLS = ("duration_scale", "f0_scale", "f0_shift", "energy_scale", "energy_shift")
NEUTRAL = {"duration_scale": 1.0, "f0_scale": 1.0, "f0_shift": 0.0, "energy_scale": 1.0, "energy_shift": 0.0}


def octave_buckets(smallest: int, largest: int, per_octave: int) -> tuple[int, ...]:
    """Lengths from smallest to largest (powers of two), per_octave evenly spaced steps in each
    octave: a padded length wastes at most 1/per_octave of its size. E.g. (16, 64, 2) ->
    (16, 24, 32, 48, 64); smallest must be a multiple of per_octave."""
    if smallest % per_octave or smallest & (smallest - 1) or largest & (largest - 1):
        raise ValueError("smallest and largest must be powers of two, smallest a multiple of per_octave")
    sizes, low = [smallest], smallest
    while low < largest:
        step = low // per_octave
        sizes.extend(low + step * k for k in range(1, per_octave + 1))
        low *= 2
    return tuple(sizes)


def bucket(size: int, buckets: tuple[int, ...]) -> int:
    """The smallest bucket that holds size (ValueError past the largest)."""
    for candidate in buckets:
        if size <= candidate:
            return candidate
    raise ValueError(f"{size} exceeds the largest bucket {buckets[-1]}")


def padded_controls(controls: ProsodyControls, ids: torch.Tensor, length: int) -> dict[str, torch.Tensor]:
    """Each control (float, [B] or [B, L]) as float [B, length] for ids [B, L]: broadcast over
    the L phones, then padded with its neutral value."""
    like = torch.zeros(ids.shape, device=ids.device)
    tail = length - ids.shape[1]
    return {name: F.pad(_per_item(getattr(controls, name), like).float().expand(ids.shape), (0, tail),
                        value=NEUTRAL[name])
            for name in CONTROLS}  # fmt: skip


def pad_phones(x: torch.Tensor, length: int, value: float = 0.0) -> torch.Tensor:
    """Pad the phone axis (1) of x [B, L] or [B, L, H] to length with value."""
    tail = length - x.shape[1]
    return F.pad(x, (0, tail) if x.dim() == 2 else (0, 0, 0, tail), value=value)
