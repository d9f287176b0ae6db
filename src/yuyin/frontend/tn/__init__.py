"""Text normalisation rules (TN): written numbers, signs and addresses -> what a reader says.

:func:`verbalize` runs the rule groups in this order, most specific first, so that each
rule sees only what the ones before it left: Latin letters with diacritics made plain
(:mod:`.letters`), chat and game shorthand (:mod:`.chat`), addresses (:mod:`.web`), dates and clock times
(:mod:`.datetime`), phone numbers and codes (:mod:`.phone`), money (:mod:`.money`), units,
temperatures and percentages (:mod:`.measures`), arithmetic, ratios, fractions and ranges
(:mod:`.math`), calendar fields (:mod:`.datetime`), then whatever numbers are left
(:mod:`.numbers`). Last come the signs and Greek letters that read as words on their own. The output holds no
ASCII digit. Input must be cleaned first (half-width, see :mod:`yuyin.frontend.normalize`).
"""

from __future__ import annotations

import re

from ..latin import WORDS
from . import chat, datetime, letters, math, measures, money, numbers, phone, web
from .digits import NUMBER, read_digits, read_number
from .rule import Rule, apply_rules, context_after, context_before, rule

# Signs of sets, logic and analysis read as words: a∈A 属于, A∩B 交, ∅ 空集, ∞ 无穷大.
_SET_SIGNS = {"∈": "属于", "∉": "不属于", "⊆": "包含于", "⊂": "真包含于", "⊇": "包含", "⊃": "真包含", "∩": "交",
              "∪": "并", "≌": "全等于", "∵": "因为", "∴": "所以", "∅": "空集", "∀": "任意", "∃": "存在",
              "∞": "无穷大", "∑": "求和", "∫": "积分", "∛": "三次根号"}  # fmt: skip

# A number already read (not 一 beginning a word: ~一起来抢吧, ↑一楼说得对)
_READ_NUMBER = "[负正]?(?:百分之|千分之|[零二两三四五六七八九十]|一(?=[零一二两三四五六七八九十百千万亿点]))"


def _grade_minus(match: re.Match[str]) -> str:
    """A- -> A减, a grade one step below; not a blood group (血型B-) nor a terminal's pole (接A+、A-)."""
    if re.search("血|Rh|极|接线|端子", context_before(match, 10)):
        return match.group()
    return match.group(1) + "减"


# Signs read as words wherever they are left: 1+1 was read above, A+ or C++ only here.
SIGN_RULES: tuple[Rule, ...] = (
    rule("triangle", r"△(?=[A-Z]{3}(?![A-Za-z]))", lambda m: "三角形"),  # △ABC
    rule("delta", r"△(?=[A-Za-z](?:[=<>≈≤≥≠+*/,，。;；:：)）\s-]|$))", lambda m: "德尔塔"),  # △H<0: a change, as Δ
    rule("plus", r"\+", lambda m: "加"),
    # A-, BBB-: a grade or a rating, one step below (A减; not C-反应蛋白, X-ray, nor the blood groups AB-, 血型B-)
    rule("grade_minus", r"(?<![A-Za-z0-9])(A{1,3}|B{1,3}|C{1,3}|D)-(?=$|[\s，。,.;；、！？!?)）]|级)", _grade_minus),
    # before = itself: x>=y, n<=1, a != b
    rule("at_least", r" ?(?:≥|>=) ?", lambda m: "大于等于"),
    rule("at_most", r" ?(?:≤|<=) ?", lambda m: "小于等于"),
    rule("not_equal", r" ?(?:≠|!=) ?", lambda m: "不等于"),
    rule("equals_negative", r" ?= ?-(?=[零一二两三四五六七八九十点]|[A-Za-z](?![A-Za-z]))", lambda m: "等于负"),  # ΔH=-57.3, y=-x
    rule("equals", r"=", lambda m: "等于"),
    rule("ampersand", r"(?<=\S) ?& ?(?=\S)", lambda m: "和"),
    rule("at_rate", r"(?<=[0-9KkPp])@(?=[0-9零一二三四五六七八九十])", lambda m: " "),  # 4K@60fps: a resolution at a frame rate
    rule("at", r"@(?=\S)", lambda m: "艾特"),
    rule("per_mille", r"‰", lambda m: "千分号"),
    rule("about", r" ?≈ ?", lambda m: "约等于"),
    # (P<0.05 and 温度<30℃: the number after it was read above)
    rule("greater", r"(?<=[0-9A-Za-z)\u4e00-\u9fff²³]) ?> ?(?=[0-9A-Za-z(零一二两三四五六七八九十负]|百分之|千分之)|^>(?=" + _READ_NUMBER + ")",
         lambda m: "大于"),  # (at the start only right before a number: ＞50岁, not <speak>, > 引文, <3)
    rule("less", r"(?<=[0-9A-Za-z)\u4e00-\u9fff²³]) ?< ?(?=[0-9A-Za-z(零一二两三四五六七八九十负]|百分之|千分之)|^<(?=" + _READ_NUMBER + r")(?!三(?:\s|$))",
         lambda m: "小于"),
    rule("squared", r"(?<=[A-Za-z)])²", lambda m: "的平方"),
    rule("cubed", r"(?<=[A-Za-z)])³", lambda m: "的立方"),
    # phone keys: 请按#号键, 以#结束, 重听请按*号键 (a #话题# tag stays unread)
    rule("hash_key", r" ?(?<![A-Za-z+])# ?(?=号|键)(?![^#\s]{0,20}#)", lambda m: "井"),  # not #号外#, C# 号称
    rule("hash_pressed", r"(?:(?:(?<=[按以拨])|(?<=输入)) ?#|# ?(?=结束|确认|返回))(?![^#\s]{1,30}#)", lambda m: "井号"),  # 请按 # (not 以 #话题#)
    rule("star_key", r" ?\* ?(?=号|键)", lambda m: "星"),
    rule("star_pressed", r"(?:(?<=[按以拨])|(?<=输入)) ?\*|\* ?(?=结束|确认|返回)", lambda m: "星号"),
    # 按 ↑ ↓ 键, 按 ↵ 确认, ⌘+C: keys by their names
    rule("arrow_keys", r"[↑↓←→](?=(?: ?[↑↓←→])* ?键)|(?<=按) ?[↑↓←→]", lambda m: "上下左右"["↑↓←→".index(m.group().strip())]),
    # -0.5%~+1.5%: a range of numbers already read
    rule("tilde_range", r"(?<=[零一二两三四五六七八九十百千万亿度分秒元])\s?[~～]\s?(?=" + _READ_NUMBER + ")", lambda m: "到"),
    rule("rise_fall", r"[↑↓](?= ?(?:" + _READ_NUMBER + "))", lambda m: "上升" if m.group() == "↑" else "下降"),  # 同比↑5%
    rule("enter_key", r" ?[↵⏎] ?", lambda m: "回车"),
    rule("mac_keys", r"[⌘⌥⌃⇧]", lambda m: {"⌘": "Command", "⌥": "Option", "⌃": "Control", "⇧": "Shift"}[m.group()]),
    rule("times", r" ?× ?|(?<=[0-9A-Za-z)]) ?\* ?(?=[0-9A-Za-z(])", lambda m: "乘"),
    rule("tends_to", r"(?<=(?<![A-Za-z])[A-Za-z]) ?→ ?(?=[+-]?∞|[0-9零一二三四五六七八九十负])", lambda m: "趋向于"),  # x→0, n→∞ (not File → 3D)
    rule("arrow", r"(?<=[\u4e00-\u9fffA-Za-z]) ?[→⇒➔⟶] ?(?=[\u4e00-\u9fffA-Za-z])", lambda m: "到"),  # 上海→北京
    rule("divided", r" ?÷ ?", lambda m: "除以"),
    rule("plus_or_minus", r"±", lambda m: "正负"),
    rule("angle", r"∠", lambda m: "角"),
    rule("parallel", r" ?∥ ?", lambda m: "平行于"),
    rule("perpendicular", r" ?⊥ ?", lambda m: "垂直于"),
    rule("set_sign", r"(?<=[A-Za-z0-9)）}\]\u4e00-\u9fff]) ?[∈∉⊆⊂⊇⊃∩∪≌] ?(?=[A-Za-z0-9(（{\[△∅\u4e00-\u9fff])",
         lambda m: _SET_SIGNS[m.group().strip()]),  # a∈A, A∩B, x∈[0,1], △ABC≌△DEF (not (∩_∩))
    rule("set_word", r"[∵∴∅∞∑∫∛]|[∀∃](?= ?[A-Za-z])", lambda m: _SET_SIGNS[m.group().strip()]),  # (not (・∀・))
    # ★★★★☆: a rating of five, the stars filled (not ★★★重要通知★★★)
    rule("rating", r"(?<![★☆])[★☆]{5}(?![★☆])", lambda m: (read_number(str(m.group().count("★"))) + "星"
                                                            if "★" in m.group() else "零颗星")),
    letters.GREEK_LETTERS,  # after the units: 5μm is 五微米, μ alone is 谬
)

# 差远了.280的房价, 深思.1946年: a full stop typed as "." after hanzi ends the sentence before a whole number (not
# a decimal point; 呢.7.8号 and 了.9/5, a date or a share, are left as they are); after a word of an amount it is a
# decimal point with its 0 left out before a measure (共.5元, 约.5小时: 零点五; not 一共.5个)
_AMOUNT_BEFORE = "约共仅剩"
_MEASURED = re.compile(r"[0-9]+ ?(?:元|块|小时|分钟|秒|倍|米|公里|公斤|千克|克|斤|升|毫升|%)")
SENTENCE_STOP = rule("sentence_stop", r"(?<=[\u4e00-\u9fff])\.(?=[0-9]+(?![0-9]|\.[0-9]|/))",
                     lambda m: "0." if context_before(m, 1) in _AMOUNT_BEFORE and _MEASURED.match(context_after(m, 8)) else "。")

# K8s: Kubernetes, spelled K-8-S (not 8 seconds)
K8S = rule("k8s", r"(?<![A-Za-z0-9])[Kk]8[sS](?![A-Za-z0-9])", lambda m: "K八S")

# Qwen2.5-72B-Instruct, Llama-3-8B, GLM-4-9B: a dash inside a model's name before its size in parameters is no range
# (not 内存3-8GB, whose number comes after Chinese)
def _model_dash(match: re.Match[str]) -> str:
    return " " if re.search(r"[A-Za-z][A-Za-z0-9.-]*[0-9]$", context_before(match, 24)) else match.group()


MODEL_DASH = rule("model_dash", r"(?<=[0-9])-(?=[0-9]+(?:\.[0-9]+)?[BbMmKkTt](?![A-Za-z0-9]))", _model_dash)

# M.2 (an SSD's slot and form): the dot is said
M2_SLOT = rule("m2_slot", r"(?<![A-Za-z0-9])M\.2(?![0-9])", lambda m: "M点二")

# 孕6w+2d, 孕12w: weeks and days of a pregnancy, as a scan report writes them
PREGNANCY = rule("pregnancy", r"(?<=孕)([0-9]{1,2})[wW](?:\+([0-9])[dD])?(?![A-Za-z0-9])",
                 lambda m: read_number(m.group(1)) + "周" + (f"加{'两' if m.group(2) == '2' else read_number(m.group(2))}天" if m.group(2) else ""))

# 4x8-12次, 3×10-15个: sets of a range of repetitions (a range, not a minus)
REPS_RANGE = rule("reps_range", r"(?<![0-9.])([0-9]+) ?[xX×*] ?([0-9]+)-([0-9]+)(?= ?(?:次|个|下|组|遍))",
                  lambda m: f"{read_number(m.group(1))}乘{read_number(m.group(2))}到{read_number(m.group(3))}")

# 1/1.3英寸, 1/2.76": a camera sensor's size, one over a decimal
SENSOR_SIZE = rule("sensor_size", r"(?<![0-9.])1/([0-9]+\.[0-9]+)(?= ?(?:英寸|寸|\"|型|大底))",
                   lambda m: read_number(m.group(1)) + "分之一")

# ×××, ×你大爷: a cross for a word left out (叉), not a multiplication (鸡蛋×3, 长×宽 are)
CENSORED = rule("censored", r"×{2,}|(?<![0-9A-Za-z零一二两三四五六七八九十)）\]%\u4e00-\u9fff])×(?=[\u4e00-\u9fff])", lambda m: "叉" * len(m.group()))

# XX公司, XXX先生: letters standing for a name left out, 某 (not XXL, 第XX届, XX染色体)
PLACEHOLDER = rule("placeholder", r"(?<![A-Za-z第])(?:XXX|XX|xxx|xx)(?![A-Za-z])(?=[\u4e00-\u9fff])(?!染色体)", lambda m: "某" * len(m.group()))

# 鸡蛋x2, 深蹲3组x12个: how many of what was just named (not x86, x64: architectures; nor 荣耀X50, a model)
TIMES_COUNT = rule("times_count", r"(?<=[\u4e00-\u9fff])x(?!(?:86|64)(?![0-9]))(?=[0-9]+(?:\.[0-9]+)?(?![0-9.]| ?[A-Za-z]))", lambda m: "乘")

# 最大心率=220-年龄, 储备心率=最大心率-静息心率: a minus between words of a formula (an = before it in the clause)
def _word_minus(match: re.Match[str]) -> str:
    return "减" if re.search(r"=[^，。；,;=]*$", context_before(match, 20)) else match.group()


WORD_MINUS = rule("word_minus", r"(?<=[0-9\u4e00-\u9fff)）])-(?=[(（\u4e00-\u9fff])", _word_minus)

# 水:面=1:2, 水泥:沙:石=1:0.5:2: a colon between words before a ratio is 比
WORD_RATIO = rule("word_ratio", r"(?<=[\u4e00-\u9fff]):(?=[\u4e00-\u9fff]{1,3}(?::[\u4e00-\u9fff]{1,3})* ?= ?[0-9]+(?:\.[0-9]+)?:[0-9])",
                  lambda m: "比")

# 发病率为3.5/10万: a rate per ten thousand, a hundred thousand or a million
PER_MYRIADS = rule("per_myriads", r"(?<=[0-9])/(?=(?:1|10|100)万(?![0-9]))", lambda m: "每")

# 用#注释, 用*表示乘法: a sign named as what is used, by its name
_SIGN_NAMES = {"#": "井号", "*": "星号", "|": "竖线", "!": "感叹号", "&": "和号", "%": "百分号", "~": "波浪号", "/": "斜杠", "\\": "反斜杠"}
NAMED_SIGN = rule("named_sign", r"(?<=用)([#*|!&%~/\\])(?=表示|注释|写|标注|分隔|连接|代替|隔开|开头|结尾|作为|来)",
                  lambda m: _SIGN_NAMES[m.group(1)])

# a&&b, a||b: the logical and and or of code
LOGICAL = rule("logical", r" ?(&&|\|\|) ?", lambda m: "与" if m.group(1) == "&&" else "或")

# 10W+, 1W+阅读: W for 万 before a plus (10万+, not ten watts)
MYRIAD_W = rule("myriad_w", r"(?<![0-9.A-Za-z])([0-9]{1,4}(?:\.[0-9])?)[Ww](?=\+)", lambda m: read_number(m.group(1)) + "万")

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

# 1000+km: more than so many kilometres (一千多公里)
KM_AFTER_PLUS = rule("km_after_plus", r"(?<=[0-9]\+) ?km(?![A-Za-z])", lambda m: "公里")

# 80-90平: a range of floor areas (not a score, nor 战成2-2平: a draw)
AREA_RANGE = rule("area_range", r"(?<=[0-9]{2})-(?=[0-9]{2,} ?平(?![方台安均时板衡常稳静价行面果等]))", lambda m: "到")

# 楼盘2期, 小区1期: a phase of a development, an ordinal
PHASE = rule("phase", r"(?:(?<=楼盘)|(?<=小区)|(?<=项目))([0-9])(?=期)", lambda m: read_number(m.group(1)))

# ♭B大调, B♭大调, Bb大调, #C小调, F♯小调: a key's flat or sharp, 降 or 升
MUSICAL_KEY = rule("musical_key", r"(?:([♭♯#])([A-G])|([A-G])([♭♯#b]))(?=大调|小调|调)",
                   lambda m: ("升" if (m.group(1) or m.group(4)) in "♯#" else "降") + (m.group(2) or m.group(3)))

# Op.27: a composer's work number, 作品第二十七号; Ep.10: an episode
OPUS = rule("opus", r"(?<![A-Za-z])(Op|Ep|EP)\. ?([0-9]+)(?![0-9.])",
            lambda m: (f"作品第{read_number(m.group(2))}号" if m.group(1) == "Op" else "EP" + read_number(m.group(2))))

# 攻击力-10, 冷却-2秒: a game's stat lowered, 减
STAT_MINUS = rule("stat_minus", "(?:" + "|".join(f"(?<={stat})" for stat in "攻击 攻击力 防御 防御力 冷却 伤害 血量 生命 生命值 法力 法力值 护甲 "
                                                                                "暴击 暴击率 移速 攻速 属性".split()) + ") ?-(?=[0-9])",
                  lambda m: "减")

# 星耀III, 钻石IV, 《教父II》: a rank's tier or a sequel's number in Roman numerals
_ROMAN = {"I": "一", "II": "二", "III": "三", "IV": "四", "V": "五"}
ROMAN_TIER = rule("roman_tier", r"(?:(?<=星耀)|(?<=钻石)|(?<=黄金)|(?<=白银)|(?<=青铜)|(?<=铂金)|(?<=王者)|(?<=大师)|(?<=宗师)) ?(III|II|IV|I|V)(?![A-Za-z])"
                  r"|(?<=[\u4e00-\u9fff])(III|II|IV)(?=》)", lambda m: _ROMAN[m.group(1) or m.group(2)])

# 标高-3.600m, 偏差+5mm，-3mm, -10#柴油: a minus before a measured number (not 3-5mm, a range)
SIGNED_MEASURE = rule("signed_measure", r"(?<![0-9A-Za-z)）\]^#])-(?=[0-9]+(?:\.[0-9]+)? ?(?:m(?![A-Za-z²³])|mm|cm|MPa|kPa|Pa|#)(?![A-Za-z]))",
                      lambda m: "负")

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

# DN100, PN16, HRB400, PT100, PE100: a pipe's size or a grade, a number (DN一百)
GRADE_NUMBER = rule("grade_number", r"(?<![A-Za-z])(DN|PN|HRB|PT|PE) ?([0-9]{2,4})(?![0-9.])", lambda m: m.group(1) + read_number(m.group(2)))

# AC220V, AC 380V: an alternating voltage
AC_VOLTAGE = rule("ac_voltage", r"(?<![A-Za-z])(AC|DC) ?([0-9]{2,4}) ?V(?![A-Za-z])", lambda m: m.group(1) + read_number(m.group(2)) + "伏")

# 50m3/h, 100m3: cubic metres written without the superscript
CUBIC_METRES = rule("cubic_metres", r"(?<=[0-9/])m3(?![0-9A-Za-z])", lambda m: "m³")

# iPhone 6s, 苹果6s: a model's number and letter after its name, not seconds (CD 10s is)
MODEL_SUFFIX = rule("model_suffix", r"(?:(?<=iPhone)|(?<=iPhone )|(?<=苹果)|(?<=苹果 ))([0-9]{1,2})([sS])(?![A-Za-z0-9])",
                    lambda m: read_number(m.group(1)) + m.group(2).upper())

# Mr. Smith, Dr. Wang: English forms of address said as words (not M R spelled); C#, F#, .NET
ENGLISH_ABBREVIATIONS = rule(
    "english_abbreviations",
    r"(?<![A-Za-z])(?:(Mrs|Mr|Ms|Dr)\. ?(?=[A-Z][a-z])|([CF])#(?![A-Za-z0-9#]))|\.NET(?![A-Za-z])",
    lambda m: {"Mr": "Mister ", "Mrs": "Missis ", "Ms": "Miss ", "Dr": "Doctor "}.get(m.group(1) or "")
    or (f"{m.group(2)} sharp" if m.group(2) else " dot net"),
)

# HPV16/18, BRCA1/2, L4/5: two numbers of one name, not a fraction (T1/2 is a half-life); 985/211: two tiers of universities
PAIRED_NUMBERS = rule("paired_numbers", r"(?<=[A-SU-Z])([0-9]{1,2})/([0-9]{1,2})(?![0-9./])|(?<![0-9])(985|211)/(211|985)(?![0-9])",
                      lambda m: f"{read_number(m.group(1))}、{read_number(m.group(2))}" if m.group(1)
                      else f"{read_digits(m.group(3))}、{read_digits(m.group(4))}")

# Q1-Q3, C5-C6, V1-V4: a range between two labels of one letter
LETTER_RANGE = rule("letter_range", r"(?<![A-Za-z])([A-Z])([0-9]{1,2}) ?[-~～—] ?\1([0-9]{1,2})(?![0-9])",
                    lambda m: f"{m.group(1)}{read_number(m.group(2))}到{m.group(1)}{read_number(m.group(3))}"
                    if int(m.group(3)) > int(m.group(2)) else m.group())  # (not Q3-Q1, a difference)

# A-share stock codes: 00, 30, 60 or 68 and four digits; not before a count's word or unit (600000元, 300000人)
_STOCK_CODE = r"(?:00|30|60|68)[0-9]{4}"
_NOT_A_CODE_AFTER = r"(?![\u4e00-\u9fff]?(?:元|块|人|个|万|亿|件|次|年|股|份|名|家|台|米|吨|平|辆|以|多|余|套|户|条|张|只|位|本|公|千))"


# Amounts listed one by one (营收分别为600512、680320), where no code nor share is spoken of before them
_AMOUNTS_LISTED = re.compile("分别(?:为|是|达|约)?$")
_CODES_SPOKEN = re.compile("代码|股|证券|板块|基金|ETF")


def _stock_codes(match: re.Match[str]) -> str:
    """Each code digit by digit; a list of round numbers only (600000、300000) or one after 分别为 where no code
    or share is spoken of (库存分别为600500、300200) left as it is: amounts (a 00 code is no amount)."""
    codes = match.group().split("、")
    before = re.split("[。！？!?\n]", context_before(match, 30))[-1]
    if len(codes) > 1 and not any(code.startswith("0") for code in codes) and (
            all(code.endswith("000") for code in codes)
            or _AMOUNTS_LISTED.search(before) and not _CODES_SPOKEN.search(before)):
        return match.group()
    return "、".join(map(read_digits, codes))


# 300750宁德时代: a stock code opening a clause before the company's name, digit by digit; 600519、000858、002304:
# a list of them (六零零五一九, not 六十万零五百一十九)
STOCK_CODE = rule("stock_code", r"(?:^|(?<=[，。；,;\s]))" + _STOCK_CODE + r"(?=[\u4e00-\u9fff]{2})" + _NOT_A_CODE_AFTER
                  + r"|(?<![0-9.])" + _STOCK_CODE + r"(?:、" + _STOCK_CODE + r")+(?![0-9.])" + _NOT_A_CODE_AFTER, _stock_codes)

# *ST康美, 变更为*ST海航: a listed company's risk-warning prefix, 星ST (the star is said)
RISK_WARNING = rule("risk_warning", r"(?<![A-Za-z0-9*])\*(?=ST(?![A-Za-z]))", lambda m: "星")

# 股票代码600519, 证券代码：000001, 基金代码为510300: a code named as one, digit by digit, 1 said 一 as finance news
# says it (not a phone's 幺)
NAMED_STOCK_CODE = rule("named_stock_code", r"(?:(?<=股票代码)|(?<=证券代码)|(?<=基金代码))([:：为是]? ?)([0-9]{6})(?![0-9])",
                        lambda m: m.group(1) + read_digits(m.group(2)))

# log₂8 (log_2 8 once cleaned): a logarithm to a base
LOGARITHM = rule("logarithm", r"log_([0-9]+) ?([0-9]+|[A-Za-z])(?![0-9A-Za-z])",
                 lambda m: f"以{read_number(m.group(1))}为底{read_number(m.group(2)) if m.group(2).isdigit() else m.group(2)}的对数")

# 100MW/200MWh: a plant's power and its energy, not "per"
POWER_ENERGY = rule("power_energy", r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?) ?([GMk]W) ?/ ?([0-9]+(?:\.[0-9]+)?) ?([GMk]Wh)(?![A-Za-z])",
                    lambda m: f"{m.group(1)}{m.group(2)}、{m.group(3)}{m.group(4)}")

# 1,234,567.5 -> 1234567.5 before anything reads the number.
THOUSANDS = rule(
    "thousands",
    r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9]|,[0-9]{3})",
    lambda m: m.group().replace(",", ""),
)

# 1024x576, 30x40x50cm, 3X3, 450 x 200: a letter x between two numbers, the times sign of sizes and grids (乘, not the
# letter; not 0x1F, a hexadecimal number, Win7 x64, a chip's 5800X3D, nor RTX 3060 x2, two of them: spaced on one side)
DIMENSIONS = rule("dimensions", r"(?:(?<![0-9A-Za-z.])|(?<=[0-9][xX]))(?!0[xX])(" + NUMBER + r")(?:[xX]| [xX] )(?="
                  + NUMBER + "(?![0-9.]|[A-Z]))", lambda m: m.group(1) + "×")

# 220V~50Hz, 100-240V~ 50/60Hz: ~ after volts marks alternating current, a pause before its frequency
# (not 220V~240V, a range)
ALTERNATING_CURRENT = rule("alternating_current", r"(?<=[0-9]V) ?[~～] ?(?=[0-9]+(?:/[0-9]+)? ?Hz)", lambda m: " ")

# 京ICP备12345678号-1: a website's record number, digit by digit, and its site's number after a dash (杠, not a range)
ICP_RECORD = rule("icp_record", r"(?<=ICP备)([0-9]{6,10})号-([0-9]{1,3})(?![0-9])",
                  lambda m: f"{read_digits(m.group(1), yao=True)}号杠{read_number(m.group(2))}")

# 7/24h, 7/24小时服务: seven days, twenty-four hours (七乘二十四小时, not a fraction)
ROUND_THE_CLOCK = rule("round_the_clock", r"(?<![0-9./])7 ?/ ?(?=24 ?(?:h|小时))", lambda m: "七乘")

# 10万-20万, 1岁-3岁, 5km-10km, 5%-10%: a dash between a number with its unit and the next
# number is a range (after a word, not a number, it stays a minus sign: 气温-5度, and so after an
# operation's word: 2乘以-3, 5加上-2, 3比-2; a memory type's generation, LPDDR5X-8533, starts none).
MEASURED_RANGE = rule(
    "measured_range",
    r"(?<![0-9.])(?<!DDR)(?!(?<=[(（])[0-9]{3,4}年)"  # not （701年—762年）: years of a life, read in datetime
    r"(?<![0-9][:：])(?![0-9]+(?:消费|支出|收入|转出|转入|入账|扣款|退款|余额|支付|付款))"  # 14:32消费-128元: a minus
    r"([0-9]+(?:\.[0-9]+)?(?:(?![乘除减比]|加(?!仑)|等于)(?:(?![到至或和与及])[\u4e00-\u9fff]){1,2}|[A-Za-z%°℃]{1,3}))(?<![0-9][eE]) ?[-~～—–] ?(?=[0-9])",  # (not 1.5e-3, a power)
    lambda m: m.group(1) + "到",
)

# x^2-1, (a+b)^3, m/s^2, cm^2: a square or a cube typed with a caret after a letter or two or a bracket, written
# as the superscript that formulas and units are read from (x的平方减一, not x^二杠一; not a name's: Tom^2)
CARET_POWER = rule("caret_power", r"(?<=[A-Za-z)])(?<![A-Za-z]{3})\^([23])(?![0-9.])", lambda m: "²" if m.group(1) == "2" else "³")

# a:b=2:3: a ratio of two letters in an equation
LETTER_RATIO = rule("letter_ratio", r"(?<![A-Za-z0-9])([A-Za-z]) ?: ?([A-Za-z])(?= ?=)", lambda m: f"{m.group(1)}比{m.group(2)}")

# 2x-3=7: a minus in an equation, not a range
EQUATION_MINUS = rule("equation_minus", r"(?<=[0-9A-Za-z²³]) ?- ?(?=[0-9A-Za-z.²³]+ ?=)", lambda m: "减")


def _joined(match: re.Match[str]) -> str:
    joined = match.group().replace("-", "")
    return joined if joined.lower() in WORDS else match.group()


# 歼-20, 东风-41, 长征-5: a dash between a craft's series name and its number is not said
# (歼二十, not 歼负二十); a dash after other words stays a minus sign (气温-5度).
DESIGNATION = rule(
    "designation",
    r"(歼|东风|长征|神舟|天舟|嫦娥|天宫|天问|鲲龙|翼龙|枭龙|红旗|鹰击|巨浪|彩虹|猎鹰"
    r"|(?<![\u4e00-\u9fff])[运轰直强]|(?<=[型架款的和与及])[运轰直强])-(?=[0-9])",  # not 一直-5度, 坚强-1
    lambda m: m.group(1),
)

# 碳-14, 铀-235, 碘131: an isotope's mass number, its dash not said (three digits one by one); without
# a dash only the isotopes news and textbooks name (not 含钾358毫克, 二氧化碳120万吨)
ISOTOPE = rule("isotope", r"(?:(?<=[碳铀钴碘锶铯钚钾氚氘镭钍氡钋磷硫氧氮氢])-([0-9]{2,3})|(?<=碳)(1[234])|(?<=铀)(23[58])"
               r"|(?<=碘)(131)|(?<=钴)(60)|(?<=锶)(90)|(?<=铯)(137)|(?<=钚)(239))(?![0-9.])"
               r"(?! ?(?:[A-Za-z%‰万亿千百克吨斤升元块个度]|毫克|公斤))",
               lambda m: read_digits(n) if len(n := next(g for g in m.groups() if g)) == 3 else read_number(n))

# No.1, No. 5: the number sign, said as its letters (not the word no)
NUMBER_SIGN = rule("number_sign", r"(?<![A-Za-z])[Nn][Oo]\. ?(?=[0-9])", lambda m: "NO ")

# Wi-Fi -> WiFi, read as the word it is (latin.WORDS), not spelled letter by letter
JOINED_WORD = rule("joined_word", r"(?<![A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)+(?![A-Za-z])", _joined)

RULES: tuple[Rule, ...] = (
    (SENTENCE_STOP,)  # first: the number after it is read as at a sentence's start (哈哈.666 六六六, as 哈哈。666)
    + letters.RULES
    + chat.RULES
    + (MUSICAL_KEY, OPUS, STAT_MINUS, ROMAN_TIER, K8S, MODEL_DASH, M2_SLOT, CUBIC_METRES, GRADE_NUMBER, AC_VOLTAGE, SIGNED_MEASURE,
       POSITIVE, CODE_DASH, NUMBERED_RANGE, SQUARE_METRES, PER_HUNDRED_KM, TORQUE_AT, PER_PERIOD, SLASHED_LIST, LINES, AREA_RANGE, PHASE, KM_AFTER_PLUS,
       PREGNANCY, NAMED_SIGN, LOGICAL, MYRIAD_W, REPS_RANGE, SENSOR_SIZE, CENSORED, PLACEHOLDER, TIMES_COUNT, WORD_MINUS, WORD_RATIO,
       PER_MYRIADS, MODEL_SUFFIX, ENGLISH_ABBREVIATIONS, PAIRED_NUMBERS, LETTER_RANGE, STOCK_CODE, NAMED_STOCK_CODE, RISK_WARNING, LOGARITHM, POWER_ENERGY, THOUSANDS, DIMENSIONS, math.DECIMAL_DOT, CARET_POWER, LETTER_RATIO, math.ABSOLUTE_VALUE, EQUATION_MINUS, math.LETTER_FRACTION, math.FORMULA, math.LETTER_QUOTIENT, math.LETTER_MINUS, math.SYMBOL_FRACTION, math.FIGURE_NUMBER, math.PAGE_OF, math.ORDINAL_OF, math.COUPON, JOINED_WORD,
       NUMBER_SIGN, DESIGNATION, ISOTOPE, ALTERNATING_CURRENT, ICP_RECORD, ROUND_THE_CLOCK, MEASURED_RANGE)
    + web.RULES
    + (phone.IP_ADDRESS,)
    + datetime.RULES
    + web.VERSION_RULES
    + money.CODE_RULES
    + phone.RULES
    + money.RULES
    + measures.RULES
    + math.RULES
    + datetime.CALENDAR_RULES
    + numbers.RULES
    + SIGN_RULES
)


def verbalize(text: str) -> str:
    """Apply every rule: ``"花了12.50元，占5%"`` -> ``"花了十二点五元，占百分之五"``."""
    return apply_rules(RULES, text)


__all__ = ["RULES", "Rule", "verbalize"]
