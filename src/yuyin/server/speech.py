"""One speech request from admission to its last encoded byte, shared by every API.

``open_speech`` validates, waits for admission, starts the engine's generator on the worker
pool and pulls the first packet before any response is committed, so bad input (nothing to
say, unknown voice) still gets a 4xx. The returned :class:`SpeechStream` then yields encoded
packets lazily: nothing is computed ahead of the consumer and no audio accumulates.
"""
from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, AsyncIterator, Callable, Generator, Iterator

from yuyin.audio import AudioChunk, AudioEncoder, StreamResampler, encoder_sample_rate
from yuyin.config import OptionsError, SynthesisOptions
from yuyin.engine.reference import ReferenceAudioError, TranscriptMismatch
from yuyin.engine.speaker_blend import BlendError, parse_blend
from yuyin.frontend import FrontendError
from yuyin.server.errors import ApiError, options_error
from yuyin.server.worker import StalledError, ThreadedIterator, within
from yuyin.ssml import SSMLError

# Seconds a consumer may take over one packet before the request's slot goes to others meanwhile
# (limits.Ticket.park): well above the time to hand a packet to a client that keeps up.
PARK_AFTER = 0.05
MIB = 1 << 20

if TYPE_CHECKING:
    from yuyin.engine.synthesizer import Synthesizer
    from yuyin.server.limits import Ticket
    from yuyin.server.runtime import Runtime
    from yuyin.server.schemas import SynthesisControls


@dataclass(frozen=True)
class Reference:
    """A reference clip whose prosody sets the controls not named in ``explicit``."""

    audio: bytes
    transcript: str | None
    explicit: frozenset[str]


@dataclass(frozen=True)
class SpeechRequest:
    """What to say and how, in engine terms. ``api`` labels metrics; ``text_field`` names the
    text in error messages (``input`` for OpenAI, ``text`` for the native API); ``ssml``: the
    text is an SSML document; ``long_text_hint``: what a whole response that timed out should
    try instead."""

    text: str
    voice: str | None
    options: SynthesisOptions
    format: str
    sample_rate: int | None
    stream: bool
    api: str
    text_field: str = "text"
    ssml: bool = False
    reference: Reference | None = None
    long_text_hint: str = "use stream=true for long texts"


def controls_request(body: "SynthesisControls", text: str, fmt: str, stream: bool, api: str) -> SpeechRequest:
    """The SpeechRequest of the native controls (``POST /api/synthesize`` and the WebSocket)."""
    reference = None
    if body.reference_audio is not None:
        reference = Reference(body.reference_audio, body.reference_text, frozenset(body.model_fields_set))
    return SpeechRequest(text=text, voice=body.voice, options=body.options(), format=fmt,
                         sample_rate=body.sample_rate, stream=stream, api=api, ssml=body.ssml,
                         reference=reference)  # fmt: skip


@dataclass(frozen=True)
class Packet:
    """Encoded bytes for one engine chunk (``chunk`` None for the encoder's final flush)."""

    data: bytes
    chunk: AudioChunk | None


def encode_chunks(chunks: Generator[AudioChunk, None, None], source_rate: int, out_rate: int, fmt: str,
                  streaming: bool) -> Iterator[Packet]:  # fmt: skip
    """Resample (stateful soxr, no seams) and encode chunk by chunk; closes ``chunks`` when done."""
    resampler, encoder = StreamResampler(source_rate, out_rate), AudioEncoder(fmt, out_rate, streaming)
    with contextlib.closing(chunks), contextlib.closing(encoder):
        for chunk in chunks:
            yield Packet(encoder.encode(resampler.process(chunk.samples)), chunk)
        yield Packet(encoder.encode(resampler.flush()) + encoder.finish(), None)


class SpeechStream:
    """An admitted request's packets; iterate once, or ``read_all``. Always ends with ``close``
    (done by iteration itself): it frees the admission slot and records the metrics."""

    def __init__(self, runtime: "Runtime", request: SpeechRequest, source_rate: int, sample_rate: int,
                 packets: ThreadedIterator[Packet], ticket: "Ticket", started: float):  # fmt: skip
        self.runtime, self.request = runtime, request
        self.source_rate, self.sample_rate = source_rate, sample_rate
        self._packets, self._ticket, self.started = packets, ticket, started
        timeout = runtime.settings.request_timeout
        # Streams must make progress every `timeout` s; whole responses must be done by then.
        self._timeout, self._deadline = timeout, None if request.stream else started + timeout
        self._first: Packet | None = None
        self.first_audio_at: float | None = None
        self._stalled = 0.0  # s the listener waited for packets after its first audio, by our account
        self._asking = False  # a packet is being made for the consumer
        self.ttfa: float | None = None
        self.audio_seconds = 0.0
        self.finished = self._closed = False
        self.error: ApiError | None = None  # what stopped the iteration, if an error did

    @property
    def rtf(self) -> float:
        """Synthesis (worker) time per second of audio produced so far."""
        return self._packets.busy_seconds / self.audio_seconds if self.audio_seconds else 0.0

    async def prime(self) -> None:
        """Compute the first packet now; engine errors surface here as ApiErrors."""
        self._first = await self._next()
        self.first_audio_at = time.perf_counter()
        self.ttfa = self.first_audio_at - self.started
        self.runtime.supply.start(self)
        self.runtime.metrics.ttfa.labels(self.request.api).observe(self.ttfa)

    async def __aiter__(self) -> AsyncIterator[Packet]:
        """The packets; a consumer that holds one longer than PARK_AFTER s (a client reading
        slowly) parks the request's admission slot until it asks for the next."""
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    packet = await self._take()
                except StopAsyncIteration:
                    self.finished = True
                    return
                except ApiError as exc:
                    self.error = exc
                    raise
                parking = loop.call_later(PARK_AFTER, self._ticket.park)
                try:
                    yield packet
                finally:
                    parking.cancel()
        finally:
            self.close()

    async def _take(self) -> Packet:
        if self._first is None:
            return await self._next()
        first, self._first = self._first, None
        return first

    async def read_all(self, on_packet: Callable[[Packet], None] = lambda _: None) -> bytes:
        """The whole encoded file (non-streamed responses; 504 past the request timeout, 413 past
        max_file_mib); on_packet sees each packet as it comes (a timeline of its chunks)."""
        limit = self.runtime.settings.max_file_mib
        parts, size = [], 0
        try:
            async for packet in self:
                on_packet(packet)
                size += len(packet.data)
                if size > limit * MIB:
                    raise ApiError(413, f"the audio file would be over {limit} MiB, the most this server holds for a "
                                        f"whole response; send less text, or {self.request.long_text_hint}",
                                   self.request.text_field)  # fmt: skip
                parts.append(packet.data)
            return b"".join(parts)
        finally:
            self.close()  # also when cancelled (the client went away)

    def close(self, rejected: bool = False) -> None:
        """Stop the engine if still running, free the slot, record metrics; idempotent.
        rejected: the request failed on its input before any audio, so no stream was cancelled."""
        if self._closed:
            return
        self._closed = True
        self._packets.cancel()
        self._ticket.release()
        self.runtime.supply.end(self)
        metrics, api = self.runtime.metrics, self.request.api
        metrics.audio_seconds.labels(api).inc(self.audio_seconds)
        if self.finished:
            metrics.rtf.labels(api).observe(self.rtf)
        elif not rejected:
            metrics.cancelled.labels(api).inc()

    async def _turn(self, timeout: float) -> float:
        """Hold an admission slot for the next packet (limits.Ticket.turn); the seconds of timeout left."""
        started = time.perf_counter()
        try:
            await self._ticket.turn(timeout, self.due)
        except asyncio.TimeoutError:  # an alias of TimeoutError from Python 3.11
            raise StalledError(f"no synthesis slot came free for {timeout:.3g} s") from None
        return timeout - (time.perf_counter() - started)

    @property
    def due(self) -> float:
        """When the listener runs out of audio (playback from the first audio on, paused while it
        waited for a packet); arrival before."""
        return (self.first_audio_at or self.started) + self._stalled + self.audio_seconds

    def listening(self, now: float) -> bool:
        """Whether its listener is taken to be playing at now: it has audio left, or waits for
        the packet being made; a consumer that has not asked since the audio ran out has paused."""
        return self._asking or self.due > now

    async def _next(self) -> Packet:
        """The next packet, made in a slot (taken back first if the consumer had parked it)."""
        asked, due, busy = time.perf_counter(), self.due, self._packets.busy_seconds
        timeout = self._timeout if self._deadline is None else self._deadline - asked
        self._asking = True
        try:
            packet = await self._packets.next(await self._turn(timeout), due)
        except (FrontendError, SSMLError) as exc:
            raise ApiError(422, str(exc), self.request.text_field) from None
        except OptionsError as exc:
            raise options_error(exc) from None
        except StalledError as exc:
            if self._deadline is not None:
                raise ApiError(504, f"synthesis took longer than {self._timeout:g} s; "
                                    f"{self.request.long_text_hint}") from None  # fmt: skip
            raise ApiError(504, f"synthesis timed out: {exc}") from None
        made = len(packet.chunk.samples) / self.source_rate if packet.chunk is not None else 0.0
        supply = self.runtime.supply
        supply.record(made, self._packets.busy_seconds - busy)
        if self.first_audio_at is not None and self._note_underrun(asked, due) or supply.falls_short():
            self._ticket.fell_behind()
        self._asking = False  # (a stream that failed is closed: no longer in the supply)
        self.audio_seconds += made
        return packet

    def _note_underrun(self, asked: float, due: float) -> bool:
        """Whether the workers made the listener wait for the packet just made: it came after
        the listener ran out of audio though asked for in time (counted in the metrics). Either
        way a late packet's playback goes on from now (due moves on); a consumer that asked late
        had paused itself (a player on pause, a client that stopped reading). A listener kept
        waiting goes on asking in time: it has the packet's audio."""
        made = time.perf_counter()
        if made <= due:
            return False
        self._stalled += made - due
        if asked < due:
            self.runtime.metrics.underruns.labels(self.request.api).observe(made - due)
            return True
        return False


async def open_speech(runtime: "Runtime", request: SpeechRequest) -> SpeechStream:
    """Validate, admit, start and prime one request (see the module docstring)."""
    started = time.perf_counter()
    runtime.require_ready()
    limit = runtime.settings.max_input_chars
    if len(request.text) > limit:
        raise ApiError(413, f"{request.text_field} is {len(request.text)} characters; the limit is {limit}",
                       request.text_field)  # fmt: skip
    synth = runtime.voices.get(request.voice)
    check_speaker(synth, request.options.speaker)
    source_rate = synth.sample_rate
    out_rate = encoder_sample_rate(request.format, request.sample_rate or source_rate)
    ticket = await runtime.admission.enter()
    runtime.metrics.queue_wait.observe(ticket.waited)
    try:
        options, reference = request.options, request.reference
        if reference is not None:
            prosody = await analyse_reference(runtime, synth, reference.audio, reference.transcript, options.speaker)
            options = prosody.apply(options, keep=reference.explicit)
    except BaseException:
        ticket.release()
        raise
    synthesize = synth.synthesize_ssml if request.ssml else synth.synthesize
    # A whole file is made a sentence at a time: chunk sizes follow the load (streaming.StreamPace),
    # which under mixed precision moves the audio by rounding noise, and a file should not.
    chunk_frames = runtime.settings.chunk_frames if request.stream else None
    chunks = synthesize(request.text, options, chunk_frames=chunk_frames)
    packets = encode_chunks(chunks, source_rate, out_rate, request.format, request.stream)
    puller = ThreadedIterator(packets, runtime.executor)
    stream = SpeechStream(runtime, request, source_rate, out_rate, puller, ticket, started)
    try:
        await stream.prime()
    except ApiError as exc:
        stream.close(rejected=exc.status < 500)
        raise
    except BaseException:
        stream.close()
        raise
    return stream


async def analyse_reference(runtime: "Runtime", synth: "Synthesizer", audio: bytes, transcript: str | None,
                            speaker: str | None, transcript_field: str = "reference_text"):  # fmt: skip
    """``synth.reference_prosody`` on the worker pool, its errors as ApiErrors naming
    reference_audio (or transcript_field, the request's name for the transcript)."""
    call = lambda: synth.reference_prosody(audio, transcript, speaker)  # noqa: E731
    try:
        return await within(asyncio.get_running_loop().run_in_executor(runtime.executor, call),
                            runtime.settings.request_timeout)  # fmt: skip
    except ReferenceAudioError as exc:
        raise ApiError(exc.status, str(exc), "reference_audio") from None
    except (FrontendError, TranscriptMismatch) as exc:
        raise ApiError(422, f"{transcript_field}: {exc}", transcript_field) from None
    except OptionsError as exc:
        raise options_error(exc) from None
    except asyncio.TimeoutError:
        raise ApiError(504, "the reference analysis timed out") from None


def check_speaker(synth: "Synthesizer", speaker: str | None) -> None:
    """422 naming ``speaker`` unless it is None or a blend of the voice's usable speakers
    (:mod:`yuyin.engine.speaker_blend`; a plain name is a blend of one)."""
    if speaker is None:
        return
    voice = synth.voice.name
    if not synth.speakers:
        raise ApiError(422, f"voice {voice!r} has a single speaker; leave speaker out", "speaker")
    try:
        parse_blend(speaker, synth.usable_speakers, synth.unusable_speakers)
    except BlendError as exc:
        raise ApiError(422, f"{exc} (voice {voice!r})", "speaker") from None
