"""A multi-speaker (ttskit-family) voice over HTTP: only usable speakers are offered, the controls
it lacks are listed as such and refused, and an unusable speaker is a 422 saying why."""
from __future__ import annotations

import httpx
import pytest

from yuyin.server.process import ServerProcess


@pytest.fixture(scope="module")
def client(tiny_ttskit_pack):
    with ServerProcess(["--voice", str(tiny_ttskit_pack), "--device", "cpu"]) as server:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            yield http


def test_voices_lists_usable_speakers_and_the_controls_it_has(client) -> None:
    [voice] = client.get("/api/voices").json()
    assert voice["speakers"] == ["Aiqi", "biaobei"] and voice["default_speaker"] == "biaobei"
    assert list(voice["unusable_speakers"]) == ["Xiaowei"] and "never stops" in voice["unusable_speakers"]["Xiaowei"]
    assert set(voice["controls"]) == {"speed", "volume", "sentence_pause", "seed"} and voice["styles"] == []


@pytest.mark.parametrize("body, param, words", [
    ({"speaker": "Xiaowei"}, "speaker", ("unusable", "never stops", "Aiqi, biaobei")),
    ({"speaker": "Nobody"}, "speaker", ("unknown speaker", "Aiqi, biaobei")),
    ({"speaker": "Aiqi+Nobody"}, "speaker", ("unknown speaker 'Nobody'", "Aiqi, biaobei")),
    ({"speaker": "Aiqi(0)+biaobei"}, "speaker", ("weight of 'Aiqi'", "above 0")),
    ({"speaker": "Aiqi+"}, "speaker", ("cannot read speaker blend", "Aiyu(2)+Siyue(1)")),
    ({"pitch": 1.5}, "pitch", ("no pitch control",)),
    ({"style": "happy"}, "style", ("does not support styles",)),
])  # fmt: skip
def test_refused_speakers_and_controls_name_the_field(client, body, param, words) -> None:
    response = client.post("/api/synthesize", json={"text": "你好。", "stream": False, **body})
    error = response.json()["error"]
    assert (response.status_code, error["param"]) == (422, param), error
    assert all(word in error["message"] for word in words), error["message"]


def test_a_speaker_blend_speaks(client) -> None:
    """Aiqi(2)+biaobei(1): a voice between the two (the mix itself: tests/unit/test_ttskit_runtime.py)."""
    def pcm(speaker: str) -> bytes:
        response = client.post("/api/synthesize", json={"text": "你好。", "stream": False, "format": "pcm",
                                                         "speaker": speaker})  # fmt: skip
        assert response.status_code == 200, response.text
        return response.content

    blend = pcm("Aiqi(2)+biaobei(1)")
    assert len(blend) > 0 and blend not in (pcm("Aiqi"), pcm("biaobei"))
