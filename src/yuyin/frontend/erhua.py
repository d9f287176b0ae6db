"""Erhua: a word-final 儿 that is not a syllable of its own but an r-colouring of the one before.

``一会儿`` -> yi2 huir4, ``哪儿`` -> nar3, ``玩儿`` -> wanr2: the 儿 syllable is dropped and
the one before gets an ``r`` before its tone digit, which the baker symbol table turns into
``initial final+tone er5`` (as in the Baker training labels). 儿 meaning 'child' keeps its
syllable (女儿 nv3 er2, 婴儿, 儿子).
"""

from __future__ import annotations

from collections.abc import Sequence

from .word import HAN, Word

# Words ending in 儿 where 儿 is a full syllable (a child, a son, a man).
NOT_ERHUA = frozenset(
    "女儿 婴儿 幼儿 孤儿 健儿 男儿 宠儿 胎儿 新生儿 少儿 患儿 托儿 弃儿 混血儿 孩儿 侄儿 "
    "孙儿 小儿 犬儿 病儿 早产儿 产儿 乖儿 幸运儿 混儿 苗儿 儿儿 宁馨儿 弄潮儿".split()
)


def merge_erhua(words: Sequence[Word]) -> None:
    """Fold each erhua 儿 into the syllable before it, in place."""
    for word in words:
        if word.kind != HAN or len(word) < 2 or word.graphemes[-1] != "儿" or word.text in NOT_ERHUA:
            continue
        previous = word.syllables[-2]
        if previous[:-1] in ("er", "r") or previous[:-1].endswith("r"):
            continue
        word.syllables[-2:] = [previous[:-1] + "r" + previous[-1]]
        word.graphemes[-2:] = [word.graphemes[-2] + "儿"]
        word.decided[-2:] = [word.decided[-2]]
