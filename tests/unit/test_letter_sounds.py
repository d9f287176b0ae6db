"""Guessing how a word no dictionary has sounds from its spelling, and when not to guess."""
from __future__ import annotations

import pytest

from yuyin.frontend.letter_sounds import guessed_pronunciation
from yuyin.frontend.latin import latin_syllables


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Zelensky", "Z EH1 L EH0 N S K IY0"),  # final y is a vowel; the first vowel is stressed
        ("Tik", "T IH1 K"),
        ("Kowalski", "K OW1 W AH0 L S K IH0"),  # ow before a vowel is an open o + w; unstressed a is a schwa
        ("Maya", "M AE1 Y AH0"),  # y between vowels is a consonant
        ("Svelte", "S V EH1 L T"),  # a final e after a consonant is silent
        ("Zome", "Z OW1 M"),  # ... and makes the vowel before it long
        ("Knoll", "N AA1 L"),  # a silent k; a doubled consonant said once
        ("Ceroza", "S EH1 R OW0 Z AH0"),  # c is soft before e; an open o is long; s between vowels is z
        ("Bodkin", "B AA1 D K IH0 N"),  # a closed o is short
        ("Shaught", "SH AO1 T"),  # digraphs and a silent gh
        ("Quint", "K W IH1 N T"),
    ],
)
def test_spelling_rules(word: str, expected: str) -> None:
    assert " ".join(guessed_pronunciation(word) or ()) == expected


@pytest.mark.parametrize("word", ["abcdef", "wxid", "tmp", "xyz", "asdf", "Nguyen", "qzx", "ab3"])
def test_letters_that_look_like_a_code_are_not_guessed(word: str) -> None:
    assert guessed_pronunciation(word) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Zelensky", "zai1 len5 si5 qi5"),  # was spelled: zei4 yi4 ai2 le5 yi4 en1 ai2 si5 kai4 wai4
        ("TikTok", "ti1 ke5 ta1 ke5"),  # camel parts, each guessed
        ("wxid", "da2 bu5 liu5 ai2 ke4 si5 ai4 di4"),  # a code: spelled
        ("vip", "wei1 ai4 pi1"),  # the dictionary says it letter by letter
        ("sku", "ai2 si5 kai4 you1"),  # a short lower-case run is an abbreviation
        ("uuid", "you1 you1 ai4 di4"),  # four letters that do not open like a word
        ("defi", "dai1 fei5"),  # ... and four that do
        ("usdt", "you1 ai2 si5 di4 ti4"),  # no cut into us + dt
        ("imac", "ai4 mai1 ke5"),
        ("tmall", "ti4 mao1 er5"),  # two consonants no English word opens with: the first is a letter
        ("json", "jie2 sen1"),  # as Jason
        ("kpop", "kai4 pa1 pu5"),
        ("sora", "sou1 le5"),  # s + ora would be letter + word: an English opening is no letter
        ("oled", "ou1 ai2 le5 yi4 di4"),  # a leading vowel is no letter: spelled (four letters, vowel first)
        ("macos", "mai1 ke5 ou1 ai2 si5"),  # OS, TV, PC, UI close a word as letters
        ("harmonyos", "ha1 me5 ni5 ou1 ai2 si5"),
        ("kol", "kai4 ou1 ai2 le5"),  # an abbreviation the dictionary has as a word
        ("sci", "ai2 si5 xi1 ai4"),
        ("ZELENSKY", "zei4 yi4 ai2 le5 yi4 en1 ai2 si5 kai4 wai4"),  # capitals: spelled
        ("typec", "tai1 pu5 xi1"),  # as Type-C (was guessed as one word)
        ("vscode", "wei1 ai2 si5 kou1 de5"),  # as VS Code (was spelled)
        ("Canva", "kan1 wa5"),  # not read as the pinyin ca nü a
    ],
)
def test_latin_runs_the_dictionary_lacks(word: str, expected: str) -> None:
    assert " ".join(s for _, s in latin_syllables(word)) == expected
