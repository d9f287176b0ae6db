"""Peak RSS against text length: is memory flat between a short and a very long text?

A process's peak RSS only grows, so each length runs in a fresh child process
(``python -m yuyin.bench.long_text_child``) that loads the voice, warms up, then streams one text of
exactly that many characters through ``Synthesizer.synthesize``, discarding the samples. The
child prints one JSON line: RSS after load, the peak sampled while synthesising, and the
process's peak RSS (getrusage). The text cycles through the bench set and is cut at the length.

The process peak usually comes from loading the models, before any text, so it says little
about text length. Flat therefore compares the peak sampled while synthesising: the longest
text's must be within ``FLAT_TOLERANCE`` of the shortest's.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any, Sequence

from yuyin.bench.memory import current_rss_bytes, peak_rss_bytes, rss_sampler
from yuyin.bench.sentences import Sentence
from yuyin.bench.variants import Variant

FLAT_TOLERANCE = 0.10
DEFAULT_LENGTHS = (1_000, 100_000)


class LongTextError(RuntimeError):
    """A child process failed or printed no result."""


@dataclass(frozen=True)
class LongTextResult:
    chars: int
    audio_s: float
    wall_s: float
    rss_after_load_bytes: int | None
    synthesis_peak_rss_bytes: int | None  # sampled while streaming the text
    peak_rss_bytes: int  # the child process's peak, load included


def build_text(sentences: Sequence[Sentence], chars: int) -> str:
    """Exactly ``chars`` characters: the set's sentences repeated, the last one cut."""
    if chars < 1:
        raise ValueError(f"chars must be at least 1, got {chars}")
    pieces, total = [], 0
    while total < chars:
        for sentence in sentences:
            pieces.append(sentence.text)
            total += len(sentence.text)
    return "".join(pieces)[:chars]


def growth(results: Sequence[LongTextResult]) -> float | None:
    """Relative change of the RSS peak while synthesising, from the shortest to the longest text."""
    ordered = sorted(results, key=lambda result: result.chars)
    if len(ordered) < 2 or not ordered[0].synthesis_peak_rss_bytes or not ordered[-1].synthesis_peak_rss_bytes:
        return None
    return ordered[-1].synthesis_peak_rss_bytes / ordered[0].synthesis_peak_rss_bytes - 1


def is_flat(results: Sequence[LongTextResult]) -> bool | None:
    change = growth(results)
    return None if change is None else abs(change) <= FLAT_TOLERANCE


def child_command(chars: int, voice: str, threads: int, variant: Variant, device: str,
                  set_path: str | None) -> list[str]:
    command = [sys.executable, "-m", "yuyin.bench.long_text_child", "--chars", str(chars), "--voice", voice,
               "--threads", str(threads), "--backend", variant.backend, "--dtype", variant.dtype,
               "--batch-size", str(variant.load_batch_size), "--device", device]
    if variant.side_by_side is not None:
        command += ["--side-by-side", "on" if variant.side_by_side else "off"]
    return command + (["--set", set_path] if set_path else [])


def run_child(command: list[str]) -> LongTextResult:
    """Run one child to its end and parse its last output line."""
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        tail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise LongTextError(f"long-text child exited {completed.returncode}: {tail}")
    lines = [line for line in completed.stdout.splitlines() if line.strip()]
    if not lines:
        raise LongTextError("long-text child printed no result")
    return LongTextResult(**json.loads(lines[-1]))


def measure_in_this_process(synth: Any, text: str, options: Any = None) -> LongTextResult:
    """Stream text through synth, discarding samples (what the child does after loading)."""
    rss_after_load = current_rss_bytes()
    audio_s = 0.0
    started = time.perf_counter()
    with rss_sampler(interval_s=0.05) as sampler:
        for chunk in synth.synthesize(text, options):
            audio_s += len(chunk.samples) / chunk.sample_rate
    wall_s = time.perf_counter() - started
    return LongTextResult(len(text), audio_s, wall_s, rss_after_load, sampler.peak_bytes,
                          peak_rss_bytes() or 0)
