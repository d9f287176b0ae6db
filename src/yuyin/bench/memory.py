"""Memory measurements of this process: peak RSS so far, RSS sampled over a span, peak VRAM.

The kernel's peak RSS (``getrusage``) only ever grows, so it cannot tell one phase of a run from
an earlier, larger one. ``RssSampler`` instead samples the current RSS (``/proc/self/statm``) in a
background thread and keeps the largest value seen while it runs; where ``/proc`` is missing it
falls back to the process peak so far, which is an upper bound.
"""
from __future__ import annotations

import os
import re
import resource
import sys
import threading
from pathlib import Path
from typing import Any

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


class RssSampler:
    """Context manager: ``peak_bytes`` is the largest RSS sampled between enter and exit.

    interval_s: seconds between samples (a sample is also taken at enter and at exit).
    """

    def __init__(self, interval_s: float = 0.01):
        self.interval_s = interval_s
        self.peak_bytes: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _sample(self) -> None:
        value = current_rss_bytes()
        if value is None:
            value = peak_rss_bytes()
        if value is not None and (self.peak_bytes is None or value > self.peak_bytes):
            self.peak_bytes = value

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self._sample()

    def __enter__(self) -> "RssSampler":
        self._sample()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample()


def reset_peak_vram(device: Any) -> None:
    """Start a new peak-VRAM span on a CUDA device; nothing for other devices."""
    if getattr(device, "type", None) == "cuda":
        import torch

        torch.cuda.reset_peak_memory_stats(device)


def peak_vram_bytes(device: Any) -> int | None:
    """torch.cuda.max_memory_allocated since the last reset on a CUDA device; None elsewhere."""
    if getattr(device, "type", None) != "cuda":
        return None
    import torch

    return int(torch.cuda.max_memory_allocated(device))
