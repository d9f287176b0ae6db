"""``within``: a deadline for an awaitable that never swallows its caller's cancellation."""
from __future__ import annotations

import asyncio

import pytest

from yuyin.server.worker import within


def test_the_result_in_time_and_a_timeout_that_cancels_the_work() -> None:
    async def scenario() -> None:
        assert await within(asyncio.sleep(0, "done"), 1.0) == "done"
        slow = asyncio.ensure_future(asyncio.sleep(10))
        with pytest.raises(asyncio.TimeoutError):
            await within(slow, 0.01)
        await asyncio.sleep(0)
        assert slow.cancelled()

    asyncio.run(scenario())


def test_a_caller_cancelled_as_the_work_finishes_is_cancelled_and_undoes_it() -> None:
    """The moment asyncio.wait_for (before Python 3.12) returns the result and drops the cancel."""

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        work, undone = loop.create_future(), []
        caller = asyncio.ensure_future(within(work, 10.0, undo=undone.append))
        await asyncio.sleep(0)  # the caller waits
        work.set_result("slot")
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        assert undone == ["slot"]

    asyncio.run(scenario())
