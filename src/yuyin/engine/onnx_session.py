"""ONNX export of PyTorch modules and the onnxruntime CPU sessions that run them.

The PyTorch modules stay the source of truth. A :class:`GraphSpec` names a module's inputs,
outputs and dynamic axes; :func:`export_graph` writes it as ONNX (TorchScript exporter, opset
17) and :func:`cached_session` exports it once per weights file into a cache directory
(``$YUYIN_HOME/cache/onnx``) and opens a session. The cache file name carries the weights'
digest, the spec's version and the torch version, so a changed model or exporter never reuses a
stale graph. ``yuyin export onnx`` writes the same graphs to a directory of the user's choice.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import queue
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Protocol, Sequence

import numpy as np

import torch
from torch import nn

if TYPE_CHECKING:
    import onnxruntime

OPSET = 17


@dataclass(frozen=True)
class GraphSpec:
    """How to export one module: example inputs (in forward's order), output names, dynamic axes.

    version: bump it when the exported graph changes, so cached files of the old graph are not reused.
    """

    name: str
    inputs: Mapping[str, torch.Tensor]
    outputs: tuple[str, ...]
    dynamic_axes: Mapping[str, Mapping[int, str]]
    version: int = 1


def export_graph(module: nn.Module, spec: GraphSpec, target: Path) -> Path:
    """Write module as ONNX to target atomically (temp file + rename); returns target."""
    buffer = io.BytesIO()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on constant folding are not actionable
        torch.onnx.export(module, tuple(spec.inputs.values()), buffer, input_names=list(spec.inputs),
                          output_names=list(spec.outputs), opset_version=OPSET, dynamo=False,
                          dynamic_axes={k: dict(v) for k, v in spec.dynamic_axes.items()})  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(buffer.getvalue())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def cached_graph(module: nn.Module, spec: GraphSpec, weights: Path, cache_dir: Path) -> Path:
    """The ONNX file of module in cache_dir, exported on first use for this weights file."""
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:24]
    target = cache_dir / f"{spec.name}-{digest}-v{spec.version}-torch{torch.__version__.split('+')[0]}.onnx"
    return target if target.exists() else export_graph(module, spec, target)


def quantized_graph(path: Path) -> Path:
    """An int8 copy of the ONNX graph at path (dynamic quantisation of Conv and MatMul: uint8
    weights, activations quantised per call), cached next to it as ``<stem>-int8.onnx``."""
    target = path.with_name(f"{path.stem}-int8.onnx")
    if not target.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".onnx.part")
        os.close(handle)
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser logs a generic pre-processing hint on the root logger
        try:
            quantize_dynamic(path, temporary, weight_type=QuantType.QUInt8, op_types_to_quantize=["Conv", "MatMul"])
            os.replace(temporary, target)
        finally:
            root.setLevel(level)
            Path(temporary).unlink(missing_ok=True)
    return target


def cpu_session(path: Path, threads: int) -> "onnxruntime.InferenceSession":
    """An onnxruntime CPU session with threads intra-op threads that sleep rather than spin when idle.

    Spinning threads are what made PyTorch's OpenMP pool and onnxruntime's fight over the two
    cores of this project's machine (see yuyin/__init__.py); pipelined stages run side by side
    here too, so an idle pool must give its core back at once.
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class GraphSession(Protocol):
    """What the model wrappers call: onnxruntime's ``InferenceSession.run`` signature."""

    def run(self, output_names: Sequence[str] | None, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]: ...


class OpenVinoSession:
    """An ONNX graph compiled by OpenVINO for the CPU, behind onnxruntime's ``run`` signature.

    On this project's CPU (AMX) OpenVINO ran FastSpeech2's mel graph 1.4x faster than
    onnxruntime in fp32 (outputs within 1e-5) and 3x faster in bf16; it ran both vocoders slower
    end to end, so they stay on onnxruntime. Precision is fp32 unless bf16 is asked for: on
    CPUs with AMX, OpenVINO would otherwise silently compute in bf16, which moved predicted
    durations by a whole frame. Threads are not pinned to cores, so onnxruntime and PyTorch can
    share them. One compiled model serves concurrent callers, each call with an infer request of
    its own from a pool.
    """

    def __init__(self, path: Path, threads: int, bf16: bool = False):
        import openvino

        config = {"INFERENCE_NUM_THREADS": threads, "INFERENCE_PRECISION_HINT": "bf16" if bf16 else "f32",
                  "PERFORMANCE_HINT": "LATENCY", "ENABLE_CPU_PINNING": False}  # fmt: skip
        self._compiled = openvino.Core().compile_model(str(path), "CPU", config)
        self._names = [output.get_any_name() for output in self._compiled.outputs]
        self._idle: queue.SimpleQueue = queue.SimpleQueue()

    def run(self, output_names: Sequence[str] | None, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]:
        try:
            request = self._idle.get_nowait()
        except queue.Empty:
            request = self._compiled.create_infer_request()
        try:
            results = request.infer(dict(feeds))
            by_name = {name: results[output] for name, output in zip(self._names, self._compiled.outputs)}
            return [np.array(by_name[name]) for name in (output_names or self._names)]
        finally:
            self._idle.put(request)


def openvino_has_bf16() -> bool:
    """Whether OpenVINO computes bf16 natively on this CPU (AVX512-BF16 or AMX)."""
    import openvino

    return "BF16" in openvino.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


def cached_session(module: nn.Module, spec: GraphSpec, weights: Path, cache_dir: Path, threads: int,
                   int8: bool = False, runtime: str = "onnxruntime", bf16: bool = False) -> GraphSession:  # fmt: skip
    """A CPU session of module, exported once per weights file into cache_dir. runtime:
    "onnxruntime" (int8: its quantized_graph) or "openvino" (bf16: compute in bfloat16)."""
    path = cached_graph(module, spec, weights, cache_dir)
    if runtime == "openvino":
        if int8:
            raise ValueError("int8 graphs run on onnxruntime only")
        return OpenVinoSession(path, threads, bf16)
    if bf16:
        raise ValueError("bf16 graphs run on OpenVINO only")
    return cpu_session(quantized_graph(path) if int8 else path, threads)
