"""``/ws/synthesize``: JSON control messages in; binary PCM frames and JSON events out.

Client -> server (text frames):
  ``{"type": "synthesize", "text": ..., "id"?, voice, speaker, speed, pitch, pitch_shift, energy,
  volume, sentence_pause, seed, sample_rate, style, style_intensity, ssml, reference_audio,
  reference_text}`` (the controls of ``POST /api/synthesize``)
  ``{"type": "cancel"}`` stops the request in progress (an ``error`` with status 409 if none is
  running; a request already sending ``done`` ends with that).
Server -> client, every event carrying the request ``id``:
  ``start`` {sample_rate, channels, format: "s16le", voice}, then per sentence ``sentence``
  {index, text, pinyin, start, source, syllables} before its audio and ``sentence_end`` {index,
  end} after it (start/end in seconds of the audio stream, ``elapsed`` in seconds since the
  request; ``source``: the text as written that the sentence begins reading; ``syllables``:
  [{text, pinyin, start, end}] in stream seconds, null where the voice cannot time them), binary
  frames of mono s16le PCM, and finally ``done`` {audio_seconds, ttfa, rtf, elapsed},
  ``cancelled``, or ``error`` {status, message, param}. One request runs at a time per
  connection; the connection stays open for the next, for up to ``ws_idle_timeout`` seconds
  (then the server closes it with 1000, its reason saying so).
At most ``max_websockets`` connections are open at once: the handshake of one more is refused
with 503, Retry-After and a JSON error.
A browser page may connect only from this server's own origin or a ``--cors-origin`` one (the
handshake of any other is refused with 403 and a JSON error); clients that send no Origin may always connect.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
import time
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket
from pydantic import ValidationError
from starlette.websockets import WebSocketDisconnect

from yuyin.server.errors import ApiError, answer_error, validation_error
from yuyin.server.runtime import Runtime
from yuyin.server.schemas import MAX_ID_CHARS, WsSynthesize
from yuyin.server.speech import Packet, SpeechStream, controls_request, open_speech
from yuyin.server.worker import within
from yuyin.timestamps import place_sentence, span_list, syllable_dicts
from yuyin.written import WrittenText

router = APIRouter()
log = logging.getLogger("yuyin.server")


class ClientGone(Exception):
    """A send failed because the client has closed the connection."""


class ClientStalled(ClientGone):
    """A send did not complete within the request timeout: the client reads nothing."""


@router.websocket("/ws/synthesize")
async def synthesize_ws(websocket: WebSocket) -> None:
    runtime: Runtime = websocket.app.state.runtime
    origin = websocket.headers.get("origin")
    allowed = runtime.settings.cors_origins
    if origin is not None and not origin_allowed(origin, websocket.headers.get("host", ""), allowed):
        log.warning("refused a WebSocket from origin %r (not this server's, nor in --cors-origin)", origin)
        message = f"pages of origin {origin!r} may not connect: it is neither this server's nor a --cors-origin"
        await answer_error(websocket.scope, websocket.receive, websocket.send, 403, message, "origin")
        return
    limit = runtime.settings.max_websockets
    if runtime.open_websockets >= limit:
        log.warning("refused a WebSocket: %d connections are open (--max-websockets)", limit)
        message = f"{limit} WebSocket connections are open, the most this server takes; retry later"
        await answer_error(websocket.scope, websocket.receive, websocket.send, 503, message, None,
                           headers={"Retry-After": str(runtime.settings.retry_after)})  # fmt: skip
        return
    runtime.open_websockets += 1
    try:
        await websocket.accept()
        await WsSession(websocket, runtime).run()
    finally:
        runtime.open_websockets -= 1


@router.get("/ws/synthesize", include_in_schema=False)
async def not_upgraded() -> None:
    """A plain GET of the WebSocket: 426, saying how to connect."""
    raise ApiError(426, "/ws/synthesize is a WebSocket: connect with ws:// (or wss://) and an Upgrade header",
                   headers={"Upgrade": "websocket", "Connection": "Upgrade"})  # fmt: skip


def origin_allowed(origin: str, host: str, allowed: tuple[str, ...]) -> bool:
    """Whether a browser page at origin may open the WebSocket: a page of this server (its host
    and port) or one of the CORS origins. Browsers apply no CORS to WebSockets, so without this
    any site a user visits could make the server speak; clients other than browsers send no
    Origin and are not concerned."""
    if "*" in allowed or origin in allowed:
        return True
    return urlsplit(origin).netloc.lower() == host.lower() != ""


class WsSession:
    """One connection: reads control messages while at most one synthesis task streams."""

    def __init__(self, websocket: WebSocket, runtime: Runtime):
        self.websocket, self.runtime = websocket, runtime
        self._send_lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._task_id: str | None = None
        self._task_ended = False  # its done or error event is on its way: a cancel comes too late
        self._stalled = asyncio.Event()  # the synthesis found that the client reads nothing: the session ends

    async def run(self) -> None:
        try:
            while (message := await self._receive()) is not None:
                if message["type"] == "websocket.disconnect":
                    return
                await self._dispatch(message.get("text"))
        except WebSocketDisconnect:
            return
        except ClientStalled:  # an event about a message it sent, to a client that reads nothing
            await self._close_stalled()
        finally:
            await self._cancel()

    async def _receive(self) -> dict[str, Any] | None:
        """The client's next message, or None once the session has ended: for a client that reads
        nothing (returning from the endpoint closes the connection, when its close frame could
        not be sent), or for one that sent nothing for ws_idle_timeout seconds while no
        synthesis ran (its connection is closed first)."""
        idle_timeout = self.runtime.settings.ws_idle_timeout
        receiving = asyncio.ensure_future(self.websocket.receive())
        stalled = asyncio.ensure_future(self._stalled.wait())
        try:
            while not (receiving.done() or stalled.done()):
                running = self._task if self._task is not None and not self._task.done() else None
                awaited = (receiving, stalled) if running is None else (receiving, stalled, running)
                done, _ = await asyncio.wait(awaited, timeout=None if running else idle_timeout,
                                             return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
                if not done:
                    await self._close_idle(idle_timeout)
                    return None
        finally:
            receiving.cancel()  # (a no-op for the one that is done)
            stalled.cancel()
        return None if self._stalled.is_set() else receiving.result()

    async def _close_idle(self, seconds: float) -> None:
        reason = f"idle for {seconds:g} s (no synthesis, no message)"
        with contextlib.suppress(asyncio.TimeoutError, WebSocketDisconnect, RuntimeError):
            await within(self.websocket.close(code=1000, reason=reason), 1.0)

    async def _dispatch(self, text: str | None) -> None:
        problem = "send JSON text messages of type synthesize or cancel"
        try:
            data = json.loads(text) if text is not None else None
        except RecursionError:
            data, problem = None, "the message nests lists or objects too deeply to read; " + problem
        except ValueError as exc:  # not JSON, or an integer of 4,300+ digits
            data = None
            if "integer string conversion" in str(exc):
                problem = f"a number in the message has more than {sys.get_int_max_str_digits()} digits; " + problem
        if not isinstance(data, dict):
            await self.send_event("error", None, status=422, param="type", message=problem)
            return
        kind = data.get("type")
        if kind == "cancel":
            request_id = self._task_id
            if self._task is None or self._task.done():  # a client waiting for "cancelled" must not wait forever
                await self.send_event("error", request_id, status=409, param="type",
                                      message="nothing to cancel: no synthesis is running on this connection")  # fmt: skip
            elif await self._cancel():  # (one whose done is on its way ends with that: nothing more is sent)
                await self.send_event("cancelled", request_id)
        elif kind == "synthesize":
            await self._start(data)
        else:
            await self.send_event("error", _echoed_id(data), status=422, param="type",
                                  message=f"unknown message type {kind!r}; use synthesize or cancel")  # fmt: skip

    async def _start(self, data: dict[str, Any]) -> None:
        request_id = _echoed_id(data)
        if self._task is not None and not self._task.done():
            message = "a synthesis is already running on this connection; cancel it first"
            await self.send_event("error", request_id, status=409, param=None, message=message)
            return
        try:
            body = WsSynthesize.model_validate(data)
        except ValidationError as exc:
            error = validation_error(exc)
            await self.send_event("error", request_id, status=error.status, param=error.field, message=error.message)
            return
        self._task_id, self._task_ended = body.id, False
        self._task = asyncio.create_task(self._synthesize(body))

    async def _cancel(self) -> bool:
        """Cancel the running synthesis, if any, and wait for it to unwind; True if one was
        cancelled (False also when it had already ended with done or error)."""
        task, self._task = self._task, None
        if task is None or task.done():
            return False
        if self._task_ended:
            await task  # let its last event go out whole
            return False
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return True

    async def _synthesize(self, body: WsSynthesize) -> None:
        """Run one request to its done, error or cancellation; every failure becomes an error event."""
        request = controls_request(body, body.text, "pcm", stream=True, api="ws")
        stream: SpeechStream | None = None
        try:
            try:
                stream = await open_speech(self.runtime, request)
                await self._stream(body.id, stream, None if body.ssml else WrittenText(body.text))
            except ApiError as exc:  # bad input, or a failure after the first audio (timeout)
                await self._end("error", body.id, status=exc.status, param=exc.field, message=exc.message)
            except ClientStalled:
                raise
            except ClientGone:
                pass  # closing the stream stops the engine
            except Exception as exc:  # a bug: tell the client, keep the connection, log the traceback
                log.exception("synthesis failed")
                await self._end("error", body.id, status=500, param=None,
                                message=f"internal error: {type(exc).__name__}")  # fmt: skip
        except ClientStalled:
            if stream is not None:
                stream.close()  # its admission slot comes back before the connection is closed
            await self._close_stalled()
            self._stalled.set()
        finally:
            if stream is not None:
                stream.close()

    async def _end(self, kind: str, request_id: str | None, **fields: Any) -> None:
        """Send the request's terminal event (done or error); a cancel from now on is too late."""
        self._task_ended = True
        await self.send_event(kind, request_id, **fields)

    async def _stream(self, request_id: str | None, stream: SpeechStream, written: WrittenText | None) -> None:
        voice = stream.request.voice or self.runtime.voices.default
        await self.send_event("start", request_id, sample_rate=stream.sample_rate, channels=1, format="s16le",
                              voice=voice)  # fmt: skip
        timeline = SentenceTimeline(self, request_id, stream.source_rate, stream.started, written)
        async for packet in stream:
            await timeline.before(packet)
            if packet.data:
                await self._send({"type": "websocket.send", "bytes": packet.data})
            timeline.after(packet)
        await timeline.close()
        await self._end("done", request_id, audio_seconds=round(stream.audio_seconds, 4),
                        ttfa=round(stream.ttfa or 0.0, 4), rtf=round(stream.rtf, 4),
                        elapsed=round(time.perf_counter() - stream.started, 4))  # fmt: skip

    async def send_event(self, kind: str, request_id: str | None, **fields: Any) -> None:
        """Send a JSON event; does nothing once the client has gone (ClientStalled if it reads nothing)."""
        text = json.dumps({"type": kind, "id": request_id, **fields}, ensure_ascii=False)
        try:
            await self._send({"type": "websocket.send", "text": text})
        except ClientStalled:
            raise
        except ClientGone:
            pass

    async def _send(self, message: dict[str, Any]) -> None:
        """Send one message; ClientGone once the client has closed, ClientStalled when it reads
        nothing for the request timeout (its socket's buffers full), as HTTP streams are cut off."""
        timeout = self.runtime.settings.request_timeout
        async with self._send_lock:
            try:
                await within(self.websocket.send(message), timeout)
            except asyncio.TimeoutError:
                raise ClientStalled(timeout) from None
            except (WebSocketDisconnect, RuntimeError) as exc:  # Starlette: RuntimeError once closed
                raise ClientGone from exc

    async def _close_stalled(self) -> None:
        """Stop a session whose client stopped reading: its stream is closed by the caller (the
        admission slot comes back), and the connection is closed, if that can still be sent."""
        timeout = self.runtime.settings.request_timeout
        log.warning("a WebSocket client took more than %g s to read one message (too slowly or not at all); its stream "
                    "was stopped", timeout)  # fmt: skip
        with contextlib.suppress(asyncio.TimeoutError, WebSocketDisconnect, RuntimeError):
            await within(self.websocket.close(code=1008, reason=f"a message took over {timeout:g} s to read"), 1.0)


class SentenceTimeline:
    """Emits ``sentence`` / ``syllables`` / ``sentence_end`` events as a stream's chunks cross sentences;
    written: the request's plain text, to place the sentences in (None for SSML)."""

    def __init__(self, session: WsSession, request_id: str | None, source_rate: int, started: float,
                 written: WrittenText | None):  # fmt: skip
        self.session, self.request_id = session, request_id
        self.source_rate, self.started, self.written = source_rate, started, written
        self.position = 0.0  # seconds of audio sent so far
        self.current: int | None = None
        self.timed = 0  # syllables of the current sentence sent so far

    async def before(self, packet: Packet) -> None:
        chunk = packet.chunk
        if chunk is None:
            return
        if chunk.is_silence or chunk.sentence_index != self.current:
            await self.close()
        if chunk.is_silence:
            return
        if self.current is None:
            self.current, self.timed = chunk.sentence_index, len(chunk.syllables or ())
            span, syllables = place_sentence(self.written, chunk.source, chunk.syllables, self.position)
            await self._event("sentence", index=chunk.sentence_index, text=chunk.text, pinyin=list(chunk.pinyin),
                              start=round(self.position, 4), source=chunk.source,
                              source_span=span_list(span), syllables=syllable_dicts(syllables))  # fmt: skip
        elif chunk.syllables:  # syllables the voice timed since (Tacotron2: as its decoding passed them)
            _, syllables = place_sentence(self.written, "", chunk.syllables, self.position)
            await self._event("syllables", index=self.current, first=self.timed, syllables=syllable_dicts(syllables))
            self.timed += len(chunk.syllables)

    def after(self, packet: Packet) -> None:
        if packet.chunk is not None:
            self.position += len(packet.chunk.samples) / self.source_rate

    async def close(self) -> None:
        """End the open sentence, if any."""
        if self.current is not None:
            await self._event("sentence_end", index=self.current, end=round(self.position, 4))
            self.current = None

    async def _event(self, kind: str, **fields: Any) -> None:
        elapsed = round(time.perf_counter() - self.started, 4)
        await self.session.send_event(kind, self.request_id, elapsed=elapsed, **fields)


def _echoed_id(data: dict[str, Any]) -> str | None:
    """The message's id as the client sent it, to echo in an event about it: a string of at most
    MAX_ID_CHARS (None for any other, which the event then names as the problem)."""
    ident = data.get("id")
    return ident if isinstance(ident, str) and len(ident) <= MAX_ID_CHARS else None
