"""ONNX Runtime execution of vocoders on CPU: the mel -> wave session helper, and MB-MelGAN.

The PyTorch module stays the source of truth: it is exported once per weights file (see
:mod:`yuyin.engine.onnx_session`, dynamic frame axis) and run with onnxruntime, which
keeps activations in blocked layouts between convolutions instead of reordering around every
one; on this project's 2-core CPU that made the vocoder about 1.7-2x faster than eager PyTorch.
Outputs match the PyTorch module to ~1e-5 (tests/integration/test_onnx_vocoder.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from yuyin.engine import onnx_session
from yuyin.models.mb_melgan import MBMelGAN

if TYPE_CHECKING:
    import onnxruntime

EXPORT_VERSION = 1  # bump when the exported graph changes, so stale cache files are not reused


class _WaveformGraph(nn.Module):
    """mel [1, T, M] -> waveform [1, T * hop]: the exportable core (no short-mel padding)."""

    def __init__(self, vocoder: MBMelGAN):
        super().__init__()
        self.vocoder = vocoder

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        return self.vocoder.pqmf(self.vocoder.subbands(mel))


class OnnxVocoder:
    """Callable mel [1, T, M] float tensor -> waveform [T * hop] float32 numpy, via onnxruntime.

    One session serves concurrent callers (onnxruntime's ``run`` is thread-safe).
    """

    def __init__(self, vocoder: MBMelGAN, weights: Path, cache_dir: Path, threads: int):
        self.hop = vocoder.cfg.hop_size
        self.min_frames = vocoder.min_frames
        self.session = onnx_session.cached_session(*mb_melgan_graph(vocoder), weights, cache_dir, threads)

    def __call__(self, mel: torch.Tensor) -> np.ndarray:
        frames = mel.shape[1]
        if frames < self.min_frames:  # same edge handling as MBMelGAN.forward
            mel = torch.nn.functional.pad(mel.transpose(1, 2), (0, self.min_frames - frames), mode="replicate")
            mel = mel.transpose(1, 2)
        return run_session(self.session, mel)[0, : frames * self.hop]


def mb_melgan_graph(vocoder: MBMelGAN) -> tuple[nn.Module, onnx_session.GraphSpec]:
    """The exportable waveform graph of vocoder and its spec: mel [1, T, M] -> wave [1, T * hop]."""
    module = _WaveformGraph(vocoder.float().eval())
    example = torch.zeros(1, 2 * vocoder.min_frames, vocoder.cfg.n_mels)
    return module, vocoder_spec(module, example, frame_axis=1, name="mb_melgan")


def run_session(session: "onnxruntime.InferenceSession", mel: torch.Tensor) -> np.ndarray:
    """Run an exported vocoder on mel (any layout the graph was exported with); returns its output."""
    return session.run(None, {"mel": np.ascontiguousarray(mel.detach().float().cpu().numpy())})[0]


def cached_session(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str, weights: Path,
                   cache_dir: Path, threads: int) -> "onnxruntime.InferenceSession":  # fmt: skip
    """A vocoder's onnxruntime CPU session (input "mel", dynamic along frame_axis; output "wave",
    dynamic along its last axis), exported once per weights file into cache_dir."""
    return onnx_session.cached_session(module, vocoder_spec(module, example, frame_axis, name), weights, cache_dir, threads)


def vocoder_spec(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str) -> onnx_session.GraphSpec:
    """The export spec of a mel -> wave module (example mel, dynamic along frame_axis)."""
    with torch.no_grad():
        output_rank = module(example).dim()
    return onnx_session.GraphSpec(name=name, inputs={"mel": example}, outputs=("wave",), version=EXPORT_VERSION,
                                  dynamic_axes={"mel": {frame_axis: "frames"}, "wave": {output_rank - 1: "samples"}})
