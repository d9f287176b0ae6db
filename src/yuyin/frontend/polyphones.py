"""Polyphones in context: the reading of a character that no dictionary word decided.

Owns the context rules. A character gets here only when its reading came from the
single-character default (it is a word by itself, or jieba's word was in no dictionary and
was split): readings inside dictionary words (银行, 长大, 还书) are trusted. Each rule looks
at the text around the character: ``left`` is the word before it (or, inside a word, the
characters before it) and ``right`` the word after it (or the characters after it); at a
clause boundary they are empty; ``before`` and ``after`` hold the rest of its clause. The
first rule whose test passes wins. A few dictionary words are themselves ambiguous
(长长了 / 长长的); :data:`WORD_RULES` decides those.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .words import COMMON_SURNAMES, cut_words, is_noun, names_a_thing, opens_a_deed, word_frequency


@dataclass(frozen=True)
class Context:
    """What is around one character. ``alone``: the character is a whole word; ``beyond``:
    the word after ``right`` when ``right`` is a whole word (else empty); ``before`` and
    ``after``: all of the clause's text before and after the character; ``word``: the word the
    character begins where no dictionary gave any of its readings (else empty: 单光子 has 光子),
    ``listed``: whether jieba's dictionary lists that word, or for a character inside a word that
    word (jieba makes up unlisted ones, mostly names: 单小明, 仇英, 跟华); ``inside``: the character comes after others of its own word (华东|区, 由|解)."""

    left: str
    right: str
    alone: bool
    beyond: str = ""
    before: str = ""
    after: str = ""
    word: str = ""
    listed: bool = True
    inside: bool = False


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


# A Chinese chess move after its piece: 车一平二, 马八进七 (file, then move, then file or steps)
_CHESS_MOVE = re.compile("[一二三四五六七八九][进退平][一二三四五六七八九](?![环号站路出退进中])")
# Sounds that a deed's 地 de5 may follow: 他“腾”地站起来, 嗖地一下 (a sound someone makes or a thing makes)
_SOUNDS = frozenset("哎 唉 嗯 啊 哦 噢 腾 啪 嗖 砰 哗 咚 嘭 轰 唰 噌 呼 噗 叮 咔 嚓 吱 哐 嘣 呼啦 哗啦 扑通 咕咚 啪嗒 咔嚓 嘎吱".split())
# The fields of a bill or a policy, before 为 "is"; whom and what it may be for instead (投保人为其子女投保, 收益为投资者带来了回报)
_BILL_FIELDS = ("套餐", "账户", "账号", "保险人", "投保人", "收益", "利息", "短信", "本期", "账单日", "还款日", "燃气表", "电表", "水表")
_BENEFITED = ("其", "自己", "他", "她", "您", "你", "我", "孩子", "子女", "家人", "客户", "用户", "投资者", "被保险人", "投保人", "保障", "保护")
_DONE_FOR = re.compile("提供|投保|带来|购买|买|支付|办理|设置|开通|服务|缴纳|承担|赔偿|负责|冻结|保障|创造|赚|(?<!发)送|祝|庆|过生日")
# What is fried, after 炸 zha2: 炸鸡翅, 炸了一盘花生米
_FRIED_FOODS = ("鸡", "丸", "串", "薯", "油条", "小黄鱼", "带鱼", "藕", "年糕", "豆腐", "春卷", "茄", "馒头", "猪排", "里脊", "灌肠",
                "花生", "排骨", "土豆", "臭豆腐", "小酥肉", "麻花", "馓子", "虾", "鱼块", "鱼排", "肉", "饺子", "糍粑", "油饼", "菜丸")


def _times_table(c: Context) -> bool:
    """得 of a line of the times table, between two digits and their product below ten: 一五得五,
    二三得六, 三三得九 (not 二三得了, 五五二十五, 他三五得分)."""
    digits = "一二三四五六七八九"
    factors = re.search(f"(?<![{NUMERALS}零])([{digits}])([{digits}])$", c.before)
    product = re.match(f"[{digits}](?![{NUMERALS}零])", c.after)
    return (factors is not None and product is not None
            and (digits.index(factors[1]) + 1) * (digits.index(factors[2]) + 1) == digits.index(product[0]) + 1)


def _dei_must(c: Context) -> bool:
    """得 meaning 'must': 你得去, 大家得注意, 乘客们得排队 (not 他得了, 得到, 他得的是什么病, 人们得出结论, 我们得失相当)."""
    return ((c.left in PRONOUNS or c.left in ADVERBS or c.left.endswith("们")) and bool(c.right) and c.right[0] not in "了到过奖分的失"
            and re.match("出(?:结论|了|的|答案|结果|一致|一个|这样)", c.after) is None and _CAUGHT.match(c.after) is None)


# Things one must do something about, one character long: 钱得还, 药得按时吃, 这事得跟领导商量
_THINGS_TO_SEE_TO = frozenset("钱 茶 药 饭 菜 肉 账 款 债 税 房 车 门 窗 灯 事 信 票 课 证 地 锅 碗 水 电".split())
_DEMONSTRATED = ("这个", "那个", "这些", "那些", "这种", "那种", "这样", "这")
# How a deed went, said in verbs that jieba tags as such, after a complement's 得 (剪裁得合身, 编曲得好听, 红烧得入味)
_RESULTS = ("合身", "好听", "好看", "好吃", "入味", "夸张", "到位", "过瘾", "出彩", "逼真", "传神", "感人", "动人", "醉人", "完美",
            "出色", "精彩", "生动", "到家", "满意", "舒服", "开心", "顺手", "踏实")
# What is caught after 得 de2 (孩子得肺炎了, 她得抑郁症三年了)
_CAUGHT = re.compile("[\u4e00-\u9fff]{0,5}?(?:炎|病|症|疮|痘|疸|疹|癌|瘤|感冒|流感|新冠)")
# What is won or gained after 得 de2 (村民得赔偿, 群众得好处, 用人得宜, 今天得闲)
_GAINS = ("赔偿", "补偿", "回报", "好处", "实惠", "便宜", "利", "宜", "闲", "势", "宠", "令", "名", "奖", "益", "惠", "救")
# Nouns said as adjectives, which a complement's 得 follows (伤心得哭了, 老实得从不撒谎)
_SAID_AS_QUALITIES = frozenset("伤心 热情 美丽 客气 神气 老实 秀气 福气 精神 科学 专业 规矩 地道 风光 威风 光彩 体面 时尚 "
                               "个性 理性 感性 艺术 人性 正义 民主".split())
# What goes on after 得 when it is the complement's (精神得很, 地道得不得了, 规矩得像个学生), not "must"
_HOW_MUCH = re.compile("很|太|真|挺|非常|特别|十分|相当|极|更|越|这么|那么|多么|不|没|像|如同|令人|叫人|让人|直|满|出奇|要命|要死|够|比|发"
                       "|一塌糊涂|多了|有点|有些|离谱|吓人|惊人|厉害|过分|了|到|过|奖|分|的|失|出|[，。！？、；：,.!?;:]|$"
                       "|哭|笑|流泪|掉眼泪|说不出|睡不着|跳|合不拢|喘不过|抬不起|站不住|忘乎所以")


def _noun_must(c: Context) -> bool:
    """得 meaning 'must' after what it is said of, a noun, before what must be done: 押金得退给我, 房租得按时交,
    钥匙得还给房东, 这个得先付款, 钱得还: what is done next, a verb, an adverb, a time (not 精神得很, 他病得不轻, 园区规划得井井有条:
    the complement's; nor 成绩得了第一, 球队得分, 代表团得金牌, 孩子得肺炎了: won or caught; nor 由勾股定理得AC=5)."""
    if (_no_deed_after(c.after) or c.after.startswith(_RESULTS) or re.match("[早晚](?:[，。！？,.!?]|$)|.不[下上来去动了起住着]", c.after)
            or word_frequency("得" + c.after[:1]) >= 30 or c.after.startswith("房率")
            or re.match("[A-Za-z0-9(（①②③④⑤]|[零一二两三四五六七八九十]{1,3}[A-Za-z]", c.after) or re.search("由|根据|代入|同理", c.before)):
        return False  # 剪裁得合身, 天黑得早, 疼得咽不下; 球队得分, 房子得房率 (de2); 由题意得x=5
    thing = c.left[1:] if len(c.left) > 1 and c.left[0] in "这那" else c.left  # 这药得饭后吃
    subject = (thing in _THINGS_TO_SEE_TO or c.left in _DEMONSTRATED or len(thing) == 1 and thing != c.left
               or 2 <= len(thing) <= 4 and is_noun(thing) and thing not in _SAID_AS_QUALITIES)  # 这病得慢慢调理
    return subject and (c.right.startswith(_MUST_DO + _MUST_FIRST)
                        or opens_a_deed(c.right) and not c.right.startswith("可")  # (not 可爱, 可怜)
                        and (c.right not in PRONOUNS or c.right in ("自己", "大家")))  # (not 书写得我想哭)


# What kind of card 卡 ka3 ends the name of (银行卡, 房卡), before 在 or 住
_CARDS = re.compile("(?:银行|房|信用|会员|储蓄|公交|饭|校园|银联|门禁|社保|医保|借记|工资|购物|充值|电话|流量|SIM|sim|身份|磁)卡?$")


def _mixed_or_set(c: Context) -> bool:
    """调 tiao2 before 个 and what is mixed or set: 调个蘸料, 调个闹钟, 调个频道 (not 调个岗位, 调个班: transferred, swapped)."""
    return not c.before.endswith("被") and re.match(
        "个(?:蘸料|料汁|酱汁|汁|馅儿?|酱|凉菜|颜色|鸡尾酒|闹钟|频道|台(?=[，。！？,.!?看吧了]|$)|温度(?!计)|音量|味)", c.after) is not None


# What a deal or a draw gives, after 得 de2: 得8.88元, 得积分, 得红包, 可得免单
_PRIZE = re.compile("[0-9零一二两三四五六七八九十百千万点]+(?:元|块|分|个|张|份|倍|天|折|积分|金币|$|[，。！,.!])|积分|礼品|礼包|券|奖|红包"
                    "|优惠|现金|神秘|免单|返现|金币|会员|折扣|好礼|大礼")
# Deeds that a shop's deal rewards, before 得 de2 (签到得积分, 晒图得红包, 最高得8.88元)
_DEAL_DEEDS = frozenset("最高 最多 签到 晒图 好评 分享 邀请 注册 关注 助力 评价 转发 点赞 拉新 好友 打卡 下单 抽奖".split())


def _no_deed_after(after: str) -> bool:
    """Whether what follows 得 makes it no "must": how much or how it went (很, 不轻, 哭了), or what is
    won or caught (赔偿, 好处, 肺炎)."""
    return _HOW_MUCH.match(after) is not None or after.startswith(_GAINS) or _CAUGHT.match(after) is not None


def _di_adverbial(c: Context) -> bool:
    """地 after an adverbial of two or more characters, before the verb: 深刻地改变, or after a
    sound doubled that the segmenter split (咪咪地叫) or an 一A一B it cut (一蹦一|跳地); not a place after
    a demonstrative (世界各地的, 这块地)."""
    doubled = len(c.before) >= 2 and c.before[-1] == c.before[-2] and c.before[-1] not in "天年月日家人"
    paired = re.search("一[\u4e00-\u9fff]一[\u4e00-\u9fff]$", c.before) is not None  # 一蹦一跳地, 一块一块地 (not 一块地)
    return (len(c.left) >= 2 or doubled or paired) and c.left[-1:] not in ("这", "那", "各", "某", "该", "每", "的", "在") and (
        paired or c.left[-1:] not in ("块", "片", "亩")) and bool(c.right) and (
        c.left != "将就")  # 部队将|就地驻扎, cut 将就|地


def _place_of(c: Context) -> bool:
    """地 di4, the place where something is done or registered, after an act of the offices
    (就医地, 参保地, 户籍地, 事故发生地的, 发货地); 工作地 only after a word that leads to a place
    (在工作地缴纳, not 努力工作地赚钱); not a 地 written for 得 before how the act went (事情发生地太快了,
    他经营地很好, 领取地很及时: de5)."""
    return (c.left in _PLACE_OF or c.left == "工作" and c.before[:-2].endswith(("在", "向", "到", "回", "于", "和", "、"))) and (
        _HOW_IT_WENT.match(c.after) is None)


def _slippery_ground(c: Context) -> bool:
    """地 di4, the ground of a warning sign or a wet day: 小心地滑, 当心地滑！, 雨天地湿 (not 他小心地滑下
    台阶: carefully, de5)."""
    return c.left in _WARNINGS and re.match("[滑湿](?![\u4e00-\u9fff])", c.after) is not None


_WARNINGS = frozenset("小心 当心 注意 谨防 雨天 雪天 雨后 雪后".split())
_PLACE_OF = frozenset("就医 参保 投保 户籍 户口 就业 务工 缴费 领取 发生 事发 案发 出险 注册 登记 备案 常住 住所 "
                      "始发 发货 收货 寄件 收件 纳税 履行 经营 发证".split())
# How an act went, ending its clause, after a 地 written for 得: 很快, 太慢了, 如此迅速, 那么自然, 有声有色
# (not 很远: a place's; nor 事发地很快就被封锁: soon)
_HOW_IT_WENT = re.compile("(?:(?:很|太|非常|十分|特别|挺|如此|那么|这么|相当|比较|极其|有些|有点)?"
                          "(?:快|慢|突然|及时|顺利|仓促|匆忙|认真|迅速|自然|有声有色|红火)"
                          "|(?:很|太|非常|十分|特别|挺|如此|那么|这么|相当|比较)好)[了啊呀的]?$")


# Polyphones that are surnames, read as such before a title: 单老师 Shan4, 解先生 Xie4.
SURNAMES = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "查": "zha1", "区": "ou1",
            "盖": "ge3", "缪": "miao4", "翟": "zhai2", "覃": "qin2", "任": "ren2", "华": "hua4", "纪": "ji3",
            "召": "shao4", "阚": "kan4"}  # fmt: skip
_TITLES = ("先生", "女士", "老师", "总", "经理", "教授", "医生", "大夫", "同学", "主任", "董事", "局长", "书记",
           "院士", "家", "某", "小姐", "太太", "师傅", "队长", "氏", "阿姨", "大爷", "律师", "警官", "博士",
           "老板", "掌柜", "老先生", "老太太", "老太", "夫人", "叔叔", "伯伯", "婶婶", "大哥", "大姐", "大妈", "大婶",
           "爷爷", "奶奶", "师父", "哥", "姐",
           # forms of address in old novels (燕大侠, 曾姑娘, 查大人, 解老爷)
           "大侠", "少侠", "老爷", "老爷子", "姑娘", "大人", "公子", "前辈", "掌门", "兄",
           # heads of offices and states (华校长, 单处长, 朴总统; 任 before them is also "serve as": 他任校长期间)
           "校长", "处长", "院长", "科长", "部长", "市长", "县长", "省长", "厂长", "所长", "社长", "馆长", "行长",
           "村长", "镇长", "总统", "首相", "议员")  # fmt: skip
# One-character titles, a title only as a word of their own or in these (单总, 曾家, 解某某, 查总经理; not
# 这个单总共多少钱, 他曾总结过, 查总分, 查家谱, 查某天的记录)
_SHORT_TITLES = ("总", "家", "某", "氏", "兄", "哥", "姐")
_SHORT_TITLE_WORDS = ("总", "家", "某", "氏", "兄", "哥", "姐", "某某", "总经理", "总监", "总裁", "总工", "总编", "总工程师", "总会计师", "总经济师",
                      "总设计师", "总统")


def _titled(c: Context) -> bool:
    """A title or a form of address follows: 单老师, 曾先生们, 单|总."""
    return c.right.startswith(_TITLES) and (not c.right.startswith(_SHORT_TITLES) or c.right in _SHORT_TITLE_WORDS)


def _before_title(c: Context) -> bool:
    """A surname: a word of its own right before a title or form of address, or before a given
    name and one (区|志强|先生), or after 老 or 小 (老曾, 小单); also where jieba made up a word
    of it and a title (仇先生, 单总, 单某), of a word that introduces a name and it before a title (由解|老师;
    not 跟单|老师, 请查|老师), or of 老 and it before a conjunction, 是 or a verb of saying (老单和老解是朋友;
    not 小单和大单, small orders; nor 他老查手机)."""
    named = (0 < len(c.right) <= 2 and all(char in GIVEN_NAME_CHARS for char in c.right)
             and c.beyond.startswith(_PERSON_TITLES) and (not c.left or c.left in _NAME_BEFORE))
    if not c.alone:  # (a one-character left is then the made-up word's own start: 跟单|老师, 请查|老师 are no names)
        titled = c.right in _PERSON_TITLES or c.right in _SHORT_TITLE_WORDS and c.right not in ("家", "氏")  # (not 单家独院, 华氏)
        # (a longer word it ends is no name either: 华东区|经理, 开发区|主任, 西南区|总监)
        return (titled and (c.left in ("由", "与", "向", "被") or not c.inside and len(c.left) != 1
                            or c.left in _PREPOSITIONS and not c.listed
                            or _called(c))
                or c.left == "老" and c.right in ("和", "与", "跟", "是", "说", "也", "都", "又", "还")
                or c.left in ("老", "小") and not c.right and c.before == c.left)  # 老单，你过来 (called by name)
    return _titled(c) or named or c.left in ("老", "小") and not c.right


# What one is asked to do when called by name: 请查老师到前台, 叫解老师来一下, 请单总致辞 (not 请查老师的邮件)
_CALLED_TO = re.compile("(?:到|来|去|上台|回答|发言|致辞|讲话|汇报|接电话|准备|过来|进来|回来|起立|签到|领奖|入座|就座|"
                        "尽快|马上|立即|稍等|留步|[，。！？,.!?]|$)")


# What makes the deed after a title describe a thing to be checked: 请查老师到校的记录, 请查医生来过没有
_DESCRIBED_DEED = re.compile("[^，。！？,.!?]{0,3}(?:的|情况|记录|时间)|过")


def _called(c: Context) -> bool:
    """A surname that jieba made up a word of with 请, 叫 or 让 before it, then a title and what the one
    called is to do: 请单先生到3号窗口, 请查老师到前台, 叫解老师来一下 (not 请查先生的护照, 请查老师的课表,
    请查老师到校的记录)."""
    title = c.right if c.right in _PERSON_TITLES or c.right in ("先生", "女士", "小姐", "总") else ""
    if c.left not in ("请", "有请", "叫", "让") or not title:
        return False
    if title in ("先生", "女士", "小姐") and not c.after.startswith(title + "的"):
        return True
    called = _CALLED_TO.match(c.after[len(title):])
    return called is not None and _DESCRIBED_DEED.match(c.after[len(title) + called.end():]) is None


# One-character words before a person that jieba runs into a surname when it makes up a word (跟华|教授,
# 跟任|经理, 据区|主任; not the listed 跟单|老师, following orders, nor 请查|老师: ask to check)
_PREPOSITIONS = frozenset("由 与 向 被 跟 和 同 对 为 据 给 找 问 陪 替".split())


def _after_preposition(c: Context) -> bool:
    """The character ends a word jieba made up of it and a preposition before it (据缪|可馨, 据区|伟明)."""
    return c.inside and c.left in _PREPOSITIONS and not c.listed


def _before_given_name(c: Context) -> bool:
    """区, 朴 or 仇 alone before a given name of two characters that jieba keeps as a word of its own
    (区|志强, 朴|宝剑, 仇|晓光), opening the clause or after a word that leads to a person, and before what
    is said of one (在, 的, 说, 表示, a title) or the clause's end (not 全区|建成了, 社区|文明, 区|新建的学校:
    a district; 报仇|雪恨 is a word), nor before a common word of given-name characters (区|宣传的力度, 区|文明的风气,
    区|安全是大事: jieba counts them in thousands, 志强 15, 宝剑 861)."""
    return ((c.alone or _after_preposition(c)) and len(c.right) == 2 and all(char in GIVEN_NAME_CHARS for char in c.right)
            and word_frequency(c.right) < _COMMON_WORD
            and not c.right.startswith(("新", "建", "成", "立", "长"))
            and (not c.left or c.left in _NAME_BEFORE or c.left in _PREPOSITIONS or c.left in ("了", "据", "见", "遇"))
            and (c.beyond in ("", "在", "的", "说", "表示", "介绍", "指出", "认为", "称", "是", "也", "和", "与", "作",
                              "出生", "出生于", "接受", "报道") or c.beyond.startswith(_PERSON_TITLES)))


# How often jieba counts a word at least that is too common to be a given name (宣传 4745, 文明 6584; 宝剑 861)
_COMMON_WORD = 2000


def _piao_name(c: Context) -> bool:
    """朴 piao2 beginning a name jieba made up: a Korean one of any characters (朴趾源, 朴贊郁, 朴槿惠作), two
    characters only of a given-name one (朴智); not before a conjunction or a particle (朴和素都是简单的意思),
    doubled (朴朴), nor in a foreign name (朴茨茅斯, 朴修斯)."""
    word = c.word
    return (len(word) >= 2 and not c.inside and (len(word) > 2 or word[1] in GIVEN_NAME_CHARS)
            and not any(char in "和与同及跟或是的了斯茨茅尔克特拉姆" for char in word[1:])
            or _after_preposition(c))


# Words after which 查, 盖 or 解 before a form of address is a verb (正在查大哥的手机, 又盖大哥的章, 帮忙解大哥的围;
# not 在, 去: 在查老师的帮助下, 去查老师家)
_BEFORE_A_VERB = frozenset("正在 正 先 再 又 也 都 就 才 已经 没 没有 不 别 会 能 可以 赶紧 马上 立刻 一直 帮忙 偷偷 悄悄".split())


def _before_title_verbal(c: Context, objects: str = "") -> bool:
    """查, 盖 or 解 a surname before a title, but not a verb: after a word that wants one (正在查大哥的手机) or
    before its object, a pattern of the clause after (盖老板的章, 解大哥的围)."""
    return (_before_title(c) and not (c.alone and c.left in _BEFORE_A_VERB)
            and not (objects and re.search(objects, c.after[:10])))


# 任 "let", before whom one is left to (只能任老板摆布, 任大哥处置): no surname
_LET_BEFORE = frozenset("只能 只好 只得 只有 不能 哪能 岂能 甘心 宁可 任由".split())


def _before_title_ren(c: Context) -> bool:
    """任 a surname before a title, but not 任 "let" (只能任老板摆布, 任大哥处置, 任爷爷打骂), nor 任 "serve as"
    before a post after who serves or before how long (她任局长多年, 他任院长期间, 任经理以后, 任校长的时候; 任院长今天来了,
    任局长说 are names, and so after a plural pronoun or a time: 我们任主任说了, 这时任经理走了进来, 随后任总发言)."""
    post = c.right.startswith(_POSTS)
    return (_before_title(c) and c.left not in _LET_BEFORE
            and re.search("第[零一二两三四五六七八九十百]+$|[首历前现新上下这那每]$", c.before) is None  # (not 第十六任总统)
            and re.search("摆布|宰割|处置|发落|使唤|差遣|打骂|欺负|摆弄", c.after[:10]) is None
            and not (post and (c.left in PRONOUNS and not c.left.endswith("们") and c.left not in ("咱", "大家")
                               or c.left.endswith(_SERVED_BEFORE) and (c.left in _SERVED_BEFORE or not c.left.endswith(("时", "后")))
                               or re.match(f"{c.right}(?:期间|以来|以后|之后|后|(?:的)?时候?|多年|[一二两三四五六七八九十几]+年)", c.after))))


# Posts one serves as (任局长期间), and what comes before 任 "serve as" them (曾任, 现任, 先后任, 兼任)
_POSTS = ("总", "经理", "主任", "局长", "书记", "董事", "队长", *_TITLES[_TITLES.index("校长"):])
_SERVED_BEFORE = ("曾", "现", "已", "先后", "又", "再", "并", "均", "分别", "拟", "将", "后", "时", "兼", "出", "改", "升", "调")


# 跑单, 抢单, 派单 ... jieba leaves apart: an order, not a surname (跑单大哥, 刷单老板)
_ORDER_VERBS = frozenset("跑 抢 派 刷 拼 晒 催 接 下 点 退 改".split())


def _before_title_cha(c: Context) -> bool:
    """查 a surname before a title, but not 被查, investigated (被查|经理已被停职, an official), nor before 老板,
    more often whom something is checked of (查老板的账)."""
    return _before_title_verbal(c) and (c.alone or c.left != "被") and c.right != "老板"


# How a surname before a title is told from the other words of its character
_TITLE_TESTS: dict[str, Test] = {
    "查": _before_title_cha, "盖": lambda c: _before_title_verbal(c, "的(?:公章|章|印|戳)"),
    "解": lambda c: _before_title_verbal(c, "(?:的|之)?(?:围|燃眉之急)"), "任": _before_title_ren,
    "单": lambda c: _before_title(c) and not (c.alone and c.left in _ORDER_VERBS)}  # fmt: skip


def _before_xing(c: Context) -> bool:
    """A surname before 姓 "the surname", then what is said of it: 朴姓在朝鲜族中很常见, 查姓读zha,
    盖姓的人 (not 查姓名, 查姓王的人, 查姓是否正确, 查姓的时候, 网上查姓的来历)."""
    return ((c.word[1:] == "姓" or c.alone and c.right == "姓")
            and re.match("$|[，。,！？!?]|是(?!否)|在|读|念|的(?:人|名人|家族|后人|后代|读音)|人|多|源|主要|分布|出自|也|很|最",
                         c.after[1:]) is not None)


def _after_xing(c: Context) -> bool:
    """A surname right after 姓: 他姓曾, 老板姓单."""
    return (c.before.endswith(("姓", "姓氏是", "姓是")) and not c.before.endswith("百姓")
            and c.after[:1] in ("", "，", ",", "。", "吗", "啊"))


def _full_name(c: Context) -> bool:
    """A surname beginning a full name that jieba made one word: a surname and a given name of
    one or two characters (曾志伟, 单霁翔, 查良镛), the given name's characters all common in
    names. A two-character one only where jieba made the word up (仇英: 单飞 and 单峰 are listed
    words) and it opens the clause or follows a word that introduces a name (单天成交, 我们曾同在,
    去查书 are not names) or a title follows it (任伟老师); 任 only before a title, or as a word
    jieba made up (任东南, 任尚书 are listed: 'serve as')."""
    word = c.word
    if len(word) == 3 and word[2] in "到来去说" and _opens_a_name(c.left):
        word = word[:2]  # a name and what the one called does, that jieba ran into one word: 请曾丽|到前台
    if not 2 <= len(word) <= 3 or not all(char in GIVEN_NAME_CHARS for char in word[1:]) and not (
            len(word) == 3 and word[1] == "家" and word[2] in GIVEN_NAME_CHARS):  # 区家麟 (家 alone: 曾家, 单家独院)
        return False
    titled = c.after[len(word) - 1 :].startswith(_PERSON_TITLES)  # 任伟老师, 单伟同学
    if len(word) == 2:
        return not c.listed and (titled or _opens_a_name(c.left) and word[0] != "任"
                                 and word[1] not in _NOT_A_NAME_ALONE)
    return not c.listed or word[0] != "任" or titled


# Titles after a given name (区志强先生; not 家, 总 or 某: 我曾和家人, 他曾和总部)
_PERSON_TITLES = tuple(title for title in _TITLES if title not in ("家", "总", "某", "氏", "兄"))
# Words after which a surname and a given name are a name (记者曾伟报道, 我叫单伟)
_NAME_BEFORE = frozenset("记者 通讯员 同学 学生 选手 运动员 演员 歌手 导演 作家 教练 叫 名叫 姓名 名字 是 请 和 与 及 、 "
                         "由 主持人 患者 病人 家长 客户 嘉宾 旅客 顾客 乘客 车主 新生 考生 学员 会员 号 找 给 问 让 通知".split())


def _opens_a_name(left: str) -> bool:
    """Whether a name may begin after this word: the clause's start, a word of _NAME_BEFORE or a
    queue number called (请12号单丽到5号窗口, A012号曾丽)."""
    return not left or left in _NAME_BEFORE or re.search("[0-9零幺一二三四五六七八九十百]号$", left) is not None


# Characters common in given names (from the names in jieba's dictionary, verbs and function
# words taken out): what may follow a surname for the pair to be read as a name.
GIVEN_NAME_CHARS = frozenset(
    "文明国德华军志平玉建光元山英宗林海永靖天中金东晓云春安宝龙世长江峰祥学正伯蓉庆清秀成士民忠立武昌丽俊良"
    "维仁新伟荣义振敏兵兴兰思汉利君达福祖杰凤保镇亚贵飞树刚波青松梅红景方西宏瑞芳和才阳美贤嘉河朝恩宇心如强"
    "奇南敬秋绍康顺广书承宁守仲孝继政风希真鹏辉延玲誉洪珍丹泽燕惠泉铁胜鸿章斌远健卫信智全剑泰培吉同慧雪桂若"
    "乐寿森超亮启耀勇诚素友锡博权虎传田萍邦雄彦尚礼麟涛香灵昭星诗震川贞喜爱浩银源登炳仙兆怀鲁莲崇坚铭鸣仪曼"
    "锦凯雷显衡圣逊富静佩雅谦群梦龄冰楚亦霞钟莉威恒盛芬勋雨侠晋钧庭岩鹤毅孟迪欣茂冠乾京霖越哲佳旭奎裕宣扬珠"
    "琪厚润柏勤艳琴宪冬纯秉玄鼎昆婷岳依甫怡跃宜豪瑜渊益卓娜竹逸湘钦洁碧尧翰紫然炎凡锋颖桢栋翔琳焕媛琦禹旺骏"
    "翠绿彩廉轩翼聪弘淳赫端韵亨惟捷沛肇彪允婉颜虹澄巍瑶钰舒仕祯桐庚羽腾帅瑾雯莹菊柔璋舜燮薇晶辰晴楠晨徽洋劲"
    "毓灿铨琼璐穆啸鑫小子霁镛槿临"
) - frozenset("和同如亦若然")  # words more often than names after 曾, 单: 曾和老师, 曾同在, 单如
# Name characters that, alone after 单, 任, 查 or 解, more often make a word: 单天, 任君, 查书, 查新, 解成
_NOT_A_NAME_ALONE = frozenset("方心天君书新全成清")


def _kind_of(c: Context) -> bool:
    """种 zhong3 "kind" after a numeral, a demonstrative or a word asking which kind: 这种, 一种,
    多少种花, 什么种树, 每种菜, 有种花叫勿忘我 (not 我有种花的经验; nor 应该种树, 该种菜了, 为什么种花, 要多种树: to plant)."""
    if (c.left.endswith(("应该", "不该", "本该", "也该", "早该")) or c.left == "该" and "了" in c.after
            or c.left in ("为什么", "干什么", "凭什么")
            or c.left == "多" and (c.before[-2:-1] in tuple("要再还应也")  # 要多种树, 少生孩子多种树
                                  or re.search("少[^有是，,]{1,4}多$", c.before) is not None)):
        return False
    return (bool(c.left) and c.left[-1] in NUMERALS + DEMONSTRATIVES or c.left.endswith(("多少", "什么"))
            or c.left.endswith("有") and re.match("[^，,。]{0,4}(?:叫|是)", c.after) is not None)


def _zhong_plant(c: Context) -> bool:
    """种 as 'to plant': 种了, 种着, 种树, 种的树, or before a plant's name (种葡萄, 种向日葵, 种桃树); not a kind."""
    if _kind_of(c):
        return False
    return (c.right[:1] in ("了", "下", "满", "上", "出", "过", "在") or c.right == "着" or c.right in _CROPS
            or c.alone and (c.right[:1] in ("完", "好", "得", "早", "晚", "啥") or c.right in ("不", "什么", "这么", "那么", "多少", "点", "些")
                            or re.match("[一二两三四五六七八九十几]+(?:亩|季|茬|株|棵|行|年|分地|垄)", c.after) is not None)
            or c.right[:1] == "的" and not c.left.endswith(("有", "没"))  # 去年种的树 (not 有种的站出来: guts)
            or (c.alone or c.left.endswith(("里", "上"))) and bool(c.right) and c.right[-1] in _PLANT_ENDS)  # (院子|里种|葡萄)


# A sum of money or a round amount: 五千, 两千块, 三百元, 一万二.
AMOUNT = re.compile("[一二两三四五六七八九十百千万亿零点]*([千万亿]|[百十][一二三四五六七八九]?|[元块])$|"
                    "[一二两三四五六七八九十百千万亿零点]+[元块]")
_SETTINGS = (*NUMERALS, "零", "最", "静音", "制冷", "制热", "自动", "模式", "档", "高", "低", "中", "合适", "舒适")
# What is set to a level or a channel, before 调到 (音量调到五, 电视调到湖南卫视; not 他调到三号车间: transferred)
_SET_DEVICES = re.compile("音量|声音|温度|亮度|风速|风量|电视|频道|空调|风扇|灯|模式|灵敏度|收音机|水位|吸力|水温|热水器|电磁炉|加湿器|闹钟"
                          "|屏幕|字体|画质|清晰度|速度|转速|功率|火力|档位|风向|音效|DPI|dpi|分辨率|刷新率|频率|湿度"
                          "|白平衡|饱和度|对比度|色温|曝光|补偿|锐度|阻力|坡度|座椅|高度|角度|焦距|跑步机")
_GROWERS = ("爷", "奶", "爸", "妈", "农", "家", "们", "人", "自己", "亲手")  # who plants: 爷爷种的, 农民种的
# Last characters of plants' names: 葡萄, 西瓜, 菊花, 青菜, 红薯, 向日葵, 番茄, 桃树 (not 芝麻: 种芝麻 is rarer than 芝麻 as seed)
_PLANT_ENDS = "树花菜瓜麦稻豆草薯葵茄萄丹竹苗椒蒜葱莓桃梨棉茶秧藤米"
_CROPS = frozenset("树 花 菜 地 田 草 豆 瓜 麦 稻 粮食 庄稼 果树 蔬菜 玉米 土豆 小麦 水稻 棉花 花生 树苗".split())
_GROW = ("大", "出", "高", "胖", "得", "成", "满", "了", "着", "肉", "个", "势", "相", "辈", "牙", "胡子", "毛", "乳牙", "虫",
         "跳蚤", "好了",
         "痱子", "湿疹", "疹子", "痘", "疙瘩", "冻疮", "皱纹", "白头发", "白发", "蛀牙", "针眼", "口疮", "雀斑", "老年斑")

# Who or when before a 得 that means "must" (other words before 得 are mostly verbs: 说得跟真的一样).
_MUST_SUBJECTS = frozenset("明天 今天 后天 现在 以后 晚上 早上 上午 下午 今晚 明早 这次 下次 每天 周末 回头 病人 患者 老师 "
                           "学生 孩子 家长 父母 老人 医生 司机 大伙 大伙儿 咱俩 你俩 我俩 他俩 领导 经理 病 衣服 可能 确实 "
                           "估计 大概 肯定 之前 以前 前 看样子 看来 问题 活儿 宝宝 孕妇 产妇 婴儿 新生儿 小孩 大人 宝妈 "
                           "汤 鸡汤 药 面团 面 肉 牛肉 排骨 饭 后 饭前 饭后 睡前 餐前 餐后".split())
# What comes in layers, after 重重的 chong2
_LAYERS = "困难|阻碍|障碍|包围|关卡|迷雾|心事|顾虑|山|门|帷幕|防线|考验|危机|疑问|谜团|矛盾|封锁|枷锁|云|雾"
# Activities said as a verb and its object, after which 得 + a deed is "must": 出门得带伞, 开车得小心, 看病得挂号 (a
# complement's 得 follows the verb said again: 出门出得早, 唱歌唱得好)
_ACTIVITIES = frozenset("出门 出差 出国 出远门 开车 骑车 坐车 打车 上班 下班 上学 放学 上课 考试 做饭 跑步 游泳 爬山 登山 旅游 旅行 看病 "
                        "买房 租房 买车 装修 搬家 结婚 办事 办证 办签证 开会 请假 见面 坐飞机 坐地铁 坐高铁 坐火车 乘车 乘机 登机 "
                        "过马路 过安检 过年 健身 减肥 养狗 养猫 养花 带孩子 带娃 做生意 创业 写作业 考驾照 考研 面试 报名 吃药 "
                        "洗澡 睡觉 运动 钓鱼 露营 滑雪 潜水 开店 贷款 还款 办卡 开户 入职 离职 退房 入住 住院 出院 打针 献血 体检".split())
# Getting ready for an activity, what jieba does not tag as a deed: 跑步得穿运动鞋, 睡前得关灯, 看病得挂号
_GEAR_UP = ("穿", "戴", "关", "锁", "挂号", "系", "拿", "填", "签", "预约", "检查", "记得", "遵守", "保持", "空腹")
# More of what must be done, after a 得 that opens a clause: 得打车去机场, 得托运, 得改签, 得加钱
_MUST_FIRST = ("打车", "托运", "改签", "加钱", "排队", "买", "请", "赶", "把", "给", "在", "做", "用", "有人", "回",
               "禁食", "控制", "减肥", "省着", "拔牙", "药浴", "导尿", "住院", "缝针", "打针", "吃药", "输液", "手术", "治疗",
               "去医院", "补", "戒", "忌口", "静养", "卧床", "看", "听")  # (猫咪呕吐了，得禁食十二小时; 太胖了，得减肥)
# What a clause that opens with 得 "must" goes on with: 得先去, 得赶紧走, 得哄着.
_MUST_DO = ("先", "趁", "赶紧", "赶快", "快", "马上", "再", "好好", "多", "少", "去", "走", "哄", "让", "跟", "找", "等",
            "花", "靠", "小心", "注意", "抓紧", "提前", "自己", "慢慢", "想办法", "重新", "换", "带", "交", "早", "下功夫", "下决心",
            "穿", "洗", "磨", "收拾", "准备", "喝", "练", "问问", "考虑")  # (天冷了，得穿羽绒服了)
# 了得 (liao3 de2) ending a clause, "remarkable" or "serious", after a skill or a degree: 他的功夫很了得, 身手了得, 这可了得 (not
# 为了得到, 除了得奖, 病了得去医院)
_MIGHTY = re.compile("(?:很|真|可|好生|甚是|十分|相当|非常|何等|多么|颇为|极为|着实|实在|果然|功夫|身手|武功|武艺|本领|本事|"
                     "手段|枪法|剑法|刀法|医术|棋艺|厨艺|口才|酒量|能耐|轻功|拳法|掌法|箭术|身法|内功|功力|修为|演技|唱功|节奏感|球技|车技|技术|实力)$")
# What is set or seasoned, before 调得 tiao2: 味道调得刚好, 音量调得太大, 悬挂调得偏硬
_SET_THINGS = re.compile("味|调料|馅|酱|料汁|汤|颜色|音量|温度|亮度|空调|悬挂|底盘|方向盘|琴弦|弦|音|参数|白平衡|饱和度|对比度|色温|曝光|色调|滤镜|座椅")
# Degree words before an adjective (太重, 很重, 那么重)
_DEGREE_WORDS = frozenset("很 太 好 挺 真 更 最 极 那么 这么 多么 非常 特别 十分 相当 比较 有点 有些".split())
_DE_WORDS = frozenset("晓得 懂得 认得 记得 觉得 获得 取得 赢得 值得 显得 使得 免得 省得 难得 舍得 落得 博得 求得 来得 "
                      "见得 怪得 恨得 巴得".split())
# Garments that come out too long, before 长了 chang2 (裤子长了5公分)
_GARMENTS = ("裤子", "裙子", "袖子", "裤腿", "衣服", "衣袖", "外套", "大衣", "下摆", "裤", "裙", "袖")
_LONG_THINGS = ("时间", "日子", "夜", "路", "假期", "根", "条", "段", "句", "篇", "文章", "电影", "寿命", "距离")
_LINE_CONTENT = ("代码", "注释", "字", "文字", "数据", "命令", "公式", "记录", "表格", "诗", "程序", "内容")
_SENTENCE = re.compile("徒刑|拘留|拘役|罚款|罚金")
_UPRIGHT = ("树", "架", "房子", "房", "屋", "墙", "楼", "塔", "杆", "柱", "碑", "桥", "篱笆", "车", "杯子", "瓶子", "花瓶",
            "椅子", "桌子", "柜子", "架子", "栏杆", "旗", "牌", "人", "他", "她", "老人", "孩子")  # fmt: skip
# What freezes rather than sticks, right before it (电脑卡住了, 页面又卡住了: ka3; not 手机卡在门缝里, 机器卡住了工人的手)
_MACHINES = re.compile("(?:电脑|手机|系统|程序(?!员)|页面|界面|画面|进度|游戏|软件|App|APP|网页|屏幕|网络|鼠标|平板)"
                       "(?:[^，,。]{0,6}?(?:都|又|一直|突然|老是|总是|经常|就))?$")  # (电脑用着用着就卡住了)


# How a frozen thing's clause goes on after 卡 or 卡住 (卡住了。, 卡住不动, 卡了好久; not 卡住了工人的手)
_FROZE_AFTER = re.compile("(?:住)?(?:了?(?:[，。！？,.!?]|$)|不动|了?好久|半天|了一下)")


def _frozen(c: Context) -> bool:
    """卡 or 卡住 ka3, a machine that froze: 电脑卡住了, 页面又卡住了 (not 鱼刺卡住了, 手机卡在门缝里)."""
    return _MACHINES.search(c.before) is not None and _FROZE_AFTER.match(c.after) is not None
_GIVE_ALSO = re.compile("准备|带|提供|送|安排|做|买|介绍|留|发|寄|开|办|申请|包了|讲了|唱了|织了|缝了|煮了|炒了|端来|捎来|盛了|夹了")
# 还给我打了个电话 (also called me), but not after 把: 他把书还给我打了个招呼 (returned it)
_GIVE_ALSO_CALL = re.compile("打了|打过|打个|打电话|打.{0,2}折|打包")
# A clause that is a wet thing and adverbs, before 干: 衣服都干了 (not 他在河南干了三年, 毛巾厂的活儿他干了).
_DRYING = re.compile("^(?:[这那][件条双块些口]?|[\u4e00-\u9fff]{1,3}的)?(?:衣服|头发|被子|毛巾|袜子|鞋子|床单|油漆|颜料|胶水|眼泪"
                     "|泪水|嗓子|嘴唇|皮肤|地面|地板|水泥|墙|水库|河水|井水|井|水|鼻子|鼻头|便便|粪便|大便|伤口|毛|猫砂|猫粮|狗粮"
                     "|眼睛|嘴巴|喉咙|土|地|土壤|泥|泥巴|地表|天气|空气|积水|路面|河|河道|河床|池塘|溪|小溪|水坑)(?:都|还|已经|已|也|没|就|快|还没|早就|终于|又|太|很|特别)*$")
# What a job offer or a contract states, before 为 "is": 岗位为行政专员, 薪资构成为底薪加提成, 补偿为N+1
_TERMS_OF_A_JOB = ("岗位", "要求", "构成", "月薪", "年薪", "工资", "薪资", "底薪", "补偿金", "补偿", "基数", "考核")
_PERSONS = ("你", "我", "他", "她", "它", "您", "咱", "大家")
# 为 wei4 "for": before whom it is for, or in a clause whose verb does something for someone.
_BENEFICIARIES = (*_PERSONS, "自己", "人民", "群众", "客户", "顾客", "用户",
                  "员工", "孩子", "学生", "家长", "老人", "患者", "病人", "乘客", "旅客", "游客", "市民", "居民",
                  "读者", "观众", "消费者", "此", "何", "之", "谁", "百姓", "老百姓", "人类", "父母", "朋友", "同学",
                  "对方", "别人", "他人")  # fmt: skip
_DOING_FOR = re.compile("提供|服务|带来|准备|解决|办理|创造|着想|担心|担忧|操心|高兴|感到|骄傲|自豪|加油|点赞|鼓掌|"
                        "祝福|祈祷|打造|推出|量身|颁发|举办|设计|定制|送上|送去|送来|捐款|捐赠|捐献|筹款|筹集|奉献|"
                        "付出|贡献|作出|做出|实事|谋福|谋幸福|谋利益|争光|发声|代言|讲解|介绍|演唱|指路|看病|治疗|"
                        "做|出力|努力|奋斗|牺牲|而战|难过|伤心|"
                        "惋惜|遗憾|感动|欢呼|庆祝|祝贺|负责|保驾护航|排忧解难|铺路|搭建|撑腰|买单|埋单|投票|求情|"
                        "辩护|报仇|作证|减负|松绑|赋能|护航|把关|输血|开辟|增添|赢得|挣钱|献上|献出|献血|献计|献策|"
                        "配备|配置|安排|减免|减轻|修建|修好|安装|开通|发放|营造|争取|购买|缴纳|颁奖|撰写|送行|引路|"
                        "治病|募集|募捐|纾困|解答|延长|更换|整理|收拾|挡住|凑钱|理赔|退还|开展|增开|拨款|致辞|递上|写下|"
                        "量身定做|保留|预留|留出|腾出|让出|让路|让座|点赞|喝彩|叫好|担保|出谋划策|操劳|忙碌|奔波|"
                        "留下|投保|保守|道歉|奠定|打下|效力|出战")  # fmt: skip
# 为 wei2 "as / is" before these: 以经济建设为中心, 以此为例, 以…为荣, 以…为准.
_WEI_AS_RIGHT = ("中心", "目标", "核心", "基础", "重点", "导向", "宗旨", "前提", "代价", "依据", "单位", "组长", "契机",
                 "突破口", "抓手", "载体", "纽带", "切入点", "主线", "指导", "指引", "主体", "重心",
                 "终点", "起点", "出口", "入口", "匝道", "收费站")  # fmt: skip  # 前方1公里为出口
_WEI_AS_WORD = frozenset("例 荣 耻 由 本 宜 佳 妙 限 界 最 先 重 伍 伴 邻 敌 友 师 生 患 难 奇 怪 题 空 真 假 空时 真时 假时 目的 开 关".split())  # 以此为例, 列表为空, 按一下为开 (not 为开学, 为关羽)
# Verbs that set something as or into what follows 为 (wei2): 设置为默认, 另存为, 标记为已读, 还原为出厂设置, 确认为应付.
_SET_AS = ("设置", "设定", "修改", "更改", "变更", "保存", "另存", "导出", "标记", "定义", "简称", "命名", "调整", "切换",
           "转换", "替换", "更新", "升级", "降级", "上调", "下调", "缩短", "延长", "还原", "恢复", "重置",
           "确认", "公认", "误认", "默认")  # fmt: skip
# Changes of degree or form that make something into what follows 为 (wei2): 台风已加强为超强台风, 逐渐发展为;
# not urged as a policy, where 为 is for whom (要降低为企业融资的成本, 进一步扩大为中小企业贷款的规模).
_CHANGE_TO = ("加强", "增强", "减弱", "增加", "减少", "扩大", "缩小", "提高", "降低", "提升", "合并", "演变", "发展")
_URGED = re.compile("(?:要|应|应当|应该|需要|必须|进一步|大力|努力|不断|持续|积极|切实|着力)(?:" + "|".join(_CHANGE_TO) + ")$")
_CHANGE_INTO = re.compile("(^|[^文变消强美绿净进深优转软硬同异])[化变][^为，]{1,4}$")
# Verbs of judging or fixing what something is, before 为 wei2 (经鉴定为轻伤, 被认定为工伤, 约定为)
_JUDGED_AS = ("鉴定", "认定", "确定", "判定", "核定", "评定", "界定", "规定", "约定", "限定", "指定", "选定", "锁定",
              "拟定", "暂定", "审定", "裁定", "定性", "判断", "诊断", "识别", "归类")  # fmt: skip
# Parties and matters of a contract or a case, before a copula 为 wei2 (甲方为乙方的全资子公司, 被告人为未成年人)
_PARTIES = ("甲方", "乙方", "丙方", "原告", "被告", "被告人", "被害人", "上诉人", "申请人", "第三人", "当事人", "代理人",
            "辩护人", "继承人", "代表人", "双方", "案由", "标的", "罪名", "刑期", "伤情", "款项", "本案", "该案", "违约金",
            "赔偿金", "债务", "纠纷", "管辖法院", "争议")  # fmt: skip
# What a copula 为 (wei2) follows: an attribute being given (比赛时间为下午两点, 终点站为北京西站,
# 主讲人为李教授, 第18周为考试周, 利率为3%); other subjects keep wei4 ("for": 政府为农民减负).
_ATTRIBUTES = ("码", "号", "名字", "名称", "姓名", "地址", "面积", "金额", "总额", "价款", "质量", "结果", "结论", "地点",
               "焦点", "主题", "成绩", "原因", "判决", "污染物", "期限", "标准", "范围", "方式", "对象", "规格", "等级",
               "本品", "时间", "日期", "时段", "职务", "身份", "职位", "职称", "内容", "任务",
               "目标", "职责", "重点", "业务", "分数线", "名单", "产地", "所在地", "出生地", "目的地", "终点站",
               "起点站", "终点", "起点", "收件人", "寄件人", "联系人", "负责人", "申请人", "主讲人", "受益人",
               "持卡人", "收款人", "户名", "户主", "性别", "年龄", "学历", "专业", "长度", "宽度", "高度", "深度",
               "重量", "体积", "容量", "价格", "单价", "总价", "费用", "票价", "比例", "比分", "得分", "名次", "排名",
               "状态", "性质", "类型", "类别", "型号", "品牌", "颜色", "材质", "尺寸", "尺码", "答案", "题目", "口号",
               "宗旨", "理念", "前方", "站", "出口", "入口", "登机口", "路段", "电话", "热线", "招牌菜",

               "车位", "铺位", "排位", "机位", "展位", "摊位", "工位",
               "诊断", "确诊", "更名", "改名", "公式", "光圈", "周", "课", "率", "价", "额", "值", "量", "数", "度", "级", "型", "期",
               "下限", "上限", "座位")  # fmt: skip
# A share or a multiple, read: 百分之八十, 三分之一, 一点五倍
_SHARE = "(?:(?:百分之|千分之|万分之|[一二三四五六七八九十]+分之)[零一二两三四五六七八九十百千点]+|[一二两三四五六七八九十点]+倍)"
# What a thing is described by, which may also do something for someone (该版本为用户带来, so after _wei_for):
# 户型为三室两厅, 装修风格为简约风, 版本为V2.3.1; a clause ending in one names what its subject is:
# 房屋为南北通透户型, 这套房子为复式结构 (not 开发商为业主打造全新户型, 设计师为客户设计户型, nor with a
# verb's 了 after: 新版本为系统增加了新功能; nor with no subject or a person's: 为满足需求的新版本,
# 我们为这套房选择北欧风格, 小王为新家挑选装修风格)
_DESCRIBED = ("版本", "风格", "结构", "户型", "房型", "朝向", "格局")
# Whom a thing is for, inside what follows 为 and before what is done: 新版本为安卓用户优化体验 (not 户型为三室两厅)
_SERVED_INSIDE = re.compile("(?:" + "|".join(b for b in _BENEFICIARIES if len(b) > 1) + ")[\u4e00-\u9fff]")
_CHOOSING = re.compile("选|挑|换|找|看中|喜欢|确定")  # someone choosing a kind for something: 为新家挑选风格
_ASPECT = re.compile("[了着]")  # a verb's 了 or 着 after 为: something done for someone (增加了, 带着)
# A clause that is a determiner and a noun names what it describes: 本车厢为, 该产品为 (not 这学期学校为).
_DETERMINERS = "(?:本|该|此|其|这|那)(?:次|届|期|批|项|款|类|种|个|条|件|家|所)?"


def _bank(c: Context) -> bool:
    """行 hang2, a bank: 该行表示, 贵行, 跨行取款, 外资行, 股份行, 国有大行, 我行将于 (not 我行！ I can), 他行转账;
    not 行 starting a word after them (该行为, 我行动)."""
    if c.right.startswith(tuple("为动驶人程李走使政星销医善乐窃进军文事贿刑凶骗礼踪迹装头家话径规")):
        return False
    if c.left == "该":  # not 该行则行, 该行的礼数 (should be done); 该行行长 is the bank's
        return bool(c.right) and c.right[0] not in "则就都也了" and re.search("行(?!长)", c.after) is None  # (该行的都行了吗)
    if c.left in ("贵", "跨", "外资", "中资", "总", "分", "支", "商业", "国有", "股份", "股份制"):
        return True
    big = c.left == "大" and c.before.endswith(("国有大", "四大", "五大", "六大", "几家大", "各大", "两大", "头部大"))
    if (big or c.left in ("四大", "五大", "六大", "两大")) and c.right[:1] not in ("其", "业"):
        return True  # 国有大行, 四大行, 几家大行: the big banks (not 大行其道, 各大行业)
    if c.left == "我":  # not 我行！, 我行得正, 我行过万里路 (I can, I walk)
        return bool(c.right) and c.right[0] not in "不了吗啊吧呀呢我得过就也都"
    return c.left == "他" and c.right.startswith(("转账", "取款", "汇款", "卡", "ATM", "存款", "的"))


def _wei_for(c: Context) -> bool:
    """为 wei4 "for": 为你, 为人民服务, 为此, 为员工提供午餐, 为每位学生准备了礼物."""
    return c.right.startswith(_BENEFICIARIES) or _DOING_FOR.search(c.after) is not None


# Whom a 为 "for" is for, where no verb of _DOING_FOR says so: a person before what is done (为母亲庆生,
# 为年轻人敲响警钟, 为球迷直播比赛; not 为成年人, a kind; nor 为基数计算).
_SOMEONE = re.compile("(?:[人亲者员迷民]|儿子|女儿|妻子|丈夫|爸爸|妈妈|爷爷|奶奶|队友|战友|邻居|同事)$")


def _wei_classed(c: Context) -> bool:
    """为 wei2 before what a thing is classed as, ending its clause: 脾为后天之本, 心为君主之官 (a 之 phrase), 人参为君,
    甘草为佐使 (a formula's roles), 舌红苔黄，为热证 (a pattern of illness); not 为国家之利益奋斗 (a deed follows),
    为患者确诊病症 (for someone)."""
    named = c.after.rstrip("。！？!?；;…")
    if _for_someone(c) or _WEI_FOR_BEFORE.search(c.before):
        return False
    return (re.fullmatch("[^，,。]{1,6}之[\u4e00-\u9fff]{1,2}(?<!之计)|(?:君|臣|佐|使|佐使|君臣)药?", named) is not None and bool(c.before)
            or re.fullmatch("[\u4e00-\u9fff]{1,5}[证症]", named) is not None)


def _should_answer_for(c: Context) -> bool:
    """应对 ying1 dui4, should towards: a subject before it, and after its object a deed of duty not yet done (乙方应对其员工的
    行为承担责任, 用人单位应对劳动者进行培训; not 央行应对通胀压力作出了加息决定, 应对方案已经做出修改, 应对赔偿问题)."""
    duty = _DUTY.search(c.after[:16])
    return (duty is not None and duty.start() >= 2 and (bool(c.before) or duty.group() in ("进行", "加以", "予以"))
            and not c.before.endswith(_COPING_HOW + ("的",))
            and _COPING_NOUN.match(c.after) is None)


# What one must do towards something (not done: 作出了, 承担着, 所作出的; nor a person: 负责人)
_DUTY = re.compile("(?<!所)(?:进行|加以|予以|承担|负(?:责(?!人)|全部|主要|连带|有)|(?:严格|妥善)?保密|赔偿|履行|作出|做出|审查|核实)(?![了着的过])")
# 应对 as a noun before these (应对方案, 应对能力, 应对疫情领导小组)
_COPING_NOUN = re.compile("方案|措施|能力|机制|小组|工作|时|中|策略|预案|体系|领导|[^，,。]{0,4}(?:领导小组|工作组|指挥部)")
# How one copes (积极应对, 如何应对): 应对 is a verb after these, ying4
_COPING_HOW = ("积极", "如何", "从容", "有效", "沉着", "冷静", "妥善", "科学", "正确", "主动", "灵活", "共同", "及时", "合理", "怎样",
               "怎么", "难以", "无法", "用以", "以", "来", "去", "为了", "能够", "学会", "快速", "全力", "统筹")
# Verbs that turn something into what follows 为 wei2: 转化为治理效能, 分解为水和二氧化碳, 改建为博物馆
_TURNED_INTO = ("转化", "转变", "分解", "改建", "改造", "演化", "发育", "简化", "细化", "量化", "合成", "拆分", "改编", "改名",
                "更名", "改称", "点", "宣布其", "当选", "晋级", "降格", "升格", "改判", "更正", "减", "变更", "修改", "修正", "认定",
                "确定", "设", "评定", "划定", "折算", "换算")
_LINKS = frozenset("的 之 和 与 及 或 、".split())
# Before a 为 that is "for" (全是为钱, 一切为国家之利益, 臣愿为君死)
_WEI_FOR_BEFORE = re.compile("(?:是|一切|只|(?<![首京成古国建迁定])都|皆|(?<![安周健齐完保])全|愿|肯|甘|宁愿|宁可|不)$")
# What a clause that opens with 为 (wei2) classes its subject as: ，为全国重点文物保护单位, ，为黄山最高峰, ，为热证
_CLASSES = ("单位", "建筑", "遗址", "文物", "保护区", "景区", "高峰", "最高峰", "之一", "之首", "首都", "省会", "所在地", "发源地",
            "代表", "典范", "杰作", "古刹", "祖庭", "证", "症", "之象", "航班", "车次", "品牌", "作品", "真迹", "建筑群", "城市", "宫殿",
            "汤", "散", "丸", "膏")
# Whom or what one does things for, one character after 为 wei4 (为公, 为民, 为钱, 为谁)
_FOR_ONE = frozenset("公 民 国 家 己 人 钱 名 利 官 善 恶 谁 何 此 之 其 你 我 他 她 您 它 君 妻 母 父 子 女 友 师 生 食 财 情 爱".split())
# How the names of places, bodies and works end, that jieba does not list (莒国, 某某县, 宋氏, 张某)
_NAMED_ENDS = tuple("国州县城山河湖寺省市团史体氏某局厂司院校部店馆园宫殿庙阁楼塔桥脉热寒虚证症汤散丸膏")
# Words that jieba does not tag as deeds but that say how a deed goes, after 为: 早晨用药为好, 以少为佳, 为难
_SAID_OF_A_DEED = frozenset("好 佳 宜 妙 难 重 主 先 准 止 伍 伴 患 害 敌 友 生 师 背书 纪念 节约 体验 服务 贡献 买单 加油 助力 点赞 "
                            "站台 发声 代言 担保 宣传 辩护 作证 辟谣 正名 撑腰 保驾护航 护航 兜底 买账 让路 让步 开道 铺路".split())


# Verbs of a passive 为…所 that what follows 所 may name even before 的 (为群众所熟知的, 为人民所喜爱的)
_SUFFERED = ("熟知", "喜爱", "接受", "迫", "困", "知", "用", "害", "杀", "败", "灭", "俘", "伤", "感动", "吸引", "震撼", "称道", "推崇",
             "欢迎", "认可", "青睐", "重视", "忽视", "遗忘", "替代", "取代", "左右", "控制", "利用", "掌握", "垄断", "占", "累", "误",
             "惑", "动", "关注", "信任", "敬仰", "崇拜", "爱戴", "传颂", "称颂", "赞", "钟爱", "熟悉", "了解", "认识", "诟病", "不齿")


def _wei_passive(c: Context) -> bool:
    """为 wei2 of a passive 为…所: 为曹雪芹所作, 为后人所编, 为人民所喜爱 (not 为你所做的一切, 为你所写的歌: what was done for
    someone; nor 一一为具言所闻: told to them, what was heard)."""
    done = re.match("[^，,。；;]{1,8}(?<![言说究出厕场诊务寓住])所(?!以|有|在|谓|得|属|需|长)([\u4e00-\u9fff](?:(?!的)[\u4e00-\u9fff])?)", c.after)
    if done is None or _WEI_FOR_BEFORE.search(c.before):
        return False
    if done.group(1).startswith(("做", "作", "付出", "准备", "牺牲", "奉献", "承受", "花", "写", "唱", "受", "设", "提供")):
        return not _wei_for(c) and not c.after[done.end():].startswith("的")  # (not 为你所做的一切, 为考生所提供的服务)
    if done.group(1).startswith(_SUFFERED):
        return True  # 为群众所熟知的, 为人民所喜爱的歌曲
    return not (c.after[done.end():].startswith("的") and _wei_for(c))


def _wei_copula(c: Context) -> bool:
    """为 wei2 "is" before a noun phrase that ends the clause (日本首都为东京, 其母为王氏, ，为黄山最高峰, 是否为本市户籍)
    or after a verb of turning into (转化为, 改建为); not "for" someone (一切为人民) nor before a deed (为国争光)."""
    if _for_someone(c) or _WEI_FOR_BEFORE.search(c.before):
        return False
    if c.left.endswith(_TURNED_INTO) or c.after.startswith((":", "：")):
        return True  # (第一顺序为：配偶, 理由为：)
    told = c.after.rstrip("。！？!?；;…").strip("“”\"'《》")
    if not told or len(told) > 14 or re.search("[了着过而来去所]", told) or _SERVED_INSIDE.search(told):
        return False  # (not 为纪念抗战胜利而建的, 皆为利来, 为空巢老人送温暖)
    if len(told) == 1:  # 初一为朔, 酿泉为酒, 部首为“木”, 之为病 (not 立党为公, 全是为钱, 为谁)
        return bool(c.before) and names_a_thing(told) and told not in _SAID_OF_A_DEED and told not in _FOR_ONE
    if not c.before and not told.endswith(_CLASSES):
        return False  # a clause that opens with 为 names a class (，为全国重点文物保护单位, ，为白虎汤; not 为前途，为保护环境)
    words = [word for word in cut_words(told) if word not in "《》“”\"'"]
    return bool(words) and words[-1] not in _LINKS and sum(len(word) == 1 and word not in _LINKS for word in words) <= 1 and all(
        word in _LINKS or word.startswith("之") or names_a_thing(word) and word not in _SAID_OF_A_DEED
        and (word_frequency(word) > 0 or not word.isalpha() or word.isascii()
             or word is words[-1] and (word[0] in COMMON_SURNAMES or word.endswith(_NAMED_ENDS))) for word in words)
    # (a word jieba made up only as a name at the end: 其妻为宋氏, 主席为张三, 古为莒国; not 尚思为国戍轮台, 为农民工讨薪)


def _for_someone(c: Context) -> bool:
    return _wei_for(c) or bool(c.beyond) and _SOMEONE.search(c.right) is not None


def _wei_names(c: Context) -> bool:
    """What follows 为 (wei2) names what its clause's subject is, in a word or two that end the clause:
    带*号的为必填项, 七点到九点为早高峰 (not 他默默的为妻子梳头, a subject before; nor 九点为球迷直播比赛,
    whom it is for and what is done)."""
    said = c.after.rstrip("。！？!?；;…")
    return (bool(c.right) and said in (c.right, c.right + c.beyond) and not c.before.startswith(_PERSONS)
            and not _for_someone(c))


_KIND_ENDS = "剂片素液膏丸粉囊粒品物型类"  # what a product is said to be: 片剂, 胶囊, 颗粒, 非处方药品


def _wei_is(c: Context) -> bool:
    """为 wei2 "is / as" classifying a determined subject as a kind of itself: 本车厢为女性车厢,
    该药品为处方药, 该地区为地震多发区, or as a kind of product (该药为片剂, 本品为长效胰岛素; not
    这次活动为山区儿童募集善款); without a determiner where the
    kind ends in the subject's noun: K字头列车为快速旅客列车, 转向助力为电子助力 (not 公司为员工的公司缴纳了)."""
    told = c.after.rstrip("。！？!?；;…")
    determined = (bool(c.left) and c.before[:1] in "本该此其这那"
                  and re.fullmatch("(?:" + _DETERMINERS + ")?" + re.escape(c.left), c.before) is not None)
    return (determined and (bool(set(c.left[-2:]) & set(told[-3:]))
                            or len(told) <= 8 and told[-1:] in _KIND_ENDS and _ASPECT.search(told) is None)
            or len(c.left) >= 2 and told.endswith(c.left[-2:]) and _ASPECT.search(told) is None and not _for_someone(c))


# 场 chang2 counts what happens, the weather above all (一场大雨, 两场降雪, 一场大战, 一场误会; and the words that
# open a forecast's rain: 两场强降雨, 大范围降雨, 较强降雨); chang3 a show, a match or a sitting (一场比赛, 一场电影, 三场考试)
_HAPPENINGS = ("雨", "雪", "大雨", "大雪", "暴雨", "暴雪", "秋雨", "春雨", "小雨", "中雨", "阵雨", "细雨", "透雨", "喜雨", "降雨", "降雪", "降水", "冰雹", "寒潮", "冷空气", "大风", "沙尘",
               "台风", "暴风", "风暴", "雷雨", "雷阵雨", "霜冻", "干旱", "洪水", "地震", "火灾", "大火", "病", "大病", "风波",
               "战争", "战役", "大战", "恶战", "灾难", "浩劫", "梦", "噩梦", "误会", "争论", "争吵", "革命", "虚惊", "空欢喜",
               "瘟疫", "危机", "悲剧", "闹剧", "骗局", "官司", "恋爱", "交易", "变革", "强降", "大范围", "较强", "明显")  # fmt: skip
_SHOWS = ("比赛", "球赛", "赛", "对决", "较量", "演出", "电影", "演唱会", "音乐会", "晚会", "戏", "话剧", "歌剧", "表演", "马拉松",
          "考试", "球", "演讲", "讲座", "直播", "发布会", "秀", "相声", "电竞", "足球", "篮球", "排球", "网球", "友谊赛",
          "联赛", "决赛", "半决赛", "淘汰赛", "小组赛", "热身赛", "常规赛", "季后赛", "揭幕战", "焦点战")  # fmt: skip


def _happening_after(c: Context) -> bool:
    return c.after.startswith(_HAPPENINGS)


def _show_after(c: Context) -> bool:
    """A show or a match follows, maybe after what it is like (一场艰难的比赛, 一场精彩的演出)."""
    return c.after.startswith(_SHOWS) or _SHOW_DESCRIBED.match(c.after) is not None


_SHOW_DESCRIBED = re.compile("[^，,。的]{0,5}[^，,。的后前时中里上下]的(?:" + "|".join(_SHOWS) + ")")  # (not 一场车祸后的演出)


_MEASURED = {"一": "yi1", "两": "liang3", "三": "san1", "四": "si4", "五": "wu3", "几": "ji3", "多": "duo1", "这": "zhe4",
             "那": "na4", "每": "mei3", "整": "zheng3", "首": "shou3", "哪": "na3", "各": "ge4", "上一": "shang4 yi1",
             "下一": "xia4 yi1", "第一": "di4 yi1", "第二": "di4 er4", "第三": "di4 san1", "最后一": "zui4 hou4 yi1"}  # fmt: skip
# 一场, 两场, 这场, 第一场 ... as jieba's words, read by what they count
_SCENE_WORDS: dict[str, tuple[tuple[str, Test], ...]] = {
    before + "场": ((reading + " chang2", _happening_after), (reading + " chang3", _show_after))
    for before, reading in _MEASURED.items()
} | {"场": (("chang2", _happening_after),
           ("chang3", lambda c: re.search("[一二两三四五六七八九十百千几多]$", c.left) is not None and _show_after(c)))}


RULES: dict[str, tuple[tuple[str, Test], ...]] = {
    "行": (
        ("hang2", lambda c: bool(c.left) and c.left[-1] in NUMERALS + "零" and c.right[:1] != "人"
         and not (c.after.startswith("不行") and re.search("写|代码|页|论文|文章|字|程序", c.before) is None)),  # (not 三百行不行: will it do)
        ("hang2", right_in("业", "情", "长", "列", "距", "高", "首", "尾")),
        ("hang2", lambda c: c.left.endswith(("这", "那", "哪", "每", "单", "双", "上一", "下一", "最后一"))
         and (c.right.startswith(_LINE_CONTENT) or (not c.right and re.search("删|注释|选中|复制|粘贴|空出", c.before)))),
        ("hang2", _bank),
        # 这行得靠口碑, 这一行得重写: a trade or a line that must (not 这行得通)
        ("hang2", lambda c: c.left.endswith(("这", "那", "这一", "那一")) and c.right == "得" and not c.after.startswith("得通")),
        # the trade: 干这行, 入这行, 在这行干了十年 (not 这行不通, 在这行吗)
        # 这行我干了十年, 他是这行的老手, 你是哪一行的 (not 这行吗, 这行不通)
        ("hang2", lambda c: c.left.endswith(("这", "那")) and c.right in PRONOUNS and re.search("干|做|混|待|呆", c.after[:8]) is not None
         or c.right == "的" and re.search("是(?:这|那|哪)一?$", c.before) is not None),
        ("hang2", lambda c: re.search("(?:干|入|进|做|混)(?:我们|咱们|你们|他们|我|你|他|她)?(?:这|那|哪)一?$", c.before) is not None
         or c.before.endswith(("在这", "在那")) and re.match("(?:干|做|混|工作|待|呆|里)", c.after) is not None),
        ("hang2", lambda c: c.left.endswith(("二手车", "琴", "乐器", "珠宝", "五金", "电器")) and c.right[:1] in ("", "里", "的", "老板")),  # 二手车行, 琴行
        ("hang2", lambda c: c.left == "在" and c.before.endswith(("很在", "不在", "真在", "挺在", "最在", "太在", "特别在",
                                                                   "非常在", "比较在")) and c.right[:1] in ("", "的", "了", "啊", "呢")),  # 做饭他很在行
    ),
    "长": (
        ("zhang3", lambda c: re.match("了?一岁", c.after) is not None),  # 过了年就长一岁, 他比我长一岁 (grown or older by a year)
        # 日子还长着呢, 路还长着呢: still long (not 韭菜还在长着呢: growing)
        ("chang2", lambda c: c.after.startswith("着呢") and re.search("日子|路|时间|夜|假期|一生|人生|队|距离|岁月|来日|故事|早着", c.before) is not None),
        ("zhang3", lambda c: c.after.startswith(("这么大", "那么大", "这么高", "那么高"))),  # 我长这么大 (grow up)
        # 五国外长举行会议 (jieba: 国外|长): the foreign ministers of so many countries (not 他在国外长期工作)
        ("zhang3", lambda c: c.left == "国外" and re.search("[两二三四五六七八九十几多各该]国外$", c.before) is not None
         and not c.after.startswith(("期", "途", "久", "大", "时"))),
        # 每天长十五克, 每个月长一两斤: grown by so much
        ("zhang3", lambda c: c.alone and re.search("(?:每天|每周|每个?月|一周|一个月|一天)$", c.before) is not None
         and re.match("[零一二两三四五六七八九十百几多半]", c.after) is not None),
        ("zhang3", lambda c: c.before.endswith("越") and re.match("越(?:像|高|大|壮|胖|漂亮|好看|帅|俊|水灵|结实)", c.after)
         is not None and not c.before[:-1].endswith((*_LONG_THINGS, "裙子", "线", "绳子", "队伍", "袖子", "裤子"))),
        # 越长越像他爸 (not 越长越好, 越拉越长, 裙子越长越漂亮, 线越长越结实: the longer)
        ("chang2", left_ends("太很真好多么更最挺特别常较够超")),
        ("chang2", lambda c: c.right[:1] == "了" and c.left.endswith(_LONG_THINGS)),  # 时间长了, 这根短了，那根长了
        # 衣服有点长了, 裤子长了5公分: too long (孩子长了5公分: grown)
        ("chang2", lambda c: c.left in ("有点", "有些", "稍微", "稍", "略") and c.right[:1] in ("", "了", "的", "啊")
         or c.right[:1] == "了" and c.left.endswith(_GARMENTS)),
        ("zhang3", right_starts(*_GROW)),
        ("zhang3", lambda c: re.match("第?[一二两三四五六七八九十几]颗(?:乳|恒)?牙", c.after) is not None),  # 长第一颗牙
        ("zhang3", left_ends("生成增家校班队部省市县局处科所院社组团师兄首")),
        ("chang2", lambda c: True),
    ),
    "重": (
        ("chong2", right_starts(*"新写做来说读装启建修选算排发播放演试拍画定返申整组置设复叠逢")),
        ("chong2", left_ends("双两三多几四五六七八九十")),  # 七重宝塔, 第九重 (layers; 两 of 二两重 is a word: zhong4)
        # 他重又拿起了笔, 音乐重又响起: 重又 "once again" before an act (not 又重又大, 行李重又多, 重又拿不动, nor
        # heavy after a degree: 包太重又出现了裂痕, 伤得很重又开始发烧)
        ("chong2", lambda c: not c.before.endswith("又") and c.left not in _DEGREE_WORDS and not c.left.endswith("得") and re.match(
            "又(?:回到|回来|回去|响起|拿起|坐下|坐了下来|躺下|站起|走进|走到|燃起|陷入|出现|开始|恢复|低下|抬起|闭上|睁开|拾起|捡起|戴上|亮起|变得|成为|踏上)",
            c.after) is not None),
    ),
    "还": (
        # 一起还的贷款, 他还的钱 (not 还的确, nor 还的 typed for 还得: 你还的多练练, 这还的了)
        ("huan2", lambda c: c.right == "的" and re.match("的(?:确|了|多|少|好|先|再|要|去|看|练|学)", c.after) is None),
        # 将车辆还到指定地点, 把书还到图书馆; 三期没还完: returned (not 你还到B1层看看, 将来还到, 把握还到)
        ("huan2", lambda c: c.right == "到" and re.search("(?:(?<![即必终])将(?![来军要近会于领士])|把(?![握柄关手戏守]))[^，,。]{1,8}$", c.before) is not None
         and not c.after.startswith(("到现在", "到今天", "到如今", "到底", "到了现在"))
         or c.left.endswith("没") and c.right[:1] in ("完", "清", "上")),
        ("huan2", right_in("书", "钱", "债", "款", "贷", "给", "清", "账", "贷款", "欠款", "借款", "房贷",
                           "车贷", "信用卡", "本金", "利息", "回去", "回来", "我", "你", "他", "她", "金额")),
        ("huan2", lambda c: c.right in ("不起", "不上", "不清", "得起", "得上", "得清") and re.search("钱|债|贷|款|账|欠", c.before) is not None),  # 钱我还不起
        ("huan2", lambda c: c.right == "嘴" or c.left == "待" and c.right.startswith("款")),  # 不许还嘴, 待还款项
        # 每月还五千多的房贷, 一个月要还多少钱, 还要还二十年: an amount or a time of repaying
        ("huan2", lambda c: c.before.endswith("还要")
         or c.left.endswith(("要", "月", "得", "需")) and re.match("[零一二两三四五六七八九十百千万几多]|多少", c.after) is not None
         and re.search("贷|钱|债|利息|月供", c.before + c.after[:12]) is not None),
        # 逾期未还, 已还完, 应还本息, 欠款按时还上, 还车前 (not 应还有, 应还算合理, 你还上？, 还车票都没买)
        ("huan2", lambda c: c.left.endswith(("未", "已")) and not c.right.startswith(("有", "是", "在", "要", "能", "可", "会", "没", "得"))),
        ("huan2", lambda c: c.left.endswith("应") and c.right.startswith(("本息", "款", "贷", "钱", "金额", "本金"))),
        # repaid on time or early: 提前还一部分, 按时还了, 分期还清 (not 提前还有优惠吗, 按时还要交作业, 提前还了解了, 按时还上课)
        ("huan2", lambda c: c.left.endswith(("提前", "按时", "按期", "如期", "分期"))
         and (c.right in ("", "了", "完", "上", "清", "完了", "上了", "清了") or c.right.startswith(("一部分", "一笔", "一期", "一半", "一些"))
              or AMOUNT.match(c.right) is not None)),
        ("huan2", lambda c: c.right in ("完", "本息", "完了", "上") and re.search("钱|款|贷|债|账|借|欠|信用卡|花呗|额度", c.before + c.after) is not None
         or c.right == "车" or c.right.startswith(("车点", "车前", "车时", "车后"))),
        # 信用卡还不上了, 这笔钱我还不了, 网贷不还会怎样: cannot repay, or not repaying, where a debt is spoken of
        ("huan2", lambda c: (c.after.startswith(("不上", "不起", "不了")) or c.left == "不" and c.after.startswith("会"))
         and re.search("钱|款|贷|债|信用卡|花呗|白条|借呗|欠", c.before) is not None
         and not c.after.startswith(("不了解", "不上班", "不上学", "不起来", "不上调", "不上涨", "不上市", "不上心", "不起作用", "不起眼"))),
        ("huan2", lambda c: not c.right),  # the adverb hai2 never ends a clause: 什么时候还？ 下个月还
        ("huan2", lambda c: c.after.startswith(("一下价", "个价", "点价"))),  # 帮我还一下价 (bargain)
        ("huan2", right_in("了")),  # 书还了, 他还了钱 (了解 is a word of its own: 还了解 keeps hai2)
        ("huan2", lambda c: AMOUNT.match(c.right) is not None),  # 要还五千, 每月还两千块 (not 还三个人)
        ("huan2", lambda c: c.right == "的" and c.after.rstrip("。！!…") == "的" and c.left.endswith(("会", "要", "得", "能"))),  # 我一定会还的
    ),
    # 吃饭喽, 好咧, 加油呐, 好哩, 出发咯: a particle ending the clause, neutral (咯血, 呐喊 are words; not 呐，给你: here; nor 哈喽)
    **{particle: ((neutral, lambda c: c.alone and not c.right and bool(c.before) and c.left != "哈"),)
       for particle, neutral in {"喽": "lou5", "咧": "lie5", "呐": "na5", "哩": "li5", "咯": "lo5", "哟": "yo5"}.items()},
    "得": (
        ("dei3", lambda c: c.right in ("了解", "了结") and c.left.endswith(("还", "就", "也", "都", "又", "先"))),  # 还得了解一下
        ("de2", _times_table),  # 一五得五, 二三得六
        # 他本场得分为30分 (jieba: 得|分为): points scored (not 打得分外激烈)
        ("de2", lambda c: c.right == "分为" and re.search("(?:场|全|总|个人|本|他|她|队|员|手|最终|最后|平均)$", c.before) is not None),
        # 这钱得你出, 这账得算清楚: a thing that must be seen to, then who or what (this money, you must pay)
        ("dei3", lambda c: c.alone and len(c.left) == 2 and c.left[0] in "这那" and c.before == c.left
         and (c.right in PRONOUNS or opens_a_deed(c.right))),
        # get: 各得10元, 立得5元, 注册即得188元, 可得积分 (before _dei_must: not 可得 must)
        ("de2", lambda c: c.left in ("各", "立", "即", "可", "均", "获", "能", "都可", "即可", "均可")
         and _PRIZE.match(c.after) is not None),  # (not 你可得千万小心, 可得一定记住)
        # 由题意得x=5, 两式相减得: a result worked out, before its formula (not 你得x光检查)
        ("de2", lambda c: re.search("由|根据|代入|同理|联立|解|整理|化简|移项|相减|相加|相乘|约分|通分|去括号|去分母", c.before) is not None
         and re.match("[A-Za-z0-9①②③④(（{]|[零一二两三四五六七八九十]{1,3}[A-Za-z]", c.after) is not None),
        # 签到得积分, 晒图得红包, 最高得8.88元, 充100得120: what a shop's deal gives (not 签到得早, 分享得很开心)
        ("de2", lambda c: (c.left in _DEAL_DEEDS or c.left[-1:] in NUMERALS and re.search("充|满|买|存|送", c.before) is not None)
         and _PRIZE.match(c.after) is not None),
        ("de2", lambda c: c.left == "了" and not c.after.rstrip("。！？!?；;…") and _MIGHTY.search(c.before[:-1]) is not None),  # 功夫很了得
        # 由题意可得a+b=5, 同理可得, 由此可得结论: follows (not 你可得小心)
        ("de2", lambda c: c.left == "可" and re.search("由|根据|代入|同理|所以|因此|故|综上", c.before) is not None),
        ("dei3", _dei_must),
        ("dei3", _noun_must),
        ("dei3", lambda c: c.left in _ACTIVITIES and bool(c.right) and not _no_deed_after(c.after)
         and (c.right.startswith(_MUST_DO + _MUST_FIRST + _GEAR_UP) or opens_a_deed(c.right))
         and re.match("[\u4e00-\u9fff](?:[，。！？,.!?了也]|$)|[^，,。]{1,3}[了坏哭]", c.after) is None),  # 出门得带伞 (not 出门得早,
        # 出门得急，忘了带钥匙, 打针得疼哭了: how it went)
        # must wait a while: 他得过一会儿才能到, 你得过几天再来 (not 他得过奖, 得过病: has won, has had)
        ("dei3", lambda c: (c.left in PRONOUNS or c.left in _MUST_SUBJECTS)
         and c.after.startswith(("过一会", "过会儿", "过几天", "过两天", "过些日子", "过一段时间", "过几分钟", "过一阵"))),
        # 詹姆斯全场得30分, 主队得三分: points scored
        # (not 说得十分清楚: very; nor 煎得七分熟: done to seventy per cent)
        ("de2", lambda c: re.match("[零一二两三四五六七八九十百点]+分(?![钟熟饱醉像之])", c.after) is not None
         and re.match("十分(?![的，。！？,.!?；;]|$)", c.after) is None),
        ("dei3", lambda c: (c.left in _MUST_SUBJECTS or c.left.endswith(("事", "事儿", "汤", "孩子", "妈妈", "爸爸"))
                            or c.left in ("这行", "那行", "一行", "这一行") and not c.after.startswith("得通"))
         and c.right[:1] not in ("了", "到", "过", "奖", "分", "出", "") and not _no_deed_after(c.after)),  # 明天得早点起床, 病人得多喝水, 这件事得跟领导商量
        # a total it will take: 一共得多少钱, 至少得三天, 起码得花两千 (not 一共得了三票, 总共得五票)
        ("dei3", lambda c: c.left in ("一共", "总共", "至少", "起码", "最少", "少说")
         and re.match("多少|多久|多长|几(?!个?(?:分|票|奖|块))|花|用|交|付|等|要|[一二两三四五六七八九十半几]+个?(?:天|小时|分钟|个月|月|年|周|星期)",
                      c.after) is not None),  # (not 一共得几分, 最少得几个奖: a score)
        ("de5", lambda c: (len(c.left) == 1 and c.left not in "还这那谁" or len(c.left) == 2 and c.left not in PRONOUNS
                           and opens_a_deed(c.left)) and c.right[:1] == "了"
         and c.after[1:2] in ("", "吗", "呢", "么") and not re.search("[被让叫给]", c.before)),
        # 吃得了吗 (a verb before it; not 老张得了, 还得了, 这个奖被小李得了)
        ("dei3", lambda c: not c.left and c.right.startswith(_MUST_DO)),  # (苦得很，)得哄着喂
        # 时间来不及了，得打车去机场; 票卖完了，得改签: a clause that opens with what must be done (not 得，就这样吧, 得嘞:
        # all right; nor 得三分, 得了, 得房率: a score, a win, a ratio)
        ("dei3", lambda c: not c.before and c.alone and c.right.startswith(_MUST_FIRST)
         and re.search("[权金费款]的|的人|的学生|的家庭", c.after[:10]) is None),  # (not 得控制权的人: who got it)
        # 从这儿到那儿得多久, 打车得花多少钱, 去机场得提前出门: what it takes (not 哭得花容失色, 等得花儿都谢了)
        ("dei3", lambda c: not c.inside and bool(c.before) and len(c.left) != 1
         and re.match("多久|多长时间|多少钱|花(?!容|枝|招|儿|了)|提前", c.after) is not None),  # (not 他说得多长时间都不累)
        ("de2", lambda c: not c.left or c.right[:1] in ("了", "到") or c.left in PRONOUNS and c.right[:1] == "的"),  # 他得的是什么病
        ("de5", _de_particle),
    ),
    "地": (("di4", _place_of),
           ("di4", lambda c: c.left in ("这场", "那场", "该场", "此场", "本场")),  # 这场地太小了: the venue (jieba: 这场|地)
           ("di4", _slippery_ground),
           ("de5", _di_adverbial),
           ("de5", lambda c: c.after.startswith(("一声", "一下")) and bool(c.left)),  # 砰地一声, 啊地一声, 眼泪哗地一下
           # 他“腾”地站了起来, 她“哎”地应了一声, 他“啪”地把书合上: a sound, then how a deed went (not “砰！”地上全是碎片, 地板)
           ("de5", lambda c: c.left in _SOUNDS and bool(c.after) and (c.left != "腾" or re.match("[站跳坐起翻冲]|一下", c.after) is not None)
            and not c.after.startswith(("上", "下", "面", "板", "方", "区", "点", "图", "球", "址", "铁", "震", "产", "位", "主", "步"))),
           # 脸色刷地变了, 刷地一下站起来: 刷 of a sudden move (在刷地, 刷地板: the floor)
           ("de5", lambda c: c.left == "刷" and re.match("一下|变|站|红|白|拉|抽|亮|落|跪|转|掉", c.after) is not None),
           ("de5", lambda c: c.left == "目的" and c.before.endswith("无目的"))),  # 漫无目的地走着
    "了": (("liao3", lambda c: c.left.endswith("不") and c.right[:1] in ("", "的", "啦", "了")),
           # 做个了断, 就此了断, 了断恩怨: settle (停电了断网了: 了 then 断网)
           ("liao3", lambda c: c.alone and c.right == "断" and (re.search("个|就此|该|想|要|你|之间的|自行|自我|彻底|终于|一$", c.before[-4:]) is not None
                                                                 or c.after[1:] in ("", "吧", "了吧"))),
           ("liao3", lambda c: c.right == "得" and c.after.rstrip("。！？!?；;…") == "得" and _MIGHTY.search(c.before) is not None),  # 功夫很了得
           ("liao3", lambda c: len(c.left) == 2 and c.left.endswith("得") and c.left not in _DE_WORDS
            and c.left[0] not in "还这那谁他她我你" and c.right[:1] in ("", "吗", "呢", "么")
            and not re.search("[被让叫给]", c.before)),  # 吃得了吗 (not 晓得了, 被小李得了)
           # 目标完成得了吗, 客户接受得了, 明天你来得了吗: a verb of two then 得了, can (not 他得了, 这病得了)
           ("liao3", lambda c: c.left == "得" and c.right[:1] in ("", "吗", "呢", "么") and opens_a_deed(c.before[-3:-1])
            and c.before[-3:-1] not in PRONOUNS and not re.search("[被让叫给]", c.before)),
           # 他走得了吗, 你去得了吗: a verb of one then 得了 (not 他得了, 这病得了吗)
           ("liao3", lambda c: c.left == "得" and c.right[:1] in ("", "吗", "呢", "么") and len(c.before) >= 3
            and c.before[-3] in PRONOUNS and opens_a_deed(c.before[-2]) and not re.search("[被让叫给病]", c.before))),
    # 太脏了, 好脏, 脏兮兮: dirty, zang1, where no word (心脏, 内脏) decided it (not 脏器, 脏腑)
    # a lane of a Shanghai street address: 张江路88弄, 淮海中路100弄2号 (not 弄坏, 弄清楚: nong4)
    "弄": (("long4", lambda c: re.search("[路街巷道](?:[0-9]+|[零〇一二两三四五六七八九十百千]+)$", c.before) is not None),),
    "脏": (("zang1", lambda c: c.right[:1] not in ("器", "腑") and c.left[-1:] not in ("心", "内", "五", "肝", "肾", "肺", "脾", "胰")),),
    "觉": (("jiao4", left_ends("睡午个一好懒大着")),
           ("jiao4", lambda c: c.left == "的" and "睡" in c.before)),  # 几点睡的觉
    "吐": (("tu4", lambda c: c.right[:1] in ("", "了", "奶", "血", "出", "得", "的") and not c.after.startswith(("了口", "了一口", "出一口"))
            and (re.search("喝多|晕|想|恶心|难受|孕|宝宝|孩子|别|又|一直|吃坏", c.before) is not None
                 or re.search("[吃喝][完下了]?就", c.before) is not None and re.match("出(?!来)", c.after) is None)),
           # 刚吃的全吐了, 喝的奶都吐了, 好几次都吐了 (not 把吃的鱼刺吐出来: spat out)
           ("tu4", lambda c: c.right[:1] in ("", "了") and re.search("(?:吃|喝)的[^，,]{0,3}(?:全|都|又)$|好几次都?$", c.before) is not None),
           # thrown up all over a place or the way: 吐了一地, 吐了一身, 晕车吐了一路 (not 吐了一口痰, 吐了一地瓜子皮,
           # 瓜子皮吐了一地, 把嘴里的饭吐了一地: spat)
           ("tu4", lambda c: re.match("了一(?:地|身|床|路|车|桌子)(?:[，。！,!…]|$)", c.after) is not None
            and re.search("嘴里|瓜子|皮|壳|核|籽|口水|唾沫|痰|骨头|刺|渣", c.before) is None),
           # 猫咪今天吐了三次, 小狗吐了好几次, 它吐了，要不要去医院, 老是吐: thrown up, counted, or by an animal or a
           # person at the clause's end (not 吐了口气, 他吐了一口痰)
           ("tu4", lambda c: c.right[:1] == "了" and (re.match("了(?:[一二两三四五六七八九十几]+次|好几次|好多次|好多|很多)", c.after) is not None
                                                   or re.match("了?(?:[，。！？,.!?]|$)", c.after) is not None
                                                   and re.search("猫|狗|宝宝|孩子|它|他|她|我|小孩|老人|病人", c.before) is not None)
            and "把" not in c.before),  # (not 他把瓜子皮吐了: spat out)
           ("tu4", lambda c: c.left in ("老是", "总是", "经常", "频繁", "天天", "老", "总") and c.right[:1] in ("", "了", "是", "，"))),
    # 晕车想吐, 吃完就吐了 (not 吃完就吐出了真相, 吃完就吐出葡萄皮: spat out)
    "乐": (("yue4", left_in("音", "奏", "器", "声", "爵士", "交响", "摇滚", "民", "古典", "流行", "管弦", "打击", "军")),),
    "为": (
        # 为小事生气, 不值得为这点小事 (over; not 此事为小事一桩: is)
        ("wei4", lambda c: c.alone and re.match("(?:一点|一些|这种|这点|那点|这些|那些)?(?:小事|琐事|鸡毛蒜皮)(?!一桩|一件)", c.after) is not None
         and re.search("[事这那此它]$", c.before) is None),
        ("wei2", lambda c: c.alone and c.right == "好" and c.after.rstrip("。！？!?；;…") == "好" and bool(c.before)),  # 少出门为好
        # 依次为：, 您的套餐为： (a clause that ends with 为 before a colon "is"; "for" has its object after it)
        ("wei2", lambda c: c.alone and bool(c.before) and not c.after.rstrip("。！？!?；;…")),
        # 如为本人操作, 若为非本人操作 (not 如为您带来不便)
        ("wei2", lambda c: c.left in ("如", "若", "如果", "若是", "倘若", "如若") and c.after.startswith(("本人", "非本人", "误操作", "他人"))),
        # 每月15日为您的账单日, 本期为您的第3期: "is" your (not 为您的账户保驾护航)
        ("wei2", lambda c: re.search("[日期号月]$", c.before) is not None
         and re.fullmatch("(?:您|你)的(?:第|[\u4e00-\u9fff]{0,6}(?:日|期|账户|账号|套餐|密码|号码|额度|余额|账单))[^，,]{0,4}",
                          c.after.rstrip("。！？!?；;…")) is not None),
        ("wei2", left_in("改", "变", "分", "定", "转", "化", "译", "列", "设", "划", "立", "称", "视", "选",
                         "评", "认", "作", "成", "以", "约", "被", "均", "即", "乃", "誉", "封", "推", "任",
                         "收", "此")),  # 收为弟子, 此为何物
        ("wei2", lambda c: c.left[-1:] in ("贬", "尊", "奉", "降")),  # 被贬为庶民, 被尊为盟主, 降为副将
        # 认她为妹妹, 视他为知己, 奉其为上宾: regard someone as
        ("wei2", lambda c: re.search("(?:认|视|奉|尊|收|立|封|贬|降)(?:他|她|你|我|其|之|它|他们|她们)$", c.before) is not None),
        # 格式为JSON, 级别为DEBUG, 模式为Debug时: a value named in Latin letters "is" (not 为iPhone用户提供: for)
        ("wei2", lambda c: re.fullmatch("[A-Za-z][A-Za-z0-9._+-]*(?:时|的时候|即可|就行|格式|模式)?", c.after.rstrip("。！？!?；;…"))
         is not None),
        # 材料为Q345B, 管径为DN150, 主筋为HRB400, 板底筋为Φ12: a code or grade "is" (not 为iPhone15用户提供)
        ("wei2", lambda c: re.match("[A-Za-zΦφ][A-Za-z.]*[0-9零一二两三四五六七八九十幺]", c.after) is not None
         and re.search("用户|提供|服务|打造|带来|开发|设计|定制", c.after[:16]) is None),
        ("wei2", right_starts("甲级", "乙级", "丙级")),  # 防火门为甲级
        ("wei2", lambda c: c.after.startswith(("定制商品", "定制款", "定制产品", "定制订单", "限量", "限时"))),  # 该商品为定制商品
        # 确系其本人所为, 系被告人所为: what someone did, ending the clause (not 所为何事: for what)
        ("wei2", lambda c: c.before.endswith("所") and re.match("(?:[，。！？,.!?；;、…]|$)", c.after) is not None),
        # 启动电流为额定电流的5~7倍: a multiple "is"
        ("wei2", lambda c: re.match("[^，,]{1,10}的[零一二两三四五六七八九十百点0-9~～到至.]+倍", c.after) is not None),
        # BMI≥24为超重: a bound "is" (大于等于二十四为)
        ("wei2", lambda c: re.search("(?:大于|小于|等于|高于|低于|超过|不足|不到)[零一二两三四五六七八九十百千点]+$", c.before) is not None),
        ("wei2", lambda c: c.left.endswith(("选", "任命", "评", "誉", "封", "推举", "命名", "提拔", "晋升", "擢升"))),  # 被选为, 任命为, 提拔为
        ("wei2", lambda c: c.left.endswith(("开户行", "发卡行", "收款行", "开户银行")) and re.search("银行|信用社|支行|分行", c.after[:12]) is not None
         and not c.after.startswith(("您", "你", "持卡人", "客户", "用户"))),  # (not 发卡行为您的银行卡设置了限额: for)  # 开户行为中国银行
        ("wei2", lambda c: c.left.endswith("数据") and c.right.startswith(("预测", "估算", "估计", "初步", "准", "最新", "实际"))),  # 数据为预测值
        ("wei2", lambda c: re.search("被[\u4e00-\u9fff]{0,3}[化定列视称划分转改编译判评]$", c.before) is not None),  # 被氧化为, 被认定为, 被改编为
        ("wei2", lambda c: c.left.endswith(_SET_AS) and not _wei_for(c)),  # 设置为默认, 已保存为 (not 本次更新为您修复)
        ("wei2", lambda c: c.left.endswith(_CHANGE_TO) and not _wei_for(c) and _URGED.search(c.before) is None),  # 已加强为
        # 验证码为：, 我的名字为张三, 服务对象为老人: "is", after what is being given (not 主讲人为大家讲解)
        ("wei2", lambda c: c.left.endswith(_ATTRIBUTES) and not c.right.startswith(_PERSONS)),
        # 扣款账户为工行尾号1234储蓄卡, 被保险人为本人, 燃气表为IC卡表: a bill's field "is" what names a thing (not 保险人为被保险人提供保障,
        # 投保人为其子女投保, 收益为投资者带来了回报: for)
        ("wei2", lambda c: c.left.endswith(_BILL_FIELDS) and not _for_someone(c) and not c.after.startswith(_BENEFITED)
         and _DONE_FOR.search(c.after) is None),
        ("wei2", lambda c: c.left.endswith(_TERMS_OF_A_JOB) and not _wei_for(c)),  # 学历要求为本科 (not 要求为孩子们提供午餐)
        ("wei2", lambda c: c.left == "和" and c.before[-2:-1] in ("之", "项", "角", "数")),  # 两数之和为十, 内角和为
        ("wei2", lambda c: re.match("(?:人民币|美元|港币|港元|欧元|日元|英镑)[0-9零一二两三四五六七八九十百千万亿]",
                                    c.after) is not None),  # 月租金为人民币3500元 (not 为人民币国际化铺路)
        # 50毫米以上为暴雨, 以下为本次活动的安排, 18.5至23.9之间为正常: a range or what follows "is" (not 以下为各位嘉宾介绍,
        # nor 我们之间为这件事吵过: 之间 only of a range of numbers)
        ("wei2", lambda c: (c.left in ("以上", "以下", "以内", "及以上", "及以下")
                            or c.left == "之间" and re.search("[到至][零一二两三四五六七八九十百千万点]+[^，,]{0,3}之间$", c.before) is not None)
         and not _wei_for(c)),
        # 123456为您的登录验证码: a code before it "is" (not 为您的账户保驾护航)
        ("wei2", lambda c: re.match("(?:您|你)的[^，。,]{0,6}(?:验证码|校验码|动态码|动态密码|取件码|取餐码|提货码)", c.after) is not None
         and re.search("[零幺一二三四五六七八九]{4,}$", c.before) is not None),
        # 任命张三为销售总监, 聘请刘总为顾问, 他升为部门经理了: appointed or raised to
        ("wei2", lambda c: re.search("(?:任命|聘任|聘请|委任|提名|指定|推举|兹任命)[\u4e00-\u9fff]{1,5}$", c.before) is not None
         or c.left.endswith("升") and not c.left.endswith(("提升", "上升"))),
        # 经鉴定为轻伤, 应认定为无效, 期限分别为: judged or fixed as (not 决定为灾区捐款, 确定为您办理: for)
        ("wei2", lambda c: (c.left.endswith(_JUDGED_AS) or c.left == "分别") and not _wei_for(c)),
        # 甲方为乙方的全资子公司, 案由为买卖合同纠纷, 本案为共同犯罪: a party or a case is (not 甲方为乙方提供担保)
        ("wei2", lambda c: c.left.endswith(_PARTIES) and not _for_someone(c) and _ASPECT.search(c.after) is None
         and re.match("[^，,]*目的|达到|谋取|逃避|掩盖|获取|骗取|保护|维护|确保|保障|争夺|查明|减轻|避免|防止|追回|讨回|索要", c.after) is None
         and re.search("发生|提起|聘请|对簿|反目|争执|诉至|起诉|审理|处罚", c.after) is None),  # (not 被告人为达到非法占有的目的,
        # 本案为保护当事人隐私不公开审理, 继承人为遗产分割发生争执: for)
        # 这场雨为今年入汛以来最强降雨, 为有记录以来最大: the most of a time (not 为今年以来最困难的企业纾困)
        ("wei2", lambda c: re.match("[^，,]{0,12}以来(?:最|第|首)|(?:今年|今冬|今夏|今春|今秋|历史同期|近[^，,]{1,3}年)[^，,]{0,8}最",
                                    c.after) is not None and not _for_someone(c)),
        # 今天为入伏第一天, 明天为期末考试 (not 今天为大家介绍, 今天为你唱首歌)
        ("wei2", lambda c: c.left in ("今天", "明天", "后天", "昨天", "今日", "明日", "当天", "当日", "次日")
         and not _for_someone(c) and _ASPECT.search(c.after) is None and re.search("[唱讲送做买写画拍]", c.after[:4]) is None),
        # 日降水量≥50mm为暴雨, 249.9毫米为大暴雨: a measured bound is (not 花三百元为孩子买书)
        ("wei2", lambda c: re.search("[零一二两三四五六七八九十百千点](?:毫米|厘米|千米|公里|米|摄氏度|度|级|毫克|千克|公斤|克|毫升|升|微克|小时)$",
                                     c.before) is not None and _wei_names(c)),
        ("wei2", _wei_passive),
        ("wei2", lambda c: c.after.startswith(("{", "｛"))),  # 解集为{x|x>1}: a set
        ("wei4", _wei_for),
        # 最高为现金价值的80%, 退改费为票面价的10%-30%: a share of something, ending the clause, "is" (not
        # 为全国百分之十的人口提供低保, 为公司三分之一的员工发了奖金)
        ("wei2", lambda c: re.fullmatch("[^，,]{1,8}的" + _SHARE + "(?:[到至]" + _SHARE + ")?(?:左右|以上|以下|以内|多)?",
                                        c.after.rstrip("。！？!?；;…")) is not None and not _for_someone(c)),
        ("wei2", lambda c: (c.left.endswith(_DESCRIBED) or c.after.rstrip("。！？!?；;…").endswith(_DESCRIBED)
                            and bool(c.before) and not c.before.startswith(_PERSONS) and _CHOOSING.search(c.after) is None)
         and not _for_someone(c) and _ASPECT.search(c.after) is None and _SERVED_INSIDE.search(c.after) is None),
        # 带*号的为必填项, 降水量为0.1-9.9毫米的为小雨: what a 的 phrase names "is" (not 默默的为大家服务, above; nor
        # 他默默的为妻子梳头, 志愿者们连夜的为灾民搭帐篷: 的 for 地, then whom it is for and what is done)
        ("wei2", lambda c: c.left == "的" and _wei_names(c)),
        # 以五万元为基数, 以此次活动为契机: 以 ... 为 "take as" (not 所以他为公司, 以后他为公司, 以实际行动为人民服务,
        # 以色列为此, 以一首歌为母亲庆生)
        ("wei2", lambda c: re.search("(?<![可所难足得予加用给借])以(?![后来前及便免内上下外往至为致]|色列)[^，,。；;为以]{1,10}$", c.before)
         is not None and not _for_someone(c)),
        # 七点到九点为早高峰, 三月为赏花季: a time of the clock or the calendar "is" (not 每天八点为孩子做早饭,
        # above; nor 三年为国家培养人才, a time taken; nor 他每天十点为女儿讲故事, 这一点为后来的研究奠定了基础)
        ("wei2", lambda c: re.search("(?<![这那哪有差])[零一二两三四五六七八九十][点时分秒日号月]$", c.before) is not None
         and _wei_names(c)),
        # 第5~8题为判断题, 本题为选择题, 02车厢为餐车, 一楼为商铺, 第（四）项为: what a numbered label names "is" (not
        # 一座为流浪猫遮风挡雨的小屋: one of them, then what it is for)
        ("wei2", lambda c: re.search("(?:[零一二两三四五六七八九十幺]|[本此该每各](?=[道小大]?题))(?:号|道|小|大)?"
                                     "(?:题|车厢|站台|号线|层|楼|座|排|条|款|项)$", c.before) is not None
         and not (re.search("(?<![第号])一[座条项款]$", c.before) and re.search("的[^的]{1,4}$", c.after))),
        # 5分为非常满意, 后6位为 (a score or a count of digits is; not 单位为职工, 各位为公司, 充分为客户, 十分为你高兴)
        ("wei2", lambda c: re.fullmatch("[零一二两三四五六七八九十百]+分", c.left) is not None
         or re.fullmatch("[一二三四五六七八九十]+位", c.left) is not None and re.search("[前后末]$", c.before[: -len(c.left)]) is not None),
        ("wei2", lambda c: c.left in tuple("零幺一二三四五六七八九")),  # 状态码1为成功 (a value is; not 多为家人考虑, 十一为祖国庆生)
        # V3.0为重大更新, pH 7.0为中性: a version or a decimal is (not 十点为女儿讲故事, a clock time)
        ("wei2", lambda c: re.search("[零一二两三四五六七八九十]点[零一二三四五六七八九]+$", c.left) is not None and not _for_someone(c)),
        ("wei2", lambda c: len(c.left) == 1 and c.left.isascii() and c.left.isalpha()),  # 其中 m 为质量 (not AI为人类服务)
        # 申请人须为年满18周岁的公民 (not 须为此负责, 须为下一代留下, 须为这次失误道歉)
        ("wei2", lambda c: c.left == "须" and not c.right.startswith(("此", "之"))),
        ("wei2", right_starts(*NUMERALS, "零", "幺", "负", "正", "主", "止", "准", "期", "首", *_WEI_AS_RIGHT)),
        ("wei2", lambda c: c.right in _WEI_AS_WORD),
        ("wei2", lambda c: _CHANGE_INTO.search(c.before) is not None),  # 化悲痛为力量, 变废为宝
        ("wei2", right_starts("阴性", "阳性", "优", "良", "轻度", "中度", "重度", "终审", "白色")),
        ("wei2", _wei_is),
        ("wei2", _wei_classed),
        ("wei2", _wei_copula),
    ),
    "着": (("zhuo2", lambda c: c.left in ("请", "须", "需", "应", "必须", "统一", "身", "均")
            and c.after.startswith(("正式", "服装", "正装", "便装", "西装", "盛装", "制服", "工装", "校服", "深色", "浅色"))),  # 请着正式服装: wear
           ("zhao2", lambda c: c.left[-1:] in ("不", "得") or c.right[:1] == "了" or c.left in ("找", "猜") or c.left[-1:] in ("见", "碰", "遇", "撞", "逮")),
           # 电话打了好几次都没接着, 没打着车, 好不容易才抢着一单: managed to (not 没接着说下去: went on)
           ("zhao2", lambda c: re.search("(?:没|没有|才)[接打抢买赶追借约挤钓够摸抓逮]$", c.before) is not None
            and not c.after.startswith(("说", "讲", "做", "干", "往", "问", "写", "聊", "伞", "灯", "手电", "招呼"))),
           # harm done, before whom it is done to or after a warning: 别冻着孩子, 吓着你了, 可别累着 (not 他累着呢, 饿着肚子, 撑着我)
           ("zhao2", lambda c: c.left in ("捞", "抓", "逮", "捉") and c.before[:-1].endswith(("没", "没有"))),  # 什么也没捞着 (got)
           ("zhao2", lambda c: c.left[-1:] in tuple("冻吓累饿烫碰伤惊呛熏噎砸") and c.left[:-1] in ("", "别", "可别", "小心")
            and ((c.right in PRONOUNS or c.right in ("宝宝", "老人", "小孩"))
                 and (c.before[:-1].endswith(("别", "小心")) or c.after.startswith(c.right + "了"))  # (not 他饿着我们一整天: kept hungry)
                 or not c.right and c.before[:-1].endswith(("别", "小心")))),
           # attire, cut 的|着|装有: 学生的着装有要求 (not 拿着装有现金的袋子: holding)
           ("zhuo2", lambda c: c.alone and c.left == "的" and c.right.startswith("装")),
           # wear: 建议着厚外套, 请着正装出席 (not 披着外套: the verb's zhe5)
           ("zhuo2", lambda c: c.alone and c.left in _ADVISING and re.match(_CLOTHES, c.after) is not None),),
    # 看不着, 找着了, 着了凉, 找着钥匙
    "调": (
        ("tiao2", right_in("高", "低", "大", "小", "好", "亮", "暗", "快", "慢", "匀", "准", "整", "一下", "馅", "馅儿",
                           "稀", "稠", "浓", "淡", "咸", "甜")),  # 调馅儿 (mix), 把酱汁调稀
        # 味道调得刚好, 调料调得有点咸, 音量调得太大 (not 他被调得很远: transferred)
        ("tiao2", lambda c: c.right == "得" and _SET_THINGS.search(c.before) is not None),
        ("tiao2", _mixed_or_set),  # 调个蘸料, 调个闹钟
        ("tiao2", lambda c: c.after.lstrip("了").startswith(("一碗", "一杯", "一小碗", "一小杯", "一盆", "一勺"))),  # 调(了)一碗料汁 (mix)
        ("tiao2", lambda c: c.right == "到" and c.beyond.startswith(_SETTINGS)),  # 调到二十六度, not 调到北京
        # 音量调到五, 风速调到三挡, 电视调到湖南卫视, 灵敏度调到中 (not 他被调到总部工作, 他调到三号车间: transferred)
        ("tiao2", lambda c: (re.match("到[^，。]{0,6}(?:档|挡|模式|频道|卫视)", c.after) is not None
                             or re.match("到(?:第?[零一二两三四五六七八九十百0-9]|最|[高低中强弱]|静音|自动|标准|安静|阅读|睡眠|[^，。]{0,6}(?:台|套))",
                                         c.after) is not None and _SET_DEVICES.search(c.before) is not None)
         and re.search("被|人员|干部|任职|工作|岗位|部门|总部|公司|单位|上班|任", c.before + c.after[:12]) is None),
        # 他调了调琴弦, 把音量调一调, 调好音再演奏: tune or adjust
        ("tiao2", lambda c: c.after.startswith(("了调", "一调", "好音", "音准", "琴弦")) or c.before.endswith(("调了", "调一"))),
        # 空调已调至26℃, 音量调至最大, 价格已调至99元, 调至静音 (not 他被调至北京工作: transferred)
        ("tiao2", lambda c: c.after.startswith("至") and re.search("被|人员|干部|任职|工作|岗位|部门|总部|分公司", c.before + c.after[:12]) is None
         and (re.match("至(?:[零一二两三四五六七八九十百千万0-9]|最|静音|震动|飞行|省电|夜间|勿扰|默认|自动|明天|后天|下周|次日|正常|原位|直立|竖直)", c.after) is not None
              or re.search("价|率|音量|亮度|温度|空调|闹钟|时间|套餐|模式|额度|档|利率|费", c.before) is not None)),
    ),
    "中": (("zhong4", right_starts("了", "过", "奖", "彩", "标", "毒", "暑", "弹", "枪")),
           ("zhong4", lambda c: c.left[-1:] in tuple("一二两三四五六七八九十") and re.search("[零一二两三四五六七八九十][投罚]", c.before) is not None
            and re.match("[，。！？,.!?、；;零一二两三四五六七八九十得了的]|$", c.after) is not None),  # 10投7中, 10罚9中 (not 罚了两中学生)
           # 三分球8中4, 全场20中11: shots taken, then made
           ("zhong4", lambda c: c.left[-1:] in tuple("一二三四五六七八九十") and re.match("[零一二两三四五六七八九十]", c.after) is not None
            and re.search("三分|全场|投篮|罚球|出手|球", c.before) is not None)),
    "数": (("shu3", right_starts("一数", "不清", "不过来", "钱", "星星", "到", "一下", "着", "了")),
           ("shu3", lambda c: c.alone and re.match("[也都]数", c.after) is not None),  # 数也数不清, 数都数不过来
           ("shu3", lambda c: c.alone and c.right in PRONOUNS and ("最" in c.after[:8] or c.left.endswith("得"))),  # 数他最聪明
           # 一、二、三，大家一起数; 你再数, 我来数 (counting, ending the clause; not 这个数, 一个数, 很大的数, 未来数)
           # (not 家庭的孩子数, the number of children)
           ("shu3", lambda c: not c.right and (c.left in PRONOUNS - {"孩子", "人"} or c.left in _COUNTING_WAYS)),
           # counting: 数来数去, 数羊, 数鸭子, 数错了, 数得清吗, 一个一个地数, 从前往后数 (not 数年, 这个数, 数对 of a number pair)
           ("shu3", lambda c: c.alone and (c.right in ("来", "去") and re.match("[来去][^，,。]{0,2}数", c.after) is not None
                                           or c.right in _COUNTED_THINGS
                                           or c.right in ("错", "得", "完", "好", "遍", "一遍", "几遍", "清楚", "明白")
                                           or c.right == "对" and c.after.startswith(("对了", "对吗", "对没", "对不"))
                                           or not c.right and (c.left in ("地", "往后", "往前", "认真", "从头", "一遍", "一下") or c.before.endswith("地"))))),
    # the surname: 种先生, 免贵姓种 (种师道 is listed; not 这种老师, 哪种医生, 各种先生: a kind)
    "种": (("chong2", lambda c: _titled(c) and re.search("[这那哪各某此每几多一二两三四五六七八九十]$", c.left) is None),
           ("chong2", _after_xing),
           ("zhong4", _zhong_plant),
           ("zhong4", lambda c: c.right[:1] == "的" and (c.left in PRONOUNS or c.left.endswith(_GROWERS)))),  # 爷爷种的葫芦
    "量": (("liang2", right_starts("体温", "身高", "血压", "尺寸", "一量", "了", "一下", "过", "好", "身")),
           # 量两百毫升水, 量一杯水: measured out (适量, 用量 are words)
           ("liang2", lambda c: c.alone and re.match("[一二两三四五六七八九十百几半]+(?:毫升|升|克|厘米|米|杯|勺|碗)", c.after) is not None),),
    "处": (("chu3", lambda c: c.alone and c.right.startswith(("于", "在", "理", "事", "置", "罚", "分"))),  # not 售票处在
           # 他俩处得不好, 和同事处得来: got along (not 此处得分)
           ("chu3", lambda c: c.alone and c.right[:1] == "得" and re.search("俩|们|和|跟|与|同事|邻居|婆媳|关系", c.before) is not None),
           # 处3至7年有期徒刑, 处违法所得1倍以上5倍以下的罚款, 处警告或者200元以下罚款: a sentence or a fine imposed
           ("chu3", lambda c: (c.alone or not c.listed and not c.inside) and c.right not in ("的", "是", "有", "在") and not c.left.endswith(("此", "该", "这", "那", "各", "多", "一"))
            and re.search("徒刑|拘役|管制|罚款|罚金|拘留|警告|暂扣|吊销|没收|责令|记分", c.after[:30]) is not None),
           ("chu3", lambda c: c.after.startswith(("得来", "不来", "得很好", "得好", "得不错", "得怎么样", "得如何", "不好", "好关系"))
            and re.search("们|俩|两人|两个|他|她|我|你|同事|邻居|婆媳|夫妻|大家|朋友|人", c.before) is not None
            and not c.left.endswith(tuple(DEMONSTRATIVES))),  # 我们俩处得来 (not 此处不好停车, 出口处不好找)
           ("chu3", lambda c: c.alone and (c.right.startswith(("拘役", "拘留", "罚金", "有期", "无期", "死刑", "管制"))
                                           or c.right[:1] in NUMERALS and _SENTENCE.search(c.after) is not None)),  # 处三年以下有期徒刑
           ("chu3", lambda c: c.alone and not c.left.endswith(tuple(DEMONSTRATIVES))
            and re.match("[了过]?[一二两三四五六七八九十几半个年月]*对象", c.after) is not None)),  # 他们处了三年对象 (dating)
    "空": (("kong4", left_in("有", "没", "没有", "抽", "闲", "填", "留", "留个")),
           ("kong4", lambda c: c.left.endswith("抽出") and c.right[:1] == "来"),  # 抽出空来
           ("kong4", lambda c: re.search("[一二两三四五六七八九十几][个处]$", c.before) is not None
            and (not c.after or c.after.startswith(("要", "没", "还", "都", "给", "填", "留", "不", "就", "可以", "是", "答案", "应")))),),
    # 这道题有三个空, 几个空要填, 两个空都填错了 (blanks; not 一个空瓶, 这个空了)
    "背": (("bei1", right_in("着", "起", "包", "书包", "孩子", "行李", "背包", "起来", "回", "走", "我", "你", "他", "她", "媳妇")),
           ("bei1", lambda c: c.right[:1] in ("", "了") and re.search("锅[我你他她]?[可也就才都还]?[不没]?$", c.before) is not None),  # 这个黑锅我可不背
           ("bei1", lambda c: re.match("了?[一两几半]?(?:袋|麻袋|筐|捆|篓|背篓|箱|大包|个?黑锅)", c.after) is not None)),  # 背了一袋米, 背了个黑锅 (not 背了一篇课文)
    "传": (("zhuan4", right_starts("》")),),
    "宿": (("xiu3", lambda c: c.left in ("一", "两", "三", "几", "半", "整") and c.after[:1] != "营"),),
    # 两宿没睡, 熬了三宿, 整宿 (nights; 两宿舍 has 宿舍; not 几宿营地: camping)
    "载": (("zai3", lambda c: c.left in ("一", "两", "三", "五", "十", "百", "千", "数", "几", "半")
            and c.after[:1] not in tuple("人客货重物运")),),  # 工作了十载, 数载光阴 (years; 满载, 超载 are words; not 两载人飞船, 三载货物: carry)
    "干": (("gan1", lambda c: c.right[:1] in ("", "了") and _DRYING.match(c.before) is not None),  # 衣服都干了
           ("gan1", lambda c: c.right == "得" and c.before.endswith(("嗓子", "嘴唇", "嘴", "喉咙", "皮肤", "土", "嗓子眼", "眼睛"))),  # 嗓子干得冒烟
           ("gan1", lambda c: c.right[:1] in ("", "了", "透") and c.left.endswith(("易", "难"))
            and re.search("衣|晾|晒|湿|被子|头发|鞋|袜|漆|毛巾", c.before) is not None
            and re.search("活|工作|事|差|工|生意|买卖|行当", c.before) is None),  # 晾晒衣物不易干 (not 晒盐的活儿很难干)
           ("gan1", lambda c: re.match("了(?:这|那|这一|那一|一)?杯", c.after) is not None),  # 干了这杯酒
           ("gan1", left_in("很", "太", "真", "好", "挺", "比较", "非常", "特别", "晒", "擦", "烘", "吹",
                            "风", "晾", "烤", "口", "一口", "有点", "有些", "烧", "喝", "拧", "始")),),
    "参": (("san1", lambda c: c.right[:1] in ("佰", "仟", "拾", "万", "圆", "元", "角") or c.left[-1:] in tuple("壹贰叁肆伍陆柒捌玖拾佰仟")),  # 壹万贰仟参佰元
           ("shen1", lambda c: c.alone and c.left.endswith("人") and c.right[:1] in ("", "的", "和", "是", "很")),),
    **{surname: ((reading, _TITLE_TESTS.get(surname, _before_title)), (reading, _full_name),
                 (reading, _after_xing), (reading, _before_xing),
                 # 翟 and 缪 are surnames above all else, of a name made up of any characters (翟秋白, 翟让,
                 # 缪云台, 缪昌期) or alone, or after a preposition jieba ran into them (据缪|可馨); 墨翟, 绸缪, 缪斯
                 # are listed words
                 *(((reading, lambda c: c.alone or bool(c.word) and not c.inside or _after_preposition(c)),)
                   if surname in "翟缪" else ()),
                 # 朴 too, of a name (朴槿惠作, 朴趾源, 朴贊郁, 据朴|宝剑), but not alone or before a character no given
                 # name has (朴和素都是简单的意思, 朴朴: pu3) or in a foreign name (朴茨茅斯, 朴修斯); 朴素, 简朴 are words
                 *(((reading, _piao_name),) if surname == "朴" else ()),
                 # 阚 and 覃 have no other reading in use but in a few words of the lexicon (覃思, 覃恩 and 覃塘 tan2;
                 # 阚 han3 "roar" is classical): a surname wherever no word decided them (为覃|小红, 阚泽, 阚清子)
                 *(((reading, lambda c: True),) if surname in "阚覃" else ()),
                 # 区, 朴, 仇 before a given name jieba keeps as a word (区|志强, 朴|宝剑)
                 *(((reading, _before_given_name),) if surname in "区朴仇" else ()))
       for surname, reading in SURNAMES.items()
       if surname != "华"},  # 华 begins too many words read hua2 (华硕, 华清池) to be taken for a name
    "华": (("hua4", _before_title),),
    # 燕 yan1, the surname before a title or after 姓 (燕大侠, 燕兄, 他姓燕); not taken for a name by itself (小燕 yan4)
    "燕": (("yan1", _titled), ("yan1", _after_xing), ("yan1", _before_xing)),
    # surnames before a title or after 姓 (卜先生, 薄老师, 免贵姓卜); 都 only where a name is called or greeted,
    # the adverb being everywhere else (都先生您好, 请都女士到3号窗口; not 我们都同学多年, 都老板了，还挤地铁)
    "卜": (("bu3", _titled), ("bu3", _after_xing)),
    "薄": (("bo2", _titled), ("bo2", _after_xing)),
    "都": (("du1", lambda c: _titled(c) and c.alone and re.match(re.escape(c.right) + "[^，,。]{0,3}了", c.after) is None
            and (not c.before or c.left in ("请", "有请", "欢迎", "感谢", "谢谢", "叫", "让") or c.before.endswith("尊敬的"))),
           ("du1", _after_xing)),
    # 羊毛呢大衣, 双面呢外套: the woollen cloth, ni2 (是羊毛呢？, 单面还是双面呢？: the particle)
    "呢": (("ni2", lambda c: c.left.endswith(("羊毛", "双面", "毛", "粗花", "法兰")) and c.right.startswith(
        ("大衣", "外套", "面料", "料", "布", "西装", "裙", "帽", "子", "绒"))),),
    # 他说话很横, 这人太横了: rude and overbearing, heng4 (横着放, 一横: across)
    "横": (("heng4", lambda c: c.left in _DEGREE_WORDS and c.right[:1] in ("", "了", "啊", "呢", "吧")
            and re.search("说话|态度|口气|脾气|语气|人|他|她|你|老板|司机|保安", c.before) is not None
            and re.search("[笔线字行缝摆放停写画铺得的]", c.before) is None),),  # (not 线画得很横, 车停太横了, 最后一行特别横)
    # 脾气真拧, 这孩子太拧了: stubborn, ning4 (拧开, 拧毛巾: twist)
    "拧": (("ning4", lambda c: c.left in _DEGREE_WORDS and c.right[:1] in ("", "了", "的", "啊", "呢", "吧")
            and re.search("脾气|性子|性格|孩子|这人|那人|他|她|犟|倔", c.before) is not None),),
    "系": (("ji4", right_in("鞋带", "领带", "安全带", "上", "好", "紧", "扣子", "围巾", "绳子", "着", "在")),
           # 本命年系红绳, 系红腰带, 系红线 (tie on; not 关系红火: a word)
           ("ji4", lambda c: not c.inside and re.match("[红黑白黄彩金]?(?:腰带|绳|线(?![上下路性条])|领带|丝带|鞋带|围巾|红领巾|蝴蝶结)", c.after) is not None),
           ("ji4", lambda c: c.right == "了" and re.search("结|鞋带|领带|安全带|围巾|红领巾|绳|扣", c.after[:8]) is not None),),
    "假": (("jia4", left_ends("天周月请放休度病事婚产年暑寒")),
           ("jia4", lambda c: c.left.endswith("个") and c.right[:1] in ("", "了", "吧", "去", "回", "在", "呢")),
           # 领导批了我的假, 我的假批下来了, 休完假回来, 这周没假了: leave (not 是假的, 假的)
           ("jia4", lambda c: c.before.endswith(("休完", "没", "批了", "请了")) or c.alone and (c.left == "的"
                                          and re.match("(?:批|还|都|已|被|下来|[，。！？,.!?]|$)", c.after) is not None))),
    # 请个假, not 一个假消息
    "当": (("dang4", right_in("作", "成", "做", "真")),
           # 上了他的当, 上过一回当: fooled (the 当 of 上当 apart from its 上)
           ("dang4", lambda c: c.alone and c.right[:1] in ("", "了", "啊", "呀", "吧", "呢", "啦")
            and re.search("上[了过](?:[^，,。]{0,4}的|一回|一次|好几次|不少|几次)?$", c.before) is not None),
           # treat as: 把他当哥哥, 拿我当傻子, 就当我没说, 我当你是朋友, 当回事 (not 当了兵, 当我回来时, 将来当老师,
           # 拿到驾照后当司机, 毕业后就当老师, 当你是新手的时候)
           ("dang4", lambda c: c.alone and re.search("[把拿](?![到起走来去了着握])[^，,把拿]{0,6}$", c.before) is not None
            and c.right[:1] not in ("了", "上", "选")),
           ("dang4", lambda c: c.alone and c.left in ("就", "只", "权", "全") and re.match(_TREATED, c.after) is not None),
           ("dang4", lambda c: c.alone and bool(c.left) and re.match(_TREATED + "是", c.after) is not None and "时" not in c.after),
           ("dang4", lambda c: c.alone and c.after.startswith(("回事", "一回事"))),),
    "只": (("zhi1", left_ends(NUMERALS + DEMONSTRATIVES)),
           # 它是只老猫, 他养了只猫, 楼下有只流浪狗: one, its 一 unsaid, before an animal
           ("zhi1", lambda c: c.alone and (c.left.endswith(("是", "了", "有")) or c.left == "来了")
            and c.right.startswith(("猫", "狗", "鸟", "兔", "鸡", "鸭", "鹅", "羊", "猪", "鼠", "仓鼠", "小", "老", "大", "公", "母",
                                    "流浪", "野", "好", "布偶", "柯基", "金毛", "哈士奇", "泰迪", "狐狸", "狼", "熊", "猴", "蚊子", "苍蝇", "蟑螂"))
            and c.right not in ("大概", "大约", "大致", "好好", "小事", "小小", "好在", "大体")),  # (not 这是只小事, 我有只大概的印象)
           # 有多少只羊, 一共有多少只？ (这多少只能说明: 只能 is a word; 不管多少只收十元, 他多少只会一点: only)
           ("zhi1", lambda c: c.left.endswith("多少") and c.right[:1] not in tuple("收会剩给卖要需算顾想说看用够许准"))),
    # 鱼刺卡在喉咙里, 卡住了: stuck (not 银行卡在我这里, 房卡在前台: a card)
    "卡": (("qia3", lambda c: c.right in ("在", "住", "着", "壳", "脖子") and _CARDS.search(c.before) is None
            and not _frozen(c)),),  # 鱼刺卡住了 (not 电脑卡住了: frozen, ka3)
    "嗑": (("ke4", lambda c: not c.left.endswith("唠") and c.right[:1] != "唠"),),  # 嗑瓜子, 我嗑了 (this CP) ke4; 唠嗑 ke1 (chat)
    "钻": (("zuan4", lambda c: c.left[-1:] in ("个", "颗", "枚") or c.left.endswith(("皇冠", "蓝钻", "黄钻"))),),  # 三个钻: diamonds, a rank
    "弹": (("tan2", lambda c: c.alone and c.right == "的" and c.left in PRONOUNS),  # 这首曲子是他弹的 (not 一颗子弹的威力: a word)
           ("tan2", right_in("钢琴", "琴", "吉他", "奏", "起", "跳", "开", "了", "一下", "古筝", "琵琶", "烟灰", "一首", "一曲", "曲子")),
           ("tan2", lambda c: c.after.startswith("一弹") or c.before.endswith("弹一")),  # 把棉花弹一弹
           ("tan2", lambda c: c.right == "得" and re.search("琴|吉他|古筝|琵琶|曲子", c.after) is not None),  # 弹得一手好钢琴
           ("tan2", lambda c: c.right == "着" and re.match("着.{0,3}?(?:琴|吉他|古筝|琵琶|乐器|曲子|三弦|尤克里里)", c.after)
            is not None),  # 弹着钢琴, 弹着一把吉他
           ("tan2", lambda c: re.match(".{0,4}?乐器", c.after) is not None or c.before.endswith("乐器怎么")),  # 弹好几种乐器
           # 这首歌我弹过, 他弹完一曲, 把这段弹两遍: played, with the music in the sentence (not 子弹, 弹药, 弹幕: words)
           ("tan2", lambda c: (not c.inside or c.left in PRONOUNS) and (c.alone or c.right in ("完", "过", "到", ""))
            and re.search("曲|琴|吉他|歌|乐|谱|和弦|指法|贝斯|尤克里里|古筝|琵琶|遍", c.before + c.after) is not None),
           # 一边弹一边唱, 他弹错了一个音, 这首曲子很难弹 (of playing, where music is spoken of; not 子弹, 弹药)
           ("tan2", lambda c: re.search("琴|吉他|古筝|琵琶|曲|唱|音|和弦|乐", c.before + c.after) is not None
            and not c.before.endswith(("子", "炸", "导", "炮", "枪", "飞", "核"))
            and (c.after.startswith(("错", "起来", "得", "的是", "一个", "一边")) or c.before.endswith(("一边", "边", "难", "会", "能", "想", "在"))))),
    # 好 hao4 "be fond of" before a habit: 他好面子, 好赌, 好管闲事 (not 好热闹啊: so lively)
    "好": (("hao4", lambda c: c.right in ("面子", "赌", "赌博", "管闲事", "打扮", "打抱不平", "吹牛", "攀比", "虚荣",
                                                      "出风头", "斗", "占便宜", "争强", "抬杠")),),
    # 发 fa4, hair, after a haircut's verb: 理了个发, 剪了发
    "发": (("fa4", lambda c: c.alone and re.search("[理剪烫染洗吹]了?(?:个|一个|一次)?$", c.before) is not None),),
    # 看 kan1, look after: 在家看孩子, 帮你看着行李, 看好您的随身物品
    "看": (("kan1", lambda c: c.right in ("孩子", "小孩", "娃", "宝宝", "孙子", "孙女", "门", "家", "摊", "店")
            and c.left.endswith(("在家", "在家里", "帮", "帮忙", "帮我", "帮你", "替", "替我", "负责", "专门", "给我"))),),  # (not 来看孩子: visit)
    "教": (("jiao4", right_starts("育", "室", "师", "授", "练", "材", "堂", "徒", "科")),
           # teach: 他教我写字, 教过我, 教了三十年书, 教学生写作文 (not 信什么教)
           ("jiao1", lambda c: c.right.startswith(("过", "了", "着", "给")) or c.right in _TAUGHT),
           ("jiao1", lambda c: c.right == "人" and not c.left.endswith(("真", "好", "怎", "直", "不", "最", "更", "怎不"))
            and re.match("人(?:羡慕|感动|心疼|难过|怀念|生气|佩服|担心|惊讶|叹息|失望|心酸|无奈|着迷|动容|难忘|头疼|不)", c.after) is None),),  # 教人游泳 (not 真教人羡慕)
    "差": (("chai1", left_ends("出公")),
           # 差我来送信: sent someone on an errand (not 差我一点: short of)
           ("chai1", lambda c: c.alone and not c.before and re.match("(?:我|你|他|她|人)(?:来|去|到)", c.after) is not None),
           ("chai1", lambda c: c.after[:1] == "去" and "被" in c.before),
           ("cha1", lambda c: c.left.endswith(("息", "利", "价", "温", "时", "之", "落", "误", "偏", "色", "视", "逆", "顺",
                                               "剪刀", "反")))),  # 净息差, 以三分之差 (a difference)
    "冲": (("chong4", right_starts("着", "我", "你", "他", "她")),
           ("chong4", lambda c: c.right == "人" and re.match("人(?:叫|吼|喊|扑|笑|摇|发火|咬|龇牙|狂吠)", c.after) is not None),  # 狗冲人叫
           ("chong4", lambda c: c.left[-1:] in ("很", "太", "真", "挺", "好") and c.right[:1] in ("", "了", "的", "，")),
           ("chong4", lambda c: re.match("得(?:很|厉害|要命)[了啊呀]?$", c.after) is not None
            and re.search("水|浪|潮|洪|流", c.before) is None)),  # 这酒冲得厉害 (not 他冲得很快, 洪水冲得厉害: rushing)
    "倒": (("dao3", right_in("下", "闭", "塌", "霉")),
           ("dao3", lambda c: c.right == "了" and not c.beyond and c.left.endswith(_UPRIGHT)),  # 大树倒了 (not 垃圾倒了)
           ("dao3", lambda c: bool(c.left) and c.left[-1] in "刮吹推撞绊摔砸踢扳撂" and c.right[:1] in ("", "了", "在")),  # 被风刮倒了 (not 刮倒是挺大)
           # falls onto where one lies: 一到家就倒在床上, 倒在血泊中, 倒在沙发上 (not 把水倒在杯子里, 垃圾倒在门口: poured)
           ("dao3", lambda c: c.right == "在" and c.beyond.startswith(("床", "地上", "地下", "血泊", "沙发", "病床", "草地", "雪地", "怀里",
                                                                        "怀中", "路边", "路旁", "讲台", "工作岗位", "岗位"))
            and re.search("[把将]", c.before) is None)),  # (nor 把水倒在地上, 把东西倒在床上: what is poured out is 把's object)
    "场": (*_SCENE_WORDS["场"],  # 六十四场比赛, 十场冰雹 (a number merged with its measure)
           ("chang3", lambda c: re.search("第[一二三四五六七八九十百零0-9]+$", c.before) is not None)),  # 第一场演唱会 (a show, a match)
    "缝": (("feng2", lambda c: right_starts("一下", "好", "上", "补", "衣", "扣", "了", "伤口", "针", "嫁衣", "被子", "过")(c) or c.right == "着"),),
    # 冠 guan4, a title won, counted: 两冠, 大满贯二十四冠, 第八冠 (衣冠, 鸡冠 are words; not 两冠状动脉, 三冠毛)
    "冠": (("guan4", lambda c: re.search("[一二两三四五六七八九十几多]$", c.left) is not None and c.right[:1] not in ("状", "毛", "子")),),
    "转": (
        ("zhuan4", lambda c: re.match("了?[一两三几]?圈|个不停|来转去|悠|每|[呀啊]转", c.after) is not None
         or re.search("转[呀啊]$", c.before) is not None),  # 七千转每分钟, 转了一圈, 转呀转
        ("zhuan4", lambda c: not c.right and c.left.endswith("地")),  # 不停地转
        ("zhuan4", lambda c: re.search("[百千万][零一二两三四五六七八九十]*$", c.before) is not None
         and c.right[:1] in ("", "的", "每", "左", "以", "和", "或", "两", "三")),  # 七千二百转的硬盘 (revolutions; not 把这一百转给他)
        ("zhuan4", lambda c: c.right.startswith(("着", "晕")) or _SPINNER.search(c.before) is not None
         and (not c.right or c.right == "得")),  # 他转着笔, 风扇在转, 车轮转得飞快 (not 文件正在转, 风向转得很快)
        ("zhuan4", lambda c: not c.right and ("绕" in c.before or "围着" in c.before)),  # 地球绕着太阳转
    ),
    "倔": (("jue4", lambda c: True),),
    "陆": (("liu4", lambda c: c.right[:1] in ("佰", "仟", "拾", "元", "角", "分", "圆") and not c.left.endswith(("登", "着", "大", "水", "海", "内", "新"))
            or c.left[-1:] in tuple("壹贰叁参肆伍柒捌玖拾佰仟")),),  # 壹拾陆元陆角 (not 登陆万宁)
    # 拽住, 使劲一拽: pull, zhuai4 (他很拽: arrogant, zhuai3)
    "拽": (("zhuai4", lambda c: c.right.startswith(("住", "着", "一下", "过", "起", "出", "回", "到", "开", "进")) or c.after.startswith("了拽")
            or c.before.endswith("拽了") or c.left.endswith("一")),),  # (not 太拽了: cocky)
    # 三更, 今晚两更, 第二更来了: a night watch or a chapter update, geng1 (更强: more)
    "更": (("geng1", lambda c: c.alone and c.left[-1:] in tuple("一二两三四五六七八九十") and (c.right[:1] in ("", "了", "来", "送", "时", "天", "半", "的", "】", "，")
                                                                              or c.right.startswith(("合一", "合眼"))
                                                                              or c.right in ("人", "火", "鬼", "贼", "灯火", "鼓", "夜"))),),  # (not 方案二更合理)
    "杆": (("gan3", lambda c: c.alone and c.left[-1:] in tuple("一二两三四五六七八九十几半每这那")),),  # 一杆枪, 两杆秤 (旗杆: gan1)
    # 佛 fo2, alone or in words no dictionary read (佛指舍利, 佛诞日, 过去七佛); fu2 only in 仿佛, 彷佛
    "佛": (("fo2", lambda c: not c.left.endswith(("仿", "彷"))),),
    # 一服中药: a dose of medicine, fu4
    "服": (("fu4", lambda c: c.alone and c.left[-1:] in tuple("一二两三四五六七八九十几") and c.after.startswith(("药", "中药", "汤药", "草药"))),),  # 释迦牟尼佛, 一尊铜佛 (fu2 only in 仿佛, 彷佛: words of their own)
    "颇": (("po1", lambda c: True),),  # 颇具, 颇多, 颇有微词 (po3, pypinyin's first, only in old rhyme books)
    # 露似真珠, 仇深似海 (shi4 only in 似的, and 似得 written for it: 像疯了似得; not 似得了病, seemed to catch)
    "似": (("shi4", lambda c: c.right in ("的", "地") or (c.right == "得" and not c.after.startswith("得了"))),
           ("si4", lambda c: True)),
    "饧": (("xing2", lambda c: True),),  # 饧面, 盖上湿布饧30分钟 (dough left to rest; tang2 only as an old form of 糖)
    # 划 hua2, cut with a blade: 在鱼身上各划三刀, 手上划了个口子 (划分, 计划: hua4)
    "划": (("hua2", lambda c: re.match("了?(?:[一两二三四五六七八九十几数]+刀|(?:一|几|[两二三四五六七八九十]+)?[道个]口子|开"
                                      "|(?:[一两几]?根)?火柴)", c.after) is not None),),  # 划了一根火柴 (划火柴 is a word)
    "没": (("mo4", lambda c: c.right == "过" and _LIQUID.search(c.before[-4:]) is not None and c.left not in _NOT_YET
            and not c.after[1:].startswith(_PASSED)),),  # 加水没过排骨 (a word of its own: 没过, below)
    "切": (("qie1", right_starts("末", "丝", "段", "丁", "块", "小块", "片", "成", "碎", "开", "条", "好", "得", "到手", "后")),  # 葱切末 (cut)
           # 切三毫米的细丝, 切五厘米长的段; 洗净后切, 对折后再切: what is cut, or a recipe's step ending its clause
           ("qie1", lambda c: re.match("[零一二两三四五六七八九十几半点]+(?:毫米|厘米|公分|分米|寸)", c.after) is not None
            or not c.right and c.left in ("再", "后", "先", "就", "来", "去", "了")
            or c.right == "了" and not c.after.startswith("了一声")),),  # 他切了三次 (not 切了一声: tsk)
    "择": (("zhai2", right_starts("干净", "菜", "一下")),  # 把菜择干净 (选择 ze2, 择好时机)
           # 把菜择好, 芹菜叶择完: what is picked over just before it (not 菜价上涨时择好时机, 菜农择好了种子)
           ("zhai2", lambda c: c.right[:1] in ("好", "完", "掉")
            and re.search("(?:菜|豆角|韭|芹|葱|豆芽|蒜苗)[叶头根两子]{0,2}(?:都|要|先|已经|已)?$", c.before) is not None)),
    # 和 huo2, mix dough: 把面和好, 把和好的面分成剂子, 和成絮状, 面要和得软一点 (not 表面和好, 他俩和得来)
    "和": (("huo4", lambda c: c.right in ("好", "匀", "成", "得") and c.left.endswith(("馅", "馅料", "馅儿"))),  # 肉馅和好 (mix)
          # 可以和2公斤面, 再和点面, 和了一大盆面: knead so much dough (not 糖和2公斤面粉, 鸡蛋和一碗面, 地图和一面锦旗)
          ("huo2", lambda c: c.alone and re.match("(?:[零一二两三四五六七八九十半几]+(?:公斤|斤|两|克)|点|了一?大?[盆盘团])面(?![粉包条膜])", c.after) is not None
           and (not c.before or re.search("(?:可以|能|要|再|先|得|需要|会|一次|帮我|去|来|还要|又|就)$", c.before) is not None)),
          ("huo2", lambda c: c.right in ("好", "匀", "成", "得") and (c.left in ("面", "把面") or c.left not in PRONOUNS
            and not c.left.endswith("们") and (re.search("醒|揉|面|饧|发酵|絮", c.after) is not None
                                              or c.before.endswith(("面要", "面不要", "面得", "面团要"))))),),
    "杠": (("gang4", lambda c: True),),  # 十二杠三, 二杠 (a dash read out; gang1 only in old texts)
    "炸": (("zha2", lambda c: c.right.startswith(("香", "至", "熟", "一下", "得", "酥", "脆", "透", "黄", "制", "酱", *_FRIED_FOODS, *NUMERALS))
            or c.right in ("了", "着", "过") and (re.match(f"[了着过][一两几半]?[盘碗锅碟份篮盆筐些]*(?:{'|'.join(_FRIED_FOODS)})", c.after) is not None
                                                 or re.match("了[一两几半][盘碗锅碟份篮盆筐]", c.after) is not None
                                                 and re.search('|'.join(_FRIED_FOODS), c.before) is not None)
            # 炸了一盘花生米, 油锅里炸着丸子, 花生米炸了一盘 (not 炸了一座桥, 气球炸了)
            or re.match("好(?:$|[的了后再就即捞备装控沥])", c.after) is not None  # 炸好的丸子 (not 炸好几次, 鞭炮炸好响)
            or re.match("到(?:金黄|微黄|焦黄|酥脆|外酥|表面|两面|浮起|定型|变色|上色|熟|[七八九]成)", c.after) is not None  # 炸到金黄 (not 炸到了人)
            or c.left.endswith(("油", "火", "锅中", "锅里", "放入", "下锅", "油锅"))
            or not c.right and c.left in ("再", "后", "复") and re.search("腌|蒸|煮|裹|蘸|包|卷|焯|拍", c.before) is not None
            or not c.right and re.search("油锅里?|锅里|锅中|油里", c.before[-4:]) is not None),),
    # 炸香, 中火炸八分钟 (frying); 先腌再炸, 先蒸后炸 (a recipe's last step; not 这座桥迟早会再炸)
    "尽": (("jin4", left_ends("散看淘用耗吃喝卖说想道详穷竭歼杀烧读听享受")),),  # 千金散尽, 一日看尽长安花
    "削": (("xiao1", right_starts("掉", "皮", "了", "苹果", "土豆", "铅笔", "成", "好", "一下", "去")),),  # 削掉皮 (削弱 xue1)
    "挣": (("zheng4", lambda c: True),),  # 挣钱, 挣了很多钱 (挣扎 is a word: zheng1)
    "挨": (("ai2", right_starts("了", "打", "骂", "揍", "批", "饿", "冻", "过", "训", "罚", "刀", "一顿")),),
    "露": (("lou4", lambda c: c.after.startswith(("一手", "了一手", "馅", "了馅", "脸", "面", "马脚", "富", "怯", "头", "一下"))),),
    "担": (("dan4", left_ends(NUMERALS)),),  # 一担水
    "粘": (("nian2", lambda c: c.left.endswith(("很", "太", "真", "好", "挺", "有点"))
            or c.right[:1] in ("稠", "糊", "性", "液", "土", "米")),),  # 很粘 (sticky), 粘稠; 粘贴 zhan1
    "撒": (("sa3", right_starts("上", "点", "些", "在", "入", "满", "一把", "一层", "一撮", "一点", "一些", "下", "盐", "种", "向",
                                "少许", "适量", "葱花", "芝麻", "白芝麻", "香菜", "孜然", "胡椒", "椒盐", "糖", "白糖", "面粉")),
           ("sa3", lambda c: c.after.startswith(("了一地", "了满地", "得满地", "得到处", "了一身", "得一地"))),
           # 汤全撒了, 奶茶撒了, 粥撒了一半: spilt
           ("sa3", lambda c: c.right[:1] == "了" and re.search("汤|奶茶|粥|水|饮料|咖啡|酒|油|饭|豆浆|牛奶|可乐|外卖", c.before) is not None),
           ("sa3", lambda c: c.right == "了" and re.match("了(?:一?[把层撮点些]|满|盐|糖|种子)", c.after) is not None
            and re.search("谎|网|娇|野|欢|气|手|腿|尿", c.after[:6]) is None)),  # 撒了一把盐 (not 撒了一点小谎)  # 撒上葱花  # 很倔 (倔强 is a word: jue2)
    "哪": (("na5", lambda c: not c.right and c.left.endswith("天")),),  # 我的天哪 (a particle; 在哪 keeps na3)
    "率": (("shuai4", lambda c: c.alone and c.right.startswith(("妻", "部", "众", "兵", "军", "全家", "家人", "子女", "代表团",
                                                              "团", "队", "领", "中国", "清军", "大军", "部下", "群臣", "百官", "使团", "骑兵", "舰队",
                                                              "志愿军", "全体", "红军", "八路军", "官兵", "将士"))
            or c.alone and re.match("[一二两三四五六七八九十百千万数]+万?(?:大军|人马|兵马|精兵|骑兵|将士|人)", c.after) is not None
            # 曾率北京队夺冠, 克洛普率利物浦击败对手: led a team (not 命中率很高)
            or c.alone and c.before.endswith(("曾", "再", "又", "将", "亲", "先后", "首次", "曾经")) and c.right[:1] not in ("", "的", "为", "是")
            or c.alone and re.match("[^，,。的]{1,5}(?:队|俱乐部)(?:[^员长]|$)", c.after) is not None
            and not c.before.endswith(("控球", "犯规", "命中", "投篮", "胜", "成功", "效", "概", "出勤", "上座", "传球", "抢断", "转化",
                                       "失误", "得分", "进球", "射正", "扑救", "传中"))),),  # 总统率妻子出席
    # 卷 juan4, a volume: 第二卷, 上卷 (not 卷起, 卷成一团)
    "卷": (# 全国卷, 北京卷, 新高考Ⅱ卷: an exam's paper (not 往里卷: rolled)
           ("juan4", lambda c: c.alone and re.search("(?:全国|模拟|高考|中考|北京|天津|上海|重庆|浙江|江苏|山东|广东|湖南|湖北|河北|辽宁|福建"
                                                     "|海南|甲|乙|丙|[ⅠⅡⅢI一二三AB])$", c.before) is not None
            and c.right[:1] in ("", "）", ")", "·", "第", "，", "。", "的", "和", "、")),
           # 《史记》卷七, 卷三十: a volume by its number (not 往里卷三下: rolled)
           ("juan4", lambda c: c.alone and re.match("[一二三四五六七八九十百千]+(?:[，。、；）)》:：]|$|之)", c.after) is not None),
           ("juan4", lambda c: re.search("[一二两三四五六七八九十百千几]$", c.left) is not None
            and c.right[:1] in ("", "已", "完", "的", "本", "，")
            and re.search("漫画|小说|书|全|出到|出了|共|套|部|典籍|史", c.before) is not None),  # 漫画一共三十卷, 全十二卷已完结 (volumes)
           ("juan4", lambda c: re.search("(?<![A-Za-z])[A-Z]$", c.before) is not None and c.right[:1] not in ("起", "成", "入", "走", "着", "了", "疯", "到")),  # A卷, B卷 (not AI卷疯了)
           ("juan4", lambda c: re.search("(?:第[零一二两三四五六七八九十百千]+|[上中下全本])$", c.before) is not None
            and c.right[:1] not in ("起", "成", "入", "走", "着", "了", "曲", "发", "进")),
           # 这套书一共有三卷, 全书共分十二卷 (volumes of a book ending the clause; not 买了三卷胶带: rolls)
           ("juan4", lambda c: c.left[-1:] in NUMERALS and c.right[:1] in ("", "本", "的", "，")
            and re.search("书|集|全集|文集|丛书|史|志|典|共分|分为", c.before) is not None)),
    "幢": (("zhuang4", lambda c: not c.left.endswith("经")),),  # 7幢1单元 (a building; 经幢 chuang2)
    # 铺 pu1, the verb: 把床铺好, 铺了一层稻草, 正在铺地砖 (铺子, 店铺, 床铺 are words: pu4)
    "铺": (("pu1", lambda c: (c.after[:1] in ("好", "了", "在", "满", "开", "上", "平", "得", "着", "成")
                              or c.after.startswith(("一层", "地砖", "地板", "瓷砖", "柏油", "床单", "桌布", "报纸",
                                                     "稻草", "地毯", "草坪", "石子")))
            and not c.left.endswith(("家", "店", "下", "上", "中", "床", "肉", "旺", "商", "间", "当", "药", "饭", "书", "杂货"))
            or c.after[:1] in ("了", "满", "着", "上") and c.left.endswith(_LAID_ON)),),  # (not 睡在下铺上, 肉铺开在)
    # (or where something is laid: 我们在地上铺了一块地毯, 床上铺着床单, 路面上铺满了落叶; not 睡上铺, 下铺: bunks)
    # 应 ying4, answer: 他应了一声, 叫了几声他都没应 (not 不应这样, 应该)
    "应": (("ying4", lambda c: c.after.startswith(("了一声", "一声", "了声", "声")) or c.before.endswith(("没", "不", "没人", "没有人")) and not c.after),  # 没人应
           ("ying4", lambda c: re.match("道[：:]?$", c.after) is not None),),  # 他连声应道：answered (not 他应道个歉)
    # 结 jie1, bear fruit: 树上结满了果子, 葡萄结得特别多
    "结": (("jie1", lambda c: c.after[:1] in ("满", "了", "的", "出") and re.search("果|桃|梨|枣|瓜|葡萄|籽|穗|柿|橘|杏|李子", c.after[:8]) is not None
            or c.after[:1] == "得" and re.search("果|桃|梨|枣|瓜|葡萄|柿|橘|杏", c.before[-4:]) is not None),),  # (not 树上结了一层冰)
    # 散 san3, come loose: 绳子散了, 鞋带散了
    "散": (("san3", lambda c: c.alone and c.right == "了" and re.search("绳|鞋带|头发|辫子|架子|线|篱笆", c.before[-4:]) is not None),),
    # 囤 tun2, hoard: 囤了很多大米, 囤货 (粮囤 dun4)
    "囤": (("tun2", lambda c: not c.left.endswith(("粮", "米", "谷")) or bool(c.right)),),
    # 奔 ben4, head for or near an age: 奔你家去, 奔着目标, 奔四十的人
    "奔": (("ben4", lambda c: c.alone and (c.right.startswith(("着", "四", "五", "六", "三", "七")) or "去" in c.after[1:7] and c.after[:1] not in "过出进回上下向跑走来驰")),),  # (not 朝他奔过去)
    # 供 gong4, make offerings: 供着佛像, 供了香火, 在佛前供了一盏灯; the altar table the segmenter cut off (供|桌上)
    "供": (("gong4", lambda c: c.after[:1] in ("着", "了", "上") and (re.search("佛|像|牌位|香|神|祖|菩萨|灵位", c.after[:8]) is not None
                                                                    or c.before.endswith(("佛前", "像前", "神前", "灵前", "墓前", "坟前")))
            or c.right.startswith("桌") and not c.right.startswith(("桌面", "桌椅", "桌游", "桌球"))),),  # (not 供桌面软件: supply)
    "盛": (("cheng2", lambda c: c.right.startswith(("饭", "汤", "粥", "一碗", "碗", "满", "到", "进", "在", "出", "好")) or (
        c.right == "了" and c.beyond.startswith(("一碗", "一勺", "一盘", "碗", "满"))) or c.right in ("不下", "得下", "不了", "得了")),),
    # 盛了一碗饭, 这个碗盛不下 (holds; not 盛不盛行: 盛行 is a word)
    "剥": (("bao1", lambda c: c.alone),),  # 剥了一个橘子 (alone: bao1; 剥削, 剥夺 are words)
    "血": (("xie3", lambda c: c.alone and not c.left.endswith("型")),),  # 流了很多血 (alone in speech: xie3; 血液, A型血 xue4)
    "扇": (("shan1", lambda c: not c.before.endswith("一") and (c.after.startswith(("了扇", "扇", "了几下", "旺", "灭", "着扇", "凉"))
                                                          or c.after.startswith(("在", "过去", "到")) and re.search("巴掌|耳光|扇子|一掌", c.before) is not None)
            or c.before.endswith(("扇了", "扇一"))),  # 扇了扇, 把火扇旺 (not 一扇扇窗户)
           ("shan1", lambda c: c.alone and (re.search("耳光|巴掌|嘴巴", c.after) is not None or c.right in PRONOUNS
                                            or c.right.startswith("风"))),),  # 扇了那人一个耳光, 扇风
    "相": (("xiang4", lambda c: c.alone and "照" in c.before),),  # 照了很多相
    "涨": (("zhang4", lambda c: re.search("(?:脸|脸色|脖子|肚子|肚皮)(?:都|一下子|顿时|立刻)?$", c.before) is not None
            and c.right[:1] in ("得", "红", "了", "")),),  # 脸涨得通红, 肚子涨 (not 脸书股价涨了)
    "落": (("la4", lambda c: c.alone and c.right.startswith("在")
            and (re.search(f"把(?:{_LEFT_BEHIND.pattern})", c.before) is not None
                 or re.search(f"(?:{_LEFT_BEHIND.pattern})(?:又|也|还)?$", c.before) is not None
                 and re.search("地上|地板|地面|顶上", c.after) is None)  # (not 钥匙落在宿舍门口的地上, 手机落在车顶上: fell)
            and re.search("家|教室|车|办公室|学校|公司|宿舍|店|酒店|宾馆|房间|地铁|饭馆|餐厅|柜台|前台|座位|会议室|打印机|会场|工位|单位", c.after) is not None
            and re.search("身上|肩上|头上|账上", c.after) is None),
           ("la4", lambda c: c.alone and re.search(f"(?:{_LEFT_BEHIND.pattern})(?:又|也|还)?$", c.before) is not None
            and re.match("(?:出租车|公交车?|地铁|高铁|火车|车|家|教室|办公室|宿舍|公司|酒店|宾馆|店|饭店|餐厅)(?:上|里)?了", c.after) is not None),),  # 把钥匙落在家里, 我的手机落在出租车上了 (not 这笔钱落在公司账上)
    "挑": (("tiao3", lambda c: c.alone and re.search("眉(?![笔刷粉膏])", c.after[:5]) is not None),
           ("tiao3", lambda c: re.search("眉(?:头|毛)?一$", c.before) is not None),  # 眉头一挑
           ("tiao3", lambda c: c.after[:1] == "开" and re.search("帘|帐|盖头", c.before) is not None),),  # 挑了挑眉毛 (not 挑了一支眉笔), 把窗帘挑开
    "拗": (("niu4", lambda c: (c.alone and not c.right or c.left.endswith(("真", "很", "太", "好", "挺", "脾气", "性子")))),),  # 脾气真拗
    "折": (("she2", lambda c: c.alone and re.match("了?(?:不少|很多|好多|一些|些|老|血)?本(?!子|书|领|事|色)", c.after) is not None),
           # 生意折了本, 折了不少本钱, 折了老本 (not 折了本子的一角, 折了一本书的书页: folded)
           ("zhe1", lambda c: c.alone and "跟头" in c.after[:5])),  # 折了个跟头
    "蒙": (("meng1", lambda c: c.alone and c.right in PRONOUNS and re.search("眼|脸|头|住|上|着", c.after[:6]) is None),  # 你别想蒙我 (not 用布蒙他的眼睛)
           # guess or dazed: 蒙对的, 全靠蒙, 一下子就蒙了, 被骗子蒙了
           ("meng1", lambda c: c.after.startswith(("对", "中", "错")) or not c.after and c.before.endswith(("靠", "瞎", "乱"))
            or re.match("了?(?:$|[，。！？,!?…])", c.after) is not None and re.search("打|弄|吓|听|看|就|都|彻底|被|骗", c.before[-6:]) is not None),),
    "晃": (("huang4", lambda c: c.alone and (c.after.startswith("了晃") or c.before.endswith(("晃了", "晃"))
                                              or c.right.startswith("晃"))),  # 晃了晃脑袋
           # sway or wander: 晃来晃去, 桌子有点晃, 船晃得厉害, 在街上晃了一圈
           ("huang4", lambda c: (c.after.startswith(("来晃去", "来", "去", "悠", "荡", "了一圈", "了半天", "着"))
                                 or not c.after and c.before.endswith(("有点", "在", "直", "一直", "老", "总", "乱", "瞎"))
                                 or c.after[:1] == "得" and re.search("船|车|桌|椅|楼|树|身|头|秋千|吊", c.before) is not None)
            and re.search("光|灯|阳|照|亮|闪", c.before) is None),
           # 地震时房子晃了一下, 整栋楼都晃了起来: a building or furniture shaken (not 手电筒晃了我一下: dazzled)
           ("huang4", lambda c: c.right[:1] == "了" and re.search("房|楼|床|桌|椅|柜|船|车|地面|树", c.before) is not None
            and re.search("光|灯|阳|照|亮|闪|手电", c.before) is None),),  # (not 晃得人眼花: dazzle)
    "难": (("nan4", lambda c: c.before.endswith(("八十一", "过一", "遭一"))),  # 九九八十一难, 逃过一难 (calamities)
           # 一难也不能少, not one calamity spared (not 题目一难都不想做了: once it is hard)
           ("nan4", lambda c: c.before.endswith("一") and re.match("[也都](?:不能|不可|不会|没)少", c.after) is not None)),
    # 扎 za1, tie up: 扎辫子, 把头发扎成马尾, 头上扎着蝴蝶结, 把柴火扎成一捆 (not 扎了一针, 扎成筛子, 扎根: zha1)
    "扎": (("za1", lambda c: re.match("(?:了|着|成|成了|起|好|上)?(?:一个|个|两个|两条|一条)?(?:小?辫|马尾|头发|发髻|丸子头|蝴蝶结|"
                                      "彩带|红绸|腰带|一捆|一束|一把|一扎|捆|束)", c.after) is not None
            or re.search("(?:辫子|头发|马尾)(?:都|也|就|还)?$", c.before) is not None and c.right[:1] in ("", "了", "成", "起", "好", "得")
            and re.match("得(?:我|你|他|她|人|脸|手|脖子)", c.after) is None),),  # (not 短头发扎得我脸疼: prickles, zha1)
    # 占 zhan1, divine: 占了一卦, 占卜 (a word) (not 占了一半: take up)
    "占": (("zhan1", lambda c: re.match("(?:了|过)?(?:一|几)?卦|卜", c.after) is not None),),
    # 哄 hong1, a crowd's sound: 哄的一声笑了起来, 哄地一下散开了 (哄孩子 hong3)
    "哄": (("hong1", lambda c: re.match("[的地](?:一声|一下)", c.after) is not None),),
    # 间 jian4 between two weathers of a forecast: 多云间晴, 阴间多云 (not 时间, 房间: words)
    "间": (("jian4", lambda c: c.left.endswith(("多云", "晴", "阴")) and c.right.startswith(("晴", "多云", "阴", "小雨", "阵雨", "雷阵雨"))),),
    # 凉 liang4, let cool: 先凉一会儿再喝, 把粥凉一下 (not 天凉一下就好了, 天气凉一凉: getting cool, liang2)
    # (nor a body, a heart or a room turning cool: 风一吹身上就凉一下, 心里凉一下, 让屋里凉一下)
    "凉": (("liang4", lambda c: re.match("一(?:会|下|凉)", c.after) is not None and not c.before.endswith(("天", "天气", "一下子"))
            and re.search("(?:身上|身子|后背|背上|脊背|心里|心头|心|手|脚|屋里|屋子|房间|室内)(?:就|又|也|都|会|先)?$", c.before) is None),),
    # 撇 pie3, curl the lips: 撇了撇嘴, 撇撇嘴, 嘴一撇 (撇开, 撇下 pie1)
    "撇": (("pie3", lambda c: re.match("了?撇?嘴", c.after) is not None or c.before.endswith("嘴一")),),
    # 曝 bao4, make public: 被曝, 遭曝, 网友曝出, 曝出丑闻 (曝光 bao4 is a word; 曝晒, 一曝十寒 pu4)
    "曝": (("bao4", lambda c: c.left in ("被", "遭", "又被", "再被", "屡被", "网友", "媒体", "记者") or c.right[:1] == "出"),),
    # 圈 juan1, pen in: 把鸡圈起来, 被圈在家里, 圈养 (圈 quan1: 画个圈, 把答案圈出来; 猪圈 juan4 is a word)
    # (an animal is named, not 马上, 马路, 狗仔, 牛市; 被 only where one is kept in a place: 被圈起来的区域, 这几道题被老师圈起来了,
    # 粉丝被他圈住了 quan1)
    "圈": (("juan1", lambda c: c.right[:1] in ("起", "在", "住", "进")
            and re.search("鸡|鸭|鹅|羊|猪|牛(?!市|人)|马(?!上|路|尔|克)|狗(?!仔)|兔", c.before) is not None
            or c.right[:1] == "在" and re.search("被", c.before) is not None),),
    # 车 ju1, the chariot of Chinese chess, in a clause about the game (象棋的车走直线, 用车吃掉了我的马; 汽车 che1)
    # (a piece after 的, a measure or 用, not a vehicle driven to the game: 他开着车去下象棋)
    "车": (("ju1", lambda c: _CHESS_MOVE.match(c.after) is not None and not c.inside),  # 车一平二, 车九进一 (a chariot's move)
           ("ju1", lambda c: c.alone and c.left[-1:] in ("", "的", "个", "只", "用", "双", "飞", "出")
            and re.search("象棋|下棋|棋盘|棋子", c.before + c.after) is not None and c.right[:1] not in ("去", "来", "到")
            # (nor a vehicle of a chess club or one ridden: 象棋队的车已经到了, 下象棋的人坐的车开走了)
            and not c.before.endswith(("队的", "协会的", "社的", "俱乐部的", "馆的", "坐的", "开的", "骑的", "叫的", "租的", "乘的", "搭的"))
            and re.match("(?:已经|已|都|也|就|还|刚)?(?:到|开|停|接|送|坏|堵|撞|翻|拖|晚点)", c.after) is None),),
    # 泡 pao1, a measure of urine: 撒了一泡尿 (泡茶, 一个泡 pao4)
    "泡": (("pao1", lambda c: c.left.endswith("一") and c.right.startswith(("尿", "屎"))),),
    # 趟 tang1, wade: 趟着水过河, 可以趟过去, 趟水 (not 一趟, 这趟车: the measure, tang4)
    "趟": (("tang1", lambda c: c.left[-1:] not in NUMERALS + DEMONSTRATIVES + "几"
            and re.match("(?:着|过|了)?(?:水|河|浑水|过去|过来|过河|地雷)", c.after) is not None),),
    # 钉 ding4, nail (the verb): 钉了一颗钉子, 把木板钉牢, 钉扣子 (钉子, 螺丝钉 ding1)
    "呛": (("qiang4", left_ends("太很真好挺特别非常有点")), ("qiang4", lambda c: c.right[:1] == "得")),  # 呛得直咳嗽  # 辣椒太呛了 (pungent; 呛奶, 呛水 qiang1)
    "馏": (("liu4", lambda c: not c.left.endswith(("蒸", "分", "干")) and not c.right.startswith("分")),),
    # 馏馒头, 锅里馏一下 (steam again; 蒸馏, 馏分 are words: liu2)
    "忒": (("tui1", lambda c: c.alone),),  # 忒贵了 (too; te4 only in the classical 差忒)
    "肋": (("lei4", lambda c: not c.right.startswith("脦")),),  # 带肋钢筋, 肋间距 (le1 only in 肋脦)
    "钉": (("ding4", lambda c: c.alone and c.right[:1] in ("了", "牢", "上", "在", "好", "住", "扣", "进")
            and not c.after.startswith(("住了对手", "住对手", "着"))
            and re.search("眼睛|目光|眼光|视线|眼神", c.before) is None),),  # (盯 written 钉: 紧紧钉住对手, 眼睛钉在电视上 stay ding1)
}
# Where something is laid before 铺 pu1 (地上铺了, 床上铺着, 路面上铺满了)
_LAID_ON = ("地上", "地面上", "路面上", "路上", "床上", "桌上", "桌子上", "炕上", "屋顶上", "墙上", "院子里", "屋里", "地下")
# Verbs before 得到 "can": 买得到, 找得到, 做得到 (not 想得到: want to get, or can think of; 说得到: said he got).
_CAN_DO = frozenset("买找看听做办吃拿收见摸碰抓闻觉够等遇用猜查借订抢赶")
# Whom 当 (dang4) treats as something: 就当我没说, 我当你是朋友, 只当没看见
_TREATED = "(?:我|你|他|她|它|您|自己|我们|你们|他们|咱们|没|是|这|那)"
# How or who counts before a 数 shu3 that ends its clause (大家一起数, 你再数, 我来数; not 未来数, 原来的数)
# What one counts one by one, after 数 shu3: 数羊, 数鸭子, 数手指
_COUNTED_THINGS = frozenset("羊 鸭子 鸭 桃子 苹果 手指 指头 手指头 豆子 珠子 日子 天数 牛 鸡 鸟 花瓣 台阶 脚步 钞票 零钱 人头 绵羊 "
                            "小羊 小鸭 糖果 石子 硬币 车 星星 月亮 步数 圈数".split())
_COUNTING_WAYS = frozenset("一起 来 再 我来 你来 他来 再来 我再 你再 重新 慢慢 仔细 挨个 从头 轮流 倒着 接着".split())
# Whom or what 教 (jiao1) teaches: 教我写字, 教学生游泳, 教英语.
_TAUGHT = frozenset("我 你 他 她 我们 你们 他们 她们 大家 学生 学员 孩子 孩子们 小朋友 英语 数学 语文 物理 化学 历史 音乐 "
                    "美术 画画 唱歌 跳舞 游泳 写字 做人 做饭 书".split())
# What is left behind somewhere (落 la4), after 把: 把钥匙落在家里, 我把手机落在出租车上了.
_SPINNER = re.compile("(?:轮子|车轮|轮|风扇|扇叶|陀螺|地球|风车|螺旋桨|马达|电机|发动机|转盘|磨盘|齿轮|洗衣机|滚筒)"
                      "(?:都|还|一直|不停地|飞快地)?(?:正在|在|还在|一直在)?$")
_LEFT_BEHIND = re.compile("钥匙|手机|东西|书|包|伞|钱包|作业|衣服|外套|卡|证|本子|眼镜|帽子|充电器|水杯|杯子|文件|U盘|电脑|笔"
                          "|围巾|手套|耳机|护照|行李|材料|猫|狗|绳|玩具|孩子")
# Lessons one falls behind in, after 落下 (la4): 落下功课, 落下了三节课, 落下了两周的课, 落下了一门功课, 落下很远
_LESSONS_MISSED = re.compile("了?(?:[一两二三四五六七八九十几好多]+(?:节|堂|门|周|天|个星期|个月|年)的?|不少|很多|许多|好多|一些)?"
                             "(?:功课|课程|课|作业|进度|学业|一大截|很远|太远|好远)")


# What advises a dress (着 zhuo2 "wear" after it: 建议着厚外套), and what is worn.
_ADVISING = frozenset("建议 宜 应 应当 应该 需 需要 请 须 必须 统一 最好 适宜".split())
_CLOTHES = ("(?:[厚薄长短轻深浅正春秋冬夏]|轻便|宽松|浅色|深色)?(?:外套|大衣|毛衣|羽绒服|棉衣|棉服|夹克|风衣|西装|正装|便装"
            "|工装|制服|长袖|短袖|长裤|短裤|裙|衣|装)")
# 没过 mo4 guo4 "rise over" after a liquid (加水没过排骨, 水没过了膝盖); mei2 guo4 "not past" after an adverb
# or before a time or what is gone through (还没过完, 没过几天, 没过多久, 没过生日)
_LIQUID = re.compile("(?<![薪口])[水汤油洪浪](?![费价平电钱])")  # (not 薪水没过五千, 油价没过八块, 水平没过线)
_NOT_YET = frozenset("还 都 也 并 从 从来 又 就 可 已 一直 根本 仍 尚".split())
_PASSED = ("多久", "多长", "几", "一会", "半", "完", "去", "来", "生日", "年", "关", "期", "节", "瘾")


# What is owed, after 应付 payable: 应付金额, 应付款项, 应付税费 (not 应付税务检查: cope with)
_PAYABLE = ("金额", "总额", "数额", "款", "利息", "本金", "本息", "租金", "保费", "保险费", "工资", "职工薪酬", "票据", "股利",
            "税费", "税款", "税金", "税额", "费用", "价款", "货款", "违约金", "佣金")
# 应付 cope with, after a word of struggling (疲于应付, 难以应付, 忙于应付, 只够应付) or the means it is met with
# (用贷款应付工资, 靠借钱应付利息, 拿奖金应付), or a clause's first 为 of purpose (为应付费用上涨; not 确认为应付利息)
_COPING = ("疲于", "难以", "忙于", "无力", "勉强", "足以", "用来", "用于", "怎么", "如何", "怎样", "为了", "学会", "只能", "只好", "难",
           "够")
_MEANS = re.compile("(?<![使费信应作采运适试利享占启动])[用靠拿凭][\u4e00-\u9fff]{1,4}$")


def _payable(c: Context) -> bool:
    """应付 ying1 fu4, payable, before what is owed (应付金额, 应付利息, 应付未付, 应收应付), unless it is
    met (疲于应付费用上涨, 用贷款应付工资: ying4)."""
    met = c.before.endswith(_COPING) or c.before == "为" or _MEANS.search(c.before) is not None
    owed = c.after.removeprefix("的").startswith(_PAYABLE) and not met
    return owed or c.after.startswith("未付") or c.left.endswith("应收")


def _left_behind(c: Context) -> bool:
    """落下 la4 xia4, left or fallen behind: 我的钥匙落下了, 你的围巾落下了, 别落下东西, 一个都没落下, 不想落下任何一个学生,
    把他落下了, 被大部队落下了, 孩子的学习落下了, 落下功课, 落下了三节课, 落下了很多东西, 他落下的课程, 你落下的那本书,
    我落下了一本书在图书馆, 材料我落下了一份, 落下很远. Not fall (luo4 xia4): 树叶纷纷落下, 比赛落下帷幕, 太阳落下了,
    把帷幕落下, 不想落下眼泪, 飞机被迫落下, 天上落下的东西, 他落下了一个病根, 他落下了一身伤."""
    if re.match("了?(?:一滴|几滴)?(?:眼泪|泪|帷幕)", c.after) is not None:
        return False
    from_above = re.search("从|天上|空中|高空|高处|楼上|树上|山上", c.before) is not None
    if c.left in ("别", "不要", "千万别", "没", "没有", "都没", "不能", "不会", "怕", "不想", "不愿") or c.after.startswith("任何"):
        return True
    if _LESSONS_MISSED.match(c.after) is not None:
        return True
    if not from_above and re.match(f"的?(?:那|这)?[一两几]?[本件个份把张支只双副门节堂]?(?:很多|不少|好多|许多|一些|什么)?"
                                   f"(?:{_LESSONS_MISSED.pattern}|{_LEFT_BEHIND.pattern})", c.after.removeprefix("了")) is not None:
        return True  # 落下的课程, 落下的那本书, 落下了很多东西
    if (re.search("(?:我|你|他|她|我们|你们|他们|她们)(?:刚才|又|还|总|总是|常常|经常|老|好像|可能|肯定|也|都)?$", c.before) is not None
            and re.match("了?[一两几][本件份把张支只双副个样台部](?!.{0,2}(?:病|伤|疤|残|毛病|后遗症|名声|把柄|话柄))", c.after) is not None):
        return True  # 我落下了一本书在图书馆, 我刚才落下一个问题没讲
    return (re.search("把|被(?!迫)|学习|成绩|" + _LEFT_BEHIND.pattern, c.before) is not None and c.right[:1] in ("", "了", "在")
            and re.search("帷幕|幕布|帘|旗|闸|叶|花|雨|雪|泪|太阳|夕阳", c.before + c.after) is None)


# Whole dictionary words whose reading still depends on context: word -> (readings, test).
def _manner_before(c: Context) -> bool:
    """The word before is an adverbial of manner that 地 ends: a reduplication of three or four
    characters (哗啦啦, 断断续续, 小心翼翼) or of 一A一B (一瘸一拐), an adverb doubled (纷纷, 慢慢; not a verb: 看看地上),
    a word of haste (飞快, 赶紧), or one after another (一个接一个地上了车; not 一个接一个地上的坑)."""
    return ((len(c.left) >= 3 and c.left[-1] == c.left[-2]) or c.left in _MANNER_WORDS
            or (len(c.left) == 4 and c.left[0] == c.left[2] == "一")  # 一瘸一拐地下了场
            or re.search("一(.)接一\\1$", c.before) is not None and c.right[:1] != "的")


# What goes into or lies under the ground, or a piece of ground, before 地下 (转入地下, 埋在地下, 这片地下了一场雨)
_NOT_RAINING_BEFORE = ("入", "到", "进", "在", "从", "往", "于", "向", "埋", "藏", "钻", "的", "片", "块", "这", "那", "该", "此", "大")
# What starts under the ground (商场地下着火, 地下起义, 地下起码, 地下着实)
_GROUND_DEEDS = re.compile("着(?:火|手|实|陆|地)|起(?:火|义|码|降|飞|来|源)")
_MANNER_WORDS = frozenset("纷纷 慢慢 渐渐 悄悄 静静 轻轻 缓缓 默默 匆匆 早早 远远 稳稳 深深 紧紧 重重 狠狠 偷偷 乖乖 "
                          "哗哗 呼呼 飞快 赶紧 迅速 急忙 连忙 慌忙 匆忙".split())


# What is said of someone's attire, ending the clause or before 大方 and the like (穿着得体 but not
# 穿着得体的西装: wearing a suit).
_ATTIRE_JUDGED = re.compile("(?:很|十分|非常|比较|太|也|都|总是|一向|要|应|应该|需|需要)?(?:得体|朴素|讲究|考究|随意|随便|整洁|"
                            "时髦|时尚|大方|正式|简朴|简单|华丽|邋遢|寒酸|光鲜|干净|整齐|休闲|保守|暴露|怪异|奇特)"
                            "(?:[^的\u4e00-\u9fff]|$|[、和而又，])")


def _east_west(c: Context) -> bool:
    """东西 dong1 xi1, east and west, before a side or a distance between them (东西两侧, 东西相距, 东西跨度)
    or before a length and a figure (东西宽二十公里, 东西全长约三千米; not 东西宽敞, 这东西长得丑, 东西全长毛了,
    东西长度不够: a thing); never after a demonstrative or a measure word (这东西长三米, 两样东西距离太近)."""
    return not _a_thing(c) and (c.right in _SIDES or _LENGTH.match(c.after) is not None)


def _a_thing(c: Context) -> bool:
    """东西 after a demonstrative or a measure word is a thing: 这东西, 那个东西, 两样东西, 什么东西."""
    return c.left[-1:] in tuple("这那哪个些样件种啥么")


_SIDES = frozenset("两侧 两岸 两端 两翼 相距 跨度 横跨 横贯 贯通".split())
# A figure of size after 长/宽: 三千公里, 约20米, 达百余里, 超过五十公里, 为3000米
_FIGURE = re.compile(f"(?:为|是|有)?(?:约|达|近|逾|超过|不到|仅)?[{NUMERALS}零〇]")
# A length and its figure: 长三千公里, 全长约3000米, 距离为五公里
_LENGTH = re.compile("(?:全长|长度|宽度|距离|长|宽)" + _FIGURE.pattern)
# What is carried on the back (背上行囊, 背上书包)
_LOADS = frozenset("行囊 书包 背包 行李 包袱 行装 装备 干粮 吉他 枪 背篓 竹篓 孩子 老人 罪名 骂名 黑锅".split())
# Whom something is done behind the back of (背着妈妈偷偷, 背着老师)
_HIDDEN_FROM = frozenset("妈妈 爸爸 爸妈 父母 家人 家里 大人 老师 丈夫 妻子 老公 老婆 爷爷 奶奶 领导 老板 公司 组织".split())

# 了 or 着 then more than a sentence's particle: a verb with its object (铺盖了整条小路; not 卷起铺盖了吗).
_COVERING = re.compile("[了着][^吗呢吧啊呀啦嘛哦]")
# What one fetches a little of, or a machine or feel of hitting points, after 打点 (da3 dian3): 打点水来, 打点热水泡脚,
# 打点酱油, 打点柴火, 打点折, 打点机 (not 打点水果送人, 打点行装, 打点关系, 打点机关: dian5)
_FETCHED_A_LITTLE = re.compile("(?:热|开|凉|井|泉|温)?水(?![果平准利电费产])|酱油|香?醋|香油|白?酒(?![店席会])|米饭|饭(?![店局])"
                               "|菜(?![单市场])|汤|粥|柴|猪草|野味|猎物|零工|短工|折|手感|机(?![关构场会])")
# What is local rather than central after 地方 (di4 fang1): its government, laws, money and officials
_LOCAL_THINGS = ("政府", "性", "级", "法规", "立法", "财政", "税", "官员", "干部", "领导", "党委", "人大", "法院", "检", "当局",
                 "保护主义", "测绘", "债", "国企", "银行", "部队", "武装", "各级", "戏", "志", "病", "粮票", "政权", "机构", "部门")
# Characters of given names that follow 子 (子轩, 子涵, 子萱), one a word by itself after jieba's 李子 or 孙子
_GIVEN_NAMES_AFTER_ZI = frozenset("轩涵萱豪航睿怡琪墨骞腾健恒欣浩默杰俊瑜铭琳玥淇瑶妍彤鑫博昂谦祺钰宸逸昊柒衿贤璇慧霖菡卿韬")
WORD_RULES: dict[str, tuple[tuple[str, Test], ...]] = {
    **_SCENE_WORDS,
    "好哩": (("hao3 li5", lambda c: not c.right),),  # 好哩！ (all right)
    "为什么": (("wei2 shen2 me5", lambda c: c.left == "以"),),  # 我还以为什么事儿呢 (以为 then 什么; not 可以为什么人服务, 所以为什么)
    "调和": (("diao4 he2", lambda c: re.search("[A-Ga-g升降][大小]?$", c.before) is not None),),  # C大调和a小调, 降B调和C调 (keys; not 色彩调和)
    "更天": (("geng1 tian1", lambda c: c.left[-1:] in tuple("一二两三四五")),),  # 三更天 (a night watch; not 变更天数)
    # 先付款行不行, 收款行吗 (xing2, will it do; not 收款行为中国银行: the bank)
    **{word: ((reading, lambda c: c.after.startswith(("不行", "吗", "不", "了", "啊", "吧", "呗"))),)
       for word, reading in (("付款行", "fu4 kuan3 xing2"), ("收款行", "shou1 kuan3 xing2"), ("汇入行", "hui4 ru4 xing2"))},
    # 挑起大梁, 挑起了家庭的重担 (shouldered; not 挑起战争, 挑起事端: stirred up)
    "挑起": (("tiao1 qi3", lambda c: re.match("了?(?:[^，。！？,.!?；;的]{0,6}的)?(?:重大|全部|主要)?(?:大梁|重担|担子|重任|大任|责任|扁担|水桶|一[担筐挑])",
                                        c.after) is not None),),
    # 正当他准备离开时, 正当我要出门，…, 正当时, 正当年: just when, just at (正当权益, 不正当竞争, 理由正当: proper)
    "正当": (("zheng4 dang1", lambda c: re.match("时|年|中|午|口|红|其时|盛年|壮年|妙龄|青春", c.after) is not None
              or not c.before and re.match("我们|你们|他们|她们|咱们|大家|众人|人们|全家|两人|我俩|他俩|一家人|[我你他她它]", c.after) is not None
              or re.search("(?:时|之时|之际|的时候|那天|那年|此时|时刻|关头|此际|此刻|时节|瞬间|旺季|高峰期)$", c.after.rstrip("。！？!?；;…")) is not None
              and not c.before.endswith(("不", "有", "无", "是否", "合法", "的", "很", "为", "是", "较", "以", "其", "并"))),),
    # 这针是谁打的, 昨天打的疫苗: what was given or hit (打的去机场, 我们打的吧: a taxi)
    "打的": (("da3 de5", lambda c: re.match("(?:去|回|到|过去|过来|走|吧|吗|来|上班|回家|费|方便|话|要|花|多少)", c.after) is None),),
    # 已经长到二十八公斤了, 长到三个月: grown to a weight or an age (not 这条线长到十米, 疫情长到三个月, 假期长到十天)
    "长到": (("zhang3 dao4", lambda c: re.match("了?(?:[零一二两三四五六七八九十百几多半]+(?:公斤|千克|斤|克|两|个月|岁|周)|(?:一定的?)?(?:体重|月龄|岁数))", c.after) is not None
              and re.search("线|绳|路|河|桥|队|距离|时间|裙|袖|指甲|会议|疫情|假期|演讲|视频|婚姻|名字|持续", c.before) is None),),
    # 猫咪长毛了, 什么时候能长毛: hair grown (长毛猫: long-haired)
    "长毛": (("zhang3 mao2", lambda c: c.after.startswith("了") or c.before.endswith(("能", "会", "开始", "没", "又", "还没", "不"))),),
    # 电话都没接着: not answered in time (没接着说下去: went on)
    "接着": (("jie1 zhao2", lambda c: c.before.endswith(("没", "没有")) and not c.after.startswith(("说", "讲", "做", "干", "往", "问", "写", "聊"))),),
    # 蛋白打发到硬性发泡, 加糖打发至六分发: whipped (not 把我打发到外地: sent away)
    "打发": (("da3 fa1", lambda c: re.search("蛋白|蛋清|奶油|黄油|全蛋|蛋液|加糖|奶盖|牛奶|打蛋器", c.before[-8:]) is not None
              or re.match("[至到]?(?:湿性|硬性|干性|中性|发泡|起泡|蓬松|[零一二三四五六七八九十]+分发|出纹路)", c.after) is not None),),
    # 风车转起来了, 转盘转起来: spinning (把消息转起来: passed on)
    "转起来": (("zhuan4 qi3 lai2", lambda c: re.search("风车|转盘|轮盘|轮子|陀螺|风扇|齿轮|马达|电机|发动机|车轮|螺旋桨|叶片|地球|磨|圈",
                                                      c.before) is not None),),
    # 一万乘百分之三: times (万乘之国, 万乘之尊: chariots)
    **{word: ((reading, lambda c: not c.after.startswith("之")),) for word, reading in (("万乘", "wan4 cheng2"), ("一万乘", "yi1 wan4 cheng2"))},
    # 李子轩, 孙子涵, 梅子涵: a surname and a given name that jieba cut as 李子 (a plum), 孙子 (a grandson) or 梅子 (not 李子树,
    # 孙子兵法, 李子园, 孙子涵养好: what follows makes a word of jieba's dictionary)
    **{word: ((reading, lambda c: c.after[:1] in _GIVEN_NAMES_AFTER_ZI and c.after[1:2] != c.after[:1]
                           and (len(c.right) == 1 and word_frequency(c.after[:2]) == 0 or word_frequency(c.right) == 0)),)
       for word, reading in (("李子", "li3 zi3"), ("孙子", "sun1 zi3"), ("梅子", "mei2 zi3"))},
    # 老子曰, 《老子》, 孔子问礼于老子, 老子的无为思想: the philosopher, zi3 (老子今天不干了: I, zi5)
    # (not 老子不管你是孔子还是孟子: I, in a clause that names a philosopher too)
    "老子": (("lao3 zi3", lambda c: c.before.endswith("《") or re.match("》|《|道德经|曰|云|有言|主张|提出|认为|所说|所言|说[:：]|在《|著|的[^，,。]{0,4}(?:思想|哲学|学说|观点|主张|道)", c.after)
              is not None or re.search("道家|李耳|老聃|道法自然|诸子|先秦|函谷关", c.before + c.after) is not None
              or re.search("孔子|庄子|孟子|道德经|无为|哲学家|思想家|道教", c.before + c.after) is not None
              and re.search("[和与、及向于]$", c.before) is not None or re.match("[和与、及]", c.after) is not None),),
    "先调": (("xian1 tiao2", _mixed_or_set),),  # 先调个蘸料
    # 《道德经》卷上, 卷下: a book's first or second volume (把袖子卷上: rolled up)
    **{word: (("juan4 " + place, lambda c: c.before.endswith(("》", "经", "记", "集", "录", "志", "论", "传", "书")) and "把" not in c.before or not c.before and not c.after),) for word, place in (("卷上", "shang4"), ("卷下", "xia4"))},
    "数对": (("shu3 dui4", lambda c: c.after.startswith(("了", "吗", "没"))),),  # 数对了吗 (not 有序数对)
    "地数": (("de5 shu3", lambda c: not c.after and re.search("([\u4e00-\u9fff])\\1$|个个$|一个$|慢慢$|仔细$|认真$", c.before) is not None),),  # 一个一个地数
    # 一厅之长, 一家之长, 一校之长: the head of one (一技之长, 一日之长: a strength)
    "之长": (("zhi1 zhang3", lambda c: re.search("一[厅局处科省市县国家校院村镇所队团军班组室部]$", c.before) is not None),),
    # 他命中缺水, 命中注定, 命中有贵人, 八字命中无财: in one's fate (导弹命中目标, 命中多个三分, 缓存命中有效数据: a hit)
    "命中": (("ming4 zhong1", lambda c: re.match("缺|注定|犯|带(?!来)|(?:有|无|多|少)(?:贵人|子|女|儿|桃花|财|官|劫|灾|煞|福|偏财|正财)", c.after)
              is not None or re.search("八字|生辰|五行|算命|命里|命理|命格", c.before + c.after) is not None
              and re.match("[有无多少]", c.after) is not None),),
    # 单只售价十元, 单只装: a single one (不单只是: only)
    "单只": (("dan1 zhi1", lambda c: re.match("(?:售价|价格|价|装|重|约|的|包装|卖|[0-9零一二两三四五六七八九十百点]+(?:元|块|克|斤|两|毫升|公斤|千克)"
                                           "|[，。！？,.!?]|$)", c.after) is not None),),
    "本地": (("ben3 de5", lambda c: c.before.endswith("一本一")),),  # 一本一本地看: one by one (jieba cut 一|本地)
    "教会": (("jiao1 hui4", right_starts("了", "我", "你", "他", "她", "孩子", "大家", "学生", "我们", "你们", "他们")),),  # 教会了我
    "教教": (("jiao1 jiao5", lambda c: True),),  # 请老师教教我
    # 海阔天空任我行, 天下之大任我行走: let me go freely, ren4 (the lexicon's ren2 is 任我行 the character of 笑傲江湖)
    "任我行": (("ren4 wo3 xing2", lambda c: c.left.endswith(("天空", "天地", "天下", "世界", "江湖", "四海", "天涯", "大", "自由"))
                or c.right[:1] == "走"),),
    # 数数有几个苹果, 数数图中有多少只鸟: counting what there is (not 学数数, 会数数了, 孩子学数数有几个阶段,
    # 数数有几种方法, 数数有多少好处: counting as a skill)
    "数数": (("shu3 shu5", lambda c: re.match("(?:这里|那里|盒子里|篮子里|树上|图中|一共)?(?:有|一共有)?(?:几|多少)", c.after)
              is not None and not c.left.endswith(("学", "会", "教", "练"))
              and re.search("方法|好处|技巧|阶段|步骤|规律|窍门|意义", c.after) is None),),
    **{word: ((f"zhong3 {plant}", _kind_of),) for word, plant in (("种花", "hua1"), ("种树", "shu4"), ("种菜", "cai4"))},  # 每种菜
    "得到": (("de5 dao4", lambda c: len(c.left) == 1 and c.left in _CAN_DO
              or c.after.startswith(("处都", "处是", "处乱", "处飞", "处跑", "处跳"))),),  # 买得到, 做得到 (can), 扔得到处都是 (not 得到处理)
    # 地方政府, 地方性法规, 中央和地方: local, as against the centre, di4 fang1 (not 这个地方, 有些地方, 那地方银行多: a place)
    "地方": (("di4 fang1", lambda c: c.right.startswith(_LOCAL_THINGS)
              and c.left[-1:] not in ("个", "的", "些", "么", "多", "几", "这", "那", "哪", "啥")
              or c.before.endswith(("中央和", "中央与", "中央及", "中央、", "中央到")) or c.after.startswith(("和中央", "与中央"))),),
    "床铺": (("chuang2 pu1", lambda c: c.right[:1] == "好" and "把" in c.before),),  # 把床铺好
    "中意": (("zhong4 yi4", lambda c: c.left.endswith(("很", "不", "最", "挺", "真", "太", "比较", "都", "蛮", "特别", "非常", "就", "不太"))
              or c.right[:1] in ("", "的", "了", "吗", "呢", "这", "那", "哪")),),  # 我很中意这件 (not 中意两国: China and Italy)
    "得数": (("dei3 shu3", lambda c: c.left.endswith("还") and c.right in PRONOUNS),),  # 还得数他
    "地点": (("de5 dian3", lambda c: c.after.startswith(("了点头", "了一下头", "头", "了点"))),),  # 不好意思地点了点头
    "车行": (("che1 hang2", lambda c: c.left.endswith(("家", "二手", "汽车")) or c.right.startswith(("里", "老板"))),),  # 一家车行 (not 这车行吗)
    "得救": (("de2 jiu4", lambda c: c.right[:1] in ("", "了", "的", "啦", "啊")),),  # 他们得救了 (not 你得救他: must)
    # 得出结论, 由此得出 (not 说得出, 做得出: can)
    "得出": (("de2 chu1", lambda c: not (len(c.left) == 1 and c.left not in PRONOUNS)
              and (c.right.startswith(("了", "结论", "结果", "的", "一个", "这", "以下", "答案", "数据"))
                   or not c.right and re.search("由此|从中|可以|实验|最终|怎么|计算|分析|研究|调查|统计|综上|推", c.before) is not None)),),
    # 应付 ying1 fu4, payable, before what is owed (应付金额, 应付利息, 应付未付, 应收应付; not 应付检查: cope with)
    "应付": (("ying1 fu4", _payable),),
    "落下去": (("luo4 xia4 qu4", lambda c: True),),  # 太阳落下去了 (la4 xia4: left behind)
    # 调配药品, 处方调配, 到药房调配, 调配颜料: mix or dispense, tiao2 (not 调配资源, 调配人员: allocate)
    "调配": (("tiao2 pei4", lambda c: re.search("药|处方|颜料|颜色|饮料|酱汁|料汁", c.before + c.after) is not None),),
    # 没收到, 还没收: not (yet) received or collected, mei2 (not 没收违禁品, 被没收: confiscate)
    "没收": (("mei2 shou1", lambda c: (c.after.startswith(("到", "着", "齐", "全", "回", "过", "完", "割", "呢", "好", "起来"))
                                       or c.left in ("还", "从", "从来", "一直", "并", "根本", "尚", "仍"))
              and not c.before.endswith(("被", "予以", "依法", "一律", "全部", "将"))),),
    "没过": (("mei2 guo4", lambda c: c.left in _NOT_YET or c.after.startswith(_PASSED)),),  # 没过几天, 还没过完 (没过肉即可: mo4)
    "落下来": (("luo4 xia4 lai2", lambda c: True),),
    # 落下 la4 xia4, leave behind or fall behind (not fall, luo4 xia4, the common.py reading): see _left_behind
    "落下": (("la4 xia4", lambda c: _left_behind(c)),),
    # 发 fa1 then 小 and what is sent or shown, cut 发小|广告: 发小广告, 给员工发小礼物, 发小红包, 发小脾气
    # (not 我的发小来北京了, 从小一起长大的发小, 发小之间: a childhood friend, fa4 in common.py)
    "发小": (("fa1 xiao3", lambda c: re.match("(?:广告|红包|礼物|礼品|视频|纸条|卡片|传单|号|样|短信|消息|福利|奖品|零食|糖|旗|脾气|性子)",
                                            c.after) is not None),),
    # 多云间晴: a forecast's "turning at times to" (jian4), cut 多|云间|晴 (not 云间的月亮; 阴间多云 is in common.py)
    "云间": (("yun2 jian4", lambda c: c.left == "多" and c.right.startswith(("晴", "阴", "小雨", "阵雨", "雷阵雨"))),),
    # 地上铺了地毯, 床上铺着床单 cut 地|上铺|了: laid (pu1), not a bunk (他睡上铺, 上铺的同学)
    "上铺": (("shang4 pu1", lambda c: c.left[-1:] in tuple("地床路桌炕墙顶") and c.right[:1] in ("了", "满", "着", "上", "一")),),
    # 一卷 yi1 juan3, a roll of: 一卷胶带, 一卷纸, 一卷铺盖 (not 第一卷, 一卷书 of a set: a volume, juan4)
    "一卷": (("yi1 juan3", lambda c: re.match("(?:透明|宽)?(?:胶带|胶布|卫生纸|纸|布|线|绳|钢丝|铁丝|铺盖|凉席|地毯|胶卷|画|保鲜膜|锡纸|毛线)",
                                            c.after) is not None and not c.left.endswith("第")),),
    # 在|校场|上 cut 在校|场上: the drill ground (士兵们在校场上操练; 在校学生, 在校期间 keep xiao4)
    "在校": (("zai4 jiao4", lambda c: c.right in ("场上", "场中", "场里")),),
    # 将门 is 将 (= 把) and 门 before what is done to the door: 请将门关好, 将门打开 (not 出身将门, 将门之后: a general's family)
    "将门": (("jiang1 men2", lambda c: c.right[:1] in tuple("关打锁推拉开反带敲掩堵封")),),
    # 一下子|弹 cut 一下|子弹: 他一下子弹了起来, 一下子弹开了 (not 打了一下子弹, 一下子弹就打光了: bullets)
    "子弹": (("zi5 tan2", lambda c: c.left == "一下" and c.right[:1] in ("了", "起", "开", "回", "到") and c.right not in ("打光", "到位")),),
    "点着": (("dian3 zhe5", lambda c: re.match("(?:一|两|几|[三四五六七八九十]|[\u4e00-\u9fff]{0,2}(?:灯|蜡烛|烛|香|火把|篝火|头))", c.after)
              is not None),),  # 桌上点着一盏油灯, 点着头 (not 火点着了)
    # 月交还是年交: 交 then 还是, "or" (not 交还图书)
    # 重看一遍, 值得重看, 想重看那集: watch again, chong2 (not 公司重看学历: value highly, zhong4)
    "重看": (("chong2 kan4", lambda c: c.after.startswith(("了", "一", "遍", "这", "那", "几", "两", "三", "第"))
              or c.left.endswith(("想", "值得", "再", "要", "可以", "又", "能", "会", "得"))),),
    "服药": (("fu4 yao4", lambda c: c.left[-1:] in tuple("一二两三四五六七八九十几") and not c.after.startswith(("就", "后", "前", "时"))),),  # 开了三服药: doses (not 按时服药, 一服药就吐)
    "交还": (("jiao1 hai2", lambda c: c.right.startswith("是")),),
    # X的倒数, 互为倒数: a reciprocal, dao4 shu4 (not 倒数第二, 倒数三秒: counting down)
    "倒数": (("dao4 shu4", lambda c: (c.left[-1:] == "的" and re.search("[零一二两三四五六七八九十]|分之|数|式|[A-Za-z]", c.before[:-1]) is not None)
                                     or c.left[-1:] == "为" or c.right.startswith(("是", "等于", "关系"))
                                     or not c.after and c.before.endswith(("没有", "求", "取", "的倒"))),),  # 0没有倒数 (not 新年的倒数)
    # 要约收购, 发出要约: a tender offer, yao1 yue1 (not 我要约朋友吃饭)
    "要约": (("yao1 yue1", lambda c: c.after.startswith(("收购", "价", "人", "邀请", "期", "书", "条件", "方", "和承诺", "与承诺"))
              or c.before.endswith(("全面", "部分", "发出", "发布", "收购", "出", "撤回", "撤销", "承诺"))),),
    # 每丸重9g, 这块玉重9克: weighs nine (not 重九, the festival)
    "重九": (("zhong4 jiu3", lambda c: re.match("(?:点[零一二三四五六七八九]+)?(?:克|斤|两|公斤|千克|吨|毫克|钱|十|百|千|万)", c.after)
              is not None),),
    "看着": (("kan1 zhe5", lambda c: c.before.endswith(("帮", "帮我", "帮你", "替", "替我", "替你", "给我", "给你", "我来"))
              and c.right.startswith(("行李", "孩子", "东西", "包", "门", "摊", "店", "点"))),),  # 我帮你看着行李
    "看好": (("kan1 hao3", lambda c: re.match("(?:您的|你的|自己的)(?:随身|物品|行李|财物|贵重|钱包|手机|小孩|孩子|宝宝|包|门)", c.after)
              is not None or re.match("(?:随身|物品|行李|财物|贵重|钱包|手机|小孩|孩子|宝宝|包|门)", c.after) is not None
              and c.before.endswith(("请", "要", "务必", "记得", "注意", "帮我", "帮忙", "一定要", "小心"))),),  # 请看好您的随身物品 (not 大家都看好你的未来, 机构看好手机板块)
    "好处": (("hao3 chu3", lambda c: c.left.endswith("不") and c.right[:1] in ("", "啊", "呀", "了")),),  # 这人不好处 (get along)
    "正中": (("zheng4 zhong4", lambda c: "下怀" in c.after or c.right.startswith(("靶心", "红心", "要害", "眉心", "他", "她", "我", "你", "它",
                                                                               "对方", "敌人", "胸口", "额头", "脑门", "心脏", "门柱", "横梁"))),),  # 正中下怀, 正中他的胸口
    # 有多重？, 这只羊多重, 称一称多重: how heavy, ending a clause after what is weighed (多重保障, 含义多重, 主题多重: multiple)
    "多重": (("duo1 zhong4", lambda c: c.right[:1] in ("", "啊", "呢", "吗", "呀")
              and (c.left.endswith("有") or re.search("[羊猪牛鸡鸭鹅鱼瓜子袋包头块个只条你我他她它宝下称]$", c.before) is not None
                   or re.search("[这那][袋个只头条块箱包根颗片张本台辆件]", c.before) is not None
                   or re.search("多高$|多大$|身高", c.before) is not None)),),  # 主播多高多重
    # 还剩几米, 有几米高: how many metres (几米 the artist: ji1)
    "几米": (("ji3 mi3", lambda c: re.search("[剩有还长高宽深走跑差多隔了]$", c.before) is not None
              or re.match("[高长宽深远]|的距离|[？?]", c.after) is not None),),
    # 扣子没缝牢, 没缝好: not sewn (门没缝: no gap)
    "没缝": (("mei2 feng2", lambda c: re.match("[牢好上紧完补]", c.after) is not None),),
    # 一打12支, 一打鸡蛋: a dozen (一打就哭: once hit)
    "一打": (("yi1 da2", lambda c: re.match("[0-9零一二两三四五六七八九十]+[支个只瓶罐条双枝]|鸡蛋|啤酒|铅笔|毛巾|袜子|玫瑰|[，。！,.!]|$", c.after) is not None),),
    # 总长1200公里, 总长约50米: the whole length (交通部总长: a minister)
    "总长": (("zong3 chang2", lambda c: re.match("[0-9零一二两三四五六七八九十百约达为超逾近]", c.after) is not None),),
    # 实习期内应在三日内报到, 规定期限内应向: within a time, should (他是敌人的内应: a mole)
    "内应": (("nei4 ying1", lambda c: re.search("[期限天日月年间时]$", c.before) is not None and bool(c.after) and not c.after.startswith("外合")),),
    # 分子和原子, 分子是3, 氧分子: a molecule or a numerator, fen1 (知识分子, 犯罪分子: a member, fen4)
    "分子": (("fen1 zi3", lambda c: re.search("分母|原子|离子|化学|分子式|分子量|[氧氢碳氮氯硫]|[0-9零一二三四五六七八九十]|约分|通分|分数|物质|结构"
                                             "|晶体|聚合|DNA|蛋白|运动|热运动|间隙|引力|斥力", c.before + c.after) is not None
              and not c.before.endswith(("知识", "犯罪", "积极", "恐怖", "极端", "不法", "反动", "激进", "骨干", "腐败", "黑恶", "违法"))),),
    # 答题卡上将答案涂黑, 在数轴上将点A: on it, then 将 (海军上将: a general)
    "上将": (("shang4 jiang1", lambda c: re.search("[卡纸轴线图表面板本桌墙网屏框格]$", c.before) is not None),),
    # 列车长, 请联系车长, 车长办公席: the train's head, zhang3 (车长4.8米, 车长为: the car's length)
    "车长": (("che1 zhang3", lambda c: re.match("[0-9零一二两三四五六七八九十约为达超有是、和跟与不大小]|[\\s:：]|时间|期|途", c.after) is None
              and re.search("宽|高|轴距|毫米|米|增加|超过|数据|尺寸|长度", c.before + c.after[:8]) is None),),
    # 在西单倒车, 中途不用倒车, 倒两次车: change buses (车辆倒车，请注意, 倒车雷达: reverse)
    "倒车": (("dao3 che1", lambda c: (re.search("(?:不用|不必|无需|还得|再|中途|在[\u4e00-\u9fff]{0,4}站|在[东西]单)$", c.before) is not None
                                      or re.match("[到去]|换乘", c.after) is not None)
              and not c.after.startswith(("雷达", "影像", "入库", "镜", "灯", "时", "请注意"))),),
    # 致电我行, 欢迎选择我行: our bank, hang2 (我行我素: a word of its own)
    # 他对这行很熟, 这行饭不好吃: this trade (这行字: this line)
    "这行": (("zhe4 hang2", lambda c: c.before.endswith(("对", "干", "在", "做", "入", "进", "吃", "懂", "熟悉", "了解"))
              or c.after.startswith(("饭", "的规矩", "里", "当中", "水深", "不好干", "挺难"))),),
    # 这一行人浩浩荡荡: this party of people (这一行, this line or trade)
    "这一行": (("zhe4 yi4 xing2", lambda c: c.right == "人" and not c.after.startswith("人员")),),
    # 把馅料和匀: mix a filling (把泥和匀, 把面和匀: knead, the hand-kept huo2)
    "和匀": (("huo4 yun2", lambda c: c.before.endswith(("馅", "馅料", "馅儿", "肉馅"))),),
    # 国外相关机构, 外相关注度: 外 then 相关 (日本外相: a foreign minister)
    "外相": (("wai4 xiang1", lambda c: c.after.startswith(("关", "结合", "互", "似", "比", "对应", "应"))),),
    # 电脑卡住了, 页面卡住不动: frozen (鱼刺卡住了: stuck, qia3)
    "卡住": (("ka3 zhu4", _frozen),),
    # 他把书胡塞进包里: stuffed in anyhow (胡塞武装: the Houthis)
    "胡塞": (("hu2 sai1", lambda c: "把" in c.before or c.after.startswith(("进", "一通", "一气", "到"))),),
    # 中亚开行班列: 中亚 then a train run (亚开行: the Asian Development Bank)
    **{word: ((reading, lambda c: c.before.endswith("中") or c.after.startswith(("班列", "列车", "专列", "航线", "首趟", "货运"))),)
       for word, reading in (("亚开行", "ya4 kai1 xing2"), ("非开行", "fei1 kai1 xing2"))},
    # 这些水果行吗: will fruit do (水果行: a fruit shop)
    **{word: ((reading, lambda c: c.after.startswith(("吗", "不", "了", "啊", "呢", "吧"))),)
       for word, reading in (("水果行", "shui3 guo3 xing2"), ("鱼行", "yu2 xing2"), ("炒货行", "chao3 huo4 xing2"))},
    # 他干香菇种植十年了: does a trade (干香菇: dried mushrooms)
    **{word: ((reading, lambda c: re.search("(?:他|她|我|你|们|能|会|在|想|要)$", c.before) is not None
               and c.after.startswith(("种植", "加工", "养殖", "生意", "批发"))),)
       for word, reading in (("干香菇", "gan4 xiang1 gu1"), ("干海参", "gan4 hai3 shen1"))},
    # 我们都一处住着: together (都一处: the restaurant)
    "都一处": (("dou1 yi1 chu4", lambda c: c.before.endswith(("们", "大家", "俩"))),),
    # 他被差到外地: sent (差到了极点: as bad as)
    "差到": (("chai1 dao4", lambda c: c.before.endswith("被")),),
    # 打得分外激烈: 得 of the manner, then 分外 (not 得分: points, 除了得分外, 本场得分外)
    "得分": (("de5 fen4", lambda c: c.after.startswith("外") and not c.after.startswith("外加") and bool(c.before)
              and not c.before.endswith(("除了", "除", "的", "场", "总", "了"))),),
    # 录得很清楚, 售得很快: how it went, de5 (录得涨幅, 售得价款: obtained, de2)
    **{word: ((reading, lambda c: re.match("很|太|真|好|早|晚|快|慢|及时|不|清楚|非常|特别|挺|更|比较|相当", c.after) is not None),)
       for word, reading in (("录得", "lu4 de5"), ("购得", "gou4 de5"), ("竞得", "jing4 de5"), ("募得", "mu4 de5"), ("售得", "shou4 de5"))},
    # 哇，好强！, 这电影好哭: so strong, so moving, hao3 (他从小就好强, 这孩子好哭: a person given to it, hao4)
    **{word: ((reading, lambda c: re.search("他|她|我|你|人|孩子|性格|为人|从小|生性|天生|一辈子|脾气", c.before) is None
                                  or re.search("实力|能力|技术|水平|功力|气场|阵容|火力|战斗力|效果|信号|剧情|画面|歌|片|电影|故事|结局|台词", c.before) is not None),)
       for word, reading in (("好强", "hao3 qiang2"), ("好哭", "hao3 ku1"))},
    # 一捆劈柴, 一堆劈柴: firewood (在院子里劈柴: chopping)
    "劈柴": (("pi3 chai5", lambda c: c.before.endswith(("捆", "堆", "些", "根", "把", "的", "担", "垛", "抱"))),),
    # 一家子人, 他们一家子 (not 一家子公司: 一家 and a subsidiary)
    "一家子": (("yi4 jia1 zi5", lambda c: not c.after.startswith(("公司", "企业", "母"))),),
    # 他们大都是学生, 大都已经离开: mostly (大都市, 大都会: a metropolis; 大都是元朝的首都: the Yuan capital, opening its clause)
    "大都": (("da4 dou1", lambda c: bool(c.before) and not c.before.endswith(("的", "来到", "定都", "到了", "到", "在", "于", "去", "回"))
              and not c.after.startswith(("以后", "以前", "以来")) and c.after.startswith(("是", "已", "在", "有", "为", "会", "很", "不", "没", "来自", "属于", "集中", "分布", "以",
                                                      "采用", "比较", "较", "能", "可以", "要", "被", "由", "经过", "选择", "喜欢", "住", "认为"))),),
    # 股价回调, 大盘回调至3000点: a pullback of prices (回调函数: a callback)
    "回调": (("hui2 tiao2", lambda c: re.search("股|指|价|点位|大盘|涨|跌|行情|市场|板块|个股|美元|黄金|油价|汇率|[0-9零一二三四五六七八九十]+%|幅",
                                               c.before + c.after) is not None
              and re.search("函数|接口|方法|API|机制|地址|URL|参数|事件|通知|订阅|触发|收到|策略|耗时|[A-Za-z_]{3}|部|员工|经理|干部|人员",
                            c.before + c.after) is None),),
    "我行": (("wo3 hang2", lambda c: re.match("为(?:您|你|客户|广大|用户|持卡人)", c.after) is not None),
             ("wo3 hang2", lambda c: not c.after and re.search("致电|选择|咨询|联系|来|到|前往|光临|莅临|信任|支持|感谢", c.before) is not None),),
    # 解得x=4, 求得的值: worked out, de2 (求得很诚恳, 解得开: how it went)
    **{word: ((reading, lambda c: re.match("[:：]?(?:[A-Za-z0-9(（{①②③]|值|的|结果|方程|答案|[零一二三四五六七八九十])", c.after) is not None),)
       for word, reading in (("解得", "jie3 de2"), ("求得", "qiu2 de2"))},
    # 雨哗啦啦地下了起来, 雨不停地下着, 没完没了地下了三天 (not 在地下, 转入地下了)
    "地下": (("de5 xia4", lambda c: _manner_before(c) or bool(c.before) and not c.before.endswith(_NOT_RAINING_BEFORE) and (
        c.right[:1] in ("着", "起") and _GROUND_DEEDS.match(c.after) is None
        or c.right == "了" and re.match("了(?:[零一二两三四五六七八九十几半]+[天夜个场]|一整|好几|整整|起来)", c.after) is not None)),),
    "地上": (("de5 shang4", _manner_before),),  # 大家纷纷地上了车 (not 掉在地上)
    # 阳光温柔地暖着大地, 天渐渐地暖了起来: an adverbial's 地 before 暖 "warm" as a verb (not 全屋地暖, 开着地暖, 地暖坏了, 客厅地暖过热)
    # (温柔地暖着 without a manner word only before 着: not 家里安装地暖了, 新房子铺设地暖了)
    "地暖": (("de5 nuan3", lambda c: _manner_before(c) and (c.right[:1] in ("着", "了") or c.right in ("起来", "起", "过", "过来"))
              or len(c.left) >= 2 and not c.left.endswith(("了", "着", "的")) and c.right[:1] == "着"),),
    "穿着": (("chuan1 zhuo2", lambda c: c.left.endswith("的") or c.left in ("注意", "讲究", "日常", "平时")
              or _ATTIRE_JUDGED.match(c.after) is not None),),  # 她的穿着, 穿着很得体 (attire; 穿着外套 is wearing)
    "回地": (("hui2 de5", lambda c: c.left.endswith("不") and bool(c.right)),),  # 头也不回地走了
    "地道": (("di4 dao4", lambda c: c.left.endswith(("这个", "那个", "条", "挖", "钻进", "钻", "进", "穿过", "通过", "地下"))
              and not c.right.startswith("的")
              or c.left.endswith(("从", "走")) and re.match("(?:穿|通|过|走|进|出|里|内|口|下|[，。！？,.!?]|$)", c.after) is not None or c.right.startswith(("口", "里", "入口", "出口", "战", "很长", "通向", "通往", "内"))),),  # 这个地道通向城外 (a tunnel)
    "大意": (("da4 yi5", lambda c: c.left.endswith(("太", "很", "真", "别", "不能", "不可", "千万别", "一时", "有点", "不要",
                                                   "麻痹", "马虎", "一点儿也不", "一点也不"))),),  # 他太大意了 (careless)
    "买卖": (("mai3 mai5", lambda c: c.left.endswith(("做", "了", "辈子", "桩", "笔", "门", "这", "那", "好", "大", "小"))
              and not c.right.startswith(("双方", "合同", "关系", "价格"))),),  # 做了一辈子买卖 (business)
    "精神": (("jing1 shen5", lambda c: c.left.endswith(("挺", "很", "真", "多", "怪", "倍儿", "可")) and
              c.right[:1] in ("", "的", "了", "啊", "呀", "着")),),  # 这个小伙子挺精神的 (lively)
    "那曲": (("na4 qu1", lambda c: c.after.startswith(("市", "地区", "县", "镇", "机场", "站"))
                         or c.before.endswith(("西藏", "藏北", "去", "到", "在", "飞往", "前往", "来自"))),
             ("na4 qu3", lambda c: True)),  # 西藏那曲市 (a place), 哼起了那曲 (that song)
    "和好": (("huo2 hao3", lambda c: c.left.endswith("面") and re.search("醒|揉|饧|发酵|擀", c.after) is not None),),  # 面和好后醒
    "点着头": (("dian3 zhe5 tou2", lambda c: True),),  # 点着头说 (nodding), not 点着 (lit)
    "东西": (("dong1 xi1", _east_west),),  # 东西两侧, 东西宽二十公里 (not 买东西: a thing)
    "东西长": (("dong1 xi1 chang2", lambda c: not _a_thing(c) and _FIGURE.match(c.after) is not None),),  # 东西长三千公里 (not 这东西长得丑, 这东西长三米)
    "将就": (("jiang1 jiu4", lambda c: c.right[:1] in tuple("此地近业职任位绪座医读餐诊")),),  # 将|就此, 部队将|就地驻扎 (not 将就一下: make do)
    "动弹": (("dong4 tan2", right_in("出", "起", "开", "回")),),  # 自动|弹出 cut 自|动弹|出 (not 动弹不得)
    # 教皇|上任, 新皇|上台 cut 新教|皇上|任后 (not 新皇上任命了: the emperor)
    "皇上": (("huang2 shang4", lambda c: c.left[-1:] in ("教", "新", "女") and c.right in ("任", "任后", "台", "位")),),
    "长长": (("zhang3 chang2", right_starts("了")),),  # 头发长长了 (grew long) vs 长长的
    # carry on one's back: 背上行囊, 把孩子背上 (not 他背上有伤疤, 我背上痒, 背上包着纱布: the back)
    "背上": (("bei1 shang4", lambda c: c.right in _LOADS or not c.right and "把" in c.before),),
    # behind someone's back: 背着妈妈偷偷去网吧, 背着我私下里 (not 背着妈妈去医院: carrying)
    "背着": (("bei4 zhe5", lambda c: (c.right in PRONOUNS and c.right != "孩子" or c.right in _HIDDEN_FROM)  # (not 背着孩子悄悄地走了: carrying)
              and re.search("偷偷|悄悄|私下|私自|偷着|瞒", c.after) is not None),),
    # 把钱数了一遍 (counted; not the amount: 把钱数好好核对, 把钱数一一列出, 把钱数清单发给我)
    "钱数": (("qian2 shu3", lambda c: c.left.endswith("把") and re.match("[了过完]|清(?!单)|好(?!好)|一[遍下数次]", c.after) is not None),),
    # 难处 nan2 chu4, a difficulty (他有他的难处), but chu3, hard to get on with, after a degree (这个人很难处), before
    # 得 or its question (难处得很, 难处不难处), or ending a clause after a person (婆婆难处，媳妇难当)
    "难处": (("nan2 chu4", lambda c: not c.left.endswith(("很", "太", "真", "挺", "不", "比较", "特别", "非常", "最", "更", "这么", "那么", "多么"))
              and not c.after.startswith(("得", "不难处"))
              and not (c.left.endswith(("人", "婆", "关系", "之间", "领导", "上司", "老板", "同事", "邻居")) and c.left != "个人"
                       and not c.after.rstrip("。！？!?；;…"))),),
    "还给": (("hai2 gei3", lambda c: _GIVE_ALSO.search(c.after) is not None
              or "把" not in c.before and _GIVE_ALSO_CALL.search(c.after) is not None),),  # 我们还给您准备了
    # 您这张卡在哪办的, 会员卡在前台办: the card is (鱼刺卡在喉咙里: stuck)
    "卡在": (("ka3 zai4", lambda c: c.left.endswith(("张", "的", "这", "那")) or _CARDS.search(c.before) is not None),),
    "同行": (("tong2 xing2", right_starts("了", "过", "一段", "一路", "的人", "者", "人员")),
             ("tong2 xing2", lambda c: c.left.endswith(("一路", "结伴", "一起", "一同", "携手", "相伴", "与您", "与你", "和你", "和您"))
              or re.fullmatch("[一二两三四五六七八九十几多]人", c.left) is not None
              or c.after.startswith(("的还有", "的有"))),  # 我们同行了一段路, 一路同行, 同行的还有他的妻子 (大家都是同行: hang2)
             # 感谢与您同行, 与我们同行 (jieba: 与|您|同行; not 与您同行业)
             ("tong2 xing2", lambda c: c.before.endswith(("与您", "与你", "与我们", "和您", "和你们", "和我们", "陪您", "与君"))
              and not c.after.startswith("业")),
             # 同行人数, 同行的朋友, 本次拼车同行乘客两人, 车主与乘客同行 (travelling together)
             ("tong2 xing2", lambda c: c.right.startswith(("人数", "乘客", "旅客", "游客")) or c.after.startswith(("的朋友", "的乘客", "的家人", "的同事"))
              or c.left.endswith(("乘客", "拼车", "顺风车")) or re.search("[与和跟]乘客$", c.before) is not None)),
    "船只": (("chuan2 zhi3", right_starts("能", "有", "好", "可以", "剩", "够")),),  # 这条船只能坐十个人
    "着手": (("zhe5 shou3", lambda c: c.left.endswith(tuple("拉握牵挽搀举背插抄甩搓拍揣挥搭攥捂拢空暖"))  # 手拉着手, 空着手
              and not c.left.endswith(("供暖", "保暖", "取暖", "采暖"))),  # (从供暖着手: set about)
             ("zhao2 shou3", lambda c: c.left.endswith(("切", "碰", "烫", "扎", "砸", "伤", "冻", "夹"))),),  # 别切着手
    "公差": (("gong1 cha1", lambda c: c.left.endswith(("尺寸", "加工", "形位", "位置", "配合", "数列", "的"))
                                     or c.right.startswith(("为", "带", "范围", "等级", "值", "是"))),),  # 尺寸公差为±0.1mm
    # 房间朝阳, 卧室朝阳的一面: a room faces the sun (not 房间里洒满朝阳)
    "朝阳": (("chao2 yang2", lambda c: c.left.endswith(("房间", "房子", "卧室", "主卧", "次卧", "客厅", "阳台", "书房", "窗户"))),
             # 这间房很朝阳, 朝阳的房间, 朝阳户型: a room that faces the sun (not 一轮朝阳, 朝阳的光辉)
             ("chao2 yang2", lambda c: c.left.endswith(("很", "比较", "挺", "不", "不太", "非常", "特别", "够"))
              or c.after.startswith(("房", "户型", "的房", "的卧室", "的户型", "的阳台", "的客厅", "的一面"))
              or c.left == "是" and c.right[:1] in ("的", "") and re.search("房|屋|卧|厅|户", c.before) is not None),
             ("chao2 yang2", lambda c: c.left.endswith(("北京", "北京市", "辽宁", "辽宁省", "长春", "汕头")) or (
                c.right[:1] not in ("的", "下", "照", "里", "中", "升", "初") and not c.left.endswith(tuple("看观赏望迎拍"))
                and re.search("住|在|来自|老家|到|去", c.before) is not None
                and not re.search("迎着|沐浴|初升|一轮|像", c.before))),  # 北京朝阳, 我在朝阳上班 (a district)
             ("chao2 yang2", right_starts("北路", "南路", "东路", "西路", "路", "公园", "大街", "医院", "支行", "分行",
                                          "街道", "站", "体育", "剧场", "大悦城", "门", "区", "北", "南", "桥", "广场", "小区",
                                          "营业部", "营业厅", "网点", "分部", "派出所", "法院", "中转", "交通", "交警", "分局", "银行",
                                          "检察院", "公安", "消防", "支队", "大队", "中队", "交通支队")),),
    # 本行为客户提供, 我行为您办理, 该行为小微企业发放贷款: a bank, then for whom it serves (not 该行为涉嫌内幕交易,
    # 该行为广大消费者所不齿, 该行为客户造成了损失)
    "行为": (("hang2 wei4", lambda c: c.before.endswith(("本", "我", "贵", "该", "各"))
              and re.match("(?:您|你|客户|广大|用户|小微|企业|持卡人|个人|公司|全体|储户|民营|中小|居民|贷款人)", c.after) is not None
              and re.search("提供|推出|办理|发放|服务|开通|开立|受理|量身|定制|打造", c.after) is not None
              and "所" not in c.after and "行为" not in c.after),
             ("hang2 wei2", lambda c: re.search("第[零一二两三四五六七八九十百千]+$", c.before) is not None
              and c.right.startswith(("空", "标题", "表头", "合计", "总计", "必填", "注释", "示例", "例"))
              or c.left.endswith(("开户", "发卡", "收款")) and re.search("银行|信用社|支行|分行", c.after[:12]) is not None),),  # 开户行为中国银行 (not 违规开户行为)  # 第3行为空 (a row; not 第一行为就是道歉)
    "结果": (("jie1 guo3", lambda c: c.right[:1] in ("", "了", "啦") and re.search("树|苗|枝|藤", c.before) is not None),  # 苹果树结果了
             # 今年苹果结果特别多, 这树开花不结果, 葡萄第二年就结果了: fruit borne (not 考试结果特别好)
             ("jie1 guo3", lambda c: re.search("树|苹果|枣|杏|樱桃|葡萄|桃|梨|柿子|橘|柑|石榴|核桃|果园|开花", c.before) is not None
              and c.left != "的" and re.search("公司|手机|电脑|检查|考试|评比|调查", c.before) is None
              and (c.right[:1] in ("", "了", "啦", "早", "晚", "少", "多") or c.right in ("特别", "很", "非常", "比较")
                   or c.before.endswith(("不", "开花", "就", "才", "能", "会", "没")))),),
    # 这一行行不行, 这一行行吗 (this trade, will it do), 一行行至山脚 (the party went), not 一行行字 (rows of)
    "一行行": (("yi1 hang2 xing2", right_starts("不", "吗", "么", "嘛", "呢", "吧", "啊")),
              ("yi1 xing2 xing2", right_starts("至", "抵")),),
    # 一行代码 (a line of), not 一行人 (a party of)
    "一行": (("yi1 hang2", right_starts("代码", "字", "文字", "诗", "数据", "命令", "注释", "程序", "小字",
                                        "大字", "泪", "公式", "文本", "记录", "表格")),
             ("yi1 hang2", lambda c: c.right.startswith("一行") or c.left.endswith("一行")),  # 一行一行地读
             ("yi1 hang2", lambda c: c.before.endswith(("排成", "排成了", "站成", "站成了", "连成", "连成了")) and c.right[:1] in ("", "，", "。", "的")),
             ("yi1 hang2", lambda c: c.left.endswith(("空出", "空", "换", "隔", "跳过", "删", "删除", "插入", "加", "下", "上",
                                                      "最后", "第")))),  # 看下一行, 第一行
    # 打点 da3 dian3, fetch a little of something (打点水, 打点酱油, 打点柴火, 打点折) and the marking or hitting of
    # points (打点机, 打点手感; baseball's 打点 for runs batted in), not 打点行装, 上下打点 (pack, grease palms: dian5)
    "打点": (("da3 dian3", lambda c: _FETCHED_A_LITTLE.match(c.after) is not None),),
    # 爱人 ai4 ren2, loving others (爱人者人恒爱之, 君子之爱人也以德, 爱人之心, 才会爱人, 学会如何爱人), not a
    # husband or wife (我爱人, 我爱人也是, 我爱人之前, 他跟爱人吵架了: ren5)
    "爱人": (("ai4 ren2", lambda c: c.right in ("者", "之", "之心", "如", "如爱己")
              or c.left == "之" and c.right == "也"
              or c.left in ("会", "去", "如何", "怎样", "怎么", "懂得", "学会", "学着", "善于", "能够", "不会", "才会")
              and c.right in ("", "的", "和", "与")),),
    # 门道 men2 dao4, a gateway (穿过门道, 站在门道里躲雨), not the knack of a trade (看门道, 其中的门道, 在门道上下功夫: dao5)
    "门道": (("men2 dao4", lambda c: c.right in ("里", "口", "下")
              or c.left in ("穿过", "走过", "走进", "穿", "过", "进", "出", "站", "站在", "坐在", "躲在", "蹲在")),),
    # 铺盖 pu1 gai4, covering (积雪铺盖着田野, 落叶铺盖了小路), not the bedding (卷起铺盖了, 卷起铺盖了吗, 把铺盖铺好: gai5)
    "铺盖": (("pu1 gai4", lambda c: _COVERING.match(c.after) is not None),),
    # 包涵 written for 包含, containing (方案包涵了所有情况), not bearing with (请多包涵了: han5)
    # 味道调得刚好, 音量调得太大, 悬挂调得偏硬: set or seasoned (not 他被调得很远: transferred)
    "调得": (("tiao2 de5", lambda c: _SET_THINGS.search(c.before) is not None),),
    # 重重的箱子, 书包重重的: heavy (not 重重的困难, 重重的包围, 山峦重重的, 心事重重的: layer on layer)
    "重重的": (("zhong4 zhong4 de5", lambda c: re.match(_LAYERS, c.after) is None
                and re.search("困难|险阻|关卡|[山峦云雾门关]|心事|疑虑|顾虑", c.before[-2:]) is None),),
    # 人民银行总行, 总行和分行: a bank's head office, hang2 (not 你总行了吧: always fine)
    # 第一场演唱会, 巡演第一场: the first show or match, chang3 (not 第一场雪: a snowfall)
    # 应对构件进行编号, 孔洞应用水泥砂浆填塞: should, then 对/用 (not 应对挑战, 应用软件)
    # 乙方应对其员工的行为承担责任, 接收方应对保密信息严格保密: should, then 对 what one answers for (not 积极应对突发事件)
    "应对": (("ying1 dui4", _should_answer_for),),
    "应用": (("ying1 yong4", lambda c: re.match("[^，,。；;]{0,8}?(?:填塞|冲洗|擦|打磨|清洗|涂刷|涂抹|密封|封堵|修补|浇筑|清理|固定|包裹)", c.after) is not None),),
    "第一场": (("di4 yi1 chang3", lambda c: not c.after.startswith(("雨", "雪", "大雨", "大雪", "暴雨", "暴雪", "病", "大病", "风波", "梦"))),),
    "总行": (("zong3 hang2", lambda c: re.search("银行|分行|支行|该行|央行|人行|行长", c.before + c.after) is not None
              or c.right.startswith("数")),),  # 总行数: the number of lines
    # 页面重载, 重载函数, 重载配置: loaded again or overloaded, chong2 (not 货车重载: a heavy load)
    "重载": (("chong2 zai4", lambda c: re.search("页面|函数|方法|运算符|配置|插件|模块|代码|刷新|热|类|接口|文件", c.before[-6:] + c.after[:4]) is not None),),
    "包涵": (("bao1 han2", lambda c: _COVERING.match(c.after) is not None or c.right in ("在", "在内")),),
    # 里头 then 一次, 一回, 一遭 is jieba's cut of 家里|头一次 (first time: 他在家里头一次做饭), not 家里头一个人也没有 (tou5)
    **{word: (((reading + " tou2"), lambda c: c.right in ("一次", "一回", "一遭") or c.after.startswith(("一次", "一回", "一遭"))),)
       for word, reading in (("家里头", "jia1 li3"), ("心里头", "xin1 li5"), ("城里头", "cheng2 li3"), ("屋里头", "wu1 li3"))},
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
