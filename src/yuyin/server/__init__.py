"""The HTTP/WebSocket server: OpenAI-compatible and native APIs, streaming, web page, metrics.

Needs the ``server`` extra (FastAPI, uvicorn, prometheus-client, soxr, PyAV). Modules:
settings (ServerSettings), voices (loaded voices and name lookup), runtime (state shared by the
routes), limits (admission queue), worker (blocking iterators pulled from a thread pool),
speech (one request's audio stream), http_audio (HTTP responses of it), metrics (Prometheus),
errors (JSON error bodies), cors (CORS with JSON refusals), hosts (the Host names answered),
schemas (pydantic, the HTTP edge only), routes_openai, routes_native, ws, app (create_app),
run (``yuyin serve`` and its log lines), process (a ``yuyin serve`` subprocess on loopback,
for the load bench and tests), static/ (the web page).
"""
