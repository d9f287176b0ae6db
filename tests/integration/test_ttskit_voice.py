"""The real ttskit voice through the engine: parity with the recorded original run, streaming,
speakers, stop rules and the CLI. The pack is pulled from PyPI (ttskit 0.3.8) on first use.

The reference sentence with the default seed decodes as the original (same prenet masks, same
200 frames; the attention bound never binds for biaobei), so the audio is the original's
vocoder output times the fixed output gain.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from yuyin import SynthesisOptions, Synthesizer
from yuyin.audio import speech_level_db
from yuyin.config import OptionsError
from yuyin.engine.ttskit_speakers import MEASURED_OUTPUT, TARGET_LEVEL_DB, speaker_gain
from yuyin.models.tacotron2 import speaker_vectors, vocoder_frame_counts
from yuyin.voices.store import ensure_voice

from voice_measures import f0_semitones

pytestmark = pytest.mark.voice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ttskit"
REFERENCE_TEXT = "欢迎使用语音合成接口。"


@pytest.fixture(scope="session")
def ttskit_dir() -> Path:
    return ensure_voice("ttskit", progress=print)


@pytest.fixture(scope="session")
def ttskit(ttskit_dir) -> Synthesizer:
    """Pure float32 (the default stores the CPU decoder's weights in fp16, tested below)."""
    return Synthesizer.load(ttskit_dir, device="cpu", dtype="fp32")


def samples(synth: Synthesizer, text: str, options: SynthesisOptions | None = None, chunk_frames=None):
    return np.concatenate([c.samples for c in synth.synthesize(text, options, chunk_frames=chunk_frames)])


def test_default_cpu_decoder_has_fp16_weights_and_stays_within_parity(ttskit_dir, ttskit):
    """dtype None packs the decoder's Linear/LSTMCell weights as fp16 (2.5x faster steps; same
    asr-check SER, see the issue note): on the reference sentence with the same prenet masks it
    stops within 2 frames of pure fp32 and its mel stays within the 5 % parity bound."""
    fast = Synthesizer.load(ttskit_dir, device="cpu")
    assert "quantized" in type(fast._voice.acoustic.decoder.attention_rnn).__module__
    assert "quantized" not in type(ttskit._voice.acoustic.decoder.attention_rnn).__module__
    ids = torch.from_numpy(np.load(FIXTURES / "text_ids.npy"))
    outs = []
    for synth in (ttskit, fast):
        with torch.inference_mode():
            outs.append(synth._voice.acoustic.infer(ids, torch.tensor([ids.size(1)]), speaker_vectors(["biaobei"]),
                                                    generator=[torch.Generator().manual_seed(1234)]))  # fmt: skip
    exact, packed = (int(vocoder_frame_counts(out)[0]) for out in outs)
    assert abs(exact - packed) <= 2
    n = min(exact, packed)
    a, b = (out.mel_postnet[..., :n] for out in outs)
    assert float((a - b).norm() / a.norm()) < 0.05


def test_reference_sentence_matches_the_original(ttskit):
    """Equal to the verified port run directly (Tacotron2.infer + MelGAN.infer, seed 1234), and
    to the recorded original within the AR loop's amplification of rounding (the recording was
    made with another torch build: 1.5 % rel L2 here, same 199 frames)."""
    voice = ttskit._voice
    got = samples(ttskit, REFERENCE_TEXT)
    ids = torch.from_numpy(np.load(FIXTURES / "text_ids.npy"))
    out = voice.acoustic.infer(ids, torch.tensor([ids.size(1)]), speaker_vectors(["biaobei"]),
                               generator=[torch.Generator().manual_seed(1234)])  # fmt: skip
    end = int(vocoder_frame_counts(out)[0])
    port, _ = voice.vocoder.infer(out.mel_postnet[:, :, :end])
    assert end == 199 and got.shape == (199 * 256,)
    assert np.abs(got - port[0].numpy() * speaker_gain("biaobei")).max() <= 1e-4
    recorded = np.load(FIXTURES / "audio_vocoder_float.npy") * speaker_gain("biaobei")
    assert np.linalg.norm(got - recorded) / np.linalg.norm(recorded) <= 0.05


@pytest.mark.parametrize("speed", [1.0, 1.25])
def test_streaming_equals_whole(ttskit, speed):
    text = "今天天气真好，我们一起去公园散步吧！"
    options = SynthesisOptions(speaker="Aiqi", speed=speed)
    whole = samples(ttskit, text, options)
    for chunk_frames in (4, 16, 40):
        streamed = samples(ttskit, text, options, chunk_frames)
        assert streamed.shape == whole.shape and np.abs(streamed - whole).max() <= 1e-3


def test_short_sentences_stop_for_every_usable_speaker(ttskit):
    voice = ttskit._voice
    for speaker in voice.usable_speakers:
        for text in ("你好。", "是。"):
            seconds = len(samples(ttskit, text, SynthesisOptions(speaker=speaker))) / ttskit.sample_rate
            assert 0.25 <= seconds <= 2.0, (speaker, text, seconds)


def test_attention_bound_stops_the_early_stop_of_short_sentences(ttskit):
    """Without the bound Xiaogang attends to the end at step 0 and stops after 0-4 frames on these."""
    voice = ttskit._voice
    clauses = [list(u.ids) for text in ("你好。", "对。", "没问题。") for u in ttskit.frontend(text)]
    for handle in voice.batcher.submit(clauses, speaker_vectors(["Xiaogang"])[0], 1234):
        handle.wait(10**9, timeout=120)
        assert handle.reason == "gate" and handle.end >= 2 * len(handle.ids), (handle.ids, handle.end)


def test_broken_speaker_is_refused(ttskit):
    with pytest.raises(OptionsError, match="unusable: the model never stops"):
        samples(ttskit, "你好。", SynthesisOptions(speaker="Xiaowei"))
    usable = ttskit._voice.usable_speakers
    assert len(usable) == 20 and not {"Xiaowei", "Yina", "Xiaomei", "Xiaogang"} & set(usable)


def test_cli_say_with_a_speaker(tmp_path):
    out = tmp_path / "x.wav"
    done = subprocess.run([sys.executable, "-m", "yuyin.cli", "say", "你好，世界。", "--voice", "ttskit",
                           "--speaker", "Aiqi", "-o", str(out)], check=False, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 20000
    bad = subprocess.run([sys.executable, "-m", "yuyin.cli", "say", "你好", "--voice", "ttskit",
                          "--speaker", "Nobody", "-o", str(out)], check=False, capture_output=True, text=True,
                         timeout=300)  # fmt: skip
    assert bad.returncode == 2 and "unknown speaker 'Nobody'" in bad.stderr


def test_onnx_melgan_with_2d_convs_equals_the_torch_vocoder(ttskit):
    voice = ttskit._voice
    assert voice.backend == "onnx"
    ids = torch.from_numpy(np.load(FIXTURES / "text_ids.npy"))
    with torch.inference_mode():
        out = voice.acoustic.infer(ids, torch.tensor([ids.size(1)]), speaker_vectors(["biaobei"]),
                                   generator=[torch.Generator().manual_seed(1234)])  # fmt: skip
        mel = out.mel_postnet[0, :, :150]
        expected = voice.vocoder(mel[None])[0, 0].numpy()
    got = voice.vocode(mel)
    assert got.shape == expected.shape == (150 * 256,)
    assert np.abs(got - expected).max() < 1e-4


LEVEL_TEXTS = ("您好，这里是客服中心，请问有什么可以帮您？", "前方五百米右转，进入辅路。", "他推开窗户，看见远处的山上还有积雪。")


def _level(synth: Synthesizer, **options) -> float:
    """Median speech level (dBFS) of LEVEL_TEXTS, sentences outside every measuring set."""
    return float(np.median([speech_level_db(samples(synth, text, SynthesisOptions(**options)), synth.sample_rate)
                            for text in LEVEL_TEXTS]))  # fmt: skip


@pytest.mark.parametrize("speed", [0.25, 2.5, 4.0])
def test_speech_keeps_its_level_at_every_speed(ttskit, speed):
    """A speaker outside the four that LEVEL_CHANGE_BY_SPEED averages. Without the gain the
    resampled speech was up to 5 dB quieter at 4x."""
    assert _level(ttskit, speaker="Aijing", speed=speed) == pytest.approx(_level(ttskit, speaker="Aijing"), abs=1.2)


def test_a_speaker_blend_speaks_between_its_speakers(ttskit):
    """Aiyu speaks ~2.5 semitones above Siyue (median f0 over LEVEL_TEXTS); their even blend lies
    between (measured on the 12-sentence set: 14.6 / 13.0 / 12.0), as loud as either."""
    def pitch(speaker: str) -> float:
        return float(np.median([np.median(f0_semitones(samples(ttskit, text, SynthesisOptions(speaker=speaker)),
                                                       ttskit.sample_rate)) for text in LEVEL_TEXTS]))  # fmt: skip

    high, low, blend = pitch("Aiyu"), pitch("Siyue"), pitch("Aiyu+Siyue")
    assert high - low > 1.5, (high, low)
    assert low + 0.3 < blend < high - 0.3, (low, blend, high)
    assert abs(_level(ttskit, speaker="Aiyu+Siyue") - _level(ttskit, speaker="Aiyu")) < 1.5


def test_every_speaker_speaks_at_the_baker_voices_level(ttskit, baker_synth):
    """On sentences outside the measuring set. Raw, the speakers span 22 dB, and matched by their
    peaks (as before) 9 dB: here Siyue was -14.0 and Aida -22.8 dBFS. A speaker whose loudest
    measured peak caps its gain well short of the target (Aida, by 2.1 dB) may stay below the others."""
    def capped(speaker: str) -> bool:  # its gain leaves it more than 1 dB short of the target
        return TARGET_LEVEL_DB - MEASURED_OUTPUT[speaker][0] - 20 * np.log10(speaker_gain(speaker)) > 1.0

    baker = _level(baker_synth)
    levels = {speaker: _level(ttskit, speaker=speaker) for speaker in ("Siyue", "Xiaoxue", "Aibao", "Aida", "Aijing", "biaobei")}
    free = {speaker: value for speaker, value in levels.items() if not capped(speaker)}
    assert capped("Aida") and len(free) == 5
    assert max(free.values()) - min(free.values()) < 2.5, levels  # measured 1.6 dB
    assert all(abs(value - baker) < 1.5 for value in free.values()), (baker, levels)  # measured <= 0.9 dB
    assert baker - 3.5 < levels["Aida"] < baker, (baker, levels)  # measured 3.2 dB below


def _log_spectra(audio: np.ndarray, size: int = 1024, hop: int = 256) -> np.ndarray:
    """[N] samples -> [frames, size // 2 + 1] log magnitude spectra in dB (Hann windows)."""
    frames = np.lib.stride_tricks.sliding_window_view(np.pad(audio, (0, size)), size)[::hop] * np.hanning(size)
    return 20 * np.log10(np.abs(np.fft.rfft(frames)) + 1e-5)


def test_a_seeded_request_decoded_beside_another_sounds_as_it_does_alone(ttskit):
    """Rows batched together share the decoder's matmuls, whose rounding the autoregressive decoder
    carries on: the waveform may drift in phase (20-30 dB SNR against the lone run for some seeds),
    but the speech is the same: log-spectral distance under 1 dB and at most one frame longer."""
    import threading

    text, other = "今天天气真好，我们一起去公园散步吧！", "会议将于2025年6月18日上午9点举行。"
    batcher = ttskit._voice.batcher
    for seed in (3, 7, 11):
        alone = samples(ttskit, text, SynthesisOptions(seed=seed))
        assert np.array_equal(alone, samples(ttskit, text, SynthesisOptions(seed=seed)))  # alone: reproducible
        batcher.max_rows_seen = 0
        results: dict[int, np.ndarray] = {}
        start = threading.Barrier(2)

        def speak(slot: int, said: str, options: SynthesisOptions) -> None:
            start.wait()
            results[slot] = samples(ttskit, said, options)

        threads = [threading.Thread(target=speak, args=(0, text, SynthesisOptions(seed=seed))),
                   threading.Thread(target=speak, args=(1, other, SynthesisOptions(speed=1.3)))]  # fmt: skip
        [thread.start() for thread in threads]
        [thread.join() for thread in threads]
        assert batcher.max_rows_seen >= 2  # the two were decoded in one batch
        batched = results[0]
        assert abs(len(batched) - len(alone)) <= 256  # a frame (hop 256 samples)
        n = min(len(batched), len(alone))
        distance = np.sqrt(((_log_spectra(batched[:n]) - _log_spectra(alone[:n])) ** 2).mean(axis=1)).mean()
        assert distance < 1.0, (seed, distance)
