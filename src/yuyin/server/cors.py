"""CORS for the browser pages of other origins (``--cors-origin``), its refusals in the API's error shape."""
from __future__ import annotations

from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.responses import Response

from yuyin.server.errors import error_body


class Cors(CORSMiddleware):
    """Starlette's CORS middleware whose refused preflight answers 400 with a JSON error body
    (Starlette's own is text/plain "Disallowed CORS origin"), naming what was refused."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")
        origin = request_headers["origin"]
        message = (f"CORS preflight refused ({refused}): origin {origin!r} is not among this server's "
                   f"--cors-origin values" if "origin" in refused else f"CORS preflight refused ({refused})")
        headers = {key: value for key, value in response.headers.items()
                   if key.lower() not in ("content-length", "content-type")}  # fmt: skip
        return JSONResponse(error_body(400, message), status_code=400, headers=headers)
