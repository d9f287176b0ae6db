"""Vocoding in pieces of fixed lengths: the plan's invariants, and exactness on the tiny voice."""
from __future__ import annotations

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from yuyin import Synthesizer
from yuyin.engine.shape_buckets import octave_buckets
from yuyin.engine.streaming import ChunkPlan, Window
from yuyin.engine.vocoder_pieces import Piece, check_buckets, padded_mel, plan_pieces, vocode_in_pieces

BUCKETS = (56, 64, 80, 96, 112, 128, 160, 192, 224, 256)
CONTEXT = 24


def test_a_short_or_bucket_length_mel_is_one_piece_and_an_exact_end_gets_an_unpadded_tail() -> None:
    assert plan_pieces(50, BUCKETS, CONTEXT) == [Piece(Window(0, 50, 0, 50), 50)]  # too short: its own length
    assert plan_pieces(50, BUCKETS, CONTEXT, exact_end=False) == [Piece(Window(0, 50, 0, 50), 56)]
    assert plan_pieces(96, BUCKETS, CONTEXT) == [Piece(Window(0, 96, 0, 96), 96)]
    assert plan_pieces(100, BUCKETS, CONTEXT, exact_end=False) == [Piece(Window(0, 100, 0, 100), 112)]
    # 100 frames with an exact end: a padded head keeps [0, 68), an exact 56-frame tail the rest.
    assert plan_pieces(100, BUCKETS, CONTEXT) == [Piece(Window(0, 92, 0, 68), 96), Piece(Window(44, 100, 68, 100), 56)]
    # 240 frames: an unpadded 64-frame head and a 224-frame tail run 288 frames; a padded head
    # (232 frames in a 256 bucket) and a 56-frame tail would run 312.
    assert plan_pieces(240, BUCKETS, CONTEXT) == [Piece(Window(0, 64, 0, 40), 64), Piece(Window(16, 240, 40, 240), 224)]


@given(frames=st.integers(1, 1200), exact_end=st.booleans())
def test_pieces_tile_the_mel_with_context_at_every_inner_edge(frames: int, exact_end: bool) -> None:
    pieces = plan_pieces(frames, BUCKETS, CONTEXT, exact_end)
    kept = [(p.window.keep_start, p.window.keep_stop) for p in pieces]
    assert kept[0][0] == 0 and kept[-1][1] == frames
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(kept, kept[1:]))
    for piece in pieces:
        w = piece.window
        assert 0 <= w.start <= w.keep_start < w.keep_stop <= w.stop <= frames
        assert piece.frames >= w.stop - w.start
        assert piece.frames in BUCKETS or (piece.frames == frames < BUCKETS[0] and exact_end)
        assert w.start == 0 or w.keep_start - w.start >= CONTEXT  # left context, unless the true edge
        padded_or_inner = piece.frames > w.stop - w.start or w.stop < frames
        if padded_or_inner and (exact_end or w.stop < frames):
            assert w.stop - w.keep_stop >= CONTEXT  # samples near a padded or inner edge are not kept
    if exact_end and BUCKETS[0] < frames <= BUCKETS[-1] and frames not in BUCKETS:  # never worse than a padded head
        assert sum(p.frames for p in pieces) <= min(b for b in BUCKETS if b >= frames - BUCKETS[0] + 2 * CONTEXT) + BUCKETS[0]


def test_buckets_must_leave_room_for_the_context() -> None:
    check_buckets(BUCKETS, CONTEXT)
    with pytest.raises(ValueError, match="more than 48 frames"):
        check_buckets((48, 128), CONTEXT)
    with pytest.raises(ValueError, match="ascend"):
        check_buckets((160, 80), CONTEXT)


@pytest.mark.parametrize("frames", [3, 49, 56, 57, 60, 80, 81, 100, 257, 700])
def test_joined_pieces_equal_the_whole_pass(tiny_synth: Synthesizer, frames: int) -> None:
    vocoder = tiny_synth._voice.vocoder
    hop, context = vocoder.cfg.hop_size, vocoder.receptive_field_frames + 2
    buckets = tuple(size for size in octave_buckets(32, 256, 4) if size > 2 * context)
    mel = torch.randn(1, frames, vocoder.cfg.n_mels, generator=torch.Generator().manual_seed(frames))
    with torch.inference_mode():
        whole = vocoder(mel)
        exact = vocode_in_pieces(mel, plan_pieces(frames, buckets, context), hop, vocoder)
        inexact = vocode_in_pieces(mel, plan_pieces(frames, buckets, context, exact_end=False), hop, vocoder)
    assert exact.shape == inexact.shape == whole.shape
    torch.testing.assert_close(exact, whole, atol=1e-5, rtol=0)
    keep = max(0, frames - vocoder.receptive_field_frames) * hop  # all but the padded end
    torch.testing.assert_close(inexact[:, :keep], whole[:, :keep], atol=1e-5, rtol=0)



@pytest.mark.parametrize("frames", [70, 257, 400])
def test_a_stream_of_filled_windows_in_pieces_equals_the_whole_pass(tiny_synth: Synthesizer, frames: int) -> None:
    vocoder = tiny_synth._voice.vocoder
    hop, context = vocoder.cfg.hop_size, vocoder.receptive_field_frames + 2
    buckets = tuple(size for size in octave_buckets(32, 256, 4) if size > 2 * context)
    plan = ChunkPlan(8, context, max_frames=64, run_lengths=buckets)
    mel = torch.randn(1, frames, vocoder.cfg.n_mels, generator=torch.Generator().manual_seed(frames))
    parts = []
    with torch.inference_mode():
        whole = vocoder(mel)
        for w in plan.windows(frames):
            pieces = plan_pieces(w.stop - w.start, buckets, context, exact_end=w.stop == frames)
            wave = vocode_in_pieces(mel[:, w.start : w.stop], pieces, hop, vocoder)
            parts.append(wave[:, (w.keep_start - w.start) * hop : (w.keep_stop - w.start) * hop])
    torch.testing.assert_close(torch.cat(parts, dim=1), whole, atol=1e-5, rtol=0)


def test_a_piece_is_a_new_tensor_with_standard_strides_even_unpadded() -> None:
    """A compiled graph guards on every stride: a slice of a longer mel keeps the batch stride of
    the whole (contiguous() does not change it), which recompiled the vocoder for a request."""
    mel = torch.randn(1, 94, 80)
    for frames in (80, 96):  # unpadded, padded
        part = padded_mel(mel, Piece(Window(10, 90, 10, 90), frames))
        assert part.stride() == (frames * 80, 80, 1)
    torch.testing.assert_close(padded_mel(mel, Piece(Window(10, 90, 10, 90), 80)), mel[:, 10:90])
