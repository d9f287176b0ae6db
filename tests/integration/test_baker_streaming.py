"""Seam-free streaming with the real baker voice: chunked vocoding equals whole-sentence vocoding."""
from __future__ import annotations

import numpy as np
import pytest

from yuyin.config import SynthesisOptions

pytestmark = pytest.mark.voice
TEXT = "语音合成技术可以把文字转换成自然流畅的语音。"


@pytest.mark.parametrize("chunk_frames", [4, 16, 50])
@pytest.mark.parametrize("options", [SynthesisOptions(), SynthesisOptions(speed=1.4, pitch=1.3, energy=0.8, volume=0.6)],
                         ids=["default", "controls"])  # fmt: skip
def test_streamed_equals_whole(baker_synth, chunk_frames: int, options: SynthesisOptions) -> None:
    whole = np.concatenate([c.samples for c in baker_synth.synthesize(TEXT, options)])
    chunks = list(baker_synth.synthesize(TEXT, options, chunk_frames=chunk_frames))
    streamed = np.concatenate([c.samples for c in chunks])
    assert len(chunks) > 2
    assert streamed.shape == whole.shape
    assert np.abs(streamed - whole).max() <= 1e-3
