"""``yuyin serve --ray``: the app as Ray Serve replicas answers every API as ``yuyin serve`` does."""
from __future__ import annotations

import io
import json
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import save_file
import soundfile

import httpx
import websockets.sync.client as ws_client

from server_probes import metric, receive_until, wait_idle
from yuyin.server.process import ServerProcess

TEXT = "今天天气很好，我们一起去公园散步吧。这是第二句话！"
LONG_TEXT = "今天天气很好，我们一起去公园散步吧。" * 400


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ray_processes() -> int:
    found = subprocess.run(["pgrep", "-f", "raylet|gcs_server"], capture_output=True, text=True)
    return len(found.stdout.split())


@pytest.fixture(scope="module")
def ray_server(tiny_pack):
    before = ray_processes()
    # one replica that may autoscale to two: the autoscaling path, with one replica's metrics to read
    process = ServerProcess(["--ray", "--port", str(free_port()), "--voice", str(tiny_pack), "--device", "cpu",
                             "--dtype", "fp32", "--max-replicas", "2", "--chunk-frames", "16"])  # fmt: skip
    with process:
        yield process
        assert process.stop() == 130  # as an interrupted plain `yuyin serve`
    assert "yuyin: shutting down" in process.log_text() and "yuyin: interrupted" in process.log_text()
    assert ray_processes() == before  # the cluster it started is gone


@pytest.fixture(scope="module")
def http(ray_server):
    with httpx.Client(base_url=ray_server.url, timeout=60) as client:
        yield client


def test_ready_means_the_replicas_have_their_voices(ray_server, http) -> None:
    assert "(Ray Serve, 1-2 replicas)" in ray_server.log_text()
    ready = http.get("/readyz")  # no 503 "loading" window: a replica takes traffic once loaded
    assert ready.status_code == 200 and ready.json() == {"status": "ready", "voices": ["tiny"]}
    assert http.get("/").status_code == 200 and "yuyin" in http.get("/").text


def test_audio_equals_the_engines(http, tiny_synth) -> None:
    response = http.post("/api/synthesize", json={"text": TEXT, "format": "wav", "stream": False})
    assert response.status_code == 200
    samples, rate = soundfile.read(io.BytesIO(response.content), dtype="float32")
    expected = np.concatenate([chunk.samples for chunk in tiny_synth.synthesize(TEXT)])
    expected = np.clip(expected, -1.0, 32767 / 32768)  # the random-weight voice overshoots; 16-bit clips
    assert rate == 24000 and samples.shape == expected.shape
    assert np.max(np.abs(samples - expected)) <= 1.5 / 32768  # 16-bit rounding


def test_openai_stream_arrives_in_chunks_and_equals_the_whole(http) -> None:
    body = {"model": "tts-1", "input": TEXT, "voice": "alloy", "response_format": "pcm"}
    with http.stream("POST", "/v1/audio/speech", json=body) as response:
        assert response.status_code == 200
        pieces = list(response.iter_bytes())
    whole = http.post("/v1/audio/speech", json={**body, "stream": False})
    assert len(pieces) > 2 and b"".join(pieces) == whole.content


def test_errors_keep_their_status_and_json_body(http) -> None:
    response = http.post("/api/synthesize", json={"text": "你好", "speeed": 2})
    assert response.status_code == 422 and response.json()["error"]["param"] == "speeed"
    response = http.post("/v1/audio/speech", json={"input": "🙂"})
    assert response.status_code == 400 and response.json()["error"]["param"] == "input"
    refused = http.get("/readyz", headers={"Host": "evil.test"})  # bound to 127.0.0.1: DNS rebinding refused
    assert refused.status_code == 400 and "does not answer for host 'evil.test'" in refused.json()["error"]["message"]


def test_websocket_streams_through_the_proxy(ray_server) -> None:
    with ws_client.connect(ray_server.url.replace("http://", "ws://") + "/ws/synthesize") as ws:
        ws.send(json.dumps({"type": "synthesize", "text": TEXT, "id": "r1"}))
        events, audio = receive_until(ws, "done", "error")
    kinds = [event["type"] for event in events]
    assert kinds[0] == "start" and kinds[-1] == "done" and kinds.count("sentence") == kinds.count("sentence_end") >= 2
    assert {event["id"] for event in events} == {"r1"}
    assert len(audio) == 2 * round(events[-1]["audio_seconds"] * 24000)


def test_a_client_that_goes_away_cancels_its_work_in_the_replica(http) -> None:
    wait_idle(http)
    cancelled = 'yuyin_streams_cancelled_total{api="native"}'
    before = metric(http, cancelled)
    with http.stream("POST", "/api/synthesize", json={"text": LONG_TEXT, "format": "pcm"}) as response:
        for index, _ in enumerate(response.iter_raw()):
            if index == 2:
                break
    wait_idle(http, timeout=30)
    assert metric(http, cancelled) == before + 1


def test_sigterm_while_deploying_stops_and_tears_the_cluster_down(tiny_pack) -> None:
    before = ray_processes()
    command = [sys.executable, "-m", "yuyin.cli", "serve", "--ray", "--port", str(free_port()),
               "--voice", str(tiny_pack), "--device", "cpu"]  # fmt: skip
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    log = []
    while "Started Serve" not in (log[-1] if log else ""):  # signal it once Ray runs, while Serve deploys
        log.append(lines.get(timeout=120))
    process.send_signal(signal.SIGTERM)
    assert process.wait(60) == 130
    time.sleep(0.2)  # the reader thread drains what is left
    while not lines.empty():
        log.append(lines.get())
    assert [line for line in log if line.startswith("yuyin: ")][-1] == "yuyin: interrupted\n", "".join(log)
    assert ray_processes() == before


def test_replicas_that_cannot_load_their_voice_fail_the_start(tiny_pack, tmp_path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_pack, broken)
    save_file({"unrelated": torch.zeros(1)}, str(broken / "vocoder.safetensors"))  # reads, but does not fit
    before = ray_processes()
    command = [sys.executable, "-m", "yuyin.cli", "serve", "--ray", "--port", str(free_port()), "--voice", str(broken),
               "--device", "cpu"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    last = [line for line in done.stderr.splitlines() if line.startswith("yuyin: ")][-1]  # Ray's logs interleave
    assert last.startswith("yuyin: error: the replicas did not start: ") and "state_dict" in last, last
    assert "ready on" not in done.stderr and ray_processes() == before


def interruptible() -> None:
    """In the child before it runs: SIGINT back to its default, which Python turns into
    KeyboardInterrupt (a test run started as a background job inherits it ignored, and then
    ``serve run`` would never stop)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_rays_own_serve_run_deploys_the_builder_from_a_config_file(tiny_pack, tmp_path) -> None:
    """The production path (serve deploy, KubeRay's RayService): a config naming yuyin.cluster.serve:build."""
    port = free_port()
    config = tmp_path / "serve.yaml"
    config.write_text(f"""http_options:
  host: 127.0.0.1
  port: {port}
applications:
  - name: tts
    route_prefix: /
    import_path: yuyin.cluster.serve:build
    args:
      voices: {tiny_pack}
      device: cpu
      dtype: fp32
      replicas: 2
      max_queue: 3
      allowed_hosts: tts.example.com
""")
    before = ray_processes()
    serve_cli = Path(sys.executable).with_name("serve")
    process = subprocess.Popen([str(serve_cli), "run", str(config)], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=interruptible)  # fmt: skip
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    if http.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
            assert http.get("/readyz").json() == {"status": "ready", "voices": ["tiny"]}
            response = http.post("/v1/audio/speech", json={"input": TEXT, "response_format": "wav", "stream": False})
            assert response.status_code == 200 and response.content[:4] == b"RIFF"
            assert http.get("/healthz", headers={"Host": "tts.example.com"}).status_code == 200
            assert http.get("/healthz", headers={"Host": "evil.test"}).status_code == 400
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(60)
    assert ray_processes() == before


def test_a_port_in_use_is_refused_before_ray_starts(tiny_pack) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "yuyin.cli", "serve", "--ray", "--port", str(port), "--voice", str(tiny_pack)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, f"yuyin: error: cannot listen on 127.0.0.1:{port}: Address already "
                                                 "in use\n")  # fmt: skip
