"""yuyin: fast Mandarin text-to-speech.

Public surface: ``Synthesizer``, ``SynthesisOptions``, ``AudioChunk``. The engine (and so torch)
is imported lazily, so ``yuyin.frontend`` stays usable without torch.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yuyin.audio import AudioChunk
from yuyin.config import SynthesisOptions

if TYPE_CHECKING:
    from yuyin.engine.synthesizer import Synthesizer

__all__ = ["AudioChunk", "SynthesisOptions", "Synthesizer"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "Synthesizer":
        from yuyin.engine.synthesizer import Synthesizer

        return Synthesizer
    raise AttributeError(f"module 'yuyin' has no attribute {name!r}")
