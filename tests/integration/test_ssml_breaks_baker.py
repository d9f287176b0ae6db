"""SSML breaks on the real baker voice: the pause heard is the one asked for, and a break of 0 s is none."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin.audio import SILENCE_DBFS, SILENCE_FRAME_SECONDS, edge_silence

FRAME = SILENCE_FRAME_SECONDS


def longest_inner_silence(samples: np.ndarray, rate: int) -> float:
    """Seconds of the longest run of silent 5 ms frames between the first and the last sound."""
    frame = int(FRAME * rate)
    power = np.mean(samples[: len(samples) // frame * frame].reshape(-1, frame).astype(np.float64) ** 2, axis=1)
    loud = np.flatnonzero(power >= 10 ** (SILENCE_DBFS / 10))
    return float(np.diff(loud).max() - 1) * FRAME


def audio(synth, document: str, **kwargs) -> np.ndarray:
    return np.concatenate([chunk.samples for chunk in synth.synthesize_ssml(document, **kwargs)])


@pytest.mark.parametrize("seconds", [0.3, 0.5, 1.0])
@pytest.mark.parametrize("mark", ["", "，", "。"])
def test_the_pause_at_a_break_lasts_the_time_asked(baker_synth, seconds: float, mark: str) -> None:
    """Before, the voice's own closing and opening silence came on top: 300 ms was heard as 460 ms."""
    document = f'<speak>今天天气很好{mark}<break time="{int(seconds * 1000)}ms"/>我们去公园散步。</speak>'
    heard = longest_inner_silence(audio(baker_synth, document), baker_synth.sample_rate)
    assert heard == pytest.approx(seconds, abs=2 * FRAME)


def test_streamed_the_pause_is_the_same(baker_synth) -> None:
    document = '<speak>今天天气很好<break time="500ms"/>我们去公园散步。</speak>'
    heard = longest_inner_silence(audio(baker_synth, document, chunk_frames=32), baker_synth.sample_rate)
    assert heard == pytest.approx(0.5, abs=2 * FRAME)


def test_breaks_in_a_row_add_up_and_one_at_either_end_adds_its_time(baker_synth) -> None:
    rate = baker_synth.sample_rate
    two = audio(baker_synth, '<speak>今天天气很好<break time="300ms"/><break time="400ms"/>我们去公园散步。</speak>')
    assert longest_inner_silence(two, rate) == pytest.approx(0.7, abs=2 * FRAME)
    framed = audio(baker_synth, '<speak><break time="1s"/>我们去公园散步。<break time="2s"/></speak>')
    leading, trailing = edge_silence(framed, rate)  # the voice's own silence there included
    assert leading == pytest.approx(1.0, abs=2 * FRAME) and trailing == pytest.approx(2.0, abs=2 * FRAME)


def test_a_short_break_is_as_short_as_the_voice_can_pause(baker_synth) -> None:
    """The silence the voice ends and starts sentences with is the shortest pause a break makes."""
    rate = baker_synth.sample_rate
    short = longest_inner_silence(audio(baker_synth, '<speak>今天天气很好<break time="50ms"/>我们去公园散步。</speak>'), rate)
    assert 0.05 <= short <= 0.2


@pytest.mark.parametrize("zero", ['<break time="0ms"/>', '<break strength="none"/>'])
def test_a_break_of_no_time_leaves_the_sentence_as_it_is(baker_synth, zero: str) -> None:
    plain = audio(baker_synth, "<speak>今天天气很好我们去公园散步。</speak>")
    assert np.array_equal(audio(baker_synth, f"<speak>今天天气很好{zero}我们去公园散步。</speak>"), plain)
