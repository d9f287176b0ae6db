"""The baker models through torch.compile, on static shapes padded to buckets.

Compiled with dynamic shapes, the models kept compiling new graphs for new lengths (dynamo
guards on size thresholds inside the convolutions; on the baker vocoder it hit dynamo's
recompile limit within a few requests, after which it silently runs eagerly). So every compiled
call here sees one of a few static shapes, and a compiled voice compiles each of them once at
load (``warm_up``), so that no request pays for compiling:

- variance stage: ids [1, L] padded with 0 to a PHONE_BUCKETS length (the model masks them), the
  controls padded with their neutral values; outputs cut back to L. Exact.
- decoder + postnet: length-regulated frames [1, T, H] padded with zeros to a FRAME_BUCKETS
  length, the true length passed as the mask; mel cut back to T. Exact.
- vocoder: mel [1, T, M] padded to a VOCODER_BUCKETS length by repeating its last frame, the
  waveform cut back to T * hop. Padding changes the last receptive field's samples, so where the
  mel's end is the audio's end, those come from one more smallest-bucket window that ends
  exactly there (its own edge is the true edge). A longer mel is vocoded in windows of at most
  the largest bucket, each with the receptive field + 2 frames of context, and a mel shorter
  than the smallest bucket eagerly. All joins are exact (tests/unit/test_compile.py).

Batch size is 1 (compiled voices do not batch across requests: every batch size would be
another set of graphs).
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from yuyin.engine.batched_acoustic import NEUTRAL
from yuyin.engine.onnx_acoustic import CONTROLS, VarianceGraph
from yuyin.engine.streaming import Window, split_windows
from yuyin.models.fastspeech2 import FastSpeech2, ProsodyControls, _per_item, length_regulate
from yuyin.models.mb_melgan import MBMelGAN

BACKEND = "inductor"
PHONE_BUCKETS = tuple(16 << i for i in range(8))  # 16 .. 2048 (the model's position table)
FRAME_BUCKETS = PHONE_BUCKETS
VOCODER_BUCKETS = (80, 160, 320, 640)  # mel frames


def bucket(size: int, buckets: tuple[int, ...]) -> int:
    """The smallest bucket that holds size (ValueError past the largest)."""
    for candidate in buckets:
        if size <= candidate:
            return candidate
    raise ValueError(f"{size} exceeds the largest compiled shape {buckets[-1]}")


def _compile(function):
    return torch.compile(function, dynamic=False, backend=BACKEND)


class CompiledAcoustic:
    """FastSpeech2's two stages (the signatures of onnx_acoustic.TorchAcoustic, B = 1) through torch.compile."""

    def __init__(self, model: FastSpeech2):
        self.model = model
        self._variance = _compile(VarianceGraph(model))
        self._decode = _compile(model.decode)

    def variance(self, ids: torch.Tensor, controls: ProsodyControls) -> tuple[torch.Tensor, ...]:
        """ids [1, L] -> durations [1, L] int64, hidden [1, L, H], f0 [1, L], energy [1, L]."""
        length = ids.shape[1]
        tail = bucket(length, PHONE_BUCKETS) - length
        like = torch.zeros(ids.shape, device=ids.device, dtype=self.model.position_table.dtype)
        values = [F.pad(_per_item(getattr(controls, name), like).expand(ids.shape), (0, tail), value=NEUTRAL[name])
                  for name in CONTROLS]  # fmt: skip
        outputs = self._variance(F.pad(ids, (0, tail)), *values)
        return tuple(output[:, :length] for output in outputs)

    def mel(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor,
            keep: tuple[torch.Tensor, torch.Tensor] | None, durations: torch.Tensor) -> torch.Tensor:  # fmt: skip
        """The stage after the duration decision -> mel [1, T, M] with T = durations.sum()."""
        frames, lengths = length_regulate(hidden + self.model.embed_variance(f0, energy, keep), durations)
        count = frames.shape[1]
        padded = F.pad(frames, (0, 0, 0, bucket(count, FRAME_BUCKETS) - count))
        return self._decode(padded, lengths)[1][:, :count]

    def warm_up(self) -> None:
        """Compile every bucket's graphs."""
        parameter = self.model.position_table
        for length in PHONE_BUCKETS:
            self.variance(torch.ones(1, length, dtype=torch.long, device=parameter.device), ProsodyControls())
        for count in FRAME_BUCKETS:
            frames = torch.zeros(1, count, self.model.cfg.hidden_size, device=parameter.device, dtype=parameter.dtype)
            self._decode(frames, torch.tensor([count], device=parameter.device))


class CompiledVocoder:
    """MB-MelGAN's forward (mel [1, T, M] -> waveform [1, T * hop]) through torch.compile."""

    def __init__(self, vocoder: MBMelGAN):
        self._eager, self._forward = vocoder, _compile(vocoder)
        self.hop, self.context = vocoder.cfg.hop_size, vocoder.receptive_field_frames + 2
        if VOCODER_BUCKETS[0] <= 2 * self.context + vocoder.receptive_field_frames:
            raise ValueError("the smallest vocoder bucket must exceed the receptive field plus two contexts")

    def __call__(self, mel: torch.Tensor, exact_end: bool = True) -> torch.Tensor:
        """exact_end False: the last receptive field's samples may differ from the eager pass
        (the caller discards them, as a streaming window's right context)."""
        frames, smallest, largest = mel.shape[1], VOCODER_BUCKETS[0], VOCODER_BUCKETS[-1]
        if frames < smallest:  # short enough to run eagerly; exact
            return self._eager(mel)
        if frames > largest:
            pieces = math.ceil(frames / (largest - 2 * self.context))
            return self._joined(mel, split_windows(frames, pieces, self.context), exact_end)
        if not exact_end or frames in VOCODER_BUCKETS:
            padded = F.pad(mel.transpose(1, 2), (0, bucket(frames, VOCODER_BUCKETS) - frames), mode="replicate")
            return self._forward(padded.transpose(1, 2))[:, : frames * self.hop]
        # The end exact: a smallest-bucket window that ends at the mel's end, after a padded head.
        cut = frames - smallest + self.context
        head = Window(0, min(frames, cut + self.context), 0, cut)
        return self._joined(mel, [head, Window(frames - smallest, frames, cut, frames)], exact_end)

    def _joined(self, mel: torch.Tensor, windows: list[Window], exact_end: bool) -> torch.Tensor:
        waves = []
        for window in windows:
            wave = self(mel[:, window.start : window.stop], exact_end and window.stop == mel.shape[1])
            lo, hi = (window.keep_start - window.start) * self.hop, (window.keep_stop - window.start) * self.hop
            waves.append(wave[:, lo:hi])
        return torch.cat(waves, dim=1)

    def warm_up(self, n_mels: int, like: torch.Tensor) -> None:
        """Compile every bucket's graph (like: a tensor on the vocoder's device and dtype)."""
        for frames in VOCODER_BUCKETS:
            self(like.new_zeros(1, frames, n_mels))
