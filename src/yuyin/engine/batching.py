"""Dynamic batching of concurrent model calls: many callers, one batched call.

Callers ``call(item)`` from their own threads and block until their result is ready. One worker
thread takes the waiting items of one length bucket (oldest first), up to ``max_batch_size``;
when fewer are waiting it waits up to ``max_wait_ms`` for more, then runs ``run_batch(items)``
and hands every caller its own result (or the batch's exception). Batches therefore form on
their own under load, while a lone caller pays only a thread hand-off when ``max_wait_ms`` is 0.

Only items of one bucket (``bucket(item)``, any hashable) share a batch. Callers that pad pick
buckets of similar length (:func:`length_bucket`, half an octave: at most ~41 % padding);
callers whose items must not be padded at all bucket by exact shape. The queue is bounded by ``max_pending``; a call beyond it raises
:class:`BatchQueueFull` at once instead of queueing without limit.

The worker thread lives only while there is work: after ``idle_exit_s`` without any it ends (the
next call starts another), so a batcher nobody uses any more does not keep its models alive.
Every worker of this module and of :mod:`.ar_batcher` is stopped when the interpreter exits
(:func:`stop_at_exit`).
"""
from __future__ import annotations

import atexit
import math
import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Generic, Hashable, Protocol, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


IDLE_EXIT_S = 1.0  # seconds a worker thread waits for work before it ends


_STOPPED_AT_EXIT: weakref.WeakSet = weakref.WeakSet()  # batchers to close at exit
_WORKER_THREADS: weakref.WeakSet = weakref.WeakSet()  # every worker started, until it is gone


class Closable(Protocol):
    def close(self, timeout: float) -> None: ...


def stop_at_exit(batcher: Closable) -> None:
    """Have batcher.close(timeout) run when the interpreter exits, before it finalises."""
    _STOPPED_AT_EXIT.add(batcher)


@atexit.register
def _stop_workers(timeout: float = 5.0) -> None:
    """Close every batcher and wait for every worker to end, including one still dropping the
    last reference to its batcher. A daemon worker still running while the interpreter finalises
    can free a model there; torch's C++ destructors then give up the GIL, CPython ends the
    thread with pthread_exit when it asks for it back, and the unwinding aborts the process
    ("terminate called without an active exception", exit status 134, after all work succeeded)."""
    for batcher in list(_STOPPED_AT_EXIT):
        batcher.close(timeout)
    for thread in list(_WORKER_THREADS):
        if thread is not threading.current_thread():
            thread.join(timeout)


def start_worker(target: Callable[..., None], name: str, *args: object) -> threading.Thread:
    """Start a daemon worker thread that the exit hook waits for (see _stop_workers)."""
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    _WORKER_THREADS.add(thread)
    thread.start()
    return thread


class BatchQueueFull(RuntimeError):
    """More calls are waiting than the queue holds."""


def length_bucket(length: int) -> int:
    """Half-octave bucket of a length >= 1 (1, 2, 3, 4-5, 6-7, 8-11, 12-15, ...)."""
    return math.floor(2 * math.log2(max(1, length)))


@dataclass(eq=False)  # identity: items hold tensors, which do not compare to a bool
class _Call(Generic[Item, Result]):
    item: Item
    bucket: Hashable
    done: threading.Event = field(default_factory=threading.Event)
    result: Result | None = None
    error: BaseException | None = None


class DynamicBatcher(Generic[Item, Result]):
    """run_batch(items) -> results in the same order, for items of one bucket(item)."""

    def __init__(self, run_batch: Callable[[list[Item]], Sequence[Result]], bucket: Callable[[Item], Hashable], *,
                 max_batch_size: int = 8, max_wait_ms: float = 0.0, max_pending: int = 256,
                 name: str = "yuyin-batcher", idle_exit_s: float = IDLE_EXIT_S):  # fmt: skip
        if max_batch_size < 1 or max_pending < 1 or max_wait_ms < 0:
            raise ValueError("max_batch_size and max_pending must be >= 1 and max_wait_ms >= 0")
        self._run_batch, self._bucket, self._name = run_batch, bucket, name
        self.max_batch_size, self.max_wait_s, self.max_pending = max_batch_size, max_wait_ms / 1000, max_pending
        self.idle_exit_s = idle_exit_s
        self._lock = threading.Condition()
        self._pending: deque[_Call[Item, Result]] = deque()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.batch_sizes: list[int] = []  # sizes of the batches run, most recent last (bounded)
        stop_at_exit(self)

    def call(self, item: Item) -> Result:
        """Run item in the next batch of its bucket; returns its result or raises the batch's error."""
        call: _Call[Item, Result] = _Call(item, self._bucket(item))
        with self._lock:
            if self._closed:
                raise RuntimeError(f"{self._name} is closed")
            if len(self._pending) >= self.max_pending:
                raise BatchQueueFull(f"{self._name}: {len(self._pending)} calls already waiting")
            self._pending.append(call)
            if self._thread is None or not self._thread.is_alive():
                self._thread = start_worker(self._work, self._name)
            self._lock.notify_all()
        call.done.wait()
        if call.error is not None:
            raise call.error
        return call.result  # type: ignore[return-value]

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker once the calls already waiting have run; later calls raise RuntimeError."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
            worker = self._thread
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)

    def _work(self) -> None:
        while (batch := self._next_batch()) is not None:
            try:
                results = list(self._run_batch([call.item for call in batch]))
                if len(results) != len(batch):
                    raise RuntimeError(f"{self._name}: {len(results)} results for {len(batch)} items")
                for call, result in zip(batch, results):
                    call.result = result
            except BaseException as exc:  # handed to every caller of the batch
                for call in batch:
                    call.error = exc
            for call in batch:
                call.done.set()

    def _next_batch(self) -> list[_Call[Item, Result]] | None:
        """The oldest waiting item's bucket, up to max_batch_size items (after up to max_wait_s);
        None after idle_exit_s without any item or once closed with none, when the worker is to end."""
        with self._lock:
            while not self._pending:
                if self._closed or (not self._lock.wait(self.idle_exit_s) and not self._pending):
                    self._thread = None  # under the lock: a call from now on starts a new worker
                    return None
            deadline = time.monotonic() + self.max_wait_s
            bucket = self._pending[0].bucket
            while self._count(bucket) < self.max_batch_size and (remaining := deadline - time.monotonic()) > 0:
                self._lock.wait(remaining)
            batch = [call for call in self._pending if call.bucket == bucket][: self.max_batch_size]
            taken = set(map(id, batch))
            self._pending = deque(call for call in self._pending if id(call) not in taken)
            self.batch_sizes = [*self.batch_sizes[-255:], len(batch)]
            return batch

    def _count(self, bucket: Hashable) -> int:
        return sum(1 for call in self._pending if call.bucket == bucket)
