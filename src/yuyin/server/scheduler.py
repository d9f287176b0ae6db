"""Synthesis worker threads that always run the most urgent job first (earliest deadline).

A stream's next chunk is due when its listener would run out of audio: first audio time plus
the audio already sent; a new request's first chunk is due at its arrival. So under load a
newcomer's first audio goes ahead of chunks for streams that are seconds ahead of playback,
and a stream about to run dry goes ahead of one with plenty buffered. Plain ``submit`` (the
front end, voice loading) is due now.
"""
from __future__ import annotations

import itertools
import math
import queue
import threading
import time
from concurrent.futures import Executor, Future
from typing import Any, Callable, TypeVar

T = TypeVar("T")
# (deadline, arrival order, future, function, args, kwargs); future None is the stop signal.
_Job = tuple[float, int, "Future[Any] | None", "Callable[..., Any] | None", tuple, dict]


class DeadlineExecutor(Executor):
    """A fixed pool of ``workers`` threads fed from a priority queue ordered by deadline."""

    def __init__(self, workers: int, name: str = "yuyin-synth"):
        self._queue: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._order = itertools.count()  # ties run first come, first served
        self._lock = threading.Lock()
        self._closed = False
        self._threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True) for i in range(workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        return self.submit_by(time.perf_counter(), fn, *args, **kwargs)

    def submit_by(self, deadline: float, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``fn`` before every queued job with a later deadline (``time.perf_counter`` seconds)."""
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new work after shutdown")
            self._queue.put((deadline, next(self._order), future, fn, args, kwargs))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            if cancel_futures:
                while not self._queue.empty():
                    job = self._queue.get_nowait()
                    if job[2] is not None:
                        job[2].cancel()
            for _ in self._threads:
                self._queue.put((math.inf, next(self._order), None, None, (), {}))
        if wait:
            for thread in self._threads:
                thread.join()

    def _work(self) -> None:
        while True:
            _, _, future, fn, args, kwargs = self._queue.get()
            if future is None or fn is None:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed to the waiting coroutine
                future.set_exception(exc)
            else:
                future.set_result(result)
