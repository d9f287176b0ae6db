"""What the front end will say, as plain data: for the CLI, the web page and tests.

:func:`analyze_text` runs the whole front end and returns a JSON-ready dict; nothing here
imports torch.
"""

from __future__ import annotations

from typing import Any

from .baker import BakerFrontend
from .unit import SentenceUnit

_DEFAULT: BakerFrontend | None = None


def analyze_text(text: str, frontend: BakerFrontend | None = None) -> dict[str, Any]:
    """``{"text", "normalized", "units": [...]}`` for ``text``; each unit has its ``text``,
    ``pinyin`` (list), ``prosody`` (pinyin with #1/#2/#3 between), ``label`` (hanzi with the
    marks, Baker style), ``phones`` (space-separated), ``ids`` and ``pause_after``.

    Raises :class:`~yuyin.frontend.NothingToSay` (a ``ValueError``) for text with nothing to say.

    >>> analyze_text("银行行长")["units"][0]["pinyin"]
    ['yin2', 'hang2', 'hang2', 'zhang3']
    """
    global _DEFAULT
    if frontend is None:
        frontend = _DEFAULT = _DEFAULT or BakerFrontend()
    return {
        "text": text,
        "normalized": frontend.normalize(text),
        "units": [unit_dict(unit) for unit in frontend.analyze(text)],
    }


def unit_dict(unit: SentenceUnit) -> dict[str, Any]:
    """One unit as plain data (see :func:`analyze_text`)."""
    return {
        "text": unit.text,
        "pinyin": list(unit.pinyin),
        "prosody": unit.prosody,
        "label": unit.label,
        "phones": " ".join(unit.phones),
        "ids": list(unit.ids),
        "pause_after": unit.pause_after,
    }
