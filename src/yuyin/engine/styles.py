"""Emotion styles for baker-family voices: (style, intensity, phone ids) -> per-phone prosody.

These are **prosody-driven styles on a neutral voice**, not a trained emotional model. The baker
voice was trained on neutral read speech only; a style reshapes what its FastSpeech2 predicts
(per-phone f0, energy and duration) before the mel is decoded. Voice quality (breathiness,
tension, creak) does not change, so "angry" sounds like an emphatic, fast, loud reading rather
than real anger. Every style is a documented, measurable transformation:

=========  ======  ======  ======  =====  =====  =====  =====  ======  =================================
style      f0 lvl  f0 rng  energy  gain   tempo  pause  final  f0 end  character
=========  ======  ======  ======  =====  =====  =====  =====  ======  =================================
neutral     0      x1.00    0      x1.00  x1.00  x1.0   x1.00   0      as predicted
happy      +0.25   x1.10   +0.3    x1.20  x1.10  x0.8   x1.00  +0.2    higher, livelier, brighter, quicker
sad        -0.4    x0.70   -0.3    x0.75  x0.80  x1.5   x1.25  -0.2    low, flat, soft, slow, long pauses
angry      +0.2    x1.20   +0.6    x1.30  x1.12  x0.7   x0.95  -0.3    loud, fast, clipped, falling
surprised  +0.25   x1.10   +0.2    x1.15  x0.95  x1.0   x1.30  +0.3    high, final rise, drawn out
fearful    +0.3    x0.80   -0.2    x0.85  x1.15  x1.3   x1.00  +0.1    high but narrow, soft, hurried
gentle     -0.2    x0.85   -0.3    x0.80  x0.88  x1.2   x1.15   0      soft, slightly low, slow
serious    -0.3    x0.80   +0.1    x1.00  x0.92  x1.2   x1.10  -0.3    low, narrow, measured, falling
=========  ======  ======  ======  =====  =====  =====  =====  ======  =================================

Columns (f0 and energy are the model's per-phone z-scores; +1 is about one standard deviation):

* f0 lvl: added to every phone's f0 (``f0_shift``); f0 rng: multiplies the f0 z-scores
  (``f0_scale``, the pitch range); energy: added to the energy z-scores (``energy_shift``);
  gain: linear waveform gain (the model's energy control alone moves loudness by only 1-2 dB);
* tempo: speaking-rate multiplier (durations are divided by it); pause: multiplies the
  durations of ``sil`` and the phrase marks ``#2``/``#3`` (pause lengths);
* final: duration multiplier on the phrase-final syllable (phrase-final lengthening: the
  last syllable of the unit and each syllable right before a ``sil`` or ``#3``);
* f0 end: per-phone contour shaping, an f0 ramp over the last two syllables of the unit
  (0 -> value, so the rise or fall is at the very end: surprised asks, angry/sad fall).

**Intensity** k in [0, 2] interpolates from neutral: additive values are multiplied by k,
multipliers are raised to the power k (so x1.2 at k=1 is x1.44 at k=2). k = 0 is neutral
exactly; every control moves monotonically with k.

The f0 values are kept small on purpose: measured on the real voice, the model's f0 response
saturates near +0.6 z (higher shifts stop raising the pitch and lose energy), so every style
stays inside the range where more intensity means more of the effect, up to k = 2. For the
same reason the wider f0 range of happy/angry/surprised shapes the contour but does not widen
the measured f0 spread of the audio (the raised top is compressed); narrowing (sad, fearful,
gentle) is measurable. ``tests/integration/test_styles_baker.py`` asserts the measured directions.

**Combination with the request's controls**: multipliers multiply (``speed`` x tempo,
``pitch`` x f0 rng, ``volume`` x gain), shifts add (``pitch_shift`` + f0 lvl + f0 end, the
energy shift after ``energy`` scaling); ``sentence_pause`` is untouched.

``style_controls`` returns numpy arrays (no torch here), one value per phone id.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

SIL_ID, EOS_ID = 1, 218
PAUSE_IDS = frozenset({SIL_ID, 4, 5})  # sil, #2, #3
PHRASE_END_IDS = frozenset({SIL_ID, 5, EOS_ID})  # a syllable followed by these ends a phrase
FIRST_INITIAL_ID, FIRST_FINAL_ID = 6, 28  # 22 initials, then finals x tones up to eos
CONTOUR_SYLLABLES = 2


@dataclass(frozen=True)
class StyleSpec:
    """One style at intensity 1; see the module table for the meaning of each field."""

    f0_level: float = 0.0
    f0_range: float = 1.0
    energy: float = 0.0
    tempo: float = 1.0
    pause: float = 1.0
    final_lengthening: float = 1.0
    final_f0: float = 0.0
    gain: float = 1.0
    description: str = ""


STYLES: dict[str, StyleSpec] = {
    "neutral": StyleSpec(description="as predicted"),
    "happy": StyleSpec(0.25, 1.10, 0.3, 1.10, 0.8, 1.00, 0.2, 1.20, "higher, livelier, brighter, quicker"),
    "sad": StyleSpec(-0.4, 0.70, -0.3, 0.80, 1.5, 1.25, -0.2, 0.75, "low, flat, soft, slow, long pauses"),
    "angry": StyleSpec(0.2, 1.20, 0.6, 1.12, 0.7, 0.95, -0.3, 1.30, "loud, fast, clipped, falling"),
    "surprised": StyleSpec(0.25, 1.10, 0.2, 0.95, 1.0, 1.30, 0.3, 1.15, "high, final rise, drawn out"),
    "fearful": StyleSpec(0.3, 0.80, -0.2, 1.15, 1.3, 1.00, 0.1, 0.85, "high but narrow, soft, hurried"),
    "gentle": StyleSpec(-0.2, 0.85, -0.3, 0.88, 1.2, 1.15, 0.0, 0.80, "soft, slightly low, slow"),
    "serious": StyleSpec(-0.3, 0.80, 0.1, 0.92, 1.2, 1.10, -0.3, 1.00, "low, narrow, measured, falling"),
}
STYLE_NAMES: tuple[str, ...] = tuple(STYLES)
INTENSITY_RANGE = (0.0, 2.0)


@dataclass(frozen=True)
class StyleControls:
    """Per-phone arrays [L] float32 to combine with the request's scalar controls."""

    duration_scale: np.ndarray
    f0_scale: np.ndarray
    f0_shift: np.ndarray
    energy_shift: np.ndarray


def style_spec(name: str, intensity: float = 1.0) -> StyleSpec:
    """The spec of a style scaled to intensity (0 = neutral); KeyError for an unknown name."""
    base = STYLES[name]
    return StyleSpec(
        f0_level=base.f0_level * intensity,
        f0_range=base.f0_range**intensity,
        energy=base.energy * intensity,
        tempo=base.tempo**intensity,
        pause=base.pause**intensity,
        final_lengthening=base.final_lengthening**intensity,
        final_f0=base.final_f0 * intensity,
        gain=base.gain**intensity,
        description=base.description,
    )


def syllable_index(ids: Sequence[int]) -> np.ndarray:
    """Syllable number of each phone [L] int (initials join their final); -1 for sil, marks, eos."""
    index = np.full(len(ids), -1, dtype=np.int64)
    syllable = 0
    for i, symbol in enumerate(ids):
        if FIRST_INITIAL_ID <= symbol < FIRST_FINAL_ID:
            index[i] = syllable
        elif FIRST_FINAL_ID <= symbol < EOS_ID:
            index[i] = syllable
            syllable += 1
    return index


def _phrase_final(ids: Sequence[int], syllables: np.ndarray) -> np.ndarray:
    """[L] bool: phones of syllables followed by sil/#3/eos, and of the unit's last syllable."""
    finals = set()
    for i, symbol in enumerate(ids):
        if syllables[i] >= 0 and symbol >= FIRST_FINAL_ID:
            following = next((s for s in ids[i + 1 :] if s not in (2, 3, 4)), EOS_ID)
            if following in PHRASE_END_IDS:
                finals.add(int(syllables[i]))
    if syllables.max(initial=-1) >= 0:
        finals.add(int(syllables.max()))
    return np.isin(syllables, list(finals)) & (syllables >= 0)


def _end_ramp(syllables: np.ndarray) -> np.ndarray:
    """[L] in [0, 1]: 0 before the last CONTOUR_SYLLABLES syllables, rising to 1 on the last."""
    last = int(syllables.max(initial=-1))
    if last < 0:
        return np.zeros(len(syllables), np.float32)
    start = last - CONTOUR_SYLLABLES + 1
    ramp = (syllables - start + 1) / CONTOUR_SYLLABLES
    return np.where(syllables >= 0, np.clip(ramp, 0.0, 1.0), 0.0).astype(np.float32)


def style_controls(name: str, intensity: float, ids: Sequence[int]) -> StyleControls:
    """Per-phone controls [L] of a style for one unit's ids (sil ... sil eos)."""
    spec = style_spec(name, intensity)
    ids = list(ids)
    syllables = syllable_index(ids)
    length = len(ids)
    duration = np.full(length, 1.0 / spec.tempo, np.float64)
    duration[np.isin(ids, list(PAUSE_IDS))] *= spec.pause
    duration[_phrase_final(ids, syllables)] *= spec.final_lengthening
    f0_shift = spec.f0_level + spec.final_f0 * _end_ramp(syllables)
    return StyleControls(
        duration_scale=duration.astype(np.float32),
        f0_scale=np.full(length, spec.f0_range, np.float32),
        f0_shift=np.asarray(f0_shift, np.float32) * np.ones(length, np.float32),
        energy_shift=np.full(length, spec.energy, np.float32),
    )
