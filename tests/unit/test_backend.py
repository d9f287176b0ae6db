"""Vocoder backend choice and the onnxruntime vocoder (tiny random-weight voice)."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest
import torch

from yuyin import SynthesisOptions, Synthesizer
from yuyin.engine.device import DeviceError, resolve_backend
from yuyin.engine.onnx_acoustic import acoustic_graphs
from yuyin.engine.onnx_session import execution_providers
from yuyin.engine.openvino_session import openvino_has_bf16
from yuyin.engine.onnx_vocoder import mb_melgan_graph
from yuyin.models.fastspeech2 import FastSpeech2, FastSpeech2Config
from yuyin.models.mb_melgan import MBMelGAN, MBMelGANConfig

CPU, CUDA = torch.device("cpu"), torch.device("cuda")


def test_auto_picks_openvino_on_cpu_fp32_and_torch_elsewhere() -> None:
    assert resolve_backend("auto", CPU, torch.float32) == "openvino"
    assert resolve_backend("auto", CPU, torch.bfloat16) == "torch"
    assert resolve_backend("auto", CUDA, torch.float32) == "torch"
    assert resolve_backend("torch", CPU, torch.float32) == "torch"


def test_auto_falls_back_to_onnx_then_torch_when_runtimes_are_missing(monkeypatch) -> None:
    real = importlib.util.find_spec
    missing: set[str] = {"openvino"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in missing else real(name, *a))
    assert resolve_backend("auto", CPU, torch.float32) == "onnx"
    with pytest.raises(DeviceError, match="needs openvino"):
        resolve_backend("openvino", CPU, torch.float32)
    missing.add("onnxruntime")
    assert resolve_backend("auto", CPU, torch.float32) == "torch"
    with pytest.raises(DeviceError, match="needs onnxruntime and openvino"):
        resolve_backend("openvino", CPU, torch.float32)


def test_openvino_backend_matches_torch_and_its_bf16_mel_stage_stays_close(tiny_pack) -> None:
    text = "今天天气真好，我们一起去公园散步吧。"
    audio = lambda synthesizer: np.concatenate([c.samples for c in synthesizer.synthesize(text)])  # noqa: E731
    eager = audio(Synthesizer.load(tiny_pack, device="cpu", backend="torch"))
    fp32 = Synthesizer.load(tiny_pack, device="cpu", backend="openvino", dtype="fp32")
    assert fp32._voice.backend == "openvino" and not fp32._voice.exported_acoustic.mel_bf16
    np.testing.assert_allclose(audio(fp32), eager, atol=1e-4)
    mixed = Synthesizer.load(tiny_pack, device="cpu", backend="openvino")  # no dtype: bf16 where native
    assert mixed._voice.exported_acoustic.mel_bf16 == openvino_has_bf16()
    mixed_audio = audio(mixed)
    assert mixed_audio.shape == eager.shape  # durations come from the float32 variance graph
    assert np.linalg.norm(mixed_audio - eager) / np.linalg.norm(eager) < 0.1


def test_side_by_side_reaches_every_openvino_graph_and_their_warm_up(tiny_pack, monkeypatch) -> None:
    from yuyin.engine import openvino_session

    warming, streams_warmed = [], []
    run, run_at_once = openvino_session.OpenVinoSession.run, openvino_session._Compiled.run_at_once

    def counting_run(session, names, feeds):
        if getattr(openvino_session._warming, "active", False):
            warming.append(session)
        return run(session, names, feeds)

    monkeypatch.setattr(openvino_session.OpenVinoSession, "run", counting_run)
    monkeypatch.setattr(openvino_session._Compiled, "run_at_once",
                        lambda form, feeds, count: streams_warmed.append(count) or run_at_once(form, feeds, count))
    on = Synthesizer.load(tiny_pack, device="cpu", backend="openvino", threads=2, side_by_side=True)
    assert on.side_by_side
    acoustic = on._voice.exported_acoustic
    graphs = [acoustic._variance, acoustic._mel] + (on._voice._onnx_vocoder._wide.sessions if openvino_has_bf16() else [])
    assert all(graph.side_by_side for graph in graphs)
    assert {*warming} == {*graphs} and streams_warmed == [2] * len(warming)  # every warm-up call ran both streams
    off = Synthesizer.load(tiny_pack, device="cpu", backend="openvino", threads=2)
    assert not off.side_by_side and not off._voice.exported_acoustic._mel.side_by_side
    assert not Synthesizer.load(tiny_pack, device="cpu", backend="openvino", threads=1, side_by_side=True).side_by_side
    assert not Synthesizer.load(tiny_pack, device="cpu", backend="onnx", side_by_side=True).side_by_side
    assert not Synthesizer.load(tiny_pack, device="cpu", backend="torch", side_by_side=True).side_by_side


def test_explicit_onnx_where_it_cannot_apply_is_an_error(monkeypatch) -> None:
    import onnxruntime

    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: ["CPUExecutionProvider"])
    with pytest.raises(DeviceError, match="needs onnxruntime-gpu"):
        resolve_backend("onnx", CUDA, torch.float32)
    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: ["CUDAExecutionProvider", "CPUExecutionProvider"])
    assert resolve_backend("onnx", CUDA, torch.float32) == "onnx"
    assert resolve_backend("auto", CUDA, torch.float32) == "torch"  # auto keeps PyTorch (bf16, compile) on GPUs
    with pytest.raises(DeviceError, match="on the CPU or on CUDA in fp32; use --backend torch"):
        resolve_backend("onnx", CUDA, torch.bfloat16)
    with pytest.raises(DeviceError, match="openvino backend runs on the CPU in fp32; use --backend torch"):
        resolve_backend("openvino", CUDA, torch.float32)
    with pytest.raises(DeviceError, match="in fp32; leave --dtype out for its bf16 stages"):
        resolve_backend("openvino", CPU, torch.bfloat16)  # its bf16 stages come with no --dtype
    with pytest.raises(DeviceError, match="unsupported backend"):
        resolve_backend("tensorrt", CPU, torch.float32)


def test_onnx_on_cuda_prefers_tensorrt_then_cuda_with_the_cpu_as_fallback(monkeypatch, tmp_path) -> None:
    import onnxruntime

    small = FastSpeech2Config(hidden_size=32, num_heads=2, head_size=8, intermediate_size=64, predictor_filters=32,
                              postnet_filters=32)  # fmt: skip
    _, spec = acoustic_graphs(FastSpeech2(small))[1]  # the mel graph
    assert execution_providers(CPU, spec, tmp_path) == ["CPUExecutionProvider"]
    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: ["CUDAExecutionProvider", "CPUExecutionProvider"])
    assert execution_providers(torch.device("cuda:1"), spec, tmp_path) == [
        ("CUDAExecutionProvider", {"device_id": 1, "cudnn_conv_algo_search": "HEURISTIC"}), "CPUExecutionProvider"]
    monkeypatch.setattr(onnxruntime, "get_available_providers",
                        lambda: ["TensorrtExecutionProvider", "CUDAExecutionProvider", "CPUExecutionProvider"])
    (name, options), *rest = execution_providers(CUDA, spec, tmp_path)
    assert name == "TensorrtExecutionProvider" and rest[0][0] == "CUDAExecutionProvider"
    assert options["device_id"] == 0 and options["trt_engine_cache_path"] == str(tmp_path / "tensorrt")
    h = spec.inputs["hidden"].shape[2]
    assert options["trt_profile_min_shapes"].startswith(f"hidden:1x1x{h},f0:1x1,")
    assert options["trt_profile_max_shapes"].startswith(f"hidden:64x2048x{h},f0:64x2048,")
    assert "frame_count" not in options["trt_profile_opt_shapes"]  # a static input needs no profile
    vocoder = MBMelGAN(MBMelGANConfig(filters=32))
    (_, vocoder_options), *_ = execution_providers(CUDA, mb_melgan_graph(vocoder)[1], tmp_path)
    assert vocoder.min_frames > 1  # its reflect paddings: TensorRT must not build for fewer frames
    assert vocoder_options["trt_profile_min_shapes"] == f"mel:1x{vocoder.min_frames}x{vocoder.cfg.n_mels}"
    assert vocoder_options["trt_profile_max_shapes"] == f"mel:1x2048x{vocoder.cfg.n_mels}"
    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: ["CPUExecutionProvider"])
    with pytest.raises(DeviceError, match="pip install onnxruntime-gpu"):
        execution_providers(CUDA, spec, tmp_path)


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
