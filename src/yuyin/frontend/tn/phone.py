"""Phone numbers, codes and identifiers -> digit-by-digit hanzi, 1 read 幺 as Mandarin speakers do.

``138-0013-8000`` / ``13800138000`` -> 幺三八 零零幺三 八零零零 (the groups are kept apart by a
space, where a reader pauses); ``010-12345678`` -> 零幺零 幺二三四五六七八; ``400-820-8820`` ->
四零零 八二零 八八二零; digits after 验证码, 电话, 拨打, 卡号, 房间 ... -> 幺-digits (unless a
unit or measure word makes them a count: 手机12GB); record numbers (订单2301234567, 账户6225),
a card's last digits, rooms (6号楼1603, 住在301), IP addresses; ``打110`` -> 打幺幺零;
``CA1234``, ``京A·12345`` -> CA幺二三四, 京A幺二三四五; ``1080P`` -> 一零八零P; processor and
graphics models, ``i7-13700K``, ``5800X3D`` -> i七 一三七零零K, 五八零零X三D (``DDR5-6000`` keeps
its speed a number: DDR五 六千); any other run of
more than 10 digits is an identifier, read digit by digit, unless money follows it
(``12000000000元`` is an amount).
"""

from __future__ import annotations

import re

from .digits import read_digits, read_number
from .rule import Rule, context_after, context_before, rule

LONGEST_QUANTITY = 10  # digits; a longer plain number is an identifier

# Words after which the digits are a number to dial or a code, not a quantity (a size is no code: 鞋码42,
# 尺码, 欧码40, 美码9, 日码24; a day's code is: 今日码, 生日码; vx and wx are WeChat: vx 12345678).
_CODE_WORDS = (
    "(?:(?![鞋尺])[\u4e00-\u9fff]){1,3}(?<![欧美英韩童])(?<!(?<![今每生节当次])日)码|口令|验证码|校验码|密码|编号|编码|卡号|批号|批次号|账号|帐号|身份证号码|身份证号|身份证|学号|工号|邮编|"
    "邮政编码|信用代码|证号|证件号码|证件号|护照号码|护照号|考号|住院号|病历号|门诊号|就诊号|病案号|订单号|单号|房间号|房间|会议室|病房|教室|办公室|宿舍|寝室|座机|固话|PIN码|PUK码|(?<![A-Za-z])U?ID(?![A-Za-z])|坐席号|座席号|档案号|识别号|户号|客户号|表号|缴费号|终端号|设备号|序列号|车架号|税号|柜员号|取票号|串号|报案号|保单号|会员号|会员ID|确认号|预约号|门牌号|车牌号|航班号|航班|车次|[Qq]{2}号|[Qq]{2}群|[Qq]{2}|群号|微信号|抖音号|快手号|视频号|小红书号|用户名|ICP备|公网安备|备案号|专利号|注册号|登记号|申请号|单元号|会议号|会议ID|端口号|端口|"
    "(?<![A-Za-z])[VvWw][Xx](?![A-Za-z])|手机号码|手机号|手机|电话号码|电话|热线|号码|拨打|致电|呼叫|打给|传真|分机号|分机|内线|尾号|尾数|房号|"
    "(?<=[0-9零幺二三四五六七八九])转|(?<=[0-9零幺二三四五六七八九] )转"  # 010-12345678转801, also after a number read above
)
_DIGIT_GROUPS = r"[0-9]+(?:[- ][0-9]+)*"
# 3号楼-2单元-501, 3栋-1502, 3单元#402, 房间#1502: a dash or a number sign between the parts of an address, unsaid (not
# 3栋-5栋, a range; run before ranges are read)
ADDRESS_JOINT = rule("address_joint", r"(?:(?<=号楼)|(?<=单元)|(?<=[0-9][栋幢座]))-(?=[0-9]{1,2}单元|[0-9]{3,4}(?![0-9]|\.[0-9]))"
                     r"|(?:(?<=房间)|(?<=单元)|(?<=号楼)|(?<=[0-9][栋幢座]))#(?=[0-9]{3,4}(?![0-9]|\.[0-9]))", lambda m: "")
# Service numbers (110 police, 119 fire, 120 ambulance, 12315 consumer hotline...) where a word
# about calling or an emergency is next to them; elsewhere 110 may be a quantity (110米).
_SERVICE_NUMBERS = (r"110|119|120|122|114|999|911|1999|1922|1955|1957|165|12110|12121|12122|12123|123[0-9]{2}|96121|12580|10086|10010|96110|95598"
                    r"|10000|95[0-9]{3}|950[0-9]{3}")  # 123xx: public hotlines; 955xx: banks, insurers; 95xxx and 950xxx:
# couriers and other firms (顺丰95338, 京东950618); 96110: fraud warnings; 95598: the power grid
_CALL_BEFORE = (r"(?:这里是|打了|打|拨通了|拨通|拨了|拨|报了|电话|内线|分机|报警|火警|匪警|急救|求救|求助|热线|专线|通过|登录|登陆|联系|咨询|投诉|举报|救援|关注|查号台|客服|银行|保险|找|接听|电话给|交管"
                r"|详询|顺丰|中通|圆通|申通|韵达|京东|邮政|德邦|极兔)")
# Letter sizes in a row: S/M/L, M/L, XL/XXL
_SIZES = "X{0,3}[SML](?:/X{0,3}[SML])+(?![A-Za-z])"
# Buildings named by their use, before a room's number (宿舍楼201, 图书馆305)
_BUILDINGS = ("宿舍楼", "公寓楼", "办公楼", "写字楼", "研发楼", "综合楼", "教学楼", "实验楼", "行政楼", "住院楼", "门诊楼", "图书馆")
# Lipstick brands and lines, before a shade's number (迪奥999, 纪梵希小羊皮306)
_LIPSTICK_BRANDS = ("迪奥", "阿玛尼", "纪梵希", "兰蔻", "圣罗兰", "香奈儿", "娇兰", "植村秀", "魅可", "小羊皮", "烈艳蓝金", "红管", "黑管")
# AC:23:3F:A1:B2:C3: a MAC address, each pair's characters said, its colons or dashes unsaid (run before cell ranges, A1:B2)
MAC_ADDRESS = rule("mac_address", r"(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f:-])",
                   lambda m: " ".join(re.sub("[0-9]+", lambda digits: read_digits(digits.group()), pair)
                                      for pair in re.split("[:-]", m.group())))
# A carrier's own service number after its name: 中国移动10086, 中国电信10000号
_CARRIER = r"(移动|联通|电信)(10086|10010|10000|10011|10060)(?![0-9])"
# The words of a call that may follow a service number even after a space or its closing quote: 110 报警,
# “12345”热线, 12306抢票, 12306退票 (not “120”上下, “999”购物狂欢: a quoted figure; nor 120退票, 80改签: counts)
_CALL_WORDS = (r"客服|电话|热线|服务热线|专线|报警|火警|匪警|急救|求救|查询|投诉|举报|购票|订票|(?<=12306)(?:抢票|退票|改签)"
               r"|平台|预警|政务|便民|市民|供电|社保|纳税|诉讼|心理|是[\u4e00-\u9fff]{0,6}(?:电话|热线|客服|号码)"
               r"|提醒|温馨提示|为您服务|已受理|受理|接到|打不通|工号|[\u4e00-\u9fff]{1,8}(?:热线|专线)|[\u4e00-\u9fff]{0,4}(?:气象|服务|求助|报警|咨询|值班)电话|反映|接诉即办|工单"
               r"|指挥中心|接报|接警|出警|消防|交通事故|检察服务|服务中心"
               r"|的(?:客服|服务)?(?:电话|热线)")  # 12345政务服务便民热线, 110是报警电话, 12306的客服电话
_CALL_AFTER = (r"(?:" + _CALL_WORDS + r"|求助|叫|购|订|买|官网|网站|App|APP|app|上"
               r"|(?:或|、)(?=" + _SERVICE_NUMBERS + r"))")  # 110或120 (not 120或150, two counts)
# What follows a count, a size or a date, not a code: 手机12GB, 房间15平方米, 航班15架次, 手机1部, 视频号12月开通
_NOT_COUNTED = r"(?![A-Za-z%]|[元块万亿部个台架趟次平立米寸英件张份条人只辆家项余多天月年间床楼层栋位]|小时|分钟)"
# Measures whose value follows them: AQI 120, IQ 140, BMI 24 (a quantity, not a model number)
# Small letters before a number that are no code's: a rank, money, units, a measure's name (top100, rmb100, km100,
# cm180, ml500, dpi800, fps144)
_NO_SMALL_CODE = ("(?:top|no|rmb|cny|usd|hkd|eur|jpy|gbp|km|cm|mm|ml|kg|mg|kb|mb|gb|tb|hz|kw|mah"
                  "|dpi|fps|kpi|bmi|aqi|iq|eq|qps|tps|lg|ln|log)(?![a-z])")  # (and logarithms: lg100)
_INDEX_NAMES = ("(?:AQI|IQ|EQ|BMI|CPI|PPI|PMI|KPI|DAU|MAU|GMV|QPS|TPS|FPS|DPI|PV|UV|BPM|HDR|TOP"
                "|BTC|ETH|SOL|USDT|USDC|BNB|XRP|DOGE|NVDA|TSLA|AAPL|MSFT|AMZN|GOOGL?|META|IPO)(?![A-Za-z])")  # (and tickers: ETH 2500, IPO 120家)
# Lab values after a space: ALT 120, BP 150/95 (a quantity; AST2600 without the space is a chip)
_LAB_NAMES = "(?:ALT|AST|ALP|GGT|PLT|HGB|HCG|CRP|PCT|LDL|HDL|CEA|AFP|PSA|TSH|HR|BP)(?![A-Za-z])"
# What makes the number after a name a count or a score: GDP 1000亿, TOEFL 100分, CLTC 700公里, SATA 160G (not
# ACER 4935G, a model)
_COUNT_AFTER = r"(?! ?(?:[万亿千百元块人个次名天岁件张辆%]|(?<![0-9]{4})[GT]B?(?![A-Za-z])|分(?!辨)|台(?!式)|年(?!度)|积分|公里|千米|米|km|kg|公斤|克|小时|分钟|秒))"
# What makes a service number after 银行 or 找 a count (银行120天理财, 110多家, 120分以上), though
# not 10086人工服务, 12315平台, 95588个人业务
_SERVICE_NOT_COUNTED = r"(?![A-Za-z%元块万亿多余米站名通条起宗例]|个(?!人(?:业务|服务|客户|网银))|(?:人|次|件|天|分|家|台)(?![工业服务])|公里)"
# A camera's ISO speeds, in thirds of a stop from 50 to 409600
_FILM_SPEEDS = ("409600|204800|102400|51200|25600|20000|16000|12800|10000|8000|6400|5000|4000|3200|2500|2000|1600|1250"
                "|1000|800|640|500|400|320|250|200|160|125|100|80|64|50")
# Verbs of meeting a standard (通过ISO 20000): what follows ISO is no film speed
_MEETING = "通过|符合|依据|按照|遵循|满足|获得|取得"
# Weapons whose type is named by a year of two digits and 式 (95式自动步枪, 99式主战坦克), or by the year and a
# variant's A or B (99A主战坦克, 88B坦克)
_ARMS = "步枪|冲锋枪|手枪|机枪|狙击枪|坦克|战车|装甲车|榴弹炮|火箭炮|加农炮|迫击炮|火炮|导弹"
_WEAPONS = _ARMS + "|军服|军装|迷彩"
# Anything a currency or a unit of amount follows is a quantity, however long (120亿 written out).
_AMOUNT_AFTER = r"(?! ?(?:万|亿)?(?:元|块|美元|欧元|英镑|日元|港元|人民币))"


def _called_number(match: re.Match[str]) -> bool:
    """A number called in a queue or worn on a shirt, said as a number: 您的号码是35号, 预约号为12号, 球衣号码是10号
    (not 房间101号, 门牌号: codes of a place)."""
    word, letters, digits = match.group(1), match.group(3), match.group(4)
    return (not letters and len(digits) <= 3 and digits.isdigit() and not digits.startswith("0")
            and match.string[match.end():match.end() + 1] == "号" and word.endswith(("号码", "编号", "预约号", "就诊号", "呼叫")))


def _grouped(groups: list[str]) -> str:
    return " ".join(read_digits(group, yao=True) for group in groups if group)


_KEY_NAMES = {"*": "星", "#": "井"}
# Where the digits after a # are dialled, not a #话题#: 拨打#31#, 输入##002#
_DIAL_BEFORE = re.compile("(?:拨打|拨号|拨|按|输入|键入|编辑短信|编辑|发送|呼叫|打)[:： ]?$")


def _keypad_code(match: re.Match[str]) -> str:
    """*100#, *#06#, *21*13800138000#: a code keyed on a phone's pad, each key said (星幺零零井); one that
    opens with a single # only where it is dialled (拨打#31#; not #618#, a topic)."""
    code = match.group()
    if code.startswith("**") and code.endswith("**") or code.startswith("##") and code.endswith("##"):
        return code  # **#1**, ##2023##: marks of emphasis or a tag
    if code.startswith("#") and not code.startswith("##") and "*" not in code and not _DIAL_BEFORE.search(context_before(match, 3)):
        return code
    return "".join(_KEY_NAMES.get(key) or read_digits(key, yao=True) for key in code)


def _international(match: re.Match[str]) -> str:
    """+852 2345 6789, +1 (212) 555-7890, +44 20 7946 0958: 加, the country code and each group digit by digit, where two
    groups have three digits or more and not all of them end in 0 or 5."""
    country, rest = match.groups()
    long_groups = [group for group in re.findall("[0-9]+", rest) if len(group) >= 3]
    if sum(character.isdigit() for character in rest) < 7 or len(long_groups) < 2 or all(group[-1] in "05" for group in long_groups):
        return match.group()  # (+10 20 30 40, +100 200 300, +300 450 600 750: a list of numbers)
    return "加" + _grouped([country, *re.findall("[0-9]+", rest)])


# Words of GPUs and their work, near an A100 or an H800
_GPU_WORDS = re.compile("显卡|GPU|芯片|算力|训练|推理|英伟达|NVIDIA|Nvidia|集群|大模型|模型|(?<![A-Za-z])[AHBV](?:100|200|800)(?![0-9])|[0-9]卡")


def _mobile(match: re.Match[str]) -> str:
    country, *groups = match.groups()
    return ("加八六 " if country else "") + _grouped(groups)


# A football formation (4-3-3阵型, 4-4-2打法): its digits are read in a row, 四三三.
_FORMATION_AFTER = re.compile(" ?(?:的)?(?:阵型|阵形|阵容|体系|打法|站位|战术)")


def _hyphenated(match: re.Match[str]) -> str:
    text = match.group()
    groups = re.split(r"[- ]", text.lstrip("+"))
    if len(groups) >= 3 and all(len(g) == 1 for g in groups) and _FORMATION_AFTER.match(match.string, match.end()):
        return "".join(read_number(group) for group in groups)
    if len(groups) >= 3 and all(len(g) == 1 and int(g) == int(n) + 1 for g, n in zip(groups, groups[1:])):
        return "、".join(read_number(group) for group in groups)  # 3-2-1: a countdown, a pause at each
    if len(groups) >= 3 and sum(len(g) for g in groups) < 7 and not text.startswith("+"):
        return "杠".join(read_digits(group, yao=True) if len(group) >= 3 else read_number(group) for group in groups)
    if sum(len(g) for g in groups) < 7 or _is_range(groups):
        return text  # 3-5, 12-3, 3000-5000: ranges and the like, left to later rules
    return ("加" if text.startswith("+") else "") + _grouped(groups)


_HARDWARE = re.compile("处理器|锐龙|酷睿|CPU|GPU|显卡|AMD|Intel|英特尔|芯片|主频|核心|跑分|超频|散热|主板|电脑|装机|"
                       "笔记本|功耗|Ryzen|Core|(?<![A-Za-z])[iIrRE][3579] \\|")  # i7 13700K: a series, then a space


def _chip_model(match: re.Match[str]) -> str:
    """A chip's model number digit by digit; before a suffix other than X3D, XTX, XT or Ti (X, K,
    F, HX ...: 5000K may be a colour temperature, 1000X a magnification) only near a hardware word
    and unless it is thousands (麒麟9000S is 九千S)."""
    plain = not match.string.startswith(("X3D", "XTX", "XT", "Ti"), match.end())
    nearby = context_before(match, 12) + "|" + match.string[match.end():match.end() + 12]
    if plain and (match.group(1).endswith("000") or not _HARDWARE.search(nearby)):
        return match.group()
    return read_digits(match.group(1))


def _hash_after_number(match: re.Match[str]) -> str:
    """# after a number: 号 (3#楼), or the key pressed after a code (密码是1234# 井号; 请按1# is left to the
    key rules), or nothing where it closes a #话题# (#618#, #年终总结2023#)."""
    before = context_before(match, 30)
    if re.search("(?:^|[^0-9])#[^#\\s，。！？,.!?；;：:、]*$", before):
        return ""
    if re.search("(?:按|拨|输入|键入)[0-9*]*$", before[-8:]):
        return match.group()
    return "井号" if re.search("(?:密码|口令|门禁码|开门码)(?:是|为)?[:：]? ?[0-9]+$", before) else "号"


_FLOOR_BEFORE = re.compile("([0-9]+)楼$")
# Where an address is given, before a building-flat pair (小区3-501, 住在12-1502, 送到5-302)
_ADDRESS_BEFORE = re.compile(r"(?:小区|花园|公寓|大厦|家园|苑|村|号院|宿舍|住在|住|送到|寄到|送至|寄至|搬到|地址|家在|号楼|[0-9][栋幢])[:：为是]?\s?$")


def _code_group(group: str) -> str:
    """One group of a code: three or more digits or a leading zero one by one (幺二零五, 零三), else a number (三)."""
    return read_digits(group, yao=True) if len(group) >= 3 or group.startswith("0") else read_number(group)


def _building_flat(match: re.Match[str]) -> str:
    """C2-1205 or, where an address is given, 3-501: a building and a flat on its floor (the flat's last two
    digits 01-40), 三 五零幺; else left (3-500, a range)."""
    letter, building, flat = match.groups()
    on_a_floor = 1 <= int(flat[-2:]) <= 40
    if not on_a_floor or not letter and not _ADDRESS_BEFORE.search(context_before(match, 6)):
        return match.group()
    return f"{letter}{read_number(building)} {read_digits(flat, yao=True)}"


def _flat(match: re.Match[str]) -> str:
    """A flat's number digit by digit (2单元501 五零幺, 6号楼1601-1603 幺六零幺到幺六零三). After a
    bare 楼 only a number that begins with the floor's and is no round hundred: 3楼301, 12楼1201,
    20楼2001 (not 3楼150座, 3楼300块, 3楼500强企业: what is on the floor, counted)."""
    first, joint, second = match.groups()
    floor = _FLOOR_BEFORE.search(context_before(match, 4))
    if floor and any(not number.startswith(floor.group(1)) or number.endswith("00") for number in (first, second) if number):
        return match.group()
    spoken = read_digits(first, yao=True)
    if second:
        spoken += ("到" if joint.strip() in "-~～—–" else joint) + read_digits(second, yao=True)
    return spoken


def _is_range(groups: list[str]) -> bool:
    """Two quantities, the second larger but less than 100 times the first (3000-5000,
    2022-2023), none with a leading zero: a range, not a number to dial."""
    if len(groups) != 2 or any(group.startswith("0") for group in groups):
        return False
    low, high = (int(group) for group in groups)
    return low < high < 100 * low


# 192.168.1.1, IP 10.0.0.1: an IP address, digit by digit (a version such as 1.2.3.4 stays a version), and
# its port after a colon (192.168.1.1:8080)
IP_ADDRESS = rule(
    "ip_address",
    r"(?<![0-9.])((?:[0-9]{1,3}\.){3}[0-9]{1,3})(?::([0-9]{2,5}))?(?![0-9.])",
    lambda m: "点".join(read_digits(part, yao=True) for part in m.group(1).split("."))
    + (f"冒号{read_digits(m.group(2))}" if m.group(2) else "")
    if m.group(2) or re.search(r"[0-9]{3}", m.group(1)) or re.search(r"IP|地址|网关|DNS|服务器", context_before(m, 8))
    else m.group(),
)

# A standard's part and year after its number: GB 4706.1-2005 (part 1 of 2005), GB 2760-2014; a part
# only with a year after it (not ISO 9001.5, nor RTX 4090.5)
_STANDARD_PART_YEAR = r"(?:(\.[0-9]{1,2})?-((?:19|20)[0-9]{2}))?"


def _standard_number(match: re.Match[str], first: int) -> str:
    """A standard's number from group ``first`` on, digit by digit: 四七零六点一杠二零零五."""
    number, part, year = match.group(first, first + 1, first + 2)
    return read_digits(number) + ("点" + read_digits(part[1:]) if part else "") + ("杠" + read_digits(year) if year else "")


RULES: tuple[Rule, ...] = (
    # *100#, *#06#, ##002#, *#*#4636#*#*, 拨打#31#: a code keyed on a phone's pad
    rule("keypad_code", r"(?<![0-9A-Za-z*#])[*#](?=[*#0-9]*[0-9])(?=[*#0-9]*#)[*#0-9]*[*#](?![0-9A-Za-z*#])", _keypad_code),
    # +852 2345 6789, +86 21 3889 8888, +1 (212) 555-7890, +65-6123-4567: a number abroad, its country code and groups
    # (of seven digits or more in all, two groups of three or more; not +5 20, a rise, nor +100 200 300, a list)
    rule("international", r"(?<![0-9A-Za-z)）])\+([1-9][0-9]{0,2})((?:[ -](?:\([0-9]{1,4}\)|[0-9]{1,5})){2,5})(?![0-9])"
         + _AMOUNT_AFTER + _NOT_COUNTED, _international),
    # (212) 555-7890: a North American number, its area code in brackets
    rule("north_american", r"(?<![0-9+第])\(([2-9][0-9]{2})\) ?([2-9][0-9]{2})[- ]([0-9]{4})(?![0-9])" + _AMOUNT_AFTER + _NOT_COUNTED
         + r"(?! ?[页不])", lambda m: _grouped(list(m.groups()))),
    # 0x80070005, 0xFF: a hexadecimal number, digit by digit (not 3.0x, 10x, a zoom or a speed)
    rule("hexadecimal", r"(?<![A-Za-z0-9.])0[xX]([0-9A-Fa-f]{2,})(?![0-9A-Za-z])",
         lambda m: "零x" + re.sub("[0-9]+", lambda d: read_digits(d.group()), m.group(1))),
    # 3#楼: 号 (a building's or a machine's number)
    # 5#楼, 92#汽油, 45#钢, 1#、2#楼: 号 (not 请按1#确认: a key)
    rule("hash_number", r"(?<=[0-9])#(?![0-9A-Za-z#])", _hash_after_number),
    # 107国道, (300750), 600519.SH: a road's number, a stock code, digit by digit
    rule("road_or_stock", r"(?<![0-9.])[0-9]{3}(?=国道|省道|县道)|(?<![0-9.])[0-9]{6}(?=\.(?:SH|SZ|BJ)(?![A-Za-z]))"
         r"|(?:(?<=[\u4e00-\u9fff][(（])|(?<=-[UW][(（]))(?:00|30|60|68|83|87|43|92|11|12|90|20|51|15|16|18)[0-9]{4}(?=[)）])|(?<=ETF[(（])[0-9]{6}(?=[)）])|(?<=基金[(（])[0-9]{6}(?=[)）])"
         r"|(?<![0-9.])[0-9]{4,5}(?=\.HK(?![A-Za-z]))", lambda m: read_digits(m.group())),  # 沪深300ETF(510300), 9988.HK
    # GB/T 2260, GB/T 19001-2016: a recommended (T) or guiding (Z) standard, not "per"
    rule("standard_kind", r"(?<![A-Za-z])([A-Z]{2})/([TZ]) ?([0-9]{3,})" + _STANDARD_PART_YEAR + r"(?![0-9]|\.[0-9])",
         lambda m: f"{m.group(1)} {m.group(2)} " + _standard_number(m, 3)),
    # 138****8000, 6225********1234, 尾号****1234, 账户*8866, 账户**8812, 6222 **** **** 1234: the digits shown of a
    # masked number, digit by
    # digit, the hidden ones a pause between groups, as a phone number's (not **100元**, Markdown bold; nor 5号*2, a product)
    rule("masked", r"(?<![0-9.])([0-9]{2,})([*＊]{2,})([0-9]{2,})(?![0-9.])|(?<=号)([*＊]{2,})([0-9]{2,})(?![0-9.])"
         r"|(?<=[号户卡])([*＊]+)([0-9]{4})(?![0-9.])|(?<=[*＊] )([0-9]{4})(?![0-9.])",
         lambda m: "".join(read_digits(part, yao=True) if part[0].isdigit() else " " for part in m.groups() if part)),
    # 储蓄卡(1234)支付58元, 信用卡（8812）本期账单: a card's last four digits in brackets after it
    # 账户[1234], 卡【1234】, 信用卡（****1234）: in any bracket, after a mask too
    rule("card_tail", r"(?:(?<=卡)|(?<=账户)|(?<=帐户))[(（\[【][*＊]*([0-9]{4})[)）\]】]", lambda m: read_digits(m.group(1), yao=True)),
    # +86 138-0013-8000, 13800138000, 138 0013 8000
    rule(
        "mobile",
        r"(?<![0-9])(\+?86[- ]?)?(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])",
        _mobile,
    ),
    # (+86), +86: the country code alone
    rule("country_code", r"\+86(?![0-9])", lambda m: "加八六"),
    # 400-820-8820, 800 820 8820
    rule(
        "service",
        r"(?<![0-9])([48]00)[- ]?([0-9]{3})[- ]?([0-9]{4})(?![0-9])",
        lambda m: _grouped(list(m.groups())),
    ),
    # 010-12345678, 0755-1234567-801, (010)12345678, 010 12345678, 010—12345678
    rule(
        "landline",
        r"(?<![0-9])(0[1-9][0-9]{1,2})[-— ]([2-9][0-9]{6,7})(?:-([0-9]{1,5}))?(?![0-9])",
        lambda m: _grouped(list(m.groups())),
    ),
    rule(
        "landline_in_brackets",
        r"[(（](0[1-9][0-9]{0,2})[)）] ?([1-9][0-9]{6,7}|[1-9][0-9]{2,3}[- ][0-9]{4})(?:-([0-9]{1,5}))?(?![0-9])",  # (010)8888-6666, (02)2345-6789,
        # (010)6512 3456
        lambda m: _grouped([m.group(1), *m.group(2).replace("-", " ").split(" "), m.group(3)]),
    ),
    # 打110, 拨打12315, 120急救, 反诈专线96110, 服务专线：12345
    rule(
        "service_number_called",
        r"(" + _CALL_BEFORE + r"[:：]? ?[“\"「]?) ?(" + _SERVICE_NUMBERS + r")(?![0-9])" + _SERVICE_NOT_COUNTED,
        lambda m: m.group(1) + read_digits(m.group(2), yao=True),
    ),
    rule("carrier_number", _CARRIER, lambda m: m.group(1) + read_digits(m.group(2), yao=True)),
    rule(
        "service_number",  # (not a program's version after its name: Chrome 120或更高; “12345”热线 in quotes too)
        r"(?<![0-9.])(?<![A-Za-z])(?<![A-Za-z] )(?:" + _SERVICE_NUMBERS + r")(?![个名家人位起宗例件次条户所台部套座通])(?=" + _CALL_AFTER + r"|[”\"」 ](?:" + _CALL_WORDS + r"))",
        lambda m: read_digits(m.group(), yao=True),
    ),
    # 喂，110吗, 快叫120, 等120来了, 120救护车, 110民警: an emergency number called or come (not 110个人, 等120分钟, 叫120号,
    # 血压120到了)
    rule("emergency_number", r"(?:(?<=叫)|(?<=等)|(?<=^报))(?:110|119|120|122)(?![0-9个名家人位分秒年月天块元米斤度路辆台件张条次只箱袋份本页多余起例宗号])"
         r"|^(?:110|119|120|122)(?=吗|来了|赶到|赶来|到了)"
         r"|(?<![0-9.A-Za-z])(?:110|119|120|122)(?=的?(?:救护车|民警|警察|警车|消防车|消防员|急救车))",
         lambda m: read_digits(m.group(), yao=True)),
    # 拨打110或120, 紧急电话：119、114、12315、12345: a later service number after one read digit by digit
    rule(
        "service_number_also",
        r"(?<=[零幺二三四五六七八九]{3})(或|和|、|及)(" + _SERVICE_NUMBERS + r")(?![0-9])",
        lambda m: m.group(1) + read_digits(m.group(2), yao=True),
    ),
    # （2019）沪74民初3357号, （2023）浙1102民初123号: a court's code in a case's number after its year, digit by digit (its serial
    # a number; not （二）京12项措施)
    rule("court_code", r"(?<=[零一二三四五六七八九〇][)）][京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼兵最])([0-9]{2,4})"
         r"(?=[民刑行执赔知商破认协清强司财监][\u4e00-\u9fff]{0,3}[0-9]+号)",
         lambda m: read_digits(m.group(1))),
    # 95588-1, 95588-1-2, 95588-123: a menu's keys or an extension after a service number read digit by digit, 杠 (not 负)
    rule("menu_key", r"(?<=[零幺二三四五六七八九]{5})((?:-[0-9]{1,3})+)(?![0-9]|\.[0-9])",
         lambda m: "".join("杠" + read_digits(key, yao=True) for key in m.group(1).split("-")[1:])),
    # 在302开会, 先去508拿资料, 会议在808召开: a room by its number, before what is done there
    rule("room_for", r"(?<![0-9.])(?<=[在去到至楼])([1-9][0-9]{2,3})(?=开会|召开|拿|取|集合|见面|碰头|上课|报到|办理|签到|面试)",
         lambda m: read_digits(m.group(1), yao=True)),
    # 发送短信至10086, 回复TD至10086, 发送1到10655: the number a text message goes to
    rule(
        "text_message_to",
        r"((?:短信|发送|回复|编辑)[A-Za-z0-9 ]{0,8}(?:短信)?[至到])([0-9]{3,12})(?![0-9]|\.[0-9])",
        lambda m: m.group(1) + read_digits(m.group(2), yao=True),
    ),
    # A100, H800, B200, V100: a data-centre GPU, its letter and its number, where the text speaks of GPUs (A一百; not CA1234, a
    # flight, nor A100高速公路, 三星A100手机)
    rule("gpu_model", r"(?<![A-Za-z0-9])([AHBV])(100|200|800)(?![0-9A-Za-z-])",
         lambda m: m.group(1) + read_number(m.group(2)) if _GPU_WORDS.search(context_before(m, 16) + context_after(m, 16)) else m.group()),
    # 720P/1080P: one resolution or another, a pause between (not "per")
    rule("resolution_or", r"(?<=[0-9][Pp])/(?=[0-9]{3,4}[Pp](?![A-Za-z]))", lambda m: "、"),
    # 1080P, 720p: a video resolution
    rule("resolution", r"(?<![0-9.])([0-9]{3,4})(?=[Pp](?![A-Za-z]))", lambda m: read_digits(m.group(1))),
    # @用户12345, @小王123: the digits that end an account's handle, one by one
    rule("handle_digits", r"(@[\u4e00-\u9fffA-Za-z_]{1,12})([0-9]{2,})(?![0-9.])", lambda m: m.group(1) + read_digits(m.group(2), yao=True)),
    # Abc@123456, home@2024: the digits of a password after its @, one by one
    rule("password_digits", r"(?<=[A-Za-z]@)[0-9]{3,}(?![0-9.A-Za-z])", lambda m: read_digits(m.group(), yao=True)),
    # 用户名：zhang123, 昵称：Tom2008: an account's name, letters then digits, the digits one by one
    rule("account_name", r"(?:(?<=用户名)|(?<=账号)|(?<=帐号)|(?<=昵称))((?:(?:是|为)[:：]?|[:：]) ?[A-Za-z][A-Za-z_.]{0,19})([0-9]+)(?![0-9A-Za-z])",
         lambda m: m.group(1) + read_digits(m.group(2), yao=True)),
    # 开奖号码：03 08 15 22 33 + 02 11: a lottery draw's balls, each a number of its own (零三 十五, not a code's
    # digits 幺五); a 3D draw's 528 or 5 2 8, one digit each, is left to code_word
    rule("drawn_balls", r"(?<=(?:开奖|中奖|前区|后区)号码)((?:是|为)?[:：]? ?)([0-9]{2}(?:(?: ?\+ ?| )[0-9]{2})+)(?![0-9])",
         lambda m: m.group(1) + re.sub("[0-9]{2}", lambda ball: read_number(ball.group()), m.group(2))),
    # 动态码6位：102938, 密码已重置为520520: a code after its length or after what was done to it, digit by digit
    rule("code_told", r"(码)([0-9])位([:：是为]\s?)([0-9]{4,8})(?![0-9])"
         r"|(密码|验证码|口令)((?:已经?|被)?(?:重置|修改|更改|设置|设|改|变更)(?:为|成)[:：]?\s?)([0-9]{4,8})(?![0-9]|[秒次年天个位])",
         lambda m: m.group(1) + read_number(m.group(2)) + "位" + m.group(3) + read_digits(m.group(4), yao=True) if m.group(1)
         else m.group(5) + m.group(6) + read_digits(m.group(7), yao=True)),
    # 验证码 1234, 拨打110, 房间 1201, 卡号：6222 0200, 账号为ad12345678
    rule(
        "code_word",
        r"(" + _CODE_WORDS + r")((?:(?:是|为)[:：]?|[:：])? ?)([A-Za-z]{0,4})(" + _DIGIT_GROUPS + r")(?![0-9.])"
        + _NOT_COUNTED + r"(?! ?\+ ?[0-9]+ ?[GT])"  # (not 手机是12+256G: memory and storage)
        r"(?! ?[~～到至-] ?[0-9]+(?:\.[0-9]+)? ?(?:平|㎡|m|米|元|块|人|个|万|天|小时))",  # (nor 房间12~15平: a range of sizes)
        lambda m: m.group(1) + m.group(2) + m.group(3) + (
            read_number(m.group(4)) if _called_number(m) else _grouped(re.split(r"[- ]", m.group(4)))),
    ),
    # 123456是您的验证码, 8831为您的短信验证码: a code before what it is
    rule("code_before_word", r"(?<![0-9.])[0-9]{4,8}(?=(?:是|为)(?:您|你)的[^，。,]{0,6}码)", lambda m: read_digits(m.group(), yao=True)),
    # 分机号：801、802、803, 会议室301和302: a later room or extension of a list whose first was read digit by digit
    rule("listed_code", r"(?<=[零幺二三四五六七八九]{3})(?:(?:或|和|、|及)[0-9]{3,4}(?![0-9]|\.[0-9]))+" + _NOT_COUNTED,
         lambda m: re.sub("[0-9]+", lambda number: read_digits(number.group(), yao=True), m.group())),
    # 1008号客服, 我是客服9527号, 坐席1024为您服务: a service agent's number, digit by digit (not 客服100人, 客服300号人, 3号客服;
    # nor a street number before a service hall: 人民路1008号客服中心)
    rule("agent_number", r"(?<![0-9.路街道巷弄])[0-9]{3,5}(?=号(?:客服|话务员|坐席|接线员|专员|为您服务))"
         r"|(?:(?<=客服)|(?<=坐席)|(?<=话务员)|(?<=接线员))[0-9]{3,5}(?=号(?!人)|为您服务)", lambda m: read_digits(m.group(), yao=True)),
    # 信用代码：91110000MA01ABCD2X, 证件号码：E12345678: a code of capitals and digits after its word,
    # the digits one by one (the letters are spelled)
    rule(
        "mixed_code",
        r"(" + _CODE_WORDS + r")((?:(?:是|为)[:：]?|[:：])? ?)(?=[0-9A-Z]*[A-Z])(?=[0-9A-Z]*[0-9]{3})([0-9A-Z]{8,})(?![0-9A-Za-z])",
        lambda m: m.group(1) + m.group(2) + re.sub("[0-9]+", lambda d: read_digits(d.group(), yao=True), m.group(3)),
    ),
    # 订单2301234567, 账户6225, 合同20240315: a record's number, unless a count follows (订单100笔)
    rule(
        "record_number",
        r"((?:订单|运单|保单|工单|合同|账户|帐户|发票|批次|案件|会员卡|信用卡|储蓄卡)(?:号)?|(?:借记卡|[工农建交招中]行卡|银行卡)(?=[0-9]{4}(?<!00)(?![0-9])))"
        r"([0-9]{4,})(?![0-9.]|[笔个份张单件次元块万亿岁年月日天人%多余条起盒箱袋瓶只辆台家宗项批例]|额度|以[内上下]|左右|封顶|上限)",
        lambda m: m.group(1) + read_digits(m.group(2), yao=True),
    ),
    # 卡号后四位为3365, 尾号后4位是1234: the last digits of a card or account
    rule(
        "last_digits",
        r"((?:后|末|尾)[0-9一二三四五六七八]位(?:数字|数)?(?:是|为)?[:：]? ?)([0-9]{2,8})(?![0-9.])",
        lambda m: m.group(1) + read_digits(m.group(2), yao=True),
    ),
    # x86, N95, 316不锈钢, IP68, "618", Office 365, 911事件: an architecture, a mask, a steel grade, a protection rating,
    # a shopping day, a program's subscription, the attacks of 11 September
    rule("said_as_digits", r"(?:(?<=[xX])(?<![A-Za-z0-9][xX])86|(?:(?<=(?<![A-Za-z])N)|(?<=KN))95|(?<![0-9.])(?:304|316)(?=L?(?:不锈钢|和|与|、|材质|钢))|(?<=[和与、])(?:304|316)(?=L)|(?<=IP)[0-9]{2}"
         r"|(?<![0-9.])618(?=大促|购物节|年中|活动|期间|当天|[”\"])|(?:(?<=Office )|(?<=Microsoft ))365|(?<![0-9.])911(?=事件|袭击))(?![0-9])",
         lambda m: read_digits(m.group())),
    # 95式自动步枪, 99A主战坦克, 59式坦克, 98K狙击枪: a weapon's type, its year, digit by digit (九五式; not 九十五式; not a
    # unit or a size before a weapon word: 24V遥控坦克, 18K金手枪, 30L迷彩背包, 75B迷彩文胸)
    rule("weapon_type", r"(?<![0-9.])[0-9]{2}(?=式[\u4e00-\u9fff]{0,4}?(?:" + _WEAPONS + r")"
         r"|[AB]式?[\u4e00-\u9fff]{0,4}?(?:" + _ARMS + r")|K(?:狙|步枪))",
         lambda m: read_digits(m.group())),
    # 色号520, 色号：#999, 色号01: a lipstick's or a foundation's shade of three digits or two from 0, digit by digit (not 五百二十; not
    # a count of shades or an amount: 色号120多种, 色号100个, 色号200ml; nor a range's first end: 色号01-05)
    rule("shade_number", r"(?<=色号)((?:是|为)?[:：]? ?#?)([0-9]{3}|0[1-9])(?![0-9.]| ?[A-Za-z多余种款支]| ?[-—–])" + _COUNT_AFTER,
         lambda m: m.group(1) + read_digits(m.group(2))),
    # 骁龙888, 麒麟990, 天玑9300: a phone chip's model after its series, digit by digit (麒麟9000S and 天玑9000,
    # thousands, are 九千; not 骁龙8 Gen 3, nor a count: 麒麟100岁, 1200头)
    rule("phone_chip", r"(?:(?<=骁龙)|(?<=麒麟)|(?<=天玑)|(?<=猎户座)|(?<=Exynos )|(?<=至强)|(?<=至强 )) ?([0-9]{3,4})(?![0-9]|\.[0-9]| ?[岁年元块个只头匹台部件万亿多余%天])(?<!000)",
         lambda m: read_digits(m.group(1))),
    # 18650电池, 4680大圆柱, 21700电芯: a battery cell's size, its diameter then a length that is not 00, digit by
    # digit (not 4680块电池, nor 买了1000电池, 2000电池工人: a round count)
    rule("cell_size", r"(?<![0-9.])[0-9]{2}(?!00)[0-9]{2,3}(?=大?圆柱|电芯|电池)", lambda m: read_digits(m.group())),
    # 802.11ax, IEEE 802.3: a network standard, its numbers digit by digit (not 802.5元)
    rule("ieee_standard", r"(?<![0-9.])802\.([0-9]{1,2})(?=[a-z]{1,2}(?![A-Za-z])|协议|标准)|(?<=IEEE )802\.([0-9]{1,2})(?![0-9])",
         lambda m: "八零二点" + read_digits(m.group(1) or m.group(2))),
    # 404页面, 错误 404, 500 Internal Server Error: an HTTP status, said digit by digit
    rule("http_status", r"(?<![0-9.])[45][0-9]{2}(?![0-9.])(?= ?(?:页面|错误|[Nn]ot [Ff]ound|Forbidden|Unauthorized|Bad |"
         r"Internal|Service Unavailable|Gateway))|(?:(?<=错误)|(?<=错误 )|(?<=报错)|(?<=报错 )|(?<=状态码)|(?<=状态码 ))"
         r"[45][0-9]{2}(?![0-9.])(?! ?[多余处])" + _NOT_COUNTED
         # 接口返回404, 请求返回了502, 遇到503, 页面显示502: a well-known status that a request came back with
         + r"|(?:(?<=返回)|(?<=返回了)|(?<=遇到)|(?<=显示)|(?<=报)|(?<=报了)|(?<=出现))"
         r"(?:200|201|204|301|302|304|400|401|403|404|405|408|409|429|500|501|502|503|504)(?![0-9.])(?! ?(?:[多余处股]|点(?![击开一])|手(?![动机])))"
         r"(?! ?(?:港元|港币|美元|欧元|日元|英镑))(?<!申报...)(?<!收报...)(?<!价报...)" + _NOT_COUNTED,
         lambda m: read_digits(m.group())),
    # chmod 755, 权限改为644: a file's permission bits, digit by digit
    rule("file_mode", r"(?:(?<=chmod )|(?<=chmod -R )|(?<=权限)|(?<=权限为)|(?<=权限是)|(?<=权限改为)|(?<=权限设为)|(?<=权限设置为))"
         r"[0-7]{3,4}(?![0-9.])" + _NOT_COUNTED, lambda m: read_digits(m.group())),
    # 192.168.1.1:8080 (above), localhost:5173, HTTPS用443端口: a port, digit by digit (not 80端口, 22端口: 八十)
    rule("port", r"(?<=localhost):([0-9]{2,5})(?![0-9])|(?<![0-9.:])([0-9]{3,5})(?= ?端口)",
         lambda m: ("冒号" + read_digits(m.group(1))) if m.group(1) else read_digits(m.group(2))),
    # 端口号改为3306, 端口从8080改成9090, ssh -p 2222: a port after its word or a command's -p, digit by digit (not 端口21个)
    rule("port_after", r"(?:(?<=端口)|(?<=端口号))((?:改为|改成|设为|设置为|为|是|从|:|：)?\s?)([0-9]{3,5})(?![0-9.])" + _NOT_COUNTED
         + r"|(?<= -[pP] )()([0-9]{2,5})(?![0-9.:])",
         lambda m: m.group(1) + read_digits(m.group(2)) if m.group(2) else read_digits(m.group(4))),
    # kill -9: a signal's number after a command's dash (杠九, not minus nine)
    rule("command_option", r"(?<=kill )-([0-9]{1,2})(?![0-9])", lambda m: "杠" + read_number(m.group(1))),
    # 0b1010, 二进制数1010: binary digits, one by one
    rule("binary", r"(?<![A-Za-z0-9])0b([01]+)(?![0-9A-Za-z])|(?<=二进制)(数|数字|的|是|为)?([01]{2,})(?![0-9])",
         lambda m: f"零b{read_digits(m.group(1))}" if m.group(1) else (m.group(2) or "") + read_digits(m.group(3))),
    # IMG_20241207_103015.jpg: the digits of a file's name, one by one
    rule("file_name_digits", r"(?<=[A-Za-z0-9]_)[0-9]{4,}(?=[_.])|(?<=[A-Za-z0-9]_)[0-9]{4,}(?![0-9A-Za-z])", lambda m: read_digits(m.group())),
    # 3060目标: the carbon goals of 2030 and 2060, by their digits
    rule("carbon_goals", r"(?<![0-9.])3060(?=[”\"]?(?:目标|双碳|战略|承诺))", lambda m: "三零六零"),
    # 985高校, 211大学, 315晚会: programmes and days named by their digits; 台北101, 798艺术区, 84消毒液, 999感冒灵:
    # places and brands
    rule(
        "named_by_digits",
        r"(?<![0-9.])(985|211|315)(?=高校|大学|院校|名校|学校|工程|计划|晚会|消费者权益日|打假|曝光|当天|期间)|(?<=今年)315(?![0-9])"
        r"|(?<![0-9.])(985|211)(?=毕业|出身|双一流|[、，,。！？]|$)|(?<=本科|硕士|博士)(985|211)(?![0-9])"
        r"|(?<=台北)101(?![0-9])|(?<![0-9.])798(?=艺术区|厂)|(?<![0-9.])751(?=园区|时尚|D·PARK)|(?<![0-9.])58(?=同城(?!市))|(?<![0-9.])711(?=便利)|(?<![0-9.])84(?=消毒)|(?<![0-9.])999(?=感冒灵|皮炎平|胃泰|小儿)"
        r"|(?<![0-9.有共生理计第])(?:228|921|311|319|823|911|88|512|731|918|720|723|1213)(?=事件|事变|大地震|地震|连假|纪念|枪击|炮战|风灾|惨案|部队|暴雨|事故|国家公祭日|公祭日)",
        lambda m: read_digits(m.group(), yao=m.group() == "211"),  # 二幺幺 (211), but 三一五, 九八五
    ),
    # 901型, 346B型雷达: a type's number, digit by digit (not 型号, 500型: a round one); 01号指挥车, 请02号回答: a number padded
    # with its zero (not 3月01号, 今天是09号, 01号线, 05号台风, 01号到05号)
    rule("type_number", r"(?<![0-9.A-Za-z-])(?![1-9]00)([1-9][0-9]{2})(?=[A-Z]?型(?!号))"
         r"|(?<![0-9.月于到至是第])0[1-9](?=号(?!线|文件|台风|楼|航站楼|[0-9]|[到至~～-]0[0-9]号))", lambda m: read_digits(m.group())),
    # “砺剑-2024”, “海上联合-2023”: an exercise named with its year, the year digit by digit (the dash unsaid)
    rule("named_year", r"([“\"「][\u4e00-\u9fff]{2,6})[-—–]?(?!(?:19|20)00)((?:19|20)[0-9]{2})([A-Z]?[”\"」])",
         lambda m: m.group(1) + read_digits(m.group(2)) + m.group(3)),
    # 宿舍楼201, 办公楼1203, 图书馆305自习室: a room after its building, digit by digit (not 1号楼1500多平方米, 3楼150座)
    rule("room_in_building", "(?:" + "|".join(f"(?<={building})" for building in _BUILDINGS) + ")"
         r"([1-9][0-9]{2,3})(?![0-9.])(?! ?[元块人个万亿%件次台辆吨米克股名位套份层级年平㎡多余来座强间张本班棵把所册])",
         lambda m: read_digits(m.group(), yao=True)),
    # 138xxxx1234: a phone number masked with x, its hidden digits unsaid (as with 138****1234)
    rule("masked_phone", r"(?<![0-9A-Za-z])(1[3-9][0-9])[xX]{4}([0-9]{4})(?![0-9A-Za-z])",
         lambda m: read_digits(m.group(1), yao=True) + " " + read_digits(m.group(2), yao=True)),
    # 郑单958, 先玉335, 登海605: a seed variety's number, digit by digit
    rule("seed_variety", r"(?<=郑单|先玉|登海|京科|百农|中单|伟科|裕丰|迪卡|鲁原|隆平|浚单|豫单|农大|济麦)([0-9]{3})(?![0-9.])",
         lambda m: read_digits(m.group())),
    # 迪奥999, 阿玛尼405, 圣罗兰1966, 兰蔻196: a lipstick's shade after its brand, digit by digit
    rule("brand_shade", "(?:" + "|".join(f"(?<={brand})" for brand in _LIPSTICK_BRANDS) + r")([0-9]{3,4})(?![0-9.])(?! ?(?:[元块支瓶盒片家万个件套只张人台次克]|ml|g|毫升))",
         lambda m: read_digits(m.group())),
    # 24/7全天候服务: round the clock, every day of the week (二十四七)
    rule("all_week", r"(?<![0-9./])24/7(?![0-9/])", lambda m: "二十四七"),
    # 38女神节, 38节: the women's day of March 8th (三八)
    rule("march_eighth", r"(?<![0-9.第])38(?=女神节|妇女节|节(?!车|课|点|约|能|省|目|奏|日|次|电池|干电池|[0-9]))", lambda m: "三八"),
    # 鞋码37/38, 36/37码: two neighbouring sizes, said one after the other (not a fraction)
    rule("neighbour_sizes", r"(?<![0-9./])([2-4][0-9])/([2-4][0-9])(?=码|都能穿|的鞋|的脚)|(?<=码)(?:[:：是]?)([2-4][0-9])/([2-4][0-9])(?![0-9/])",
         lambda m: (read_number(m.group(1) or m.group(3)) + "、" + read_number(m.group(2) or m.group(4)))
         if int(m.group(2) or m.group(4)) == int(m.group(1) or m.group(3)) + 1 else m.group()),
    # M/L码, S/M/L: letter sizes, said one after another (not M per litre)
    rule("letter_sizes", r"(?<![A-Za-z0-9.\u0370-\u03ff])" + _SIZES + "(?=码|号)|(?:(?<=尺码)|(?<=码数)|(?<=尺寸)|(?<=穿)|(?<=于)|(?<=是))(?:[:：是] ?)?" + _SIZES,
         lambda m: m.group().replace("/", "、")),
    # 5%烟酰胺+2%熊果苷: one ingredient and another, 加 (not 正: a percentage's sign)
    rule("ingredients_plus", r"(?<=%[\u4e00-\u9fff]{2})\+(?=[0-9.]+%)|(?<=%[\u4e00-\u9fff]{3})\+(?=[0-9.]+%)|(?<=%[\u4e00-\u9fff]{4})\+(?=[0-9.]+%)",
         lambda m: "加"),
    # 长×宽×高/6000: a volume divided by a constant
    rule("divided_volume", r"(?:(?<=高)|(?<=高\(cm\))|(?<=高（cm）)|(?<=高cm))/(?=[0-9]{3,5}(?![0-9]))", lambda m: "除以"),
    # 55开, 三七开: a split of ten between two sides, by its digits (not 12开始, 19开门)
    rule("split_of_ten", r"(?<![0-9.])([1-9])([1-9])(?=开(?![始发车门会放关心通学工展业拓除支销播机幕水张]))",
         lambda m: read_digits(m.group()) if int(m.group(1)) + int(m.group(2)) == 10 else m.group()),
    # 101包间, 888包厢: a private room by its number, digit by digit
    rule("private_room", r"(?<![0-9.A-Za-z])([1-9][0-9]{2,3})(?=包间|包厢)", lambda m: read_digits(m.group(), yao=True)),
    # 6217 0000 1234 5678 901: a card's or an account's number in four groups of four or more, digit by digit (not
    # years 2021 2022 2023 2024, nor amounts 1000 2000 3000 4000元)
    rule("grouped_card", r"(?<![0-9.])(?!(?:(?:19|20)[0-9]{2} ?){4})[0-9]{4}(?: [0-9]{4}){3,}(?: [0-9]{1,4})?(?![0-9.]| ?[元手股人个次年万亿吨件台])",
         lambda m: " ".join(read_digits(group, yao=True) for group in m.group().split(" "))),
    # 731部队, 596工程, 597.9高地, 101中学, 2309号台风, 38线, 舷号171: units, projects, hills, schools, typhoons and
    # ships named by their digits (not 300名部队官兵, 100所中学, 1000部队, 共有150中学: counts, round or after 有/共/建)
    rule("named_unit", r"(?<![0-9.])(?<!有)(?<!共)(?<!建)(?<!约)(?<!近)([0-9]{2,4}[1-9](?:\.[0-9])?)(?=部队|工程(?!师|款|量|队|车|项目|建设)|高地|中学)"
         r"|(?<![0-9.])([0-9]{4})(?=号(?:超强|强)?台风)|(?<=台风)([0-9]{4})(?=号)|(?<![0-9.])(38)(?=线)|(?<=舷号)([0-9]{2,3})(?![0-9])",
         lambda m: "点".join(read_digits(part, yao=bool(m.group(5))) for part in m.group().split("."))),
    # 全红婵跳水407C, 5253B: a dive's code, digit by digit, where the clause speaks of diving
    rule("dive_code", r"(?<![0-9A-Za-z.])([1-6][0-9]{2,3})(?=[A-D](?![A-Za-z0-9]))",
         lambda m: read_digits(m.group(1)) if re.search("跳水|跳台|跳板|动作|难度", context_before(m, 20) + context_after(m, 12)) else m.group()),
    # 高通8155, 8295芯片, 保时捷911, 标致4008, 宝马530Li, 迈腾330TSI, 福特F-150, 卫士110: chips and cars named by
    # digits, said digit by digit (标致508L: its L a letter, not litres)
    rule("car_model", r"(?:(?<=高通)|(?<=保时捷)|(?<=法拉利)|(?<=标致)|(?<=卫士)|(?<=F-)|(?<=标致[0-9]{3}和)|(?<=标致[0-9]{4}和))"
         r" ?([0-9]{3,4})(L)?(?![0-9]|\.[0-9])"
         r"|(?<![0-9.A-Za-z])([0-9]{4})(?=P?(?:芯片|座舱))|(?<![0-9.A-Za-z])([1-9][0-9]{2})(?=Li|TSI|TFSI|TGDI)",
         lambda m: read_digits(m.group(1) or m.group(3) or m.group(4)) + (m.group(2) or "")),
    # 3060显卡, 4090显卡: a graphics card's number
    rule("graphics_card", r"(?<![0-9.A-Za-z])([1-9]0[5-9]0)(?= ?(?:Ti|ti|显卡|独显))", lambda m: read_digits(m.group(1))),
    # 住在301, 我家在1502, 502门口, 来2306找我: a flat or room by its number
    rule("door", r"(?<![0-9.])([1-9][0-9]{2,3})(?=门口|门前|房门)|(?:(?<=住在)|(?<=家在)|(?<=我住)|(?<=他住)|(?<=她住))([1-9][0-9]{2,3})(?=[，,。！!？?]|$)"
         r"|(?<![0-9.])(?<=[来去到在])([1-9][0-9]{2,3})(?=找我|找他|找她|见|等你|等我)",
         lambda m: read_digits(m.group(), yao=True)),
    # 【12306】, 【10086】: a service number as a message's sender
    # 【12306】, 【铁路12306】, 【工行95588】: a service number that signs a text message, after its sender's name or alone
    rule("service_tag", r"(?<=【)([\u4e00-\u9fff]{0,6})(" + _SERVICE_NUMBERS + r")(?=】)",
         lambda m: m.group(1) + read_digits(m.group(2), yao=True)),
    # 801、802、803房间: the rooms of a list before their word, each digit by digit
    rule("listed_rooms", r"(?<![0-9.])[0-9]{3,4}(?:、[0-9]{3,4})+(?=室|房间|会议室|号房|病房|教室|办公室)",
         lambda m: re.sub("[0-9]+", lambda number: read_digits(number.group(), yao=True), m.group())),
    # 1201室, 308房间, 201会议室, 入住1203房, 302-305室, 2单元501, A座1506, 6号楼1603, 15楼1503
    rule(
        "room",
        r"(?<![0-9.])([0-9]{3,4})(?:(?: ?[-~～—–] ?|至|到)([0-9]{3,4}))?"  # 302-305室: rooms from one to another
        r"(?=室|房间|号房|会议室|教室|办公室|实验室|病房|宿舍|寝室|房(?![价租产屋贷源型子东主]))",
        lambda m: "到".join(read_digits(number, yao=True) for number in m.groups() if number),
    ),
    rule(
        "flat",
        r"(?:(?<=单元)|(?<=[A-Za-z0-9]座)|(?<=[A-Za-z0-9][栋幢])|(?<=[0-9]号楼)|(?<=[0-9][门层楼]))([0-9]{3,4})"
        r"(?:( ?[-~～—–] ?|至|到|和|、)([0-9]{3,4}))?"  # 2楼201-205, 5楼501、502: flats of a floor listed
        r"(?![0-9]|\.[0-9]|[户人套个万元米平间多余层级分名年岁块张把台桌家斤度步])",  # 28号楼1门601, 12层1208, 3楼301 (not 3门300分)
        _flat,
    ),
    # 波音737, 空客320, 波音737-800, C919, 747巨型客机: an airliner's model, said digit by digit (1 is 一, not 幺), and its variant
    rule("airliner", r"(?:(?<=波音|空客)|(?<=(?<![A-Za-z0-9])C)(?=9[0-9]9(?![0-9]))|(?<=(?<![A-Za-z0-9])A)(?=3[2-8]0-[0-9]{3}(?![0-9]))"
         r"|(?<![0-9.])(?=7[0-9]7(?:-[0-9]{3})?(?:巨型|大型|宽体|型)?(?:客机|飞机|货机)))([0-9]{3})(?:-([0-9]{3}))?(?![0-9])",
         lambda m: read_digits(m.group(1)) + (read_number(m.group(2)) if m.group(2) else "")),  # 737-800: 七三七八百, A320-200
    # ISO 800, ISO100: a camera's sensitivity on the standard scale, a number (not ISO 9001, a standard's number,
    # nor ISO 20000 or ISO 8000 met or followed by what a standard is about: 通过了ISO 20000, ISO 8000 数据质量)
    rule("film_speed", r"(?<=ISO)(?<!(?:" + _MEETING + r")ISO)(?<!(?:" + _MEETING + r")了ISO)"
         r"( ?)(" + _FILM_SPEEDS + r")(?![0-9]|\.[0-9]| ?(?:认证|标准|体系|质量|系列|要求|规范|IT|服务|数据|信息|管理|[:：-]))",
         lambda m: m.group(1) + read_number(m.group(2))),
    # A100-80G, V100-32GB: a model, then its memory (no minus sign)
    rule("model_memory", r"(?<![A-Za-z0-9])([A-Za-z]+[0-9]{2,4})-(?=[0-9]{1,4}(?:GB?|TB?)(?![A-Za-z]))",
         lambda m: m.group(1) + " "),
    # 粤B 12345, 沪A-12345, 川A 3Q5W6: a number plate after its province, character by character
    rule(
        "plate",
        r"(?<=[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])(?<![全最崭更重]新)([A-Z])[·・ -]?"
        r"((?=[A-Z0-9]*[0-9])[A-Z0-9]{5,6})(?![A-Za-z0-9]|[元块万亿])",
        lambda m: m.group(1) + "".join(read_digits(c, yao=True) if c.isdigit() else c for c in m.group(2)),
    ),
    # 3U8633, 9C8888: an airline's code with a digit, then the flight number (not 4K120, 5G1000)
    rule(
        "flight_code",
        r"(?<![A-Za-z0-9.])([0-9])([A-FH-JL-OQ-Z])([0-9]{3,4})(?![0-9A-Za-z]|\.[0-9])",
        lambda m: read_digits(m.group(1), yao=True) + m.group(2) + read_digits(m.group(3), yao=True),
    ),
    # CL20240615-0088, HT2023-0456789: a code of letters and digits with a serial after a dash, digit by digit, the dash 杠
    # (not a range: the serial smaller or padded with zeros)
    rule("dashed_code", r"(?<![A-Za-z0-9])([A-Z]{1,4})([0-9]{4,})-([0-9]{2,})(?![0-9.]|[A-Za-z米伏瓦])",  # (not SM5000-24V: a rating)
         lambda m: m.group(1) + read_digits(m.group(2), yao=True) + "杠" + read_digits(m.group(3), yao=True)
         if m.group(3).startswith("0") or int(m.group(3)) < int(m.group(2)) else m.group()),
    # CA1234, G123, hp2205, sl400: capitals or small letters then three or more digits (not TOP100, top100, rmb100,
    # km100, a unit before its amount, \u0301); so after a longer name (dell2412, RISSY8400, INTEL440LX, office2007)
    # where no count's word follows and the number is not round (not Level100分, STORY100, Windows2000; nor a memory's
    # speed, DDRII800), 1 said 一 (office二零零一); CDE-250型: a type's, its dash unsaid; CZ-3101航班, G 1234次: a flight's
    # or a train's after a dash or a space
    rule(
        "letter_code",
        r"(?<![A-Za-z0-9\\])(?!TOP(?![A-Za-z])|" + _INDEX_NAMES + r"|" + _NO_SMALL_CODE + r")(?:([A-Z]{1,3}|[a-z]{1,3})|(?!DDR)([A-Za-z]{4,12})(?![1-9]0+(?![0-9])))"
        r"(?:[·・]|-(?=[0-9]+型)|[- ](?=[0-9]{3,4}(?:次|航班)))?([0-9]{3,})(?![0-9]|\.[0-9])(?(2)" + _COUNT_AFTER + ")",
        lambda m: m.group(1) + read_digits(m.group(3), yao=True) if m.group(1) else m.group(2) + read_digits(m.group(3)),
    ),
    # K1027/1028次, T109/110次: a train's two numbers, one each way, both digit by digit
    rule("train_pair", r"(?<=[A-Z][幺零二三四五六七八九]{3}/)([0-9]{3,4})(?=次)|(?<=[A-Z][幺零二三四五六七八九]{4}/)([0-9]{3,4})(?=次)",
         lambda m: read_digits(m.group(1) or m.group(2), yao=True)),
    # i7-13700K, i5-1135G7, R7-7800X3D, E5-2680v4: a processor's model after its series (Core i3-i9,
    # Ryzen R3-R9, Xeon E3-E7), said digit by digit: the dash is no range (not P12-156, Lv1-100)
    rule(
        "series_model",
        r"(?<![A-Za-z0-9])([iIrReE][3579])-([0-9]{4,5})(?=(?:[A-Za-z][A-Za-z0-9]{0,3})?(?![A-Za-z0-9]|\.[0-9]))",
        lambda m: m.group(1) + " " + read_digits(m.group(2)),
    ),
    rule("memory_speed", r"(?<=DDR[0-9])(X?)-(?=[0-9]{3,5}(?![0-9]|\.[0-9]))", lambda m: m.group(1) + " "),  # DDR5-6000: 六千
    # 5800X3D, 7900XTX, 4070Ti, and 7950X, 13900K, 12400F, 4090D near hardware words: a chip's
    # model, said digit by digit (not 放大1000X, 1920X1080, 色温5000K, 电源1000W)
    rule(
        "chip_model",
        r"(?<![A-Za-z0-9.\-])([0-9]{4,5})(?=(?:X3D|XTX|XT|Ti)(?![A-Za-z0-9])|(?![WVAMTB])[A-Z]{1,2}(?![A-Za-z0-9]))",
        _chip_model,
    ),
    # RTX 4090, ISO 9001, GB 2312, GB 2760-2014: capitals, a space, then a model or standard number
    # (and a standard's year); not TOEFL 100分, AQI 120
    rule(
        "model_number",
        r"(?<![A-Za-z0-9])(?!" + _INDEX_NAMES + "|" + _LAB_NAMES + r")([A-Z]{2,}) ([0-9]{3,})" + _STANDARD_PART_YEAR
        + r"(?![0-9]|\.[0-9])" + _COUNT_AFTER + r"(?! ?(?:W|瓦|位|mAh|Hz|bit))",  # (not PD 100W, RSA 2048位: amounts)
        lambda m: m.group(1) + " " + _standard_number(m, 2),
    ),
    # CVE-2024-3094, WO-2024-000123: a register's name, a year and a serial number, digit by digit, a
    # pause at each dash (not a range of years: 二零二四 三零九四, not 两千零二十四到三千零九十四)
    rule("register_number", r"(?<![A-Za-z0-9-])([A-Z]{2,5})-((?:19|20)[0-9]{2})-([0-9]{3,7})(?![0-9A-Za-z-]|\.[0-9])",
         lambda m: f"{m.group(1)} {read_digits(m.group(2))} {read_digits(m.group(3), yao=True)}"),
    # XX小区3-501, 我住在12-1502, C2-1205, 车位号B2-135: a building (a letter too) and a flat, the flat digit by digit
    rule("building_flat", r"(?<![0-9.A-Za-z-])([A-Z]?)([0-9]{1,2})-([1-9][0-9]{2,3})(?![0-9]|\.[0-9]|-)" + _NOT_COUNTED
         + r"(?!航班|赛车|次|型|系列|战机|度|斤|之间|分钟|名)", _building_flat),
    # 取件码A-3-2105, 货架号A-03-12: a letter, a shelf and a number, each said on its own
    rule("lettered_code", r"(?<![A-Za-z0-9-])([A-Z])-([0-9]{1,2})-([0-9]{2,4})(?![0-9]|\.[0-9]|-)",
         lambda m: " ".join([m.group(1), *(_code_group(group) for group in m.groups()[1:])])),
    # Room 1203, Rm1203: a hotel room's number
    rule("room_number", r"(?<![A-Za-z])(Room|ROOM|room|Rm)\.? ?([0-9]{3,4})(?![0-9]|\.[0-9])",  # (not 1RM 100kg)
         lambda m: m.group(1) + " " + read_digits(m.group(2), yao=True)),
    # +86-10-1234-5678 and other hyphenated digit groups with 7 or more digits; 3-2-501 (building,
    # entrance, flat); 3-2-1 (a countdown)
    rule("hyphenated", r"(?<![0-9.])\+?[0-9]+(?:-[0-9]+)+(?![0-9]|\.[0-9])", _hyphenated),
    # any other run of 11 or more digits
    rule(
        "identifier",
        r"(?<![0-9.])[0-9]{" + str(LONGEST_QUANTITY + 1) + r",}(?![0-9]|\.[0-9])" + _AMOUNT_AFTER,
        lambda m: read_digits(m.group(), yao=True),
    ),
)
