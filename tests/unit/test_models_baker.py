"""FastSpeech2 and MB-MelGAN with random weights: shapes, masking, and equivalences."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from yuyin.engine.baker_voice import EOS_ID, SIL_ID, split_ids
from yuyin.models.fastspeech2 import (
    MAX_F0_SHIFT,
    FastSpeech2,
    FastSpeech2Config,
    ProsodyControls,
    fake_quantize_int8,
    length_regulate,
)
from yuyin.models.mb_melgan import MBMelGAN, MBMelGANConfig, PQMFSynthesis, Upsample, pqmf_synthesis_filters

TINY = FastSpeech2Config(hidden_size=32, num_heads=2, head_size=8, intermediate_size=64, predictor_filters=32,
                         postnet_filters=32)  # fmt: skip


@pytest.fixture(scope="module")
def acoustic() -> FastSpeech2:
    torch.manual_seed(1)
    model = FastSpeech2(TINY).eval()
    with torch.no_grad():
        model.duration_predictor.proj.bias.fill_(1.6)
        model.position_table[1:].normal_(0, 0.1)
    return model


@pytest.fixture(scope="module")
def vocoder() -> MBMelGAN:
    torch.manual_seed(2)
    return MBMelGAN(MBMelGANConfig(filters=32)).eval()


def test_fastspeech2_shapes(acoustic: FastSpeech2) -> None:
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 1, 218]])
    with torch.no_grad():
        out = acoustic(ids)
    frames = int(out.durations.sum())
    assert frames > 0
    assert out.mel_after.shape == (1, frames, 80)
    assert out.mel_before.shape == (1, frames, 80)
    assert out.durations.shape == out.f0.shape == out.energy.shape == (1, 8)
    assert out.mel_lengths.tolist() == [frames]


def test_padded_batch_equals_single_items(acoustic: FastSpeech2) -> None:
    a = [1, 8, 56, 2, 23, 116, 2, 6, 184, 1, 218]
    b = [1, 14, 118, 1, 218]
    batch = torch.tensor([a, b + [0] * (len(a) - len(b))])
    with torch.no_grad():
        together = acoustic(batch)
        alone = [acoustic(torch.tensor([ids])) for ids in (a, b)]
    for i, single in enumerate(alone):
        n = int(single.mel_lengths[0])
        assert int(together.mel_lengths[i]) == n
        assert torch.equal(together.durations[i, : len(single.durations[0])], single.durations[0])
        torch.testing.assert_close(together.mel_after[i, :n], single.mel_after[0], atol=1e-4, rtol=1e-4)


def test_duration_scale_and_forced_durations(acoustic: FastSpeech2) -> None:
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 1, 218]])
    with torch.no_grad():
        normal = acoustic(ids)
        slow = acoustic(ids, ProsodyControls(duration_scale=2.0))
        forced = acoustic(ids, durations=torch.full((1, 8), 3))
    assert int(slow.mel_lengths[0]) > int(normal.mel_lengths[0])
    assert forced.mel_after.shape[1] == 24


def test_fast_speech_keeps_every_phone_the_model_voices(acoustic: FastSpeech2) -> None:
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 1, 218]])
    hidden, mask = acoustic.encode(ids)
    with torch.no_grad():
        normal = acoustic.predict_variance(hidden, mask, ProsodyControls())[0]
        fastest = acoustic.predict_variance(hidden, mask, ProsodyControls(duration_scale=0.25))[0]
    assert torch.equal(fastest >= 1, normal >= 1)  # rounding alone would drop the short ones
    assert int(fastest.sum()) < int(normal.sum())


def test_pitch_controls_move_f0(acoustic: FastSpeech2) -> None:
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 1, 218]])
    with torch.no_grad():
        base = acoustic(ids).f0
        shifted = acoustic(ids, ProsodyControls(f0_scale=0.5, f0_shift=1.0)).f0
    torch.testing.assert_close(shifted, base * 0.5 + 1.0)


def test_f0_shift_is_clamped_to_what_the_decoder_renders(acoustic: FastSpeech2) -> None:
    """A request's shift plus a style's level and contour may add up past MAX_F0_SHIFT; per phone
    the total is clamped (past it the real voice fades out)."""
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 1, 218]])
    shifts = torch.tensor([[0.0, 1.0, 2.5, -1.0, -4.0, 1.5, 0.0, 0.0]])
    with torch.no_grad():
        base = acoustic(ids).f0
        shifted = acoustic(ids, ProsodyControls(f0_shift=shifts)).f0
        far = acoustic(ids, ProsodyControls(f0_shift=9.0)).f0
    clamped = torch.tensor([[0.0, 1.0, MAX_F0_SHIFT, -1.0, -MAX_F0_SHIFT, 1.5, 0.0, 0.0]])
    torch.testing.assert_close(shifted, base + clamped)
    torch.testing.assert_close(far, base + MAX_F0_SHIFT)


def test_seeded_variance_dropout_is_reproducible_and_differs_from_keep_all(acoustic: FastSpeech2) -> None:
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 1, 218]])
    with torch.no_grad():
        first = acoustic(ids, variance_masks=torch.Generator().manual_seed(5)).mel_after
        again = acoustic(ids, variance_masks=torch.Generator().manual_seed(5)).mel_after
        other = acoustic(ids, variance_masks=torch.Generator().manual_seed(6)).mel_after
        keep_all = acoustic(ids).mel_after
    assert torch.equal(first, again)
    assert not torch.equal(first, other)
    assert not torch.equal(first, keep_all)
    with pytest.raises(ValueError, match="variance_masks"):
        acoustic(ids, variance_masks="sometimes")


def test_too_many_ids_raise_clear_error(acoustic: FastSpeech2) -> None:
    with pytest.raises(ValueError, match="2048 positions"):
        acoustic.encode(torch.ones(1, 2049, dtype=torch.long))


def test_fake_quantize_int8_rounds_half_away_and_keeps_zero_rows() -> None:
    x = torch.tensor([[127.0, 0.5, -0.5, 1.5], [0.0, 0.0, 0.0, 0.0]])
    q = fake_quantize_int8(x, dims=(-1,))
    assert q[0].tolist() == [127.0, 1.0, -1.0, 2.0]
    assert q[1].tolist() == [0.0, 0.0, 0.0, 0.0]


def test_length_regulate_repeats_rows_and_pads() -> None:
    hidden = torch.arange(6, dtype=torch.float32).reshape(2, 3, 1)
    frames, lengths = length_regulate(hidden, torch.tensor([[1, 0, 2], [1, 1, 0]]))
    assert lengths.tolist() == [3, 2]
    assert frames[..., 0].tolist() == [[0.0, 2.0, 2.0], [3.0, 4.0, 0.0]]


def test_length_regulate_skips_leading_zero_durations_and_keeps_one_frame_when_empty() -> None:
    hidden = torch.arange(3, dtype=torch.float32).reshape(1, 3, 1)
    frames, _ = length_regulate(hidden, torch.tensor([[0, 0, 2]]))
    assert frames[..., 0].tolist() == [[2.0, 2.0]]
    frames, lengths = length_regulate(hidden, torch.zeros(1, 3, dtype=torch.long))
    assert lengths.tolist() == [0] and frames.tolist() == [[[0.0]]]


def test_mb_melgan_shapes_and_range(vocoder: MBMelGAN) -> None:
    mel = torch.randn(2, 12, 80)
    with torch.no_grad():
        wave = vocoder(mel)
        sub = vocoder.subbands(mel, round_subbands=True)
    assert wave.shape == (2, 12 * 300)
    assert sub.shape == (2, 4, 12 * 75)
    steps = sub * 128
    assert torch.equal(steps, torch.round(steps))
    assert float(sub.max()) <= 127 / 128


def test_upsample_crops_like_tf_same_padding() -> None:
    up = Upsample(1, 1, scale=3, slope=1.0)  # slope 1: LeakyReLU is the identity
    with torch.no_grad():
        up.conv.weight.zero_()
        up.conv.weight[0, 0, 0] = 1.0  # the first tap copies x[t] to output 3t, before cropping
        up.conv.bias.zero_()
    out = up(torch.tensor([[[1.0, 2.0]]]))
    full = [1.0, 0, 0, 2.0, 0, 0, 0, 0]
    assert out[0, 0].tolist() == full[1:7]


def test_pqmf_filters_match_spec_formula_at_tap_31() -> None:
    filters = pqmf_synthesis_filters(MBMelGANConfig())
    assert filters.shape == (1, 4, 63)
    kaiser_center = float(np.kaiser(63, 9.0)[31])
    for k in range(4):
        expected = 2 * 0.142 * kaiser_center * math.cos(-((-1) ** k) * math.pi / 4)
        assert float(filters[0, k, 31]) == pytest.approx(expected, rel=1e-6)


def textbook_pqmf(subbands: torch.Tensor, filters: torch.Tensor) -> torch.Tensor:
    """The synthesis bank as the spec states it: each band upsampled by S with zeros (times S),
    filtered with its centred filter (zero padding), the bands summed. [B, S, N] -> [B, S * N]."""
    b, s, n = subbands.shape
    upsampled = subbands.new_zeros(b, s, n * s)
    upsampled[..., ::s] = subbands * s
    half = (filters.shape[-1] - 1) // 2
    return torch.nn.functional.conv1d(torch.nn.functional.pad(upsampled, (half, half)), filters).squeeze(1)


@pytest.mark.parametrize("blocks", [1, 2, 7, 8, 9, 40, 3001])
def test_polyphase_pqmf_equals_the_textbook_filter_bank(blocks: int) -> None:
    """Lengths around the filter's reach in blocks (8) included: the edges' zero padding too."""
    pqmf = PQMFSynthesis(MBMelGANConfig()).double()
    subbands = torch.rand(2, 4, blocks, generator=torch.Generator().manual_seed(blocks), dtype=torch.float64) * 2 - 1
    expected = textbook_pqmf(subbands, pqmf.filters)
    merged = pqmf(subbands)
    assert merged.shape == (2, 4 * blocks)
    torch.testing.assert_close(merged, expected, atol=1e-12, rtol=0)


@pytest.mark.parametrize("ids", [
    [SIL_ID, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, SIL_ID, EOS_ID],
    [SIL_ID, 8, 56, 23, 116, 6, 184, 7, 65, SIL_ID, EOS_ID],
])  # fmt: skip
def test_split_ids_gives_two_valid_sequences(ids: list[int]) -> None:
    left, right = split_ids(ids)
    for half in (left, right):
        assert half[0] == SIL_ID and half[-2:] == [SIL_ID, EOS_ID]
        assert len(half) < len(ids)
    body = [i for i in ids[1:-2] if i not in (2,)]
    joined = [i for i in left[1:-2] + right[1:-2] if i not in (2,)]
    assert joined == body


@pytest.mark.parametrize("frames", [1, 2, 9, 10])
def test_mb_melgan_handles_very_short_mels(vocoder: MBMelGAN, frames: int) -> None:
    with torch.no_grad():
        wave = vocoder(torch.randn(1, frames, 80))
    assert wave.shape == (1, frames * 300)
    assert torch.isfinite(wave).all()
