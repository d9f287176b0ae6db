"""Run the app under uvicorn for ``yuyin serve``: report readiness, exit 1 if voices fail to load."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import threading
from types import FrameType
from typing import Callable, Iterator

from yuyin.server.body_limit import max_body_bytes
from yuyin.server.connections import MAX_HEAD_BYTES, HeadSizeLimit, guarded_http_protocol, guarded_websocket_protocol
from yuyin.server.hosts import allowed_hosts
from yuyin.server.runtime import Runtime
from yuyin.server.settings import ServerSettings


def serve(settings: ServerSettings, log_level: str = "info") -> int:
    """Serve until SIGINT, SIGTERM or SIGHUP; returns the exit status (1 if the voices did not load).

    Prints ``yuyin: ready on http://HOST:PORT`` on stderr once the voices are loaded and warm
    (PORT is the bound one, useful with ``--port 0``).
    """
    import uvicorn

    from yuyin.server.app import create_app

    logging.basicConfig(level=log_level.upper(), format="%(levelname)s:     %(name)s: %(message)s")
    logging.getLogger("uvicorn.error").addFilter(ExpectedErrorsAsWarnings())
    app = create_app(settings, hosts=allowed_hosts(settings.host, settings.allowed_hosts))
    served = HeadSizeLimit(app)
    protocol = guarded_http_protocol(settings.header_timeout, settings.request_timeout)
    # WebSocket messages: not compressed (16 KB that inflate to 16 MB held the event loop for a
    # second while parsed), and no longer than the longest valid request
    config = uvicorn.Config(served, host=settings.host, port=settings.port, log_level=log_level,
                            timeout_graceful_shutdown=settings.shutdown_timeout, lifespan="on", http=protocol,
                            h11_max_incomplete_event_size=MAX_HEAD_BYTES, ws=guarded_websocket_protocol(),
                            ws_per_message_deflate=False, ws_max_size=max_body_bytes(settings))  # fmt: skip
    server = _server_class()(config)
    return asyncio.run(_serve(server, app.state.runtime, settings.drain_delay))


def _server_class():
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's server, calling on_exit as soon as a signal asks it to stop; with hold set, the
        first signal calls hold(signal) instead (the caller stops the server later, or a second
        signal does)."""

        on_exit: Callable[[], object] = staticmethod(lambda: None)
        hold: Callable[[int], object] | None = None

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            if self.hold is not None:
                hold, self.hold = self.hold, None
                hold(sig)
                return
            self.on_exit()
            super().handle_exit(sig, frame)

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            """uvicorn's (SIGINT, SIGTERM), and SIGHUP too: a server whose terminal or SSH session
            closes shuts down gracefully (it was killed, its streams cut without a word), unless
            SIGHUP is ignored (``nohup yuyin serve``: it keeps serving)."""
            with super().capture_signals():
                if (threading.current_thread() is not threading.main_thread()
                        or signal.getsignal(signal.SIGHUP) == signal.SIG_IGN):  # fmt: skip
                    yield
                    return
                previous = signal.signal(signal.SIGHUP, self.handle_exit)
                try:
                    yield
                finally:
                    signal.signal(signal.SIGHUP, previous)

    return Server


async def _serve(server, runtime: Runtime, drain_delay: float) -> int:
    async def report() -> None:
        await runtime.settled.wait()
        if runtime.load_error:
            print(f"yuyin: error: could not load the voices: {runtime.load_error}", file=sys.stderr, flush=True)
            server.should_exit = True
            return
        while not server.started:  # the socket is bound after the lifespan starts
            await asyncio.sleep(0.05)
        host, port = server.servers[0].sockets[0].getsockname()[:2]
        print(f"yuyin: ready on http://{_url_host(host)}:{port}", file=sys.stderr, flush=True)

    loop = asyncio.get_running_loop()
    # from the signal on, requests still waiting in line are refused (503, Retry-After): the
    # graceful shutdown gives its time to the ones already running
    server.on_exit = lambda: loop.call_soon_threadsafe(runtime.admission.drain)
    if drain_delay:
        server.hold = lambda sig: loop.call_soon_threadsafe(_delay_exit, server, runtime, sig, drain_delay)
    reporter = asyncio.create_task(report())
    try:
        await server.serve()
    finally:
        reporter.cancel()
    return 1 if runtime.load_error else 0


def _delay_exit(server, runtime: Runtime, sig: int, delay: float) -> None:
    """On the event loop: /readyz turns 503 ``draining`` while requests are still served; the
    shutdown begins after delay seconds unless a second signal began it already."""
    runtime.stopping = True
    logging.getLogger("yuyin.server").info("stop signal: draining for %g s, then shutting down", delay)
    loop = asyncio.get_running_loop()
    loop.call_later(delay, lambda: server.should_exit or server.handle_exit(sig, None))


class ExpectedErrorsAsWarnings(logging.Filter):
    """uvicorn's error lines for what is no fault of the server, as one warning each:

    - the "Exception in ASGI application" traceback of a request that the graceful shutdown
      cancelled once --shutdown-timeout ran out (the timeout doing its job; the request's work
      is cancelled with it);
    - "ASGI callable returned without completing response" after the server stopped a stream
      whose client took longer than --request-timeout seconds to read one chunk, as its own
      warning said;
    - the traceback of a WebSocket text message that is not UTF-8 (the client's fault; uvicorn
      closes the connection with 1007).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError):
            self._as_warning(record, CUT_OFF)
        elif record.msg == "ASGI callable returned without completing response.":
            self._as_warning(record, LEFT_INCOMPLETE)
        elif record.msg == "Invalid UTF-8 sequence received from client.":
            self._as_warning(record, NOT_UTF8)
        return True

    @staticmethod
    def _as_warning(record: logging.LogRecord, message: str) -> None:
        record.msg, record.args, record.exc_info, record.exc_text = message, (), None, None
        record.levelno, record.levelname = logging.WARNING, "WARNING"


CUT_OFF = "a request still running when --shutdown-timeout ran out was cut off"
LEFT_INCOMPLETE = "a response was left incomplete: its stream was stopped"
NOT_UTF8 = "a WebSocket client sent text that is not UTF-8; its connection was closed (1007)"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
