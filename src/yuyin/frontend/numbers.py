"""Numbers written with ASCII digits -> hanzi, the way a Mandarin reader says them.

Owns the number rules of text normalisation (v1): dates, times, phone-like digit strings,
money signs, percentages, fractions, ranges, thousands separators, "2 + measure word" -> 两,
digit strings read digit by digit, and plain cardinals, decimals and negatives (via ``cn2an``).
The rules run in the order of :data:`NUMBER_RULES`, most specific first; the last rule reads
any digit still left one by one, so the output never contains an ASCII digit.
Input must already be cleaned (half-width digits, see :mod:`yuyin.frontend.normalize`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import cn2an

_DIGIT_READING = dict(zip("0123456789", "零一二三四五六七八九"))
_CURRENCY_SIGNS = {"¥": "元", "￥": "元", "$": "美元", "€": "欧元", "£": "英镑"}
_LONGEST_CARDINAL = 10  # longer digit strings are identifiers (phones, cards): read digit by digit
# Measure words after which a lone 2 is read 两 (两个, 两点), not 二.
_LIANG_MEASURES = "个位只条张本次天件种点岁块杯层份"

# A number that is not part of a longer number, decimal or version string.
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_ALONE_BEFORE = r"(?<![0-9.])"
_ALONE_AFTER = r"(?![0-9]|\.[0-9])"


def read_digits(digits: str) -> str:
    """Read a digit string digit by digit: ``"400"`` -> ``"四零零"`` (v1 reads 1 as 一)."""
    return "".join(_DIGIT_READING.get(d, "") for d in digits)


def read_number(number: str) -> str:
    """Read a cardinal, decimal or negative number: ``"-102.4"`` -> ``"负一百零二点四"``."""
    integer = number.lstrip("-").split(".")[0]
    if len(integer) > _LONGEST_CARDINAL or (len(integer) > 1 and integer[0] == "0"):
        sign = "负" if number.startswith("-") else ""
        whole, _, fraction = number.lstrip("-").partition(".")
        return sign + read_digits(whole) + ("点" + read_digits(fraction) if fraction else "")
    try:
        return cn2an.an2cn(number, "low")
    except ValueError:  # outside cn2an's range or form: fall back to reading the digits
        return read_digits(number)


def _iso_date(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return match.group()
    return f"{read_digits(year)}年{read_number(str(int(month)))}月{read_number(str(int(day)))}日"


def _clock_time(match: re.Match[str]) -> str:
    hour, minute, second = match.groups()
    if int(hour) > 24 or int(minute) > 59 or (second is not None and int(second) > 59):
        return match.group()
    spoken = ("两" if int(hour) == 2 else read_number(str(int(hour)))) + "点"
    if int(minute) or second is not None:
        spoken += ("零" if minute[0] == "0" and int(minute) else "") + read_number(str(int(minute)))
        spoken += "分"
    if second is not None:
        spoken += read_number(str(int(second))) + "秒"
    return spoken


def _phone_like(match: re.Match[str]) -> str:
    text = match.group()
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) < 7:
        return text
    return ("加" if text.startswith("+") else "") + read_digits(digits)


def _money(match: re.Match[str]) -> str:
    sign, amount = match.groups()
    return read_number(amount) + _CURRENCY_SIGNS[sign]


def _percent(match: re.Match[str]) -> str:
    minus, amount, sign = match.groups()
    per = "百分之" if sign == "%" else "千分之"
    return ("负" if minus else "") + per + read_number(amount)


def _fraction(match: re.Match[str]) -> str:
    numerator, denominator = match.groups()
    return f"{read_number(denominator)}分之{read_number(numerator)}"


def _range(match: re.Match[str]) -> str:
    low, high = match.groups()
    if float(low) >= float(high):  # "3-2" is more likely a score or a code than a range
        return match.group()
    return f"{read_number(low)}到{read_number(high)}"


def _grouped(match: re.Match[str]) -> str:
    return read_number(match.group().replace(",", ""))


def _cardinal(match: re.Match[str]) -> str:
    return read_number(match.group())


Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

NUMBER_RULES: tuple[Rule, ...] = (
    # 2025-06-18, 2025/6/18, 2025.6.18
    (re.compile(r"(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])"), _iso_date),
    # 2025年 -> 二零二五年 (a four-digit year is read digit by digit)
    (re.compile(r"(?<![0-9.])([0-9]{4})(?=年)"), lambda m: read_digits(m.group(1))),
    # 06月05日 -> 六月五日 (no 零 before a month or day)
    (re.compile(r"(?<![0-9.])0([1-9])(?=[月日号])"), lambda m: read_number(m.group(1))),
    # 9:05, 23:59:59
    (
        re.compile(r"(?<![0-9.:])([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?![0-9]|:[0-9])"),
        _clock_time,
    ),
    # 400-820-8820, 010-12345678, +86-138-0013-8000 (at least 7 digits in all)
    (re.compile(r"(?<![0-9.])\+?[0-9]+(?:-[0-9]+)+(?![0-9]|\.[0-9])"), _phone_like),
    # ¥128, $5.5
    (re.compile(r"([¥￥$€£]) ?(" + _NUM + ")" + _ALONE_AFTER), _money),
    # 50%, -3.5%, 5‰
    (re.compile(_ALONE_BEFORE + r"(-?)(" + _NUM + r") ?([%‰])"), _percent),
    # 3/4 -> 四分之三
    (re.compile(r"(?<![0-9./])([0-9]+)/([0-9]+)(?![0-9/]|\.[0-9])"), _fraction),
    # 3-5, 10~20 -> 三到五
    (re.compile(_ALONE_BEFORE + "(" + _NUM + r") ?[-~] ?(" + _NUM + ")" + _ALONE_AFTER), _range),
    # 1,000,000.5
    (re.compile(_ALONE_BEFORE + r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?" + _ALONE_AFTER), _grouped),
    # 2个 -> 两个 (but 12个, 第2个, 0.2个 keep their reading)
    (re.compile(r"(?<![0-9.第])2(?=[" + _LIANG_MEASURES + "])"), lambda m: "两"),
    # -5 (not after a letter or digit, where '-' is a hyphen), 123, 102.4
    (re.compile(r"(?:(?<![A-Za-z0-9.])-)?(?<![0-9.])" + _NUM + _ALONE_AFTER), _cardinal),
    # whatever digits are left (e.g. version strings like "1.2.3"): one by one
    (re.compile(r"[0-9]+"), lambda m: read_digits(m.group())),
)


def verbalize_numbers(text: str) -> str:
    """Apply :data:`NUMBER_RULES` in order: ``"花了128元"`` -> ``"花了一百二十八元"``."""
    for pattern, spoken in NUMBER_RULES:
        text = pattern.sub(spoken, text)
    return text
