"""Padding to a few fixed lengths: the bucket tables and the neutral padding of controls."""
from __future__ import annotations

import pytest
import torch

from yuyin.engine.shape_buckets import bucket, octave_buckets, pad_phones, padded_controls
from yuyin.models.fastspeech2 import ProsodyControls


def test_bucket_is_the_smallest_that_holds_the_size() -> None:
    assert [bucket(n, (16, 32, 64)) for n in (0, 1, 16, 17, 32, 33, 64)] == [16, 16, 16, 32, 32, 64, 64]
    with pytest.raises(ValueError, match="65 exceeds the largest bucket 64"):
        bucket(65, (16, 32, 64))


def test_octave_buckets_step_evenly_inside_each_octave() -> None:
    assert octave_buckets(16, 64, per_octave=2) == (16, 24, 32, 48, 64)
    assert octave_buckets(16, 32, per_octave=8) == (16, 18, 20, 22, 24, 26, 28, 30, 32)
    sizes = octave_buckets(16, 2048, per_octave=8)
    assert all(b / a <= 1 + 1 / 8 for a, b in zip(sizes, sizes[1:]))  # at most 1/8 of a padded size wasted
    with pytest.raises(ValueError, match="powers of two"):
        octave_buckets(12, 64, per_octave=4)


def test_controls_are_broadcast_per_phone_then_padded_with_their_neutral_values() -> None:
    ids = torch.tensor([[1, 5, 9]])
    controls = ProsodyControls(duration_scale=0.5, f0_shift=torch.tensor([[0.1, 0.2, 0.3]]))
    padded = padded_controls(controls, ids, 5)
    assert padded["duration_scale"].tolist() == [[0.5, 0.5, 0.5, 1.0, 1.0]]
    assert padded["f0_shift"][0].tolist() == pytest.approx([0.1, 0.2, 0.3, 0.0, 0.0])
    assert padded["energy_scale"].tolist() == [[1.0] * 5] and padded["energy_shift"].tolist() == [[0.0] * 5]
    assert pad_phones(ids, 5).tolist() == [[1, 5, 9, 0, 0]]
    assert pad_phones(torch.ones(1, 2, 3), 4, 1.0).shape == (1, 4, 3)



def test_every_unit_of_the_baker_front_end_fits_the_phone_buckets_prepared_at_load() -> None:
    from yuyin.engine.onnx_acoustic import SHAPE_BUCKETS, WARM_PHONES
    from yuyin.frontend import BakerFrontend

    texts = ["中" * 500, "W" * 500, "WWW " * 200, "1" * 500, "www." + "abcdefghij" * 50 + ".com",
             "我的iPhone15ProMax价格12999元" * 30, "internationalization " * 50]  # fmt: skip
    longest = max(len(unit.ids) for text in texts for unit in BakerFrontend().analyze(text))
    assert WARM_PHONES in SHAPE_BUCKETS
    assert 512 < longest <= WARM_PHONES  # spelled-out letters: the bucket below would not hold them
