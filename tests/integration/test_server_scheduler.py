"""The server's worker scheduling: earliest deadline first, and cancellation between chunks."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from yuyin.server.scheduler import DeadlineExecutor
from yuyin.server.worker import StalledError, ThreadedIterator


def test_jobs_run_by_deadline_then_arrival() -> None:
    executor = DeadlineExecutor(1)
    gate = threading.Event()
    executor.submit(gate.wait)  # occupies the only worker while the others queue
    ran: list[str] = []
    futures = [executor.submit_by(deadline, ran.append, name)
               for deadline, name in [(3.0, "c"), (1.0, "a"), (2.0, "b1"), (2.0, "b2")]]  # fmt: skip
    gate.set()
    for future in futures:
        future.result(timeout=5)
    assert ran == ["a", "b1", "b2", "c"]
    executor.shutdown()


def test_shutdown_cancels_queued_jobs_and_refuses_new_ones() -> None:
    executor = DeadlineExecutor(1)
    gate, started = threading.Event(), threading.Event()

    def job() -> bool:
        started.set()
        return gate.wait()

    running = executor.submit(job)
    assert started.wait(10)  # shut down only once the worker holds the first job
    queued = executor.submit(time.sleep, 0)
    threading.Timer(0.2, gate.set).start()
    executor.shutdown(wait=True, cancel_futures=True)
    assert running.result() is True and queued.cancelled()
    with pytest.raises(RuntimeError):
        executor.submit(time.sleep, 0)


def test_threaded_iterator_stops_pulling_and_closes_the_generator() -> None:
    pulled: list[int] = []
    closed = threading.Event()

    def numbers():
        try:
            for n in range(1000):
                pulled.append(n)
                yield n
        finally:
            closed.set()

    async def scenario() -> None:
        executor = DeadlineExecutor(1)
        iterator = ThreadedIterator(numbers(), executor)
        assert [await iterator.next(5, 0.0) for _ in range(3)] == [0, 1, 2]
        iterator.cancel()
        with pytest.raises(StopAsyncIteration):
            await iterator.next(5, 0.0)
        executor.shutdown()

    asyncio.run(scenario())
    assert closed.wait(5) and pulled == [0, 1, 2]


def test_threaded_iterator_times_out_a_stalled_item() -> None:
    def slow():
        time.sleep(1)
        yield 1

    async def scenario() -> None:
        executor = DeadlineExecutor(1)
        with pytest.raises(StalledError):
            await ThreadedIterator(slow(), executor).next(0.1, 0.0)
        executor.shutdown()

    asyncio.run(scenario())
