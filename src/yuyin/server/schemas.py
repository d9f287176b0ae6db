"""Pydantic request and response models: the HTTP edge only (the engine takes dataclasses).

Numeric ranges come from ``yuyin.config.OPTION_RANGES``, so the HTTP API, the CLI and the
Python API agree. Native requests forbid unknown fields (a misspelt control is a 422, not a
silent no-op); OpenAI requests ignore them, as OpenAI clients may send newer fields.
"""
from __future__ import annotations

import base64
import binascii
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from yuyin.config import OPTION_RANGES, SynthesisOptions
from yuyin.engine.reference import MAX_CLIP_BYTES
from yuyin.engine.styles import STYLE_NAMES
from yuyin.frontend.normalize import replace_lone_surrogates
from yuyin.instructions import style_of_instructions

AudioFormat = Literal["mp3", "opus", "aac", "flac", "wav", "pcm"]
SampleRate = Literal[8000, 16000, 22050, 24000, 44100, 48000]
StyleName = Literal[STYLE_NAMES]  # type: ignore[valid-type]
MAX_REFERENCE_TEXT = 1000
MAX_ID_CHARS = 200  # a WebSocket request's id, echoed in its events


def _ranged(name: str, default: Any, description: str) -> Any:
    low, high = OPTION_RANGES[name]
    return Field(default, ge=low, le=high, allow_inf_nan=False, strict=True,  # a number, not true or "1"
                 description=f"{description} ({low}..{high})")  # fmt: skip


class RequestModel(BaseModel):
    """A request body: every string in it has its lone UTF-16 surrogates (valid JSON, ``"\\ud800"``,
    but no text) replaced by U+FFFD before validation, so that nothing echoed back (a sentence's
    source, an id, a name in an error) fails to encode."""

    @model_validator(mode="before")
    @classmethod
    def _encodable(cls, data: Any) -> Any:
        return _encodable(data)


MAX_NESTING = 32  # lists and objects within each other; a valid request nests 2 deep


def _encodable(value: Any, depth: int = 0) -> Any:
    """value with lone surrogates replaced in every string; ValueError (a 422) past MAX_NESTING
    levels, which no request needs and which would exhaust the recursion (a 500)."""
    if depth > MAX_NESTING:
        raise ValueError(f"the body nests lists or objects more than {MAX_NESTING} levels deep")
    if isinstance(value, str):
        return replace_lone_surrogates(value)
    if isinstance(value, dict):
        return {_encodable(key, depth + 1): _encodable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_encodable(item, depth + 1) for item in value]
    return value


class VoiceRef(RequestModel):
    """OpenAI's custom-voice form of ``voice``: ``{"id": "..."}``."""

    id: str


class OpenAISpeechRequest(RequestModel):
    """``POST /v1/audio/speech``, as OpenAI defines it (plus ``stream``)."""

    model_config = ConfigDict(extra="ignore")

    model: str = Field("tts-1", description="tts-1, tts-1-hd, gpt-4o-mini-tts, or a voice name")
    input: str = Field(..., description="text to speak")
    voice: Union[str, VoiceRef, None] = Field(None, description="a voice name (or {\"id\": name}), or an OpenAI "
                                              "voice (alloy, ...): the voice named by model, else the default")  # fmt: skip
    response_format: AudioFormat = "mp3"
    speed: float = _ranged("speed", 1.0, "tempo multiplier")
    stream: bool = Field(True, strict=True, description="send audio as it is made (chunked transfer)")
    stream_format: Literal["audio", "sse"] = Field("audio", description="audio bytes, or server-sent "
                                                   "events with base64 audio deltas")  # fmt: skip
    instructions: Optional[str] = Field(None, description="how to speak: an emotion word in it (cheerful, sad, "
                                        "温柔 ...) picks that style on baker-family voices; else ignored")  # fmt: skip
    ssml: bool = Field(False, strict=True, description="extension: input is an SSML document")
    style: Optional[StyleName] = Field(None, description="extension: emotion style (baker-family voices)")
    style_intensity: float = _ranged("style_intensity", 1.0, "extension: style strength")

    @field_validator("voice")
    @classmethod
    def _named(cls, value: Union[str, VoiceRef, None]) -> Union[str, VoiceRef, None]:
        if value == "" or isinstance(value, VoiceRef) and value.id == "":
            raise ValueError("must name a voice (or be left out for the default)")
        return value

    def options(self, styled: bool = True) -> SynthesisOptions:
        """The synthesis options; ``styled``: the voice has styles, so ``instructions`` may pick one
        when ``style`` is not given (:mod:`yuyin.instructions`)."""
        style, intensity = self.style, self.style_intensity
        if style is None and styled and self.instructions:
            style, implied = style_of_instructions(self.instructions) or (None, intensity)
            intensity = intensity if "style_intensity" in self.model_fields_set else implied  # an explicit one wins
        return SynthesisOptions(speed=self.speed, style=style, style_intensity=intensity)

    @property
    def voice_name(self) -> Optional[str]:
        return self.voice.id if isinstance(self.voice, VoiceRef) else self.voice


class SynthesisControls(RequestModel):
    """The controls shared by ``POST /api/synthesize`` and the WebSocket ``synthesize`` message."""

    model_config = ConfigDict(extra="forbid")

    voice: Optional[str] = Field(None, min_length=1, description="voice name; default: the server's first voice")
    speaker: Optional[str] = Field(None, description="speaker of a multi-speaker voice, or a blend of its "
                                   "speakers: Aiyu+Siyue, Aiyu(2)+Siyue(1)")
    speed: float = _ranged("speed", 1.0, "tempo multiplier")
    pitch: float = _ranged("pitch", 1.0, "scale of the pitch contour")
    pitch_shift: float = _ranged("pitch_shift", 0.0, "pitch offset in standard deviations")
    energy: float = _ranged("energy", 1.0, "scale of the energy contour")
    volume: float = _ranged("volume", 1.0, "linear gain")
    sentence_pause: Optional[float] = _ranged("sentence_pause", None,
                                              "seconds between sentences; default: the voice's divided by speed")
    seed: Optional[int] = Field(None, ge=0, le=2**63 - 1, strict=True, description="draw a reproducible variation")
    sample_rate: Optional[SampleRate] = Field(None, description="output rate; default: the voice's")
    style: Optional[StyleName] = Field(None, description="emotion style (baker-family voices); default neutral")
    style_intensity: float = _ranged("style_intensity", 1.0, "style strength, 0 = neutral")
    ssml: bool = Field(False, strict=True, description="text is an SSML document (<speak>...</speak>)")
    reference_audio: Optional[bytes] = Field(
        None, description=f"base64 clip (WAV, FLAC, OGG or MP3, at most {MAX_CLIP_BYTES} bytes decoded) whose pitch "
        "level and range, speaking rate and energy set speed, pitch, pitch_shift and energy; fields given "
        "explicitly win; see POST /api/reference")  # fmt: skip
    reference_text: Optional[str] = Field(None, max_length=MAX_REFERENCE_TEXT,
                                          description="what reference_audio says, for an exact speaking rate")

    @field_validator("reference_audio", mode="before")
    @classmethod
    def _decode_reference(cls, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("must be a base64 string")
        if len(value) > (MAX_CLIP_BYTES + 2) // 3 * 4 + 4:
            raise ValueError(f"the clip is larger than {MAX_CLIP_BYTES / 2**20:g} MiB")
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("is not valid base64") from None

    @field_validator("style_intensity")
    @classmethod
    def _scales_a_style(cls, value: float, info: ValidationInfo) -> float:
        if info.data.get("style") is None:
            raise ValueError("scales a style, which is missing (give style too)")
        return value

    @field_validator("reference_text")
    @classmethod
    def _transcript_needs_clip(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        if value is not None and info.data.get("reference_audio") is None:
            raise ValueError("describes reference_audio, which is missing")
        return value

    def options(self) -> SynthesisOptions:
        return SynthesisOptions(speed=self.speed, pitch=self.pitch, pitch_shift=self.pitch_shift,
                                energy=self.energy, volume=self.volume, sentence_pause=self.sentence_pause,
                                seed=self.seed, speaker=self.speaker, style=self.style,
                                style_intensity=self.style_intensity)  # fmt: skip


class SynthesizeRequest(SynthesisControls):
    """``POST /api/synthesize``."""

    text: str = Field(..., description="text to speak")
    format: AudioFormat = "wav"
    stream: bool = Field(True, strict=True, description="send audio as it is made (chunked transfer)")


class TimedSynthesizeRequest(SynthesisControls):
    """``POST /api/synthesize/with-timestamps``."""

    text: str = Field(..., description="text to speak")
    format: AudioFormat = "wav"


class SyllableTimingModel(BaseModel):
    text: str = Field(description="what the syllable reads, as normalised (\"五\" of 5)")
    pinyin: str
    start: float = Field(description="seconds from the start of the audio")
    end: float
    source_span: Optional[list[int]] = Field(
        description="[start, end): what it reads in the request's text as written, in code points; "
                    "null for SSML")  # fmt: skip


class SentenceTimingModel(BaseModel):
    index: int
    text: str = Field(description="the sentence as read (normalised)")
    source: str = Field(description="the text as written that it begins reading; empty where it continues "
                                    "the clause of the sentence before")  # fmt: skip
    start: float = Field(description="seconds from the start of the audio")
    end: float
    source_span: Optional[list[int]] = Field(
        description="[start, end) of source in the request's text, in code points; null for SSML and "
                    "where source is empty")  # fmt: skip
    syllables: Optional[list[SyllableTimingModel]] = Field(
        description="null where the voice cannot time syllables (both built-in voices can)")


class TimedSpeech(BaseModel):
    """The audio of ``POST /api/synthesize/with-timestamps`` and when each sentence and syllable is spoken."""

    audio: str = Field(description="the encoded audio file, base64")
    format: AudioFormat
    sample_rate: int
    duration: float = Field(description="seconds of audio")
    sentences: list[SentenceTimingModel]


class WsSynthesize(SynthesisControls):
    """WebSocket message ``{"type": "synthesize", ...}``; audio comes back as s16le PCM frames."""

    type: Literal["synthesize"]
    text: str
    id: Optional[str] = Field(None, max_length=MAX_ID_CHARS, description="echoed in every event of this request")


class FrontendRequest(RequestModel):
    """``POST /api/frontend``."""

    model_config = ConfigDict(extra="forbid")

    text: str
    voice: Optional[str] = None
    ssml: bool = Field(False, strict=True, description="text is an SSML document (<speak>...</speak>)")


class FrontendSentence(BaseModel):
    text: str
    pinyin: list[str]
    phones: list[str]


class FrontendResponse(BaseModel):
    normalized: str
    sentences: list[FrontendSentence]


class ErrorDetail(BaseModel):
    message: str
    type: str
    param: Optional[str] = Field(None, description="the request field at fault, if one is")
    code: str = Field(description="the HTTP status, as a string")


class ErrorResponse(BaseModel):
    """The body of every error response (OpenAI's error shape)."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorResponse, "description": "text longer than the server's limit"},
    422: {"model": ErrorResponse, "description": "invalid field, or nothing to pronounce"},
    503: {"model": ErrorResponse, "description": "busy, loading or shutting down; see Retry-After"},
    504: {"model": ErrorResponse, "description": "synthesis timed out"},
}


class ProsodyProfileModel(BaseModel):
    f0_level: float = Field(description="median f0 of voiced speech, semitones above 100 Hz")
    f0_range: float = Field(description="10-90 % spread of f0, semitones")
    rate: float = Field(description="syllables per second of speech (pauses excluded)")
    energy_range: float = Field(description="10-90 % spread of voiced intensity, dB")
    speech_seconds: float
    duration: float
    syllables_estimated: bool = Field(description="syllables counted as nuclei (no transcript given)")


class ReferenceResponse(BaseModel):
    """``POST /api/reference``: the clip's prosody, the voice's own, and the controls between them."""

    voice: str
    speaker: Optional[str]
    controls: dict[str, float] = Field(description="speed, pitch, pitch_shift, energy (those the voice has)")
    measured: ProsodyProfileModel
    baseline: ProsodyProfileModel


class VoiceInfo(BaseModel):
    name: str
    sample_rate: int
    speakers: list[str] = Field(description="speakers that can be asked for (unusable ones are left out)")
    unusable_speakers: dict[str, str] = Field(description="speaker -> why it is refused")
    default_speaker: Optional[str]
    controls: list[str] = Field(description="controls this voice applies (others must stay at their defaults)")
    styles: list[str] = Field(description="emotion styles this voice supports")
    resident: bool = Field(description="models on their devices (false while offloaded for being idle)")
    side_by_side: bool = Field(description="requests that overlap run in one-thread OpenVINO streams, one core each")
    backend: str = Field(description="the runtime its models run in: openvino, onnx, onnx-int8 or torch")
    device: str = Field(description="the device its acoustic model runs on (cpu, cuda:0)")
    description: str
    license: str
    default: bool
