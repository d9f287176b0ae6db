"""Pull a blocking iterator from asyncio, one item at a time, on the shared worker threads;
await anything by a deadline (:func:`within`).

The iterator is advanced only when the consumer asks, so a slow or vanished client stops the
work behind it. ``cancel`` sets a flag that is checked before every item and closes the
iterator (running its ``finally`` blocks) as soon as no item is being computed.
"""
from __future__ import annotations

import asyncio
import itertools
import threading
import time
from typing import Awaitable, Callable, Generic, Iterable, Iterator, TypeVar

from yuyin.server.scheduler import DeadlineExecutor

T = TypeVar("T")
_END = object()


class StalledError(TimeoutError):
    """No item arrived within the timeout."""


async def within(work: Awaitable[T], timeout: float, undo: Callable[[T], None] | None = None) -> T:
    """work's result, or asyncio.TimeoutError once timeout seconds pass (work is cancelled then).

    Uses ``asyncio.wait``, not ``wait_for``: before Python 3.12, ``wait_for`` can swallow the
    caller's cancellation when work finishes at the same moment, and the caller then runs on
    (a cancelled WebSocket request synthesised whole, a departed client kept its queue place).
    undo(result) runs where the caller is cancelled just as work succeeded (to give back what
    it acquired).
    """
    task = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait((task,), timeout=max(timeout, 0.0))
    except asyncio.CancelledError:
        if task.done() and not task.cancelled() and task.exception() is None and undo is not None:
            undo(task.result())
        task.cancel()
        raise
    if not done:
        task.cancel()
        raise asyncio.TimeoutError
    return task.result()


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """items in lists of size (the last one shorter), each made as it is asked for."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class ThreadedIterator(Generic[T]):
    """Async access to ``iterator``, each ``next`` run on ``executor`` by a deadline.

    ``busy_seconds`` adds up the wall time spent inside ``next`` (the synthesis time).
    """

    def __init__(self, iterator: Iterator[T], executor: DeadlineExecutor):
        self._iterator, self._executor = iterator, executor
        self._lock = threading.Lock()  # held while an item is computed or the iterator closed
        self._cancelled = threading.Event()
        self.busy_seconds = 0.0

    async def next(self, timeout: float, deadline: float) -> T:
        """The next item; StopAsyncIteration at the end, StalledError (and cancel) after timeout s.

        ``deadline`` (``time.perf_counter`` seconds) orders this item among all queued work.

        Uses ``asyncio.wait``, not ``wait_for``: before Python 3.12, ``wait_for`` can swallow
        the cancellation of its caller when the item arrives at the same moment.
        """
        future = asyncio.wrap_future(self._executor.submit_by(deadline, self._pull))
        done, _ = await asyncio.wait((future,), timeout=max(timeout, 0.0))
        if not done:
            self.cancel()
            raise StalledError(f"no audio for {timeout:.3g} s")
        item = future.result()
        if item is _END:
            raise StopAsyncIteration
        return item

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Stop: no further item is computed and the iterator is closed (now, or after the
        item in progress). Safe from any thread, and to call twice."""
        self._cancelled.set()
        if self._lock.acquire(blocking=False):
            try:
                self._close()
            finally:
                self._lock.release()
        else:
            threading.Thread(target=self._close_after_pull, name="yuyin-cancel", daemon=True).start()

    def _pull(self) -> object:
        with self._lock:
            if self._cancelled.is_set():
                return _END
            started = time.perf_counter()
            try:
                return next(self._iterator, _END)
            finally:
                self.busy_seconds += time.perf_counter() - started

    def _close_after_pull(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        close = getattr(self._iterator, "close", None)
        if close is not None:
            close()
