"""yuyin: fast Mandarin text-to-speech.

Public surface: ``Synthesizer``, ``SynthesisOptions``, ``AudioChunk``. The engine (and so torch)
is imported lazily, so ``yuyin.frontend`` stays usable without torch.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# OpenMP worker threads that spin while idle fight onnxruntime's pool and any other load on the
# CPU: with the baker voice on 2 cores, `yuyin bench` measured RTF 0.034 passive vs 0.050 active
# on a quiet machine, and 0.057 vs 0.185 under contention. Must be set before torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

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
