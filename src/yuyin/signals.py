"""SIGTERM and SIGHUP ending a command as Ctrl-C does (KeyboardInterrupt), so that it cleans up
(a half-written file, a Ray cluster it started) instead of dying where it stands. Main thread
only: elsewhere nothing is changed."""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Any, Iterator

SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def interrupt_on_signals() -> dict[int, Any]:
    """Make SIGTERM and SIGHUP raise KeyboardInterrupt; returns the handlers replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {number: signal.signal(number, _interrupt) for number in SIGNALS}


@contextlib.contextmanager
def terminated_like_interrupted() -> Iterator[None]:
    """interrupt_on_signals for the block; the previous handlers come back after it."""
    previous = interrupt_on_signals()
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
