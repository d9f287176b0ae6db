"""Where a span's time went: the CPU cores a process kept busy, its busiest thread, and the GPU.

The first question a GPU run raises: is the GPU busy, or is one CPU thread (the Python thread that
feeds it, the front end, an encoder) the limit? A thread that uses nearly all of one core while
the machine has cores to spare is the bottleneck, whatever the GPU's utilisation says.

CPU times come from ``/proc/<pid>/stat`` for the process (threads that ended inside the span
count) and ``/proc/<pid>/task/<tid>/stat`` for each thread, sampled through the span: a thread
that ends inside it counts up to its last sample, one that starts inside it counts from zero.
The machine's idle time comes from ``/proc/stat``: cores another process kept busy are not idle.
GPU utilisation is NVML's share of time in which a kernel was running (``torch.cuda.utilization``,
which needs the ``nvidia-ml-py`` package of the ``bench`` extra), averaged over the samples.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable

from yuyin.bench.sampling import PeriodicSampler

ONE_CORE_SHARE = 0.9
"""A thread busy at least this share of one core counts as saturated."""
SPARE_CORES = 0.5
"""...and limits the span only while at least this many cores' worth stays idle."""

_TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")

ThreadTimes = dict[int, tuple[str, float]]
"""Thread id -> (name, CPU seconds used so far)."""


@dataclass(frozen=True)
class Utilisation:
    """A span's use of the machine.

    cpu_cores: the process's CPU seconds over the span's wall seconds (2.0 = two cores all along).
    busiest_thread_cores: the same for its busiest thread (1.0 = one core all along).
    gpu_percent: mean GPU utilisation, None off CUDA; gpu_note says why it is None on CUDA.
    idle_cores: the machine's idle CPU seconds over the wall seconds (None without /proc/stat).
    """

    cores_available: int
    cpu_cores: float | None = None
    busiest_thread: str | None = None
    busiest_thread_cores: float | None = None
    gpu_percent: float | None = None
    gpu_note: str | None = None
    idle_cores: float | None = None

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> "Utilisation":
        """The Utilisation a report's JSON record holds (keys that are not fields are ignored)."""
        return cls(**{field.name: record[field.name] for field in fields(cls) if field.name in record})

    @property
    def one_thread_bound(self) -> bool | None:
        """True when one thread was saturated (ONE_CORE_SHARE of a core) while the machine had
        SPARE_CORES idle (by /proc/stat where known: busy with another process is not idle): that
        thread, not the cores or the GPU, limited the span. None when the threads were not measured."""
        if self.busiest_thread_cores is None or self.spare_cores is None:
            return None
        return self.busiest_thread_cores >= ONE_CORE_SHARE and self.spare_cores >= SPARE_CORES

    @property
    def spare_cores(self) -> float | None:
        """Cores' worth the machine left idle: idle_cores, or without /proc/stat the cores this
        process did not use (None when neither is known)."""
        if self.idle_cores is not None:
            return self.idle_cores
        return None if self.cpu_cores is None else self.cores_available - self.cpu_cores


def _stat_cpu_seconds(stat_line: str) -> tuple[str, float]:
    """(name, utime + stime in seconds) from a /proc stat line; the name may hold spaces and
    parentheses, so the fields are counted from the last ')'."""
    name = stat_line[stat_line.index("(") + 1:stat_line.rindex(")")]
    fields = stat_line[stat_line.rindex(")") + 2:].split()
    return name, (int(fields[11]) + int(fields[12])) * _TICK_S  # fields 14 and 15 of proc(5)


def process_cpu_seconds(pid: int | None = None) -> float | None:
    """CPU seconds (user + system) a process has used, its ended threads included; this process's
    without /proc, another's None."""
    try:
        return _stat_cpu_seconds(Path(f"/proc/{pid or 'self'}/stat").read_text())[1]
    except (OSError, ValueError, IndexError):
        return time.process_time() if pid is None else None


def machine_idle_seconds() -> float | None:
    """CPU seconds all cores have spent idle (idle + iowait) since boot, or None without /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return (int(fields[4]) + int(fields[5])) * _TICK_S  # "cpu user nice system idle iowait ..."
    except (OSError, ValueError, IndexError):
        return None


def thread_cpu_seconds(pid: int | None = None) -> ThreadTimes | None:
    """Each live thread's name and CPU seconds, or None without /proc. This process's Python
    threads are named as in ``threading``; other threads by their task name and id."""
    task_dir = Path(f"/proc/{pid or 'self'}/task")
    try:
        tids = [int(entry.name) for entry in task_dir.iterdir()]
    except OSError:
        return None
    python_names = {thread.native_id: thread.name for thread in threading.enumerate()} if pid is None else {}
    threads: ThreadTimes = {}
    for tid in tids:
        try:
            name, seconds = _stat_cpu_seconds((task_dir / str(tid) / "stat").read_text())
        except (OSError, ValueError, IndexError):
            continue  # ended since the listing
        threads[tid] = (python_names.get(tid, f"{name}/{tid}"), seconds)
    return threads


def gpu_utilisation_reader(device: Any) -> Callable[[], float] | None:
    """A function returning the GPU's utilisation now (percent), None for a device that is not CUDA."""
    if not str(device).startswith("cuda"):
        return None
    import torch

    index = torch.device(str(device)).index or 0  # an index: a device object would start CUDA here to learn it
    return lambda: float(torch.cuda.utilization(index))


class UtilisationSampler(PeriodicSampler):
    """Context manager measuring a process's CPU use, its busiest thread and the GPU over a span;
    ``result`` is the Utilisation once it exits.

    pid: the process (None: this one). device: the bench device (a CUDA one has its utilisation
    sampled). The readers and clock are injectable for tests.
    """

    def __init__(self, pid: int | None = None, device: Any = None, interval_s: float = 0.25,
                 read_process: Callable[[], float | None] | None = None,
                 read_threads: Callable[[], ThreadTimes | None] | None = None,
                 read_gpu: Callable[[], float] | None = None, clock: Callable[[], float] = time.perf_counter,
                 read_idle: Callable[[], float | None] = machine_idle_seconds):  # fmt: skip
        super().__init__(interval_s)
        self._read_process = read_process or (lambda: process_cpu_seconds(pid))
        self._read_threads = read_threads or (lambda: thread_cpu_seconds(pid))
        self._read_gpu = read_gpu if read_gpu is not None else gpu_utilisation_reader(device)
        self._read_idle = read_idle
        self._clock = clock
        self._cuda = str(device).startswith("cuda")
        self._lock = threading.Lock()
        self._started_at: float | None = None
        self._process: list[float] = []
        self._idle: list[float] = []
        self._first: dict[int, float] = {}
        self._last: ThreadTimes = {}
        self._threads_seen = True
        self._gpu: list[float] = []
        self._gpu_note: str | None = None
        self.result: Utilisation | None = None

    def sample(self) -> None:
        with self._lock:  # the last sample (at exit) may overlap the thread's
            first_sample = self._started_at is None
            if first_sample:
                self._started_at = self._clock()
            if (seconds := self._read_process()) is not None:
                self._process.append(seconds)
            if (idle := self._read_idle()) is not None:
                self._idle.append(idle)
            self._sample_threads(first_sample)
            if not first_sample:  # NVML's reading covers the moments before it: none from before the span
                self._sample_gpu()

    def _sample_threads(self, first_sample: bool) -> None:
        threads = self._read_threads()
        if threads is None:
            self._threads_seen = False
            return
        for tid, (name, seconds) in threads.items():
            self._first.setdefault(tid, seconds if first_sample else 0.0)
            self._last[tid] = (name, seconds)

    def _sample_gpu(self) -> None:
        if self._read_gpu is None or self._gpu_note is not None:
            return
        try:
            self._gpu.append(self._read_gpu())
        except Exception as error:  # noqa: BLE001 - NVML missing or failing: say so, stop asking
            self._gpu_note = f"GPU utilisation not available ({type(error).__name__}: {error})"

    def __exit__(self, *exc_info: Any) -> None:
        super().__exit__(*exc_info)
        assert self._started_at is not None
        wall_s = self._clock() - self._started_at
        self.result = self._summary(wall_s)

    def _summary(self, wall_s: float) -> Utilisation:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        if wall_s <= 0:
            return Utilisation(cores)
        cpu_cores = _rate(self._process, wall_s)
        busiest, busiest_cores = None, None
        if self._threads_seen and self._last:
            tid = max(self._last, key=lambda t: self._last[t][1] - self._first[t])
            busiest = self._last[tid][0]
            busiest_cores = max(0.0, self._last[tid][1] - self._first[tid]) / wall_s
        gpu = sum(self._gpu) / len(self._gpu) if self._gpu else None
        note = self._gpu_note if self._cuda and gpu is None else None
        return Utilisation(cores, cpu_cores, busiest, busiest_cores, gpu, note, _rate(self._idle, wall_s))


def _rate(readings: list[float], wall_s: float) -> float | None:
    """Growth of a cumulative reading from first to last sample per wall second (None with fewer than two)."""
    return (readings[-1] - readings[0]) / wall_s if len(readings) >= 2 else None
