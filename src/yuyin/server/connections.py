"""Connection-level guards of ``yuyin serve``: what a client may not hold without sending.

uvicorn times out a keep-alive connection only after a response, and its default HTTP parser
(httptools) takes request heads of any size. So a client could open thousands of connections
that send nothing, send a head a byte at a time, never finish a request body, or send
megabytes of headers, each holding a file descriptor or memory for as long as it likes. The
server therefore parses HTTP with h11, which refuses a head that grows past
:data:`MAX_HEAD_BYTES` while it arrives (400); :class:`HeadSizeLimit` answers 431 to one that
arrived whole in one read; and the server closes a connection whose request head is not complete
within ``head_timeout`` seconds of its opening (or of the last response on it), or whose body
is not complete within ``body_timeout`` seconds of its head (the client gets 408, the request
sees it as gone). A WebSocket's handshake is a request head like any other; once upgraded the
WebSocket's own limits apply (:func:`guarded_websocket_protocol`). What h11 refuses (bad syntax, several Host headers, a head grown
too long) gets 400 with a JSON error naming h11's reason, as every other error of the server.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re

from starlette.types import ASGIApp, Receive, Scope, Send

from yuyin.server.errors import answer_error, error_body

log = logging.getLogger("yuyin.server")

MAX_HEAD_BYTES = 64 * 1024
"""The longest request line and headers accepted (more gets 400 or 431)."""


class HeadSizeLimit:
    """ASGI middleware: a request whose target and headers exceed MAX_HEAD_BYTES gets 431 with a
    JSON error (a WebSocket's handshake too), whatever h11 let through in one read."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") + sum(
                len(name) + len(value) + 4 for name, value in scope["headers"])  # fmt: skip
            if size > MAX_HEAD_BYTES:
                log.warning("refused a request with a %d-byte head", size)
                message = f"the request's headers are {size} bytes long; the limit is {MAX_HEAD_BYTES}"
                await answer_error(scope, receive, send, 431, message, "headers", headers={"connection": "close"})
                return
        await self.app(scope, receive, send)


def guarded_http_protocol(head_timeout: float, body_timeout: float) -> type:
    """uvicorn's h11 protocol with the deadlines of the module docstring (for ``uvicorn.Config(http=...)``)."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11Protocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None
        _upgraded = False

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._refusal, self._method = "", b""
            parse = self.conn.next_event

            def next_event():  # checks each request head h11 lets through, keeps its reason for refusing one
                try:
                    event = parse()
                    self._method = event.method if isinstance(event, h11.Request) else self._method
                    return _checked(event)
                except h11.RemoteProtocolError as exc:
                    self._refusal = _reason(str(exc))
                    raise

            self.conn.next_event = next_event
            self._follow()

        def send_400_response(self, msg: str) -> None:
            """uvicorn's plain-text 400 for a request h11 refused, as a JSON error with h11's reason;
            after the response to a request whose body then went bad, the connection is just closed."""
            self._answer_and_close(400, b"Bad Request", f"malformed HTTP request: {self._refusal or msg}")

        def _answer_and_close(self, status: int, reason: bytes, message: str) -> None:
            """End the request in progress: its app sees the client gone; the client gets a JSON
            error with Connection: close where no response has begun, then the connection closes."""
            if self.cycle is not None:  # the request's app sends nothing more, and reads no more
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            if self.conn.our_state in (h11.IDLE, h11.SEND_RESPONSE):
                body = json.dumps(error_body(status, message, None)).encode()
                headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                           (b"connection", b"close")]  # fmt: skip
                response = h11.Response(status_code=status, headers=headers, reason=reason)
                events = (response, h11.EndOfMessage()) if self._method == b"HEAD" else (
                    response, h11.Data(data=body), h11.EndOfMessage())  # fmt: skip
                with contextlib.suppress(h11.LocalProtocolError):  # a state h11 allows no answer in: just close
                    for event in events:
                        self.transport.write(self.conn.send(event))
            self.transport.close()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel()
            super().connection_lost(exc)

        def handle_events(self) -> None:
            super().handle_events()
            self._follow()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._follow()

        def handle_websocket_upgrade(self, event: h11.Request) -> None:
            self._upgraded = True
            self._cancel()
            super().handle_websocket_upgrade(event)

        def _follow(self) -> None:
            """Arm, move or drop the deadline for what the client owes now."""
            if self._upgraded or self.transport.is_closing():
                return self._cancel()
            state = self.conn.their_state
            if state is h11.IDLE:
                owed = "head"
            elif state is h11.SEND_BODY:
                owed = "body"
            else:
                return self._cancel()
            if self._deadline is None or self._owed != owed:
                self._cancel()
                self._owed = owed
                seconds = head_timeout if owed == "head" else body_timeout
                self._deadline = self.loop.call_later(seconds, self._give_up, seconds)

        def _cancel(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _give_up(self, seconds: float) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            if self._owed == "head":
                return self.transport.close()  # no request to answer
            log.warning("a client sent no whole request body within %g s; its connection was closed", seconds)
            self._answer_and_close(408, b"Request Timeout", f"the request body did not arrive whole within {seconds:g} s")

    def _checked(event):
        """event, unless it is a request head this server refuses (a RemoteProtocolError): a body
        framed twice (Content-Length and Transfer-Encoding: a request-smuggling risk behind a
        proxy, RFC 9112 6.3), an HTTP version other than 1.0 and 1.1; a target in absolute form
        (``GET http://host/path``) becomes its path, as RFC 9112 3.2.2 asks a server to accept."""
        if not isinstance(event, h11.Request):
            return event
        names = {name.lower() for name, _ in event.headers}
        if b"content-length" in names and b"transfer-encoding" in names:
            raise h11.RemoteProtocolError("a request may give Content-Length or Transfer-Encoding, not both")
        if event.http_version not in (b"1.0", b"1.1"):
            raise h11.RemoteProtocolError(f"HTTP/{event.http_version.decode('ascii', 'replace')} is not served "
                                          "(HTTP/1.0 and 1.1 are)")  # fmt: skip
        absolute = re.match(rb"https?://[^/?#]*", event.target, re.IGNORECASE)
        if absolute:
            path = event.target[absolute.end():] or b"/"
            return h11.Request(method=event.method, target=path if path[:1] == b"/" else b"/" + path,
                               headers=event.headers, http_version=event.http_version)  # fmt: skip
        return event

    return GuardedH11Protocol


MAX_UNREAD_PONG_BYTES = 1 << 20
"""Answers to a WebSocket client's pings that it may leave unread before it is dropped."""
DROP_AFTER_END = 12.0
"""Seconds after a WebSocket session ends (uvicorn closes it gracefully after 10) before the
connection is dropped, whatever the client has left unread."""


def guarded_websocket_protocol() -> type:
    """uvicorn's WebSocket protocol (websockets' sans-I/O) for ``uvicorn.Config(ws=...)``, bounded
    where a client that reads nothing could make it hold memory: uvicorn answers every ping with
    a pong whatever the client reads, so pings sent without reading filled the send buffer
    without limit (1 byte held per byte sent, 600 MB in 18 s); past MAX_UNREAD_PONG_BYTES the
    connection is dropped. And a session that has ended (idle, stalled, done) is dropped
    DROP_AFTER_END seconds later if its close never got through: a graceful close waits for the
    unread data to be sent, for ever."""
    from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

    class GuardedWebSocketProtocol(WebSocketsSansIOProtocol):
        def handle_ping(self) -> None:
            super().handle_ping()
            unread = self.transport.get_write_buffer_size()
            if unread > MAX_UNREAD_PONG_BYTES:
                log.warning("a WebSocket client left %d bytes of answers to its pings unread; its connection was "
                            "dropped", unread)  # fmt: skip
                self.transport.abort()

        async def run_asgi(self) -> None:
            await super().run_asgi()
            self.loop.call_later(DROP_AFTER_END, self._drop)

        def _drop(self) -> None:
            if not self.disconnected:
                self.transport.abort()

    return GuardedWebSocketProtocol


def _reason(message: str) -> str:
    """h11's reason for refusing a request, as the client should read it."""
    if message == "Receive buffer too long":
        return f"the request's head is longer than {MAX_HEAD_BYTES} bytes"
    return message
