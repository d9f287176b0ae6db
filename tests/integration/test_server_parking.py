"""Streams whose clients read slowly give their synthesis slot back (``yuyin serve`` with one
slot, three admitted requests at most, two waiting for at most 1 s). It also sheds load when
streams fall behind (--shed-load): a client that reads slowly is no sign of that."""
from __future__ import annotations

from http.client import HTTPConnection, HTTPResponse
import json
import socket
import time

import pytest

import httpx

from server_probes import metric, wait_for, wait_idle
from yuyin.server.process import ServerProcess

TEXT = "今天天气很好，我们一起去公园散步吧。" * 16
BODY = {"text": TEXT, "format": "pcm", "speed": 0.25}


@pytest.fixture(scope="module")
def server(tiny_pack):
    args = ["--voice", str(tiny_pack), "--device", "cpu", "--dtype", "fp32", "--max-active", "1",
            "--max-streams", "3", "--max-queue", "2", "--queue-timeout", "1", "--request-timeout", "5",
            "--shed-load", "30"]  # fmt: skip
    with ServerProcess(args) as process:
        yield process


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def slow_stream(server) -> HTTPResponse:
    """A streaming response whose client has a small receive buffer and has read only its head:
    the server soon waits to send."""
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((host, int(port)))
    connection = HTTPConnection(host, int(port))
    connection.sock = sock
    connection.request("POST", "/api/synthesize", json.dumps(BODY), {"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 200
    response.read(4096)
    return response


def test_a_slow_reader_lends_its_slot_and_still_gets_all_its_audio(http, server) -> None:
    whole = http.post("/api/synthesize", json={**BODY, "stream": False})
    assert whole.status_code == 200 and len(whole.content) > 1_000_000  # far more than the socket buffers hold
    slow = slow_stream(server)
    assert wait_for(lambda: metric(http, "yuyin_requests_parked") == 1, 3)
    other = http.post("/api/synthesize", json={"text": "你好", "stream": False})  # the one slot is lent
    assert other.status_code == 200
    assert metric(http, "yuyin_requests_in_flight") == 1  # the slow stream, still open
    rest = bytearray()
    while piece := slow.read(65536):  # it asks for more: it takes its slot back and runs to the end
        rest += piece
        time.sleep(0.001)
    assert 4096 + len(rest) == len(whole.content)
    wait_idle(http)
    assert metric(http, "yuyin_requests_parked") == 0
    # its client kept it waiting, not the workers: no underrun, nothing shed
    assert metric(http, 'yuyin_stream_underrun_seconds_count{api="native"}') == 0
    assert http.post("/api/synthesize", json={"text": "你好", "stream": False}).status_code == 200


def test_parked_streams_still_count_against_max_streams(http, server) -> None:
    slow = [slow_stream(server) for _ in range(3)]
    assert wait_for(lambda: metric(http, "yuyin_requests_parked") == 3, 3)
    started = time.perf_counter()
    refused = http.post("/api/synthesize", json={"text": "你好", "stream": False})
    assert refused.status_code == 503 and "stayed busy for 1 s" in refused.json()["error"]["message"]
    assert 0.9 < time.perf_counter() - started < 3
    slow[0].close()  # a place comes free
    assert wait_for(lambda: metric(http, "yuyin_requests_in_flight") == 2, 3)
    assert http.post("/api/synthesize", json={"text": "你好", "stream": False}).status_code == 200
    for response in slow[1:]:
        response.close()
    wait_idle(http)


def raw_websocket(server, message: dict) -> socket.socket:
    """A WebSocket session on a socket with a small receive buffer that has sent one message and
    read only the handshake (a client library would read on into its own memory)."""
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connecting: the window it offers
    sock.connect((host, int(port)))
    sock.sendall(f"GET /ws/synthesize HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())  # fmt: skip
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 101")
    payload, mask = json.dumps(message).encode(), b"\x01\x02\x03\x04"
    sock.sendall(b"\x81\xfe" + len(payload).to_bytes(2, "big") + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    return sock


def test_a_slow_websocket_reader_parks_too(http, server) -> None:
    cancelled = 'yuyin_streams_cancelled_total{api="ws"}'
    before = metric(http, cancelled)
    with raw_websocket(server, {"type": "synthesize", "text": TEXT, "speed": 0.25}):
        assert wait_for(lambda: metric(http, "yuyin_requests_parked") == 1, 3)
        assert http.post("/api/synthesize", json={"text": "你好", "stream": False}).status_code == 200
    assert wait_for(lambda: metric(http, cancelled) == before + 1, 5)  # gone: its stream stopped, its place free
    wait_idle(http)
