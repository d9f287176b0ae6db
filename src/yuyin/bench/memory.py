"""Memory measurements: this process's peak RSS so far, and RSS or a GPU's memory in use sampled over a span.

The kernel's peak RSS (``getrusage``) only ever grows, so it cannot tell one phase of a run from
an earlier, larger one. ``rss_sampler`` instead samples the current RSS (``/proc/self/statm``) in a
background thread and keeps the largest value seen while it runs; where ``/proc`` is missing it
falls back to the process peak so far, which is an upper bound. ``vram_sampler`` does the same
with the GPU memory in use, which PyTorch's own peak counter would miss where onnxruntime
allocates it (the exported backends on CUDA).
"""
from __future__ import annotations

import os
import re
import resource
import sys
from pathlib import Path
from typing import Any, Callable

from yuyin.bench.sampling import PeriodicSampler

_STATM = Path("/proc/self/statm")
_STATUS = Path("/proc/self/status")


def peak_rss_bytes() -> int | None:
    """Peak resident set size of this process so far: VmHWM of /proc/self/status where there is
    one, else getrusage's ru_maxrss (on Linux that survives fork and exec, so a child started by a
    larger process would report its parent's size)."""
    try:
        return int(re.search(r"VmHWM:\s+(\d+) kB", _STATUS.read_text(encoding="ascii")).group(1)) * 1024  # type: ignore[union-attr]
    except (OSError, AttributeError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def current_rss_bytes() -> int | None:
    """Resident set size of this process now, or None where /proc is not available."""
    try:
        resident_pages = int(_STATM.read_text(encoding="ascii").split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


class PeakSampler(PeriodicSampler):
    """Context manager: ``peak_bytes`` is the largest value read() returned between enter and exit
    (None where it never returned one).

    interval_s: seconds between samples (a sample is also taken at enter and at exit).
    """

    def __init__(self, read: Callable[[], int | None], interval_s: float = 0.01):
        super().__init__(interval_s)
        self.read = read
        self.peak_bytes: int | None = None

    def sample(self) -> None:
        value = self.read()
        if value is not None and (self.peak_bytes is None or value > self.peak_bytes):
            self.peak_bytes = value


def rss_sampler(interval_s: float = 0.01) -> PeakSampler:
    """The peak of this process's RSS over a span (the process peak so far where /proc is missing)."""
    return PeakSampler(lambda: current_rss_bytes() or peak_rss_bytes(), interval_s)


def vram_sampler(device: Any, interval_s: float = 0.01) -> PeakSampler:
    """The peak of the memory in use on a CUDA device over a span (peak_bytes None for any other device)."""
    return PeakSampler(lambda: vram_used_bytes(device), interval_s)


def vram_used_bytes(device: Any) -> int | None:
    """Bytes in use on device ("cuda", "cuda:N" or a torch.device) as the driver counts them:
    total minus free, so PyTorch's cache, onnxruntime's arena and the CUDA context all count
    (and any other process on that GPU). None for a device that is not CUDA."""
    if not str(device).startswith("cuda"):
        return None
    import torch

    free, total = torch.cuda.mem_get_info(torch.device(str(device)))
    return int(total - free)
