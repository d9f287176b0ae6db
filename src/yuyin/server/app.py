"""``create_app(settings)``: the FastAPI application, its shared Runtime and its lifespan.

The app answers ``/healthz`` as soon as it listens; voices load and warm up in the background
and ``/readyz`` turns 200 only once they have (speech routes answer 503 until then). On
shutdown new requests are refused, in-flight streams get ``shutdown_timeout`` seconds from
uvicorn to finish and are then cancelled, which closes their engine generators.
"""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any, AsyncIterator, Callable

from fastapi import FastAPI, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from yuyin import __version__
from yuyin.server import routes_native, routes_openai, ws
from yuyin.server.body_limit import BodyLimit, max_body_bytes
from yuyin.server.cors import Cors
from yuyin.server.errors import install_error_handlers
from yuyin.server.head import HeadAsGet
from yuyin.server.hosts import HostCheck
from yuyin.server.metrics import RequestMetrics
from yuyin.server.runtime import Runtime
from yuyin.server.settings import ServerSettings
from yuyin.server.voices import VoiceCatalog

STATIC_DIR = resources.files("yuyin.server") / "static"
DOCS_ASSETS_URL = "/docs-assets"  # Swagger UI and ReDoc, served from the fastapi-offline package (no CDN)
API_DESCRIPTION = """
* **OpenAI-compatible** `POST /v1/audio/speech`: `model` is tts-1, tts-1-hd, gpt-4o-mini-tts, yuyin or a
  voice name; OpenAI voice names (alloy, nova, ...) mean the voice named by `model` if it is one, else the
  default voice; `stream` (default true) streams; `stream_format` `sse` sends base64 audio deltas as events.
* **Native** `POST /api/synthesize` with every control, `POST /api/frontend` (normalised text, pinyin).
* **WebSocket** `/ws/synthesize`: JSON `synthesize` / `cancel` messages in; s16le PCM frames and JSON
  events (`start`, `sentence`, `syllables`, `sentence_end`, `done`, `cancelled`, `error`) out.
* Errors are `{"error": {"message", "type", "param", "code"}}`; `param` names the field at fault.
* `/healthz`, `/readyz`, `/metrics` (Prometheus), and the web page at `/`; this page and `/redoc` need no
  internet access.
"""
EXPOSED_HEADERS = ["X-Sample-Rate", "X-Channels", "X-Sample-Format", "X-Time-To-First-Audio",
                   "X-Audio-Duration", "X-Real-Time-Factor", "Retry-After"]  # fmt: skip


def create_app(settings: ServerSettings | None = None, voices: VoiceCatalog | None = None,
               hosts: tuple[str, ...] | None = None) -> FastAPI:  # fmt: skip
    """The yuyin ASGI app; ``app.state.runtime`` holds its Runtime.

    voices: already loaded, so the app is ready as soon as it starts (a Ray Serve replica loads
    them before it exists: it takes traffic only once it can speak, and a failure is its own).
    hosts: the Host names answered (see :mod:`yuyin.server.hosts`; None: any); a refused request
    counts in the metrics under the route it was sent to.
    """
    settings = settings or ServerSettings()
    runtime = Runtime(settings, voices)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loading = asyncio.create_task(runtime.load())
        try:
            yield
        finally:
            loading.cancel()
            await runtime.close()

    app = FastAPIOffline(title="yuyin", version=__version__, lifespan=lifespan, description=API_DESCRIPTION,
                         summary="Mandarin text-to-speech: OpenAI-compatible and native APIs",
                         static_url=DOCS_ASSETS_URL)  # fmt: skip
    app.state.runtime = runtime
    install_error_handlers(app)
    routers = (routes_openai.router, routes_native.router, ws.router)
    for router in routers:
        app.include_router(router)
    _add_service_routes(app)
    app.openapi = _with_openai_statuses(app.openapi)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes(settings))
    if settings.cors_origins:  # inside the Host check: a preflight for a foreign Host is refused too
        app.add_middleware(Cors, allow_origins=list(settings.cors_origins), allow_methods=["*"],
                           allow_headers=["*"], expose_headers=EXPOSED_HEADERS)  # fmt: skip
    app.add_middleware(HostCheck, allowed=hosts)
    # the routers' own routes first: FastAPI wraps an included router in a route without a path
    labelled = [route for router in routers for route in router.routes] + app.router.routes
    app.add_middleware(RequestMetrics, metrics=runtime.metrics, routes=labelled)
    app.add_middleware(HeadAsGet)
    return app


def _with_openai_statuses(openapi: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """The OpenAPI schema with the OpenAI routes' invalid requests under 400, as they answer them
    (errors._openai_status), not the 422 FastAPI lists for every route with a body."""

    def schema() -> dict[str, Any]:
        spec = openapi()
        for path, operations in spec["paths"].items():
            for operation in operations.values() if path.startswith("/v1/") else ():
                responses = operation.get("responses", {})
                if "422" in responses:
                    responses["400"] = {**responses.pop("422"), "description": "invalid field, or nothing to pronounce"}
        return spec

    return schema


def _add_service_routes(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "alive"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        runtime: Runtime = app.state.runtime
        if runtime.ready:
            return JSONResponse({"status": "ready", "voices": runtime.voices.names})
        draining = runtime.stopping or runtime.admission.draining
        state = "failed" if runtime.load_error else "draining" if draining else "loading"
        return JSONResponse({"status": state, "error": runtime.load_error}, status_code=503)

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        runtime: Runtime = app.state.runtime
        return Response(runtime.metrics.render(), media_type=runtime.metrics.content_type)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(str(STATIC_DIR / "index.html"), headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
