"""Audio chunks and their conversions: float <-> int16 PCM, WAV files, resampling, encoders.

Nothing here is hand-written DSP or container code: WAV files go through soundfile, resampling
through soxr, and the streaming encoders (mp3, opus, aac, flac, wav) through PyAV. soxr and PyAV
come with the ``server`` extra and are imported only when used.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable

import numpy as np
import soundfile

from yuyin.engine.limiter import PeakLimiter


@dataclass(frozen=True)
class SyllableTiming:
    """When one syllable is spoken: seconds from the start of the chunk that carries it (see
    AudioChunk.syllables; yuyin.timestamps.Timeline makes them request times). ``text`` is what
    it reads, as normalised (``"五"`` of ``5``; ``""`` for the later syllables of a spelled
    letter), ``pinyin`` its TONE3 syllable. ``source_span``: the code point offsets
    ``[start, end)`` of what it reads in the request's text as written, when known (see
    :mod:`yuyin.written`)."""

    text: str
    pinyin: str
    start: float
    end: float
    source_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class AudioChunk:
    """A piece of synthesised audio and the text it covers.

    samples: float32 mono waveform, shape [N], in [-1, 1].
    sample_rate: Hz.
    text: the source text span this chunk belongs to, as normalised ("" for pure silence).
    pinyin: the pinyin syllables of that span, tone digits appended.
    sentence_index: index of the sentence within the request.
    is_silence: True for inter-sentence pauses.
    source: the text as written that the sentence begins reading (SentenceUnit.source).
    syllables: when the sentence's syllables are spoken, in seconds relative to this chunk, as
    the voice decides them: the baker voice gives all of them with the sentence's first chunk,
    the Tacotron2 voice each as its decoding passes it (a syllable may lie before or after the
    chunk that brings it); () where none is new; None for a chunk whose voice cannot time
    syllables.
    """

    samples: np.ndarray
    sample_rate: int
    text: str = ""
    pinyin: tuple[str, ...] = field(default_factory=tuple)
    sentence_index: int = 0
    is_silence: bool = False
    source: str = ""
    syllables: tuple[SyllableTiming, ...] | None = ()

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def to_int16(self) -> np.ndarray:
        return float_to_int16(self.samples)


EDGE_FADE_SECONDS = 0.006  # the ramps of faded_edges: below a syllable's onset, above a click's


def faded_edges(samples: np.ndarray, fade_in: int = 0, fade_out: int = 0) -> np.ndarray:
    """[N] float32 with raised-cosine ramps over its first fade_in and last fade_out samples -> [N]
    float32 (a copy where anything changes). A clause is joined to exact silence on either side:
    one whose model silence is not quiet (an angry style's, a low energy's) would begin or end
    with a step, heard as a click; a faded edge ends on zero instead."""
    fade_in, fade_out = min(fade_in, len(samples)), min(fade_out, len(samples))
    if not fade_in and not fade_out:
        return samples
    faded = np.array(samples, dtype=np.float32)
    if fade_in:
        faded[:fade_in] *= _rising(fade_in)
    if fade_out:
        faded[len(faded) - fade_out :] *= _rising(fade_out)[::-1]
    return faded


def _rising(count: int) -> np.ndarray:
    """[count] float32 raised-cosine ramp from near 0 to near 1."""
    return (0.5 - 0.5 * np.cos(np.pi * (np.arange(count) + 0.5) / count)).astype(np.float32)


def speech_level_db(samples: np.ndarray, sample_rate: int) -> float:
    """Active-speech level of [N] samples in dBFS: the mean power of the 25 ms frames within 35 dB
    of the loudest (pauses left out); -100 for silence or less than one frame."""
    frame = int(0.025 * sample_rate)
    count = len(samples) // frame if frame else 0
    if count == 0:
        return -100.0
    power = np.mean(np.asarray(samples[: count * frame], np.float64).reshape(count, frame) ** 2, axis=1)
    decibels = 10 * np.log10(power + 1e-10)
    return float(10 * np.log10(np.mean(power[decibels > decibels.max() - 35]) + 1e-10))


SILENCE_DBFS = -45.0  # a 5 ms frame quieter than this is heard as silence between words
SILENCE_FRAME_SECONDS = 0.005


def edge_silence(samples: np.ndarray, sample_rate: int) -> tuple[float, float]:
    """Seconds of silence [N] samples start and end with, in whole 5 ms frames whose RMS is
    below SILENCE_DBFS (a last partial frame counts as one); all silent: (duration, duration)."""
    frame = max(int(SILENCE_FRAME_SECONDS * sample_rate), 1)
    count = -(-len(samples) // frame)
    if count == 0:
        return 0.0, 0.0
    padded = np.zeros(count * frame, np.float64)
    padded[: len(samples)] = samples
    power = np.mean(padded.reshape(count, frame) ** 2, axis=1)
    loud = np.flatnonzero(power >= 10 ** (SILENCE_DBFS / 10))
    if len(loud) == 0:
        duration = len(samples) / sample_rate
        return duration, duration
    return loud[0] * frame / sample_rate, max(len(samples) - (loud[-1] + 1) * frame, 0) / sample_rate


def float_to_int16(samples: np.ndarray) -> np.ndarray:
    """[N] float in [-1, 1] -> [N] int16, clipped, rounded to nearest."""
    clipped = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
    return np.round(clipped * 32767.0).astype(np.int16)


def concatenate(chunks: Iterable[AudioChunk]) -> tuple[np.ndarray, int]:
    """Join chunks into one [N] float32 waveform; returns (samples, sample_rate)."""
    parts: list[np.ndarray] = []
    rate = 0
    for chunk in chunks:
        if rate and chunk.sample_rate != rate:
            raise ValueError("chunks have different sample rates")
        rate = chunk.sample_rate
        parts.append(chunk.samples)
    if not parts:
        raise ValueError("no audio chunks")
    return np.concatenate(parts).astype(np.float32, copy=False), rate


def write_wav(target: str | Path | BinaryIO, samples: np.ndarray, sample_rate: int) -> None:
    """Write [N] float samples as 16-bit PCM mono WAV."""
    soundfile.write(target, float_to_int16(samples), sample_rate, subtype="PCM_16", format="WAV")


UNKNOWN_SIZE = 0xFFFFFFFF  # a WAV size field of a stream whose length is not known (yet)


def wav_header(sample_rate: int, data_bytes: int | None = None) -> bytes:
    """The 44-byte header of a 16-bit mono PCM WAV holding data_bytes of samples; None (or more
    than the 32-bit size fields hold) writes UNKNOWN_SIZE, which readers take as "to the end"."""
    if data_bytes is None or data_bytes + 36 > UNKNOWN_SIZE:
        riff = data = UNKNOWN_SIZE
    else:
        riff, data = data_bytes + 36, data_bytes
    return (b"RIFF" + riff.to_bytes(4, "little") + b"WAVEfmt " + (16).to_bytes(4, "little")
            + (1).to_bytes(2, "little") + (1).to_bytes(2, "little") + sample_rate.to_bytes(4, "little")
            + (2 * sample_rate).to_bytes(4, "little") + (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
            + b"data" + data.to_bytes(4, "little"))  # fmt: skip


def write_wav_stream(out: BinaryIO, chunks: Iterable[np.ndarray], sample_rate: int) -> int:
    """Write [N] float chunks to out as a 16-bit WAV as they come (memory stays bounded); out
    that :func:`rewritable` gets its header's sizes filled in at the end, anything else (a pipe,
    a file appended to) keeps UNKNOWN_SIZE. Returns the number of samples written."""
    fixable = rewritable(out)
    write_all(out, wav_header(sample_rate))
    samples = 0
    for chunk in chunks:
        write_all(out, float_to_int16(chunk).tobytes())
        samples += len(chunk)
    if fixable:
        out.seek(0)
        write_all(out, wav_header(sample_rate, 2 * samples))
        out.seek(0, io.SEEK_END)
    out.flush()
    return samples


def write_all(out: BinaryIO, data: bytes) -> None:
    """Write all of data to out: again with the rest after a short write (an unbuffered file may
    take part of it; a write that says nothing of its count took it all), OSError for a write
    that takes none."""
    view = memoryview(data)
    while view:
        taken = out.write(view)
        if taken is None:
            return
        if taken <= 0:
            raise OSError(errno.EIO, "the output took none of the audio written to it")
        view = view[taken:]


def rewritable(out: BinaryIO) -> bool:
    """Whether out is a stream a writer may go back in to complete a header: seekable, empty
    before it (at position 0) and not opened for appending (``>>``, where every write lands at
    the end). A file that holds other data first, or a second clip after a first one in the same
    redirected output, gets the streamable form instead of an overwritten start."""
    seekable = getattr(out, "seekable", None)
    if not callable(seekable) or not seekable() or out.tell() != 0:
        return False
    try:
        return not fcntl.fcntl(out.fileno(), fcntl.F_GETFL) & os.O_APPEND
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return True  # no descriptor (BytesIO): nothing appends behind its back


def wav_bytes(samples: np.ndarray, sample_rate: int) -> bytes:
    buffer = io.BytesIO()
    write_wav(buffer, samples, sample_rate)
    return buffer.getvalue()


AUDIO_FORMATS = ("mp3", "opus", "aac", "flac", "wav", "pcm")
SAMPLE_RATES = (8000, 16000, 22050, 24000, 44100, 48000)
MEDIA_TYPES = {"mp3": "audio/mpeg", "opus": "audio/ogg", "aac": "audio/aac", "flac": "audio/flac",
               "wav": "audio/wav", "pcm": "audio/pcm"}  # fmt: skip
# format -> (PyAV muxer, codec, muxer options, sample rates the codec accepts or None for any).
# Ogg pages are flushed every 100 ms (the muxer's default is 1 s) so opus streams start early.
_CONTAINERS: dict[str, tuple[str, str, dict[str, str], tuple[int, ...] | None]] = {
    "mp3": ("mp3", "libmp3lame", {}, (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)),
    "opus": ("ogg", "libopus", {"page_duration": "100000"}, (8000, 12000, 16000, 24000, 48000)),
    "aac": ("adts", "aac", {}, None),
    "flac": ("flac", "flac", {}, None),
    "wav": ("wav", "pcm_s16le", {}, None),
}
_OPUS_FALLBACK_RATE = 48000
# file suffix -> the format a file so named holds (.ogg: opus in Ogg; .raw: headerless PCM)
FORMAT_SUFFIXES = {".wav": "wav", ".mp3": "mp3", ".flac": "flac", ".opus": "opus", ".ogg": "opus", ".aac": "aac",
                   ".pcm": "pcm", ".raw": "pcm"}  # fmt: skip

# format -> (bit rate, codec options) where the codec's defaults do not suit mono speech:
# - mp3: lame's default at 24 kHz (32 kbit/s) is audibly poor;
# - aac: ffmpeg's default coder (twoloop, 69 kbit/s at 24 kHz) overshot a loud onset to 1.21 of
#   full scale (audio limited to 0.84; angry at intensity 2, volume 4) and fell to 15.6 dB SNR;
#   its fast coder at 96 kbit/s kept 15 clips under 0.86 at 29.9-36.7 dB SNR (ffmpeg lowers the
#   rate where the sample rate cannot carry it: 48 kbit/s at 8 kHz).
_ENCODER_SETTINGS: dict[str, tuple[int, dict[str, str]]] = {"mp3": (64000, {}), "aac": (96000, {"aac_coder": "fast"})}
# Lossy codecs put peaks back above what they were given: decoded peaks of 48 loud clips limited
# to -1.5 dBFS rose by up to 2.61 dB in opus (8 clips past full scale; median 1.0 dB), 1.46 dB in
# mp3, 0.44 dB in aac; with this ceiling, by at most 0.96 dB (none past -0.5 dBFS). Their input is
# limited again to it (PeakLimiter, streaming exactly; where no sample is over it the audio is
# untouched: at the default volume 34 of 44 baker sentences, the rest lowered <= 1 dB at a peak).
LOSSY_CEILING = 10 ** (-3.0 / 20)
LOSSY_FORMATS = frozenset({"mp3", "aac", "opus"})


def audio_suffix(path: str | Path) -> str:
    """The lower-case suffix that names path's audio format: ``"a.MP3"`` -> ``".mp3"``, and a
    name that is nothing but one (``".mp3"``, a hidden file) -> itself; ``""`` for none."""
    name = Path(path).name.lower()
    return Path(name).suffix or (name if name.startswith(".") and name.count(".") == 1 else "")


def _import_extra(module: str):
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(f"{module} is needed for this; install yuyin with the 'server' extra: "
                          "pip install 'yuyin[server]'") from None  # fmt: skip


def encoder_sample_rate(fmt: str, sample_rate: int) -> int:
    """The rate ``fmt`` is encoded at for a requested rate: the same, unless the codec lacks it.

    Only opus lacks some of :data:`SAMPLE_RATES` (22050, 44100); those are encoded at 48 kHz,
    the rate every opus decoder outputs anyway.
    """
    if fmt == "pcm":
        return sample_rate
    rates = _CONTAINERS[fmt][3]
    return sample_rate if rates is None or sample_rate in rates else _OPUS_FALLBACK_RATE


def resample(samples: np.ndarray, in_rate: int, out_rate: int) -> np.ndarray:
    """[N] float -> [N * out_rate / in_rate] float32 in one call (soxr, high quality)."""
    samples = np.asarray(samples, dtype=np.float32)
    if in_rate == out_rate:
        return samples
    return _import_extra("soxr").resample(samples, in_rate, out_rate, quality="HQ").astype(np.float32, copy=False)


class StreamResampler:
    """Chunk-by-chunk resampling that keeps the filter state between chunks (soxr stream).

    Feeding a signal in pieces and calling :meth:`flush` at the end gives the same samples as
    :func:`resample` on the whole signal, so chunk boundaries leave no seams. Equal rates pass
    samples through untouched.
    """

    def __init__(self, in_rate: int, out_rate: int):
        self.in_rate, self.out_rate = in_rate, out_rate
        self._stream = None
        if in_rate != out_rate:
            soxr = _import_extra("soxr")
            self._stream = soxr.ResampleStream(in_rate, out_rate, 1, dtype="float32", quality="HQ")

    def process(self, samples: np.ndarray) -> np.ndarray:
        """[N] float -> the resampled samples available so far (about N * ratio, fewer at first)."""
        samples = np.asarray(samples, dtype=np.float32)
        if self._stream is None:
            return samples
        return self._stream.resample_chunk(samples, last=False)

    def flush(self) -> np.ndarray:
        """The samples still held in the filter; call once, after the last chunk."""
        if self._stream is None:
            return np.zeros(0, np.float32)
        return self._stream.resample_chunk(np.zeros(0, np.float32), last=True)


class _Sink:
    """A write-only, non-seekable byte sink: PyAV muxers then write a streamable header."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self._parts = b"".join(self._parts), []
        return data


class AudioEncoder:
    """Incremental encoder of mono float audio into one of :data:`AUDIO_FORMATS`.

    ``encode`` returns the bytes the codec has produced so far (possibly none), ``finish`` the
    rest. With ``streaming`` the container is written for a non-seekable pipe (a WAV header
    with unknown length, a FLAC header without a sample count) and bytes come out as they are
    made; otherwise everything comes out of ``finish`` as a complete, seekable file. With an
    ``output`` file the container goes straight into it (``streaming`` then does not matter).
    ``pcm`` is raw signed 16-bit little-endian samples with no header, always returned by ``encode``.
    """

    def __init__(self, fmt: str, sample_rate: int, streaming: bool = True, output: BinaryIO | None = None):
        """output: a seekable binary file the container is written into as it is made (its header
        completed at ``finish``); ``encode`` and ``finish`` then return b"" but for ``pcm``."""
        if fmt not in AUDIO_FORMATS:
            raise ValueError(f"unknown audio format {fmt!r}; use one of {', '.join(AUDIO_FORMATS)}")
        if encoder_sample_rate(fmt, sample_rate) != sample_rate:
            raise ValueError(f"{fmt} cannot be encoded at {sample_rate} Hz")
        self.format, self.sample_rate, self.streaming = fmt, sample_rate, streaming
        self._container = self._stream = None
        self._direct = output is not None
        self._limiter = PeakLimiter(sample_rate, LOSSY_CEILING) if fmt in LOSSY_FORMATS else None
        if fmt != "pcm":
            self._av = av = _import_extra("av")
            muxer, codec, options, _ = _CONTAINERS[fmt]
            self._output = output if output is not None else _Sink() if streaming else io.BytesIO()
            self._container = av.open(self._output, mode="w", format=muxer, options=options)
            self._stream = self._container.add_stream(codec, rate=sample_rate, layout="mono")
            if fmt in _ENCODER_SETTINGS:
                self._stream.bit_rate, self._stream.options = _ENCODER_SETTINGS[fmt]

    def encode(self, samples: np.ndarray) -> bytes:
        """Feed [N] float samples; returns the encoded bytes ready now."""
        if self._limiter is not None:
            samples = self._limiter.process(samples)
        pcm = float_to_int16(samples)
        if self._container is None:
            return pcm.tobytes()
        self._mux_pcm(pcm)
        return self._output.take() if self.streaming and not self._direct else b""

    def finish(self) -> bytes:
        """Flush the codec and close the container; returns the remaining bytes."""
        if self._container is None:
            return b""
        if self._limiter is not None:
            self._mux_pcm(float_to_int16(self._limiter.flush()))
        self._mux(None)
        self._container.close()
        self._container = None
        if self._direct:
            return b""
        return self._output.take() if self.streaming else self._output.getvalue()

    def close(self) -> None:
        """Release the codec without flushing (for abandoned streams); safe to call twice."""
        if self._container is not None:
            self._container.close()
            self._container = None

    def _mux_pcm(self, pcm: np.ndarray) -> None:
        """Encode and mux int16 samples [N] (none: nothing)."""
        if len(pcm):
            frame = self._av.AudioFrame.from_ndarray(pcm[None, :], format="s16", layout="mono")
            frame.sample_rate = self.sample_rate
            self._mux(frame)

    def _mux(self, frame) -> None:
        for packet in self._stream.encode(frame):
            self._container.mux(packet)


def encode_audio(samples: np.ndarray, sample_rate: int, fmt: str) -> bytes:
    """A whole [N] float waveform as a complete file (or raw pcm) in ``fmt``."""
    encoder = AudioEncoder(fmt, sample_rate, streaming=False)
    return encoder.encode(samples) + encoder.finish()


def write_audio_stream(out: BinaryIO, chunks: Iterable[np.ndarray], sample_rate: int, fmt: str = "wav",
                       out_rate: int | None = None) -> int:  # fmt: skip
    """Write [N] float chunks of sample_rate audio to out in ``fmt`` as they come (memory stays
    bounded), resampled to out_rate (default: sample_rate; opus falls back as in
    :func:`encoder_sample_rate`). A :func:`rewritable` out gets a complete file (WAV sizes, a
    FLAC sample count, an MP3 length tag); anything else (a pipe, a file appended to) gets the
    streamable form. Returns the number of input samples written."""
    rate = encoder_sample_rate(fmt, out_rate or sample_rate)
    resampler = StreamResampler(sample_rate, rate)
    taken = 0

    def resampled() -> Iterable[np.ndarray]:
        nonlocal taken
        for chunk in chunks:
            taken += len(chunk)
            yield resampler.process(chunk)
        yield resampler.flush()

    if fmt == "wav":
        write_wav_stream(out, resampled(), rate)
        return taken
    encoder = AudioEncoder(fmt, rate, output=out if rewritable(out) else None)
    with contextlib.closing(encoder):
        for samples in resampled():
            write_all(out, encoder.encode(samples))
        write_all(out, encoder.finish())
    out.flush()
    return taken
