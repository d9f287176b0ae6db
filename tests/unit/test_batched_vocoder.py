"""The vocoder batched across concurrent requests: every caller gets its batch-of-one samples (tiny voices).

Tolerance: 1e-4 absolute (float32; a batched convolution may sum in another order; the tiny
random voices' waveforms reach about 1.5). Batching is off on the CPU by default, so these tests switch it on explicitly.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from concurrently import run_concurrently
from yuyin import SynthesisOptions, Synthesizer
from yuyin.engine.baker_voice import BakerVoice
from yuyin.engine.batched_acoustic import BatchedAcoustic
from yuyin.engine.batched_vocoder import BatchedVocoder, buckets_for
from yuyin.engine.ttskit_voice import TtskitVoice

TEXTS = ("你好。", "今天天气真好，我们一起去公园散步吧！", "会议将于2025年6月18日上午9点在三楼会议室举行，请准时参加。")


def test_buckets_start_above_two_contexts_and_step_a_quarter_octave() -> None:
    assert buckets_for(24)[:6] == (56, 64, 80, 96, 112, 128) and buckets_for(24)[-1] == 1024
    assert buckets_for(7)[:3] == (16, 20, 24)


def test_concurrent_mels_batch_by_piece_length_and_equal_the_batch_of_one_pass(tiny_synth: Synthesizer) -> None:
    vocoder = tiny_synth._voice.vocoder
    batched = BatchedVocoder(vocoder, vocoder.cfg.hop_size, vocoder.receptive_field_frames + 2, max_batch_size=8,
                             max_wait_ms=300)  # fmt: skip
    lengths = (70, 100, 150, 150, 40, 1500)  # an exact 56-frame tail each, two of one bucket, short, windowed
    mels = [torch.randn(1, n, vocoder.cfg.n_mels, generator=torch.Generator().manual_seed(n + i))
            for i, n in enumerate(lengths)]  # fmt: skip
    with torch.inference_mode():
        alone = [vocoder(mel) for mel in mels]

    def vocode(i: int) -> torch.Tensor:
        with torch.inference_mode():
            return batched(mels[i], exact_end=i != 2)

    together = run_concurrently(vocode, list(range(len(mels))))
    assert max(batched.batch_sizes) > 1  # pieces of one length from concurrent calls ran together
    for i, (got, want) in enumerate(zip(together, alone)):
        assert got.shape == want.shape
        keep = want.shape[1] - (vocoder.receptive_field_frames * vocoder.cfg.hop_size if i == 2 else 0)
        torch.testing.assert_close(got[:, :keep], want[:, :keep], atol=1e-4, rtol=0)


def _audio(voice, text: str, options: SynthesisOptions, chunk_frames: int | None) -> np.ndarray:
    plan = voice.chunk_plan(chunk_frames) if chunk_frames else None
    with torch.inference_mode():
        return np.concatenate([piece for unit in voice.analyze(text) for piece in voice.stream(unit.ids, options, plan)])


@pytest.mark.parametrize("chunk_frames", [None, 16])
def test_a_batching_baker_voice_speaks_as_the_unbatched_one(tiny_pack, chunk_frames) -> None:
    plain = Synthesizer.load(tiny_pack, device="cpu", backend="torch", dtype="fp32", warm_up=False)._voice
    batched = BakerVoice(plain.config, plain.acoustic, plain.vocoder, plain.device, plain.dtype, max_batch_size=1,
                         vocoder_batch_size=8)  # as hybrid placement runs it: acoustic model alone, vocoder batched
    assert isinstance(batched._run_vocoder, BatchedVocoder) and not isinstance(batched._stages, BatchedAcoustic)
    batched._run_vocoder._batcher.max_wait_s = 0.1  # let concurrent pieces meet (the default: no wait)
    requests = [(text, SynthesisOptions(speed=speed)) for text in TEXTS for speed in (1.0, 1.3)]
    alone = [_audio(plain, text, options, chunk_frames) for text, options in requests]
    together = run_concurrently(lambda request: _audio(batched, *request, chunk_frames), requests)
    assert max(batched._run_vocoder.batch_sizes) > 1
    for got, want in zip(together, alone):
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, atol=1e-4)


def test_a_batching_ttskit_voice_speaks_as_the_unbatched_one(tiny_ttskit_pack) -> None:
    plain = Synthesizer.load(tiny_ttskit_pack, device="cpu", backend="torch", dtype="fp32", warm_up=False)._voice
    assert not isinstance(plain._run_vocoder, BatchedVocoder)  # off on the CPU by default
    batched = TtskitVoice(plain.config, plain.acoustic, plain.vocoder, plain.device, plain.dtype,
                          stop_rule=plain.batcher.rule, vocoder_batch_size=8)  # fmt: skip
    batched._run_vocoder._batcher.max_wait_s = 0.1  # let concurrent pieces meet (the default: no wait)
    options = SynthesisOptions(speaker=plain.config.speakers[0], seed=1)
    requests = [(text, options, chunk) for text in TEXTS[:2] for chunk in (None, 8)]
    alone = [_audio(plain, *request) for request in requests]
    together = run_concurrently(lambda request: _audio(batched, *request), requests)
    assert max(batched._run_vocoder.batch_sizes) > 1
    for got, want in zip(together, alone):
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, atol=1e-4)
