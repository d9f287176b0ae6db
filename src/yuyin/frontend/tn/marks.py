"""Signs and marks read by what they mark where they stand: a key's flat or sharp (降B大调), a work's or an
episode's number (Op.27), a game's lowered stat (攻击力-10 减) and Roman tier (星耀III), a Roman numeral after a name
(Louis XIV, World War II), a sign named by its use
(用#注释 井号), code's && and ||, a cross or letters for a word left out (×××, XX公司 某某), a grade of so many
A's (AAAAA级 五A级).
"""

from __future__ import annotations

import re

from .digits import read_digits, read_number, roman_value
from .rule import Rule, context_after, context_before, rule

# ♭B大调, B♭大调, Bb大调, #C小调, F♯小调: a key's flat or sharp, 降 or 升
# and a note's, written with ♭ or ♯ (C♯和D♭, 1=♭E, E、F♯、G♯) or a # after 1= (1=#F; not C#, a language)
MUSICAL_KEY = rule("musical_key", r"(?:([♭♯#])([A-G])|([A-G])([♭♯#b]))(?=大调|小调|调)"
                   r"|(?<![A-Za-z])(?:([♭♯])([A-G])|([A-G])([♭♯]))(?![A-Za-z0-9])|(?<==)(#)([A-G])(?![A-Za-z])",
                   lambda m: ("升" if next(filter(None, m.group(1, 4, 5, 8, 9))) in "♯#" else "降") + next(filter(None, m.group(2, 3, 6, 7, 10))))

# Op.27: a composer's work number, 作品第二十七号; Ep.10: an episode
# 开普勒-452b, TRAPPIST-1e: a planet or a star named by its catalogue number, digit by digit, its dash not said
CATALOGUE_STAR = rule("catalogue_star", r"(?:(?<=开普勒)|(?<=TRAPPIST)|(?<=格利泽)|(?<=Kepler))-([0-9]+)(?![0-9])",
                      lambda m: read_digits(m.group(1)))
OPUS = rule("opus", r"(?<![A-Za-z])(?:(Op|op|OP|Ep|EP)\. ?|(Op|Ep|EP) )([0-9]+)(?![0-9.]|分|秒)",  # (op.23, OP.23, Op 23; not OP 1很燃: an anime's opening)
            lambda m: (f"作品第{read_number(m.group(3))}号" if (m.group(1) or m.group(2)).lower() == "op" else "EP" + read_number(m.group(3))))

# 攻击力-10, 冷却-2秒: a game's stat lowered, 减
STAT_MINUS = rule("stat_minus", "(?:" + "|".join(f"(?<={stat})" for stat in "攻击 攻击力 防御 防御力 冷却 伤害 血量 生命 生命值 法力 法力值 护甲 "
                                                                                "暴击 暴击率 移速 攻速 属性".split()) + ") ?-(?=[0-9])",
                  lambda m: "减")

# 星耀III, 钻石IV, 《教父II》: a rank's tier or a sequel's number in Roman numerals
ROMAN_TIER = rule("roman_tier", r"(?:(?<=星耀)|(?<=钻石)|(?<=黄金)|(?<=白银)|(?<=青铜)|(?<=铂金)|(?<=王者)|(?<=大师)|(?<=宗师)) ?(III|II|IV|I|V)(?![A-Za-z])"
                  r"|(?<=[\u4e00-\u9fff])(?<!企业)(?<!品牌)(?<!公司)(?<!店铺)(?<!标志)(?<!设计)(?<!形象)(?<!视觉)(XIII|XII|XI|IX|VIII|VII|VI|III|II|IV)(?=》)"
                  # 劣V类水质, 水质为V类, 启动V级响应: water quality classes and emergency levels in Latin letters
                  r"|(?<![A-Za-z0-9])(V)(?=类水|类地表水|级响应|级应急|级预警)|(?:(?<=劣)|(?<=[为是、]))(V)(?=类)",
                  lambda m: read_number(str(roman_value(next(group for group in m.groups() if group)))))

# Roman numerals from II to XX (not I, V or X alone: a letter as often as a number)
_ROMAN_NUMERAL = "(?:XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|IX|VIII|VII|VI|IV|III|II)"  # (not XX: a name left out, Mr XX)
_NAME_BEFORE = re.compile("(?<![A-Za-z])[A-Z][a-z]{1,15} $")
_BRANDING = ("Brand", "Corporate", "Company", "Visual")


def _roman_after_name(match: re.Match[str]) -> str:
    """Louis XIV, Henry VIII, World War II, Final Fantasy VII: a monarch's, a sequel's or a war's number after a name
    in Latin letters (Louis 十四); WWII, WWI: 二战, 一战."""
    if match.group(1):
        return "二战" if match.group(1) == "II" else "一战"
    name = _NAME_BEFORE.search(context_before(match, 17))
    if not name or match.group(2) == "VI" and (name.group().strip() in _BRANDING or re.match(" ?(?:设计|手册|规范|系统)", context_after(match, 3))):
        return match.group()  # (Brand VI, VI设计: a visual identity)
    return read_number(str(roman_value(match.group(2))))


ROMAN_AFTER_NAME = rule("roman_after_name", r"(?<![A-Za-z])WW(II|I)(?![A-Za-z])|(?<![A-Za-z0-9])(" + _ROMAN_NUMERAL + ")(?![A-Za-z0-9])",
                        _roman_after_name)

# 用#注释, 用*表示乘法: a sign named as what is used, by its name
_SIGN_NAMES = {"#": "井号", "*": "星号", "|": "竖线", "!": "感叹号", "&": "和号", "%": "百分号", "~": "波浪号", "/": "斜杠", "\\": "反斜杠"}
NAMED_SIGN = rule("named_sign", r"(?<=用)([#*|!&%~/\\])(?=表示|注释|写|标注|分隔|连接|代替|隔开|开头|结尾|作为|来)",
                  lambda m: _SIGN_NAMES[m.group(1)])

# 我❤你, 我♥北京: a heart between words, said as 爱
HEART = rule("heart", r"(?<=[\u4e00-\u9fff])(?:❤️|❤|♥|♡)(?=[\u4e00-\u9fff])", lambda m: "爱")
# SK-II, SKII: the brand, its Roman two said as a number
SK_II = rule("sk_ii", r"(?<![A-Za-z])SK-?II(?![A-Za-z])", lambda m: "SK二")

# a&&b, a||b: the logical and and or of code
LOGICAL = rule("logical", r" ?(&&|\|\|) ?", lambda m: "与" if m.group(1) == "&&" else "或")

# ×××, ×你大爷: a cross for a word left out (叉), not a multiplication (鸡蛋×3, 长×宽 are), nor a name left out (××食品有限公司, below)
CENSORED = rule("censored", r"×{2,}(?!×)(?![\u4e00-\u9fff]*(?:公司|集团|食品|有限|医院|学校|小区|先生|女士|同学|老师|市|县|区|省|路|街|村|号|栋|楼|室|单元|巷|弄))|(?<![0-9A-Za-z零一二两三四五六七八九十)）\]%\u4e00-\u9fff×])×(?=[\u4e00-\u9fff])", lambda m: "叉" * len(m.group()))

# XX公司, XXX先生, ××食品有限公司: letters or crosses standing for a name left out, 某 (not XXL, 第XX届, XX染色体)
PLACEHOLDER = rule("placeholder", r"(?<![A-Za-z第×])(?:X{2,3}|x{2,3}|×{2,4})(?![A-Za-z×])(?=[\u4e00-\u9fff])(?!染色体)", lambda m: "某" * len(m.group()))


# AAAAA级景区, AAA级信用: a grade of so many A's, said by their count (五A级)
GRADE_OF_AS = rule("grade_of_as", r"(?<![A-Za-z])(A{3,5})(?=级)", lambda m: read_number(str(len(m.group(1)))) + "A")

RULES: tuple[Rule, ...] = (
    HEART,
    SK_II,
    GRADE_OF_AS,
    MUSICAL_KEY,
    OPUS,
    CATALOGUE_STAR,
    STAT_MINUS,
    ROMAN_TIER,
    ROMAN_AFTER_NAME,
    NAMED_SIGN,
    LOGICAL,
    CENSORED,
    PLACEHOLDER,
)
