"""uvicorn's error lines for requests the server stopped on purpose become one warning each."""
from __future__ import annotations

import asyncio
import logging

import pytest

from yuyin.server.run import CUT_OFF, LEFT_INCOMPLETE, NOT_UTF8, ExpectedErrorsAsWarnings


def record(message: str, error: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(error), error, None) if error else None
    return logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, message, (), exc_info)


def test_a_request_cancelled_at_shutdown_is_one_warning_line() -> None:
    line = record("Exception in ASGI application\n", asyncio.CancelledError())
    assert ExpectedErrorsAsWarnings().filter(line)
    assert (line.levelname, line.getMessage(), line.exc_info) == ("WARNING", CUT_OFF, None)
    assert logging.Formatter().format(line) == CUT_OFF


def test_a_stopped_stream_left_incomplete_is_a_warning() -> None:
    line = record("ASGI callable returned without completing response.")
    assert ExpectedErrorsAsWarnings().filter(line)
    assert (line.levelno, line.getMessage()) == (logging.WARNING, LEFT_INCOMPLETE)


def test_a_websocket_message_that_is_not_utf8_is_a_warning_without_traceback() -> None:
    line = record("Invalid UTF-8 sequence received from client.", UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"))
    assert ExpectedErrorsAsWarnings().filter(line)
    assert (line.levelno, line.getMessage(), line.exc_info) == (logging.WARNING, NOT_UTF8, None)


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyError("x")])
def test_real_faults_keep_their_error_and_traceback(error: BaseException) -> None:
    line = record("Exception in ASGI application\n", error)
    assert ExpectedErrorsAsWarnings().filter(line)
    assert line.levelno == logging.ERROR and line.exc_info is not None and line.exc_info[1] is error
