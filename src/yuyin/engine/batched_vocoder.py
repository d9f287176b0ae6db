"""A vocoder batched across concurrent requests (see :mod:`.batching` and :mod:`.vocoder_pieces`).

Each call's mel is planned into pieces of a few fixed lengths (:func:`buckets_for`, at most a
quarter wasted on padding); the pieces of one length from concurrent requests are stacked into one batch
and vocoded together. Nothing is padded inside a batch (pieces batch only with pieces of their
own length), so every caller gets the samples of its batch-of-one pass, to float rounding
(tests/unit/test_batched_vocoder.py). A lone caller pays only a thread hand-off.

On a GPU one request's vocoder call leaves most of the device idle, so batching multiplies
throughput; on the CPU overlapping calls already keep the cores busy, and the voices leave it off.
"""
from __future__ import annotations

from typing import Callable

import torch

from yuyin.engine.batching import DynamicBatcher
from yuyin.engine.shape_buckets import octave_buckets
from yuyin.engine.vocoder_pieces import plan_pieces, vocode_in_pieces



def buckets_for(context: int) -> tuple[int, ...]:
    """Piece lengths (mel frames) for a vocoder that needs context frames: a quarter octave
    apart up to 1024, from the first that exceeds two contexts (see vocoder_pieces)."""
    return tuple(size for size in octave_buckets(16, 1024, per_octave=4) if size > 2 * context)


class BatchedVocoder:
    """Callable (mel [1, T, M], exact_end) -> waveform [1, T * hop]; thread-safe.

    forward: the vocoder, mel [B, F, M] -> waveform [B, F * hop] (batch-independent rows);
    context: frames of context a window needs (>= its receptive field); exact_end False: the
    caller discards the last receptive field's samples (a streaming window's right context).
    """

    def __init__(self, forward: Callable[[torch.Tensor], torch.Tensor], hop: int, context: int, max_batch_size: int,
                 max_wait_ms: float = 0.0):  # fmt: skip
        buckets = buckets_for(context)
        self._forward, self.hop, self.context, self.buckets = forward, hop, context, buckets
        self._batcher = DynamicBatcher(self._run_batch, lambda mel: mel.shape[1], max_batch_size=max_batch_size,
                                       max_wait_ms=max_wait_ms, name="yuyin-vocoder")  # fmt: skip

    @property
    def batch_sizes(self) -> list[int]:
        """Sizes of the batches run, most recent last."""
        return self._batcher.batch_sizes

    def __call__(self, mel: torch.Tensor, exact_end: bool = True) -> torch.Tensor:
        pieces = plan_pieces(mel.shape[1], self.buckets, self.context, exact_end)
        return vocode_in_pieces(mel, pieces, self.hop, self._batcher.call)

    @torch.inference_mode()  # runs on the batcher's thread: the callers' inference mode does not carry over
    def _run_batch(self, mels: list[torch.Tensor]) -> list[torch.Tensor]:
        """Pieces [1, F, M] of one length -> their waveforms [1, F * hop]."""
        if len(mels) == 1:
            return [self._forward(mels[0])]
        return list(self._forward(torch.cat(mels)).split(1))
