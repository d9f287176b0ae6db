"""Dynamic batching: the generic batcher, and FastSpeech2's stages batched across requests (tiny voice)."""
from __future__ import annotations

import gc
import subprocess
import sys
import threading
import time
import weakref

import pytest
import torch

from concurrently import run_concurrently
from yuyin import Synthesizer
from yuyin.engine.baker_voice import variance_masks
from yuyin.engine.batched_acoustic import BatchedAcoustic
from yuyin.engine.batching import BatchQueueFull, DynamicBatcher, length_bucket
from yuyin.engine.onnx_acoustic import TorchAcoustic
from yuyin.models.fastspeech2 import ProsodyControls


def test_length_buckets_are_half_octaves() -> None:
    assert [length_bucket(n) for n in (1, 2, 3, 4, 5, 6, 8, 11, 12, 16)] == [0, 2, 3, 4, 4, 5, 6, 6, 7, 8]


def test_concurrent_calls_are_batched_by_bucket_and_each_caller_gets_its_result() -> None:
    batches: list[list[int]] = []

    def run(items: list[int]) -> list[int]:
        batches.append(items)
        return [item * 10 for item in items]

    batcher = DynamicBatcher(run, bucket=lambda item: length_bucket(item), max_batch_size=4, max_wait_ms=200)
    items = [100, 101, 102, 103, 7]  # four of one bucket, one far shorter
    assert run_concurrently(batcher.call, items) == [1000, 1010, 1020, 1030, 70]
    assert sorted(map(sorted, batches)) == [[7], [100, 101, 102, 103]]


def test_a_lone_call_does_not_wait_and_errors_reach_every_caller_of_the_batch() -> None:
    def run(items: list[int]) -> list[int]:
        if -1 in items:
            raise ValueError("bad item")
        return items

    batcher = DynamicBatcher(run, bucket=lambda item: 8, max_batch_size=8, max_wait_ms=0)
    started = time.perf_counter()
    assert batcher.call(3) == 3
    assert time.perf_counter() - started < 0.5
    slow = DynamicBatcher(run, bucket=lambda item: 8, max_batch_size=2, max_wait_ms=300)
    results = run_concurrently(slow.call, [-1, 5])
    assert all(isinstance(result, ValueError) for result in results)
    assert slow.call(6) == 6  # the worker survived the failed batch


class Model:
    """Stands for the weights a batcher's run_batch reaches."""

    def run(self, items: list[int]) -> list[int]:
        return [item + 1 for item in items]


def test_an_idle_worker_ends_and_lets_its_models_go() -> None:
    model = Model()
    batcher = DynamicBatcher(model.run, bucket=lambda item: 1, idle_exit_s=0.05)
    assert batcher.call(1) == 2
    worker = batcher._thread
    assert worker is not None
    worker.join(5)  # ends on its own once idle
    assert not worker.is_alive() and batcher._thread is None
    assert batcher.call(2) == 3  # the next call starts another
    batcher._thread.join(5)
    gone = weakref.ref(model)
    del model, batcher, worker
    gc.collect()
    assert gone() is None


def test_close_ends_the_worker_and_refuses_later_calls() -> None:
    batcher = DynamicBatcher(Model().run, bucket=lambda item: 1, idle_exit_s=60)
    assert batcher.call(1) == 2
    worker = batcher._thread
    batcher.close()
    assert not worker.is_alive()
    with pytest.raises(RuntimeError, match="closed"):
        batcher.call(2)


def test_at_exit_every_worker_ends_even_one_whose_batcher_nobody_holds() -> None:
    """The worker of a dropped batcher holds it (and its models) until it ends; at exit it must
    end before the interpreter finalises (see batching._stop_workers). In a child process: the
    exit hook closes every batcher of the process."""
    script = """
import gc
from yuyin.engine.batching import DynamicBatcher, _stop_workers
batcher = DynamicBatcher(lambda items: [i + 1 for i in items], bucket=lambda item: 1, idle_exit_s=60)
assert batcher.call(1) == 2
worker = batcher._thread
del batcher
gc.collect()
assert worker.is_alive()
_stop_workers()
assert not worker.is_alive()
print("ended")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == "ended\n", done.stderr


def test_a_full_queue_refuses_at_once() -> None:
    release = threading.Event()

    def run(items: list[int]) -> list[int]:
        release.wait(5)
        return items

    batcher = DynamicBatcher(run, bucket=lambda item: 1, max_batch_size=1, max_pending=1)
    first = threading.Thread(target=batcher.call, args=(1,))
    first.start()
    while not batcher.batch_sizes:  # the worker holds the first call
        time.sleep(0.001)
    second = threading.Thread(target=batcher.call, args=(2,))
    second.start()
    while len(batcher._pending) < 1:
        time.sleep(0.001)
    with pytest.raises(BatchQueueFull, match="already waiting"):
        batcher.call(3)
    release.set()
    first.join(5)
    second.join(5)


@pytest.mark.parametrize("backend", ["torch", "onnx", "openvino"])
def test_padded_batch_equals_batch_of_one(tiny_pack, backend: str) -> None:
    """Tolerance: durations identical; mels within 1e-4 (float32)."""
    voice = Synthesizer.load(tiny_pack, device="cpu", backend=backend, dtype="fp32", warm_up=False)._voice
    stages = voice.exported_acoustic or TorchAcoustic(voice.acoustic)
    batched = BatchedAcoustic(stages, max_batch_size=8, max_wait_ms=300)
    # Lengths within one bucket (half an octave), but not equal: phones and frames are padded.
    texts = ["我们一起去散步吧。", "我们去公园散步吧。", "我们去公园走走。"]
    ids = [torch.tensor([next(iter(voice.analyze(text))).ids]) for text in texts]
    controls = [
        ProsodyControls(),
        ProsodyControls(duration_scale=0.9, f0_scale=1.3, f0_shift=0.5, energy_scale=1.2),
        ProsodyControls(duration_scale=torch.linspace(0.9, 1.1, ids[2].shape[1])[None],
                        f0_shift=torch.linspace(-1, 1, ids[2].shape[1])[None]),
    ]  # fmt: skip
    seeds = [None, 5, 9]

    def one(stage, i):
        with torch.inference_mode():
            durations, hidden, f0, energy = stage.variance(ids[i], controls[i])
            keep = voice.acoustic.variance_keep_masks(f0, variance_masks(seeds[i]))
            return durations, stage.mel(hidden, f0, energy, keep, durations)

    alone = [one(stages, i) for i in range(3)]
    together = run_concurrently(lambda i: one(batched, i), [0, 1, 2])
    assert batched._variance.batch_sizes == [3] and max(batched._mel.batch_sizes) > 1
    assert len({mel.shape[1] for _, mel in alone}) > 1 and len({i.shape[1] for i in ids}) > 1
    for (durations, mel), (want_durations, want_mel) in zip(together, alone):
        assert torch.equal(durations, want_durations)
        assert mel.shape == want_mel.shape
        assert float((mel - want_mel).abs().max()) <= 1e-4
