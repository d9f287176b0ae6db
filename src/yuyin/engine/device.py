"""Device, dtype and thread policy, decided in one place.

"auto" means CUDA if present, else CPU. An explicit device that is missing is an error, never a
silent fallback. dtype None means float32 (the models' own precision).
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import torch

from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE
from yuyin.engine.memory import resolve_tier
from yuyin.engine.threads import thread_count_problem

_DTYPES = {"fp32": torch.float32, "float32": torch.float32, "bf16": torch.bfloat16, "bfloat16": torch.bfloat16,
           "fp16": torch.float16, "float16": torch.float16}  # fmt: skip


class DeviceError(ValueError):
    """The requested device or dtype is not available here."""


def resolve_device(device: str | torch.device = "auto") -> torch.device:
    """The torch.device for auto, cpu, cuda or cuda:N; a CUDA device always with its index (plain
    "cuda" is the current device), so that "cuda" and "cuda:0" compare equal where they are one GPU.
    Raises DeviceError for anything unknown or absent here."""
    if isinstance(device, torch.device):
        device = str(device)
    if not isinstance(device, str):
        raise DeviceError(f"device must be auto, cpu, cuda or cuda:N, got {type(device).__name__}")
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        resolved = torch.device(device)
    except RuntimeError as exc:
        raise DeviceError(f"invalid device {device!r}: use auto, cpu, cuda or cuda:N") from exc
    if resolved.type == "cuda":
        if not torch.cuda.is_available():
            raise DeviceError(f"device {device!r} requested but CUDA is not available on this machine")
        if resolved.index is not None and resolved.index >= torch.cuda.device_count():
            raise DeviceError(f"device {device!r} requested but only {torch.cuda.device_count()} CUDA device(s) exist")
        if resolved.index is None:
            resolved = torch.device("cuda", torch.cuda.current_device())
    elif resolved.type != "cpu":
        raise DeviceError(f"unsupported device {device!r}: use auto, cpu, cuda or cuda:N")
    return resolved


def resolve_dtype(dtype: str | torch.dtype | None, device: torch.device) -> torch.dtype:
    if dtype is None:
        return torch.float32
    if isinstance(dtype, torch.dtype):
        resolved = dtype
        if resolved not in _DTYPES.values():
            raise DeviceError(f"unsupported dtype {dtype}: use fp32, bf16 or fp16")
    elif isinstance(dtype, str) and dtype.lower() in _DTYPES:
        resolved = _DTYPES[dtype.lower()]
    else:
        raise DeviceError(f"unsupported dtype {dtype!r}: use fp32, bf16 or fp16")
    if resolved == torch.float16 and device.type == "cpu":
        raise DeviceError("fp16 is not supported on CPU; use bf16 or fp32")
    return resolved


_process_threads = torch.get_num_threads()  # torch's default, before any voice lowered it


def configure_threads(threads: int | None) -> None:
    """Set torch's intra-op thread count (process wide) and :func:`process_threads`; None leaves
    both; DeviceError for a count that is no whole number from 1 to threads.max_threads()."""
    global _process_threads
    if threads is None:
        return
    problem = thread_count_problem(threads)
    if problem:
        raise DeviceError(problem)
    _process_threads = threads
    torch.set_num_threads(threads)


def process_threads() -> int:
    """The CPU threads this process runs with: the last configure_threads count, else torch's
    default when yuyin was imported. Voices size their runtimes by it, not by torch's current
    setting, which a loaded ttskit voice lowers by one for its decoder (loading a second voice
    after it gave that one a thread less, and each further ttskit load one less again)."""
    return _process_threads


BACKENDS = ("auto", "torch", "onnx", "onnx-int8", "openvino")
_BACKEND_MODULES = {"onnx": ("onnxruntime",), "onnx-int8": ("onnxruntime",), "openvino": ("onnxruntime", "openvino")}


def resolve_backend(backend: str, device: torch.device, dtype: torch.dtype) -> str:
    """Which runtime runs the models: "openvino" (acoustic models in OpenVINO, vocoders in
    onnxruntime: the faster of the two for each on this project's CPU; under mixed_precision the
    baker vocoder too, in bf16), "onnx" (onnxruntime for
    all, float32: on the CPU, or on CUDA with onnxruntime-gpu's CUDA and TensorRT providers),
    "onnx-int8" (onnxruntime, the baker acoustic decoder dynamically quantised to int8; CPU,
    opt-in) or "torch".

    "auto" takes the first of openvino, onnx that applies (CPU, float32) and is installed (the
    ``fast`` extra), else torch. An explicit exported-graph backend that cannot apply is an error.
    """
    if backend not in BACKENDS:
        raise DeviceError(f"unsupported backend {backend!r}: use {', '.join(BACKENDS)}")
    applies = device.type == "cpu" and dtype == torch.float32
    if backend == "torch" or (backend == "auto" and not applies):
        return "torch"
    if backend == "onnx" and device.type == "cuda" and dtype == torch.float32:
        return _onnx_on_cuda()
    if not applies:
        where = "on the CPU or on CUDA" if backend == "onnx" else "on the CPU"
        hint = ("; leave --dtype out for its bf16 stages (where the CPU computes bf16 natively)"
                if backend == "openvino" and dtype == torch.bfloat16 and device.type == "cpu" else "")
        raise DeviceError(f"the {backend} backend runs {where} in fp32{hint}; use --backend torch for other devices "
                          "or dtypes")  # fmt: skip
    for candidate in ("openvino", "onnx") if backend == "auto" else (backend,):
        missing = [name for name in _BACKEND_MODULES[candidate] if importlib.util.find_spec(name) is None]
        if not missing:
            return candidate
        if backend != "auto":
            raise DeviceError(f"the {backend} backend needs {' and '.join(missing)}: pip install 'yuyin[fast]'")
    return "torch"


def _onnx_on_cuda() -> str:
    """"onnx" where onnxruntime has a CUDA provider, else a DeviceError saying what to install."""
    if importlib.util.find_spec("onnxruntime") is None:
        raise DeviceError("the onnx backend on CUDA needs onnxruntime-gpu: pip install onnxruntime-gpu")
    import onnxruntime

    if "CUDAExecutionProvider" not in onnxruntime.get_available_providers():
        raise DeviceError("the onnx backend on CUDA needs onnxruntime-gpu (this onnxruntime has no CUDA provider): "
                          "pip install onnxruntime-gpu instead of onnxruntime")  # fmt: skip
    return "onnx"


def mixed_precision(dtype: str | torch.dtype | None, device: torch.device) -> bool:
    """Whether stages measured safe in reduced precision may use it: on the CPU when no dtype was
    asked for. Today, under OpenVINO where the CPU computes bf16 natively: the baker mel stage
    (asr-check SER on 44 sentences 0.0464 vs 0.0473 in fp32 on an AMX CPU) and the baker
    vocoder's body (onnx_vocoder.mixed_bf16_session; on an AVX512-BF16 CPU SER 0.0435 with both
    in bf16, 0.0464 with the mel stage alone, 0.0396 in fp32); and the ttskit decoder's float16
    weights (RuntimePlan.decoder_weights). An explicit "fp32" therefore means pure float32."""
    return dtype is None and device.type == "cpu"


def pack_fp16_weights(module: torch.nn.Module) -> torch.nn.Module:
    """module with every nn.Linear and nn.LSTMCell storing its weights as float16 (fbgemm's
    packed fp16 GEMM; activations and accumulation stay float32). A batch-of-one decoder step is
    bound by reading its ~18 MB of weights, so halving them made the ttskit decoder step 2.5x
    faster on this project's CPU with asr-check SER unchanged (mean of 6 speakers 0.053 vs
    0.055); int8 weights were faster still but raised SER (biaobei 0.010 -> 0.034).

    Uses the eager dynamic-quantisation API (deprecated in favour of torchao, present in the
    pinned torch); where it is missing the module is returned unchanged.
    """
    import warnings

    quantize_dynamic = getattr(getattr(torch, "ao", None), "quantization", None)
    if quantize_dynamic is None or not hasattr(quantize_dynamic, "quantize_dynamic"):
        return module
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return quantize_dynamic.quantize_dynamic(module, {torch.nn.Linear, torch.nn.LSTMCell}, dtype=torch.float16)


@dataclass(frozen=True)
class RuntimePlan:
    """How one voice's models run, decided once by :func:`plan_runtime` and read by its loader.

    device: the acoustic model (and the front end's tensors); vocoder_device: the vocoder, the
    same device unless hybrid placement asked otherwise (e.g. acoustic model on the CPU, vocoder
    on a GPU); backend: see resolve_backend; mixed_precision: see mixed_precision; batch_size:
    rows batched across concurrent requests; compile: torch.compile the PyTorch models (and warm
    them up over the shape buckets at load; see engine.compiled); offload_idle: seconds without
    requests after which the models leave GPU memory until the next request (see engine.offload);
    side_by_side: overlapping calls of OpenVINO graphs run in one-thread streams (see
    engine.openvino_session).
    """

    device: torch.device
    vocoder_device: torch.device
    dtype: torch.dtype
    backend: str
    mixed_precision: bool
    batch_size: int
    compile: bool = False
    offload_idle: float | None = None
    side_by_side: bool = False

    def batch_size_on(self, device: torch.device) -> int:
        """Rows a model on device batches across concurrent requests: batch_size on an
        accelerator, 1 on the CPU, where overlapping calls already keep the cores busy (batching
        FastSpeech2 there measured no gain: 66-69 audio-s/s at 16 callers batched, 68-80 not).
        Per model, so hybrid placement batches its GPU vocoder behind a CPU acoustic model."""
        return self.batch_size if device.type != "cpu" else 1

    @property
    def decoder_weights(self) -> torch.dtype:
        """How an autoregressive decoder stores its matrix weights: float16 under mixed precision
        (see pack_fp16_weights), else float32 (it always computes in float32, for its stop gate)."""
        return torch.float16 if self.mixed_precision else torch.float32


def plan_runtime(device: str | torch.device = "auto", dtype: str | torch.dtype | None = None, backend: str = "auto",
                 batch_size: int = DEFAULT_BATCH_SIZE, vocoder_device: str | torch.device | None = None,
                 compile: bool = False, offload_idle: float | None = None,
                 side_by_side: bool | None = False) -> RuntimePlan:  # fmt: skip
    """Resolve and check every load-time choice together; raises DeviceError for a combination
    that cannot run. torch.compile, hybrid placement and offload apply to PyTorch models, so with
    any of them "auto" picks the torch backend and an exported-graph backend is an error; offload
    also needs a GPU to offload from. side_by_side applies to the openvino backend (and is moot
    elsewhere); None: as the memory tier says (engine.memory, ``$YUYIN_MEMORY_TIER`` or free RAM)."""
    if side_by_side is not None and not isinstance(side_by_side, bool):
        raise DeviceError(f"side_by_side must be True, False or None (as the memory tier says), got {side_by_side!r}")
    resolved = resolve_device(device)
    vocoder = resolved if vocoder_device is None else resolve_device(vocoder_device)
    torch_dtype = resolve_dtype(dtype, resolved)
    if vocoder != resolved:
        resolve_dtype(dtype, vocoder)
    torch_only = ("torch.compile" if compile else "hybrid placement" if vocoder != resolved
                  else "offload" if offload_idle is not None else None)  # fmt: skip
    if torch_only and backend not in ("auto", "torch"):
        raise DeviceError(f"{torch_only} runs PyTorch models; use --backend torch (or auto), not {backend!r}")
    runtime = "torch" if torch_only else resolve_backend(backend, resolved, torch_dtype)
    if batch_size < 1:
        raise DeviceError(f"batch size must be >= 1, got {batch_size}")
    if offload_idle is not None:
        if offload_idle <= 0:
            raise DeviceError(f"the offload idle time must be positive seconds, got {offload_idle}")
        if resolved.type == vocoder.type == "cpu":
            raise DeviceError("offload moves idle models from a GPU to the CPU; on --device cpu they are there already")
    return RuntimePlan(resolved, vocoder, torch_dtype, runtime, mixed_precision(dtype, resolved), batch_size, compile,
                       offload_idle, _side_by_side(side_by_side, runtime, resolved))  # fmt: skip


def _side_by_side(requested: bool | None, runtime: str, device: torch.device) -> bool:
    """Whether overlapping calls run in one-thread OpenVINO streams: only the openvino backend has
    them (elsewhere requested is moot, as a decoder batch size is for voices without a decoder);
    there as requested, None: as the memory tier says."""
    if runtime != "openvino":
        return False
    if requested is not None:
        return requested
    try:
        return resolve_tier(None, device).side_by_side
    except ValueError as error:  # a bad $YUYIN_MEMORY_TIER
        raise DeviceError(str(error)) from None
