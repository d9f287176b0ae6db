"""Word and character readings: which TONE3 syllables a word has before context rules.

Owns the order of the built-in tables, first match wins: :mod:`.common` (hand-kept),
:mod:`.large` (generated from pypinyin-dict), then pypinyin's own phrase dictionary; a single
character not found there gets :data:`CHAR_DEFAULTS` or pypinyin's most frequent reading.
Tables load lazily, once per process. Also reads the user's lexicon file (``word<TAB>pinyin``),
whose words are found in the text before segmentation (:mod:`yuyin.frontend.override`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT

from ..erhua import fit_syllables
from ..marked_pinyin import digit_tones
from ..unit import FrontendError
from . import common, large

# Standalone readings that beat pypinyin's first choice (polyphones.py refines them in context).
# 嚼 jiao2 chew (咀嚼 jue2 is a word), 脏 zang1 dirty (心脏, 内脏 zang4 are words).
CHAR_DEFAULTS = {"长": "chang2", "得": "de5", "切": "qie1", "削": "xiao1", "教": "jiao1", "谁": "shei2", "尽": "jin4",
                 "嚼": "jiao2", "脏": "zang1"}
SYLLABLE = re.compile(r"[a-z]+[1-5]")
# Ideographs pypinyin may know: 〇, CJK extension A, the basic block, compatibility
# ideographs, and the supplementary-plane extensions B onwards.
HANZI = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_HANZI_RUN = re.compile(HANZI.pattern + "+")
_LETTERS_OR_DIGITS = re.compile(r"[^\W_]+", re.ASCII)  # of a word with hanzi: A股, T恤


_COMMENT = re.compile(r"(?:^|\s)#.*")  # after the pinyin, from a # that starts a word


class LexiconError(FrontendError):
    """A user lexicon file or an entry in it is malformed; the message names the line."""


def parse_table(table: str) -> dict[str, tuple[str, ...]]:
    """``"word<TAB>syl syl"`` lines -> {word: syllables}."""
    entries = {}
    for line in table.splitlines():
        word, _, syllables = line.partition("\t")
        if word and syllables:
            entries[word] = tuple(syllables.split())
    return entries


@functools.cache
def _builtin() -> dict[str, tuple[str, ...]]:
    return parse_table(large.TABLE) | parse_table(common.TABLE)


def builtin_words() -> list[str]:
    """The hand-kept words, to be taught to the word segmenter."""
    return list(parse_table(common.TABLE))


@functools.lru_cache(maxsize=65536)
def _pypinyin_phrase(word: str) -> tuple[str, ...] | None:
    if word not in PHRASES_DICT:
        return None
    syllables = lazy_pinyin([word], style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")
    return tuple(syllables) if len(syllables) == len(word) else None


@functools.lru_cache(maxsize=16384)
def char_reading(char: str, alone: bool = False) -> str | None:
    """The context-free reading of one hanzi, or ``None`` if pypinyin has none.

    ``alone``: the character is a word by itself, where :data:`CHAR_DEFAULTS` apply; inside
    a longer word pypinyin's first reading is kept (the large table was built against it).
    """
    if alone and char in CHAR_DEFAULTS:
        return CHAR_DEFAULTS[char]
    reading = lazy_pinyin([char], style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")
    return reading[0] if len(reading) == 1 and SYLLABLE.fullmatch(reading[0]) else None


@functools.lru_cache(maxsize=4096)
def char_readings(char: str) -> tuple[str, ...]:
    """The dictionary's readings of one hanzi, most common first, tone digits 1-5, ü as v."""
    return tuple(pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0])


def full_tones(word: str, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """``syllables`` of ``word`` with each neutral one in a full tone: pypinyin's reading of the word
    where it has the same letters in a full tone (妥当 dang5 -> dang4, not 当's first reading dang1),
    else the first of the character's readings with them (楚 chu5 -> chu3, 闹 nao5 -> nao4);
    unchanged where none has them."""
    phrase = _pypinyin_phrase(word) or ("",) * len(word)
    return tuple(_full_tone(char, syllable, hint) for char, syllable, hint in zip(word, syllables, phrase))


def _full_tone(char: str, syllable: str, hint: str) -> str:
    if not syllable.endswith("5"):
        return syllable
    readings = (hint, *char_readings(char))
    return next((r for r in readings if r[:-1] == syllable[:-1] and r[-1] != "5"), syllable)


def word_reading(word: str) -> tuple[str, ...] | None:
    """Readings of a whole word from the built-in tables, or ``None`` if none has it."""
    found = _builtin().get(word)
    return found if found is not None else _pypinyin_phrase(word)


class Lexicon:
    """Word readings: a user table (optional) over :func:`word_reading`. Immutable; threads
    may share one."""

    def __init__(self, user: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.user: dict[str, tuple[str, ...]] = dict(user or {})

    def word(self, word: str) -> tuple[str, ...] | None:
        """Readings of a whole word, or ``None`` if no table has it."""
        return self.user.get(word) or word_reading(word)


MAX_LEXICON_BYTES = 64 * 2**20  # a million entries (23 MB) take about 550 MiB in memory, 15 s to read


def load_user_lexicon(path: str | Path, valid: Callable[[str], bool],
                      written: Callable[[str], str] = str) -> dict[str, tuple[str, ...]]:  # fmt: skip
    """Read a UTF-8 ``word<TAB>pinyin`` file (syllables separated by spaces with tone digits
    1-5 or tone marks, ``háng zhǎng``; ``#`` starts a comment line, and a comment after the
    pinyin) into {word: TONE3 syllables}. Each word is keyed as written(word): the form text
    has when its words are looked up (full-width letters made half-width, traditional hanzi
    simplified), so an entry matches whichever way the text writes it.

    Raises :class:`LexiconError` naming the line for a malformed entry, a syllable that
    ``valid`` rejects, a hanzi word whose syllable count differs from its length, or a word an
    earlier line gave another reading.
    """
    if not str(path) or Path(path) == Path():  # "" (as Path(""): the working directory) names no file
        raise LexiconError("the lexicon path is empty")
    try:
        with open(path, "rb") as source:
            data = source.read(MAX_LEXICON_BYTES + 1)  # bounded: --lexicon /dev/zero must not eat the memory
        if len(data) > MAX_LEXICON_BYTES:
            raise LexiconError(f"lexicon {path} is larger than {MAX_LEXICON_BYTES // 2**20} MiB")
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from None
    entries: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        word, syllables = _parse_entry(line, valid, written, where)
        if entries.get(word, syllables) != syllables:
            raise LexiconError(f"{where}: {word!r} has another reading on line {lines[word]} "
                               f"({' '.join(entries[word])}); keep one")  # fmt: skip
        entries[word], lines[word] = syllables, lines.get(word, number)
    return entries


def _parse_entry(line: str, valid: Callable[[str], bool], written: Callable[[str], str],
                 where: str) -> tuple[str, tuple[str, ...]]:  # fmt: skip
    word, tab, pinyin = line.strip().partition("\t")
    pinyin = _COMMENT.sub("", pinyin)
    syllables = digit_tones(pinyin, unmarked_neutral=True) or tuple(pinyin.lower().replace("ü", "v").split())
    if not tab or not word or not syllables:
        raise LexiconError(f"{where}: expected 'word<TAB>pin1 yin1', got {line!r}")
    word = written(word).strip()
    if not word:
        raise LexiconError(f"{where}: the word of {line!r} has no character that is read")
    unwritten = [s for s in syllables if not SYLLABLE.fullmatch(s)]
    if unwritten:
        raise LexiconError(f"{where}: {unwritten[0]!r} is not a pinyin syllable with a tone digit 0-5 (or a tone mark)")
    if _HANZI_RUN.fullmatch(word):
        pairs = fit_syllables(word, syllables, valid)  # 玩儿<TAB>wanr2: an erhua syllable reads X儿
        if pairs is None or sum(len(hanzi) for hanzi, _ in pairs) != len(word):
            raise LexiconError(f"{where}: {word!r} has {len(word)} characters but {len(syllables)} syllables")
        syllables = tuple(syllable for _, said in pairs for syllable in said)
    elif HANZI.search(word):  # hanzi and letters: A股, T恤 (a word of letters alone takes any number: U.S.A.)
        hanzi, words = len(HANZI.findall(word)), len(_LETTERS_OR_DIGITS.findall(word))
        if len(syllables) < hanzi + words:
            raise LexiconError(f"{where}: {word!r} has {hanzi} hanzi and {words} word(s) of letters or digits, each "
                               f"read by one syllable at least, but {len(syllables)} syllable(s)")  # fmt: skip
    unsaid = [s for s in syllables if not valid(s)]
    if unsaid:
        raise LexiconError(f"{where}: {unsaid[0]!r} is not a syllable this voice can say")
    return word, syllables
