"""Speaker blends of multi-speaker voices: ``"Aiyu+Siyue"`` or ``"Aiyu(2)+Siyue(1)"``.

Owns the syntax of a blend (the one Kokoro-FastAPI users write) and its check. A blend is one
or more speaker names joined by ``+``, each with an optional positive weight in parentheses
(default 1); the weights are normalised to sum to 1 and a name given twice adds up. The voice
mixes the speakers' conditioning in these proportions (:mod:`.ttskit_voice`): a voice between
theirs. A plain name is a blend of one. Importable without torch (the server checks requests).
"""
from __future__ import annotations

import math
import re
from collections.abc import Collection

MAX_SPEAKERS = 8  # speakers in one blend
MAX_WEIGHT = 1e6
_PART = re.compile(r"\s*([^()+]+?)\s*(?:\(\s*([^()]*?)\s*\))?\s*")


class BlendError(ValueError):
    """A speaker blend that cannot be read or names a speaker that cannot be used; the message says which."""


def parse_blend(
    text: str, usable: Collection[str], unusable: dict[str, str] | None = None
) -> tuple[tuple[str, float], ...]:
    """``"Aiyu(2)+Siyue"`` -> ``(("Aiyu", 2/3), ("Siyue", 1/3))``, in order of first mention.

    usable: the speakers that may be named; unusable: those refused, with why (named in the error).
    Raises BlendError for a malformed blend, a weight outside (0, MAX_WEIGHT], more
    than MAX_SPEAKERS speakers, or a name outside usable."""
    weights: dict[str, float] = {}
    for part in text.split("+"):
        match = _PART.fullmatch(part)
        if match is None or not part.strip():
            raise BlendError(f"cannot read speaker blend {text!r}: write names joined by +, each with an "
                             f"optional weight in parentheses, e.g. Aiyu(2)+Siyue(1)")  # fmt: skip
        name, weight_text = match.group(1), match.group(2)
        weight = _weight(weight_text, name, text) if weight_text is not None else 1.0
        if name not in usable:
            why = (unusable or {}).get(name)
            problem = f"{name!r} is unusable: {why}" if why else f"unknown speaker {name!r}"
            raise BlendError(problem + (f"; choose from {', '.join(usable)}" if usable else ""))
        weights[name] = weights.get(name, 0.0) + weight
    if len(weights) > MAX_SPEAKERS:
        raise BlendError(f"a blend takes at most {MAX_SPEAKERS} speakers, got {len(weights)}")
    total = sum(weights.values())
    return tuple((name, weight / total) for name, weight in weights.items())


def _weight(text: str, name: str, blend: str) -> float:
    try:
        weight = float(text)
    except ValueError:
        weight = math.nan
    if not 0 < weight <= MAX_WEIGHT:  # also refuses nan
        raise BlendError(f"weight of {name!r} in {blend!r} must be a number above 0 and at most {MAX_WEIGHT:g}, "
                         f"got {text!r}")
    return weight
