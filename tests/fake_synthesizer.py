"""A stand-in Synthesizer for bench tests: known audio lengths, no models."""
from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np


@dataclass
class FakeChunk:
    samples: np.ndarray
    sample_rate: int = 24000


class FakeSynthesizer:
    """Each sentence: len(text) * 0.1 s of audio in 2 chunks (4 when streamed in chunks).
    Thread-safe log of (text, chunk_frames) calls in ``streams``, of texts in ``calls``."""

    def __init__(self):
        self.calls = []
        self.streams = []
        self._lock = threading.Lock()

    def synthesize(self, text, options=None, chunk_frames=None):
        with self._lock:
            self.calls.append(text)
            self.streams.append((text, chunk_frames))
        pieces = 2 if chunk_frames is None else 4
        for _ in range(pieces):
            yield FakeChunk(np.zeros(len(text) * 2400 // pieces, np.float32))
