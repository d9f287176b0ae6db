"""Exported execution of FastSpeech2 (onnxruntime on CPU or CUDA, or OpenVINO), as two graphs around the duration decision.

The split follows :meth:`BakerVoice._mels`: the runtime must see the predicted durations before
it commits to a unit (a unit whose frames overflow the position table is split, a single
overlong syllable compressed), and the dropout keep-masks are drawn only for the unit that is
kept. So:

- ``fastspeech2_variance``: ids [B, L] + the five prosody controls -> durations [B, L] int64,
  encoder hidden [B, L, H], f0 [B, L], energy [B, L] (encoder and variance predictors);
- ``fastspeech2_mel``: hidden, f0, energy, keep-masks [B, L, H] x2, durations -> mel [B, T, M]
  (variance embeddings, length regulator, decoder, postnet).

Every PyTorch path runs in ONNX: per-phone controls (styles) are [B, L] inputs (a float control
is passed as [1, 1] and broadcast in the graph), and seeded random masks are drawn by the PyTorch
model's own generator code and passed in as tensors ("keep_all" passes ones), so the same seed
gives the same draws on both backends. Parity: tests/integration/test_onnx_acoustic.py.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import numpy as np
import torch
from torch import nn

from yuyin.engine.onnx_session import CPU, GraphSpec, cached_session
from yuyin.engine.openvino_session import warming_up
from yuyin.engine.shape_buckets import CONTROLS, bucket, octave_buckets, pad_phones, padded_controls
from yuyin.models.fastspeech2 import FastSpeech2, ProsodyControls, length_regulate

EXPORT_VERSION = 4  # bump when either exported graph changes, so stale cache files are not reused
# Padded lengths for runtimes that prepare kernels per shape (OpenVINO): at most 1/8 wasted.
SHAPE_BUCKETS = octave_buckets(16, 2048, per_octave=8)  # phones and frames; 2048: the position table
# Longest phone bucket prepared at load. The front ends cap a unit at 60 voiced characters, at
# most 542 ids (60 letters spelled out; 60 hanzi: 170), so longer buckets (ids from SSML or
# other callers) are prepared on first use instead: preparing all of them held 40-60 MB more RSS.
WARM_PHONES = 576


class VarianceGraph(nn.Module):
    """ids [B, L] int64, controls each [B or 1, L or 1] -> durations [B, L] int64, hidden [B, L, H], f0, energy [B, L]."""

    def __init__(self, model: FastSpeech2):
        super().__init__()
        self.model = model

    def forward(self, ids: torch.Tensor, *controls: torch.Tensor | float) -> tuple[torch.Tensor, ...]:
        """controls in CONTROLS order (floats allowed in eager use)."""
        hidden, mask = self.model.encode(ids)
        durations, f0, energy = self.model.predict_variance(hidden, mask, ProsodyControls(*controls))
        return durations, hidden, f0, energy


class MelGraph(nn.Module):
    """hidden [B, L, H], f0, energy [B, L], keep-masks (energy, f0) [B, L, H], durations [B, L],
    frame_count [1] int64 -> mel [B, T, M] with T = frame_count[0] (at least every item's frames;
    frames past an item's own are padding)."""

    def __init__(self, model: FastSpeech2):
        super().__init__()
        self.model = model

    def forward(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor, energy_keep: torch.Tensor | None,
                f0_keep: torch.Tensor | None, durations: torch.Tensor, frame_count: torch.Tensor | None = None
                ) -> torch.Tensor:  # fmt: skip
        """Keep-masks None (eager only): keep every element; frame_count None: the longest item's frames."""
        keep = None if energy_keep is None or f0_keep is None else (energy_keep, f0_keep)
        hidden = hidden + self.model.embed_variance(f0, energy, keep)
        frames, lengths = length_regulate(hidden, durations, None if frame_count is None else frame_count[0])
        return self.model.decode(frames, lengths)[1]


def acoustic_graphs(model: FastSpeech2) -> list[tuple[nn.Module, GraphSpec]]:
    """The two exportable graphs of model with their specs (batch, phone and frame axes dynamic)."""
    model = model.float().eval()
    b, l, h = 1, 7, model.cfg.hidden_size
    ids = torch.tensor([[1, 8, 56, 2, 23, 1, 218]])
    controls = {name: torch.ones(b, l) for name in CONTROLS}
    per_phone = {0: "batch", 1: "phones"}
    variance = GraphSpec(
        name="fastspeech2_variance", version=EXPORT_VERSION, inputs={"ids": ids, **controls},
        outputs=("durations", "hidden", "f0", "energy"),
        dynamic_axes={"ids": per_phone, **{n: {0: f"{n}_batch", 1: f"{n}_phones"} for n in CONTROLS},
                      "durations": per_phone, "hidden": per_phone, "f0": per_phone, "energy": per_phone},
    )  # fmt: skip
    mel = GraphSpec(
        name="fastspeech2_mel", version=EXPORT_VERSION, outputs=("mel",),
        inputs={"hidden": torch.randn(b, l, h), "f0": torch.zeros(b, l), "energy": torch.zeros(b, l),
                "energy_keep": torch.ones(b, l, h), "f0_keep": torch.ones(b, l, h),
                "durations": torch.full((b, l), 3, dtype=torch.long), "frame_count": torch.tensor([3 * l + 5])},
        dynamic_axes={"hidden": per_phone, "f0": per_phone, "energy": per_phone, "energy_keep": per_phone,
                      "f0_keep": per_phone, "durations": per_phone, "mel": {0: "batch", 1: "frames"}},
    )  # fmt: skip
    return [(VarianceGraph(model), variance), (MelGraph(model), mel)]


class OnnxAcoustic:
    """FastSpeech2's two exported stages through onnxruntime or OpenVINO; same signatures as
    :class:`TorchAcoustic`. One pair of sessions serves concurrent callers.

    Under OpenVINO, which prepares its kernels for each new input shape (a new frame count cost
    the mel graph ~20 ms on its first call), phones and frames are padded to SHAPE_BUCKETS
    (exact, see :mod:`.shape_buckets`) and ``warm_up`` runs every bucket once at load.
    """

    def __init__(self, model: FastSpeech2, weights: Path, cache_dir: Path, threads: int, int8: bool = False,
                 runtime: str = "onnxruntime", mel_bf16: bool = False, device: torch.device = CPU,
                 side_by_side: bool = False):  # fmt: skip
        """int8 (onnxruntime) / mel_bf16 (openvino): run the mel graph (decoder + postnet, most of
        the work) dynamically quantised / in bf16; the variance graph, which decides durations,
        always computes in float32. runtime: "onnxruntime" or "openvino" (see onnx_session);
        device: where onnxruntime runs the graphs (CPU or CUDA; inputs and outputs stay on the CPU);
        side_by_side (openvino): overlapping calls in one-thread streams (see openvino_session)."""
        self.hidden_size, self.int8, self.runtime, self.mel_bf16 = model.cfg.hidden_size, int8, runtime, mel_bf16
        self.buckets = SHAPE_BUCKETS if runtime == "openvino" else None
        (variance, variance_spec), (mel, mel_spec) = acoustic_graphs(model)
        self._variance = cached_session(variance, variance_spec, weights, cache_dir, threads, runtime=runtime,
                                        device=device, side_by_side=side_by_side)  # fmt: skip
        self._mel = cached_session(mel, mel_spec, weights, cache_dir, threads, int8=int8, runtime=runtime,
                                   bf16=mel_bf16, device=device, side_by_side=side_by_side)  # fmt: skip

    @property
    def side_by_side(self) -> bool:
        """Whether overlapping calls run in one-thread OpenVINO streams."""
        return getattr(self._mel, "side_by_side", False)

    def variance(self, ids: torch.Tensor, controls: ProsodyControls) -> tuple[torch.Tensor, ...]:
        """ids [B, L] int64 -> durations [B, L] int64, hidden [B, L, H], f0 [B, L], energy [B, L]."""
        length = ids.shape[1]
        padded = self._padded(length)
        feeds = {name: value.numpy() for name, value in padded_controls(controls, ids, padded).items()}
        outputs = self._variance.run(None, {"ids": pad_phones(ids, padded).numpy(), **feeds})
        return tuple(torch.from_numpy(output[:, :length]) for output in outputs)

    def mel(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor,
            keep: tuple[torch.Tensor, torch.Tensor] | None, durations: torch.Tensor) -> torch.Tensor:  # fmt: skip
        """The stage after the duration decision -> mel [B, T, M] with T the longest item's
        frames, at least 1 (keep None: keep every element)."""
        frames = max(int(durations.sum(dim=1).max()), 1)
        phones = self._padded(hidden.shape[1])
        energy_keep, f0_keep = keep if keep is not None else (torch.ones(*f0.shape, self.hidden_size),) * 2
        feeds: Mapping[str, np.ndarray] = {
            "hidden": pad_phones(hidden, phones).numpy(), "f0": pad_phones(f0, phones).numpy(),
            "energy": pad_phones(energy, phones).numpy(), "energy_keep": pad_phones(energy_keep, phones, 1.0).numpy(),
            "f0_keep": pad_phones(f0_keep, phones, 1.0).numpy(), "durations": pad_phones(durations, phones).numpy(),
            "frame_count": np.array([self._padded(frames)], np.int64),
        }  # fmt: skip
        return torch.from_numpy(self._mel.run(None, dict(feeds))[0][:, :frames])

    def warm_up(self) -> None:
        """Run every frame bucket and the phone buckets up to WARM_PHONES once (nothing without
        buckets), so that no unit of the front ends is the first of its shape."""
        with warming_up():
            for size in self.buckets or ():
                if size <= WARM_PHONES:
                    self.variance(torch.ones(1, size, dtype=torch.long), ProsodyControls())
                hidden, zeros = torch.zeros(1, 16, self.hidden_size), torch.zeros(1, 16)
                durations = torch.full((1, 16), size // 16, dtype=torch.long)
                self.mel(hidden, zeros, zeros, None, durations)

    def _padded(self, size: int) -> int:
        """size rounded up to its bucket (size itself without buckets)."""
        return bucket(size, self.buckets) if self.buckets else size


class TorchAcoustic:
    """FastSpeech2's two stages in eager PyTorch (any device and dtype): the same modules that are exported."""

    def __init__(self, model: FastSpeech2):
        self._variance, self._mel = VarianceGraph(model), MelGraph(model)

    def variance(self, ids: torch.Tensor, controls: ProsodyControls) -> tuple[torch.Tensor, ...]:
        return self._variance(ids, *(getattr(controls, name) for name in CONTROLS))

    def mel(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor,
            keep: tuple[torch.Tensor, torch.Tensor] | None, durations: torch.Tensor) -> torch.Tensor:  # fmt: skip
        return self._mel(hidden, f0, energy, *(keep or (None, None)), durations)

