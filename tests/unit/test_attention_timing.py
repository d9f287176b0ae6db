"""Syllable frames of a Tacotron2 clause from its attention peaks (exact, on hand-made peaks)."""
from __future__ import annotations

import numpy as np

from yuyin.engine.attention_timing import AttentionClock, syllable_frames, syllable_positions
from yuyin.frontend.ttskit import TtskitFrontend


def test_positions_are_each_syllables_initial_punctuation_and_the_end_are_not_syllables() -> None:
    ids = TtskitFrontend().text_to_ids("你好，A吗")  # n i 2 - h ao 3 - , - ee ei 1 - m a 5 - ~ _
    assert syllable_positions(ids) == [0, 4, 10, 14]
    assert syllable_positions([]) == []


def test_while_decoding_a_syllable_is_decided_once_the_attention_passes_its_chain() -> None:
    starts = [0, 4, 10]  # the second syllable's chain is at 7, then punctuation at 8
    peaks = [0, 1, 2, 3, 2, 4, 5, 6, 7, 6]  # frame 5 reaches 4; nothing past 7 yet
    assert syllable_frames(starts, peaks, None).tolist() == [[0, 5]]
    peaks += [8, 11, 12]  # frame 10 leaves the second syllable; frame 11 jumps over 10 (still counts)
    assert syllable_frames(starts, peaks, None).tolist() == [[0, 5], [5, 10]]
    assert syllable_frames(starts, [], None).tolist() == []


def test_once_done_every_syllable_ends_and_none_runs_past_the_kept_frames() -> None:
    starts = [0, 4, 10]
    peaks = [0, 5, 3, 3, 4, 6, 11, 12, 12, 13, 14, 15]  # attention glances back at frame 2: ignored
    assert syllable_frames(starts, peaks, kept=12).tolist() == [[0, 1], [1, 6], [6, 10]]  # 14 passed at 10
    assert syllable_frames(starts, peaks, kept=9).tolist() == [[0, 1], [1, 6], [6, 9]]  # none past the kept end
    # decoding stopped (kept 3) before the attention reached the last syllable: it is empty, at the end
    assert syllable_frames(starts, peaks[:3], kept=3).tolist() == [[0, 1], [1, 3], [3, 3]]


class FakeItem:
    def __init__(self, ids, peaks, end=None):
        self.ids, self._peaks, self.end, self.done = ids, peaks, end, end is not None

    def peaks(self):
        return list(self._peaks)


def test_the_clock_reports_each_syllable_once_in_unit_samples() -> None:
    ids = TtskitFrontend().text_to_ids("你好吗")  # starts 0, 4, 8
    reports: list[list[list[int]]] = []
    item = FakeItem(ids, [0, 1, 4, 5])
    clock = AttentionClock(item, lambda frame: 1000 + 256 * frame, lambda spans: reports.append(spans.tolist()))
    clock()
    clock()  # nothing new: nothing reported
    item._peaks += [6, 8, 9]
    item.end, item.done = 7, True
    clock()
    assert reports == [[[1000, 1512]], [[1512, 2280], [2280, 2792]]]  # the last runs to the kept end
    assert all(np.diff([s for r in reports for span in r for s in span]) >= 0)
