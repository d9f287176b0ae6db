"""Chunk plans and seam-free chunked vocoding (tiny random-weight voice)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yuyin.config import SynthesisOptions
from yuyin.engine.streaming import ChunkPlan, StreamPace, Window

TEXT = "今天天气真好，我们一起去公园散步吧。"


@pytest.mark.parametrize("total", [1, 7, 8, 100, 1000])
@pytest.mark.parametrize("first", [1, 8, 50])
def test_windows_tile_the_mel_exactly(total: int, first: int) -> None:
    windows = list(ChunkPlan(first, context_frames=5, max_frames=4 * first).windows(total))
    assert_tiles_with_context(windows, total, 5)
    for w in windows:
        assert w.keep_start - w.start == min(5, w.keep_start)  # no run lengths: exactly the context
        assert w.keep_stop - w.keep_start <= 4 * first


def assert_tiles_with_context(windows: list[Window], total: int, context: int) -> None:
    """The kept ranges cover [0, total) in order, each window with at least context frames on
    its left and exactly context (or the mel's end) on its right."""
    assert windows[0].keep_start == 0 and windows[-1].keep_stop == total
    for before, after in zip(windows, windows[1:]):
        assert before.keep_stop == after.keep_start
    for w in windows:
        assert 0 <= w.start <= w.keep_start < w.keep_stop <= w.stop <= total
        assert w.keep_start - w.start >= min(context, w.keep_start)
        assert w.stop - w.keep_stop == min(context, total - w.keep_stop)


def test_windows_grow_geometrically_up_to_the_ceiling() -> None:
    sizes = [w.keep_stop - w.keep_start for w in ChunkPlan(4, 0, max_frames=16).windows(100)]
    assert sizes[:4] == [4, 8, 16, 16]


RUN_LENGTHS = (56, 64, 80, 96, 112, 128, 160, 192, 224, 256)


def test_windows_fill_their_run_lengths_and_the_last_reaches_back_to_one() -> None:
    plan = ChunkPlan(32, context_frames=24, max_frames=256, run_lengths=RUN_LENGTHS)
    windows = [(w.start, w.stop, w.keep_start, w.keep_stop) for w in plan.windows(400)]
    # 32 + 24 and 64 + 48 frames are run lengths; 128 + 48 = 176 runs at 192, so it keeps 16
    # more; the last 160 frames + 24 of context would be padded to 192: it starts 8 frames earlier.
    assert windows == [(0, 56, 0, 32), (8, 120, 32, 96), (72, 264, 96, 240), (208, 400, 240, 400)]
    assert [(w.start, w.stop) for w in plan.windows(30)] == [(0, 30)]  # shorter than any run length
    assert [(w.start, w.stop, w.keep_start) for w in plan.windows(70)][-1] == (6, 70, 32)  # 62 -> 64


@given(total=st.integers(1, 2000), first=st.integers(1, 300), context=st.integers(0, 24))
def test_filled_windows_still_tile_the_mel_with_their_context(total: int, first: int, context: int) -> None:
    windows = list(ChunkPlan(first, context, max_frames=8 * first, run_lengths=RUN_LENGTHS).windows(total))
    assert_tiles_with_context(windows, total, context)
    for w in windows[:-1]:  # inner windows are never padded past a run length they could have filled
        length = w.stop - w.start
        assert length > RUN_LENGTHS[-1] or length in RUN_LENGTHS or w.stop == total


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


FRAME_SECONDS = 0.01  # audio per mel frame in the paced plans below


def consume(plan: ChunkPlan, total: int, clock: Clock, cost_per_frame: float | list[float]) -> list[Window]:
    """Stream a mel of total frames as a synthesizer does: each window takes its run frames x
    the cost (one value, or one per window) on the clock, then its audio is handed out."""
    assert plan.pace is not None
    windows = []
    for index, window in enumerate(plan.windows(total)):
        cost = cost_per_frame if isinstance(cost_per_frame, float) else cost_per_frame[index]
        clock.now += (window.stop - window.start) * cost
        plan.pace.heard((window.keep_stop - window.keep_start) * FRAME_SECONDS)
        windows.append(window)
    return windows


def paced_plan(clock: Clock, context: int = 0, run_lengths: tuple[int, ...] = ()) -> ChunkPlan:
    return ChunkPlan(32, context, max_frames=256, run_lengths=run_lengths, pace=StreamPace(clock))


def kept(windows: list[Window]) -> list[int]:
    return [w.keep_stop - w.keep_start for w in windows]


def test_a_stream_far_ahead_of_its_listener_grows_its_windows_as_far_as_the_pace_affords() -> None:
    clock = Clock()
    # window 1: 32 frames in 0.032 s -> 0.32 s buffered, 0.001 s a frame: 0.5 * 0.32 / 0.001 = 160
    # window 2: 160 frames in 0.16 s -> 1.92 - 0.16 = 1.76 s buffered: 880 frames, the ceiling 256
    assert kept(consume(paced_plan(clock), 1000, clock, 0.001)) == [32, 160, 256, 256, 256, 40]


def test_a_stream_barely_ahead_of_its_listener_still_doubles() -> None:
    clock = Clock()
    windows = consume(paced_plan(clock), 1000, clock, 0.009)  # vocoding at 0.9x real time
    assert kept(windows) == [32, 64, 128, 256, 256, 256, 8]
    unpaced = ChunkPlan(32, 0, max_frames=256).windows(1000)
    assert windows == list(unpaced)


def test_the_pace_carries_over_to_the_next_mel_and_follows_a_slowdown() -> None:
    clock = Clock()
    plan = paced_plan(clock)
    consume(plan, 200, clock, 0.001)  # [32, 160, 8]: 2 s handed out by 0.2 s
    # the next mel opens wide: 1.83 s buffered at 0.001 s a frame affords the ceiling
    assert kept(consume(plan, 600, clock, [0.001, 0.02, 0.02])) == [256, 256, 88]
    # its last windows ran at 2x real time: 8 s handed out by 7.34 s leaves 0.7 s buffered,
    # 0.5 * 0.7 / 0.02 = 17 frames, so the mel after opens at the plan's first size again
    assert plan.pace.affordable_frames() == 17
    assert kept(consume(plan, 100, clock, 0.001))[0] == 32


def test_pace_affords_nothing_before_audio_or_a_measurement() -> None:
    clock = Clock()
    pace = StreamPace(clock)
    assert pace.affordable_frames() == 0
    pace.heard(1.0)
    assert pace.affordable_frames() == 0  # no window measured yet
    pace.ran(100, 0.1)
    assert pace.affordable_frames() == 500  # 0.5 * 1.0 s / 0.001 s a frame
    clock.now = 1.5  # the listener ran dry
    assert pace.affordable_frames() == 0


@given(total=st.integers(1, 2000), context=st.integers(0, 24),
       costs=st.lists(st.floats(0.0, 0.05), min_size=1, max_size=8))  # fmt: skip
def test_paced_windows_still_tile_the_mel_with_their_context(total: int, context: int, costs: list[float]) -> None:
    clock = Clock()
    plan = paced_plan(clock, context, RUN_LENGTHS)
    windows = consume(plan, total, clock, [costs[i % len(costs)] for i in range(total)])
    assert_tiles_with_context(windows, total, context)
    sizes = kept(windows)
    for before, after in zip(sizes, sizes[1:-1]):  # never shrinking, at most the ceiling past the run lengths
        assert after >= before or after >= 256


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


def _windows(lengths: list[int], hop: int) -> list[int]:
    """Frames of each vocoder window of a sentence whose chunks are lengths samples long: the
    peak limiter holds the last DELAY_BLOCKS blocks of each window back until the next."""
    from yuyin.engine.limiter import BLOCK_SECONDS, DELAY_BLOCKS

    held = DELAY_BLOCKS * round(BLOCK_SECONDS * 24000)
    ends = [int(end) + held for end in np.cumsum(lengths)[:-1]] + [sum(lengths)]
    return [(stop - start) // hop for start, stop in zip([0] + ends[:-1], ends)]


@pytest.mark.parametrize("ssml", [False, True], ids=["text", "ssml"])
def test_the_synthesizer_paces_each_stream_across_its_sentences(tiny_synth, monkeypatch, ssml: bool) -> None:
    """With vocoding free (a clock that never moves), a stream's windows after its first are as
    long as its plan allows, the next sentence's first one too (an SSML document's next segment
    too); unpaced they double from 4."""
    import yuyin.engine.synthesizer as synthesizer

    monkeypatch.setattr(synthesizer, "StreamPace", lambda: StreamPace(clock=lambda: 0.0))
    hop = tiny_synth.voice.hop_size
    if ssml:
        document = '<speak>今天天气真好。<break time="300ms"/><prosody rate="fast">我们一起去公园散步吧。</prosody></speak>'
        chunks = list(tiny_synth.synthesize_ssml(document, chunk_frames=4))
    else:
        chunks = list(tiny_synth.synthesize("今天天气真好。我们一起去公园散步吧。", chunk_frames=4))
    first, second = (_windows([len(c.samples) for c in chunks if c.sentence_index == sentence and not c.is_silence], hop)
                     for sentence in (0, 1))  # fmt: skip
    assert first[0] == 4 and all(n == 32 for n in first[1:-1]) and second[0] == min(32, sum(second))
    assert len(first) > 2 and len(second) > 1
