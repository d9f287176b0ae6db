"""Seam-free streaming with the real baker voice: chunked vocoding equals whole-sentence vocoding
(in float32 exactly, under the default mixed precision to bf16 rounding)."""
from __future__ import annotations

import numpy as np
import pytest

from voice_measures import snr_db
from yuyin.config import SynthesisOptions

pytestmark = pytest.mark.voice
TEXT = "语音合成技术可以把文字转换成自然流畅的语音。"


@pytest.mark.parametrize("chunk_frames", [4, 16, 50])
@pytest.mark.parametrize("options", [SynthesisOptions(), SynthesisOptions(speed=1.4, pitch=1.3, energy=0.8, volume=0.6)],
                         ids=["default", "controls"])  # fmt: skip
def test_streamed_equals_whole(baker_fp32, chunk_frames: int, options: SynthesisOptions) -> None:
    streamed, whole, _ = _streamed_and_whole(baker_fp32, options, chunk_frames)
    assert np.abs(streamed - whole).max() <= 1e-3


@pytest.mark.parametrize("chunk_frames", [4, 16, 50])
def test_mixed_precision_stream_differs_from_whole_only_by_bf16_rounding_not_at_seams(baker_synth, chunk_frames) -> None:
    """The default CPU vocoder computes in bf16 where the CPU does natively, and bf16 rounding
    depends on the lengths a pass runs at, so a stream matches the whole pass to rounding noise
    (SNR >= 35 dB; measured ~41 dB), spread evenly: no louder at the chunk joins (seams), or,
    where the two agree on most samples exactly (measured 80 dB SNR at 4-frame chunks), at
    least 60 dB below the speech there."""
    streamed, whole, joins = _streamed_and_whole(baker_synth, SynthesisOptions(), chunk_frames)
    assert snr_db(whole, streamed) >= 35
    error = streamed - whole
    near = np.concatenate([error[max(0, j - 300) : j + 300] for j in joins])  # a frame either side of each join
    rms = lambda wave: float(np.sqrt(np.mean(wave**2)))  # noqa: E731
    # no louder at the joins than elsewhere, or where most samples agree exactly, still 60 dB below the speech
    assert rms(near) <= max(2 * rms(error), 1e-3 * rms(whole)) + 1e-6


def _streamed_and_whole(synth, options: SynthesisOptions, chunk_frames: int) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Streamed and whole audio of TEXT, and the sample offsets where streamed chunks join."""
    whole = np.concatenate([c.samples for c in synth.synthesize(TEXT, options)])
    chunks = list(synth.synthesize(TEXT, options, chunk_frames=chunk_frames))
    streamed = np.concatenate([c.samples for c in chunks])
    assert len(chunks) >= 2  # at least one join (how many depends on the stream's pace)
    assert streamed.shape == whole.shape
    return streamed, whole, list(np.cumsum([len(c.samples) for c in chunks])[:-1])
