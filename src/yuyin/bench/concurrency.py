"""The concurrency sweep: N threads calling one shared Synthesizer, level after level.

Each level is bounded twice: at most ``requests`` requests (at least one per caller), and no
request starts after ``duration_s`` (those in flight finish). Request i speaks sentence
i mod len(set), so every level speaks the set in the same order. Callers start together behind a
barrier; the level's wall time runs from that start to the end of its last request, so
throughput = audio seconds of all requests / that wall time. Peak RSS and, on a CUDA bench
device, the GPU memory in use are sampled during the level (memory.rss_sampler, vram_sampler), and
so are the CPU cores in use, the busiest thread and the GPU's utilisation (utilisation).
Both are the whole process's (the GPU's, for VRAM): a combination measured after another also
holds whatever the earlier one left allocated (freed memory is not always returned to the
system), see RSS_NOTE.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from yuyin.bench.memory import rss_sampler, vram_sampler
from yuyin.bench.sentences import Sentence
from yuyin.bench.stats import LevelResult, SentenceTiming
from yuyin.bench.timing import Clock, SynthesizerLike, time_synthesis
from yuyin.bench.utilisation import UtilisationSampler
from yuyin.bench.variants import Variant


RSS_NOTE = ("peak RSS is this process's and peak VRAM the GPU's memory in use, sampled during each level; "
            "a combination measured after another also holds what the earlier one left allocated")


@dataclass(frozen=True)
class SweepPlan:
    """concurrency: the levels, in order. requests: per level. duration_s: the per-level cap."""

    concurrency: tuple[int, ...]
    requests: int
    duration_s: float

    def requests_at(self, concurrency: int) -> int:
        return max(self.requests, concurrency)


class _Dispatcher:
    """Hands out request indices until the count or the deadline is reached (thread-safe)."""

    def __init__(self, requests: int, duration_s: float, clock: Clock):
        self._requests, self._duration_s, self._clock = requests, duration_s, clock
        self._deadline = float("inf")
        self._next = 0
        self._lock = threading.Lock()

    def start(self) -> float:
        """Start the clock of the duration cap; returns the start time."""
        started = self._clock()
        self._deadline = started + self._duration_s
        return started

    def take(self) -> int | None:
        with self._lock:
            if self._next >= self._requests or self._clock() >= self._deadline:
                return None
            self._next += 1
            return self._next - 1


def run_level(synth: SynthesizerLike, sentences: Sequence[Sentence], options: Any, concurrency: int, requests: int,
              duration_s: float, clock: Clock = time.perf_counter, device: str | None = None) -> LevelResult:
    """Run one level and return its measurements; re-raises the first error of any caller.
    device: the bench's device (a CUDA one has its memory in use sampled)."""
    timings: list[SentenceTiming] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(concurrency + 1)
    dispatcher = _Dispatcher(requests, duration_s, clock)

    def caller(index: int) -> None:
        barrier.wait()
        try:
            while (request := dispatcher.take()) is not None:
                sentence = sentences[request % len(sentences)]
                wall_s, audio_s, ttfa_s = time_synthesis(synth, sentence.text, options, clock)
                timings.append(SentenceTiming(sentence.id, index, wall_s, audio_s, ttfa_s))
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)

    threads = [threading.Thread(target=caller, args=(i,), name=f"bench-caller-{i}") for i in range(concurrency)]
    for thread in threads:
        thread.start()
    with rss_sampler() as rss, vram_sampler(device) as vram, UtilisationSampler(device=device) as use:
        started = dispatcher.start()
        barrier.wait()
        for thread in threads:
            thread.join()
        wall_s = clock() - started
    if errors:
        raise errors[0]
    return LevelResult(concurrency, timings, wall_s, rss.peak_bytes, vram.peak_bytes, use.result)


def run_sweep(synth: SynthesizerLike, sentences: Sequence[Sentence], options: Any, plan: SweepPlan,
              log: Callable[[str], None] = lambda _: None, device: str | None = None) -> list[LevelResult]:
    """Every level of the plan on one synthesizer (on the bench's device), after one warm-up request."""
    time_synthesis(synth, sentences[0].text, options)
    levels = []
    for concurrency in plan.concurrency:
        log(f"bench: concurrency {concurrency}, up to {plan.requests_at(concurrency)} requests "
            f"or {plan.duration_s:g} s")
        levels.append(run_level(synth, sentences, options, concurrency, plan.requests_at(concurrency),
                                plan.duration_s, device=device))
    return levels


@dataclass
class VariantSweep:
    """The sweep of one backend/precision combination, or the note saying why it has none.

    runtime: what the backend resolved to here ("torch", "onnx", "onnx-int8"). note: a skip
    (the combination does not apply on this machine) or an error, when levels is empty.
    """

    variant: Variant
    device: str | None = None
    runtime: str | None = None
    load_s: float | None = None
    levels: list[LevelResult] = field(default_factory=list)
    note: str | None = None

    @property
    def label(self) -> str:
        runtime = self.runtime if self.runtime and self.runtime != self.variant.backend else None
        backend = f"{self.variant.backend}->{runtime}" if runtime else self.variant.backend
        return self.variant.label.replace(self.variant.backend, backend, 1)
