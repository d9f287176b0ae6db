"""yuyin.bench.utilisation: CPU cores, the busiest thread and GPU utilisation over a span, and how
the sweep table and JSON report them. Readers and clocks are fakes except where /proc itself is
read (a spinning thread's CPU time, which a busy host cannot shrink)."""
from __future__ import annotations

import itertools
import os
import threading
import time

import pytest

from fake_synthesizer import FakeSynthesizer
from yuyin.bench import concurrency, utilisation
from yuyin.bench.report import bottleneck_lines, format_utilisation, utilisation_to_dict, _level_row
from yuyin.bench.sentences import Sentence
from yuyin.bench.stats import LevelResult, SentenceTiming
from yuyin.bench.utilisation import Utilisation, UtilisationSampler

TICK = 1 / os.sysconf("SC_CLK_TCK")
NEVER = 1e9  # a sampling interval no test outlives: only the samples a test takes itself


def test_a_stat_line_is_read_from_its_last_parenthesis():
    fields = ["S"] + [str(n) for n in range(1, 11)] + ["150", "50", "7", "9"]  # utime 150, stime 50 ticks
    name, seconds = utilisation._stat_cpu_seconds(f"4242 (odd) name (x)) {' '.join(fields)}")
    assert name == "odd) name (x)" and seconds == pytest.approx(200 * TICK)


def test_this_process_and_its_threads_are_read_from_proc():
    threads = utilisation.thread_cpu_seconds()
    assert threads[threading.main_thread().native_id][0] == "MainThread"
    assert utilisation.process_cpu_seconds() >= max(seconds for _, seconds in threads.values())
    assert utilisation.thread_cpu_seconds(pid=2**22 + 1) is None  # above pid_max: no such process


def scripted(values):
    """A reader returning values in turn (then the last again)."""
    readings, last = iter(values), [values[0]]

    def read():
        last[0] = next(readings, last[0])
        return last[0]

    return read


def test_threads_count_from_the_span_start_or_their_own_and_up_to_their_last_sample():
    clock = scripted([100.0, 102.0])  # enter, exit: a 2 s span
    sampler = UtilisationSampler(interval_s=NEVER, clock=clock, read_process=scripted([20.0, 21.0, 23.0]),
                                 read_threads=scripted([
                                     {1: ("main", 10.0), 2: ("worker", 5.0)},
                                     {1: ("main", 10.5), 2: ("worker", 6.5), 3: ("late", 0.5)},
                                     {1: ("main", 11.0), 3: ("late", 1.8)},  # the worker ended
                                 ]))
    with sampler:
        sampler.sample()
    use = sampler.result
    assert use.cpu_cores == pytest.approx(1.5)  # 3 CPU s over 2 wall s, the ended worker's included
    assert (use.busiest_thread, use.busiest_thread_cores) == ("late", pytest.approx(0.9))  # from zero: new
    assert use.gpu_percent is None and use.gpu_note is None  # not a CUDA device


def test_the_worker_that_ended_still_counts():
    sampler = UtilisationSampler(interval_s=NEVER, clock=scripted([0.0, 1.0]), read_process=scripted([0.0, 1.0]),
                                 read_threads=scripted([{1: ("main", 0.0), 2: ("worker", 0.0)},
                                                        {1: ("main", 0.1), 2: ("worker", 0.8)},
                                                        {1: ("main", 0.2)}]))
    with sampler:
        sampler.sample()
    assert (sampler.result.busiest_thread, sampler.result.busiest_thread_cores) == ("worker", pytest.approx(0.8))


def test_gpu_utilisation_is_the_mean_of_samples_taken_inside_the_span():
    sampler = UtilisationSampler(device="cuda:0", interval_s=NEVER, read_gpu=scripted([40.0, 60.0]),
                                 read_threads=lambda: None)
    with sampler:  # the enter sample reads no GPU: NVML's figure would cover the time before the span
        sampler.sample()
    assert sampler.result.gpu_percent == pytest.approx(50.0) and sampler.result.gpu_note is None
    assert sampler.result.busiest_thread is None and sampler.result.cpu_cores is not None


def test_a_gpu_without_nvml_says_so_once_and_is_asked_no_more():
    asked = itertools.count()

    def no_nvml():
        next(asked)
        raise ModuleNotFoundError("No module named 'pynvml'")

    sampler = UtilisationSampler(device="cuda", interval_s=NEVER, read_gpu=no_nvml)
    with sampler:
        sampler.sample()
    assert sampler.result.gpu_percent is None and next(asked) == 1
    assert sampler.result.gpu_note == ("GPU utilisation not available "
                                       "(ModuleNotFoundError: No module named 'pynvml')")


def test_the_gpu_reader_asks_nvml_by_index(monkeypatch):
    import torch

    asked = []
    monkeypatch.setattr(torch.cuda, "utilization", lambda device: asked.append(device) or 87)
    assert utilisation.gpu_utilisation_reader("cpu") is None and utilisation.gpu_utilisation_reader(None) is None
    assert utilisation.gpu_utilisation_reader("cuda:1")() == 87.0
    assert utilisation.gpu_utilisation_reader("cuda")() == 87.0
    assert asked == [1, 0]  # plain ints: a torch.device without an index would start CUDA to resolve it


@pytest.mark.parametrize(("cores", "cpu", "busiest", "bound"), [
    (16, 1.2, 0.97, True),  # the GPU feeder: one core pegged, fifteen idle
    (2, 1.0, 0.95, True),
    (2, 1.9, 0.95, False),  # both cores busy: the cores, not one thread, are the limit
    (16, 3.0, 0.5, False),
    (2, 1.9, None, None),
])
def test_one_thread_bound(cores, cpu, busiest, bound):
    assert Utilisation(cores, cpu, "t", busiest).one_thread_bound is bound


def test_cores_another_process_keeps_busy_are_not_idle():
    """Half the cores unused by this process, but busy with another: no one-thread verdict."""
    assert Utilisation(2, 1.0, "t", 0.95, idle_cores=0.1).one_thread_bound is False
    assert Utilisation(2, 1.0, "t", 0.95, idle_cores=0.9).one_thread_bound is True
    sampler = UtilisationSampler(interval_s=NEVER, clock=scripted([0.0, 2.0]), read_idle=scripted([100.0, 101.0, 102.5]),
                                 read_threads=lambda: None)  # fmt: skip
    with sampler:
        sampler.sample()
    assert sampler.result.idle_cores == pytest.approx(1.25)
    first = utilisation.machine_idle_seconds()
    assert first > 0 and utilisation.machine_idle_seconds() >= first


def test_a_spinning_threads_time_is_read_under_its_python_name():
    spun, done = threading.Event(), threading.Event()

    def spin():
        deadline = time.thread_time() + 0.3
        while time.thread_time() < deadline:
            pass
        spun.set()
        done.wait(10)  # stay alive to be read

    with UtilisationSampler(interval_s=0.05) as sampler:
        spinner = threading.Thread(target=spin, name="spinner")
        spinner.start()
        spun.wait(10)
        name, seconds = utilisation.thread_cpu_seconds()[spinner.native_id]
        done.set()
        spinner.join()
    assert name == "spinner" and seconds >= 0.3 - 2 * TICK
    use = sampler.result  # other tests' threads may have been busier: only bounds here
    assert use.busiest_thread_cores >= 0.0 and use.cpu_cores > 0
    assert use.cores_available == len(os.sched_getaffinity(0))


def test_a_level_reports_its_utilisation():
    sentences = [Sentence("a", "一二三四"), Sentence("b", "五六")]
    level = concurrency.run_level(FakeSynthesizer(), sentences, None, concurrency=2, requests=4, duration_s=600)
    assert level.utilisation is not None and level.utilisation.cpu_cores is not None
    assert level.utilisation.busiest_thread is not None and level.utilisation.gpu_percent is None


def _level(use):
    return LevelResult(16, [SentenceTiming("a", 0, 1.0, 10.0, 0.1)], 1.0, 2**30, 3 * 2**30, use)


def test_the_sweep_row_and_the_bottleneck_lines():
    use = Utilisation(16, 1.25, "yuyin-batcher", 0.98, 31.0)
    assert _level_row("torch bf16", _level(use))[-3:] == ("1.25/16", "0.98 yuyin-batcher", "31 %")
    assert _level_row("torch bf16", _level(None))[-3:] == ("-", "-", "-")
    assert bottleneck_lines("torch bf16", _level(use)) == [
        "torch bf16, 16 caller(s): one thread (yuyin-batcher) kept a core 98% busy while 14.8 of 16 cores "
        "idled: that thread limits this level"]
    no_nvml = Utilisation(16, 4.0, "x", 0.5, None, "GPU utilisation not available (ModuleNotFoundError: pynvml)")
    assert bottleneck_lines("onnx fp16", _level(no_nvml)) == [
        "onnx fp16, 16 caller(s): GPU utilisation not available (ModuleNotFoundError: pynvml)"]
    assert bottleneck_lines("cpu", _level(Utilisation(2, 1.9, "x", 0.9))) == []


def test_utilisation_json_round_trips():
    use = Utilisation(2, 1.0, "bench-caller-0", 0.95)
    record = utilisation_to_dict(use)
    assert record["one_thread_bound"] is True and record["busiest_thread"] == "bench-caller-0"
    assert Utilisation.from_dict(record) == use and utilisation_to_dict(None) is None
    assert format_utilisation(use) == ("CPU cores 1.00/2, busiest thread 0.95 bench-caller-0, GPU util -; "
                                       "one thread limits it")
