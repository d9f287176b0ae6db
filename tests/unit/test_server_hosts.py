"""Which Host names ``yuyin serve`` answers (DNS-rebinding guard)."""
from __future__ import annotations

import asyncio
import json

import pytest

from yuyin.server.hosts import LOOPBACK_NAMES, HostCheck, allowed_hosts, host_name
from yuyin.server.settings import ServerSettings


@pytest.mark.parametrize("bind, given, expected", [
    ("127.0.0.1", (), LOOPBACK_NAMES),
    ("::1", (), LOOPBACK_NAMES),
    ("localhost", (), LOOPBACK_NAMES),
    ("0.0.0.0", (), None),
    ("192.0.2.7", (), None),
    ("127.0.0.1", ("TTS.example.com",), ("tts.example.com", *LOOPBACK_NAMES)),
    ("0.0.0.0", ("tts.example.com", "localhost"), ("tts.example.com", *LOOPBACK_NAMES, "0.0.0.0")),
    ("192.0.2.7", ("tts.example.com",), ("tts.example.com", *LOOPBACK_NAMES, "192.0.2.7")),
    ("127.0.0.1", ("*",), None),
])  # fmt: skip
def test_defaults_follow_the_bind_address(bind: str, given: tuple, expected) -> None:
    assert allowed_hosts(bind, given) == expected


@pytest.mark.parametrize("header, name", [
    ("localhost:8000", "localhost"), ("LOCALHOST", "localhost"), ("[::1]:8000", "::1"), ("[::1]", "::1"),
    ("127.0.0.1", "127.0.0.1"), ("", ""),
])  # fmt: skip
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize("name", ["", "http://a.test", "a.test:80", "a b"])
def test_settings_refuse_what_is_no_host_name(name: str) -> None:
    with pytest.raises(ValueError, match="allowed_host must be a host name"):
        ServerSettings(allowed_hosts=(name,))


@pytest.mark.parametrize("allowed", [None, ("localhost",)])
def test_two_host_headers_are_refused_even_where_any_name_is_answered(allowed) -> None:
    async def app(scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    assert status(app, allowed, [(b"host", b"localhost")]) == 200
    assert status(app, allowed, [(b"host", b"localhost"), (b"host", b"evil.test")]) == 400
    assert status(app, allowed, [(b"host", b"evil.test"), (b"host", b"localhost")]) == 400


def test_a_request_without_a_host_is_told_to_name_one() -> None:
    async def app(scope, receive, send) -> None:
        raise AssertionError("refused before the app")

    for headers in ([], [(b"host", b"")]):  # HTTP/1.0 sends none
        sent: list[dict] = []
        assert status(app, ("localhost", "127.0.0.1"), headers, sent) == 400
        assert json.loads(sent[1]["body"])["error"]["message"] == (
            "name the host in a Host header (this server answers for localhost, 127.0.0.1)")


def status(app, allowed, headers: list[tuple[bytes, bytes]], sent: list[dict] | None = None) -> int:
    """The status HostCheck(app, allowed) answers a GET / with these headers; what it sent goes to sent."""
    sent = [] if sent is None else sent

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "GET", "path": "/", "headers": headers}
    asyncio.run(HostCheck(app, allowed)(scope, receive, send))
    return sent[0]["status"]

