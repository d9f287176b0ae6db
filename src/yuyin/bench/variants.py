"""The backend x precision (x batch size) combinations one bench run measures, and which apply here.

``--backend auto,onnx`` and ``--dtype auto,fp32,bf16`` give one combination per pair, in that
order; ``--batch-size 1,16`` multiplies them by the rows batched across concurrent requests
(default: the Synthesizer's own), so one run compares unbatched with batched serving. dtype
"auto" is the Synthesizer's own default (``dtype=None``: float32 compute). Whether a
combination applies is decided by the engine's device policy (yuyin.engine.device), so the bench
skips exactly what ``Synthesizer.load`` would refuse (fp16 on CPU, onnx with bf16, a missing
onnxruntime), with the engine's message as the note. A backend ending in ``+compile`` (e.g.
``torch+compile``) loads with ``compile=True``, so ``--backend torch,torch+compile`` compares
eager with compiled in one run. ``--side-by-side on,off`` (default auto: as the memory tier says)
compares overlapping calls in OpenVINO's one-thread streams with calls taking turns; a runtime
that ran them is labelled ``+side-by-side``.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, replace

AUTO_DTYPE = "auto"
COMPILE_SUFFIX = "+compile"
SIDE_BY_SIDE_SUFFIX = "+side-by-side"
SIDE_BY_SIDE = {"auto": None, "on": True, "off": False}
DTYPES = (AUTO_DTYPE, "fp32", "bf16", "fp16")


@dataclass(frozen=True)
class Variant:
    """One combination as asked for on the command line."""

    backend: str
    dtype: str
    batch_size: int | None = None  # None: the Synthesizer's default
    side_by_side: bool | None = None  # None: as the memory tier says

    @property
    def load_dtype(self) -> str | None:
        """The dtype argument of Synthesizer.load (None for "auto")."""
        return None if self.dtype == AUTO_DTYPE else self.dtype

    @property
    def load_backend(self) -> str:
        """The backend argument of Synthesizer.load (the name without COMPILE_SUFFIX)."""
        return self.backend.removesuffix(COMPILE_SUFFIX)

    @property
    def compile(self) -> bool:
        """The compile argument of Synthesizer.load."""
        return self.backend.endswith(COMPILE_SUFFIX)

    @property
    def load_batch_size(self) -> int:
        """The decoder_batch_size argument of Synthesizer.load (rows batched across requests)."""
        from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE

        return DEFAULT_BATCH_SIZE if self.batch_size is None else self.batch_size

    @property
    def label(self) -> str:
        return f"{self.backend} {self.dtype}" + ("" if self.batch_size is None else f" batch {self.batch_size}")


@dataclass(frozen=True)
class Resolution:
    """Where a combination runs here (runtime "torch"/"onnx"/"onnx-int8"), or why it is skipped."""

    variant: Variant
    device: str | None = None
    runtime: str | None = None
    skipped: str | None = None


def comma_list(text: str) -> list[str]:
    """"a, b,,c" -> ["a", "b", "c"]; an argparse type, so an empty list is a usage error."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    if not items:
        raise argparse.ArgumentTypeError("expected a comma-separated list, got nothing")
    return items


def dtype_list(text: str) -> list[str]:
    items = [item.lower() for item in comma_list(text)]
    unknown = [item for item in items if item not in DTYPES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown dtype {', '.join(unknown)}: use {', '.join(DTYPES)}")
    return items


def batch_size_list(text: str) -> list[int]:
    try:
        sizes = [int(item) for item in comma_list(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"batch sizes must be whole numbers, got {text!r}") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"batch sizes must be at least 1, got {text!r}")
    return sizes


def side_by_side_list(text: str) -> list[bool | None]:
    items = [item.lower() for item in comma_list(text)]
    unknown = [item for item in items if item not in SIDE_BY_SIDE]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown side-by-side choice {', '.join(unknown)}: use auto, on, off")
    return [SIDE_BY_SIDE[item] for item in items]


def combinations(backends: list[str], dtypes: list[str], batch_sizes: list[int] | None = None,
                 side_by_side: list[bool | None] | None = None) -> list[Variant]:  # fmt: skip
    """Every backend with every dtype (and batch size, and side-by-side choice), duplicates
    dropped, in command-line order."""
    seen: dict[Variant, None] = {}
    for backend in backends:
        for dtype in dtypes:
            for batch_size in batch_sizes or [None]:
                for streams in side_by_side or [None]:
                    seen.setdefault(Variant(backend, dtype, batch_size, streams))
    return list(seen)


def resolve(variant: Variant, device: str, family: str = "baker") -> Resolution:
    """Apply the engine's device, dtype and backend policy for a voice of family; a refusal becomes
    a skip note, and the runtime is the one the voice will run (a ttskit voice's vocoder runs in
    onnxruntime for openvino too: runtime.family_runtime). The resolution's variant carries the
    side-by-side choice as decided here (the memory tier's for auto), so that loads and child
    processes run what the label says."""
    from yuyin.engine.device import DeviceError, plan_runtime
    from yuyin.engine.runtime import family_runtime

    try:
        plan = plan_runtime(device, variant.load_dtype, variant.load_backend, variant.load_batch_size,
                            compile=variant.compile, side_by_side=variant.side_by_side)  # fmt: skip
        runtime = family_runtime(family, plan, family)
    except DeviceError as error:
        return Resolution(variant, skipped=str(error))
    side_by_side = plan.side_by_side and runtime == "openvino"
    suffixes = (COMPILE_SUFFIX if plan.compile else "") + (SIDE_BY_SIDE_SUFFIX if side_by_side else "")
    return Resolution(replace(variant, side_by_side=side_by_side), device=str(plan.device),
                      runtime=runtime + suffixes)  # fmt: skip


def distinct(resolutions: list[Resolution]) -> list[Resolution]:
    """resolutions without repeats of one that runs the same (e.g. side-by-side on and off where
    the backend has no streams, or auto and on where the tier turns them on), in order."""
    first: dict[tuple[Variant, str | None], Resolution] = {}
    for resolution in resolutions:
        first.setdefault((resolution.variant, resolution.skipped), resolution)
    return list(first.values())
