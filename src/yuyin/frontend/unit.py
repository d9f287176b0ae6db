"""The front end's output type and its errors."""

from __future__ import annotations

from dataclasses import dataclass


class FrontendError(ValueError):
    """The front end cannot turn this text into speech."""


class NothingToSay(FrontendError):
    """The whole text has nothing pronounceable (empty, spaces, only emoji or punctuation...)."""


@dataclass(frozen=True)
class SentenceUnit:
    """One piece of text as the acoustic model will read it.

    ``text`` is the normalised span the unit covers; ``pinyin`` holds one TONE3 syllable per
    voiced hanzi (neutral tone 5, ü as ``v``); ``phones`` are the voice's symbols framed by
    ``sil``; ``ids`` are their ids ending with ``eos``. ``pause_after`` is the relative pause
    strength after the unit: 1.0 after a sentence end or the end of the text, 0.5 after a
    clause, 0.0 after a cut made only by the length budget.
    """

    text: str
    pinyin: tuple[str, ...]
    phones: tuple[str, ...]
    ids: tuple[int, ...]
    pause_after: float
