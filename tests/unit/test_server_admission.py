"""Admission slots, places and the waiting line (yuyin.server.limits), driven on an event loop."""
from __future__ import annotations

import asyncio
import time

import pytest

from yuyin.server.errors import ApiError
from yuyin.server.limits import Admission


def run(scenario) -> None:
    asyncio.run(asyncio.wait_for(scenario(), 10))


async def settle() -> None:
    """Let every task that can run, run."""
    for _ in range(5):
        await asyncio.sleep(0)


def running_dry() -> float:
    """A resuming stream's due time: its listener ran out of audio a second ago."""
    return time.perf_counter() - 1


def counts(admission: Admission) -> tuple[int, int, int]:
    return admission.active, admission.parked, admission.waiting


def test_a_parked_request_lends_its_slot_to_the_next_in_line() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=2, queue_timeout=5, retry_after=2, max_streams=3)
        first = await admission.enter()
        second = asyncio.ensure_future(admission.enter())
        await settle()
        assert counts(admission) == (1, 0, 1) and not second.done()
        first.park()  # its client reads slowly: the slot goes on
        await settle()
        assert second.done() and counts(admission) == (1, 1, 0) and admission.admitted == 2
        resuming = asyncio.ensure_future(first.turn(5, running_dry()))  # its client asks for more: it waits for the slot
        await settle()
        assert not resuming.done() and first.parked
        second.result().release()
        await settle()
        assert resuming.done() and not first.parked and counts(admission) == (1, 0, 0)
        first.release()
        first.release()  # idempotent
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_free_slots_go_to_the_waiter_due_first() -> None:
    """A stream whose listener is running dry resumes before new requests; one well ahead of its
    listener waits behind requests that arrived before its listener needs more."""
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=4, queue_timeout=5, retry_after=2, max_streams=4)
        dry = await admission.enter()
        dry.park()
        ahead = await admission.enter()
        ahead.park()
        running = await admission.enter()
        new = asyncio.ensure_future(admission.enter())
        await settle()
        resuming_ahead = asyncio.ensure_future(ahead.turn(5, time.perf_counter() + 60))
        resuming_dry = asyncio.ensure_future(dry.turn(5, running_dry()))
        await settle()
        assert not (new.done() or resuming_ahead.done() or resuming_dry.done())
        running.release()
        await settle()
        assert resuming_dry.done() and not new.done() and not resuming_ahead.done()
        dry.release()
        await settle()
        assert new.done() and not resuming_ahead.done()
        new.result().release()
        await settle()
        assert resuming_ahead.done()
        ahead.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_a_request_ahead_of_its_listener_hands_its_slot_to_an_earlier_waiter() -> None:
    """Between two chunks a stream far ahead of its listener lets a new request in first; one
    about to run dry keeps its slot."""
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=2, queue_timeout=5, retry_after=2, max_streams=3)
        stream = await admission.enter()
        new = asyncio.ensure_future(admission.enter())
        await settle()
        await asyncio.wait_for(stream.turn(5, running_dry()), 1)  # due before the new request arrived: kept
        assert not stream.parked and not new.done()
        ahead = asyncio.ensure_future(stream.turn(5, time.perf_counter() + 60))
        await settle()
        assert new.done() and stream.parked and not ahead.done()  # handed over, in line by its due
        new.result().release()
        await settle()
        assert ahead.done() and not stream.parked and counts(admission) == (1, 0, 0)
        await asyncio.wait_for(stream.turn(5, time.perf_counter() + 60), 1)  # nobody waits: kept
        stream.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_max_streams_bounds_admitted_requests_parked_or_not() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=1, queue_timeout=0.2, retry_after=2, max_streams=2)
        tickets = []
        for _ in range(2):
            ticket = await admission.enter()
            ticket.park()
            tickets.append(ticket)
        assert counts(admission) == (0, 2, 0)  # every slot free, every place taken
        waiting = asyncio.ensure_future(admission.enter())
        await settle()
        with pytest.raises(ApiError) as busy:
            await admission.enter()  # the line (1) is full
        assert busy.value.status == 503 and "busy (2 requests running, 1 waiting)" in busy.value.message
        with pytest.raises(ApiError, match="stayed busy for 0.2 s"):
            await waiting
        assert counts(admission) == (0, 2, 0)  # the timed-out request left the line
        tickets[0].release()  # a parked request ends: its place comes free
        third = await admission.enter()
        assert counts(admission) == (1, 1, 0)
        for ticket in (tickets[1], third):
            ticket.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_a_resume_that_times_out_or_is_cancelled_stays_parked() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=1, queue_timeout=5, retry_after=2, max_streams=2)
        parked = await admission.enter()
        parked.park()
        running = await admission.enter()
        with pytest.raises(asyncio.TimeoutError):
            await parked.turn(0.05, running_dry())
        assert parked.parked and counts(admission) == (1, 1, 0)
        resuming = asyncio.ensure_future(parked.turn(5, running_dry()))
        await settle()
        resuming.cancel()  # the client left while its stream waited for a slot
        await settle()
        assert parked.parked and counts(admission) == (1, 1, 0)
        parked.release()
        running.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_a_slot_handed_to_a_request_cancelled_meanwhile_comes_back() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=2, queue_timeout=5, retry_after=2, max_streams=2)
        parked = await admission.enter()
        parked.park()
        running = await admission.enter()
        resuming = asyncio.ensure_future(parked.turn(5, running_dry()))
        entering = asyncio.ensure_future(admission.enter())
        await settle()
        running.release()  # the slot goes to the resuming request, whose task is cancelled before it runs
        resuming.cancel()
        await settle()
        assert parked.parked and entering.done()  # given back, and on to the request in line
        assert counts(admission) == (1, 1, 0)
        entering.result().release()
        parked.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_a_request_released_while_in_line_to_resume_gets_no_slot() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=1, queue_timeout=5, retry_after=2, max_streams=2)
        parked = await admission.enter()
        parked.park()
        running = await admission.enter()
        resuming = asyncio.ensure_future(parked.turn(5, running_dry()))
        await settle()
        parked.release()  # closed from elsewhere (shutdown) while it waited
        await settle()
        assert resuming.cancelled() and counts(admission) == (1, 0, 0)
        running.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_draining_refuses_the_line_but_lets_parked_streams_resume() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=2, queue_timeout=5, retry_after=2, max_streams=2)
        parked = await admission.enter()
        parked.park()
        running = await admission.enter()
        waiting = asyncio.ensure_future(admission.enter())
        resuming = asyncio.ensure_future(parked.turn(5, running_dry()))
        await settle()
        admission.drain()
        with pytest.raises(ApiError, match="shutting down"):
            await waiting
        with pytest.raises(ApiError, match="shutting down"):
            await admission.enter()
        running.release()
        await asyncio.wait_for(resuming, 1)
        assert counts(admission) == (1, 0, 0)
        parked.release()
        assert counts(admission) == (0, 0, 0)

    run(scenario)


def test_max_streams_is_at_least_max_active() -> None:
    assert Admission(max_active=4, max_queue=0, queue_timeout=1, retry_after=2).max_streams == 4
    from yuyin.engine.memory import TIERS
    from yuyin.server.settings import ServerSettings

    small = next(tier for tier in TIERS if tier.name == "small")  # max_active 4
    assert ServerSettings(max_active=3).sized_for(small).max_streams == 12
    capped = ServerSettings(max_streams=2).sized_for(small)
    assert (capped.max_active, capped.max_streams) == (2, 2)
    with pytest.raises(ValueError, match=r"max_streams must be at least max_active \(3\), got 2"):
        ServerSettings(max_active=3, max_streams=2)


def test_a_stream_falling_behind_sheds_the_line_and_new_requests_for_shed_load() -> None:
    """An underrun refuses those in line at once and new requests for shed_load s from the
    last one; admitted streams resume meanwhile."""
    async def scenario() -> None:
        admission = Admission(max_active=1, max_queue=2, queue_timeout=5, retry_after=2, max_streams=4,
                              shed_load=0.3)  # fmt: skip
        behind = await admission.enter()
        waiting = asyncio.ensure_future(admission.enter())
        await settle()
        behind.park()  # its client reads on while the next in line got its slot
        await settle()
        assert waiting.done() and counts(admission) == (1, 1, 0)
        in_line = asyncio.ensure_future(admission.enter())
        await settle()
        behind.fell_behind()
        with pytest.raises(ApiError, match="falling behind the streams it serves") as refused:
            await in_line
        assert refused.value.status == 503 and refused.value.headers == {"Retry-After": "2"}
        resuming = asyncio.ensure_future(behind.turn(5, running_dry()))
        waiting.result().release()
        await asyncio.wait_for(resuming, 0.1)  # admitted streams go on
        await asyncio.sleep(0.2)
        behind.fell_behind()  # again: refused till 0.5 s from the first
        await asyncio.sleep(0.2)
        with pytest.raises(ApiError, match="falling behind"):
            await admission.enter()
        await asyncio.sleep(0.15)
        assert not admission.shedding
        behind.release()
        (await asyncio.wait_for(admission.enter(), 0.1)).release()

    run(scenario)


def test_no_shedding_without_shed_load() -> None:
    async def scenario() -> None:
        admission = Admission(max_active=2, max_queue=0, queue_timeout=5, retry_after=2)
        stream = await admission.enter()
        stream.fell_behind()
        assert not admission.shedding
        (await asyncio.wait_for(admission.enter(), 0.1)).release()
        stream.release()

    run(scenario)
