"""yuyin.bench sweep sections: level statistics, the threaded sweep against a fake synthesizer,
backend x dtype combinations, the cost arithmetic, the long-text helpers, the sweep/long-text
tables and JSON, and the PNG charts. No timed assertions: clocks are fakes or only counted."""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time

import numpy as np
import pytest
import torch

import yuyin.bench as bench
from fake_synthesizer import FakeSynthesizer
from yuyin.bench import charts, concurrency, cost, long_text, memory, report, variants
from yuyin.bench.concurrency import SweepPlan, VariantSweep
from yuyin.bench.report import BenchConfig, BenchReport, format_table, report_to_dict
from yuyin.bench.sentences import Sentence
from yuyin.bench.stats import LevelResult, SentenceTiming
from yuyin.engine.device import resolve_backend

SENTENCES = [Sentence("a", "一二三四"), Sentence("b", "五六")]


def _level(concurrency=4, wall_s=2.0):
    timings = [SentenceTiming("a", 0, 1.0, 10.0, 0.1), SentenceTiming("b", 1, 2.0, 10.0, 0.3)]
    return LevelResult(concurrency, timings, wall_s, peak_rss_bytes=500 * 2**20)


def test_level_statistics():
    level = _level()
    assert level.audio_s == 20.0
    assert level.throughput == 10.0  # 20 audio s in 2 wall s
    assert level.request_rtf == pytest.approx(0.15)  # 3 s of request wall / 20 s of audio
    assert level.ttfa_percentiles() == {"p50": pytest.approx(0.2), "p95": pytest.approx(0.29)}
    assert LevelResult(1, [], 0.0).throughput is None
    assert LevelResult(1, [], 1.0).ttfa_percentiles() is None


def test_run_level_makes_exactly_the_requests_asked_for():
    synth = FakeSynthesizer()
    level = concurrency.run_level(synth, SENTENCES, None, concurrency=4, requests=10, duration_s=600)
    assert len(level.timings) == 10 and level.concurrency == 4
    assert sorted(t.id for t in level.timings) == ["a"] * 5 + ["b"] * 5  # request i speaks i mod 2
    assert {t.round for t in level.timings} <= {0, 1, 2, 3}
    assert level.audio_s == pytest.approx(5 * 0.4 + 5 * 0.2)
    assert level.peak_rss_bytes > 0 and level.peak_vram_bytes is None
    assert len(synth.calls) == 10


def test_run_level_starts_no_request_after_the_duration():
    ticks = itertools.count()
    clock = lambda: float(next(ticks))  # noqa: E731 - one tick per reading
    # start=0; take reads 1 (< 2.5): request 0 reads 2, 3, 4; take reads 5 (>= 2.5): stop.
    level = concurrency.run_level(FakeSynthesizer(), SENTENCES, None, 1, requests=100, duration_s=2.5, clock=clock)
    assert [(t.id, t.wall_s, t.ttfa_s) for t in level.timings] == [("a", 2.0, 1.0)]
    assert level.wall_s == 6.0


def test_run_level_reraises_a_caller_error():
    class Broken:
        def synthesize(self, text, options=None, chunk_frames=None):
            raise RuntimeError("model exploded")
            yield  # pragma: no cover

    with pytest.raises(RuntimeError, match="model exploded"):
        concurrency.run_level(Broken(), SENTENCES, None, 2, requests=4, duration_s=60)


def test_sweep_plan_gives_every_caller_a_request_and_the_sweep_runs_each_level():
    plan = SweepPlan((1, 4, 16), requests=8, duration_s=60)
    assert [plan.requests_at(n) for n in plan.concurrency] == [8, 8, 16]
    synth = FakeSynthesizer()
    levels = concurrency.run_sweep(synth, SENTENCES, None, plan)
    assert [(level.concurrency, len(level.timings)) for level in levels] == [(1, 8), (4, 8), (16, 16)]
    assert len(synth.calls) == 1 + 8 + 8 + 16  # one warm-up first


def test_variant_combinations_and_lists():
    assert variants.combinations(["torch", "onnx", "torch"], ["fp32", "bf16"]) == [
        variants.Variant("torch", "fp32"), variants.Variant("torch", "bf16"),
        variants.Variant("onnx", "fp32"), variants.Variant("onnx", "bf16")]
    assert variants.comma_list(" torch, onnx,,") == ["torch", "onnx"]
    assert variants.dtype_list("FP32,auto") == ["fp32", "auto"]
    assert variants.Variant("auto", "auto").load_dtype is None
    assert variants.Variant("torch", "bf16").load_dtype == "bf16"
    with pytest.raises(argparse.ArgumentTypeError, match="unknown dtype int4"):
        variants.dtype_list("fp32,int4")
    with pytest.raises(argparse.ArgumentTypeError):
        variants.comma_list(" , ")


def test_batch_sizes_multiply_the_combinations_and_reach_the_load(monkeypatch):
    assert variants.combinations(["torch"], ["bf16"], [1, 16, 1]) == [
        variants.Variant("torch", "bf16", 1), variants.Variant("torch", "bf16", 16)]
    assert variants.batch_size_list("1, 16") == [1, 16]
    for bad in ("0", "x", "1.5"):
        with pytest.raises(argparse.ArgumentTypeError):
            variants.batch_size_list(bad)
    from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE

    assert variants.Variant("torch", "bf16").load_batch_size == DEFAULT_BATCH_SIZE
    unbatched = variants.Variant("torch", "bf16", 1)
    assert unbatched.label == "torch bf16 batch 1"
    assert VariantSweep(variants.Variant("auto", "auto", 4), "cpu", "onnx").label == "auto->onnx auto batch 4"
    calls = []
    monkeypatch.setattr("yuyin.Synthesizer.load", lambda *args, **kwargs: calls.append(kwargs) or "synth")
    from yuyin.bench.candidate import load_yuyin

    load_yuyin("baker", 2, unbatched, "cpu")
    assert calls[0]["decoder_batch_size"] == 1
    command = long_text.child_command(10, "baker", 2, unbatched, "cpu", None)
    assert command[command.index("--batch-size") + 1] == "1"


def test_resolve_applies_the_engine_policy_and_skips_with_its_message():
    fp16 = variants.resolve(variants.Variant("torch", "fp16"), "cpu")
    assert (fp16.runtime, fp16.skipped) == (None, "fp16 is not supported on CPU; use bf16 or fp32")
    assert "fp32" in variants.resolve(variants.Variant("onnx", "bf16"), "cpu").skipped
    torch_bf16 = variants.resolve(variants.Variant("torch", "bf16"), "cpu")
    assert (torch_bf16.device, torch_bf16.runtime, torch_bf16.skipped) == ("cpu", "torch", None)
    auto = variants.resolve(variants.Variant("auto", "auto", side_by_side=False), "cpu")
    assert auto.runtime == resolve_backend("auto", torch.device("cpu"), torch.float32)
    assert "bogus" in variants.resolve(variants.Variant("bogus", "fp32"), "cpu").skipped


def test_resolve_names_the_runtime_the_voice_family_runs_and_skips_what_it_cannot():
    int8 = variants.resolve(variants.Variant("onnx-int8", "auto"), "cpu", "ttskit")
    assert (int8.runtime, int8.skipped) == (None, "voice 'ttskit' has no int8 backend; use --backend onnx or torch")
    openvino = variants.resolve(variants.Variant("openvino", "auto", side_by_side=True), "cpu", "ttskit")
    assert (openvino.runtime, openvino.variant.side_by_side) == ("onnx", False)  # its vocoder in onnxruntime
    assert variants.resolve(variants.Variant("openvino", "auto", side_by_side=True), "cpu").runtime == (
        "openvino+side-by-side")  # baker's own graphs
    assert "torch.compile" in variants.resolve(variants.Variant("torch+compile", "fp32"), "cpu", "ttskit").skipped


def test_a_compile_suffix_loads_the_backend_compiled(monkeypatch):
    compiled = variants.resolve(variants.Variant("torch+compile", "fp32"), "cpu")
    assert (compiled.device, compiled.runtime, compiled.skipped) == ("cpu", "torch+compile", None)
    assert (compiled.variant.load_backend, compiled.variant.compile) == ("torch", True)
    assert variants.resolve(variants.Variant("auto+compile", "auto"), "cpu").runtime == "torch+compile"
    assert "use --backend torch" in variants.resolve(variants.Variant("onnx+compile", "fp32"), "cpu").skipped
    assert not variants.Variant("torch", "fp32").compile
    calls = []
    monkeypatch.setattr("yuyin.Synthesizer.load", lambda *args, **kwargs: calls.append(kwargs) or "synth")
    from yuyin.bench.candidate import load_yuyin

    assert load_yuyin("baker", 2, compiled.variant, "cpu")[0] == "synth"
    assert (calls[0]["backend"], calls[0]["compile"], calls[0]["dtype"]) == ("torch", True, "fp32")


def test_side_by_side_choices_multiply_the_combinations_and_reach_the_load(monkeypatch):
    assert variants.side_by_side_list("auto, ON,off") == [None, True, False]
    with pytest.raises(argparse.ArgumentTypeError, match="unknown side-by-side choice maybe: use auto, on, off"):
        variants.side_by_side_list("on,maybe")
    both = variants.combinations(["openvino"], ["auto"], None, [True, False, True])
    assert both == [variants.Variant("openvino", "auto", None, True), variants.Variant("openvino", "auto", None, False)]
    on, off = (variants.resolve(variant, "cpu") for variant in both)
    assert (on.runtime, off.runtime) == ("openvino+side-by-side", "openvino")
    assert VariantSweep(both[0], "cpu", on.runtime).label == "openvino->openvino+side-by-side auto"
    moot = variants.resolve(variants.Variant("torch", "fp32", None, True), "cpu")
    assert (moot.runtime, moot.variant.side_by_side) == ("torch", False)  # no streams there
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "small")
    by_tier = variants.resolve(variants.Variant("openvino", "auto"), "cpu")
    assert (by_tier.runtime, by_tier.variant.side_by_side) == ("openvino", False)  # auto: the tier's, decided once
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "large")
    by_tier = variants.resolve(variants.Variant("openvino", "auto"), "cpu")
    assert (by_tier.runtime, by_tier.variant.side_by_side) == ("openvino+side-by-side", True)
    resolved = [variants.resolve(variant, "cpu") for variant in variants.combinations(
        ["torch", "openvino"], ["fp32"], None, [None, True, False])]  # fmt: skip
    assert [(r.variant.backend, r.runtime) for r in variants.distinct(resolved)] == [
        ("torch", "torch"), ("openvino", "openvino+side-by-side"), ("openvino", "openvino")]
    calls = []
    monkeypatch.setattr("yuyin.Synthesizer.load", lambda *args, **kwargs: calls.append(kwargs) or "synth")
    from yuyin.bench.candidate import load_yuyin

    load_yuyin("baker", 2, on.variant, "cpu")
    load_yuyin("baker", 2, variants.Variant("openvino", "auto"), "cpu")
    assert [call["side_by_side"] for call in calls] == [True, None]
    command = long_text.child_command(10, "baker", 2, off.variant, "cpu", None)
    assert command[command.index("--side-by-side") + 1] == "off"
    assert "--side-by-side" not in long_text.child_command(10, "baker", 2, variants.Variant("openvino", "auto"),
                                                           "cpu", None)  # fmt: skip


def test_a_sweep_is_labelled_with_the_streams_the_loaded_voice_runs(monkeypatch):
    from yuyin.bench.candidate import CandidateSettings, measure_candidates

    settings = CandidateSettings("baker", 1, 1, None)
    resolution = variants.resolve(variants.Variant("openvino", "fp32", None, True), "cpu")
    run = measure_candidates([resolution], SENTENCES[:1], settings,
                             loader=lambda *args: (FakeSynthesizer(), None))  # fmt: skip
    assert run.sweeps[0].runtime == "openvino+side-by-side"  # a synthesizer that does not say keeps the label
    monkeypatch.setattr(FakeSynthesizer, "side_by_side", False, raising=False)  # e.g. --threads 1, a ttskit voice
    run = measure_candidates([resolution], SENTENCES[:1], settings, loader=lambda *args: (FakeSynthesizer(), None))
    assert run.sweeps[0].runtime == "openvino" and run.sequential.details["runtime"] == "openvino"


def test_sweep_label_shows_what_auto_resolved_to():
    assert VariantSweep(variants.Variant("auto", "auto"), "cpu", "onnx").label == "auto->onnx auto"
    assert VariantSweep(variants.Variant("torch", "bf16"), "cpu", "torch").label == "torch bf16"
    assert VariantSweep(variants.Variant("torch", "fp16"), note="skipped").label == "torch fp16"


def test_cost_arithmetic():
    slow, fast = _level(concurrency=1, wall_s=4.0), _level(concurrency=4, wall_s=1.0)  # 5 and 20 audio s/s
    estimate = cost.estimate_cost(0.10, 200, 0.2, [("torch fp32", slow), ("onnx fp32", fast)])
    assert (estimate.label, estimate.concurrency, estimate.throughput) == ("onnx fp32", 4, 20.0)
    assert estimate.audio_s_per_request == pytest.approx(40.0)  # 200 chars x 0.2 s
    assert estimate.machine_s_per_thousand == pytest.approx(2000.0)  # 1000 x 40 s / 20
    assert estimate.cost_per_thousand == pytest.approx(2000 / 3600 * 0.10)
    data = cost.cost_to_dict(estimate)
    assert data["cost_per_1000_usd"] == pytest.approx(0.0555556) and data["requests"] == 1000
    assert data["best"] == {"variant": "onnx fp32", "concurrency": 4, "throughput_audio_s_per_s": 20.0}
    assert "fully used" in data["assumption"]
    text = cost.format_cost(estimate)
    assert text.startswith("cost of 1,000 requests of 200 characters at $0.1/hour: $0.0556 (2000 machine-seconds")
    assert cost.estimate_cost(0.1, 200, None, [("x", fast)]) is None
    assert cost.estimate_cost(0.1, 200, 0.2, [("x", LevelResult(1, [], 0.0))]) is None


def test_audio_seconds_per_character():
    # a: 4 chars, b: 2 chars (in both levels): 40 audio s over 12 characters
    assert cost.audio_s_per_char([_level(), _level()], {"a": 4, "b": 2}) == pytest.approx(40 / 12)
    assert cost.audio_s_per_char([], {}) is None


def test_build_text_cycles_the_set_and_cuts_exactly():
    assert long_text.build_text(SENTENCES, 7) == "一二三四五六一"
    assert len(long_text.build_text(SENTENCES, 100_000)) == 100_000
    with pytest.raises(ValueError):
        long_text.build_text(SENTENCES, 0)


def _long(chars, synthesis_peak, peak=900):
    return long_text.LongTextResult(chars, chars * 0.2, chars * 0.01, 400 * 2**20, synthesis_peak * 2**20, peak * 2**20)


def test_long_text_growth_compares_the_rss_while_synthesising():
    flat = [_long(100_000, 430), _long(1_000, 400)]
    assert long_text.growth(flat) == pytest.approx(0.075)
    assert long_text.is_flat(flat) is True
    assert long_text.is_flat([_long(1_000, 400), _long(100_000, 480)]) is False  # +20%
    assert long_text.growth([_long(1_000, 400)]) is None and long_text.is_flat([]) is None


def test_long_text_child_command_and_parsing(tmp_path):
    command = long_text.child_command(1000, "baker", 2, variants.Variant("torch", "fp32"), "cpu", "set.tsv")
    assert command[1:] == ["-m", "yuyin.bench.long_text_child", "--chars", "1000", "--voice", "baker", "--threads", "2",
                           "--backend", "torch", "--dtype", "fp32", "--batch-size", "16", "--device", "cpu",
                           "--set", "set.tsv"]
    result = {"chars": 5, "audio_s": 1.0, "wall_s": 0.1, "rss_after_load_bytes": 1,
              "synthesis_peak_rss_bytes": 2, "peak_rss_bytes": 3}
    script = f"print('loading'); print({json.dumps(json.dumps(result))})"
    assert long_text.run_child([sys.executable, "-c", script]) == long_text.LongTextResult(**result)
    with pytest.raises(long_text.LongTextError, match="exited 3: boom"):
        long_text.run_child([sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"])
    with pytest.raises(long_text.LongTextError, match="no result"):
        long_text.run_child([sys.executable, "-c", "pass"])


def test_measure_in_this_process_discards_samples_and_counts_audio():
    result = long_text.measure_in_this_process(FakeSynthesizer(), "一二三四五")
    assert (result.chars, result.audio_s) == (5, pytest.approx(0.5))
    assert result.synthesis_peak_rss_bytes >= result.rss_after_load_bytes > 0
    assert result.peak_rss_bytes > 0


def test_memory_probes():
    assert memory.current_rss_bytes() > 0
    with memory.rss_sampler(interval_s=0.001) as sampler:
        ballast = np.ones(32 * 2**20, np.uint8)  # 32 MiB, touched
    assert sampler.peak_bytes >= memory.current_rss_bytes() - 2**20 and ballast.sum() == 32 * 2**20
    for device in (None, "cpu"):
        assert memory.vram_used_bytes(device) is None
        with memory.vram_sampler(device) as vram:
            pass
        assert vram.peak_bytes is None


def fake_gpu(monkeypatch, used_mib: list[int]) -> list[object]:
    """torch.cuda.mem_get_info of an 80 GiB GPU whose memory in use steps through used_mib
    (then stays at the last); returns the devices it was asked about."""
    asked, readings = [], iter(used_mib)
    last = [used_mib[0]]

    def mem_get_info(device):
        asked.append(device)
        last[0] = next(readings, last[0])
        return (80 * 1024 - last[0]) * 2**20, 80 * 1024 * 2**20

    monkeypatch.setattr(torch.cuda, "mem_get_info", mem_get_info)
    return asked


def test_vram_is_the_gpus_memory_in_use_at_its_peak(monkeypatch):
    asked = fake_gpu(monkeypatch, [1000, 3000, 2000])
    with memory.vram_sampler("cuda:1", interval_s=0.001) as vram:
        time.sleep(0.05)
    assert vram.peak_bytes == 3000 * 2**20
    assert str(asked[0]) == "cuda:1"


def test_a_level_on_a_cuda_bench_device_samples_that_gpu_whatever_the_synthesizer_reports(monkeypatch):
    fake_gpu(monkeypatch, [500, 1500])
    synth = FakeSynthesizer()  # its models may run in onnxruntime, which PyTorch's peak counter misses
    level = concurrency.run_level(synth, SENTENCES, None, concurrency=2, requests=2, duration_s=600, device="cuda")
    assert level.peak_vram_bytes == 1500 * 2**20


def test_a_child_process_reports_its_own_peak_not_its_larger_parents():
    import subprocess

    ballast = np.ones(512 * 2**20, np.uint8)  # this process: at least 512 MiB resident
    script = "from yuyin.bench.memory import peak_rss_bytes; print(peak_rss_bytes())"
    child = int(subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout)
    assert ballast.sum() == 512 * 2**20 and memory.peak_rss_bytes() > 512 * 2**20
    assert child < 400 * 2**20  # ru_maxrss would report this process's size: it survives fork and exec


CONFIG = BenchConfig(sentence_set="set.tsv", sentences=2, voice="baker", threads=2, repeat=1)


def _sweep_report():
    done = VariantSweep(variants.Variant("auto", "auto"), "cpu", "onnx", load_s=1.0,
                        levels=[_level(1, 4.0), _level(4, 1.0)])
    skipped = VariantSweep(variants.Variant("torch", "fp16"), note="fp16 is not supported on CPU; use bf16 or fp32")
    return BenchReport(config=CONFIG, plan=SweepPlan((1, 4), 32, 30.0), sweeps=[done, skipped],
                       cost=cost.estimate_cost(0.1, 200, 0.2, [("auto->onnx auto", done.levels[1])]),
                       long_text=[_long(1_000, 400), _long(100_000, 404)],
                       host={"cpu_count": 2, "load_average_start": [1.5, 1.25, 1.0],
                             "load_average_end": [2.0, 1.5, 1.0]})


def test_sweep_table_rows():
    lines = format_table(_sweep_report()).splitlines()
    start = lines.index("concurrency sweep: up to 32 requests per level (at least one per caller), "
                        "none started after 30 s; one shared Synthesizer")
    header, one, four, definitions, note = lines[start + 1:start + 6]
    assert header.split()[:4] == ["backend", "dtype", "callers", "requests"]
    assert one.split() == ["auto->onnx", "auto", "1", "2", "4.00", "5.0", "0.1500", "200", "ms", "290", "ms",
                           "500", "MiB", "-", "-", "-", "-"]  # no VRAM, no utilisation measured
    assert four.split()[2:6] == ["4", "2", "1.00", "20.0"]
    assert len(header) == len(one) == len(four)
    assert definitions.startswith("note: CPU cores: the process's CPU seconds per wall second")
    assert note == "torch fp16: fp16 is not supported on CPU; use bf16 or fp32"
    assert not any(line.startswith("note: peak RSS") for line in lines)  # one combination ran
    assert any(line.startswith("cost of 1,000 requests of 200 characters at $0.1/hour: $0.0556") for line in lines)
    assert "RSS while synthesising +1.0% from 1,000 to 100,000 characters (flat within +/-10%: yes)" in lines
    assert lines[-1] == "host: 2 CPUs, load average (1/5/15 min) 1.50/1.25/1.00 at start, 2.00/1.50/1.00 at end"


def test_a_gpu_host_line_says_whether_fp32_is_tf32(monkeypatch):
    from yuyin.bench import runner

    assert "gpu" not in runner.host_info("cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda index: f"NVIDIA H100 #{index}")
    info = runner.host_info("cuda:1")
    assert info["gpu"] == "NVIDIA H100 #1" and info["tf32"]["cudnn_conv"] is torch.backends.cudnn.allow_tf32
    report = _sweep_report()
    report.host.update(gpu="NVIDIA H100 #1", cuda="12.8", tf32={"cudnn_conv": True, "matmul": False})
    assert "gpu: NVIDIA H100 #1, CUDA 12.8; fp32 convolutions run in TF32 (PyTorch default)" in format_table(report)


def test_sweep_json_sections():
    data = report_to_dict(_sweep_report())
    assert data["concurrency_plan"] == {"concurrency": [1, 4], "requests": 32, "duration_s": 30.0,
                                        "peak_rss": concurrency.RSS_NOTE, "utilisation": report.UTILISATION_NOTE}
    first, skipped = data["concurrency"]
    assert (first["label"], first["runtime"], first["note"]) == ("auto->onnx auto", "onnx", None)
    level = first["levels"][0]
    assert set(level) == {"concurrency", "requests", "wall_s", "audio_s", "throughput_audio_s_per_s", "request_rtf",
                          "ttfa_s", "peak_rss_bytes", "peak_vram_bytes", "utilisation", "timings"}
    assert (level["concurrency"], level["requests"], level["throughput_audio_s_per_s"]) == (1, 2, 5.0)
    assert level["peak_vram_bytes"] is None and level["utilisation"] is None and len(level["timings"]) == 2
    assert skipped["levels"] == [] and skipped["note"].startswith("fp16")
    assert data["cost"]["cost_per_1000_usd"] == pytest.approx(2000 / 3600 * 0.1)
    assert data["long_text"]["flat"] is True and data["long_text"]["synthesis_rss_growth"] == pytest.approx(0.01)
    assert [run["chars"] for run in data["long_text"]["runs"]] == [1_000, 100_000]
    assert json.loads(json.dumps(data)) == data


def test_charts_are_decodable_pngs(tmp_path):
    image = pytest.importorskip("matplotlib.image")
    series = [("onnx fp32", [_level(1, 4.0), _level(4, 1.0), _level(16, 1.0)]), ("torch fp32", [_level(1, 8.0)])]
    paths = charts.draw_charts(series, tmp_path / "charts", "voice baker")
    assert [path.name for path in paths] == ["latency.png", "throughput.png"]
    for path in paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
        pixels = image.imread(path)
        assert pixels.shape[:2] == (450, 700) and pixels.std() > 0.05  # 7 x 4.5 in at 100 dpi, not blank


def test_charts_without_matplotlib_name_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(charts.ChartsUnavailable, match=r"pip install 'yuyin\[bench\]'"):
        charts.draw_charts([("x", [_level()])], tmp_path)


def _parse(argv):
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    return parser.parse_args(argv)


def test_cli_sweep_flags():
    args = _parse([])
    assert (args.backend, args.dtype, args.bench_device, args.concurrency) == (["auto"], ["auto"], "cpu", None)
    assert (args.requests_per_level, args.level_duration, args.request_chars) == (32, 30.0, 200)
    assert (args.charts, args.price_per_hour, args.long_text_check, args.long_text_chars) == (
        None, None, False, [1000, 100000])
    args = _parse(["--backend", "torch,onnx", "--dtype", "fp32,bf16", "--concurrency", "1,4,16,64",
                   "--price-per-hour", "0.10", "--long-text", "--long-text-chars", "10,20"])
    assert (args.backend, args.dtype, args.concurrency) == (["torch", "onnx"], ["fp32", "bf16"], [1, 4, 16, 64])
    assert (args.price_per_hour, args.long_text_check, args.long_text_chars) == (0.10, True, [10, 20])
    assert _parse(["--concurrency", "none"]).concurrency == []
    for bad in (["--concurrency", "0"], ["--dtype", "int8"], ["--price-per-hour", "0"], ["--duration", "-1"]):
        with pytest.raises(SystemExit):
            _parse(bad)


def test_candidates_skip_and_survive_failures_and_the_first_that_loads_is_timed_in_order():
    from yuyin.bench.candidate import CandidateSettings, measure_candidates

    def loader(voice, threads, variant, device):
        if variant.dtype == "fp32":
            raise FileNotFoundError("no pack")
        return FakeSynthesizer(), None

    resolutions = [variants.resolve(variants.Variant("torch", dtype), "cpu") for dtype in ("fp16", "fp32", "bf16")]
    settings = CandidateSettings("baker", 2, 1, SweepPlan((1, 2), 2, 60))
    run = measure_candidates(resolutions, SENTENCES, settings, loader)
    fp16, fp32, bf16 = run.sweeps
    assert fp16.levels == [] and fp16.note.startswith("fp16 is not supported")
    assert fp32.levels == [] and fp32.note == "failed: FileNotFoundError: no pack"
    assert [len(level.timings) for level in bf16.levels] == [2, 2] and bf16.note is None
    assert run.error is None and run.sequential.details == {"backend": "torch", "runtime": "torch",
                                                            "dtype": "bf16", "device": "cpu"}
    assert [t.id for t in run.sequential.timings] == ["a", "b"]
    none = measure_candidates(resolutions[:1], SENTENCES, settings, loader)
    assert none.sequential is None and none.error == "no backend/dtype combination applies on this machine"


def test_sweep_table_warns_that_later_combinations_share_the_process_rss():
    ran = [VariantSweep(variants.Variant(backend, "fp32"), "cpu", backend, levels=[_level(1)])
           for backend in ("torch", "onnx")]
    lines = format_table(BenchReport(config=CONFIG, plan=SweepPlan((1,), 32, 30.0), sweeps=ran)).splitlines()
    assert f"note: {concurrency.RSS_NOTE}" in lines
    assert [line.split()[0] for line in lines if line.endswith(" -")] == ["torch", "onnx"]
