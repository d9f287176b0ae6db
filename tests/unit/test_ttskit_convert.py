"""ttskit conversion: the restricted unpickler refuses code, and a tiny legacy checkpoint converts.

The tiny checkpoints are written here with plain ``pickle`` (protocol 2) in the real on-disk
layout: a zip with ``archive/data.pkl`` + ``archive/data/<key>`` storages, whole pickled modules
whose globals are the original ``mellotron.*`` / ``melgan.*`` / ``torch.nn.*`` names, parameters
as ``_rebuild_parameter(_rebuild_tensor_v2(...))``, shared storages with offsets, a transposed
view, weight-norm hooks and a stale ``weight`` attribute on the vocoder convs.
"""
from __future__ import annotations

import copyreg
import importlib
import io
import json
import os
import pickle
import subprocess
import sys
import types
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.numpy import load_file
from torch import nn

from yuyin.config import VoiceConfig
from yuyin.models import melgan as melgan_mod
from yuyin.models import tacotron2 as taco_mod
from yuyin.voices.convert_pickle import (
    ACOUSTIC_MEMBER,
    TTSKIT_SPEAKERS,
    VOCODER_MEMBER,
    convert_ttskit_wheel,
)
from yuyin.voices.safe_unpickle import (
    CheckpointFormatError,
    UnsafePickleError,
    load_module_checkpoint,
    rebuild_parameter,
)

TINY_TACO = taco_mod.Tacotron2Config(
    n_symbols=20, symbols_embedding_dim=12, encoder_n_convolutions=2, encoder_kernel_size=3,
    encoder_embedding_dim=12, speaker_embedding_dim=6, n_mel_channels=8, prenet_dim=8,
    attention_rnn_dim=16, attention_dim=8, attention_location_n_filters=4, attention_location_kernel_size=5,
    decoder_rnn_dim=16, postnet_embedding_dim=8, postnet_kernel_size=3, postnet_n_convolutions=3,
    max_decoder_steps=37, gate_threshold=0.7,
)  # fmt: skip
WEIGHT_NORM = importlib.import_module("torch.nn.utils.weight_norm").WeightNorm
TINY_MELGAN = melgan_mod.MelGANConfig(
    n_mels=8, channels=(8, 6, 4), upsample_strides=(4, 2), upsample_kernels=(8, 4), upsample_paddings=(2, 1)
)


# --- a minimal writer of legacy torch zip checkpoints --------------------------------------------


class Storage:
    def __init__(self, key: str, flat: np.ndarray) -> None:
        self.key, self.flat = key, flat


class TensorRef:
    """A tensor pickled as ``_rebuild_tensor_v2(storage, offset, size, stride, ...)``."""

    def __init__(self, storage: Storage, offset: int, size: tuple, stride: tuple, parameter: bool) -> None:
        self.storage, self.offset, self.size, self.stride, self.parameter = storage, offset, size, stride, parameter


class ModuleNode:
    """A pickled ``nn.Module``: NEWOBJ of ``cls`` then BUILD with ``state``."""

    def __init__(self, cls: type, state: dict) -> None:
        self.cls, self.state = cls, state

    @property
    def __class__(self):  # pickle checks that NEWOBJ's class is the object's class
        return self.cls


class CheckpointPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            kind = torch.LongStorage if obj.flat.dtype == np.int64 else torch.FloatStorage
            return ("storage", kind, obj.key, "cpu", obj.flat.size)
        return None

    def reducer_override(self, obj):
        if isinstance(obj, TensorRef):
            args = (obj.storage, obj.offset, obj.size, obj.stride, obj.parameter, OrderedDict())
            if not obj.parameter:
                return torch._utils._rebuild_tensor_v2, args
            plain = TensorRef(obj.storage, obj.offset, obj.size, obj.stride, False)
            return torch._utils._rebuild_parameter, (plain, True, OrderedDict())
        if isinstance(obj, ModuleNode):
            return copyreg.__newobj__, (obj.cls,), obj.state
        return NotImplemented


def dumps(obj: object) -> bytes:
    buffer = io.BytesIO()
    CheckpointPickler(buffer, protocol=2).dump(obj)
    return buffer.getvalue()


def legacy_zip(root: object, storages: list[Storage]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.pkl", dumps(root))
        archive.writestr("archive/version", "3\n")
        for storage in storages:
            archive.writestr(f"archive/data/{storage.key}", storage.flat.tobytes())
    return out.getvalue()


def wheel_with(path: Path, acoustic: bytes, vocoder: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(ACOUSTIC_MEMBER, acoustic)
        archive.writestr(VOCODER_MEMBER, vocoder)
    return path


@pytest.fixture
def original_classes(monkeypatch):
    """Importable stand-ins for the original class paths, so plain pickle can name them."""
    names = {
        "mellotron.model": ["Tacotron2", "Encoder", "Decoder", "Prenet", "Postnet", "Attention", "LocationLayer"],
        "mellotron.layers": ["ConvNorm", "LinearNorm"],
        "melgan.model.generator": ["Generator"],
        "melgan.model.res_stack": ["ResStack"],
    }
    classes = {}
    for package in ("mellotron", "melgan", "melgan.model"):
        monkeypatch.setitem(sys.modules, package, types.ModuleType(package))
    for module_name, class_names in names.items():
        module = types.ModuleType(module_name)
        for name in class_names:
            cls = type(name, (), {"__module__": module_name, "__qualname__": name})
            setattr(module, name, cls)
            classes[name] = cls
        monkeypatch.setitem(sys.modules, module_name, module)
    return classes


class TreeBuilder:
    """Mirror one of our modules as the original pickled module tree."""

    def __init__(self, classes: dict[str, type], weight_norm: bool = False) -> None:
        self.classes, self.weight_norm, self.storages = classes, weight_norm, []
        self.expected: dict[str, np.ndarray] = {}
        self.rng = np.random.default_rng(0)

    def original_class(self, module: nn.Module) -> type:
        ours = {
            taco_mod.Tacotron2: "Tacotron2", taco_mod.Encoder: "Encoder", taco_mod.Decoder: "Decoder",
            taco_mod.Prenet: "Prenet", taco_mod.Postnet: "Postnet", taco_mod.Attention: "Attention",
            taco_mod.LocationLayer: "LocationLayer", taco_mod.ConvNorm: "ConvNorm",
            taco_mod.LinearNorm: "LinearNorm", melgan_mod.MelGAN: "Generator", melgan_mod.ResStack: "ResStack",
        }  # fmt: skip
        return self.classes[ours[type(module)]] if type(module) in ours else type(module)

    def tensor(self, array: np.ndarray, parameter: bool, transposed: bool = False) -> TensorRef:
        key = str(len(self.storages) + 1000)
        if transposed and array.ndim == 2:  # stored column-major: stride (1, rows)
            storage = Storage(key, np.ascontiguousarray(array.T).reshape(-1))
            self.storages.append(storage)
            return TensorRef(storage, 0, array.shape, (1, array.shape[0]), parameter)
        storage = Storage(key, np.ascontiguousarray(array).reshape(-1))
        self.storages.append(storage)
        return TensorRef(storage, 0, array.shape, tuple(s // array.itemsize for s in array.strides), parameter)

    def shared(self, arrays: dict[str, np.ndarray]) -> dict[str, TensorRef]:
        """All arrays as views into one storage, after a few unused leading elements."""
        flat = np.concatenate([np.zeros(3, np.float32)] + [a.reshape(-1) for a in arrays.values()])
        storage = Storage(str(len(self.storages) + 1000), flat)
        self.storages.append(storage)
        refs, offset = {}, 3
        for name, array in arrays.items():
            stride = tuple(s // array.itemsize for s in np.ascontiguousarray(array).strides)
            refs[name] = TensorRef(storage, offset, array.shape, stride, True)
            offset += array.size
        return refs

    def node(self, module: nn.Module, prefix: str = "") -> ModuleNode:
        params = {k: v.detach().numpy().copy() for k, v in module._parameters.items() if v is not None}
        state = {k: v for k, v in vars(module).items() if isinstance(v, (bool, int, float, str, tuple))}
        state.update(training=False, _buffers=OrderedDict(), _forward_pre_hooks=OrderedDict())
        state["_non_persistent_buffers_set"] = set()
        parameters = OrderedDict((k, None) for k, v in module._parameters.items() if v is None)
        if isinstance(module, nn.LSTM):
            parameters.update(self.shared(params))
        elif self.weight_norm and "weight" in params:
            v = self.rng.standard_normal(params["weight"].shape).astype(np.float32)
            g = self.rng.uniform(0.5, 2.0, (v.shape[0],) + (1,) * (v.ndim - 1)).astype(np.float32)
            params["weight"] = torch._weight_norm(torch.from_numpy(v), torch.from_numpy(g), 0).numpy()
            parameters["bias"] = self.tensor(params["bias"], True)
            parameters["weight_g"], parameters["weight_v"] = self.tensor(g, True), self.tensor(v, True)
            state["weight"] = self.tensor(params["weight"] + 1e-3, False)  # stale, must be ignored
            hook = ModuleNode(WEIGHT_NORM, {"name": "weight", "dim": 0})
            state["_forward_pre_hooks"] = OrderedDict([(len(self.expected), hook)])
        else:
            for name, array in params.items():
                parameters[name] = self.tensor(array, True, transposed=prefix == "embedding.")
        for name, buffer in module._buffers.items():
            if buffer is not None:
                state["_buffers"][name] = self.tensor(buffer.numpy().copy(), False)
                self.expected[prefix + name] = buffer.numpy().copy()
        self.expected.update({prefix + k: v for k, v in params.items()})
        state["_parameters"] = parameters
        state["_modules"] = OrderedDict((n, self.node(c, f"{prefix}{n}.")) for n, c in module._modules.items())
        return ModuleNode(self.original_class(module), state)


def tiny_checkpoints(classes: dict[str, type]) -> tuple[bytes, bytes, dict, dict]:
    torch.manual_seed(0)
    taco = taco_mod.Tacotron2(TINY_TACO)
    for bn in (m for m in taco.modules() if isinstance(m, nn.BatchNorm1d)):
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 1.5)
        bn.num_batches_tracked.fill_(7)
    acoustic = TreeBuilder(classes)
    root = acoustic.node(taco)
    decoder_state = root.state["_modules"]["decoder"].state
    decoder_state.update(max_decoder_steps=37, gate_threshold=0.7, encoder_embedding_dim=TINY_TACO.memory_dim)
    acoustic_bytes = legacy_zip(root, acoustic.storages)
    vocoder = TreeBuilder(classes, weight_norm=True)
    generator = melgan_mod.MelGAN(TINY_MELGAN)
    vocoder_root = vocoder.node(generator)
    vocoder_root.state["mel_channel"] = TINY_MELGAN.n_mels
    return acoustic_bytes, legacy_zip(vocoder_root, vocoder.storages), acoustic.expected, vocoder.expected


def test_tiny_checkpoints_convert_exactly(tmp_path, original_classes):
    acoustic, vocoder, expected_acoustic, expected_vocoder = tiny_checkpoints(original_classes)
    wheel = wheel_with(tmp_path / "ttskit-tiny.whl", acoustic, vocoder)
    convert_ttskit_wheel(wheel, tmp_path / "pack")

    got = load_file(str(tmp_path / "pack" / "acoustic.safetensors"))
    assert set(got) == set(expected_acoustic)
    for name, array in expected_acoustic.items():
        np.testing.assert_array_equal(got[name], array, err_msg=name)
    got_vocoder = load_file(str(tmp_path / "pack" / "vocoder.safetensors"))
    assert set(got_vocoder) == set(expected_vocoder)
    assert not any(k.endswith(("_g", "_v")) for k in got_vocoder)
    for name, array in expected_vocoder.items():
        np.testing.assert_array_equal(got_vocoder[name], array, err_msg=name)  # folded, bit-exact

    voice = VoiceConfig.from_json(tmp_path / "pack" / "voice.json")
    assert (voice.name, voice.family, voice.sample_rate, voice.n_mels) == ("ttskit", "ttskit", 22050, 8)
    assert voice.hop_size == 8 and voice.sentence_pause == 0.3 and voice.license == "MIT"
    assert voice.speakers == TTSKIT_SPEAKERS and len(voice.speakers) == 24 and voice.default_speaker == "biaobei"
    assert voice.source == "PyPI ttskit==0.3.8 (kuangdd)"
    taco_config = taco_mod.Tacotron2Config.from_dict(voice.acoustic)
    assert (taco_config.max_decoder_steps, taco_config.gate_threshold) == (37, 0.7)  # pickled attrs win
    assert melgan_mod.MelGANConfig.from_dict(voice.vocoder) == TINY_MELGAN


def test_converted_pack_loads_and_runs(tmp_path, original_classes):
    acoustic, vocoder, _, _ = tiny_checkpoints(original_classes)
    convert_ttskit_wheel(wheel_with(tmp_path / "t.whl", acoustic, vocoder), tmp_path / "pack")
    voice = VoiceConfig.from_json(tmp_path / "pack" / "voice.json")
    taco = taco_mod.Tacotron2(taco_mod.Tacotron2Config.from_dict(voice.acoustic))
    taco.load_state_dict({k: torch.from_numpy(v) for k, v in load_file(str(tmp_path / "pack" / "acoustic.safetensors")).items()})
    gan = melgan_mod.MelGAN(melgan_mod.MelGANConfig.from_dict(voice.vocoder))
    gan.load_state_dict({k: torch.from_numpy(v) for k, v in load_file(str(tmp_path / "pack" / "vocoder.safetensors")).items()})
    out = taco.infer(torch.tensor([[3, 4, 5, 1, 0]]), torch.tensor([5]), taco_mod.speaker_vectors(["Aiyue"]), 6)
    audio, _ = gan.infer(out.mel_postnet, out.mel_lengths)
    assert audio.shape == (1, int(out.mel_lengths[0]) * voice.hop_size) and bool(torch.isfinite(audio).all())


def test_sha256_pin_is_checked(tmp_path, original_classes):
    acoustic, vocoder, _, _ = tiny_checkpoints(original_classes)
    wheel = wheel_with(tmp_path / "t.whl", acoustic, vocoder)
    with pytest.raises(ValueError, match="sha256"):
        convert_ttskit_wheel(wheel, tmp_path / "pack", sha256="0" * 64)
    assert not (tmp_path / "pack").exists()


# --- malicious pickles ---------------------------------------------------------------------------


class Payload:
    """Unpickles as ``func(*args)``, the classic code-execution gadget."""

    def __init__(self, func, *args) -> None:
        self.func, self.args = func, args

    def __reduce__(self):
        return self.func, self.args


def touch_command(sentinel: Path) -> str:
    return f"{sys.executable} -c \"open(r'{sentinel}', 'w').write('pwned')\""


def malicious_payloads(sentinel: Path) -> dict[str, bytes]:
    code = f"open(r'{sentinel}', 'w').write('pwned')"
    payloads = {
        "os.system": Payload(os.system, touch_command(sentinel)),
        "builtins.eval": Payload(eval, code),
        "builtins.exec": Payload(exec, code),
        "subprocess.Popen": Payload(subprocess.Popen, [sys.executable, "-c", code]),
        "torch.load": Payload(torch.load, str(sentinel)),
        # An allowed module prefix, but called with arguments (REDUCE) instead of NEWOBJ.
        "torch.nn.Conv1d(...)": Payload(nn.Conv1d, 1, 1, 1),
    }
    # Hidden one level down, inside an otherwise normal module state.
    payloads["nested os.system"] = ModuleNode(nn.Linear, {"_parameters": OrderedDict(x=payloads["os.system"])})
    return {name: dumps(obj) for name, obj in payloads.items()}


def zip_of(data_pkl: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.pkl", data_pkl)
        archive.writestr("archive/version", "3\n")
    return out.getvalue()


def test_payloads_are_live_with_plain_pickle(tmp_path):
    """Control: the os.system payload really runs under ``pickle.loads`` (so the sentinel works)."""
    sentinel = tmp_path / "control"
    pickle.loads(malicious_payloads(sentinel)["os.system"])
    assert sentinel.read_text() == "pwned"


@pytest.mark.parametrize(
    "name", ["os.system", "builtins.eval", "builtins.exec", "subprocess.Popen", "torch.load",
             "torch.nn.Conv1d(...)", "nested os.system"],
)  # fmt: skip
def test_malicious_pickles_are_refused_and_never_run(tmp_path, name):
    sentinel = tmp_path / "sentinel"
    data = zip_of(malicious_payloads(sentinel)[name])
    with pytest.raises(UnsafePickleError):
        load_module_checkpoint(data)
    wheel = wheel_with(tmp_path / "evil.whl", data, data)
    with pytest.raises(UnsafePickleError):
        convert_ttskit_wheel(wheel, tmp_path / "pack")
    assert not sentinel.exists()
    assert not (tmp_path / "pack").exists()


def _tensor_pickle(storage_key: str, offset: int, size: tuple, stride: tuple) -> bytes:
    storage = Storage(storage_key, np.zeros(4, np.float32))
    return dumps(TensorRef(storage, offset, size, stride, False))


def test_out_of_bounds_view_is_refused():
    data = _tensor_pickle("7", 0, (3, 3), (3, 1))  # needs 9 elements, storage has 4
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("archive/data.pkl", data)
        z.writestr("archive/data/7", np.zeros(4, np.float32).tobytes())
    with pytest.raises(UnsafePickleError, match="view ends"):
        load_module_checkpoint(archive.getvalue())


def test_storage_key_must_be_a_plain_member_name():
    data = _tensor_pickle("..", 0, (2,), (1,))
    with pytest.raises(UnsafePickleError, match="plain name"):
        load_module_checkpoint(zip_of(data))


@pytest.mark.parametrize(
    "target", [b"ctorch._utils\n_rebuild_parameter\n", b"ctorch\nFloatStorage\n", b"ccollections\nOrderedDict\n"]
)
def test_allowed_globals_cannot_be_patched_by_build(target):
    """GLOBAL x; BUILD (None, {'__defaults__': (1,)}): setattr on an allowed object is refused."""
    data = b"\x80\x02" + target + b"N}X\x0c\x00\x00\x00__defaults__K\x01\x85s\x86b."
    with pytest.raises(UnsafePickleError):
        load_module_checkpoint(zip_of(data))
    assert rebuild_parameter.__defaults__ == (False, None)


def test_missing_storage_and_bad_zip_are_format_errors():
    with pytest.raises(CheckpointFormatError):
        load_module_checkpoint(zip_of(_tensor_pickle("12", 0, (2,), (1,))))
    with pytest.raises(CheckpointFormatError):
        load_module_checkpoint(b"not a zip")


def test_voice_json_is_valid_json_with_extras(tmp_path, original_classes):
    acoustic, vocoder, _, _ = tiny_checkpoints(original_classes)
    convert_ttskit_wheel(wheel_with(tmp_path / "t.whl", acoustic, vocoder), tmp_path / "pack")
    data = json.loads((tmp_path / "pack" / "voice.json").read_text(encoding="utf-8"))
    assert data["extra"]["symbol_set"] == "ttskit" and data["extra"]["speaker_input"] == "md5"
