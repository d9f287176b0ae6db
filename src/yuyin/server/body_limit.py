"""What request bodies the server reads: at most a size limit, enforced as the body arrives,
and never compressed.

Without the limit a client could send hundreds of megabytes that the JSON parser holds in
memory at once before any field is checked. A declared Content-Length over the limit is refused
with 413 before a byte is read; a body without one (chunked) is refused as soon as it grows past
it. The server decodes no Content-Encoding, so a body that declares one (gzip, br, ...) is
refused with 415 before it is read (RFC 9110 15.5.16), whether or not it would parse as it is.
"""
from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from yuyin.engine.reference import MAX_CLIP_BYTES
from yuyin.server.errors import answer_error
from yuyin.server.settings import ServerSettings

JSON_ESCAPE_BYTES = 6  # the most one character of text can take in JSON (\uXXXX)
SLACK_BYTES = 1 << 20  # the other fields, whitespace, multipart framing


def max_body_bytes(settings: ServerSettings) -> int:
    """The largest body a valid request can have: the longest text, every character escaped,
    plus a reference clip at its limit in base64."""
    return JSON_ESCAPE_BYTES * settings.max_input_chars + -(-MAX_CLIP_BYTES * 4 // 3) + SLACK_BYTES


class BodyTooLarge(HTTPException):
    """413 for a body that grew past the limit while it was read (answered naming ``body``)."""

    param = "body"


class BodyLimit:
    """ASGI middleware: HTTP request bodies of at most max_bytes, else 413 naming ``body``, and
    without a Content-Encoding, else 415 naming it."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    def _message(self, size: str) -> str:
        return f"request body is {size} bytes; the limit is {self.max_bytes}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        encodings = [value.decode("latin-1").strip().lower() for name, value in scope["headers"]
                     if name == b"content-encoding"]  # (every one: a proxy may read another than the last)
        coded = next((encoding for encoding in encodings if encoding not in ("", "identity")), None)
        if coded is not None:
            message = f"send the body uncompressed: Content-Encoding {coded} is not supported"
            await answer_error(scope, receive, send, 415, message, "body")
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await answer_error(scope, receive, send, 413, self._message(declared.decode()), "body")
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(413, self._message(f"more than {self.max_bytes}"))
            return message

        await self.app(scope, counted, send)
