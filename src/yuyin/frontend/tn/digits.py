"""How numbers are read aloud: the primitives every TN rule builds on.

Owns the readings, not the finding of numbers in text: digit-by-digit strings (with 幺 for 1
where Mandarin speakers use it: phone numbers, codes, flight and room numbers), cardinals via
``cn2an`` with the 两 that speakers use before 千/万/亿, decimals as written, and signs.
"""

from __future__ import annotations

import re

import cn2an

_DIGITS = "零一二三四五六七八九"
_DIGIT_READING = dict(zip("0123456789", _DIGITS))
_DIGIT_READING_YAO = _DIGIT_READING | {"1": "幺"}
LONGEST_CARDINAL = 16  # cn2an reads up to 10^16; longer digit strings are identifiers
# 二 before 千/万/亿 is said 两 (两千, 一万两千, 两亿, 一万零两千), but not after 十 (二十万, 十二万), nor a 万 or 亿 of
# two after 零 (三百零二万, 一百零二亿)
_LIANG = re.compile(r"(?<!十)二(?=千)|(?<![十零])二(?=[万亿])")
# A number as written: optional sign, digits, optional fraction.
NUMBER = r"[0-9]+(?:\.[0-9]+)?"


def read_digits(digits: str, yao: bool = False) -> str:
    """Read digit by digit: ``"400"`` -> ``"四零零"``; ``yao=True`` reads 1 as 幺 (``"110"`` -> ``"幺幺零"``).

    Characters other than ASCII digits are dropped.
    """
    table = _DIGIT_READING_YAO if yao else _DIGIT_READING
    return "".join(table.get(d, "") for d in digits)


def read_integer(digits: str) -> str:
    """Read a non-negative integer as a cardinal: ``"22000"`` -> ``"两万两千"``, ``"110"`` -> ``"一百一十"``.

    A string with a leading zero (``"007"``) or longer than :data:`LONGEST_CARDINAL` digits is an
    identifier and is read digit by digit.
    """
    if len(digits) > LONGEST_CARDINAL or (len(digits) > 1 and digits[0] == "0"):
        return read_digits(digits)
    return _LIANG.sub("两", cn2an.an2cn(digits, "low"))


def read_number(number: str, keep_zeros: bool = True) -> str:
    """Read a cardinal, decimal or negative number: ``"-102.40"`` -> ``"负一百零二点四零"``.

    The fraction is read digit by digit as written; ``keep_zeros=False`` drops its trailing
    zeros (``"12.50"`` -> ``"十二点五"``, ``"3.00"`` -> ``"三"``), as for prices.
    """
    sign = "负" if number.startswith("-") else ""
    whole, _, fraction = number.lstrip("+-").partition(".")
    if not keep_zeros:
        fraction = fraction.rstrip("0")
    spoken = read_integer(whole) if whole else "零"
    if len(whole) > 1 and whole[0] == "0" and fraction:
        spoken = read_integer(str(int(whole)))  # "05.5" is five point five
    return sign + spoken + ("点" + read_digits(fraction) if fraction else "")


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")


def superscript_digits(text: str) -> str:
    """Superscript digits and signs as ASCII: ``"⁻³"`` -> ``"-3"``."""
    return text.translate(_SUPERSCRIPTS).lstrip("+")


_ROMAN_LETTERS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int:
    """XIV -> 14: a Roman numeral's value, each letter smaller than the one after it subtracted."""
    values = [_ROMAN_LETTERS[letter] for letter in numeral]
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0]))


def read_small(digits: str) -> str:
    """Read a clock or calendar field: no leading zero, 2 stays 二 (``"02"`` -> ``"二"``)."""
    return cn2an.an2cn(str(int(digits)), "low")


def read_one_of(number: str, total: str, unit: str, neighbours: bool = True) -> str:
    """第5/12期-style "number of total": ``("5", "12", "期")`` -> 五期，共十二期 (of 2: 共两期); two neighbouring
    ones where ``neighbours`` allows it (``("3", "4", "节")`` -> 三、四节)."""
    if neighbours and int(total) == int(number) + 1:
        return f"{read_number(number)}、{read_number(total)}{unit}"
    count = "两" if int(total) == 2 else read_number(total)  # 共两期: a count of so many
    return f"{read_number(number)}{unit}，共{count}{unit}"
