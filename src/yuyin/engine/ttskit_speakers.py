"""What was measured about each of the ttskit voice's 24 speakers: usable or not, and speech level.

Importable without torch (``yuyin voices list`` reads it). Numbers come from the 12-sentence set
``/work/shared/eval/sentences.tsv`` synthesised with the default seed and scored by asr-check
(Whisper base), see the issue note. A speaker is usable when its syllable error rate there is
at most :data:`MAX_USABLE_SER`; ``voice.json``'s ``extra.broken_speakers`` are never usable.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_USABLE_SER = 0.15
# Speech level every speaker is brought to: active-speech RMS in dBFS (the mean power of the 25 ms
# frames within 35 dB of the loudest), the baker voice's own level (-18.8 over the same set).
TARGET_LEVEL_DB = -19.0
MAX_PEAK = 0.98  # the gain never takes the loudest measured sentence past this

# Speaker -> why it is not offered (the measured failure). The 20 others measured SER 0.010-0.058
# except Xiaomeng (0.139, the weakest usable one); the original measures SER 0.020 for biaobei.
UNUSABLE: dict[str, str] = {
    "Xiaowei": "the model never stops for this speaker (its stop gate never fires and the attention "
               "crawls at 8-10 frames per symbol); speech recognition gets SER 0.97",
    "Yina": "the attention jumps and the speech is unintelligible (speech recognition SER 1.85)",
    "Xiaomei": "the speech is mostly unintelligible (speech recognition SER 0.83)",
    "Xiaogang": "the speech is often unintelligible (speech recognition SER 0.37)",
}  # fmt: skip

# (median speech level in dBFS as TARGET_LEVEL_DB measures it, loudest peak) of each usable
# speaker's raw vocoder output over the 12 sentences. Speakers spoke 22 dB apart (Siyue -14.1,
# Xiaomeng -36.9); the fixed gain brings each to TARGET_LEVEL_DB unless that would take its loudest
# sentence past MAX_PEAK (Aicheng, Aida, Aitong, biaobei then stay 0.4-2.1 dB below it, Xiaomeng
# 4.9 dB). Peaks were the wrong measure: at equal peaks the speakers' levels spread over 9 dB. The
# original peak-normalises every chunk, which cannot stream: the gain must be known before the audio.
MEASURED_OUTPUT: dict[str, tuple[float, float]] = {
    "Aibao": (-15.9, 0.75), "Aicheng": (-21.6, 0.85), "Aida": (-23.3, 0.76), "Aijia": (-19.5, 0.83),
    "Aijing": (-21.8, 0.73), "Aimei": (-18.8, 0.82), "Aina": (-19.2, 0.72), "Aiqi": (-17.0, 0.74),
    "Aitong": (-21.2, 0.85), "Aiwei": (-21.9, 0.67), "Aixia": (-19.0, 0.73), "Aiya": (-20.9, 0.77),
    "Aiyu": (-18.7, 0.75), "Aiyue": (-18.7, 0.76), "Siyue": (-14.1, 0.94), "Xiaobei": (-19.8, 0.92),
    "Xiaomeng": (-36.9, 0.22), "Xiaoxue": (-15.3, 0.79), "Xiaoyun": (-15.2, 0.93), "biaobei": (-21.5, 0.77),
}  # fmt: skip
DEFAULT_OUTPUT = (-19.5, 0.85)  # a speaker not measured (another pack of this family): about the median


def broken_speakers(config: Any) -> dict[str, str]:
    """Unusable speakers of a voice config with the reason: ``extra.broken_speakers`` plus the measured ones."""
    extra: Mapping[str, Any] = getattr(config, "extra", {}) or {}
    found = {name: UNUSABLE.get(name, "the model never stops for this speaker")
             for name in extra.get("broken_speakers", ())}  # fmt: skip
    if getattr(config, "family", "") == "ttskit":
        found.update({name: reason for name, reason in UNUSABLE.items() if name in config.speakers})
    return found


def usable_speakers(config: Any) -> tuple[str, ...]:
    broken = broken_speakers(config)
    return tuple(name for name in config.speakers if name not in broken)


def speaker_gain(name: str) -> float:
    """The fixed output gain of a speaker (see :data:`MEASURED_OUTPUT`)."""
    return output_gain(*MEASURED_OUTPUT.get(name, DEFAULT_OUTPUT))


def output_gain(level: float, loudest: float) -> float:
    """The gain that brings speech at level (dBFS, as TARGET_LEVEL_DB measures it) to
    TARGET_LEVEL_DB, unless that would take its loudest peak past MAX_PEAK."""
    return min(10 ** ((TARGET_LEVEL_DB - level) / 20), MAX_PEAK / loudest)
