"""Every unit of the real baker voice starts soon and ends in quiet, short phrases too (marker ``voice``).

FastSpeech2 renders the end-of-sentence id as a few frames whose mel rises after the closing
silence: 谢谢！ ended in a noise burst 20 dB below its peak and on a sample of 0.03 (a click).
It also opens some sentences with 200-240 ms of silence (16-19 frames for the opening sil)."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from yuyin.config import SynthesisOptions
from yuyin.engine.baker_voice import LEADING_SILENCE_FRAMES, MelPart, quiet_end, shorter_start

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
