"""Admission limits, timeouts, input length and graceful shutdown of ``yuyin serve``.

One small server: 3 requests at once (parked or not: see test_server_parking), 1 waiting for at most 1 s, 2 s per response (or per
chunk, or for a request body), 1 s for a request head, 2000 characters, 8 s to finish streams
on shutdown. The shutdown test stops it, so it
comes last.
"""
from __future__ import annotations

import json
import signal
import threading
import time

import pytest

import httpx
import websockets.sync.client as ws_client
from websockets.exceptions import ConnectionClosed

from server_probes import metric, wait_for
from yuyin.server.process import ServerProcess  # noqa: E402
from yuyin.server.run import LEFT_INCOMPLETE  # noqa: E402

MAX_CHARS = 2000
LONG = ("今天天气很好，我们一起去公园散步吧。" * 200)[:MAX_CHARS]
MEDIUM = "今天天气很好，我们一起去公园散步吧。" * 16


@pytest.fixture(scope="module")
def server(tiny_pack):
    args = ["--voice", str(tiny_pack), "--device", "cpu", "--max-active", "3", "--max-streams", "3", "--max-queue", "1",
            "--queue-timeout", "1", "--request-timeout", "2", "--max-input-chars", str(MAX_CHARS),
            "--shutdown-timeout", "8", "--header-timeout", "1"]  # fmt: skip
    with ServerProcess(args) as process:
        yield process


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def open_stream(http, **controls):
    """A streaming response and the iterator of its raw chunks, the first one already read."""
    body = {"text": LONG, "format": "pcm", "speed": 0.25, **controls}
    request = http.build_request("POST", "/api/synthesize", json=body)
    response = http.send(request, stream=True)
    assert response.status_code == 200
    chunks = response.iter_raw()
    return response, chunks, next(chunks)


def test_full_server_answers_503_with_retry_after(http) -> None:
    holding = [open_stream(http) for _ in range(3)]
    waited: dict[str, object] = {}

    def queued() -> None:
        started = time.perf_counter()
        waited["response"] = http.post("/api/synthesize", json={"text": "你好", "stream": False})
        waited["seconds"] = time.perf_counter() - started

    thread = threading.Thread(target=queued)
    thread.start()
    time.sleep(0.3)
    refused = http.post("/v1/audio/speech", json={"input": "你好", "voice": "alloy"})  # the queue (1) is full
    thread.join()
    for response, _, _ in holding:
        response.close()
    assert refused.status_code == 503 and refused.headers["retry-after"] == "2"
    assert "the server is busy (3 requests running, 1 waiting)" in refused.json()["error"]["message"]
    late = waited["response"]
    assert late.status_code == 503 and late.headers["retry-after"] == "2"  # waited, then gave up
    assert 0.9 < waited["seconds"] < 3
    time.sleep(0.2)
    assert http.post("/api/synthesize", json={"text": "你好", "stream": False}).status_code == 200


def test_slow_non_streamed_request_times_out_with_504(http) -> None:
    started = time.perf_counter()
    response = http.post("/api/synthesize", json={"text": LONG, "speed": 0.25, "stream": False})
    assert response.status_code == 504
    assert "stream=true" in response.json()["error"]["message"]
    assert time.perf_counter() - started < 5
    timed = http.post("/api/synthesize/with-timestamps", json={"text": LONG, "speed": 0.25})
    assert timed.status_code == 504  # a route without stream: its own hint
    assert "/ws/synthesize" in timed.json()["error"]["message"] and "stream=" not in timed.json()["error"]["message"]


def closed_by_client(http) -> float:
    return metric(http, 'yuyin_requests_total{method="POST",route="/api/synthesize",status="499"}')


def test_a_client_gone_before_its_response_cancels_the_work(http, server) -> None:
    """Whole (stream false) responses and queued requests stop when their client disconnects,
    well before the request timeout or the queue timeout would end them."""
    before = closed_by_client(http)
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(server.url + "/api/synthesize", json={"text": LONG, "speed": 0.25, "stream": False}, timeout=0.3)
    assert wait_for(lambda: closed_by_client(http) == before + 1, 1.5)  # 504 at 2 s otherwise
    holding = [open_stream(http) for _ in range(3)]
    with pytest.raises(httpx.ReadTimeout):  # queued behind the three
        httpx.post(server.url + "/api/synthesize", json={"text": "你好", "stream": False}, timeout=0.3)
    assert wait_for(lambda: closed_by_client(http) == before + 2, 0.6)  # 503 at 1 s otherwise
    gone = 'yuyin_requests_total{method="POST",route="/api/frontend",status="499"}'
    with pytest.raises(httpx.ReadTimeout):  # the front end's queue place too
        httpx.post(server.url + "/api/frontend", json={"text": "你好"}, timeout=0.3)
    assert wait_for(lambda: metric(http, gone) == 1 and metric(http, "yuyin_requests_queued") == 0, 0.6)
    for response, _, _ in holding:
        response.close()
    assert wait_for(lambda: metric(http, "yuyin_requests_in_flight") == 0, 5)


def test_a_client_that_stops_reading_loses_its_stream(http, server) -> None:
    """Its socket's buffers fill, a send waits, and after the request timeout (2 s) the stream is
    cut: its slot does not stay taken for as long as the client idles."""
    import socket

    cancelled = 'yuyin_streams_cancelled_total{api="native"}'
    timed_out = 'yuyin_requests_total{method="POST",route="/api/synthesize",status="504"}'
    before, before_504 = metric(http, cancelled), metric(http, timed_out)
    body = json.dumps({"text": LONG, "format": "pcm", "speed": 0.25}).encode()
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as client:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        client.sendall(b"POST /api/synthesize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                       b"Content-Length: %d\r\n\r\n%s" % (len(body), body))  # fmt: skip
        assert client.recv(100).startswith(b"HTTP/1.1 200")  # and then it reads no more
        assert wait_for(lambda: metric(http, "yuyin_requests_in_flight") == 0, 30)  # while it is still connected
    assert metric(http, cancelled) == before + 1
    assert wait_for(lambda: metric(http, timed_out) == before_504 + 1, 5)  # counted as the timeout, not the 200 sent


def test_a_websocket_client_that_stops_reading_loses_its_stream(http, server) -> None:
    """The same for a WebSocket session: after the request timeout its stream is stopped, its
    slot comes back while the client is still connected, and the connection is closed: a client
    reading again gets what was sent before, then the end (not a session that answers nothing)."""
    import socket

    cancelled = 'yuyin_streams_cancelled_total{api="ws"}'
    before = metric(http, cancelled)
    host, port = server.url.removeprefix("http://").split(":")
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 16)  # (before connecting: a window it can read at speed)
    client.connect((host, int(port)))
    with ws_client.connect(f"ws://{host}:{port}/ws/synthesize", sock=client, max_queue=1, ping_interval=None) as ws:
        ws.send(json.dumps({"type": "synthesize", "text": LONG, "speed": 0.25}))  # and then it reads no more
        assert wait_for(lambda: metric(http, cancelled) == before + 1, 30)
        assert metric(http, "yuyin_requests_in_flight") == 0
        with pytest.raises(ConnectionClosed):
            for _ in range(10_000):
                ws.recv(timeout=10)  # (TimeoutError: the connection was left open)
    log = server.log_text()
    assert log.count("a WebSocket client took more than 2 s to read one message (too slowly or not at all)") == 1, log[-2000:]


def test_a_whole_file_past_max_file_mib_is_refused_and_streaming_it_works(tiny_pack) -> None:
    """A whole response is held in memory until it is sent: past --max-file-mib it is a 413 that says
    to stream; the same text streamed comes whole, however long."""
    args = ["--voice", str(tiny_pack), "--device", "cpu", "--max-file-mib", "1"]
    body = {"text": MEDIUM, "format": "pcm", "speed": 0.25}
    with ServerProcess(args) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        refused = http.post("/api/synthesize", json={**body, "stream": False})
        assert refused.status_code == 413, refused.text
        error = refused.json()["error"]
        assert error["param"] == "text" and error["message"].startswith("the audio file would be over 1 MiB")
        assert error["message"].endswith("; send less text, or use stream=true for long texts")
        openai = http.post("/v1/audio/speech", json={"model": "tts-1", "input": MEDIUM, "voice": "alloy",
                                                     "response_format": "pcm", "speed": 0.25, "stream": False})  # fmt: skip
        assert openai.status_code == 413 and openai.json()["error"]["param"] == "input"
        timed = http.post("/api/synthesize/with-timestamps", json=body)  # a whole file too, base64 in JSON
        assert timed.status_code == 413  # a route that cannot stream: its own hint
        assert timed.json()["error"]["message"].endswith("; send less text, or for long texts use the WebSocket "
                                                        "/ws/synthesize, whose events time the audio it streams")
        streamed = http.post("/api/synthesize", json={**body, "stream": True})
        assert streamed.status_code == 200 and len(streamed.content) > 1 << 20
        assert len(http.post("/api/synthesize", json={"text": "你好", "format": "pcm", "stream": False}).content) > 0
        assert metric(http, "yuyin_requests_in_flight") == 0


def test_websockets_are_capped_and_idle_ones_closed(tiny_pack) -> None:
    """--max-websockets 1: a second connection is refused with 503, Retry-After and a JSON error;
    --ws-idle-timeout 1: the first, once idle, is closed (1000, saying why), which frees its place."""
    from websockets.exceptions import InvalidStatus

    args = ["--voice", str(tiny_pack), "--device", "cpu", "--max-websockets", "1", "--ws-idle-timeout", "1"]
    with ServerProcess(args) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        url = server.url.replace("http", "ws") + "/ws/synthesize"
        with ws_client.connect(url) as first:
            assert metric(http, "yuyin_websockets_open") == 1
            with pytest.raises(InvalidStatus) as refused:
                ws_client.connect(url)
            response = refused.value.response
            assert response.status_code == 503 and response.headers["Retry-After"] == "2"
            assert "1 WebSocket connections are open" in json.loads(response.body)["error"]["message"]
            first.send(json.dumps({"type": "synthesize", "text": "你好。"}))
            assert json.loads(first.recv(timeout=30))["type"] == "start"
            while isinstance(message := first.recv(timeout=30), bytes) or json.loads(message)["type"] != "done":
                pass
            started = time.perf_counter()
            with pytest.raises(ConnectionClosed) as closed:
                first.recv(timeout=10)
            assert 0.9 < time.perf_counter() - started < 5
            assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (1000, "idle for 1 s (no synthesis, no message)")
        assert wait_for(lambda: metric(http, "yuyin_websockets_open") == 0, 5)
        with ws_client.connect(url) as again:
            again.send(json.dumps({"type": "synthesize", "text": "你好。"}))
            assert json.loads(again.recv(timeout=30))["type"] == "start"
        refusals = 'yuyin_requests_total{method="WS",route="/ws/synthesize",status="503"}'
        assert metric(http, refusals) == 1


def test_websocket_messages_are_not_compressed_and_unread_answers_to_pings_are_bounded(server) -> None:
    """A client may not have its messages inflated by the server (permessage-deflate is not
    offered back), and one that sends pings without reading their pongs is dropped once 1 MiB of
    them wait, instead of the server holding them all."""
    import contextlib
    import os
    import socket
    import struct

    url = server.url.replace("http", "ws") + "/ws/synthesize"
    with ws_client.connect(url) as ws:  # (the client offers permessage-deflate)
        assert "sec-websocket-extensions" not in {name.lower() for name in ws.response.headers}
    address = server.url.removeprefix("http://").rsplit(":", 1)
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # read nothing, hold little in the kernel
    raw.connect((address[0], int(address[1])))
    raw.settimeout(30)
    raw.sendall(b"GET /ws/synthesize HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
    mask, payload = os.urandom(4), b"p" * 125
    ping = struct.pack("!BB", 0x89, 0x80 | 125) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    try:
        with contextlib.suppress(OSError):  # (a reset once the server has dropped the connection)
            for _ in range(400):  # up to 400 x 128 pings = 6.7 MB, beyond what the kernel's buffers take
                raw.sendall(ping * 128)
        assert wait_for(lambda: "answers to its pings unread; its connection was dropped" in server.log_text(), 10)
    finally:
        raw.close()


def test_a_body_past_the_limit_is_refused(server) -> None:
    from yuyin.server.body_limit import max_body_bytes
    from yuyin.server.settings import ServerSettings

    limit = max_body_bytes(ServerSettings(max_input_chars=MAX_CHARS))
    padding = json.dumps({"text": "你好", "pad": "x" * limit}).encode()
    declared = httpx.post(server.url + "/api/synthesize", content=padding, timeout=30,
                          headers={"content-type": "application/json"})  # fmt: skip
    chunked = httpx.post(server.url + "/api/synthesize", content=iter([padding[:1000], padding[1000:]]), timeout=30,
                         headers={"content-type": "application/json"})  # fmt: skip
    for response in (declared, chunked):
        assert response.status_code == 413 and response.json()["error"]["param"] == "body"
        assert f"the limit is {limit}" in response.json()["error"]["message"]


def test_max_input_length_on_every_route(server, http) -> None:
    too_long = "好" * (MAX_CHARS + 1)
    assert http.post("/api/synthesize", json={"text": too_long}).status_code == 413
    assert http.post("/api/frontend", json={"text": too_long}).status_code == 413
    response = http.post("/v1/audio/speech", json={"input": too_long, "voice": "alloy"})
    assert response.status_code == 413 and response.json()["error"]["param"] == "input"
    with ws_client.connect(server.url.replace("http", "ws") + "/ws/synthesize") as ws:
        ws.send(json.dumps({"type": "synthesize", "text": too_long}))
        event = json.loads(ws.recv(timeout=30))
        assert (event["type"], event["status"], event["param"]) == ("error", 413, "text")


def closed_within(raw, seconds: float, answer: bytearray | None = None) -> float:
    """Seconds until the server closed raw's connection (it may first answer: into answer, if
    given); fails after seconds."""
    started = time.monotonic()
    raw.settimeout(seconds)
    try:
        while chunk := raw.recv(65536):
            if answer is not None:
                answer += chunk
    except ConnectionResetError:  # closed with bytes of ours unread: a reset
        pass
    return time.monotonic() - started


def test_connections_that_hold_without_sending_are_closed(server, http) -> None:
    """No request within the head timeout (1 s), a head sent a byte at a time: closed; a body never
    finished (the request timeout, 2 s): 408, closed; a head past 64 KiB: refused; the server unharmed."""
    import socket

    host, port = server.url.removeprefix("http://").split(":")
    connect = lambda: socket.create_connection((host, int(port)), timeout=10)  # noqa: E731
    idle, trickling, unfinished = connect(), connect(), connect()
    stop = threading.Event()

    def trickle() -> None:
        try:
            for byte in f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nX-Slow: {'y' * 100}".encode():
                if stop.wait(0.2):
                    return
                trickling.send(bytes([byte]))
        except OSError:
            pass  # closed by the server, as it should be

    sender = threading.Thread(target=trickle)
    sender.start()
    unfinished.sendall(f"POST /api/frontend HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                       "Content-Length: 100\r\n\r\n{\"text\": ".encode())  # fmt: skip
    try:
        assert closed_within(idle, 5) < 3
        assert closed_within(trickling, 5) < 3
        answer = bytearray()
        assert closed_within(unfinished, 6, answer) < 4
        head, _, body = bytes(answer).partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408 ") and b"connection: close" in head.lower(), head
        assert json.loads(body)["error"]["message"] == "the request body did not arrive whole within 2 s"
    finally:
        stop.set()
        sender.join(10)
    with connect() as big:
        big.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nX-Big: {'z' * 100_000}\r\n\r\n".encode())
        answer = big.recv(65536)  # 431 from the app where the head came whole, else 400 from h11 as it grew
        assert answer.startswith((b"HTTP/1.1 431", b"HTTP/1.1 400")), answer[:200]
    assert "a client sent no whole request body within 2 s" in server.log_text()
    assert http.get("/healthz").status_code == 200
    with ws_client.connect(server.url.replace("http", "ws") + "/ws/synthesize") as ws:  # an upgraded one stays
        time.sleep(1.5)
        ws.send(json.dumps({"type": "synthesize", "text": "你好。"}))
        assert json.loads(ws.recv(timeout=30))["type"] == "start"


def test_graceful_shutdown_finishes_short_streams_and_cancels_long_ones(server, http) -> None:
    from websockets.exceptions import ConnectionClosed

    # The short stream is far larger (about 16 MB) than socket buffers, so it is still being sent at
    # SIGTERM, yet it is made well within the 8 s grace period (about 1.5 s on an idle CPU). The long
    # one is never read, so it can never finish, however fast the machine.
    short = {"text": MEDIUM, "format": "pcm", "speed": 0.25, "sample_rate": 48000}
    reference = http.post("/api/synthesize", json=short)  # streamed: a whole response would time out (2 s)
    assert reference.status_code == 200
    expected = len(reference.content)
    _, long_chunks, _ = open_stream(http)
    _, short_chunks, first = open_stream(http, **short)
    with ws_client.connect(server.url.replace("http", "ws") + "/ws/synthesize") as ws:
        ws.send(json.dumps({"type": "synthesize", "text": LONG}))
        while not isinstance(ws.recv(timeout=30), bytes):
            pass
        started = time.perf_counter()
        server.process.send_signal(signal.SIGTERM)
        assert len(first + b"".join(short_chunks)) == expected  # in flight: runs to its end
        with pytest.raises(ConnectionClosed):  # WebSocket sessions are closed (1012) and their work cancelled
            while True:
                ws.recv(timeout=10)
    assert server.process.wait(30) in (0, -signal.SIGTERM)
    # The long stream was not read during the grace period, so it cannot have been sent whole
    # (tens of MB against socket buffers), however fast synthesis is: it was cut off.
    with pytest.raises(httpx.HTTPError):
        for _ in long_chunks:
            pass
    assert time.perf_counter() - started < 20
    log = server.log_text()
    assert "Application shutdown complete" in log
    assert LEFT_INCOMPLETE in log and "Traceback" not in log and "without completing" not in log, log[-3000:]


def test_requests_waiting_in_line_at_sigterm_are_refused_at_once(tiny_pack) -> None:
    """One request at a time (parked or not), one held by a stream nobody reads (it can never
    finish by itself); the next waits in line; SIGTERM refuses it with 503 at once instead of
    starting it during the drain (or leaving it to be cut off when the grace period ends)."""
    args = ["--voice", str(tiny_pack), "--device", "cpu", "--max-active", "1", "--max-streams", "1",
            "--max-queue", "1", "--queue-timeout", "60", "--request-timeout", "60", "--shutdown-timeout", "4"]  # fmt: skip
    with ServerProcess(args) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        holding = open_stream(http)  # kept: a dropped response would close its connection, freeing the slot
        queued: dict[str, httpx.Response] = {}
        waiting = threading.Thread(target=lambda: queued.setdefault(
            "response", http.post("/api/synthesize", json={"text": "你好", "stream": False})))
        waiting.start()
        deadline = time.monotonic() + 30
        while metric(http, "yuyin_requests_queued") < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        signalled = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        waiting.join(30)
        assert time.monotonic() - signalled < 3  # at once, not when the 4 s grace period ends
        response = queued["response"]
        assert response.status_code == 503, response.text
        assert "shutting down" in response.json()["error"]["message"] and response.headers["Retry-After"]
        assert server.process.wait(30) in (0, -signal.SIGTERM)
        holding[0].close()


def test_drain_delay_reports_draining_while_still_serving_then_stops(tiny_pack) -> None:
    """--drain-delay: after SIGTERM /readyz answers 503 draining at once, yet requests are still
    served until the delay ends; then the server stops by itself."""
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--drain-delay", "4"]) as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:  # fmt: skip
        assert http.get("/readyz").json()["status"] == "ready"
        signalled = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        assert wait_for(lambda: http.get("/readyz").status_code == 503, 2)
        assert http.get("/readyz").json() == {"status": "draining", "error": None}
        spoken = http.post("/api/synthesize", json={"text": "你好。", "stream": False})
        assert spoken.status_code == 200 and spoken.content.startswith(b"RIFF")
        assert time.monotonic() - signalled < 4  # all of that inside the delay
        assert server.process.wait(30) in (0, -signal.SIGTERM)
        assert time.monotonic() - signalled >= 4
        assert "draining for 4 s, then shutting down" in server.log_text()


def test_a_second_signal_cuts_the_drain_delay_short(tiny_pack) -> None:
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--drain-delay", "60"]) as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:  # fmt: skip
        signalled = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        assert wait_for(lambda: http.get("/readyz").status_code == 503, 2)
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(30) in (0, -signal.SIGTERM)
        assert time.monotonic() - signalled < 30


def test_sighup_shuts_down_gracefully_as_sigterm_does(tiny_pack) -> None:
    """A closed terminal or SSH session (SIGHUP) drains like SIGTERM: /readyz says draining
    during --drain-delay and the server shuts down cleanly (SIGHUP killed it on the spot)."""
    with ServerProcess(["--voice", str(tiny_pack), "--device", "cpu", "--drain-delay", "2"]) as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:  # fmt: skip
        server.process.send_signal(signal.SIGHUP)
        assert wait_for(lambda: http.get("/readyz").status_code == 503, 2)
        assert server.process.wait(30) in (0, -signal.SIGHUP)
        assert "Application shutdown complete" in server.log_text()


def test_under_nohup_sighup_leaves_the_server_serving(tiny_pack) -> None:
    """nohup ignores SIGHUP for the process it starts: the server must not put a handler back."""
    ignored = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # inherited by the server, as nohup does it
    try:
        server = ServerProcess(["--voice", str(tiny_pack), "--device", "cpu"]).__enter__()
    finally:
        signal.signal(signal.SIGHUP, ignored)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            server.process.send_signal(signal.SIGHUP)
            time.sleep(1.5)
            assert server.process.poll() is None and http.get("/readyz").json()["status"] == "ready"
    finally:
        server.__exit__(None, None, None)
