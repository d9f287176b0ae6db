"""Tempo by resampling a mel's time axis (engine.tempo): exact frame counts and interpolation."""
from __future__ import annotations

import pytest
import torch

from yuyin.engine.tempo import faster_mel, interpolate_frames, level_gain, resampled_frames, source_stop


@pytest.mark.parametrize(("frames", "speed", "expected"), [(0, 2.0, 0), (1, 3.0, 1), (10, 1.0, 10), (10, 2.0, 5),
                                                           (11, 2.0, 6), (10, 0.5, 19), (7, 1.5, 5)])  # fmt: skip
def test_resampled_frames_ends_on_or_before_the_last_source_frame(frames, speed, expected):
    assert resampled_frames(frames, speed) == expected
    if expected:
        assert (expected - 1) * speed <= frames - 1


def test_source_stop_covers_the_frames_interpolated_from():
    assert source_stop(5, 1.0) == 5
    assert source_stop(5, 2.0) == 10  # output frame 4 sits on source 8 and reads 8 and 9
    assert source_stop(3, 1.5) == 5  # output frame 2 sits on source 3.0


def test_interpolation_is_linear_between_neighbouring_frames():
    source = torch.arange(8, dtype=torch.float32).repeat(2, 1) * torch.tensor([[1.0], [10.0]])  # [M=2, 8]
    reads = []

    def read(first: int, last: int) -> torch.Tensor:
        reads.append((first, last))
        return source[:, first:last]

    out = interpolate_frames(read, 1, 4, 1.5, kept=8)  # positions 1.5, 3.0, 4.5
    torch.testing.assert_close(out, torch.tensor([[1.5, 3.0, 4.5], [15.0, 30.0, 45.0]]))
    assert reads == [(1, 6)]


def test_interpolation_never_reads_past_the_kept_frames():
    source = torch.tensor([[0.0, 2.0, 4.0]])
    out = interpolate_frames(lambda a, b: source[:, a:b], 0, 3, 1.0 + 1e-9, kept=3)
    torch.testing.assert_close(out, source)


def test_faster_mel_resamples_every_item_and_keeps_the_layout():
    mel = torch.stack([torch.arange(10.0)[:, None].repeat(1, 3), -torch.arange(10.0)[:, None].repeat(1, 3)])  # [2, 10, 3]
    fast = faster_mel(mel, 2.0)
    assert fast.shape == (2, 5, 3) and fast.is_contiguous()
    torch.testing.assert_close(fast[0, :, 0], torch.tensor([0.0, 2.0, 4.0, 6.0, 8.0]))
    torch.testing.assert_close(fast[1, :, 2], -torch.tensor([0.0, 2.0, 4.0, 6.0, 8.0]))
    assert faster_mel(mel, 1.0) is mel


@pytest.mark.parametrize(("speed", "expected_db"), [(1.0, 0.0), (4.0, 6.0), (2.5, 3.0), (3.0, 4.0), (8.0, 6.0), (0.1, 2.0)])
def test_level_gain_undoes_the_measured_change_linearly_and_holds_the_ends(speed, expected_db):
    measured = {4.0: -6.0, 0.5: -2.0, 1.0: 0.0, 2.0: -2.0}  # in any order
    assert level_gain(speed, measured) == pytest.approx(10 ** (expected_db / 20))
