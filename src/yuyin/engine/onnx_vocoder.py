"""ONNX Runtime execution of the MB-MelGAN vocoder on CPU.

The PyTorch module stays the source of truth: it is exported once per weights file (TorchScript
exporter, dynamic frame axis) into ``$YUYIN_HOME/cache/onnx`` and run with onnxruntime, which
keeps activations in blocked layouts between convolutions instead of reordering around every
one; on this project's 2-core CPU that made the vocoder about 1.7-2x faster than eager PyTorch.
Outputs match the PyTorch module to ~1e-5 (tests/integration/test_onnx_vocoder.py).
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch
from torch import nn

from yuyin.models.mb_melgan import MBMelGAN

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
        import onnxruntime

        self.hop = vocoder.cfg.hop_size
        self.min_frames = vocoder.min_frames
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        model = _cached_export(vocoder, weights, cache_dir)
        self.session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def __call__(self, mel: torch.Tensor) -> np.ndarray:
        frames = mel.shape[1]
        if frames < self.min_frames:  # same edge handling as MBMelGAN.forward
            mel = torch.nn.functional.pad(mel.transpose(1, 2), (0, self.min_frames - frames), mode="replicate")
            mel = mel.transpose(1, 2)
        feed = {"mel": np.ascontiguousarray(mel.detach().float().cpu().numpy())}
        return self.session.run(None, feed)[0][0, : frames * self.hop]


def _cached_export(vocoder: MBMelGAN, weights: Path, cache_dir: Path) -> str:
    """Path of the exported model for these weights, exporting (atomically) on first use."""
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:24]
    target = cache_dir / f"mb_melgan-{digest}-v{EXPORT_VERSION}-torch{torch.__version__.split('+')[0]}.onnx"
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        graph = _WaveformGraph(vocoder.float().eval())
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's notes on constant folding are not actionable
            torch.onnx.export(graph, (torch.zeros(1, 2 * vocoder.min_frames, vocoder.cfg.n_mels),), buffer,
                              input_names=["mel"], output_names=["wave"], opset_version=17, dynamo=False,
                              dynamic_axes={"mel": {1: "frames"}, "wave": {1: "samples"}})  # fmt: skip
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(buffer.getvalue())
        os.replace(temporary, target)
    return str(target)
