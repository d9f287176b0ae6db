"""Connection-level guards of ``yuyin serve``: the head size limit (the deadlines are tested
against a running server in tests/integration/test_server_limits.py)."""
from __future__ import annotations

import asyncio
import json

from yuyin.server.connections import MAX_HEAD_BYTES, HeadSizeLimit


async def _app(scope, receive, send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _answer(headers: list[tuple[bytes, bytes]], kind: str = "http", extensions: dict | None = None) -> list[dict]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    scope = {"type": kind, "method": "GET", "path": "/", "raw_path": b"/", "query_string": b"", "headers": headers,
             "extensions": extensions or {}}  # fmt: skip
    asyncio.run(HeadSizeLimit(_app)(scope, receive, send))
    return sent


def test_a_head_past_the_limit_gets_431_naming_its_size_and_a_smaller_one_passes() -> None:
    small = [(b"host", b"localhost"), (b"x-pad", b"a" * (MAX_HEAD_BYTES - 100))]
    assert _answer(small)[0]["status"] == 200
    big = [(b"host", b"localhost"), *[(b"x-pad", b"a" * 1000)] * 70]
    start, body = _answer(big)
    error = json.loads(body["body"])["error"]
    assert start["status"] == 431 and (b"connection", b"close") in start["headers"]
    assert error["param"] == "headers" and f"the limit is {MAX_HEAD_BYTES}" in error["message"]
    start, body = _answer(big, kind="websocket", extensions={"websocket.http.response": {}})
    assert start["type"] == "websocket.http.response.start" and start["status"] == 431
    assert json.loads(body["body"])["error"]["param"] == "headers"
    # a server that cannot send a refused handshake's response: closed, which its client sees as 403
    assert _answer(big, kind="websocket") == [{"type": "websocket.close", "code": 1008}]
