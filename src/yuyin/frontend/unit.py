"""The front end's output type and its errors."""

from __future__ import annotations

from dataclasses import dataclass

_SILENT_MARKS = ("", "#0")


class FrontendError(ValueError):
    """The front end cannot turn this text into speech."""


class NothingToSay(FrontendError):
    """The whole text has nothing pronounceable (empty, spaces, only emoji or punctuation...)."""

    def __init__(self, message: str = (
        "the text has nothing to pronounce: no Chinese characters, Latin letters or numbers are left after "
        "normalisation (other scripts such as kana or Hangul, emoji and most symbols are not read)"
    )) -> None:  # fmt: skip
        super().__init__(message)


@dataclass(frozen=True)
class SentenceUnit:
    """One piece of text as the acoustic model will read it.

    ``text`` is the normalised span the unit covers; ``pinyin`` holds one TONE3 syllable per
    voiced syllable (neutral tone 5, ü as ``v``, erhua as ``huar1``, spelled letters too);
    ``phones`` are the voice's symbols framed by ``sil``; ``ids`` are their ids ending with
    ``eos``. ``pause_after`` is the relative pause strength after the unit: 1.0 after a
    sentence end or the end of the text, 0.5 after a clause, 0.0 after a cut made only by
    the length budget. ``graphemes[i]`` is the written text syllable ``i`` reads (``""`` for
    the later syllables of a spelled letter) and ``marks[i]`` the prosody mark after it
    (``#0`` .. ``#3``; ``""`` after the last). ``source`` is the text as the user wrote it
    (before normalisation: ``"2025年，"`` where ``text`` reads ``"二零二五年，"``) that the
    unit begins reading, its clause(s) with their punctuation; ``""`` where the unit continues
    the clause of the unit before (a clause cut to the length budget).
    """

    text: str
    pinyin: tuple[str, ...]
    phones: tuple[str, ...]
    ids: tuple[int, ...]
    pause_after: float
    graphemes: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    source: str = ""

    @property
    def label(self) -> str:
        """The unit in Baker's labelling style: ``"今天#1天气#2真好"`` (#0 is not written)."""
        pairs = zip(self.graphemes, self.marks)
        return "".join(g + (m if m not in _SILENT_MARKS else "") for g, m in pairs)

    @property
    def prosody(self) -> str:
        """Pinyin with the prosody marks between: ``"jin1 tian1 #1 tian1 qi4"``."""
        out: list[str] = []
        for syllable, mark in zip(self.pinyin, self.marks):
            out.append(syllable)
            if mark not in _SILENT_MARKS:
                out.append(mark)
        return " ".join(out)
