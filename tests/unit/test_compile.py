"""torch.compile on bucketed static shapes (tiny random-weight voice).

The bucket logic is checked with dynamo's "eager" backend (fast, same graphs and padding); one
test compiles for real with inductor and counts graphs: after the load-time warm-up no request
compiles anything.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch._dynamo.utils import counters

import yuyin.engine.compiled as compiled
from yuyin import SynthesisOptions, Synthesizer
from yuyin.engine.compiled import CompiledAcoustic, CompiledVocoder
from yuyin.engine.device import DeviceError
from yuyin.engine.onnx_acoustic import TorchAcoustic
from yuyin.models.fastspeech2 import ProsodyControls

TEXTS = ("你好", "今天天气真好，我们一起去公园散步吧！", "会议将于2025年6月18日上午9点在三楼会议室举行，请准时参加。")


def audio(synthesizer: Synthesizer, text: str, **kwargs) -> np.ndarray:
    chunk_frames = kwargs.pop("chunk_frames", None)
    return np.concatenate([c.samples for c in synthesizer.synthesize(text, SynthesisOptions(**kwargs), chunk_frames)])


@pytest.fixture
def eager_dynamo(monkeypatch):
    monkeypatch.setattr(compiled, "BACKEND", "eager")


def test_padded_acoustic_stages_equal_the_unpadded_ones(tiny_synth: Synthesizer, eager_dynamo) -> None:
    model = tiny_synth._voice.acoustic
    plain, padded = TorchAcoustic(model), CompiledAcoustic(model)
    ids = torch.tensor([tiny_synth.frontend(TEXTS[2])[0].ids])
    per_phone = torch.linspace(0.8, 1.3, ids.shape[1])[None]
    for controls in (ProsodyControls(), ProsodyControls(duration_scale=per_phone, f0_shift=0.4, energy_scale=1.2)):
        with torch.inference_mode():
            expected, got = plain.variance(ids, controls), padded.variance(ids, controls)
            assert torch.equal(expected[0], got[0])  # durations
            for a, b in zip(expected[1:], got[1:]):
                torch.testing.assert_close(b, a, atol=1e-5, rtol=0)
            durations, hidden, f0, energy = expected
            keep = model.variance_keep_masks(f0, torch.Generator().manual_seed(3))
            for masks in (None, keep):
                mel = padded.mel(hidden, f0, energy, masks, durations)
                assert mel.shape[1] == int(durations.sum())
                torch.testing.assert_close(mel, plain.mel(hidden, f0, energy, masks, durations), atol=1e-5, rtol=0)


def test_every_bucket_and_then_some_compile_below_dynamos_limit(tiny_synth: Synthesizer, eager_dynamo) -> None:
    """All PHONE_BUCKETS' graphs and one more guard (grad mode) stay compiled: at dynamo's default
    limit (8 graphs, exactly the bucket count) the ninth would run eagerly for good."""
    with torch._dynamo.config.patch(recompile_limit=8):
        padded = CompiledAcoustic(tiny_synth._voice.acoustic)
        assert torch._dynamo.config.recompile_limit == compiled.recompile_headroom() == 16
        torch._dynamo.reset()
        before = counters["stats"]["unique_graphs"]
        with torch.inference_mode():
            for length in compiled.PHONE_BUCKETS:
                padded.variance(torch.ones(1, length, dtype=torch.long), ProsodyControls())
        with torch.enable_grad():
            padded.variance(torch.ones(1, 16, dtype=torch.long), ProsodyControls())
        assert counters["stats"]["unique_graphs"] - before == len(compiled.PHONE_BUCKETS) + 1


@pytest.mark.parametrize("frames", [3, 79, 80, 81, 100, 159, 161, 320, 641, 1500])
def test_bucketed_vocoder_equals_the_eager_pass(tiny_synth: Synthesizer, eager_dynamo, frames: int) -> None:
    vocoder = tiny_synth._voice.vocoder
    mel = torch.randn(1, frames, tiny_synth._voice.acoustic.cfg.n_mels, generator=torch.Generator().manual_seed(frames))
    with torch.inference_mode():
        expected = vocoder(mel)
        torch.testing.assert_close(CompiledVocoder(vocoder)(mel), expected, atol=1e-5, rtol=0)
        inexact_tail = CompiledVocoder(vocoder)(mel, exact_end=False)
    assert inexact_tail.shape == expected.shape
    keep = max(0, frames - vocoder.receptive_field_frames) * vocoder.cfg.hop_size  # all but the padded end
    torch.testing.assert_close(inexact_tail[:, :keep], expected[:, :keep], atol=1e-5, rtol=0)


def test_compiled_voice_compiles_at_load_and_never_for_a_request(tiny_pack, monkeypatch) -> None:
    monkeypatch.setattr(compiled, "PHONE_BUCKETS", (64, 2048))  # fewer graphs to compile, same mechanism
    monkeypatch.setattr(compiled, "FRAME_BUCKETS", (512, 2048))
    eager = Synthesizer.load(tiny_pack, device="cpu", backend="torch")
    torch._dynamo.reset()  # graphs cached by earlier tests (other backends, same code) must not count
    before = counters["stats"]["unique_graphs"]
    lines: list[str] = []
    synth = Synthesizer.load(tiny_pack, device="cpu", compile=True, progress=lines.append)
    assert synth._voice.backend == "torch"
    warmed = counters["stats"]["unique_graphs"]
    shapes = 2 + 2 + len(compiled.VOCODER_BUCKETS)  # the load said so, shape by shape
    assert lines[0] == f"compiling the models for {shapes} shapes, so that no request waits for it (minutes on a CPU)"
    assert [line.split(" (")[0] for line in lines[1:]] == [f"compiled {n}/{shapes} shapes" for n in range(1, shapes + 1)]
    assert warmed - before >= 2 + 2 + len(compiled.VOCODER_BUCKETS)  # each bucket compiled at load
    for text in TEXTS:
        for kwargs in ({}, {"speed": 1.3, "pitch_shift": 0.5}, {"chunk_frames": 24}, {"style": "happy"}):
            np.testing.assert_allclose(audio(synth, text, **kwargs), audio(eager, text, **kwargs), atol=2e-4)
    assert counters["stats"]["unique_graphs"] == warmed


def test_compile_needs_the_torch_backend_and_a_baker_voice(tiny_pack, tiny_ttskit_pack) -> None:
    with pytest.raises(DeviceError, match="use --backend torch"):
        Synthesizer.load(tiny_pack, device="cpu", backend="onnx", compile=True, warm_up=False)
    with pytest.raises(DeviceError, match="does not support torch.compile"):
        Synthesizer.load(tiny_ttskit_pack, device="cpu", compile=True, warm_up=False)
