"""ONNX Runtime execution of the ttskit voice's MelGAN generator (CPU, or CUDA with onnxruntime-gpu).

The PyTorch :class:`~yuyin.models.melgan.MelGAN` stays the source of truth: it is exported once
per weights file (TorchScript exporter, dynamic frame axis) into ``$YUYIN_HOME/cache/onnx`` and
run with onnxruntime. On this project's 2-core CPU that was 1.15-1.25x faster than eager PyTorch
at one thread, and far steadier at two threads on a busy machine (eager PyTorch's OpenMP pool
slowed down 4-16x there, onnxruntime's about 1.5x); the graph is exported with 2-D convs
(:mod:`.conv2d_rewrite`, another ~10 %). Outputs match the PyTorch module to ~5e-7.
Same pattern as :mod:`yuyin.engine.onnx_vocoder` (the baker vocoder).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from torch import nn

from yuyin.engine.conv2d_rewrite import HeightOne, as_conv2d
from yuyin.engine.onnx_vocoder import cached_session, run_session
from yuyin.models.melgan import MelGAN


class _MelGAN2d(nn.Module):
    """MelGAN.forward with its generator rewritten as 2-D convs (see :mod:`.conv2d_rewrite`)."""

    def __init__(self, vocoder: MelGAN):
        super().__init__()
        self.offset, self.scale = vocoder.config.mel_offset, vocoder.config.mel_scale
        self.generator = HeightOne(as_conv2d(vocoder.generator))

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        """mel [B, M, T] -> audio [B, 1, T * H]."""
        return self.generator((mel + self.offset) / self.scale)


class OnnxMelGAN:
    """Callable: mel [1, M, T] float tensor -> ``MelGAN.forward`` audio [T * H] float32 numpy.

    One session serves concurrent callers (onnxruntime's ``run`` is thread-safe).
    """

    def __init__(self, vocoder: MelGAN, weights: Path, cache_dir: Path, threads: int,
                 device: torch.device = torch.device("cpu")) -> None:  # fmt: skip
        example = torch.zeros(1, vocoder.config.n_mels, 32)
        self.session = cached_session(_MelGAN2d(vocoder.float().eval()).eval(), example, frame_axis=2,
                                      name="melgan2d", min_frames=vocoder.min_frames, weights=weights,
                                      cache_dir=cache_dir, threads=threads,
                                      device=device)  # fmt: skip

    def __call__(self, mel: torch.Tensor) -> np.ndarray:
        return run_session(self.session, mel)[0, 0]
