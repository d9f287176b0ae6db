"""``yuyin serve`` start-up errors: clear one-line messages and non-zero exits, no tracebacks."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import torch
from safetensors.torch import save_file

from yuyin.server.process import ServerProcess


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "yuyin.cli", "serve", "--host", "127.0.0.1", "--port", "0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("args", "message"), [
    (["--voice", "no-such-voice"], "unknown voice 'no-such-voice'"),
    (["--voice", "/no/such/dir"], "not a voice-pack directory"),
    (["--workers", "0"], "--workers must be a positive finite number"),
    (["--max-queue", "-1"], "--max-queue must be >= 0"),
    (["--max-active", "4", "--max-streams", "2"], "--max-streams must be at least max-active (4), got 2"),
    (["--max-streams", "0"], "--max-streams must be a positive finite number, got 0"),
    (["--shed-load", "-1"], "--shed-load must be a finite number of seconds >= 0, got -1.0"),
    (["--shed-load", "inf"], "--shed-load must be a finite number of seconds >= 0, got inf"),
    (["--chunk-frames", "-1"], "--chunk-frames must be >= 0 (0 = one chunk per sentence), got -1"),
    (["--drain-delay", "-2"], "--drain-delay must be a finite number of seconds >= 0, got -2.0"),
    (["--request-timeout", "nan"], "--request-timeout must be a positive finite number, got nan"),
    (["--shutdown-timeout", "-1"], "--shutdown-timeout must be a positive finite number"),
    (["--header-timeout", "0"], "--header-timeout must be a positive finite number, got 0"),
    (["--max-file-mib", "0"], "--max-file-mib must be a positive finite number, got 0"),
    (["--ws-idle-timeout", "inf"], "--ws-idle-timeout must be a positive finite number, got inf"),
    (["--max-websockets", "0"], "--max-websockets must be a positive finite number, got 0"),
    (["--port", "99999"], "--port must be 0-65535"),
    (["--cors-origin", "http://page.test/"], "--cors-origin must be * or scheme://host[:port] as a browser sends it"),
])  # fmt: skip
def test_bad_arguments_exit_2_with_one_line(tiny_pack, args: list[str], message: str) -> None:
    result = serve(*(["--voice", str(tiny_pack)] if args[0] != "--voice" else []), *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_an_address_it_cannot_listen_on_or_a_voice_given_twice_is_refused_before_loading(tiny_pack) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--voice", str(tiny_pack), "--port", str(port))  # the later --port wins
    assert result.returncode == 2 and f"yuyin: error: cannot listen on 127.0.0.1:{port}: " in result.stderr
    assert "Traceback" not in result.stderr and "loading" not in result.stderr.lower()
    twice = serve("--voice", str(tiny_pack), "--voice", str(tiny_pack))
    assert twice.returncode == 2 and twice.stderr.strip().endswith("is given twice")


def test_a_voice_that_fails_to_load_exits_1(tiny_pack, tmp_path) -> None:
    broken = shutil.copytree(tiny_pack, tmp_path / "broken")
    (broken / "acoustic.safetensors").write_bytes(b"not safetensors")
    unreadable = serve("--voice", str(broken), "--device", "cpu")  # refused before the server starts
    assert unreadable.returncode == 2 and "not a usable voice pack: Error while deserializing" in unreadable.stderr
    save_file({"unrelated": torch.zeros(1)}, str(broken / "acoustic.safetensors"))  # reads, but does not fit
    result = serve("--voice", str(broken), "--device", "cpu")
    assert result.returncode == 1
    assert "yuyin: error: could not load the voices" in result.stderr


def test_process_helper_reports_the_url_and_stops(tiny_pack) -> None:
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--no-warmup"]) as server:
        assert server.url.startswith("http://127.0.0.1:")
    assert server.process.returncode is not None and "Application shutdown complete" in server.log_text()


def test_a_malformed_lexicon_exits_2_naming_the_line(tiny_pack, tmp_path) -> None:
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("朝阳\tchao2 yang2\n银行\tnot pinyin\n", encoding="utf-8")
    result = serve("--voice", str(tiny_pack), "--lexicon", str(lexicon))
    assert result.returncode == 2 and "--lexicon" in result.stderr and ":2" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_lexicon_reaches_the_server_front_end(tiny_pack, tmp_path) -> None:
    import httpx

    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("朝阳\tzhao1 yang2\n", encoding="utf-8")
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--lexicon", str(lexicon)]) as server:
        reply = httpx.post(server.url + "/api/frontend", json={"text": "朝阳"}, timeout=60)
    assert reply.status_code == 200 and reply.json()["sentences"][0]["pinyin"] == ["zhao1", "yang2"]


@pytest.mark.parametrize("args, expected", [
    (["--memory-tier", "small"], "memory tier small: max_active 4, max_streams 16, max_queue 16, decoder batch 4"),
    (["--memory-tier", "xlarge", "--max-active", "2"],
     "memory tier xlarge: max_active 2, max_streams 8, max_queue 256, decoder batch 64"),
    (["--memory-tier", "small", "--max-streams", "3"], "memory tier small: max_active 3, max_streams 3, max_queue 16"),
])  # fmt: skip
def test_memory_tier_sizes_the_server_limits(tiny_pack, args, expected) -> None:
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--no-warmup", *args]) as server:
        assert server.url
    assert expected in server.log_text()
