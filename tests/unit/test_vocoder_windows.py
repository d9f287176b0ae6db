"""Windowed vocoding: a long mel cut into one window per thread equals the whole pass; the OpenVINO
vocoder runs bucket lengths only (tiny voice)."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Iterator

import numpy as np
import pytest
import torch

from yuyin import Synthesizer
from yuyin.engine.openvino_session import openvino_has_bf16
from yuyin.engine.streaming import split_windows
from yuyin.engine.vocoder_pieces import plan_pieces


def test_split_windows_cover_the_mel_once_with_context() -> None:
    windows = split_windows(130, 3, 10)
    assert [(w.keep_start, w.keep_stop) for w in windows] == [(0, 43), (43, 87), (87, 130)]
    assert [(w.start, w.stop) for w in windows] == [(0, 53), (33, 97), (77, 130)]
    assert [(w.keep_start, w.keep_stop) for w in split_windows(2, 3, 4)] == [(0, 1), (1, 2)]


def _exported(tiny_pack, backend: str):
    voice = Synthesizer.load(tiny_pack, device="cpu", backend=backend, threads=2, warm_up=False)._voice
    return voice, voice._onnx_vocoder


@pytest.fixture(scope="module")
def vocoder(tiny_pack):
    return _exported(tiny_pack, "onnx")


@contextmanager
def recording(vocoder, session: str) -> Iterator[list[int]]:
    """The frame counts of the runs of the vocoder's session ("_wide" or "_narrow") inside the block."""
    calls: list[int] = []
    original = getattr(vocoder, session)
    setattr(vocoder, session, _Recording(original, calls))
    try:
        yield calls
    finally:
        setattr(vocoder, session, original)


def test_windowed_pass_equals_whole_pass_and_torch(vocoder) -> None:
    voice, onnx = vocoder
    mel = torch.from_numpy(np.random.default_rng(3).normal(size=(1, 300, 80)).astype(np.float32))
    with recording(onnx, "_narrow") as calls:
        windowed = onnx(mel)
    assert calls == [300 // 2 + onnx.context] * 2  # two windows, each half the mel plus its context
    whole = onnx._wide.run(None, {"mel": mel.numpy()})[0][0]
    with torch.inference_mode():
        eager = voice.vocoder(mel)[0].numpy()
    assert windowed.shape == whole.shape == eager.shape == (300 * onnx.hop,)
    np.testing.assert_allclose(windowed, whole, atol=1e-5)
    np.testing.assert_allclose(windowed, eager, atol=1e-4)


def test_overlapping_calls_run_whole_at_one_thread_and_agree(vocoder) -> None:
    _, onnx = vocoder
    mels = [torch.from_numpy(np.random.default_rng(s).normal(size=(1, 200, 80)).astype(np.float32)) for s in range(4)]
    alone = [onnx(mel) for mel in mels]
    results: dict[int, np.ndarray] = {}
    barrier = threading.Barrier(len(mels))

    def work(i: int) -> None:
        barrier.wait()
        results[i] = onnx(mels[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(mels))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, expected in enumerate(alone):
        np.testing.assert_allclose(results[i], expected, atol=1e-5)
    with onnx._calls.claim() as alone:
        assert alone  # every call counted out again


class _Recording:
    """Wraps a session, recording the frame count of each run."""

    def __init__(self, session, calls: list[int]):
        self.session, self.calls = session, calls

    def run(self, names, feeds):
        self.calls.append(feeds["mel"].shape[1])
        return self.session.run(names, feeds)


@pytest.fixture(scope="module")
def mixed_bf16(tiny_pack):
    return _exported(tiny_pack, "openvino")


def test_the_openvino_vocoder_runs_bucket_lengths_only_and_keeps_the_float32_input_conv(mixed_bf16) -> None:
    voice, vocoder = mixed_bf16
    if not openvino_has_bf16():  # the openvino backend keeps the float32 onnxruntime vocoder there
        assert vocoder.buckets is None
        return
    mel = torch.from_numpy(np.random.default_rng(5).normal(size=(1, 300, 80)).astype(np.float32))
    with recording(vocoder, "_wide") as calls:
        whole, inexact = vocoder(mel), vocoder(mel, exact_end=False)
    assert calls == [96, 256, 320]  # an unpadded 96-frame head and an exact 256-frame tail; one padded pass when inexact
    with torch.inference_mode():
        eager = voice.vocoder(mel)[0].numpy()
    assert whole.shape == inexact.shape == eager.shape
    keep = (300 - voice.vocoder.receptive_field_frames) * vocoder.hop
    np.testing.assert_allclose(inexact[:keep], whole[:keep], atol=1e-3)
    assert np.linalg.norm(whole - eager) / np.linalg.norm(eager) < 0.05  # bf16 body, float32 input conv and PQMF
    precisions = [str(part._latency._compiled.get_property("INFERENCE_PRECISION_HINT")).split("'")[1]
                  for part in vocoder._wide.sessions]
    assert precisions == ["float32", "bfloat16", "float32"]  # input conv, body, PQMF


def test_overlapping_calls_share_the_one_openvino_session_and_get_their_own_audio(mixed_bf16) -> None:
    _, vocoder = mixed_bf16
    if vocoder.buckets is None:
        return  # no native bf16 here: the onnxruntime vocoder, covered above
    mels = [torch.from_numpy(np.random.default_rng(seed).normal(size=(1, 90 + 40 * seed, 80)).astype(np.float32))
            for seed in range(4)]  # fmt: skip
    alone = [vocoder(mel) for mel in mels]
    with recording(vocoder, "_wide") as calls, ThreadPoolExecutor(4) as pool:
        together = list(pool.map(vocoder, mels * 3))
    assert len(calls) == 3 * sum(len(plan_pieces(m.shape[1], vocoder.buckets, vocoder.context)) for m in mels)
    for index, wave in enumerate(together):
        np.testing.assert_allclose(wave, alone[index % 4], atol=1e-6)
