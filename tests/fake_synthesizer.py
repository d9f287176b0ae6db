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
    """Each sentence: 2 chunks, len(text) * 0.1 s of audio in all. Thread-safe call log."""

    def __init__(self):
        self.calls = []
        self._lock = threading.Lock()

    def synthesize(self, text, options=None):
        with self._lock:
            self.calls.append(text)
        half = len(text) * 1200
        yield FakeChunk(np.zeros(half, np.float32))
        yield FakeChunk(np.zeros(half, np.float32))
