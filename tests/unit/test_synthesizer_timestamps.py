"""Syllable and sentence times from the Synthesizer (tiny random-weight voices)."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin import SynthesisOptions, Synthesizer
from yuyin.timestamps import Timeline

TEXT = "你好，2025年的世界。ABC好吗"


def speech_chunks(synth: Synthesizer, text: str, **kwargs):
    return [c for c in synth.synthesize(text, **kwargs) if not c.is_silence]


def test_each_sentence_first_chunk_times_its_syllables_within_its_audio(tiny_synth: Synthesizer) -> None:
    units = tiny_synth.frontend(TEXT)
    chunks = speech_chunks(tiny_synth, TEXT)
    assert len(chunks) == len(units)  # one chunk per sentence here
    for chunk, unit in zip(chunks, units):
        assert chunk.source == unit.source
        assert [(s.text, s.pinyin) for s in chunk.syllables] == list(zip(unit.graphemes, unit.pinyin))
        times = [t for s in chunk.syllables for t in (s.start, s.end)]
        assert times == sorted(times) and times[0] > 0 and times[-1] <= chunk.duration
        assert all(s.end > s.start for s in chunk.syllables)


@pytest.mark.parametrize("speed", [0.5, 1.0, 2.0, 4.0])
def test_streamed_chunks_carry_the_same_times_and_speed_scales_them(tiny_synth: Synthesizer, speed: float) -> None:
    options = SynthesisOptions(speed=speed)
    whole = speech_chunks(tiny_synth, TEXT, options=options)
    streamed = speech_chunks(tiny_synth, TEXT, options=options, chunk_frames=8)
    assert len(streamed) > len(whole) or speed == 4.0  # at speed 4 the sentences fit one window
    begins = [i == 0 or c.sentence_index != streamed[i - 1].sentence_index for i, c in enumerate(streamed)]
    assert [c.syllables for c, first in zip(streamed, begins) if first] == [c.syllables for c in whole]
    assert all(c.syllables == () for c, first in zip(streamed, begins) if not first)
    normal = speech_chunks(tiny_synth, TEXT)
    for fast, slow in zip(whole, normal):
        ratio = fast.syllables[-1].end / slow.syllables[-1].end
        assert ratio == pytest.approx(1 / speed, rel=0.1)


def test_a_unit_split_to_fit_the_model_keeps_every_syllable_in_order(tiny_synth: Synthesizer) -> None:
    text = "我们今天一起去公园散步然后在湖边看风景听音乐吃午饭" * 2 + "。"  # 50 hanzi: one unit
    (unit,) = tiny_synth.frontend(text)
    slow = SynthesisOptions(speed=0.25)  # ~4x the frames: past the 2048 positions, so the unit is split
    first, *rest = speech_chunks(tiny_synth, text, options=slow)  # a chunk per model pass
    assert rest and all(c.syllables == () for c in rest)
    duration = first.duration + sum(c.duration for c in rest)
    assert duration * tiny_synth.sample_rate / tiny_synth.voice.hop_size > tiny_synth._voice.acoustic.cfg.max_positions
    assert [s.pinyin for s in first.syllables] == list(unit.pinyin)
    times = [t for s in first.syllables for t in (s.start, s.end)]
    assert times == sorted(times) and first.duration < times[-1] <= duration
    gaps = np.diff([s.start for s in first.syllables])
    assert gaps.max() < 10 * np.median(gaps)  # no syllable lost its place at the cut


def test_a_tacotron2_voice_times_syllables_as_it_decodes_and_streaming_keeps_them(tiny_ttskit_pack) -> None:
    synth = Synthesizer.load(tiny_ttskit_pack, device="cpu", backend="torch", warm_up=False)
    text = "2025年你好，朋友。世界真大"

    def timeline_of(**kwargs) -> Timeline:
        timeline = Timeline(text)
        for chunk in synth.synthesize(text, **kwargs):
            timeline.add(chunk)
        return timeline

    whole, streamed = timeline_of(), timeline_of(chunk_frames=4)
    sentences = whole.sentences
    assert [s.source for s in sentences] == ["2025年你好，朋友。", "世界真大"]
    assert [tuple(x.pinyin for x in s.syllables) for s in sentences] == [u.pinyin for u in synth.frontend(text)]
    assert [[text[slice(*x.source_span)] for x in s.syllables] for s in sentences] == [list("2025年你好朋友"),
                                                                                        list("世界真大")]  # fmt: skip
    times = [t for s in sentences for x in s.syllables for t in (x.start, x.end)]
    assert times == sorted(times) and 0 <= times[0] and times[-1] <= whole.position
    same = [(x.pinyin, x.source_span) for s in streamed.sentences for x in s.syllables]
    assert same == [(x.pinyin, x.source_span) for s in sentences for x in s.syllables]
    streamed_times = [t for s in streamed.sentences for x in s.syllables for t in (x.start, x.end)]
    assert streamed_times == pytest.approx(times, abs=1e-6)  # the same decode (seeded), timed the same
    # streamed, the syllables came over several chunks (each as the decoder passed it)
    carrying = [c for c in synth.synthesize(text, chunk_frames=4) if c.syllables]
    assert len(carrying) > len(sentences)


def test_ssml_segments_are_placed_on_one_time_line(tiny_synth: Synthesizer) -> None:
    timeline = Timeline()
    for chunk in tiny_synth.synthesize_ssml('<speak>你好<break time="500ms"/>世界</speak>'):
        timeline.add(chunk)
    first, second = timeline.sentences
    assert (first.source, second.source) == ("你好", "世界")
    assert second.start - first.end > 0.5
    assert second.syllables[0].start == second.start and second.end <= timeline.position
