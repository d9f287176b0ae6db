"""Which Host headers ``yuyin serve`` answers: a guard against DNS rebinding.

A page on any site can make a browser send requests to a server on the user's own machine
once its domain resolves to 127.0.0.1 (DNS rebinding): the browser then counts the server as
that site's own origin, so CORS and the WebSocket origin check do not apply. Such requests
still name the site in their Host header. So a server bound to a loopback address answers
only Host names of the machine itself (``localhost``, ``127.0.0.1``, ``::1``) and those that
``--allowed-host`` adds; a server bound elsewhere answers any, unless names are given (then
those and the machine's own: a local health check keeps working). A request with more than
one Host header is refused: which one counts would depend on who reads it.
"""
from __future__ import annotations

import ipaddress
import logging

from starlette.types import ASGIApp, Receive, Scope, Send

from yuyin.server.errors import answer_error

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
log = logging.getLogger("yuyin.server")


def allowed_hosts(bind_host: str, given: tuple[str, ...]) -> tuple[str, ...] | None:
    """The Host names to answer (None: any): the given ones ("*" = any), the loopback names and
    the bound address (the URL ``yuyin serve`` prints), or with none given the loopback names for
    a server bound to a loopback address, else any."""
    if given:
        names = (*(name.lower() for name in given), *LOOPBACK_NAMES, host_name(bind_host))
        return None if "*" in given else tuple(dict.fromkeys(names))
    return LOOPBACK_NAMES if _is_loopback(bind_host) else None


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``"[::1]:8000"`` -> ``"::1"``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """ASGI middleware: requests and WebSocket handshakes with more than one Host header, or
    whose Host is not allowed (allowed None: any is), get 400 with a JSON error (a WebSocket's
    handshake too)."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...] | None):
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [value.decode("latin-1") for name, value in scope["headers"] if name == b"host"]
        header = hosts[0] if hosts else ""
        if len(hosts) <= 1 and (self.allowed is None or host_name(header) in self.allowed):
            await self.app(scope, receive, send)
            return
        if len(hosts) > 1:
            log.warning("refused a request with %d Host headers", len(hosts))
        else:
            log.warning("refused a request for host %r (not among --allowed-host: %s)", header, ", ".join(self.allowed))
        if len(hosts) > 1:
            message = "a request may carry one Host header, not several"
        elif not host_name(header):
            message = f"name the host in a Host header (this server answers for {', '.join(self.allowed)})"
        else:
            message = (f"this server does not answer for host {header!r}; start it with --allowed-host "
                       f"{host_name(header)} to allow it")  # fmt: skip
        await answer_error(scope, receive, send, 400, message)
