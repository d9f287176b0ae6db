"""What the Synthesizer needs from a voice family, and the loader that picks the family.

A runtime owns its voice's front end and models on one device. ``analyze`` turns text into
front-end units lazily; ``stream`` turns one unit's ids into waveform pieces. Runtimes keep no
per-request state, so one instance serves concurrent callers.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Protocol, Sequence

import numpy as np
import torch
from safetensors import SafetensorError, safe_open

from yuyin.config import SynthesisOptions, VoiceConfig, check_settings
from yuyin.engine.device import DeviceError, RuntimePlan
from yuyin.engine.streaming import ChunkPlan, StreamPace
from yuyin.frontend import SentenceUnit


class VoiceRuntime(Protocol):
    config: VoiceConfig
    device: torch.device
    # Optional: ``unsupported_controls``, option name -> the only value the runtime accepts;
    # ``check_options(options)``, raising OptionsError for options it cannot apply;
    # ``warm_up_shapes(progress)``, run at load to compile a compiled runtime ahead of requests
    # (a line to progress per shape);
    # ``takes_syllable_options`` True with ``mel_tempo(options)``: stream also takes
    # ``syllable_options``, each syllable's own options (an SSML sentence: engine.ssml_runs);
    # ``takes_pause_follows`` True: stream also takes ``pause_follows``, False for a unit that
    # ends where its sentence was cut for length alone (its closing silence kept short).

    def model_homes(self) -> list[tuple[torch.nn.Module, torch.device]]:
        """The PyTorch models with the devices they run on (what offload moves)."""

    def analyze(self, text: str) -> Iterator[SentenceUnit]:
        """Front-end units of text (raises NothingToSay when there is nothing to say)."""

    def chunk_plan(self, first_frames: int, pace: StreamPace | None = None) -> ChunkPlan:
        """A streaming plan whose first chunk holds first_frames mel frames, its windows growing as pace affords."""

    def stream(self, ids: Sequence[int], options: SynthesisOptions, plan: ChunkPlan | None = None,
               on_syllables: Callable[[np.ndarray], None] | None = None) -> Iterator[np.ndarray]:  # fmt: skip
        """Waveform pieces [n_i] float32 of one unit; joined, they are the whole unit's audio.
        on_syllables gets [S_i, 2] int64 sample offsets [start, stop) in that audio of the next
        S_i syllables of the unit, in order, before the piece they were decided for; the unit's
        syllables all by its last piece."""


PACK_WEIGHTS = ("acoustic.safetensors", "vocoder.safetensors")  # every family's


class VoicePackError(ValueError):
    """A voice-pack directory that cannot be loaded; the message names the directory and why."""


def check_pack(path: Path) -> VoiceConfig:
    """The config of the voice pack at path, once its voice.json parses and its weight files'
    headers read; VoicePackError otherwise (a missing, cut-short or foreign file)."""
    if not (path / "voice.json").is_file():
        raise VoicePackError(f"{path}: not a voice-pack directory (no voice.json)")
    missing = [name for name in PACK_WEIGHTS if not (path / name).is_file()]
    if missing:
        raise VoicePackError(f"{path}: not a usable voice pack: no {', '.join(missing)}")
    try:
        config = VoiceConfig.from_json(path / "voice.json")
        acoustic, vocoder = model_configs(config.family)
        check_settings(acoustic, config.acoustic, "voice.json acoustic")
        check_settings(vocoder, config.vocoder, "voice.json vocoder")
        upsampling = vocoder(**config.vocoder).hop_size
        if upsampling != config.hop_size:
            raise ValueError(f"hop_size {config.hop_size} differs from the vocoder's {upsampling} samples a frame")
        for name in PACK_WEIGHTS:
            with safe_open(str(path / name), "pt") as weights:
                weights.keys()
    except (OSError, ValueError, TypeError, SafetensorError) as exc:
        raise VoicePackError(f"{path}: not a usable voice pack: {exc}") from None
    return config


def model_configs(family: str) -> tuple[type, type]:
    """The config dataclasses of a family's acoustic model and vocoder; ValueError for an unknown family."""
    if family == "baker":
        from yuyin.models.fastspeech2 import FastSpeech2Config
        from yuyin.models.mb_melgan import MBMelGANConfig

        return FastSpeech2Config, MBMelGANConfig
    if family == "ttskit":
        from yuyin.models.melgan import MelGANConfig
        from yuyin.models.tacotron2 import Tacotron2Config

        return Tacotron2Config, MelGANConfig
    raise ValueError(f"unsupported voice family {family!r} (baker and ttskit are)")


def family_runtime(family: str, plan: RuntimePlan, name: str) -> str:
    """The runtime a voice of family (named name) runs under plan, as its ``backend`` reports once
    loaded: a baker voice the plan's; a ttskit voice, with no exported acoustic model, runs its
    vocoder in onnxruntime for "onnx" and "openvino" alike (OpenVINO ran this MelGAN faster alone
    but slower end to end: TtskitVoice.from_dir) and has no int8, torch.compile nor hybrid
    placement (DeviceError). Checked before loading, so a server refuses them before it starts."""
    if family != "ttskit":
        return plan.backend
    if plan.backend == "onnx-int8":
        raise DeviceError(f"voice {name!r} has no int8 backend; use --backend onnx or torch")
    if plan.compile or plan.vocoder_device != plan.device:
        what = "torch.compile" if plan.compile else "hybrid placement"
        raise DeviceError(f"voice {name!r} does not support {what} (baker-family voices do)")
    return "onnx" if plan.backend in ("onnx", "openvino") else "torch"


def load_runtime(path: Path, plan: RuntimePlan, lexicon: Path | None = None) -> VoiceRuntime:
    """Load the voice pack at path (VoicePackError if it cannot be read) with the runtime of its
    family (voice.json ``family``), its models placed and run as plan says; lexicon (a user
    ``word<TAB>pinyin`` file) applies to the front end."""
    if check_pack(path).family == "baker":  # else "ttskit": check_pack refuses other families
        from yuyin.engine.baker_voice import BakerVoice

        return BakerVoice.from_dir(path, plan, lexicon)
    from yuyin.engine.ttskit_voice import TtskitVoice

    return TtskitVoice.from_dir(path, plan, lexicon)
