"""The ttskit voice's front end: the shared normaliser, splitter and g2p, then ttskit symbol ids.

Owns only what differs from :class:`~yuyin.frontend.BakerFrontend`: where punctuation goes and
how a unit's ids are laid out. Text normalisation (:func:`.normalize.prepare`), the cuts
(:mod:`.segment`) and the readings (:func:`.g2p.words_of`) are the shared ones, so numbers,
dates, polyphones and inline overrides read as they do for the baker voice.

The original (phkit) reads each clause as its own chunk, its punctuation kept as a symbol
(``，`` -> ``,``, ``？`` -> ``?``; voice-ttskit.md §5). Here a unit is still one sentence (its
clauses joined while they fit ``max_hanzi``), but its ``ids`` are the **clauses' id sequences
one after the other, each ending ``~ _`` (ids ``1, 0``)**, exactly what the original would
feed the model for each chunk. The runtime decodes the clauses of a unit as one batch and
joins them with a clause pause (:func:`clause_sequences` splits them again). A clause holds
at most ``max_clause`` voiced characters (the original cuts chunks at 30 characters).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import normalize as tn
from .g2p import WARM_UP_TEXT, unread_letters, warn_unread, words_of
from .lexicon import Lexicon, load_user_lexicon
from .override import FixedSpans, LexiconMatcher
from .segment import SENTENCE_PAUSE, Piece, join_clauses, normalized_pieces
from .symbols_ttskit import PAD, SYMBOL_TO_ID, syllable_phonemes, tokens_to_phonemes
from .unit import NothingToSay, SentenceUnit
from .word import Word

DEFAULT_MAX_HANZI = 60  # voiced characters per unit (sentence), as the baker front end
DEFAULT_MAX_CLAUSE = 30  # voiced characters per clause, as the original's chunks
PAD_ID = SYMBOL_TO_ID[PAD]


def can_say(syllable: str) -> bool:
    """Whether the ttskit symbols can spell this TONE3 syllable."""
    return syllable_phonemes(syllable) is not None


def clause_sequences(ids: Sequence[int]) -> list[list[int]]:
    """A unit's ids -> its clauses' id sequences, each ending with the pad id 0 (``~ _``).

    Ids without a final pad form one sequence of their own.
    """
    out: list[list[int]] = [[]]
    for symbol in ids:
        out[-1].append(int(symbol))
        if symbol == PAD_ID:
            out.append([])
    return [seq for seq in out if seq]


@dataclasses.dataclass(frozen=True)
class _Clause:
    text: str
    pinyin: tuple[str, ...]
    graphemes: tuple[str, ...]
    phonemes: tuple[str, ...]


class TtskitFrontend:
    """Mandarin text -> :class:`SentenceUnit` with ttskit (phkit 0.2.11) symbol ids.

    ``lexicon``: a user ``word<TAB>pinyin`` file, read once here, as for the baker front end.
    Stateless but for its settings; safe to share between threads.

    >>> TtskitFrontend().text_to_ids("你好。")
    [17, 40, 72, 2, 11, 34, 73, 2, 130, 2, 1, 0]
    """

    def __init__(self, max_hanzi: int = DEFAULT_MAX_HANZI, max_clause: int = DEFAULT_MAX_CLAUSE,
                 lexicon: str | Path | None = None) -> None:  # fmt: skip
        if max_hanzi < 1 or max_clause < 1:
            raise ValueError(f"max_hanzi and max_clause must be at least 1, got {max_hanzi}, {max_clause}")
        self.max_hanzi, self.max_clause = max_hanzi, max_clause
        self._lexicon = Lexicon()
        self._matcher = LexiconMatcher(load_user_lexicon(lexicon, can_say, tn.lexicon_form) if lexicon is not None else {})

    def warm_up(self) -> None:
        """Load every dictionary now, so the first real request does not pay for it."""
        self.text_to_ids(WARM_UP_TEXT)

    def normalize(self, text: str) -> str:
        """Text normalisation only (shared with the baker voice)."""
        spans = FixedSpans()
        return spans.restore(self._prepare(text, spans))

    def check(self, text: str) -> None:
        """Raise InvalidOverride now for a malformed inline override anywhere in text (cheap: no analysis)."""
        tn.check_overrides(text, can_say)

    def analyze(self, text: str) -> Iterator[SentenceUnit]:
        """Yield the units of ``text`` lazily; raises :class:`NothingToSay` when none is left.

        Pause rules are the baker front end's: a skipped (silent) piece strengthens the pause
        before it, and the last unit gets the end-of-text pause; so is the one log warning that
        names the letters left out (g2p.warn_unread).
        """
        spans = FixedSpans()
        pending: SentenceUnit | None = None
        unread: list[str] = []
        for sentence in self._sentences(text, spans):
            unit = self._unit(sentence, spans)
            unread += [unread_letters(piece.text) for piece in sentence]
            if unit is None:
                if pending is not None and sentence[-1].pause_after > pending.pause_after:
                    pending = dataclasses.replace(pending, pause_after=sentence[-1].pause_after)
                continue
            if pending is not None:
                yield pending
            pending = unit
        warn_unread("".join(unread))
        if pending is None:
            raise NothingToSay()
        yield dataclasses.replace(pending, pause_after=SENTENCE_PAUSE)

    def text_to_ids(self, text: str) -> list[int]:
        """Ids of ``text`` read as ONE clause (no splitting): what the original feeds the model
        for one chunk. Raises :class:`NothingToSay` where nothing is pronounceable."""
        spans = FixedSpans()
        clause = self._clause(Piece(self._prepare(text, spans), SENTENCE_PAUSE), spans)
        if clause is None:
            raise NothingToSay()
        return _ids(clause.phonemes)

    def _sentences(self, text: str, spans: FixedSpans) -> Iterator[list[Piece]]:
        """Lists of clause pieces, one list per unit (the clauses ``join_clauses`` would join)."""

        clauses = normalized_pieces(text, lambda raw: self._prepare(raw, spans), self.max_clause)
        held: list[Piece] = []
        for joined in join_clauses(_tagged(clauses, held), self.max_hanzi):
            taken = _take(held, joined.text)
            yield [*taken[:-1], dataclasses.replace(taken[-1], pause_after=joined.pause_after)]

    def _prepare(self, text: str, spans: FixedSpans) -> str:
        return tn.prepare(text, spans, can_say, self._matcher)

    def _unit(self, pieces: list[Piece], spans: FixedSpans) -> SentenceUnit | None:
        clauses = [c for c in (self._clause(p, spans) for p in pieces) if c is not None]
        if not clauses:
            return None
        phonemes = tuple(p for c in clauses for p in c.phonemes)
        return SentenceUnit(
            text="".join(c.text for c in clauses).strip(),
            pinyin=tuple(s for c in clauses for s in c.pinyin),
            phones=phonemes,
            ids=tuple(_ids(phonemes)),
            pause_after=pieces[-1].pause_after,
            graphemes=tuple(g for c in clauses for g in c.graphemes),
            marks=("",) * sum(len(c.pinyin) for c in clauses),
            source="".join(p.source for p in pieces),
        )

    def _clause(self, piece: Piece, spans: FixedSpans) -> _Clause | None:
        """G2P for one clause, its punctuation kept in place; None when nothing is voiced."""
        words = words_of(piece.text, self._lexicon, spans)
        text = spans.restore(piece.text)
        pinyin: list[str] = []
        graphemes: list[str] = []
        tokens: list[str] = []
        position = 0
        for word in words:
            for grapheme, syllable in _sayable(word):
                if grapheme:
                    found = text.find(grapheme, position)
                    if found >= 0:
                        tokens += _leftovers(text[position:found])
                        position = found + len(grapheme)
                tokens.append(syllable)
                pinyin.append(syllable)
                graphemes.append(grapheme)
        if not pinyin:
            return None
        tokens += _leftovers(text[position:])
        return _Clause(text, tuple(pinyin), tuple(graphemes), tuple(tokens_to_phonemes(tokens)))


def _sayable(word: Word) -> Iterator[tuple[str, str]]:
    """(grapheme, syllable) pairs of a word in syllables the ttskit symbols spell. Its inventory
    has no r-coloured finals, so an erhua syllable is read as its syllable and a light 儿
    (哪儿 nar3 -> na3 er5, as the original, which knows no erhua, reads 儿 on its own); another
    syllable it cannot spell is left out."""
    for grapheme, syllable in zip(word.graphemes, word.syllables):
        if can_say(syllable):
            yield grapheme, syllable
        elif syllable[-2:-1] == "r" and can_say(syllable[:-2] + syllable[-1]):
            erhua = grapheme.endswith("儿") and len(grapheme) > 1
            yield (grapheme[:-1] if erhua else grapheme), syllable[:-2] + syllable[-1]
            yield ("儿" if erhua else ""), "er5"


def _leftovers(text: str) -> list[str]:
    """Characters between syllables, one token each, as the original reads them: punctuation
    gives its symbol, other characters only the ``-`` chain; leading/trailing spaces nothing."""
    return list(text.strip())


def _ids(phonemes: Sequence[str]) -> list[int]:
    return [SYMBOL_TO_ID[p] for p in phonemes if p in SYMBOL_TO_ID]


def _tagged(pieces: Iterator[Piece], held: list[Piece]) -> Iterator[Piece]:
    """Pass pieces through while remembering them, so joined text can be split back."""
    for piece in pieces:
        held.append(piece)
        yield piece


def _take(held: list[Piece], joined: str) -> list[Piece]:
    """Pop the leading held pieces whose texts make up ``joined``."""
    taken: list[Piece] = []
    length = 0
    while held and length < len(joined):
        piece = held.pop(0)
        taken.append(piece)
        length += len(piece.text)
    return taken


__all__ = ["TtskitFrontend", "can_say", "clause_sequences"]
