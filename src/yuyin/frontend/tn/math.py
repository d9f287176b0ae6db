"""Arithmetic, comparisons, fractions, ranges, scores and ratios -> hanzi.

``1+1=2`` -> 一加一等于二, ``5-3=2`` -> 五减三等于二, ``3×4`` -> 三乘四, ``8÷2`` -> 八除以二,
``3>2`` -> 三大于二, ``3/4`` -> 四分之三, ``3-5天`` -> 三到五天, ``10~20`` -> 十到二十,
``3:2`` -> 三比二, ``±5`` -> 正负五, ``2^10`` -> 二的十次方, ``3²`` -> 三的平方, ``√2`` -> 根号二,
``3·15晚会`` -> 三一五晚会 (a month and day joined by a middle dot), ``2·47万`` -> 二点四七万 (elsewhere the
middle dot is a decimal point, as older print writes it).
A ``-`` or ``/`` between two numbers is only an operator inside an expression that also has
``=``, a comparison or another operator; alone it is a range or a fraction.
"""

from __future__ import annotations

import re
from math import factorial

from .digits import NUMBER, read_digits, read_number, read_one_of, superscript_digits
from .numbers import LIANG_AFTER
from .rule import Rule, context_after, context_before, rule

OPERATORS = {
    "+": "加", "-": "减", "×": "乘", "*": "乘", "·": "乘", "÷": "除以", "/": "除以",
    "=": "等于", "<": "小于", ">": "大于", "≤": "小于等于", "≥": "大于等于", "≠": "不等于",
    "≈": "约等于", "<=": "小于等于", ">=": "大于等于", "!=": "不等于",
}  # fmt: skip
_OPERATOR = r"(?:<=|>=|!=|[-+×*·÷/=<>≤≥≠≈])"
_TERM = r"-?" + NUMBER
_EXPRESSION = re.compile(r"(" + _TERM + r")|(" + _OPERATOR + r")")
_MARKS_MATH = set("+×*·÷=<>≤≥≠≈")  # any of these makes '-' and '/' operators too


def _worked_in_brackets(match: re.Match[str]) -> bool:
    """(3.2-1.2)×5, 10÷(8-6), (12-4)/2: an expression in brackets with a sign of sums just outside them (or the
    word an earlier rule made of it: 乘, 除以, 等于)."""
    before, after = context_before(match, 4), context_after(match, 4)
    return before[-1:] in ("(", "（") and after[:1] in (")", "）") and (
        after[1:].startswith(_SUM_SIGNS) or before[:-1].endswith(_SUM_SIGNS))


_SUM_SIGNS = (*_MARKS_MATH, "-", "/", "乘", "除以", "加", "减", "等于")


def _expression(match: re.Match[str]) -> str:
    text = match.group()
    operators = _OPERATOR_ONLY.findall(text)
    if not any(op[0] in _MARKS_MATH or op in ("<=", ">=", "!=") for op in operators) and not _worked_in_brackets(match):
        return text  # 3-5 or 3/4 alone: a range or a fraction, for the rules below
    spoken = []
    tokens = _EXPRESSION.findall(text.replace(" ", ""))
    for index, (term, operator) in enumerate(tokens):
        if term and spoken and not spoken[-1].endswith(tuple(OPERATORS.values())):
            # "5-3" tokenised as "5" then "-3": the minus is the operator
            spoken.append(OPERATORS["-"])
            term = term[1:]
        if operator == "/" and _proper_fraction(tokens, index):
            numerator = spoken.pop()
            spoken.append(f"{read_number(tokens[index + 1][0])}分之{numerator}")
            tokens[index + 1] = ("", "")  # read with its numerator
        elif term or operator:
            spoken.append(read_number(term) if term else OPERATORS[operator])
    return "".join(spoken)


def _proper_fraction(tokens: list[tuple[str, str]], index: int) -> bool:
    """Whether the ``/`` at tokens[index] makes a proper fraction of whole numbers not multiplied
    or divided further (1/3+1/6=1/2 reads 三分之一, but 6/2=3 and 1/2×4 read 除以)."""
    if not 0 < index < len(tokens) - 1:
        return False
    numerator, denominator = tokens[index - 1][0], tokens[index + 1][0]
    around = [tokens[i][1] for i in (index - 2, index + 2) if 0 <= i < len(tokens)]
    return (numerator.isdigit() and denominator.isdigit() and int(numerator) < int(denominator)
            and not any(op in ("×", "*", "·", "÷", "/") for op in around))


_OPERATOR_ONLY = re.compile(r"(?<=[0-9 ])" + _OPERATOR)


_FORMULA_TERM = r"[0-9A-Za-z._²³⁴⁵⁶⁷⁸⁹ⁿ]+"  # (a_n: an index, from aₙ; 2ⁿ)
_FORMULA_SIGN = r" ?[-+=<>≤≥×÷] ?"
_VARIABLE = re.compile(r"^[0-9.]*[nxyz][²³⁴⁵⁶⁷⁸⁹]?$|^[a-z](?:_[a-z0-9])?$")  # x, 3x, 2x², 3x⁴, 2n, a lone letter, a_n
_VARIABLE_WITH_COEFFICIENT = re.compile(r"^[0-9.]*[nxyz][²³⁴⁵⁶⁷⁸⁹]?$|^[0-9]+ⁿ$")
_WORD = re.compile("[A-Za-z]{3}")  # x-ray, n-gram: a word, no formula


def _formula(match: re.Match[str]) -> str:
    """3x-5>7, y=2x-1, 2x²-3x+1, 5-x<3, n-1: the signs of a formula with a variable, said as
    operators (减, not the 到 of a range or the 负 of a negative number); else left as it is (x-ray)."""
    text = match.group()
    terms = re.split(_FORMULA_SIGN, text)
    compares = re.search(r"[=<>≤≥]", text) is not None
    if not any(_VARIABLE_WITH_COEFFICIENT.match(term) or (compares and _VARIABLE.match(term)) for term in terms) or any(
            _WORD.search(term) for term in terms):
        return text
    return re.sub(_FORMULA_SIGN, lambda sign: OPERATORS[sign.group().strip()], text)


# 3x-5>7, y=2x-1, f(x)=3x²-2x+1 (before addresses, dates and ranges read a sign their way)
FORMULA = rule(
    "formula",
    r"(?:(?<![0-9A-Za-z./?&=_:@#%)-])|(?<=[A-Za-z]\([a-z]\)=))" + _FORMULA_TERM + r"(?:" + _FORMULA_SIGN + _FORMULA_TERM + r")+(?![0-9A-Za-z/.@_-])",
    _formula,
)


# x+1/x, 1/x≥2: a number over a letter beside a sign of a formula, a fraction (x分之一)
LETTER_FRACTION = rule(
    "letter_fraction",
    r"(?:(?:(?<=[-+=<>≤≥])|(?<=[-+=<>≤≥] ))([0-9]+)/([a-ce-z])(?![A-Za-z0-9])"  # not 3/d: per day
    r"|(?<![0-9A-Za-z./])([0-9]+)/([a-ce-z])(?= ?[-+=<>≤≥]))",
    lambda m: f"{m.group(2) or m.group(4)}分之{read_number(m.group(1) or m.group(3))}",
)

# a-b, 求b-a的值, (a+b)(a-b), a²-b², 1-sin²α: a minus between single letters, or before a function after a number
# (not e-mail, T-shirt, X-ray: a word's hyphen; nor a web address's /a-b)
LETTER_MINUS = rule("letter_minus", r"(?:(?<=(?<![A-Za-z/.@_:-])[a-z])|(?<=(?<![A-Za-z/.@_:-])[a-z][²³]))-(?=[a-z](?:[²³]|(?![A-Za-z/.])))"
                    r"|(?<=[0-9])-(?=(?:sin|cos|tan)(?![a-z]))", lambda m: "减")


def _absolute_value(match: re.Match[str]) -> str:
    inner = match.group(1)
    return inner[0] + inner[1:].replace("-", "减").replace("+", "加") + "的绝对值"


# |-3|, |x|, |x-1|: an absolute value (not a | between words or in a run of them: a|b|c)
ABSOLUTE_VALUE = rule("absolute_value", r"(?<![A-Za-z0-9|])\|(-?(?:[0-9]+(?:\.[0-9]+)?|[a-z])(?:[-+](?:[0-9]+|[a-z]))?)\|(?![A-Za-z0-9|])",
                      _absolute_value)

_FRACTION_PART = re.compile(r"([0-9]*)((?:[abcxyz]|π)?)")


def _said_part(part: str) -> str:
    digits, symbol = _FRACTION_PART.fullmatch(part).groups()
    return (read_number(digits) if digits else "") + symbol


def _symbol_fraction(match: re.Match[str]) -> str:
    numerator, denominator = match.groups()
    if numerator.isdigit() and denominator[-1] not in "xyzπ":
        return match.group()  # 3/4 (the fraction rules read it), 3/a: so much per year
    return f"{_said_part(denominator)}分之{_said_part(numerator)}"


# a/b, -b/a, π/2, 2π/3, a/2, 1/x: a fraction with a letter or π (b分之a, 三分之二π); not 3/a (per annum), n/a
SYMBOL_FRACTION = rule("symbol_fraction", r"(?<![A-Za-z0-9./])([0-9]*(?:[abcxyz]|π)|[0-9]+)/([0-9]*(?:[abcxyz]|π)|[0-9]+)(?![A-Za-z0-9/.])",
                       _symbol_fraction)

# 图1-2, 表3-1: a figure's or table's number, chapter then item
FIGURE_NUMBER = rule("figure_number", r"(?<=[图表])([0-9]{1,2})(?:-([0-9]{1,2})(?![0-9])|(?=所示|中|显示|列出))",
                     lambda m: read_number(m.group(1)) + ("杠" + read_number(m.group(2)) if m.group(2) else ""))

# 2·47万, 19·3%, 41·8比索, 兑8·28, 0·9个百分点: a middle dot between digits is a decimal point (as older print writes
# it), a full stop for the rules after; where it could join a month and its day (3·15, 5·12地震, “11·29”), only before
# 万/亿/%/a measure or unit (6·1%, 1·2米, 3·5平方公里, 6·2级) or as a value after 为/兑/达/至 (汇率为3·3), and never before
# a festival's 节 (3·8节) or an event's word in the clause (10·28万州公交坠江事件, 8·12天津港爆炸; not 6·2级地震,
# 6·1万多宗案件); a year and a month (1997·7于巴黎) are a date; not in a calculation (3·4=12) nor in a run of dotted
# groups
_MONTH_DAY = re.compile("(?:1[0-2]|0?[1-9])[·・](?:3[01]|[12][0-9]|0?[1-9])$")
_YEAR_MONTH = re.compile("((?:19|20)[0-9]{2})[·・](1[0-2]|[1-9])$")
_DECIMAL_AFTER = re.compile("[%％‰万亿千百倍元级]|[美港日欧]元|个百分点|[平立]方|" + LIANG_AFTER)
_EVENT_AFTER = re.compile("节|(?!级|[万亿千百][多余人元])[^，。；,;!！?？]{0,10}?(?:事件|事故|事变|惨案|血案|大案|案件|爆炸|地震|空难|"
                          "矿难|火灾|暴雨|坠江|袭击|枪击)")  # (not 6·2级地震, 6·1万多宗案件: a magnitude, a count)
_VALUE_BEFORE = re.compile("[为兑达至到约]$")
_CLAUSE_END = re.compile(r"$|[，。；、,;!！?？)）\s]")


def _middle_dot(match: re.Match[str]) -> str:
    if year_month := _YEAR_MONTH.match(match.group()):
        return f"{year_month.group(1)}年{year_month.group(2)}月"
    after = context_after(match, 4)
    a_value = _DECIMAL_AFTER.match(after) or _CLAUSE_END.match(after) and _VALUE_BEFORE.search(context_before(match, 1))
    if _MONTH_DAY.match(match.group()) and (not a_value or _EVENT_AFTER.match(context_after(match, 16))):
        return match.group()
    return match.group().replace("·", ".").replace("・", ".")


DECIMAL_DOT = rule("decimal_dot", r"(?<![0-9.·・=+×*÷/-])[0-9]+[·・][0-9]+(?![0-9]|[·・.][0-9]| ?" + _OPERATOR + ")", _middle_dot)

# 第 1/3 页, 第2/10页: a page of how many, not a fraction (第1/3页 共3页: the count is said after it)
# 满300-50, 满2000-200, 满59-5元, and 2000-50的东券, 2000-100 1000-50 东券: a coupon, so much off a spend of so much
# (not 年满18-60周岁, 满3-5年: a range; nor 期满2024-06-30, a date)
COUPON = rule("coupon", r"(?:(?<=满)|(?<![0-9.-])(?=[0-9]{2,}-[0-9]+(?: [0-9]{2,}-[0-9]+)* ?的?(?:[东京]券|优惠券|抵用券|券)))([0-9]{2,}) ?[-—] ?([0-9]+)(?![0-9.]|-[0-9])(?! ?(?:周岁|岁|年|个|天|月|日|人|次|小时|分钟|公里|米))",
              lambda m: f"{read_number(m.group(1))}减{read_number(m.group(2))}" if int(m.group(2)) < int(m.group(1)) else m.group())

# 第5/12期, 第2/3步: one of so many; 第3/4节, 第7/8章: two neighbouring ones (第1/3页: PAGE_OF)
ORDINAL_OF = rule("ordinal_of", r"第 ?([0-9]{1,3}) ?/ ?([0-9]{1,3}) ?([期步位集章节课讲轮])",
                  lambda m: "第" + read_one_of(m.group(1), m.group(2), m.group(3), neighbours=m.group(3) in "位集章节课讲"))

PAGE_OF = rule("page_of", r"第 ?([0-9]{1,4}) ?/ ?([0-9]{1,4}) ?页(?=([,，、 ]*共)?)",
               lambda m: f"第{read_number(m.group(1))}页" if m.group(3) else "第" + read_one_of(m.group(1), m.group(2), "页", neighbours=False))

# v=s/t, ρ=m/V: a formula in single letters, its slash a division (not "per ton")
LETTER_QUOTIENT = rule(
    "letter_quotient",
    r"(?<![A-Za-z0-9])([A-Za-zρ]) ?= ?([A-Za-z]) ?/ ?([A-Za-z])(?![A-Za-z0-9])",
    lambda m: f"{m.group(1)}等于{m.group(2)}除以{m.group(3)}",
)

# Days said by their own names: National Day, New Year's Day, the shopping days.
# A value or its move before a number: a price, a rate, a rise (股价10.1起涨, 机票价格11.11起, 跌到5.1回升)
_PRICE_MOVE_BEFORE = re.compile("价|涨|跌|至|到|增长|幅|率|报|收|元|指数|点位")
_NAMED_DAYS = {("10", "1"): "十一", ("1", "1"): "一月一日", ("11", "11"): "双十一", ("12", "12"): "双十二"}


def _dotted_day(month: str, day: str) -> str:
    """5.1 -> 五一, 3.15 -> 三一五, 10.1 -> 十一, 11.11 -> 双十一."""
    return _NAMED_DAYS.get((month, day)) or read_digits(month) + read_digits(day)


_SPORTS = re.compile(r"比分|比赛|战胜|击败|打败|负于|战平|险胜|大胜|惜败|力克|队|主场|客场|赢|输|胜|领先|落后|落败|告负"
                     r"|横扫|逆转|绝杀|零封|击溃|不敌|憾负|完败|战成|打成|[0-9一二两三四五六七八九十这本首次末该每上下开平]局|局[点末]"
                     r"|抢七|决胜|[0-9一二三四五]盘|点球|[上下全半]场|终场|最终|闷平|血洗|小胜|完胜|攻击波|小高潮|一波"
                     r"|射门|射正|角球|犯规|战绩|[女男]排|[女男国]足|[女男]篮|局分|回合|轻取|惨败|速胜|[男女]单|[男女]双|混双|投票|表决|裁定")  # (a game's 局, 开局, 平局; not 局地, 公安局)
# What right after a pair makes it a score that won (以11-7拿下, 5-4淘汰对手; not 以1-2万拿下, 3-5折拿下)
_WON_AFTER = re.compile(r"^\s?(?:拿下|胜出|淘汰|晋级|出线|夺冠|丢掉|输掉|赢下|取胜|获胜|击败|战胜|告负)")
# A unit a score may have: points, games, the shoot-out after it (112-108分险胜, 2-2点球大战; not 3-5分钟)
_SCORED = re.compile(r"分(?!钟)|局|盘|点球")
# 比分是11-7、9-11、11-5, 以6-4、3-6、7-5获胜: a later pair of a list whose clause speaks of a
# match, or a tie-break in brackets after a set's score (7-6（7-4）)
_SCORE_LIST = re.compile(r"[0-9]+-[0-9]+(?:[、,，]\s?|[(（])$")
_LIST_GOES_ON = re.compile(r"[、,，]\s?[0-9]+-[0-9]+")  # 费德勒6-4、6-3取胜: the first pair of such a list
# 他以6-4、6-3获胜: "以" right before a pair in a list of sets is a score's
_SCORE_BY = re.compile(r"(?<![可所难足得予加用给借])以\s?$")


# A sum to work out around a pair: 计算15-7, 口算：9-4, 15-7等于多少, 100-37是多少, 12-5的结果
_SUBTRACTED = re.compile(r"(?:计算|口算|心算|笔算|算一算|算一下|算出)[:：]?\s?$")
_DIFFERENCE_AFTER = re.compile(r"^\s?(?:等于多少|等于几|是多少|得多少|的(?:结果|差|值)|=)")


def _range(match: re.Match[str]) -> str:
    low, high = match.groups()
    before, after = context_before(match, 8), context_after(match, 4)
    clause = context_before(match, 40) + "|" + context_after(match, 20)
    in_list = _SCORE_LIST.search(before) is not None or _LIST_GOES_ON.match(context_after(match, 12)) is not None
    listed = in_list and _SPORTS.search(clause) is not None
    unit_at = match.end() + (after[:1] == " ")  # (a space before it: 东北风 3~4 级)
    measured = ((_COUNTED.match(match.string, unit_at) is not None or re.match(" (?:级|度|米|毫米|厘米|公里|摄氏度)", after) is not None)
                and not _SCORED.match(match.string, unit_at))  # 排队3-5分钟, 输入3-5个字, 风力 6-7 级: no score has a unit
    if _SUBTRACTED.search(before) or _DIFFERENCE_AFTER.match(after):
        return f"{read_number(low)}减{read_number(high)}"  # 计算15-7, 100-37是多少: a sum to work out
    drawn = after[:1] == "平" and low == high  # 2-2平: a draw (not 90~110平, square metres)
    # 巴萨 2-1 皇马: a pair set apart between two names
    between_names = (re.search("[\u4e00-\u9fff] $", before) is not None and re.match(" [\u4e00-\u9fff]", after) is not None
                     and re.match(" (?:之间|左右|以上|以下|以内|之内|不等)", after) is None  # (not 在 3-5 之间)
                     and not re.search("[~～]", match.group()))  # (a tilde writes a range: 气温 15~20 度)
    ordinal = before.endswith("第")
    if not measured and not ordinal and (_SPORTS.search(before + "|" + after) or drawn or listed or between_names or _WON_AFTER.match(after)
                         or (_SCORE_BY.search(before) and after[:1] in ("、", ",", "，"))):
        return f"{read_number(low)}比{read_number(high)}"  # a score: 112-108险胜, 1-0战胜
    if float(low) >= float(high) or (re.match("0[0-9]", high) and not low.startswith("0")):
        return f"{read_number(low)}杠{read_number(high)}"  # 3-2, B2-056: a code or an address part (not 01-05)
    counted = not ordinal and _COUNTED.match(match.string, match.end()) is not None  # 2-3天: 两到三天

    def read(number: str) -> str:
        return "两" if counted and number == "2" else read_number(number)

    return f"{read(low)}到{read(high)}"


_COUNTED = re.compile(LIANG_AFTER)


_POWERS = {"²": "的平方", "³": "的立方"}

def _ratio(match: re.Match[str]) -> str:
    """3:2 -> 三比二, 1:2:3 -> 一比二比三 (not 00:00:00, a time left to later rules); after the word
    for a ratio, a pause first: 粉水比1:15 -> 粉水比 一比十五 (not 比一比, compare)."""
    parts = match.group(1).split(":")
    if len(parts) > 2 and any(part.startswith("0") and not part.startswith("0.") for part in parts):
        return match.group()
    named = context_before(match, 1) == "比"
    return (" " if named else "") + "比".join(read_number(part) for part in parts) + (" " if match.group(2) else "")


def _factorial(match: re.Match[str]) -> str:
    """5!×4, 5!等于120, n! = 1×2×…×n, n!表示 -> 五的阶乘..., n的阶乘...; 5!=120 only where 120 is 5!'s
    value (else 5 != 120); not 仅剩3!), 99!+送礼品, 倒计时3！2！1！"""
    number, letter, compared = match.groups()
    if compared is not None and (letter or int(number) > 20 or factorial(int(number)) != int(compared)):
        return match.group()  # not equal, read later
    spoken = f"{letter or read_number(number)}的阶乘"
    return spoken + ("等于" + read_number(compared) if compared is not None else "")


RULES: tuple[Rule, ...] = (
    rule("factorial", r"(?:(?<![0-9.])([0-9]{1,3})|(?<![A-Za-z])([A-Za-z]))!(?:=([0-9]+)(?![0-9.])|(?=\s*(?:等于|[×*÷/])|\s+=)"
         r"|(?<=[A-Za-z]!)(?=表示))",
         _factorial),
    # 2^10, 3², 10⁻³, √2 (units such as m² were read before)
    rule(
        "power",
        r"(?<![0-9.])(" + NUMBER + r")(?:\^(-?" + NUMBER + r")|([²³])(?![⁰¹²³⁴⁵⁶⁷⁸⁹])|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?![0-9])",
        lambda m: read_number(m.group(1)) + (
            _POWERS[m.group(3)] if m.group(3) else f"的{read_number(m.group(2) or superscript_digits(m.group(4)))}次方"),
    ),
    # √3/2: the root over the number below it (二分之根号三, not 根号二分之三, the root of a fraction), and so
    # with its coefficient: 2√3/3 三分之二根号三 (not 二三分之根号三)
    rule("root_of", r"√(?=[(（])|√(?=[a-z](?![a-z]))", lambda m: "根号下" if m.string[m.end()] in "(（" else "根号"),  # √(x+1), √x
    rule("root", r"(?:(?<![0-9.])([0-9]+(?:\.[0-9]+)?))?√([0-9]+)/([0-9]+)(?![0-9/]|\.[0-9])|√(?=[0-9])",
         lambda m: f"{read_number(m.group(3))}分之{read_number(m.group(1)) if m.group(1) else ''}根号{read_number(m.group(2))}"
         if m.group(2) else "根号"),
    # 1·2·3: three or more small numbers joined by middle dots, each said, the dots kept as pauses (not 一·二三, a day)
    rule("dotted_list", r"(?<![0-9.·・])[0-9]{1,2}(?:[·・][0-9]{1,2}){2,}(?![0-9.·・]| ?" + _OPERATOR + ")",
         lambda m: "·".join(map(read_number, re.split("[·・]", m.group())))),
    # 3·15, 5·12, 9·11: a month and day joined by a middle dot name a day or what happened on
    # it (3·15晚会, 5·12地震), said digit by digit; not inside a calculation (3·4=12)
    rule(
        "dotted_day",
        r"(?<![0-9.=+×*÷/-])(1[0-2]|0?[1-9])[·・](3[01]|[12][0-9]|0?[1-9])(?![0-9.]| ?" + _OPERATOR + ")",
        lambda m: read_digits(m.group(1)) + read_digits(m.group(2)),
    ),
    # 5.1劳动节, 3.15晚会, 7.7事变, 5.20表白季, 8.8会员日: the same with a full stop, before the day's name
    rule(
        "dotted_holiday",
        r"(?<![0-9.])(1[0-2]|[1-9])\.(3[01]|[12][0-9]|[1-9])(?=劳动节|晚会|事变|惨案|纪念日|黄金周|小长假|假期|建党节|国庆|狂欢节|全球狂欢|年终盛典|年终大促"
        r"|国际|消费者|购物节|读书日|青年节|儿童节|建军节|国庆节|妇女节|植树节|光棍节|女神节|女生节|节快乐|放假|那天|当天|大促|期间|活动"
        r"|表白|告白|女王节|会员日|品牌日|划算节|年中大促)",
        lambda m: _dotted_day(m.group(1), m.group(2)),
    ),
    # 5.12汶川地震, “7.20”郑州特大暴雨, “23·7”海河流域特大洪水: a disaster named by its day (or its year and month),
    # digit by digit (not 5.1级地震, 5.5毫米的暴雨: a magnitude, an amount)
    rule("dotted_disaster", r"(?<![0-9.·・])(?:(1[0-2]|[1-9])\.(3[01]|[12][0-9]|[1-9])|(?<=[“\"‘])([12][0-9])[·・.](1[0-2]|[1-9])(?=[”\"’]))(?![0-9.·・])"
         r"(?=[”\"’]?(?!级|[万亿千百米度%％毫厘公个])[^，。；,;!！?？]{0,8}?(?:地震|暴雨|洪水|洪灾|特大|事件|事故|惨案|空难|矿难|火灾|爆炸|袭击|纪念日))",
         lambda m: "".join(read_digits(part) for part in m.groups() if part)),
    # 5.1去哪玩, 10.1起执行, 11.11零点开抢, 6.18买了个手机: a holiday or a shopping day known by its date, before what is
    # done on it (not 股价10.1起涨, 跌到5.1回升, 增长5.1起伏: a value)
    rule("dotted_day_out", r"(?<![0-9.])(5\.1|10\.1|6\.18|11\.11|12\.12)(?![0-9])"
         r"(?=去(?=哪|玩|旅|看|爬|逛|海|吃)|回家|回老家|出去|出游|出行|旅游|玩|买|抢|零点|开抢|节后|节前|起(?![步来涨售跌])"
         r"|正常营业|照常|促销|特惠|狂欢|打算|准备|计划|的时候|那几天|这几天|优惠|囤货|剁手)",
         lambda m: m.group() if _PRICE_MOVE_BEFORE.search(context_before(m, 6)) else _dotted_day(*m.group(1).split("."))),
    # 1米75: a height in metres and centimetres, the centimetres digit by digit (一米七五, 一米八, 两米二六)
    rule("height", r"(?<![0-9.])([12])米([0-9]{2})(?![0-9])",
         lambda m: ("两" if m.group(1) == "2" else read_number(m.group(1))) + "米" + read_digits(m.group(2).rstrip("0") or "0")),
    # 9秒83, 17米62, 1分26秒768: a time or a distance in sport, its hundredths (thousandths, after minutes) digit by
    # digit (九秒八三, 十七米六二; not 每5秒500毫升)
    rule("hundredths", r"(?<![0-9.])([0-9]{1,3})([秒米])([0-9]{2}|(?:(?<=分[0-9]秒)|(?<=[0-9]{2}秒))[0-9]{3})(?![0-9秒米厘公组次个下遍圈趟]|\.[0-9])",
         lambda m: read_number(m.group(1)) + m.group(2) + read_digits(m.group(3))),
    # 7.5折: a discount, its digits said as a pair (七五折)
    rule("discount", r"(?<![0-9.])([1-9])(?:\.([0-9])|([1-9]))(?=折(?![合算叠射腾磨旧价扣]))", lambda m: read_digits(m.group(1) + (m.group(2) or m.group(3)))),  # 75折: 七五折
    # 996工作制, 999足金, 925银, 95新 (a used thing's state), 120胶卷, 135画幅 (film formats), ©2024: numbers named by their digits
    rule("digit_names", r"(?<![0-9.])(?:996|955|007)(?=工作制)|(?<=[“\"])(?:996|955|007|1314|520)(?=[。！!]?[”\"])|(?<![0-9.])(?:999|9999)(?=足金|纯金|足银)|(?<![0-9.])925(?=银|纯银)"
         r"|(?<![0-9.])(?:9[0-9]|8[5-9])(?=新(?![款品车房楼闻加人生疆年春手能增开])|成新)|(?<![0-9.])(?:120|135)(?=胶卷|胶片|画幅|底片|片幅|相机)|(?<=©)(?:19|20)[0-9]{2}",
         lambda m: read_digits(m.group())),
    rule(
        "expression",
        r"(?<![0-9.A-Za-z])" + _TERM + r"(?: ?" + _OPERATOR + r" ?" + _TERM + r")+(?![0-9]|\.[0-9])",
        _expression,
    ),
    rule("plus_minus", r"±(?=[0-9])", lambda m: "正负"),
    # 3:2, 1:1000, 16:9, 1:2:3 (times were read before; not PM2.5：85, a reading); a space after it keeps 三比一 apart from
    # the word after it (三比一战胜: not 一战), where a reader pauses anyway
    rule(
        "ratio",
        r"(?<![0-9.])(?<![0-9]:)(?<!PM)(" + NUMBER + r"(?::" + NUMBER + r")+)(?![0-9]|:[0-9])(?=([\u4e00-\u9fff])?)",
        _ratio,
    ),
    # 6/7月, 一晚7/800, 风力6/7级, 5/6分熟: two neighbouring numbers, an estimate (六七月, 七八百, 六七级, 五六分熟), not a
    # fraction; over hundreds only after 2 (1/200 and 1/100 are shares)
    rule("neighbours", r"(?<![0-9./])([1-9])/(([2-9])(?=月)|(?<!1/)([3-9])(?=级|成热|分熟)|(?<![01]/)([2-9])(00+))(?![0-9/]|\.[0-9])",
         lambda m: read_number(m.group(1)) + read_number(m.group(2))
         if int(m.group(3) or m.group(4) or m.group(5)) == int(m.group(1)) + 1 else m.group()),
    rule(
        "fraction",
        r"(?<![0-9./])([0-9]+)/([0-9]+)(?![0-9/]|\.[0-9])",
        lambda m: f"{read_number(m.group(2))}分之{read_number(m.group(1))}",
    ),
    rule(
        "range",
        r"(?<![0-9.])(" + NUMBER + r") ?[-~～—–] ?(" + NUMBER + r")(?![0-9]|\.[0-9])",
        _range,
    ),
)
