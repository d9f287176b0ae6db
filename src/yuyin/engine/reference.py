"""Reference-audio prosody: measure a recorded clip and turn it into synthesis controls.

A clip (WAV, FLAC, OGG or MP3, any rate, mono or stereo) is measured with Praat's algorithms
through ``parselmouth`` (the ``reference`` extra):

- f0 level: median f0 of voiced frames, semitones re 100 Hz; f0 range: its 10-90 % spread;
- rate: syllables per second of speech. The speech time counts frames within ``SPEECH_FLOOR_DB``
  of the clip's loud frames, so pauses do not make a clip "slow". The syllables are counted from
  the clip's transcript when one is given, else estimated as syllable nuclei (voiced intensity
  peaks at least ``NUCLEUS_DIP_DB`` above the dips beside them; on the baker voice's own speech
  this finds 84-111 % of the syllables, fewer the faster the speech, which the calibration
  below accounts for);
- energy range: 10-90 % spread of the voiced frames' intensity in dB (loudness itself depends on
  the microphone and is not copied).

:class:`Calibration` measures the voice's own output the same way, once at neutral controls and
once per control with a known offset, so each measured difference maps to a control value
through the voice's measured response (e.g. semitones per unit of ``pitch_shift``). Errors of the
analysis largely cancel because both sides are measured alike.
"""
from __future__ import annotations

import importlib.util
import io
from dataclasses import asdict, dataclass
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
import soundfile

from yuyin.audio import resample
from yuyin.config import OPTION_RANGES, SynthesisOptions

if TYPE_CHECKING:
    from yuyin.engine.synthesizer import Synthesizer

MAX_CLIP_BYTES = 10 * 1024 * 1024
MAX_CLIP_SECONDS = 30.0
MIN_SPEECH_SECONDS = 0.5
ANALYSIS_RATE = 16000
FRAME_SECONDS = 0.01
F0_FLOOR, F0_CEILING = 60.0, 600.0
SPEECH_FLOOR_DB = 25.0  # frames quieter than the clip's 95th percentile minus this are pauses
NUCLEUS_DIP_DB = 1.0
# Least 10-90 % spread of a clip's f0 that is speech (even flat reading moves over 2-3 semitones;
# a held tone or hum moves under 0.1)
MIN_F0_RANGE = 0.5
CONTROLS = ("speed", "pitch", "pitch_shift", "energy")
# Controls chosen from a clip stay inside these bounds (narrower than OPTION_RANGES: beyond them
# the baker voice's pitch saturates and its speech degrades).
REFERENCE_BOUNDS = {"speed": (0.5, 2.0), "pitch": (0.3, 2.0), "pitch_shift": (-1.5, 1.0), "energy": (0.3, 2.0)}
CALIBRATION_SENTENCES = ("今天天气真好，我们一起去公园散步吧。", "请问去火车站应该怎么走？",
                         "这本书讲的是一个年轻人离开家乡、到大城市打拼的故事。",
                         "春天来了，公园里的花都开了，孩子们在草地上快乐地奔跑。",
                         "我们明天上午九点在会议室开会，请大家准时参加。")  # fmt: skip
# Probe of each control: the value at which the voice's response is measured (linear in between).
CALIBRATION_PROBES = {"pitch_shift": 0.5, "pitch": 1.5, "energy": 1.5, "speed": 1.4}


class ReferenceAudioError(ValueError):
    """The clip cannot be used: undecodable, too large, too long, or without speech."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


class TranscriptMismatch(ValueError):
    """A clip's transcript gives a speaking rate no speaker has: it is not what the clip says."""


# Syllables per second of speech that a transcript may imply (Mandarin is spoken at about 3-7;
# pauses do not count): outside them the transcript does not belong to the clip.
PLAUSIBLE_RATE = (1.0, 12.0)


def check_transcript(profile: "ProsodyProfile", syllables: int) -> None:
    """Raise TranscriptMismatch where the transcript's syllables over the clip's speech time
    fall outside PLAUSIBLE_RATE."""
    low, high = PLAUSIBLE_RATE
    if not low <= profile.rate <= high:
        raise TranscriptMismatch(f"{syllables} syllables in {profile.speech_seconds:.1f} s of speech would be "
                                 f"{profile.rate:.1f} per second (speech has {low:g}-{high:g}): the transcript "
                                 "does not seem to be what the clip says")  # fmt: skip


@dataclass(frozen=True)
class ProsodyProfile:
    """What was measured on one clip (see the module doc for the definitions)."""

    f0_level: float  # semitones re 100 Hz
    f0_range: float  # semitones
    rate: float  # syllables per second of speech
    energy_range: float  # dB
    speech_seconds: float
    duration: float
    syllables_estimated: bool = False  # counted as syllable nuclei (no transcript given)

    def as_dict(self) -> dict[str, float | bool]:
        return {name: value if isinstance(value, bool) else round(value, 3) for name, value in asdict(self).items()}


UNKNOWN_LENGTH = 1 << 62  # frame counts from here up are a header's "length unknown"


SILENT_PEAK = 1e-4  # -80 dBFS: a clip whose loudest sample is below holds no speech to measure


def decode_clip(data: bytes) -> tuple[np.ndarray, int]:
    """Encoded audio bytes -> (mono samples [N] float32, sample rate); ReferenceAudioError if
    unusable: not decodable, too long, silent, or holding samples that are no numbers (a float
    WAV's NaN or infinity)."""
    samples, rate = _decoded(data)
    broken = int(np.count_nonzero(~np.isfinite(samples)))
    if broken:
        raise ReferenceAudioError(f"reference clip has {broken} samples that are not numbers (NaN or infinite)")
    if len(samples) and float(np.abs(samples).max()) < SILENT_PEAK:
        raise ReferenceAudioError("reference clip is silent (its loudest sample is below -80 dBFS)")
    return samples, rate


def _decoded(data: bytes) -> tuple[np.ndarray, int]:
    """decode_clip's decoding, before its samples are checked."""
    if len(data) > MAX_CLIP_BYTES:
        raise ReferenceAudioError(f"reference clip is {len(data)} bytes; the limit is {MAX_CLIP_BYTES / 2**20:g} MiB",
                                  413)  # fmt: skip
    if not data:
        raise ReferenceAudioError("reference clip is empty")
    try:
        with soundfile.SoundFile(io.BytesIO(data)) as clip:
            if clip.frames >= UNKNOWN_LENGTH:  # streamed, its header without a length: libsndfile cannot read it
                return _decode_unsized(data)
            if clip.frames > MAX_CLIP_SECONDS * clip.samplerate:
                raise _too_long(f"is {clip.frames / clip.samplerate:.1f} s long")
            samples, rate = clip.read(dtype="float32", always_2d=True), clip.samplerate
    except (soundfile.LibsndfileError, RuntimeError, TypeError) as exc:
        reason = getattr(exc, "error_string", None) or str(exc)
        raise ReferenceAudioError(f"reference clip could not be decoded (use WAV, FLAC, OGG or MP3): {reason}") from None
    return samples.mean(axis=1), rate


def _too_long(how: str) -> ReferenceAudioError:
    return ReferenceAudioError(f"reference clip {how}; the limit is {MAX_CLIP_SECONDS:g} s", 413)


def _decode_unsized(data: bytes) -> tuple[np.ndarray, int]:
    """A clip whose header gives no length (a streamed FLAC: 2**63 - 1 frames to libsndfile) through
    PyAV, decoding at most up to the length limit -> (mono samples [N] float32, sample rate)."""
    try:
        import av
    except ImportError:
        raise ReferenceAudioError("reference clip gives no length in its header (a streamed file); "
                                  "send WAV or a whole FLAC, or install PyAV (pip install av)") from None  # fmt: skip
    parts, count = [], 0
    try:
        with av.open(io.BytesIO(data)) as container:
            stream = container.streams.audio[0]
            rate = stream.rate
            as_float = av.AudioResampler(format="fltp")  # any sample format -> float planes, rate and channels kept
            for frame in container.decode(stream):
                for planes in (converted.to_ndarray() for converted in as_float.resample(frame)):  # [C, n]
                    parts.append(planes.mean(axis=0, dtype=np.float32))
                    count += planes.shape[1]
                if count > MAX_CLIP_SECONDS * rate:
                    raise _too_long("is longer than that")
    except (av.FFmpegError, IndexError) as exc:
        raise ReferenceAudioError(f"reference clip could not be decoded (use WAV, FLAC, OGG or MP3): {exc}") from None
    return (np.concatenate(parts) if parts else np.zeros(0, np.float32)), rate


def measure(samples: np.ndarray, rate: int, syllables: int | None = None) -> ProsodyProfile:
    """Prosody of speech samples [N] float at rate; syllables: how many the clip says, if known.

    Raises ReferenceAudioError if the clip holds too little speech.
    """
    parselmouth = _analysis_modules()
    too_little = ReferenceAudioError(f"reference clip has too little voiced speech (at least {MIN_SPEECH_SECONDS:g} s "
                                     "of speech are needed)")  # fmt: skip
    if len(samples) < MIN_SPEECH_SECONDS * rate:  # Praat itself fails on clips shorter than its windows
        raise too_little
    # soxr, not Sound.resample: Praat's sinc resampling holds the GIL (170 ms for a 30 s clip,
    # stalling the server's event loop); soxr releases it and takes 3 ms.
    resampled = resample(samples, rate, ANALYSIS_RATE).astype(np.float64)
    sound = parselmouth.Sound(resampled, sampling_frequency=ANALYSIS_RATE)
    pitch = sound.to_pitch_ac(time_step=FRAME_SECONDS, pitch_floor=F0_FLOOR, pitch_ceiling=F0_CEILING)
    intensity = sound.to_intensity(minimum_pitch=100.0, time_step=FRAME_SECONDS, subtract_mean=False)
    times, decibels = intensity.xs(), intensity.values[0]
    f0 = np.array([pitch.get_value_at_time(t) or np.nan for t in times])
    voiced = np.isfinite(f0) & (f0 > 0)
    speech = decibels > np.percentile(decibels, 95) - SPEECH_FLOOR_DB if len(decibels) else voiced
    speech_seconds = float(np.count_nonzero(speech)) * FRAME_SECONDS
    if speech_seconds < MIN_SPEECH_SECONDS or np.count_nonzero(voiced & speech) * FRAME_SECONDS < MIN_SPEECH_SECONDS / 2:
        raise too_little
    semitones = 12 * np.log2(f0[voiced & speech] / 100.0)
    low, high = np.percentile(semitones, [10, 90])
    if high - low < MIN_F0_RANGE:
        raise ReferenceAudioError(f"reference clip does not sound like speech: its pitch holds within "
                                  f"{high - low:.2f} semitones (a steady tone)")  # fmt: skip
    energy_low, energy_high = np.percentile(decibels[voiced & speech], [10, 90])
    estimated = syllables is None
    if estimated:
        syllables = len(syllable_nuclei(decibels, voiced & speech))
        if syllables / speech_seconds < PLAUSIBLE_RATE[0]:
            raise ReferenceAudioError(f"reference clip does not sound like speech: {syllables / speech_seconds:.2f} "
                                      f"syllable beats a second, where speech has at least {PLAUSIBLE_RATE[0]:g}")
    return ProsodyProfile(f0_level=float(np.median(semitones)), f0_range=float(high - low),
                          rate=syllables / speech_seconds, energy_range=float(energy_high - energy_low),
                          speech_seconds=speech_seconds, duration=len(samples) / rate,
                          syllables_estimated=estimated)  # fmt: skip


def syllable_nuclei(decibels: np.ndarray, eligible: np.ndarray) -> list[int]:
    """Frame indices of syllable nuclei in an intensity contour [T] dB, with eligible [T] bool.

    A nucleus is a local maximum that rises at least NUCLEUS_DIP_DB above the lowest point
    between it and the previous nucleus (otherwise the louder of the two is kept), and that is
    eligible (voiced speech).
    """
    nuclei: list[int] = []
    for index in range(1, len(decibels) - 1):
        if not (eligible[index] and decibels[index] >= decibels[index - 1] and decibels[index] > decibels[index + 1]):
            continue
        if nuclei:
            previous = nuclei[-1]
            dip = decibels[previous : index + 1].min()
            if min(decibels[previous], decibels[index]) - dip < NUCLEUS_DIP_DB:
                if decibels[index] > decibels[previous]:
                    nuclei[-1] = index
                continue
        nuclei.append(index)
    return nuclei


def _analysis_modules():
    """parselmouth, once it and soxr (yuyin.audio.resample's) are known to be installed."""
    missing = [name for name in ("parselmouth", "soxr") if importlib.util.find_spec(name) is None]
    if missing:
        raise ReferenceAudioError(f"reference-audio prosody needs {' and '.join(missing)}: "
                                  "pip install 'yuyin[reference]'", 501)  # fmt: skip
    import parselmouth

    return parselmouth


@dataclass(frozen=True)
class ReferenceProsody:
    """A clip's measured prosody, the voice's baseline, and the controls that bridge them."""

    measured: ProsodyProfile
    baseline: ProsodyProfile
    controls: dict[str, float]

    def apply(self, options: SynthesisOptions | Mapping[str, Any] | None = None,
              keep: frozenset[str] = frozenset()) -> SynthesisOptions:  # fmt: skip
        """options (SynthesisOptions, a dict of its fields or None, as synthesize takes them) with
        the reference's controls, except the fields named in keep."""
        return SynthesisOptions.of(options).with_(**{name: value for name, value in self.controls.items()
                                                     if name not in keep})  # fmt: skip

    def as_dict(self) -> dict[str, object]:
        return {"controls": self.controls, "measured": self.measured.as_dict(), "baseline": self.baseline.as_dict()}


@dataclass(frozen=True)
class Calibration:
    """How one voice (and speaker) responds to each control, measured on its own output.

    baseline: the neutral profile (syllables counted exactly); slopes: control -> change of its
    measured quantity per unit of the control (semitones, ratio or dB), from the probe in
    CALIBRATION_PROBES. estimated_baseline / estimated_speed_slope: the same for the speaking
    rate when syllables are estimated (clips without a transcript), since the estimator's
    count falls behind as speech gets faster.
    """

    baseline: ProsodyProfile
    slopes: dict[str, float]
    estimated_baseline: ProsodyProfile
    estimated_speed_slope: float

    @classmethod
    def measure_voice(cls, render: Callable[[SynthesisOptions], tuple[np.ndarray, int, int]],
                      controls: tuple[str, ...]) -> "Calibration":  # fmt: skip
        """render(options) -> (samples, rate, syllables) of the calibration text; controls: those to probe."""
        samples, rate, syllables = render(SynthesisOptions())
        baseline, estimated_baseline = measure(samples, rate, syllables), measure(samples, rate)
        slopes, estimated_speed_slope = {}, 0.0
        for name in controls:
            probe = CALIBRATION_PROBES[name]
            samples, rate, syllables = render(SynthesisOptions(**{name: probe}))
            slopes[name] = _quantity(name, measure(samples, rate, syllables), baseline) / (probe - _neutral(name))
            if name == "speed":
                change = _quantity(name, measure(samples, rate), estimated_baseline)
                estimated_speed_slope = change / (probe - _neutral(name))
        return cls(baseline, slopes, estimated_baseline, estimated_speed_slope)

    def baseline_for(self, measured: ProsodyProfile) -> ProsodyProfile:
        """The baseline measured comes from: its rate estimated as measured's was (the two differ
        only in rate, which an estimate of syllables counts in its own way)."""
        return self.estimated_baseline if measured.syllables_estimated else self.baseline

    def controls_for(self, measured: ProsodyProfile) -> dict[str, float]:
        """The control values that move this voice's baseline toward measured, bounded."""
        controls = {}
        for name, slope in self.slopes.items():
            baseline = self.baseline_for(measured)
            if name == "speed" and measured.syllables_estimated:
                slope = self.estimated_speed_slope
            if abs(slope) < 1e-6:
                continue  # the voice does not respond measurably to this control
            value = _neutral(name) + _quantity(name, measured, baseline) / slope
            low, high = REFERENCE_BOUNDS[name]
            controls[name] = round(float(np.clip(value, max(low, OPTION_RANGES[name][0]), high)), 3)
        return controls


def _neutral(control: str) -> float:
    return 0.0 if control == "pitch_shift" else 1.0


def _quantity(control: str, profile: ProsodyProfile, baseline: ProsodyProfile) -> float:
    """The measured change a control drives: level difference in semitones, or a ratio minus one
    (speed, pitch range) / a dB-range difference (energy)."""
    if control == "pitch_shift":
        return profile.f0_level - baseline.f0_level
    if control == "pitch":
        return profile.f0_range / baseline.f0_range - 1.0
    if control == "speed":
        return profile.rate / baseline.rate - 1.0
    return profile.energy_range - baseline.energy_range


def read_clip(clip: bytes | str | Path) -> bytes:
    """A clip's bytes from bytes or a path (ReferenceAudioError for a missing/unreadable file)."""
    if isinstance(clip, bytes):
        return clip
    path = Path(clip)
    try:
        if path.stat().st_size > MAX_CLIP_BYTES:
            raise ReferenceAudioError(f"reference clip {path} is larger than {MAX_CLIP_BYTES / 2**20:g} MiB", 413)
        return path.read_bytes()
    except OSError as exc:
        raise ReferenceAudioError(f"cannot read reference clip {path}: {exc.strerror or exc}") from None


def calibrate(synthesizer: "Synthesizer", speaker: str | None) -> Calibration:
    """Measure synthesizer's voice (speaker) on CALIBRATION_SENTENCES for the controls it has."""
    text = "".join(CALIBRATION_SENTENCES)

    def render(options: SynthesisOptions) -> tuple[np.ndarray, int, int]:
        chunks = list(synthesizer.synthesize(text, options.with_(speaker=speaker)))
        syllables = sum(len(chunk.pinyin) for chunk in chunks if not chunk.is_silence)
        return np.concatenate([chunk.samples for chunk in chunks]), synthesizer.sample_rate, syllables

    try:
        return Calibration.measure_voice(render, synthesizer.supported_controls(CONTROLS))
    except ReferenceAudioError as exc:  # the voice's own output is not measurable speech
        raise ReferenceAudioError(f"voice {synthesizer.voice.name!r} cannot take a reference clip: its own "
                                  f"speech could not be measured ({exc})") from None  # fmt: skip
