"""A stream stopped by an error after its first audio (a synthesis timeout): the response is left
incomplete with one warning, no traceback, the metrics count its error status, and server-sent
events end in an error event (counted the same)."""
from __future__ import annotations

import asyncio
import json
import logging
from types import SimpleNamespace

from yuyin.server.errors import ApiError
from yuyin.server.http_audio import AudioStreamingResponse
from yuyin.server.metrics import STOPPED_WITH, Metrics, RequestMetrics
from yuyin.server.routes_openai import _sse_events

TIMED_OUT = ApiError(504, "synthesis timed out: no synthesis slot came free for 10 s")


class StoppedStream:
    """A SpeechStream whose first packet comes and whose second fails (recorded as its error)."""

    def __init__(self) -> None:
        self.closed = False
        self.error: ApiError | None = None

    def __aiter__(self):
        return self._packets()

    async def _packets(self):
        yield SimpleNamespace(data=b"\x01\x02")
        self.error = TIMED_OUT
        raise TIMED_OUT

    def close(self) -> None:
        self.closed = True


async def _audio(stream: StoppedStream):
    async for packet in stream:
        yield packet.data


def _serve(app, scope: dict) -> list[dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        await asyncio.sleep(3600)  # the client says nothing (a disconnect would end the response)
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def _serve_counted(stream: StoppedStream, content, caplog) -> tuple[list[dict], dict, dict[str, float]]:
    """Serve one AudioStreamingResponse behind the metrics: (messages sent, scope, requests counted by status)."""
    response = AudioStreamingResponse(stream, content, 5.0, media_type="audio/wav")
    metrics = Metrics()
    app = RequestMetrics(lambda scope, receive, send: response(scope, receive, send), metrics)
    scope = {"type": "http", "method": "POST", "path": "/api/synthesize", "headers": [], "asgi": {"spec_version": "2.4"}}
    with caplog.at_level(logging.WARNING, logger="yuyin.server"):
        sent = _serve(app, scope)
    assert [r.getMessage() for r in caplog.records] == [f"a stream was stopped after its first audio: {TIMED_OUT.message}"]
    counted = {s.labels["status"]: s.value for m in metrics.registry.collect() for s in m.samples
               if s.name == "yuyin_requests_total"}  # fmt: skip
    return sent, scope, counted


def test_an_error_after_the_first_audio_leaves_the_response_incomplete_and_is_counted(caplog) -> None:
    stream = StoppedStream()
    sent, scope, counted = _serve_counted(stream, _audio(stream), caplog)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert sent[0]["status"] == 200 and sent[1]["more_body"] is True  # no final chunk: the client sees it cut
    assert stream.closed and scope[STOPPED_WITH] == 504
    assert counted == {"504": 1.0}


def test_server_sent_events_stopped_by_an_error_end_completely_and_are_counted(caplog) -> None:
    stream = StoppedStream()
    sent, scope, counted = _serve_counted(stream, _sse_events(stream), caplog)
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    assert bodies[-1]["more_body"] is False  # the error event, then a clean end
    assert json.loads(bodies[-2]["body"].decode().removeprefix("data: "))["type"] == "error"
    assert stream.closed and counted == {"504": 1.0}


def test_server_sent_events_end_in_an_error_event() -> None:
    async def events() -> list[bytes]:
        return [event async for event in _sse_events(StoppedStream())]

    first, last = asyncio.run(events())
    assert json.loads(first.decode().removeprefix("data: "))["type"] == "speech.audio.delta"
    error = json.loads(last.decode().removeprefix("data: "))
    assert error["type"] == "error" and error["error"]["code"] == "504" and "timed out" in error["error"]["message"]
