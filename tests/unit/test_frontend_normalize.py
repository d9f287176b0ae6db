"""Text normalisation v1: exact outputs."""

from __future__ import annotations

import pytest

from yuyin.frontend import BakerFrontend
from yuyin.frontend.normalize import clean

CASES = [
    # cardinals, decimals, negatives
    ("123", "一百二十三"),
    ("3.14", "三点一四"),
    ("0.5", "零点五"),
    ("-5度", "负五度"),
    ("温度-3.5℃", "温度负三点五摄氏度"),
    ("20000", "二万"),
    ("1,000,000", "一百万"),
    ("B-52", "B-五十二"),
    # percentages
    ("50%", "百分之五十"),
    ("-3.5%", "负百分之三点五"),
    ("5‰", "千分之五"),
    ("５０％", "百分之五十"),
    # dates and times
    ("2025年6月18日", "二零二五年六月十八日"),
    ("2025年06月05日", "二零二五年六月五日"),
    ("2025-06-18", "二零二五年六月十八日"),
    ("2025/6/18", "二零二五年六月十八日"),
    ("10年", "十年"),
    ("9点", "九点"),
    ("9:05", "九点零五分"),
    ("9:00", "九点"),
    ("2:30", "两点三十分"),
    ("14:30:15", "十四点三十分十五秒"),
    # money
    ("128元", "一百二十八元"),
    ("102.4元", "一百零二点四元"),
    ("1,234.5元", "一千二百三十四点五元"),
    ("¥128", "一百二十八元"),
    ("$5.5", "五点五美元"),
    # phone numbers and other digit strings, read digit by digit
    ("400-820-8820", "四零零八二零八八二零"),
    ("010-12345678", "零一零一二三四五六七八"),
    ("+86-138-0013-8000", "加八六一三八零零一三八零零零"),
    ("13800138000", "一三八零零一三八零零零"),
    ("007", "零零七"),
    ("1.2.3", "一.二.三"),
    # fractions, ranges, 两
    ("3/4", "四分之三"),
    ("3-5天", "三到五天"),
    ("10~20", "十到二十"),
    ("3-2", "三-二"),
    ("2个", "两个"),
    ("12个", "十二个"),
    ("第2个", "第二个"),
    # characters: traditional, full width, other digits, control and format characters
    ("漢語", "汉语"),
    ("頭髮後來", "头发后来"),
    ("１２３，ＡＢＣ", "一百二十三,ABC"),
    ("٣٤", "三十四"),
    ("a\x00b\x1bc\u200bd\ufeffe\u200df", "abcdef"),
    ("你 \t\u3000 好", "你 好"),
    ("第一行\r\n第二行", "第一行\n\n第二行"),
    ("hello", "hello"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize(text: str, expected: str) -> None:
    assert BakerFrontend().normalize(text) == expected


def test_clean_drops_lone_surrogates_and_private_use() -> None:
    assert clean("\ud800测\ue000试\U000f0000") == "测试"


def test_no_digit_survives() -> None:
    text = "v2.0.1版本，共3,5,7项，1e400，99999999999999999.5，--5，5--3，1-，٣"
    assert not any("0" <= char <= "9" for char in BakerFrontend().normalize(text))
