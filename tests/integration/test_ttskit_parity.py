"""Parity of the converted ttskit voice with one recorded run of the original code.

Uses the converted voice from the store (pulled from PyPI on first use), then compares with ``tests/fixtures/ttskit`` (voice-ttskit.md section 6). Measured on torch 2.13 CPU, one
thread: speaker embedding 3e-7 and encoder 2.4e-7 max abs; with the recorded prenet masks the
decoder stops at the same frame (200) and mel rel L2 is 0.04 % (max abs 0.019); vocoder 3.1e-5
max abs (one int16 step). About 2 s including the conversion.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from yuyin.config import VoiceConfig
from yuyin.frontend.symbols_ttskit import tokens_to_ids
from yuyin.models.melgan import MelGAN, MelGANConfig
from yuyin.models.tacotron2 import (
    PrenetDropout,
    Tacotron2,
    Tacotron2Config,
    speaker_vectors,
    vocoder_frame_counts,
)
from yuyin.voices.store import ensure_voice

pytestmark = pytest.mark.voice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ttskit"
REFERENCE_PINYIN = "huan1 ying2 shi3 yong4 yu3 yin1 he2 cheng2 jie1 kou3 。".split()


def ref(name: str) -> np.ndarray:
    return np.load(FIXTURES / f"{name}.npy")


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the decoder is latency-bound; extra threads only contend
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def pack() -> Path:
    return ensure_voice("ttskit", progress=print)


@pytest.fixture(scope="module")
def voice(pack) -> VoiceConfig:
    return VoiceConfig.from_json(pack / "voice.json")


@pytest.fixture(scope="module")
def tacotron(pack, voice) -> Tacotron2:
    model = Tacotron2(Tacotron2Config.from_dict(voice.acoustic))
    model.load_state_dict(load_file(str(pack / "acoustic.safetensors")))
    return model.eval()


@pytest.fixture(scope="module")
def melgan(pack, voice) -> MelGAN:
    model = MelGAN(MelGANConfig.from_dict(voice.vocoder))
    model.load_state_dict(load_file(str(pack / "vocoder.safetensors")))
    return model.eval()


@pytest.fixture(scope="module")
def inputs():
    ids = torch.from_numpy(ref("text_ids"))
    return ids, torch.tensor([ids.size(1)]), speaker_vectors(["biaobei"])


def recorded_masks() -> torch.Tensor:
    """[400, 1, 128] in call order -> [B=1, steps=200, layers=2, 128]."""
    return torch.from_numpy(ref("prenet_masks")).reshape(200, 2, 1, 128).permute(2, 0, 1, 3)


def test_voice_json(voice):
    meta = json.loads((FIXTURES / "meta.json").read_text(encoding="utf-8"))
    assert voice.acoustic["max_decoder_steps"] == meta["max_decoder_steps"] == 1200
    assert voice.acoustic["gate_threshold"] == meta["gate_threshold"] == 0.8
    assert (voice.sample_rate, voice.hop_size, voice.n_mels, voice.default_speaker) == (22050, 256, 80, "biaobei")


def test_front_end_ids_match_reference():
    assert tokens_to_ids(REFERENCE_PINYIN) == ref("text_ids")[0].tolist()


def test_speaker_and_encoder_parity(tacotron, inputs):
    ids, lengths, speakers = inputs
    np.testing.assert_array_equal(speakers.numpy(), ref("speaker_md5_vec"))
    with torch.no_grad():
        embedding = tacotron.speaker_embedding(speakers).numpy()
        encoder_out = tacotron.encode_text(ids, lengths).numpy()
        memory = tacotron.encode(ids, lengths, speakers).numpy()
    np.testing.assert_allclose(embedding, ref("speaker_embedding"), rtol=0, atol=1e-5)
    np.testing.assert_allclose(encoder_out, ref("encoder_out"), rtol=0, atol=1e-4)
    np.testing.assert_allclose(memory, ref("memory"), rtol=0, atol=1e-4)


def test_mel_parity_with_recorded_masks(tacotron, inputs):
    ids, lengths, speakers = inputs
    out = tacotron.infer(ids, lengths, speakers, prenet_masks=recorded_masks())
    assert out.mel_lengths.tolist() == [200] and out.stopped.tolist() == [True]
    mel, expected = out.mel_postnet[0].numpy(), ref("mel_postnet")[0]
    rel_l2 = np.linalg.norm(mel - expected) / np.linalg.norm(expected)
    assert rel_l2 <= 0.05, rel_l2
    np.testing.assert_allclose(out.gate_probs[0].numpy(), ref("gate_sigmoid")[0, :, 0], rtol=0, atol=0.01)
    assert vocoder_frame_counts(out, 0.8).tolist() == [199]


def test_seeded_generator_draws_the_recorded_masks():
    """torch.manual_seed(1234) + F.dropout in the original == our generator seeded 1234."""
    noise = PrenetDropout(2, 128, 0.5, enabled=True, generator=torch.Generator().manual_seed(1234))
    like, rows = torch.zeros(1), torch.zeros(1, dtype=torch.long)
    drawn = torch.stack([torch.stack(noise.draw(step, rows, like)) for step in range(200)])  # [200, 2, 1, 128]
    assert torch.equal(drawn.reshape(400, 1, 128), torch.from_numpy(ref("prenet_masks")))


def test_vocoder_parity(melgan):
    audio, lengths = melgan.infer(torch.from_numpy(ref("mel_to_vocoder")))
    expected = ref("audio_vocoder_float")
    assert lengths.tolist() == [expected.size] == [199 * 256]
    assert float(np.abs(audio[0].numpy() - expected).max()) <= 1e-4
    quantized, _ = melgan.infer(torch.from_numpy(ref("mel_to_vocoder")), quantize=True)
    assert float(np.mean(quantized[0].numpy() == expected)) > 0.99  # same int16 sample almost everywhere
