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
- vocoder: mel [1, T, M] vocoded in pieces of VOCODER_BUCKETS lengths, padded by repeating the
  last frame, with the mel's true end from an unpadded smallest-bucket piece (exact; see
  :mod:`.vocoder_pieces`); a mel shorter than the smallest bucket whose end is the audio's end
  runs eagerly.

Batch size is 1 (compiled voices do not batch across requests: every batch size would be
another set of graphs).
"""
from __future__ import annotations

import time
from typing import Callable

import torch
import torch.nn.functional as F

from yuyin.engine.onnx_acoustic import VarianceGraph
from yuyin.engine.shape_buckets import CONTROLS, bucket, pad_phones, padded_controls
from yuyin.engine.vocoder_pieces import check_buckets, plan_pieces, vocode_in_pieces
from yuyin.models.fastspeech2 import FastSpeech2, ProsodyControls, length_regulate
from yuyin.models.mb_melgan import MBMelGAN

BACKEND = "inductor"
PHONE_BUCKETS = tuple(16 << i for i in range(8))  # 16 .. 2048 (the model's position table)
FRAME_BUCKETS = PHONE_BUCKETS
VOCODER_BUCKETS = (80, 160, 320, 640)  # mel frames


def recompile_headroom() -> int:
    """Graphs dynamo may keep per compiled function here: twice the most buckets any of them has.
    Its default (8) is exactly PHONE_BUCKETS' count, so one guard beyond the shapes (another
    dtype or grad mode) would tip a function into running eagerly for good, with only a log line."""
    return 2 * max(len(PHONE_BUCKETS), len(FRAME_BUCKETS), len(VOCODER_BUCKETS))


def _compile(function):
    config = torch._dynamo.config
    config.recompile_limit = max(config.recompile_limit, recompile_headroom())  # process-wide; only ever raised
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
        padded = bucket(length, PHONE_BUCKETS)
        dtype = self.model.position_table.dtype
        values = padded_controls(controls, ids, padded)
        outputs = self._variance(pad_phones(ids, padded), *(values[name].to(dtype) for name in CONTROLS))
        return tuple(output[:, :length] for output in outputs)

    def mel(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor,
            keep: tuple[torch.Tensor, torch.Tensor] | None, durations: torch.Tensor) -> torch.Tensor:  # fmt: skip
        """The stage after the duration decision -> mel [1, T, M] with T = durations.sum()."""
        frames, lengths = length_regulate(hidden + self.model.embed_variance(f0, energy, keep), durations)
        count = frames.shape[1]
        padded = F.pad(frames, (0, 0, 0, bucket(count, FRAME_BUCKETS) - count))
        return self._decode(padded, lengths)[1][:, :count]

    def warm_up(self, progress: ShapeProgress) -> None:
        """Compile every bucket's graphs, each counted by progress."""
        parameter = self.model.position_table
        for length in PHONE_BUCKETS:
            self.variance(torch.ones(1, length, dtype=torch.long, device=parameter.device), ProsodyControls())
            progress.compiled()
        for count in FRAME_BUCKETS:
            frames = torch.zeros(1, count, self.model.cfg.hidden_size, device=parameter.device, dtype=parameter.dtype)
            self._decode(frames, torch.tensor([count], device=parameter.device))
            progress.compiled()


class CompiledVocoder:
    """MB-MelGAN's forward (mel [1, T, M] -> waveform [1, T * hop]) through torch.compile, on
    pieces of VOCODER_BUCKETS lengths (see :mod:`.vocoder_pieces`)."""

    def __init__(self, vocoder: MBMelGAN):
        self._eager, self._forward = vocoder, _compile(vocoder)
        self.hop, self.context = vocoder.cfg.hop_size, vocoder.receptive_field_frames + 2
        self.buckets = VOCODER_BUCKETS
        check_buckets(VOCODER_BUCKETS, self.context)

    def __call__(self, mel: torch.Tensor, exact_end: bool = True) -> torch.Tensor:
        """exact_end False: the last receptive field's samples may differ from the eager pass
        (the caller discards them, as a streaming window's right context)."""
        pieces = plan_pieces(mel.shape[1], VOCODER_BUCKETS, self.context, exact_end)
        return vocode_in_pieces(mel, pieces, self.hop, self._run)

    def _run(self, mel: torch.Tensor) -> torch.Tensor:
        """A bucket-length piece compiled; a short exact one (no bucket) eagerly."""
        return (self._forward if mel.shape[1] in VOCODER_BUCKETS else self._eager)(mel)

    def warm_up(self, n_mels: int, like: torch.Tensor, progress: ShapeProgress) -> None:
        """Compile every bucket's graph (like: a tensor on the vocoder's device and dtype), each counted by progress."""
        for frames in VOCODER_BUCKETS:
            self(like.new_zeros(1, frames, n_mels))
            progress.compiled()


class ShapeProgress:
    """Reports compiling a voice's graphs, one per bucket: a line at the start and one per graph
    compiled, with the time so far (compiling them all takes minutes on a CPU)."""

    def __init__(self, report: Callable[[str], None], clock: Callable[[], float] = time.monotonic):
        self._report, self._clock = report, clock
        self._started, self._done = clock(), 0
        self._total = len(PHONE_BUCKETS) + len(FRAME_BUCKETS) + len(VOCODER_BUCKETS)
        report(f"compiling the models for {self._total} shapes, so that no request waits for it "
               "(minutes on a CPU)")  # fmt: skip

    def compiled(self) -> None:
        self._done += 1
        self._report(f"compiled {self._done}/{self._total} shapes ({self._clock() - self._started:.0f} s)")
