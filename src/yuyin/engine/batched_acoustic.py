"""FastSpeech2's two stages batched across concurrent requests (see :mod:`.batching`).

Same signatures as :class:`~yuyin.engine.onnx_acoustic.TorchAcoustic` for one item (B = 1); the
calls of concurrent requests are padded into one batch per stage and run together:

- variance: ids padded with 0 (the model masks them), each control broadcast to its item's
  [1, L] and padded with its neutral value (1 for scales, 0 for shifts); outputs cut back to L;
- mel: hidden, f0 and energy padded with 0, keep-masks with 1, durations with 0 (padding adds no
  frames); each mel cut back to its own frames, the sum of its durations.

Buckets are by phones for the variance stage and by frames for the mel stage. A padded batch
equals the batch-of-one results: durations identical, mels within 1e-4 in float32
(tests/integration/test_batched_acoustic.py).
"""
from __future__ import annotations

from typing import Protocol

import torch

from yuyin.engine.batching import DynamicBatcher, length_bucket
from yuyin.engine.shape_buckets import CONTROLS, pad_phones, padded_controls
from yuyin.models.fastspeech2 import ProsodyControls

Keep = tuple[torch.Tensor, torch.Tensor] | None


class AcousticStages(Protocol):
    def variance(self, ids: torch.Tensor, controls: ProsodyControls) -> tuple[torch.Tensor, ...]: ...

    def mel(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor, keep: Keep,
            durations: torch.Tensor) -> torch.Tensor: ...  # fmt: skip


class BatchedAcoustic:
    """stages (OnnxAcoustic or TorchAcoustic) behind one dynamic batcher per stage; thread-safe."""

    def __init__(self, stages: AcousticStages, max_batch_size: int, max_wait_ms: float = 0.0):
        self.stages = stages
        self._variance = DynamicBatcher(self._variance_batch, lambda item: length_bucket(item[0].shape[1]),
                                        max_batch_size=max_batch_size, max_wait_ms=max_wait_ms,
                                        name="yuyin-variance")  # fmt: skip
        self._mel = DynamicBatcher(self._mel_batch, lambda item: length_bucket(int(item[4].sum())),
                                   max_batch_size=max_batch_size,
                                   max_wait_ms=max_wait_ms, name="yuyin-mel")  # fmt: skip

    def variance(self, ids: torch.Tensor, controls: ProsodyControls) -> tuple[torch.Tensor, ...]:
        """ids [1, L] -> durations [1, L] int64, hidden [1, L, H], f0 [1, L], energy [1, L]."""
        return self._variance.call((ids, controls))

    def mel(self, hidden: torch.Tensor, f0: torch.Tensor, energy: torch.Tensor, keep: Keep,
            durations: torch.Tensor) -> torch.Tensor:  # fmt: skip
        """One item's mel stage -> mel [1, T, M] with T = durations.sum()."""
        return self._mel.call((hidden, f0, energy, keep, durations))

    @torch.inference_mode()  # runs on the batcher's thread: the callers' inference mode does not carry over
    def _variance_batch(self, items: list[tuple[torch.Tensor, ProsodyControls]]) -> list[tuple[torch.Tensor, ...]]:
        if len(items) == 1:
            return [self.stages.variance(*items[0])]
        lengths = [ids.shape[1] for ids, _ in items]
        longest = max(lengths)
        ids = torch.cat([pad_phones(ids, longest) for ids, _ in items])
        rows = [padded_controls(row_controls, row_ids, longest) for row_ids, row_controls in items]
        controls = {name: torch.cat([row[name] for row in rows]) for name in CONTROLS}
        outputs = self.stages.variance(ids, ProsodyControls(**controls))
        return [tuple(output[b : b + 1, :length] for output in outputs) for b, length in enumerate(lengths)]

    @torch.inference_mode()
    def _mel_batch(self, items: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor, Keep, torch.Tensor]]) -> list[torch.Tensor]:
        if len(items) == 1:
            return [self.stages.mel(*items[0])]
        longest = max(item[0].shape[1] for item in items)
        padded = lambda index, value=0.0: torch.cat([pad_phones(item[index], longest, value) for item in items])  # noqa: E731
        hidden, f0, energy, durations = padded(0), padded(1), padded(2), padded(4)
        keep: Keep = None
        if any(item[3] is not None for item in items):
            masks = [item[3] or (torch.ones_like(item[0]), torch.ones_like(item[0])) for item in items]
            keep = tuple(torch.cat([pad_phones(m[k], longest, 1.0) for m in masks]) for k in range(2))  # type: ignore
        mel = self.stages.mel(hidden, f0, energy, keep, durations)
        return [mel[b : b + 1, : int(item[4].sum())] for b, item in enumerate(items)]

