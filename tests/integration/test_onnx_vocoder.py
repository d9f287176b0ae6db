"""The onnxruntime vocoder backend against the PyTorch module, real baker voice."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from yuyin.engine.onnx_vocoder import OnnxVocoder
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
