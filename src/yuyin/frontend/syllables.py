"""The Mandarin syllables both voices can say, toneless, ü written ``v`` (``zhong``, ``lv``, ``jue``)."""

from __future__ import annotations

from .symbols_baker import split_syllable
from .symbols_ttskit import SYLLABLES

# The ttskit inventory is the smaller one; the syllabic nasals (嗯 n, ng) are left out.
SAYABLE = frozenset(s for s in SYLLABLES if s not in ("n", "ng") and split_syllable(s) is not None)
