"""ONNX graphs compiled by OpenVINO for the CPU, behind onnxruntime's ``run`` signature.

A graph is compiled for latency: one call uses every thread it was given. Concurrent requests
then take turns on the same threads, and each call's small convolutions scale imperfectly over
them (the vocoder body on 2 threads ran 1.9x one thread at 256 frames, 1.8x at 64). With
``side_by_side`` a graph is also compiled as one-thread streams, one per thread (at most
threads.MAX_STREAMS, which then share the threads): a call that starts while another OpenVINO
call of this process is running takes a stream of its own, so overlapping requests run side by
side, one core each, while a call that runs alone still gets every thread. On a 2-core
AVX512-BF16 EPYC, 16 callers of the baker voice went from 69.1 to 76.6 audio seconds per second
and 4 callers from 69.3 to 76.1 (medians of 4 interleaved rounds in one process; one caller 64.3
vs 66.0, the same within noise), for ~1 GiB more memory (each of the two streams keeps its own
kernels and buffers for every shape bucket: 1.0 -> 2.0 GiB after load) and ~6 s more load
(every stream is warmed over the buckets too); on a 2-core AMX Xeon, 16 callers went from 82 to
127 (one bench run each), for 1.6 GiB (1.4 -> 3.0 GiB) and ~9 s more load.
"""
from __future__ import annotations

import contextlib
import queue
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator, Mapping, Sequence

import numpy as np

from yuyin.engine.threads import stream_count

_warming = threading.local()


class CallsInFlight:
    """How many OpenVINO calls of this process are running (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0

    @contextlib.contextmanager
    def claim(self) -> Iterator[bool]:
        """Count one call for the body; yields whether no other call was running when it started."""
        with self._lock:
            self._count += 1
            alone = self._count == 1
        try:
            yield alone
        finally:
            with self._lock:
                self._count -= 1


CALLS = CallsInFlight()


@contextlib.contextmanager
def warming_up() -> Iterator[None]:
    """In the body (this thread only), every OpenVINO call runs in each compiled form of its graph
    (latency and, where there are any, every one of the side-by-side streams), so that each
    prepares its kernels for the call's shapes before a request needs them."""
    previous = getattr(_warming, "active", False)
    _warming.active = True
    try:
        yield
    finally:
        _warming.active = previous


class _Compiled:
    """One compiled form of a graph with a pool of idle infer requests (one per concurrent call)."""

    def __init__(self, compiled: Any):
        self._compiled = compiled
        self._names = [output.get_any_name() for output in compiled.outputs]
        self._idle: queue.SimpleQueue = queue.SimpleQueue()

    def run(self, output_names: Sequence[str] | None, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]:
        request = self._request()
        try:
            results = request.infer(dict(feeds))
            by_name = {name: results[output] for name, output in zip(self._names, self._compiled.outputs)}
            return [np.array(by_name[name]) for name in (output_names or self._names)]
        finally:
            self._idle.put(request)

    def run_at_once(self, feeds: Mapping[str, np.ndarray], count: int) -> None:
        """Run feeds in count requests started together, so that each of count streams takes one
        (each stream keeps its own kernels and buffers per shape); the outputs are dropped."""
        requests = [self._request() for _ in range(count)]
        try:
            for request in requests:
                request.start_async(dict(feeds))
            for request in requests:
                request.wait()
        finally:
            for request in requests:
                self._idle.put(request)

    def _request(self) -> Any:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return self._compiled.create_infer_request()


class OpenVinoSession:
    """An ONNX graph compiled by OpenVINO for the CPU, behind onnxruntime's ``run`` signature.

    On an AMX CPU OpenVINO ran FastSpeech2's mel graph 1.4x faster than onnxruntime in fp32
    (outputs within 1e-5) and 3x faster in bf16; the vocoders ran slower in it in fp32, so they
    stay on onnxruntime unless the baker vocoder runs in bf16 (onnx_vocoder.mixed_bf16_session).
    Precision is fp32 unless bf16 is asked for: on
    CPUs with AMX, OpenVINO would otherwise silently compute in bf16, which moved predicted
    durations by a whole frame. Threads are not pinned to cores, so onnxruntime and PyTorch can
    share them. One session serves concurrent callers, each call with an infer request of its
    own from a pool; side_by_side (threads > 1): overlapping calls run in one-thread streams
    (see the module docstring).
    """

    def __init__(self, path: Path, threads: int, bf16: bool = False, side_by_side: bool = False):
        openvino = import_openvino()
        config = {"INFERENCE_NUM_THREADS": threads, "INFERENCE_PRECISION_HINT": "bf16" if bf16 else "f32",
                  "PERFORMANCE_HINT": "LATENCY", "ENABLE_CPU_PINNING": False}  # fmt: skip
        core = openvino.Core()
        self._latency = _Compiled(core.compile_model(str(path), "CPU", config))
        self._stream_count = stream_count(threads)  # threads // streams threads each
        streams = {"PERFORMANCE_HINT": "THROUGHPUT", "NUM_STREAMS": self._stream_count}
        self._streams = (_Compiled(core.compile_model(str(path), "CPU", {**config, **streams}))
                         if side_by_side and threads > 1 else None)  # fmt: skip

    @property
    def side_by_side(self) -> bool:
        return self._streams is not None

    def run(self, output_names: Sequence[str] | None, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]:
        if getattr(_warming, "active", False):  # every form, whatever else is running
            if self._streams is not None:
                self._streams.run_at_once(feeds, self._stream_count)
            return self._latency.run(output_names, feeds)
        with CALLS.claim() as alone:
            form = self._latency if alone or self._streams is None else self._streams
            return form.run(output_names, feeds)


def openvino_has_bf16() -> bool:
    """Whether OpenVINO computes bf16 natively on this CPU (AVX512-BF16 or AMX)."""
    return "BF16" in import_openvino().Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


_IMPORT_LOCK = threading.Lock()


def import_openvino() -> ModuleType:
    """The openvino module, imported without its usage telemetry. Unless its user opted out with
    OpenVINO's opt_in_out tool, importing openvino sends an event to Google Analytics and writes
    a client id under ~/intel, from a background thread that forks a process to send it: a speech
    server must not report on its users, and a fork beside torch's threads can hang. openvino's
    model-conversion tools fall back to a telemetry stub when openvino_telemetry cannot be
    imported, which is what they see while openvino imports here. A process that imported
    openvino_telemetry itself keeps it."""
    with _IMPORT_LOCK:
        blocked = "openvino" not in sys.modules and "openvino_telemetry" not in sys.modules
        if blocked:
            sys.modules["openvino_telemetry"] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            import openvino
        finally:
            if blocked:
                del sys.modules["openvino_telemetry"]
        return openvino
