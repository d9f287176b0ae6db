"""Readings fixed by the user: inline pinyin overrides and user-lexicon words.

**Inline override syntax** (documented for users in the README). Pinyin in square brackets
right after the text it reads, tone digits 1-5 (5 = neutral) or tone marks (``háng``),
syllables separated by spaces, ü written ``v`` or ``ü``:

* ``行[hang2]`` reads the one hanzi before the bracket as hang2;
* ``银行行长[hang2 zhang3]`` reads the LAST two hanzi before the bracket (N syllables fix
  the N hanzi right before ``[``), the rest is read as usual;
* ``Tesla[te4 si1 la1]`` reads the word before the bracket with those syllables: a run of Latin
  letters and digits, with hyphens or apostrophes inside (``Wi-Fi``, ``Xī'ān``, ``GPT-4``, ``2025``);
* ``玩儿[wanr2]``: an erhua syllable reads a hanzi and the 儿 after it;
* ``行[hang]``: a syllable after hanzi may leave its tone out when it is one of that hanzi's
  readings (the dictionary's first reading with that spelling: 行 -> hang2).

Brackets whose content is not such a pinyin list (``[1]``, ``[注]``, ``图[a]``: a toneless
syllable that is no reading of its hanzi; ``温度[C1]``: a label in capitals that says no syllable)
are ordinary text. :class:`InvalidOverride` is raised
for an override with tone digits and more syllables than hanzi before it, a syllable the voice
cannot say, one with a tone mark and a digit (``háng2``), and two or more syllables of lower-case
pinyin with tone digits that follow nothing they could read (``Tesla [te4 si1 la1]``: a space,
punctuation, another override; one alone may be a label: ``单元格 [a1]``, ``[ma1](url)``).

Each fixed span is swapped for one private-use character (a *sentinel*) before text
normalisation, so no later pass can change it, and swapped back by g2p (:class:`FixedSpans`).
User input cannot forge sentinels: private-use characters are removed while cleaning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .erhua import fit_syllables
from .lexicon import HANZI, char_readings
from .marked_pinyin import TONE_OF_MARK, digit_tones
from .unit import FrontendError

_LATIN_LETTERS = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # with their accented forms, not × and ÷
_WORD_CHAR = re.compile(f"[0-9{_LATIN_LETTERS}\u1e00-\u1eff\u0300-\u036f]")  # of a word an override reads
_JOINERS = "'\u2019-"  # inside such a word: Xī'ān, Wi-Fi
READABLE = re.compile(f"{HANZI.pattern}+|{_WORD_CHAR.pattern}+(?:[{_JOINERS}]{_WORD_CHAR.pattern}+)*")
"""What an override reads, whole: a run of hanzi, or a word of Latin letters and digits."""
# The bracket only; what it reads is found by looking back from it (a pattern that starts
# with the hanzi run would rescan long runs at every position: quadratic time).
# A syllable is written with a tone digit, with tone marks (háng) or without a tone.
_SYLLABLE = f"[{_LATIN_LETTERS}\u0300-\u036f]+[1-5]?"  # (no 0: x0, a0 in brackets are subscripts)
BRACKET = re.compile(f"\\[ *({_SYLLABLE}(?: +{_SYLLABLE})*) *\\]")
# A textbook's reading note after a hanzi, one syllable with a tone mark in round brackets: 乐(yuè), 是知(zhì)也
ANNOTATION = re.compile(f"(?<={HANZI.pattern})\\( *([{_LATIN_LETTERS}\u0300-\u036f]+) *\\)")
FIRST_SENTINEL, SENTINEL_COUNT = 0xF0000, 0xFFFE
SENTINEL = re.compile("[\U000f0000-\U000ffffd]")


class InvalidOverride(FrontendError):
    """An inline pinyin override cannot be applied; the message quotes it."""


@dataclass(frozen=True)
class Span:
    """Written text and its syllables. ``exact`` (inline overrides): no tone sandhi either;
    otherwise (lexicon words) sandhi still applies, as to any dictionary word."""

    text: str
    syllables: tuple[str, ...]
    exact: bool


@dataclass
class FixedSpans:
    """The fixed spans of one text: sentinel character -> :class:`Span`.

    Sentinels are reused in turn, as a book's overrides and lexicon words outnumber them: a span
    lives until SENTINEL_COUNT more are added, far longer than the few clauses a front end holds
    at once (a clause held for joining while the next adds that many would lose its spans: text
    with no clause mark in 65,534 fixed words). One clause (from :meth:`begin_clause` on) fixes
    at most SENTINEL_COUNT spans; past that its text is read as usual."""

    spans: dict[str, Span] = field(default_factory=dict)
    added: int = 0
    clause_start: int = 0

    def begin_clause(self) -> None:
        """Spans added from now on belong to a new clause, which may reuse older spans' sentinels."""
        self.clause_start = self.added

    def add(self, text: str, syllables: tuple[str, ...], exact: bool) -> str:
        """Register a span and return its sentinel, or ``text`` itself when its clause has used all."""
        if self.added - self.clause_start >= SENTINEL_COUNT:
            return text
        sentinel = chr(FIRST_SENTINEL + self.added % SENTINEL_COUNT)
        self.spans[sentinel] = Span(text, syllables, exact)
        self.added += 1
        return sentinel

    def restore(self, text: str) -> str:
        """Put the written text back in place of each sentinel."""
        return SENTINEL.sub(lambda m: self.spans[m.group()].text if m.group() in self.spans else "", text)


def apply_overrides(text: str, spans: FixedSpans, valid: Callable[[str], bool]) -> str:
    """Swap each ``text[pinyin]`` override, and each reading note (:func:`notes_as_overrides`),
    for a sentinel (see the module docstring)."""
    text = notes_as_overrides(text)
    out: list[str] = []
    done = 0
    for match in BRACKET.finditer(text):
        start = match.start()
        written = _written_before(text, start, done)
        syllables = digit_tones(match.group(1), unmarked_neutral=True)  # 谢谢[xiè xie]: xie4 xie5, as in a lexicon
        if syllables is None:
            _refuse_marks_with_digits(match.group(1), written + match.group())
            continue  # letters that are not pinyin: ordinary text
        if not written:
            if (len(syllables) > 1 and match.group(1).islower()
                    and all(s[-1] in "12345" and valid(s) for s in syllables)):  # fmt: skip
                raise InvalidOverride(f"{shortened(match.group())!r} follows nothing it could read: write it right "
                                      "after the hanzi or word it reads, with no space")  # fmt: skip
            continue  # [1], [注]: not after hanzi, letters or digits, ordinary text
        if not all(s[-1].isdigit() for s in syllables):
            resolved = _with_tones(syllables, written)
            if resolved is None:
                continue  # not pinyin for these hanzi: ordinary text
            syllables = resolved
        override = written + match.group()  # as messages quote it
        if HANZI.match(written[0]):
            pairs = fit_syllables(written, syllables, valid)  # 玩儿[wanr2]: one syllable, two hanzi
            if pairs is None:
                raise InvalidOverride(f"{shortened(override)!r} gives {len(syllables)} syllables for {len(written)} hanzi")
            written = written[len(written) - sum(len(hanzi) for hanzi, _ in pairs) :]
            syllables = tuple(syllable for _, said in pairs for syllable in said)
        bad = [s for s in syllables if not valid(s)]
        if bad and any(letter.isupper() for letter in match.group(1)):
            continue  # 温度[C1], 座位[B2]: a label in capitals, no pinyin (女[NÜ3] is), ordinary text
        if bad:
            raise InvalidOverride(f"{shortened(bad[0])!r} in {shortened(override)!r} is not a syllable this voice can say")
        out += [text[done : start - len(written)], spans.add(written, syllables, exact=True)]
        done = match.end()
    out.append(text[done:])
    return "".join(out)


def notes_as_overrides(text: str) -> str:
    """text with each reading note written as an override: ``乐(yuè)`` -> ``乐[yuè]`` (the same
    length), where the note is one syllable with a tone mark that is one of the hanzi's readings
    (not 乐(le), 行(xíng) is; a note that is no reading, 乐(hǎo), stays text and is read)."""
    if "(" not in text:
        return text
    return ANNOTATION.sub(lambda m: f"[{m.group(1)}]" if _a_reading_note(text[m.start() - 1], m.group(1)) else m.group(), text)


def _a_reading_note(hanzi: str, note: str) -> bool:
    marked = any(mark in unicodedata.normalize("NFD", note) for mark in TONE_OF_MARK)
    syllables = digit_tones(note, unmarked_neutral=True) if marked else None
    return syllables is not None and len(syllables) == 1 and syllables[0] in char_readings(hanzi)


def without_overrides(text: str) -> str:
    """text as a reader sees it: each inline override's pinyin left out (``银行[yin2 hang2]`` ->
    ``银行``), brackets that are plain text kept (``参考[1]``)."""
    if "[" not in text and "(" not in text:
        return text
    spans = FixedSpans()
    try:
        return spans.restore(apply_overrides(text, spans, lambda syllable: True))
    except InvalidOverride:  # not text that was spoken: as it is
        return text


def _refuse_marks_with_digits(content: str, override: str) -> None:
    """InvalidOverride for a syllable written with a tone mark and a tone digit (``háng2``)."""
    for syllable in content.split():
        if syllable[-1].isdigit() and any(mark in TONE_OF_MARK for mark in unicodedata.normalize("NFD", syllable)):
            raise InvalidOverride(f"{shortened(syllable)!r} in {shortened(override)!r} has a tone mark and a tone "
                                  "digit; give one of them")  # fmt: skip


def shortened(text: str, limit: int = 60) -> str:
    """text as a message quotes it: at most limit characters, the last an ellipsis (an override
    or a run of unread letters may be huge)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _with_tones(syllables: tuple[str, ...], written: str) -> tuple[str, ...] | None:
    """The syllables over the last hanzi of written, each toneless one given the tone of that
    hanzi's first reading spelled so; None where that fails (a word of letters before the
    bracket, more syllables than hanzi, or a syllable that is no reading of its hanzi)."""
    if not HANZI.match(written[0]) or len(syllables) > len(written):
        return None
    resolved = []
    for syllable, hanzi in zip(syllables, written[len(written) - len(syllables) :]):
        if not syllable[-1].isdigit():
            syllable = next((r for r in char_readings(hanzi) if r[:-1] == syllable), "")
            if not syllable:
                return None
        resolved.append(syllable)
    return tuple(resolved)


def _written_before(text: str, end: int, floor: int) -> str:
    """The run of hanzi, or else the word of letters and digits (café, Běijīng, Xī'ān, GPT-4),
    right before ``text[end]`` (not before ``floor``)."""
    start = end
    if start > floor and HANZI.match(text[start - 1]):
        while start > floor and HANZI.match(text[start - 1]):
            start -= 1
        return text[start:end]
    while start > floor and (_WORD_CHAR.match(text[start - 1]) or _inner_joiner(text, start - 1, floor, end)):
        start -= 1
    return text[start:end]


def _inner_joiner(text: str, at: int, floor: int, end: int) -> bool:
    """Whether text[at] is an apostrophe or hyphen between two characters of one word."""
    return (text[at] in _JOINERS and floor < at < end - 1
            and bool(_WORD_CHAR.match(text[at - 1])) and bool(_WORD_CHAR.match(text[at + 1])))  # fmt: skip


class LexiconMatcher:
    """Finds user-lexicon words in text, longest match first, left to right."""

    def __init__(self, entries: Mapping[str, tuple[str, ...]]) -> None:
        self._entries = dict(entries)
        self._by_first: dict[str, list[str]] = {}
        for word in sorted(self._entries, key=len, reverse=True):
            self._by_first.setdefault(word[0], []).append(word)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def apply(self, text: str, spans: FixedSpans) -> str:
        """Swap each lexicon word in ``text`` for a sentinel."""
        if not self._entries:
            return text
        out, i = [], 0
        while i < len(text):
            for word in self._by_first.get(text[i], ()):
                if text.startswith(word, i) and _whole_word(text, i, len(word)):
                    out.append(spans.add(word, self._entries[word], exact=False))
                    i += len(word)
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


def _whole_word(text: str, start: int, length: int) -> bool:
    """A Latin entry must not match inside a longer Latin word (AI in MAIL)."""
    if not text[start].isascii():
        return True
    end = start + length
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())
