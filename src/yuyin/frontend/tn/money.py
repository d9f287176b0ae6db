"""Money -> hanzi: ``¥12.5`` -> 十二点五元, ``12.50元`` -> 十二点五元, ``$3`` -> 三美元, ``USD 100`` -> 一百美元,
``1.2万元`` -> 一点二万元, ``2元`` -> 两元, ``¥10-20`` and ``¥10-¥20`` -> 十到二十元, ``2-3元`` -> 两到三元,
``-¥50`` -> 负五十元, ``余额-200元`` -> 余额负二百元.

Prices drop the trailing zeros of their fraction, as a cashier or an announcer reads them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .digits import NUMBER, read_number
from .rule import Rule, context_after, context_before, rule

_SIGNS = {"¥": "元", "￥": "元", "$": "美元", "US$": "美元", "HK$": "港元", "NT$": "新台币", "A$": "澳元", "AU$": "澳元", "C$": "加元",
          "CA$": "加元", "S$": "新加坡元", "SG$": "新加坡元", "NZ$": "新西兰元", "MOP$": "澳门元", "€": "欧元", "£": "英镑", "₩": "韩元"}
_NAMES = "元|块钱|块|角|毛|美元|美金|欧元|英镑|日元|韩元|港元|港币|人民币|卢布|法郎"
_SCALE = r"(万亿|万|亿|千|百|[kKwW](?![A-Za-z]))?"  # ￥5k, $100k, RMB 20k: thousands; ￥30W: 万
_CODES = {"CNY": "元", "RMB": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "HKD": "港元",
          "KRW": "韩元", "AUD": "澳元", "CAD": "加元", "SGD": "新加坡元", "NZD": "新西兰元"}  # fmt: skip
CURRENCY_CODES = "|".join(_CODES)  # USD 100 an amount (also no edition year: datetime)
_SAID_NAME = "|".join(sorted(set(_CODES.values()), key=len, reverse=True))  # written after an amount in a sign or code


# Currencies a rate is quoted between, by name or by code (人民币 and 离岸人民币, not the 元 of an amount)
_PAIR_NAMES = {name: name for name in set(_CODES.values()) - {"元"} | {"人民币", "港币"}} | _CODES | {
    "CNY": "人民币", "RMB": "人民币", "CNH": "离岸人民币"}  # fmt: skip
_PAIR = "|".join(sorted(_PAIR_NAMES, key=len, reverse=True))
# What makes two currencies a pair a rate is quoted in: a rate right after them (EUR/USD 1.08) or a word of
# exchange rates or their moves around them (美元/人民币汇率, 欧元/美元跌破1.05); not a choice of currency
# (支持人民币/美元/欧元结算, 人民币/港币支付, USD/EUR均可)
_RATE_AFTER = re.compile("^ ?(?:[0-9]|汇率|汇价|中间价|即期|远期|报|收|升|贬|跌|涨|走|一度|日内|盘中|站上|失守|突破)")
_RATE_BEFORE = re.compile("汇率|汇价|货币对|交易对|外汇|中间价")


def _currency_pair(match: re.Match[str]) -> str:
    """美元/人民币汇率 -> 美元兑人民币汇率, EUR/USD 1.0850 -> 欧元兑美元 ...; a list of currencies (人民币/美元/欧元)
    or one with no rate spoken of left as it is."""
    after = context_after(match, 8)
    sentence = re.split("[。！？!?\n]", context_before(match, 20))[-1]
    if after.startswith("/") or sentence.endswith("/") or not (_RATE_AFTER.match(after) or _RATE_BEFORE.search(sentence)):
        return match.group()
    return f"{_PAIR_NAMES[match.group(1)]}兑{_PAIR_NAMES[match.group(2)]}"


def read_price(number: str) -> str:
    """A price: trailing zeros dropped, a lone 2 read 两 (``"2"``, ``"2.00"`` -> ``"两"``)."""
    return "两" if float(number) == 2 else read_number(number, keep_zeros=False)


def _amounts(low: str, high: str | None, unit: str) -> str:
    """An amount, or two joined by a dash: a range where they rise (¥100-¥200 一百到二百元), a
    subtraction where they do not (¥100-¥50=¥50 一百元减五十元, 满¥200-30 满二百元减三十元)."""
    if high and float(high.replace(",", "")) <= float(low.replace(",", "")):
        return f"{read_price(low)}{unit}减{read_price(high)}{unit}"
    return read_price(low) + ("到" + read_price(high) if high else "") + unit


_LOCAL_DOLLAR_BEFORE = re.compile("(?:港币|港元|台币|澳门币|澳币|新币|加币)[:：]?\\s?$")


def _signed(match: re.Match[str]) -> str:
    minus, sign, minus_after, low, high, scale, name = match.groups()
    low, high, scale = _thousands(low, high, scale)
    if sign == "$" and not name and _LOCAL_DOLLAR_BEFORE.search(context_before(match, 4)):
        name = "元"  # 港币$120, 新台币$350: the local dollar that the words before name (not 美元)
    spoken = _amounts(low, high, scale + (name or _SIGNS[sign]))  # the name written after wins: $100港元
    return ("负" if minus or minus_after else "") + spoken


def _coded(match: re.Match[str]) -> str:
    code, low, high, scale, name, code_after = match.groups()
    low, high, scale = _thousands(low, high, scale)
    return _amounts(low, high, scale + (name or _CODES[code or code_after]))


def _thousands(low: str, high: str | None, scale: str | None) -> tuple[str, str | None, str]:
    """An amount's ends and the scale word said after them: k multiplies them by a thousand (5k -> 5000,
    $100k -> 100000), w is 万, anything else as written."""
    if scale in ("k", "K"):
        return _times_thousand(low), _times_thousand(high) if high else None, ""
    return low, high, "万" if scale in ("w", "W") else scale or ""


def _times_thousand(amount: str) -> str:
    """1.5 -> 1500, 100 -> 100000, 1.2345 -> 1234.5."""
    return format((Decimal(amount.replace(",", "")) * 1000).normalize(), "f")


def _named(match: re.Match[str]) -> str:
    minus, low, high = match.groups()
    return ("负" if minus else "") + read_price(low) + ("到" + read_price(high) if high else "")


# Before the rules that read capitals then digits as a code (RTX 4090): USD 100 is an amount.
CODE_RULES: tuple[Rule, ...] = (
    # 美元/人民币汇率, EUR/USD 1.08: a pair of currencies an exchange rate is quoted in, 兑 (not "per"; nor the
    # amount USD 1.08)
    rule("currency_pair", r"(?<![A-Za-z])(" + _PAIR + r") ?/ ?(" + _PAIR + r")(?![A-Za-z])", _currency_pair),
    # USD 100, RMB 5,000元, CNY 1,200.50, 100 USD: the amount, then the currency's name
    rule(
        "currency_code",
        r"(?:(?<![A-Za-z/])(" + CURRENCY_CODES + r") ?)?(?(1)|(?<![A-Za-z0-9.]))(" + NUMBER + r")(?: ?[-~] ?(" + NUMBER + r"))?"
        + _SCALE + r"(?(1)(?![0-9])(" + _SAID_NAME + r")?| ?(?P<code_after>" + CURRENCY_CODES + r")(?![A-Za-z]))",
        _coded,
    ),
)

def _billions(match: re.Match[str]) -> str:
    """$1.5B -> 十五亿美元, US$30B -> 三百亿美元, $500M -> 五亿美元: billions and millions in Chinese myriads."""
    sign, amount, scale = match.groups()
    myriads = Decimal(amount) * (100000 if scale in "Bb" else 100)  # in 万
    spoken = read_number(_plain(myriads / 10000)) + "亿" if myriads >= 10000 else read_number(_plain(myriads)) + "万"
    return spoken + _SIGNS[sign]


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


RULES: tuple[Rule, ...] = (
    rule("billions", r"(?<![A-Za-z0-9.])(US\$|HK\$|[$€£]) ?([0-9]+(?:\.[0-9]+)?) ?([BbM])(?![A-Za-z0-9])", _billions),
    rule(
        "currency_sign",
        r"(?:(?<![A-Za-z0-9.])(-))?(US\$|HK\$|NT\$|(?<![A-Za-z=$(:,])(?:AU?|CA?|SG?|NZ|MOP)\$(?![0-9]+[:$)])|[¥￥$€£₩]) ?(-)?(" + NUMBER + r")(?: ?[-~] ?\2?(" + NUMBER + r"))?" + _SCALE
        + r"(?![0-9])(" + _SAID_NAME + r")?",
        _signed,
    ),
    # 200$, 50€: a sign written after the amount (not $100$)
    rule("sign_after", r"(?<![A-Za-z0-9.$])(" + NUMBER + r") ?(US\$|HK\$|[$€£₩])(?![A-Za-z0-9])",
         lambda m: read_price(m.group(1)) + _SIGNS[m.group(2)]),
    # 12.50元, 1.2万元, 3美元, 3000-5000元: the amount (or range) before a currency name (not the 4 of 1/4块饼干: a
    # fraction's, after one digit and a slash; 1280/1580元 are two prices)
    rule(
        "currency_name",
        r"(?:(?<![A-Za-z0-9.])(-))?(?<![0-9.])(?<!(?<![0-9.])[0-9]/)(" + NUMBER + r")(?: ?[-~～—–] ?(" + NUMBER + r"))?(?![0-9]|\.[0-9])"
        + r"(?= ?(?:万|亿|千|百)?(?:" + _NAMES + r"))",
        _named,
    ),
)
