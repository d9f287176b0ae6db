"""Prosodic boundaries: where a reader joins words, pauses lightly, or pauses.

Owns the prediction of the Baker prosody marks the voice was trained with (its ids 3, 4, 5):

* #1 ends a *prosodic word*: a lexical word with its particles (的 了 吗 ...) attached on
  the left and a lone one-syllable word joined to a short neighbour (去#1公园 -> 去公园), at
  most four syllables unless one word alone is longer; a compound of four or more
  syllables made of two known words is two prosodic words (今天天气 -> 今天#1天气);
* #2 ends a *prosodic phrase*: a clause longer than :data:`PHRASE_MAX` syllables is divided
  between prosodic words into phrases of about :data:`PHRASE_TARGET` syllables;
* #3 stands at a comma, colon or semicolon inside the unit (set from punctuation before);
  the unit's end is ``sil`` (Baker's #4).

``、`` and a space give at least #2. The result is written into each word's ``break_after``;
:func:`mark_boundaries` returns the prosodic words (as word indices) for the sandhi pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from .sandhi import MEASURES
from .word import HAN, LATIN, Word
from .words import is_word

CLITICS = frozenset("的地得了着过们吗呢吧啊呀嘛么啦哦呗咯嘞里")
# One-syllable words that lean on the word before them rather than the one after.
LEAN_LEFT = frozenset("于以似般者性化式家上下中内外前后边等来")
# ... and those that lean on the word after them, staying alone rather than leaning left.
LEAN_RIGHT = frozenset("在从向对把被给跟和与及或为比将让叫由往朝离自请很最更太都也就还又才再不没只别刚")
# Pronouns, which lean on the verb before them as its object (都不理|我 -> 都不理我)
PRONOUNS = frozenset("我你他她它您")
# ... and one that takes such a word even where that one could join its own next word.
LEADS = frozenset("请")
COMPOUND_MIN = 4
_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两幺")
WORD_MAX = 4
PHRASE_TARGET, PHRASE_MAX = 5, 7


def mark_boundaries(words: Sequence[Word]) -> list[list[int]]:
    """Set every word's ``break_after`` to 0..3 and return the prosodic words."""
    groups: list[list[int]] = []
    for clause in _clauses(words):
        clause_groups = _prosodic_words(words, clause)
        for group in clause_groups:
            for index in group[:-1]:
                words[index].break_after = 0
            last = words[group[-1]]
            last.break_after = max(last.break_after, 1)
        _phrases(words, clause_groups)
        groups += clause_groups
    return groups


def split_compounds(words: Sequence[Word]) -> list[Word]:
    """Split hanzi words of COMPOUND_MIN or more syllables into their two known halves."""
    out: list[Word] = []
    for word in words:
        out += _halves(word)
    return out


def _halves(word: Word) -> list[Word]:
    if word.kind != HAN or len(word) < COMPOUND_MIN or len(word.graphemes) != len(word.text):
        return [word]
    if any(char in _NUMERALS for char in word.text):
        return [word]  # 一百二十八元 stays one number
    text = word.text
    for cut in sorted(range(2, len(text) - 1), key=lambda c: abs(2 * c - len(text))):
        if is_word(text[:cut]) and is_word(text[cut:]):
            head = Word(text[:cut], word.syllables[:cut], word.graphemes[:cut], HAN, word.decided[:cut])
            tail = Word(text[cut:], word.syllables[cut:], word.graphemes[cut:], HAN, word.decided[cut:])
            tail.break_after = word.break_after
            return _halves(head) + _halves(tail)
    return [word]


def _clauses(words: Sequence[Word]) -> list[list[int]]:
    """Runs of word indices between punctuation boundaries (#2 or stronger)."""
    clauses, current = [], []
    for index, word in enumerate(words):
        current.append(index)
        if word.break_after >= 2:
            clauses.append(current)
            current = []
    if current:
        clauses.append(current)
    return clauses


def _size(words: Sequence[Word], group: Sequence[int]) -> int:
    return sum(len(words[i]) for i in group)


def _prosodic_words(words: Sequence[Word], clause: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for index in clause:
        word = words[index]
        if groups and word.text in CLITICS and words[groups[-1][-1]].break_after == 0:
            groups[-1].append(index)
        else:
            groups.append([index])
    return _join_monosyllables(words, groups)


def _join_monosyllables(words: Sequence[Word], groups: list[list[int]]) -> list[list[int]]:
    """Join each one-syllable prosodic word to a short neighbour: the next one (at most
    WORD_MAX syllables together), else the one before (at most three), unless it leans the
    other way (于 等 来 lean left; prepositions, conjunctions and adverbs right, so they stay
    alone rather than lean left) or the next one takes its own next (我|只想, see
    :func:`_takes_next`); a pronoun joins the one before up to WORD_MAX (都不理我), and so does
    a noun after a number and its measure word (十八碗酒).
    Latin words and words broken off by a mark stay apart."""
    joined: list[list[int]] = []
    index = 0
    while index < len(groups):
        group = groups[index]
        if _size(words, group) != 1 or not _joinable(words, group):
            joined.append(group)
            index += 1
            continue
        text = words[group[0]].text
        if text in LEAN_LEFT and not _waits(words, groups, index) and _join_left(words, joined, group, WORD_MAX):
            index += 1
            continue
        if _takes_next(words, groups, index):
            joined.append(group + groups[index + 1])
            index += 2
            continue
        limit = WORD_MAX if text in PRONOUNS or joined and _counted(words[joined[-1][-1]].text) else 3
        if text in LEAN_RIGHT or not _join_left(words, joined, group, limit):
            joined.append(group)
        index += 1
    return joined


def _counted(text: str) -> bool:
    """Whether ``text`` is a number and its measure word (十八碗, 二十匹), which the noun after it joins."""
    return len(text) >= 2 and text[-1] in MEASURES and all(char in _NUMERALS or char == "几" for char in text[:-1])


def _waits(words: Sequence[Word], groups: list[list[int]], index: int) -> bool:
    """Whether ``groups[index]`` is the verb 等 "wait" (等你, 等着, 等一下), not "etc." leaning left."""
    if words[groups[index][0]].text != "等" or index + 1 >= len(groups):
        return False
    after = words[groups[index + 1][0]].text
    return after[:1] in PRONOUNS | {"咱"} or after in ("着", "一下", "一会", "一会儿", "会儿")


def _takes_next(words: Sequence[Word], groups: list[list[int]], index: int) -> bool:
    """Whether the one-syllable prosodic word ``groups[index]`` joins the next one: it can, and
    the next is not a lone adverb or preposition that takes its own next (我|只想, 他|不去,
    but 我也|不了解 and 你就|给我, where the next one's next takes the one after it); one of
    LEADS takes it all the same (请在|听到)."""
    end = index
    while end + 1 < len(groups) and _lone_leaning_right(words, groups[end + 1]):
        end += 1
    takes = _can_join_right(words, groups, end)
    for position in range(end - 1, index - 1, -1):
        leads = words[groups[position][0]].text in LEADS
        takes = _can_join_right(words, groups, position) and (leads or not takes)
    return takes


def _lone_leaning_right(words: Sequence[Word], group: Sequence[int]) -> bool:
    return _size(words, group) == 1 and words[group[0]].text in LEAN_RIGHT


def _can_join_right(words: Sequence[Word], groups: list[list[int]], index: int) -> bool:
    group = groups[index]
    if index + 1 >= len(groups) or words[group[-1]].break_after != 0:
        return False
    nxt = groups[index + 1]
    return _joinable(words, nxt) and _size(words, group) + _size(words, nxt) <= WORD_MAX


def _join_left(words: Sequence[Word], joined: list[list[int]], group: list[int], limit: int = 3) -> bool:
    if not joined:
        return False
    last = joined[-1]
    too_long = _size(words, last) + _size(words, group) > limit
    if too_long or not _joinable(words, last) or words[last[-1]].break_after != 0:
        return False
    joined[-1] = last + group
    return True


def _joinable(words: Sequence[Word], group: Sequence[int]) -> bool:
    return all(words[i].kind != LATIN for i in group)


def _phrases(words: Sequence[Word], groups: list[list[int]]) -> None:
    """Mark #2 between prosodic words so that no phrase is much longer than PHRASE_MAX."""
    sizes = [_size(words, g) for g in groups]
    total = sum(sizes)
    if total <= PHRASE_MAX or len(groups) < 2:
        return
    # A phrase never ends on a word that leans on the next one (在, 和, 把 ...).
    penalties = [0.0] + [float("inf") if words[g[-1]].text in LEAN_RIGHT else 0.0 for g in groups]
    for cut in _best_cuts(sizes, penalties):
        last = words[groups[cut - 1][-1]]
        last.break_after = max(last.break_after, 2)


def _best_cuts(sizes: list[int], penalties: list[float]) -> list[int]:
    """Cut positions (group indices) minimising the squared distance of each phrase's
    syllable count from PHRASE_TARGET plus ``penalties[cut]``; a phrase may not be a single
    syllable."""
    n = len(sizes)
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(1, n + 1):
        for start in range(end):
            length = prefix[end] - prefix[start]
            if length < 2 and not (start == 0 and end == n):
                continue
            cost = best[start][0] + (length - PHRASE_TARGET) ** 2 + (penalties[start] if start else 0.0)
            if cost < best[end][0]:
                best[end] = (cost, start)
    cuts, end = [], n
    while end > 0:
        start = best[end][1]
        if start > 0:
            cuts.append(start)
        end = start
    return sorted(cuts)
