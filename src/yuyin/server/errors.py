"""API errors and their JSON bodies.

Every error answers ``{"error": {"message", "type", "param", "code"}}`` (the OpenAI error
shape, which the ``openai`` client parses); ``param`` names the offending request field, or is
null when no single field is at fault; ``code`` is the HTTP status as a string (OpenAI's codes are
strings, which typed clients insist on). A message or param quoting a long piece of the request
(an unknown field's name, a voice's) is cut to MAX_MESSAGE or MAX_PARAM characters, so that an
error is never bigger than what it is about.
"""
from __future__ import annotations

import sys
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.types import Receive, Scope, Send

_TYPES = {413: "request_too_large", 422: "invalid_request_error", 503: "server_overloaded",
          504: "timeout", 408: "timeout", 404: "not_found", 405: "method_not_allowed", 415: "unsupported_media_type"}  # fmt: skip
_UNPARSABLE = "There was an error parsing the body"
MAX_MESSAGE, MAX_PARAM = 1000, 200  # FastAPI's detail for a body it could not decode


class ApiError(Exception):
    """An error answered with ``status``; ``field`` is the request field at fault, if any."""

    def __init__(self, status: int, message: str, field: str | None = None,
                 headers: dict[str, str] | None = None):  # fmt: skip
        super().__init__(message)
        self.status, self.message, self.field, self.headers = status, message, field, headers or {}


def error_body(status: int, message: str, field: str | None = None) -> dict[str, Any]:
    kind = _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": _cut(message, MAX_MESSAGE), "type": kind,
                      "param": None if field is None else _cut(field, MAX_PARAM), "code": str(status)}}  # fmt: skip


async def answer_error(scope: Scope, receive: Receive, send: Send, status: int, message: str,
                       field: str | None = None, headers: dict[str, str] | None = None) -> None:  # fmt: skip
    """Answer a request, or refuse a WebSocket handshake, with status and the JSON error (for
    middleware, which runs before the exception handlers). A server without the ASGI denial
    response extension can only close the handshake, which its client sees as 403 without a body."""
    if scope["type"] == "websocket" and "websocket.http.response" not in scope.get("extensions", {}):
        await send({"type": "websocket.close", "code": 1008})
        return
    response = JSONResponse(error_body(status, message, field), status_code=status, headers=headers)
    await response(scope, receive, send)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def options_error(exc: Exception) -> ApiError:
    """A 422 for an engine OptionsError; its message starts with the option's name ("style: ...")."""
    from yuyin.config import SynthesisOptions

    message = str(exc)
    name = message.split(":", 1)[0].split(" ", 1)[0]
    return ApiError(422, message, name if name in SynthesisOptions.__dataclass_fields__ else None)


def validation_error(exc: RequestValidationError | ValidationError) -> ApiError:
    """The first pydantic error as a 422 naming its field (``body`` for unparsable JSON)."""
    first = exc.errors()[0]
    location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")
                and not _union_member(part)]  # fmt: skip
    field = ".".join(location) or "body"
    if first.get("type") == "json_invalid":
        return ApiError(422, f"request body is not valid JSON: {first.get('msg', '')}", "body")
    message = first.get("msg", "invalid value")
    if first.get("type") == "value_error" and "error" in first.get("ctx", {}):
        message = str(first["ctx"]["error"])  # a validator's own words, without pydantic's "Value error, "
    return ApiError(422, f"{field}: {message}" if field != "body" else message, field)


def _union_member(part: Any) -> bool:
    """Whether a pydantic error location part names the union member tried (``str``,
    ``function-after[...]``, a model's class name), not a field (``voice.str`` is ``voice``)."""
    text = str(part)
    return isinstance(part, str) and (text in ("str", "int", "float", "bool", "none", "list", "dict") or "[" in text
                                      or text[:1].isupper())  # fmt: skip


def _openai_status(request: Request, status: int) -> int:
    """OpenAI answers an invalid request with 400 (its client raises BadRequestError), so the
    OpenAI-compatible routes do too; the native API keeps 422."""
    return 400 if status == 422 and request.url.path.startswith("/v1/") else status


def _unreadable_body(request: Request) -> ApiError | None:
    """A 415 for a POST to a route that reads JSON whose body is not JSON: its Content-Type is
    not ``application/json`` or ``*/*+json`` (what FastAPI parses; none at all included)."""
    if request.method != "POST" or request.url.path == "/api/reference":
        return None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or (kind.startswith("application/") and kind.endswith("+json")):
        return None
    return ApiError(415, f"send the body as JSON (Content-Type: application/json), not "
                         f"{kind or 'a body without a Content-Type'}", "body")  # fmt: skip


def _foreign_charset(request: Request) -> ApiError | None:
    """A 415 for a body that did not parse and whose Content-Type names a charset UTF-8 does not
    include (JSON is exchanged in UTF-8 only: RFC 8259 8.1)."""
    parameters = (part.partition("=") for part in request.headers.get("content-type", "").lower().split(";")[1:])
    charset = next((value.strip('" ') for name, _, value in parameters if name.strip() == "charset"), "utf-8")
    if charset in ("utf-8", "utf8", "us-ascii", "ascii"):
        return None
    return ApiError(415, f"send the JSON body in UTF-8, not charset={charset}", "body")


def _unparsable_reason(exc: HTTPException) -> str:
    """What was wrong with a body FastAPI could not decode, from the error it chained."""
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, ValueError) and "integer string conversion" in str(cause):
        return f"request body is not valid JSON here: a number in it has more than {sys.get_int_max_str_digits()} digits"
    return "request body is not valid JSON"


def install_error_handlers(app: FastAPI) -> None:
    """Answer ApiError, validation errors, Starlette's HTTP errors and bugs in the one JSON shape."""

    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        status = _openai_status(request, exc.status)
        return JSONResponse(error_body(status, exc.message, exc.field), status_code=status, headers=exc.headers)

    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return await api_error(request, _unreadable_body(request) or validation_error(exc))

    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == _UNPARSABLE:  # not UTF-8, nested too deep, a huge integer
            refusal = _unreadable_body(request) or _foreign_charset(request)
            return await api_error(request, refusal or ApiError(422, _unparsable_reason(exc), "body"))
        return JSONResponse(error_body(exc.status_code, str(exc.detail), getattr(exc, "param", None)),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))  # fmt: skip

    async def unexpected(_: Request, exc: Exception) -> JSONResponse:  # logged by the server as well
        return JSONResponse(error_body(500, f"internal error: {type(exc).__name__}"), status_code=500)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(Exception, unexpected)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
