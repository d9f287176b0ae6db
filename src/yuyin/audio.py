"""Audio chunks and their conversions: float <-> int16 PCM and WAV files.

Encoders here are thin wrappers over soundfile; nothing is hand-written.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable

import numpy as np
import soundfile


@dataclass(frozen=True)
class AudioChunk:
    """A piece of synthesised audio and the text it covers.

    samples: float32 mono waveform, shape [N], in [-1, 1].
    sample_rate: Hz.
    text: the source text span this chunk belongs to ("" for pure silence).
    pinyin: the pinyin syllables of that span, tone digits appended.
    sentence_index: index of the sentence within the request.
    is_silence: True for inter-sentence pauses.
    """

    samples: np.ndarray
    sample_rate: int
    text: str = ""
    pinyin: tuple[str, ...] = field(default_factory=tuple)
    sentence_index: int = 0
    is_silence: bool = False

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def to_int16(self) -> np.ndarray:
        return float_to_int16(self.samples)


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


def wav_bytes(samples: np.ndarray, sample_rate: int) -> bytes:
    buffer = io.BytesIO()
    write_wav(buffer, samples, sample_rate)
    return buffer.getvalue()
