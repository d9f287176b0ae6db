"""ONNX export of PyTorch modules and the onnxruntime (CPU or CUDA) and OpenVINO sessions that run them.

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
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Protocol, Sequence

import numpy as np

import torch
from torch import nn

from yuyin.engine.openvino_session import OpenVinoSession
from yuyin.writable import replacing

if TYPE_CHECKING:
    import onnxruntime

OPSET = 17


@dataclass(frozen=True)
class GraphSpec:
    """How to export one module: example inputs (in forward's order), output names, dynamic axes.

    version: bump it when the exported graph changes, so cached files of the old graph are not reused.
    min_sizes: the smallest size a dynamic axis (by name) is ever given, where more than 1 (a
    vocoder's reflect paddings need a few frames); TensorRT builds its engines for no less.
    """

    name: str
    inputs: Mapping[str, torch.Tensor]
    outputs: tuple[str, ...]
    dynamic_axes: Mapping[str, Mapping[int, str]]
    version: int = 1
    min_sizes: Mapping[str, int] = field(default_factory=dict)


def export_graph(module: nn.Module, spec: GraphSpec, target: Path) -> Path:
    """Write module as ONNX to target atomically (temp file + rename); returns target."""
    buffer = io.BytesIO()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on constant folding are not actionable
        torch.onnx.export(module, tuple(spec.inputs.values()), buffer, input_names=list(spec.inputs),
                          output_names=list(spec.outputs), opset_version=OPSET, dynamo=False,
                          dynamic_axes={k: dict(v) for k, v in spec.dynamic_axes.items()})  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target) as temporary:
        temporary.write_bytes(buffer.getvalue())
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

        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser logs a generic pre-processing hint on the root logger
        try:
            with replacing(target) as temporary:
                quantize_dynamic(path, temporary, weight_type=QuantType.QUInt8, op_types_to_quantize=["Conv", "MatMul"])
        finally:
            root.setLevel(level)
    return target


CPU = torch.device("cpu")
PROFILE_LIMITS = {"batch": 64}  # largest size of a dynamic axis in TensorRT's shape profile; others: 2048


def execution_providers(device: torch.device, spec: GraphSpec, cache_dir: Path) -> list:
    """onnxruntime's providers for a graph on device, best first. CPU: the CPU provider. CUDA:
    TensorRT where installed (its engines cached in cache_dir/tensorrt, one shape profile from
    the axis' smallest size (GraphSpec.min_sizes, else 1) to PROFILE_LIMITS on every dynamic axis,
    so that new lengths do not rebuild them),
    then CUDA, then the CPU for any operator those lack. CUDA picks convolution algorithms by
    cuDNN's heuristics: its default, an exhaustive timing of every algorithm, runs again for each
    new input shape, and here nearly every request is a new length. Raises DeviceError where
    onnxruntime has no CUDA provider (the CPU-only onnxruntime package)."""
    if device.type == "cpu":
        return ["CPUExecutionProvider"]
    import onnxruntime

    from yuyin.engine.device import DeviceError

    available = onnxruntime.get_available_providers()
    if "CUDAExecutionProvider" not in available:
        raise DeviceError("onnxruntime here has no CUDA provider: pip install onnxruntime-gpu (instead of onnxruntime)")
    index = device.index or 0
    cuda = {"device_id": index, "cudnn_conv_algo_search": "HEURISTIC"}
    providers: list = [("CUDAExecutionProvider", cuda), "CPUExecutionProvider"]
    if "TensorrtExecutionProvider" in available:
        shapes = {end: _profile(spec, end) for end in ("min", "opt", "max")}
        options = {"device_id": index, "trt_engine_cache_enable": True,
                   "trt_engine_cache_path": str(cache_dir / "tensorrt"),
                   **{f"trt_profile_{end}_shapes": value for end, value in shapes.items()}}  # fmt: skip
        providers.insert(0, ("TensorrtExecutionProvider", options))
    return providers


def _profile(spec: GraphSpec, end: str) -> str:
    """TensorRT's "name:AxBxC,..." shapes of spec's inputs with dynamic axes: at the axis'
    smallest size (min), the example's (opt) or PROFILE_LIMITS (max) on each dynamic axis."""
    shapes = []
    for name, example in spec.inputs.items():
        axes = spec.dynamic_axes.get(name, {})
        if not axes:
            continue
        dims = [spec.min_sizes.get(axes[axis], 1) if end == "min" and axis in axes else
                PROFILE_LIMITS.get(axes[axis].split("_")[-1], 2048) if end == "max" and axis in axes else size
                for axis, size in enumerate(example.shape)]  # fmt: skip
        shapes.append(f"{name}:{'x'.join(map(str, dims))}")
    return ",".join(shapes)


def ort_session(path: Path, threads: int, providers: Sequence = ("CPUExecutionProvider",)) -> "onnxruntime.InferenceSession":
    """An onnxruntime session on providers (see execution_providers) with threads intra-op
    threads that sleep rather than spin when idle.

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
    return onnxruntime.InferenceSession(str(path), options, providers=list(providers))


class GraphSession(Protocol):
    """What the model wrappers call: onnxruntime's ``InferenceSession.run`` signature."""

    def run(self, output_names: Sequence[str] | None, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]: ...


def cached_session(module: nn.Module, spec: GraphSpec, weights: Path, cache_dir: Path, threads: int,
                   int8: bool = False, runtime: str = "onnxruntime", bf16: bool = False,
                   device: torch.device = CPU, side_by_side: bool = False) -> GraphSession:  # fmt: skip
    """A session of module, exported once per weights file into cache_dir. runtime:
    "onnxruntime" (int8: its quantized_graph; device: see execution_providers) or "openvino"
    (CPU; bf16: compute in bfloat16; side_by_side: overlapping calls in one-thread streams, see
    openvino_session)."""
    path = cached_graph(module, spec, weights, cache_dir)
    if runtime == "openvino":
        if int8:
            raise ValueError("int8 graphs run on onnxruntime only")
        return OpenVinoSession(path, threads, bf16, side_by_side)
    if bf16 or side_by_side:
        raise ValueError("bf16 and side-by-side graphs run on OpenVINO only")
    return ort_session(quantized_graph(path) if int8 else path, threads, execution_providers(device, spec, cache_dir))
