"""Erhua: a word-final 儿 that is not a syllable of its own but an r-colouring of the one before.

``一会儿`` -> yi2 huir4, ``哪儿`` -> nar3, ``玩儿`` -> wanr2: the 儿 syllable is dropped and
the one before gets an ``r`` before its tone digit, which the baker symbol table turns into
``initial final+tone er5`` (as in the Baker training labels). 儿 meaning 'child' keeps its
syllable (女儿 nv3 er2, 婴儿, 儿子).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .word import HAN, Word
from .words import is_word

# Words ending in 儿 where 儿 is a full syllable (a child, a son, a man).
NOT_ERHUA = frozenset(
    "女儿 婴儿 男婴儿 女婴儿 幼儿 婴幼儿 孤儿 健儿 男儿 好男儿 宠儿 胎儿 新生儿 少儿 患儿 托儿 弃儿 混血儿 孩儿 侄儿 "
    "孙儿 小儿 犬儿 病儿 早产儿 产儿 乖儿 幸运儿 混儿 苗儿 儿儿 宁馨儿 弄潮儿 我儿 吾儿 他儿 她儿 "
    "养儿 生儿 育儿 妻儿 一儿 两儿 呼儿 唤儿 爱儿 亡儿 抱儿 携儿 的儿 徒儿 臣儿 娇儿".split()
)
# Words for a child that keep 儿 after whatever comes before them (二女儿, 小孙儿; not 小孩儿: xiao3 hair2).
_CHILD_AT_END = frozenset("女儿 婴儿 孤儿 侄儿 孙儿 徒儿".split())
# Names whose 儿 is a syllable of its own wherever it stands in them (a place, a given name).
_ER_IN_NAMES = frozenset("台儿庄 婉儿 上官婉儿".split())
# What follows a 儿 inside a word that makes it a word's first syllable (大儿子, 小儿科, 幼儿园's 儿童).
_BEGINS_WORD = frozenset("子童女孙科歌时媳")


def attach_erhua(words: Sequence[Word]) -> list[Word]:
    """Join a 儿 the segmenter cut off as a word of its own (鲜花|儿, 门口|儿) or glued to the
    next word when they make no word (饺子馅|儿调|好) to the word before, so that prosody keeps
    them together and :func:`merge_erhua` folds it. Returns the words."""
    joined: list[Word] = []
    for word in words:
        previous = joined[-1] if joined else None
        if (word.text[:1] == "儿" and word.kind == HAN and previous is not None and previous.kind == HAN
                and previous.break_after == 0 and _is_erhua(previous.text + "儿", previous.syllables[-1])
                and (len(word) == 1 or len(word.text) == len(word) and not is_word(word.text))):  # fmt: skip
            previous.text += "儿"
            previous.syllables.append(word.syllables[0])
            previous.graphemes.append(word.graphemes[0])
            previous.decided.append(word.decided[0])
            if len(word) == 1:
                previous.break_after, previous.spaced = word.break_after, word.spaced
                continue
            word = Word(word.text[1:], word.syllables[1:], word.graphemes[1:], HAN, word.decided[1:], word.break_after,
                        word.spaced)  # fmt: skip
        joined.append(word)
    return joined


def merge_erhua(words: Sequence[Word]) -> None:
    """Fold each erhua 儿 into the syllable before it, in place: a word's last (一会儿, 鲜花儿)
    or one inside it (今儿个, 玩儿命)."""
    for word in words:
        if word.kind != HAN or word.text in _ER_IN_NAMES:
            continue
        for index in range(len(word) - 1, 0, -1):
            if (word.graphemes[index] == "儿" and word.graphemes[index + 1 : index + 2] != [] and
                    word.graphemes[index + 1] in _BEGINS_WORD):
                continue  # 大儿子: 儿子 (a son), not 大儿
            if word.graphemes[index] == "儿" and _is_erhua(word.text[: index + 1], word.syllables[index - 1]):
                _fold(word, index)


def _is_erhua(text: str, before: str) -> bool:
    """Whether the 儿 ending text r-colours ``before``, the syllable of the character before it:
    not where text means a child (女儿, 二女儿: the 幼儿 of 幼儿园) or ``before`` already ends in r."""
    return text not in NOT_ERHUA and text[-2:] not in _CHILD_AT_END and not (before[:-1] in ("er", "r") or before[:-1].endswith("r"))


def _fold(word: Word, index: int) -> None:
    """Drop the 儿 at ``index``, r-colouring the syllable before it (hua1 -> huar1)."""
    before = word.syllables[index - 1]
    word.syllables[index - 1 : index + 1] = [before[:-1] + "r" + before[-1]]
    word.graphemes[index - 1 : index + 1] = [word.graphemes[index - 1] + "儿"]
    word.decided[index - 1 : index + 1] = [word.decided[index - 1]]


def is_erhua_syllable(syllable: str) -> bool:
    """Whether a TONE3 syllable is r-coloured (wanr2, huir4; not er2, nor r2: no syllable)."""
    return len(syllable) > 2 and syllable[-2] == "r" and syllable[:-1] != "er"


def fit_syllables(hanzi: str, syllables: Sequence[str], valid: Callable[[str], bool]) -> list[tuple[str, list[str]]] | None:
    """The last hanzi of a run read as the given syllables, as (hanzi, syllables) pairs: one
    hanzi each, or a hanzi and the 儿 after it for an erhua syllable (玩儿[wanr2]); an erhua
    syllable the voice cannot say (valid) is said as its plain syllable and er5, as that voice
    says 玩儿. None where there are more syllables than hanzi."""
    pairs: list[tuple[str, list[str]]] = []
    end = len(hanzi)
    for syllable in reversed(syllables):
        if end == 0:
            return None
        if is_erhua_syllable(syllable) and end >= 2 and hanzi[end - 1] == "儿":
            plain = syllable[:-2] + syllable[-1]
            pairs.append((hanzi[end - 2 : end], [syllable] if valid(syllable) or not valid(plain) else [plain, "er5"]))
            end -= 2
        else:
            pairs.append((hanzi[end - 1], [syllable]))
            end -= 1
    return pairs[::-1]
