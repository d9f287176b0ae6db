"""Streaming audio building blocks of the server: stateful resampling, encoders, chunk pipeline.

No server here: these check that streaming is seam-free (chunked == whole) and that every
format the API offers decodes back (with PyAV) to the right rate and length.
"""
from __future__ import annotations

import io

import numpy as np
import pytest

from yuyin.audio import (AUDIO_FORMATS, LOSSY_CEILING, LOSSY_FORMATS, SAMPLE_RATES, AudioEncoder, StreamResampler,
                         concatenate, encode_audio, encoder_sample_rate, float_to_int16, resample)  # fmt: skip
from yuyin.server.speech import encode_chunks

import av
TEXT = "今天天气很好，我们一起去公园散步吧。这是第二句话！"


def decode(data: bytes) -> tuple[np.ndarray, int]:
    """Any container -> ([N] float32 mono, rate) via PyAV."""
    with av.open(io.BytesIO(data)) as container:
        frames = [frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)]
        rate = container.streams.audio[0].rate
    samples = np.concatenate(frames)
    return (samples.astype(np.float32) / 32768.0 if samples.dtype == np.int16 else samples.astype(np.float32)), rate


def stream_resample(pieces: list[np.ndarray], in_rate: int, out_rate: int) -> np.ndarray:
    resampler = StreamResampler(in_rate, out_rate)
    return np.concatenate([resampler.process(piece) for piece in pieces] + [resampler.flush()])


@pytest.mark.parametrize("out_rate", SAMPLE_RATES)
def test_stream_resampler_equals_whole_resampling(out_rate: int) -> None:
    rng = np.random.default_rng(out_rate)
    signal = (0.3 * np.sin(np.arange(24000) * 0.07) + 0.05 * rng.standard_normal(24000)).astype(np.float32)
    cuts = np.sort(rng.choice(np.arange(1, 24000), size=12, replace=False))
    streamed = stream_resample(np.split(signal, cuts), 24000, out_rate)
    whole = resample(signal, 24000, out_rate)
    assert abs(len(streamed) - len(whole)) <= 1
    n = min(len(streamed), len(whole))
    assert np.max(np.abs(streamed[:n] - whole[:n])) < 1e-4


def test_engine_chunks_streamed_and_resampled_equal_whole(tiny_synth) -> None:
    """Sub-sentence chunks, resampled chunk by chunk, equal the whole text resampled at once."""
    chunks = list(tiny_synth.synthesize(TEXT, chunk_frames=8))
    assert len(chunks) > 4  # several chunks per sentence, plus pauses
    whole, rate = concatenate(tiny_synth.synthesize(TEXT))
    streamed = stream_resample([chunk.samples for chunk in chunks], rate, 16000)
    reference = resample(whole, rate, 16000)
    n = min(len(streamed), len(reference))
    assert abs(len(streamed) - len(reference)) <= 1
    assert np.max(np.abs(streamed[:n] - reference[:n])) < 2e-3


@pytest.mark.parametrize("fmt", AUDIO_FORMATS)
@pytest.mark.parametrize("streaming", [True, False])
def test_encoders_round_trip(fmt: str, streaming: bool) -> None:
    rate = encoder_sample_rate(fmt, 22050)
    tone = (0.4 * np.sin(2 * np.pi * 440 * np.arange(rate) / rate)).astype(np.float32)
    encoder = AudioEncoder(fmt, rate, streaming=streaming)
    parts = [encoder.encode(piece) for piece in np.array_split(tone, 7)]
    data = b"".join(parts) + encoder.finish()
    if streaming and fmt != "pcm":
        assert sum(map(len, parts)) > 0, "a streaming encoder must emit bytes before the end"
    if fmt == "pcm":
        assert data == float_to_int16(tone).tobytes()
        return
    decoded, decoded_rate = decode(data)
    assert decoded_rate == (48000 if fmt == "opus" else rate)
    duration = len(decoded) / decoded_rate
    assert abs(duration - 1.0) < 0.1, duration  # codec priming/padding only
    assert 0.2 < np.sqrt(np.mean(decoded**2)) < 0.4  # the tone survived


@pytest.mark.parametrize("fmt", sorted(LOSSY_FORMATS))
def test_lossy_formats_decode_under_full_scale(fmt: str) -> None:
    """A square wave at 0.95 comes back from these codecs at 1.15-1.29 (ringing at its edges)
    unless their input is limited to LOSSY_CEILING first (the limiter leaves audio under it as
    it is: test_limiter)."""
    rate = 24000
    square = (0.95 * np.sign(np.sin(2 * np.pi * 220 * np.arange(rate) / rate))).astype(np.float32)
    for streaming in (True, False):
        encoder = AudioEncoder(fmt, rate, streaming=streaming)
        data = b"".join(encoder.encode(piece) for piece in np.array_split(square, 9)) + encoder.finish()
        decoded, decoded_rate = decode(data)
        assert abs(len(decoded) / decoded_rate - 1.0) < 0.1  # every sample came out of the limiter
        assert LOSSY_CEILING < np.abs(decoded).max() < 1.0


def test_opus_falls_back_to_48k_only_for_rates_it_lacks() -> None:
    assert encoder_sample_rate("opus", 24000) == 24000
    assert encoder_sample_rate("opus", 44100) == 48000
    assert encoder_sample_rate("mp3", 44100) == 44100
    with pytest.raises(ValueError, match="opus cannot be encoded at 44100"):
        AudioEncoder("opus", 44100)


def test_streamed_wav_header_is_readable_without_seeking() -> None:
    import soundfile
    tone = np.full(4800, 0.25, np.float32)
    encoder = AudioEncoder("wav", 24000, streaming=True)
    data = encoder.encode(tone) + encoder.finish()
    samples, rate = soundfile.read(io.BytesIO(data), dtype="float32")
    assert rate == 24000 and len(samples) == 4800
    assert encode_audio(tone, 24000, "wav")[4:8] != b"\xff\xff\xff\xff"  # the whole file has real sizes


def test_encode_chunks_pcm_equals_whole_and_keeps_chunk_metadata(tiny_synth) -> None:
    chunks = list(tiny_synth.synthesize(TEXT, chunk_frames=8))
    packets = list(encode_chunks((c for c in chunks), 24000, 24000, "pcm", streaming=True))
    assert [p.chunk for p in packets[:-1]] == chunks and packets[-1].chunk is None
    whole, _ = concatenate(chunks)
    assert b"".join(p.data for p in packets) == float_to_int16(whole).tobytes()


def test_encode_chunks_closes_the_engine_generator_when_abandoned(tiny_synth) -> None:
    chunks = tiny_synth.synthesize(TEXT * 20, chunk_frames=8)
    packets = encode_chunks(chunks, 24000, 16000, "mp3", streaming=True)
    next(packets)
    packets.close()
    assert chunks.gi_frame is None  # closed, not merely abandoned
