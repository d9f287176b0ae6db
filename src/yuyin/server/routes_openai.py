"""OpenAI-compatible routes: ``POST /v1/audio/speech``, ``GET /v1/models``, ``GET /v1/audio/voices``.

Name mapping (OpenAI has no Mandarin voices of ours):
- ``model`` accepts OpenAI's TTS model names (tts-1, tts-1-hd, gpt-4o-mini-tts), ``yuyin``, or
  the name of a loaded voice; anything else is a 422 naming ``model``.
- ``voice`` accepts a loaded voice name (also as ``{"id": name}``); OpenAI's voice names (alloy,
  ash, ...) mean the voice named by ``model`` if it is one, else the server's default voice.
- ``stream`` (default true) sends audio as it is made; ``stream_format: "sse"`` sends
  server-sent events ``speech.audio.delta`` (base64 audio) and a final ``speech.audio.done``.
- ``instructions``: an emotion word in them (cheerful, sad, angry, 温柔, 非常生气 ...) picks that
  style and its intensity on baker-family voices, unless ``style`` is given
  (:mod:`yuyin.instructions`); anything else in them is ignored.
- Extensions (the OpenAI client sends them with ``extra_body``): ``ssml`` (input is SSML),
  ``style`` and ``style_intensity`` (emotion styles of baker-family voices).
"""
from __future__ import annotations

import base64
import json
import time
from typing import Any, AsyncIterator

from fastapi import APIRouter, Request, Response

from yuyin.server.errors import ApiError, error_body
from yuyin.server.http_audio import AudioStreamingResponse, audio_headers, audio_response, until_disconnected
from yuyin.server.runtime import RuntimeDep
from yuyin.server.schemas import ERROR_RESPONSES, OpenAISpeechRequest
from yuyin.server.speech import SpeechRequest, SpeechStream, open_speech
from yuyin.server.voices import VoiceCatalog

router = APIRouter(tags=["openai"])
OPENAI_MODELS = ("tts-1", "tts-1-hd", "gpt-4o-mini-tts", "yuyin")
OPENAI_VOICES = ("alloy", "ash", "ballad", "cedar", "coral", "echo", "fable", "marin", "nova", "onyx", "sage",
                 "shimmer", "verse")  # fmt: skip
_STARTED = int(time.time())


def resolve_voice(catalog: VoiceCatalog, model: str, voice: str | None) -> str:
    """The loaded voice an OpenAI (model, voice) pair means; see the module docstring."""
    model_voice = model if model in catalog.synthesizers else None
    if model_voice is None and model not in OPENAI_MODELS:
        raise ApiError(422, f"unknown model {model!r}; use one of {', '.join(OPENAI_MODELS + tuple(catalog.names))}",
                       "model")  # fmt: skip
    if voice is None or voice.lower() in OPENAI_VOICES:
        return model_voice or catalog.default
    catalog.get(voice)  # 422 naming "voice" if unknown
    return voice


_AUDIO = {200: {"content": {"audio/mpeg": {}, "audio/pcm": {}}}}


@router.post("/v1/audio/speech", response_class=Response, responses={**_AUDIO, **ERROR_RESPONSES})
async def speech(body: OpenAISpeechRequest, runtime: RuntimeDep, http_request: Request) -> Response:
    voice = resolve_voice(runtime.voices, body.model, body.voice_name)
    sse = body.stream_format == "sse"
    styled = runtime.voices.get(voice).voice.family == "baker"
    request = SpeechRequest(text=body.input, voice=voice, options=body.options(styled), format=body.response_format,
                            sample_rate=None, stream=body.stream or sse, api="openai", text_field="input",
                            ssml=body.ssml)  # fmt: skip

    async def respond() -> Response:
        stream = await open_speech(runtime, request)
        if sse:
            return AudioStreamingResponse(stream, _sse_events(stream), runtime.settings.request_timeout,
                                          media_type="text/event-stream", headers=audio_headers(stream))  # fmt: skip
        return await audio_response(stream)

    return await until_disconnected(http_request, respond())


async def _sse_events(stream: SpeechStream) -> AsyncIterator[bytes]:
    """Audio deltas, then done; an error after the first event (a timeout) as an error event."""
    try:
        async for packet in stream:
            if packet.data:
                yield _sse({"type": "speech.audio.delta", "audio": base64.b64encode(packet.data).decode("ascii")})
    except ApiError as exc:
        yield _sse({"type": "error", **error_body(exc.status, exc.message, exc.field)})
        return
    yield _sse({"type": "speech.audio.done"})


def _sse(event: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(event)}\n\n".encode()


@router.get("/v1/models")
async def models(runtime: RuntimeDep) -> dict[str, Any]:
    return {"object": "list", "data": [_model(name) for name in list(OPENAI_MODELS) + runtime.voices.names]}


@router.get("/v1/models/{model}")
async def model(model: str, runtime: RuntimeDep) -> dict[str, Any]:
    voices = runtime.voices.names  # (503 while they load, as for GET /v1/models)
    if model not in OPENAI_MODELS and model not in voices:
        raise ApiError(404, f"no model {model!r}; GET /v1/models lists them", "model")
    return _model(model)


def _model(name: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": _STARTED, "owned_by": "yuyin"}


@router.get("/v1/audio/voices")
async def voices(runtime: RuntimeDep) -> dict[str, Any]:
    catalog = runtime.voices
    return {"voices": catalog.names, "default": catalog.default,
            "aliases": {name: catalog.default for name in OPENAI_VOICES}}  # fmt: skip
