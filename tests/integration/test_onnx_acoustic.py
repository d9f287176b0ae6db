"""The exported FastSpeech2 stages (onnxruntime, OpenVINO) against the same PyTorch modules, real baker voice.

Tolerance in float32: durations equal; mel max abs difference <= 1e-4 (measured 2e-6..1e-5,
relative L2 ~1e-6), with float, per-phone (style-like) controls, keep-all and seeded masks, and a
padded batch. OpenVINO's bf16 mel stage: durations equal (they come from the float32 variance
graph), mel relative L2 <= 2 % (measured ~0.5 %).
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from yuyin.engine.baker_voice import BakerVoice, variance_masks
from yuyin.engine.device import plan_runtime
from yuyin.engine.onnx_acoustic import OnnxAcoustic, TorchAcoustic
from yuyin.engine.openvino_session import openvino_has_bf16
from yuyin.models.fastspeech2 import ProsodyControls
from yuyin.voices.store import yuyin_home

pytestmark = pytest.mark.voice

TEXTS = ("今天天气真好，我们一起去公园散步吧！", "会议将于2025年6月18日上午9点在三楼会议室举行。")


@pytest.fixture(scope="module")
def voice(baker_dir) -> BakerVoice:
    return BakerVoice.from_dir(baker_dir, plan_runtime("cpu", "fp32", "torch"))


def _exported(voice: BakerVoice, baker_dir, runtime: str, mel_bf16: bool = False) -> OnnxAcoustic:
    return OnnxAcoustic(voice.acoustic, baker_dir / "acoustic.safetensors", yuyin_home() / "cache" / "onnx",
                        threads=2, runtime=runtime, mel_bf16=mel_bf16)  # fmt: skip


@pytest.fixture(scope="module", params=["onnxruntime", "openvino"])
def stages(request, voice, baker_dir) -> tuple[BakerVoice, TorchAcoustic, OnnxAcoustic]:
    return voice, TorchAcoustic(voice.acoustic), _exported(voice, baker_dir, request.param)


def _controls(kind: str, length: int) -> ProsodyControls:
    if kind == "float":
        return ProsodyControls(duration_scale=0.8, f0_scale=1.3, f0_shift=0.5, energy_scale=1.2, energy_shift=-0.3)
    ramp = lambda lo, hi: torch.linspace(lo, hi, length)[None]  # noqa: E731 - [1, L]
    return ProsodyControls(duration_scale=ramp(0.7, 1.4), f0_scale=ramp(0.9, 1.2), f0_shift=ramp(-1, 1),
                           energy_shift=ramp(0.5, -0.5))  # fmt: skip


def _mel(stages, ids: torch.Tensor, controls: ProsodyControls, seed: int | None, model) -> tuple[torch.Tensor, ...]:
    with torch.inference_mode():
        durations, hidden, f0, energy = stages.variance(ids, controls)
        keep = model.variance_keep_masks(f0, variance_masks(seed))
        return durations, stages.mel(hidden, f0, energy, keep, durations)


@pytest.mark.parametrize("kind", ["float", "per_phone"])
@pytest.mark.parametrize("seed", [None, 5])
def test_onnx_stages_equal_torch(stages, kind: str, seed: int | None) -> None:
    voice, eager, onnx = stages
    for text in TEXTS:
        ids = torch.tensor([next(iter(voice.analyze(text))).ids])
        controls = _controls(kind, ids.shape[1])
        expected_durations, expected = _mel(eager, ids, controls, seed, voice.acoustic)
        durations, mel = _mel(onnx, ids, controls, seed, voice.acoustic)
        assert torch.equal(durations, expected_durations)
        assert mel.shape == expected.shape
        assert float((mel - expected).abs().max()) <= 1e-4


def test_onnx_padded_batch_equals_batch_of_one(stages) -> None:
    voice, _, onnx = stages
    rows = [next(iter(voice.analyze(text))).ids for text in TEXTS]
    batch = torch.zeros(2, max(map(len, rows)), dtype=torch.long)
    for b, row in enumerate(rows):
        batch[b, : len(row)] = torch.tensor(row)
    durations, mel = _mel(onnx, batch, ProsodyControls(), None, voice.acoustic)
    for b, row in enumerate(rows):
        alone_durations, alone = _mel(onnx, torch.tensor([row]), ProsodyControls(), None, voice.acoustic)
        assert torch.equal(durations[b, : len(row)], alone_durations[0])
        frames = alone.shape[1]
        np.testing.assert_allclose(mel[b, :frames].numpy(), alone[0].numpy(), atol=1e-4)


def test_openvino_bf16_mel_stage_keeps_durations_and_stays_close(voice, baker_dir) -> None:
    if not openvino_has_bf16():
        pytest.skip("this CPU has no native bf16 (the backend then keeps the mel stage in float32)")
    bf16, eager = _exported(voice, baker_dir, "openvino", mel_bf16=True), TorchAcoustic(voice.acoustic)
    for text in TEXTS:
        ids = torch.tensor([next(iter(voice.analyze(text))).ids])
        expected_durations, expected = _mel(eager, ids, ProsodyControls(), None, voice.acoustic)
        durations, mel = _mel(bf16, ids, ProsodyControls(), None, voice.acoustic)
        assert torch.equal(durations, expected_durations)
        relative = float(torch.linalg.vector_norm(mel - expected) / torch.linalg.vector_norm(expected))
        assert 0 < relative <= 0.02
