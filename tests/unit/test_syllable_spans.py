"""Where a baker unit's phones and syllables sound, from FastSpeech2's durations (exact arithmetic)."""
from __future__ import annotations

import numpy as np
import torch

from yuyin.engine.baker_voice import EOS_ID, SIL_ID, MelPart, phone_spans, split_at, split_ids, syllable_spans

# sil n i2 #0 h ao3 sil eos: two syllables (ids as the baker table has them)
IDS = [SIL_ID, 17, 75, 2, 13, 50, SIL_ID, EOS_ID]
DURATIONS = np.array([4, 2, 3, 5, 1, 3, 2, 1])
HOP = 10


def part(durations, where) -> MelPart:
    return MelPart(torch.zeros(1, int(np.sum(durations)), 80), np.asarray(durations), list(where))


def test_phone_spans_are_the_cumulative_durations_in_samples() -> None:
    spans = phone_spans(len(IDS), [part(DURATIONS, range(8))], [21], 1.0, HOP)
    assert spans.tolist() == [[0, 40], [40, 60], [60, 90], [90, 140], [140, 150], [150, 180], [180, 200],
                              [200, 210]]  # fmt: skip


def test_a_faster_tempo_divides_the_times_and_the_audio_end_caps_them() -> None:
    # tempo 2: 21 source frames -> 11 output frames (tempo.resampled_frames); frame f sits at f / 2
    spans = phone_spans(len(IDS), [part(DURATIONS, range(8))], [11], 2.0, HOP)
    assert spans.tolist() == [[0, 20], [20, 30], [30, 45], [45, 70], [70, 75], [75, 90], [90, 100], [100, 105]]


def test_a_split_unit_keeps_each_phone_in_place_and_drops_the_cut_mark() -> None:
    left, right = split_at(IDS)
    assert (IDS[left], IDS[right]) == ([17, 75], [13, 50])  # cut at the #0, which neither half reads
    halves = split_ids(IDS)
    assert halves == ([SIL_ID, 17, 75, SIL_ID, EOS_ID], [SIL_ID, 13, 50, SIL_ID, EOS_ID])
    # as BakerVoice._mels labels the halves: their framing counts as the unit's sils and eos or as the cut mark
    parts = [part([3, 2, 3, 1, 1], [0, 1, 2, 3, 3]), part([2, 1, 3, 2, 1], [3, 4, 5, 6, 7])]
    spans = phone_spans(len(IDS), parts, [10, 9], 1.0, HOP)
    assert spans.tolist() == [[0, 30], [30, 50], [50, 80], [80, 120], [120, 130], [130, 160], [160, 180], [180, 190]]
    unlabelled = phone_spans(len(IDS), [part([3, 2], [-1, 1])], [5], 1.0, HOP)
    assert unlabelled.tolist() == [[-1, -1], [30, 50]] + [[-1, -1]] * 6


def test_a_syllable_runs_from_its_first_phone_to_a_tail_past_its_last() -> None:
    spans = phone_spans(len(IDS), [part(DURATIONS, range(8))], [21], 1.0, HOP)
    # ni: phones 40..90, then #0 to 140; hao: 140..180, then sil and eos to 210
    assert syllable_spans(IDS, spans, tail=30).tolist() == [[40, 120], [140, 210]]
    assert syllable_spans(IDS, spans, tail=80).tolist() == [[40, 140], [140, 210]]  # not past the next syllable
    assert syllable_spans(IDS, spans, tail=0).tolist() == [[40, 90], [140, 180]]


def test_syllables_around_a_cut_mark_end_at_their_own_audio() -> None:
    parts = [part([3, 2, 3, 1, 1], [0, 1, 2, 3, 3]), part([2, 1, 3, 2, 1], [3, 4, 5, 6, 7])]
    spans = phone_spans(len(IDS), parts, [10, 9], 1.0, HOP)
    assert syllable_spans(IDS, spans, tail=5).tolist() == [[30, 85], [120, 165]]
    assert syllable_spans(IDS, spans, tail=50).tolist() == [[30, 120], [120, 190]]
