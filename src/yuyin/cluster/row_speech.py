"""One bulk worker's voices, and the speaking of a row into an encoded audio file.

A row's problems (text with nothing to say, an unknown speaker, a clip without speech) are
recorded as its ``error`` and the job goes on; they never fail a whole job.
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, replace

from yuyin.audio import encoder_sample_rate
from yuyin.cluster.manifest import BulkItem
from yuyin.config import OptionsError
from yuyin.engine.reference import ReferenceAudioError, TranscriptMismatch
from yuyin.frontend import FrontendError
from yuyin.server.errors import ApiError
from yuyin.server.settings import ServerSettings
from yuyin.server.speech import SpeechRequest, check_speaker, controls_request, encode_chunks
from yuyin.server.voices import VoiceCatalog
from yuyin.ssml import SSMLError
from yuyin.timestamps import Timeline, render

log = logging.getLogger("yuyin.bulk")
ROW_ERRORS = (ApiError, FrontendError, SSMLError, OptionsError, ReferenceAudioError, TranscriptMismatch)


@dataclass(frozen=True)
class SpokenRow:
    """The outcome of one row: its encoded file, or why there is none.

    audio: the whole file (None when error is set); duration: seconds of audio; seconds: the
    wall time it took to make; timestamps: the subtitle or JSON file of when each part is spoken,
    when the job asks for one.
    """

    id: str
    line: int
    format: str
    audio: bytes | None
    sample_rate: int | None
    duration: float
    seconds: float
    error: str | None = None
    timestamps: str | None = None

    def as_record(self) -> dict:
        return asdict(self)


class RowSpeaker:
    """Speaks rows with the voices of ``settings`` (loaded and warmed up once, at construction).

    timestamps: also time each row's sentences and syllables, as "srt", "vtt" or "json" (see
    :mod:`yuyin.timestamps`; source spans into the row's text, none for SSML rows).
    """

    def __init__(self, settings: ServerSettings, default_format: str = "wav", timestamps: str | None = None):
        # one row at a time: no calls overlap, so side-by-side streams would only hold memory
        self.voices = VoiceCatalog.load(replace(settings, side_by_side=False))
        self.default_format = default_format
        self.timestamps = timestamps

    def speak(self, item: BulkItem) -> SpokenRow:
        started = time.perf_counter()
        fmt = item.fields.get("format") or self.default_format
        try:
            row = item.row
            request = controls_request(row, row.text, fmt, stream=False, api="bulk")
            audio, rate, duration, timestamps = self._render(request)
        except ROW_ERRORS as exc:
            return SpokenRow(item.id, item.line, fmt, None, None, 0.0, time.perf_counter() - started, str(exc))
        except Exception as exc:  # a bug must not sink a job of thousands of rows; it is logged
            log.exception("row %s failed", item.id)
            error = f"internal error: {type(exc).__name__}: {exc}"
            return SpokenRow(item.id, item.line, fmt, None, None, 0.0, time.perf_counter() - started, error)
        return SpokenRow(item.id, item.line, fmt, audio, rate, duration, time.perf_counter() - started,
                         timestamps=timestamps)  # fmt: skip

    def _render(self, request: SpeechRequest) -> tuple[bytes, int, float, str | None]:
        """(encoded file, its sample rate, seconds of audio, timestamps file) of one request."""
        synth = self.voices.get(request.voice)
        check_speaker(synth, request.options.speaker)
        options = request.options
        if request.reference is not None:
            reference = request.reference
            prosody = synth.reference_prosody(reference.audio, reference.transcript, options.speaker)
            options = prosody.apply(options, keep=reference.explicit)
        synthesize = synth.synthesize_ssml if request.ssml else synth.synthesize
        out_rate = encoder_sample_rate(request.format, request.sample_rate or synth.sample_rate)
        timeline = Timeline(None if request.ssml else request.text) if self.timestamps else None
        parts, samples = [], 0
        for packet in encode_chunks(synthesize(request.text, options), synth.sample_rate, out_rate,
                                    request.format, streaming=False):  # fmt: skip
            parts.append(packet.data)
            if packet.chunk is not None:
                samples += len(packet.chunk.samples)
                if timeline is not None:
                    timeline.add(packet.chunk)
        duration = samples / synth.sample_rate
        subtitles = render(f".{self.timestamps}", timeline.sentences, duration) if timeline is not None else None
        return b"".join(parts), out_rate, duration, subtitles
