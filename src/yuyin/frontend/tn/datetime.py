"""Dates, years, clock times and generations -> hanzi.

``2024-03-15`` -> 二零二四年三月十五日; ``2024年``, ``2024届`` -> 二零二四年, 二零二四届 (years
are read digit by digit, except durations such as 5000年的历史; so are ``公元前221年`` and a
two-digit year that dates an event, ``98年出生`` -> 九八年出生); ``3月05日`` -> 三月五日;
``14:30`` -> 十四点三十分, ``3:30pm`` -> 下午三点三十分,
``9:05:30`` -> 九点零五分三十秒, ``2:00`` -> 两点, but ``用时1:23:45`` -> 用时一小时二十三分四十五秒
(a duration after a word of timing); ``90后`` -> 九零后. ``21:19`` next to a word
about a match is a score, left to :mod:`.math`, unless a word about time is next to it too.
"""

from __future__ import annotations

import re
from datetime import date

from .digits import read_digits, read_number, read_small
from .money import CURRENCY_CODES
from .rule import Rule, context_after, context_before, rule

_YEAR = r"(?<![0-9.])([12][0-9]{3})"
# What a year names before these: 2024年, 2024年度, 2024届 (graduates), 2024款 (a model year).
_YEAR_WORDS = r"年|赛季|财年|学年|届|款|级|版|考研|高考|奥运会|冬奥会|世界杯|亚运会"
# Words around a colon that make "21:19" a score or ratio, not a time: right after it, right
# before it (以 not as in 可以, 所以), or, for the longer words, a few characters before it.
_SCORE_AFTER = re.compile(r"^(?:战胜|击败|打败|获胜|取胜|赢|输|告负|落败|负|胜|战平|的比分|的?比例|的?(?:宽屏|屏|画面|显示器)|的?杠杆)")
_SCORE_JUST_BEFORE = re.compile(
    r"(?:比分|比分是|比分为|(?<![可所难足得予加用给借])以|战成|打成|比|战胜|击败|打败|负于|战平|比例|配比|比为|竖屏|横屏|画幅|宽高比)\s?$"
)
# A ratio's name and its equals sign: 传动比i=1:20, 盐:水=1:10 (read 盐比水 above), even where 等于 ends in 于
_RATIO_BEFORE = re.compile(r"(?:(?<![A-Za-z])[A-Za-z]|比[\u4e00-\u9fff]{1,3}) ?(?:=|等于) ?$"
                           # 房价收入比达到1:30, 租售比已经到了1:50, 杠杆1:10: a ratio reached (not 比赛于19:30)
                           r"|(?:(?<![评对好无类相])比[例率值]?|杠杆率?)(?:已经|已|还|都)?(?:达到|达|到了|高达|约为|约|为|是|超过|接近|突破|开到|开了)? ?$")
# Words of a match's result that make a pair before them a score unless a time is plain (决胜局12:10险胜, 10:10平; not
# 截至14:30领先, 15:00平仓, 下午4:00险胜, 7:15落后于计划)
_RESULT_AFTER_SCORE = re.compile(r"^(?:险胜|惜败|逆转|领先(?!科技|集团)|落后(?!于)|大胜(?![村关])|小胜|完胜|平(?![仓滑潭价方均时台安稳日原躺]))")
_SCORE_NEAR_BEFORE = re.compile(r"比分|比赛|战胜|击败|打败|负于|战平|比例|配比|第[0-9一二三四五六七]局|第[0-9一二三四五]盘|决胜局|[首次末]局|局分|抢十|[局赛]点")
# Two things mixed in a ratio, right before it: 料酒和水1:10, 蜂蜜和水1:10冲调, 醋和糖1:20
_MIXED = re.compile(r"(?:水|油|醋|糖|盐|酱油|生抽|老抽|料酒|蜂蜜|面粉|粉|酒|奶|茶)[和与跟](?:水|油|醋|糖|盐|酱油|生抽|老抽|料酒|蜂蜜|面粉|粉|酒|奶|茶|冰块?)$")
# A score reached, its 到 or 至 no time's: 比分来到10:10, 决胜局战至12:10, 比分追至15:15 (not 比赛打到10:30才结束)
_SCORE_REACHED = re.compile(r"(?:比分|[局盘])[^，,。；]{0,4}(?:来到|追至|追到|战至|战到|扳至|扳到|变为|变成)\s?$")
# Words next to it that make it a time even near those (比赛将于19:30开始, 输液时间10:15).
_TIME_BEFORE = re.compile(
    r"(?:于|从|到|至|早上|早晨|上午|中午|下午|傍晚|晚上|凌晨|夜里|今天|明天|昨天|后天|每天|每晚|时间[:：]?|时刻[:：]?|截至|截止)\s?$"
)
_TIME_AFTER = re.compile(
    r"^\s?(?:开始|出发|集合|起飞|降落|到达|抵达|发车|开车|开门|关门|开放|关闭|营业|结束|截止|见面|见|前|后|"
    r"之前|以前|之后|以后|左右|准时|整|起|开|到|至|打响|鸣枪|开球|开打|开战|揭幕|[-~～—–])"
)
# A year followed or preceded by these is a duration (5000年的历史, 距今2000年), read as a cardinal.
_DURATION_AFTER = re.compile(r"^年(?:的历史|历史|之久|左右)")
# ... and before a bound, where the number is no year's (1600年以上的古树; not 2025年之内完成, 2015年以上的款式)
_BOUND_AFTER = re.compile(r"^年(?:以上|之内|以内)")
# A round number of hundreds before 年前, 年后 or 年来 counts years (1000年前, 1500年后, 2000年来), where another
# number names the year counted from (2008年来, 2060年前, 1949年后); 1900 and 2100 always do (2100年前全球升温),
# 2000 before 年后 too (2000年后，互联网快速发展), and 年前后 is "around" a year (2000年前后); so is a deadline,
# 在 or 于 the year and 年前 then the deed (争取在2000年前签署, 于2000年前完成; not 早在2000年前, 在2000年前的汉代)
_COUNTED_YEARS_AFTER = re.compile(r"^年(?:前(?!后)|后|来(?!临))")
_DEADLINE_BEFORE = re.compile(r"(?<!早)[在于]$")
_DEADLINE_AFTER = re.compile(r"^年前(?![的之，,、。就便])")
_DURATION_BEFORE = re.compile(r"(?:距今|活了|已有|长达|历经|经过|持续了|大约|约|将近|(?<![最附接靠])近|超过|足足"
                              r"|半衰期[为是约]?|周期[为是约]|寿命[为是约达]?|[能可]活|每隔?)$")  # 半衰期为1600年, 每隔1500年


def _iso_date(match: re.Match[str]) -> str:
    year, _, month, day = match.groups()
    return f"{_year_month(year, month)}{read_small(day)}日"


def _year_month(year: str, month: str) -> str:
    """A year digit by digit and its month: ("2025", "12") -> 二零二五年十二月."""
    return f"{read_digits(year)}年{read_small(month)}月"


def _dotted_year_month(match: re.Match[str]) -> str:
    """2022.03 -> 二零二二年三月 where it is a year and month (see its rule), else as written."""
    year, month = match.groups()
    dated = (month.startswith("0") or _SPAN_OF_MONTHS_AFTER.match(context_after(match, 12)) is not None
             or _SPAN_OF_MONTHS_BEFORE.search(context_before(match, 10)) is not None
             or _BEGAN_OR_ENDED.match(context_after(match, 4)) is not None
             and _VALUE_BEFORE.search(context_before(match, 6)) is None)  # fmt: skip
    return _year_month(year, month) if dated else match.group()


_SPAN_OF_MONTHS_AFTER = re.compile(r" ?[-~～—–至到] ?(?:(?:19|20)[0-9]{2}\.(?:1[0-2]|0?[1-9])(?![0-9])|至今|今)")
_SPAN_OF_MONTHS_BEFORE = re.compile(r"(?:19|20)[0-9]{2}\.(?:1[0-2]|0?[1-9]) ?[-~～—–至到] ?$")
_BEGAN_OR_ENDED = re.compile(r"(?:生|出生|入职|离职|毕业|入学|参加工作|工作|启动|完成|开工|竣工|投产|加入|任(?![选意何]))")
# A price, an amount, a rate or a measurement before a number: 余额2024.5完成支付, 股价涨到3.8出发点, 成绩9.5回来了 (a
# value, not a year and month or a month and day)
_PRICE_WORDS = "价|股|指|点位|大盘|涨|跌|元|汇率|金额"  # 价格回到1999, 沪指重回3000: a price or an index
_VALUE_BEFORE = re.compile(r"(?:" + _PRICE_WORDS + "|价格|余额|产值|编号|增长|下降|上涨|率|分|成绩|视力|身高|水位|净值"
                           r"|比分|评分|指数|CPI|PPI|GDP|[涨跌升降回]到|[涨跌升降]至)[:：为是了约]{0,2}\s?$")


def _year_last_date(match: re.Match[str]) -> str:
    """25/12/2024 -> 二零二四年十二月二十五日, 12/25/2024 likewise: the number over 12 is the day;
    where both could be the month (12/06/2024: 6 December or 12 June) the text is left."""
    first, second, year = match.groups()
    if int(first) > 12 >= int(second):
        return f"{_year_month(year, second)}{read_small(first)}日"
    if int(second) > 12 >= int(first):
        return f"{_year_month(year, first)}{read_small(second)}日"
    return match.group()


def _year(match: re.Match[str]) -> str:
    after = context_after(match, 6)
    if (_DURATION_AFTER.match(after) or _BOUND_AFTER.match(after) and not re.fullmatch("(?:19|20)[0-9]{2}", match.group(1))
            or _DURATION_BEFORE.search(context_before(match, 4)) and not re.match("年(?:到期|[-~～至到—–])", after)
            or _counted_years(match) or match.group(1).endswith("00") and context_before(match, 3) == "公元前"
            or match.group(1).endswith("00") and context_before(match, 2) == "过去" and not context_before(match, 4).endswith("回到过去")
            and not after.startswith("年代")):
        return match.group()  # left to the cardinal rule (公元前2000年: 两千年 before the era; 过去1500年: the last 1,500 years)
    return read_digits(match.group(1))


def _counted_years(match: re.Match[str]) -> bool:
    """Whether a number before 年前, 年后 or 年来 counts years: 1000年前 一千年前 (not 2008年来, 2000年后, 在2000年前签署:
    a year)."""
    number, after = match.group(1), context_after(match, 3)
    if not number.endswith("00") or number in ("1900", "2100") or not _COUNTED_YEARS_AFTER.match(after):
        return False
    if _DEADLINE_AFTER.match(after) and _DEADLINE_BEFORE.search(context_before(match, 2)):
        return False
    return not (number == "2000" and after.startswith("年后"))


# A word of dates right before eight digits that make one (生产日期：20240305, 保质期至20251231, 截止到20240305,
# 到期日20250630, 出生于19900101, 生日：20010815)
_COMPACT_DATE_BEFORE = re.compile("(?:日期|有效期|保质期|截至|截止|到期日?|出生(?:于|在)?|生日|生于)(?:至|到|是|为)?[:：]?\\s?$")


_COMPACT_DATE = "((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9]|\\.[0-9])"


def _compact_date(match: re.Match[str]) -> str:
    """20240305 -> 二零二四年三月五日 after a word of dates, and the date that ends its span (有效期20230101-20231231
    二零二三年一月一日到二零二三年十二月三十一日, not a minus); elsewhere left (营收20231105元 is an amount, 合同20240315
    a record's number)."""
    year, month, day, joint, *last = match.groups()
    if not _COMPACT_DATE_BEFORE.search(context_before(match, 8)):
        return match.group()
    if not all(_is_a_day(*written) for written in ((year, month, day), last) if written[0]):
        return read_digits(match.group().replace(joint or "-", "到" if joint and joint.strip() in "-~～—–" else joint or ""))
    said_after = context_after(match, 1) in ("日", "号")  # 截至20231231日: its 日 said once
    spoken = f"{_year_month(year, month)}{read_small(day)}" + ("" if said_after and not joint else "日")
    if joint:
        spoken += (("到" if joint.strip() in "-~～—–" else joint) + f"{_year_month(last[0], last[1])}{read_small(last[2])}"
                   + ("" if said_after else "日"))
    return spoken


def _is_a_day(year: str, month: str, day: str) -> bool:
    """Whether the calendar has that day (20240230 is no date)."""
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


# Words a number follows as a count, a rank or a label, not a program's edition (Top 2000, Fortune 2000强, Forbes 2000,
# Room 2001, No 2000, Level 2000), and currency codes (USD 2000, an amount)
_NO_EDITION_BEFORE = re.compile(r"(?<![A-Za-z])(?:[Tt]op|TOP|[Nn]o|NO|[Rr]oom|[Aa]pt|[Ll]evel|[Ll]v|LV|[Pp]age|[Ff]ortune|[Ff]orbes|"
                                + CURRENCY_CODES + ") $")


# What makes the number before it a count, not a year: 2000元, KPI 2000单, 1990-2010人
_NOT_COUNTED = r"(?! ?(?:[万亿千百元块人个次名位天岁件张辆台部米克吨%点分份单笔条]|积分))"
# What makes two numbers after it a range of scores, prices or a number to dial, not of years: 积分2000-2010,
# 分数在1990-2000之间, 电话2016-2019
_COUNT_OR_CODE_BEFORE = re.compile(r"(?:分|分数在?|价格?在?|薪|工资|人数|数量|金额|预算|电话|号码|号|传真|热线|手机|分机|内线|拨打|致电)[:：]?\s?$")


def _edition_year(match: re.Match[str]) -> str:
    """Office 2019 -> Office 二零一九: a year after a program's name, digit by digit (not Top 2000, USD 2000);
    a round thousand is said as the number it is (Windows 2000 -> Windows 两千)."""
    if _NO_EDITION_BEFORE.search(context_before(match, 8)):
        return match.group()
    year = match.group(1)
    return read_number(year) if year.endswith("000") else read_digits(year)


def _is_score(match: re.Match[str]) -> bool:
    before, after = context_before(match, 6), context_after(match, 4)
    if (_SCORE_AFTER.match(after) or _RATIO_BEFORE.search(before) or _MIXED.search(context_before(match, 10))
            or _SCORE_REACHED.search(context_before(match, 12)) and not match.group().endswith(":00")):  # (比分来到21:00: a time)
        return True
    if _TIME_BEFORE.search(before) or _TIME_AFTER.match(after):
        return False
    left, right = match.group().split(":")[:2]
    if _RESULT_AFTER_SCORE.match(after) and (left == right or right not in ("00", "15", "30", "45")) and not _CLOCK_BEFORE.search(before):
        return True  # (10:10平, 12:10险胜; not 9:30惜败, 7:15落后: times of the clock)
    if _MIXING_AFTER.match(after) and (left == "1" or int(right) > 59) and not _CLOCK_BEFORE.search(before):
        return True  # 按1:50稀释: a dilution (not 早上8:00冲泡, 于14:30配制完成)
    return bool(_SCORE_JUST_BEFORE.search(before) or _SCORE_NEAR_BEFORE.search(before))


_MIXING_AFTER = re.compile("稀释|兑水|冲调|冲泡|调配|配制|混合")
_CLOCK_BEFORE = re.compile("(?:上午|下午|凌晨|晚上|早上|中午|傍晚|昨晚|今晚|明天|今天|开盘|在)\\s?$")


# Words before "1:23:45" or "3:45" that make it a duration, not a clock time.
_DURATION_WORDS = re.compile(r"(?:用时|耗时|历时|时长(?:为|是|约|共|只有|仅|[:：])?|PB|pb|PR|个人最好成绩|成绩|成绩是|成绩为|成绩[:：]|纪录|配速|计时|倒计时(?:[:：])?|"
                             r"[跑游骑滑划]出了?|[跑游骑滑划]了|[跑游骑滑划]完|完赛|完赛时间|用了|还剩|剩余时间[:：]?|限时|通关时间|(?:速通|PR|PB)?纪录(?:是|为)|PR(?:是|为)"
                             r"|快进到|快退到|拖到|跳到|播放到|播放进度[:：]?|进度条?[:：]?|已等待|免费等待|剩余|已通话|通话时长|通话|视频第)[:：]?\s?$")  # (a
# video's position: 快进到2:30; a wait: 司机已等待02:35; a call's length: 已通话2:35; a quarter's clock: 第三节剩余4:32; 配速：4:44)
# A workout's or a race's words before the time it took: 圈速1:32, 组间休息1:30, 平板支撑2:30, 运动时间 45:12, 10K 49:52
# (not a clock time after them: 坚持5:30起床, 限制16:30停止入场, 运动时间：7:00-8:00, 10K 7:30鸣枪)
_WORKOUT_BEFORE = re.compile(r"(?:圈速|单圈|分段|组间休息|间歇|平板支撑|坚持了|运动时间|移动时间|限制[是为]|录制限制[是为]?|(?<![A-Za-z])[0-9]+[Kk])[:：]?\s?$")
_CLOCK_AFTER = re.compile(r"^\s?(?:[-~～至到—–]|前|后|以前|以后|之前|之后|起床|睡觉|出发|鸣枪|发枪|开始|停止|开跑|集合|入场|上线|提交|截止|开门|关门)")
# What took hours, minutes and seconds: 已行驶2:05:30, 已充电1:20:00, 运动时间 00:45:12, 男子组冠军2:06:35
_ELAPSED_BEFORE = re.compile(r"(?:行驶|骑行|充电|停车|运动时间|总时间|冠军|亚军|季军|第[一二三四五六七八九十]名|目标破|破)[:：]?\s?$")


# What makes hours, minutes and seconds a time taken, not a clock time: a race before (马拉松2:01:09,
# not 马拉松7:30鸣枪) or winning after (以2:01:09打破纪录, not 于10:30:15获得积分); minutes and seconds
# before 的成绩 where the minutes have one digit (以3:45的成绩, not 以21:19的成绩拿下首局).
_RACE_BEFORE = re.compile(r"(?:马拉松|半马|全马)(?:最好|最佳|个人最好)?(?:PB|pb|成绩|用时|完赛)?(?:是|为)?\s?$")
# A marathon's time of hours and minutes before the race: 曾跑出2:28的全马成绩; or after a half or full marathon alone: 全马2:58完赛
# (not 马拉松7:30鸣枪)
_RACE_AFTER = re.compile(r"^\s?的?(?:全马|半马|马拉松)")
_MARATHON_BEFORE = re.compile(r"(?:半马|全马)\s?$")
_RECORD_AFTER = re.compile(r"^\s?(?:的成绩|的好成绩|的用时|夺冠|夺金|打破|摘得)")
# A countdown's end after minutes and seconds: 请在14:59内完成支付, 订单将在29:59后自动取消 (after 后 only past an
# hour of the clock: 23:00后关闭大门 is a time)
_COUNTDOWN_WITHIN = re.compile(r"^\s?内(?:完成|支付|付款|有效)")
_COUNTDOWN_AFTER = re.compile(r"^\s?后(?:自动|关闭|取消|失效)")
# What a race's winner did in a time of hours after 以 or 用: 以2:05:30完成马拉松, 以2:18:59获得冠军, 用2:05:30跑完全程
_FINISHED_AFTER = re.compile(r"^\s?(?:完成|获得|冲线|夺得|跑完|刷新|取得|撞线|赢得)")
_RESULT_AFTER = re.compile(r"^\s?(?:的成绩|的好成绩|的用时)")


def _duration(match: re.Match[str]) -> str:
    """1:23:45 -> 一小时二十三分四十五秒, 3:45 -> 三分四十五秒 after a word of timing."""
    before, after = context_before(match, 8), context_after(match, 5)
    if match.group().count(":") == 2:
        timed = ((_RACE_BEFORE.search(before) or _RECORD_AFTER.match(after)) and not _TIME_BEFORE.search(before)
                 or _ELAPSED_BEFORE.search(before)
                 or len(match.group().split(":")[0]) == 1 and before.endswith(("以", "用")) and _FINISHED_AFTER.match(after))
    else:
        timed = (match.group().index(":") == 1 and _RESULT_AFTER.match(after)
                 or _COUNTDOWN_WITHIN.match(after) and not match.group().endswith(":00")  # (在12:00内: by noon)
                 or _COUNTDOWN_AFTER.match(after) and int(match.group().split(":")[0]) > 24
                 or _MARATHON_BEFORE.search(before) and not _TIME_AFTER.match(after) and not _CLOCK_AFTER.match(after))
    timed = timed or before.endswith("视频") and after.startswith("处")  # 视频3:25处 (not 视频10:00准时发布)
    timed = timed or _WORKOUT_BEFORE.search(before) and not _CLOCK_AFTER.match(after)
    if not (_DURATION_WORDS.search(before) or timed) or before.endswith("限时") and _TIME_AFTER.match(after):
        return match.group()  # a clock time, for the rule after (限时10:00-12:00开放, 限时19:00截止)
    if match.group().count(":") == 1 and (_RACE_BEFORE.search(before) or _RACE_AFTER.match(after)):  # 全马PB 4:05: a marathon takes hours
        hours_taken, minutes_taken = (int(part) for part in match.group().split(":"))
        return _time_taken(hours_taken, minutes_taken, 0)
    *hours, minutes, seconds = (int(part) for part in match.group().split(":"))
    spoken = _time_taken(hours[0] if hours else 0, minutes, seconds)
    if after.startswith("秒") and spoken.endswith("秒"):
        return spoken[:-1]  # 视频第1:25秒: its 秒 said once
    return spoken + ("钟" if spoken.endswith("分") else "")


def _race_time(match: re.Match[str]) -> str:
    """1:42.37 -> 一分四十二秒三七, 1:02:05.3 -> 一小时零二分零五秒三; a log's timestamp of two-digit hours
    and milliseconds is a clock time: 10:30:15.250 -> 十点三十分十五点二五零秒."""
    hours, minutes, seconds, fraction = match.groups()
    if hours and len(hours) == 2 and len(fraction) == 3 and int(hours) < 24 and not _DURATION_WORDS.search(context_before(match, 6)):
        spoken = _hour(hours) + "点"
        if int(minutes) or int(seconds) or fraction.strip("0"):
            spoken += ("零" if 0 < int(minutes) < 10 else "") + read_small(minutes) + "分"
        if int(seconds) or fraction.strip("0"):
            spoken += read_number(f"{int(seconds)}.{fraction}") + "秒"
        return spoken
    return _time_taken(int(hours or 0), int(minutes), int(seconds), fraction)


def _time_taken(hours: int, minutes: int, seconds: int, fraction: str = "") -> str:
    """Hours, minutes and seconds of a time taken, the parts that are not zero (a zero between
    two said as 零); digits of a fraction of a second follow the seconds, which are then said."""
    spoken = _hour(str(hours)) + "小时" if hours else ""
    if minutes or not (spoken or seconds or fraction):
        spoken += ("零" if spoken and minutes < 10 else "") + (
            "两" if minutes == 2 and not spoken else read_small(str(minutes))) + "分"  # fmt: skip
    if seconds or fraction:
        spoken += ("零" if spoken and seconds < 10 else "") + read_small(str(seconds)) + "秒" + read_digits(fraction)
    return spoken


_REPORT_WORDS = re.compile("营收|收入|利润|净利|业绩|财报|同比|环比|增长|下滑|预计|实现|毛利|出货|销量|GMV|营业")


def _expiry(match: re.Match[str]) -> str:
    if "卡" not in context_before(match, 8) and int(match.group(3)) <= 31:
        return match.group()
    return match.group(1) + _year_month(match.group(3), match.group(2))


def _year_part(match: re.Match[str]) -> str:
    """1H24 -> 二四年上半年, 24Q3 -> 二四年三季度."""
    if not _REPORT_WORDS.search(context_before(match, 8) + context_after(match, 8)):
        return match.group()
    half, year, year2, half2, quarter, year3, year4, quarter2 = match.groups()
    if half or half2:
        return read_digits(year or year2) + "年" + ("上" if (half or half2) == "1" else "下") + "半年"
    return read_digits(year3 or year4) + "年" + read_small(quarter or quarter2) + "季度"


def _year_span(match: re.Match[str]) -> str:
    """（1881—1936） -> （一八八一到一九三六）, 前1046年—前771年 -> 前一零四六年到前七七一年."""
    groups = match.groups()
    before, first, year, after, last, last_year = groups[:6] if match.group(2) else groups[6:]
    if not before and not after and int(last) <= int(first):
        return match.group()  # (365-104)÷12: a sum, no years (those before the era count down: 前1046年—前771年)
    return f"{before or ''}{read_digits(first)}{year or ''}到{after or ''}{read_digits(last)}{last_year or ''}"


# Days named after their date in no other way: 12/25圣诞节, 2.14情人节 (3.8妇女节, 5.1劳动节: math.dotted_holiday)
_HOLIDAYS = "愚人节|情人节|圣诞节|平安夜|教师节|万圣节|母亲节|父亲节|护士节|记者节|七夕|中秋|端午|重阳|元旦|年货节"
# Days named by their date's digits (三八妇女节): month/day before them is a date, month.day a name (math)
_NUMBERED_HOLIDAYS = "妇女节|劳动节|儿童节|青年节|建党节|建军节|国庆|植树节"
# A bill's or a contract's day named before its date: 还款日12/25, 到期日为12/31, 到期日：2025.12
_DUE_DAY = r"(?:(?:还款|账单|出账|到期|扣款|缴费|生效|截止)日[:：为是]?|(?:交易|记账)日(?:[:：]|(?=\s)))"  # (not 10个交易日2/3的时间)
_DATE_BEFORE = re.compile(r"(?:(?<![等大小低高])于|(?:周|星期)[一二三四五六日天] ?[(（]|截至|截止|截止到|至|从|到|日期(?:为|是)?[:：]?|时间[:：为是]|日 ?[-~～—–]|"
                          + _DUE_DAY + r")\s?$")
_DATE_AFTER = re.compile(r"^\s?(?:[(（](?:周|星期|[一二三四五六日天][)）]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*[)）])|(?<=\s)(?:周|星期)[一二三四五六日天](?!次)|[0-9]{1,2}:[0-9]|前|起|之前|以前|送达|发货|到货|补货|开始|结束|(?:早上|上午|中午|下午|傍晚|晚上|凌晨) ?[0-9一二两三四五六七八九十]|截止|举行|举办|上线|开售|消费者"
                         r"|是我的生日|生日|那天|当天|这天|发布会|开幕|开业|放假|出发|离店|启程|" + _HOLIDAYS + "|" + _NUMBERED_HOLIDAYS + ")")
# What opens or is played on a day (11/2决赛, 12/20上映, 9/1开学); a final only after a month above one (1/4决赛, 1/2决赛:
# the quarter- and semi-finals, fractions)
_SHOWN_AFTER = re.compile(r"^\s?(?:决赛|开赛|揭幕|首映|上映|开播|开学|开奖|首发(?!球员|阵容|名单|位置|门将|[上出])|公映|首演|开卖|开售|开抢)")
# People meeting on a day (我们3/5见面吧, 3/5聚会, 9/10开会), unless the slash is a share of them (小组的1/2见面交流,
# 约1/3聚会, 其中3/5见面, 超过1/2碰面)
_MEETING_AFTER = re.compile(r"^\s?(?:见面|碰面|聚会|开会|集合|报到)")
# (a word, not what a share is of: 3/20人, 4/13左右, 6/30的人, 5/30的任务, nor a floor of so many: 3/18层, 7/18楼;
# 在9/17的定单 is a day's)
_WORD_AFTER = re.compile(r"\s?(?![人名个位次件份题道分左层]|楼(?![市盘下顶道房上里梯])|的(?:人|学生|用户|网友|任务|工作|题|时间|概率|比例|样本))[\u4e00-\u9fff(（]")
_SHARE_BEFORE = re.compile(r"(?:的|约|有|占|近|仅|只有|其中|超过|不到|不足|将近|大约|至少|多达)\s?$")
# 到期 after a month/day: a due date (会员12/31到期, 1/15到期), but after two single digits more often a
# share of what falls due (其中1/3到期, 约1/4到期)
_FALLS_DUE = re.compile(r"^\s?到期")
# Stricter for 6.18, a decimal too (从1.5到2.5, 降至3.25, 1.5起): words that speak only of dates
_DOT_DATE_BEFORE = re.compile(r"(?:(?:周|星期)[一二三四五六日天1-7] ?[(（]|农历|阴历|截至|截止|截止到|有效期至|有效期到|将于|已于|请于|定于|拟于|预计于|计划于|定在|生日是|日期(?:为|是)?[:：]?|时间[:：为是]?|日 ?[-~～—–]|"
                              + _DUE_DAY + r")\s?$")
# A span of days (1.1-1.3, 10.1-10.7) named by a holiday or a period before it, or by days off after it
_DOT_SPAN_BEFORE = re.compile(r"(?:(?:春节|国庆节?|元旦|清明|端午|中秋|劳动节|五一|十一)(?:假期|放假)?|假期|放假时间|休假|认购期|申购期|活动期|促销期)"
                              r"[:：为是]?[(（]?\s?$")
_DOT_SPAN_AFTER = re.compile(r"^\s?[)）]?(?:放假|休假|调休)")
# (5.1放假, 11.11当天: holidays and shopping days, said by their names in math.dotted_holiday)
_DOT_DATE_AFTER = re.compile(r"^\s?(?:[(（](?:周|星期)|之前|以前|前(?![后面端排锋列卫沿景台十百千万])|送达|发货|到货|补货|生日|是我的生日|发布会|开幕|开业|举行|举办|上线|开售|发售|首发|上市|跨年|开演|首演|"
                             r"期间|请假|出差|出发(?!点)|返回|返程|回来|到达|截止|发工资|入职|离职|开学|暂停|上课|上学|报到|开课|放学|"
                             r"[\u4e00-\u9fff]{0,4}站(?![立起着住岗])|"
                             + _HOLIDAYS + ")")
_PRICE_BEFORE = re.compile(_PRICE_WORDS)
_VERSION_BEFORE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+#-]*|版本号?|版)[ -]?$")  # Python 2.7之前, V1.2上线, GPT-3.5发布会


def _month_day(month: str, day: str) -> str:
    return f"{read_small(month)}月{read_small(day)}日"


def _about_a_date(match: re.Match[str], before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    return bool(before.search(context_before(match, 4)) or after.match(context_after(match, 5)))


_UNIT_AFTER = re.compile(r" ?(?:ms|s|h|min|km|[GMk]Hz|Hz|[KMGT]B|%|毫秒|秒|分钟|小时|折)(?![A-Za-z])")


def _dates(match: re.Match[str]) -> str:
    """month/day or month.day, alone or as a range (6/1-6/15, 6.18-6.20) -> 六月十八日(到...)
    where a word about a date is next to it; a slash date also where it would be a fraction no
    one writes (10/1: over 1; 2/17除夕夜, 9/25入住: a share of two or more over 13 to 31 before words, unless a share is
    spoken of; not 投篮8/20，, 已完成7/24).
    Else left: a fraction, a decimal, a version or a range of them."""
    month, separator, day, to_month, to_day = match.groups()
    if separator == "/":  # (02/06: a leading zero writes a date, never a fraction)
        dated = ((day.lstrip("0") == "1" and int(month) > 1 and (not to_month or to_month == month)) or "0" in (month[0], day[0])
                 or bool(to_month) and (to_month == month and int(month) > 1 and int(to_day) > max(12, int(day))
                                        or int(month) % 12 + 1 == int(to_month) and int(day) > 12)
                 and not re.search("[第的为约占比之小少]$", context_before(match, 1))  # 6/1～6/30, 11/28～12/3 (not 1/3~1/2, 2/3～2/5)
                 or int(month) > 1 and int(day) > 12 and _WORD_AFTER.match(context_after(match, 4)) is not None
                 and not _SHARE_BEFORE.search(context_before(match, 4))
                 or _about_a_date(match, _DATE_BEFORE, _DATE_AFTER)
                 or _MEETING_AFTER.match(context_after(match, 5)) is not None
                 and not _SHARE_BEFORE.search(context_before(match, 4))
                 or len(month + day) > 2 and _FALLS_DUE.match(context_after(match, 5)) is not None
                 or _SHOWN_AFTER.match(context_after(match, 5)) is not None and (int(month) > 1 or not context_after(match, 1).startswith("决"))
                 and not _SHARE_BEFORE.search(context_before(match, 4)))
    elif _UNIT_AFTER.match(context_after(match, 3)):
        dated = False  # 时间为8.5ms, 响应时间为1.6s: a measure, not a date
    else:
        dated = ((_about_a_date(match, _DOT_DATE_BEFORE, _DOT_DATE_AFTER)
                  or to_month is not None and _about_a_date(match, _DOT_SPAN_BEFORE, _DOT_SPAN_AFTER))
                 and not _VERSION_BEFORE.search(context_before(match, 12))
                 and (_VALUE_BEFORE.search(context_before(match, 6)) is None
                      or _DOT_DATE_BEFORE.search(context_before(match, 4)) is not None))  # fmt: skip
    if not dated:
        return match.group()
    return _month_day(month, day) + ("到" + _month_day(to_month, to_day) if to_month else "")


def _hour(hour: str) -> str:
    """An hour before 点: 两点, 十二点."""
    return "两" if int(hour) == 2 else read_small(hour)


_DAYPART_BEFORE = re.compile(r"(?:早上|上午|中午|下午|傍晚|晚上|凌晨|半夜|夜里|明早|今早|今晚|明晚|早晨)\s?$")


def _daypart(match: re.Match[str], hour: str, meridiem: str | None) -> str:
    """The part of the day an a.m./p.m. hour falls in (凌晨两点, 晚上九点), or nothing where the
    text already says it (下午3PM) or gives no a.m./p.m."""
    if not meridiem or _DAYPART_BEFORE.search(context_before(match, 3)):
        return ""
    number = int(hour) % 12
    if meridiem.lower() == "a":
        return "凌晨" if number < 6 else "上午"
    return "中午" if number == 0 else "下午" if number < 7 else "晚上"


# 下午14:00, 下午14:00-17:30: a part of the day said before a clock time of the twenty-four-hour clock (or before the
# start of its span)
_AFTERNOON_BEFORE = re.compile(r"(?:下午|晚上|傍晚|夜里)\s?(?:(?:1[3-9]|2[0-3]):[0-5][0-9]\s?[-—–~～至到]\s?)?$")


def _clock_time(match: re.Match[str]) -> str:
    hour, minute, second, meridiem = match.groups()  # a 分 or 点 written after it is said once (23:59分, 8:00点)
    if _is_score(match):
        return match.group()
    if 13 <= int(hour) <= 23 and _AFTERNOON_BEFORE.search(context_before(match, 12)):
        hour = str(int(hour) - 12)  # 下午14:00 -> 下午两点: the part of the day said, so is its hour on the twelve-hour clock
    spoken = _daypart(match, hour, meridiem) + _hour(hour) + "点"
    if int(minute) or (second and int(second)):  # 12:00:30 -> 十二点零分三十秒
        spoken += ("零" if 0 < int(minute) < 10 else "") + read_small(minute) + "分"
    if second and int(second):
        spoken += ("零" if int(second) < 10 else "") + read_small(second) + "秒"
    return spoken


def _utc_offset(match: re.Match[str]) -> str:
    """UTC+8, GMT+08:00 -> UTC加八, UTC-05:30 -> UTC减五小时三十分: a time zone's offset, not a clock time."""
    zone, sign, hours, minutes = match.groups()
    spoken = f"{zone}{'加' if sign == '+' else '减'}{read_small(hours)}"
    return spoken + (f"小时{read_small(minutes)}分" if minutes and int(minutes) else "")


_OPENING_HOURS = re.compile(r"(?:(?:营业|门诊|办公|上班|工作|开放|服务|接待|就诊|挂号|营运|运营)(?:时间)?[:：为是]?"
                            r"|早上|上午|中午|下午|傍晚|晚上|凌晨)\s?$")


def _dotted_clock(hour: str, minute: str) -> str:
    """9.30 -> 九点三十, 17.00 -> 十七点: a clock time written with a full stop."""
    return _hour(hour) + "点" + (read_small(minute) if int(minute) else "")


_BREAK_AFTER = re.compile(r"\s?(?:午休|休息|营业|开放|上课|上班|下班|办公|值班|闭馆|开馆)")


def _dotted_hours(match: re.Match[str]) -> str:
    """8.30-11.30, 9.30-17.00: hours from one clock time to another, where opening hours are named
    or a part of the day before them or a break or opening after them (12.30-13.30午休); else left (a range of
    decimals, prices or dates: 价格区间12.50-15.50)."""
    start_hour, start_minute, end_hour, end_minute = match.groups()
    if not (_OPENING_HOURS.search(context_before(match, 8)) or _BREAK_AFTER.match(context_after(match, 4))):
        return match.group()
    return _dotted_clock(start_hour, start_minute) + "到" + _dotted_clock(end_hour, end_minute)


_MONTH_DAY = r"(1[0-2]|0?[1-9])[./](3[01]|[12][0-9]|0?[1-9])"
_NO_COUNT = "(?! ?[元块人个万亿%件次台辆吨米克股名位套份票分只张本条家项])"  # (not 价格1980、2020元: prices)
# The twelve signs, before their span of days (not 插座, 宝座)
_SIGNS = ("白羊座", "金牛座", "双子座", "巨蟹座", "狮子座", "处女座", "天秤座", "天蝎座", "射手座", "摩羯座", "水瓶座", "双鱼座")

# English months, full and short, by their number
_ENGLISH_MONTHS = {name: number for number, names in enumerate((
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",), ("June", "Jun"), ("July", "Jul"),
    ("August", "Aug"), ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"), ("December", "Dec")), 1)
    for name in names}
_ENGLISH_MONTH = "(" + "|".join(_ENGLISH_MONTHS) + r")\.?"
_ENGLISH_DAY = r"(3[01]|[12][0-9]|[1-9])(st|nd|rd|th)?"
_ENGLISH_YEAR = r"((?:1[5-9]|20)[0-9]{2})"
# The English suffix of each ordinal's last digit (11th-13th take th)
_ORDINAL_SUFFIXES = {"1": "st", "2": "nd", "3": "rd"}


def _english_date(match: re.Match[str]) -> str:
    """Jan 15, 2025, 15 March 2024, March 2024, Sept. 3rd: an English date said as a Chinese one (二零二五年一月十五日)."""
    month = match.group(1) or match.group(7) or match.group(9)
    day, suffix = match.group(2) or match.group(5), match.group(3) or match.group(6)
    year = match.group(4) or match.group(8) or match.group(10)
    if day and (not _is_a_day(year or "2024", str(_ENGLISH_MONTHS[month]), day) or suffix and suffix != _ordinal_suffix(day)):
        return match.group()  # (Feb 30, Jan 5st: no date)
    spoken = f"{read_digits(year)}年" if year else ""
    said_after = context_after(match, 1) in ("日", "号")  # 2025年Jan 1日
    return spoken + read_small(str(_ENGLISH_MONTHS[month])) + "月" + (read_small(day) + ("" if said_after else "日") if day else "")


def _ordinal_suffix(number: str) -> str:
    """The English suffix of an ordinal: 1 -> st, 12 -> th, 23 -> rd."""
    return "th" if number[-2:-1] == "1" else _ORDINAL_SUFFIXES.get(number[-1], "th")


def _ordinal(match: re.Match[str]) -> str:
    """5th, 21st, 第3rd: an English ordinal, 第 and its number (not 5st, no ordinal)."""
    number, suffix = match.group(2), match.group(3)
    return "第" + read_number(number) if suffix.lower() == _ordinal_suffix(number) else match.group()


RULES: tuple[Rule, ...] = (
    # Jan 15, 2025, January 15th, 15 March 2024, March 2024: an English date (a year or a day with its month; not May 5岁,
    # Dec 3期, Chapter 5 May 2024)
    rule("english_date", r"(?<![A-Za-z])(?:" + _ENGLISH_MONTH + " " + _ENGLISH_DAY + "(?:,? ?" + _ENGLISH_YEAR + ")?"
         + "|(?<![A-Za-z] )" + _ENGLISH_DAY + " " + _ENGLISH_MONTH + ",? " + _ENGLISH_YEAR + "|" + _ENGLISH_MONTH + ",? " + _ENGLISH_YEAR
         + r")(?![0-9A-Za-z%％])(?! ?(?:[岁个代期点楼折码元件次人名位层级届章节集页栋幢座组季秒分度米斤克路排列行周天班]"
         r"|号(?:楼|线|门|口|床)|小时|分钟))", _english_date),
    # 今（1）日, 昨（30）日: a news report's day of the month in brackets after today or yesterday, its brackets unsaid
    rule("dateline_day", r"(?<=[今昨明])[(（](3[01]|[12][0-9]|[1-9])[)）](?=日)", lambda m: read_small(m.group(1))),
    # 5th, 21st, 3rd: an English ordinal
    rule("ordinal", r"(?<![A-Za-z0-9.])(第)?([0-9]+)(st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z])", _ordinal),
    # 白羊座 3.21-4.19, 水瓶座1/20-2/18, 摩羯座（12.22-1.19）: a sign's span of days
    rule("zodiac_span", "(?:" + "|".join(f"(?<={sign})" for sign in _SIGNS) + r")([ :：（(]{0,2})" + _MONTH_DAY
         + r" ?[-~～—至到] ?" + _MONTH_DAY + r"(?![0-9./])(?!\s?[厘米元斤磅克%])",
         lambda m: m.group(1) + _month_day(m.group(2), m.group(3)) + "到" + _month_day(m.group(4), m.group(5))),
    # 我是3.21出生的, 11.22的生日, 我生日4.19: a birthday
    rule("birthday", r"(?<![0-9.])(1[0-2]|[1-9])\.(3[01]|[12][0-9]|[1-9])(?![0-9.])(?=出生|生的|的生日|生日|过生日)"
         r"|(?<=生日)(是?)(1[0-2]|[1-9])\.(3[01]|[12][0-9]|[1-9])(?![0-9.%])(?!\s?(?:[磅斤克元块米号日]|公斤|千克))",
         lambda m: _month_day(m.group(1), m.group(2)) if m.group(1) else m.group(3) + _month_day(m.group(4), m.group(5))),
    # 属鼠的年份：1948、1960、1972, 1985、1997年出生: years in a list, each by its digits (the last before 年 is read below)
    rule("listed_years", r"(?<![0-9.])(?:19|20)[0-9]{2}(?=[、和](?:19|20)[0-9]{2}(?![0-9])" + _NO_COUNT + ")"
         r"|(?<=(?:19|20)[0-9]{2}、)(?:19|20)[0-9]{2}(?![0-9.])" + _NO_COUNT, lambda m: read_digits(m.group())),
    # 96年属鼠, 我是93年的鸡: a year of birth before its animal, by its digits
    rule("year_of_animal", r"(?<![0-9.])([0-9]{2})(?=年(?:属|的)[鼠牛虎兔龙蛇马羊猴鸡狗猪])", lambda m: read_digits(m.group(1))),
    # 23/24赛季, 12/13赛季: a season of two years, each by its digits (二三二四赛季), before 12/13 is taken for a day
    rule("two_year_season", r"(?<![0-9./])([0-9]{2})/([0-9]{2})(?=赛季|产季|榨季|年度)", lambda m: read_digits(m.group(1)) + read_digits(m.group(2))
         if int(m.group(2)) == (int(m.group(1)) + 1) % 100 else m.group()),
    # 20-08时, 明天08-20时: a forecast's hours, from one to the other (二十时到八时; the leading zero unsaid)
    rule("hour_window", r"(?<![0-9.:])([01]?[0-9]|2[0-4]) ?[-—~～] ?([01]?[0-9]|2[0-4])(?=时(?!间|候|代|期|刻|速|长|效|段|尚|装|辰|许))",
         lambda m: read_small(m.group(1)) + "时到" + read_small(m.group(2))),
    # 门诊时间8.30-11.30, 营业时间9.00-17.30: opening hours written with full stops (not 12.50-15.50元: prices)
    rule("dotted_hours", r"(?<![0-9.])([01]?[0-9]|2[0-3])\.([0-5][05])\s?[-~～至到]\s?([01]?[0-9]|2[0-4])\.([0-5][05])(?![0-9]|\.[0-9])"
         r"(?!\s?(?:[%‰倍块万亿个元米克升度折]|美元|公斤|公里))", _dotted_hours),
    # AM 9:00 - PM 6:00, AM8:30至PM5:30: a.m. and p.m. written before the time (上午九点到下午六点)
    rule("meridiem_first", r"(?<![A-Za-z])(AM|PM|am|pm)\s?(?=(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9]))",
         lambda m: "上午" if m.group(1).lower() == "am" else "下午"),
    # 下午2.30开会, 晚上7.00出发: a clock time after the part of the day, or
    rule("dotted_clock", r"(?:(?<=早上)|(?<=上午)|(?<=中午)|(?<=下午)|(?<=傍晚)|(?<=晚上)|(?<=凌晨)|(?<=今晚)|(?<=明早)|(?<=明晚))"
         r"\s?([0-9]|1[0-2])\.([0-5][05])(?![0-9]|\.[0-9])(?!\s?(?:[%‰倍块万亿个元米克升度]|美元|公斤|公里|[-~～至到]\s?[0-9]))"
         # 8.30的闹钟, 6.30起床, 明天10.30提醒我: a clock time before what is set for it or done at it
         r"|(?<![0-9.])([01]?[0-9]|2[0-3])\.([0-5][05])(?![0-9]|\.[0-9])(?=的?(?:闹钟|起床|叫我|叫醒|提醒|高铁|火车|动车|航班|飞机|班车|出发|集合|上班|下班))",
         lambda m: _dotted_clock(m.group(1) or m.group(3), m.group(2) or m.group(4))),
    # 日期：03-15, 到期日：12-31: a labelled month and day (not a range)
    rule("labelled_month_day", r"(?:(?<=日期)|(?<=到期日)|(?<=截止日)|(?<=账单日)|(?<=还款日)|(?<=出账日)|(?<=扣款日)|(?<=缴费日)|(?<=有效期至)"
         r"|(?<=时间)|(?<=预计)|(?<=更新)|(?<=送达)|(?<=于))([:：为是]?\s?)"
         r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?![0-9]|-[0-9]|\s?(?:[日号天点时个元分秒周人万年月次件名位家台辆]|小时))",
         # (发货时间：12-07 18:30, 快件于12-08签收; not 预计10-20人, 时间12-15分钟)
         lambda m: m.group(1) + _month_day(m.group(2), m.group(3))),
    # 账单月份：2024-11, 您2024-11月的账单: a year and month of a bill
    rule("bill_month", r"(?:(?<=月份)|(?<=账期)|(?<=账单))([:：为是]?\s?)((?:19|20)[0-9]{2})-(1[0-2]|0[1-9])(?![0-9]|-[0-9])"
         r"|(?<![0-9.])()((?:19|20)[0-9]{2})-(1[0-2]|0?[1-9])(?=月)",
         lambda m: (m.group(1) or "") + read_digits(m.group(2) or m.group(5)) + "年" + read_small(m.group(3) or m.group(6))
         + ("" if m.group(6) else "月")),
    # 8.15号搬家, 预计5.8号到: month.day before 号 (not 3.5号电池, 我穿8.5号, 字号选10.5号: sizes)
    rule("dot_hao", r"(?<![0-9.第])(1[0-2]|0?[1-9])\.(3[01]|[12][0-9]|0?[1-9])(?=号(?![球线楼电池码鞋字位床门房机车]|的?(?:跑)?鞋))",
         lambda m: m.group() if re.search("穿|鞋|码|字号|尺|手套", context_before(m, 8)) else read_small(m.group(1)) + "月" + read_small(m.group(2))),
    # FY24, FY2023: a fiscal year; 2024E: an estimate's year (analysts' tables; not 2000A, amperes)
    # 卡片有效期：12/28: a card's expiry, month and year (a coupon's 有效期至12/31 is a day)
    rule("expiry", r"(?<=有效期)([:：至]?\s?)(0[1-9]|1[0-2])/([0-9]{2})(?![0-9/])", _expiry),
    # 有效期至2026.05, 保质期至2026-05, 有效期：05/2026, 生产日期：2024-05: a labelled year and month
    rule("labelled_year_month", r"(?:(?<=日期)|(?<=有效期)|(?<=保质期)|(?<=截至)|(?<=截止)|(?<=到期))([:：至到为是]?\s?)"
         r"(?:((?:19|20)[0-9]{2})[.\-/](1[0-2]|0?[1-9])|(1[0-2]|0[1-9])/((?:19|20)[0-9]{2}))(?![0-9]|[.\-/][0-9])",
         lambda m: m.group(1) + _year_month(m.group(2) or m.group(5), m.group(3) or m.group(4))),
    # 2022.03-2023.12, 1975.03生, 2024.3启动: a year and its month, in a CV, a notice or a profile (a month written
    # with its zero, one of a span of two, or a month when something began or ended; not 2024.3万元, a sum)
    rule("dotted_year_month", r"(?<![0-9.])((?:19|20)[0-9]{2})\.(1[0-2]|0?[1-9])(?![0-9]|\.[0-9])" + _NOT_COUNTED
         + r"(?! ?[%‰倍亿])", _dotted_year_month),
    rule("fiscal_year", r"(?<![A-Za-z])FY ?([0-9]{2}|(?:19|20)[0-9]{2})(?![0-9])|(?<![0-9])((?:19|20)[0-9]{2})(E)(?![A-Za-z])",
         lambda m: f"FY{read_digits(m.group(1))}" if m.group(1) else read_digits(m.group(2)) + m.group(3)),
    rule("utc_offset", r"(?<![A-Za-z])(UTC|GMT) ?([+\-−]) ?([01]?[0-9]|2[0-3])(?::?([0-5][0-9]))?(?![0-9])", _utc_offset),
    # 1990s: a decade
    rule("decade", r"(?<![0-9.])((?:19|20)[0-9]0)s(?![A-Za-z])", lambda m: read_digits(m.group(1)) + "年代"),
    # 90s复古风: a decade in two digits, before what is said of an era's style
    rule("short_decade", r"(?<![0-9.])([5-9]0)s(?=复古|风(?![味险速力向])|港风|怀旧|老歌|金曲|音乐|歌曲|穿搭|风格|时尚|经典"
         r"|的?(?:香港|港片|港剧|电影|摇滚|流行|华语|欧美|迪斯科|歌)|摇滚)",
         lambda m: read_digits(m.group(1)) + "年代"),
    # 《2001太空漫游》, 春晚2025: a year opening a title or naming an edition after a show
    rule("title_year", r"(?<=《)((?:19|20)[0-9]{2})(?=[\u4e00-\u9fff：:])|(?:(?<=春晚)|(?<=晚会)|(?<=演唱会)) ?((?:19|20)[0-9]{2})(?![0-9]|\.[0-9]|年)",
         lambda m: read_digits(m.group(1) or m.group(2))),
    # 鲁迅（1881—1936）, 西周（前1046年—前771年）: a span of years, each read digit by digit
    rule(
        "year_span",
        r"(?<=[(（])(前)?([0-9]{3,4})(年)? ?[—–-]{1,2} ?(前)?([0-9]{3,4})(年)?(?=[)）])|"
        r"(前)([0-9]{3,4})(年) ?[—–-]{1,2} ?(前)([0-9]{3,4})(年)",
        _year_span,
    ),
    # 2024-03-15, 2024/3/15, 2024.3.15 (the same separator twice)
    rule(
        "iso_date",
        _YEAR + r"([-/.])(1[0-2]|0?[1-9])\2(3[01]|[12][0-9]|0?[1-9])(?![0-9])(?!\2(?!(?:19|20)[0-9]{2}\2)[0-9]{3})",  # (not 2023-07-2-084-001, a code)
        _iso_date,
    ),
    # 2026-12-07T10:00:00Z: ISO 8601's T between the date and the time, and its Z (UTC), are not read
    # +08:00 after an ISO time: the zone, 东八区 (-05:00: 西五区)
    rule("iso_zone", r"(?<=[0-9]:[0-9]{2}:[0-9]{2})([+-])(0[0-9]|1[0-4]):00(?![0-9])",
         lambda m: f" {'东' if m.group(1) == '+' else '西'}{read_small(m.group(2))}区"),
    rule("iso_time_marks", r"(?<=[0-9日])T(?=[0-9]{2}:[0-9]{2})|(?:(?<=[0-9]:[0-9]{2})|(?<=[0-9]:[0-9]{2}\.[0-9]{3}))Z(?![A-Za-z0-9])",
         lambda m: " " if m.group() == "T" else ""),
    # 生产日期：20240305: a date of eight digits after a word of dates
    rule("compact_date", r"(?<![0-9.])" + _COMPACT_DATE + r"(?:( ?[-~～—–] ?|至|到)" + _COMPACT_DATE + r")?",
         _compact_date),
    # 25/12/2024, 12/25/2024: day and month before the year, in the order their numbers tell
    # (not a code or an ordinal, A12/25/2024, 第3/13/2024次, nor numbers with a unit, 5/20/2000毫克, 25/12/2024元)
    rule(
        "year_last_date",
        r"(?<![0-9./A-Za-z第])(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|[12][0-9]|3[01])/([12][0-9]{3})(?![0-9])"
        r"(?!\s?(?:[%‰倍块万亿个次天月日号点分秒时岁克米升页年元]|毫|小时|分钟|公里))",
        _year_last_date,
    ),
    # 2020-2024年, 2020~2024年, 2022-2023赛季; 2005-2008全国优秀儿童: two years of this era a few apart, where no
    # count's word follows nor a score's, a price's or a phone's word goes before (not 1990-2010元, 积分2000-2010,
    # 电话2016-2019), and not one of three or more groups (2020-2021-2022: a code's)
    rule(
        "year_range",
        _YEAR + r" ?[-~～—–] ?([12][0-9]{3})(?=" + _YEAR_WORDS + ")"
        r"|(?<![0-9.])(?<![0-9][-~～—–])((?:19|20)[0-9]{2}) ?[-~～—–] ?((?:19|20)[0-9]{2})(?![0-9]|\.[0-9]| ?[-~～—–] ?[0-9])"
        + _NOT_COUNTED,
        lambda m: f"{read_digits(m.group(1))}到{read_digits(m.group(2))}" if m.group(1)
        else f"{read_digits(m.group(3))}到{read_digits(m.group(4))}"
        if 0 < int(m.group(4)) - int(m.group(3)) <= 30 and not _COUNT_OR_CODE_BEFORE.search(context_before(m, 4)) else m.group(),
    ),
    # 2024/5发布: a year and its month (二零二四年五月, not 五分之两千零二十四), not in a calculation (2024/5=404.8)
    # (2024/12月: its 月 said once; 2024/5-2024/8 a range of them; not 2048/2, 1000/5, 2000/4是多少 or 2000/4等于, nor
    # 2011/12赛季, a season's)
    rule("slash_year_month", r"(?<![0-9.])(19[0-9]{2}|20[0-3][0-9])/(1[0-2]|0?[1-9])(?![0-9/]|\.[0-9]| ?(?:[=+×*÷]|-(?!(?:19|20)[0-9]{2}/))"
         r"| ?[%‰倍块元万亿个次]| ?(?:等于|是多少|除以|赛季|财年|学年|年度))月?",
         lambda m: _year_month(m.group(1), m.group(2))),
    # 2023-24赛季, 2023/24财年: a season or fiscal year across two years
    rule(
        "season",
        _YEAR + r" ?[-/~～—–] ?((?:19|20)?[0-9]{2})(?=赛季|财年|学年|年度)",
        lambda m: f"{read_digits(m.group(1))}到{read_digits(m.group(2))}",
    ),
    rule("year", _YEAR + r"(?=" + _YEAR_WORDS + ")", _year),
    # Office 2019, SQL Server 2022: a year naming a program's edition after its name in letters (not TOEFL 1000分,
    # KPI 2000单: a count)
    rule("edition_year", r"(?<=[A-Za-z]{2} )((?:19|20)[0-9]{2})(?![0-9]|\.[0-9])" + _NOT_COUNTED, _edition_year),
    # (not 价格回到1999, 沪指重回3000: a price or an index)
    # 重回1998, 回到2008, 那是2003, 从2010到2020, 《中国统计年鉴2024》, 1978，改革开放: a year written without 年, where
    # a story goes back to it, a span runs between two, a title ends in it or a sentence opens with it alone
    # (not 回到2000米高度, 从1000到2000: counts; nor 2000，成交: a round sum)
    rule("bare_year",
         r"(?:(?<=重回)|(?<=重生)|(?<=回到)|(?<=穿越到)|(?<=穿越回)|(?<=梦回)|(?<=重返)|(?<=那是)|(?<=那年))((?:19|20)[0-9]{2})"
         r"(?![0-9]|\.[0-9]| ?[A-Za-z])" + _NOT_COUNTED + r"(?! ?[\u4e00-\u9fff]{0,2}(?:米|公里|元|人|年))"
         r"|(?<=从)((?:19|20)[0-9]{2})(?=(?:到|至)(?:(?:19|20)[0-9]{2}(?![0-9]|\.[0-9])" + _NOT_COUNTED + r"|(?:一九|二零)[零一二三四五六七八九]{2}年))"
         r"|(?<=从(?:19|20)[0-9]{2}[到至])((?:19|20)[0-9]{2})(?![0-9]|\.[0-9]|年)" + _NOT_COUNTED +
         r"|(?:^|(?<=[。！？!?\n])|(?<=截至)|(?<=截止))((?:19|20)[0-9]{2})(?<!00)(?=[，,])|(?:(?<=[\u4e00-\u9fff])|(?<=《))((?:19|20)[0-9]{2})(?=》)",
         lambda m: m.group() if _PRICE_BEFORE.search(context_before(m, 8)) else read_digits(m.group())),
    # （2023）京0105民初12345号, 国发〔2023〕5号: the year of a case or document number
    rule("document_year", r"(?<=[(（〔\[【])((?:19|20)[0-9]{2})(?=[)）〕\]】])", lambda m: read_digits(m.group(1))),
    # 2024Q3, 2023H1: a year's quarter or half
    rule("year_part", _YEAR + r"(?=[QH][1-4](?![0-9]))", lambda m: read_digits(m.group(1))),
    # 3/5送达, 截至12/31, 3/9（周六）, 报名时间：6/1-6/15: month/day where a date is meant, not a fraction;
    # 活动时间：6.18-6.20, 4.18发布会: month.day where a date is meant, not a decimal (nor 1.5小时)
    rule(
        "dates",
        r"(?<![0-9./])(1[0-2]|0?[1-9])([/.])(3[01]|[12][0-9]|0?[1-9])(?: ?[-~～至到—–] ?(1[0-2]|0?[1-9])\2(3[01]|[12][0-9]|0?[1-9]))?"
        r"(?![0-9/]|\.[0-9])(?!\s?(?:[%‰倍块万亿个次天月日号点分秒时岁克米升层集]|楼(?![市盘下顶道房上里梯])|F(?![A-Za-z])|年(?!货节)|元(?!旦)|小时|分钟|公里))",
        _dates,
    ),
    # 12.7日更新: month.day before 日 (not 1.5日元, 3.5日均)
    rule("dot_day", r"(?<![0-9.])(1[0-2]|0?[1-9])\.(3[01]|[12][0-9]|0?[1-9])(?=日(?![元本币均常用益子记报志历夜光照晒]))",
         lambda m: read_small(m.group(1)) + "月" + read_small(m.group(2))),
    # 03-15 10:30: a month and day with two digits each before a clock time (a log line, a ticket;
    # not a score before a kick-off time: 3-1 20:00)
    rule("month_day_time", r"(?<![0-9.:/-])(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?= [0-9]{1,2}:[0-9]{2})",
         lambda m: _month_day(m.group(1), m.group(2))),
    # 建立于618年: a year of three digits after 于 (not 于100年内, 不低于100年); 2024巴黎奥运会, 2024 IU演唱会:
    # a year naming an event, or a show after a name in letters (not 2000万人观看春晚)
    rule("early_year", r"(?<=(?<![低少高大小多等当过])于)([1-9][0-9]{2})(?=年(?![前后内间来多以左]))"
         r"|(?<![0-9.])((?:19|20)[0-9]{2})(?=(?:(?![万亿千百元人多个名位次年届])[\u4e00-\u9fff]){0,4}"
         r"(?:奥运会|冬奥会|亚运会|全运会|世界杯|欧洲杯|春晚|世博会|峰会|年会|巡演|演唱会|跨年|晚会|专辑|音乐节|盛典)"
         r"| ?[A-Za-z][A-Za-z .&'-]{0,30}?(?:演唱会|巡演|巡回演唱会|音乐节|颁奖礼|颁奖典礼|粉丝见面会))",
         lambda m: read_digits(m.group())),
    # 五月天2024诺亚方舟巡回演唱会, 草莓音乐节2024, 格莱美2025提名名单: the year of a show's edition
    rule("show_year", r"(?<![0-9.])((?:19|20)[0-9]{2})(?![0-9.]|[元块万亿个人张次年])(?=[\u4e00-\u9fff]{0,6}(?:巡回演唱会|演唱会|巡演|音乐节|嘉年华|提名名单|入围名单))"
         r"|(?:(?<=音乐节)|(?<=盛典)|(?<=颁奖礼)|(?<=大赏)|(?<=格莱美)|(?<=金曲奖))((?:19|20)[0-9]{2})(?![0-9.])",
         lambda m: read_digits(m.group(1) or m.group(2))),
    # 2024龙年, 2025春节放假安排, 1990出生, 1984属鼠: a year without 年 before what it dates, digit by digit
    # 2024新款, 2024秋冬新款, 2024新茶: a shop's year of a season's goods
    # 2025乙巳蛇年, 2026丙午马年, 祝你2025万事顺意: before the year's stem and branch, or a wish for the year
    rule("year_before_event", r"(?<![0-9.])(?<![满售共有剩第])(?<!上了)(?!(?:19|20)00)((?:19|20)[0-9]{2})(?=[\U0001F300-\U0001FAFF]?[鼠牛虎兔龙蛇马羊猴鸡狗猪]年|春节|元旦|国庆|中秋|端午|清明|除夕|跨年|新年|出生"
         r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]|万事|新春|大吉|快乐|(?:北京|上海|广州|深圳|杭州|厦门|成都|武汉|重庆|西安|南京|无锡|苏州|兰州|郑州|长沙|天津|青岛|大连|哈尔滨|衡水|波士顿|东京|柏林|伦敦|纽约|芝加哥)?"
         r"(?:国际)?马拉松|[北上广厦杭兰]马(?![上车桶路])"
         r"|属[鼠牛虎兔龙蛇马羊猴鸡狗猪]|新款|最新款|新品|新茶|新米|爆款|升级款|加绒款|赛季|校招|秋招|春招|暑期实习|国考|省考"
         r"|(?:春|夏|秋|冬|春夏|秋冬|早春|早秋|初秋|初夏)季?(?:新款|款|装|新品|上新|系列))", lambda m: read_digits(m.group(1))),
    # 再见2024，你好2025, 回顾2024: a year greeted or looked back on
    rule("year_greeted", r"(?:(?<=你好)|(?<=再见)|(?<=告别)|(?<=迎接)|(?<=回顾)|(?<=展望))[,，]?\s?((?:19|20)[0-9]{2})(?![0-9.%万亿]|多|[名个位人元块家次件条])",
         lambda m: m.group()[: m.start(1) - m.start()] + read_digits(m.group(1))),
    # 贞观三年（629年）, 孔子生于前551年, 曹雪芹（约1715年—约1763年）: a year of three or four digits in brackets after
    # a reign's year, before the common era after 于 or a bracket, or an approximate one that a span or bracket closes
    # (not 前44年: two digits, a number; nor 距今约3600年, 约3000年的历史: so many years)
    rule("era_year_written", r"(?<=年[（(])([1-9][0-9]{2,3})(?=年[）)])|(?:(?<=于前)|(?<=[（(]前)|(?<=约前)|(?<=或前)|(?<=[—–-]前))([1-9][0-9]{2,3})(?=年)"
         r"|(?<=约)(1[0-9]{3})(?=年(?:[—–~～至到）)]|-(?![0-9])))",
         lambda m: read_number(m.group()) if m.group().endswith("00") else read_digits(m.group())),  # (约前3000年 三千)
    # 公元618年, 公元前221年: a year of the era of three or four digits is read digit by digit, one of one or two
    # as a number (公元25年, 公元前99年)
    rule("era_year", r"(?<=公元)(前?)([0-9]{1,4})(?=年)",
         lambda m: m.group(1) + (read_number(m.group(2)) if len(m.group(2)) <= 2 or m.group(1) and m.group(2).endswith("00")
                                 else read_digits(m.group(2)))),  # (公元前2000年 两千年: a round count of years before)
    # 98年出生, 75年生人, 22年底, 23年6月, 我是95年的, 我妈是65年的: a two-digit year, where it dates an event or a time
    # (not 20年的经验, 10年底薪, 20年初中老师, 期限10年12月, 威士忌是12年的)
    # (and 23年全年营收, 预计24年净利润 in reports; not 开了15年全年无休, 上市12年营收翻了十倍)
    rule("short_year", r"(?<![0-9.前])(?<!期限)(?<!为期)(?<!民国)([0-9]{2})(?=年(?:出生|生的|生人|毕业|入学|入职|参军|结婚|那年|那会|春节"
         r"|[上下]半年|底(?![薪线下层子部气])|初(?![中级期次心衷步])|(?:1[0-2]|0?[1-9])月(?!后|之后|以后|内|余|多)"
         r"|第?[1-4]季度|Q[1-4]|(?:1[0-2]|0?[1-9])[-~至到](?:1[0-2]|0?[1-9])月|疫情|同期|的业绩|的计划|的目标))"  # 24年1季度, 22年疫情期间
         r"|(?<=[我你他她都妈爸哥姐弟妹]是)([0-9]{2})(?=年的(?=[，。！？,.!?；;\s]|$))"
         r"|(?:(?<=今年是)|(?<=去年是)|(?<=明年是))([0-9]{2})(?=年)"  # 今年是24年
         r"|(?<![0-9.第])([0-9]{2})(?=[届级](?:毕业生|本科生|研究生|硕士|博士|学生|新生|校友|学员|同学))"
         r"|(?<![0-9.第])(0[0-9])(?=[届级](?![0-9]))"  # 03届的, 我是09级的: a class by its year (not 第03届)
         r"|(?:^|(?<=[，。；：、\s])|(?<=预计)|(?<=公司)|(?<=集团)|(?<=其))([1-3][0-9])(?=年(?:全年|年报|营收|净利|业绩|财报|第?[一二三四]季度|前三季度))"
         # 97年香港回归, 98年抗洪, 他是77年考上大学的, 他在20年回国, 17年装修的: a year that dates an event of history or a life
         # (not 做了15年装修, 干了20年退休: years spent)
         r"|(?<![0-9.])(?<!期限)(?<!为期)(?<!经过)(?<!历经)(?<![了干做近有续整共满这那第前隔别过晃去后来每])(?<!累计)(?<!长达)(?<!多达)(?<!历时)(?<!耗时)(?<!用时)([0-9]{2})(?=年(?:香港回归|澳门回归|回归|抗洪|(?:[\u4e00-\u9fff]{2})?(?:大地震|地震|大洪水|洪水)|非典|"
         r"金融危机|国庆|大阅兵|阅兵|改革开放|南方谈话|入伍|考上|考入|高考|下岗|南下|回国|出国|退休|创业|去世|来到|搬到|嫁到|参加工作"
         r"|世界杯|欧洲杯|美洲杯|亚洲杯|奥运会?|冬奥会?|亚运会|全运会|春晚|世博会|北京奥运"
         r"|交房|交付|上牌|上的牌|提车|买的|买了|上市|房价|车市|楼市|的(?:夏天|冬天|春天|秋天|老房子|房子|车|房)"
         r"|装修(?=[的过了好完])|精装修(?![经公师老])|翻新|搬进|交的房|建成|建的|开盘))"
         # 车是18年的, 房子是98年的: how old a car or a house is
         r"|(?<=[车房楼子]是)([0-9]{2})(?=年的)"
         # 22款和23款, 25款Model Y: a car's model year
         r"|(?<![0-9.])(1[5-9]|2[0-9])(?=款(?:[A-Za-z和与的车配顶低中高]|$|[，。、,.]))|(?<=款和)(1[5-9]|2[0-9])(?=款)",
         lambda m: read_digits(m.group())),
    # ’97中国旅游年, '98华夏城乡游, '97 香港回归: a two-digit year after an apostrophe, digit by digit, the apostrophe
    # unread (not a quotation that a quote closes: 他说'12个人都来了', ‘12个人’; ’97…’98 are two years)
    rule("apostrophe_year", r"(?<![0-9A-Za-z])[’'‘]([0-9]{2})(?![0-9’'])(?= ?[\u4e00-\u9fff])(?![^，。；！？,;!?\n]*[’'](?![0-9]))",
         lambda m: read_digits(m.group(1))),
    # 1H24, 24H1, 3Q23, 24Q3: a half or a quarter of a year, as analysts write them (not Windows 11 23H2)
    rule("year_part_short", r"(?<![A-Za-z0-9])(?<![A-Za-z0-9] )(?:([12])H([0-9]{2})|([0-9]{2})H([12])|([1-4])Q([0-9]{2})|([0-9]{2})Q([1-4]))(?![A-Za-z0-9])",
         _year_part),  # where a report's words are near (not 升级到24H2, 跑了1H45, 《1Q84》)
    # 交付时间：2025.12: a year and month where a date is meant
    rule("year_month", r"(?<![0-9.])((?:19|20)[0-9]{2})\.(1[0-2]|0?[1-9])(?![0-9.])",
         lambda m: _year_month(m.group(1), m.group(2)) if _about_a_date(m, _DOT_DATE_BEFORE, _DOT_DATE_AFTER)
         or re.search("时间|日期|截至|截止", context_before(m, 6)) or re.match("投产|交付|上市|竣工|完工|开业|到期", context_after(m, 2))
         else m.group()),  # (not 金价收于2020.5美元, 升级至2023.3)
    # 彩票第2024142期: an issue's serial number, digit by digit
    rule("issue_number", r"(?<=第)([0-9]{5,})(?<!000)(?=期)", lambda m: read_digits(m.group(1))),  # (not 第10000期)
    # 1:42.37, 2:05.20: minutes, seconds and their fraction, a time taken (never a clock or a score)
    rule(
        "race_time",
        r"(?<![0-9.:])(?:([0-9]{1,2}):)?([0-9]{1,2}):([0-5][0-9])\.([0-9]{1,3})(?![0-9])",
        _race_time,
    ),
    # 用时1:23:45, 成绩3:45: a duration
    rule(
        "duration",
        r"(?<![0-9.])(?<![0-9]:)(?:[0-9]{1,2}:)?[0-5]?[0-9]:[0-5][0-9](?![0-9]|:[0-9])",
        _duration,
    ),
    # 3'45", 9'58.3": minutes and seconds of a time taken
    rule(
        "minutes_seconds",
        r"(?<![0-9.])([0-9]{1,2})'([0-5]?[0-9](?:\.[0-9]+)?)(?:\"|'')",
        lambda m: f"{read_small(m.group(1))}分{read_number(m.group(2))}秒",
    ),
    # 每周三17:00, 周三17点 -> 每周三 十七点: a pause keeps a numeral (a weekday's) off the hour after it (not 三十七点)
    rule("hour_after_numeral", r"(?<=[一二三四五六七八九十两零])(?=[0-9]{1,2}(?::[0-5][0-9]|点|时))", lambda m: " "),
    # 3pm, 10 a.m.: an hour of the morning or afternoon
    rule(
        "meridiem_hour",
        r"(?<![0-9.:A-Za-z])(1[0-2]|0?[1-9]) ?([AaPp])\.?[Mm]\.?(?![A-Za-z0-9])",  # (not pT3N2aM0)
        lambda m: _daypart(m, m.group(1), m.group(2)) + _hour(m.group(1)) + "点",
    ),
    # 14:30, 9:05:30 (hour <= 24), 3:30pm; 3:2 has a one-digit "minute" and is a score; a 分 after it is the time's
    # (23:59分), not one that begins a word (9:00分批入园, 8:00-18:00分时段放票)
    rule(
        "clock_time",
        r"(?<![0-9.])(?<![0-9]:)([01]?[0-9]|2[0-4]):([0-5][0-9])(?::([0-5][0-9]))?(?![0-9]|:[0-9])"
        r"(?: ?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?(?:分(?!钟|[批组别享期段配发流]|时段|[两二三四五六七八九十几]批)|点(?![半钟]|[0-9零一二三四五六七八九十]))?",
        _clock_time,
    ),
)

# Run after ranges (3月15日-20日 needs "15-20" first): calendar fields lose a leading zero
# and keep 二 (二月, 二日).
CALENDAR_RULES: tuple[Rule, ...] = (
    # 正月初一～初七, 初三-初五, 腊月廿三—廿四: a span of lunar days written in hanzi, 到
    rule("lunar_days", r"(?<=[初廿十][一二三四五六七八九十])\s?[~～\-—–]+\s?(?=[初廿][一二三四五六七八九十]|[二三]?十)", lambda m: "到"),
    # 2月龄宝宝: a baby's age in months, a count (两月龄; not a month of the year)
    rule("month_age", r"(?<![0-9.])([0-9]{1,2})(?=个?月龄)", lambda m: "两" if m.group(1) == "2" else read_small(m.group(1))),
    rule("month", r"(?<![0-9.])(1[0-2]|0?[1-9])(?=月)", lambda m: read_small(m.group(1))),
    # 明天08时, 00时30分: an hour of the clock written with a leading zero (not 0830时, nor 时间, nor the year of 08时尚盛典)
    rule("hour", r"(?<![0-9.])0([0-9])(?=时(?!间|候|代|期|刻|速|长|效|段|尚|装))", lambda m: "两" if m.group(1) == "2" else read_small(m.group(1))),
    rule("day", r"(?<=月)(3[01]|[12][0-9]|0?[1-9])(?=[日号])|(?<![0-9.月])(3[01]|[12][0-9]|0?[1-9])(?=[日号])(?!日(?:内(?!瓦)|之内|游))",
         lambda m: read_small(m.group(1) or m.group(2))),  # (not 2日内, 3日游: days, a count)
    # 9点-10点, 15日-20日, 3月-5月: a range between two calendar or clock readings (not a word's 分 before a minus: 得分-2)
    rule("unit_range", r"(?:(?<=[0-9零一二两三四五六七八九十][日号月年点分秒时])|(?<=[上中下]旬)) ?[-~～—–] ?(?=[0-9零一二三四五六七八九十两]|(?:上午|中午|下午|傍晚|晚上|凌晨|早上|[早晚]|次日|次年|第二天|翌日|明天|明晚|后天|周|星期))",
         lambda m: "到"),  # 上午九点-下午六点, 二十点-次日两点
    # 周一-周五, 星期一~星期三: a range of weekdays
    rule("grade_range", r"(?<=年级) ?[-~～—–] ?(?=[一二三四五六七八九]年级)", lambda m: "到"),  # 三年级～六年级
    rule("weekday_range", r"(?<=周[1-7一二三四五六日天]|期[一二三四五六日天]) ?[-~～—–] ?(?=周|星期)", lambda m: "到"),  # 周1-周5
    # 618大促, 今年618有什么优惠: the mid-year shopping festival, named by its date
    rule("shopping_day", r"(?<![0-9.])618(?=大促|购物节|购车节|年中|活动|当天|期间|狂欢|车企|降价|有什么|必买|优惠|和双|、双|清单)"
         r"|(?:(?<=双11和)|(?<=双十一和)|(?<=今年)|(?<=去年)|(?<=明年)|(?<=等到))618(?![0-9.]|[万千百亿个元块人件次号天年月日%家名所位条台辆座])",
         lambda m: "六一八"),
    # 90后, 00后: the generation born in that decade; 95后的年轻人: in that year, before what names
    # people, or opening a clause or after a count's word (95后已经成为, 一名85后护士; not iOS 17后,
    # 8点30后, 年满18后, 排在90后面, 每15后)
    rule("generation", r"(?<![0-9.])([05-9]0|00|10)(?=后)(?!后[0-9面边头来])|(?<![0-9.A-Za-z点到满至:：月第 ])([0-9]{2})"
         r"(?=后(?:的|们|一代|群体|人群|父母|青年|员工|女孩|男孩|宝妈|妈妈|爸爸|消费者|用户|大学生|[，,。！？、\s]|$))"
         r"|(?:^|(?<=[，。；！？、“\"\n]|[名位个批群些]))([0-9]{2})(?=后(?![0-9面边头来者续期天半年月日再才就]))",
         lambda m: read_digits(m.group())),
)
