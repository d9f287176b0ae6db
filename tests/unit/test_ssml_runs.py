"""SSML segments said as one sentence: which segments join, each syllable's options, and the audio."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin import Synthesizer
from yuyin.config import SynthesisOptions
from yuyin.engine.ssml_runs import MAX_RUN_CHARS, SpokenRun, spoken_runs
from yuyin.ssml import BreakSegment, parse_ssml

BASE = SynthesisOptions()


def runs(tiny_synth: Synthesizer, body: str, per_syllable: bool = True) -> list:
    segments = parse_ssml(f"<speak>{body}</speak>", {"speed": 1.0, "pitch": 1.0, "pitch_shift": 0.0, "energy": 1.0,
                                                     "volume": 1.0, "style": None, "style_intensity": 1.0})  # fmt: skip
    tempo = lambda options: options.speed / min(options.speed, 1.25)  # noqa: E731 - baker's
    return list(spoken_runs(segments, lambda segment: BASE.with_(**segment.overrides), tiny_synth.frontend,
                            per_syllable, tempo))  # fmt: skip


def test_the_segments_of_one_sentence_are_one_run_each_syllable_with_its_options(tiny_synth) -> None:
    (run,) = runs(tiny_synth, '我们<prosody volume="-6dB" pitch="high">一定</prosody>要去。')
    assert run.text == "我们一定要去。" and run.options == BASE and run.pause_before == 0.0
    assert [o == BASE for o in run.syllable_options] == [True, True, False, False, True, True]
    assert run.syllable_options[2] == run.syllable_options[3] == BASE.with_(volume=run.syllable_options[2].volume,
                                                                            pitch_shift=0.5)  # fmt: skip
    assert run.syllable_options[2].volume == pytest.approx(10**-0.3)


def test_a_tagged_group_is_cut_at_sentence_ends_and_breaks_saying_which_pause_comes_first(tiny_synth) -> None:
    said = runs(tiny_synth, '你好。今天<emphasis>很</emphasis>好。<break time="300ms"/>再见。')
    assert [(r.text, r.pause_before) if isinstance(r, SpokenRun) else r for r in said] == [
        ("你好。", 0.0), ("今天很好。", 1.0), BreakSegment(0.3), ("再见。", 0.0)]
    assert said[0].syllable_options is None and len(said[1].syllable_options) == 4


def test_what_cannot_change_within_a_sentence_ends_the_run(tiny_synth) -> None:
    """A tempo past the duration model's range (rate 200%: 2.0 / 1.25), a speaker, or a voice that
    takes no options per syllable while they differ; the same options still join (a <sub>)."""
    fast = runs(tiny_synth, '前面<prosody rate="200%">中间</prosody>后面')
    assert [r.text for r in fast] == ["前面", "中间", "后面"] and all(r.syllable_options is None for r in fast)
    assert [r.text for r in runs(tiny_synth, '前面<prosody rate="fast">中间</prosody>后面')] == ["前面中间后面"]
    assert [r.text for r in runs(tiny_synth, '前面<emphasis>中间</emphasis>后面', per_syllable=False)] == [
        "前面", "中间", "后面"]
    assert [r.text for r in runs(tiny_synth, '联系<sub alias="世界卫生组织">WHO</sub>吧', per_syllable=False)] == [
        "联系世界卫生组织吧"]


def test_a_join_that_changes_the_readings_falls_back_to_segment_by_segment(tiny_synth) -> None:
    """哪 and 儿 apart are two syllables, together one (nar3): the syllables do not line up."""
    said = runs(tiny_synth, '你去<emphasis>哪</emphasis>儿')
    assert [r.text for r in said] == ["你去", "哪", "儿"] and all(r.syllable_options is None for r in said)


def test_an_emphasised_word_is_said_within_its_sentence(tiny_synth) -> None:
    """One chunk for the sentence, not three; volume alone changes nothing but the gain: the audio
    is the untagged sentence's, times a gain that moves smoothly from 1 to 0.5 over the tagged
    syllables (below the limiter: the random-weight voice is loud, so a base volume of 0.25)."""
    quiet = SynthesisOptions(volume=0.25)
    plain = [c for c in tiny_synth.synthesize_ssml("<speak>我们一定要去。</speak>", quiet) if not c.is_silence]
    tagged = [c for c in tiny_synth.synthesize_ssml('<speak>我们<prosody volume="-6dB">一定</prosody>要去。</speak>',
                                                    quiet) if not c.is_silence]  # fmt: skip
    assert len(plain) == len(tagged) == 1 and tagged[0].text == plain[0].text
    loud = np.abs(plain[0].samples) > 1e-3
    ratio = tagged[0].samples[loud] / plain[0].samples[loud]
    assert ratio.max() <= 1.0 + 1e-4 and abs(ratio.min() - 10**-0.3) < 1e-3
    assert np.mean(np.isclose(ratio, 1.0, atol=1e-4)) > 0.4 and np.mean(np.isclose(ratio, 10**-0.3, atol=1e-3)) > 0.1
    streamed = np.concatenate([c.samples for c in tiny_synth.synthesize_ssml(
        '<speak>我们<prosody volume="-6dB">一定</prosody>要去。</speak>', quiet, chunk_frames=4)])  # fmt: skip
    np.testing.assert_allclose(streamed, tagged[0].samples, atol=1e-5)
    assert len(tiny_synth.frontend('<speak>我们<emphasis>一定</emphasis>要去。</speak>', ssml=True)) == 1


def test_a_sentence_after_a_tagged_one_gets_the_pause_between_sentences(tiny_synth) -> None:
    chunks = list(tiny_synth.synthesize_ssml('<speak><prosody rate="slow">你好。</prosody>再见。</speak>'))
    pauses = [len(c.samples) for c in chunks if c.is_silence]
    assert pauses == [round(tiny_synth.voice.sentence_pause / 0.8 * tiny_synth.sample_rate)]  # the slow sentence's


@pytest.mark.parametrize("text", ["5!等于120。", "访问https://a.com/s?q=1了解。", "共1,000元, 对吗? 对。", "你好。今天天气不错。"])
def test_a_document_whose_options_never_change_is_one_run_said_as_plain_text(tiny_synth, text: str) -> None:
    assert [(r.text, r.syllable_options) for r in runs(tiny_synth, text)] == [(text, None)]
    plain = np.concatenate([c.samples for c in tiny_synth.synthesize(text)])
    assert np.array_equal(np.concatenate([c.samples for c in tiny_synth.synthesize_ssml(text)]), plain)


def test_a_long_tagged_group_without_sentence_ends_is_cut_at_clauses(tiny_synth) -> None:
    """A document of commas only is not analysed whole before its first audio: its runs end at
    the first clause end past MAX_RUN_CHARS, each after a clause's pause."""
    clauses = "今天天气很好，" * 60
    said = runs(tiny_synth, clauses + "<emphasis>我们</emphasis>走吧")
    assert len(said) > 3 and "".join(r.text for r in said) == clauses + "我们走吧"
    assert all(len(r.text) < MAX_RUN_CHARS + 10 for r in said)
    assert [r.pause_before for r in said] == [0.0] + [0.5] * (len(said) - 1)
    assert said[-1].syllable_options is not None and said[0].syllable_options is None


def test_the_syllable_options_follow_the_syllables_past_an_erhua(tiny_synth) -> None:
    """哪儿 and 玩儿 are one syllable each (nar3, wanr2): the tagged 我们 is quiet, nothing else."""
    quiet = SynthesisOptions(volume=0.25)
    document = "<speak>你去哪儿玩儿了<prosody volume='silent'>我们</prosody>一定要去。</speak>"
    (chunk,) = [c for c in tiny_synth.synthesize_ssml(document, quiet) if not c.is_silence]
    assert [s.pinyin for s in chunk.syllables][5:7] == ["wo3", "men5"]
    for syllable in chunk.syllables:
        middle = chunk.samples[round((0.75 * syllable.start + 0.25 * syllable.end) * 24000):
                               round((0.25 * syllable.start + 0.75 * syllable.end) * 24000)]  # fmt: skip
        silent = np.abs(middle).max() < 1e-4
        assert silent == (syllable.pinyin in ("wo3", "men5")), syllable


@pytest.mark.parametrize("zero", ['<break time="0ms"/>', '<break strength="none"/>', '<break time="0s"/>'])
def test_a_break_of_no_time_is_no_break_the_sentence_goes_on(tiny_synth, zero: str) -> None:
    assert runs(tiny_synth, f"今天<emphasis>很</emphasis>好{zero}，我们走。") == runs(
        tiny_synth, "今天<emphasis>很</emphasis>好，我们走。")
    assert [r.text for r in runs(tiny_synth, f"你好{zero}世界。")] == ["你好世界。"]
