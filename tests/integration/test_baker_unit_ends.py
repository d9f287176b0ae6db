"""Every unit of the real baker voice starts soon and ends in quiet, short phrases too, and a cut made
for length alone is a short breath (marker ``voice``).

FastSpeech2 renders the end-of-sentence id as a few frames whose mel rises after the closing
silence: 谢谢！ ended in a noise burst 20 dB below its peak and on a sample of 0.03 (a click).
It also opens some sentences with 200-240 ms of silence (16-19 frames for the opening sil)."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from yuyin.config import SynthesisOptions
from yuyin.engine.baker_voice import LEADING_SILENCE_FRAMES, MelPart, quiet_end, shorter_end, shorter_start

pytestmark = pytest.mark.voice


def _level_db(part: np.ndarray, peak: float) -> float:
    return 20 * float(np.log10(np.sqrt(np.mean(part**2)) / peak + 1e-12))


@pytest.mark.parametrize("text", ["谢谢！", "好的。", "是的。", "再见。", "你好", "好的，谢谢！你好，再见。"])
def test_short_phrases_end_quietly_on_zero(baker_synth, text: str) -> None:
    for chunk in baker_synth.synthesize(text, SynthesisOptions()):
        if chunk.is_silence:
            continue
        wave = chunk.samples
        peak = float(np.abs(wave).max())
        assert _level_db(wave[-480:], peak) < -50, chunk.text  # last 20 ms; measured -63..-77 dB (-17..-28 before)
        assert abs(float(wave[-1])) < 1e-3, chunk.text


def test_quiet_end_replaces_only_the_end_frames_with_the_quieter_edge() -> None:
    mel = torch.arange(6 * 2, dtype=torch.float32).reshape(1, 6, 2)  # frame 0 is the quietest
    ended = quiet_end(mel, 2)
    assert ended.shape == mel.shape and torch.equal(ended[:, :4], mel[:, :4])
    assert torch.equal(ended[:, 4:], mel[:, :1].expand(1, 2, 2))
    assert torch.equal(quiet_end(-mel, 2)[:, 4:], (-mel)[:, 5:].expand(1, 2, 2))  # the last frame is quieter here
    assert quiet_end(mel, 0) is mel and quiet_end(mel, 6) is mel


@pytest.mark.parametrize("text", ["明天早上八点半，我们在学校门口集合。", "你好！", "3.14159", "7"])
def test_speech_starts_within_a_short_silence(baker_synth, text: str) -> None:
    wave = next(iter(baker_synth.synthesize(text, SynthesisOptions()))).samples
    onset = int(np.argmax(np.abs(wave) > 0.02)) / 24000
    assert onset < 0.2, onset  # measured 120-160 ms (282-348 ms before)


def test_shorter_start_cuts_the_opening_silence_and_its_duration_alike() -> None:
    mel = torch.arange(20, dtype=torch.float32).reshape(1, 10, 2)
    part = MelPart(mel, np.array([6, 3, 1]), [0, 1, 2])
    short = shorter_start(part, LEADING_SILENCE_FRAMES)
    assert list(short.durations) == [LEADING_SILENCE_FRAMES, 3, 1] and short.where == [0, 1, 2]
    assert torch.equal(short.mel, mel[:, 6 - LEADING_SILENCE_FRAMES :]) and list(part.durations) == [6, 3, 1]
    assert shorter_start(MelPart(mel, np.array([3, 6, 1]), [0, 1, 2]), 4).mel is mel


def test_shorter_end_keeps_one_end_frame_and_the_sil_up_to_the_limit() -> None:
    mel = torch.arange(40, dtype=torch.float32).reshape(1, 20, 2)
    part = MelPart(mel, np.array([2, 8, 8, 2]), [0, 1, 2, 3])  # a phone, the closing sil (8), the end id (2)
    short = shorter_end(part, 6)
    assert list(short.durations) == [2, 8, 5, 1] and short.where == [0, 1, 2, 3]
    assert torch.equal(short.mel, torch.cat([mel[:, :15], mel[:, 18:19]], dim=1)) and list(part.durations) == [2, 8, 8, 2]
    assert shorter_end(MelPart(mel[:, :14], np.array([2, 8, 3, 1]), [0, 1, 2, 3]), 6).mel.shape[1] == 14  # short already


def _silences(wave: np.ndarray, rate: int = 24000) -> list[float]:
    """Lengths in seconds of the runs of 10 ms frames below -45 dBFS inside wave (not at its ends)."""
    hop = rate // 100
    frames = len(wave) // hop
    quiet = np.sqrt((wave[: frames * hop].reshape(frames, hop) ** 2).mean(axis=1)) < 10 ** (-45 / 20)
    steps = np.diff(np.concatenate([[0], quiet.astype(int), [0]]))
    starts, stops = np.flatnonzero(steps == 1), np.flatnonzero(steps == -1)
    return [(stop - start) / 100 for start, stop in zip(starts, stops) if start > 0 and stop < frames]


def test_a_sentence_cut_for_length_alone_breathes_shorter_than_at_a_comma(baker_synth) -> None:
    """FastSpeech2 ends every unit as a sentence: the long first unit of a cut ended in 0.29 s of
    silence (22 frames for the end id), the cut 0.40 s in all; now under a comma's pause."""
    run_on = ("我们在这个美丽的城市里度过了非常愉快的一个周末并且参观了很多有名的博物馆"
              "和历史悠久的古老建筑还品尝了当地特色的美食小吃认识了许多热情友好的新朋友")  # fmt: skip
    chunks = list(baker_synth.synthesize(run_on))
    assert len({chunk.sentence_index for chunk in chunks}) >= 2 and not any(chunk.is_silence for chunk in chunks)
    longest_cut = max(_silences(np.concatenate([chunk.samples for chunk in chunks])))
    comma = max(_silences(np.concatenate([c.samples for c in baker_synth.synthesize("我们度过了一个周末，并且参观了博物馆。")])))
    assert longest_cut < 0.75 * comma, (longest_cut, comma)  # measured 0.14 s against 0.32 s (0.40 s before)
