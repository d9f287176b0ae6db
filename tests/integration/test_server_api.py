"""The native HTTP API of a real ``yuyin serve`` subprocess (tiny random-weight voice) via httpx."""
from __future__ import annotations

import gzip
import io
import json
import re
import socket

import numpy as np
import pytest

import httpx
import av

from server_probes import metric
from yuyin.server.process import ServerProcess  # noqa: E402

TEXT = "今天天气很好，我们一起去公园散步吧。这是第二句话！"
ORIGIN = "http://page.test"


@pytest.fixture(scope="module")
def server(tiny_pack):
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--cors-origin", ORIGIN]) as process:
        yield process


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


def pcm(client, **body) -> tuple[np.ndarray, httpx.Response]:
    response = client.post("/api/synthesize", json={"text": TEXT, "format": "pcm", "stream": False, **body})
    assert response.status_code == 200, response.text
    return np.frombuffer(response.content, np.int16).astype(np.float32) / 32767, response


def decode(data: bytes) -> tuple[np.ndarray, int]:
    with av.open(io.BytesIO(data)) as container:
        samples = np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])
        return samples, container.streams.audio[0].rate


def test_health_ready_and_voices(client) -> None:
    assert client.get("/healthz").json() == {"status": "alive"}
    assert client.get("/readyz").json() == {"status": "ready", "voices": ["tiny"]}
    [voice] = client.get("/api/voices").json()
    assert voice["name"] == "tiny" and voice["sample_rate"] == 24000 and voice["default"] is True


@pytest.mark.parametrize("fmt", ["mp3", "opus", "aac", "flac", "wav"])
def test_every_format_streams_with_chunked_transfer_and_decodes(client, fmt: str) -> None:
    reference, _ = pcm(client)
    with client.stream("POST", "/api/synthesize", json={"text": TEXT, "format": fmt}) as response:
        assert response.status_code == 200
        assert response.headers["transfer-encoding"] == "chunked"
        assert response.headers["content-type"].startswith("audio/")
        pieces = list(response.iter_raw())
    assert len(pieces) > 1
    samples, rate = decode(b"".join(pieces))
    assert abs(len(samples) / rate - len(reference) / 24000) < 0.1


@pytest.mark.parametrize("rate", [8000, 16000, 22050, 44100, 48000])
def test_sample_rate_is_resampled(client, rate: int) -> None:
    native, _ = pcm(client)
    samples, response = pcm(client, sample_rate=rate)
    assert response.headers["x-sample-rate"] == str(rate)
    assert abs(len(samples) - len(native) * rate / 24000) <= 2


def test_streamed_pcm_equals_non_streamed_with_every_control(client) -> None:
    """Seam-free: chunked engine output, resampled chunk by chunk, equals the whole response."""
    controls = {"speed": 1.3, "pitch": 1.5, "pitch_shift": 0.5, "energy": 0.8, "volume": 0.7, "sample_rate": 16000,
                "sentence_pause": 0.3, "seed": 7}  # fmt: skip
    whole, _ = pcm(client, **controls)
    with client.stream("POST", "/api/synthesize", json={"text": TEXT, "format": "pcm", **controls}) as response:
        streamed = np.frombuffer(response.read(), np.int16).astype(np.float32) / 32767
    assert len(streamed) == len(whole)
    assert np.max(np.abs(streamed - whole)) < 1e-3


def test_controls_change_the_audio(client) -> None:
    normal, _ = pcm(client)
    fast, _ = pcm(client, speed=2.0)
    assert 0.4 < len(fast) / len(normal) < 0.65  # pauses do not scale with speed
    silent, _ = pcm(client, volume=0.0)
    assert not silent.any()
    paused, _ = pcm(client, sentence_pause=1.5)
    assert len(paused) > len(normal) + 24000
    for control in ({"pitch": 2.0}, {"energy": 2.0}, {"seed": 3}):
        changed, _ = pcm(client, **control)
        assert not np.array_equal(changed[: len(normal)], normal[: len(changed)]), control
    quarter, _ = pcm(client, volume=0.25)  # (the random weights are loud: at 1 the limiter acts, at 0.25 not)
    eighth, _ = pcm(client, volume=0.125)
    assert np.allclose(eighth, quarter * 0.5, atol=2e-4)  # a linear gain, to the rounding of 16-bit PCM


@pytest.mark.parametrize(("body", "param"), [
    ({"text": ""}, "text"),
    ({"text": "   \n"}, "text"),
    ({"text": "😀🎉!!"}, "text"),
    ({"text": "你好", "speed": 4.5}, "speed"),
    ({"text": "你好", "speed": "fast"}, "speed"),
    ({"text": "你好", "pitch": -1}, "pitch"),
    ({"text": "你好", "pitch_shift": True}, "pitch_shift"),  # a number, as the Python API wants
    ({"text": "你好", "energy": "1"}, "energy"),
    ({"text": "你好", "pitch_shift": 1.6}, "pitch_shift"),
    ({"text": "你好", "volume": 9}, "volume"),
    ({"text": "你好", "format": "ogg"}, "format"),
    ({"text": "你好", "sample_rate": 12345}, "sample_rate"),
    ({"text": "你好", "voice": "nope"}, "voice"),
    ({"text": "你好", "speaker": "someone"}, "speaker"),
    ({"text": "你好", "seed": -1}, "seed"),
    ({"text": "你好", "sped": 2}, "sped"),
    ({"text": 42}, "text"),
    ({}, "text"),
    ({"text": "你好", "voice": 7}, "voice"),  # not voice.str: the union member is no field
    ({"text": "你好", "voice": ""}, "voice"),
    ({"text": "你好", "stream": "yes"}, "stream"),  # a JSON boolean, as speed is a JSON number
    ({"text": "你好", "stream": 0}, "stream"),
    ({"text": "你好", "seed": "1"}, "seed"),
    ({"text": "你好", "ssml": 1}, "ssml"),
])  # fmt: skip
def test_bad_input_is_422_naming_the_field(client, body: dict, param: str) -> None:
    response = client.post("/api/synthesize", json=body)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["param"] == param and error["message"]


def test_emoji_only_text_gets_a_clear_message(client) -> None:
    error = client.post("/api/synthesize", json={"text": "😀😀"}).json()["error"]
    assert "nothing to pronounce" in error["message"]


@pytest.mark.parametrize("content", [b'{"text": "x"', b'{"text": "\xff\xfe"}', b"[" * 100_000])
def test_malformed_json_is_422(client, content: bytes) -> None:
    response = client.post("/api/synthesize", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["param"] == "body"


def test_a_body_that_is_not_json_is_415(client) -> None:
    response = client.post("/api/synthesize", data={"text": "你好"})  # a form, as curl -d sends
    assert response.status_code == 415 and response.json()["error"]["param"] == "body"
    assert "application/x-www-form-urlencoded" in response.json()["error"]["message"]
    untyped = client.post("/api/synthesize", content='{"text": "你好"}'.encode(), headers={"content-type": ""})
    assert untyped.status_code == 415 and "without a Content-Type" in untyped.json()["error"]["message"]


@pytest.mark.parametrize("content_type", ["application/x-json", "text/plain; note=json", "application/jsonl"])
def test_a_type_that_merely_mentions_json_is_415(client, content_type: str) -> None:
    for path, body in (("/api/synthesize", '{"text": "你好"}'), ("/v1/audio/speech", '{"input": "你好"}')):
        response = client.post(path, content=body.encode(), headers={"content-type": content_type})
        assert response.status_code == 415, response.text
        assert content_type.split(";")[0] in response.json()["error"]["message"]


def test_json_in_another_charset_is_415_asking_for_utf8(client) -> None:
    """JSON is exchanged in UTF-8 only (RFC 8259 8.1): a GBK body labelled as such is refused with
    415 naming the charset, not 422; a UTF-8 label in any spelling, or ASCII, still parses."""
    gbk = '{"text": "你好"}'.encode("gbk")
    for path in ("/api/synthesize", "/v1/audio/speech"):
        body = gbk if path == "/api/synthesize" else '{"input": "你好", "voice": "alloy"}'.encode("gbk")
        response = client.post(path, content=body, headers={"content-type": "application/json; charset=GBK"})
        assert response.status_code == 415, response.text
        assert response.json()["error"]["message"] == "send the JSON body in UTF-8, not charset=gbk"
    for label in ('charset="UTF-8"', "charset=utf8", "Charset = utf-8"):
        utf8 = client.post("/api/frontend", content='{"text": "你好"}'.encode(),
                           headers={"content-type": f"application/json; {label}"})  # fmt: skip
        assert utf8.status_code == 200, (label, utf8.text)
    ascii_only = client.post("/api/frontend", content=b'{"text": "3"}',
                             headers={"content-type": "application/json; charset=gbk"})  # fmt: skip
    assert ascii_only.status_code == 200  # it parses: nothing to refuse
    invalid = client.post("/api/synthesize", content=b'{"text": "3", "speed": 9}',
                          headers={"content-type": "application/json; charset=us-ascii"})  # fmt: skip
    assert invalid.status_code == 422 and invalid.json()["error"]["param"] == "speed"  # the field, not the charset


def test_a_json_subtype_is_json(client) -> None:
    response = client.post("/api/frontend", content='{"text": "你好"}'.encode(),
                           headers={"content-type": "application/vnd.api+json"})  # fmt: skip
    assert response.status_code == 200 and response.json()["sentences"]


def test_a_compressed_body_is_415_naming_the_encoding(client) -> None:
    """The server decodes no Content-Encoding: a body that declares one is refused, even one that
    would parse as it is, on every route that reads a body."""
    plain = '{"text": "你好"}'.encode()
    for path, body, encoding in (("/api/synthesize", gzip.compress(plain), "gzip"), ("/api/synthesize", plain, "gzip"),
                                 ("/api/frontend", plain, "br"), ("/api/reference", b"RIFF", "Deflate")):  # fmt: skip
        response = client.post(path, content=body, headers={"content-type": "application/json",
                                                            "content-encoding": encoding})  # fmt: skip
        assert response.status_code == 415, (path, encoding)
        assert f"Content-Encoding {encoding.lower()} is not supported" in response.json()["error"]["message"]
    assert client.post("/api/frontend", content=plain, headers={"content-type": "application/json",
                                                                "content-encoding": "identity"}).status_code == 200
    twice = [("content-type", "application/json"), ("content-encoding", "gzip"), ("content-encoding", "identity")]
    assert client.post("/api/frontend", content=plain, headers=twice).status_code == 415  # not only the last one


@pytest.mark.parametrize("depth", [40, 900])
def test_a_field_nested_deeper_than_any_request_is_422(client, depth: int) -> None:
    """[[[...]]] 900 deep parses as JSON but would exhaust the recursion of the checks after it."""
    nested = "[" * depth + "]" * depth
    for path, body, status in (("/api/synthesize", '{"text": "你好", "voice": %s}', 422),
                               ("/v1/audio/speech", '{"input": "你好", "voice": %s}', 400),
                               ("/api/frontend", '{"text": "你好", "x": %s}', 422)):  # fmt: skip
        response = client.post(path, content=(body % nested).encode(), headers={"content-type": "application/json"})
        assert response.status_code == status, (path, response.text[:300])
        assert "more than 32 levels deep" in response.json()["error"]["message"]
        assert not response.json()["error"]["message"].startswith("Value error")


def test_a_number_too_long_to_parse_is_named(client) -> None:
    response = client.post("/api/synthesize", content=('{"text": "你好", "x": ' + "9" * 5000 + "}").encode(),
                           headers={"content-type": "application/json"})  # fmt: skip
    assert response.status_code == 422 and "more than 4300 digits" in response.json()["error"]["message"]


@pytest.mark.parametrize("path", ["/healthz", "/", "/readyz", "/metrics", "/api/voices", "/v1/models",
                                  "/v1/audio/voices", "/static/app.js"])  # fmt: skip
def test_head_answers_as_get_without_the_body(client, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert got.status_code == head.status_code == 200 and got.content and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_head_requests_are_counted_as_head(client) -> None:
    line = 'yuyin_requests_total{method="HEAD",route="/healthz",status="200"}'
    before = metric(client, line)
    client.head("/healthz")
    assert metric(client, line) == before + 1


def test_head_of_a_path_without_get_answers_as_get_would(client) -> None:
    assert client.head("/api/synthesize").status_code == 405 and client.head("/nope").status_code == 404


def test_a_plain_get_of_the_websocket_says_to_upgrade(client) -> None:
    response = client.get("/ws/synthesize")
    assert response.status_code == 426 and response.headers["upgrade"] == "websocket"
    assert "WebSocket" in response.json()["error"]["message"]


def test_too_long_text_is_413(client) -> None:
    response = client.post("/api/synthesize", json={"text": "好" * 100_001})
    assert response.status_code == 413
    assert response.json()["error"]["param"] == "text"


def test_frontend_returns_normalised_text_and_pinyin(client) -> None:
    from yuyin.frontend import BakerFrontend

    text = "2024年3月5日，气温-3.5°C。银行行长说：你好！"
    body = client.post("/api/frontend", json={"text": text}).json()
    units = list(BakerFrontend().analyze(text))
    assert body["normalized"] == "".join(unit.text for unit in units) and "2024" not in body["normalized"]
    assert [s["pinyin"] for s in body["sentences"]] == [list(unit.pinyin) for unit in units]
    assert [s["phones"] for s in body["sentences"]] == [list(unit.phones) for unit in units]
    assert client.post("/api/frontend", json={"text": "🙂"}).status_code == 422


def test_frontend_reads_the_spoken_text_of_ssml(client) -> None:
    ssml = '<speak>银行<break time="300ms"/><prosody rate="fast">行长来了</prosody></speak>'
    body = client.post("/api/frontend", json={"text": ssml, "ssml": True}).json()
    assert [s["pinyin"] for s in body["sentences"]] == [["yin2", "hang2"], ["hang2", "zhang3", "lai2", "le5"]]
    assert "speak" not in body["normalized"]
    for bad, param in (({"text": ssml, "ssml": "yes"}, "ssml"), ({"text": "<speak>你好", "ssml": True}, "text"),
                       ({"text": "<speak><break/></speak>", "ssml": True}, "text")):  # fmt: skip
        response = client.post("/api/frontend", json=bad)
        assert response.status_code == 422 and response.json()["error"]["param"] == param, response.text


def test_cors_preflight_and_exposed_headers(client) -> None:
    asking = {"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
              "Access-Control-Request-Headers": "content-type"}  # fmt: skip
    preflight = client.options("/api/synthesize", headers=asking)
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    response = client.post("/api/synthesize", json={"text": "你好", "stream": False}, headers={"Origin": ORIGIN})
    assert "x-sample-rate" in response.headers["access-control-expose-headers"].lower()
    other = client.get("/healthz", headers={"Origin": "http://evil.test"})
    assert "access-control-allow-origin" not in other.headers
    refused = client.options("/api/synthesize", headers={**asking, "Origin": "http://evil.test"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/json"
    error = refused.json()["error"]
    assert error["code"] == "400" and "'http://evil.test' is not among" in error["message"], error


def test_unknown_route_is_json_404(client) -> None:
    response = client.get("/nope")
    error = response.json()["error"]
    assert response.status_code == 404 and error["message"], error
    assert {key: error[key] for key in ("type", "param", "code")} == {"type": "not_found", "param": None, "code": "404"}


def test_metrics_count_requests_latency_and_load(client) -> None:
    pcm(client)
    client.post("/api/synthesize", json={"text": ""})
    text = client.get("/metrics").text
    assert re.search(r'yuyin_requests_total\{method="POST",route="/api/synthesize",status="200"\} [1-9]', text)
    assert re.search(r'yuyin_requests_total\{method="POST",route="/api/synthesize",status="422"\} [1-9]', text)
    assert re.search(r'yuyin_time_to_first_audio_seconds_count\{api="native"\} [1-9]', text)
    assert re.search(r'yuyin_real_time_factor_count\{api="native"\} [1-9]', text)
    assert re.search(r"yuyin_queue_wait_seconds_count [1-9]", text)
    assert "yuyin_requests_in_flight 0.0" in text and "yuyin_requests_queued 0.0" in text


def test_metrics_label_pages_and_assets_by_route_and_stray_paths_as_unmatched(client) -> None:
    unmatched = 'yuyin_requests_total{method="GET",route="unmatched",status="404"}'
    before = metric(client, unmatched)
    for path in ("/openapi.json", "/static/app.js", "/static/nope.js", "/nope/1", "/nope/2"):
        client.get(path)
    assert metric(client, unmatched) == before + 2
    text = client.get("/metrics").text
    assert re.search(r'yuyin_requests_total\{method="GET",route="/openapi.json",status="200"\} [1-9]', text)
    assert re.search(r'yuyin_requests_total\{method="GET",route="/static",status="200"\} [1-9]', text)
    assert re.search(r'yuyin_requests_total\{method="GET",route="/static",status="404"\} [1-9]', text)
    assert "/nope" not in text


def test_an_error_quoting_a_huge_part_of_the_request_stays_small(client) -> None:
    huge = "x" * 100_000
    for path, body in (("/v1/audio/speech", {"model": "tts-1", "input": "你好", "voice": huge}),
                       ("/api/synthesize", {"text": "你好", huge: 1})):  # fmt: skip
        response = client.post(path, json=body)
        assert 400 <= response.status_code < 500 and len(response.content) < 2_000, response.content[:300]
        error = response.json()["error"]
        assert len(error["message"]) <= 1000 and (error["param"] is None or len(error["param"]) <= 200)
        assert error["message"].endswith("…") or (error["param"] or "").endswith("…")


def test_metrics_count_methods_http_does_not_define_as_other(client) -> None:
    other = 'yuyin_requests_total{method="other",route="/healthz",status="405"}'
    before = metric(client, other)
    for method in ("M0000001", "BREW"):
        assert client.request(method, "/healthz").status_code == 405
    assert client.request("OPTIONS", "/healthz").status_code == 405
    assert metric(client, other) == before + 2
    text = client.get("/metrics").text
    assert "M0000001" not in text and "BREW" not in text
    assert re.search(r'yuyin_requests_total\{method="OPTIONS",route="/healthz",status="405"\} [1-9]', text)


def test_metrics_count_a_body_refused_for_its_size_under_its_route(server, client) -> None:
    line = 'yuyin_requests_total{method="POST",route="/api/frontend",status="413"}'
    before = metric(client, line)
    host, port = httpx.URL(server.url).host, httpx.URL(server.url).port
    with socket.create_connection((host, port), timeout=30) as raw:  # a client would not lie about its length
        raw.sendall(f"POST /api/frontend HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {1 << 30}\r\nConnection: close\r\n\r\n{{}}".encode())  # fmt: skip
        assert raw.recv(64).startswith(b"HTTP/1.1 413")
    assert metric(client, line) == before + 1


@pytest.mark.parametrize("page, asset", [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")])
def test_api_docs_pages_load_their_scripts_from_this_server(client, page: str, asset: str) -> None:
    html = client.get(page).text
    assert f'src="/docs-assets/{asset}"' in html and "https://" not in html  # no CDN: air-gapped servers too
    script = client.get(f"/docs-assets/{asset}")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"] and len(script.content) > 100_000


def test_load_bench_runs_against_this_server(server, tmp_path) -> None:
    """``yuyin bench serve`` in miniature: a few sequential streams, 2 clients for 1 s, then 2 live
    listeners for 1 s, calling 0.5 s apart."""
    from yuyin.cli import main

    report = tmp_path / "serve.json"
    status = main(["bench", "serve", "--url", server.url, "--requests", "3", "--clients", "2",
                   "--duration", "1", "--live", "2", "--live-ramp", "1", "--json", str(report)])  # fmt: skip
    results = json.loads(report.read_text())
    assert status == 0 and results["ttfa"]["streams"] == 3 and results["load"]["failures"] == 0
    assert results["load"]["streams"] >= 2 and 0 < results["ttfa"]["ttfa_p50_s"] < 5
    live = results["live"]
    assert (live["listeners"], live["ramp_s"], live["refused"], live["failures"], live["caller"]["failures"]) == (2, 1, 0, 0, 0)
    assert 0 < live["ttfa_p50_s"] < 5 and live["caller"]["streams"] >= 1
    assert 0 < live["audio_s"] < 2 * (1 + 1.0 + 0.2 + 1)  # hung up after 1 s, read at most LIVE_LEAD ahead


def test_a_live_listener_reads_at_playback_speed_and_counts_its_underruns() -> None:
    """listen() against a scripted stream: audio that arrives late stalls playback, and the
    listener reads no further ahead than LIVE_LEAD."""
    import asyncio

    import httpx

    from yuyin.bench import serve_load

    rate, second = 1000, b"\0\0" * 1000  # one second of s16 audio at 1 kHz

    async def body():
        yield second  # then nothing for 1.5 s: playback (after the 0.2 s playout delay) runs dry
        await asyncio.sleep(1.5)
        for _ in range(4):
            yield second

    async def scenario():
        transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body()))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            started = asyncio.get_running_loop().time()
            heard = await serve_load.listen(client, {"text": "x"}, rate, seconds=30)
            return heard, asyncio.get_running_loop().time() - started

    heard, wall = asyncio.run(scenario())
    assert heard.ok and heard.audio_s == 5 and heard.underruns == 1
    # the pause starts when the listener asks again (0.2 s in: it reads at most LIVE_LEAD ahead), so the
    # second second comes at 1.7 s, 0.5 s after the first one (played from 0.2 s) ran out
    assert 0.45 < heard.stalled_s < 0.7
    assert wall > 1.5 + 4 - serve_load.LIVE_LEAD - 0.2  # the last seconds were read as they played


def test_a_live_listener_refused_as_the_server_is_full_is_counted_apart() -> None:
    import asyncio

    import httpx

    from yuyin.bench import serve_load

    async def call(status: int) -> tuple[serve_load.Listening, float]:
        transport = httpx.MockTransport(lambda request: httpx.Response(status, json={"error": {}}))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            started = asyncio.get_running_loop().time()
            heard = await serve_load.listen(client, {"text": "x"}, 1000, seconds=30, delay=0.2)
            return heard, asyncio.get_running_loop().time() - started

    (full, waited), (broken, _) = asyncio.run(call(503)), asyncio.run(call(500))
    assert waited >= 0.2  # it called after its delay
    assert (full.ok, full.refused, full.error) == (False, True, "HTTP 503")
    assert (broken.ok, broken.refused, broken.error) == (False, False, "HTTP 500")


def test_load_bench_samples_the_server_it_started(server) -> None:
    """With the server's pid (the bench started it), its CPU use under load is reported."""
    import argparse
    import asyncio

    from yuyin.bench import serve_load

    args = argparse.Namespace(text="你好，世界。", requests=1, clients=2, duration=1.0, long_text=False, live=0,
                              device="cpu")
    results = asyncio.run(serve_load.measure(server.url, args, server_pid=server.pid))
    use = results["server_utilisation_under_load"]
    assert use["cpu_cores"] > 0 and use["gpu_percent"] is None
    comm, tid = use["busiest_thread"].rsplit("/", 1)  # another process's threads: task name / thread id
    assert comm and int(tid) > 0 and 0 < use["busiest_thread_cores"] <= use["cpu_cores"] + 0.1
    assert "server process under that load: CPU cores " in serve_load.format_report(results)


def test_load_bench_refuses_non_loopback_targets(capsys) -> None:
    from yuyin.cli import main

    assert main(["bench", "serve", "--url", "http://192.0.2.1:8000"]) == 2
    assert "loopback" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--live", "-1"], "argument --live: must be at least 0, got -1"),
    (["--clients", "0"], "argument --clients: must be at least 1, got 0"),
    (["--duration", "nan"], "argument --duration: must be a finite number above 0, got nan"),
    (["--duration", "inf"], "argument --duration: must be a finite number above 0, got inf"),
    (["--live-ramp", "-1"], "argument --live-ramp: must be a finite number of at least 0, got -1"),
])  # fmt: skip
def test_load_bench_refuses_bad_counts(capsys, args: list[str], message: str) -> None:
    from yuyin.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["bench", "serve", *args])
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_load_bench_says_when_nothing_listens_at_its_url(capsys) -> None:
    import socket

    from yuyin.cli import main

    with socket.socket() as unused:  # a port that was free a moment ago: nothing listens on it
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert main(["bench", "serve", "--url", f"http://127.0.0.1:{port}", "--requests", "1"]) == 2
    err = capsys.readouterr().err
    assert f"cannot measure http://127.0.0.1:{port}: ConnectError" in err and "Traceback" not in err


def test_websocket_refuses_pages_of_other_origins(server) -> None:
    """Browsers apply no CORS to WebSockets: the server itself refuses foreign pages."""
    import websockets.exceptions
    import websockets.sync.client as ws_client

    url = server.url.replace("http://", "ws://") + "/ws/synthesize"
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        ws_client.connect(url, origin="http://evil.test")
    assert refused.value.response.status_code == 403
    error = json.loads(refused.value.response.body)["error"]
    assert error["param"] == "origin" and "'http://evil.test' may not connect" in error["message"]
    for origin in (ORIGIN, server.url, None):  # the CORS origin, the server's own page, no browser
        with ws_client.connect(url, origin=origin) as ws:
            ws.send(json.dumps({"type": "synthesize", "text": "你好。"}))
            assert json.loads(ws.recv(timeout=30))["type"] == "start"


def test_a_loopback_server_answers_only_its_own_host_names(server, client) -> None:
    """DNS rebinding: a foreign site's page that reaches 127.0.0.1 still sends its own Host."""
    port = server.url.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "[::1]"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 200, host
    line = 'yuyin_requests_total{method="GET",route="/healthz",status="400"}'
    before = metric(client, line)
    refused = client.get("/healthz", headers={"Host": f"evil.test:{port}"})
    assert refused.status_code == 400 and "--allowed-host evil.test" in refused.json()["error"]["message"]
    assert metric(client, line) == before + 1  # counted, as the operator's alerts on 4xx expect
    preflight = client.options("/api/synthesize", headers={"Host": "evil.test", "Origin": ORIGIN,
                                                          "Access-Control-Request-Method": "POST"})  # fmt: skip
    assert preflight.status_code == 400 and "access-control-allow-origin" not in preflight.headers
    address = server.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((address[0], int(address[1])), timeout=10) as raw:  # one Host, a foreign one
        raw.sendall(b"GET /ws/synthesize HTTP/1.1\r\nHost: evil.test\r\nOrigin: http://evil.test\r\nUpgrade: websocket\r\n"
                    b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        answer = raw.recv(4096)
        assert answer.startswith(b"HTTP/1.1 400") and b"this server does not answer for host 'evil.test'" in answer


def _exchange(server, *parts: bytes, pause: float = 0.0) -> bytes:
    """Send parts over one raw connection (pause seconds between them); all the server answered."""
    import time

    address = server.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((address[0], int(address[1])), timeout=10) as raw:
        for index, part in enumerate(parts):
            if index:
                time.sleep(pause)
            raw.sendall(part)
        answer = b""
        try:
            while chunk := raw.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
    return answer


def test_what_the_parser_refuses_is_a_json_400_and_no_server_error(server) -> None:
    """A body framed twice (request smuggling), an HTTP version it does not serve: 400 with the
    reason, the connection closed; a body that goes bad after its response: closed, no traceback;
    a target in absolute form is served."""
    smuggled = _exchange(server, b"POST /api/frontend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                 b"Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                 b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")  # fmt: skip
    assert smuggled.startswith(b"HTTP/1.1 400 Bad Request\r\n") and smuggled.count(b"HTTP/1.1") == 1, smuggled
    assert b"not both" in smuggled
    version = _exchange(server, b"GET /healthz HTTP/9.9\r\nHost: localhost\r\n\r\n")
    assert version.startswith(b"HTTP/1.1 400") and b"HTTP/9.9 is not served" in version, version
    head = _exchange(server, b"HEAD /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n")  # fmt: skip
    assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and head.endswith(b"\r\n\r\n"), head  # no body
    absolute = _exchange(server, b"GET http://localhost/healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert absolute.startswith(b"HTTP/1.1 200") and b'"alive"' in absolute, absolute
    late = _exchange(server, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n",
                     b"zz\r\n", pause=0.5)  # fmt: skip
    assert late.startswith(b"HTTP/1.1 200"), late
    at_once = _exchange(server, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
    # the app may answer before the bad chunk is parsed, or the 400 may come first: either, but no traceback below
    assert at_once.startswith((b"HTTP/1.1 200", b"HTTP/1.1 400")), at_once
    log = server.log_text()
    assert "Traceback" not in log and "Fatal error" not in log and "Exception in ASGI application" not in log, log[-3000:]


def test_two_host_headers_are_refused_whatever_their_order(server) -> None:
    """Which of two Host headers counts would depend on who reads it (a proxy or this server)."""
    address = server.url.removeprefix("http://").rsplit(":", 1)
    for hosts in ((b"evil.test", b"localhost"), (b"localhost", b"evil.test")):
        with socket.create_connection((address[0], int(address[1])), timeout=10) as raw:
            raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: " + hosts[0] + b"\r\nHost: " + hosts[1]
                        + b"\r\nConnection: close\r\n\r\n")  # fmt: skip
            answer = b""
            while chunk := raw.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
        error = json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]  # the parser refuses them itself
        assert error["message"] == "malformed HTTP request: Found multiple Host: headers", error


def test_the_openapi_schema_lists_the_statuses_each_api_answers(client) -> None:
    """The OpenAI routes answer an invalid request with 400 (as OpenAI does), and say so."""
    paths = client.get("/openapi.json").json()["paths"]
    openai, native = paths["/v1/audio/speech"]["post"]["responses"], paths["/api/synthesize"]["post"]["responses"]
    assert "400" in openai and "422" not in openai
    assert "422" in native and "400" not in native
    assert client.post("/v1/audio/speech", json={"input": "你好", "voice": "alloy", "speed": 9}).status_code == 400
