"""Side-by-side streams with the real baker voice: overlapping requests sound as lone ones do."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from voice_measures import snr_db
from yuyin.engine import openvino_session
from yuyin.engine.openvino_session import CALLS

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


def _forms_run(monkeypatch) -> list:
    """The compiled forms (latency, streams) that model calls run in from now on, in call order."""
    forms: list = []
    run = openvino_session._Compiled.run

    def recording(form, output_names, feeds):
        forms.append(form)
        return run(form, output_names, feeds)

    monkeypatch.setattr(openvino_session._Compiled, "run", recording)
    return forms


def test_an_overlapping_call_runs_in_the_streams_and_differs_from_a_lone_one_by_bf16_rounding_only(
        side_by_side, monkeypatch) -> None:  # fmt: skip
    """The streams run the same graphs on other kernels: durations (float32) are the same, so the
    audio has the same length, and the bf16 stages may round differently (measured >= 41.6 dB SNR
    over 42 sentences on AVX512-BF16, like streamed windows; bit-identical on an AMX CPU)."""
    forms = _forms_run(monkeypatch)
    for text in TEXTS:
        lone = _audio(side_by_side, text)
        lone_forms = set(forms)
        forms.clear()
        with CALLS.claim():  # as if another request were running: every model call takes a stream
            overlapping = _audio(side_by_side, text)
        assert lone_forms and set(forms) and lone_forms.isdisjoint(forms), "the overlapping call ran in the streams"
        forms.clear()
        assert overlapping.shape == lone.shape
        assert snr_db(lone, overlapping) >= 35, text


def test_concurrent_requests_all_complete_with_their_own_audio(side_by_side) -> None:
    lone = {text: _audio(side_by_side, text) for text in TEXTS}
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda text: (text, _audio(side_by_side, text)), TEXTS * 4))
    for text, audio in results:
        assert audio.shape == lone[text].shape
        assert snr_db(lone[text], audio) >= 35, text
    with CALLS.claim() as alone:
        assert alone  # every call counted out again
