"""End-to-end checks of ``yuyin serve`` with the real baker voice (marker ``voice``)."""
from __future__ import annotations

import io
import json
import statistics
import time

import numpy as np
import pytest

import openai
import httpx
import av
import websockets.sync.client as ws_client

from yuyin.audio import concatenate, resample  # noqa: E402
from yuyin.bench.serve_load import LONG_CHARS, PARAGRAPH  # noqa: E402
from yuyin.server.process import ServerProcess  # noqa: E402

pytestmark = pytest.mark.voice
TEXT = "欢迎使用语音合成服务。今天是2024年3月5日，气温零下三度，我们一起去公园散步吧！"


@pytest.fixture(scope="module")
def server(baker_dir):
    with ServerProcess(["--voice", str(baker_dir), "--device", "cpu", "--dtype", "fp32"]) as process:
        yield process


def test_openai_client_streams_intelligible_length_mp3(server) -> None:
    client = openai.OpenAI(api_key="not-checked", base_url=server.url + "/v1", max_retries=0)
    with client.audio.speech.with_streaming_response.create(model="tts-1", voice="alloy", input=TEXT) as response:
        data = b"".join(response.iter_bytes())
    with av.open(io.BytesIO(data)) as container:
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in container.decode(audio=0)])
        rate = container.streams.audio[0].rate
    hanzi = sum("\u4e00" <= c <= "\u9fff" for c in TEXT) + 8  # the date reads as 8 more syllables
    assert rate == 24000 and 0.12 < len(samples) / rate / hanzi < 0.4
    assert 0.02 < float(np.sqrt(np.mean(samples**2))) < 0.5  # speech, not silence or noise at full scale


def test_streamed_resampled_audio_equals_the_unchunked_engine_output(server, baker_fp32) -> None:
    """Over HTTP the engine runs chunked (chunk_frames) and is resampled chunk by chunk (float32
    both sides: see test_baker_streaming for the default mixed precision)."""
    body = {"text": TEXT, "format": "pcm", "sample_rate": 16000, "speed": 1.1, "volume": 0.8}
    with httpx.stream("POST", server.url + "/api/synthesize", json=body, timeout=120) as response:
        streamed = np.frombuffer(response.read(), np.int16).astype(np.float32) / 32767
    from yuyin.config import SynthesisOptions

    whole, rate = concatenate(baker_fp32.synthesize(TEXT, SynthesisOptions(speed=1.1, volume=0.8)))
    reference = resample(whole, rate, 16000)
    assert abs(len(streamed) - len(reference)) <= 1
    n = min(len(streamed), len(reference))
    assert np.max(np.abs(streamed[:n] - reference[:n])) < 2e-3


def test_websocket_first_audio_is_fast_even_for_100k_characters(server) -> None:
    long_text = (PARAGRAPH * (LONG_CHARS // len(PARAGRAPH) + 1))[:LONG_CHARS]

    def first_audio(text: str) -> float:
        with ws_client.connect(server.url.replace("http", "ws") + "/ws/synthesize", max_size=None) as ws:
            started = time.perf_counter()
            ws.send(json.dumps({"type": "synthesize", "text": text}))
            while isinstance(message := ws.recv(timeout=60), str):
                assert json.loads(message)["type"] != "error", message
            return time.perf_counter() - started

    short = statistics.median(first_audio(PARAGRAPH) for _ in range(3))
    long = statistics.median(first_audio(long_text) for _ in range(3))
    assert short < 2.0 and long < 3 * short + 0.25, (short, long)


def test_reference_clip_over_http_sets_the_controls(server, baker_synth) -> None:
    """POST /api/reference measures a clip; reference_audio applies it; explicit fields win."""
    import base64

    from yuyin import SynthesisOptions

    text = "欢迎使用语音合成服务，祝您生活愉快，我们明天再见。"
    buffer = io.BytesIO()
    baker_synth.synthesize_to_wav(text, buffer, SynthesisOptions(speed=1.4, pitch_shift=0.5))
    with httpx.Client(base_url=server.url, timeout=120) as http:
        response = http.post("/api/reference", params={"transcript": text}, content=buffer.getvalue(),
                             headers={"content-type": "audio/wav"})  # fmt: skip
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["voice"] == "baker" and set(body["controls"]) == {"speed", "pitch", "pitch_shift", "energy"}
        assert body["controls"]["speed"] > 1.2 and body["controls"]["pitch_shift"] > 0.3
        clip = base64.b64encode(buffer.getvalue()).decode()

        def seconds(**fields) -> float:
            reply = http.post("/api/synthesize", json={"text": TEXT, "format": "pcm", "stream": False, **fields})
            assert reply.status_code == 200, reply.text
            return len(reply.content) / 2 / 24000

        plain, copied = seconds(), seconds(reference_audio=clip, reference_text=text)
        explicit = seconds(reference_audio=clip, reference_text=text, speed=1.0)
        assert copied < plain / 1.15 and explicit == pytest.approx(plain, rel=0.02)
        wrong = http.post("/api/reference", params={"transcript": "你好"}, content=buffer.getvalue(),
                          headers={"content-type": "audio/wav"})  # fmt: skip
        assert wrong.status_code == 422 and wrong.json()["error"]["param"] == "transcript", wrong.text
        assert "not seem to be what the clip says" in wrong.json()["error"]["message"]
