"""Vocoder backend choice and the onnxruntime vocoder (tiny random-weight voice)."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from yuyin import SynthesisOptions, Synthesizer
from yuyin.engine.device import DeviceError, resolve_backend

CPU, CUDA = torch.device("cpu"), torch.device("cuda")


def test_auto_picks_onnx_on_cpu_fp32_and_torch_elsewhere() -> None:
    assert resolve_backend("auto", CPU, torch.float32) == "onnx"
    assert resolve_backend("auto", CPU, torch.bfloat16) == "torch"
    assert resolve_backend("auto", CUDA, torch.float32) == "torch"
    assert resolve_backend("torch", CPU, torch.float32) == "torch"


def test_explicit_onnx_where_it_cannot_apply_is_an_error() -> None:
    with pytest.raises(DeviceError, match="CPU in fp32"):
        resolve_backend("onnx", CUDA, torch.float32)
    with pytest.raises(DeviceError, match="unsupported backend"):
        resolve_backend("tensorrt", CPU, torch.float32)


def test_onnx_vocoder_matches_torch_including_short_and_streamed(tiny_pack) -> None:
    onnx = Synthesizer.load(tiny_pack, device="cpu", backend="onnx")
    eager = Synthesizer.load(tiny_pack, device="cpu", backend="torch")
    assert onnx._voice.backend == "onnx" and eager._voice.backend == "torch"
    for text in ("你", "今天天气真好，我们一起去公园散步吧。"):
        a = np.concatenate([c.samples for c in onnx.synthesize(text, SynthesisOptions(speed=2.0))])
        b = np.concatenate([c.samples for c in eager.synthesize(text, SynthesisOptions(speed=2.0))])
        assert a.shape == b.shape
        np.testing.assert_allclose(a, b, atol=1e-4)
        streamed = np.concatenate([c.samples for c in onnx.synthesize(text, SynthesisOptions(speed=2.0), chunk_frames=3)])
        np.testing.assert_allclose(streamed, a, atol=1e-4)


def test_onnx_int8_is_opt_in_and_stays_close_to_fp32(tiny_pack) -> None:
    assert resolve_backend("onnx-int8", CPU, torch.float32) == "onnx-int8"
    with pytest.raises(DeviceError, match="CPU in fp32"):
        resolve_backend("onnx-int8", CPU, torch.bfloat16)
    int8 = Synthesizer.load(tiny_pack, device="cpu", backend="onnx-int8")
    fp32 = Synthesizer.load(tiny_pack, device="cpu", backend="onnx")
    assert int8._voice.backend == "onnx-int8" and fp32._voice.backend == "onnx"
    text = "今天天气真好，我们一起去公园散步吧。"
    a = np.concatenate([c.samples for c in int8.synthesize(text)])
    b = np.concatenate([c.samples for c in fp32.synthesize(text)])
    assert a.shape == b.shape  # durations come from the float32 variance graph
    assert 0 < np.linalg.norm(a - b) / np.linalg.norm(b) < 0.5
