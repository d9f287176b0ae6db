"""Text normalisation (TN), v1: raw user text -> text that g2p can read.

Owns the character-level clean-up and the order of the TN passes:

1. remove terminal escape sequences (``\\x1b[31m``, colours pasted from a terminal), control,
   format, surrogate, private-use and unassigned code points (``\\x00``, ``\\x1b``, zero-width
   space, BOM, ZWJ ...), turn other whitespace into single spaces, keep newlines (they end
   sentences);
2. full-width ASCII forms -> half-width (``１２３，`` -> ``123,``), other scripts' decimal digits
   -> ASCII digits, compatibility forms of numbers and units -> what they stand for (``Ⅲ`` ->
   ``3``, ``①`` -> ``1``, ``½`` -> ``1/2``, ``㎡`` -> ``m²``, ``㎏`` -> ``kg``);
3. inline pinyin overrides (``行[hang2]``, ``行[háng]``) are set aside (:mod:`yuyin.frontend.override`);
4. traditional -> simplified characters (OpenCC ``t2s``: script only, no regional vocabulary;
   the traditional 着 written 著 too, see :func:`to_simplified`);
5. user-lexicon words are set aside, then pinyin written with tone marks (``Běijīng``,
   :mod:`yuyin.frontend.marked_pinyin`);
6. the TN rules of :mod:`yuyin.frontend.tn` (numbers, dates, money, units, addresses...), then
   unit symbols left without a number (``℃`` -> 摄氏度).

Latin letters are kept here (without diacritics); g2p reads them (:mod:`yuyin.frontend.latin`).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

from collections.abc import Callable

import opencc
from pypinyin.constants import PINYIN_DICT

from .marked_pinyin import mark_pinyin
from .override import FixedSpans, LexiconMatcher, apply_overrides
from .tn import verbalize
from .tn.digits import read_number

# Unicode general categories with nothing to read: Cc control, Cf format (ZWSP, ZWJ, BOM,
# bidi marks), Cs lone surrogates, Co private use, Cn unassigned.
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_NEWLINES = "\n\r\u2028\u2029\x85"

_FULL_TO_HALF = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {
    0x3000: " ",  # ideographic space
    0xFF61: "。",  # halfwidth ideographic full stop
    0xFF64: "、",  # halfwidth ideographic comma
    0x2212: "-",  # minus sign
    0x2010: "-",  # hyphen
    0x2011: "-",  # non-breaking hyphen
    0x301C: "~",  # wave dash
    0x2236: ":",  # ratio sign: 3∶1
    0x00B5: "μ",  # micro sign -> Greek mu, as units and letter names have it
    0x2126: "Ω",  # ohm sign -> Greek omega
} | {0x2080 + digit: str(digit) for digit in range(10)} | {  # subscript digits: CO₂, H₂O
    ord(sub): text for sub, text in zip("₊₋₌₍₎", "+-=()")  # and signs: aₙ₊₁
} | {  # subscript letters as a TeX-style index, a_n, read as the letter on its own: aₙ, Sₙ, xᵢ
    ord(sub): "_" + letter for sub, letter in zip("ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "aeoxhklmnpstijruv")
}
_NON_ASCII_DIGIT = re.compile(r"(?![0-9๑])\d")  # (๑ is the cheeks of a face drawn in signs: (๑•̀ㅂ•́)و✧, left to tn.chat)
# Vulgar fractions and number forms (½, Ⅲ), enclosed numbers (①, ⑴, ⒈), CJK unit squares (㎡, ㎏), Latin
# ligatures (ﬁ) and mathematical letters (𝐀, 𝑥: styled text pasted from social media).
_COMPATIBILITY = re.compile("[\u00bc-\u00be\u2150-\u218f\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf\u3380-\u33df"
                            "\ufb00-\ufb06\U0001d400-\U0001d7cb]")
# 1½, 2¾: a whole number and a vulgar fraction, said 一又二分之一 (not 11/2)
_MIXED_NUMBER = re.compile("(?<=[0-9])(?=[\u00bc-\u00be\u2150-\u215e\u2189])")
_ROMAN = {chr(0x2160 + i): str(i + 1) for i in range(12)} | {chr(0x2170 + i): str(i + 1) for i in range(12)}
_LOG_BASE = re.compile("log([₀₁₂₃₄₅₆₇₈₉]+)")
# A Roman numeral character before a class, grade, type, degree, stage or exam paper: the numeral in hanzi (Ⅱ类 ->
# 二类, not the count 两类 that 2类 would be read as)
_ROMAN_LABEL = re.compile("[\u2160-\u216b\u2170-\u217b](?=[类级型度期卷])")
_SPACES = re.compile(r"[^\S\n]+")
# 国际丨新闻: 丨 between two words, a headline's separator, as the bar it stands for (not 丨字怎么读, the stroke itself)
_HEADLINE_BAR = re.compile(r"(?<=[^\s丨])丨(?=[^\s丨])")
# 5——10人, 10——20万元: a range typed with the double dash of a pause, read as the single one (到)
_DOUBLE_DASH_RANGE = re.compile(r"(?<=[0-9])——(?=[0-9])")
# 24—70mm, 10—400nm: a range of a unit in letters typed with the dash of a pause, as with a hyphen (24-70mm)
_DASH_UNIT_RANGE = re.compile(r"(?<=[0-9])—(?=[0-9]+(?:\.[0-9]+)? ?(?:[a-zA-Zμ%]))")
_SYMBOL_WORDS = (("°C", "摄氏度"), ("℃", "摄氏度"), ("℉", "华氏度"))


# Printable ASCII and the CJK basic block need no look-up; every other character is checked once.
_NEEDS_LOOKUP = re.compile(r"[^\u0020-\u007e\u4e00-\u9fff]")


@functools.lru_cache(maxsize=8192)
def _clean_char(char: str) -> str:
    """Map one character to itself, to a newline or space (whitespace) or to ``""``."""
    if char in _NEWLINES:
        return "\n"
    if char.isspace():
        return " "
    return "" if unicodedata.category(char) in _REMOVED_CATEGORIES else char


def _decompose(char: str) -> str:
    """A compatibility character as the text it stands for: Ⅲ -> 3 (a numeral, not the letters
    III), ① -> 一 set apart by spaces (①② is one, two; not twelve; ②张三 a label, not 两), ㎡ -> m² (its
    square as the superscript that units are read from), else NFKC."""
    if char in _ROMAN:
        return _ROMAN[char]
    text = unicodedata.normalize("NFKC", char).replace("\u2044", "/")  # ½ -> 1⁄2 -> 1/2
    if text.isdigit():
        return f" {read_number(text)} "
    if "\u3380" <= char <= "\u33df" and text[-1:] in ("2", "3"):
        text = text[:-1] + ("²" if text[-1] == "2" else "³")
    return text


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` safe to encode as UTF-8: each lone UTF-16 surrogate (a client's string cut
    inside a pair, or argv bytes that were not UTF-8) becomes U+FFFD, which is not read;
    lengths and offsets stay as they were."""
    return _LONE_SURROGATE.sub("\ufffd", text)


# HTML's character references in text copied from a web page's source: &amp; &lt; &gt; &quot; &apos;
# &nbsp; and numeric ones, each with its semicolon (R&D, AT&T and &copy2024 stay as written)
_HTML_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")

# ANSI/VT escape sequences: CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL or ESC \\, on one line; an OSC
# left open ends nothing, so that it cannot swallow the text after it)
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)")


def clean(text: str) -> str:
    """Steps 1-2: drop unreadable code points, unify spaces, newlines, widths and digits."""
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    if "&" in text:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = _LOG_BASE.sub(lambda m: "log_" + m.group(1).translate(_FULL_TO_HALF) + " ", text)  # log₂8 (not log28)
    text = _NEEDS_LOOKUP.sub(lambda m: _clean_char(m.group()), text)
    text = text.translate(_FULL_TO_HALF)
    text = _NON_ASCII_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
    text = _DASH_UNIT_RANGE.sub("-", _DOUBLE_DASH_RANGE.sub("—", text))
    text = _ROMAN_LABEL.sub(lambda m: read_number(_ROMAN[m.group()]), text)
    text = _MIXED_NUMBER.sub("又", text)
    text = _COMPATIBILITY.sub(lambda m: _decompose(m.group()), text)
    if "丨" in text:
        text = _HEADLINE_BAR.sub("|", text)
    return _SPACES.sub(" ", text)


@functools.cache
def _t2s_converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


# 著 is zhù only in these words in simplified text, or before the title of the book written (司马迁著《史记》,
# not 看著《红楼梦》, 读著《论语》), and in 见微知著 (not 不知著急, 明知著火); elsewhere it is the traditional
# form of 着 (睡著了, 看著我, 著火, and after a verb even before 书, 名 or 作: 看著书, 写著名字, 写著作业), which
# OpenCC's t2s leaves as it is.
_ZHE = re.compile(r"(?<![显名原巨论编专合土卓昭遗译拙新所])(?:(?<!软)|(?=著陆))(?<!微知)著(?:(?<=[看带背写叫穿拿抱捧提戴念翻唱听演做揣夹]著)"
                  r"|(?![名作称述录者书文有])(?!(?<=[^看读念翻拿捧抱唱听写演]著)《))")


def to_simplified(text: str) -> str:
    """Traditional -> simplified characters: ``"漢語"`` -> ``"汉语"``, ``"睡著了"`` -> ``"睡着了"``.
    Needs cleaned text. A rare character whose simplified form has no reading keeps its own
    (OpenCC writes 餧 and 撧 as 𫗪 and 𪮖, which g2p would leave out unread); 坏 stays 坏 (OpenCC's phrase
    table reads 打坏 as traditional for 打坯), and so does 乾 the trigram in text that is not traditional
    otherwise (乾为天, 西北为乾, 6乾; not 餅乾, 衣服乾了: dry)."""
    if not text:
        return text
    simplified = _t2s_converter().convert(text)
    if simplified != text and len(simplified) == len(text):
        kept = _kept_qian(text) if "乾" in text else set()
        simplified = "".join(
            new if new == old or (ord(new) in PINYIN_DICT or ord(old) not in PINYIN_DICT) and old not in _SIMPLIFIED_ALREADY
            and index not in kept else old
            for index, (new, old) in enumerate(zip(simplified, text))
        )
    return _ZHE.sub("着", simplified)


def _kept_qian(text: str) -> set[int]:
    """Where 乾 is qian2 (the trigram, a name: 乾为天, 乾清宫) in text that has no other traditional character."""
    if any(char != "乾" and _t2s_converter().convert(char) != char for char in set(text)):
        return set()
    return {match.start() for match in _QIAN.finditer(text)}


# Simplified characters that OpenCC's phrase table still changes (打坏 -> 打坯)
_SIMPLIFIED_ALREADY = frozenset("坏")
# 乾 qian2: the trigram, in a hexagram's name, a direction or a list (乾为天, 西北为乾, 乾、坤, 6乾, 乾三连), and in names
# of places, palaces, emperors' reigns and schools (乾清宫, 乾西五所, 乾县, 乾隆, 乾陵, 乾嘉学派, 乾安县; not 乾燥, 衣服乾了,
# 晒乾东西: dry)
_QIAN = re.compile("(?<![晒晾烘擦吹风烤沥拧弄])乾(?=为|卦|宫|位|方|山|宅|造|道|元|清|西|东|县|宁|隆|陵|坤|州|安|嘉|德|符|封|兴|祐|亨|统|贞)"
                   "|(?<![\u4e00-\u9fff])乾(?=、|[0-9一二三四五六七八九])"  # (乾、坤, 乾三连; not 牛肉乾一包, 大家乾一杯, 豆乾、卤蛋)
                   "|(?<=[为、0-9一二三四五六七八九☰])乾")


def _verbalize(text: str) -> str:
    text = verbalize(text)
    for symbol, words in _SYMBOL_WORDS:
        text = text.replace(symbol, words)
    return text


def prepare(
    text: str,
    spans: FixedSpans,
    valid: Callable[[str], bool],
    lexicon: LexiconMatcher | None = None,
) -> str:
    """Every pass, with fixed spans (overrides, lexicon words) swapped for sentinels in ``spans``
    (a clause's worth: see FixedSpans)."""
    spans.begin_clause()
    text = to_simplified(apply_overrides(clean(text), spans, valid))
    if lexicon:
        text = lexicon.apply(text, spans)
    return _verbalize(mark_pinyin(text, spans, valid))


def lexicon_form(word: str) -> str:
    """A user-lexicon word as prepare() has written text by the time it looks for such words:
    cleaned and simplified (``"ＡＩ助手"`` -> ``"AI助手"``, ``"銀行"`` -> ``"银行"``). A word of one
    character is only cleaned: alone, its simplified form may be another word's (著 -> 着, 乾 -> 干),
    and text keeps it where it is that word (乾坤)."""
    cleaned = clean(word)
    return cleaned if len(cleaned) == 1 else to_simplified(cleaned)


def check_overrides(text: str, valid: Callable[[str], bool]) -> None:
    """Raise InvalidOverride for the first malformed inline override anywhere in text, at once:
    the analysis itself meets each only when it reaches its sentence (mid-stream)."""
    apply_overrides(clean(text), FixedSpans(), valid)


def normalize(text: str) -> str:
    """Run every TN pass: ``"漢語\\u200b 2025年花了50%"`` -> ``"汉语 二零二五年花了百分之五十"``.

    Inline overrides keep their text and lose the bracket (``行[hang2]`` -> ``行``).
    """
    spans = FixedSpans()
    return spans.restore(prepare(text, spans, lambda syllable: True))
