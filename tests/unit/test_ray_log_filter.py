"""Serve's traceback for a request its client left is dropped in the replicas; other errors stay."""
from __future__ import annotations

import logging

from ray.exceptions import TaskCancelledError

from yuyin.cluster.serve import DisconnectsUnlogged


def failed(error: BaseException) -> logging.LogRecord:
    return logging.LogRecord("ray.serve", logging.ERROR, __file__, 1, "Request failed.", (),
                             (type(error), error, None))  # fmt: skip


def test_a_request_cancelled_for_a_gone_client_is_not_logged_and_other_failures_are() -> None:
    quiet = DisconnectsUnlogged()
    assert not quiet.filter(failed(TaskCancelledError(None)))
    assert quiet.filter(failed(RuntimeError("the model raised")))
    assert quiet.filter(logging.LogRecord("ray.serve", logging.INFO, __file__, 1, "POST / 200", (), None))
