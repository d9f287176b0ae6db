"""Text normalisation rules (TN): written numbers, signs and addresses -> what a reader says.

:func:`verbalize` runs the rule groups in this order, most specific first, so that each
rule sees only what the ones before it left: Latin letters with diacritics made plain
(:mod:`.letters`), chat and game shorthand (:mod:`.chat`), signs read by what they mark (:mod:`.marks`), the
numbers and signs of spec sheets, recipes and building sites (:mod:`.specs`), addresses (:mod:`.web`), dates and clock times
(:mod:`.datetime`), phone numbers and codes (:mod:`.phone`), money (:mod:`.money`), units,
temperatures and percentages (:mod:`.measures`), arithmetic, ratios, fractions and ranges
(:mod:`.math`), calendar fields (:mod:`.datetime`), then whatever numbers are left
(:mod:`.numbers`). Last come the signs and Greek letters that read as words on their own. The output holds no
ASCII digit. Input must be cleaned first (half-width, see :mod:`yuyin.frontend.normalize`).
"""

from __future__ import annotations

import re

from ..latin import WORDS
from . import chat, datetime, letters, marks, math, measures, money, numbers, phone, specs, web
from .digits import NUMBER, read_digits, read_number, superscript_digits
from .rule import Rule, apply_rules, context_after, context_before, rule

# Signs of sets, logic and analysis read as words: a∈A 属于, A∩B 交, ∅ 空集, ∞ 无穷大.
_SET_SIGNS = {"∈": "属于", "∉": "不属于", "⊆": "包含于", "⊂": "真包含于", "⊇": "包含", "⊃": "真包含", "∩": "交",
              "∪": "并", "≌": "全等于", "∵": "因为", "∴": "所以", "∅": "空集", "∀": "任意", "∃": "存在",
              "∞": "无穷大", "∑": "求和", "∫": "积分", "∛": "三次根号", "∽": "相似于", "⊙": "圆", "∝": "正比于"}  # fmt: skip

# A number already read (not 一 beginning a word: ~一起来抢吧, ↑一楼说得对)
_READ_NUMBER = "[负正]?(?:百分之|千分之|[零二两三四五六七八九十]|一(?=[零一二两三四五六七八九十百千万亿点]))"


def _grade_minus(match: re.Match[str]) -> str:
    """A- -> A减, a grade one step below; not a blood group (血型B-) nor a terminal's pole (接A+、A-)."""
    if re.search("血|Rh|极|接线|端子", context_before(match, 10)):
        return match.group()
    return match.group(1) + "减"


# Signs read as words wherever they are left: 1+1 was read above, A+ or C++ only here.
# What a bracket holds that makes it a sum a slash after it divides: (a+b)/2, (tanα+tanβ)/(1-tanαtanβ) (not 公里(NEDC)/420公里)
_SUM_INSIDE = re.compile(r"[(][^()]*(?:[加减乘除+*×÷=^⁰¹²³⁴⁵⁶⁷⁸⁹ⁿ-]|次方|平方|立方|根号)[^()]*[)]$")


def _divided_slash(match: re.Match[str]) -> str:
    before = context_before(match, 40)
    if before.endswith(")") and not _SUM_INSIDE.search(before) and not match.string.startswith("(", match.end()):
        return match.group()
    return "除以"


# (<10个), （>50个）: a bound in brackets, a number and what it counts (not (<3), (<div>))
_COUNTED_IN_BRACKETS = "[零一二两三四五六七八九十百千万点]+[^)）\\s<>零一二两三四五六七八九十百千万点]"


_SUM_WORDS = re.compile("加|减|乘|除以|等于|的|平方|立方|次方|根号|负|正|[零一二两三四五六七八九十点]")


def _superscript_power(match: re.Match[str]) -> str:
    """x⁴, (a+b)⁵, x⁻¹, 2ⁿ: a power; not a footnote's number after a bracket of words or a capital after hanzi
    (（Smith, 2020）⁵, 维生素C⁴)."""
    if match.group(1):
        before = context_before(match, 40)
        bracket = before.rfind("(")
        if before.endswith(")") and (bracket < 0 or re.search("[\u4e00-\u9fff,，]", _SUM_WORDS.sub("", before[bracket:]))) or re.search(
                "[\u4e00-\u9fff][A-Z]$", before):
            return match.group()
        return f"的{read_number(superscript_digits(match.group(1)))}次方"
    return f"的{match.group(2) and '负'}n次方"


def _stars(count: int) -> str:
    """3 -> 三星, 2 -> 两星: a rating in stars."""
    return ("两" if count == 2 else read_number(str(count))) + "星"


SIGN_RULES: tuple[Rule, ...] = (
    rule("triangle", r"△(?=[A-Z]{3}(?![A-Za-z]))", lambda m: "三角形"),  # △ABC
    rule("delta", r"△(?=[A-Za-z](?:[=<>≈≤≥≠+*/,，。;；:：)）\s-]|$))", lambda m: "德尔塔"),  # △H<0: a change, as Δ
    # f(x)-g(x), (a+b)-c, 2-√3: a minus between what is worked out; -1/2, -x, (-∞,0), A.-2: a minus sign before a number
    rule("bracket_minus", r"(?<=[)）])-(?=[(（A-Za-z零一二两三四五六七八九十])|(?<=[零一二两三四五六七八九十A-Za-z)）])-(?=根号)", lambda m: "减"),
    # ①×2-②, ①-②: a minus between an equation's numbers in circles (read apart, between spaces; 一减二)
    rule("circled_minus", r"(?<=[零一二两三四五六七八九十]) ?- ?(?=[零一二两三四五六七八九十])", lambda m: "减" if " " in m.group() else m.group()),
    rule("leading_minus", r"(?:^|(?<=[(（\[,，=])|(?<=[A-D][.．]))-(?=根号|无穷大|∞|[零一二两三四五六七八九十]|[A-Za-z](?![A-Za-z]))", lambda m: "负"),
    rule("set_star", r"(?<=[∈][NZQ])\*|(?<=属于[NZQ])\*", lambda m: "星"),  # n∈N*: the positive integers
    rule("prime", r"(?<=(?<![A-Za-z])[a-zA-Z])[′'](?=\()", lambda m: "撇"),  # f'(x)
    rule("plus", r"\+", lambda m: "加"),
    # A-, BBB-: a grade or a rating, one step below (A减; not C-反应蛋白, X-ray, nor the blood groups AB-, 血型B-)
    rule("grade_minus", r"(?<![A-Za-z0-9])(A{1,3}|B{1,3}|C{1,3}|D)-(?=$|[\s，。,.;；、！？!?)）]|级)", _grade_minus),
    # before = itself: x>=y, n<=1, a != b
    rule("at_least", r" ?(?:≥|>=) ?", lambda m: "大于等于"),
    rule("at_most", r" ?(?:≤|<=) ?", lambda m: "小于等于"),
    rule("not_equal", r" ?(?:≠|!=) ?", lambda m: "不等于"),
    rule("much_less", r"(?<=[A-Za-z0-9α-ωΑ-Ω)）]) ?[≪≫] ?(?=[A-Za-z0-9α-ωΑ-Ω(（零一二三四五六七八九十])", lambda m: "远小于" if "≪" in m.group() else "远大于"),  # a≪b, x≫1 (not ≪红楼梦≫)
    rule("equals_negative", r" ?= ?-(?=[零一二两三四五六七八九十点]|[A-Za-z](?![A-Za-z]))", lambda m: "等于负"),  # ΔH=-57.3, y=-x
    rule("equals", r"=", lambda m: "等于"),
    rule("ampersand", r"(?<=\S) ?& ?(?=\S)", lambda m: "和"),
    rule("at_rate", r"(?<=[0-9KkPp])@(?=[0-9零一二三四五六七八九十])", lambda m: " "),  # 4K@60fps: a resolution at a frame rate
    rule("at", r"@(?=\S)", lambda m: "艾特"),
    rule("per_mille", r"‰", lambda m: "千分号"),
    rule("about", r" ?≈ ?", lambda m: "约等于"),
    # (P<0.05 and 温度<30℃: the number after it was read above)
    rule("greater", r"(?<=[0-9A-Za-z)\u4e00-\u9fff²³]) ?> ?(?=[0-9A-Za-z(零一二两三四五六七八九十负]|百分之|千分之)|^>(?=" + _READ_NUMBER + ")"
         r"|(?<=[(（])>(?=" + _COUNTED_IN_BRACKETS + ")",
         lambda m: "大于"),  # (at the start only right before a number: ＞50岁, not <speak>, > 引文, <3)
    rule("less", r"(?<=[0-9A-Za-z)\u4e00-\u9fff²³]) ?< ?(?![A-Za-z/][A-Za-z0-9]*>)(?=[0-9A-Za-z(零一二两三四五六七八九十负]|百分之|千分之)|^<(?=" + _READ_NUMBER + r")(?!三(?:\s|$))"
         r"|(?<=[(（])<(?=" + _COUNTED_IN_BRACKETS + ")",
         lambda m: "小于"),
    # (a+b)/2, x²/4, 1/(x+1): a slash after a power or a bracketed sum, or before a bracket after a number, divides (除以)
    rule("divided_slash", r"(?<=[)²³⁴⁵⁶⁷⁸⁹])/(?=[(0-9A-Za-z零一二三四五六七八九十])|(?<=[0-9A-Za-z零一二三四五六七八九十)])/(?=\()",
         _divided_slash),
    rule("squared", r"(?<=[A-Za-z)])²", lambda m: "的平方"),
    rule("cubed", r"(?<=[A-Za-z)])³", lambda m: "的立方"),
    # x⁴, (a+b)⁵, x⁻¹, 2ⁿ, 2⁻ⁿ: another power written up after a single letter, a bracket or a number (x的四次方,
    # x的负一次方, 二的n次方; a unit's minus one, 5 mol·L⁻¹, was read as "per" before, and cm⁴ is no single letter)
    rule("superscript_power", r"(?:(?<=(?<![A-Za-z])[A-Za-z])|(?<=[)]))([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹])(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
         r"|(?<=[A-Za-z0-9)零一二三四五六七八九十])(⁻?)ⁿ", _superscript_power),
    # phone keys: 请按#号键, 以#结束, 重听请按*号键 (a #话题# tag stays unread)
    rule("hash_key", r" ?(?<![A-Za-z+])# ?(?=号|键)(?![^#\s]{0,20}#)",
         lambda m: "井号" if m.string.startswith("键", m.end()) else "井"),  # 按#键 井号键 (not #号外#, C# 号称)
    rule("hash_pressed", r"(?:(?:(?<=[按以拨])|(?<=输入)) ?#|# ?(?=结束|确认|返回)|(?<=[按拨入][零幺一二三四五六七八九十])#"
         r"|(?<=[按拨入][零幺一二三四五六七八九十]{2})#)(?![^#\s，。！？,.!?；;、]{1,30}#)", lambda m: "井号"),  # 请按 #, 请按1# (not 以 #话题#)
    rule("star_key", r" ?\* ?(?=号|键)", lambda m: "星"),
    rule("star_pressed", r"(?:(?<=[按以拨])|(?<=输入)) ?\*|\* ?(?=结束|确认|返回)", lambda m: "星号"),
    # 按 ↑ ↓ 键, 按 ↵ 确认, ⌘+C: keys by their names
    rule("arrow_keys", r"[↑↓←→](?=(?: ?[↑↓←→])* ?键)|(?<=按) ?[↑↓←→]", lambda m: "上下左右"["↑↓←→".index(m.group().strip())]),
    # -0.5%~+1.5%: a range of numbers already read
    rule("tilde_range", r"(?<=[零一二两三四五六七八九十百千万亿度分秒元])\s?[~～]\s?(?=" + _READ_NUMBER + ")", lambda m: "到"),
    rule("day_range", r"(?<=[一二三四五六七八九十])\s?[~～]\s?(?=T[加减])", lambda m: "到"),  # T+1~T+3: T加一到T加三
    rule("rise_fall", r"[↑↓](?= ?(?:" + _READ_NUMBER + "))", lambda m: "上升" if m.group() == "↑" else "下降"),  # 同比↑5%
    rule("up_down", r"[▲▼](?= ?(?:" + _READ_NUMBER + "))", lambda m: "上涨" if m.group() == "▲" else "下跌"),  # 道指▼200点
    rule("enter_key", r" ?[↵⏎] ?", lambda m: "回车"),
    rule("mac_keys", r"[⌘⌥⌃⇧]", lambda m: {"⌘": "Command", "⌥": "Option", "⌃": "Control", "⇧": "Shift"}[m.group()]),
    rule("doses", r"(?<![0-9A-Za-z)）])× ?(?=[零一二两三四五六七八九十]+ ?[剂付帖])", lambda m: ""),  # 中药×7剂: seven doses
    # 打√, 打×, 画✓: a tick or a cross marked on a sheet
    rule("tick", r"(?<=[打画标])\s?[√✓✔]", lambda m: "勾"),
    rule("cross", r"(?<=[打画标])\s?[×✗✘]", lambda m: "叉"),
    # 周杰伦×方文山, 李宁×故宫联名款: two names working together (not 长×宽)
    rule("together", r"(?<=[\u4e00-\u9fff]{2})(?<![零一二两三四五六七八九十百千万亿点升克米片板个瓶盒罐乘长宽高深厚元])\s?×\s?"
         r"(?![零一二两三四五六七八九十百千万亿长宽高深厚])(?=[\u4e00-\u9fff]{2})", lambda m: "和"),
    rule("times", r" ?× ?|(?<=[0-9A-Za-z)]) ?\* ?(?=[0-9A-Za-z(])|(?<=[米万千])\*(?=[零一二两三四五六七八九十])",
         lambda m: "乘"),  # 4.5m*5.2m, 20k*13薪
    rule("tends_to", r"(?<=(?<![A-Za-z])[A-Za-z]) ?→ ?(?=[+-]?∞|[0-9零一二三四五六七八九十负])", lambda m: "趋向于"),  # x→0, n→∞ (not File → 3D)
    rule("arrow", r"(?<=[\u4e00-\u9fffA-Za-z]) ?[→⇒➔⟶] ?(?=[\u4e00-\u9fffA-Za-z])", lambda m: "到"),  # 上海→北京
    # 上海-杭州自驾, 北京—上海的机票: a dash between two places before a trip between them (not 中-美关系)
    rule("trip", r"(?<=[\u4e00-\u9fff]{2}) ?[-—–~～] ?(?=[\u4e00-\u9fff]{2,3}(?:自驾|机票|高铁|航线|航班|动车|火车|大巴|往返|直飞|专线|的(?:机票|高铁|航班|动车|火车)))",
         lambda m: "到"),
    rule("divided", r" ?÷ ?", lambda m: "除以"),
    rule("plus_or_minus", r"±", lambda m: "正负"),
    rule("angle", r"∠", lambda m: "角"),
    rule("parallel", r" ?∥ ?", lambda m: "平行于"),
    rule("perpendicular", r" ?⊥ ?", lambda m: "垂直于"),
    rule("set_sign", r"(?<=[A-Za-z0-9)）}\]\u4e00-\u9fffα-ωΑ-Ω]) ?[∈∉⊆⊂⊇⊃∩∪≌∽∝] ?(?=[A-Za-z0-9(（{\[△∅\u4e00-\u9fff])",
         lambda m: _SET_SIGNS[m.group().strip()]),  # a∈A, A∩B, x∈[0,1], △ABC≌△DEF, △ABC∽△DEF, y∝x (not (∩_∩))
    rule("circle", r"⊙(?=[A-Z](?![A-Za-z]))", lambda m: "圆"),  # ⊙O的半径
    rule("set_word", r"[∵∴∅∞∑∫∛]|[∀∃](?= ?[A-Za-z])", lambda m: _SET_SIGNS[m.group().strip()]),  # (not (・∀・))
    # 运势：★★★★, 财运 ⭐⭐⭐, 大吉★★★★★ 中吉★★★★: a rating of full stars after what is rated (not ★★★重要通知★★★)
    rule("star_count", r"(?:(?<=[：:运吉凶分数级度情业康])|^(?=[★⭐]+$)) ?(★{1,5}|⭐{1,5})(?![★☆⭐])(?=[，。；,.;!！\s]|$|[大中小末]?[吉凶]|[财爱健事学][运业康])",
         lambda m: _stars(len(m.group(1)))),  # (not 标题：★新品★, 备注：★为必填项)
    # ★★★★☆, ★★★☆: a rating, the stars filled, of five or of fewer with an empty one (not ★★★重要通知★★★)
    rule("rating", r"(?<![★☆])(?:[★☆]{5}|(?=[★☆]{0,3}☆)[★☆]{3,4})(?![★☆])", lambda m: (_stars(m.group().count("★"))
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
# ISO 3200-6400, ISO100-200, BWV 846-869, RF24-105mm, F1.4-F16: a range of numbers after letters, the second the larger
# (a lens's focal lengths, an f-number's, a sensitivity's, a catalogue's; not S7-1200, DDR5-6000: one digit first, a code;
# nor GB 50016-2014, JGJ 130-2011, A320-200: a standard's year, a variant; nor NBA 2023-2024赛季: years; nor CL16-18-18-38:
# a chain; nor 订单号SO1234-5678, 航班CA1501-1502: codes)
LETTERED_RANGE = rule("lettered_range", r"(?<![A-Za-z0-9])([A-Z]{1,4}) ?([0-9]{2,5}|[0-9]+\.[0-9]) ?[-~～—] ?\1?([0-9]{2,5}|[0-9]+\.[0-9])(?![0-9.]|[-~～—][0-9])",
                      lambda m: f"{m.group(1)}{read_number(m.group(2))}到{m.group(3)}"  # (the second read with its unit)
                      if float(m.group(3)) > float(m.group(2)) and not any(re.fullmatch("(?:19|20)[0-9]{2}", n) for n in m.group(2, 3))
                      and not re.search("号|航班|车次", context_before(m, 4)) else m.group())

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

# 贵州茅台600519涨停, 买入601318, 宁德时代300750大涨: a code after a company's name before how it traded, or after a
# trade (not 营收600519元: a unit after it)
TRADED_STOCK_CODE = rule("traded_stock_code", r"(?:(?<=[\u4e00-\u9fff])|(?<=买入 )|(?<=卖出 ))" + _STOCK_CODE + r"(?![0-9.])"
                         r"(?=涨|跌|收涨|收跌|收报|报收|停牌|复牌|上市|开盘|盘中|股价|走势|大涨|大跌|一字|今日|今天|连板|封板|集体|午后|尾盘|早盘|盘后"
                         r"|发布|公告|成交|收盘|拉升|跳水|领涨|领跌|闪崩|直线|冲高|低开|高开|平开)"
                         r"|(?:(?<=买入)|(?<=卖出)|(?<=加仓)|(?<=减仓)|(?<=持有)|(?<=关注))" + _STOCK_CODE + r"(?![0-9.])" + _NOT_A_CODE_AFTER,
                         lambda m: read_digits(m.group()))

# 利润YoY-12%, ROE-3.2%, 收入YoY+20%: a measure of finance, then its value below or above zero (负, 正); T-1日: a day before the
# trade day (T减一)
FINANCE_SIGN = rule("finance_sign", r"(?<=(?<![A-Za-z])(?:YoY|QoQ|MoM|yoy|qoq|ROE|ROA|ROI|GDP|EPS|CPI|PPI|PMI))[-+](?=[0-9])"
                    r"|(?<=(?<![A-Za-z])T)-(?=[0-9](?![0-9]|\.[0-9])|[0-9]{2} ?[日天])",
                    lambda m: "减" if m.string[m.start() - 1] == "T" else "负" if m.group() == "-" else "正")

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

# 1024x576, 30x40x50cm, 3X3, 450 x 200, 200*230cm: a letter x (or a * before a size in units) between two numbers, the times sign of sizes and grids (乘, not the
# letter; not 0x1F, a hexadecimal number, Win7 x64, a chip's 5800X3D, nor RTX 3060 x2, two of them: spaced on one side);
# a size has at most five factors, so that a long chain of * is not looked through again at each one
DIMENSIONS = rule("dimensions", r"(?:(?<![0-9A-Za-z.])|(?<=[0-9][xX*]))(?!0[xX])(" + NUMBER + r")(?:[xX]| [xX] |\*(?=[0-9.]{1,12}"
                  r"(?:\*[0-9.]{1,12}){0,3} ?(?:cm|mm|m|CM|MM|厘米|毫米|米)(?![A-Za-z])))(?=" + NUMBER + "(?![0-9.]|[A-Z]))",
                  lambda m: m.group(1) + "×")
# 330mlx24罐, 1.5Lx6瓶: a pack of so many (times)
PACK_OF = rule("pack_of", r"(?:(?<=[0-9]ml)|(?<=[0-9]mL)|(?<=[0-9]ML)|(?<=[0-9][LgG])) ?[xX] ?(?=[0-9]+ ?[瓶罐盒包袋支粒片听桶箱])", lambda m: "×")

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
# 365天-104天=261天, (365天-104天)÷12: the second quantity ends a sum worked out (an equals sign or a bracket then a sign)
_WORKED_OUT = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[\u4e00-\u9fff]{1,2}|[A-Za-z%°℃]{1,3})? ?(?:[=＝]|[)）] ?[×÷*/=])")
MEASURED_RANGE = rule(
    "measured_range",
    r"(?<![0-9.])(?<!DDR)(?!(?<=[(（])[0-9]{3,4}年)"  # not （701年—762年）: years of a life, read in datetime
    r"(?<![0-9][:：])(?![0-9]+(?:消费|支出|收入|转出|转入|入账|扣款|退款|余额|支付|付款))"  # 14:32消费-128元: a minus
    r"([0-9]+(?:\.[0-9]+)?(?:(?![乘除减比]|加(?!仑)|等于)(?:(?![到至或和与及])[\u4e00-\u9fff]){1,2}|[A-Za-z%°℃]{1,3}))(?<![0-9][eE]) ?[-~～—–] ?(?=[0-9])",  # (not 1.5e-3, a power)
    lambda m: m.group(1) + ("减" if _WORKED_OUT.match(m.string, m.end()) else "到"),
)

# x^2-1, (a+b)^3, m/s^2, cm^2: a square or a cube typed with a caret after a letter or two or a bracket, written
# as the superscript that formulas and units are read from (x的平方减一, not x^二杠一; not a name's: Tom^2)
CARET_POWER = rule("caret_power", r"(?<=[A-Za-z)])(?<![A-Za-z]{3})\^([23])(?![0-9.])", lambda m: "²" if m.group(1) == "2" else "³")

# x^n, e^x, 2^x, x¹⁰: a power to a letter or to a number of two digits or more written up (x的n次方, x的十次方)
LETTER_POWER = rule("letter_power", r"(?<=[A-Za-z0-9)])(?:\^([a-z])(?![A-Za-z])|(?<=[A-Za-z)])([⁰¹²³⁴⁵⁶⁷⁸⁹]{2,}))",
                    lambda m: "的" + (m.group(1) or read_number(superscript_digits(m.group(2)))) + "次方")

# 第05-08集, 第01~03话: a range of episodes numbered with two digits, said without the zeros
PADDED_EPISODES = rule("padded_episodes", r"(?<=第)0([1-9]) ?([-~～]) ?0([1-9])(?=[集话期章季届回课])",
                       lambda m: m.group(1) + m.group(2) + m.group(3))

# 参见p.23, 见pp.12-15: a page or pages of a book (第二十三页, 第十二到十五页)
PAGE_REF = rule("page_ref", r"(?<![A-Za-z])pp?\. ?([0-9]{1,4})(?: ?[-~–—] ?([0-9]{1,4}))?(?![0-9.])",
                lambda m: f"第{read_number(m.group(1))}" + (f"到{read_number(m.group(2))}" if m.group(2) else "") + "页")

# 选中B2:C10区域, =SUM(A1:A10): a range of a spreadsheet's cells, from one to another
CELL_RANGE = rule("cell_range", r"(?<![A-Za-z0-9])([A-Z]{1,2}[0-9]{1,5}):([A-Z]{1,2}[0-9]{1,5})(?![0-9A-Za-z])",
                  lambda m: f"{m.group(1)}到{m.group(2)}")

# b²-4ac: a minus after a square or a cube is a subtraction
SQUARE_MINUS = rule("square_minus", r"(?<=[A-Za-z)][²³])-(?=[0-9A-Za-z(])", lambda m: "减")

# a:b=2:3: a ratio of two letters in an equation
LETTER_RATIO = rule("letter_ratio", r"(?<![A-Za-z0-9])([A-Za-z]) ?: ?([A-Za-z])(?= ?=)", lambda m: f"{m.group(1)}比{m.group(2)}")

# 应纳税所得额=20000-5000-4000, 收入-成本-费用=利润, 利息=本金×年利率×天数, 5000*20%=1000: a chain of numbers or
# words before an equals sign or after it, its minus a subtraction and its × or * a product (not 北京-上海; a minus
# inside brackets stays a sign: 3-(-2)=5)
_OPERAND = r"(?:(?<![0-9,./])[0-9][0-9,.]*+(?:%|万元|元)?|[\u4e00-\u9fff]{1,8}|[(（][^()（）]{1,20}[)）])"
_CHAINED = _OPERAND + r"(?: ?[-*×] ?" + _OPERAND + ")+"


def _equation_chain(match: re.Match[str]) -> str:
    """The chain's signs said as sums and products; after an equals sign only where another follows or there is a
    product or a letter's term (利息=本金×年利率, cos2x=1-2sin²x: not 日期=2024-01-15, 电话=010-12345678, 比分=3-1,
    范围=1-100); a product of words only after one (总价=单价×面积; not 李宁×故宫=国潮, a collaboration)."""
    chain = match.group()
    after_equals = match.string[: match.start()].rstrip(" ").endswith("=")
    equals_after = re.match(" ?[=＝]", match.string[match.end():]) is not None
    if after_equals and not equals_after and not re.search("[*×]", chain) and not re.match("[A-Za-z]", match.string[match.end():]):
        return chain
    chain = re.sub(r" ?- ?(?![^(（]*[)）])", "减", chain)
    return re.sub(r" ?[*×] ?", "乘", chain) if after_equals or re.search("[0-9]", chain) else chain


EQUATION_CHAIN = rule("equation_chain", r"(?<==)" + _CHAINED + "|(?<== )" + _CHAINED
                      + r"|(?<![-*× 0-9,.\u4e00-\u9fff)）])" + _CHAINED + "(?= ?[=＝])",  # (begun where a chain may begin: linear)
                      _equation_chain)

# 二○二四年: a white circle typed for the numeral 〇 between numerals
CIRCLE_ZERO = rule("circle_zero", r"(?<=[〇○零一二三四五六七八九])○|○(?=[〇○零一二三四五六七八九])", lambda m: "〇")
# 2024 年 3 月 15 日: a date a form spaced out, its spaces dropped for the date rules
SPACED_DATE = rule("spaced_date", r"(?<![0-9])([12][0-9]{3}) ?年 ?(1[0-2]|0?[1-9]) ?月(?: ?(3[01]|[12][0-9]|0?[1-9]) ?日)?",
                   lambda m: f"{m.group(1)}年{m.group(2)}月" + (f"{m.group(3)}日" if m.group(3) else "") if " " in m.group() else m.group())

# 2x-3=7: a minus in an equation, not a range
EQUATION_MINUS = rule("equation_minus", r"(?<=[0-9A-Za-z²³]) ?- ?(?=[0-9A-Za-z.²³]+ ?=)", lambda m: "减")


def _joined(match: re.Match[str]) -> str:
    joined = match.group().replace("-", "")
    return joined if joined.lower() in WORDS else match.group()


# 歼-20, 东风-41, 长征-5, 寡肽-1: a dash between a craft's (or a peptide's) series name and its number is not said
# (歼二十, not 歼负二十); a dash after other words stays a minus sign (气温-5度).
DESIGNATION = rule(
    "designation",
    r"(歼轰|歼|东风|长征|神舟|天舟|嫦娥|天宫|天问|鲲龙|翼龙|枭龙|红旗|鹰击|巨浪|彩虹|猎鹰|霹雳|初教|空警|运油|红箭|长剑"
    r"|米格|伊尔|雅克|爱国者|肽|见证者|火星|北极星|法塔赫|万里镜|锆石|匕首|萨尔马特|亚尔斯|伊斯坎德尔"
    r"|(?<![\u4e00-\u9fff0-9.])[运轰直强苏图安卡米]|(?<=[型架款的和与及、军])[运轰直强苏图安卡米])"
    r"-(?=[0-9])",  # not 一直-5度, 坚强-1, 地图-3, 长3米-5米
    lambda m: m.group(1),
)

# T-34, T-72坦克: a tank's dash, unsaid (T减一日 is a day before trading, above)
TANK_DASH = rule("tank_dash", r"(?<=(?<![A-Za-z])T)-(?=[0-9]{2}(?![0-9]))", lambda m: "")

# 碳-14, 铀-235, 碘131, 氦-3: an isotope's mass number, its dash not said (three digits one by one); without
# a dash only the isotopes news and textbooks name (not 含钾358毫克, 二氧化碳120万吨)
ISOTOPE = rule("isotope", r"(?:(?<=[碳铀钴碘锶铯钚钾氚氘镭钍氡钋磷硫氧氮氢])-([0-9]{2,3})|(?<=[氢氦锂铍硼])-([1-9])|(?<=碳)(1[234])|(?<=铀)(23[58])"
               r"|(?<=碘)(131)|(?<=钴)(60)|(?<=锶)(90)|(?<=铯)(137)|(?<=钚)(239))(?![0-9.])"
               r"(?! ?(?:[A-Za-z%‰万亿千百克吨斤升元块个度]|毫克|公斤))",
               lambda m: read_digits(n) if len(n := next(g for g in m.groups() if g)) == 3 else read_number(n))

_HEMISPHERES = {"N": "北纬", "S": "南纬", "E": "东经", "W": "西经"}
_DEGREES = r"[0-9]{1,3}(?:\.[0-9]+)?°(?:[0-9]{1,2}(?:\.[0-9]+)?[′'])?(?:[0-9]{1,2}(?:\.[0-9]+)?[″\"])?"


def _coordinate(match: re.Match[str]) -> str:
    """N31°14′ -> 北纬31°14′, 30.5°N -> 北纬30.5° (the degrees read by the rules after); the letter unsaid
    after its own word (北纬N30°, 东经120°E)."""
    letter, degrees = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    named = context_before(match, 2) == _HEMISPHERES[letter]
    return ("" if named else _HEMISPHERES[letter]) + degrees


# N30°E, S45°W: a compass bearing, so many degrees from north or south towards east or west (北偏东三十度)
BEARING = rule("bearing", r"(?<![A-Za-z])([NS]) ?(" + _DEGREES + r")([EW])(?![A-Za-z0-9])",
               lambda m: _HEMISPHERES[m.group(1)][0] + "偏" + _HEMISPHERES[m.group(3)][0] + m.group(2))
# N31°14′，E121°29′, 21.3°N, 东经E120°: a latitude or a longitude by its hemisphere's letter
COORDINATE = rule("coordinate", r"(?<![A-Za-z])(?:([NSEW]) ?(" + _DEGREES + r")|(" + _DEGREES + r") ?([NSEW]))(?![A-Za-z])", _coordinate)


# No.1, No. 5: the number sign, said as its letters (not the word no), the number right after it (NO一: no pause,
# so that its 一 keeps yi1 before 的: 销量No.1的SUV)
NUMBER_SIGN = rule("number_sign", r"(?<![A-Za-z])[Nn][Oo]\. ?([0-9]+)(?![0-9]|\.[0-9])", lambda m: "NO" + read_number(m.group(1)))

# The books of the Bible, before a chapter and verse (约翰福音3:16)
_BIBLE_BOOKS = ("创世记|出埃及记|利未记|民数记|申命记|约书亚记|士师记|路得记|撒母耳记[上下]|列王纪[上下]|历代志[上下]|以斯拉记|尼希米记"
                "|以斯帖记|约伯记|诗篇|箴言|传道书|雅歌|以赛亚书|耶利米书|耶利米哀歌|以西结书|但以理书|何西阿书|约珥书|阿摩司书"
                "|俄巴底亚书|约拿书|弥迦书|那鸿书|哈巴谷书|西番雅书|哈该书|撒迦利亚书|玛拉基书|马太福音|马可福音|路加福音|约翰福音"
                "|使徒行传|罗马书|哥林多[前后]书|加拉太书|以弗所书|腓立比书|歌罗西书|帖撒罗尼迦[前后]书|提摩太[前后]书|提多书|腓利门书"
                "|希伯来书|雅各书|彼得[前后]书|约翰[一二三]书|犹大书|启示录")


def _bible_verse(match: re.Match[str]) -> str:
    """约翰福音3:16 -> 约翰福音三章十六节, 马太福音5:3-10 -> 五章三节到十节, 诗篇23:1 -> 诗篇二十三篇一节."""
    book, closed, chapter, verse, last = match.groups()
    spoken = f"{book}{closed}{read_number(chapter)}{'篇' if book == '诗篇' else '章'}{read_number(verse)}节"
    return spoken + (f"到{read_number(last)}节" if last else "")


# 约翰福音3:16, 诗篇23:1, 马太福音5:3-10: a book of the Bible, its chapter (a psalm) and verse (not a clock time, a ratio)
# (not a show's time or a score after a title: 《雅歌》 19:30开演, 今天启示录6:30开播, 足球启示录2:1比分)
BIBLE_VERSE = rule("bible_verse", r"(?<![\u4e00-\u9fff])(" + _BIBLE_BOOKS + r")(》|\s?)([0-9]{1,3}) ?[:：] ?([1-9][0-9]{0,2})(?: ?[-–~～] ?([0-9]{1,3}))?"
                   r"(?![0-9])(?!\s?(?:开演|开播|开讲|首播|场次|更新|开始|开唱|比分|领先|开赛|演出|上映|播出|见|集合|开场|发布))",
                   _bible_verse)
# 出生于1881年[1]，, 美国人[1][2]。, 又称木樨[注 1]，, 他曾获奖[来源请求]: an encyclopedia's footnote marks, unsaid; a number's
# mark only before punctuation or the end, and not a key, a choice, a step, a figure or a cited work that the sentence
# names (按[1]查询, 选择[1]。, 步骤[1]：, 第[2]节, 如图[2]所示, 参考[1]和[2]的方法, 见文献[1], 数组[0], 区间[0,1], 数组a[1])
FOOTNOTE = rule("footnote", r"(?<=[\u4e00-\u9fff。，、；：”」）)》])(?<![第按入复图表式项由在和或见如据组列录考照择选击下是为献级骤])"
                r"(?:\[(?:注 ?)?[1-9][0-9]{0,2}\])+(?=[，。、；！？,.;!?）)\s]|$)"
                r"|\[(?:来源请求|需要引用|编辑|需要来源|来源|注释)\]", lambda m: "")

# GRE 325, TOEFL 105, GMAT 700+: a test's score, a number (not ISO 9001, RTX 4090: a name's digits)
_SCORE_RANGES = {"GRE": (130, 340), "GMAT": (200, 805), "TOEIC": (10, 990), "TOEFL": (0, 120), "SAT": (400, 1600), "ACT": (1, 36),
                 "LSAT": (120, 180), "MCAT": (472, 528)}


def _exam_score(match: re.Match[str]) -> str:
    """GRE 325 -> GRE 三百二十五 (GMAT 700+ 七百多), a score within the test's range (not GRE 2024新题型: a year)."""
    test, score, plus = match.groups()
    low, high = _SCORE_RANGES[test]
    if not low <= int(score) <= high:
        return match.group()
    return f"{test} {read_number(score)}" + ("多" if plus else "")


EXAM_SCORE = rule("exam_score", r"(?<![A-Za-z])(GRE|GMAT|TOEIC|TOEFL|SAT|ACT|LSAT|MCAT) ?([0-9]{2,4})(?![0-9.])(\+?)(?![0-9])", _exam_score)

# 身高5'8", 个子6′2″, 5'11" tall: a person's height in feet and inches (五英尺八英寸; not 配速5'30", minutes and seconds)
_HEIGHT_BEFORE = re.compile("(?:身高|个子|个头|高|[Hh]eight)(?:是|为|有|约|大约|才|只有|:|：)? ?$")


def _height(match: re.Match[str]) -> str:
    feet, inches = match.groups()
    if not (_HEIGHT_BEFORE.search(context_before(match, 6)) or context_after(match, 5).lstrip().startswith("tall")):
        return match.group()
    return f"{read_number(feet)}英尺{read_number(inches)}英寸"


HEIGHT = rule("feet_and_inches", r"(?<![0-9.])([4-7])['′]([0-9]|1[01])(?:\"|″|''|′′)?(?![0-9])", _height)

# Wi-Fi -> WiFi, read as the word it is (latin.WORDS), not spelled letter by letter
JOINED_WORD = rule("joined_word", r"(?<![A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)+(?![A-Za-z])", _joined)

RULES: tuple[Rule, ...] = (
    (SENTENCE_STOP,)  # first: the number after it is read as at a sentence's start (哈哈.666 六六六, as 哈哈。666)
    + letters.RULES
    + chat.RULES
    + marks.RULES
    + (K8S, phone.MAC_ADDRESS, EXAM_SCORE, numbers.COUNTED_ALOUD)
    + specs.RULES
    + (MODEL_SUFFIX, ENGLISH_ABBREVIATIONS, PAIRED_NUMBERS, LETTER_RANGE, LETTERED_RANGE, STOCK_CODE, NAMED_STOCK_CODE, TRADED_STOCK_CODE, FINANCE_SIGN, RISK_WARNING, LOGARITHM, POWER_ENERGY, THOUSANDS, DIMENSIONS, PACK_OF, math.DECIMAL_DOT, CARET_POWER, LETTER_POWER, SQUARE_MINUS, PAGE_REF, CELL_RANGE, PADDED_EPISODES, LETTER_RATIO, math.ABSOLUTE_VALUE, CIRCLE_ZERO, SPACED_DATE, EQUATION_CHAIN, EQUATION_MINUS, math.LETTER_FRACTION, math.FORMULA, math.LETTER_QUOTIENT, math.LETTER_MINUS, math.SYMBOL_FRACTION, math.FIGURE_NUMBER, math.PAGE_OF, math.ORDINAL_OF, math.COUPON, JOINED_WORD,
       NUMBER_SIGN, BIBLE_VERSE, FOOTNOTE, DESIGNATION, TANK_DASH, BEARING, COORDINATE, HEIGHT, ISOTOPE, ALTERNATING_CURRENT, ICP_RECORD, ROUND_THE_CLOCK, phone.ADDRESS_JOINT, MEASURED_RANGE)
    + web.RULES
    + (phone.IP_ADDRESS,)
    + datetime.RULES
    + web.VERSION_RULES
    + money.CODE_RULES
    + phone.RULES
    + (numbers.WAN_OF_WAN,)
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
