"""Pinyin written with tone marks in the text is read as written: 北京（Běijīng） -> bei3 jing1.

Owns the recognition of such words. A run of letters is pinyin when it carries at least one
tone mark (macron 1, acute 2, caron 3, grave 4), splits into syllables that both voices can say
(an apostrophe may separate them: Xī'ān) and no syllable carries two marks; any other mark
(ç, ê, ï) rules it out. Most accented words of other languages fail this (café, naïve, José);
the few that pass are read as pinyin (née). A syllable without a mark is neutral (xièxie ->
xie4 xie5). Each word found becomes a fixed span (:class:`.override.FixedSpans`) that tone
sandhi still applies to, as to a dictionary word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from .syllables import SAYABLE

if TYPE_CHECKING:
    from .override import FixedSpans

# Combining mark -> tone: macron 1, acute 2, caron 3, grave 4.
TONE_OF_MARK = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_LETTER = "a-zA-Z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f"  # with combining marks (decomposed text)
WORD = re.compile(f"[{_LETTER}]+(?:'[{_LETTER}]+)*")
_LONGEST = max(map(len, SAYABLE))
LONGEST_WORD = 80  # letters; longer runs are not taken for pinyin (the split would cost n² time)


def mark_pinyin(text: str, spans: "FixedSpans", valid: Callable[[str], bool]) -> str:
    """Swap each word of tone-marked pinyin in ``text`` for a sentinel of ``spans``."""
    if text.isascii():
        return text

    def swap(match: re.Match[str]) -> str:
        if len(match.group()) > LONGEST_WORD:
            return match.group()
        syllables = read_marked(match.group())
        if syllables is None or not all(valid(s) for s in syllables):
            return match.group()
        return spans.add(match.group(), syllables, exact=False)

    return WORD.sub(swap, text)


@functools.lru_cache(maxsize=4096)
def read_marked(word: str) -> tuple[str, ...] | None:
    """``"Běijīng"`` -> ``("bei3", "jing1")``; None when ``word`` is not tone-marked pinyin.

    >>> read_marked("Xī'ān"), read_marked("café"), read_marked("Beijing")
    (('xi1', 'an1'), None, None)
    """
    letters: list[str] = []  # base letters, ü as v
    tones: list[int] = []  # the tone marked on each letter, 0 for none
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in TONE_OF_MARK and letters and not tones[-1]:
            tones[-1] = TONE_OF_MARK[char]
        elif char == "\u0308" and letters and letters[-1] == "u":  # diaeresis: ü
            letters[-1] = "v"
        elif char.isascii() and (char.isalpha() or char == "'"):
            letters.append(char)
            tones.append(0)
        else:
            return None  # another mark, or a letter pinyin does not use
    return _split("".join(letters), tones) if any(tones) else None


def digit_tones(content: str, unmarked_neutral: bool = False) -> tuple[str, ...] | None:
    """Syllables separated by spaces with tone digits where marks give them: ``"háng"`` ->
    hang2, ``"lü4"`` -> lv4, ``"xi0"`` (tone 0, neutral) -> xi5; an unmarked one stays as written
    (``"hang"``, lower case, ü as v)
    or, with unmarked_neutral where any is marked, is neutral (``"xiè xie"`` -> xie4 xie5).
    None for a marked word that is no single syllable."""
    syllables, marked_any = [], False
    for written in content.split():
        if not any(mark in TONE_OF_MARK for mark in unicodedata.normalize("NFD", written)):
            plain = written.lower().replace("ü", "v")
            syllables.append(plain[:-1] + "5" if plain[-1] == "0" and plain[:-1].isalpha() else plain)  # 0: neutral
            continue
        marked = read_marked(written)
        if marked is None or len(marked) != 1:
            return None
        syllables.append(marked[0])
        marked_any = True
    if unmarked_neutral and marked_any:
        syllables = [s if s[-1:].isdigit() else s + "5" for s in syllables]
    return tuple(syllables)


def read_plain(word: str) -> tuple[str, ...] | None:
    """A word of ASCII letters that is toneless pinyin, each syllable in tone 1: ``"Huawei"`` ->
    ``("hua1", "wei1")``; None when it does not split into sayable syllables."""
    if not word.isascii() or not word.isalpha() or len(word) > LONGEST_WORD:
        return None
    syllables = _split(word.lower(), [0] * len(word))
    return None if syllables is None else tuple(s[:-1] + "1" for s in syllables)


def _split(letters: str, tones: list[int]) -> tuple[str, ...] | None:
    """The split of ``letters`` into sayable syllables with at most one tone each, fewest syllables
    first; apostrophes are forced boundaries. None when there is none."""
    best: list[tuple[str, ...] | None] = [None] * (len(letters) + 1)
    best[0] = ()
    for start in range(len(letters)):
        done = best[start]
        if done is None:
            continue
        if letters[start] == "'":
            if start and (best[start + 1] is None or len(best[start + 1]) > len(done)):
                best[start + 1] = done
            continue
        for end in range(start + 1, min(len(letters), start + _LONGEST) + 1):
            base = letters[start:end]
            if "'" in base:
                break
            base = _spelled_with_v(base)
            marked = [t for t in tones[start:end] if t]
            if base not in SAYABLE or len(marked) > 1:
                continue
            found = done + (f"{base}{marked[0] if marked else 5}",)
            if best[end] is None or len(best[end]) > len(found):
                best[end] = found
    return best[len(letters)] if letters[-1:] != "'" else None


def _spelled_with_v(base: str) -> str:
    """The inventory writes ü as v only after l and n (lv, nve); after j, q, x and y it is u."""
    if base[:1] in ("j", "q", "x", "y") and base[1:2] == "v":
        return base[0] + "u" + base[2:]
    return base
