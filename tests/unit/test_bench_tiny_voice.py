"""``yuyin bench`` end to end on the tiny random-weight voice: the sweep over two levels and a
skipped precision, the cost, the charts and the long-text children. Counts and keys only; no
speed is asserted."""
from __future__ import annotations

import argparse
import json

import pytest

import yuyin.bench as bench
from yuyin.bench import runner


def _args(argv):
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    return parser.parse_args(argv)


def test_concurrency_sweep_on_the_tiny_voice(tiny_pack, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    (tmp_path / "set.tsv").write_text("a\t今天天气很好。\nb\t我们去公园吧！\n", encoding="utf-8")
    args = _args(["--voice", str(tiny_pack), "--set", str(tmp_path / "set.tsv"), "--no-reference",
                  "--backend", "torch", "--dtype", "fp32,fp16", "--concurrency", "1,2", "--requests", "3",
                  "--charts", str(tmp_path / "charts"), "--price-per-hour", "0.10", "--request-chars", "100",
                  "--long-text", "--long-text-chars", "20,200", "--json", str(tmp_path / "bench.json")])
    assert runner.run_bench(args) == 0
    data = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))

    ran, skipped = data["concurrency"]
    assert (ran["label"], ran["runtime"], ran["note"]) == ("torch fp32", "torch", None)
    assert [(level["concurrency"], level["requests"]) for level in ran["levels"]] == [(1, 3), (2, 3)]
    for level in ran["levels"]:
        assert level["throughput_audio_s_per_s"] > 0 and level["audio_s"] > 0
        assert set(level["ttfa_s"]) == {"p50", "p95"} and level["peak_rss_bytes"] > 0
        assert level["peak_vram_bytes"] is None
    assert skipped["levels"] == [] and skipped["note"] == "fp16 is not supported on CPU; use bf16 or fp32"
    assert data["systems"]["yuyin"]["details"]["runtime"] == "torch"

    best = max(ran["levels"], key=lambda level: level["throughput_audio_s_per_s"])
    estimate = data["cost"]
    assert estimate["best"]["concurrency"] == best["concurrency"]
    assert estimate["machine_s_per_1000"] == pytest.approx(
        1000 * 100 * estimate["audio_s_per_char"] / best["throughput_audio_s_per_s"])
    assert estimate["cost_per_1000_usd"] == pytest.approx(estimate["machine_s_per_1000"] / 3600 * 0.10)

    assert [run["chars"] for run in data["long_text"]["runs"]] == [20, 200]
    assert all(run["audio_s"] > 0 and run["synthesis_peak_rss_bytes"] > 0 for run in data["long_text"]["runs"])
    assert data["long_text"]["flat"] in (True, False)

    assert [path.rsplit("/", 1)[1] for path in data["charts"]] == ["latency.png", "throughput.png"]
    assert all((tmp_path / "charts" / name).stat().st_size > 10_000 for name in ("latency.png", "throughput.png"))
    assert data["section_errors"] == {}

    table = capsys.readouterr().out
    assert "torch fp16: fp16 is not supported on CPU" in table and "cost of 1,000 requests" in table


def test_a_run_without_a_set_says_it_times_the_built_in_sentences(tiny_pack, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ../shared/eval/sentences.tsv from here
    args = _args(["--voice", str(tiny_pack), "--no-reference", "--backend", "torch", "--dtype", "fp32",
                  "--concurrency", "none", "--chunk-frames", "0", "--repeat", "1"])
    assert runner.run_bench(args) == 0
    assert "bench: no --set, and no ../shared/eval/sentences.tsv from here: timing the 5 built-in sentences" in (
        capsys.readouterr().err)
