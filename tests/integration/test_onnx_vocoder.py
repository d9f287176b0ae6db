"""The onnxruntime vocoder backend against the PyTorch module, real baker voice."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from voice_measures import snr_db
from yuyin.engine.onnx_vocoder import OnnxVocoder
from yuyin.models.fastspeech2 import ProsodyControls
from yuyin.voices.store import yuyin_home

pytestmark = pytest.mark.voice


@pytest.mark.parametrize("frames", [3, 40, 257])
def test_onnx_waveform_equals_torch(baker_dir, frames: int) -> None:
    from yuyin import Synthesizer

    voice = Synthesizer.load(baker_dir, device="cpu", backend="torch", warm_up=False)._voice
    onnx = OnnxVocoder(voice.vocoder, baker_dir / "vocoder.safetensors", yuyin_home() / "cache" / "onnx", threads=2)
    mel = torch.from_numpy(np.random.default_rng(frames).normal(size=(1, frames, 80)).astype(np.float32))
    with torch.inference_mode():
        expected = voice.vocoder(mel)[0].numpy()
    got = onnx(mel)
    assert got.shape == expected.shape == (frames * 300,)
    assert np.abs(got - expected).max() <= 1e-4


def test_mixed_bf16_vocoder_stays_within_30_db_of_float32_on_real_speech(baker_dir) -> None:
    """The openvino backend's default vocoder (bf16 body, float32 input conv) on the mels of real
    sentences: SNR against the float32 PyTorch vocoder >= 30 dB (measured about 35 dB); streamed
    in windows it differs from the whole pass by bf16 rounding only."""
    from yuyin import Synthesizer
    from yuyin.engine.openvino_session import openvino_has_bf16

    if not openvino_has_bf16():
        pytest.skip("needs a CPU that computes bf16 natively (AVX512-BF16 or AMX)")
    voice = Synthesizer.load(baker_dir, device="cpu", backend="torch", warm_up=False)._voice
    mixed = OnnxVocoder(voice.vocoder, baker_dir / "vocoder.safetensors", yuyin_home() / "cache" / "onnx", threads=2,
                        bf16=True)  # fmt: skip
    for text in ("今天天气真好，我们一起去公园散步吧！", "会议将于2025年6月18日上午9点在三楼会议室举行，请准时参加。"):
        ids = list(next(iter(voice.analyze(text))).ids)
        [(mel, _, _)] = voice._mels(ids, list(range(len(ids))), ProsodyControls(), "keep_all")
        with torch.inference_mode():
            expected = voice.vocoder(mel)[0].numpy()
        got = mixed(mel)
        assert got.shape == expected.shape
        snr = snr_db(expected, got)
        assert snr >= 30, f"{text}: {snr:.1f} dB"
        plan = voice.chunk_plan(32)
        streamed = np.concatenate([
            mixed(mel[:, w.start : w.stop], exact_end=w.stop == mel.shape[1])[(w.keep_start - w.start) * 300 : (w.keep_stop - w.start) * 300]
            for w in plan.windows(mel.shape[1])])  # fmt: skip
        assert streamed.shape == got.shape
        assert snr_db(got, streamed) >= 35  # bf16 rounding (measured ~41 dB; equal on an AMX CPU)
