"""CPU offload of idle models: the idle watcher, its use by the Synthesizer, and where it is refused."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from yuyin import SynthesisOptions, Synthesizer
from yuyin.cli import main
from yuyin.engine.device import DeviceError, plan_runtime
from yuyin.engine.offload import IdleOffloader, place_modules


class Placement:
    """A place(resident) that records its calls."""

    def __init__(self) -> None:
        self.calls: list[bool] = []

    def __call__(self, resident: bool) -> None:
        self.calls.append(resident)


def _wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_idle_models_leave_and_the_next_request_brings_them_back_first() -> None:
    place = Placement()
    offloader = IdleOffloader(place, idle_seconds=0.1)
    _wait_for(lambda: not offloader.resident)  # idle since construction
    assert place.calls == [False] and offloader.offloads == 1
    with offloader.in_use():
        assert place.calls == [False, True] and offloader.resident  # back before the request's body runs
    _wait_for(lambda: not offloader.resident)
    assert place.calls == [False, True, False] and offloader.offloads == 2


def test_models_never_move_while_a_request_holds_them() -> None:
    place = Placement()
    offloader = IdleOffloader(place, idle_seconds=0.05)
    inside, release = threading.Event(), threading.Event()

    def long_request() -> None:
        with offloader.in_use():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=long_request)
    worker.start()
    inside.wait(5)
    time.sleep(0.3)  # six idle limits while the request runs
    assert place.calls == [] and offloader.resident
    release.set()
    worker.join(5)
    _wait_for(lambda: not offloader.resident)
    assert place.calls == [False]


def test_a_failed_restore_reaches_the_request_and_the_next_one_retries() -> None:
    calls: list[bool] = []

    def place(resident: bool) -> None:
        calls.append(resident)
        if resident and len(calls) == 2:
            raise RuntimeError("CUDA out of memory")

    offloader = IdleOffloader(place, idle_seconds=0.05)
    _wait_for(lambda: not offloader.resident)
    with pytest.raises(RuntimeError, match="out of memory"):
        with offloader.in_use():
            pass
    assert not offloader.resident
    with offloader.in_use():
        assert offloader.resident
    assert calls == [False, True, True]
    with pytest.raises(ValueError, match="positive"):
        IdleOffloader(place, idle_seconds=0)


def test_warm_up_holds_the_models_while_it_compiles(tiny_pack, monkeypatch) -> None:
    """Compiling every shape bucket can outlast the idle limit; the models must not leave mid-way."""
    voice = Synthesizer.load(tiny_pack, device="cpu", backend="torch", warm_up=False)._voice
    place = Placement()
    seen: list[bool] = []

    def slow_warm_up_shapes(progress) -> None:
        time.sleep(0.3)  # six idle limits
        seen.append(synth.resident)

    monkeypatch.setattr(voice, "warm_up_shapes", slow_warm_up_shapes, raising=False)
    synth = Synthesizer(voice, IdleOffloader(place, idle_seconds=0.05))
    synth.warm_up()
    assert seen == [True] and place.calls == []
    _wait_for(lambda: not synth.resident)  # idle after the warm-up as usual


def test_a_synthesizer_holds_its_models_for_a_whole_stream_and_speaks_the_same_after_a_restore(tiny_pack) -> None:
    plain = Synthesizer.load(tiny_pack, device="cpu", backend="torch", warm_up=False)
    moved: list[bool] = []

    def place(resident: bool) -> None:
        moved.append(resident)
        place_modules(plain._voice.model_homes(), resident)

    synth = Synthesizer(plain._voice, IdleOffloader(place, idle_seconds=0.1))
    text = "今天天气真好，我们一起去公园散步吧！你好。"
    expected = np.concatenate([c.samples for c in plain.synthesize(text, SynthesisOptions(speed=1.2))])
    _wait_for(lambda: not synth.resident)
    stream = synth.synthesize(text, SynthesisOptions(speed=1.2), chunk_frames=8)
    first = next(stream)
    assert synth.resident and moved == [False, True]
    time.sleep(0.3)  # a slow client: the stream is suspended, but still holds the models
    assert synth.resident and moved == [False, True]
    audio = np.concatenate([first.samples, *(c.samples for c in stream)])
    np.testing.assert_allclose(audio, expected, atol=1e-5)
    _wait_for(lambda: not synth.resident)  # the finished stream let go
    assert moved == [False, True, False]
    assert all(p.device.type == "cpu" for module, _ in plain._voice.model_homes() for p in module.parameters())


def test_offload_is_refused_without_a_gpu_or_with_an_exported_graph_backend() -> None:
    with pytest.raises(DeviceError, match="on --device cpu they are there already"):
        plan_runtime("cpu", offload_idle=30)
    with pytest.raises(DeviceError, match="offload runs PyTorch models; use --backend torch"):
        plan_runtime("cpu", backend="onnx", offload_idle=30)
    with pytest.raises(DeviceError, match="must be positive"):
        plan_runtime("cpu", offload_idle=0)
    assert plan_runtime("cpu").offload_idle is None


def test_serve_refuses_offload_on_the_cpu_before_loading(capsys) -> None:
    assert main(["serve", "--device", "cpu", "--offload-idle", "60", "--port", "0"]) == 2
    assert "on --device cpu they are there already" in capsys.readouterr().err
