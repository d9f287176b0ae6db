"""Text front end: Mandarin text -> normalised text -> pinyin -> phones -> symbol ids.

Importable without torch. The public surface is :class:`BakerFrontend`, its output type
:class:`SentenceUnit` and :func:`analyze_text` ("what will it say?" as plain data). For any
string input the front end raises only :class:`FrontendError` subclasses (themselves
``ValueError``): :class:`NothingToSay` when nothing is pronounceable and
:class:`InvalidOverride` for a malformed inline pinyin override (``行[hang2]``, see
:mod:`yuyin.frontend.override`). A bad user lexicon file raises :class:`LexiconError` when
the front end is created.
"""

from .baker import BakerFrontend
from .lexicon import LexiconError
from .override import InvalidOverride
from .report import analyze_text
from .unit import FrontendError, NothingToSay, SentenceUnit

__all__ = [
    "BakerFrontend",
    "FrontendError",
    "InvalidOverride",
    "LexiconError",
    "NothingToSay",
    "SentenceUnit",
    "analyze_text",
]
