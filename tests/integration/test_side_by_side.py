"""Side-by-side streams with the real baker voice: overlapping requests sound as lone ones do."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from yuyin.engine.openvino_session import CALLS, openvino_has_bf16

pytestmark = pytest.mark.voice

TEXTS = ("今天天气真好，我们一起去公园散步吧！", "会议将于2025年6月18日上午9点在三楼会议室举行。", "请拨打客服电话400-820-8820。")


@pytest.fixture(scope="module")
def side_by_side(baker_dir):
    from yuyin import Synthesizer

    synth = Synthesizer.load(baker_dir, device="cpu", threads=2, side_by_side=True)
    assert synth._voice.backend == "openvino" and synth.side_by_side
    return synth


def _audio(synth, text: str) -> np.ndarray:
    return np.concatenate([chunk.samples for chunk in synth.synthesize(text)])


def _snr_db(reference: np.ndarray, other: np.ndarray) -> float:
    return float(10 * np.log10(np.sum(reference**2) / max(float(np.sum((other - reference) ** 2)), 1e-30)))


def test_an_overlapping_call_differs_from_a_lone_one_by_bf16_rounding_only(side_by_side) -> None:
    """The streams run the same graphs on other kernels: durations (float32) are the same, so the
    audio has the same length, and the bf16 stages round differently (measured >= 41.6 dB SNR
    over 42 sentences, like streamed windows; where bf16 runs natively no sentence came out
    bit-identical, which shows the streams did run)."""
    identical = []
    for text in TEXTS:
        lone = _audio(side_by_side, text)
        with CALLS.claim():  # as if another request were running: every model call takes a stream
            overlapping = _audio(side_by_side, text)
        assert overlapping.shape == lone.shape
        assert _snr_db(lone, overlapping) >= 35, text
        identical.append(np.array_equal(lone, overlapping))
    if openvino_has_bf16():
        assert not all(identical)


def test_concurrent_requests_all_complete_with_their_own_audio(side_by_side) -> None:
    lone = {text: _audio(side_by_side, text) for text in TEXTS}
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda text: (text, _audio(side_by_side, text)), TEXTS * 4))
    for text, audio in results:
        assert audio.shape == lone[text].shape
        assert _snr_db(lone[text], audio) >= 35, text
    with CALLS.claim() as alone:
        assert alone  # every call counted out again
