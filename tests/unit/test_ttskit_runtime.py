"""The ttskit runtime on a tiny random-weight pack in the real on-disk format.

Streamed audio is compared with a whole-clause reference computed independently (decoder
frames -> postnet over all frames -> keep ``end`` -> np.interp time resampling -> MelGAN.infer):
<= 1e-3 max abs is required, float rounding gives about 1e-6.
"""
from __future__ import annotations

import math
import threading
import time

import numpy as np
import pytest
import torch

from conftest import TINY_TTSKIT_SPEAKERS
from yuyin import SynthesisOptions, Synthesizer
from yuyin.config import OptionsError
from yuyin.engine.device import configure_threads, process_threads
from yuyin.engine.limiter import CEILING, limited
from yuyin.engine.tempo import level_gain
from yuyin.engine.ttskit_voice import LEVEL_CHANGE_BY_SPEED, TtskitVoice
from yuyin.frontend.ttskit import clause_sequences
from yuyin.models.tacotron2 import speaker_vectors
from yuyin.ssml import SSMLError

TEXT = "欢迎使用语音合成接口。"


@pytest.fixture(scope="module")
def synth(tiny_ttskit_pack) -> Synthesizer:
    return Synthesizer.load(tiny_ttskit_pack, device="cpu")


@pytest.fixture(scope="module")
def voice(synth) -> TtskitVoice:
    return synth._voice


def audio(synth: Synthesizer, text: str, options: SynthesisOptions | None = None, chunk_frames: int | None = None):
    chunks = list(synth.synthesize(text, options, chunk_frames=chunk_frames))
    return np.concatenate([c.samples for c in chunks]), chunks


def whole_clause_audio(voice: TtskitVoice, ids: list[int], speaker: str, seed: int, speed: float) -> np.ndarray:
    """The reference: decode, postnet over every decoded frame, keep ``end``, resample, vocode,
    then the speaker's gain and the one that keeps the level at this speed (peaks limited as in the voice)."""
    handle = voice.batcher.submit([ids], speaker_vectors([speaker])[0], seed)[0]
    handle.wait(10**9, timeout=60)
    with torch.no_grad():
        post = voice.acoustic.apply_postnet(handle.frames(0, handle.decoded)[None], torch.tensor([handle.decoded]))
        post = post[0, :, : handle.end].numpy()
        if speed != 1.0:
            kept = post.shape[1]
            positions = np.arange(math.floor((kept - 1) / speed + 1e-9) + 1) * speed
            post = np.stack([np.interp(positions, np.arange(kept), row) for row in post]).astype(np.float32)
        wave, _ = voice.vocoder.infer(torch.from_numpy(post)[None])
    gain = voice.gain([(speaker, 1.0)]) * level_gain(speed, LEVEL_CHANGE_BY_SPEED)
    return np.concatenate(list(limited([(wave[0].numpy(), True)], gain, voice.config.sample_rate)))


@pytest.mark.parametrize("speed", [1.0, 1.3, 0.7])
def test_streamed_equals_whole_clause(synth, voice, speed):
    ids = list(synth.frontend(TEXT)[0].ids)
    expected = whole_clause_audio(voice, ids, "biaobei", 1234, speed)
    options = SynthesisOptions(speed=speed)
    whole, chunks = audio(synth, TEXT, options)
    assert len(chunks) == 1 and whole.shape == expected.shape
    assert np.abs(whole - expected).max() <= 1e-3
    for chunk_frames in (1, 3, 8, 50):
        streamed, chunks = audio(synth, TEXT, options, chunk_frames)
        assert streamed.shape == expected.shape and np.abs(streamed - expected).max() <= 1e-3, chunk_frames
        assert len(chunks) > 1 or chunk_frames == 50


def test_unit_clauses_are_joined_with_half_the_sentence_pause(synth, voice):
    unit = synth.frontend("你好，世界。")[0]
    first, second = clause_sequences(unit.ids)
    expected = np.concatenate([
        whole_clause_audio(voice, first, "Aiqi", 5, 1.0),
        np.zeros(round(0.3 * 0.5 * 22050), np.float32),
        whole_clause_audio(voice, second, "Aiqi", 5, 1.0),
    ])  # fmt: skip
    got, _ = audio(synth, "你好，世界。", SynthesisOptions(speaker="Aiqi", seed=5))
    assert got.shape == expected.shape and np.abs(got - expected).max() <= 1e-3


def test_speaker_selection_and_errors(synth, voice):
    assert synth.speakers == TINY_TTSKIT_SPEAKERS and voice.usable_speakers == ("Aiqi", "biaobei")
    default, _ = audio(synth, "你好。")
    named, _ = audio(synth, "你好。", SynthesisOptions(speaker="biaobei"))
    other, _ = audio(synth, "你好。", SynthesisOptions(speaker="Aiqi"))
    assert np.array_equal(default, named) and not np.array_equal(default, other)
    with pytest.raises(OptionsError, match=r"speaker: unknown speaker 'Nobody'.*Aiqi, biaobei"):
        audio(synth, "你好。", SynthesisOptions(speaker="Nobody"))
    with pytest.raises(OptionsError, match="speaker: 'Xiaowei'.*unusable: the model never stops"):
        audio(synth, "你好。", SynthesisOptions(speaker="Xiaowei"))


@pytest.mark.parametrize("field, value", [("pitch", 1.2), ("pitch_shift", 0.5), ("energy", 0.8)])
def test_unsupported_controls_are_refused(synth, field, value):
    with pytest.raises(OptionsError, match=f"^{field}: .*no {field} control"):
        audio(synth, "你好。", SynthesisOptions(**{field: value}))


def test_volume_speed_and_seed(synth):
    base, _ = audio(synth, TEXT)
    quiet, _ = audio(synth, TEXT, SynthesisOptions(volume=0.5))
    quieter, _ = audio(synth, TEXT, SynthesisOptions(volume=0.25))
    loud, _ = audio(synth, TEXT, SynthesisOptions(volume=4.0))
    assert np.abs(quiet).max() < CEILING and np.abs(loud).max() <= CEILING + 1e-6  # linear below the limiter's ceiling
    np.testing.assert_allclose(quieter, quiet * 0.5, atol=1e-6)
    assert np.abs(base).max() <= CEILING + 1e-6
    fast, _ = audio(synth, TEXT, SynthesisOptions(speed=2.0))
    assert abs(len(fast) / len(base) - 0.5) < 0.05
    seeded, _ = audio(synth, TEXT, SynthesisOptions(seed=99))
    assert not np.array_equal(seeded[: len(base)], base[: len(seeded)])


def test_closing_the_stream_cancels_decoding(synth, voice):
    stream = synth.synthesize("今天天气真好，我们一起去公园散步吧！", chunk_frames=1)
    next(stream)
    stream.close()
    deadline = time.monotonic() + 5
    while voice.batcher.active and time.monotonic() < deadline:
        time.sleep(0.01)
    assert voice.batcher.active == 0


def test_concurrent_requests_match_sequential(synth):
    texts = ["你好。", TEXT, "今天天气真好，我们出去走走吧！", "谢谢！"]
    speakers = ["Aiqi", "biaobei", "Aiqi", "biaobei"]
    expected = [audio(synth, t, SynthesisOptions(speaker=s))[0] for t, s in zip(texts, speakers)]
    results: dict[int, np.ndarray] = {}

    def worker(i: int) -> None:
        results[i] = audio(synth, texts[i], SynthesisOptions(speaker=speakers[i]), chunk_frames=4)[0]

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for i, ref in enumerate(expected):
        assert results[i].shape == ref.shape and np.abs(results[i] - ref).max() <= 1e-3


def test_voice_list_marks_unusable(synth):
    from yuyin.cli import _speaker_list

    assert _speaker_list(synth.voice) == "Aiqi, Xiaowei (unusable), biaobei"


def test_onnx_and_torch_vocoders_agree(tiny_ttskit_pack):
    import onnxruntime  # noqa: F401  (the fast extra is part of the test setup)
    pack = tiny_ttskit_pack
    results = {}
    for backend in ("torch", "onnx"):
        synth = Synthesizer.load(pack, device="cpu", backend=backend)
        assert synth._voice.backend == backend
        results[backend] = audio(synth, TEXT, SynthesisOptions(speaker="Aiqi"), chunk_frames=8)[0]
    assert results["torch"].shape == results["onnx"].shape
    assert np.abs(results["torch"] - results["onnx"]).max() <= 1e-4


def test_int8_backend_is_refused_for_the_ttskit_voice(tiny_ttskit_pack):
    from yuyin.engine.device import DeviceError

    with pytest.raises(DeviceError, match="no int8 backend"):
        Synthesizer.load(tiny_ttskit_pack, device="cpu", backend="onnx-int8", warm_up=False)


def test_a_speaker_blend_decodes_with_the_mixed_speaker_vector(synth, voice, monkeypatch):
    submitted = []
    submit = voice.batcher.submit
    monkeypatch.setattr(voice.batcher, "submit", lambda clauses, speaker, seed: submitted.append(speaker)
                        or submit(clauses, speaker, seed))  # fmt: skip
    blend, _ = audio(synth, TEXT, SynthesisOptions(speaker="Aiqi(3)+biaobei(1)"))
    aiqi, biaobei = speaker_vectors(["Aiqi", "biaobei"])
    torch.testing.assert_close(submitted[0], 0.75 * aiqi + 0.25 * biaobei, atol=1e-7, rtol=0)
    assert not np.array_equal(blend, audio(synth, TEXT, SynthesisOptions(speaker="Aiqi"))[0])
    measured = []
    measure = voice._measured_gain
    monkeypatch.setattr(voice, "_measured_gain", lambda blend: measured.append(blend) or measure(blend))
    first = audio(synth, TEXT, SynthesisOptions(speaker="Aiqi+biaobei(2)"))[0]
    np.testing.assert_allclose(first, audio(synth, TEXT, SynthesisOptions(speaker="Aiqi+biaobei(2)"))[0], atol=1e-5)
    assert measured == [(("Aiqi", pytest.approx(1 / 3)), ("biaobei", pytest.approx(2 / 3)))]  # once, then kept
    one, _ = audio(synth, TEXT, SynthesisOptions(speaker="biaobei(3)"))
    assert np.array_equal(one, audio(synth, TEXT, SynthesisOptions(speaker="biaobei"))[0])  # a blend of one
    with pytest.raises(OptionsError, match=r"^speaker: weight of 'Aiqi' .* above 0"):
        audio(synth, TEXT, SynthesisOptions(speaker="Aiqi(0)+biaobei"))
    with pytest.raises(OptionsError, match=r"^speaker: 'Xiaowei' is unusable"):
        audio(synth, TEXT, SynthesisOptions(speaker="Aiqi+Xiaowei"))


def test_loading_the_voice_again_takes_no_more_threads(tiny_ttskit_pack):
    """The decode worker keeps one of the process's threads; a second load (or a second voice)
    must not take one more: each load used to lower torch's thread count by one again."""
    before = process_threads()
    try:
        Synthesizer.load(tiny_ttskit_pack, device="cpu", backend="torch", warm_up=False, threads=4)
        Synthesizer.load(tiny_ttskit_pack, device="cpu", backend="torch", warm_up=False)
        assert (process_threads(), torch.get_num_threads()) == (4, 3)  # was 2 after the second load
    finally:
        configure_threads(before)


def test_an_ssml_voice_may_be_a_speaker_blend(synth):
    blend, _ = audio(synth, TEXT, SynthesisOptions(speaker="Aiqi+biaobei"))
    ssml = f'<speak><voice name="Aiqi+biaobei">{TEXT}</voice></speak>'
    spoken = np.concatenate([c.samples for c in synth.synthesize_ssml(ssml)])
    np.testing.assert_allclose(spoken, blend, atol=1e-5)
    with pytest.raises(SSMLError, match=r"<voice name='Aiqi\+'> .* cannot read speaker blend"):
        list(synth.synthesize_ssml('<speak><voice name="Aiqi+">你好</voice></speak>'))


def test_ssml_a_voice_cannot_say_is_refused_before_any_audio(synth):
    """A control the voice lacks, in a tag late in a document, fails before its first chunk: a
    pitch names its tag and place (in the front end's view too), a style the control."""
    late = "今天天气很好。" * 20
    with pytest.raises(SSMLError, match=r"^<prosody> at line 1, column 148: pitch: this voice has no pitch control"):
        next(synth.synthesize_ssml(f'<speak>{late}<prosody pitch="high">你好</prosody></speak>'))
    with pytest.raises(SSMLError, match="this voice has no pitch control"):
        synth.frontend(f'<speak>{late}<prosody pitch="high">你好</prosody></speak>', ssml=True)
    chunks = synth.synthesize_ssml(f'<speak>{late}<emotion category="angry">你好</emotion></speak>')
    with pytest.raises(OptionsError, match="^style: "):
        next(chunks)


def test_ssml_emphasis_on_a_voice_without_pitch_or_energy_is_spoken(synth):
    """<emphasis> is a hint: ttskit, with no pitch or energy control, stresses by speed alone
    (see test_ssml; it was refused, blaming a pitch the document never asked for)."""
    chunks = synth.synthesize_ssml('<speak>你好<emphasis level="strong">世界</emphasis></speak>')
    assert sum(len(c.samples) for c in chunks if not c.is_silence) > 0


def test_ssml_naming_the_speaker_already_speaking_does_not_split_the_sentence(synth):
    document = '<speak>我们<voice name="biaobei">一定</voice>要去。</speak>'
    chunks = [c for c in synth.synthesize_ssml(document) if not c.is_silence]
    assert [c.text for c in chunks] == ["我们一定要去。"]
    assert [c.text for c in synth.synthesize_ssml('<speak>我们<voice name="Aiqi">一定</voice>要去。</speak>')
            if not c.is_silence] == ["我们", "一定", "要去。"]  # another speaker: its own piece  # fmt: skip
