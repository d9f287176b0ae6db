"""ttskit Tacotron2 / MelGAN with tiny random weights: shapes, batching, stopping, dropout sources.

Batched decoding equals one-by-one decoding to 1e-5 absolute (float32; only the BLAS blocking of
different batch sizes differs), for items of different lengths and different stop steps.
"""
from __future__ import annotations

import pytest
import torch
from torch import nn

from yuyin.models.melgan import MelGAN, MelGANConfig
from yuyin.models.tacotron2 import (
    Tacotron2,
    Tacotron2Config,
    Tacotron2Output,
    max_steps_guard,
    speaker_md5_vector,
    speaker_vectors,
    vocoder_frame_counts,
)

TOL = 1e-5
TINY = Tacotron2Config(
    n_symbols=30, symbols_embedding_dim=16, encoder_n_convolutions=2, encoder_kernel_size=5,
    encoder_embedding_dim=16, speaker_embedding_dim=8, n_mel_channels=10, prenet_dim=12,
    attention_rnn_dim=24, attention_dim=8, attention_location_n_filters=4, attention_location_kernel_size=7,
    decoder_rnn_dim=24, postnet_embedding_dim=12, postnet_kernel_size=5, postnet_n_convolutions=3,
    max_decoder_steps=40, gate_threshold=0.8, max_steps_per_symbol=2.0, max_steps_base=3,
)  # fmt: skip
TINY_GAN = MelGANConfig(
    n_mels=10, channels=(8, 6, 4), upsample_strides=(4, 2), upsample_kernels=(8, 4), upsample_paddings=(2, 1)
)
NAMES = ["biaobei", "Aiyue", "Xiaogang"]


def tiny_tacotron(gate_bias: float = -20.0, seed: int = 0) -> Tacotron2:
    torch.manual_seed(seed)
    model = Tacotron2(TINY)
    for bn in (m for m in model.modules() if isinstance(m, nn.BatchNorm1d)):
        bn.running_mean.uniform_(-0.3, 0.3)
        bn.running_var.uniform_(0.5, 1.5)
    with torch.no_grad():
        model.decoder.gate_layer.linear_layer.weight.zero_()
        model.decoder.gate_layer.linear_layer.bias.fill_(gate_bias)
    return model.eval()


def padded(items: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    lengths = torch.tensor([len(x) for x in items])
    ids = torch.full((len(items), int(lengths.max())), 7, dtype=torch.long)  # non-zero pad on purpose
    for i, x in enumerate(items):
        ids[i, : len(x)] = torch.tensor(x)
    return ids, lengths


ITEMS = [[3, 9, 4, 12, 5, 2, 1, 0], [11, 6, 2, 1, 0], [4, 4, 8, 20, 13, 2, 17, 3, 2, 1, 0]]


def assert_item_equal(batched: Tacotron2Output, b: int, single: Tacotron2Output) -> None:
    n = int(single.mel_lengths[0])
    assert int(batched.mel_lengths[b]) == n and bool(batched.stopped[b]) == bool(single.stopped[0])
    length = single.alignments.size(2)
    torch.testing.assert_close(batched.mel_postnet[b, :, :n], single.mel_postnet[0], atol=TOL, rtol=0)
    torch.testing.assert_close(batched.mel_decoder[b, :, :n], single.mel_decoder[0], atol=TOL, rtol=0)
    torch.testing.assert_close(batched.alignments[b, :n, :length], single.alignments[0], atol=TOL, rtol=0)
    torch.testing.assert_close(batched.gate_probs[b, :n], single.gate_probs[0], atol=TOL, rtol=0)
    assert bool((batched.mel_postnet[b, :, n:] == 0).all()) and bool((batched.alignments[b, :n, length:] == 0).all())


def test_shapes_and_speaker_vector():
    model = tiny_tacotron()
    ids, lengths = padded(ITEMS)
    out = model.infer(ids, lengths, speaker_vectors(NAMES), max_steps=torch.tensor([6, 9, 4]), prenet_dropout=False)
    assert out.mel_postnet.shape == (3, TINY.n_mel_channels, 9) and out.mel_decoder.shape == out.mel_postnet.shape
    assert out.alignments.shape == (3, 9, ids.size(1)) and out.gate_probs.shape == (3, 9)
    assert out.mel_lengths.tolist() == [6, 9, 4] and not out.stopped.any()
    memory = model.encode(ids, lengths, speaker_vectors(NAMES))
    assert memory.shape == (3, ids.size(1), TINY.memory_dim)
    vec = speaker_md5_vector("biaobei")  # md5 23b66961... -> (d - 7) / 10
    assert len(vec) == 32 and vec[:4] == [-0.5, -0.4, 0.4, -0.1]
    assert min(vec) >= -0.7 and max(vec) <= 0.8


def test_attention_ignores_padding():
    model = tiny_tacotron()
    ids, lengths = padded(ITEMS)
    out = model.infer(ids, lengths, speaker_vectors(NAMES), max_steps=5, prenet_dropout=False)
    for b, n in enumerate(lengths.tolist()):
        assert bool((out.alignments[b, :, n:] == 0).all())
        torch.testing.assert_close(out.alignments[b].sum(1), torch.ones(5), atol=1e-5, rtol=0)


def test_batched_equals_one_by_one_with_different_limits():
    model = tiny_tacotron()
    ids, lengths = padded(ITEMS)
    speakers, limits = speaker_vectors(NAMES), torch.tensor([7, 12, 3])
    batched = model.infer(ids, lengths, speakers, max_steps=limits, prenet_dropout=False)
    for b, item in enumerate(ITEMS):
        single = model.infer(torch.tensor([item]), torch.tensor([len(item)]), speakers[b : b + 1],
                             max_steps=int(limits[b]), prenet_dropout=False)  # fmt: skip
        assert_item_equal(batched, b, single)


def test_per_item_stop_leaves_the_rest_unchanged():
    """Gate reads one speaker-embedding unit: item 0's speaker fires at step 1, the others never."""
    model = tiny_tacotron()
    speakers = speaker_vectors(NAMES)
    spk = model.speaker_embedding(speakers).detach()  # [3, S]
    # A unit where item 0 is above (sign +1) or below (sign -1) both others, by the widest gap.
    gaps = torch.stack([spk[0] - spk[1:].max(0).values, spk[1:].min(0).values - spk[0]])  # [2, S]
    sign_index, unit = divmod(int(torch.argmax(gaps)), spk.size(1))
    assert gaps[sign_index, unit] > 0.01
    sign = 1.0 if sign_index == 0 else -1.0
    threshold = float(spk[0, unit]) - sign * float(gaps[sign_index, unit]) / 2
    gate = model.decoder.gate_layer.linear_layer
    with torch.no_grad():  # logit = 1000 * sign * (s_unit - threshold); context's speaker part = s
        gate.weight[0, TINY.decoder_rnn_dim + TINY.encoder_embedding_dim + unit] = 1000.0 * sign
        gate.bias.fill_(-1000.0 * sign * threshold)
    ids, lengths = padded(ITEMS)
    batched = model.infer(ids, lengths, speakers, max_steps=torch.tensor([10, 10, 8]), prenet_dropout=False)
    assert batched.mel_lengths.tolist() == [1, 10, 8] and batched.stopped.tolist() == [True, False, False]
    assert bool((batched.mel_decoder[0, :, 1:] == 0).all())
    for b, limit in ((1, 10), (2, 8)):
        single = model.infer(torch.tensor([ITEMS[b]]), torch.tensor([len(ITEMS[b])]), speakers[b : b + 1],
                             max_steps=limit, prenet_dropout=False)  # fmt: skip
        assert_item_equal(batched, b, single)


def test_per_item_generators_make_dropout_batch_invariant():
    model = tiny_tacotron()
    ids, lengths = padded(ITEMS)
    speakers = speaker_vectors(NAMES)
    gens = [torch.Generator().manual_seed(100 + b) for b in range(3)]
    batched = model.infer(ids, lengths, speakers, max_steps=torch.tensor([5, 8, 6]), generator=gens, prenet_dropout=True)
    for b, item in enumerate(ITEMS):
        single = model.infer(torch.tensor([item]), torch.tensor([len(item)]), speakers[b : b + 1],
                             max_steps=[5, 8, 6][b], generator=torch.Generator().manual_seed(100 + b),
                             prenet_dropout=True)  # fmt: skip
        assert_item_equal(batched, b, single)


def test_dropout_sources():
    model = tiny_tacotron()
    ids, lengths = torch.tensor([ITEMS[0]]), torch.tensor([len(ITEMS[0])])
    spk = speaker_vectors(["biaobei"])

    def run(**kw):
        return model.infer(ids, lengths, spk, max_steps=6, **kw).mel_postnet

    off = run(prenet_dropout=False)
    ones = torch.ones(1, 6, TINY.prenet_n_layers, TINY.prenet_dim)
    torch.testing.assert_close(run(prenet_masks=ones), off, atol=0, rtol=0)  # masks of 1 = no dropout
    seeded = run(generator=torch.Generator().manual_seed(5), prenet_dropout=True)
    torch.testing.assert_close(run(generator=torch.Generator().manual_seed(5), prenet_dropout=True), seeded)
    assert not torch.equal(seeded, off)
    assert not torch.equal(seeded, run(generator=torch.Generator().manual_seed(6), prenet_dropout=True))
    # The generator draws exactly the masks one would inject (bernoulli_(keep) / keep, layer by layer).
    gen = torch.Generator().manual_seed(5)
    masks = torch.stack([torch.stack([torch.empty(1, TINY.prenet_dim).bernoulli_(0.5, generator=gen).div_(0.5)[0]
                                      for _ in range(TINY.prenet_n_layers)]) for _ in range(6)])[None]  # fmt: skip
    torch.testing.assert_close(run(prenet_masks=masks), seeded, atol=0, rtol=0)
    with pytest.raises(ValueError, match="injected prenet masks"):
        run(prenet_masks=masks[:, :3])


def test_max_steps_guard_stops_a_model_that_never_fires_its_gate():
    model = tiny_tacotron(gate_bias=-1e4)
    short, long = [3, 4, 2, 1, 0], list(range(2, 25)) + [1, 0]
    ids, lengths = padded([short, long])
    out = model.infer(ids, lengths, speaker_vectors(["Xiaowei", "Yina"]), prenet_dropout=False)
    expected = [min(40, 2 * 5 + 3), min(40, 2 * 25 + 3)]
    assert out.mel_lengths.tolist() == expected == [13, 40]
    assert not out.stopped.any()
    assert model.max_steps_for(lengths).tolist() == expected
    assert [max_steps_guard(n, TINY) for n in (5, 25)] == expected


def test_gate_that_fires_at_once_stops_after_one_frame():
    model = tiny_tacotron(gate_bias=1e4)
    ids, lengths = padded(ITEMS)
    out = model.infer(ids, lengths, speaker_vectors(NAMES), prenet_dropout=False)
    assert out.mel_lengths.tolist() == [1, 1, 1] and out.stopped.all() and out.mel_postnet.size(2) == 1


def test_vocoder_frame_counts_follow_the_sdk_trim():
    def output(gates: list[float]) -> Tacotron2Output:
        g = torch.tensor([gates])
        n = g.size(1)
        zeros = torch.zeros(1, 2, n)
        return Tacotron2Output(zeros, zeros, g, torch.zeros(1, n, 3), torch.tensor([n]), torch.tensor([True]))

    assert vocoder_frame_counts(output([0.1, 0.2, 0.3, 0.9])).tolist() == [3]  # stop frame dropped
    assert vocoder_frame_counts(output([0.1, 0.5, 0.3, 0.2])).tolist() == [1]  # never fired: argmax
    assert vocoder_frame_counts(output([0.9, 0.5, 0.3])).tolist() == [3]  # fired at 0, argmax 0: all frames
    assert vocoder_frame_counts(output([0.5, 0.1, 0.3])).tolist() == [3]  # never fired, argmax 0: all


def test_default_configs_match_checkpoint_names():
    with torch.device("meta"):
        taco, gan = Tacotron2().state_dict(), MelGAN().state_dict()
    assert len(taco) == 86 and len(gan) == 84
    assert taco["decoder.attention_rnn.weight_ih"].shape == (2048, 416)
    assert taco["decoder.attention_layer.memory_layer.linear_layer.weight"].shape == (64, 288)
    assert "decoder.attention_layer.v.linear_layer.bias" not in taco
    assert gan["generator.3.weight"].shape == (512, 256, 16)  # ConvTranspose1d: [in, out, k]
    assert gan["generator.13.blocks.2.2.weight"].shape == (32, 32, 3)
    assert gan["generator.16.weight"].shape == (1, 32, 7) and "generator.4.shortcuts.2.bias" in gan
    assert MelGANConfig().hop_size == 256


def tiny_melgan() -> MelGAN:
    torch.manual_seed(1)
    return MelGAN(TINY_GAN).eval()


def test_melgan_shapes_and_tail_handling():
    gan = tiny_melgan()
    mel = torch.randn(2, 10, 7) - 4
    assert gan(mel).shape == (2, 1, 7 * 8)
    audio, lengths = gan.infer(mel)
    assert audio.shape == (2, 56) and lengths.tolist() == [56, 56]
    tail = torch.full((1, 10, 10), TINY_GAN.tail_value)
    full = gan(torch.cat([mel[:1], tail], dim=2))[0, 0, :56]
    torch.testing.assert_close(audio[0], full, atol=TOL, rtol=0)
    quantized, _ = gan.infer(mel, quantize=True)
    assert torch.equal(quantized * 32768, torch.trunc(quantized * 32768))
    assert (quantized - audio).abs().max() <= 1 / 32768


@pytest.mark.parametrize("config", [MelGANConfig(), TINY_GAN, MelGANConfig(
    n_mels=10, channels=(8, 6, 4), upsample_strides=(2, 2), upsample_kernels=(4, 4), upsample_paddings=(1, 1),
    res_dilations=(1, 3, 9, 27))])  # the residual stacks' reflect paddings decide, not the input conv's
def test_melgan_min_frames_is_the_fewest_it_accepts(config):
    gan = MelGAN(config).eval()
    with torch.no_grad():
        assert gan(torch.zeros(1, config.n_mels, gan.min_frames)).shape[2] == gan.min_frames * config.hop_size
        with pytest.raises(RuntimeError):
            gan(torch.zeros(1, config.n_mels, gan.min_frames - 1))


def test_melgan_batched_equals_one_by_one():
    gan = tiny_melgan()
    mels = [torch.randn(1, 10, n) - 4 for n in (9, 4, 6)]
    batch = torch.zeros(3, 10, 9)
    for b, m in enumerate(mels):
        batch[b, :, : m.size(2)] = m
    audio, lengths = gan.infer(batch, torch.tensor([9, 4, 6]))
    assert lengths.tolist() == [72, 32, 48]
    for b, m in enumerate(mels):
        single, _ = gan.infer(m)
        n = m.size(2) * 8
        torch.testing.assert_close(audio[b, :n], single[0], atol=TOL, rtol=0)
        assert bool((audio[b, n:] == 0).all())
