"""Streaming over WebSocket and HTTP against ``yuyin serve``: protocol, cancellation, long text."""
from __future__ import annotations

import json
import re
import statistics
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import httpx
import websockets.sync.client as ws_client

from server_probes import metric, receive_until, wait_idle
from yuyin.server.process import ServerProcess  # noqa: E402

TEXT = "今天天气很好，我们一起去公园散步吧。这是第二句话！最后一句。"
PARAGRAPH = ("今天天气很好，我们一起去公园散步吧。2024年3月5日，气温-3.5°C，风力三级。"
             "银行的利率上调了0.25%，很多人开始关注理财产品！你觉得怎么样？")  # fmt: skip
LONG_TEXT = (PARAGRAPH * (100_000 // len(PARAGRAPH) + 1))[:100_000]


@pytest.fixture(scope="module")
def server(tiny_pack):
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--chunk-frames", "16"]) as process:
        yield process


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def ws_url(server) -> str:
    return server.url.replace("http://", "ws://") + "/ws/synthesize"


def test_websocket_events_and_audio(server, http) -> None:
    with ws_client.connect(ws_url(server)) as ws:
        ws.send(json.dumps({"type": "synthesize", "id": "r1", "text": TEXT, "sample_rate": 16000, "speed": 1.2}))
        events, audio = receive_until(ws, "done", "error")
    kinds = [event["type"] for event in events]
    assert kinds[0] == "start" and kinds[-1] == "done", events
    assert events[0]["sample_rate"] == 16000 and events[0]["format"] == "s16le"
    assert all(event["id"] == "r1" for event in events)
    starts = [e for e in events if e["type"] == "sentence"]
    ends = [e for e in events if e["type"] == "sentence_end"]
    assert [e["index"] for e in starts] == [e["index"] for e in ends] == list(range(len(starts)))
    analysis = http.post("/api/frontend", json={"text": TEXT}).json()
    assert [e["text"] for e in starts] == [s["text"] for s in analysis["sentences"]]
    assert [e["pinyin"] for e in starts] == [s["pinyin"] for s in analysis["sentences"]]
    timeline = [t for s, e in zip(starts, ends, strict=True) for t in (s["start"], e["end"])]
    assert timeline == sorted(timeline) and timeline[0] == 0.0
    done = events[-1]
    assert done["audio_seconds"] == pytest.approx(ends[-1]["end"], abs=1e-3)
    assert len(audio) / 2 / 16000 == pytest.approx(done["audio_seconds"], abs=2e-3)
    assert 0 < done["ttfa"] < done["elapsed"] and done["rtf"] > 0
    reference = http.post("/api/synthesize", json={"text": TEXT, "sample_rate": 16000, "speed": 1.2,
                                                  "format": "pcm", "stream": False}).content  # fmt: skip
    assert np.array_equal(np.frombuffer(audio, np.int16), np.frombuffer(reference, np.int16))


def test_websocket_cancel_then_reuse_the_connection(server, http) -> None:
    with ws_client.connect(ws_url(server)) as ws:
        ws.send(json.dumps({"type": "synthesize", "id": "long", "text": LONG_TEXT}))
        receive_until(ws, "sentence")
        ws.send(json.dumps({"type": "cancel"}))
        events, _ = receive_until(ws, "cancelled", "done")
        assert events[-1] == {"type": "cancelled", "id": "long"}
        wait_idle(http)
        ws.send(json.dumps({"type": "synthesize", "id": "next", "text": "你好。"}))
        events, audio = receive_until(ws, "done", "error")
        assert events[-1]["type"] == "done" and events[-1]["id"] == "next" and audio
        ws.send(json.dumps({"type": "cancel"}))  # too late: it has ended
        event = receive_until(ws, "error", "cancelled")[0][-1]
        assert (event["type"], event["status"], event["id"]) == ("error", 409, "next"), event
        assert "nothing to cancel" in event["message"]


def test_websocket_errors_keep_the_connection_open(server) -> None:
    with ws_client.connect(ws_url(server)) as ws:
        for message, status, param in [
            ("not json", 422, "type"),
            (json.dumps({"type": "dance"}), 422, "type"),
            (json.dumps({"type": "synthesize", "text": "你好", "speed": 0}), 422, "speed"),
            (json.dumps({"type": "synthesize", "text": "🙂🙂"}), 422, "text"),
            (json.dumps({"type": "synthesize", "text": "你好", "voice": "nope"}), 422, "voice"),
        ]:  # fmt: skip
            ws.send(message)
            events, _ = receive_until(ws, "error", "done")
            assert (events[-1]["type"], events[-1]["status"], events[-1]["param"]) == ("error", status, param)
        ws.send(json.dumps({"type": "dance", "id": {"a": 1}}))
        assert receive_until(ws, "error")[0][-1]["id"] is None  # an id is echoed only as a string
        ws.send(json.dumps({"type": "synthesize", "text": LONG_TEXT}))
        ws.send(json.dumps({"type": "synthesize", "text": "你好"}))
        events, _ = receive_until(ws, "error")
        assert events[-1]["status"] == 409


def test_websocket_disconnect_cancels_the_work(server, http) -> None:
    wait_idle(http)  # an earlier test's closed connection may still be cancelling its stream
    before = metric(http, 'yuyin_streams_cancelled_total{api="ws"}')
    with ws_client.connect(ws_url(server)) as ws:
        ws.send(json.dumps({"type": "synthesize", "text": LONG_TEXT}))
        receive_until(ws, "sentence")
    wait_idle(http)
    assert metric(http, 'yuyin_streams_cancelled_total{api="ws"}') == before + 1


def test_http_disconnect_cancels_the_work(server, http) -> None:
    before = metric(http, 'yuyin_streams_cancelled_total{api="native"}')
    with http.stream("POST", "/api/synthesize", json={"text": LONG_TEXT, "format": "mp3"}) as response:
        for index, _ in enumerate(response.iter_raw()):
            if index == 3:
                break
    wait_idle(http)
    assert metric(http, 'yuyin_streams_cancelled_total{api="native"}') == before + 1


def test_an_abandoned_frontend_request_stops_its_analysis(server, http) -> None:
    """Four 100,000-character /api/frontend requests whose clients leave after 0.3 s: their
    analysis stops too. It ran to the end (4 s each, on every worker thread) and a small request
    behind them waited 17 s while /metrics showed nothing in flight."""
    wait_idle(http)

    def abandon() -> None:
        try:
            httpx.post(server.url + "/api/frontend", json={"text": LONG_TEXT}, timeout=0.3)
        except httpx.TimeoutException:
            left.append(True)

    left: list[bool] = []

    callers = [threading.Thread(target=abandon) for _ in range(4)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    assert len(left) == 4  # each client gave up before its answer
    started = time.perf_counter()
    assert http.post("/api/frontend", json={"text": "你好"}).json()["normalized"] == "你好"
    assert time.perf_counter() - started < 3.0


def test_bad_input_anywhere_is_a_422_before_the_stream_and_no_cancelled_stream(http) -> None:
    before = metric(http, 'yuyin_streams_cancelled_total{api="native"}')
    for text in ("你好。" * 20 + "你好[ni3 hao3 ma5]。", "🙂🙂"):  # a bad override in a late sentence; nothing to say
        response = http.post("/api/synthesize", json={"text": text, "format": "pcm"})
        assert response.status_code == 422 and response.json()["error"]["param"] == "text"
    assert metric(http, 'yuyin_streams_cancelled_total{api="native"}') == before


def test_ssml_with_only_breaks_is_refused_before_the_stream(http) -> None:
    for document in ('<speak><break time="1s"/></speak>', "<speak><break/>😀</speak>"):
        native = http.post("/api/synthesize", json={"text": document, "ssml": True, "format": "pcm"})
        assert native.status_code == 422 and native.json()["error"]["param"] == "text", native.text
        assert "nothing to say" in native.json()["error"]["message"]
        openai = http.post("/v1/audio/speech", json={"model": "tts-1", "input": document, "ssml": True})
        assert openai.status_code == 400 and openai.json()["error"]["param"] == "input", openai.text


LONE_SURROGATE = r"你好\ud800，世界。"  # as JSON escapes it: valid JSON, but no text


@pytest.mark.parametrize("path, body", [
    ("/api/synthesize", r'{"text": "%s", "format": "pcm", "stream": false}' % LONE_SURROGATE),
    ("/api/synthesize", r'{"text": "<speak>%s</speak>", "ssml": true, "format": "pcm"}' % LONE_SURROGATE),
    ("/v1/audio/speech", r'{"model": "tts-1", "input": "%s", "response_format": "pcm"}' % LONE_SURROGATE),
    ("/api/synthesize/with-timestamps", r'{"text": "%s", "format": "pcm"}' % LONE_SURROGATE),
])  # fmt: skip
def test_a_lone_surrogate_is_left_out_not_a_server_error(http, path: str, body: str) -> None:
    response = http.post(path, content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    if path.endswith("with-timestamps"):
        sentences = response.json()["sentences"]
        assert "".join(sentence["source"] for sentence in sentences) == "你好\ufffd，世界。"
    else:
        assert len(response.content) > 2 * 24000 * 0.3  # speech, not an empty body


def test_a_lone_surrogate_over_websocket_is_left_out(server) -> None:
    with ws_client.connect(ws_url(server)) as ws:
        ws.send(r'{"type": "synthesize", "id": "s\udc00", "text": "%s"}' % LONE_SURROGATE)
        events, audio = receive_until(ws, "done", "error")
    assert events[-1]["type"] == "done", events
    assert {event["id"] for event in events} == {"s\ufffd"} and len(audio) > 0


def first_audio_seconds(server, text: str) -> float:
    started = time.perf_counter()
    with httpx.stream("POST", server.url + "/api/synthesize", json={"text": text, "format": "pcm"}, timeout=60) as r:
        next(r.iter_raw())
        return time.perf_counter() - started


def memory_kb(pid: int, field: str) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read the server's memory")
def test_100k_characters_start_fast_and_stream_in_bounded_memory(server, http) -> None:
    short = statistics.median(first_audio_seconds(server, PARAGRAPH) for _ in range(3))
    long = statistics.median(first_audio_seconds(server, LONG_TEXT) for _ in range(3))
    assert long < 3 * short + 0.25, (short, long)  # the same order as a short text, on a noisy machine
    wait_idle(http)
    baseline = memory_kb(server.pid, "VmRSS")
    received, started = 0, time.perf_counter()
    body = {"text": LONG_TEXT, "format": "pcm", "sample_rate": 8000}
    with http.stream("POST", "/api/synthesize", json=body) as response:
        for piece in response.iter_raw():
            received += len(piece)
            if time.perf_counter() - started > 8:
                break
    growth_mb = (memory_kb(server.pid, "VmHWM") - baseline) / 1024
    assert received > 8000 * 2 * 60  # over a minute of audio went by
    assert growth_mb <= 200, growth_mb
    wait_idle(http)


def test_timestamps_over_http_and_websocket_agree_with_the_audio(server, http) -> None:
    import base64

    fields = {"text": TEXT, "sample_rate": 16000, "speed": 1.2}
    response = http.post("/api/synthesize/with-timestamps", json={**fields, "format": "pcm"})
    assert response.status_code == 200, response.text
    body = response.json()
    audio = base64.b64decode(body["audio"])
    plain = http.post("/api/synthesize", json={**fields, "format": "pcm", "stream": False}).content
    assert audio == plain and (body["format"], body["sample_rate"]) == ("pcm", 16000)
    assert body["duration"] == pytest.approx(len(audio) / 2 / 16000, abs=1e-3)
    analysis = http.post("/api/frontend", json={"text": TEXT}).json()["sentences"]
    sentences = body["sentences"]
    assert [s["source"] for s in sentences] == ["今天天气很好，", "我们一起去公园散步吧。", "这是第二句话！", "最后一句。"]
    assert [[x["pinyin"] for x in s["syllables"]] for s in sentences] == [s["pinyin"] for s in analysis]
    times = [t for s in sentences for x in s["syllables"] for t in (x["start"], x["end"])]
    assert times == sorted(times) and 0 < times[0] and times[-1] <= body["duration"]
    assert [TEXT[slice(*s["source_span"])] for s in sentences] == [s["source"] for s in sentences]
    assert [TEXT[slice(*x["source_span"])] for s in sentences for x in s["syllables"]] == [
        x["text"] for s in sentences for x in s["syllables"]]  # fmt: skip
    with ws_client.connect(ws_url(server)) as ws:
        ws.send(json.dumps({"type": "synthesize", **fields}))
        events, _ = receive_until(ws, "done", "error")
    starts = [e for e in events if e["type"] == "sentence"]
    assert [e["source"] for e in starts] == [s["source"] for s in sentences]
    assert [e["syllables"] for e in starts] == [s["syllables"] for s in sentences]
    assert [e["source_span"] for e in starts] == [s["source_span"] for s in sentences]
    wav = http.post("/api/synthesize/with-timestamps", json={"text": "你好"}).json()
    assert base64.b64decode(wav["audio"])[:4] == b"RIFF"
    (ssml,) = http.post("/api/synthesize/with-timestamps", json={"text": "<speak>你好</speak>", "ssml": True}
                        ).json()["sentences"]  # fmt: skip
    assert ssml["source"] == "你好" and ssml["source_span"] is None  # no offsets into markup
    assert [x["source_span"] for x in ssml["syllables"]] == [None, None]
    for bad, field in (({"text": "😀"}, "text"), ({"text": "你好", "stream": True}, "stream"),
                       ({"text": "你好", "speed": 9}, "speed")):  # fmt: skip
        response = http.post("/api/synthesize/with-timestamps", json=bad)
        assert response.status_code == 422 and response.json()["error"]["param"] == field, response.text
