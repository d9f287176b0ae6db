"""The voices a server has loaded: loading and warm-up at start-up, lookup by name per request."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from yuyin.server.errors import ApiError
from yuyin.voices.store import voice_spec

if TYPE_CHECKING:
    from yuyin.engine.synthesizer import Synthesizer
    from yuyin.server.settings import ServerSettings

log = logging.getLogger("yuyin.server")


@dataclass(frozen=True)
class VoiceCatalog:
    """Loaded synthesizers by voice name; ``default`` is the first voice given."""

    synthesizers: dict[str, "Synthesizer"]
    default: str

    @classmethod
    def load(cls, settings: "ServerSettings") -> "VoiceCatalog":
        """Load every voice of settings (blocking: pulls, reads weights, warms up unless told not to)."""
        from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE
        from yuyin.engine.synthesizer import Synthesizer

        synthesizers: dict[str, Synthesizer] = {}
        for value in settings.voices:
            synth = Synthesizer.load(voice_spec(value), device=settings.device, dtype=settings.dtype,
                                     threads=settings.torch_threads, progress=log.info,
                                     warm_up=settings.warmup, lexicon=settings.lexicon,
                                     decoder_batch_size=settings.decoder_batch_size or DEFAULT_BATCH_SIZE,
                                     backend=settings.backend, compile=settings.compile,
                                     vocoder_device=settings.vocoder_device,
                                     offload_idle=settings.offload_idle, side_by_side=settings.side_by_side)  # fmt: skip
            name = synth.voice.name
            if name in synthesizers:
                raise ValueError(f"two voices are named {name!r} ({value!r} and an earlier one)")
            synthesizers[name] = synth
            log.info("loaded voice %s (%d Hz) on %s in %s%s", name, synth.sample_rate, synth.device, synth.backend,
                     ", overlapping requests side by side" if synth.side_by_side else "")  # fmt: skip
        return cls(synthesizers, next(iter(synthesizers)))

    @property
    def names(self) -> list[str]:
        return list(self.synthesizers)

    def get(self, name: str | None, field: str = "voice") -> "Synthesizer":
        """The synthesizer of voice ``name`` (None: the default); 422 naming ``field`` if unknown."""
        try:
            return self.synthesizers[name or self.default]
        except KeyError:
            raise ApiError(422, f"unknown {field} {name!r}; available voices: {', '.join(self.names)}",
                           field) from None  # fmt: skip
