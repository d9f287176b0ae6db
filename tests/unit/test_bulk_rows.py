"""Bulk jobs without Ray: speaking a row, the output directory and its manifest, the plans."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from yuyin import SynthesisOptions
from yuyin.cli import main
from yuyin.cluster import ClusterError
from yuyin.cluster.bulk import WorkerPlan
from yuyin.cluster.bulk_output import BulkOutput, OutputError
from yuyin.cluster.manifest import BulkItem
from yuyin.cluster.row_speech import RowSpeaker, SpokenRow
from yuyin.cluster.serve import ReplicaPlan, build_arguments, deployment_options, replica_settings
from yuyin.server.settings import ServerSettings


@pytest.fixture(scope="module")
def speaker(tiny_pack: Path) -> RowSpeaker:
    return RowSpeaker(ServerSettings(voices=(str(tiny_pack),), device="cpu", dtype="fp32", warmup=False))


def item(ident: str, **fields) -> BulkItem:
    return BulkItem(id=ident, line=1, fields={"id": ident, **fields})


def test_a_row_is_the_engines_audio_in_its_format(speaker: RowSpeaker, tiny_synth) -> None:
    row = speaker.speak(item("a", text="你好，世界。", speed=1.5))
    chunks = tiny_synth.synthesize("你好，世界。", SynthesisOptions(speed=1.5))
    expected = np.concatenate([chunk.samples for chunk in chunks])
    samples, rate = soundfile.read(io.BytesIO(row.audio), dtype="float32")
    assert (row.format, row.sample_rate, row.error, rate) == ("wav", 24000, None, 24000)
    assert row.duration == pytest.approx(len(expected) / 24000)
    assert np.max(np.abs(samples - np.clip(expected, -1, 32767 / 32768))) <= 1.5 / 32768
    flac = speaker.speak(item("b", text="你好。", format="flac", sample_rate=16000))
    assert (flac.format, flac.sample_rate) == ("flac", 16000) and flac.audio[:4] == b"fLaC"


def test_a_row_can_bring_its_timestamps(tiny_pack: Path, tiny_synth) -> None:
    from yuyin.timestamps import Timeline, to_json, to_srt

    text = "2025年3月5日，我们见面。"
    timed = RowSpeaker(ServerSettings(voices=(str(tiny_pack),), device="cpu", dtype="fp32", warmup=False),
                       timestamps="json")  # fmt: skip
    row = timed.speak(item("t", text=text))
    timeline = Timeline(text)
    for chunk in tiny_synth.synthesize(text):
        timeline.add(chunk)
    assert row.timestamps == to_json(timeline.sentences, row.duration)
    assert json.loads(row.timestamps)["sentences"][0]["syllables"][0]["source_span"] == [0, 1]  # "2" of 2025
    srt = RowSpeaker(ServerSettings(voices=(str(tiny_pack),), device="cpu", dtype="fp32", warmup=False),
                     timestamps="srt").speak(item("t", text=text))  # fmt: skip
    assert srt.timestamps == to_srt(timeline.sentences) and "2025年3月5日，" in srt.timestamps


@pytest.mark.parametrize("fields, problem", [
    ({"text": "🙂🙂"}, "the text has nothing to pronounce"),
    ({"text": "你好", "voice": "nope"}, "unknown voice 'nope'; available voices: tiny"),
    ({"text": "你好", "speaker": "Aiqi"}, "voice 'tiny' has a single speaker; leave speaker out"),
    ({"text": "<speak>你好", "ssml": True}, "malformed SSML"),
])  # fmt: skip
def test_a_bad_row_is_an_error_on_that_row(speaker: RowSpeaker, fields: dict, problem: str) -> None:
    row = speaker.speak(item("x", **fields))
    assert row.audio is None and row.sample_rate is None and row.duration == 0
    assert row.error is not None and problem in row.error


def spoken(ident: str, audio: bytes | None = b"RIFF", error: str | None = None) -> SpokenRow:
    return SpokenRow(ident, 3, "wav", audio, 24000 if audio else None, 1.25 if audio else 0.0, 0.1, error)


def test_output_writes_files_then_manifest_lines_and_resumes_only_what_is_done(tmp_path: Path) -> None:
    output = BulkOutput(tmp_path / "out", job="wav")
    output.write(spoken("a"), "f-a")
    output.write(spoken("b", audio=None, error="the text has nothing to pronounce"), "f-b")
    output.write(spoken("c"), "f-c")
    records = [json.loads(line) for line in output.manifest.read_text().splitlines()]
    assert records[0] == {"id": "a", "line": 3, "file": "a.wav", "format": "wav", "sample_rate": 24000,
                          "duration": 1.25, "seconds": 0.1, "error": None, "fingerprint": "f-a"}  # fmt: skip
    assert records[1]["file"] is None and records[1]["error"] == "the text has nothing to pronounce"
    assert sorted(path.name for path in output.directory.iterdir()) == [".lock", "a.wav", "c.wav", "manifest.jsonl"]
    assert (output.tally.written, output.tally.failed, output.tally.audio_seconds) == (2, 1, 2.5)
    output.close()
    with pytest.raises(OutputError, match="already holds a manifest.jsonl: pass --resume"):
        BulkOutput(tmp_path / "out")


def test_a_file_that_cannot_be_written_leaves_no_part_behind(tmp_path: Path, monkeypatch) -> None:
    output = BulkOutput(tmp_path / "out", job="wav")

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("yuyin.cluster.bulk_output.os.replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        output.write(spoken("a"), "f-a")
    assert sorted(path.name for path in output.directory.iterdir()) == [".lock"]  # no .a.wav.partial, no line
    output.close()


def test_resume_skips_rows_written_from_the_same_row_and_job_only(tmp_path: Path) -> None:
    rows = {ident: BulkItem(ident, 1, {"id": ident, "text": f"{ident}好"}) for ident in "abcde"}
    first = BulkOutput(tmp_path / "out", job="wav")
    for ident in "abcd":
        first.write(spoken(ident), first.fingerprint(rows[ident]))
    first.close()
    (first.directory / "c.wav").unlink()  # a file lost since: speak it again
    with first.manifest.open("a") as handle:
        handle.write('{"id": "e", "line": 3, "fi')  # a line cut short by an interruption
    edited = {**rows, "b": BulkItem("b", 1, {"id": "b", "text": "改过的文字"})}
    resumed = BulkOutput(tmp_path / "out", resume=True, job="wav")
    assert [item.id for item in resumed.pending(list(edited.values()))] == ["b", "c", "e"]
    resumed.write(spoken("e"), resumed.fingerprint(rows["e"]))  # starts a line of its own
    assert json.loads(resumed.manifest.read_text().splitlines()[-1])["id"] == "e"
    resumed.close()
    other_job = BulkOutput(tmp_path / "out", resume=True, job="mp3")
    assert [item.id for item in other_job.pending(list(rows.values()))] == list("abcde")
    other_job.close()


def test_output_writes_a_rows_timestamps_beside_its_audio(tmp_path: Path) -> None:
    output = BulkOutput(tmp_path / "out", timestamps="srt")
    subtitles = "1\n00:00:00,000 --> 00:00:01,000\n你好\n"
    output.write(SpokenRow("a", 1, "mp3", b"ID3", 24000, 1.0, 0.1, timestamps=subtitles), "f")
    output.write(spoken("b", audio=None, error="nothing to say"), "g")
    records = [json.loads(line) for line in output.manifest.read_text().splitlines()]
    assert [(record["file"], record["timestamps"]) for record in records] == [("a.mp3", "a.srt"), (None, None)]
    assert (output.directory / "a.srt").read_text().endswith("你好\n")
    assert sorted(path.name for path in output.directory.iterdir()) == [".lock", "a.mp3", "a.srt", "manifest.jsonl"]
    output.close()
    item = BulkItem("a", 1, {"id": "a", "text": "你好"})
    (output.directory / "a.srt").unlink()  # the subtitles are part of what a resumed row needs
    resumed = BulkOutput(tmp_path / "out", resume=True, timestamps="srt")
    assert resumed.pending([item]) == [item]
    resumed.close()


def test_a_row_spoken_again_replaces_the_files_of_its_earlier_line(tmp_path: Path) -> None:
    rows = [BulkItem(ident, 1, {"id": ident, "text": "你好"}) for ident in "ab"]
    first = BulkOutput(tmp_path / "out", timestamps="srt", job="wav srt")
    for row in rows:
        first.write(SpokenRow(row.id, 1, "wav", b"RIFF", 24000, 1.0, 0.1, timestamps="1"), first.fingerprint(row))
    first.close()
    again = BulkOutput(tmp_path / "out", resume=True, timestamps="vtt", job="mp3 vtt")
    assert again.pending(rows) == rows
    again.write(SpokenRow("a", 1, "mp3", b"ID3", 24000, 1.0, 0.1, timestamps="WEBVTT"), again.fingerprint(rows[0]))
    again.write(spoken("b", audio=None, error="nothing to say"), again.fingerprint(rows[1]))
    assert sorted(path.name for path in again.directory.iterdir()) == [".lock", "a.mp3", "a.vtt", "manifest.jsonl"]
    again.close()


def test_output_refuses_a_directory_it_cannot_write(unwritable_dir) -> None:
    directory, _ = unwritable_dir
    with pytest.raises(OutputError):
        BulkOutput(directory / "out")


def test_worker_and_replica_plans() -> None:
    assert WorkerPlan().pool_size({"CPU": 8.0}) == 8
    assert WorkerPlan(cpus=2, gpus=0.5).pool_size({"CPU": 16.0, "GPU": 2.0}) == 4
    assert WorkerPlan(workers=3).pool_size({"CPU": 1.0}) == 3
    with pytest.raises(ClusterError, match="no node can hold a worker of 1 CPUs and 1 GPUs"):
        WorkerPlan(gpus=1).pool_size({"CPU": 4.0})
    for bad in ({"workers": 0}, {"cpus": 0}, {"gpus": -1}):
        with pytest.raises(ValueError):
            WorkerPlan(**bad)
    settings = ServerSettings(max_active=3, max_streams=6, max_queue=5, shutdown_timeout=7)
    fixed = deployment_options(settings, ReplicaPlan(replicas=2, cpus=1.5))
    assert (fixed["num_replicas"], fixed["max_ongoing_requests"], fixed["max_queued_requests"]) == (2, 11, 10)
    by_default = deployment_options(ServerSettings(max_active=3, max_queue=5), ReplicaPlan())
    assert by_default["max_ongoing_requests"] == 4 * 3 + 5  # streams waiting for their clients hold no slot
    assert fixed["ray_actor_options"] == {"num_cpus": 1.5, "num_gpus": 0.0}
    assert fixed["graceful_shutdown_timeout_s"] == 7 and "autoscaling_config" not in fixed
    scaling = deployment_options(settings, ReplicaPlan(replicas=1, max_replicas=4))
    assert "num_replicas" not in scaling
    assert scaling["autoscaling_config"] == {"min_replicas": 1, "max_replicas": 4, "target_ongoing_requests": 3}
    replica = replica_settings(settings, ReplicaPlan(cpus=1.5))
    assert (replica.threads, replica.device, replica.max_active, replica.max_queue) == (2, "cpu", 3, 5)
    assert replica_settings(ServerSettings(threads=6), ReplicaPlan(cpus=1.5)).threads == 6
    assert replica_settings(ServerSettings(), ReplicaPlan(gpus=0.5)).device == "auto"  # Ray gives it its GPU
    assert replica_settings(ServerSettings(device="cuda:1"), ReplicaPlan()).device == "cuda:1"  # as asked
    tiered = replica_settings(ServerSettings(memory_tier="small"), ReplicaPlan())
    assert (tiered.max_active, tiered.max_queue, tiered.max_streams) == (4, 16, 16)  # sized where it is deployed, as Serve's limits are
    for bad in ({"replicas": 0}, {"replicas": 2, "max_replicas": 1}, {"cpus": 0}, {"gpus": -0.5}):
        with pytest.raises(ValueError):
            ReplicaPlan(**bad)


@pytest.mark.parametrize("argv, problem", [
    (["serve", "--replicas", "2"], "--replicas need --ray"),
    (["serve", "--replica-cpus", "2", "--ray-address", "auto"], "--ray-address, --replica-cpus need --ray"),
    (["serve", "--ray", "--port", "0"], "--port 0 is not available with --ray: Serve's proxy needs a fixed port"),
    (["serve", "--ray", "--drain-delay", "5"], "--drain-delay is not available with --ray"),
    (["serve", "--ray", "--replicas", "3", "--max-replicas", "2"], "--max-replicas must be >= replicas (3), got 2"),
    (["batch", "missing.jsonl", "-o", "out"], "missing.jsonl: cannot read it"),
    (["batch", "rows.txt", "-o", "out", "--workers", "0"], "--workers must be >= 1, got 0"),
    (["batch", "rows.txt", "-o", "done"], "done already holds a manifest.jsonl: pass --resume"),
    (["batch", "rows.txt", "-o", "out", "--ray-address", "127.0.0.1:1"], "cannot reach the Ray cluster at 127.0.0.1:1"),
    (["batch", "voices.jsonl", "-o", "out"], "voices.jsonl line 2: voice: unknown voice 'ttskit'; this job loads tiny"),
    (["batch", "ssml.jsonl", "-o", "out"], "ssml.jsonl line 1: text: unsupported tag <foo> at line 1"),
])  # fmt: skip
def test_cli_refuses_bad_scale_out_requests_before_starting_ray(argv: list[str], problem: str, tmp_path: Path,
                                                                capsys, monkeypatch: pytest.MonkeyPatch,
                                                                tiny_pack: Path) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rows.txt").write_text("你好\n")
    (tmp_path / "voices.jsonl").write_text('{"text": "你好"}\n{"text": "你好", "voice": "ttskit"}\n')
    (tmp_path / "ssml.jsonl").write_text('{"text": "<speak><foo/></speak>", "ssml": true}\n')
    (tmp_path / "done").mkdir()
    (tmp_path / "done" / "manifest.jsonl").write_text("")
    assert main([*argv, "--voice", str(tiny_pack)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("yuyin: error: ") and problem in err and err.count("\n") == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["done", "rows.txt", "ssml.jsonl", "voices.jsonl"]


@pytest.mark.parametrize("argv, problem", [
    (["batch", "rows.txt", "-o", ""], "argument -o/--output-dir: must not be empty"),  # not the current directory
    (["batch", "rows.txt", "-o", "out", "--max-row-chars", "0"], "argument --max-row-chars: must be at least 1"),
])  # fmt: skip
def test_batch_option_errors_are_usage_errors(argv: list[str], problem: str, tmp_path: Path, capsys,
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2 and problem in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_serve_builder_arguments_convert_strings_as_serve_run_passes_them() -> None:
    settings, plan = build_arguments({"voices": "baker, ttskit", "replicas": "2", "max_replicas": "4",
                                      "replica_cpus": "1.5", "warmup": "false", "max_active": 8,
                                      "cors_origins": "*"})  # fmt: skip
    assert (settings.voices, settings.warmup, settings.max_active, settings.cors_origins) == (
        ("baker", "ttskit"), False, 8, ("*",))
    assert plan == ReplicaPlan(replicas=2, max_replicas=4, cpus=1.5, gpus=0.0)
    assert build_arguments({}) == (ServerSettings(), ReplicaPlan())
    assert [build_arguments({"side_by_side": value})[0].side_by_side for value in ("true", "off", "Auto", False)] == [
        True, False, None, False]  # auto: the memory tier decides
    assert build_arguments({"allowed_hosts": "tts.example.com"})[0].allowed_hosts == ("tts.example.com",)
    for args, problem in [({"port": 1}, "unknown argument port; known: allowed_hosts, backend,"),
                          ({"header_timeout": "5"}, "unknown argument header_timeout"),  # Serve's proxy holds connections
                          ({"replicas": "two"}, "replicas: Input should be a valid integer"),
                          ({"max_active": "0"}, "max_active must be a positive finite number, got 0"),
                          ({"side_by_side": "maybe"}, "side_by_side: Input should be a valid boolean"),
                          ({"max_active": "auto"}, "max_active: Input should be a valid integer"),
                          ({"replicas": "2", "max_replicas": "1"},
                           "max_replicas must be >= replicas (2), got 1")]:  # fmt: skip
        with pytest.raises(ValueError) as error:
            build_arguments(args)
        assert str(error.value).startswith(problem)


def test_every_command_parses_without_the_server_extra() -> None:
    """Building the parser must not import pydantic (the server extra): `yuyin say` works without it."""
    code = ("import sys; sys.modules['pydantic'] = None; sys.modules['fastapi'] = None\n"
            "from yuyin.cli import build_parser\n"
            "args = build_parser().parse_args(['batch', 'rows.txt', '-o', 'out'])\n"
            "print(args.max_row_chars)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "20000\n", "")


def test_one_job_at_a_time_writes_a_directory_and_leftovers_are_cleared(tmp_path: Path) -> None:
    first = BulkOutput(tmp_path / "out")
    (first.directory / ".a.wav.partial").write_bytes(b"half")  # an interrupted write
    with pytest.raises(OutputError, match="another yuyin batch is writing there"):
        BulkOutput(tmp_path / "out", resume=True)
    first.close()
    again = BulkOutput(tmp_path / "out", resume=True)
    assert sorted(path.name for path in again.directory.iterdir()) == [".lock"]
    again.close()


def test_a_job_that_ends_without_a_result_removes_the_directories_it_made_only(tmp_path: Path) -> None:
    BulkOutput(tmp_path / "new" / "out").close()  # e.g. Ray could not start
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "kept").mkdir()
    BulkOutput(tmp_path / "kept").close()  # there before: stays, without the job's lock
    assert [path.name for path in tmp_path.iterdir()] == ["kept"] and list((tmp_path / "kept").iterdir()) == []
    output = BulkOutput(tmp_path / "done")
    output.write(SpokenRow(id="a", line=1, format="wav", audio=None, sample_rate=None, duration=0.0, seconds=0.0,
                           error="nothing to say"), "f")  # a result, failed or not, keeps the directory
    output.close()
    assert sorted(path.name for path in (tmp_path / "done").iterdir()) == [".lock", "manifest.jsonl"]
