"""The silence an SSML break adds: edge silence measured in the audio, and the gap made up to the asked time."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin.audio import edge_silence
from yuyin.engine.break_gap import BreakGap

RATE = 1000  # 5 samples per 5 ms frame: easy arithmetic


def tone(samples: int, level: float = 0.1) -> np.ndarray:
    return np.full(samples, level, np.float32)


def quiet(samples: int, level: float = 0.0) -> np.ndarray:
    return np.full(samples, level, np.float32)


def test_edge_silence_counts_whole_quiet_frames_at_either_end() -> None:
    audio = np.concatenate([quiet(20), tone(50), quiet(35)])
    assert edge_silence(audio, RATE) == (0.020, 0.035)
    assert edge_silence(tone(50), RATE) == (0.0, 0.0)


def test_edge_silence_hears_a_frame_at_minus_45_dbfs_as_sound_and_below_as_silence() -> None:
    loud_enough, too_quiet = 10 ** (-44 / 20), 10 ** (-46 / 20)
    assert edge_silence(np.concatenate([quiet(10, loud_enough), tone(10)]), RATE) == (0.0, 0.0)
    assert edge_silence(np.concatenate([quiet(10, too_quiet), tone(10)]), RATE) == (0.010, 0.0)


def test_edge_silence_rounds_to_frames_where_sound_starts_mid_frame() -> None:
    """Sound from sample 12 on: frames 0-1 (samples 0-9) are silent, frame 2 holds sound."""
    assert edge_silence(np.concatenate([quiet(12), tone(13)]), RATE) == (0.010, 0.0)


def test_all_silent_or_empty_audio() -> None:
    assert edge_silence(quiet(42), RATE) == (0.042, 0.042)
    assert edge_silence(np.zeros(0, np.float32), RATE) == (0.0, 0.0)


def test_a_break_adds_what_the_silence_either_side_leaves_of_it() -> None:
    gap = BreakGap(RATE)
    gap.heard(np.concatenate([tone(100), quiet(80)]))  # the sentence before ends with 80 ms of silence
    gap.add(0.3)
    assert gap.pending == 0.3
    assert gap.before(np.concatenate([quiet(40), tone(100)])) == pytest.approx(0.18)  # 300 - 80 - 40
    assert gap.pending == 0.0


def test_a_break_shorter_than_the_silence_already_there_adds_nothing() -> None:
    gap = BreakGap(RATE)
    gap.heard(np.concatenate([tone(100), quiet(80)]))
    gap.add(0.1)
    assert gap.before(np.concatenate([quiet(40), tone(100)])) == 0.0


def test_breaks_in_a_row_add_up_and_silent_chunks_count_into_the_trailing_silence() -> None:
    gap = BreakGap(RATE)
    gap.heard(np.concatenate([tone(100), quiet(30)]))
    gap.heard(quiet(50))  # a pause chunk after it: 80 ms of silence in all
    gap.add(0.2)
    gap.add(0.5)
    assert gap.before(tone(10)) == pytest.approx(0.62)


def test_a_break_at_the_start_or_the_end_of_a_document() -> None:
    start = BreakGap(RATE)
    start.add(0.5)
    assert start.before(np.concatenate([quiet(50), tone(10)])) == pytest.approx(0.45)
    end = BreakGap(RATE)
    end.heard(np.concatenate([tone(10), quiet(100)]))
    end.add(1.0)
    assert end.before(np.zeros(0, np.float32)) == pytest.approx(0.9)
