"""SIGTERM and SIGHUP ending a command as Ctrl-C does (KeyboardInterrupt), so that it cleans up
(a half-written file, a Ray cluster it started) instead of dying where it stands; Ctrl-C itself
handled with the same care. Main thread only: elsewhere nothing is changed.

An interrupt is an exception that can come between any two steps of Python code, and in CPython
3.11 some of those steps cannot take one (``yuyin say`` met the first three and the last when a
signal came while its voice loaded): in the middle of an import, the exception can leave the global import
lock held, so that the next import of any other thread waits for ever, be printed as "Exception
ignored" and lost (in a module lock's weakref callback), or turn into a TypeError from inside the
import system; in any other finaliser (``__del__``, a weakref callback) it is lost the same way;
and once it has left an ``eval`` or ``exec`` of a string (``collections.namedtuple`` and
``dataclasses`` run them), CPython marks it unhandled even though a handler caught it, so that
``python -m yuyin.cli`` then ends by SIGINT instead of the exit code it asked for. So here an
interrupt waits for the import under way to finish (``import torch``, the longest, takes about a
second), one that a finaliser swallowed comes again, and ``forget_interrupt`` clears the mark.
"""
from __future__ import annotations

import _thread
import contextlib
import functools
import importlib._bootstrap as _bootstrap  # type: ignore[import-not-found]
import signal
import sys
import threading
from typing import Any, Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def interrupt_on_signals() -> None:
    """Make SIGINT, SIGTERM and SIGHUP raise KeyboardInterrupt (main thread, outside the import
    system's bookkeeping)."""
    if threading.current_thread() is threading.main_thread():
        for number in SIGNALS:
            signal.signal(number, _interrupt)


@contextlib.contextmanager
def terminated_like_interrupted() -> Iterator[None]:
    """interrupt_on_signals for the block, and an interrupt that a finaliser swallowed raised
    again (main thread; elsewhere nothing changes); the previous handlers come back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in SIGNALS}
    previous_hook = sys.unraisablehook
    sys.unraisablehook = functools.partial(_raise_lost_interrupts_again, previous_hook)
    try:
        interrupt_on_signals()
        yield
    finally:
        for number, handler in previous.items():
            if handler is not None:
                signal.signal(number, handler)
        sys.unraisablehook = previous_hook


def forget_interrupt() -> None:
    """Clear CPython's mark of an unhandled KeyboardInterrupt once one has been handled: an
    interrupt that left an eval/exec of a string sets it for good, and ``python -m`` would then
    end the process by SIGINT whatever exit code it asked for. Any exec of a string that ends
    without an interrupt clears it (and does nothing on a Python without the mark)."""
    exec("")


def _interrupt(signum: int, frame: Any) -> None:
    if _importing(frame):
        _signal_again(signum)
        return
    raise KeyboardInterrupt


def _importing(frame: Any) -> bool:
    """Whether a module is being imported (by any thread: its module lock is alive) or frame is the
    import system's own (a module lock's weakref callback runs when no lock is left)."""
    if frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        return True
    return any(lock() is not None for lock in list(_bootstrap._module_locks.values()))


def _signal_again(signum: int) -> None:
    """Have signum come to the main thread again in 10 ms, from a thread: re-raised from here, it
    would reach this very handler at its next step and never leave."""
    timer = threading.Timer(0.01, _thread.interrupt_main, (signum,))
    timer.daemon = True
    timer.start()


def _raise_lost_interrupts_again(hook: Any, unraisable: Any) -> None:
    """An unraisable-exception hook that passes everything to hook but a KeyboardInterrupt (raised
    in a finaliser, where it cannot propagate), which comes again as a SIGINT once the finaliser
    is done."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _signal_again(signal.SIGINT)
    else:
        hook(unraisable)
