"""API errors and their JSON bodies.

Every error answers ``{"error": {"message", "type", "param", "code"}}`` (the OpenAI error
shape, which the ``openai`` client parses); ``param`` names the offending request field, or is
null when no single field is at fault.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException

_TYPES = {413: "request_too_large", 422: "invalid_request_error", 503: "server_overloaded",
          504: "timeout", 404: "not_found", 405: "method_not_allowed"}  # fmt: skip


class ApiError(Exception):
    """An error answered with ``status``; ``field`` is the request field at fault, if any."""

    def __init__(self, status: int, message: str, field: str | None = None,
                 headers: dict[str, str] | None = None):  # fmt: skip
        super().__init__(message)
        self.status, self.message, self.field, self.headers = status, message, field, headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.message, self.field)


def error_body(status: int, message: str, field: str | None = None) -> dict[str, Any]:
    kind = _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": field, "code": status}}


def options_error(exc: Exception) -> ApiError:
    """A 422 for an engine OptionsError; its message starts with the option's name ("style: ...")."""
    from yuyin.config import SynthesisOptions

    message = str(exc)
    name = message.split(":", 1)[0].split(" ", 1)[0]
    return ApiError(422, message, name if name in SynthesisOptions.__dataclass_fields__ else None)


def validation_error(exc: RequestValidationError | ValidationError) -> ApiError:
    """The first pydantic error as a 422 naming its field (``body`` for unparsable JSON)."""
    first = exc.errors()[0]
    location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(location) or "body"
    if first.get("type") == "json_invalid":
        return ApiError(422, f"request body is not valid JSON: {first.get('msg', '')}", "body")
    message = first.get("msg", "invalid value")
    return ApiError(422, f"{field}: {message}" if field != "body" else message, field)


def install_error_handlers(app: FastAPI) -> None:
    """Answer ApiError, validation errors, Starlette's HTTP errors and bugs in the one JSON shape."""

    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        error = validation_error(exc)
        return JSONResponse(error.body(), status_code=error.status)

    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(error_body(exc.status_code, str(exc.detail), getattr(exc, "param", None)),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))  # fmt: skip

    async def unexpected(_: Request, exc: Exception) -> JSONResponse:  # logged by the server as well
        return JSONResponse(error_body(500, f"internal error: {type(exc).__name__}"), status_code=500)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(Exception, unexpected)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
