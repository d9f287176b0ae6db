"""A whole (``stream: false``) file does not depend on the server's load: it is synthesised a
sentence at a time, while streams run in chunks that grow with how far they are ahead."""
from __future__ import annotations

from fastapi.testclient import TestClient

from yuyin.server.app import create_app
from yuyin.server.settings import ServerSettings
from yuyin.server.voices import VoiceCatalog


class RecordingSynthesizer:
    """A synthesizer that records the chunk_frames of each synthesize call."""

    def __init__(self, synth):
        self._synth, self.chunk_frames = synth, []

    def __getattr__(self, name):
        return getattr(self._synth, name)

    def synthesize(self, text, options=None, chunk_frames=None):
        self.chunk_frames.append(chunk_frames)
        return self._synth.synthesize(text, options, chunk_frames)


def test_whole_files_are_made_unchunked_and_streams_chunked(tiny_synth) -> None:
    recording = RecordingSynthesizer(tiny_synth)
    voices = VoiceCatalog({tiny_synth.voice.name: recording}, tiny_synth.voice.name)
    with TestClient(create_app(ServerSettings(chunk_frames=32), voices)) as client:
        for stream in (False, True):
            response = client.post("/api/synthesize", json={"text": "你好。", "format": "pcm", "stream": stream})
            assert response.status_code == 200 and len(response.content) > 0
        openai = client.post("/v1/audio/speech", json={"model": "tts-1", "input": "你好。", "stream": False})
        assert openai.status_code == 200
    assert recording.chunk_frames == [None, 32, None]
