"""ONNX Runtime execution of vocoders on CPU: the shared cached export + session, and MB-MelGAN.

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
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

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
        example = torch.zeros(1, 2 * vocoder.min_frames, vocoder.cfg.n_mels)
        self.session = cached_session(_WaveformGraph(vocoder.float().eval()), example, frame_axis=1,
                                      name="mb_melgan", weights=weights, cache_dir=cache_dir, threads=threads)  # fmt: skip

    def __call__(self, mel: torch.Tensor) -> np.ndarray:
        frames = mel.shape[1]
        if frames < self.min_frames:  # same edge handling as MBMelGAN.forward
            mel = torch.nn.functional.pad(mel.transpose(1, 2), (0, self.min_frames - frames), mode="replicate")
            mel = mel.transpose(1, 2)
        return run_session(self.session, mel)[0, : frames * self.hop]


def run_session(session: "onnxruntime.InferenceSession", mel: torch.Tensor) -> np.ndarray:
    """Run an exported vocoder on mel (any layout the graph was exported with); returns its output."""
    return session.run(None, {"mel": np.ascontiguousarray(mel.detach().float().cpu().numpy())})[0]


def cached_session(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str, weights: Path,
                   cache_dir: Path, threads: int) -> "onnxruntime.InferenceSession":  # fmt: skip
    """An onnxruntime CPU session of module (input "mel", dynamic along frame_axis; output dynamic
    along its last axis), exported once per weights file into cache_dir (atomically)."""
    import onnxruntime

    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:24]
    target = cache_dir / f"{name}-{digest}-v{EXPORT_VERSION}-torch{torch.__version__.split('+')[0]}.onnx"
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's notes on constant folding are not actionable
            output_rank = module(example).dim()
            torch.onnx.export(module, (example,), buffer, input_names=["mel"], output_names=["wave"], opset_version=17,
                              dynamo=False, dynamic_axes={"mel": {frame_axis: "frames"},
                                                          "wave": {output_rank - 1: "samples"}})  # fmt: skip
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(buffer.getvalue())
        os.replace(temporary, target)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
