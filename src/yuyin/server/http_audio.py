"""HTTP responses carrying a SpeechStream: chunked streaming, or one complete file."""
from __future__ import annotations

from typing import AsyncIterator

from fastapi import Response
from fastapi.responses import StreamingResponse

from yuyin.audio import MEDIA_TYPES
from yuyin.server.speech import SpeechStream


def audio_headers(stream: SpeechStream) -> dict[str, str]:
    """Facts a client needs to play raw pcm, and the latency it can log."""
    return {
        "X-Sample-Rate": str(stream.sample_rate),
        "X-Channels": "1",
        "X-Sample-Format": "s16le",
        "X-Time-To-First-Audio": f"{stream.ttfa or 0:.4f}",
        "Cache-Control": "no-store",
    }


async def audio_bytes(stream: SpeechStream) -> AsyncIterator[bytes]:
    async for packet in stream:
        if packet.data:
            yield packet.data


async def audio_response(stream: SpeechStream) -> Response:
    """Stream the audio with chunked transfer, or (``stream`` false) send it whole, with its
    duration and real-time factor in headers."""
    media_type, headers = MEDIA_TYPES[stream.request.format], audio_headers(stream)
    if stream.request.stream:
        return StreamingResponse(audio_bytes(stream), media_type=media_type, headers=headers)
    data = await stream.read_all()
    headers.update({"X-Audio-Duration": f"{stream.audio_seconds:.3f}", "X-Real-Time-Factor": f"{stream.rtf:.4f}"})
    return Response(data, media_type=media_type, headers=headers)
