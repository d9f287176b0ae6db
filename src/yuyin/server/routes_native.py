"""Native routes: ``POST /api/synthesize`` (every control), ``POST /api/synthesize/with-timestamps``
(the same as one JSON object with sentence and syllable times), ``POST /api/frontend``,
``POST /api/reference`` (a clip's prosody as controls), ``GET /api/voices``."""
from __future__ import annotations

import base64
import time
from dataclasses import replace
from typing import Optional

from fastapi import APIRouter, Query, Request, Response

from yuyin.engine.reference import CONTROLS, MAX_CLIP_BYTES
from yuyin.engine.styles import STYLE_NAMES
from yuyin.frontend import FrontendError
from yuyin.server.errors import ApiError
from yuyin.server.http_audio import audio_response, until_disconnected
from yuyin.server.runtime import RuntimeDep
from yuyin.server.schemas import (ERROR_RESPONSES, MAX_REFERENCE_TEXT, FrontendRequest, FrontendResponse,
                                  FrontendSentence, ReferenceResponse, SynthesizeRequest, TimedSpeech,
                                  TimedSynthesizeRequest, VoiceInfo)  # fmt: skip
from yuyin.server.speech import Packet, analyse_reference, check_speaker, controls_request, open_speech
from yuyin.server.worker import StalledError, ThreadedIterator, batched
from yuyin.ssml import SSMLError
from yuyin.timestamps import Timeline

router = APIRouter(prefix="/api", tags=["native"])
FRONTEND_BATCH = 32  # sentences analysed per turn on the worker threads (see frontend)


_AUDIO = {200: {"content": {"audio/wav": {}, "audio/pcm": {}, "audio/mpeg": {}}}}


@router.post("/synthesize", response_class=Response, responses={**_AUDIO, **ERROR_RESPONSES})
async def synthesize(body: SynthesizeRequest, runtime: RuntimeDep, request: Request) -> Response:
    """Speak ``text``; ``stream`` (default) sends audio as it is made."""
    speech = controls_request(body, body.text, body.format, body.stream, "native")

    async def respond() -> Response:
        return await audio_response(await open_speech(runtime, speech))

    return await until_disconnected(request, respond())


@router.post("/synthesize/with-timestamps", response_model=TimedSpeech, responses=ERROR_RESPONSES)
async def synthesize_with_timestamps(body: TimedSynthesizeRequest, runtime: RuntimeDep, request: Request) -> TimedSpeech:
    """Speak ``text`` as one file (base64) with when each sentence and syllable is spoken: for
    subtitles and read-along highlighting. Streamed timestamps come with the WebSocket's events."""
    speech = replace(controls_request(body, body.text, body.format, False, "native"),
                     long_text_hint="for long texts use the WebSocket /ws/synthesize, whose events time the audio it streams")

    async def respond() -> TimedSpeech:
        stream = await open_speech(runtime, speech)
        timeline = Timeline(None if body.ssml else body.text)

        def timed(packet: Packet) -> None:
            if packet.chunk is not None:
                timeline.add(packet.chunk)

        data = await stream.read_all(timed)  # 413 past max_file_mib, as a whole /api/synthesize file
        return TimedSpeech(audio=base64.b64encode(data).decode("ascii"), format=body.format,
                           sample_rate=stream.sample_rate, duration=round(timeline.position, 4),
                           sentences=[s.as_dict() for s in timeline.sentences])  # fmt: skip

    return await until_disconnected(request, respond())


@router.post("/frontend", response_model=FrontendResponse, responses=ERROR_RESPONSES)
async def frontend(body: FrontendRequest, request: Request, runtime: RuntimeDep) -> FrontendResponse:
    """What will be said: normalised text and, per sentence, pinyin and phones (of an SSML
    document's spoken text with ``ssml``)."""
    limit = runtime.settings.max_input_chars
    if len(body.text) > limit:
        raise ApiError(413, f"text is {len(body.text)} characters; the limit is {limit}", "text")
    synth = runtime.voices.get(body.voice)

    async def analyse() -> list:
        ticket = await runtime.admission.enter()
        # a few sentences per turn on the worker threads, so that a request that ends (its client
        # gone, its time up) stops its analysis within a turn instead of running it to the end
        batches = ThreadedIterator(batched(synth.frontend_units(body.text, body.ssml), FRONTEND_BATCH),
                                   runtime.executor)  # fmt: skip
        deadline = time.perf_counter() + runtime.settings.request_timeout
        units: list = []
        try:
            while True:
                units += await batches.next(deadline - time.perf_counter(), deadline)
        except StopAsyncIteration:
            return units
        except (FrontendError, SSMLError) as exc:
            raise ApiError(422, str(exc), "text") from None
        except StalledError:
            raise ApiError(504, "the front end timed out") from None
        finally:
            batches.cancel()
            ticket.release()

    units = await until_disconnected(request, analyse())
    sentences = [FrontendSentence(text=u.text, pinyin=list(u.pinyin), phones=list(u.phones)) for u in units]
    return FrontendResponse(normalized="".join(u.text for u in units), sentences=sentences)


_CLIP = {"content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}}, "required": True}


@router.post("/reference", response_model=ReferenceResponse, openapi_extra={"requestBody": _CLIP},
             responses=ERROR_RESPONSES)  # fmt: skip
async def reference(request: Request, runtime: RuntimeDep, voice: Optional[str] = None,
                    speaker: Optional[str] = None,
                    transcript: Optional[str] = Query(None, max_length=MAX_REFERENCE_TEXT)) -> ReferenceResponse:  # fmt: skip
    """Measure a reference clip sent as the request body (WAV, FLAC, OGG or MP3; at most
    10 MiB and 30 s): its pitch level and range, speaking rate and energy, the voice's own, and
    the controls (speed, pitch, pitch_shift, energy) that make the voice speak like the clip.
    ``transcript`` (what the clip says) makes the speaking rate exact. Send the controls with
    a synthesis request, or send the clip itself as ``reference_audio``."""
    runtime.require_ready()
    synth = runtime.voices.get(voice)
    check_speaker(synth, speaker)
    audio = await _read_body(request, MAX_CLIP_BYTES)

    async def analyse():
        ticket = await runtime.admission.enter()
        try:
            return await analyse_reference(runtime, synth, audio, transcript, speaker, transcript_field="transcript")
        finally:
            ticket.release()

    prosody = await until_disconnected(request, analyse())
    return ReferenceResponse(voice=synth.voice.name, speaker=speaker, **prosody.as_dict())


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it grows past limit bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"reference clip is {declared} bytes; the limit is {limit / 2**20:g} MiB",
                       "reference_audio")  # fmt: skip
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > limit:
            raise ApiError(413, f"reference clip is larger than {limit / 2**20:g} MiB", "reference_audio")
    return bytes(body)


@router.get("/voices", response_model=list[VoiceInfo])
async def voices(runtime: RuntimeDep) -> list[VoiceInfo]:
    """Loaded voices; the first one listed as default is used when a request names none."""
    catalog = runtime.voices
    return [VoiceInfo(name=name, sample_rate=s.sample_rate, speakers=list(s.usable_speakers),
                      unusable_speakers=s.unusable_speakers, default_speaker=s.voice.default_speaker,
                      controls=["volume", "sentence_pause", "seed", *s.supported_controls(CONTROLS)],
                      styles=list(STYLE_NAMES) if s.voice.family == "baker" else [], resident=s.resident,
                      side_by_side=s.side_by_side, backend=s.backend, device=str(s.device),
                      description=s.voice.description, license=s.voice.license, default=name == catalog.default)
            for name, s in catalog.synthesizers.items()]  # fmt: skip
