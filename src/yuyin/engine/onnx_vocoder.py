"""ONNX Runtime execution of vocoders on CPU: the mel -> wave session helper, and MB-MelGAN.

The PyTorch module stays the source of truth: it is exported once per weights file (see
:mod:`yuyin.engine.onnx_session`, dynamic frame axis) and run with onnxruntime, which
keeps activations in blocked layouts between convolutions instead of reordering around every
one; on this project's 2-core CPU that made the vocoder about 1.7-2x faster than eager PyTorch.
MB-MelGAN is exported as 2-D convolutions over a height-1 image (:mod:`.conv2d_rewrite`):
at one thread that ran 16 % faster than the 1-D graph (RTF 0.0201 -> 0.0168), at two threads
the same. Outputs match the PyTorch module to ~1e-5 (tests/integration/test_onnx_vocoder.py).

Intra-op threads scale poorly on these small convolutions (two threads: 1.3x one), so a long
mel is cut into one window per thread, each with the vocoder's receptive field as context, and
the windows run side by side at one thread each: exact (the kept samples are what the whole
pass computes) and 1.2-1.6x faster than one two-thread pass. A call that overlaps another
(concurrent requests) runs whole at one thread, which is what keeps the cores busy then.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import numpy as np
import torch
from torch import nn

from yuyin.engine import onnx_session
from yuyin.engine.conv2d_rewrite import as_conv2d
from yuyin.engine.streaming import Window, split_windows
from yuyin.models.mb_melgan import MBMelGAN

if TYPE_CHECKING:
    import onnxruntime

EXPORT_VERSION = 2  # bump when the exported graph changes, so stale cache files are not reused
MIN_PIECE_FRAMES = 64  # shorter pieces lose more to their context than one wider pass loses to threading


class _WaveformGraph(nn.Module):
    """mel [1, T, M] -> waveform [1, T * hop]: the exportable core (no short-mel padding), in 2-D convs."""

    def __init__(self, vocoder: MBMelGAN):
        super().__init__()
        self.twin = as_conv2d(vocoder)

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        return self.twin.pqmf(self.twin.generate(mel.transpose(1, 2).unsqueeze(2)).squeeze(2))


class OnnxVocoder:
    """Callable mel [1, T, M] float tensor -> waveform [T * hop] float32 numpy, via onnxruntime.

    Thread-safe: one pair of sessions (``threads`` intra-op threads, and one) and one pool of
    ``threads - 1`` helper threads serve concurrent callers.
    """

    def __init__(self, vocoder: MBMelGAN, weights: Path, cache_dir: Path, threads: int,
                 device: torch.device = onnx_session.CPU):  # fmt: skip
        """device: where onnxruntime runs the graph; off the CPU a mel is vocoded in one pass."""
        self.hop = vocoder.cfg.hop_size
        self.min_frames = vocoder.min_frames
        self.context = vocoder.receptive_field_frames + 2
        self.threads = threads = threads if device.type == "cpu" else 1
        module, spec = mb_melgan_graph(vocoder)
        self._wide = onnx_session.cached_session(module, spec, weights, cache_dir, threads, device=device)
        self._narrow = onnx_session.cached_session(module, spec, weights, cache_dir, 1) if threads > 1 else self._wide
        self._helpers = ThreadPoolExecutor(threads - 1, thread_name_prefix="yuyin-vocoder") if threads > 1 else None
        self._lock = threading.Lock()
        self._in_flight = 0

    def __call__(self, mel: torch.Tensor) -> np.ndarray:
        frames = mel.shape[1]
        if frames < self.min_frames:  # same edge handling as MBMelGAN.forward
            mel = torch.nn.functional.pad(mel.transpose(1, 2), (0, self.min_frames - frames), mode="replicate")
            mel = mel.transpose(1, 2)
        with self._claim() as alone:
            pieces = min(self.threads, frames // MIN_PIECE_FRAMES) if alone else 1
            if pieces <= 1:
                return run_session(self._wide if alone else self._narrow, mel)[0, : frames * self.hop]
            windows = split_windows(frames, pieces, self.context)
            assert self._helpers is not None
            later = [self._helpers.submit(self._window, mel, window) for window in windows[1:]]
            first = self._window(mel, windows[0])
            return np.concatenate([first, *(future.result() for future in later)])

    def _window(self, mel: torch.Tensor, window: Window) -> np.ndarray:
        """The kept samples of one window, vocoded at one thread."""
        wave = run_session(self._narrow, mel[:, window.start : window.stop])[0]
        return wave[(window.keep_start - window.start) * self.hop : (window.keep_stop - window.start) * self.hop]

    @contextmanager
    def _claim(self) -> Iterator[bool]:
        """Count this call in flight; yields whether it is the only one."""
        with self._lock:
            self._in_flight += 1
            alone = self._in_flight == 1
        try:
            yield alone
        finally:
            with self._lock:
                self._in_flight -= 1


def mb_melgan_graph(vocoder: MBMelGAN) -> tuple[nn.Module, onnx_session.GraphSpec]:
    """The exportable waveform graph of vocoder and its spec: mel [1, T, M] -> wave [1, T * hop]."""
    module = _WaveformGraph(vocoder.float().eval())
    example = torch.zeros(1, 2 * vocoder.min_frames, vocoder.cfg.n_mels)
    return module, vocoder_spec(module, example, frame_axis=1, name="mb_melgan")


def run_session(session: "onnxruntime.InferenceSession", mel: torch.Tensor) -> np.ndarray:
    """Run an exported vocoder on mel (any layout the graph was exported with); returns its output."""
    return session.run(None, {"mel": np.ascontiguousarray(mel.detach().float().cpu().numpy())})[0]


def cached_session(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str, weights: Path,
                   cache_dir: Path, threads: int, device: torch.device = onnx_session.CPU
                   ) -> "onnxruntime.InferenceSession":  # fmt: skip
    """A vocoder's onnxruntime session on device (input "mel", dynamic along frame_axis; output
    "wave", dynamic along its last axis), exported once per weights file into cache_dir."""
    spec = vocoder_spec(module, example, frame_axis, name)
    return onnx_session.cached_session(module, spec, weights, cache_dir, threads, device=device)


def vocoder_spec(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str) -> onnx_session.GraphSpec:
    """The export spec of a mel -> wave module (example mel, dynamic along frame_axis)."""
    with torch.no_grad():
        output_rank = module(example).dim()
    return onnx_session.GraphSpec(name=name, inputs={"mel": example}, outputs=("wave",), version=EXPORT_VERSION,
                                  dynamic_axes={"mel": {frame_axis: "frames"}, "wave": {output_rank - 1: "samples"}})
