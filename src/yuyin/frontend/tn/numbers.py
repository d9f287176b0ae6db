"""Whatever numbers the specific rules left: 两 before a measure word, ordinals, cardinals,
decimals and negatives; last, any digit still there, one by one.

``2个`` -> 两个 (but 12个, 第2个, 0.2个 keep 二), ``第3`` -> 第三,
``-5`` -> 负五 (after a letter or digit ``-`` is a hyphen: ``B-52`` -> B-五十二), ``007`` ->
零零七.
"""

from __future__ import annotations

import re

from .digits import NUMBER, read_digits, read_number, roman_value
from .rule import Rule, context_before, rule

# Measure words (and 千/万/亿) after which a lone 2 is read 两 (两个, 两点, 两万).
_LIANG_MEASURES = (
    "个位只条张本次天件种点岁块杯层份名人辆台部间双对套项句篇首场节棵朵头匹颗粒片把支根枝"
    "门家所座栋艘架批笔类样口年周星期小时分钟秒斤公里米克吨升倍成万千百亿"
    "瓶碗盒包袋箱趟遍顿页段步圈亩盘碟罐桶壶滴捆串排行伙群届期季室厅卫"
    "集晚夜局封枚幅顶款桌餐盏股道户副扇英磅毫厘板轮针组处声下眼拳册勺匙汤茶尺盎杆站科梯波"
    "卷列刻边旁岸脚格码剂付丸味帖炷柱尊盅轴锭盆株尾挂屉笼拍章"  # (medicine, incense, tea, scrolls, plants, fish, steamers, beats)
    "刀半打瓣撮听提锅扎钵坛例客荤素球冠"  # (cuts, halves, dozens, cans, packs, dishes of meat and greens, goals, titles)
    "喷揿贴壮票宗具挺"  # (sprays and puffs, plasters, moxa cones, votes, cases of land, launchers, guns)
)
LIANG_AFTER = ("(?= ?(?:[" + _LIANG_MEASURES + "]|学分|学时|课时|车道|核(?![酸武弹电能])|线程|房(?!间|号)|居|驱"  # 2学分, 2课时, 挂了2科, 2梯4户, 2车道, 2核
               "|单(?![元位人价号据词品车间独])|字符|度电|日游|立方米|平方米|方(?=[水气电，。、；,.;]|$)|大(?=[0-9一两三四五六七八九]小)|番(?!茄|薯|石榴)|加仑|泵"
               "|[大中](?=[勺碗块杯份瓶袋包盒盘罐桶箱片根条只个口锅壶碟])|篮板|助攻|抢断|盖帽|金(?!额|属|融|牌榜)"  # 2大勺, 2篮板, 2金  # 下了2单, 缩进2字符, 2度电,
               # 2日游, 2大1小, 翻2番 (not 2番茄)
               "|[KMGT]B(?![A-Za-z])|[MG](?=的?(?:流量|内存|运存|显存))"  # 2GB, 2TB, 2G流量, 2G的内存 (not 2G网络, the second generation)
               "|早(?![上晨饭餐点起班期晚市])"
               "|起(?=[事案交火纠诈盗车安类涉同重较]|[，。、；,.;]|$)|发(?=导弹|炮弹|子弹|弹|火箭|鱼雷)"  # 2发导弹 (not 2发成功率)  # 发生2起事故, 共2起 (not 从2起算, 方案2起草)  # 含2早: breakfasts (not 周2早上)
               "|战(?=全|皆|[0-9两二三])|连(?=胜|败|冠|击|跌|涨|板)|罚(?=[0-9两二]中)|出局|中(?<=[罚投]2中)"  # 2战全败, 2连胜, 2罚2中, 2出局
               "|[菜蛋肉粽荤死](?=[0-9一二三四五六七八九十](?:汤|菜|素|荤|奶|蛋|饮|粥|伤))|伤(?<=死2伤)))"  # 2菜1汤, 2死3伤, 1死2伤
               "(?! ?(?:年级|季度|次元|周目|小于|小到|次方|次幂|点击|站台|站口|站牌|科技|科学|科室|科目|科研|梯队|段奶粉|段米粉|段配方|根号|尾号|挂号|盆地|柱状|株洲|尊重|味道|剂量|轴承|付款|笼子|屉柜|把手"
               "|票[价据务房数选]|贴[纸心吧子]|喷[雾泉漆头]|壮[族观大年实丁]|宗[教旨]))")  # 二年级, 2段奶粉: ordinals; x+2小于0, 2√2
"""Lookahead: a measure word follows (after a space too: 您有 2 个新通知), so a lone 2 before it is read 两."""

# 141178万人, 20000万元, 10000-20000万元: ten thousand 万 or more, said in 亿 (十四亿一千一百七十八万, 两亿, 一亿到两亿;
# before money reads 万元), both ends of a range
WAN_OF_WAN = rule("wan_of_wan", r"(?<![0-9.])(?:([1-9][0-9]*) ?[-~～到至] ?)?([1-9][0-9]{4,7})万(?!分之)",
                  lambda m: (read_number(str(int(m.group(1)) * 10000)) + "到" if m.group(1) else "") + read_number(str(int(m.group(2)) * 10000)))
_ALONE_AFTER = r"(?![0-9]|\.[0-9])"
# 1——2——3！, 3——2——1——发射, 10—9—8: a count said aloud, each number on its own (not 5—10分钟: a range; run before ranges)
COUNTED_ALOUD = rule("counted_aloud", r"(?<![0-9.])[0-9]{1,2}(?:—+[0-9]{1,2}){2,}(?![0-9])",
                     lambda m: "、".join(read_number(number) for number in re.split("—+", m.group())))

def _approximate(match: re.Match[str]) -> str:
    """2、3个 -> 两三个, 1、2个 -> 一两个, 3、5天 -> 三五天: two neighbouring numbers or three and five, an estimate
    (else left: 1、3个 is a list)."""
    low, high = match.groups()
    if int(high) != int(low) + 1 and (low, high) != ("3", "5") or re.search("分别|依次|各[得有]?$", context_before(match, 4)):
        return match.group()
    return ("两" if low == "2" else read_number(low)) + ("两" if high == "2" else read_number(high))


_ROMAN = ("XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I")  # longest first

def _list_label(match: re.Match[str]) -> str:
    first, inner, later = match.groups()
    number = first or later
    label = read_number(number) if number else read_number(inner) if inner.isdigit() else inner
    return ("，" if later else "") + label + "、"  # 打开应用 2. 点击登录: a pause ends the item before


RULES: tuple[Rule, ...] = (
    # 预计 1 小时, 还有 1 个路口: a lone 1 spaced from its measure, the space dropped so that 一 is read as a count (yi4 xiao3 shi2;
    # not 第 1 个, an ordinal; nor 1 张*明, 识字1 天地人: a row's number before a name, a label)
    rule("spaced_one", r"(?<=(?<![0-9.,])(?<!第 )1) (?=[个只件条位名次项台辆家周层本]|小时|公里|分钟|米|元|块|岁)", lambda m: ""),
    # 剩余02小时, 还剩03天, 排队等候：03人: a count padded to two digits, said without its zero (两小时, 三天)
    rule("padded_count", r"(?<![0-9.])(?<![0-9]:)0(?=[1-9](?![0-9])\s?(?:[-~～、]\s?0?[1-9][0-9]?\s?)?(?:小时|分钟|天|人|位|个|次|周|家|件|单|张|条|集|话|期|章|季|届|回|课))"
         r"|(?<=[-~～、])0(?=[1-9](?![0-9])\s?(?:集|话|期|章|季|届|回|课))", lambda m: ""),  # 第05-08集
    # 1.本协议, 1）填写, （一）总则, 内容：2.开户, 1. 打开应用 2. 点击登录, 本科；2. 3年经验: a list item's number,
    # then a pause (not 一本协议, nor the （四） of 第（三）、（四）项为, though （一）项目概况 is one; nor 1.3年, a decimal);
    # one after a space in a line ends the item before it (before a digit only after ；: not 增长 2. 5个百分点)
    rule(
        "list_label",
        r"(?:^|(?<=[:：\n；;])) ?(?:([0-9]{1,2})[.、)）]|[(（]([0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]"
        r"(?!(?:[项款条目问题]|小题)(?:[为的中所之和与及至、，。,;；]|规定|$)))(?: ?(?=[\u4e00-\u9fff])| (?=[0-9]))"
        r"|(?<=[\u4e00-\u9fff]) ([0-9]{1,2})[.、)）] ?(?=[\u4e00-\u9fff])",
        _list_label,
    ),
    # 第IV章: a Roman numeral as an ordinal
    rule(
        "roman_ordinal",
        r"(?<=第)(" + "|".join(_ROMAN) + r")(?=[章节卷部条册集期季届回篇课])",
        lambda m: read_number(str(roman_value(m.group(1)))),
    ),
    # III期临床试验, I级响应, II型糖尿病, III度烧伤: a Roman numeral naming a stage, grade or type
    rule(
        "roman_label",
        r"(?<![A-Za-z])(?:(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?=期)|(IV|III|II|I)(?=[级型类度]))",
        lambda m: read_number(str(roman_value(m.group(1) or m.group(2)))),
    ),
    # 肺癌Ⅱ期, 2期工程, 2类疫苗: a stage, phase or class, not a count (分2期付款 is 两期)
    rule(
        "stage_label",
        r"(?:(?<=[癌瘤])[0-9](?=期)|(?<![0-9.])[0-9](?=期(?:工程|项目|临床|试验|患者))|(?<![0-9.])[0-9](?=类(?:疫苗|"
        r"地区|物品|商标|危险品|致癌物|传染病|资质|医疗器械|水质|城市)))",
        lambda m: read_number(m.group()),
    ),
    # 9金4银2铜: medals are counted with 两
    # 温度调高2度, 比昨天低了2度: a change of two degrees (最低2度, a reading, keeps 二)
    rule("degrees_changed", r"(?:(?<=[高低升降])|(?<=[高低升降]了))(?<!最[高低])(?<!最[高低]了)2(?= ?(?:度|℃|°C|摄氏度))"
         r"|(?<![0-9.])2(?=级台阶)", lambda m: "两"),  # (一步跨了2级台阶: two steps)
    rule("medals", r"(?:(?<=[金银])|(?<![0-9.]))2(?=[银铜]|金[0-9])", lambda m: "两"),
    # 2胜1负, 12胜2平3负, 2投1中, 2罚1中: wins, draws, losses and a shooter's attempts are counted with 两 too
    rule("record", r"(?<=[胜平])2(?=[平负])|(?<![0-9.第])2(?=胜(?:[0-9]|[的，。、,]|$)|[投罚][0-9]+中)",
         lambda m: "两"),  # (not 赛季第2胜)
    rule("approximate", r"(?<![0-9.第、])([1-9])、([1-9])" + LIANG_AFTER, _approximate),
    # 2栋3单元, 号楼2门, 地下2层, 小区2期: a label in an address, not a count
    rule("address_label", r"(?:(?<=负)|(?<=号楼)|(?<=小区))2(?=[栋幢门层座期])|(?<![A-Za-z0-9.])(-)2(?=层)"  # -2层: 负二层
         r"|(?:(?<=[在住到去至楼])|(?<=前往)|(?<=到达)|(?<=在地下)|(?<=到地下))2(?=层(?![楼高]))|(?<=[在住])2(?=[栋幢](?![楼房]))"
         # 住在2层, 请前往2层, 航站楼2层, 停在地下2层, 他家在2栋: which floor or block (not 建在2层楼上)
         r"|(?<=[内外])2(?=科)"  # 心内2科: a ward
         r"|(?<![0-9.])2(?=[栋幢座] ?(?:[0-9]{3,4}(?![0-9])|[零幺一二三四五六七八九]{3,4}(?![零一二三四五六七八九十百千万])|[0-9一二三四五六七八九]{1,2}单元))"
         r"|(?<![0-9.])2(?=排 ?(?:[A-L](?![A-Za-z])|[0-9一二三四五六七八九十]{1,3} ?[号座]))"  # a seat's row: 2排A座, 2排3号
         r"|(?<=[排厅])2(?=[座排号])|(?<![0-9.])2(?=厅 ?[0-9]{1,2}排)|(?<=[超图科楼血查疗术议到])2(?=室(?!一厅|[0-9一两三四]厅))"
         # 5排2座, 1厅2排, B超2室, 检验科2室, 请到2室: a seat, a hall, a room called to (not 2室1厅, a flat's rooms)
         r"|(?:(?<=[播影到是])|(?<=影厅))2(?=厅)|(?<=[东南西北从])2(?=门)|(?<=请)2(?=道)|(?<![0-9.])2(?=道的?选手)|(?<![0-9.])2(?=排长)",
         # 演播2厅, 请从2门进入, 西2门, 2道选手, 2排长: a hall, a gate, a lane, a platoon
         lambda m: "负二" if m.group(1) else "二"),  # (not 2栋3层的小楼, 2座5A级景区, 2门课, 地上30层、地下2层, 排了2排队)
    # 2女1男, 3男2女: two people of a group; 买入2手, 加仓2手: two lots of shares (not 2手房, second-hand)
    rule("liang_of_group", r"(?<![0-9.])2(?=[男女][0-9一两三四五六七八九十])|(?<=[0-9][男女])2(?=[男女])"
         r"|(?:(?<=买入)|(?<=卖出)|(?<=加仓)|(?<=减仓)|(?<=持有)|(?<=我有))2(?=手)", lambda m: "两"),
    # 商场2层, 电梯直达2层, 国贸2期: a floor or a phase of a place, named (not 停车场共2层, 分2期付款: counts)
    rule("second_of_a_place", r"(?<=[场厦楼店城园苑贸到达])2(?=层(?!楼|高))|(?<=[城园苑贸])2(?=期)", lambda m: "二"),
    # 第39条2款, 劳动合同法39条2款: a clause of an article, an ordinal without its 第 (not 本条共2款, 买了3条2款裙子: counts)
    rule("clause_of_article", r"(?<=[0-9]条)([0-9]{1,2})(?=[款项])",
         lambda m: read_number(m.group(1)) if re.search("第|法|条例|规定|办法|细则|章程|解释", context_before(m, 12)) else m.group()),
    # 2个 but not 第1、2名 (an ordinal's list)
    # 2类账户, 2类疫苗: a class named by its number, 二 (not 2类人, 这2类账户, 以下2类卡: two kinds)
    rule("second_class", r"(?<![0-9.这那共有、下为])2(?=类(?:账户|户|卡|疫苗|资质|地区|城市|医疗器械|商标|物品|危险品))", lambda m: "二"),
    rule("liang", r"(?:(?<![A-Za-z0-9.])(-)|(?<!(?<![A-Za-z0-9.])-))"  # a minus read with it: -2个 负两个
         r"(?<![0-9.第A-Za-z])(?<![0-9]、)(?<![0-9A-Za-z第图表例题] )(?<!步骤 )(?<!选项 )(?<!方案 )(?<!附件 )"
         r"(?<!问题 )(?<!版本 )(?<!模式 )(?<!阶段 )(?<!排名 )(?<!名次 )(?<!排第 )2(?!(?<=等于2)时|(?<=押2)付|(?<=比2)小(?!时))(?:" + LIANG_AFTER + "|(?=日内(?!瓦)|日之内|个工作日)"
         r"|(?= ?[至到或] ?[0-9]{1,4}" + LIANG_AFTER + "))",  # 2至3名, 招聘2到5人, 2或3人: the low end of a count
         lambda m: "负两" if m.group(1) else "两"),  # not B2层, 第 2 个, 步骤 2 点击, 当x=2时, 押2付1; 2日内 (two days); B-2个: a hyphen
    rule(
        "cardinal",
        r"(?:(?<![A-Za-z0-9.)）])-)?(?<![0-9.])" + NUMBER + _ALONE_AFTER,  # (f(x)-1: a subtraction, read with the signs)
        lambda m: read_number(m.group()),
    ),
    rule("digits", r"[0-9]+", lambda m: read_digits(m.group())),
)
