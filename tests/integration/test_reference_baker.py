"""Reference-audio prosody on the REAL baker voice: clips with known prosody give matching controls.

Reference clips are the voice's own speech rendered with known controls, on sentences that are
not the calibration sentences, compared with a neutral clip of the same sentence (the content of
a sentence moves its measured pitch range and energy, so each test compares like with like).
"""
from __future__ import annotations

import functools
import io

import numpy as np
import pytest
import soundfile

from yuyin import SynthesisOptions
from yuyin.engine.reference import CALIBRATION_SENTENCES, ReferenceAudioError, TranscriptMismatch, measure

pytestmark = pytest.mark.voice

SENTENCES = ("欢迎使用语音合成服务，祝您生活愉快，我们明天再见。", "他说明天下午三点在图书馆门口等我，不见不散。")


def clip(synth, text: str, fmt: str = "WAV", **options) -> bytes:
    samples = np.concatenate([c.samples for c in synth.synthesize(text, SynthesisOptions(**options))])
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, synth.sample_rate, format=fmt)
    return buffer.getvalue()


@functools.lru_cache(maxsize=None)
def _controls(synth, text: str, transcript: bool, options: tuple) -> dict[str, float]:
    data = clip(synth, text, **dict(options))
    return synth.reference_prosody(data, transcript=text if transcript else None).controls


def controls(synth, text: str, transcript: bool = True, **options) -> dict[str, float]:
    return _controls(synth, text, transcript, tuple(sorted(options.items())))


def test_calibration_sentences_are_not_the_test_sentences() -> None:
    assert not set(SENTENCES) & set(CALIBRATION_SENTENCES)


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("option, value, control, least", [
    ("speed", 1.4, "speed", 1.25), ("speed", 0.75, "speed", 0.85),  # ratio to the neutral clip's
    ("pitch_shift", 0.5, "pitch_shift", 0.3), ("pitch_shift", -0.5, "pitch_shift", -0.3),  # difference
    ("pitch", 1.5, "pitch", 0.25), ("pitch", 0.5, "pitch", -0.25),
    ("energy", 1.8, "energy", 0.3), ("energy", 0.4, "energy", -0.3),
])  # fmt: skip
def test_a_clip_with_known_prosody_gives_that_control(baker_synth, text, option, value, control, least) -> None:
    neutral, changed = controls(baker_synth, text), controls(baker_synth, text, **{option: value})
    moved = changed[control] / neutral[control] if control == "speed" else changed[control] - neutral[control]
    if (control == "speed" and value > 1) or (control != "speed" and least > 0):
        assert moved >= least, (neutral, changed)
    else:
        assert moved <= least, (neutral, changed)


def test_without_a_transcript_the_rate_is_estimated_in_the_right_order(baker_synth) -> None:
    text = SENTENCES[0]
    slow, neutral, fast = (controls(baker_synth, text, transcript=False, speed=s)["speed"] for s in (0.75, 1.0, 1.4))
    assert slow < neutral < fast
    assert 0.6 < slow < 1.0 < fast < 1.8


def test_mp3_and_flac_clips_measure_like_wav(baker_synth) -> None:
    text = SENTENCES[1]
    wav = baker_synth.reference_prosody(clip(baker_synth, text, pitch_shift=0.4), transcript=text).controls
    for fmt in ("MP3", "FLAC"):
        other = baker_synth.reference_prosody(clip(baker_synth, text, fmt, pitch_shift=0.4), transcript=text).controls
        assert other.keys() == wav.keys()
        assert all(abs(other[name] - wav[name]) < 0.12 for name in wav), (fmt, wav, other)


def test_applied_controls_make_the_voice_speak_like_the_clip(baker_synth) -> None:
    """A high, fast reference clip: the voice then speaks a different text higher and faster."""
    reference = baker_synth.reference_prosody(clip(baker_synth, SENTENCES[0], speed=1.35, pitch_shift=0.5),
                                              transcript=SENTENCES[0])  # fmt: skip
    text = "这本书讲的是一个年轻人离开家乡、到大城市打拼的故事。"
    units = baker_synth.frontend(text)
    syllables = sum(len(unit.pinyin) for unit in units)

    def profile(options: SynthesisOptions):
        samples = np.concatenate([c.samples for c in baker_synth.synthesize(text, options)])
        return measure(samples, baker_synth.sample_rate, syllables)

    plain, styled = profile(SynthesisOptions()), profile(reference.apply(SynthesisOptions()))
    assert styled.f0_level > plain.f0_level + 1.0  # semitones
    assert styled.rate > plain.rate * 1.15


def test_explicit_options_win_over_the_reference(baker_synth) -> None:
    reference = baker_synth.reference_prosody(clip(baker_synth, SENTENCES[0], speed=1.4), transcript=SENTENCES[0])
    options = reference.apply(SynthesisOptions(speed=0.9, volume=0.5), keep=frozenset({"speed"}))
    assert options.speed == 0.9 and options.volume == 0.5 and options.pitch_shift == reference.controls["pitch_shift"]


def test_a_clip_without_speech_or_a_missing_file_is_a_clear_error(baker_synth, tmp_path) -> None:
    noise = np.random.default_rng(0).normal(0, 0.001, 24000 * 2).astype(np.float32)
    buffer = io.BytesIO()
    soundfile.write(buffer, noise, 24000, format="WAV")
    with pytest.raises(ReferenceAudioError, match="voiced speech"):
        baker_synth.reference_prosody(buffer.getvalue())
    with pytest.raises(ReferenceAudioError, match="cannot read"):
        baker_synth.reference_prosody(tmp_path / "missing.wav")


def test_a_transcript_that_cannot_be_the_clips_is_refused(baker_synth) -> None:
    data = clip(baker_synth, SENTENCES[0])
    for transcript in ("你好", SENTENCES[0] * 6):  # 0.6 and 20+ syllables per second of speech
        with pytest.raises(TranscriptMismatch, match="not seem to be what the clip says"):
            baker_synth.reference_prosody(data, transcript=transcript)
    assert baker_synth.reference_prosody(data, transcript=SENTENCES[0]).measured.rate == pytest.approx(4.5, abs=2.0)
