"""When each syllable of a Tacotron2 clause is spoken, from where its attention looked.

Tacotron2 predicts no durations, but each decoder frame attends to the symbols it is saying.
A syllable's symbols are ``initial final tone`` followed by the chain symbol ``-``
(voice-ttskit.md); a syllable starts at the first frame whose attention peak reaches its
initial and ends at the first that passes its chain symbol (onto the next syllable, or
punctuation and the end symbols). The peak is taken as a running maximum: attention that
glances back does not move a syllable. Measured on the real voice over 12 sentences: the
first syllable starts 23-35 ms before the speech does, and a clause's last syllable ends
-1..+10 frames (11.6 ms each) after its speech falls below RMS 0.02, where the clause's kept
frames run 7-14 frames past it.

Decoding is incremental, so times are decided incrementally too: a syllable is decided once
the attention has passed it; all are once decoding is done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from yuyin.engine.ar_batcher import DecodeItem
from yuyin.frontend.symbols_ttskit import CHAIN, SYMBOL_TO_ID, TONES

_CHAIN_ID = SYMBOL_TO_ID[CHAIN]
_TONE_IDS = frozenset(SYMBOL_TO_ID[tone] for tone in TONES)
SYLLABLE_SYMBOLS = 4  # initial, final, tone, chain


def syllable_positions(ids: Sequence[int]) -> list[int]:
    """The position in a clause's ids of each syllable's first symbol, in order.

    >>> syllable_positions([17, 40, 72, 2, 11, 34, 73, 2, 130, 2, 1, 0])  # 你好。
    [0, 4]
    """
    starts: list[int] = []
    start = 0
    for position, symbol in enumerate(ids):
        if symbol == _CHAIN_ID:
            if position - start == SYLLABLE_SYMBOLS - 1 and ids[position - 1] in _TONE_IDS:
                starts.append(start)
            start = position + 1
    return starts


def syllable_frames(starts: Sequence[int], peaks: Sequence[int], kept: int | None) -> np.ndarray:
    """Frame spans [D, 2] int64 ``[start, stop)`` of the leading D syllables the attention so far decides.

    starts: each syllable's first symbol position (:func:`syllable_positions`); peaks: per
    decoded frame, the position its attention weighed most; kept: the clause's kept frames once
    decoding is done (every syllable is decided then; one the attention never reached is empty
    at the end), None while it runs. A syllable runs from the first frame whose attention
    reaches its initial to the first that passes its chain symbol.
    """
    reached = np.maximum.accumulate(np.asarray(peaks, np.int64)) if len(peaks) else np.zeros(0, np.int64)
    first = np.asarray(starts, np.int64)
    onsets = np.searchsorted(reached, first, side="left")  # first frame at or past the position
    stops = np.searchsorted(reached, first + SYLLABLE_SYMBOLS, side="left")
    if kept is None:
        decided = int(np.count_nonzero(stops < len(reached)))
        return np.stack([onsets[:decided], stops[:decided]], axis=1).astype(np.int64)
    return np.stack([np.minimum(onsets, kept), np.minimum(stops, kept)], axis=1).astype(np.int64)


class AttentionClock:
    """Reports a clause's syllables to ``report`` as its decoding decides them, as [S, 2] int64
    sample offsets in the unit's audio (``samples_at(frame)``: where a decoder frame's audio
    starts). Call it whenever the clause's audio is about to be handed on."""

    def __init__(self, item: DecodeItem, samples_at: Callable[[int], int], report: Callable[[np.ndarray], None]):
        self.item, self.samples_at, self.report = item, samples_at, report
        self.starts = syllable_positions(item.ids)
        self.told = 0

    def __call__(self) -> None:
        kept = self.item.end if self.item.done else None
        frames = syllable_frames(self.starts, self.item.peaks(), kept)
        if len(frames) > self.told:
            samples = [[self.samples_at(start), self.samples_at(stop)] for start, stop in frames[self.told :].tolist()]
            self.report(np.array(samples, np.int64).reshape(-1, 2))
            self.told = len(frames)
