"""Chinese word segmentation (jieba), shared by the length budget, g2p and prosody.

Owns the one private ``jieba.Tokenizer`` of the front end: created and loaded lazily on first
use (the dictionary load takes about a second, from jieba's cache after the first run), under a
lock, so any number of threads may call :func:`cut_words` at once. A private tokenizer keeps
words added to jieba's global one elsewhere in the process from changing what we say; the
hand-kept words of :mod:`yuyin.frontend.lexicon.common` are added to it, so that 还书 or 重写
come out as words and get their word reading. The same load keeps the words jieba's dictionary
tags as nouns and as what opens a deed (:func:`is_noun`, :func:`opens_a_deed`), for the polyphone rules.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator

import jieba

# jieba words that swallow the start of a more common word: 请调 (ask for a transfer) in
# 请|调大音量, 请|调至静音; 请重 in 请|重填表格; 忽如一 in 忽如|一夜.
_NOT_WORDS = ("请调", "请重", "忽如一")
# A noun's tags in jieba's dictionary: common (n), other proper (nz), place (ns) and organisation (nt) nouns.
_NOUN_ENTRY = re.compile(r"^(\S{2,4}) [0-9]+ n[zst]?$", re.MULTILINE)
# What opens a deed: verbs (v, vd, vg), adverbs (d), prepositions (p), words of time (t), pronouns (r) and
# particles (u) of one to four characters, as jieba tags them
_DEED_ENTRY = re.compile(r"^(\S{1,4}) [0-9]+ (?:v|vd|vg|d|p|t|r|u)$", re.MULTILINE)
# The commonest surnames, by which a name that jieba made up opens (王一博, 张三, 宋氏)
COMMON_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# What names no thing: verbs (also verbal nouns, vn), adjectives, adverbs, prepositions, pronouns, particles,
# conjunctions, idioms and set phrases, interjections, as jieba tags them
_NO_THING_ENTRY = re.compile(r"^(\S{1,6}) [0-9]+ (?:v[ndgiq]?|a[dgn]?|d|p|r|u|c|i|l|y|e|o|zg|g)$", re.MULTILINE)
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_nouns: frozenset[str] = frozenset()
_deeds: frozenset[str] = frozenset()
_no_things: frozenset[str] = frozenset()


def _loaded_tokenizer() -> jieba.Tokenizer:
    global _tokenizer, _nouns, _deeds, _no_things
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from .lexicon import builtin_words

                # jieba reports each dictionary load at DEBUG level on stderr; keep it quiet.
                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word in builtin_words():
                    if len(word) > 1:
                        tokenizer.add_word(word)
                for word in _NOT_WORDS:
                    tokenizer.del_word(word)
                with tokenizer.get_dict_file() as entries:
                    dictionary = entries.read().decode("utf-8")
                _nouns = frozenset(_NOUN_ENTRY.findall(dictionary))
                _deeds = frozenset(_DEED_ENTRY.findall(dictionary))
                _no_things = frozenset(_NO_THING_ENTRY.findall(dictionary))
                _tokenizer = tokenizer
    return _tokenizer


def cut_words(text: str) -> list[str]:
    """Split ``text`` into words; their concatenation is ``text`` again, spaces included."""
    return list(_loaded_tokenizer().cut(text))


def is_word(text: str) -> bool:
    """Whether jieba's dictionary has ``text`` as a word (used to find a word's inner parts)."""
    return word_frequency(text) > 0


def word_frequency(text: str) -> int:
    """How often jieba's dictionary counts ``text`` as a word (0 where it does not list it)."""
    return _loaded_tokenizer().FREQ.get(text) or 0


def is_noun(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` (two to four characters) as a noun (a common, place,
    organisation or other proper noun; about 145,000 words, 14 MB, read with the dictionary)."""
    _loaded_tokenizer()
    return word in _nouns


def opens_a_deed(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as what opens a deed: a verb, an adverb, a preposition, a word of
    time, a pronoun or a particle (退, 按时, 用, 饭后, 自己; about 45,000 words, read with the dictionary)."""
    _loaded_tokenizer()
    return word in _deeds


def names_a_thing(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as what names a thing (a noun, a name, a place, a time, a number or
    measure, a direction, a distinguishing word: 东京, 端午节, 第二, 公共) or does not list it (王氏); not a verb, an
    adjective, an adverb, a pronoun, an idiom... (请命, 融资, 谁, 为了)."""
    _loaded_tokenizer()
    return word not in _no_things


def cut_words_lazily(text: str, window: int = 200) -> Iterator[str]:
    """Like :func:`cut_words`, but cut ``window`` characters at a time, so the first words of a
    very long text come at once. The last word of each window may have been cut by the window's
    edge, so it is cut again together with the next window."""
    start = 0
    while start < len(text):
        end = start + window
        words = cut_words(text[start:end])
        if end < len(text) and len(words) > 1:
            words.pop()
        yield from words
        start += sum(len(word) for word in words)
