"""Admission control: at most ``max_active`` requests synthesise, ``max_queue`` more may wait.

An admitted request holds one of ``max_active`` synthesis slots. A stream whose client reads
slower than it is made (a phone line playing it in real time) waits on that client between
chunks; it then parks: gives its slot back while keeping its place among ``max_streams`` open
requests, and takes a slot again, ahead of new requests, when its client asks for more. So
slow readers do not keep others waiting while the workers idle.

A request that finds the queue full, waits longer than ``queue_timeout``, or arrives (or is
still waiting) while the server drains for shutdown is refused with 503 and a Retry-After
header instead of piling up. Admitted requests, parked or not, run on while it drains.
"""
from __future__ import annotations

import asyncio
import collections
import time

from yuyin.server.errors import ApiError
from yuyin.server.worker import within


class Ticket:
    """An admitted request's place: a synthesis slot, given back while ``parked``;
    ``release`` (idempotent) frees the place for the next in line."""

    def __init__(self, admission: "Admission", waited: float):
        self._admission, self.waited = admission, waited
        self.parked = self._released = False
        self._wakeup: asyncio.Future[None] | None = None  # while it waits in line to resume

    def park(self) -> None:
        """Give the slot back while the request waits on its client (no-op once parked or released)."""
        if not (self.parked or self._released):
            self.parked = True
            self._admission._park()

    async def resume(self, timeout: float) -> None:
        """Hold a slot again (at once unless parked), ahead of requests not yet admitted;
        asyncio.TimeoutError after timeout seconds (the ticket stays parked then)."""
        if self.parked and not self._released:
            await self._admission._resume(self, timeout)

    def release(self) -> None:
        if not self._released:
            self._released = True
            if self._wakeup is not None:  # closed while in line to resume: it gets no slot
                self._wakeup.cancel()
            self._admission._release(self)


class Admission:
    """A FIFO of requests for ``max_active`` slots and ``max_streams`` places, with a bounded
    waiting line; parked requests resuming come first."""

    def __init__(self, max_active: int, max_queue: int, queue_timeout: float, retry_after: int,
                 max_streams: int | None = None):  # fmt: skip
        self.max_active, self.max_queue = max_active, max_queue
        self.max_streams = max(max_streams or max_active, max_active)
        self.queue_timeout, self.retry_after = queue_timeout, retry_after
        self.active = self.parked = 0  # admitted requests holding a slot; holding none
        self.draining = False
        self._entering: collections.deque[asyncio.Future[bool]] = collections.deque()
        self._resuming: collections.deque[Ticket] = collections.deque()

    @property
    def admitted(self) -> int:
        """Requests admitted and not yet released, parked or not."""
        return self.active + self.parked

    @property
    def waiting(self) -> int:
        """Requests in line for admission."""
        return len(self._entering)

    def drain(self) -> None:
        """Refuse new requests and, at once, those waiting in line (the server is shutting down);
        admitted ones, parked or not, run on."""
        self.draining = True
        while self._entering:
            self._entering.popleft().set_result(False)

    async def enter(self) -> Ticket:
        """Wait for a slot; raises a 503 ApiError when full, timed out or draining."""
        if self.draining:
            raise self._refusal("the server is shutting down")
        if not self._must_wait():
            self.active += 1
            return Ticket(self, 0.0)
        if self.waiting >= self.max_queue:
            raise self._refusal(f"the server is busy ({self.admitted} requests running, "
                                f"{self.waiting} waiting); try again later")  # fmt: skip
        started = time.perf_counter()
        entry: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._entering.append(entry)
        try:
            admitted = await within(entry, self.queue_timeout, undo=lambda held: held and self._free(parked=False))
        except asyncio.TimeoutError:  # an alias of TimeoutError from Python 3.11
            raise self._refusal(f"the server stayed busy for {self.queue_timeout:g} s; try again later") from None
        finally:
            if entry in self._entering:  # not handed a slot (timed out, the client left): out of line
                self._entering.remove(entry)
        if not admitted:  # it waited in line while the server began to shut down
            raise self._refusal("the server is shutting down")
        return Ticket(self, time.perf_counter() - started)

    def _must_wait(self) -> bool:
        """Whether a new request must wait: no free slot or place, or others are before it."""
        return (self.active >= self.max_active or self.admitted >= self.max_streams
                or bool(self._entering) or bool(self._resuming))  # fmt: skip

    def _park(self) -> None:
        self.active -= 1
        self.parked += 1
        self._admit()

    async def _resume(self, ticket: Ticket, timeout: float) -> None:
        """Move a parked ticket back to a slot: at once if one is free and no other parked
        request waits for one, else in line (asyncio.TimeoutError after timeout s)."""
        if self.active < self.max_active and not self._resuming:
            self._unpark(ticket)
            return
        ticket._wakeup = asyncio.get_running_loop().create_future()
        self._resuming.append(ticket)
        try:
            await within(ticket._wakeup, timeout, undo=lambda _: ticket.park())
        finally:
            ticket._wakeup = None
            if ticket in self._resuming:  # not handed a slot: out of line, still parked
                self._resuming.remove(ticket)

    def _unpark(self, ticket: Ticket) -> None:
        ticket.parked = False
        self.parked -= 1
        self.active += 1

    def _release(self, ticket: Ticket) -> None:
        if ticket in self._resuming:
            self._resuming.remove(ticket)
        self._free(ticket.parked)

    def _free(self, parked: bool) -> None:
        if parked:
            self.parked -= 1
        else:
            self.active -= 1
        self._admit()

    def _admit(self) -> None:
        """Hand free slots on: first to parked requests resuming, then to those in line while
        places are left. Counts move at once, before the waiter runs."""
        while self.active < self.max_active:
            if self._resuming:
                ticket = self._resuming.popleft()
                self._unpark(ticket)
                ticket._wakeup.set_result(None)  # type: ignore[union-attr]  # set while it is in line
            elif self._entering and self.admitted < self.max_streams:
                self.active += 1
                self._entering.popleft().set_result(True)
            else:
                return

    def _refusal(self, message: str) -> ApiError:
        return ApiError(503, message, headers={"Retry-After": str(self.retry_after)})
