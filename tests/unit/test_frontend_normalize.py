"""Text normalisation: the passes around the rule table (tests/fixtures/frontend/normalize.tsv)."""

from __future__ import annotations

import pytest

from yuyin.frontend import BakerFrontend
from yuyin.frontend import analyze_text
from yuyin.frontend.normalize import clean, normalize, replace_lone_surrogates
from yuyin.frontend.tn import RULES, verbalize
from yuyin.frontend.tn.digits import read_digits, read_integer, read_number


def test_clean_drops_lone_surrogates_and_private_use() -> None:
    assert clean("\ud800测\ue000试\U000f0000") == "测试"


def test_clean_drops_terminal_escape_sequences_whole() -> None:
    assert clean("\x1b[31m你好\x1b[0m，\x1b[1;32m3\x1b[m\x1b]0;title\x07世界") == "你好,3世界"


def test_an_escape_left_open_drops_no_text() -> None:
    """An OSC escape without its BEL or ESC \\ ends nothing: the text after it stays (it once swallowed the rest)."""
    assert clean("你好\x1b]世界。今天天气很好。\n第二段。") == "你好]世界。今天天气很好。\n第二段。"


def test_clean_unifies_minus_signs_and_wave_dashes() -> None:
    assert clean("−5 ‐ 3〜4") == "-5 - 3~4"


def test_no_digit_survives() -> None:
    text = "v2.0.1版本，共3,5,7项，1e400，99999999999999999.5，--5，5--3，1-，٣，1/0，3:61，24:99"
    assert not any("0" <= char <= "9" for char in BakerFrontend().normalize(text))


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("digits", "yao", "spoken"),
    [("110", False, "一一零"), ("110", True, "幺幺零"), ("0x9", False, "零九")],
)
def test_read_digits(digits: str, yao: bool, spoken: str) -> None:
    assert read_digits(digits, yao) == spoken


@pytest.mark.parametrize(
    ("number", "spoken"),
    [("2000", "两千"), ("2", "二"), ("12000", "一万两千"), ("200000", "二十万"), ("0", "零"),
     ("20000000000000000", "二零零零零零零零零零零零零零零零零")],
)  # fmt: skip
def test_read_integer(number: str, spoken: str) -> None:
    assert read_integer(number) == spoken


def test_read_number_keeps_or_drops_zeros() -> None:
    assert read_number("12.50") == "十二点五零"
    assert read_number("12.50", keep_zeros=False) == "十二点五"
    assert read_number("-0.5") == "负零点五"


def test_verbalize_is_normalize_without_cleaning() -> None:
    assert verbalize("花了12.50元") == normalize("花了12.50元") == "花了十二点五元"


def test_lone_surrogates_become_the_replacement_character_and_offsets_stay() -> None:
    text = "你\ud800好\udcff😀"  # a cut pair's half, an undecodable argv byte; a real astral character
    assert replace_lone_surrogates(text) == "你\ufffd好\ufffd😀"
    assert analyze_text(replace_lone_surrogates(text))["units"][0]["pinyin"] == ["ni2", "hao3"]  # not read
