"""Whatever numbers the specific rules left: 两 before a measure word, ordinals, cardinals,
decimals and negatives; last, any digit still there, one by one.

``2个`` -> 两个 (but 12个, 第2个, 0.2个 keep 二), ``第3`` -> 第三,
``-5`` -> 负五 (after a letter or digit ``-`` is a hyphen: ``B-52`` -> B-五十二), ``007`` ->
零零七.
"""

from __future__ import annotations

from .digits import NUMBER, read_digits, read_number
from .rule import Rule, rule

# Measure words (and 千/万/亿) after which a lone 2 is read 两 (两个, 两点, 两万).
_LIANG_MEASURES = (
    "个位只条张本次天件种点岁块杯层份名人辆台部间双对套项句篇首场节棵朵头匹颗粒片把支根枝"
    "门家所座栋艘架批笔类样口年周星期小时分钟秒斤公里米克吨升倍成万千百亿"
    "瓶碗盒包袋箱趟遍顿页段步圈亩盘碟罐桶壶滴捆串排行伙群届期季室厅卫"
)
LIANG_AFTER = "(?=[" + _LIANG_MEASURES + "])"
"""Lookahead: a measure word follows, so a lone 2 before it is read 两."""
_ALONE_AFTER = r"(?![0-9]|\.[0-9])"

RULES: tuple[Rule, ...] = (
    # 2个 but not 第1、2名 (an ordinal's list)
    rule("liang", r"(?<![0-9.第、A-Za-z])2" + LIANG_AFTER, lambda m: "两"),  # not B2层
    rule(
        "cardinal",
        r"(?:(?<![A-Za-z0-9.])-)?(?<![0-9.])" + NUMBER + _ALONE_AFTER,
        lambda m: read_number(m.group()),
    ),
    rule("digits", r"[0-9]+", lambda m: read_digits(m.group())),
)
