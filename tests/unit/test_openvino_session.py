"""OpenVINO sessions: a lone call gets every thread, overlapping calls one-thread streams, warm-up prepares both."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

import numpy as np
import pytest
import torch
from torch import nn

from yuyin.engine.onnx_session import GraphSpec, export_graph
from yuyin.engine.openvino_session import CALLS, CallsInFlight, OpenVinoSession, warming_up
from yuyin.engine.threads import stream_count


def test_a_call_is_alone_only_while_no_other_runs() -> None:
    calls = CallsInFlight()
    with calls.claim() as first:
        with calls.claim() as second:
            assert (first, second) == (True, False)
    with calls.claim() as again:
        assert again
    with pytest.raises(RuntimeError), calls.claim():
        raise RuntimeError("a failed call is counted out too")
    with calls.claim() as after_failure:
        assert after_failure


def test_concurrent_claims_are_counted_exactly() -> None:
    calls, start, alone = CallsInFlight(), threading.Barrier(8), []

    def claim_many() -> None:
        start.wait()
        for _ in range(2000):
            with calls.claim():
                pass

    threads = [threading.Thread(target=claim_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with calls.claim() as last:
        alone.append(last)
    assert alone == [True]


def test_warming_up_is_this_threads_and_nests() -> None:
    seen = []
    with warming_up():
        with warming_up():
            pass
        other = threading.Thread(target=lambda: seen.append(_warming_here()))
        other.start()
        other.join()
        seen.append(_warming_here())
    seen.append(_warming_here())
    assert seen == [False, True, False]


def _warming_here() -> bool:
    from yuyin.engine import openvino_session

    return getattr(openvino_session._warming, "active", False)


class _Convs(nn.Module):
    """x [1, 8, T] -> y [1, 8, T]: two convolutions, enough for OpenVINO to split over threads."""

    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(0)
        self.first, self.second = nn.Conv1d(8, 64, 5, padding=2), nn.Conv1d(64, 8, 5, padding=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.second(torch.tanh(self.first(x)))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> tuple[str, _Convs]:
    module = _Convs().eval()
    spec = GraphSpec("convs", {"x": torch.zeros(1, 8, 16)}, ("y",), {"x": {2: "t"}, "y": {2: "t"}})
    return str(export_graph(module, spec, tmp_path_factory.mktemp("graphs") / "convs.onnx")), module


def _recording(session: OpenVinoSession, monkeypatch) -> list[str]:
    """Which compiled form ran each call, in order ("latency", "streams", or "streams x N" for
    one run started in N requests at once)."""
    ran: list[str] = []
    for name in ("latency", "streams"):
        form = getattr(session, f"_{name}")
        monkeypatch.setattr(form, "run", lambda *args, _name=name, _run=form.run: ran.append(_name) or _run(*args))
    streams = session._streams
    monkeypatch.setattr(streams, "run_at_once", lambda feeds, count, _run=streams.run_at_once:
                        ran.append(f"streams x {count}") or _run(feeds, count))  # fmt: skip
    return ran


def test_overlapping_calls_take_the_streams_and_lone_ones_every_thread(graph, monkeypatch) -> None:
    path, module = graph
    session = OpenVinoSession(path, threads=2, side_by_side=True)
    assert session.side_by_side
    ran = _recording(session, monkeypatch)
    x = np.random.default_rng(1).normal(size=(1, 8, 300)).astype(np.float32)
    lone = session.run(None, {"x": x})[0]
    with CALLS.claim():  # another call of this process is running
        overlapping = session.run(["y"], {"x": x})[0]
    assert ran == ["latency", "streams"]
    with torch.no_grad():
        expected = module(torch.from_numpy(x)).numpy()
    assert lone.shape == overlapping.shape == (1, 8, 300)
    assert np.abs(lone - expected).max() < 1e-5 and np.abs(overlapping - expected).max() < 1e-5


def test_warming_up_runs_both_forms_and_one_thread_has_no_streams(graph, monkeypatch) -> None:
    path, _ = graph
    session = OpenVinoSession(path, threads=2, side_by_side=True)
    ran = _recording(session, monkeypatch)
    with warming_up(), CALLS.claim():  # warming runs every form whatever else is running
        session.run(None, {"x": np.zeros((1, 8, 40), np.float32)})
    assert ran == ["streams x 2", "latency"]
    assert not OpenVinoSession(path, threads=1, side_by_side=True).side_by_side  # one thread: nothing to share
    many = OpenVinoSession(path, threads=8, side_by_side=True)  # four streams of two threads, not eight
    ran = _recording(many, monkeypatch)
    with warming_up():
        many.run(None, {"x": np.zeros((1, 8, 40), np.float32)})
    assert ran == ["streams x 4", "latency"]
    assert [stream_count(threads) for threads in (1, 2, 3, 4, 16)] == [1, 2, 3, 4, 4]
    assert not OpenVinoSession(path, threads=2).side_by_side


def test_importing_openvino_sends_no_telemetry(tmp_path) -> None:
    """Imported plainly, openvino starts a thread that sends a usage event and writes a client id
    under ~/intel; through import_openvino (a fresh interpreter, HOME in tmp_path) it does neither."""
    probe = ("import sys, threading; from yuyin.engine.openvino_session import import_openvino; "
             "ov = import_openvino(); ov.Core(); "
             "from openvino.tools.ovc import telemetry_utils; "
             "print(telemetry_utils.tm.__name__, [t.name for t in threading.enumerate()], "
             "'openvino_telemetry' in sys.modules)")  # fmt: skip
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("CI", "TF_BUILD", "JENKINS_URL")}  # where openvino itself would not send  # fmt: skip
    run = subprocess.run([sys.executable, "-c", probe], env={**environment, "HOME": str(tmp_path)},
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["openvino.tools.ovc.telemetry_stub", "['MainThread']", "False"]
    assert list(tmp_path.iterdir()) == []
