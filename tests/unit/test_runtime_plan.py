"""plan_runtime: every load-time choice resolved and checked together."""
from __future__ import annotations

import pytest
import torch

from yuyin.engine.device import DeviceError, RuntimePlan, plan_runtime

CPU = torch.device("cpu")


def test_defaults_on_the_cpu_are_mixed_precision_with_an_exported_graph_backend() -> None:
    plan = plan_runtime("cpu")
    assert (plan.device, plan.vocoder_device, plan.dtype) == (CPU, CPU, torch.float32)
    assert plan.backend == "openvino" and plan.mixed_precision and plan.decoder_weights == torch.float16
    assert not plan.compile and plan.batch_size == 16


def test_explicit_fp32_is_pure_float32() -> None:
    plan = plan_runtime("cpu", "fp32", "torch", batch_size=4)
    assert plan.backend == "torch" and not plan.mixed_precision and plan.decoder_weights == torch.float32
    assert plan.batch_size == 4


def test_compile_and_hybrid_placement_pick_torch_and_refuse_exported_graphs() -> None:
    assert plan_runtime("cpu", compile=True).backend == "torch"
    assert plan_runtime("cpu", vocoder_device="cpu").backend == "openvino"  # the same device is not hybrid
    with pytest.raises(DeviceError, match="torch.compile runs PyTorch models; use --backend torch"):
        plan_runtime("cpu", backend="onnx", compile=True)


def test_side_by_side_streams_follow_the_memory_tier_unless_chosen(monkeypatch) -> None:
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "large")
    assert plan_runtime("cpu", backend="openvino", side_by_side=None).side_by_side
    assert not plan_runtime("cpu", backend="openvino", side_by_side=False).side_by_side
    assert not plan_runtime("cpu", backend="onnx", side_by_side=None).side_by_side  # only OpenVINO has streams
    assert not plan_runtime("cpu", backend="torch", side_by_side=True).side_by_side  # moot there, not an error
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "medium")
    assert not plan_runtime("cpu", backend="openvino", side_by_side=None).side_by_side
    assert plan_runtime("cpu", backend="openvino", side_by_side=True).side_by_side
    assert not plan_runtime("cpu").side_by_side  # the default is off
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "huge")
    with pytest.raises(DeviceError, match="YUYIN_MEMORY_TIER must be one of auto, small"):
        plan_runtime("cpu", backend="openvino", side_by_side=None)


def test_a_missing_vocoder_device_is_an_error(monkeypatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(DeviceError, match="device 'cuda' requested but CUDA is not available"):
        plan_runtime("cpu", vocoder_device="cuda")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"batch_size": 0}, "batch size must be >= 1, got 0"),
    ({"dtype": "fp16"}, "fp16 is not supported on CPU"),
    ({"dtype": "int3"}, "unsupported dtype 'int3': use fp32, bf16 or fp16"),
    ({"dtype": torch.int8}, "unsupported dtype torch.int8: use fp32, bf16 or fp16"),  # was torch's TypeError
    ({"dtype": 16}, "unsupported dtype 16"),
    ({"vocoder_device": "tpu"}, "invalid device 'tpu'"),
    ({"vocoder_device": 0}, "device must be auto, cpu, cuda or cuda:N, got int"),
    ({"side_by_side": "yes"}, "side_by_side must be True, False or None"),  # was taken as True
])  # fmt: skip
def test_combinations_that_cannot_run_are_refused_with_the_reason(kwargs, message) -> None:
    with pytest.raises(DeviceError, match=message):
        plan_runtime("cpu", **kwargs)


def test_a_device_that_is_no_name_is_refused_with_the_reason() -> None:
    with pytest.raises(DeviceError, match="device must be auto, cpu, cuda or cuda:N, got NoneType"):
        plan_runtime(None)  # was torch's many-line TypeError


@pytest.mark.parametrize("command", ["say", "serve"])
def test_cli_refuses_an_impossible_placement_before_loading(command: str, tmp_path, capsys) -> None:
    from yuyin.cli import main

    args = ["你好", "-o", str(tmp_path / "out.wav")] if command == "say" else ["--port", "0"]
    assert main([command, *args, "--device", "cpu", "--backend", "onnx", "--compile"]) == 2
    assert "yuyin: error: torch.compile runs PyTorch models; use --backend torch" in capsys.readouterr().err
    assert not (tmp_path / "out.wav").exists()


def test_each_model_batches_by_its_own_device() -> None:
    """Hybrid placement: the CPU acoustic model runs alone, the GPU vocoder batches (and the reverse)."""
    cpu, gpu = torch.device("cpu"), torch.device("cuda", 0)
    hybrid = RuntimePlan(cpu, gpu, torch.float32, "torch", False, batch_size=12)
    assert (hybrid.batch_size_on(hybrid.device), hybrid.batch_size_on(hybrid.vocoder_device)) == (1, 12)
    reverse = RuntimePlan(gpu, cpu, torch.float32, "torch", False, batch_size=12)
    assert (reverse.batch_size_on(reverse.device), reverse.batch_size_on(reverse.vocoder_device)) == (12, 1)


def test_a_hybrid_baker_voice_is_built_with_its_gpu_vocoder_batching(tiny_pack, monkeypatch) -> None:
    from yuyin.engine.baker_voice import BakerVoice

    built = {}
    monkeypatch.setattr(BakerVoice, "__init__", lambda self, *args, **kwargs: built.update(args=args, kwargs=kwargs))
    hybrid = RuntimePlan(CPU, torch.device("cuda", 0), torch.float32, "torch", False, batch_size=12)
    BakerVoice.from_dir(tiny_pack, hybrid)  # no GPU needed: the models are only built, not moved
    max_batch_size, vocoder_device = built["args"][7], built["args"][8]
    assert (max_batch_size, vocoder_device, built["kwargs"]["vocoder_batch_size"]) == (1, hybrid.vocoder_device, 12)
