"""WsSession against a fake socket and fake streams: how a request ends, whatever happens.

The protocol end to end runs against ``yuyin serve`` in tests/integration/test_server_streaming.py;
here the engine side is replaced so that failures and races can be made on purpose."""
from __future__ import annotations

import asyncio
import json
import sys
import time
from types import SimpleNamespace

import pytest

from yuyin.server import ws
from yuyin.server.errors import ApiError
from yuyin.server.speech import Packet


class FakeSocket:
    """Records the events sent; a send of an event in ``hold`` waits for ``release``."""

    def __init__(self, hold: str | None = None):
        self.events: list[dict] = []
        self.hold, self.release = hold, asyncio.Event()

    async def send(self, message: dict) -> None:
        if "text" in message:
            event = json.loads(message["text"])
            if event["type"] == self.hold:
                await self.release.wait()
            self.events.append(event)


class FakeStream:
    """A SpeechStream with no audio: iterating it ends at once."""

    def __init__(self):
        self.request = SimpleNamespace(voice="v")
        self.sample_rate = self.source_rate = 24000
        self.started, self.audio_seconds, self.ttfa, self.rtf = time.perf_counter(), 0.0, 0.01, 0.0
        self.closed = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration

    def close(self) -> None:
        self.closed = True


def session(socket, request_timeout: float = 10.0, idle_timeout: float = 60.0) -> ws.WsSession:
    settings = SimpleNamespace(request_timeout=request_timeout, ws_idle_timeout=idle_timeout)
    runtime = SimpleNamespace(voices=SimpleNamespace(default="v"), settings=settings)
    return ws.WsSession(socket, runtime)  # type: ignore[arg-type]


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.mark.parametrize("failure", [RuntimeError("boom"), OverflowError("math range error")])
def test_an_unexpected_failure_before_any_audio_ends_the_request_with_an_error(monkeypatch, failure) -> None:
    async def open_speech(runtime, request):
        raise failure

    monkeypatch.setattr(ws, "open_speech", open_speech)

    async def scenario() -> list[dict]:
        socket = FakeSocket()
        talk = session(socket)
        await talk._dispatch(json.dumps({"type": "synthesize", "id": "r", "text": "你好"}))
        await asyncio.wait_for(talk._task, 5)
        return socket.events

    assert run(scenario()) == [{"type": "error", "id": "r", "status": 500, "param": None,
                                "message": f"internal error: {type(failure).__name__}"}]  # fmt: skip


def test_bad_input_found_on_opening_is_its_error_event(monkeypatch) -> None:
    async def open_speech(runtime, request):
        raise ApiError(422, "reference clip has too little voiced speech", "reference_audio")

    monkeypatch.setattr(ws, "open_speech", open_speech)

    async def scenario() -> list[dict]:
        socket = FakeSocket()
        talk = session(socket)
        await talk._dispatch(json.dumps({"type": "synthesize", "id": "r", "text": "你好"}))
        await talk._task
        return socket.events

    (event,) = run(scenario())
    assert (event["type"], event["status"], event["param"]) == ("error", 422, "reference_audio")


@pytest.mark.parametrize("message", ["[" * 100_000, '{"type": ' + "1" * 5000 + "}"])
def test_json_that_python_refuses_to_parse_is_an_error_event(message) -> None:
    socket = FakeSocket()
    run(session(socket)._dispatch(message))
    assert [(e["type"], e["status"], e["param"]) for e in socket.events] == [("error", 422, "type")]


def test_a_cancel_after_done_is_on_its_way_sends_nothing_more(monkeypatch) -> None:
    stream = FakeStream()

    async def open_speech(runtime, request):
        return stream

    monkeypatch.setattr(ws, "open_speech", open_speech)

    async def scenario() -> list[dict]:
        socket = FakeSocket(hold="done")
        talk = session(socket)
        await talk._dispatch(json.dumps({"type": "synthesize", "id": "r", "text": "你好"}))
        while not talk._task_ended:  # the task is sending done (held by the socket)
            await asyncio.sleep(0.001)
        cancel = asyncio.create_task(talk._dispatch(json.dumps({"type": "cancel"})))
        await asyncio.sleep(0.01)
        socket.release.set()
        await asyncio.wait_for(cancel, 5)
        return socket.events

    kinds = [event["type"] for event in run(scenario())]
    assert kinds == ["start", "done"] and stream.closed


def test_a_cancel_with_nothing_running_is_answered_409() -> None:
    socket = FakeSocket()
    run(session(socket)._dispatch(json.dumps({"type": "cancel"})))
    assert [(e["type"], e["status"], e["id"]) for e in socket.events] == [("error", 409, None)]
    assert "nothing to cancel" in socket.events[0]["message"]


def test_syllables_timed_after_a_sentence_began_come_as_their_own_event() -> None:
    """A voice that times syllables as it decodes (Tacotron2) brings later ones on later chunks:
    they reach the client as ``syllables`` events, on the stream's time line and in the text."""
    import numpy as np

    from yuyin.audio import AudioChunk, SyllableTiming
    from yuyin.written import WrittenText

    class Recorder:
        def __init__(self):
            self.events: list[dict] = []

        async def send_event(self, kind, request_id, **fields):
            self.events.append({"type": kind, **{k: v for k, v in fields.items() if k != "elapsed"}})

    def chunk(ms: int, index: int, syllables=(), source="", silence=False) -> AudioChunk:
        return AudioChunk(np.zeros(ms * 24, np.float32), 24000, "" if silence else "你好", ("ni3", "hao3"), index,
                          silence, source, syllables)  # fmt: skip

    async def scenario() -> list[dict]:
        recorder = Recorder()
        timeline = ws.SentenceTimeline(recorder, "r", 24000, time.perf_counter(), WrittenText("你好。"))  # type: ignore[arg-type]
        for piece in (chunk(100, 0, (SyllableTiming("你", "ni3", 0.02, 0.12),), source="你好。"),
                      chunk(100, 0, (SyllableTiming("好", "hao3", 0.02, 0.09),)), chunk(50, 0), chunk(300, 0, silence=True)):  # fmt: skip
            await timeline.before(Packet(b"", piece))
            timeline.after(Packet(b"", piece))
        await timeline.close()
        return recorder.events

    sentence, more, end = run(scenario())
    assert sentence["type"] == "sentence" and sentence["source_span"] == [0, 3]
    assert sentence["syllables"] == [{"text": "你", "pinyin": "ni3", "start": 0.02, "end": 0.12, "source_span": [0, 1]}]
    assert more == {"type": "syllables", "index": 0, "first": 1,
                    "syllables": [{"text": "好", "pinyin": "hao3", "start": 0.12, "end": 0.19, "source_span": [1, 2]}]}
    assert end == {"type": "sentence_end", "index": 0, "end": 0.25}


class UnreadSocket:
    """A client that sent one message and reads nothing: every send and the close wait for ever."""

    def __init__(self, message: dict):
        self.messages: asyncio.Queue[dict] = asyncio.Queue()
        self.messages.put_nowait({"type": "websocket.receive", "text": json.dumps(message)})

    async def receive(self) -> dict:
        return await self.messages.get()

    async def send(self, message: dict) -> None:
        await asyncio.Event().wait()

    async def close(self, code: int, reason: str) -> None:
        await asyncio.Event().wait()


def test_a_session_whose_client_reads_nothing_ends_even_when_its_close_cannot_be_sent(monkeypatch) -> None:
    """The synthesis finds the client stalled; the session's end is what closes the connection."""
    stream = FakeStream()

    async def open_speech(runtime, request):
        return stream

    monkeypatch.setattr(ws, "open_speech", open_speech)

    async def scenario() -> None:
        talk = session(UnreadSocket({"type": "synthesize", "id": "r", "text": "你好"}), request_timeout=0.2)
        await asyncio.wait_for(talk.run(), 5)  # the start event stalls after 0.2 s, the close after 1 s more

    run(scenario())
    assert stream.closed


class QuietSocket:
    """A client that sends the given messages, then nothing; records the close it gets."""

    def __init__(self, *messages: dict):
        self.messages: asyncio.Queue[dict] = asyncio.Queue()
        for message in messages:
            self.messages.put_nowait({"type": "websocket.receive", "text": json.dumps(message)})
        self.events: list[dict] = []
        self.closed: tuple[int, str] | None = None

    async def receive(self) -> dict:
        return await self.messages.get()

    async def send(self, message: dict) -> None:
        self.events.append(json.loads(message["text"]) if "text" in message else {"bytes": len(message["bytes"])})

    async def close(self, code: int, reason: str) -> None:
        self.closed = (code, reason)


def test_a_connection_that_sends_nothing_is_closed_after_the_idle_timeout() -> None:
    async def scenario() -> float:
        socket = QuietSocket()
        started = time.perf_counter()
        await asyncio.wait_for(session(socket, idle_timeout=0.2).run(), 5)
        assert socket.closed == (1000, "idle for 0.2 s (no synthesis, no message)")
        return time.perf_counter() - started

    assert 0.2 <= run(scenario()) < 2.0


def test_a_synthesis_longer_than_the_idle_timeout_is_not_cut_and_the_timeout_counts_from_its_end(monkeypatch) -> None:
    """Idle means no synthesis running and no message: a 0.6 s stream on a 0.2 s idle timeout
    ends with done, and the connection closes 0.2 s after that."""

    class SlowStream(FakeStream):
        def __init__(self):
            super().__init__()
            self.chunks = 6

        async def __anext__(self):
            if not self.chunks:
                raise StopAsyncIteration
            self.chunks -= 1
            await asyncio.sleep(0.1)
            return Packet(b"\0\0" * 240, None)

    stream = SlowStream()

    async def open_speech(runtime, request):
        return stream

    monkeypatch.setattr(ws, "open_speech", open_speech)

    async def scenario() -> tuple[list[dict], float, float]:
        socket = QuietSocket({"type": "synthesize", "id": "r", "text": "你好"})
        talk = session(socket, idle_timeout=0.2)
        started = time.perf_counter()
        await asyncio.wait_for(talk.run(), 5)
        assert socket.closed is not None and socket.closed[0] == 1000
        return socket.events, time.perf_counter() - started, stream.closed

    events, elapsed, stream_closed = run(scenario())
    assert [event.get("type", "audio") for event in events] == ["start", *["audio"] * 6, "done"] and stream_closed
    assert 0.8 <= elapsed < 2.5


def test_a_field_nested_too_deep_is_an_error_event_not_a_dropped_connection() -> None:
    socket = FakeSocket()
    nested = "[" * 900 + "]" * 900
    run(session(socket)._dispatch('{"type": "synthesize", "id": "r", "text": "你好", "voice": %s}' % nested))
    assert [(e["type"], e["id"], e["status"]) for e in socket.events] == [("error", "r", 422)]
    assert "more than 32 levels deep" in socket.events[0]["message"]


def test_a_message_too_deep_or_with_too_long_a_number_to_read_says_so() -> None:
    """Both got the advice to send JSON messages of a type, as if they were of none."""
    socket = FakeSocket()
    run(session(socket)._dispatch('{"type": "synthesize", "text": "你好", "voice": %s}' % ("[" * 5000 + "]" * 5000)))
    run(session(socket)._dispatch('{"type": "synthesize", "text": "你好", "seed": %s}' % ("9" * 5000)))
    first, second = (event["message"] for event in socket.events)
    assert first.startswith("the message nests lists or objects too deeply to read; send JSON text messages")
    assert second.startswith(f"a number in the message has more than {sys.get_int_max_str_digits()} digits; send")


def test_an_id_too_long_is_named_and_not_echoed() -> None:
    socket = FakeSocket()
    run(session(socket)._dispatch(json.dumps({"type": "synthesize", "id": "x" * 201, "text": "你好"})))
    (event,) = socket.events
    assert (event["type"], event["id"], event["status"], event["param"]) == ("error", None, 422, "id")
