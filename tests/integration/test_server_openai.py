"""The OpenAI-compatible API, driven by the official ``openai`` client against ``yuyin serve``."""
from __future__ import annotations

import base64
import io
import json

import pytest

import openai
import httpx
import av


TEXT = "你好，欢迎使用语音合成服务。今天天气很好！"


@pytest.fixture(scope="module")
def server(tiny_server):
    return tiny_server


@pytest.fixture(scope="module")
def client(server):
    with openai.OpenAI(api_key="not-checked", base_url=server.url + "/v1", max_retries=0) as api:
        yield api


def duration(data: bytes) -> float:
    with av.open(io.BytesIO(data)) as container:
        frames = list(container.decode(audio=0))
        return sum(frame.samples for frame in frames) / container.streams.audio[0].rate


def pcm_seconds(client, **params) -> float:
    data = client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT, response_format="pcm", **params)
    return len(data.content) / 2 / 24000


@pytest.mark.parametrize("fmt", ["mp3", "opus", "aac", "flac", "wav"])
def test_speech_create_every_format(client, fmt: str) -> None:
    response = client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT, response_format=fmt)
    assert abs(duration(response.content) - pcm_seconds(client)) < 0.1
    # a sample format only where the body holds samples: an MP3 holds none
    assert response.response.headers.get("x-sample-format") == ("s16le" if fmt == "wav" else None)


def test_streaming_response_arrives_in_pieces(client) -> None:
    with client.audio.speech.with_streaming_response.create(
        model="tts-1-hd", voice="nova", input=TEXT * 3, response_format="pcm"
    ) as response:
        assert response.headers["x-sample-rate"] == "24000"
        pieces = list(response.iter_bytes(chunk_size=None))
    assert len(pieces) > 2
    assert abs(len(b"".join(pieces)) / 2 / 24000 - 3 * pcm_seconds(client)) < 0.5


def test_speed_and_voice_names(client) -> None:
    normal = pcm_seconds(client)
    assert 0.4 < pcm_seconds(client, speed=2.0) / normal < 0.65
    by_name = client.audio.speech.create(model="tiny", voice="tiny", input=TEXT, response_format="pcm")
    by_id = client.audio.speech.create(model="gpt-4o-mini-tts", voice={"id": "tiny"}, input=TEXT,
                                       response_format="pcm", instructions="read it like a pirate")  # fmt: skip
    assert by_name.content == by_id.content and len(by_name.content) / 2 / 24000 == pytest.approx(normal)


def test_instructions_pick_an_emotion_style_unless_style_is_given(client) -> None:
    def pcm(**params) -> bytes:
        return client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input=TEXT, response_format="pcm",
                                          **params).content  # fmt: skip

    happy = pcm(extra_body={"style": "happy"})
    assert happy != pcm()
    assert pcm(instructions="Speak in a cheerful, upbeat tone.") == happy
    assert pcm(instructions="语气非常悲伤") == pcm(extra_body={"style": "sad", "style_intensity": 1.5})
    assert pcm(instructions="Sound sad.", extra_body={"style": "happy"}) == happy  # the explicit style wins
    assert pcm(instructions="语气非常悲伤", extra_body={"style_intensity": 0.5}) == pcm(  # and an explicit intensity
        extra_body={"style": "sad", "style_intensity": 0.5})
    assert pcm(instructions="Don't sound happy.") == pcm()


def test_non_streamed_response_has_content_length(client) -> None:
    response = client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT, response_format="wav",
                                          extra_body={"stream": False})  # fmt: skip
    assert int(response.response.headers["content-length"]) == len(response.content)
    assert response.content[4:8] != b"\xff\xff\xff\xff"  # a complete WAV with real sizes


@pytest.mark.parametrize(("params", "param"), [
    ({"voice": "nope"}, "voice"),
    ({"model": "whisper-1"}, "model"),
    ({"speed": 5.0}, "speed"),
    ({"response_format": "ogg"}, "response_format"),
    ({"input": "🙂"}, "input"),
    ({"input": ""}, "input"),
    ({"voice": ""}, "voice"),
    ({"extra_body": {"ssml": "yes"}}, "ssml"),
])  # fmt: skip
def test_invalid_requests_raise_bad_request_naming_the_param(client, params: dict, param: str) -> None:
    arguments = {"model": "tts-1", "voice": "alloy", "input": TEXT, **params}
    with pytest.raises(openai.BadRequestError) as raised:  # 400, as OpenAI answers them
        client.audio.speech.create(**arguments)
    assert raised.value.status_code == 400
    assert raised.value.body["param"] == param


def test_models_retrieve(client) -> None:
    assert client.models.retrieve("tts-1").id == "tts-1" and client.models.retrieve("tiny").id == "tiny"
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("whisper-1")


def test_models_list(client) -> None:
    ids = [model.id for model in client.models.list()]
    assert {"tts-1", "tts-1-hd", "gpt-4o-mini-tts", "tiny"} <= set(ids)


def test_voices_and_aliases(server) -> None:
    body = httpx.get(server.url + "/v1/audio/voices").json()
    assert body["voices"] == ["tiny"] and body["default"] == "tiny" and body["aliases"]["alloy"] == "tiny"


def test_server_sent_events(server, client) -> None:
    request = {"model": "tts-1", "voice": "alloy", "input": TEXT, "response_format": "pcm", "stream_format": "sse"}
    with httpx.stream("POST", server.url + "/v1/audio/speech", json=request, timeout=60) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: ")]
    assert events[-1]["type"] == "speech.audio.done"
    audio = b"".join(base64.b64decode(e["audio"]) for e in events if e["type"] == "speech.audio.delta")
    assert len(audio) / 2 / 24000 == pytest.approx(pcm_seconds(client))
