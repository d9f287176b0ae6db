"""Reference-clip analysis pieces with exact expectations: nuclei, the control mapping, decoding."""
from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile

from yuyin.config import SynthesisOptions
from yuyin.audio import AudioEncoder
from yuyin.engine.reference import (MAX_CLIP_BYTES, MAX_CLIP_SECONDS, Calibration, ProsodyProfile, ReferenceAudioError,
                                    ReferenceProsody, decode_clip, measure, read_clip, syllable_nuclei)  # fmt: skip


def profile(**changes) -> ProsodyProfile:
    values = dict(f0_level=16.0, f0_range=10.0, rate=5.0, energy_range=12.0, speech_seconds=3.0, duration=4.0)
    return ProsodyProfile(**{**values, **changes})


CALIBRATION = Calibration(
    baseline=profile(),
    slopes={"speed": 0.9, "pitch": 0.6, "pitch_shift": 3.5, "energy": 2.8},
    estimated_baseline=profile(rate=5.5, syllables_estimated=True),
    estimated_speed_slope=0.6,
)


def test_syllable_nuclei_need_a_dip_between_peaks() -> None:
    #            0   1   2   3   4   5   6   7   8   9  10  11
    db = np.array([50, 60, 70, 69.5, 70.2, 60, 58, 66, 65.5, 66, 40, 40], float)
    voiced = np.ones(len(db), bool)
    # 2 and 4 are one nucleus (0.5 dB dip; the louder, 4, is kept); 7 and 9 likewise (9 is not louder)
    assert syllable_nuclei(db, voiced) == [4, 7]
    voiced[4] = False  # an unvoiced peak is no nucleus
    assert syllable_nuclei(db, voiced) == [2, 7]


def test_controls_invert_the_measured_response() -> None:
    measured = profile(f0_level=17.75, f0_range=12.0, rate=5.9, energy_range=14.8)
    controls = CALIBRATION.controls_for(measured)
    assert controls == {"speed": 1.2, "pitch": 1.333, "pitch_shift": 0.5, "energy": 2.0}


def test_controls_are_bounded_and_skip_unresponsive_ones() -> None:
    calibration = Calibration(profile(), {"pitch_shift": 3.5, "energy": 0.0}, profile(), 0.6)
    controls = calibration.controls_for(profile(f0_level=0.0, energy_range=30.0))
    assert controls == {"pitch_shift": -1.5}  # clamped; energy has no measurable response


def test_estimated_rates_use_the_estimator_calibration() -> None:
    estimated = profile(rate=6.16, syllables_estimated=True)  # 5.5 * (1 + 0.6 * 0.2)
    assert CALIBRATION.controls_for(estimated)["speed"] == 1.2
    assert CALIBRATION.controls_for(profile(rate=6.16))["speed"] == pytest.approx(1.258, abs=1e-3)
    # the baseline reported beside an estimated rate is the one it was compared with (yuyin prosody)
    assert CALIBRATION.baseline_for(estimated).rate == 5.5 and CALIBRATION.baseline_for(profile()).rate == 5.0


def test_apply_keeps_explicit_fields() -> None:
    reference = ReferenceProsody(profile(), profile(), {"speed": 1.3, "pitch_shift": 0.4})
    options = reference.apply(SynthesisOptions(speed=0.9, volume=2.0), keep=frozenset({"speed"}))
    assert (options.speed, options.pitch_shift, options.volume) == (0.9, 0.4, 2.0)


def wav(samples: np.ndarray, rate: int, fmt: str = "WAV", subtype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def test_decode_mixes_stereo_to_mono_at_the_clip_rate() -> None:
    stereo = np.stack([np.full(800, 0.5), np.full(800, -0.25)], axis=1).astype(np.float32)
    samples, rate = decode_clip(wav(stereo, 8000, "FLAC"))
    assert rate == 8000 and samples.shape == (800,) and np.allclose(samples, 0.125, atol=1e-4)


@pytest.mark.parametrize(("damage", "message"), [
    (lambda tone: np.where(np.arange(len(tone)) % 997 == 0, np.nan, tone), "has 9 samples that are not numbers"),
    (lambda tone: np.where(np.arange(len(tone)) == 5, np.inf, tone), "has 1 samples that are not numbers"),
    (lambda tone: tone * 1e-20, "is silent"),
])  # fmt: skip
def test_a_clip_of_broken_numbers_or_silence_is_named_for_what_it_is(damage, message: str) -> None:
    """Not "too little voiced speech" (NaN and infinity), nor a profile measured from nothing (1e-20)."""
    tone = (0.3 * np.sin(np.arange(8000) / 5)).astype(np.float32)
    with pytest.raises(ReferenceAudioError, match=message):
        decode_clip(wav(damage(tone).astype(np.float32), 8000, subtype="FLOAT"))


def test_decode_reads_a_streamed_flac_whose_header_gives_no_length() -> None:
    """The server's own streamed FLAC (no sample count in its header: soundfile says 2**63 - 1
    frames) decodes to its samples; one past the length limit is refused as too long."""
    rate = 8000
    tone = (0.3 * np.sin(np.arange(rate * 3) / 5)).astype(np.float32)
    encoder = AudioEncoder("flac", rate, streaming=True)
    streamed = encoder.encode(tone) + encoder.finish()
    samples, decoded_rate = decode_clip(streamed)
    assert decoded_rate == rate and samples.shape == tone.shape
    assert np.max(np.abs(samples - tone)) < 1e-3
    stereo = _without_length(wav(np.stack([tone, 0.5 * tone], axis=1), rate, "FLAC"))  # as a pipe leaves it
    samples, _ = decode_clip(stereo)
    assert samples.shape == tone.shape and np.max(np.abs(samples - 0.75 * tone)) < 1e-3  # the channels' mean
    too_long = np.zeros(int(MAX_CLIP_SECONDS * rate) + rate, np.float32)
    encoder = AudioEncoder("flac", rate, streaming=True)
    with pytest.raises(ReferenceAudioError, match="longer than that; the limit is 30 s") as caught:
        decode_clip(encoder.encode(too_long) + encoder.finish())
    assert caught.value.status == 413


def _without_length(flac: bytes) -> bytes:
    """flac with its STREAMINFO's sample count 0, "unknown", as a FLAC written to a pipe has it
    (the 36 bits after sample rate, channels and bits per sample: bytes 18-26 of the file)."""
    data = bytearray(flac)
    packed = int.from_bytes(data[18:26], "big") & ~((1 << 36) - 1)
    data[18:26] = packed.to_bytes(8, "big")
    return bytes(data)


@pytest.mark.parametrize("data, status, words", [
    (b"", 422, "empty"),
    (b"\x00" * 100, 422, "could not be decoded"),
    (b"x" * (MAX_CLIP_BYTES + 1), 413, "the limit is"),
])  # fmt: skip
def test_unusable_bytes_are_refused(data: bytes, status: int, words: str) -> None:
    with pytest.raises(ReferenceAudioError, match=words) as caught:
        decode_clip(data)
    assert caught.value.status == status


@pytest.mark.parametrize("rate", [16000, 44100, 8000])  # the analysis rate, and resampled down or up to it
def test_measure_finds_a_tone_glide_and_refuses_silence(rate: int) -> None:
    t = np.arange(int(rate * 2.0)) / rate
    f0 = 200 * 2 ** (t / 2.0)  # one octave up over 2 s: level ~ 12 * log2(2 * 2**0.5) st, range 0.8 * 12 st
    tone = 0.3 * np.sin(2 * np.pi * np.cumsum(f0) / rate)
    measured = measure(tone, rate, syllables=10)
    assert measured.f0_level == pytest.approx(12 * np.log2(200 * 2**0.5 / 100), abs=0.3)
    assert measured.f0_range == pytest.approx(0.8 * 12, abs=0.5)
    assert measured.rate == pytest.approx(10 / measured.speech_seconds) and 1.8 < measured.speech_seconds <= 2.0
    with pytest.raises(ReferenceAudioError, match="voiced speech"):
        measure(np.zeros(rate * 2), rate)
    for samples in (0, 200, 1000):  # shorter than Praat's analysis windows (PraatError before)
        with pytest.raises(ReferenceAudioError, match="voiced speech"):
            measure(tone[:samples], rate)


def test_a_steady_tone_or_a_sound_without_syllable_beats_is_not_speech() -> None:
    """A 200 Hz sine measured as 0.34 syllables a second and pinned every control at its bound."""
    rate = 16000
    t = np.arange(rate * 3) / rate
    with pytest.raises(ReferenceAudioError, match=r"does not sound like speech: its pitch holds within 0.0\d semitones"):
        measure(0.3 * np.sin(2 * np.pi * 200 * t), rate)
    glide = 0.3 * np.sin(2 * np.pi * np.cumsum(200 * 2 ** (t / 3)) / rate)  # an octave, never a beat
    with pytest.raises(ReferenceAudioError, match=r"does not sound like speech: 0\.\d\d syllable beats a second, where "
                                                  r"speech has at least 1"):  # fmt: skip
        measure(glide, rate)
    assert measure(glide, rate, syllables=12).rate == pytest.approx(12 / 3, rel=0.05)  # a transcript counts them


def test_read_clip_errors_name_the_file(tmp_path) -> None:
    with pytest.raises(ReferenceAudioError, match="cannot read reference clip .*missing.wav"):
        read_clip(tmp_path / "missing.wav")
    (tmp_path / "clip.wav").write_bytes(b"RIFF")
    assert read_clip(str(tmp_path / "clip.wav")) == b"RIFF"


def test_a_missing_analysis_module_is_named_with_the_extra_that_brings_it(monkeypatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None if name == "soxr" else real(name, *args))
    with pytest.raises(ReferenceAudioError, match=r"needs soxr: pip install 'yuyin\[reference\]'") as caught:
        measure(np.zeros(16000, np.float32), 16000)
    assert caught.value.status == 501
