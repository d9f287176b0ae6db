"""``yuyin batch`` on Ray Data: every row becomes the engine's audio; bad rows fail alone; resume."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile
import torch
from safetensors.torch import save_file

from yuyin import SynthesisOptions
from yuyin.timestamps import Timeline, to_json

BOOKKEEPING = (".lock", "manifest.jsonl")
ROWS = [
    {"id": "plain", "text": "今天天气很好，我们一起去公园散步吧。"},
    {"id": "fast", "text": "会议将于2025年6月18日上午9点举行。", "speed": 1.5, "format": "flac"},
    {"id": "ssml", "text": "<speak>你好<break time=\"300ms\"/>世界</speak>", "ssml": True},
    {"id": "phone", "text": "请拨打12306。", "sample_rate": 16000},
    {"id": "emoji", "text": "🙂🙂"},
]


def batch(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "yuyin.cli", "batch", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def our_last_line(stderr: str) -> str:
    """yuyin's last line (Ray forwards its processes' logs to the same stream, in its own time)."""
    return [line for line in stderr.splitlines() if line.startswith("yuyin: ")][-1]


def manifest(directory: Path) -> list[dict]:
    return [json.loads(line) for line in (directory / "manifest.jsonl").read_text().splitlines()]


def engine_audio(synth, row: dict) -> np.ndarray:
    speak = synth.synthesize_ssml if row.get("ssml") else synth.synthesize
    options = SynthesisOptions(speed=row.get("speed", 1.0))
    samples = np.concatenate([chunk.samples for chunk in speak(row["text"], options)])
    return np.clip(samples, -1.0, 32767 / 32768)  # the random-weight voice overshoots; 16-bit clips


def test_a_job_speaks_every_row_on_ray_data_and_resumes(tiny_pack: Path, tiny_synth, tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in ROWS) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    voice = ["--voice", str(tiny_pack), "--device", "cpu", "--dtype", "fp32"]
    done = batch(str(rows), "-o", str(out), *voice, "--workers", "2", "--timestamps", "json")
    assert done.returncode == 1, done.stderr  # one row failed
    assert "yuyin: row emoji (line 5) failed: the text has nothing to pronounce" in done.stderr
    assert f"4 of 5 rows spoken into {out}; 1 failed (see manifest.jsonl)" in our_last_line(done.stderr)
    records = {record["id"]: record for record in manifest(out)}
    assert sorted(records) == ["emoji", "fast", "phone", "plain", "ssml"]
    assert records["emoji"]["file"] is None and "nothing to pronounce" in records["emoji"]["error"]
    assert sorted(path.name for path in out.iterdir()) == [".lock", "fast.flac", "fast.json", "manifest.jsonl",
                                                          "phone.json", "phone.wav", "plain.json", "plain.wav",
                                                          "ssml.json", "ssml.wav"]  # fmt: skip
    timeline = Timeline(ROWS[0]["text"])
    for chunk in tiny_synth.synthesize(ROWS[0]["text"]):
        timeline.add(chunk)
    assert (out / "plain.json").read_text() == to_json(timeline.sentences, records["plain"]["duration"])
    for row in ROWS[:3]:
        record = records[row["id"]]
        samples, rate = soundfile.read(out / record["file"], dtype="float32")
        expected = engine_audio(tiny_synth, row)
        assert (rate, record["sample_rate"], record["error"]) == (24000, 24000, None)
        assert samples.shape == expected.shape and record["duration"] == round(len(expected) / 24000, 6)
        assert np.max(np.abs(samples - expected)) <= 1.5 / 32768, row["id"]
    assert soundfile.info(out / "phone.wav").samplerate == 16000 == records["phone"]["sample_rate"]

    written = {path.name: path.stat().st_mtime_ns for path in out.iterdir() if path.name not in BOOKKEEPING}
    again = batch(str(rows), "-o", str(out), *voice, "--resume", "--timestamps", "json")
    assert again.returncode == 1 and "5 of 5" not in again.stderr
    assert f"4 of 5 rows spoken into {out} (4 by an earlier run); 1 failed" in our_last_line(again.stderr)
    assert [record["id"] for record in manifest(out)][5:] == ["emoji"]  # only the failed row ran again
    assert {path.name: path.stat().st_mtime_ns for path in out.iterdir() if path.name not in BOOKKEEPING} == written


def test_text_from_stdin_one_row_per_line(tiny_pack: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "yuyin.cli", "batch", "-", "-o", str(tmp_path / "out"), "--voice",
               str(tiny_pack), "--device", "cpu", "--format", "mp3"]  # fmt: skip
    done = subprocess.run(command, input="第一句。\n\n第二句。\n", capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [".lock", "000001.mp3", "000003.mp3", "manifest.jsonl"]
    assert soundfile.info(io.BytesIO((tmp_path / "out" / "000001.mp3").read_bytes())).frames > 0


def test_workers_that_cannot_load_their_voice_fail_the_job_in_one_line(tiny_pack: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_pack, broken)
    # readable (so the check before the job passes) but not this vocoder's weights
    save_file({"unrelated": torch.zeros(1)}, str(broken / "vocoder.safetensors"))
    (tmp_path / "rows.txt").write_text("你好。\n")
    done = batch(str(tmp_path / "rows.txt"), "-o", str(tmp_path / "out"), "--voice", str(broken), "--device", "cpu")
    assert done.returncode == 1
    last = our_last_line(done.stderr)
    assert last.startswith("yuyin: error: the workers failed: ") and "state_dict" in last, last
    assert f"yuyin: 0 of 1 rows spoken into {tmp_path / 'out'}" in done.stderr  # what was kept, then why it stopped
    assert not (tmp_path / "out").exists()  # made for this job, which left no result: removed again


def test_a_worker_no_node_can_hold_is_refused_instead_of_waiting_forever(tiny_pack: Path, tmp_path: Path) -> None:
    (tmp_path / "rows.txt").write_text("你好。\n")
    done = batch(str(tmp_path / "rows.txt"), "-o", str(tmp_path / "out"), "--voice", str(tiny_pack),
                 "--worker-gpus", "1")  # fmt: skip
    assert done.returncode == 1
    assert our_last_line(done.stderr).startswith(
        "yuyin: error: no node can hold a worker of 1 CPUs and 1 GPUs (the largest has ")
    assert not (tmp_path / "out").exists()


def test_no_cluster_to_join_says_how_to_start_one_in_yuyins_flags(tiny_pack: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    (tmp_path / "rows.txt").write_text("你好。\n")
    done = batch(str(tmp_path / "rows.txt"), "-o", str(tmp_path / "out"), "--voice", str(tiny_pack),
                 "--ray-address", "auto")  # fmt: skip
    assert done.returncode == 1
    assert our_last_line(done.stderr) == (
        "yuyin: error: no running Ray cluster found for --ray-address auto: start one with 'ray start --head', "
        "or leave out --ray-address and RAY_ADDRESS to run on one started for this job")
    assert "`--address`" not in done.stderr and not (tmp_path / "out").exists()
