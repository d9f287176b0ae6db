"""Chat and game shorthand said as what it stands for, not as the numbers or letters it is
written with: ``666`` -> 六六六 (well played; not 六百六十六), ``2333`` -> 二三三三 (laughter),
``u1s1`` -> 有一说一, ``emmm`` -> 嗯, ``hhhh`` -> 哈哈哈哈, ``Lv.99`` -> LV九十九 (a level).
"""

from __future__ import annotations

from .digits import read_digits, read_number
from .rule import Rule, rule

# what may follow a cheer or a laugh: the end, a pause, a particle (not 666元, 2333年)
_SAID_ALONE = r"(?![0-9.%])(?=$|[\s，。！？,.!?~、…）)」”]|[啊呀哇了啦吧哈])"

RULES: tuple[Rule, ...] = (
    rule("cheer", r"(?<![0-9.A-Za-z])(?:6{3,}|23{3,})" + _SAID_ALONE, lambda m: read_digits(m.group())),
    rule("honestly", r"(?<![A-Za-z0-9])[Uu]1[Ss]1(?![A-Za-z0-9])", lambda m: "有一说一"),
    rule("hesitation", r"(?<![A-Za-z])[Ee]m{2,}(?![A-Za-z])", lambda m: "嗯"),
    rule("laughter", r"(?<![A-Za-z])h{3,}(?![A-Za-z])", lambda m: "哈" * min(len(m.group()), 4)),
    rule("level", r"(?<![A-Za-z])[Ll][Vv]\.? ?([0-9]+)(?![0-9.]| ?[-~～])", lambda m: "LV" + read_number(m.group(1))),
)
