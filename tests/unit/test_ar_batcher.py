"""The autoregressive decode scheduler with a tiny random-weight Tacotron2.

Tolerance: continuous batching (items joining and leaving a running batch, memory padded to the
longest text) changes only float rounding, so every item's frames equal a batch-of-one run
within 1e-5 absolute, with the same stop frame.
"""
from __future__ import annotations

import gc
import threading
import time
import weakref

import pytest
import torch
from torch import nn

from yuyin.engine.ar_batcher import ARBatcher, SchedulerBusy, StopRule, StopTracker
from yuyin.models.tacotron2 import DecoderState, Tacotron2, Tacotron2Config, speaker_vectors

TOL = 1e-5
TINY = Tacotron2Config(
    n_symbols=30, symbols_embedding_dim=16, encoder_n_convolutions=2, encoder_kernel_size=5,
    encoder_embedding_dim=16, speaker_embedding_dim=8, n_mel_channels=10, prenet_dim=12,
    attention_rnn_dim=24, attention_dim=8, attention_location_n_filters=4, attention_location_kernel_size=7,
    decoder_rnn_dim=24, postnet_embedding_dim=12, postnet_kernel_size=5, postnet_n_convolutions=3,
    max_decoder_steps=60, gate_threshold=0.8, max_steps_per_symbol=2.0, max_steps_base=3,
)  # fmt: skip
ITEMS = [[3, 9, 4, 12, 5, 2, 1, 0], [11, 6, 2, 1, 0], [4, 4, 8, 20, 13, 2, 17, 3, 2, 1, 0], [7, 7, 2, 1, 0, 9]]
NO_BOUND = StopRule(max_jump=10**6, dwell_frames=10**6)


def tiny_tacotron(seed: int = 0) -> Tacotron2:
    """Random weights; the gate reads one hidden unit, so items stop at different steps."""
    torch.manual_seed(seed)
    model = Tacotron2(TINY)
    for bn in (m for m in model.modules() if isinstance(m, nn.BatchNorm1d)):
        bn.running_mean.uniform_(-0.3, 0.3)
        bn.running_var.uniform_(0.5, 1.5)
    with torch.no_grad():
        model.decoder.gate_layer.linear_layer.weight.zero_()
        model.decoder.gate_layer.linear_layer.bias.fill_(-20.0)
    return model.eval()


def decode(batcher: ARBatcher, items, speaker: str = "biaobei", seed: int = 7):
    handles = batcher.submit(items, speaker_vectors([speaker])[0], seed)
    for handle in handles:
        handle.wait(10**9, timeout=60)
    return handles


def frames_of(handle) -> torch.Tensor:
    return handle.frames(0, handle.decoded)


@pytest.fixture(scope="module")
def model() -> Tacotron2:
    return tiny_tacotron()


def test_scheduler_equals_tacotron2_infer_without_bound(model):
    """The step loop reproduces Tacotron2.infer (batch of one, per-item generator) exactly."""
    batcher = ARBatcher(model, stop_rule=NO_BOUND)
    handles = decode(batcher, ITEMS)
    for item, handle in zip(ITEMS, handles):
        ref = model.infer(torch.tensor([item]), torch.tensor([len(item)]), speaker_vectors(["biaobei"]),
                          generator=[torch.Generator().manual_seed(7)])  # fmt: skip
        assert handle.decoded == int(ref.mel_lengths[0]) and handle.reason == "limit"
        torch.testing.assert_close(frames_of(handle), ref.mel_decoder[0], atol=TOL, rtol=0)
    batcher.close()


def test_an_idle_worker_ends_and_lets_the_model_go():
    model = tiny_tacotron()
    batcher = ARBatcher(model, stop_rule=NO_BOUND, idle_exit_s=0.05)
    first = frames_of(decode(batcher, ITEMS[:1])[0])
    worker = batcher._thread
    worker.join(5)  # ends on its own once idle
    assert not worker.is_alive() and batcher._thread is None
    torch.testing.assert_close(frames_of(decode(batcher, ITEMS[:1])[0]), first, atol=0, rtol=0)  # a new worker
    batcher._thread.join(5)
    gone = weakref.ref(model)
    del model, batcher, worker
    gc.collect()
    assert gone() is None


def test_items_joining_a_running_batch_equal_batch_of_one(model):
    alone = ARBatcher(model, max_batch_size=1)
    expected = [decode(alone, [item], seed=3 + i)[0] for i, item in enumerate(ITEMS)]
    batcher = ARBatcher(model, max_batch_size=8)
    spk = speaker_vectors(["biaobei"])[0]
    first = batcher.submit([ITEMS[0]], spk, 3)[0]
    first.wait(4)  # the batch is running: the next items join it mid-flight
    handles = [first] + [batcher.submit([item], spk, 3 + i)[0] for i, item in enumerate(ITEMS[1:], 1)]
    for handle in handles:
        handle.wait(10**9, timeout=60)
    assert batcher.max_rows_seen >= 2
    for handle, ref in zip(handles, expected):
        assert (handle.decoded, handle.end, handle.reason) == (ref.decoded, ref.end, ref.reason)
        torch.testing.assert_close(frames_of(handle), frames_of(ref), atol=TOL, rtol=0)
    batcher.close()


def test_concurrent_callers_get_their_own_results(model):
    alone = ARBatcher(model, max_batch_size=1)
    speakers = ["biaobei", "Aiqi", "Xiaogang", "Aiyue"]
    expected = [decode(alone, [item], speaker=spk, seed=11)[0] for item, spk in zip(ITEMS, speakers)]
    batcher = ARBatcher(model, max_batch_size=4, max_wait_ms=20)
    results: dict[int, object] = {}

    def caller(index: int) -> None:
        results[index] = decode(batcher, [ITEMS[index]], speaker=speakers[index], seed=11)[0]

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert batcher.max_rows_seen > 1
    for index, ref in enumerate(expected):
        assert results[index].end == ref.end
        torch.testing.assert_close(frames_of(results[index]), frames_of(ref), atol=TOL, rtol=0)
    batcher.close()


def test_cancel_drops_the_item_and_frees_the_batch(model):
    batcher = ARBatcher(model)
    long = list(range(3, 28)) + [1, 0]  # guard 2 * 27 + 3 = 57 steps
    handle, other = batcher.submit([long, long], speaker_vectors(["biaobei"])[0], 1)
    handle.wait(3)
    handle.cancel()
    handle.wait(10**9, timeout=10)
    assert handle.reason == "cancelled" and handle.decoded < 57
    other.wait(10**9, timeout=30)
    assert other.decoded == 57 and other.reason == "limit"
    deadline = time.monotonic() + 5
    while batcher.active and time.monotonic() < deadline:
        time.sleep(0.01)
    assert batcher.active == 0
    batcher.close()


def test_full_queue_and_bad_ids_are_refused(model):
    batcher = ARBatcher(model, max_pending=2)
    with pytest.raises(SchedulerBusy):
        batcher.submit(ITEMS[:3], speaker_vectors(["biaobei"])[0], 1)
    with pytest.raises(ValueError, match="ids"):
        batcher.submit([[1, 99, 0]], speaker_vectors(["biaobei"])[0], 1)
    with pytest.raises(ValueError, match="ids"):
        batcher.submit([[]], speaker_vectors(["biaobei"])[0], 1)
    batcher.close()
    with pytest.raises(RuntimeError, match="closed"):
        batcher.submit(ITEMS[:1], speaker_vectors(["biaobei"])[0], 1)


def test_stop_tracker_rules():
    rule = StopRule(gate_threshold=0.8, end_region=3, dwell_frames=4)
    # A gate firing before the attention reached the last 3 of 10 ids is ignored.
    tracker = StopTracker(rule, length=10, max_steps=100)
    assert tracker.observe(0.95, 2) is None and tracker.settled == 1
    assert tracker.observe(0.1, 7) is None and tracker.settled == 1  # entered the end region at frame 1
    assert tracker.observe(0.9, 8) == (2, "gate")  # stop frame dropped
    # In the end region without the gate firing: end at the best gate frame after dwell_frames.
    tracker = StopTracker(rule, length=10, max_steps=100)
    decisions = [tracker.observe(g, p) for g, p in [(0.1, 1), (0.2, 7), (0.6, 8), (0.3, 9), (0.2, 9), (0.1, 9)]]
    assert decisions[:5] == [None] * 5 and decisions[5] == (2, "dwell")
    # The length guard: everything if the attention never reached the end.
    tracker = StopTracker(rule, length=10, max_steps=3)
    assert [tracker.observe(0.1, 1) for _ in range(3)] == [None, None, (3, "limit")]


def test_attention_bound_leaves_respecting_rows_untouched(model):
    """Decoder.step with max_position: a row that jumps is re-attended, the others are exact."""
    ids = torch.tensor([ITEMS[2]])
    lengths, speakers = torch.tensor([len(ITEMS[2])]), speaker_vectors(["biaobei"])
    free = model.start(ids, lengths, speakers)
    bounded = model.start(ids, lengths, speakers)
    bounded.max_position = torch.tensor([100.0])
    with torch.no_grad():
        for _ in range(5):
            model.decoder.step(free, None)
            model.decoder.step(bounded, None)
    assert torch.equal(free.weights, bounded.weights)
    tight = model.start(ids, lengths, speakers)
    tight.max_position = torch.tensor([0.0])
    with torch.no_grad():
        model.decoder.step(tight, None)
    assert int(tight.weights.argmax()) == 0 and float(tight.weights[0, 1:].sum()) == 0.0


def test_decoder_state_concat_and_compact(model):
    short, long = ITEMS[1], ITEMS[2]
    a = model.start(torch.tensor([short]), torch.tensor([len(short)]), speaker_vectors(["Aiqi"]))
    b = model.start(torch.tensor([long]), torch.tensor([len(long)]), speaker_vectors(["Aiqi"]))
    merged = DecoderState.concat([a, b])
    assert merged.memory.shape[:2] == (2, len(long)) and merged.pad_mask[0].tolist() == [False] * 5 + [True] * 6
    assert torch.equal(merged.memory[0, :5], a.memory[0]) and bool((merged.memory[0, 5:] == 0).all())
    only_short = merged.select(torch.tensor([True, False])).compact()
    assert only_short.memory.shape[1] == len(short) and only_short.pad_mask is None
