"""Pinyin written with tone marks is read as written; other accented words are not taken for it."""

from __future__ import annotations

import pytest

from yuyin.frontend import BakerFrontend
from yuyin.frontend.marked_pinyin import LONGEST_WORD, mark_pinyin, read_marked
from yuyin.frontend.override import FixedSpans


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Běijīng", ("bei3", "jing1")),
        ("ZHŌNGGUÓ", ("zhong1", "guo2")),  # capitals
        ("Zho\u0304ngguo\u0301", ("zhong1", "guo2")),  # decomposed marks
        ("Xī'ān", ("xi1", "an1")),  # the apostrophe is a boundary
        ("Xīān", ("xi1", "an1")),  # two marks cannot share one syllable: xian is no split
        ("lǜsè", ("lv4", "se4")),  # ü after l is v
        ("nǚ'ér", ("nv3", "er2")),
        ("xuě", ("xue3",)),  # after x, ü is written u
        ("xièxie", ("xie4", "xie5")),  # an unmarked syllable is neutral
        ("shì", ("shi4",)),
    ],
)
def test_tone_marked_pinyin_is_read_as_written(word: str, expected: tuple[str, ...]) -> None:
    assert read_marked(word) == expected


@pytest.mark.parametrize(
    "word",
    ["Beijing", "café", "naïve", "garçon", "fête", "José", "Pokémon", "ǎǎǎx", "Xī'", "x\u0327ī"],
)
def test_words_that_are_not_tone_marked_pinyin(word: str) -> None:
    assert read_marked(word) is None


def test_marked_words_become_fixed_spans_unless_the_voice_cannot_say_them() -> None:
    spans = FixedSpans()
    text = mark_pinyin("北京（Běijīng）和café", spans, lambda syllable: True)
    assert len(spans.spans) == 1
    (sentinel, span), = spans.spans.items()
    assert text == f"北京（{sentinel}）和café"
    assert (span.text, span.syllables, span.exact) == ("Běijīng", ("bei3", "jing1"), False)
    refused = FixedSpans()
    assert mark_pinyin("Běijīng", refused, lambda syllable: syllable != "jing1") == "Běijīng"
    assert not refused.spans


def test_marked_pinyin_keeps_its_written_form_and_sandhi_applies() -> None:
    frontend = BakerFrontend()
    assert frontend.normalize("你好（nǐhǎo）") == "你好(nǐhǎo)"
    # one word: the third-tone sandhi of a dictionary word applies (ni3 hao3 -> ni2 hao3)
    assert [s for unit in frontend.analyze("nǐhǎo") for s in unit.pinyin] == ["ni2", "hao3"]


def test_a_run_longer_than_any_pinyin_word_is_left_to_the_letter_rules() -> None:
    spans = FixedSpans()
    long_run = "ā" * (LONGEST_WORD + 1)
    assert mark_pinyin(long_run, spans, lambda syllable: True) == long_run and not spans.spans
    assert read_marked("ā" * LONGEST_WORD) == ("a1",) * LONGEST_WORD


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hā'ěrbīn很冷", "ha1 er3 bin1 hen2 leng3"),  # three syllables in one span: no sandhi split by hanzi
        ("我是Zhōngguórén", "wo3 shi4 zhong1 guo2 ren2"),
        ("他行[háng]不行", "ta1 hang2 bu5 xing2"),  # an override may use tone marks
        ("绿[lǜ]色", "lv4 se4"),
        ("Tesla[tè sī lā]很贵", "te4 si1 la1 hen3 gui4"),
        ("Běijīng[bei3 jing1]", "bei3 jing1"),  # an override reads the whole marked word before it
        ("café[ka1 fei1]", "ka1 fei1"),
        ("去Xī'ān[xi1 an1]玩", "qu4 xi1 an1 wan2"),  # the word takes in an apostrophe between letters
        ("去Xi’an[xī ān]玩", "qu4 xi1 an1 wan2"),
        ("去'an[an1]玩", "qu4 an1 wan2"),  # a leading one is no part of it (and not spoken)
    ],
)
def test_marked_pinyin_through_the_front_end(text: str, expected: str) -> None:
    assert " ".join(s for unit in BakerFrontend().analyze(text) for s in unit.pinyin) == expected


def test_the_user_lexicon_comes_before_marked_pinyin(tmp_path) -> None:
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("sí\tsi4\n", encoding="utf-8")
    assert [s for u in BakerFrontend(lexicon=lexicon).analyze("他说sí") for s in u.pinyin] == ["ta1", "shuo1", "si4"]
    assert [s for u in BakerFrontend().analyze("他说sí") for s in u.pinyin] == ["ta1", "shuo1", "si2"]
