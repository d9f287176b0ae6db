"""Timeline (chunks -> request times) and the subtitle files, on hand-made chunks."""
from __future__ import annotations

import json

import numpy as np
import pytest

from yuyin.audio import AudioChunk, SyllableTiming
from yuyin.timestamps import SentenceTiming, Timeline, cues, render, to_json, to_srt, to_vtt

RATE = 1000  # samples per second: a chunk of n samples lasts n ms


def chunk(ms: int, index: int = 0, silence: bool = False, source: str = "", syllables=()) -> AudioChunk:
    return AudioChunk(np.zeros(ms, np.float32), RATE, "" if silence else f"s{index}", (), index, silence, source,
                      syllables)  # fmt: skip


def test_timeline_puts_each_sentence_and_syllable_on_the_request_time_line() -> None:
    timeline = Timeline()
    timeline.add(chunk(500, 0, source="你好，", syllables=(SyllableTiming("你", "ni3", 0.1, 0.25),
                                                         SyllableTiming("好", "hao3", 0.25, 0.45))))  # fmt: skip
    timeline.add(chunk(200, silence=True))
    timeline.add(chunk(300, 1, source="世界", syllables=(SyllableTiming("世", "shi4", 0.05, 0.2),
                                                       SyllableTiming("界", "jie4", 0.2, 0.6))))  # fmt: skip
    timeline.add(chunk(400, 1))  # a later chunk of the same sentence
    assert timeline.position == pytest.approx(1.4)
    first, second = timeline.sentences
    assert first.syllables == (SyllableTiming("你", "ni3", 0.1, 0.25), SyllableTiming("好", "hao3", 0.25, 0.45))
    assert [s.text for s in second.syllables] == ["世", "界"]
    assert [(s.start, s.end) for s in second.syllables] == [pytest.approx((0.75, 0.9)), pytest.approx((0.9, 1.3))]
    assert [(s.index, s.source) for s in timeline.sentences] == [(0, "你好，"), (1, "世界")]
    times = [(s.start, s.end) for s in timeline.sentences]  # timed by their syllables
    assert times == [pytest.approx((0.1, 0.45)), pytest.approx((0.75, 1.3))]


def test_timeline_given_the_text_places_sentences_and_syllables_in_it() -> None:
    text = "说：2025年，世界"
    timeline = Timeline(text)
    timeline.add(chunk(500, 0, source="说：2025年，", syllables=tuple(
        SyllableTiming(char, "du2", k / 10, (k + 1) / 10) for k, char in enumerate("说二零二五年"))))  # fmt: skip
    timeline.add(chunk(300, 1, source="世界", syllables=None))  # a voice that cannot time syllables
    first, second = timeline.sentences
    assert first.source_span == (0, 8) and second.source_span == (8, 10)
    assert [text[slice(*s.source_span)] for s in first.syllables] == ["说", "2", "0", "2", "5", "年"]
    assert first.syllables[1].start == pytest.approx(0.1)  # still placed in time
    assert json.loads(to_json(timeline.sentences, 0.8))["sentences"][0]["syllables"][1]["source_span"] == [2, 3]


def test_a_voice_without_syllable_times_is_timed_by_its_audio() -> None:
    timeline = Timeline()
    for piece in (chunk(300, 0, source="一", syllables=None), chunk(200, 0), chunk(100, 0, silence=True),
                  chunk(400, 1, source="二", syllables=None)):  # fmt: skip
        timeline.add(piece)
    assert [s.syllables for s in timeline.sentences] == [None, None]
    assert [(s.start, s.end) for s in timeline.sentences] == [pytest.approx((0.0, 0.5)), pytest.approx((0.6, 1.0))]


def sentence(index: int, source: str, start: float, end: float, text: str = "读") -> SentenceTiming:
    return SentenceTiming(index, text, source, start, end, (SyllableTiming(text, "du2", start, end),))


SENTENCES = [sentence(0, "2025年，", 0.2, 1.0, "二零二五年,"), sentence(1, "很长的一句\n话", 1.3, 2.0),
             sentence(2, "", 2.1, 3.0), sentence(3, "a<b & c-->d", 3723.4567, 3724.0)]  # fmt: skip


def test_cues_are_the_written_clauses_and_without_the_text_a_cut_clause_stays_one() -> None:
    assert [(c.start, c.end, c.text) for c in cues(SENTENCES)] == [
        (0.2, 1.0, "2025年，"), (1.3, 3.0, "很长的一句 话"), (3723.4567, 3724.0, "a<b & c-->d")]  # fmt: skip


def test_cues_leave_out_the_pinyin_of_inline_overrides() -> None:
    """Subtitles show the text a reader reads: 银行行长, not 银行行长[yin2 hang2 hang2 zhang3]
    (as the source, or as an SSML phoneme's text); brackets that are text stay."""
    timed = [sentence(0, "银行行长[yin2 hang2 hang2 zhang3]买了Tesla[te4 si1 la1]，", 0.0, 1.0),
             sentence(1, "", 1.2, 2.0, "报告行[hang2]。"), sentence(2, "参考[1]图[a]。", 2.2, 3.0)]  # fmt: skip
    assert [c.text for c in cues(timed)] == ["银行行长买了Tesla，", "参考[1]图[a]。"]
    assert [c.text for c in cues(timed[1:2])] == ["报告行。"]


def test_given_the_text_each_piece_of_a_cut_clause_is_a_cue_of_its_own() -> None:
    """A clause cut to the length budget (no punctuation in a long text): the second piece starts
    where its first syllable is written, so subtitles do not hold the whole clause in one cue."""
    text = "今天天气很好 我们一起去公园散步吧。"
    timeline = Timeline(text)
    syllables = [SyllableTiming(char, "du2", k / 10, (k + 1) / 10) for k, char in enumerate(text[:-1].replace(" ", ""))]
    timeline.add(chunk(600, 0, source=text, syllables=tuple(syllables[:6])))
    timeline.add(chunk(1000, 1, source="", syllables=tuple(SyllableTiming(s.text, s.pinyin, s.start - 0.6, s.end - 0.6)
                                                           for s in syllables[6:])))  # fmt: skip
    first, second = timeline.sentences
    assert (first.source, first.source_span) == ("今天天气很好", (0, 6))  # each span where its source is
    assert (second.source, second.source_span) == ("我们一起去公园散步吧。", (7, 18))
    assert [(c.start, c.end, c.text) for c in cues(timeline.sentences)] == [
        (0.0, pytest.approx(0.6), "今天天气很好"), (pytest.approx(0.6), pytest.approx(1.6), "我们一起去公园散步吧。")]


def test_srt_exactly() -> None:
    assert to_srt(SENTENCES) == (
        "1\n00:00:00,200 --> 00:00:01,000\n2025年，\n\n"
        "2\n00:00:01,300 --> 00:00:03,000\n很长的一句 话\n\n"
        "3\n01:02:03,457 --> 01:02:04,000\na<b & c->d\n"
    )


def test_vtt_exactly() -> None:
    assert to_vtt(SENTENCES) == (
        "WEBVTT\n\n"
        "00:00:00.200 --> 00:00:01.000\n2025年，\n\n"
        "00:00:01.300 --> 00:00:03.000\n很长的一句 话\n\n"
        "01:02:03.457 --> 01:02:04.000\na&lt;b &amp; c--&gt;d\n"
    )


def test_json_has_every_sentence_and_syllable() -> None:
    body = json.loads(to_json(SENTENCES[:1], 1.23456))
    assert body == {"duration": 1.2346, "sentences": [{
        "index": 0, "text": "二零二五年,", "source": "2025年，", "start": 0.2, "end": 1.0, "source_span": None,
        "syllables": [{"text": "二零二五年,", "pinyin": "du2", "start": 0.2, "end": 1.0, "source_span": None}]}]}  # fmt: skip


def test_render_picks_the_format_by_suffix() -> None:
    assert render(".vtt", SENTENCES, 5.0) == to_vtt(SENTENCES)
    assert render(".srt", SENTENCES, 5.0) == to_srt(SENTENCES)
    with pytest.raises(ValueError, match=r"\.srt, \.vtt, \.json, not \.txt"):
        render(".txt", SENTENCES, 5.0)
