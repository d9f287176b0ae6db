"""HEAD answered as GET without the body (RFC 9110), for every route that answers GET.

Load balancers and uptime checks probe ``/readyz`` or ``/metrics`` with HEAD; FastAPI's routes
answer only the methods they declare, so without this a HEAD got 405. A path that has no GET
route answers HEAD as it answers GET (404, 405), without the body.
"""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ASKED_WITH_HEAD = "yuyin.asked_with_head"  # a scope key: this GET was a HEAD (for the metrics' method label)


class HeadAsGet:
    """ASGI middleware: a HEAD request runs as GET; its status and headers are sent, its body is not."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", ASKED_WITH_HEAD: True}, receive, headers_only)
