"""PNG charts of the concurrency sweep: latency and throughput against concurrency.

One line per backend/precision combination. ``latency.png``: time to first audio p50 (solid)
and p95 (dashed) in milliseconds; ``throughput.png``: audio seconds per wall second. The x axis
is logarithmic (levels such as 1, 4, 16, 64). Needs matplotlib, from the ``bench`` extra; it is
imported only here, with the Agg backend, so no display is needed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from yuyin.bench.stats import LevelResult

LATENCY_FILE = "latency.png"
THROUGHPUT_FILE = "throughput.png"

Series = tuple[str, Sequence[LevelResult]]  # (label, levels in concurrency order)


class ChartsUnavailable(RuntimeError):
    """matplotlib is not installed."""


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise ChartsUnavailable("--charts needs matplotlib: pip install 'yuyin[bench]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    return pyplot


def _axes(pyplot: Any, title: str, ylabel: str, levels: Sequence[int]) -> tuple[Any, Any]:
    figure, axes = pyplot.subplots(figsize=(7, 4.5), dpi=100)
    axes.set_title(title)
    axes.set_xlabel("concurrent callers")
    axes.set_ylabel(ylabel)
    axes.set_xscale("log", base=2)
    axes.set_xticks(levels, [str(level) for level in levels])
    axes.grid(True, alpha=0.3)
    return figure, axes


def _save(pyplot: Any, figure: Any, axes: Any, path: Path) -> Path:
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path, format="png")
    pyplot.close(figure)
    return path


def _ttfa_ms(level: LevelResult, key: str) -> float:
    ttfa = level.ttfa_percentiles() or {}
    return ttfa[key] * 1000 if key in ttfa else float("nan")


def draw_charts(series: Sequence[Series], directory: str | Path, subtitle: str = "") -> list[Path]:
    """Write latency.png and throughput.png into directory (created); returns their paths."""
    pyplot = _pyplot()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    levels = sorted({level.concurrency for _, run in series for level in run}) or [1]
    suffix = f"\n{subtitle}" if subtitle else ""

    figure, axes = _axes(pyplot, f"Time to first audio vs concurrency{suffix}", "TTFA (ms)", levels)
    for label, run in series:
        x = [level.concurrency for level in run]
        line, = axes.plot(x, [_ttfa_ms(level, "p50") for level in run], marker="o", label=f"{label} p50")
        axes.plot(x, [_ttfa_ms(level, "p95") for level in run], marker="o", linestyle="--",
                  color=line.get_color(), label=f"{label} p95")
    latency = _save(pyplot, figure, axes, directory / LATENCY_FILE)

    figure, axes = _axes(pyplot, f"Throughput vs concurrency{suffix}", "audio seconds per wall second", levels)
    for label, run in series:
        axes.plot([level.concurrency for level in run], [level.throughput or float("nan") for level in run],
                  marker="o", label=label)
    axes.set_ylim(bottom=0)
    throughput = _save(pyplot, figure, axes, directory / THROUGHPUT_FILE)
    return [latency, throughput]
