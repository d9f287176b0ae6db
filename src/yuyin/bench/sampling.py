"""A background thread that calls a reading function every few milliseconds over a span.

The base of the bench's span measurements (peak memory, CPU and GPU utilisation): subclasses say
what one sample does; this class owns the thread, and takes a sample at enter and at exit too, so
a span shorter than the interval still has two.
"""
from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from typing import Any, TypeVar

_Sampler = TypeVar("_Sampler", bound="PeriodicSampler")


class PeriodicSampler(ABC):
    """Context manager calling ``sample()`` at enter, every interval_s seconds, and at exit."""

    def __init__(self, interval_s: float):
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @abstractmethod
    def sample(self) -> None:
        """Take one reading (called from the sampler thread and, at enter and exit, the caller's)."""

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()

    def __enter__(self: _Sampler) -> _Sampler:
        self.sample()
        self._thread = threading.Thread(target=self._loop, name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()
