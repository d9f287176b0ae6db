"""The `yuyin` command in this process: inputs refused in one line with exit 2, before any voice loads."""
from __future__ import annotations

from pathlib import Path

import pytest

from yuyin.cli import main

QUICK_BENCH = ["--no-reference", "--concurrency", "none", "--chunk-frames", "0"]


@pytest.mark.parametrize("argv", [
    ["voices", "list"],
    ["voices", "pull", "baker"],
    ["say", "你好", "-o", "x.wav"],
    ["serve", "--port", "0", "--no-warmup"],
    ["bench", *QUICK_BENCH],
])  # fmt: skip
def test_a_yuyin_home_that_is_a_file_is_one_line_and_exit_2(argv: list[str], tmp_path: Path, capsys,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    home = tmp_path / "home"
    home.write_text("a file, not a directory")
    monkeypatch.setenv("YUYIN_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr() == ("", f"yuyin: error: YUYIN_HOME {home} is not a directory\n")
    assert sorted(tmp_path.iterdir()) == [home]


@pytest.mark.parametrize("argv", [["serve", "--port", "0", "--no-warmup"], ["bench", *QUICK_BENCH], ["frontend", "你好"]])
def test_a_memory_tier_in_the_environment_that_names_none_is_one_line_and_exit_2(argv: list[str], capsys,
                                                                                 monkeypatch) -> None:  # fmt: skip
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "bogus")
    assert main(argv) == 2
    assert capsys.readouterr() == ("", "yuyin: error: YUYIN_MEMORY_TIER must be one of auto, small, medium, large, "
                                       "xlarge, got 'bogus'\n")  # fmt: skip


@pytest.mark.parametrize("argv, message", [
    (["serve", "--port", "0", "--voice", "ttskit", "--backend", "onnx-int8"], "voice 'ttskit' has no int8 backend"),
    (["serve", "--port", "0", "--voice", "baker", "--voice", "ttskit", "--compile"],
     "voice 'ttskit' does not support torch.compile"),
    (["batch", "-", "-o", "out", "--voice", "ttskit", "--backend", "onnx-int8"], "voice 'ttskit' has no int8 backend"),
])  # fmt: skip
def test_a_runtime_a_voice_cannot_run_is_refused_before_the_server_starts(argv: list[str], message: str, capsys,
                                                                           tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith(f"yuyin: error: {message}")
    assert list(tmp_path.iterdir()) == []  # no output directory made, no voice pulled


def test_a_home_directory_that_no_user_has_is_one_line_and_exit_2(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("YUYIN_HOME", "~no-such-user-here")
    monkeypatch.chdir(tmp_path)
    assert main(["voices", "list"]) == 2
    assert capsys.readouterr() == ("", "yuyin: error: YUYIN_HOME ~no-such-user-here: no home directory is known "
                                       "for its ~\n")  # fmt: skip
    monkeypatch.delenv("YUYIN_HOME")
    assert main(["say", "你好", "-o", "x.wav", "--voice", "~no-such-user-here/voice"]) == 2
    assert "--voice ~no-such-user-here/voice: not a voice-pack directory" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_names_too_long_and_loops_of_links_are_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "loop1.wav").symlink_to(tmp_path / "loop2.wav")
    (tmp_path / "loop2.wav").symlink_to(tmp_path / "loop1.wav")
    long_name = tmp_path / ("a" * 300 + ".wav")
    wav = str(tmp_path / "x.wav")
    for argv, named, problem in (
        (["say", "你好", "-o", str(long_name)], f"cannot write {long_name}", "File name too long"),
        (["say", "你好", "-o", wav, "--timestamps", f"{long_name}.srt"], f"cannot write {long_name}.srt",
         "File name too long"),
        (["say", "你好", "-o", str(tmp_path / "loop1.wav")], f"cannot write {tmp_path / 'loop1.wav'}",
         "Too many levels of symbolic links"),
        (["export", "onnx", "-o", str(tmp_path / ("b" * 300))], f"cannot write into {tmp_path / ('b' * 300)}",
         "File name too long"),
    ):  # fmt: skip
        assert main(argv) == 2
        assert capsys.readouterr() == ("", f"yuyin: error: {named}: {problem}\n")
    assert (tmp_path / "loop1.wav").is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["loop1.wav",
                                                                                                  "loop2.wav"]


def test_say_refuses_an_unwritable_output_as_it_refuses_a_missing_directory(tmp_path: Path, unwritable_dir,
                                                                            capsys) -> None:  # fmt: skip
    directory, reason = unwritable_dir
    missing = tmp_path / "missing"
    for target, problem in ((directory / "x.wav", reason), (missing / "x.wav", f"directory {missing} does not exist"),
                            (tmp_path, "it is a directory")):  # fmt: skip
        assert main(["say", "你好", "-o", str(target)]) == 2
        assert capsys.readouterr() == ("", f"yuyin: error: cannot write {target}: {problem}\n")
    assert sorted(tmp_path.iterdir()) == [directory]


def test_a_file_to_write_named_as_a_directory_is_refused(tmp_path: Path, capsys) -> None:
    existing = tmp_path / "x.wav"
    existing.write_bytes(b"kept")
    wav = str(tmp_path / "a.wav")
    for argv, option in (
        (["say", "你好", "-o", f"{tmp_path}/new/"], "-o/--output"),  # (written as a file called new)
        (["say", "你好", "-o", f"{existing}/"], "-o/--output"),  # (written over x.wav)
        (["say", "你好", "-o", wav, "--timestamps", f"{tmp_path}/subs.srt/"], "--timestamps"),
        (["bench", "--json", f"{tmp_path}/report.json/"], "--json"),
        (["bench", "serve", "--json", f"{tmp_path}/load.json/"], "--json"),
    ):  # fmt: skip
        with pytest.raises(SystemExit) as exited:
            main(argv)
        err = capsys.readouterr().err
        assert exited.value.code == 2 and f"argument {option}: " in err and "/' ends in / as a directory does" in err
    assert sorted(tmp_path.iterdir()) == [existing] and existing.read_bytes() == b"kept"


def test_say_refuses_a_timestamps_file_it_cannot_write_before_loading(tmp_path: Path, capsys) -> None:
    wav = str(tmp_path / "a.wav")
    for argv, problem in (
        (["-o", wav, "--timestamps", str(tmp_path / "subs.txt")], "name the file .srt, .vtt, .json"),
        (["-o", wav, "--timestamps", str(tmp_path / "missing" / "subs.srt")], "does not exist"),
        (["-o", str(tmp_path / "a.srt"), "--format", "wav", "--timestamps", str(tmp_path / "a.srt")],
         "is the audio output file too"),
    ):  # fmt: skip
        assert main(["say", "你好", *argv]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.startswith("yuyin: error: ") and problem in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_missing_optional_package_names_the_extra_to_install() -> None:
    import importlib

    from yuyin.cli import EXIT_FAILURE, CliError, needs_extra

    with pytest.raises(CliError) as raised, needs_extra("ray"):
        importlib.import_module("yuyin_no_such_package")
    assert str(raised.value) == (
        "No module named 'yuyin_no_such_package'; install the ray extra: pip install 'yuyin[ray]'"
    )
    assert raised.value.code == EXIT_FAILURE


@pytest.mark.parametrize("argv, message", [
    (["-o", "x.mp3"], "--format mp3 needs av: pip install 'yuyin[server]'"),
    (["-o", "x.wav", "--sample-rate", "8000"], "--sample-rate needs soxr: pip install 'yuyin[server]'"),
    (["-o", "x.ogg"], "--format opus needs av: pip install 'yuyin[server]'"),
])  # fmt: skip
def test_an_encoder_missing_is_named_before_loading(tmp_path: Path, capsys, monkeypatch, argv, message) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "av", None)  # import av now raises ImportError
    monkeypatch.setitem(sys.modules, "soxr", None)
    monkeypatch.chdir(tmp_path)
    assert main(["say", "你好", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"yuyin: error: {message}") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
