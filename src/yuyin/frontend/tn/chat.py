"""Chat and game shorthand said as what it stands for, not as the numbers or letters it is
written with: ``666`` -> 六六六 (well played; not 六百六十六), ``2333`` -> 二三三三 (laughter),
``520快乐`` -> 五二零快乐, ``88~`` -> 八八 (bye-bye),
``u1s1`` -> 有一说一, ``xswl`` -> 笑死我了, ``emmm`` -> 嗯, ``hhhh``, ``HHHH`` -> 哈哈哈哈,
``Lv.99`` -> LV九十九 (a level), ``KDA 10/2/8`` -> KDA 十杠二杠八.
"""

from __future__ import annotations

import re

from .digits import read_digits, read_number
from .rule import Rule, context_after, context_before, rule

# Before a cheer or a laugh: not a word that makes it a quantity (考了666, 总分是666, 售价 666 元)
_COUNTED_BEFORE = re.compile("[了是到为共有价格钱分考计约达过第号数值额]\\s*$")
# After it: the end, a pause, a particle (not 666元, 2333年, 666 人)
_SAID_ALONE = re.compile("\\s*(?:$|[，。！？,.!?~、…）)」”]|[啊呀哇啦吧哈笑呜了])")
# Or what is said next, no measure of what it counts (666翻了, 2333太好笑了, 5555我好难过; not 666元, 555路公交, 2333年)
_SAID_NEXT = re.compile("\\s*(?![元块角人个年月日号次位名米克斤分秒天岁件条只张路楼层页期届公千万亿倍度份套台辆家份])[\u4e00-\u9fff]")
# A laugh near it: 233 means laughter too, and a 了 ends what was said (笑死我了2333, 哈哈哈233, 233太好笑了)
_LAUGHING = re.compile("[笑逗哈]|h{2,}")


def _cheer(match: re.Match[str]) -> str:
    """666 (well played), 2333 (laughter), 555 (crying) digit by digit where nothing makes them a number: alone,
    or before what is said next (a three-digit 555 or 233 only with a laugh near)."""
    before, after = context_before(match, 6), context_after(match, 6)
    laughing = _LAUGHING.search(before) is not None
    counted = _COUNTED_BEFORE.search(before) is not None and not (laughing and before.rstrip().endswith("了"))
    if counted or (match.group() == "233" and not (laughing or _LAUGHING.search(after))):
        return match.group()
    if not (_SAID_ALONE.match(after) or _SAID_NEXT.match(after) and (len(match.group()) > 3 or _LAUGHING.search(after)
                                                                        or match.group() == "666")):
        return match.group()
    return read_digits(match.group())


# 520 (I love you, and the day of 5.20), 1314 (for a lifetime): said digit by digit where they mean that (not
# 一共520节, 第520节课: sections counted)
_LOVE_CODE = ("(?<![0-9.])(?:5201314|1314520)(?![0-9.])|(?<![0-9.共第])520(?=快乐|表白|告白|礼物|那天|当天|这天|情人节|节(?![目约省点能课])|特辑|限定)"
              "|(?:(?<=今天是)|(?<=明天是)|(?<=今天)|(?<=明天))520(?=$|[，。！？,.!?~～、…])|(?<=爱你)1314(?![0-9.])|(?<![0-9.])1314(?=[，, ]?一生一世)")

# Pinyin initialisms of chat, said as the words they stand for, not letter by letter (yyds, often
# said as its letters, is left to be spelled).
_INITIALISMS = {
    "xswl": "笑死我了", "awsl": "啊我死了", "tql": "太强了", "dbq": "对不起", "nsdd": "你说得对",
    "srds": "虽然但是", "yysy": "有一说一", "zqsg": "真情实感", "bhys": "不好意思", "xjj": "小姐姐",
    "xdm": "兄弟们", "yygq": "阴阳怪气", "pyq": "朋友圈",
}  # fmt: skip
# Around an initialism being explained: a question of what it means (xswl是什么意思, “dbq”的缩写,
# 什么是tql)
_ASKED_AFTER = re.compile(r"""[”’"'」』]?\s*(?:(?:(?:就|也)?是(?:什么|啥)|什么|啥|的)?(?:意思|缩写|全称)|指的是)""")
_ASKED_BEFORE = re.compile(r"""(?:什么是|网络用语)\s*[“‘"'「『]?$""")


def _initialism(match: re.Match[str]) -> str:
    """A chat initialism said as its words (xswl -> 笑死我了), or spelled where it is explained:
    asked about (xswl是什么意思, 什么是tql) or its words follow (xswl=笑死我了,
    tql就是太强了的意思)."""
    words = _INITIALISMS[match.group()]
    after = context_after(match, 12)
    if words in after or _ASKED_AFTER.match(after) or _ASKED_BEFORE.search(context_before(match, 6)):
        return match.group()
    return words


def _countdown(match: re.Match[str]) -> str:
    """A run of digits down to 1 (3、2、1) with a pause after each, 1 included; not digits that do not count down."""
    digits = [int(digit) for digit in match.group(1).split("、") if digit] + [1]
    if any(high - low != 1 for high, low in zip(digits, digits[1:])):
        return match.group()
    return "，".join(read_digits(str(digit)) for digit in digits) + "，"


# Faces drawn with signs, unsaid: a bracket of no letters, digits or words that holds two or more of a face's parts
# ((｡･ω･｡), (๑>◡<๑), o(╥﹏╥)o, _(:з」∠)_; not (ω=2πf), (25°C)), eyes either side of a mouth (=_=, T_T, (^_^)v, -_-||,
# = =, =。=), and == or || standing alone (我==了, ||无语; not a==b, x||y)
_FACE_PARTS = "･ω๑•◡╥﹏∀´`˘▽≧≦⊙ㅂಥДﾟ°̀́︶ᴗ✧≖ε³ᵕ︿з」∠"
_KAOMOJI = (r"[_oOヽ٩ᕦ]?[(（](?=[^()（）]{0,14}[" + _FACE_PARTS + r"][^()（）]{0,14}[" + _FACE_PARTS + r"])"
            r"[^()（）\u4e00-\u9fffA-Za-z0-9]{1,16}[)）][_oOvﾉノ۶وᕤ✧]*"
            r"|(?<![A-Za-z0-9])(?<![A-Za-z0-9] )[(（]?(?:[=\-T^><;]_+[=\-T^><;]|=[ 。.]=(?! [A-Za-z0-9]))[)）]?(?:(?<=[)）])v)?(?![A-Za-z0-9])(?:\|\|)?"
            r"|(?<![A-Za-z0-9)\]）=|])(?<![A-Za-z0-9)] )(?:==|\|\|)(?![A-Za-z0-9(（=|])(?! [A-Za-z0-9(])")  # (not a || b)

RULES: tuple[Rule, ...] = (
    rule("kaomoji", _KAOMOJI, lambda m: ""),
    rule("cheer", r"(?<![0-9.A-Za-z-])(?:6{3,}|23{2,}|5{3,})(?![0-9.%-])", _cheer),  # (not 8888-6666: a phone number)
    rule("love_code", _LOVE_CODE, lambda m: read_digits(m.group())),
    # 996福报, 拒绝996, 955的工作: working hours (nine to nine, six days a week), digit by digit
    rule("work_hours", r"(?<![0-9.])(?:996|955|965|007)(?![0-9.])(?=福报|工作制|制度|的工作|的公司|太累|加班|模式|作息|[，。！？,.!?]|$)"
         r"|(?:(?<=拒绝)|(?<=反对)|(?<=实行)|(?<=推行)|(?<=公司))(?:996|955|965|007)(?![0-9.])", lambda m: read_digits(m.group())),
    # 3、2、1上链接, 5、4、3、2、1开抢: a countdown, each number a beat of its own and 1 last (一 said whole, yi1;
    # not 第3、2、1名, 3、2、1号: a list)
    rule("countdown", r"(?<![0-9.、第])((?:[2-9]、)+)1(?=[\u4e00-\u9fff])(?![名个号位次期届楼层件条张种类])", _countdown),
    # 88~, 88啦: bye-bye, before a chat particle (not 88~99, 考了88)
    rule("bye", r"(?:^|(?<=[\s，。！？,!?]))88(?=[~～]+(?![0-9])|啦|咯)", lambda m: "八八"),
    rule("honestly", r"(?<![A-Za-z0-9])[Uu]1[Ss]1(?![A-Za-z0-9])", lambda m: "有一说一"),
    # not part of an address or a name (xswl.com, @tql, tql_2, user_xswl)
    rule("initialism", rf"(?<![A-Za-z0-9_.@/-])(?:{'|'.join(_INITIALISMS)})(?![A-Za-z0-9_@/-]|\.[A-Za-z])",
         _initialism),
    rule("hesitation", r"(?<![A-Za-z])[Ee]m{2,}(?![A-Za-z])", lambda m: "嗯"),
    rule("laughter", r"(?<![A-Za-z])(?:[Hh]h{2,}|H{3,})(?![A-Za-z])", lambda m: "哈" * min(len(m.group()), 4)),
    # KDA 10/2/8, 战绩3/5/12: kills, deaths and assists, a 杠 between (十杠二杠八; not read as a date or fractions)
    rule("kda", r"(?:(?<=KDA)|(?<=战绩))((?:是|为)?[:：]? ?)([0-9]{1,2})/([0-9]{1,2})/([0-9]{1,2})(?![0-9/])",
         lambda m: m.group(1) + "杠".join(read_number(n) for n in m.groups()[1:])),
    # a game level: Lv99, Lv.99, LV.99 (not LV 2024, a brand's season, nor LV 52mm, the left ventricle)
    rule("level", r"(?<![A-Za-z])(?:[Ll]v\.? ?|LV\. ?)([0-9]+)(?![0-9.]| ?[-~～])", lambda m: "LV" + read_number(m.group(1))),
)
