"""The SSML subset: every tag, errors with positions, unsafe XML refused, tag-free passthrough."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin.config import SynthesisOptions
from yuyin.ssml import BreakSegment, SSMLError, TextSegment, is_ssml, parse_ssml, say_as

BASE = {"speed": 1.0, "pitch": 1.0, "pitch_shift": 0.0, "energy": 1.0, "volume": 1.0}


def parse(body: str) -> list:
    return parse_ssml(f"<speak>{body}</speak>", BASE)


def test_tag_free_text_is_one_plain_segment() -> None:
    assert parse_ssml("你好 & 再见 > 1", BASE) == [TextSegment("你好 & 再见 > 1")]
    assert parse_ssml("你好&amp;世界&#x4e00;&#20108;&lt;&bogus;", BASE) == [TextSegment("你好&世界一二<&bogus;")]
    assert not is_ssml("你好") and is_ssml("  <speak>你好</speak>")


def test_speak_and_entities_of_xml_itself() -> None:
    assert parse("你好&amp;再见") == [TextSegment("你好&再见")]


@pytest.mark.parametrize(("attrs", "seconds"), [('time="300ms"', 0.3), ('time="1.5s"', 1.5),
                                                ('strength="strong"', 0.7), ("", 0.4), ('strength="none"', 0.0)])
def test_break(attrs: str, seconds: float) -> None:
    assert parse(f"前<break {attrs}/>后") == [TextSegment("前"), BreakSegment(seconds), TextSegment("后")]


def test_prosody_nests_and_clamps() -> None:
    segments = parse('<prosody rate="fast" pitch="+3st" volume="+6dB">快<prosody rate="200%" pitch="high">'
                     "更快</prosody></prosody>")
    assert segments[0].overrides == pytest.approx({"speed": 1.25, "pitch_shift": 1.0, "volume": 10 ** 0.3})
    assert segments[1].overrides["speed"] == pytest.approx(2.5) and segments[1].overrides["pitch_shift"] == 1.5
    assert parse('<prosody rate="9">x</prosody>')[0].overrides["speed"] == 4.0  # clamped to OPTION_RANGES
    assert parse('<prosody volume="9999dB">x</prosody>')[0].overrides["volume"] == 4.0  # no float overflow
    assert parse('<prosody volume="-9999dB">x</prosody>')[0].overrides["volume"] == pytest.approx(0.0, abs=1e-5)


@pytest.mark.parametrize(("attrs", "overrides"), [
    ('rate="-50%"', {"speed": 0.5}),  # a signed percentage is a change, as SSML 1.0 and cloud services write it
    ('rate="+20%"', {"speed": 1.2}),
    ('rate="50%"', {"speed": 0.5}),  # an unsigned one is a share of the current value
    ('volume="-50%"', {"volume": 0.5}),
    ('volume="+50%"', {"volume": 1.5}),
])  # fmt: skip
def test_signed_percentages_are_changes(attrs: str, overrides: dict) -> None:
    assert parse(f"<prosody {attrs}>x</prosody>")[0].overrides == pytest.approx(overrides)


def test_breaks_may_add_up_to_ten_minutes() -> None:
    assert sum(segment.seconds for segment in parse("<break time='10s'/>" * 60)) == 600


@pytest.mark.parametrize(("order", "content", "text"), [
    ("mdy", "06/18/2025", "二零二五年6月18日"), ("dmy", "18.6.2025", "二零二五年6月18日"),
    ("ymd", "2025-6-18", "二零二五年6月18日"), ("ym", "2025-06", "二零二五年6月"), ("md", "2/29", "2月29日"),
    ("y", "1997", "一九九七年"), ("mdy", "6/18/25", "二五年6月18日"), ("y", "25", "二五年"),  # alone, 25年 was 二十五年
])  # fmt: skip
def test_say_as_date_in_a_format(order: str, content: str, text: str) -> None:
    assert parse(f'<say-as interpret-as="date" format="{order}">{content}</say-as>') == [TextSegment(text)]


def test_paragraphs_and_sentences_end_their_sentences() -> None:
    segments = parse("<p><s>你好</s><s>今天天气很好！</s></p>\n<p>第二段<emphasis>很重要</emphasis></p>")
    assert [segment.text for segment in segments] == ["你好。今天天气很好！\n第二段", "很重要。"]


def test_emphasis() -> None:
    strong = parse('<emphasis level="strong">重</emphasis>')[0].overrides
    assert strong["energy"] > 1 and strong["pitch"] > 1 and strong["speed"] < 1
    assert parse("<emphasis>重</emphasis>")[0].overrides["energy"] == pytest.approx(1.15)


@pytest.mark.parametrize(("kind", "content", "text"), [
    ("digits", "2024", "二零二四"), ("telephone", "110", "幺幺零"), ("cardinal", "1,024", "一千零二十四"),
    ("cardinal", "8012", "八千零一十二"), ("cardinal", "-007.50", "负七点五零"), ("cardinal", "+12", "十二"),
    ("cardinal", "1", "一"), ("cardinal", "2", "2"),  # 2: 两个 or 二, as what follows says
    ("ordinal", "3", "第3"), ("date", "2024-01-02", "2024-01-02"), ("time", "10:30", "10:30"),
    ("characters", "AB1", "A B 一"), ("digits", "1²٣", "一²三"),  # a superscript is no digit; ٣ is three
    ("date", "2024-02-29", "2024-02-29"), ("date", "2月29日", "2月29日"), ("date", "2024-01", "2024-01"),
    ("date", "二〇二四年一月二日", "二〇二四年一月二日"), ("time", "24:00", "24:00"), ("time", "9:05:30", "9:05:30"),
])  # fmt: skip
def test_say_as(kind: str, content: str, text: str) -> None:
    assert parse(f'<say-as interpret-as="{kind}">{content}</say-as>') == [TextSegment(text)]
    assert say_as(kind, content) == text


def test_phoneme_maps_to_the_override_syntax() -> None:
    assert parse('<phoneme alphabet="pinyin" ph="yin2  hang2">银行</phoneme>') == [TextSegment("银行[yin2 hang2]")]
    assert parse('<phoneme ph="te4 si1 la1">Tesla</phoneme>') == [TextSegment("Tesla[te4 si1 la1]")]
    assert parse('<phoneme ph="yín háng">银行</phoneme>') == [TextSegment("银行[yin2 hang2]")]  # marks, as 行[háng]
    assert parse('<phoneme ph="xiè xie">谢谢</phoneme>') == [TextSegment("谢谢[xie4 xie5]")]


def test_a_voice_without_some_controls_is_stressed_by_those_it_has() -> None:
    fixed = {"pitch", "pitch_shift", "energy"}
    base = {"speed": 1.0, "pitch": 1.0, "pitch_shift": 0.0, "energy": 1.0}
    (segment,) = parse_ssml('<speak><emphasis level="strong">重</emphasis></speak>', base, fixed)
    assert set(segment.overrides) == {"speed"} and segment.overrides["speed"] < 1
    with pytest.raises(SSMLError, match="^<prosody> at line 1, column 8: pitch: this voice has no pitch control$"):
        parse_ssml('<speak><prosody pitch="high">高</prosody></speak>', base, fixed)


def test_phoneme_reads_what_an_inline_override_reads_and_no_more() -> None:
    assert parse('<phoneme ph="wai1 fai1">Wi-Fi</phoneme>') == [TextSegment("Wi-Fi[wai1 fai1]")]
    assert parse('<phoneme ph="ka1 fei1">café</phoneme>') == [TextSegment("café[ka1 fei1]")]
    assert parse('<phoneme ph="ling2">〇</phoneme>') == [TextSegment("〇[ling2]")]
    # glued to the word before it, it would read that word too: a space keeps them apart
    assert parse('我的Model<phoneme ph="ai1 ke4 si1">X</phoneme>') == [TextSegment("我的Model X[ai1 ke4 si1]")]
    assert parse('型号3<phoneme ph="er4">2</phoneme>') == [TextSegment("型号3 2[er4]")]
    assert parse('我的<phoneme ph="ai1 ke4 si1">X</phoneme>') == [TextSegment("我的X[ai1 ke4 si1]")]
    assert parse('银<phoneme ph="hang2">行</phoneme>') == [TextSegment("银行[hang2]")]  # hanzi count from the end
    assert parse('<phoneme ph="wanr2">玩儿</phoneme>') == [TextSegment("玩儿[wanr2]")]  # an erhua syllable: X儿


def test_a_declared_encoding_does_not_decode_the_text_again() -> None:
    declared = "<?xml version='1.0' encoding='latin-1'?><speak>你好</speak>"
    assert parse_ssml(declared) == [TextSegment("你好")]


def test_sub_emotion_voice() -> None:
    assert parse('<sub alias="世界卫生组织">WHO</sub>') == [TextSegment("世界卫生组织")]
    assert parse('<emotion category="sad" intensity="0.5">唉</emotion>') == [
        TextSegment("唉", {"style": "sad", "style_intensity": 0.5})]
    assert parse('<voice name="baker">嗯</voice>') == [TextSegment("嗯", voice="baker")]


@pytest.mark.parametrize(("ssml", "message"), [
    ("<speak>\n  <foo>x</foo></speak>", r"unsupported tag <foo> at line 2, column 3"),
    ("<speak><break time='forever'/></speak>", r"<break> at line 1, column 8: time must"),
    ("<speak><break time='60s'/></speak>", r"at most 10 s"),
    ("<speak><prosody speed='2'>x</prosody></speak>", r"unsupported attribute 'speed' on <prosody>"),
    ("<speak><emotion category='euphoric'>x</emotion></speak>", r"category must be one of neutral"),
    ("<speak><say-as interpret-as='cardinal'>abc</say-as></speak>", r"<say-as> at line 1.*cardinal needs"),
    ("<speak><say-as interpret-as='cardinal'>12345678901234567</say-as></speak>", r"at most 16 digits .*got 17"),
    ("<speak><say-as interpret-as='ordinal'></say-as>你好</speak>", r"<say-as> at line 1.*ordinal needs a number"),
    ("<speak><say-as interpret-as='ordinal'>abc</say-as></speak>", r"<say-as> at line 1.*ordinal needs a number"),
    ("<speak><say-as interpret-as='spell'>x</say-as></speak>", r"interpret-as must be one of"),
    ("<speak><say-as interpret-as='date'>2025-13-45</say-as></speak>", r"date '2025-13-45' is no day of the calendar"),
    ("<speak><say-as interpret-as='date'>2023-02-29</say-as></speak>", r"date '2023-02-29' is no day of the calendar"),
    ("<speak><say-as interpret-as='date'>12345</say-as></speak>", r"date needs a date such as 2024-01-02"),
    ("<speak><say-as interpret-as='time'>25:61</say-as></speak>", r"time '25:61' is no time of day"),
    ("<speak><say-as interpret-as='time'>10.30</say-as></speak>", r"time needs a time such as 10:30"),
    ("<speak><say-as interpret-as='digits'>你好</say-as></speak>", r"digits needs digits"),
    ("<speak><say-as interpret-as='telephone'>abc</say-as></speak>", r"telephone needs digits"),
    ("<speak><phoneme alphabet='ipa' ph='a'>x</phoneme></speak>", r"alphabet must be 'pinyin'"),
    ("<speak><phoneme ph='hang'>x</phoneme></speak>", r"ph must be pinyin syllables like 'yin2 hang2' or 'yín háng'"),
    ("<speak><phoneme ph='yin2'></phoneme></speak>", r"must hold hanzi or one word of letters and digits, got ''"),
    ("<speak><phoneme ph='yin2'>银行银行</phoneme></speak>", r"1 syllable\(s\) for the 4 hanzi"),
    ("<speak><phoneme ph='hang2'>行[xing2]</phoneme></speak>", r"must hold hanzi or one word of letters and digits"),
    ("<speak><sub>x</sub></speak>", r"alias attribute is required"),
    ("<speak><sub alias='a'><break/></sub></speak>", r"no tags are allowed inside <sub>"),
    ("<speak>unclosed", r"malformed SSML at line 1, column 16"),
    ("<speak><prosody rate='nan'>x</prosody></speak>", r"<prosody> at line 1.*rate must be a finite number"),
    ("<speak><prosody pitch='+inf%'>x</prosody></speak>", r"<prosody> at line 1.*pitch must be a finite number"),
    ("<speak><prosody volume='inf'>x</prosody></speak>", r"volume must be a finite number"),
    ("<speak><emotion category='happy' intensity='inf'>x</emotion></speak>", r"intensity must be a finite"),
    ("<speak><prosody rate='-150%'>x</prosody></speak>", r"rate must not be negative, got '-150%'"),
    ("<speak>" + "<break time='10s'/>" * 61 + "</speak>", r"<break> at line 1, .*breaks add up to more than 600 s"),
    ("<p>x</p>", r"root element must be <speak>"),
    ("<speak><say-as interpret-as='date'>not a date</say-as></speak>", r"date needs a date such as 2024-01-02"),
    ("<speak><say-as interpret-as='time'>ten</say-as></speak>", r"time needs a time such as 10:30"),
    ("<speak><say-as interpret-as='date' format='mdy'>13/18/2025</say-as></speak>", r"in format 'mdy' is no day"),
    ("<speak><say-as interpret-as='date' format='mdy'>06/18</say-as></speak>", r"format 'mdy' needs 3 numbers"),
    ("<speak><say-as interpret-as='digits' format='mdy'>1</say-as></speak>", r"format applies to interpret-as='date'"),
    ('你好<break time="1s"/>世界。', r"malformed SSML at line 1, column 3: .*; SSML is one <speak> element around the text"),
])  # fmt: skip
def test_errors_name_tag_and_position(ssml: str, message: str) -> None:
    with pytest.raises(SSMLError, match=message):
        parse_ssml(ssml)


@pytest.mark.parametrize("payload", [
    '<!DOCTYPE speak [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]><speak>&b;</speak>',  # billion laughs
    '<!DOCTYPE speak [<!ENTITY x SYSTEM "file:///etc/passwd">]><speak>&x;</speak>',  # XXE
    '<!DOCTYPE speak SYSTEM "http://example.com/x.dtd"><speak>x</speak>',
])  # fmt: skip
def test_entities_and_dtds_are_refused(payload: str) -> None:
    with pytest.raises(SSMLError, match="unsafe SSML refused"):
        parse_ssml(payload)


def _audio(chunks) -> np.ndarray:
    return np.concatenate([c.samples for c in chunks])


def test_synthesize_ssml_tag_free_equals_synthesize(tiny_synth) -> None:
    text = "你好。今天天气不错。"
    plain = list(tiny_synth.synthesize(text))
    via_ssml = list(tiny_synth.synthesize_ssml(text))
    assert [c.sentence_index for c in via_ssml] == [c.sentence_index for c in plain]
    np.testing.assert_array_equal(_audio(via_ssml), _audio(plain))


def test_synthesize_ssml_renders_segments_in_order(tiny_synth) -> None:
    ssml = '<speak>你好<break time="250ms"/><prosody rate="slow">再见</prosody></speak>'
    chunks = list(tiny_synth.synthesize_ssml(ssml))
    first = _audio(tiny_synth.synthesize("你好"))
    slow = _audio(tiny_synth.synthesize("再见", SynthesisOptions(speed=0.8)))
    assert [c.is_silence for c in chunks] == [False, True, False]
    assert len(chunks[1].samples) == int(0.25 * tiny_synth.sample_rate)
    np.testing.assert_array_equal(_audio(chunks), np.concatenate([first, chunks[1].samples, slow]))
    assert [c.sentence_index for c in chunks] == [0, 0, 1]


def test_synthesize_ssml_emotion_span(tiny_synth) -> None:
    ssml = '<speak><emotion category="sad">再见</emotion></speak>'
    expected = _audio(tiny_synth.synthesize("再见", SynthesisOptions(style="sad")))
    np.testing.assert_array_equal(_audio(tiny_synth.synthesize_ssml(ssml)), expected)


def test_synthesize_ssml_unknown_voice(tiny_synth) -> None:
    with pytest.raises(SSMLError, match="<voice name='nobody'> is neither the loaded voice"):
        list(tiny_synth.synthesize_ssml('<speak><voice name="nobody">x</voice></speak>'))
