"""Pydantic request and response models: the HTTP edge only (the engine takes dataclasses).

Numeric ranges come from ``yuyin.config.OPTION_RANGES``, so the HTTP API, the CLI and the
Python API agree. Native requests forbid unknown fields (a misspelt control is a 422, not a
silent no-op); OpenAI requests ignore them, as OpenAI clients may send newer fields.
"""
from __future__ import annotations

from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from yuyin.config import OPTION_RANGES, SynthesisOptions

AudioFormat = Literal["mp3", "opus", "aac", "flac", "wav", "pcm"]
SampleRate = Literal[8000, 16000, 22050, 24000, 44100, 48000]


def _ranged(name: str, default: Any, description: str) -> Any:
    low, high = OPTION_RANGES[name]
    return Field(default, ge=low, le=high, allow_inf_nan=False, description=f"{description} ({low}..{high})")


class VoiceRef(BaseModel):
    """OpenAI's custom-voice form of ``voice``: ``{"id": "..."}``."""

    id: str


class OpenAISpeechRequest(BaseModel):
    """``POST /v1/audio/speech``, as OpenAI defines it (plus ``stream``)."""

    model_config = ConfigDict(extra="ignore")

    model: str = Field("tts-1", description="tts-1, tts-1-hd, gpt-4o-mini-tts, or a voice name")
    input: str = Field(..., description="text to speak")
    voice: Union[str, VoiceRef, None] = Field(None, description="a voice name (or {\"id\": name}), or an "
                                              "OpenAI voice (alloy, ...) meaning the default voice")  # fmt: skip
    response_format: AudioFormat = "mp3"
    speed: float = _ranged("speed", 1.0, "tempo multiplier")
    stream: bool = Field(True, description="send audio as it is made (chunked transfer)")
    stream_format: Literal["audio", "sse"] = Field("audio", description="audio bytes, or server-sent "
                                                   "events with base64 audio deltas")  # fmt: skip
    instructions: Optional[str] = Field(None, description="accepted for compatibility and ignored")

    @property
    def voice_name(self) -> Optional[str]:
        return self.voice.id if isinstance(self.voice, VoiceRef) else self.voice


class SynthesisControls(BaseModel):
    """The controls shared by ``POST /api/synthesize`` and the WebSocket ``synthesize`` message."""

    model_config = ConfigDict(extra="forbid")

    voice: Optional[str] = Field(None, description="voice name; default: the server's first voice")
    speaker: Optional[str] = Field(None, description="speaker of a multi-speaker voice")
    speed: float = _ranged("speed", 1.0, "tempo multiplier")
    pitch: float = _ranged("pitch", 1.0, "scale of the pitch contour")
    pitch_shift: float = _ranged("pitch_shift", 0.0, "pitch offset in standard deviations")
    energy: float = _ranged("energy", 1.0, "scale of the energy contour")
    volume: float = _ranged("volume", 1.0, "linear gain")
    sentence_pause: Optional[float] = _ranged("sentence_pause", None, "seconds between sentences")
    seed: Optional[int] = Field(None, ge=0, le=2**63 - 1, description="draw a reproducible variation")
    sample_rate: Optional[SampleRate] = Field(None, description="output rate; default: the voice's")

    def options(self) -> SynthesisOptions:
        return SynthesisOptions(speed=self.speed, pitch=self.pitch, pitch_shift=self.pitch_shift,
                                energy=self.energy, volume=self.volume, sentence_pause=self.sentence_pause,
                                seed=self.seed, speaker=self.speaker)  # fmt: skip


class SynthesizeRequest(SynthesisControls):
    """``POST /api/synthesize``."""

    text: str = Field(..., description="text to speak")
    format: AudioFormat = "wav"
    stream: bool = Field(True, description="send audio as it is made (chunked transfer)")


class WsSynthesize(SynthesisControls):
    """WebSocket message ``{"type": "synthesize", ...}``; audio comes back as s16le PCM frames."""

    type: Literal["synthesize"]
    text: str
    id: Optional[str] = Field(None, max_length=200, description="echoed in every event of this request")


class FrontendRequest(BaseModel):
    """``POST /api/frontend``."""

    model_config = ConfigDict(extra="forbid")

    text: str
    voice: Optional[str] = None


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
    code: int


class ErrorResponse(BaseModel):
    """The body of every error response (OpenAI's error shape)."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorResponse, "description": "text longer than the server's limit"},
    422: {"model": ErrorResponse, "description": "invalid field, or nothing to pronounce"},
    503: {"model": ErrorResponse, "description": "busy, loading or shutting down; see Retry-After"},
    504: {"model": ErrorResponse, "description": "synthesis timed out"},
}


class VoiceInfo(BaseModel):
    name: str
    sample_rate: int
    speakers: list[str]
    default_speaker: Optional[str]
    description: str
    license: str
    default: bool
