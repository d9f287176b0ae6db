"""Phone numbers, codes and identifiers -> digit-by-digit hanzi, 1 read 幺 as Mandarin speakers do.

``138-0013-8000`` / ``13800138000`` -> 幺三八 零零幺三 八零零零 (the groups are kept apart by a
space, where a reader pauses); ``010-12345678`` -> 零幺零 幺二三四五六七八; ``400-820-8820`` ->
四零零 八二零 八八二零; digits after 验证码, 电话, 拨打, 卡号, 房间 ... -> 幺-digits; ``CA1234`` ->
CA幺二三四; any other run of more than 10 digits is an identifier, read digit by digit.
"""

from __future__ import annotations

import re

from .digits import read_digits
from .rule import Rule, rule

LONGEST_QUANTITY = 10  # digits; a longer plain number is an identifier

# Words after which the digits are a number to dial or a code, not a quantity.
_CODE_WORDS = (
    "验证码|校验码|密码|编号|编码|卡号|账号|帐号|身份证号码|身份证号|身份证|学号|工号|邮编|"
    "邮政编码|订单号|单号|房间号|房间|门牌号|车牌号|航班号|航班|车次|QQ号|QQ|微信号|"
    "手机号码|手机号|手机|电话号码|电话|热线|号码|拨打|致电|传真|分机|尾号"
)
_DIGIT_GROUPS = r"[0-9]+(?:[- ][0-9]+)*"


def _grouped(groups: list[str]) -> str:
    return " ".join(read_digits(group, yao=True) for group in groups if group)


def _mobile(match: re.Match[str]) -> str:
    country, *groups = match.groups()
    return ("加八六 " if country else "") + _grouped(groups)


def _hyphenated(match: re.Match[str]) -> str:
    text = match.group()
    groups = re.split(r"[- ]", text.lstrip("+"))
    if sum(len(g) for g in groups) < 7:
        return text  # 3-5, 12-3: ranges and the like, left to later rules
    return ("加" if text.startswith("+") else "") + _grouped(groups)


RULES: tuple[Rule, ...] = (
    # +86 138-0013-8000, 13800138000, 138 0013 8000
    rule(
        "mobile",
        r"(?<![0-9])(\+?86[- ]?)?(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])",
        _mobile,
    ),
    # 400-820-8820, 800 820 8820
    rule(
        "service",
        r"(?<![0-9])([48]00)[- ]?([0-9]{3})[- ]?([0-9]{4})(?![0-9])",
        lambda m: _grouped(list(m.groups())),
    ),
    # 010-12345678, 0755-1234567-801
    rule(
        "landline",
        r"(?<![0-9])(0[1-9][0-9]{1,2})-([2-9][0-9]{6,7})(?:-([0-9]{1,5}))?(?![0-9])",
        lambda m: _grouped(list(m.groups())),
    ),
    # 验证码 1234, 拨打110, 房间 1201, 卡号：6222 0200
    rule(
        "code_word",
        r"(" + _CODE_WORDS + r")((?:是|为|:|：)? ?" + _DIGIT_GROUPS + r")(?![0-9.])",
        lambda m: m.group(1) + _code_digits(m.group(2)),
    ),
    # 1201室, 308房间
    rule("room", r"(?<![0-9.])([0-9]{3,4})(?=室|房间|号房)", lambda m: read_digits(m.group(1), yao=True)),
    # CA1234, G123: letters then three or more digits
    rule(
        "letter_code",
        r"(?<![A-Za-z0-9])([A-Z]{1,3})([0-9]{3,})(?![0-9]|\.[0-9])",
        lambda m: m.group(1) + read_digits(m.group(2), yao=True),
    ),
    # +86-10-1234-5678 and other hyphenated digit groups with 7 or more digits
    rule("hyphenated", r"(?<![0-9.])\+?[0-9]+(?:-[0-9]+)+(?![0-9]|\.[0-9])", _hyphenated),
    # any other run of 11 or more digits
    rule(
        "identifier",
        r"(?<![0-9.])[0-9]{" + str(LONGEST_QUANTITY + 1) + r",}(?![0-9]|\.[0-9])",
        lambda m: read_digits(m.group(), yao=True),
    ),
)


def _code_digits(text: str) -> str:
    digits = text.lstrip("是为:： ")
    return text[: len(text) - len(digits)] + _grouped(re.split(r"[- ]", digits))
