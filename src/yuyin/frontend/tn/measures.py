"""Quantities with a unit symbol, temperatures and percentages -> hanzi.

``5km`` -> 五公里, ``120km/h`` -> 一百二十公里每小时, ``20m²`` -> 二十平方米, ``3-5kg`` ->
三到五千克, ``-5℃`` -> 零下五摄氏度, ``50%`` -> 百分之五十, ``10%-20%`` -> 百分之十到百分之二十,
``10元/斤`` -> 十元每斤, ``2次/日`` -> 两次每日, ``120/80mmHg`` -> 一百二十比八十毫米汞柱.
Data sizes (GB, MB) are left to the letter speller: 八GB is said 八G B.
"""

from __future__ import annotations

import re

from .digits import NUMBER, read_digits, read_number, read_one_of, superscript_digits
from .rule import Rule, context_after, context_before, rule

UNITS: dict[str, str] = {
    "km²": "平方公里", "m²": "平方米", "dm²": "平方分米", "cm²": "平方厘米", "mm²": "平方毫米", "dm³": "立方分米",
    "km³": "立方公里", "m³": "立方米", "cm³": "立方厘米", "cm⁴": "厘米的四次方", "mm⁴": "毫米的四次方", "m⁴": "米的四次方",
    "km/h": "公里每小时", "m/s²": "米每二次方秒", "m/s": "米每秒", "mmol/L": "毫摩尔每升", "mol/L": "摩尔每升", "μmol/L": "微摩尔每升", "mg/L": "毫克每升",
    "mg/dL": "毫克每分升", "g/L": "克每升", "km": "公里", "m": "米", "dm": "分米", "cm": "厘米",
    "mm": "毫米", "μm": "微米", "um": "微米", "nm": "纳米", "kg": "千克", "g": "克", "mg": "毫克",
    "t": "吨", "lb": "磅", "lbs": "磅", "oz": "盎司", "L": "升", "ml": "毫升", "mL": "毫升",
    "h": "小时", "min": "分钟", "s": "秒", "ms": "毫秒", "kWh": "千瓦时", "kW·h": "千瓦时", "kW": "千瓦",
    "MW": "兆瓦", "W": "瓦", "GW": "吉瓦", "GWh": "吉瓦时", "MWh": "兆瓦时", "TWh": "太瓦时", "Wh": "瓦时", "kV": "千伏", "V": "伏", "mAh": "毫安时", "mA": "毫安", "N·m": "牛米", "N·m²/kg²": "牛平方米每二次方千克", "kN": "千牛",
    "eV": "电子伏", "keV": "千电子伏", "MeV": "兆电子伏", "GeV": "吉电子伏", "TeV": "太电子伏", "mW": "毫瓦",
    "Hz": "赫兹", "kHz": "千赫", "MHz": "兆赫", "GHz": "吉赫", "dB": "分贝", "Pa": "帕",
    "kPa": "千帕", "MPa": "兆帕", "hPa": "百帕", "J": "焦", "kJ": "千焦", "J/(kg·℃)": "焦每千克摄氏度", "J/(mol·K)": "焦每摩尔开", "MJ": "兆焦", "kcal": "千卡", "cal": "卡", "mmHg": "毫米汞柱", "mph": "英里每小时",
    "nits": "尼特", "Mbps": "兆比特每秒", "Gbps": "吉比特每秒", "kbps": "千比特每秒", "ft": "英尺", "ha": "公顷", "mol": "摩尔", "mmol": "毫摩尔", "°": "度", "′′": "秒", "′": "分", "″": "秒",
    "μs": "微秒", "μg": "微克", "μL": "微升", "μl": "微升", "μA": "微安", "μV": "微伏", "μF": "微法",
    "μmol": "微摩尔", "IU": "国际单位", "mIU/ml": "毫国际单位每毫升", "mIU/mL": "毫国际单位每毫升", "mIU/L": "毫国际单位每升",
    "U/L": "单位每升", "W/(m·K)": "瓦每米开", "W/(m²·K)": "瓦每平方米开", "W/(㎡·K)": "瓦每平方米开",
    "mol/(L·min)": "摩尔每升每分钟", "m³/(h·人)": "立方米每小时每人", "kN·m": "千牛米", "Ω·m": "欧姆米",
    "lx": "勒克斯", "lm": "流明", "kVA": "千伏安", "kvar": "千乏", "Nm": "牛米", "N.m": "牛米", "tsp": "茶匙", "tbsp": "汤匙", "cup": "杯", "cups": "杯", "KJ": "千焦", "ML": "毫升", "μM": "微摩尔每升", "nM": "纳摩尔每升", "r/min": "转每分钟", "rpm": "转每分钟", "nF": "纳法", "pF": "皮法", "ns": "纳秒", "Ω": "欧姆", "kΩ": "千欧", "MΩ": "兆欧",
    # radiation doses, hectares; capitals and plurals people type (60KG, 10KM, 185CM, 2MIN, 300KCAL, 5mins, 2hrs, 144hz)
    "g/dL": "克每分升", "μg/dL": "微克每分升", "nmol/L": "纳摩尔每升", "pmol/L": "皮摩尔每升", "nmol": "纳摩尔", "pmol": "皮摩尔",
    "μSv/h": "微西弗每小时", "nGy/h": "纳戈瑞每小时", "μSv": "微西弗", "mSv": "毫西弗", "Sv": "西弗", "nGy": "纳戈瑞", "μGy": "微戈瑞", "hm²": "公顷", "KG": "千克", "Kg": "千克",
    "KM": "公里", "Km": "公里", "KM/H": "公里每小时", "KW": "千瓦", "kw": "千瓦", "KWH": "千瓦时", "kwh": "千瓦时", "kWH": "千瓦时", "CM": "厘米", "MIN": "分钟", "Min": "分钟", "mins": "分钟", "hrs": "小时", "hr": "小时",
    "KCAL": "千卡", "Kcal": "千卡", "hz": "赫兹",
}  # fmt: skip
_TEMPERATURE = {"℃": "摄氏度", "°C": "摄氏度", "°c": "摄氏度", "℉": "华氏度", "°F": "华氏度"}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_RANGE = r"(" + NUMBER + r")(?: ?[-~～] ?(" + NUMBER + r"))?"


def read_amount(number: str) -> str:
    """A quantity before a unit: a lone 2 is 两 (两公里), otherwise as written."""
    return "两" if number == "2" else read_number(number)


# Talk of playing cards, where a J after a number is a card's rank (10J两张牌, 3J带一对), not joules
_CARDS = re.compile("牌|扑克|斗地主|掼蛋|顺子|对子|同花|炸弹|王炸|带一?对")


def _with_unit(match: re.Match[str]) -> str:
    """12kg -> 十二千克, 3-5km -> 三到五公里; a J in talk of cards left as it is."""
    low, high, unit = match.groups()
    if unit == "J" and _CARDS.search(context_before(match, 20) + context_after(match, 20)):
        return match.group()
    spoken = read_amount(low) + ("到" + read_amount(high) if high else "")
    return spoken + UNITS[unit]


def _temperature(match: re.Match[str]) -> str:
    """-5~3℃ -> 零下五到三摄氏度; a day's low and high written 15/26℃ (-2/8℃) the same way, its
    high and low (26/15℃) with a pause between."""
    minus, low, separator, high_minus, high, unit = match.groups()
    before = context_before(match, 8)  # 较昨日+3℃, 比昨天-2℃: higher or lower by (not 比赛-5℃, 比-5℃还冷)
    compared = re.search("[较比](?:昨天|昨日|前天|上周|上月|去年|常年|往年|平时|同期|今天|明天)(?:偏|升|降)?[高低]?$", before) is not None
    spoken = ({"-": "低", "+": "高"} if compared and not before.endswith(("高", "低")) else {"-": "零下", "+": "零上"}
              if not compared else {}).get(minus, "")
    spoken += "两" if compared and minus and low == "2" else read_number(low)
    if high:
        falling = separator == "/" and float((minus or "") + low) > float(("-" if high_minus else "") + high)
        spoken += ("、" if falling else "到") + ("零下" if high_minus else "") + read_number(high)
    return spoken + _TEMPERATURE[unit]


def _percent(match: re.Match[str]) -> str:
    minus, low, low_sign, high, sign = match.groups()
    per = {"%": "百分之", "‰": "千分之", "‱": "万分之"}[sign]
    plus = "加" if _BONUS.search(context_before(match, 4)) else "正"  # 暴击率+15%: a bonus added
    spoken = {"-": "负", "+": plus}.get(minus or "", "") + per + read_number(low)
    if high:
        spoken += "到" + (per if low_sign else "") + read_number(high)
    return spoken


# A game character's or item's attribute, which a +N% raises (暴击率+15%, 攻速+10%)
_BONUS = re.compile("(?:暴击率|命中率|闪避率|暴击|攻击力|防御力|攻击|防御|伤害|生命值|法力值|血量|法强|护甲|吸血|经验|金币|加成|移速|攻速)$")
_SIGNED = r"(?:(?<![A-Za-z0-9.])([-+]))?(?<![0-9.])"
# Words before a minus number of 度 that make it a temperature (气温-5度, 明天最低-5度, 体感-18°), 零下
_WARMTH = re.compile("温|冷|冻|寒|降|最低|最高|低至|体感|今天|明天|今晚|夜间|夜里|白天|早晚|凌晨|晴|阴|雨|雪|云|雾|霾|风|霜|天气|预报|户外|室外|现在")


_RATES = re.compile("利率|收益率|降息|加息|利息|利差|国债|债券|LPR|MLF|基准|下行|上行|下调|上调|点差|基点|报价|贷款|按揭")


def _basis_points(match: re.Match[str]) -> str:
    if _RATES.search(context_before(match, 20)):
        return ("两" if match.group(1) == "2" else read_number(match.group(1))) + "个基点"  # 下行2BP: 两个基点
    return match.group()


def _degrees_below(match: re.Match[str]) -> str:
    number, sign = match.groups()
    if _WARMTH.search(context_before(match, 8)) and not re.search("角|偏|斜|误差|差|坡", context_before(match, 8) + context_after(match, 4)):
        # (not 今天的仰角调整为-15°, 风向偏转-30°, 现在的斜率是-2°)
        return "零下" + read_number(number) + ("度" if sign else "")
    if sign:
        return "负" + read_number(number) + "度"  # an angle: 角度-30°
    if not context_after(match, 1).startswith("度"):
        return "负" + read_number(number)  # the low end of a range of degrees written up, its sign kept (-5~12°)
    return match.group()  # an angle or a change in 度: left to the cardinal rule (负)

# Words near a number before A that make the A amperes (电流2A, 16A插座; not 5A级景区, 高二2A班).
# Words of a labour law's severance pay, where N is the years worked, no newton (支付2N的赔偿金, 2N+1)
_SEVERANCE = re.compile("赔偿|补偿|裁员|辞退|解除|劳动|仲裁|工作年限|N ?\\+ ?1")
_CURRENT_BEFORE = re.compile("电流|充电|输出|输入|额定|保险丝|空开|断路器|安培")
_CURRENT_AFTER = re.compile("^(?:的?电流|插座|插头|快充|充电|保险丝|空开|断路器)")


def _amperes(match: re.Match[str]) -> str:
    if _CURRENT_BEFORE.search(context_before(match, 8)) or _CURRENT_AFTER.match(context_after(match, 4)):
        return read_amount(match.group(1)) + "安"
    return match.group()


# Around a count, a pay or a budget that a k after its number multiplies by a thousand (粉丝1.5k, 2k个赞, 月薪15k, 预算5k);
# not the things named after a count word (评论区, 播放器, 浏览器, 收藏夹, 阅读灯)
_COUNTED_BEFORE = re.compile("(?:赞|粉丝|涨粉|掉粉|播放|阅读|浏览|观看|关注|评论|转发|收藏|人数|月薪|年薪|薪资|工资|底薪|税前|税后|预算|月入|房租|租金|月租|月供|房贷"
                             "|销量|月销|机票|酒店|房费|票价|报价|花了|花费|每月|一个月|收入|年终奖|奖金|赚了|亏了|投了|定投|存款|借了|欠了"
                             "|押金|首付|定金|写了|起薪|薪酬|待遇|薪水|期望(?!值)|年包|总包)(?![区器夹灯])|(?:base|Base|BASE) ?$")
# (and what a sum of money or a length of text is: 5k字, 3k一个月, 2.8k/月, 5k的基金)
_COUNTED_AFTER = re.compile("^[+多]?[个的条]?(?:赞|点赞|粉|人|播放|阅读|浏览|观看|关注|评论|转发|收藏|留言|弹幕|回复)"
                            "|^(?:多?字(?![幕体号段符节])|一个月|每月|/月|一月|/年|多块|的(?:基金|工资|收入|红包|押金|预算|房租|奖金|理财))"
                            "|^ ?[·•*×xX]? ?1[2-8]薪")  # a job's pay: 15-25K·14薪
# A k that is no thousand even there: gold's carats, a picture's resolution, a file's size (粉丝送的18k金手链,
# 看4K直播, 8K的壁纸, 4K60帧), a bit rate (码率128k), a run's kilometres (粉丝们一起跑了10k)
_NOT_THOUSAND_AFTER = re.compile("^的?(?:[金屏图片照跑]|视频|直播|壁纸|海报|分辨率|电视|电影|字幕|会员|流媒体|片源|投影|高清|超清|画质|显示|大小|蓝光|[0-9]+帧"
                                 "|上下文|[Tt]oken|长文本)")
_NOT_THOUSAND_BEFORE = re.compile("码率|比特率|采样率|分辨率|色温|跑|流量|文件|大小")


def _either_term(match: re.Match[str]) -> str:
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(5))
    unit = match.string[match.end()]
    return (match.group(3) or "") + f"{read_number(first)}{unit}或{read_number(second)}"


def _thousands(match: re.Match[str]) -> str:
    """1.2k -> 一千二百, 2k -> 两千, 年薪30-50k -> 三万到五万: the number (both ends of a range) times a
    thousand, where counts or pay are spoken of."""
    before, after = context_before(match, 8), context_after(match, 4)
    if not (_COUNTED_BEFORE.search(before) or _COUNTED_AFTER.match(after)) or (
            _NOT_THOUSAND_AFTER.match(after) or _NOT_THOUSAND_BEFORE.search(before)):  # fmt: skip
        return match.group()
    numbers = [number for number in match.groups() if number]
    ends = [spoken for spoken in map(_times_thousand, numbers) if spoken]
    return "到".join(ends) if len(ends) == len(numbers) else match.group()


def _more_than(match: re.Match[str]) -> str:
    """10+ -> 十多, 3万+ -> 三万多 (a round number: 多 follows it); 5+ -> 超过五, 98+ -> 超过九十八, 2+ -> 超过两
    (a measure word follows)."""
    number, unit = match.group(1), match.group(2)
    if unit or (len(number) > 1 and number.endswith("0")):
        return read_number(number) + unit + "多"
    return "超过" + ("两" if number == "2" else read_number(number))


def _times_thousand(number: str) -> str | None:
    """1.2 -> 一千二百; None where the fraction has more places than a thousand shifts away."""
    whole, _, fraction = number.partition(".")
    return None if len(fraction) > 3 else read_number(str(int(whole + fraction.ljust(3, "0"))))


# What is counted after a number (1e10个原子, 1e5次迭代)
_COUNT_AFTER = re.compile(" ?[个次倍条颗粒步轮]")


def _scientific(match: re.Match[str]) -> str:
    """2.5×10⁻³mol/L -> 二点五乘十的负三次方摩尔每升, 10^-9m -> 十的负九次方米, 1.5e-3 -> 一点五乘十的负三次方; a
    power of ten with neither a number before it nor a unit after it is left to the powers of :mod:`.math` (10² ->
    十的平方), and so is an e between whole numbers with neither a sign, a unit nor a count after it (1e5; not
    1e10个原子)."""
    coefficient, power, superscript, e_coefficient, e_power, per, unit = match.groups()
    if e_coefficient and not ("." in e_coefficient or e_power[0] in "+-" or unit or _COUNT_AFTER.match(context_after(match, 2))):
        return match.group()  # 1e5 with no fraction, sign, unit nor count: a code as likely (型号1e5)
    coefficient, power = coefficient or e_coefficient, power or e_power
    if not coefficient and not unit:
        return match.group()
    spoken = f"十的{read_number(power or superscript_digits(superscript))}次方" + ("每" if per else "") + (UNITS[unit] if unit else "")
    return (read_number(coefficient) + "乘" if coefficient else "") + spoken


# What makes an x after a number "times": a speed or a lens after it (3x速度, 10x光学变焦), a magnification or a
# valuation's multiple before it (放大1000X, 市盈率15x) or after it (8x PE); not a hexadecimal's 0x, nor 1920X1080
_TIMES_AFTER = re.compile("^(?:速|倍速|增距|增倍|(?:光学|数码|混合|无损)?变焦| ?(?:PE|PB|PS|市盈率|市净率|市销率)(?![A-Za-z]))")
_TIMES_BEFORE = re.compile("放大|市盈率|市净率|市销率|估值|PE|PB|PS")


def _multiple(match: re.Match[str]) -> str:
    """3x速度 -> 三倍速度, 市盈率15x，低于行业的20x -> 十五倍, 二十倍 (the valuation anywhere in the sentence before),
    放大1000X -> 放大一千倍 (not 错误代码0x80: a hexadecimal)."""
    sentence = re.split("[。！？!?\n]", context_before(match, 20))[-1]
    if _TIMES_AFTER.match(context_after(match, 5)) or _TIMES_BEFORE.search(sentence):
        return read_amount(match.group(1)) + "倍"
    return match.group()


# A line's speed spoken of in the clause before an M, or a line named right after it
_LINE_BEFORE = re.compile("宽带|带宽|光纤|网速|提速")
_LINE_AFTER = re.compile("^ ?的?(?:宽带|光纤)")
# An M of metres, a cable's length (光纤长200M, 每卷2000M, 跳线3M长), or before a /s that its own rule reads
_LENGTH_BEFORE = re.compile("(?:长|长度|距离|每卷)(?:约|为|是|有|达|只有)?$")
_NOT_LINE_AFTER = re.compile("^(?:长|/)")


def _megabits(match: re.Match[str]) -> str:
    """100M -> 一百兆 where an internet line's speed is meant (not 内存还剩200M, nor 宽带很快，下载了500M)."""
    clause = re.split("[，。；！？,;!?]", context_before(match, 12))[-1]
    after = context_after(match, 4)
    if _LENGTH_BEFORE.search(clause) or _NOT_LINE_AFTER.match(after):
        return match.group()
    if _LINE_BEFORE.search(clause) or _LINE_AFTER.match(after):
        return read_amount(match.group(1)) + "兆"
    return match.group()


def _points(match: re.Match[str]) -> str:
    """同比+2.3pct, 提升2-3pct, 约2个pct -> 正二点三个百分点, 二到三个百分点, 两个百分点; 下降25bps
    -> 二十五个基点 (波特率9600bps: bits per second)."""
    sign, low, high, counted, unit = match.groups()
    if unit.lower() == "bps" and re.search("率|速|带宽|传输|串口|网", context_before(match, 8)):
        return read_number(low) + "比特每秒"
    amount = (read_amount(low) if counted else read_number(low)) + ("到" + read_number(high) if high else "")
    return {"-": "负", "+": "正"}.get(sign or "", "") + amount + ("个基点" if unit.lower() == "bps" else "个百分点")


def _dose_units(match: re.Match[str]) -> str:
    if re.search("素|注射|皮下|剂量|用量|静脉|泵入|静滴|餐前|餐后|睡前", context_before(match, 12)):
        return read_number(match.group(1)) + "个单位"
    return match.group()


def _floor(match: re.Match[str]) -> str:
    if _SEAT_BEFORE.search(context_before(match, 8)):
        return match.group()
    return ("负" if match.group(1) else "") + read_number(match.group(2)) + "楼"


# Units of what a content is given per (10mg/5ml, 1500kJ/100g, 2g/100g: read "per")
_PER_AMOUNTS = frozenset({"kg", "g", "mg", "μg", "L", "ml", "mL", "μL", "μl"})


def _spec_pair(match: re.Match[str]) -> str:
    """4K/120Hz, 60Hz/120Hz, 8K/30fps -> a pause between the two specs, not "per" (a mass or volume after the
    slash is what a content is given per, and energy over a day (1.2kWh/24h): left to be read "per"; a height
    and a weight, 170cm/60kg, are two specs)."""
    spec, unit, next_unit = match.groups()
    per = next_unit in _PER_AMOUNTS and unit not in ("cm", "m") or unit == "kWh" and next_unit == "h"
    return match.group() if per else spec + "、"


# A runway's number, its heading in tens of degrees, and its side among parallel runways
_RUNWAY = "(0[1-9]|[12][0-9]|3[0-6])([LRC])"
_RUNWAY_SIDES = {"L": "左", "R": "右", "C": "中"}
_SEAT_BEFORE = re.compile("座|席|舱|排|登机|航班|车厢|[0-9]车|值机|靠窗|过道|位置|华氏")


RULES: tuple[Rule, ...] = (
    # q6h: every so many hours, in a prescription (not six hours)
    rule("dosing_interval", r"(?<![A-Za-z])q([0-9]{1,2})h(?![A-Za-z])", lambda m: f"每{read_number(m.group(1))}小时"),
    # 2h30m, 1h 5m: hours then minutes, a time taken (not 两小时三十米; 1h30min is read unit by unit)
    # 2m15s, 1m32s: minutes and seconds of a time taken (not 5m, metres)
    rule("minutes_seconds_letters", r"(?<![A-Za-z0-9.])([0-9]{1,3})m([0-5]?[0-9])s(?![A-Za-z])",
         lambda m: read_number(m.group(1)) + "分" + read_number(m.group(2)) + "秒"),
    # 24H营业, 12H: hours of service (not 2H铅笔, a pencil's hardness)
    rule("service_hours", r"(?<![0-9.A-Za-z])(24|12|48|72)H(?![A-Za-z0-9])", lambda m: read_number(m.group(1)) + "小时"),
    # 5元/半小时, 10元/半天: per half an hour or a day
    rule("per_half", r"(?<=[元块])/(?=半(?:小时|天|年|月))", lambda m: "每"),
    rule("hours_minutes", r"(?<![A-Za-z0-9.])([0-9]{1,3}) ?h ?([0-5]?[0-9]) ?m(?![A-Za-z0-9²³/])",
         lambda m: f"{read_amount(m.group(1))}小时{read_number(m.group(2))}分钟"),
    # 5V2A, 5V/3A, 9V 2A: a charger's rating, volts and amperes
    rule("volts_amperes", r"(?<![A-Za-z0-9.])(" + NUMBER + r") ?V ?[/ ]? ?(" + NUMBER + r") ?A(?![A-Za-z0-9])",
         lambda m: f"{read_amount(m.group(1))}伏{read_amount(m.group(2))}安"),
    rule("amperes", r"(?<![A-Za-z0-9.])(" + NUMBER + r") ?A(?![A-Za-z0-9+])", _amperes),
    # 1V1辅导, 3v3篮球: one on one, not volts
    rule("versus", r"(?<![0-9.])([1-9])[Vv]([1-9])(?![0-9A-Za-z.])",
         lambda m: read_number(m.group(1)) + "对" + read_number(m.group(2))),
    # 10N的拉力: newtons, where nothing is a code (not H1N1), nor a labour law's N of years' pay (支付2N的赔偿金, 即2N+1)
    rule("newton", r"(?<![A-Za-z0-9.])(" + NUMBER + r") ?N(?![A-Za-z0-9]|·m)",
         lambda m: m.group() if _SEVERANCE.search(context_before(m, 12) + m.group() + context_after(m, 12)) else read_amount(m.group(1)) + "牛"),
    # S/M/L/XL: clothing sizes, a list (not M per litre)
    rule("sizes", r"(?<![A-Za-z/])X{0,3}[SML](?:/X{0,3}[SML]){2,}(?![A-Za-z/])", lambda m: m.group().replace("/", "、")),
    # 165/88A, 170/92Y: a garment's size, the height and the chest or waist in cm, then the body type, a pause
    # between (not 八十八分之一百六十五; a plain 165/88 stays a fraction)
    rule("garment_size", r"(?<![0-9.])(1[4-9][0-9])/([5-9][0-9]|1[0-3][0-9])(?=[YABC](?![A-Za-z0-9]))",
         lambda m: f"{read_number(m.group(1))}、{read_number(m.group(2))}"),
    # 跑道36L, 01R跑道: a runway's heading digit by digit and its side, 左, 右 or 中 (三六左; not 三十六升, nor
    # litres of what a running track is laid with: 18L跑道漆, 塑胶跑道12L装)
    rule("runway", r"(?:(?<=跑道)|(?<=跑道 ))" + _RUNWAY + r"(?![A-Za-z0-9]|[装桶瓶])|(?<![0-9A-Za-z.])" + _RUNWAY
         + r"(?= ?跑道(?!漆|涂料|胶|材料))",
         lambda m: read_digits(m.group(1) or m.group(3)) + _RUNWAY_SIDES[m.group(2) or m.group(4)]),
    # 4K/120Hz, 2K/165Hz, 1080P/60帧, 60Hz/120Hz: two specs side by side, the slash a pause (not "per")
    rule("spec_pair", r"(?<![0-9.A-Za-z])((?:" + NUMBER + r" ?(" + _UNIT + r")|[0-9]+[KkPp]|(?<=[零一二三四五六七八九])[Pp]))/"
         r"(?=" + NUMBER + r" ?(?:(" + _UNIT + r")(?![A-Za-z])|fps|FPS|帧))", _spec_pair),
    rule(
        "temperature",
        _SIGNED + r"(" + NUMBER + r")(?: ?([-~～/—–]|到|至) ?(-)?(" + NUMBER + r"))? ?(℃|°C|°c(?![A-Za-z])|℉|°F)",
        _temperature,
    ),
    # LPR-20BP, LPR - 0.3%: a loan's rate below its benchmark, 减 (not 负: the sign is no number's; LPR+50BP is 加 below)
    rule("rate_spread", r"(?:(?<=LPR)|(?<=LPR )|(?<=SHIBOR)|(?<=Shibor)|(?<=基准利率)) ?-(?= ?" + NUMBER + r" ?(?:[Bb][Pp]|%|个?基点))",
         lambda m: "减"),
    # +3价, +6价铬: a positive valence, 正 (not the 加 of a sum; -2价 is read 负 below; nor a price's: 会员价+3价格更低)
    rule("valence", r"(?<![0-9A-Za-z.)）])\+(?=[1-8]价(?![格位钱值差款目购]))", lambda m: "正"),
    # 0.75%/月, 0.05%/天: a rate per month or day (before the percent is read)
    rule("percent_per", r"(?<=[0-9][%‰])/(?=[日天周月年季期件次])", lambda m: "每"),
    # 50%, -3.5%, 10%-20%, 10-20%, 5‰, 2‱ (a sign right after a percentage is an operation's: 3.5%+1.5%)
    rule(
        "percent",
        r"(?:(?<![A-Za-z0-9.%‰‱])([-+]))?(?<![0-9.])(" + NUMBER + r")(?: ?([%‰‱])? ?[-~～] ?(" + NUMBER + r"))? ?([%‰‱])",
        _percent,
    ),
    # 气温-5度, 气温-5到-10度: a minus temperature in 度 where the words before speak of temperature
    rule("degrees_below", r"(?<![A-Za-z0-9.])-(" + NUMBER + r")(?:(°)(?![CF])|(?=度|[到至~～]-?" + NUMBER + "(?:度|°(?![CF]))))", _degrees_below),
    # 年薪30w, 10w+阅读: a lower-case w after a number is 万 (100W is watts), so is W after pay or counts, or of pixels (400W像素)
    # (年薪30-50w, 年薪25-40W: both ends)
    # (薪资1.5W-2W, 月薪2w+: both ends written with W, more than so many)
    rule("wan", r"(?<![0-9.])(" + NUMBER + r")(?:w? ?[-~～到至] ?(" + NUMBER + r"))?w(?![A-Za-z])(\+?)"
         r"|(?<=年薪|月薪|薪资|工资|身价|点赞|播放|粉丝|阅读|存款|首付|彩礼|总价|房价|售价|预算|贷款|收入|期望|起薪|薪酬|待遇|年包|总包|全款|落地|裸车|车价|年入|月入|估值|市值|融资)"
         r" ?(" + NUMBER + r")(?:W? ?[-~～到至] ?(" + NUMBER + r"))?W(?![A-Za-z])(?! ?的?(?:快充|充|功|灯|电|音|喇|以上的功))(\+?)|(?<=过|破)(" + NUMBER + r")W(?![A-Za-z])()"
         r"|(?<![0-9.])(" + NUMBER + r")W(?=像素)()",
         lambda m: "到".join(read_amount(end) for end in m.groups() if end and end != "+") + "万" + ("多" if "+" in m.groups() else "")),
    # 1.2k个赞, 涨粉5k, 月薪15k, 年薪30-50k: k after a count of people or clicks, or after pay, is a thousand
    # (一千二百个赞; not 18k金, 4k视频, 跑了10k)
    rule("thousand", r"(?<![A-Za-z0-9.])(" + NUMBER + r")(?:[kK]? ?(?:[-~～到至]) ?(" + NUMBER + r"))?[kK](?![A-Za-z])", _thousands),  # (6K-8K/月)
    # 10+年经验, 已售10万+件, 100+好评, 10000+开发者: "more than", 多 after a round number; 5+年经验, 98+个赞: 超过 before
    # any other (五多年 is no Chinese); not 99+个赞, 999+条: a count's cap, 九十九加
    # 3年+工作经验, 35岁+, 165cm+(以上): so much or more, a plus after its unit (以上; not 170cm+体重60kg: and)
    rule("unit_or_more", r"(?<![0-9.])(" + NUMBER + r") ?(年|岁|周岁|个月|cm|kg|斤|公斤)\+(?:以上)?(?![0-9]|[\u4e00-\u9fff]{1,3}[0-9])",
         lambda m: read_amount(m.group(1)) + UNITS.get(m.group(2), m.group(2)) + "以上"),
    rule("more_than", r"(?<![0-9.(（])(?!99+\+)([0-9]+)([万千亿]?)\+(?=[年个人次天家位种款项件条名台篇份岁]|好评|评价|评论|销量"
         r"|开发者|用户|企业|国家|城市|客户|商家|粉丝|会员|员工|学生|门店|作品|案例|专利|品牌|机构|合作伙伴|公里)",
         _more_than),
    # 3x速度, 2X倍速: times as fast; 1.4x增距镜, 10x光学变焦, 放大1000X: a magnification; 市盈率15x, 8x PE: a multiple
    rule("multiple", r"(?<![0-9.])(" + NUMBER + r")[xX](?![A-Za-z0-9])", _multiple),
    # 40×物镜, 10×缓冲液: a microscope's magnification, a stock solution's strength (倍, not 乘)
    rule("magnification", r"(?<![0-9.])(" + NUMBER + r")×(?= ?(?:物镜|目镜|油镜|缓冲液|PBS|TAE|TBE))", lambda m: read_number(m.group(1)) + "倍"),
    # 血压120/80mmHg, 血压135/85: systolic to diastolic
    rule("pressure", r"(?<![0-9.])([0-9]{2,3})/([0-9]{2,3}) ?(?:mmHg|毫米汞柱)",
         lambda m: read_number(m.group(1)) + "比" + read_number(m.group(2)) + "毫米汞柱"),
    # 收缩压/舒张压：118/76, 今天量的118/76: named or measured (not 低压220/380V: a low voltage; nor 销量的60/80)
    rule("pressure_named", r"(?:(?<=血压)|(?<=血压值)|(?<=BP)|(?<=舒张压)|(?<=[天早晚刚才我]量的)|(?<=[天早晚刚才我]测的))([:：]|是|为)? ?([0-9]{2,3})/([0-9]{2,3})(?![0-9.A-Za-z])",
         lambda m: (m.group(1) or "") + read_number(m.group(2)) + "比" + read_number(m.group(3))),
    # 评分4.5/5, 打分8.5/10: a rating out of a full mark (四点五分，满分五分), not a fraction
    rule("rating_out_of", r"(?:(?<=评分|打分|得分|评价|分数|指数|难度)|(?<=满意度)|(?<=IGN )|(?<=IGN)|(?<=IMDb )|(?<=IMDb)|(?<=豆瓣 )|(?<=豆瓣)|(?<=打)(?=[0-9.]+ ?/ ?10分))([:：为是]? ?)(" + NUMBER + r") ?/ ?(5|10|100)(?:\.0)?分?(?![0-9.])",
         lambda m: f"{m.group(1)}{read_number(m.group(2))}分，满分{read_number(m.group(3))}分"),
    # 4x100m接力: so many legs of so many metres
    rule("relay", r"(?<![0-9A-Za-z.])([0-9])[xX](?=[0-9]{2,4} ?(?:m(?![A-Za-z])|米))", lambda m: read_number(m.group(1)) + "乘"),
    # 同比+2.3pct, -0.5pp, 120bps: percentage points and basis points of finance reports
    rule("points", r"(?:(?<![A-Za-z0-9.])([-+]))?(?<![0-9.])(" + NUMBER + r")(?: ?[-~～] ?(" + NUMBER + r"))? ?(个)?(pcts?|pp|bps|BPS)(?![A-Za-z])",
         _points),
    # 胰岛素8U, 肝素5000U: units of a drug's dose
    rule("dose_units", r"(?<![A-Za-z0-9.])(" + NUMBER + r") ?U(?![A-Za-z0-9/])", _dose_units),
    # 18/33层: a floor of so many; 3/4层: two floors; 楼层：12/32, a listing's floor of so many (not 楼层1/3的位置)
    rule("floor_of", r"(?<![0-9.])([0-9]{1,2})/([0-9]{1,3}) ?层", lambda m: read_one_of(m.group(1), m.group(2), "层")),
    # 7/18楼, 5/6楼, 3/6F, 12F/33F: a floor of a building of so many (七楼，共十八层; not 1/3楼层, 2/3楼盘, 6/18楼下)
    rule("floor_of_building", r"(?<![0-9./])([0-9]{1,2})F?/([0-9]{1,3}) ?(?:楼(?![层盘房市道下顶体宇梯上里栋主间群座])|F)(?![A-Za-z0-9号])",
         lambda m: f"{read_number(m.group(1))}楼，共{read_number(m.group(2))}层" if int(m.group(1)) <= int(m.group(2)) else m.group()),
    rule("listed_floor", r"(?<=楼层)([:：]? ?)([0-9]{1,2})/([0-9]{1,3})(?![0-9.]|的)",
         lambda m: (m.group(1) or "，") + read_one_of(m.group(2), m.group(3), "层", neighbours=False)  # (楼层，一层: not 层一层, A一A)
         if int(m.group(2)) <= int(m.group(3)) else m.group()),
    # 245/45 R19, 225/55R17: a tyre's width, its profile and its rim, the first two said digit by digit
    rule("tyre_size", r"(?<![0-9.])([1-3][0-9]{2})/([2-9][0-9]) ?(Z?R) ?(1[2-9]|2[0-4])(?![0-9])",
         lambda m: f"{read_digits(m.group(1))} {read_digits(m.group(2))} {m.group(3)}{read_number(m.group(4))}"),
    # 宽带100M, 宽带提速至1000M, 网速只有2M, 500M的宽带: a line's speed in megabits (百兆, 两兆)
    rule("bandwidth", r"(?<![A-Za-z0-9.])([0-9]+) ?M(?![A-Za-z])", _megabits),
    # 2F, -1F: a floor of a building (not a seat: 12车05F号, 座位12F)
    rule("floor", r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)(?<!长征)(-?)([1-9][0-9]?)F(?![A-Za-z0-9号座])", _floor),  # (not CZ-2F, 长征2F, 运-8F)
    # 6.02×10²³mol⁻¹, 0.05 mol·L⁻¹·s⁻¹, 10^23 mol^-1: a unit to the power minus one after a number or another unit
    # is "per" it (每摩尔, 摩尔每升每秒; not an inverse in algebra: 逆元g⁻¹)
    rule("per_inverse", r"(?:·|(?<=[0-9⁰¹²³⁴⁵⁶⁷⁸⁹])|(?<=[0-9⁰¹²³⁴⁵⁶⁷⁸⁹] ))(" + _UNIT + r")(?:⁻¹|\^-1)(?![0-9⁰¹²³⁴⁵⁶⁷⁸⁹])",
         lambda m: "每" + UNITS[m.group(1)]),
    # 3×10^8 m/s, 2.5×10⁻³mol/L, 12×10⁹/L, 1.0×10³, 10^-7 mol/L, 1.5e-3, 6.02E23: a number in scientific notation
    # (its power in 次方: 十的三次方, not 十的立方), or a power of ten before a unit (not a colour: #2e3)
    rule(
        "scientific",
        r"(?<![0-9.])(?:(?:(" + NUMBER + r") ?[×xX*] ?)?10(?:\^(-?[0-9]+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
        r"|(?<![A-Za-z#])(" + NUMBER + r")[eE]([-+]?[0-9]{1,3})(?!(?!" + _UNIT + r")[A-Za-z]))(?![0-9])(?: ?(/)?(" + _UNIT + r")(?![A-Za-z]))?",
        _scientific,
    ),
    # 下行3bp: basis points where interest or yields are spoken of (500bp elsewhere: base pairs, left)
    rule("basis_points", r"(?<![0-9.])(" + NUMBER + r") ?[Bb][Pp](?![A-Za-z])", _basis_points),
    # 1/2kg, 1/125s: a proper fraction of a unit (二分之一千克, 一百二十五分之一秒; not 一/两千克)
    rule("fraction_of_unit", r"(?<![0-9./A-Za-z])([1-9])/([0-9]{1,5}) ?(" + _UNIT + r")(?![A-Za-z])",
         lambda m: f"{read_number(m.group(2))}分之{read_number(m.group(1))}{UNITS[m.group(3)]}"
         if int(m.group(2)) > int(m.group(1)) else m.group()),
    # 1g内存, 2g的显存, 3g网速: gigabytes of a computer's memory or a generation of mobile networks written small, not
    # grams (left as G, read by g2p)
    rule("small_g", r"(?<![0-9.A-Za-z])(" + NUMBER + r") ?g(?= ?的?(?:内存|显存|运存|硬盘|独显|网))", lambda m: m.group(1) + "G"),
    # (not a model's letter after its number: 奥迪A4L, V2L, Q5L)
    # (not the singer IU: 2024 IU演唱会)
    rule("unit", r"(?<![0-9.A-Z])" + _RANGE + r" ?(" + _UNIT + r")(?![A-Za-z]|(?<=IU)(?:演唱|巡演|专辑|新歌))", _with_unit),
    # 5/10年交, 可选10/20年期, 保额30/50万, 等待期30/90天: one or another of the terms offered (五年或十年交), not a fraction
    rule("either_term", r"(?<![0-9./])([0-9]{1,4})/([0-9]{1,4})(?=年[交缴期付])"
         r"|(?:(?<=保额)|(?<=可选)|(?<=等待期)|(?<=缴费期)|(?<=期限))([:：为是]?)([0-9]{1,4})/([0-9]{1,4})(?=[万年天])",
         _either_term),
    # 已更新12/40集: so many episodes of so many
    rule("episodes_of", r"(?<![0-9./])([0-9]{1,4})/([0-9]{1,4})(?=集)",
         lambda m: read_one_of(m.group(1), m.group(2), "集", neighbours=False)[:-1] if int(m.group(1)) <= int(m.group(2)) else m.group()),
    # 门票480元/680元/880元: prices to choose from, a pause between (not "per")
    rule("price_choices", r"(?<=元)/(?=[0-9零一二两三四五六七八九十百千万]+(?:\.[0-9]+|点[零一二三四五六七八九]+)?元)", lambda m: "、"),
    # 3.2班: the second class of the third year (三二班), not a decimal
    rule("class_of_year", r"(?<![0-9.每])([1-9])\.([1-9][0-9]?)(?=班(?![次车机]))", lambda m: read_number(m.group(1)) + read_number(m.group(2))),
    # 高度是多少m？, 质量是多少kg？, 每kg体重0.1ml, 体重是几kg？: a unit after 多少, 每 or 几, its number unsaid
    rule("unit_asked", r"(?:(?<=多少)|(?<=[每几])) ?(" + _UNIT + r")(?![A-Za-z])", lambda m: UNITS[m.group(1)]),
    # 9.6万km², 120万kW, 1000亿kW·h: a unit after 万 or 亿 (the number is read below)
    rule("unit_after_myriads", r"(?<=[0-9][万亿])(" + _UNIT + r")(?![A-Za-z])", lambda m: UNITS[m.group(1)]),
    # 0.25g*24粒, 330ml*24罐, 500张*5包: a pack of so many (times; not *3天*, Markdown italics)
    rule("pack_times", r"(?<=[克升粒片支张袋盒瓶罐桶包板gGlL])\*(?=[0-9]+ ?[粒片支张节袋盒瓶罐桶包板])", lambda m: "乘"),
    # 25°/18°, 25度/18度: a day's high and low, a pause between (not "per")
    rule("high_low", r"(?<=度)/(?=-?[0-9负零一二两三四五六七八九十点.]+(?:摄氏|华氏)?度)", lambda m: "、"),
    # 10元/3斤, 10元/GB: a price per so much, or per a unit in letters (not 100米/200米, TCP/IP, USD/CNY)
    rule("per_amount", r"(?<=[元块角])/(?=[0-9]+ ?(?:[斤两个人次天件瓶盒袋包支克]|公斤|小时|分钟)|(?![WL](?![A-Za-z]))[A-Z]{1,3}(?![A-Za-z/]))",
         lambda m: "每"),
    # 20mg/d, 0.5g/kg/d: a dose per day
    rule("per_day", r"(?<=[0-9A-Za-z\u4e00-\u9fff])/d(?![A-Za-z])", lambda m: "每天"),
    # 3000/月, 300/人, 8/斤: a bare amount per a period, a person or a measure (not 1/2, 2024/3, 30/月份, 3/年级,
    # 80/人均, 390/晚上)
    rule("per_after_number", r"(?<=[0-9])/(?=[月年天日周人晚次斤件](?![份级度气期民数员工事间前后初底末中内报历终假均上])|分(?=$|[，。,.;；、)）\s]))",
         lambda m: "每"),
    # 10元/斤, 3元/kg, 300元/间, 10元/GB, 20MB/s, 3.2万/平, 1.5万/月, 2.8k/月 (两千八百/月), 5万IU/mL, 3位/桌, 30枚/盒, 899元起/人, 800元/车: a
    # slash after a price or a unit,
    # before a unit, is 每 ("per"; not 十万/百万; 位 only after 国际单 or a count, not before another: 单位/个人, 座位/床位,
    # 两位/三位; a container only after a count, not before another: 6瓶/箱, 12盒/箱, not 玻璃瓶/罐, 1包/两包)
    rule(
        "per",
        r"(?:(?<=[元块角万千百A-Za-z次片粒袋支滴人个件份张套间单米克斤秒时里升吨度瓦板焦卡帕伏安赫兹尔特转牛力²³枚只条双抽辆弗瑞步株尾头钱])|(?<=[0-9]两)|(?<=国际单位)|(?<=元起)|(?<=分钟)"
        r"|(?<=[元块]/[月天人盏顶船间床桌户])|(?<=[0-9][盒瓶罐桶包])(?!/[一二两三四五六七八九十百千几]+[盒瓶罐桶包])"
        r"|(?<=[0-9][丸根贴天通批喷揿盏船顶])"
        r"|(?<=[0-9零一二两三四五六七八九十百千几/]位)(?!/[0-9零一二两三四五六七八九十百千几]))/(?:(" + _UNIT
        + r")(?![A-Za-z])|(?:(?<!万/)|(?![一二两三四五六七八九十百千]))(?=[个人斤两次天日周分秒月年件台瓶盒只张位晚小片粒立平千公毫升吨亩克米股度盎板间单份套床桌箱户工块"
        r"支袋桶罐包根条辆车团餐趟程层枚双组提期时饼首本把场生杯碗串例客锅盘穴笼栏头株批船顶盏笔一二两三四五六七八九十百]|加仑|课时|学期"
        r"|(?:(?<=[元块]/)|(?<=分钟/))[季卡节](?![\u4e00-\u9fff])|(?<=[元块]/)季度"
        r"|(?<![A-Za-z]/)[颗捆扎打听对副尾屉碟盆坛壶盅](?![\u4e00-\u9fff])|(?<=[米弗瑞]/)[0-9]{1,2}(?:小时|天|分钟)))",
        lambda m: "每" + (UNITS[m.group(1)] if m.group(1) else ""),
    ),
)
