"""Styles, SSML and reference-clip validation over HTTP and WebSocket (tiny random-weight voice).

The tiny voice's audio is noise, so these tests check wiring and errors: a style or SSML
changes the audio exactly as the engine does, and bad input is a 4xx naming the field. The
prosody of real speech is measured in test_server_reference_baker.py.
"""
from __future__ import annotations

import base64
import io
import json
import os

import numpy as np
import pytest
import soundfile
import torch

import httpx
import websockets.sync.client as ws_client

from yuyin import Synthesizer, SynthesisOptions
from yuyin.engine.device import resolve_backend
from yuyin.engine.memory import resolve_tier
from yuyin.engine.reference import MAX_CLIP_BYTES

TEXT = "今天天气很好，我们一起去公园散步吧。"


@pytest.fixture(scope="module")
def server(tiny_server):
    return tiny_server


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


def pcm(client, route: str = "/api/synthesize", **body) -> np.ndarray:
    payload = {"text": TEXT, "format": "pcm", "stream": False, **body}
    if route == "/v1/audio/speech":
        payload = {"input": payload.pop("text"), "response_format": "pcm", "stream": False, **payload}
        payload.pop("format")
    response = client.post(route, json=payload)
    assert response.status_code == 200, response.text
    return np.frombuffer(response.content, np.int16).astype(np.float32) / 32767


def engine_audio(synth: Synthesizer, text: str, ssml: bool = False, **options) -> np.ndarray:
    synthesize = synth.synthesize_ssml if ssml else synth.synthesize
    return np.concatenate([chunk.samples for chunk in synthesize(text, SynthesisOptions(**options))])


def error(response: httpx.Response) -> tuple[int, str | None, str]:
    body = response.json()["error"]
    return response.status_code, body["param"], body["message"]


@pytest.mark.parametrize("route", ["/api/synthesize", "/v1/audio/speech"])
def test_style_over_http_equals_the_engine(client, tiny_synth, route: str) -> None:
    styled = pcm(client, route, style="sad", style_intensity=1.5)
    expected = engine_audio(tiny_synth, TEXT, style="sad", style_intensity=1.5)
    assert len(styled) == len(expected)
    assert np.max(np.abs(styled - np.clip(expected, -1, 1))) < 2e-4  # int16 rounding
    assert len(styled) != len(pcm(client, route))  # sad is slower: the style was applied


@pytest.mark.parametrize("route", ["/api/synthesize", "/v1/audio/speech"])
def test_ssml_over_http_equals_the_engine(client, tiny_synth, route: str) -> None:
    document = '<speak>你好<break time="700ms"/><prosody rate="1.5">世界</prosody></speak>'
    audio = pcm(client, route, text=document, ssml=True)
    expected = engine_audio(tiny_synth, document, ssml=True)
    assert len(audio) == len(expected) and np.max(np.abs(audio - np.clip(expected, -1, 1))) < 2e-4
    silence = int(0.7 * 24000)
    assert np.count_nonzero(audio[len(audio) // 2 - silence // 2 : len(audio) // 2 + silence // 2]) < silence


def test_tag_free_text_with_ssml_flag_is_the_plain_text(client) -> None:
    assert np.array_equal(pcm(client, text="你好，世界。", ssml=True), pcm(client, text="你好，世界。"))


@pytest.mark.parametrize("body, status, param, words", [
    ({"text": "<speak>你好<foo/></speak>", "ssml": True}, 422, "text", ("<foo>", "line 1, column 10")),
    ({"text": "<speak>你好", "ssml": True}, 422, "text", ("malformed", "line 1")),
    ({"text": '<!DOCTYPE x [<!ENTITY a "b">]><speak>&a;</speak>', "ssml": True}, 422, "text", ("DTD",)),
    ({"style": "bored"}, 422, "style", ("neutral",)),
    ({"style": "sad", "style_intensity": 2.5}, 422, "style_intensity", ("2",)),
    ({"style_intensity": 1.5}, 422, "style_intensity", ("scales a style, which is missing",)),
    ({"reference_audio": "not base64!"}, 422, "reference_audio", ("base64",)),
    ({"reference_text": "你好"}, 422, "reference_text", ("reference_audio",)),
    ({"reference_audio": base64.b64encode(b"RIFF garbage").decode()}, 422, "reference_audio", ("decoded",)),
    ({"reference_audio": "A" * (MAX_CLIP_BYTES * 4 // 3 + 12)}, 422, "reference_audio", ("larger",)),
])  # fmt: skip
def test_bad_expressive_input_is_a_422_naming_the_field(client, body, status, param, words) -> None:
    response = client.post("/api/synthesize", json={"text": TEXT, "stream": False, **body})
    got_status, got_param, message = error(response)
    assert (got_status, got_param) == (status, param), message
    assert all(word in message for word in words), message
    assert "Value error" not in message  # the validator's own words, not pydantic's wrapping


def test_malformed_ssml_over_openai_names_input(client) -> None:
    response = client.post("/v1/audio/speech", json={"input": "<speak><b>x</b></speak>", "ssml": True})
    assert error(response)[:2] == (400, "input") and "<b>" in error(response)[2]  # 400 on the OpenAI route


def wav_bytes(samples: np.ndarray, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@pytest.mark.parametrize("content, status, words", [
    (b"", 422, ("empty",)),
    (b"ID3 this is not audio at all" * 10, 422, ("decoded",)),
    (None, 422, ("silent",)),  # a silent WAV
    (b"x" * (MAX_CLIP_BYTES + 1), 413, ("limit",)),
    ("long", 413, ("30 s",)),
])  # fmt: skip
def test_reference_endpoint_refuses_unusable_clips(client, content, status, words) -> None:
    if content is None:
        content = wav_bytes(np.zeros(16000 * 2, np.float32))
    elif content == "long":
        content = wav_bytes(np.zeros(16000 * 31, np.float32))
    response = client.post("/api/reference", content=content, headers={"content-type": "audio/wav"})
    got_status, param, message = error(response)
    assert (got_status, param) == (status, "reference_audio"), message
    assert all(word in message for word in words), message


def test_reference_endpoint_checks_voice_and_speaker_first(client) -> None:
    clip = wav_bytes(np.zeros(1600, np.float32))
    assert error(client.post("/api/reference?voice=nope", content=clip))[:2] == (422, "voice")
    assert error(client.post("/api/reference?speaker=Aiqi", content=clip))[:2] == (422, "speaker")


def test_voices_list_controls_styles_and_usable_speakers(client) -> None:
    [voice] = client.get("/api/voices").json()
    assert voice["styles"] == ["neutral", "happy", "sad", "angry", "surprised", "fearful", "gentle", "serious"]
    assert set(voice["controls"]) == {"speed", "pitch", "pitch_shift", "energy", "volume", "sentence_pause", "seed"}
    assert voice["speakers"] == [] and voice["unusable_speakers"] == {}
    assert voice["resident"] is True  # no offload configured: the models stay where they run
    # the default openvino backend on every core: streams as the memory tier says, where there are two or more
    assert voice["side_by_side"] is (resolve_tier(None, torch.device("cpu")).side_by_side and os.cpu_count() > 1)
    assert (voice["backend"], voice["device"]) == (resolve_backend("auto", torch.device("cpu"), torch.float32), "cpu")


def ws_synthesize(server, message: dict) -> tuple[list[dict], bytes]:
    url = server.url.replace("http://", "ws://") + "/ws/synthesize"
    events, audio = [], bytearray()
    with ws_client.connect(url) as ws:
        ws.send(json.dumps({"type": "synthesize", **message}))
        while not events or events[-1]["type"] not in ("done", "error"):
            received = ws.recv(timeout=60)
            if isinstance(received, bytes):
                audio += received
            else:
                events.append(json.loads(received))
    return events, bytes(audio)


def test_websocket_streams_styles_and_ssml_as_http_does(server, client) -> None:
    document = '<speak><emotion category="happy" intensity="1.5">你好</emotion>，世界。</speak>'
    for message in ({"text": TEXT, "style": "angry"}, {"text": document, "ssml": True}):
        events, audio = ws_synthesize(server, message)
        assert events[-1]["type"] == "done", events[-1]
        streamed = np.frombuffer(audio, np.int16).astype(np.float32) / 32767
        assert np.array_equal(streamed, pcm(client, **message))


def test_websocket_reports_bad_ssml_and_styles_as_errors(server) -> None:
    for message, param in (({"text": "<speak>x<mark name=\"m\"/>y</speak>", "ssml": True}, "text"),
                           ({"text": TEXT, "style": "bored"}, "style")):  # fmt: skip
        events, _ = ws_synthesize(server, message)
        assert (events[-1]["type"], events[-1]["status"], events[-1]["param"]) == ("error", 422, param)


def test_reference_transcript_with_nothing_to_say_names_the_field(client) -> None:
    clip = wav_bytes(np.zeros(16000, np.float32))
    response = client.post("/api/reference", params={"transcript": "🙂🙂"}, content=clip)
    assert error(response)[:2] == (422, "transcript") and "nothing to pronounce" in error(response)[2]
    too_long = client.post("/api/reference", params={"transcript": "字" * 1001}, content=clip)
    assert error(too_long)[:2] == (422, "transcript")
