"""Admission control: at most ``max_active`` requests synthesise, ``max_queue`` more may wait.

An admitted request holds one of ``max_active`` synthesis slots. A stream whose client reads
slower than it is made (a phone line playing it in real time) waits on that client between
chunks; it then parks: gives its slot back while keeping its place among ``max_streams`` open
requests, and takes a slot again when its client asks for more. So slow readers do not keep
others waiting while the workers idle. Slots go to the waiter due first, as the workers run
their work (:mod:`yuyin.server.scheduler`), and between two chunks a request hands its slot to
a waiter due before it: a stream is due when its listener runs out of audio, a new request when
it arrived. So a burst of long streams (phone calls placed at once) does not keep the later
callers from their first audio while the first ones run far ahead of their listeners, and a
listener about to run dry comes before new requests.

With ``shed_load`` set, the server sheds load when the streams admitted fall behind their
listeners, or are about to (see :mod:`yuyin.server.supply`): the waiting line and new requests
are refused with 503 for that many seconds, so that calls arriving at a full server get a busy
answer at once rather than make every listener run short. (Holding them in line instead was
worse: let in together when it ends, they come first, being due since they arrived.)

A request that finds the queue full, waits longer than ``queue_timeout``, or arrives (or is
still waiting) while the server sheds load or drains for shutdown is refused with 503 and a Retry-After
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
        self._due = 0.0  # when its listener runs out of audio (time.perf_counter), while in line

    def park(self) -> None:
        """Give the slot back while the request waits on its client (no-op once parked or released)."""
        if not (self.parked or self._released):
            self.parked = True
            self._admission._park()

    async def turn(self, timeout: float, due: float) -> None:
        """Hold a slot for the request's next piece of work, due (time.perf_counter s) when its
        listener runs out of audio: the slot held is kept unless a waiter is due earlier (it is
        handed over), and a parked request waits in line by due. asyncio.TimeoutError after
        timeout seconds (the ticket stays parked then)."""
        if self._released:
            return
        if not self.parked and self._admission._due_before(due):
            self.park()
        if self.parked:
            self._due = due
            await self._admission._resume(self, timeout)

    def fell_behind(self) -> None:
        """Its listener, or all in playback, ran or will run short of audio (Admission.fell_behind)."""
        self._admission.fell_behind()

    def release(self) -> None:
        if not self._released:
            self._released = True
            if self._wakeup is not None:  # closed while in line to resume: it gets no slot
                self._wakeup.cancel()
            self._admission._release(self)


class Admission:
    """Requests for ``max_active`` slots and ``max_streams`` places, served earliest due first,
    with a bounded waiting line."""

    def __init__(self, max_active: int, max_queue: int, queue_timeout: float, retry_after: int,
                 max_streams: int | None = None, shed_load: float = 0.0):  # fmt: skip
        self.max_active, self.max_queue = max_active, max_queue
        self.max_streams = max(max_streams or max_active, max_active)
        self.queue_timeout, self.retry_after, self.shed_load = queue_timeout, retry_after, shed_load
        self.active = self.parked = 0  # admitted requests holding a slot; holding none
        self.draining = False
        self._shed_until = 0.0  # time.perf_counter: new requests are refused till then (streams fell behind)
        self._entering: collections.deque[tuple[float, asyncio.Future[bool]]] = collections.deque()  # (arrived, ...)
        self._resuming: list[Ticket] = []

    @property
    def admitted(self) -> int:
        """Requests admitted and not yet released, parked or not."""
        return self.active + self.parked

    @property
    def waiting(self) -> int:
        """Requests in line for admission."""
        return len(self._entering)

    @property
    def shedding(self) -> bool:
        """Whether new requests are refused: streams fell behind in the last shed_load s."""
        return time.perf_counter() < self._shed_until

    def fell_behind(self) -> None:
        """Streams fell behind their listeners, or are about to: with shed_load set, refuse the
        line at once and new requests for shed_load s."""
        if self.shed_load:
            self._shed_until = time.perf_counter() + self.shed_load
            self._refuse_line()

    def drain(self) -> None:
        """Refuse new requests and, at once, those waiting in line (the server is shutting down);
        admitted ones, parked or not, run on."""
        self.draining = True
        self._refuse_line()

    def _refuse_line(self) -> None:
        while self._entering:
            self._entering.popleft()[1].set_result(False)

    async def enter(self) -> Ticket:
        """Wait for a slot; raises a 503 ApiError when full, timed out or draining."""
        if self.draining or self.shedding:
            raise self._refusal(self._why_refused())
        if not self._must_wait():
            self.active += 1
            return Ticket(self, 0.0)
        if self.waiting >= self.max_queue:
            raise self._refusal(f"the server is busy ({self.admitted} requests running, "
                                f"{self.waiting} waiting); try again later")  # fmt: skip
        started = time.perf_counter()
        entry = (started, asyncio.get_running_loop().create_future())
        self._entering.append(entry)
        try:
            admitted = await within(entry[1], self.queue_timeout, undo=lambda held: held and self._free(parked=False))
        except asyncio.TimeoutError:  # an alias of TimeoutError from Python 3.11
            raise self._refusal(f"the server stayed busy for {self.queue_timeout:g} s; try again later") from None
        finally:
            if entry in self._entering:  # not handed a slot (timed out, the client left): out of line
                self._entering.remove(entry)
        if not admitted:  # it waited in line while the server began to shut down or shed load
            raise self._refusal(self._why_refused())
        return Ticket(self, time.perf_counter() - started)

    def _why_refused(self) -> str:
        if self.draining:
            return "the server is shutting down"
        return "the server is falling behind the streams it serves; try again later"

    def _must_wait(self) -> bool:
        """Whether a new request must wait: no free slot or place, or others are before it."""
        return (self.active >= self.max_active or self.admitted >= self.max_streams
                or bool(self._entering) or bool(self._resuming))  # fmt: skip

    def _due_before(self, due: float) -> bool:
        """Whether a waiter that a slot would go to is due before due."""
        return (any(ticket._due < due for ticket in self._resuming)
                or bool(self._entering) and self._entering[0][0] < due and self.admitted < self.max_streams)  # fmt: skip

    def _park(self) -> None:
        self.active -= 1
        self.parked += 1
        self._admit()

    async def _resume(self, ticket: Ticket, timeout: float) -> None:
        """Move a parked ticket back to a slot: at once if one is free, else in line
        (asyncio.TimeoutError after timeout s)."""
        if self.active < self.max_active:
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
        """Hand free slots on, earliest due first: to parked requests resuming, and to new ones
        in line while places are left. Counts move at once, before the waiter runs."""
        while self.active < self.max_active:
            resuming = min(self._resuming, key=lambda ticket: ticket._due, default=None)
            entering = self._entering[0] if self._entering and self.admitted < self.max_streams else None
            if resuming is not None and (entering is None or resuming._due <= entering[0]):
                self._resuming.remove(resuming)
                self._unpark(resuming)
                resuming._wakeup.set_result(None)  # type: ignore[union-attr]  # set while it is in line
            elif entering is not None:
                self.active += 1
                self._entering.popleft()[1].set_result(True)
            else:
                return

    def _refusal(self, message: str) -> ApiError:
        return ApiError(503, message, headers={"Retry-After": str(self.retry_after)})
