"""CPU offload of an idle voice: its models leave GPU memory after a quiet spell and come back on demand.

A server that holds several voices on one GPU keeps each voice's weights in VRAM even when
nobody asks for it. With an idle limit, :class:`IdleOffloader` moves a voice's models to the CPU
once no request has used them for ``idle_seconds`` (freeing their VRAM for the voices in use) and
moves them back when the next request starts; that request waits for the copy (a few hundred MB
over PCIe: tens of milliseconds), later ones do not.

Requests bracket their model calls with :meth:`IdleOffloader.in_use`; models never move while a
request is inside, and a request never runs on models that are away.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

import torch
from torch import nn

CPU = torch.device("cpu")


class IdleOffloader:
    """place(resident) moves the models home (True) or to the CPU (False); thread-safe.

    A watcher thread runs only while the models are home and no request holds them: it offloads
    them once they have been idle for idle_seconds, then ends.
    """

    def __init__(self, place: Callable[[bool], None], idle_seconds: float):
        if idle_seconds <= 0:
            raise ValueError(f"idle_seconds must be positive, got {idle_seconds}")
        self._place, self.idle_seconds = place, idle_seconds
        self._lock = threading.Condition()
        self._active = 0
        self._last_used = time.monotonic()
        self._watcher: threading.Thread | None = None
        self.resident = True
        self.offloads = 0  # times the models left; restores are the same number, or one fewer
        self._watch_later()

    @contextmanager
    def in_use(self) -> Iterator[None]:
        """Hold the models home for the body (bringing them back first if they are away)."""
        with self._lock:
            self._active += 1
            try:
                if not self.resident:
                    self._place(True)
                    self.resident = True
            except BaseException:
                self._active -= 1
                raise
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1
                self._last_used = time.monotonic()
                self._watch_later()
                self._lock.notify_all()

    def _watch_later(self) -> None:
        """Start the watcher unless one runs (call with the lock held, or before sharing self)."""
        if self._watcher is None and self.resident:
            self._watcher = threading.Thread(target=self._watch, name="yuyin-offload", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        with self._lock:
            while True:
                idle = time.monotonic() - self._last_used
                if self._active == 0 and idle >= self.idle_seconds:
                    try:
                        self._place(False)
                        self.resident = False
                        self.offloads += 1
                    finally:
                        self._watcher = None
                    return
                self._lock.wait(self.idle_seconds - idle if self._active == 0 else None)


def place_modules(homes: list[tuple[nn.Module, torch.device]], resident: bool) -> None:
    """Move each module to its home device (resident) or to the CPU, then let CUDA's caching
    allocator give the freed memory back to the device."""
    for module, home in homes:
        module.to(home if resident else CPU)
    if not resident and torch.cuda.is_available():
        torch.cuda.empty_cache()
