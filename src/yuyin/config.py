"""Configuration scopes as dataclasses: one per voice (loaded from ``voice.json``) and one per request.

``SynthesisOptions`` fields set to ``None`` mean "use the voice default".
"""
from __future__ import annotations

import json
import math
import numbers
from dataclasses import MISSING, asdict, dataclass, field, fields, replace
from pathlib import Path
from collections.abc import Mapping
from typing import Any


class OptionsError(ValueError):
    """A synthesis option is out of range; the message names the field."""


# Field -> (min, max), inclusive. Kept here so the CLI, HTTP schemas and Python API agree.
OPTION_RANGES: dict[str, tuple[float, float]] = {
    "speed": (0.25, 4.0),
    "pitch": (0.0, 3.0),
    "pitch_shift": (-1.5, 1.5),  # the baker model's usable f0 shift (models.fastspeech2.MAX_F0_SHIFT)
    "energy": (0.0, 3.0),
    "volume": (0.0, 4.0),
    "sentence_pause": (0.0, 5.0),
    "style_intensity": (0.0, 2.0),
}


def _finite(value: numbers.Real) -> bool:
    """Whether value is a finite number (an int past float's range, 10**400, is not)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


@dataclass(frozen=True)
class SynthesisOptions:
    """Per-request controls.

    speed: tempo multiplier, 2.0 speaks twice as fast (durations are divided by it; a voice may
        also time-scale its mel, as the baker voice does past 1.25).
    pitch: scale of the predicted per-phone f0 z-scores (1.0 = as predicted, 0 = monotone).
    pitch_shift: added to the f0 z-scores after scaling (+1 is about one standard deviation higher).
    energy: scale of the predicted per-phone energy z-scores.
    volume: linear gain on the final waveform; peaks it drives past -1.5 dBFS are brought down by a
        look-ahead limiter (yuyin.engine.limiter), not clipped.
    sentence_pause: seconds of silence between sentences; ``None`` = the voice's default,
        shortened by speed (see pause_seconds).
    seed: ``None`` = the voice's deterministic default; an int draws a reproducible variation.
    speaker: speaker name for multi-speaker voices; ``None`` = the voice default.
    style: emotion style (``yuyin.engine.styles.STYLE_NAMES``: neutral, happy, sad, angry, ...),
        a prosody transformation on top of the controls above; ``None`` = neutral.
    style_intensity: 0.0 (neutral) .. 2.0 (exaggerated); 1.0 = the style as documented.
    """

    speed: float = 1.0
    pitch: float = 1.0
    pitch_shift: float = 0.0
    energy: float = 1.0
    volume: float = 1.0
    sentence_pause: float | None = None
    seed: int | None = None
    speaker: str | None = None
    style: str | None = None
    style_intensity: float = 1.0

    def pause_seconds(self, voice_default: float) -> float:
        """Seconds between sentences: sentence_pause as given, else the voice's default divided
        by speed (faster speech pauses shorter, as its phones and in-sentence pauses do)."""
        return voice_default / self.speed if self.sentence_pause is None else self.sentence_pause

    def __post_init__(self) -> None:
        for name, (low, high) in OPTION_RANGES.items():
            value = getattr(self, name)
            if value is None and name == "sentence_pause":  # the only control None leaves to the voice
                continue
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not _finite(value):
                shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                raise OptionsError(f"{name} must be a finite number, got {shown}")
            if not low <= value <= high:
                raise OptionsError(f"{name} must be between {low} and {high}, got {value}")
            object.__setattr__(self, name, float(value))  # numpy scalars too, as plain floats
        if self.seed is not None and (isinstance(self.seed, bool) or not isinstance(self.seed, numbers.Integral)):
            raise OptionsError(f"seed must be an integer, got {self.seed!r}")
        if self.seed is not None:
            object.__setattr__(self, "seed", int(self.seed))
        if self.seed is not None and not 0 <= self.seed < 2**63:
            raise OptionsError(f"seed must be between 0 and 2**63-1, got {self.seed}")
        if self.speaker is not None and not isinstance(self.speaker, str):
            raise OptionsError(f"speaker must be a speaker's name (a string), got {self.speaker!r}")
        if self.style is not None:
            from yuyin.engine.styles import STYLE_NAMES

            if self.style not in STYLE_NAMES:
                raise OptionsError(f"style must be one of {', '.join(STYLE_NAMES)}, got {self.style!r}")

    def with_(self, **changes: Any) -> "SynthesisOptions":
        return replace(self, **changes)

    @classmethod
    def of(cls, options: "SynthesisOptions | Mapping[str, Any] | None") -> "SynthesisOptions":
        """options as given to the Python API: SynthesisOptions, a dict of its fields
        (``{"speed": 1.2}``) or None (the defaults); OptionsError for anything else."""
        if options is None:
            return cls()
        if isinstance(options, cls):
            return options
        if not isinstance(options, Mapping):
            raise OptionsError("options must be SynthesisOptions or a dict of its fields, got "
                               + type(options).__name__)  # fmt: skip
        known = {f.name for f in fields(cls)}
        unknown = sorted(str(name) for name in options if name not in known)
        if unknown:
            raise OptionsError(f"unknown option {unknown[0]!r}; known: {', '.join(sorted(known))}")
        return cls(**options)


def check_settings(cls: type, data: Mapping[str, Any], where: str) -> None:
    """ValueError unless data holds every field of dataclass cls that has no default, no other
    key, and each value of the kind its field's type or default has (whole numbers for int, any
    number for float, lists for tuples; None where the default is None)."""
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}")
    missing = [f.name for f in known.values()
               if f.name not in data and f.default is MISSING and f.default_factory is MISSING]  # fmt: skip
    if missing:
        raise ValueError(f"{where}: missing keys {missing}")
    for key, value in data.items():
        kind = _kind(known[key])
        if value is None and known[key].default is None:
            continue
        if kind is not None and not _of_kind(value, kind):
            raise ValueError(f"{where}: {key} must be {_KIND_NAMES[kind]}, got {value!r}")


_KIND_NAMES = {int: "a whole number", float: "a number", str: "text", bool: "true or false", tuple: "a list",
               dict: "an object"}  # fmt: skip


def _kind(spec: Any) -> type | None:
    """The kind of value a dataclass field takes, from its default or its annotation (None: any)."""
    if spec.default is not MISSING and spec.default is not None:
        return next((kind for kind in (bool, int, float, str, tuple, dict) if isinstance(spec.default, kind)), None)
    if spec.default_factory is not MISSING:
        return next((kind for kind in (tuple, dict) if isinstance(spec.default_factory(), (kind, list))), None)
    annotation = str(spec.type)
    return next((kind for kind in (bool, int, float, str, tuple, dict) if annotation.startswith(kind.__name__)), None)


def _of_kind(value: Any, kind: type) -> bool:
    if value is None:
        return False
    if kind is bool:
        return isinstance(value, bool)
    if kind in (int, float):
        return isinstance(value, (int, float) if kind is float else int) and not isinstance(value, bool)
    if kind is tuple:
        return isinstance(value, (list, tuple))
    return isinstance(value, kind)


PACK_FORMAT_VERSION = 1
"""The voice.json format this yuyin writes and reads."""


@dataclass(frozen=True)
class VoiceConfig:
    """Everything needed to rebuild a voice pack's models, read from ``voice.json``.

    ``acoustic`` and ``vocoder`` hold the architecture hyper-parameters of each model, passed
    as keyword arguments to the model's config dataclass.
    """

    name: str
    family: str
    sample_rate: int
    hop_size: int
    n_mels: int
    acoustic: dict[str, Any]
    vocoder: dict[str, Any]
    sentence_pause: float = 0.2
    speakers: tuple[str, ...] = ()
    default_speaker: str | None = None
    license: str = ""
    source: str = ""
    description: str = ""
    format_version: int = PACK_FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, path: Path) -> "VoiceConfig":
        """The config in the voice.json at path; ValueError naming the first key that is unknown,
        missing or of the wrong kind (sample_rate, hop_size and n_mels positive whole numbers)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: voice.json holds {type(data).__name__}, not an object")
        check_settings(cls, data, str(path))
        for key in ("sample_rate", "hop_size", "n_mels"):
            if data[key] <= 0:
                raise ValueError(f"{path}: {key} must be positive, got {data[key]}")
        version = data.get("format_version", PACK_FORMAT_VERSION)
        if version != PACK_FORMAT_VERSION:
            raise ValueError(f"{path}: format_version {version} is not one this yuyin reads ({PACK_FORMAT_VERSION})")
        low, high = OPTION_RANGES["sentence_pause"]
        pause = data.get("sentence_pause", cls.sentence_pause)
        if not low <= pause <= high:  # NaN fails this too
            raise ValueError(f"{path}: sentence_pause must be {low:g}-{high:g} s, got {pause}")
        speakers = data.get("speakers", ())
        if not all(isinstance(name, str) and name for name in speakers) or len(set(speakers)) != len(speakers):
            raise ValueError(f"{path}: speakers must be distinct names, got {speakers!r}")
        default = data.get("default_speaker")
        if default is not None and default not in speakers:
            raise ValueError(f"{path}: default_speaker {default!r} is not one of the speakers")
        data["speakers"] = tuple(speakers)
        return cls(**data)

    def to_json(self, path: Path) -> None:
        data = asdict(self)
        data["speakers"] = list(self.speakers)
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
