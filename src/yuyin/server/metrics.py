"""Prometheus metrics of one app (its own registry, so several apps can live in one process).

requests by route template and status, time to first audio, real-time factor, queue wait,
requests in flight and waiting, WebSocket connections open, audio produced, underruns of streams' listeners, refused and
cancelled requests.
"""
from __future__ import annotations

import time

from typing import Sequence

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from yuyin.server.head import ASKED_WITH_HEAD

# scope key: the status of an error that stopped a response after it had started (its headers said 200)
STOPPED_WITH = "yuyin.stopped_with"

_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0)
# Method labels: those HTTP defines, and WS for a WebSocket
KNOWN_METHODS = frozenset("GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH WS".split())
_RTF_BUCKETS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0)


class Metrics:
    """The server's instruments; ``api`` labels are openai, native or ws."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry()
        self.requests = Counter("yuyin_requests", "HTTP requests and WebSocket sessions by route and status",
                                ["route", "method", "status"], registry=registry)  # fmt: skip
        self.request_seconds = Histogram("yuyin_request_duration_seconds", "Time to the end of the response",
                                         ["route"], buckets=_LATENCY_BUCKETS, registry=registry)  # fmt: skip
        self.ttfa = Histogram("yuyin_time_to_first_audio_seconds", "Request arrival to first audio ready",
                              ["api"], buckets=_LATENCY_BUCKETS, registry=registry)  # fmt: skip
        self.rtf = Histogram("yuyin_real_time_factor", "Synthesis time / audio duration, per finished request",
                             ["api"], buckets=_RTF_BUCKETS, registry=registry)  # fmt: skip
        self.queue_wait = Histogram("yuyin_queue_wait_seconds", "Time waiting for admission",
                                    buckets=_LATENCY_BUCKETS, registry=registry)  # fmt: skip
        self.in_flight = Gauge("yuyin_requests_in_flight", "Admitted requests, parked or not", registry=registry)
        self.parked = Gauge("yuyin_requests_parked", "Admitted streams waiting for their client to read, holding "
                            "no synthesis slot", registry=registry)  # fmt: skip
        self.queued = Gauge("yuyin_requests_queued", "Requests waiting for admission", registry=registry)
        self.websockets = Gauge("yuyin_websockets_open", "WebSocket connections open", registry=registry)
        self.audio_seconds = Counter("yuyin_audio_seconds", "Seconds of audio produced", ["api"], registry=registry)
        self.underruns = Histogram("yuyin_stream_underrun_seconds", "How long a stream's listener (playing from its "
                                   "first audio on) waited for a chunk the server made late", ["api"],
                                   buckets=_LATENCY_BUCKETS, registry=registry)  # fmt: skip
        self.cancelled = Counter("yuyin_streams_cancelled", "Requests stopped before their end (disconnect, "
                                 "cancel, timeout, shutdown)", ["api"], registry=registry)  # fmt: skip

    def render(self) -> bytes:
        return generate_latest(self.registry)


class RequestMetrics:
    """ASGI middleware counting requests by route template (not raw path) and status.

    routes: every route, the included routers' own first (FastAPI wraps an included router in
    a route without a path), to label a request that no route labelled as it ran: a body refused
    for its size counts under the route it was sent to, Starlette routes (/docs, /openapi.json)
    and mounts (/static) under their path; a path that no route matches counts as "unmatched"
    (so a scan of random paths adds no labels), and a method HTTP does not define as "other".
    """

    def __init__(self, app: ASGIApp, metrics: Metrics, routes: Sequence[BaseRoute] = ()):
        self.app, self.metrics, self.routes = app, metrics, routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), {"code": 500}
        arrived = dict(scope)  # routing rewrites the scope's paths on the way in (a mount's root_path)

        async def observe(message: Message) -> None:
            kind = message["type"]
            if kind in ("http.response.start", "websocket.http.response.start"):  # (a refused handshake's)
                status["code"] = message["status"]
            elif kind == "websocket.accept":
                status["code"] = 101
            elif kind == "websocket.close" and status["code"] == 500:
                status["code"] = 403  # closed before the handshake completed: the client sees 403
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            status["code"] = scope.get(STOPPED_WITH, status["code"])
            label = self._label(scope, arrived)
            method = "HEAD" if scope.get(ASKED_WITH_HEAD) else scope.get("method", "WS")
            method = method if method in KNOWN_METHODS else "other"
            self.metrics.requests.labels(label, method, str(status["code"])).inc()
            self.metrics.request_seconds.labels(label).observe(time.perf_counter() - started)

    def _label(self, scope: Scope, arrived: Scope) -> str:
        """The path template of the route that served scope (as it arrived), or "unmatched"."""
        route = scope.get("route")
        if route is None:
            route = next((r for r in self.routes if r.matches(arrived)[0] is Match.FULL), None)
        return getattr(route, "path", None) or "unmatched"
