"""Tone changes of connected speech: neutral tones, 一 and 不 sandhi, third-tone sandhi.

Owns the rules that change a syllable's tone because of its neighbours; the syllables
themselves were chosen before (lexicon, polyphones). Each pass changes :class:`Word` lists in
place and leaves EXACT words (inline overrides) alone:

* :func:`neutral_tones`: particles (吗 呢 吧 ...) and the second syllable of reduplicated
  kinship nouns and verbs (妈妈 ma1 ma5, 看看 kan4 kan5, 玩儿玩儿 wanr2 wanr5);
* :func:`yi_bu_sandhi`: 一 is yi1 when counted, ordinal, final, a decimal's or an hour's (一九,
  第一, 统一, 一点五, 下午一点, 一点开会) or a code's digit beside letters (H1N1, B1, 1TB), yi5
  between a reduplicated verb (看一看), else yi2 before a fourth tone and yi4 before others;
  不 is bu5 in A不A and V不C (是不是, 受不了, 看不出来), bu2 before a fourth tone, else bu4;
* :func:`third_tone_sandhi`: within one prosodic word, a third tone before a third tone
  becomes second, following the word's inner structure (展览馆 zhan2 lan2 guan3, 小老虎 xiao3
  lao2 hu3), and across its words from right to left (我很好 wo3 hen2 hao3).
"""

from __future__ import annotations

from collections.abc import Sequence

from .word import EXACT, HAN, LATIN, Word, tone, with_tone
from .words import COMMON_SURNAMES, is_noun, is_word

PARTICLES = frozenset("吗呢吧啊呀哇啦嘛呗哦喔咯嘞么")
INTERJECTIONS = {"啊": ("a4", "a2"), "呀": ("ya1", "ya1"), "哇": ("wa1", "wa1"), "哦": ("o4", "o2"), "喔": ("o1", "o1"),
                 "嗯": ("n4", "n2"), "哈": ("ha1", "ha2"), "诶": ("ei1", "ei2"), "欸": ("ei1", "ei2")}
KINSHIP = frozenset("妈爸哥姐弟妹爷奶姥叔舅婶伯公婆娃星猩太宝姑")  # kinship and a few nouns
REDUPLICATED = KINSHIP | frozenset("看说想试听走问找聊谈坐学练尝闻摸猜写读洗笑逛转歇帮查算玩动瞧")  # and verbs
_DIGITS = "零一二三四五六七八九"


def neutral_tones(words: Sequence[Word], asking: bool = False, exclaiming: bool = False, pausing: bool = False) -> None:
    """Particles and reduplicated kinship nouns and verbs get the neutral tone; a particle that
    is a clause by itself is an interjection, in its own tone (啊！ a4, 啊？ a2 where the clause
    is ``asking``, 哇 wa1), and so is one that opens a clause (哇好漂亮; 嗯 only before a pause, not
    嗯我觉得) or makes a sound (哇的一声); 哪 is the particle na5 where the text is ``exclaiming``
    (ends with ！) or ``pausing`` (ends with a comma) as :func:`_na_particle` says."""
    if len(words) == 1 and words[0].kind == HAN and words[0].text in INTERJECTIONS:
        calm, asked = INTERJECTIONS[words[0].text]
        words[0].syllables[0] = asked if asking else calm
        return
    for index, word in enumerate(words):
        if word.kind != HAN or word.user:
            continue
        text = word.text
        if text in INTERJECTIONS and (index == 0 and (text != "嗯" or word.break_after >= 2) or _sound_made(words, index)):
            word.syllables[0] = INTERJECTIONS[text][0]
        elif len(text) == 1 and text in PARTICLES or _na_particle(words, index, exclaiming, pausing):
            word.syllables[0] = with_tone(word.syllables[0], "5")
        elif len(text) == 2 and text[0] == text[1] and text[0] in REDUPLICATED:
            word.syllables[1] = with_tone(word.syllables[1], "5")
        elif _repeats_with_erhua(words, index):
            word.syllables[0] = with_tone(word.syllables[0], "5")  # 玩儿玩儿 wanr2 wanr5, cut in two words
        else:  # 老爷爷, 爷爷奶奶: a kinship pair inside a longer word
            for i in range(1, len(text)):
                if text[i] == text[i - 1] and text[i] in KINSHIP and (i == 1 or text[i - 2] != text[i]):
                    word.syllables[i] = with_tone(word.syllables[i], "5")


def _repeats_with_erhua(words: Sequence[Word], index: int) -> bool:
    """Whether the word at index is a verb with erhua repeating the word before it, with no pause
    between: 玩儿|玩儿 (not 好好儿, 慢慢儿: one word; not 玩儿，玩儿)."""
    text = words[index].text
    return (index > 0 and len(text) == 2 and text[1] == "儿" and text[0] in REDUPLICATED
            and words[index - 1].text == text and words[index - 1].break_after == 0)


def _na_particle(words: Sequence[Word], index: int, exclaiming: bool, pausing: bool) -> bool:
    """Whether 哪 at index is the particle na5: ending an exclamation (快看哪！, 多好的人哪！) or after a noun before a
    pause (钱哪，, 同志们哪，); not which or where (你要哪, 你去哪？, 在哪！, 走到哪算哪). ``exclaiming``, ``pausing``: the
    text ends with ！, or with a comma (its last word then ends a clause)."""
    word = words[index]
    if word.text != "哪" or index == 0 or words[index - 1].kind != HAN:
        return False
    before = words[index - 1].text
    last = index == len(words) - 1
    named = is_noun(before) or before.endswith("们") or before in ("钱", "天", "人")
    return (last and exclaiming and before[-1] not in _WHERE_TO
            or (last and pausing or not last and word.break_after >= 2) and named)


_WHERE_TO = "去在住到是从往回搁放藏跑走飞逃躲坐站停上"


def _sound_made(words: Sequence[Word], index: int) -> bool:
    """Whether the particle at index is a sound someone makes: 哇的一声, 啊地一声, “嗯”了一声."""
    following = "".join(word.text for word in words[index + 1 : index + 4]).lstrip("”\"」』’'")
    return following.startswith(("的一声", "地一声", "的一下", "地一下", "了一声"))


def _positions(words: Sequence[Word]) -> list[tuple[int, int]]:
    return [(w, s) for w, word in enumerate(words) for s in range(len(word))]


def yi_bu_sandhi(words: Sequence[Word]) -> None:
    """一 and 不 sandhi over the whole unit (see the module docstring)."""
    positions = _positions(words)
    for index, (w, s) in enumerate(positions):
        word = words[w]
        if word.kind != HAN or word.graphemes[s] not in ("一", "壹", "不"):
            continue
        before = _neighbour(words, positions, index, -1)
        after = _neighbour(words, positions, index, +1)
        if word.graphemes[s] == "一" and _in_code(words, positions, index):
            word.syllables[s] = "yi1"  # a digit of a code: H1N1, B1, Q1, 1TB (not APP一打开, bug一直)
        elif word.graphemes[s] in ("一", "壹"):  # 壹: the financial numeral, 壹佰元
            beyond = _neighbour(words, positions, index + 1, +1) if after is not None else None
            earlier = _neighbour(words, positions, index - 1, -1) if before is not None else None
            word.syllables[s] = _yi(word, s, before, after, beyond, earlier)
        else:
            earlier = _neighbour(words, positions, index - 1, -1) if before is not None else None
            beyond = _neighbour(words, positions, index + 1, +1) if after is not None else None
            word.syllables[s] = _bu(word, s, before, after, earlier, beyond)


def _in_code(words: Sequence[Word], positions: list[tuple[int, int]], index: int) -> bool:
    """Whether the syllable at index is a digit of a code: with no pause between, letters
    follow it (1TB, H1N1) or a word of one or two letters comes before it (B1, Q1, H1N1流感);
    after a longer word, or before a word that 一 begins (AI一键, PK一下), it is the number of
    the Chinese that follows (APP一打开, PPT一共)."""
    def latin(step: int) -> Word | None:
        if _neighbour(words, positions, index, step) is None:
            return None
        word = words[positions[index + step][0]]
        return word if word.kind == LATIN else None

    before = latin(-1)
    after = _neighbour(words, positions, index, +1)
    starts_word = after is not None and after[0] in _YI_WORD_ENDS
    return latin(+1) is not None or (before is not None and len(before.text) <= 2 and not starts_word)


_YI_WORD_ENDS = frozenset("下键直样定些般共切同旦边致")  # 一下, 一键, 一直, 一样, 一定, 一般... (not G1次, Q1起)


def _neighbour(
    words: Sequence[Word], positions: list[tuple[int, int]], index: int, step: int
) -> tuple[str, str] | None:
    """(grapheme, syllable) next to ``index`` in the same clause, or ``None``."""
    other = index + step
    if not 0 <= other < len(positions):
        return None
    w, s = positions[index if step > 0 else other]
    if s == len(words[w]) - 1 and words[w].break_after >= 2:
        return None  # a pause (comma, 、, space) lies between them
    w, s = positions[other]
    return words[w].graphemes[s], words[w].syllables[s]


def _bought_and_given(prev: str, after: str, following: str) -> bool:
    """一 of an offer, bought then given: 买一送二, 拍1发2, 充一赠三 (not 他一发两条朋友圈, 一送两年, 下一发:
    at once, the next shot)."""
    return prev in _BUY and after in "送赠发" and bool(following) and following in _DIGITS + "十两"


_BUY = frozenset("买拍购订充存")


# Surnames that open a name jieba makes up from three characters (王一博); not those that also open words with 一
# (周一, 高一, 任一, 万一, 向一, 于一)
_SURNAMES = COMMON_SURNAMES - frozenset("周高任万于金石廖方白龙向")
# What one does as soon as something happens, after a surname and 一 (王一看，吓了一跳; 夏一到): no given name
_AS_SOON_AS = "看想摸笑到问说听走拍叫喊跳跑坐站吃喝打拿抬转回瞧瞅望见进出来去"


def _yi(word: Word, s: int, before: tuple[str, str] | None, after: tuple[str, str] | None,
        beyond: tuple[str, str] | None = None, earlier: tuple[str, str] | None = None) -> str:
    """beyond: the character after ``after``; earlier: the one before ``before``."""
    prev = before[0] if before else ""
    following = beyond[0] if beyond else ""
    priced = bool(earlier) and earlier[0] in "块毛角" and after is not None and after[0] in MEASURES
    if after is None or not after[0] or (prev == "第" and (after[0] not in "百千万佰仟" or following == "货")) or (
            prev and prev in _DIGITS + "十" and not priced and not (
                prev == "零" and (not earlier or earlier[0] != "点") and _leads_a_number(after[0], following))) or (
            word.text in _YI_KEPT or word.text.startswith("一流")):  # fmt: skip
        return "yi1"  # (not 两块五一斤: a price, then one jin; nor 第一百: the ordinal's number); 一把手, 一流
    given = word.graphemes[2] if s == 1 and len(word) == 3 else ""
    if given and word.graphemes[0] in _SURNAMES and given not in MEASURES and given not in _AS_SOON_AS and (
            given != word.graphemes[0]) and not is_word(word.text):  # fmt: skip
        return "yi1"  # a given name that jieba made a word: 王一博, 李一桐 (not 王|一个人)
    if prev == "点" and earlier and earlier[0] in _DIGITS + "十两百千万" and word.text not in _LITTLE_BY_LITTLE and (
            after[0] != "刻"):  # fmt: skip
        return "yi1"  # a decimal's digit: 三点一元, 零点一毫升 (not 三点一刻)
    if after[0] == "点" and _the_hour(prev, following) and word.text not in _LITTLE_BY_LITTLE:
        return "yi1"  # a number or the hour: 一点五, 一点半, 下午一点, 一点开会 (not 一点儿, 快一点, 一点一滴)
    a_size = prev in ("大", "小") and after[0] == "号" and (not following or following not in "线楼房床位院" + _DIGITS)
    if after[0] in _DIGITS + "杠" or (after[0] in "月号楼" and not a_size) or (prev in ("月", "今", "昨", "明") and after[0] == "日") or (
            prev in ("图", "表") and after[0] == "所" and following in ("示", "列")):  # fmt: skip
        return "yi1"  # 一九九八, 一杠二 (1-2), 一月, 一号线, 一楼, 五月一日, 今（1）日, 如图1所示 (not 小一号的鞋: a size smaller)
    if prev == "大" and (after[0] in "学新时那" or (after[0] in "上下的" and following and following in "学时")):
        return "yi1"  # the first year at university: 大一学生, 大一新生, 大一那年, 大一下学期, 大一的时候
    if _ordinal(prev, after[0], following, earlier[0] if earlier else "") or (after[0] == "层" and prev == "下" and earlier and earlier[0] == "地") or (
            before is not None and before[1] == "ju1" and after[0] in "进退平"):  # fmt: skip (车一平二: a chariot's move, not 车一进三环)
        return "yi1"  # 一年级一班, 一季度, 一线城市, 一级警报, 一审, 一汽, 请按1查询, 一单元, 一型, 地下1层
    if prev == "周" and earlier and earlier[0] in "每上下本这" and after[0] not in _NOT_MONDAY and (
            after[0] != "周" or following in _WEEKDAYS):  # fmt: skip
        return "yi1"  # Monday: 每周一下午, 下周一升旗, 每周一周三 (not 每周一次, 这周一直, 下周一定, 这周一周都: a whole week)
    if prev == "万" and s == 1 and word.text.startswith("万一") and after[0] not in "千百":
        return "yi1"  # 万一 (in case) that the segmenter joined to the next: 万一出|了事 (not 十万一千, 几万|一个)
    if prev in ("统", "唯") and (not earlier or earlier[0] not in "系传血正"):
        return "yi1"  # a word ending in 一 that the segmenter joined to the next: 统一|行动 (not 系统一旦)
    if after[0] in "送赠" and following == "一" or _bought_and_given(prev, after[0], following) or (
            after[0] == "是" and (following == "一" or not prev)) or (
            after[0] == "说" and following == "一" and prev == "有"):  # fmt: skip
        return "yi1"  # the number itself: 买一送一, 拍一发二, 一是一, 有一说一; a clause's first point: 一是加强管理，二是…
    if prev in "百千万亿" and after[0] == "十":
        return "yi1"  # the tens of a number: 一百一十二, 三百一十五 (not 一千一百: yi4 before 百)
    if prev == "加" and earlier and earlier[0] in "TD" + _DIGITS and after[0] != "个" and after[0] not in "百千万亿":
        return "yi1"  # a settlement day or an operand: T+1交易, D+1到账, 1+1套装 (not 8+128G: 一百)
    if prev == "扣" and after[0] in "的参领抽报":
        return "yi1"  # the digit typed into a live chat: 扣1参与, 扣1的宝宝, 扣1领券 (not 扣一分, 扣一下, 扣一顶帽子)
    if after[0] + following == "表示" and not prev or prev in _VALUE_ENDS and after[0] + following in ("表示", "代表"):
        return "yi1"  # a value's meaning: 1表示成功，0表示失败, 参数1表示, 返回值1代表 (not 一代表团, 选出一代表)
    if prev in _VALUE_ENDS and after[0] in "即和为是还" or (after[0] == "以" and following == "后" and prev in "加减乘除"):
        return "yi1"  # a value: 设为1即可, 参数1和参数2, 等级1为最低, 选项1是错的, 选1还是2, 加1以后
    if prev == "付" and earlier and earlier[0] in _DIGITS + "两" or prev == "押" and after[0] == "付":
        return "yi1"  # a deposit and a rent: 押一付一, 押二付一也行
    if after[0] in "就或最" or (after[0] == "后" and prev in "加减乘除") or (
            after[0] == "时" and prev == "为" and earlier and earlier[0] in "值于"):  # fmt: skip
        return "yi1"  # a value: 设为1就行, 减1就是, 选1或2, 等级1最低, 加1后, 值为1时 (not 一时糊涂)
    if after[0] in "到至" and following and following in _DIGITS + "十两":
        return "yi1"  # the low end of a range of numbers: 一到三月, 一至三号, 一到两天
    if prev == "之" and earlier and earlier[0] == "分" and after[0] not in "百千万亿":
        return "yi1"  # a fraction's numerator: 四分之一杯, 万分之一秒
    if prev == "比" and earlier and earlier[0] in _DIGITS + "十" and after[0] not in "百千万亿":
        return "yi1"  # a score's or ratio's one: 三比一领先 (not 比一般, nor 一百 in 113比105)
    if prev == after[0] == "分" and earlier and earlier[0] in "评得扣打积比总满获":
        return "yi1"  # a score of one: 评分一分, 得分一分 (not 分一分: share out)
    if after[0] == "世" and prev and prev in "白得仑理治廉斯华利娜特鲁尔克夫丁力" and (not following or following in "的，。、在于是和与时统继即"):
        return "yi1"  # a monarch's number: 伊丽莎白一世, 彼得一世的 (not 一生一世, 这一世, 一世英名)
    if after[0] in "和与" and following and following in _DIGITS + "十" and (not prev or prev not in "统唯万之"):
        return "yi1"  # the number: 1和9合起来是10, 一与二 (not 统一和)
    if after[0] == "又" and following and following in _DIGITS:
        return "yi1"  # a mixed number: 一又二分之一
    if after[0] in "加减乘除等比" and prev != after[0] and not (beyond and after[0] + beyond[0] == "加仑"):
        return "yi1"  # an operand: 一加一等于二, 一乘三, 一比一, 一等奖 (not 等一等, 一加仑: a gallon)
    if len(word) > 1 and s == len(word) - 1 and is_word(word.text) and after[0] not in MEASURES and after[0] not in "百千万亿" and not (
            word.text.endswith("之一") and earlier and earlier[0] == "为") and not (
            len(word) == 3 and word.graphemes[0] == "一" and word.graphemes[1] not in "对比加减乘除等"):  # fmt: skip
        return "yi1"  # 统一, 唯一, 之一, 万一, 一对一 (not 看一|本书, 一摇一|摆: words the segmenter cut short; not 百分之一百;
        # not 人一|起来, a word the segmenter made up)
    if after[0] == "不" and following and following in "做二":
        return "yi1"  # the number: 一不做，二不休, 说一不二
    if prev and prev == after[0]:
        if following and following in _DIGITS:
            return "yi1"  # counting: 数一数二
        # not 一步一步, 一天一天 (one step after another), nor 今年一年里, 美国一国 (a word ending in a measure or 国,
        # then one of it; 盘一盘, 对一对, 包一包: a verb that is also a measure, tried)
        if (not earlier or earlier[0] != "一") and following != "仑" and not (
                (prev in MEASURES or prev == "国") and earlier and is_word(earlier[0] + prev)) and not (
                earlier and is_noun(earlier[0] + prev)):  # (not 火箭一箭双星, 等级一级: a noun, then one of it)
            return "yi5"  # 看一看 (not 加一加仑: a gallon)
    return "yi2" if tone(after[1]) in "45" else "yi4"


def _leads_a_number(after: str, following: str) -> bool:
    """Whether 一 before after, then following, counts hundreds or more (一万零一百, 一万零一千二;
    not 一百零一千克, whose 一 ends its number before the unit 千克)."""
    return after == "百" or after in "千万亿" and (not following or following in _DIGITS + "两")


def _ordinal(prev: str, after: str, following: str, earlier: str = "") -> bool:
    """Whether 一, between prev and after (then following), names the first of a series: a
    school year or class (一年级一班), a quarter (一季度), a tier (一线城市, 一级警报, 一级应急响应,
    一级医院), a trial's phase (一期临床), a type or class (1型糖尿病, 一类疫苗), a block's first
    entrance (一单元), a first trial (一审), FAW (一汽), the key to press on a phone menu or the
    digit to reply with or type (请按1查询, 按1键, 按1#, 按1或2, 回复1确认, 回复1退订, 输入1确认, 选1进入), a city's first school
    (市一中) or a label of an address or route: building, gate, floor, phase, ring road, section,
    (1栋301, 东1门, 商场1层, 负一层, 小区一期, 一期项目, 一环路, 南路一段; not 一栋楼, 一座三层小楼,
    一座单孔桥, 一门课, 一层楼, 剩下一层油, 节目一期); in the news: a plenum (一中全会), the first Party congress
    (中共一大, 一大代表), the First World War (一战结束后; not 一战成名), one o'clock (凌晨1时, 1时30分; not 一时糊涂),
    a bus route (1路公交车), a state of readiness or a hero's rank (一级战备), first-tier universities (一本线), the
    first session (人大一次会议; not 开了一次会议), a TV channel (央视1套), a formula's stage (1段奶粉), the front
    line (一线员工, 奋战在一线), first gear (挂1挡, 一挡起步; not 一档节目), a development's first phase
    (一期已经卖完了, 一期二期); a lead role (一番女主, 女一是谁, 男二比男一帅); on a building site: 一层为商铺, 一级配电箱, 一类高层建筑, 一区、二区,
    一标段, 一车间; a hospital or school by its number (市一院, 市一医院, 区一小), a carriage or platform (1车厢, 1站台), a table
    or an attachment (表1里, 附件1里, Sheet1里, 图1是, 例1中), a tier of a utility's prices (一档电价), a bus route
    (坐1路, 1路、2路, 1路末班车), a building after its area (A区1栋), a room or a hall called to (请到1室, B超1室, 一诊室,
    演播1厅; not 到一室一厅), evidence and a plan (证据1足以证明, 方案1为首选, 附件1至附件5; not 证据一并, 据一工作人员),
    a game's first skill, base or round (一技能, 一垒, 一周目), a chess piece's file (马一进三; 车一平二 in _yi), the first day's weather (初一天气), a fan's first
    speed (调到一档, 一档风), top energy efficiency (一级能效), a numbered room (卧室1的灯), a city bus (公交1路, 夜1路),
    a first-tier university (一本院校), a first interview (技术一面, HR一面) and a first year (研一在读)."""
    pair = after + following
    return (pair in _ORDINAL_PAIRS or (after == "级" and not (prev in ("上", "下") and not (earlier and earlier in "考评晋升选列划定")) and (bool(following) and following in "警响保应医动配钢负建战英部菜目供运演教能军飞士"
                                                        or not following and not (prev and prev in "升降加高低调跳差隔")  # 风力一级 (not 提升一级, 再降一级, 只差一级)
                                                        or bool(following) and following in "公标风水服预" and not (prev and prev in "高低升降")))
            or (after == "型" and following != "号") or (after == "类" and following in "疫地商资城高防")
            or (after == "班" and (prev == "级" or bool(following) and following in "和与的同学")) or (after == "审" and prev != "审")
            or (after == "汽" and following != "车") or (prev in ("按", "复", "入", "选") and after in "键号井星或查进转返继重结确取退订参领即办收听开拨")
            or (after == "中" and (bool(prev) and prev in "市县区省" or following == "全"))
            or ((after in "院小" or pair == "医院") and bool(prev) and prev in "市县区省")
            or (after in "栋幢座" and (bool(following) and following in "幺零" or prev == "区" and (not following or following in "、和与的")))
            or (after == "门" and bool(prev) and prev in "东西南北楼栋")
            or (after == "层" and (bool(prev) and prev in "场厦楼负座栋店" or bool(following) and following in "为大、"
                                   or prev == "元" and earlier == "单" or prev in ("到", "达") and earlier in ("请", "直", "回", "送", "梯", "先", "再")))
            or (after == "期" and (bool(prev) and prev in "区程贸城园苑" or bool(following) and following in "临项投建二已"))
            or (after == "段" and (prev == "路" or following in ("奶", "米", "配"))) or (after == "环" and following == "路")
            or (after == "大" and (prev == "共" or following in ("到", "会", "代")))
            or (after == "战" and bool(following) and following in "结期后前时和爆中以")
            or (after == "时" and (bool(following) and following in _DIGITS + "十许整" or bool(prev) and prev in "晨午间夜"))
            or (after == "路" and (bool(following) and following in "公车汽电、和与末可都" or bool(prev) and prev in "坐乘转、交夜快线班游专光"
                                   or prev == "环" and earlier in ("坐", "乘", "交", "转", "到", "至", "、")))  # 乘坐环1路 (not 内环一路向北)
            or (after in "款项" and prev == "条")  # 第39条1款, a clause of an article
            or (after == "级" and following == "转")  # 南风1级转2级: a wind's force
            # 于1日上午, 自1日起, 3日、1日: the 1st (not 一日上班八小时, 某一日上午, 成人一日至少)
            or (after == "日" and following in ("上", "晚", "凌", "起", "至", "、", "夜", "零") and prev in ("于", "在", "自", "从", "至", "到", "、", "计", "间"))
            or (after == "日" and prev == "间" and earlier == "时" and following not in ("比", "日", "一"))  # 当地时间1日16时 (not 住院期间一日三餐,
            # 时间一日比一日紧迫)
            or (after == "传" and following in ("到", "率", "不", "成", "质", "好", "差"))  # 一传到位 (a first pass; not 一传就)
            or (after == "车" and (following == "是" or following == "厢" and bool(prev) and prev in "到在从去"))
            or (after == "站" and following == "台" and prev not in ("下", "上", "每", "这", "那", "同"))
            or (after == "里" and bool(prev) and (prev in "表图件" or prev.isascii() and prev.isalpha()))
            or (bool(prev) and (prev in "图表例式件项室" or prev.isascii() and prev.isalpha()) and after in "是就中所的和与为并工至第")
            or (bool(prev) and prev in "单案" and after in "是就中所的和与为至第") or (prev == "据" and after in "足予是的和与至")
            or (after in "室厅" and bool(prev) and prev in ("到超图科楼血查疗术议" if after == "室" else "到播影是")
                and following not in ("一", "之")) or (after == "诊" and following == "室")
            or (after == "技" and following == "能") or after == "垒" or pair == "周目"
            or (bool(prev) and prev in "马炮相象仕士兵卒帅将" and after in "进退平" and bool(following) and following in "一二三四五六七八九")
            or (after == "次" and following == "会" and bool(prev) and prev in "大协届")
            or (after == "套" and prev == "视")
            or (after == "线" and (bool(following) and following in "员工医品" or not following))
            or (after in "挡档" and (bool(prev) and prev in "挂到速" or bool(following) and following in "起和、电水气用风"))
            or (after == "区" and following in "、和与")
            or (prev == "初" and (after in "送是的早晚到前后，、" or pair == "天气"
                                  or bool(earlier) and earlier in "月正腊冬" and after not in "定直样般切向旦共"))  # 十月初一寒衣节 (not 月初一定要还款)
            or (after == "标" and following == "段") or (after == "车" and following == "间")
            or (after == "番" and bool(following) and following in "女男主")
            or (bool(prev) and prev in "男女" and after not in MEASURES and after not in "人生")
            or (after == "面" and (bool(following) and following in "、和" or bool(prev) and (prev in "术终" or prev.isascii() and prev.isalpha())))
            or (after == "在" and following == "读" and bool(prev) and prev in "大研高初")
            or (after in "营团旅连" and bool(following) and following in "长营团旅连排" and not (prev and prev in "这那哪每")))
            # 一营营长, 一团团长 (not 一连三天, 一排长椅, 这一营营长)


_YI_KEPT = frozenset("一把手 一流 三重一大 一姐 一哥 一血 都一处".split())  # the head, first-class, the "three majors and one
# large" rule, first blood, a Beijing restaurant
_VALUE_ENDS = frozenset("数值码回为负级项填选设")  # 参数1表示, 返回值1代表, 错误码-1表示, 返回1表示, 设为1表示
_ORDINAL_PAIRS = frozenset(("年级", "季度", "线城", "单元", "期工", "本线", "本录", "本批", "本院", "季报", "手房", "线队", "教楼"))
_NOT_MONDAY = "次回趟遍天个篇节顿场本直点起定切片期封部份小共"  # 每周一次, 这周一直, 下周一定, 每周一封信
_WEEKDAYS = "二三四五六日天"  # 每周一周三: Monday, then another day of the week (not 这周一周都: a whole week)


def _the_hour(prev: str, following: str) -> bool:
    """Whether 一点, between prev and following, is a number or one o'clock rather than "a bit":
    after a time of day (下午, 凌晨, 明天, 半夜) or before minutes, 半 or what is done at an hour
    (一点开会, 一点出发, 一点前, 一点左右), not after a word of degree (快一点, 差一点) and not
    before 点 or 儿 (一点点, 一点儿)."""
    if following and following in _DIGITS + "十":
        return True  # 有一点二万, 一点十分
    if prev in _DEGREE or following in ("点", "儿"):
        return False
    return prev in _TIME_OF_DAY or bool(following) and following in _AT_THE_HOUR


_TIME_OF_DAY = frozenset("午晨天夜")  # 下午, 凌晨, 明天, 半夜
_AT_THE_HOUR = "半钟整前后左以之开出到集见起结截"  # 一点半, 一点钟, 一点前, 一点左右, 一点以后, 一点开会...
_DEGREE = frozenset("快慢多少早晚大小高低好差近远轻重稍再有这那了得")  # 快一点, 差一点, 有一点
_LITTLE_BY_LITTLE = frozenset(("一点一滴", "一点一点"))
_NUMBER_CHARS = frozenset("零一二两三四五六七八九十百千万亿几")
MEASURES = frozenset("个本条张只次位件种天年岁块杯份名辆台部间双对套项句篇首场节棵朵头匹颗粒片把支根门家所座栋"
                      "艘架批笔类样口周斤米克吨升倍瓶碗盒包袋箱趟遍顿页段步圈亩盘")


def _bu(word: Word, s: int, before: tuple[str, str] | None, after: tuple[str, str] | None,
        earlier: tuple[str, str] | None = None, beyond: tuple[str, str] | None = None) -> str:
    """earlier: the character before ``before``; beyond: the one after ``after``."""
    if word.text == "可不是" and s == 1 and (beyond is None or beyond[0] in "嘛吗吧啊呀呢么"):
        return "bu5"  # the reply 可不是(嘛)！ (not 这可不是小事)
    if after is None or not after[0]:
        return "bu4"
    if before and before[0] == after[0] and not (earlier and earlier[0] and earlier[0] in "一不"):
        return "bu5"  # 是不是, 好不好 (not 一动不动: one A, then not A; not 不行不行: not A, twice)
    if s == 1 and word.graphemes[0] not in _NOT_VERBS and (word.text[2:] not in ("多", "少") or word.text == "差不多") and (
            len(word.text.removesuffix("儿")) == 3 and (is_word(word.text.removesuffix("儿")) or word.text[2] in _COMPLEMENTS)
            or word.text[2:] in _DIRECTIONS):  # fmt: skip
        return "bu5"  # 受不了, 对不起, 来不及, 差不离儿, 看不出来, 站不起来 (not 君不见, 一不做, 真不错, 人不知, 身不露, 可不是, 水不多: words
        # the segmenter joined)
    if word.text == "不了" and s == 0 and before and before[0] not in _NOT_VERBS + "时":
        return "bu5"  # V不了 cut after its verb: 吃|不了, 走|不了 (not 我不了, 就不了, 暂时不了: I'll pass; 时不常 keeps bu5)
    return "bu2" if tone(after[1]) == "4" else "bu4"


# What completes a V不C that jieba made up (吃不完, 搬不动); not a word of its own after 不 (卧不安, 脚不露, 脾不统血: not)
_COMPLEMENTS = frozenset("了起见到完动住着开掉下上出去来进回懂清透成好够及过惯得赢倒走饱醒满准稳对错通定消拢快远久"
                         "紧松干净亮熟烂碎破断齐匀全光深高离白")
# the directional complements of two syllables after V不: 看不出来, 站不起来, 想不起来, 拿不下来
_DIRECTIONS = frozenset("出来 出去 起来 上来 上去 下来 下去 进来 进去 回来 回去 过来 过去 开来".split())
# before 不, no verb of V不C; 们咱您先是天年次在前: pronouns and words of time, 我们|不了, 今天|不了 (I'll pass), 前不久;
# 岳不群, 吕不韦: names; 卧不安 (坐卧不安: a word of jieba's, not V不C)
_NOT_VERBS = "君一二我你他她也并决绝毫永海真很挺太还都最更人身可就们咱您先是天年次在前岳吕卧"


def third_tone_sandhi(words: Sequence[Word], groups: Sequence[Sequence[int]]) -> None:
    """3-3 -> 2-3 inside each prosodic word, then across a light boundary (#1) before a pronoun
    that leans on the verb before it (我想|你了 xiang2) and between a number and the measure word
    that begins the next (十五|把剑 wu2, 五|本书); ``groups`` lists the word indices of each."""
    for group in groups:
        members = [words[i] for i in group]
        for word in members:
            if word.kind == HAN:
                _inside(word, 0, len(word))
        for left, right in reversed(list(zip(members, members[1:]))):
            if left.kind != EXACT and right.kind != EXACT and left.syllables and right.syllables:
                if tone(left.syllables[-1]) == "3" and tone(right.syllables[0]) == "3":
                    left.syllables[-1] = with_tone(left.syllables[-1], "2")
    for left, right in zip(groups, groups[1:]):
        last, first = words[left[-1]], words[right[0]]
        if last.break_after > 1 or last.kind != HAN or first.kind != HAN or not last.syllables:
            continue  # a phrase ends between them, or a letter or fixed span stands at the boundary
        leaning = first.text in ("我", "你")  # 我想|你了, 你打|我呀: a pronoun leans on the verb before it
        counted = _is_number(last) and first.text[0] in MEASURES and tone(first.syllables[0]) == "3"
        if (leaning or counted) and tone(last.syllables[-1]) == "3":
            last.syllables[-1] = with_tone(last.syllables[-1], "2")


def _is_number(word: Word) -> bool:
    """A count written in hanzi, after a demonstrative or not (十五, 这九, 两百; not the digits of
    a code: N九五|口罩)."""
    digits = word.text.lstrip("这那每")
    return (bool(digits) and all(char in _NUMBER_CHARS for char in digits)
            and (len(digits) == 1 or any(char in "十百千万亿" for char in digits)))


def _inside(word: Word, start: int, end: int) -> None:
    """Sandhi inside ``word.syllables[start:end]``, split into its sub-words first."""
    if end - start < 2:
        return
    if end - start == 2:
        _pair(word, start)
        return
    written = "".join(word.graphemes[start:end])
    # one character per syllable (hanzi) tells where the word divides; a Latin span does not
    cut = start + (_split_point(written) if len(written) == end - start else end - start - 2)
    _inside(word, start, cut)
    _inside(word, cut, end)
    if tone(word.syllables[cut - 1]) == "3" and tone(word.syllables[cut]) == "3":
        word.syllables[cut - 1] = with_tone(word.syllables[cut - 1], "2")


def _pair(word: Word, start: int) -> None:
    if tone(word.syllables[start]) == "3" and tone(word.syllables[start + 1]) == "3":
        word.syllables[start] = with_tone(word.syllables[start], "2")


def _split_point(text: str) -> int:
    """Where a word of three or more syllables divides: the longest known part at either end
    (展览|馆, 小|老虎); without one, before the last two syllables."""
    for size in range(len(text) - 1, 1, -1):
        if is_word(text[len(text) - size :]):
            return len(text) - size
        if is_word(text[:size]):
            return size
    return max(1, len(text) - 2)
