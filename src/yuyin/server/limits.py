"""Admission control: at most ``max_active`` requests synthesise, ``max_queue`` more may wait.

A request that finds the queue full, waits longer than ``queue_timeout``, or arrives (or is
still waiting) while the server drains for shutdown is refused with 503 and a Retry-After
header instead of piling up.
"""
from __future__ import annotations

import asyncio
import time

from yuyin.server.errors import ApiError
from yuyin.server.worker import within


class Ticket:
    """An admitted request's place; ``release`` (idempotent) frees it for the next in line."""

    def __init__(self, admission: "Admission", waited: float):
        self._admission, self.waited = admission, waited
        self._released = False

    def release(self) -> None:
        if not self._released:
            self._released = True
            self._admission._release()


class Admission:
    """A FIFO semaphore with a bounded waiting line."""

    def __init__(self, max_active: int, max_queue: int, queue_timeout: float, retry_after: int):
        self.max_active, self.max_queue = max_active, max_queue
        self.queue_timeout, self.retry_after = queue_timeout, retry_after
        self._slots = asyncio.Semaphore(max_active)
        self._drained = asyncio.Event()
        self.active = self.waiting = 0

    @property
    def draining(self) -> bool:
        return self._drained.is_set()

    def drain(self) -> None:
        """Refuse new requests and, at once, those waiting in line (the server is shutting down)."""
        self._drained.set()

    async def enter(self) -> Ticket:
        """Wait for a slot; raises a 503 ApiError when full, timed out or draining."""
        if self.draining:
            raise self._refusal("the server is shutting down")
        if self._slots.locked() and self.waiting >= self.max_queue:
            raise self._refusal(f"the server is busy ({self.max_active} requests running, "  # every slot is held
                                f"{self.waiting} waiting); try again later")  # fmt: skip
        started = time.perf_counter()
        self.waiting += 1
        try:
            admitted = await within(self._slot_unless_drained(), self.queue_timeout,
                                    undo=lambda held: held and self._slots.release())  # fmt: skip
        except asyncio.TimeoutError:  # an alias of TimeoutError from Python 3.11
            raise self._refusal(f"the server stayed busy for {self.queue_timeout:g} s; try again later") from None
        finally:
            self.waiting -= 1
        if not admitted:  # it waited in line while the server began to shut down
            raise self._refusal("the server is shutting down")
        self.active += 1
        return Ticket(self, time.perf_counter() - started)

    async def _slot_unless_drained(self) -> bool:
        """True once a slot is held; False (holding none) if the server starts to drain first."""
        if not self._slots.locked():  # a free slot: taken at once, nothing to wait for
            await self._slots.acquire()
            return True
        acquiring = asyncio.ensure_future(self._slots.acquire())
        drained = asyncio.ensure_future(self._drained.wait())
        try:
            await asyncio.wait((acquiring, drained), return_when=asyncio.FIRST_COMPLETED)
            if not acquiring.done() and not self.draining:  # the drain watch failed (it is bound to another loop)
                await acquiring
        except BaseException:  # cancelled (the client left, the queue timed out): hold nothing
            if acquiring.done() and not acquiring.cancelled() and acquiring.exception() is None:
                self._slots.release()
            acquiring.cancel()
            raise
        finally:
            drained.cancel()
            if drained.done() and not drained.cancelled():
                drained.exception()  # retrieved: a failed watch is not "never retrieved"
        if not acquiring.done():
            acquiring.cancel()
            return False
        if self.draining:
            self._slots.release()
            return False
        return True

    def _release(self) -> None:
        self.active -= 1
        self._slots.release()

    def _refusal(self, message: str) -> ApiError:
        return ApiError(503, message, headers={"Retry-After": str(self.retry_after)})
