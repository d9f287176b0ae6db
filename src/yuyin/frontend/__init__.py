"""Text front end: Mandarin text -> normalised text -> pinyin -> phones -> symbol ids.

Importable without torch. The public surface is :class:`BakerFrontend` and its output type
:class:`SentenceUnit`; :class:`NothingToSay` (a :class:`FrontendError`, itself a ``ValueError``)
is the only error it raises for any string input.
"""

from .baker import BakerFrontend
from .unit import FrontendError, NothingToSay, SentenceUnit

__all__ = ["BakerFrontend", "FrontendError", "NothingToSay", "SentenceUnit"]
