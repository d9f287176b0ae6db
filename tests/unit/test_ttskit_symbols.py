"""Exact pinyin -> ids tables for the ttskit voice (voice-ttskit.md section 5)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from yuyin.frontend.symbols_ttskit import (
    SYLLABLES,
    TTSKIT_SYMBOLS,
    normalize_latin_case,
    syllable_phonemes,
    third_tone_sandhi,
    token_phonemes,
    tokens_to_ids,
    tokens_to_phonemes,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ttskit"


def ids(text: str) -> list[int]:
    return [int(x) for x in text.split()]


# (tokens as the shared g2p gives them, phonemes, ids): spec section 5.3, verified against phkit.
EXAMPLES = [
    ("ni3 hao3 。", "n i 2 - h ao 3 - . - ~ _", "17 40 72 2 11 34 73 2 130 2 1 0"),
    (
        "huan1 ying2 shi3 yong4 yu3 yin1 he2 cheng2 jie1 kou3 。",
        "h uan 1 - ii ing 2 - sh ix 3 - ii iong 4 - vv v 3 - ii in 1 - h e 2 - ch eng 2 - j ie 1 - k ou 3 - . - ~ _",
        (
            "11 59 71 2 12 47 72 2 23 50 73 2 12 48 74 2 26 65 73 2 12 46 71 2 11 35 72 2 6 38 72 2 13 45 71 2 "
            "14 55 73 2 130 2 1 0"
        ),
    ),
    (
        "wo3 xiang3 mai3 liang3 ba3 yu3 san3 ！",
        "uu uo 3 - x iang 2 - m ai 3 - l iang 2 - b a 3 - vv v 2 - s an 3 - ! - ~ _",
        "25 64 73 2 27 43 72 2 16 31 73 2 15 43 72 2 4 30 73 2 26 65 72 2 22 32 73 2 128 2 1 0",
    ),
    (
        "ni3 hao3 ma5 ？ A B C he2 a b c ， san1 dian3 wu3 yuan2",
        "n i 2 - h ao 3 - m a 5 - ? - Aa - Bb - Cc - h e 2 - A - B - C - , - s an 1 - d ian 2 - uu u 3 - vv van 2 - ~ _",
        (
            "17 40 72 2 11 34 73 2 16 30 75 2 129 2 76 2 77 2 78 2 11 35 72 2 102 2 103 2 104 2 131 2 22 32 71 2 "
            "7 42 72 2 25 56 73 2 26 66 72 2 1 0"
        ),
    ),
]


@pytest.mark.parametrize("tokens, phonemes, expected", EXAMPLES)
def test_spec_examples(tokens, phonemes, expected):
    assert tokens_to_phonemes(tokens.split()) == phonemes.split()
    assert tokens_to_ids(tokens.split()) == ids(expected)


def test_reference_run_ids():
    reference = np.load(FIXTURES / "text_ids.npy")[0].tolist()
    assert tokens_to_ids(EXAMPLES[1][0].split()) == reference and len(reference) == 44


def test_table_sizes_and_order():
    assert len(TTSKIT_SYMBOLS) == 145 == len(set(TTSKIT_SYMBOLS))
    assert TTSKIT_SYMBOLS[:3] == ("_", "~", "-") and TTSKIT_SYMBOLS[71:76] == ("1", "2", "3", "4", "5")
    assert TTSKIT_SYMBOLS[76] == "Aa" and TTSKIT_SYMBOLS[102] == "A" and TTSKIT_SYMBOLS[128] == "!"
    assert TTSKIT_SYMBOLS[138:] == ("w", "y", "0", "6", "7", "8", "9")
    assert len(SYLLABLES) == 420  # phkit 0.2.11's shengyun2ph_dict


@pytest.mark.parametrize(
    "syllable, phonemes",
    [("yu3", "vv v 3"), ("yuan2", "vv van 2"), ("you3", "ii iu 3"), ("zhi1", "zh ix 1"), ("ri4", "r iz 4"),
     ("si1", "s iy 1"), ("n2", "n ng 2"), ("ng2", "ee ng 2"), ("wei4", "uu ui 4"), ("wen2", "uu un 2"),
     ("jue2", "j ve 2"), ("qu4", "q v 4"), ("lv4", "l v 4"), ("nve4", "n ve 4"), ("er2", "ee er 2"),
     ("yo1", "ii o 1"), ("wong1", "uu uong 1"), ("weng1", "uu ueng 1"), ("o1", "oo o 1")],
)  # fmt: skip
def test_syllable_spellings(syllable, phonemes):
    assert syllable_phonemes(syllable) == phonemes.split()


def test_non_syllables_fall_back_to_characters():
    assert syllable_phonemes("hao") is None and syllable_phonemes("hao6") is None
    assert token_phonemes("hm5") == ["H", "M", "-"]  # unknown pinyin: letters, digits dropped
    assert token_phonemes("好") == ["-"]  # a character without pinyin gives only the chain
    assert token_phonemes("%") == ["w", "-"] and token_phonemes("9") == ["9", "-"] and token_phonemes("3") == ["-"]
    assert token_phonemes("《") == ["(", "-"] and token_phonemes("\u3000") == ["#", "-"]


def test_third_tone_sandhi_alternates_from_the_end():
    tokens = "ni3 ye3 hao3 ， wo3 hen3 hao3".split()
    tones = [p for p in tokens_to_phonemes(tokens) if p in "12345" and len(p) == 1]
    assert tones == ["3", "2", "3", "3", "2", "3"]
    assert third_tone_sandhi("m a 3 - b a 3 -".split()) == "m a 2 - b a 3 -".split()
    assert third_tone_sandhi("m a 3 - , - m a 3 -".split()) == "m a 3 - , - m a 3 -".split()
    assert tokens_to_phonemes(["ni3", "hao3"], sandhi=False)[2] == "3"


def test_latin_case_rule():
    assert normalize_latin_case("ABC和Abc，WiFi xYz.") == "ABC和abc，wifi xyz."


def test_importable_without_torch():
    code = "import sys, yuyin.frontend.symbols_ttskit; assert 'torch' not in sys.modules"
    src = Path(__file__).resolve().parents[2] / "src"
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(src)})
