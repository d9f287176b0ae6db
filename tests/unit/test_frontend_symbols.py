"""Baker symbol table and pinyin -> phones rules (voice-baker.md section 8)."""

from __future__ import annotations

import pypinyin
import pytest
from pypinyin import Style

from yuyin.frontend.g2p import HANZI
from yuyin.frontend.symbols_baker import (
    BAKER_SYMBOLS,
    EOS_ID,
    SYMBOL_TO_ID,
    assemble_phones,
    phones_to_ids,
    syllable_phones,
)


@pytest.mark.parametrize(
    ("symbol", "expected_id"),
    [
        ("pad", 0), ("sil", 1), ("#0", 2), ("#3", 5), ("^", 6), ("b", 7), ("zh", 27),
        ("a1", 28), ("a5", 32), ("e4", 56), ("en2", 64), ("i1", 78), ("ii4", 111),
        ("iii4", 116), ("uen2", 184), ("v3", 200), ("van2", 204), ("vn5", 217), ("eos", 218),
    ],
)  # fmt: skip
def test_symbol_ids(symbol: str, expected_id: int) -> None:
    assert SYMBOL_TO_ID[symbol] == expected_id


def test_table_has_219_distinct_symbols() -> None:
    assert len(BAKER_SYMBOLS) == len(set(BAKER_SYMBOLS)) == 219
    assert EOS_ID == 218


SYLLABLES = {
    # ii / iii
    "zi4": ("z", "ii4"), "ci2": ("c", "ii2"), "si1": ("s", "ii1"),
    "zhi1": ("zh", "iii1"), "chi1": ("ch", "iii1"), "shi4": ("sh", "iii4"), "ri4": ("r", "iii4"),
    # zero initial
    "yi1": ("^", "i1"), "wu3": ("^", "u3"), "yu2": ("^", "v2"), "wei4": ("^", "uei4"),
    "you3": ("^", "iou3"), "yo1": ("^", "iou1"), "yuan2": ("^", "van2"), "yue4": ("^", "ve4"),
    "yun2": ("^", "vn2"), "ying2": ("^", "ing2"), "yong3": ("^", "iong3"),
    "weng1": ("^", "ueng1"), "wong4": ("^", "ueng4"), "wo3": ("^", "uo3"),
    "a1": ("^", "a1"), "ang2": ("^", "ang2"), "er2": ("^", "er2"), "o1": ("^", "o1"),
    "ou3": ("^", "ou3"), "e4": ("^", "e4"),
    # rewrites
    "gui4": ("g", "uei4"), "dun1": ("d", "uen1"), "liu2": ("l", "iou2"),
    "ju3": ("j", "v3"), "qu4": ("q", "v4"), "xu1": ("x", "v1"), "jue2": ("j", "ve2"),
    "juan1": ("j", "van1"), "jun1": ("j", "vn1"), "xun2": ("x", "vn2"),
    "lv4": ("l", "v4"), "nv3": ("n", "v3"), "lve4": ("l", "ve4"), "nve4": ("n", "ve4"),
    "lue4": ("l", "ve4"),
    # plain
    "zhuang4": ("zh", "uang4"), "xiong2": ("x", "iong2"), "ce4": ("c", "e4"), "ma5": ("m", "a5"),
    # no baker spelling: the nearest one (documented in symbols_baker)
    "n2": ("^", "en2"), "ng4": ("^", "en4"), "m2": ("m", "en2"), "hm5": ("h", "en5"),
    "hng5": ("h", "eng5"), "ê4": ("^", "ei4"),
}  # fmt: skip


@pytest.mark.parametrize(("syllable", "phones"), SYLLABLES.items())
def test_syllable_phones(syllable: str, phones: tuple[str, str]) -> None:
    assert syllable_phones(syllable) == phones


@pytest.mark.parametrize("syllable", ["", "a", "ma", "ma6", "xyz1", "zh1", "#1", "1"])
def test_unmappable_syllables_give_none(syllable: str) -> None:
    assert syllable_phones(syllable) is None


def test_every_reading_pypinyin_knows_is_mappable() -> None:
    """No hanzi pypinyin can read (any reading, any tone) falls outside the baker table."""
    unmapped = set()
    for code in pypinyin.pinyin_dict.pinyin_dict:
        char = chr(code)
        if not HANZI.fullmatch(char):
            continue
        readings = pypinyin.pinyin(
            char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True
        )[0]
        unmapped |= {r for r in readings if syllable_phones(r) is None}
    assert unmapped == set()


def test_assembly_and_ids_of_ce_shi() -> None:
    phones = assemble_phones([("c", "e4"), ("sh", "iii4")])
    assert phones == ("sil", "c", "e4", "#0", "sh", "iii4", "sil")
    assert phones_to_ids(phones) == (1, 8, 56, 2, 23, 116, 1, 218)


@pytest.mark.parametrize(
    ("syllable", "phones"),
    [("huar1", ("h", "ua1", "er5")), ("nar3", ("n", "a3", "er5")), ("huir4", ("h", "uei4", "er5")),
     ("ger1", ("g", "e1", "er5")), ("wanr2", ("^", "uan2", "er5")), ("er4", ("^", "er4")),
     ("er2", ("^", "er2"))],
)  # fmt: skip
def test_erhua_syllables_end_in_er5(syllable: str, phones: tuple[str, ...]) -> None:
    """As the Baker labels were converted for training: 'huar1' -> h ua1 er5."""
    assert syllable_phones(syllable) == phones


def test_assembly_with_prosody_marks() -> None:
    phones = assemble_phones([("c", "e4"), ("sh", "iii4"), ("h", "ua1", "er5")], ["#1", "#3", ""])
    assert phones == ("sil", "c", "e4", "#1", "sh", "iii4", "#3", "h", "ua1", "er5", "sil")
    assert phones_to_ids(phones)[:8] == (1, 8, 56, 3, 23, 116, 5, 13)
