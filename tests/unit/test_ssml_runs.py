"""SSML segments said as one sentence: which segments join, each syllable's options, and the audio."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin import Synthesizer
from yuyin.config import SynthesisOptions
from yuyin.engine.ssml_runs import SpokenRun, spoken_runs
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
    assert run.text == "我们一定要去。" and run.options == BASE and not run.after_sentence
    assert [o == BASE for o in run.syllable_options] == [True, True, False, False, True, True]
    assert run.syllable_options[2] == run.syllable_options[3] == BASE.with_(volume=run.syllable_options[2].volume,
                                                                            pitch_shift=0.5)  # fmt: skip
    assert run.syllable_options[2].volume == pytest.approx(10**-0.3)


def test_runs_end_at_sentence_ends_and_breaks_and_say_when_a_pause_comes_first(tiny_synth) -> None:
    said = runs(tiny_synth, '你好。今天<emphasis>很</emphasis>好。<break time="300ms"/>再见。')
    assert [(r.text, r.after_sentence) if isinstance(r, SpokenRun) else r for r in said] == [
        ("你好。", False), ("今天很好。", True), BreakSegment(0.3), ("再见。", False)]
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
