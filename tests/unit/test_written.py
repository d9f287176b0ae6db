"""Where each syllable is written in the request's text (yuyin.written), through the baker
front end's real normalisation: exact spans."""
from __future__ import annotations

import pytest

from yuyin.audio import SyllableTiming
from yuyin.frontend.baker import BakerFrontend
from yuyin.written import WrittenText


@pytest.fixture(scope="module")
def frontend() -> BakerFrontend:
    return BakerFrontend()


def placed(frontend: BakerFrontend, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per sentence: its clause as found in text, and (read, written) per syllable."""
    written = WrittenText(text)
    out = []
    for unit in frontend.analyze(text):
        syllables = tuple(SyllableTiming(g, p, 0.0, 0.0) for g, p in zip(unit.graphemes, unit.pinyin))
        span, syllables = written.place(unit.source, syllables)
        clause = text[slice(*span)] if span else None
        out.append((clause, [(s.text, text[slice(*s.source_span)]) for s in syllables]))
    return out


def test_digits_read_one_by_one_point_at_their_digit(frontend: BakerFrontend) -> None:
    assert placed(frontend, "2025年3月5日，电话13800138000。") == [
        ("2025年3月5日，", [("二", "2"), ("零", "0"), ("二", "2"), ("五", "5"), ("年", "年"), ("三", "3"),
                          ("月", "月"), ("五", "5"), ("日", "日")]),
        ("电话13800138000。", [("电", "电"), ("话", "话")] + [(r, w) for r, w in zip("幺三八零零幺三八零零零", "13800138000")]),
    ]  # fmt: skip


def test_a_number_read_in_other_length_is_shared_by_its_syllables(frontend: BakerFrontend) -> None:
    assert placed(frontend, "我们说100次，50%的人") == [
        ("我们说100次，", [("我", "我"), ("们", "们"), ("说", "说"), ("一", "100"), ("百", "100"), ("次", "次")]),
        ("50%的人", [("百", "50%"), ("分", "50%"), ("之", "50%"), ("五", "50%"), ("十", "50%"), ("的", "的"),
                    ("人", "人")]),
    ]  # fmt: skip


def test_traditional_overrides_letters_and_what_is_not_read(frontend: BakerFrontend) -> None:
    assert placed(frontend, "  他說：行[hang2]长來了😀！Tesla") == [
        ("  他說：", [("他", "他"), ("说", "說")]),
        ("行[hang2]长來了😀！", [("行", "行"), ("长", "长"), ("来", "來"), ("了", "了")]),
        ("Tesla", [("Tesla", "Tesla"), ("", "Tesla"), ("", "Tesla")]),
    ]  # fmt: skip


def test_a_clause_cut_to_the_length_budget_continues_in_the_text(frontend: BakerFrontend) -> None:
    text = "我们" * 70 + "。"
    sentences = placed(frontend, text)
    assert [clause for clause, _ in sentences] == [text, None, None]  # the later cuts continue it
    read = [pair for _, syllables in sentences for pair in syllables]
    assert read == [(char, char) for char in "我们" * 70]
    written = WrittenText(text)
    spans = [s.source_span for unit in frontend.analyze(text)
             for s in written.place(unit.source, tuple(SyllableTiming(g, p, 0, 0)
                                                       for g, p in zip(unit.graphemes, unit.pinyin)))[1]]  # fmt: skip
    assert spans == [(k, k + 1) for k in range(140)]  # each syllable its own character, in order


def test_a_clause_not_in_the_text_has_no_spans() -> None:
    written = WrittenText("<speak>你好</speak>")
    syllables = (SyllableTiming("你", "ni3", 0, 0),)
    assert written.place("您好", syllables) == (None, syllables)
    assert written.place("", syllables) == (None, syllables)  # continuing a clause not found
    span, found = written.place("你好", (SyllableTiming("你", "ni2", 0, 0), SyllableTiming("好", "hao3", 0, 0)))
    assert span == (7, 9) and [s.source_span for s in found] == [(7, 8), (8, 9)]


def syllables_of(read: str) -> tuple[SyllableTiming, ...]:
    return tuple(SyllableTiming(char, "du2", 0.0, 0.0) for char in read)


def spans_of(written: WrittenText, source: str, read: str) -> list[str]:
    return [written.text[slice(*s.source_span)] for s in written.place(source, syllables_of(read))[1]]


def test_syllables_in_batches_continue_where_the_last_left_off() -> None:
    """A voice that times syllables as it decodes hands them over in batches; a number cut in
    two is not mistaken for the rest of the clause."""
    written = WrittenText("2025年，你好。")
    assert spans_of(written, "2025年，你好。", "二") == ["2"]
    assert spans_of(written, "", "零二五年") == ["0", "2", "5", "年"]
    assert spans_of(written, "", "你好") == ["你", "好"]
    money = WrittenText("$100，好")
    assert spans_of(money, "$100，好", "一百") == ["$100", "$100"]  # read as a number: the run shares
    assert spans_of(money, "", "美元好") == ["$100", "$100", "好"]


def test_a_cut_traditional_clause_keeps_every_syllable_on_its_character(frontend: BakerFrontend) -> None:
    text = "我們今天去北京看天安門然後去吃飯" * 4  # one clause, cut to the length budget
    sentences = placed(frontend, text)
    assert len(sentences) > 1
    read = [pair for _, syllables in sentences for pair in syllables]
    assert [w for _, w in read] == list(text)


def test_hanzi_read_from_a_number_do_not_take_the_written_ones(frontend: BakerFrontend) -> None:
    assert placed(frontend, "1/2分之") == [
        ("1/2分之", [("二", "1/2"), ("分", "1/2"), ("之", "1/2"), ("一", "1/2"), ("分", "分"), ("之", "之")])]
    assert placed(frontend, "3.5%，百分之")[1][1] == [("百", "百"), ("分", "分"), ("之", "之")]


def test_what_is_not_read_is_in_no_span(frontend: BakerFrontend) -> None:
    assert placed(frontend, "行[hang2]1/2")[0][1] == [("行", "行"), ("二", "1/2"), ("分", "1/2"), ("之", "1/2"),
                                                      ("一", "1/2")]  # fmt: skip
    assert placed(frontend, "說話😀")[0][1] == [("说", "說"), ("话", "話")]
    assert placed(frontend, "长大時間\u200b")[0][1][2:] == [("时", "時"), ("间", "間")]
    assert placed(frontend, "(行長”(說話")[0][1] == [("行", "行"), ("长", "長"), ("说", "說"), ("话", "話")]
    assert placed(frontend, "12:30，1,234")[1][1][0] == ("一", "1,234")  # digits apart by , or : stay one number
