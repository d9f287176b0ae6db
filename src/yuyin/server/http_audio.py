"""HTTP responses carrying a SpeechStream: chunked streaming, or one complete file.

Both end with the client: a client that disconnects while its request waits for admission or
its audio is being made whole cancels that work (:func:`until_disconnected`), and a streaming
client that stops reading (its socket's buffers full) is cut off after ``send_timeout``
seconds instead of holding its admission slot forever (:class:`AudioStreamingResponse`).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, AsyncIterator, Awaitable, TypeVar

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from starlette.types import Message, Receive, Scope, Send

from yuyin.audio import MEDIA_TYPES
from yuyin.server.errors import ApiError
from yuyin.server.metrics import STOPPED_WITH
from yuyin.server.speech import SpeechStream

log = logging.getLogger("yuyin.server")
T = TypeVar("T")
CLIENT_CLOSED = 499  # nginx's "client closed request": recorded in metrics, never seen by the client


def audio_headers(stream: SpeechStream) -> dict[str, str]:
    """Facts a client needs to play the audio (the sample format only where the body holds
    samples: pcm, wav), and the latency it can log."""
    headers = {"X-Sample-Rate": str(stream.sample_rate), "X-Channels": "1"}
    if stream.request.format in ("pcm", "wav"):
        headers["X-Sample-Format"] = "s16le"
    return headers | {"X-Time-To-First-Audio": f"{stream.ttfa or 0:.4f}", "Cache-Control": "no-store"}


async def audio_bytes(stream: SpeechStream) -> AsyncIterator[bytes]:
    async for packet in stream:
        if packet.data:
            yield packet.data


class ClientStalled(Exception):
    """A send to the client did not complete within the send timeout."""


class AudioStreamingResponse(StreamingResponse):
    """A StreamingResponse of one SpeechStream: every send must complete within send_timeout
    seconds, and the stream is closed (engine stopped, slot freed) however the response ends."""

    def __init__(self, stream: SpeechStream, content: AsyncIterator[bytes], send_timeout: float, **kwargs: Any):
        super().__init__(content, **kwargs)
        self.stream, self.send_timeout = stream, send_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def timed_send(message: Message) -> None:
            sending = asyncio.ensure_future(send(message))
            try:  # asyncio.wait: wait_for may swallow a cancellation before Python 3.12 (see worker)
                done, _ = await asyncio.wait((sending,), timeout=self.send_timeout)
            except asyncio.CancelledError:
                sending.cancel()
                raise
            if not done:
                sending.cancel()
                raise ClientStalled
            sending.result()

        try:
            await super().__call__(scope, receive, timed_send)
        except ClientStalled:
            log.warning("a client took more than %g s to read one chunk (too slowly or not at all); its stream was stopped",
                        self.send_timeout)  # fmt: skip
            scope[STOPPED_WITH] = 504  # counted as the timeout it was, not the 200 sent
        except ApiError:  # the stream's error after the headers went out: the response is left incomplete
            pass  # (as the client sees), reported below
        finally:
            self.stream.close()
            if self.stream.error is not None:  # also one the content reported in its own way (an SSE event)
                log.warning("a stream was stopped after its first audio: %s", self.stream.error.message)
                scope[STOPPED_WITH] = self.stream.error.status  # what the metrics count it as, not the 200 sent


async def audio_response(stream: SpeechStream) -> Response:
    """Stream the audio with chunked transfer, or (``stream`` false) send it whole, with its
    duration and real-time factor in headers."""
    media_type, headers = MEDIA_TYPES[stream.request.format], audio_headers(stream)
    if stream.request.stream:
        return AudioStreamingResponse(stream, audio_bytes(stream), stream.runtime.settings.request_timeout,
                                      media_type=media_type, headers=headers)  # fmt: skip
    data = await stream.read_all()
    headers.update({"X-Audio-Duration": f"{stream.audio_seconds:.3f}", "X-Real-Time-Factor": f"{stream.rtf:.4f}"})
    return Response(data, media_type=media_type, headers=headers)


async def until_disconnected(request: Request, work: Awaitable[T]) -> T:
    """Await work unless the client disconnects first: then cancel it (which frees its queue
    place or admission slot and stops its engine) and raise ApiError(499). For what happens
    before a response starts; a started StreamingResponse watches for disconnects itself."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_disconnect(request))
    try:
        await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    if task.cancelled():
        raise ApiError(CLIENT_CLOSED, "the client closed the connection before the response")
    return task.result()


async def _disconnect(request: Request) -> None:
    """Return when the client disconnects (the body was read: the next message is that)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass
