"""Native routes: ``POST /api/synthesize`` (every control), ``POST /api/frontend``, ``GET /api/voices``."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response

from yuyin.frontend import FrontendError
from yuyin.server.errors import ApiError
from yuyin.server.http_audio import audio_response
from yuyin.server.runtime import RuntimeDep
from yuyin.server.schemas import (ERROR_RESPONSES, FrontendRequest, FrontendResponse, FrontendSentence,
                                  SynthesizeRequest, VoiceInfo)  # fmt: skip
from yuyin.server.speech import SpeechRequest, open_speech

router = APIRouter(prefix="/api", tags=["native"])


_AUDIO = {200: {"content": {"audio/wav": {}, "audio/pcm": {}, "audio/mpeg": {}}}}


@router.post("/synthesize", response_class=Response, responses={**_AUDIO, **ERROR_RESPONSES})
async def synthesize(body: SynthesizeRequest, runtime: RuntimeDep) -> Response:
    """Speak ``text``; ``stream`` (default) sends audio as it is made."""
    request = SpeechRequest(text=body.text, voice=body.voice, options=body.options(), format=body.format,
                            sample_rate=body.sample_rate, stream=body.stream, api="native")  # fmt: skip
    stream = await open_speech(runtime, request)
    return await audio_response(stream)


@router.post("/frontend", response_model=FrontendResponse, responses=ERROR_RESPONSES)
async def frontend(body: FrontendRequest, runtime: RuntimeDep) -> FrontendResponse:
    """What will be said: normalised text and, per sentence, pinyin and phones."""
    limit = runtime.settings.max_input_chars
    if len(body.text) > limit:
        raise ApiError(413, f"text is {len(body.text)} characters; the limit is {limit}", "text")
    synth = runtime.voices.get(body.voice)
    ticket = await runtime.admission.enter()
    try:
        units = await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(
            runtime.executor, synth.frontend, body.text), runtime.settings.request_timeout)  # fmt: skip
    except FrontendError as exc:
        raise ApiError(422, str(exc), "text") from None
    except asyncio.TimeoutError:  # an alias of TimeoutError from Python 3.11
        raise ApiError(504, "the front end timed out") from None
    finally:
        ticket.release()
    sentences = [FrontendSentence(text=u.text, pinyin=list(u.pinyin), phones=list(u.phones)) for u in units]
    return FrontendResponse(normalized="".join(u.text for u in units), sentences=sentences)


@router.get("/voices", response_model=list[VoiceInfo])
async def voices(runtime: RuntimeDep) -> list[VoiceInfo]:
    """Loaded voices; the first one listed as default is used when a request names none."""
    catalog = runtime.voices
    return [VoiceInfo(name=name, sample_rate=s.sample_rate, speakers=list(s.voice.speakers),
                      default_speaker=s.voice.default_speaker, description=s.voice.description,
                      license=s.voice.license, default=name == catalog.default)
            for name, s in catalog.synthesizers.items()]  # fmt: skip
