"""yuyin.bench preflight: inputs that would fail a run are refused before anything loads or is
timed, in one line with exit 2, and nothing is written."""
from __future__ import annotations

import argparse
from pathlib import Path

import yuyin.bench as bench
from fake_synthesizer import FakeSynthesizer
from yuyin.bench import runner
from yuyin.cli import main

NOTHING_TO_SAY = ("the text has nothing to pronounce: no Chinese characters, Latin letters or numbers are left after "
                  "normalisation (other scripts such as kana or Hangul, emoji and most symbols are not read)")  # fmt: skip


def _args(tmp_path: Path, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    (tmp_path / "set.tsv").write_text("a\t一二三四。\nb\t五六。\n", encoding="utf-8")
    return parser.parse_args(["--no-reference", "--concurrency", "none", "--set", str(tmp_path / "set.tsv"), *argv])


def _refused(args: argparse.Namespace, capsys) -> str:
    """Run the bench with a loader that records its calls; returns stderr once it is sure the run
    was refused (exit 2) with nothing loaded and nothing on stdout."""
    loads = []
    code = runner.run_bench(args, loader=lambda *load: loads.append(load) or (FakeSynthesizer(), None))
    out, err = capsys.readouterr()
    assert (code, loads, out) == (2, [], "")
    return err


def test_bench_refuses_an_unknown_voice_with_the_message_say_gives(tmp_path: Path, capsys) -> None:
    assert main(["say", "你好", "-o", str(tmp_path / "x.wav"), "--voice", "nope"]) == 2
    said = capsys.readouterr().err
    assert said == "yuyin: error: unknown voice 'nope'; known voices: baker, ttskit\n"
    assert main(["bench", "--voice", "nope", "--no-reference", "--concurrency", "none", "--chunk-frames", "0"]) == 2
    assert capsys.readouterr() == ("", said)
    assert _refused(_args(tmp_path, "--voice", "nope"), capsys) == said


def test_a_directory_without_voice_json_is_no_voice(tmp_path: Path, capsys) -> None:
    assert _refused(_args(tmp_path, "--voice", str(tmp_path)), capsys) == (
        f"yuyin: error: --voice {tmp_path}: not a voice-pack directory (no voice.json)\n")


def test_a_sentence_with_nothing_to_say_is_refused_before_the_run(tmp_path: Path, capsys) -> None:
    args = _args(tmp_path)
    (tmp_path / "set.tsv").write_text("a\t你好。\nx1\t😀😀\n", encoding="utf-8")
    assert _refused(args, capsys) == f"yuyin: error: {tmp_path / 'set.tsv'}: sentence 'x1': {NOTHING_TO_SAY}\n"


def _unwritable_outputs(tmp_path: Path, unwritable: Path, reason: str) -> list[tuple[list[str], str]]:
    """(options, what is refused) for every kind of output path that cannot be written."""
    (tmp_path / "file").write_text("not a directory")
    (tmp_path / "charts" / "latency.png").mkdir(parents=True)
    missing = tmp_path / "missing"
    return [
        (["--json", str(missing / "b.json")], f"--json {missing / 'b.json'}: directory {missing} does not exist"),
        (["--json", str(tmp_path)], f"--json {tmp_path}: it is a directory"),
        (["--json", str(unwritable / "b.json")], f"--json {unwritable / 'b.json'}: {reason}"),
        (["--charts", str(tmp_path / "file")], f"--charts {tmp_path / 'file'}: {tmp_path / 'file'} is not a directory"),
        (["--charts", str(unwritable / "new")], f"--charts {unwritable / 'new'}: {reason}"),
        (["--charts", str(tmp_path / "charts")], f"--charts {tmp_path / 'charts' / 'latency.png'}: it is a directory"),
    ]


def test_unwritable_json_and_charts_paths_are_refused_before_the_run_and_nothing_is_made(
        tmp_path: Path, unwritable_dir, capsys) -> None:  # fmt: skip
    args = _args(tmp_path)
    cases = _unwritable_outputs(tmp_path, *unwritable_dir)
    before = sorted(tmp_path.rglob("*"))
    for options, refused in cases:
        assert _refused(_args(tmp_path, *options), capsys) == f"yuyin: error: cannot write {refused}\n", options
    assert sorted(tmp_path.rglob("*")) == before
    assert runner.run_bench(args, loader=lambda *_: (FakeSynthesizer(), None)) == 0  # the same set, good outputs


def test_bench_serve_refuses_an_unwritable_json_path_before_starting_a_server(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "no" / "such"
    assert main(["bench", "serve", "--json", str(missing / "serve.json")]) == 2
    refused = f"--json {missing / 'serve.json'}: directory {missing} does not exist"
    assert capsys.readouterr().err == f"yuyin: error: cannot write {refused}\n"
    assert not (tmp_path / "no").exists()


def test_an_unknown_backend_is_refused_before_the_run(tmp_path: Path, capsys) -> None:
    assert _refused(_args(tmp_path, "--backend", "torch,bogus"), capsys) == (
        "yuyin: error: --backend bogus: unknown; use auto, torch, onnx, onnx-int8, openvino (each may end in +compile)\n")


def test_a_device_this_machine_lacks_is_refused_before_the_run(tmp_path: Path, capsys) -> None:
    assert _refused(_args(tmp_path, "--device", "cuda:99"), capsys).startswith("yuyin: error: --device cuda:99: ")
