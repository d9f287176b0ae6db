"""Which Host names ``yuyin serve`` answers (DNS-rebinding guard)."""
from __future__ import annotations

import pytest

from yuyin.server.hosts import LOOPBACK_NAMES, allowed_hosts, host_name
from yuyin.server.settings import ServerSettings


@pytest.mark.parametrize("bind, given, expected", [
    ("127.0.0.1", (), LOOPBACK_NAMES),
    ("::1", (), LOOPBACK_NAMES),
    ("localhost", (), LOOPBACK_NAMES),
    ("0.0.0.0", (), None),
    ("192.0.2.7", (), None),
    ("127.0.0.1", ("TTS.example.com",), ("tts.example.com", *LOOPBACK_NAMES)),
    ("0.0.0.0", ("tts.example.com", "localhost"), ("tts.example.com", *LOOPBACK_NAMES)),
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
