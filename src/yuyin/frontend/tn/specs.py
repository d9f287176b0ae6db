"""Spec sheets, recipes and building sites: the numbers, signs and units of model names (Qwen2.5-72B), standards and
machine codes (GB50204-2015 杠), signed levels (标高-3.600m 负, +54.600m 正), numbered buildings (1#-3#楼), units
written without superscripts (m2, m3), consumptions (4.1L/100km), lists and ranges written with slashes or dashes
(4980/1890/1475mm, 2/4号线, 80-90平), a pregnancy's weeks (孕6w+2d), sets and repetitions (4x8-12次), sensor sizes
(1/1.3英寸), counts after a thing (鸡蛋x2) and formulas in words (最大心率=220-年龄, 水:面=1:2).
"""

from __future__ import annotations

import re

from .digits import read_digits, read_number
from .rule import Rule, context_after, context_before, rule

# Qwen2.5-72B-Instruct, Llama-3-8B, GLM-4-9B: a dash inside a model's name before its size in parameters is no range
# (not 内存3-8GB, whose number comes after Chinese)
def _model_dash(match: re.Match[str]) -> str:
    return " " if re.search(r"[A-Za-z][A-Za-z0-9.-]*[0-9]$", context_before(match, 24)) else match.group()


MODEL_DASH = rule("model_dash", r"(?<=[0-9])-(?=[0-9]+(?:\.[0-9]+)?[BbMmKkTt](?![A-Za-z0-9]))", _model_dash)

# M.2 (an SSD's slot and form): the dot is said
M2_SLOT = rule("m2_slot", r"(?<![A-Za-z0-9])M\.2(?![0-9])", lambda m: "M点二")

# 50m3/h, 100m3: cubic metres written without the superscript
CUBIC_METRES = rule("cubic_metres", r"(?<=[0-9/])m3(?![0-9A-Za-z])", lambda m: "m³")

# DN100, PN16, HRB400, PT100, PE100: a pipe's size or a grade, a number (DN一百)
GRADE_NUMBER = rule("grade_number", r"(?<![A-Za-z])(DN|PN|HRB|PT|PE) ?([0-9]{2,4})(?![0-9.])", lambda m: m.group(1) + read_number(m.group(2)))

# AC220V, AC 380V: an alternating voltage
AC_VOLTAGE = rule("ac_voltage", r"(?<![A-Za-z])(AC|DC) ?([0-9]{2,4}) ?V(?![A-Za-z])", lambda m: m.group(1) + read_number(m.group(2)) + "伏")

# 标高-3.600m, 偏差+5mm，-3mm, -10#柴油, 电势为-0.76V, 增益-3dB: a minus before a measured number (not 3-5mm, 3-5V: ranges;
# nor 女子-49kg, 歼-35A: a weight class, a name)
SIGNED_MEASURE = rule("signed_measure", r"(?<![0-9A-Za-z)）\]^#])-(?=[0-9]+(?:\.[0-9]+)? ?(?:m(?![A-Za-z²³])|mm|cm|MPa|kPa|Pa|#|[mk]?[VW]|k?J|N|dB|km|ms)(?![A-Za-z]))"
                      r"|(?<=[为是流:：])-(?=[0-9]+(?:\.[0-9]+)? ?m?A(?![A-Za-z]))",  # 电流为-5A (amperes only as a value: not 歼-35A)
                      lambda m: "负")

# 较上周-0.8kg, 较昨日-5ms: a change against a time before, its minus a sign
CHANGE_MINUS = rule("change_minus", r"(?<=较)([\u4e00-\u9fff]{1,3}) ?-(?=[0-9])", lambda m: m.group(1) + "负")

# -20~+60℃, 标高+3.000m, X=+125.350, +5℃以上: a plus sign marking a positive value (正), not an addition
def _positive(match: re.Match[str]) -> str:
    """-20~+60℃ 零下二十到六十 (the temperature rule reads the range), else 正."""
    warm = re.match(r"[0-9.]+ ?(?:℃|°C)", context_after(match, 8))
    return "" if warm and re.search(r"[~～至到]\s?$", context_before(match, 2)) else "正"


POSITIVE = rule("positive", r"(?:(?<=[~～至到=])|(?<=标高)|(?<=标高为)|(?<=高程)|(?<=偏差)|(?<=^)) ?\+(?=[0-9]+(?:\.[0-9]+)? ?(?:℃|°C|m(?![A-Za-z])|mm|%)|[0-9]+\.[0-9]{3})",
                _positive)

# GB50204-2015, JGJ59-2011, PC200-8, S7-1200, 结施-03: the dash inside a standard's or a machine's code, or a
# drawing's number, 杠 (not 5km-10km, DDR5-6000, P12-156, A320-200, -0.5%: ranges, speeds, pages and signs)
_CODED = re.compile(r"(?<![A-Za-z0-9])(?:GB|JGJ|JTG|CJJ|DBJ|DL|SL|HG|JB|YB|PC|SC|QTZ|DZ|CJX|AD|JR|NM|YE|S|Y)[0-9]+[A-Z]?$")


def _code_dash(match: re.Match[str]) -> str:
    before, number = context_before(match, 12), match.group(1)
    if not (_CODED.search(before) or re.search(r"[\u4e00-\u9fff]$", before) and re.fullmatch("0[0-9]+", number)):
        return match.group()
    return "杠" + (read_digits(number) if re.fullmatch("(?:19|20)[0-9]{2}|0[0-9]*", number) else number)  # GB50204杠二零一五


CODE_DASH = rule("code_dash", r"(?<=[0-9A-Z\u4e00-\u9fff])-([0-9]+)(?![0-9.%]|[A-Za-z])", _code_dash)

# 1#-3#楼, 1#~5#楼: a range of numbered buildings or machines
NUMBERED_RANGE = rule("numbered_range", r"(?<=[0-9]#) ?[-~～] ?(?=[0-9]+#)", lambda m: "到")

# 90m2, 3万/m2: square metres written without the superscript
SQUARE_METRES = rule("square_metres", r"(?<=[0-9/])m2(?![0-9A-Za-z])", lambda m: "m²")

# 4.1L/100km, 13.5kWh/100km: a consumption per hundred kilometres
PER_HUNDRED_KM = rule("per_hundred_km", r"(?<=[A-Za-z升度])/100 ?(?:km|公里)(?![A-Za-z])", lambda m: "每百公里")

# 400N·m/1750-4000rpm: torque, then the engine speeds it is reached at (not "per")
TORQUE_AT = rule("torque_at", r"(?<=N·m)/(?=[0-9]+(?:-[0-9]+)? ?rpm)", lambda m: "，")

# 元/m²·月, 元/平方米·月: the dot before a period is "per" it
PER_PERIOD = rule("per_period", r"(?:(?<=m²)|(?<=[㎡米]))·(?=[月天年日])", lambda m: "每")

# 长宽高4980/1890/1475mm, 分期可选12/24/36期: a list of three or more numbers between slashes
def _slashed_list(match: re.Match[str]) -> str:
    return "、".join(match.group().split("/"))


SLASHED_LIST = rule("slashed_list", r"(?<![0-9./])[0-9]{1,4}(?:/[0-9]{1,4}){2,}(?![0-9./])(?= ?(?:mm|毫米|期|个月|月))", _slashed_list)

# 地铁2/4号线, 3/4/5号线: lines of the metro, each named
LINES = rule("lines", r"(?<![0-9./])([0-9]{1,2}(?:/[0-9]{1,2})+)(?=号线)",
             lambda m: "号线、".join(read_number(number) for number in m.group(1).split("/")))

# 80-90平: a range of floor areas (not a score, nor 战成2-2平: a draw)
AREA_RANGE = rule("area_range", r"(?<=[0-9]{2})-(?=[0-9]{2,} ?平(?![方台安均时板衡常稳静价行面果等]))", lambda m: "到")

# 楼盘2期, 小区1期: a phase of a development, an ordinal
PHASE = rule("phase", r"(?:(?<=楼盘)|(?<=小区)|(?<=项目))([0-9])(?=期)", lambda m: read_number(m.group(1)))

# 1000+km: more than so many kilometres (一千多公里)
KM_AFTER_PLUS = rule("km_after_plus", r"(?<=[0-9]\+) ?km(?![A-Za-z])", lambda m: "公里")

# 孕6w+2d, 孕12w: weeks and days of a pregnancy, as a scan report writes them
PREGNANCY = rule("pregnancy", r"(?<=孕)([0-9]{1,2})[wW](?:\+([0-9])[dD])?(?![A-Za-z0-9])",
                 lambda m: read_number(m.group(1)) + "周" + (f"加{'两' if m.group(2) == '2' else read_number(m.group(2))}天" if m.group(2) else ""))

# 10W+, 1W+阅读: W for 万 before a plus (10万+, not ten watts)
MYRIAD_W = rule("myriad_w", r"(?<![0-9.A-Za-z])([0-9]{1,4}(?:\.[0-9])?)[Ww](?=\+)", lambda m: ("两" if m.group(1) == "2" else read_number(m.group(1))) + "万")

# 4x8-12次, 3×10-15个: sets of a range of repetitions (a range, not a minus)
REPS_RANGE = rule("reps_range", r"(?<![0-9.])([0-9]+) ?[xX×*] ?([0-9]+)-([0-9]+)(?= ?(?:次|个|下|组|遍))",
                  lambda m: f"{read_number(m.group(1))}乘{read_number(m.group(2))}到{read_number(m.group(3))}")

# 1/1.3英寸, 1/2.76": a camera sensor's size, one over a decimal
SENSOR_SIZE = rule("sensor_size", r"(?<![0-9.])1/([0-9]+\.[0-9]+)(?= ?(?:英寸|寸|\"|型|大底))",
                   lambda m: read_number(m.group(1)) + "分之一")

# Words of algebra near x1, x2: the roots or the points of a problem, not a count (其中x1和x2是方程的两根, 若x1<x2)
_ALGEBRA = re.compile("方程|函数|根|求|已知|若|则|设|令|韦达|解|值|代入|不等式|坐标|变量|定理|比较|大小")


def _times_count(match: re.Match[str]) -> str:
    nearby = context_before(match, 12) + "|" + match.string[match.end():match.end() + 12]
    return match.group() if _ALGEBRA.search(nearby) else "乘"


# 鸡蛋x2, 深蹲3组x12个: how many of what was just named (not x86, x64: architectures; nor 荣耀X50, a model; nor x1, x2
# near words of algebra)
TIMES_COUNT = rule("times_count", r"(?<=[\u4e00-\u9fff])x(?!(?:86|64)(?![0-9]))(?=[0-9]+(?:\.[0-9]+)?(?![0-9.]| ?[A-Za-z]))", _times_count)

# 最大心率=220-年龄, 储备心率=最大心率-静息心率: a minus between words of a formula (an = before it in the clause)
def _word_minus(match: re.Match[str]) -> str:
    return "减" if re.search(r"=[^，。；,;=]*$", context_before(match, 20)) else match.group()


WORD_MINUS = rule("word_minus", r"(?<=[0-9\u4e00-\u9fff)）])-(?=[(（\u4e00-\u9fff])", _word_minus)

# 水:面=1:2, 水泥:沙:石=1:0.5:2: a colon between words before a ratio is 比
WORD_RATIO = rule("word_ratio", r"(?<=[\u4e00-\u9fff]):(?=[\u4e00-\u9fff]{1,3}(?::[\u4e00-\u9fff]{1,3})* ?= ?[0-9]+(?:\.[0-9]+)?:[0-9])",
                  lambda m: "比")

# 发病率为3.5/10万: a rate per ten thousand, a hundred thousand or a million
PER_MYRIADS = rule("per_myriads", r"(?<=[0-9])/(?=(?:1|10|100)万(?![0-9]))", lambda m: "每")


RULES: tuple[Rule, ...] = (
    MODEL_DASH,
    M2_SLOT,
    CUBIC_METRES,
    GRADE_NUMBER,
    AC_VOLTAGE,
    SIGNED_MEASURE,
    CHANGE_MINUS,
    POSITIVE,
    CODE_DASH,
    NUMBERED_RANGE,
    SQUARE_METRES,
    PER_HUNDRED_KM,
    TORQUE_AT,
    PER_PERIOD,
    SLASHED_LIST,
    LINES,
    AREA_RANGE,
    PHASE,
    KM_AFTER_PLUS,
    PREGNANCY,
    MYRIAD_W,
    REPS_RANGE,
    SENSOR_SIZE,
    TIMES_COUNT,
    WORD_MINUS,
    WORD_RATIO,
    PER_MYRIADS,
)
