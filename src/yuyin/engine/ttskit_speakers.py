"""What was measured about each of the ttskit voice's 24 speakers: usable or not, and output level.

Importable without torch (``yuyin voices list`` reads it). Numbers come from the 12-sentence set
``/work/shared/eval/sentences.tsv`` synthesised with the default seed and scored by asr-check
(Whisper base), see the issue note. A speaker is usable when its syllable error rate there is
at most :data:`MAX_USABLE_SER`; ``voice.json``'s ``extra.broken_speakers`` are never usable.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_USABLE_SER = 0.15
TARGET_PEAK = 0.75  # typical (median) sentence peak after the per-speaker gain; clipped at 1.0

# Speaker -> why it is not offered (the measured failure). The 20 others measured SER 0.010-0.058
# except Xiaomeng (0.139, the weakest usable one); the original measures SER 0.020 for biaobei.
UNUSABLE: dict[str, str] = {
    "Xiaowei": "the model never stops for this speaker (its stop gate never fires and the attention "
               "crawls at 8-10 frames per symbol); speech recognition gets SER 0.97",
    "Yina": "the attention jumps and the speech is unintelligible (speech recognition SER 1.85)",
    "Xiaomei": "the speech is mostly unintelligible (speech recognition SER 0.83)",
    "Xiaogang": "the speech is often unintelligible (speech recognition SER 0.37)",
}  # fmt: skip

# (median, max) peak of the raw vocoder output per speaker over the 12 sentences. The fixed gain
# brings the median to TARGET_PEAK without taking the loudest sentence past MAX_PEAK, so every
# speaker comes out at about the same level (the original peak-normalises every chunk, which
# cannot stream: the gain must be known before the audio is).
MEASURED_PEAKS: dict[str, tuple[float, float]] = {
    "Aibao": (0.69, 0.75), "Aicheng": (0.72, 0.85), "Aida": (0.66, 0.76), "Aijia": (0.71, 0.83),
    "Aijing": (0.66, 0.73), "Aimei": (0.68, 0.82), "Aina": (0.68, 0.72), "Aiqi": (0.68, 0.74),
    "Aitong": (0.74, 0.85), "Aiwei": (0.55, 0.67), "Aixia": (0.65, 0.73), "Aiya": (0.65, 0.77),
    "Aiyu": (0.65, 0.75), "Aiyue": (0.67, 0.76), "Siyue": (0.86, 0.94), "Xiaobei": (0.71, 0.92),
    "Xiaogang": (0.60, 0.86), "Xiaomei": (0.78, 0.94), "Xiaomeng": (0.12, 0.22), "Xiaowei": (0.80, 0.89),
    "Xiaoxue": (0.72, 0.79), "Xiaoyun": (0.89, 0.93), "Yina": (0.14, 0.37), "biaobei": (0.63, 0.77),
}  # fmt: skip
DEFAULT_PEAKS = (0.68, 0.85)
MAX_PEAK = 0.98


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
    """The fixed output gain of a speaker (see :data:`MEASURED_PEAKS`)."""
    median, loudest = MEASURED_PEAKS.get(name, DEFAULT_PEAKS)
    return min(TARGET_PEAK / median, MAX_PEAK / loudest)
