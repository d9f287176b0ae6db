"""Polyphones in context: the reading of a character that no dictionary word decided.

Owns the context rules. A character gets here only when its reading came from the
single-character default (it is a word by itself, or jieba's word was in no dictionary and
was split): readings inside dictionary words (银行, 长大, 还书) are trusted. Each rule looks
at the text just around the character: ``left`` is the word before it (or, inside a word,
the characters before it) and ``right`` the word after it (or the characters after it); at a
clause boundary they are empty. The first rule whose test passes wins. A few dictionary
words are themselves ambiguous (长长了 / 长长的); :data:`WORD_RULES` decides those.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    """What is around one character. ``alone``: the character is a whole word; ``beyond``:
    the word after ``right`` when ``right`` is a whole word (else empty)."""

    left: str
    right: str
    alone: bool
    beyond: str = ""


Test = Callable[[Context], bool]

NUMERALS = "一二两三四五六七八九十百千万几半多每数"
DEMONSTRATIVES = "这那哪每各某该此本另"
PRONOUNS = frozenset("我 你 他 她 它 您 我们 你们 他们 她们 咱们 咱 大家 自己 人家 谁 别人 孩子 人".split())
ADVERBS = frozenset("就 还 总 也 都 可 必须 真 又 那 这 总是 还是 也是 就是 一定 恐怕 非".split())


def right_in(*words: str) -> Test:
    wanted = frozenset(words)
    return lambda c: c.right in wanted


def right_starts(*prefixes: str) -> Test:
    return lambda c: c.right.startswith(prefixes) if c.right else False


def left_in(*words: str) -> Test:
    wanted = frozenset(words)
    return lambda c: c.left in wanted


def left_ends(chars: str) -> Test:
    return lambda c: bool(c.left) and c.left[-1] in chars


def _de_particle(c: Context) -> bool:
    """得 after a verb or adjective, before its complement: 跑得快, 说得对."""
    return bool(c.left) and c.left not in PRONOUNS and c.left not in ADVERBS


def _dei_must(c: Context) -> bool:
    """得 meaning 'must': 你得去, 大家得注意 (not 他得了, 得到)."""
    return (c.left in PRONOUNS or c.left in ADVERBS) and bool(c.right) and c.right[0] not in "了到过奖分"


def _di_adverbial(c: Context) -> bool:
    """地 after an adverbial of two or more characters, before the verb: 深刻地改变."""
    return len(c.left) >= 2 and c.left[-1] not in "块片亩这那的在" and bool(c.right)


# Polyphones that are surnames, read as such before a title: 单老师 Shan4, 解先生 Xie4.
SURNAMES = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "查": "zha1", "区": "ou1",
            "盖": "ge3", "缪": "miao4", "翟": "zhai2", "覃": "qin2", "任": "ren2", "华": "hua4", "纪": "ji3"}  # fmt: skip
_TITLES = ("先生", "女士", "老师", "总", "经理", "教授", "医生", "大夫", "同学", "主任", "董事", "局长", "书记",
           "院士", "家", "某", "小姐", "太太", "师傅", "队长", "氏", "阿姨", "大爷", "律师", "警官", "博士")  # fmt: skip


def _before_title(c: Context) -> bool:
    """A surname: a word of its own right before a title or form of address."""
    return c.alone and c.right.startswith(_TITLES)


def _zhong_plant(c: Context) -> bool:
    """种 as 'to plant': 种了, 种树; not after a numeral or demonstrative (这种, 一种)."""
    if c.left and c.left[-1] in NUMERALS + DEMONSTRATIVES:
        return False
    return c.right[:1] in ("了", "下", "满", "上", "出", "过", "在") or c.right in _CROPS


# A sum of money or a round amount: 五千, 两千块, 三百元, 一万二.
AMOUNT = re.compile("[一二两三四五六七八九十百千万亿零点]*([千万亿]|[百十][一二三四五六七八九]?|[元块])$|"
                    "[一二两三四五六七八九十百千万亿零点]+[元块]")
_SETTINGS = (*NUMERALS, "零", "最", "静音", "制冷", "制热", "自动", "模式", "档", "高", "低", "中", "合适", "舒适")
_CROPS = frozenset("树 花 菜 地 田 草 豆 瓜 麦 稻 粮食 庄稼 果树 蔬菜 玉米 土豆 小麦 水稻 棉花 花生 树苗".split())
_GROW = ("大", "出", "高", "胖", "得", "成", "满", "了", "着", "肉", "个", "势", "相", "辈", "牙", "胡子", "毛")

RULES: dict[str, tuple[tuple[str, Test], ...]] = {
    "行": (
        ("hang2", lambda c: bool(c.left) and c.left[-1] in NUMERALS and c.right[:1] != "人"),
        ("hang2", right_in("业", "情", "长", "列", "距")),
    ),
    "长": (
        ("chang2", left_ends("太很真好多么更最挺特别常较够超")),
        ("zhang3", right_starts(*_GROW)),
        ("zhang3", left_ends("生成增家校班队部省市县局处科所院社组团师兄首")),
        ("chang2", lambda c: True),
    ),
    "重": (
        ("chong2", right_starts(*"新写做来说读装启建修选算排发播放演试拍画定返申整组置设复叠逢")),
        ("chong2", left_ends("双两三多几")),
    ),
    "还": (
        ("huan2", right_in("书", "钱", "债", "款", "贷", "给", "清", "账", "贷款", "欠款", "借款", "房贷",
                           "车贷", "信用卡", "本金", "利息", "回去", "回来", "我", "你", "他", "她", "金额")),
        ("huan2", lambda c: not c.right),  # the adverb hai2 never ends a clause: 什么时候还？ 下个月还
        ("huan2", right_in("了")),  # 书还了, 他还了钱 (了解 is a word of its own: 还了解 keeps hai2)
        ("huan2", lambda c: AMOUNT.match(c.right) is not None),  # 要还五千, 每月还两千块 (not 还三个人)
    ),
    "得": (
        ("dei3", _dei_must),
        ("de2", lambda c: not c.left or c.right[:1] in ("了", "到")),
        ("de5", _de_particle),
    ),
    "地": (("de5", _di_adverbial),),
    "了": (("liao3", lambda c: c.left.endswith("不") and c.right[:1] in ("", "的", "啦", "了")),),
    "觉": (("jiao4", left_ends("睡午个一好懒大着")),),
    "乐": (("yue4", left_in("音", "奏", "器", "声", "爵士", "交响", "摇滚", "民", "古典", "流行", "管弦", "打击", "军")),),
    "为": (
        ("wei2", right_starts(*NUMERALS, "零", "负", "正", "主", "止", "准", "期", "首")),
        ("wei2", left_in("改", "变", "分", "定", "转", "化", "译", "列", "设", "划", "立", "称", "视", "选",
                         "评", "认", "作", "成", "以", "约", "被", "均", "即", "乃", "誉", "封", "推", "任")),
        ("wei2", lambda c: c.left.endswith(("选", "任命", "评", "誉", "封", "推举", "命名"))),  # 被选为, 任命为
        # 验证码为：, 我的名字为张三: "is", after what is being given
        ("wei2", lambda c: c.left.endswith(("码", "号", "名字", "名称", "姓名", "地址", "面积", "金额", "总额", "价款",
                                            "质量", "结果", "结论", "地点", "焦点", "主题", "成绩", "原因", "判决",
                                            "污染物", "期限", "标准", "范围", "方式", "对象", "规格", "等级", "本品"))),
        ("wei2", right_starts("阴性", "阳性", "优", "良", "轻度", "中度", "重度", "终审", "白色")),
    ),
    "着": (("zhao2", lambda c: c.left[-1:] in ("不", "得") or c.right[:1] == "了" or c.left in ("找", "猜", "摸")),),
    # 看不着, 找着了, 着了凉, 找着钥匙
    "调": (
        ("tiao2", right_in("高", "低", "大", "小", "好", "亮", "暗", "快", "慢", "匀", "准", "整", "一下")),
        ("tiao2", lambda c: c.right == "到" and c.beyond.startswith(_SETTINGS)),  # 调到二十六度, not 调到北京
    ),
    "中": (("zhong4", right_starts("了", "过", "奖", "彩", "标", "毒", "暑", "弹", "枪")),),
    "数": (("shu3", right_starts("一数", "不清", "不过来", "钱", "星星", "到", "一下", "着", "了")),),
    "种": (("zhong4", _zhong_plant),),
    "量": (("liang2", right_starts("体温", "身高", "血压", "尺寸", "一量", "了", "一下", "过", "好", "身")),),
    "处": (("chu3", lambda c: c.alone and c.right.startswith(("于", "在", "理", "事", "置", "罚", "分"))),),  # not 售票处在
    "空": (("kong4", left_in("有", "没", "没有", "抽", "闲", "填", "留")),),
    "背": (("bei1", right_in("着", "起", "包", "书包", "孩子", "行李", "背包", "起来", "回", "走")),),
    "传": (("zhuan4", right_starts("》")),),
    "干": (("gan1", left_in("很", "太", "真", "好", "挺", "比较", "非常", "特别", "晒", "擦", "烘", "吹",
                            "风", "晾", "烤", "口")),),
    "参": (("shen1", lambda c: c.alone and c.left.endswith("人") and c.right[:1] in ("", "的", "和", "是", "很")),),
    **{surname: ((reading, _before_title),) for surname, reading in SURNAMES.items()},
    "系": (("ji4", right_in("鞋带", "领带", "安全带", "上", "好", "紧", "扣子", "围巾", "绳子", "着", "在")),),
    "假": (("jia4", left_ends("天周月个请放休度病事婚产年暑寒")),),
    "当": (("dang4", right_in("作", "成", "做", "真")),),
    "只": (("zhi1", left_ends(NUMERALS + DEMONSTRATIVES)),),
    "卡": (("qia3", right_in("在", "住", "着", "壳", "脖子")),),
    "弹": (("tan2", right_in("钢琴", "琴", "吉他", "奏", "起", "跳", "开", "了", "一下", "古筝", "琵琶")),),
    "教": (("jiao4", right_starts("育", "室", "师", "授", "练", "材", "堂", "徒", "科")),),
    "差": (("chai1", left_ends("出公")),),
    "冲": (("chong4", right_starts("着", "我", "你", "他", "她")),
           ("chong4", lambda c: c.left[-1:] in ("很", "太", "真", "挺", "好") and c.right[:1] in ("", "了", "的", "，"))),
    "倒": (("dao3", right_in("下", "闭", "塌", "霉")),),
    "场": (("chang2", right_starts("雨", "雪", "大雨", "大雪", "暴雨", "暴雪", "病", "大病", "风波")),),  # 一场雪
    "缝": (("feng2", right_starts("一下", "好", "上", "补", "衣", "扣", "了")),),
    "转": (
        ("zhuan4", right_starts("圈", "一圈", "个不停", "来转去", "悠")),
        ("zhuan4", lambda c: not c.right and c.left.endswith("地")),  # 不停地转
    ),
    "倔": (("jue4", lambda c: True),),
    "撒": (("sa3", right_starts("上", "点", "些", "在", "入", "满", "一把", "一层", "下", "盐", "种")),),  # 撒上葱花  # 很倔 (倔强 is a word: jue2)
    "盛": (("cheng2", lambda c: c.right.startswith(("饭", "汤", "粥", "一碗", "满", "到", "进", "在")) or (
        c.right == "了" and c.beyond.startswith(("一碗", "一勺", "一盘", "碗", "满")))),),  # 盛了一碗饭
}


# Whole dictionary words whose reading still depends on context: word -> (readings, test).
WORD_RULES: dict[str, tuple[tuple[str, Test], ...]] = {
    "长长": (("zhang3 chang2", right_starts("了")),),  # 头发长长了 (grew long) vs 长长的
    # 一行代码 (a line of), not 一行人 (a party of)
    "一行": (("yi1 hang2", right_starts("代码", "字", "文字", "诗", "数据", "命令", "注释", "程序", "小字",
                                        "大字", "泪", "公式", "文本", "记录", "表格")),
             ("yi1 hang2", lambda c: c.right.startswith("一行") or c.left.endswith("一行"))),  # 一行一行地读
}


def word_reading_in_context(word: str, context: Context) -> tuple[str, ...] | None:
    """A whole word's reading that its context calls for (:data:`WORD_RULES`), or ``None``."""
    for readings, test in WORD_RULES.get(word, ()):
        if test(context):
            return tuple(readings.split())
    return None


def reading_in_context(char: str, context: Context) -> str | None:
    """The reading the rules give ``char`` here, or ``None`` to keep the default."""
    for reading, test in RULES.get(char, ()):
        if test(context):
            return reading
    return None
