"""Where each spoken syllable is written in the request's text (read-along on the text as typed).

The front end reads a normalised text (``2025年`` is read ``二零二五年``, ``說`` is read ``说``,
``行[hang2]`` is read ``行``), but a reader follows the text as written. Each sentence names the
written clause it begins (``source``, a verbatim substring of the request; ``""`` for a sentence
that continues the clause before) and each syllable names what it reads as normalised
(``SyllableTiming.text``). :class:`WrittenText` finds each clause in the request, in order, and
aligns the syllables' normalised text with it: characters that survived normalisation anchor
the alignment; what lies between two anchors is shared by the syllables that read it, one
character each where both sides have the same length (``2025`` -> ``二零二五``), else all of the
written run (``100`` -> ``一百``: both syllables point at ``100``).

Offsets are Unicode code points (Python ``str`` indices), ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from yuyin.audio import SyllableTiming

Span = tuple[int, int]


def _window(graphemes: int) -> int:
    """How much written text past the last placed syllable a continuing sentence may read:
    normalisation rarely shortens text by half, and this bounds the alignment's cost on a
    long clause (a text without punctuation is one clause)."""
    return 2 * graphemes + 64


class WrittenText:
    """One request's text and how far its sentences have been placed in it (place them in order)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._searched = 0  # where the next clause is looked for
        self._clause_end: int | None = None  # end of the clause being read (None: not found)
        self._next = 0  # where the next syllable's text is looked for inside that clause

    def place(self, source: str, syllables: tuple[SyllableTiming, ...] | None
              ) -> tuple[Span | None, tuple[SyllableTiming, ...] | None]:  # fmt: skip
        """The span of a sentence's written clause (None for a continuing sentence or a clause
        not found) and its syllables with ``source_span`` set where the clause is known."""
        span = None
        if source:
            start = self.text.find(source, self._searched)
            if start < 0:  # not verbatim in the text (e.g. SSML markup around it)
                self._clause_end = None
                return None, syllables
            span = (start, start + len(source))
            self._next, self._clause_end = start, span[1]
            self._searched = span[1]
        if not syllables or self._clause_end is None:
            return span, syllables
        return span, self._aligned(syllables, self._clause_end)

    def _aligned(self, syllables: tuple[SyllableTiming, ...], clause_end: int) -> tuple[SyllableTiming, ...]:
        read = "".join(s.text for s in syllables)
        start = self._next
        chars = _char_spans(self.text[start : min(clause_end, start + _window(len(read)))], read)
        out: list[SyllableTiming] = []
        at, previous = 0, (0, 0)
        for syllable in syllables:
            if syllable.text:  # a later syllable of a spelled word shares the word's span
                previous = (chars[at][0], chars[at + len(syllable.text) - 1][1])
                at += len(syllable.text)
            out.append(replace(syllable, source_span=(start + previous[0], start + previous[1])))
        if chars:
            self._next = start + chars[-1][1]
        return tuple(out)


def _char_spans(written: str, read: str) -> list[Span]:
    """For each character of read, the span of written it reads (offsets into written)."""
    spans: list[Span] = []
    matcher = SequenceMatcher(None, written, read, autojunk=False)
    for tag, w1, w2, r1, r2 in matcher.get_opcodes():
        if tag == "replace":  # punctuation at either end of a rewritten run is not read
            while w2 - w1 > 1 and _silent(written[w1]):
                w1 += 1
            while w2 - w1 > 1 and _silent(written[w2 - 1]):
                w2 -= 1
        if tag == "equal" or (tag == "replace" and w2 - w1 == r2 - r1):
            spans += [(w1 + k, w1 + k + 1) for k in range(r2 - r1)]
        elif tag != "delete":  # a run read from a run of another length, or from nothing
            spans += [(w1, w2)] * (r2 - r1)
    return spans


# Marks that make a pause at most, never a syllable (unlike % . / @, which may be read).
_PAUSE_MARKS = frozenset("，,。！？!?；;：:、…—～~“”‘’\"'《》〈〉()（）[]【】「」『』")


def _silent(char: str) -> bool:
    return char in _PAUSE_MARKS or char.isspace()
