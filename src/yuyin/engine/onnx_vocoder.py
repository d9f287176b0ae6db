"""Exported execution of vocoders (onnxruntime; OpenVINO for the bf16 baker vocoder): the mel -> wave session helper, and MB-MelGAN.

The PyTorch module stays the source of truth: it is exported once per weights file (see
:mod:`yuyin.engine.onnx_session`, dynamic frame axis) and run with onnxruntime, which
keeps activations in blocked layouts between convolutions instead of reordering around every
one; on this project's 2-core CPU that made the vocoder about 1.7-2x faster than eager PyTorch.
MB-MelGAN is exported as 2-D convolutions over a height-1 image (:mod:`.conv2d_rewrite`):
at one thread that ran 16 % faster than the 1-D graph (RTF 0.0201 -> 0.0168), at two threads
the same. Outputs match the PyTorch module to ~1e-5 (tests/integration/test_onnx_vocoder.py).

Intra-op threads scale poorly on these small convolutions (two threads: 1.3x one), so a long
mel is cut into one window per thread, each with the vocoder's receptive field as context, and
the windows run at the same time at one thread each: exact (the kept samples are what the whole
pass computes) and 1.2-1.6x faster than one two-thread pass. A call that overlaps another
(concurrent requests) runs whole at one thread, which is what keeps the cores busy then.

Under mixed precision on a CPU with native bf16 the MB-MelGAN runs in OpenVINO instead, its body
in bf16 (:func:`mixed_bf16_session`). OpenVINO scales well over threads (no windows at once)
but pays for the first call of every new length, so its passes run in pieces of a few bucket
lengths (:mod:`.vocoder_pieces`, exact), all prepared by ``warm_up``; with side_by_side,
overlapping calls run in its one-thread streams (:mod:`.openvino_session`).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from yuyin.engine import onnx_session
from yuyin.engine.conv2d_rewrite import as_conv2d
from yuyin.engine.openvino_session import CallsInFlight, warming_up
from yuyin.engine.batched_vocoder import buckets_for
from yuyin.engine.streaming import Window, split_windows
from yuyin.engine.vocoder_pieces import plan_pieces, vocode_in_pieces
from yuyin.models.mb_melgan import MBMelGAN

if TYPE_CHECKING:
    import onnxruntime

EXPORT_VERSION = 3  # bump when the exported graph changes, so stale cache files are not reused
MIN_PIECE_FRAMES = 64  # shorter pieces lose more to their context than one wider pass loses to threading


class _WaveformGraph(nn.Module):
    """mel [1, T, M] -> waveform [1, T * hop]: the exportable core (no short-mel padding), in 2-D convs."""

    def __init__(self, vocoder: MBMelGAN):
        super().__init__()
        self.twin = as_conv2d(vocoder)

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        return self.twin.pqmf(self.twin.generate(mel.transpose(1, 2).unsqueeze(2)).squeeze(2))


class _FeaturesGraph(_WaveformGraph):
    """mel [1, T, M] -> input features [1, C, 1, T]: the input conv alone (the head of the split graph)."""

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        return self.twin.input_features(mel.transpose(1, 2).unsqueeze(2))


class _SubbandsGraph(_WaveformGraph):
    """input features [1, C, 1, T] -> subbands [1, S, 1, T * hop / S]: the body of the split graph."""

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return self.twin.generate_from_features(features)


class _SynthesisGraph(_WaveformGraph):
    """subbands [1, S, 1, N] -> waveform [1, S * N]: the PQMF synthesis filter bank."""

    def forward(self, subbands: torch.Tensor) -> torch.Tensor:
        return self.twin.pqmf(subbands.squeeze(2))


class ChainedSession:
    """Graphs as one session, each one's only output the next one's only input, named by links
    (onnxruntime's ``run`` signature)."""

    def __init__(self, sessions: list[onnx_session.GraphSession], links: list[str]):
        self.sessions, self.links = sessions, links

    def run(self, output_names, feeds):
        for session, link in zip(self.sessions, self.links):
            feeds = {link: session.run(None, feeds)[0]}
        return self.sessions[-1].run(output_names, feeds)


class OnnxVocoder:
    """Callable mel [1, T, M] float tensor -> waveform [T * hop] float32 numpy, via onnxruntime
    (or OpenVINO in mixed bf16).

    Thread-safe: one pair of sessions (``threads`` intra-op threads, and one) and one pool of
    ``threads - 1`` helper threads serve concurrent callers; in OpenVINO one chain of sessions
    serves them all (at ``threads``, or in one-thread streams with side_by_side).
    """

    def __init__(self, vocoder: MBMelGAN, weights: Path, cache_dir: Path, threads: int,
                 device: torch.device = onnx_session.CPU, bf16: bool = False, side_by_side: bool = False):  # fmt: skip
        """device: where onnxruntime runs the graph; off the CPU a mel is vocoded in one pass.
        bf16: run in OpenVINO instead (CPU), the input conv in float32 and the rest in bfloat16
        (see mixed_bf16_session); side_by_side (bf16 only): overlapping calls in one-thread
        OpenVINO streams (see openvino_session)."""
        if side_by_side and not bf16:
            raise ValueError("side-by-side streams need the OpenVINO (bf16) vocoder")
        self.hop = vocoder.cfg.hop_size
        self.min_frames = vocoder.min_frames
        self.context = vocoder.receptive_field_frames + 2
        self._n_mels = vocoder.cfg.n_mels
        self.threads = threads = threads if device.type == "cpu" else 1
        # OpenVINO prepares kernels per input shape (a first call of a new length is slow), so
        # there every pass runs in pieces of bucket lengths (exact, see vocoder_pieces), each
        # prepared by warm_up.
        self.buckets = buckets_for(self.context) if bf16 else None
        if bf16:
            session = partial(mixed_bf16_session, vocoder, weights, cache_dir, side_by_side=side_by_side)
        else:
            module, spec = mb_melgan_graph(vocoder)
            session = partial(onnx_session.cached_session, module, spec, weights, cache_dir, device=device)
        # OpenVINO's own threading beat windows at once; overlapping calls get its one-thread
        # streams instead, in every graph at once (side_by_side, see openvino_session): a one-thread
        # session for the vocoder's overlapping calls alone ran 16 callers slower (53.5 audio-s/s
        # vs 58.9) while the other graphs' calls kept both threads.
        windows = threads > 1 and self.buckets is None
        self._wide = session(threads=threads)
        self._narrow = session(threads=1) if windows else None  # overlapping calls' session
        self._helpers = ThreadPoolExecutor(threads - 1, thread_name_prefix="yuyin-vocoder") if windows else None
        self._calls = CallsInFlight()  # this vocoder's calls

    def __call__(self, mel: torch.Tensor, exact_end: bool = True) -> np.ndarray:
        """exact_end False: the caller discards the last receptive field's samples (a streaming
        window's right context), so they may be computed from padding."""
        frames = mel.shape[1]
        if frames < self.min_frames:  # same edge handling as MBMelGAN.forward
            mel = torch.nn.functional.pad(mel.transpose(1, 2), (0, self.min_frames - frames), mode="replicate")
            mel = mel.transpose(1, 2)
        with self._calls.claim() as alone:
            pieces = min(self.threads, frames // MIN_PIECE_FRAMES) if alone and self._helpers else 1
            if pieces <= 1:
                session = self._narrow if self._narrow is not None and not alone else self._wide
                return self._pass(session, mel, exact_end)[: frames * self.hop]
            windows = split_windows(frames, pieces, self.context)
            assert self._helpers is not None
            later = [self._helpers.submit(self._window, mel, window, exact_end) for window in windows[1:]]
            first = self._window(mel, windows[0], exact_end)
            return np.concatenate([first, *(future.result() for future in later)])

    def warm_up(self) -> None:
        """Run every bucket length once (nothing without buckets, which only the single-session OpenVINO vocoder has)."""
        with warming_up():
            for frames in self.buckets or ():
                run_session(self._wide, torch.zeros(1, frames, self._n_mels))

    def _window(self, mel: torch.Tensor, window: Window, exact_end: bool) -> np.ndarray:
        """The kept samples of one window, vocoded at one thread."""
        assert self._narrow is not None
        wave = self._pass(self._narrow, mel[:, window.start : window.stop], exact_end and window.stop == mel.shape[1])
        return wave[(window.keep_start - window.start) * self.hop : (window.keep_stop - window.start) * self.hop]

    def _pass(self, session: "onnx_session.GraphSession", mel: torch.Tensor, exact_end: bool) -> np.ndarray:
        """One vocoder pass over mel [1, T, M] -> [>= T * hop] (in bucket pieces where there are buckets)."""
        if self.buckets is None:
            return run_session(session, mel)[0]
        pieces = plan_pieces(mel.shape[1], self.buckets, self.context, exact_end)
        return vocode_in_pieces(mel, pieces, self.hop, lambda part: torch.from_numpy(run_session(session, part)))[0].numpy()


def mb_melgan_graph(vocoder: MBMelGAN) -> tuple[nn.Module, onnx_session.GraphSpec]:
    """The exportable waveform graph of vocoder and its spec: mel [1, T, M] -> wave [1, T * hop]."""
    module = _WaveformGraph(vocoder.float().eval())
    example = torch.zeros(1, 2 * vocoder.min_frames, vocoder.cfg.n_mels)
    return module, vocoder_spec(module, example, frame_axis=1, name="mb_melgan", min_frames=vocoder.min_frames)


def mixed_bf16_session(vocoder: MBMelGAN, weights: Path, cache_dir: Path, threads: int,
                       side_by_side: bool = False) -> ChainedSession:  # fmt: skip
    """MB-MelGAN in OpenVINO with its input conv and PQMF in float32 and the rest in bfloat16
    (side_by_side: see openvino_session).

    Rounding the mel to bfloat16 was most of the error of an all-bf16 pass, and a bf16 PQMF
    rounds every output sample to 8 significant bits; both layers are about 3 % of the work. On
    this project's CPU (AVX512-BF16, no AMX) the split pass ran 1.9x faster than the float32
    onnxruntime one; quality figures: tests/integration/test_onnx_vocoder.py.
    """
    model = vocoder.float().eval()
    frames, n = 2 * model.min_frames, 2 * model.min_frames * model.cfg.hop_size // model.cfg.subbands
    mel = torch.zeros(1, frames, model.cfg.n_mels)
    features = torch.zeros(1, model.cfg.filters, 1, frames)
    subbands = torch.zeros(1, model.cfg.subbands, 1, n)
    graphs = [
        (_FeaturesGraph(model), "mb_melgan_head", {"mel": mel}, "features", {"mel": 1, "features": 3}, False),
        (_SubbandsGraph(model), "mb_melgan_body", {"features": features}, "subbands", {"features": 3, "subbands": 3}, True),
        (_SynthesisGraph(model), "mb_melgan_pqmf", {"subbands": subbands}, "wave", {"subbands": 3, "wave": 1}, False),
    ]  # fmt: skip
    sessions = []
    for module, name, inputs, output, axes, bf16 in graphs:
        spec = onnx_session.GraphSpec(name=name, inputs=inputs, outputs=(output,), version=EXPORT_VERSION,
                                      dynamic_axes={key: {axis: "length"} for key, axis in axes.items()})  # fmt: skip
        sessions.append(onnx_session.cached_session(module, spec, weights, cache_dir, threads, runtime="openvino",
                                                    bf16=bf16, side_by_side=side_by_side))  # fmt: skip
    return ChainedSession(sessions, ["features", "subbands"])


def run_session(session: "onnxruntime.InferenceSession", mel: torch.Tensor) -> np.ndarray:
    """Run an exported vocoder on mel (any layout the graph was exported with); returns its output."""
    return session.run(None, {"mel": np.ascontiguousarray(mel.detach().float().cpu().numpy())})[0]


def cached_session(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str, min_frames: int,
                   weights: Path, cache_dir: Path, threads: int, device: torch.device = onnx_session.CPU
                   ) -> "onnxruntime.InferenceSession":  # fmt: skip
    """A vocoder's onnxruntime session on device (input "mel", dynamic along frame_axis, never
    shorter than min_frames; output "wave", dynamic along its last axis), exported once per
    weights file into cache_dir."""
    spec = vocoder_spec(module, example, frame_axis, name, min_frames)
    return onnx_session.cached_session(module, spec, weights, cache_dir, threads, device=device)


def vocoder_spec(module: nn.Module, example: torch.Tensor, frame_axis: int, name: str,
                 min_frames: int) -> onnx_session.GraphSpec:
    """The export spec of a mel -> wave module (example mel, dynamic along frame_axis, which is
    never given fewer than min_frames)."""
    with torch.no_grad():
        output_rank = module(example).dim()
    return onnx_session.GraphSpec(name=name, inputs={"mel": example}, outputs=("wave",), version=EXPORT_VERSION,
                                  dynamic_axes={"mel": {frame_axis: "frames"}, "wave": {output_rank - 1: "samples"}},
                                  min_sizes={"frames": min_frames})
