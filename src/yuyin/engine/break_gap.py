"""How much silence an SSML ``<break>`` adds, so that the pause heard is the one asked for.

The audio either side of a break already holds some silence: a voice ends a sentence with its
closing silence and starts the next with a little (the baker voice ~0.1 s and up to 0.05 s).
Added on top, a ``<break time="100ms"/>`` was heard as 0.26 s. So the silence a break adds is
what the asked time leaves after the silence the audio before it ends with and the audio after
it starts with (:func:`yuyin.audio.edge_silence`); where those two already last longer, the
break adds nothing. Consecutive breaks add up. A break of 0 s (``strength="none"``) is no break
at all: see :mod:`.ssml_runs`.
"""
from __future__ import annotations

import numpy as np

from yuyin.audio import edge_silence


class BreakGap:
    """The silence of the breaks between the audio said so far and the audio said next.

    ``heard(samples)`` for each chunk that goes out, silence too; ``add(seconds)`` for each break;
    while ``pending``, ``before(samples)`` gives the seconds of silence to put before the chunk
    of samples (the first after the breaks; an empty one at the end of the document) and clears them.
    """

    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.pending = 0.0  # seconds the breaks since the last audio asked for
        self._trailing = 0.0  # seconds of silence the audio so far ends with

    def heard(self, samples: np.ndarray) -> None:
        """Chunk [N] went out."""
        leading, trailing = edge_silence(samples, self.sample_rate)
        whole = len(samples) / self.sample_rate
        self._trailing = self._trailing + whole if leading >= whole else trailing

    def add(self, seconds: float) -> None:
        self.pending += seconds

    def before(self, samples: np.ndarray) -> float:
        """Seconds of silence to put before samples [N]: what the pending breaks ask for beyond
        the silence either side (never negative)."""
        leading = edge_silence(samples, self.sample_rate)[0]
        seconds = max(self.pending - self._trailing - leading, 0.0)
        self.pending = 0.0
        return seconds
