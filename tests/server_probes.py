"""What tests read off a running server: /metrics values, WebSocket events, an idle server."""
from __future__ import annotations

import json
import time


def metric(http, line: str) -> float:
    """The value of one /metrics line, given up to its value (0 when absent)."""
    for row in http.get("/metrics").text.splitlines():
        if row.startswith(line + " "):
            return float(row.rsplit(" ", 1)[1])
    return 0.0


def wait_for(condition, seconds: float) -> bool:
    """Whether condition() came true within seconds (polled every 50 ms)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def wait_idle(http, timeout: float = 10.0) -> None:
    """Wait until no request is in flight (an earlier closed connection may still be cancelling)."""
    deadline = time.monotonic() + timeout
    while metric(http, "yuyin_requests_in_flight") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert metric(http, "yuyin_requests_in_flight") == 0


def receive_until(ws, *kinds: str) -> tuple[list[dict], bytes]:
    """Events and concatenated PCM up to (and including) the first event of one of ``kinds``."""
    events, audio = [], bytearray()
    while True:
        message = ws.recv(timeout=60)
        if isinstance(message, bytes):
            audio += message
            continue
        events.append(json.loads(message))
        if events[-1]["type"] in kinds:
            return events, bytes(audio)
