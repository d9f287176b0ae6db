"""While its voices load, the server answers what does not need them and refuses the rest with
503 and Retry-After."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from yuyin.server.app import create_app
from yuyin.server.settings import ServerSettings


@pytest.fixture(scope="module")
def loading() -> TestClient:
    return TestClient(create_app(ServerSettings(retry_after=3)))  # no lifespan: the voices never load


@pytest.mark.parametrize("method, path, body", [
    ("GET", "/v1/models", None), ("GET", "/v1/models/tts-1", None), ("GET", "/v1/models/baker", None),
    ("GET", "/v1/audio/voices", None), ("GET", "/api/voices", None),
    ("POST", "/v1/audio/speech", {"model": "tts-1", "input": "你好", "voice": "alloy"}),
    ("POST", "/api/synthesize", {"text": "你好"}),
])  # fmt: skip
def test_what_needs_the_voices_is_refused_until_they_are_loaded(loading: TestClient, method: str, path: str,
                                                                 body: dict | None) -> None:  # fmt: skip
    response = loading.request(method, path, json=body)
    assert response.status_code == 503, response.text
    assert response.json()["error"]["message"] == "the server is still loading its voices"
    assert response.headers["Retry-After"] == "3"


def test_liveness_and_readiness_answer_while_loading(loading: TestClient) -> None:
    assert loading.get("/healthz").status_code == 200
    ready = loading.get("/readyz")
    assert ready.status_code == 503 and ready.json() == {"status": "loading", "error": None}
