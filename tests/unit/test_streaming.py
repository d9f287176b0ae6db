"""Chunk plans and seam-free chunked vocoding (tiny random-weight voice)."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin.config import SynthesisOptions
from yuyin.engine.streaming import ChunkPlan

TEXT = "今天天气真好，我们一起去公园散步吧。"


@pytest.mark.parametrize("total", [1, 7, 8, 100, 1000])
@pytest.mark.parametrize("first", [1, 8, 50])
def test_windows_tile_the_mel_exactly(total: int, first: int) -> None:
    plan = ChunkPlan(first, context_frames=5, max_frames=4 * first)
    windows = list(plan.windows(total))
    assert windows[0].keep_start == 0 and windows[-1].keep_stop == total
    for before, after in zip(windows, windows[1:]):
        assert before.keep_stop == after.keep_start
    for w in windows:
        assert 0 <= w.start <= w.keep_start < w.keep_stop <= w.stop <= total
        assert w.keep_start - w.start == min(5, w.keep_start)
        assert w.stop - w.keep_stop == min(5, total - w.keep_stop)
        assert w.keep_stop - w.keep_start <= 4 * first


def test_windows_grow_geometrically_up_to_the_ceiling() -> None:
    sizes = [w.keep_stop - w.keep_start for w in ChunkPlan(4, 0, max_frames=16).windows(100)]
    assert sizes[:4] == [4, 8, 16, 16]


def test_invalid_plans_are_rejected() -> None:
    with pytest.raises(ValueError):
        ChunkPlan(0, 5)
    with pytest.raises(ValueError):
        ChunkPlan(4, -1)


@pytest.mark.parametrize("chunk_frames", [1, 5, 16, 64])
def test_streamed_audio_equals_whole_audio(tiny_synth, chunk_frames: int) -> None:
    options = SynthesisOptions(speed=1.3, pitch=0.8, volume=0.7)
    whole = [c.samples for c in tiny_synth.synthesize(TEXT, options)]
    streamed = list(tiny_synth.synthesize(TEXT, options, chunk_frames=chunk_frames))
    assert len(streamed) >= len(whole)
    joined = np.concatenate([c.samples for c in streamed])
    np.testing.assert_allclose(joined, np.concatenate(whole), atol=1e-5)
    first = streamed[0]
    assert len(first.samples) <= chunk_frames * tiny_synth.voice.hop_size
    assert first.text and first.sentence_index == 0
