"""Vocoding a mel in pieces of a few fixed lengths, exactly.

A compiled vocoder wants few static shapes (:mod:`.compiled`) and a batch of several requests'
mels wants them of one length (:mod:`.batched_vocoder`). A convolutional vocoder with a finite
receptive field allows both without changing a kept sample:

- a piece is padded to its bucket by repeating its last frame; that changes only the samples of
  its last receptive field, which the piece keeps only where they are not the audio's end;
- where a mel's end is the audio's end ("exact end"), those samples come from a piece of a
  bucket length that ends exactly there, unpadded (its edge is the true edge); the piece before
  it is unpadded too where buckets allow, whichever pair runs fewer frames;
- a mel longer than the largest bucket is cut into windows with context (see streaming) and
  each window is planned the same way;
- a mel shorter than the smallest bucket whose end is exact runs at its own length.

Every piece's kept range lies at least a receptive field from any edge that is not the mel's
own, so the joined pieces equal the whole-mel pass (tests/unit/test_vocoder_pieces.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterator

import torch
import torch.nn.functional as F

from yuyin.engine.shape_buckets import bucket
from yuyin.engine.streaming import Window, split_windows


@dataclass(frozen=True)
class Piece:
    """Mel frames window.start..stop, run at ``frames`` (>= the window's length: the rest is its
    last frame repeated); samples of frames keep_start..keep_stop are kept."""

    window: Window
    frames: int


def check_buckets(buckets: tuple[int, ...], context: int) -> None:
    """ValueError unless buckets ascend and the smallest exceeds two contexts, as plan_pieces
    needs (an exact tail piece keeps what lies a context from its start, and the padded head
    before it must end short of the mel)."""
    if list(buckets) != sorted(set(buckets)) or buckets[0] <= 2 * context:
        raise ValueError(f"vocoder buckets must ascend from more than {2 * context} frames, got {buckets}")


def plan_pieces(frames: int, buckets: tuple[int, ...], context: int, exact_end: bool = True) -> list[Piece]:
    """Pieces that cover frames [0, frames) with kept ranges in order; every piece runs at a
    bucket length, except a mel shorter than the smallest bucket with an exact end.

    context: frames of context a window needs (>= the vocoder's receptive field); buckets as
    check_buckets wants them. exact_end False: the caller discards the
    last receptive field's samples (a streaming window's right context), so they may differ.
    """
    smallest, largest = buckets[0], buckets[-1]
    if frames > largest:
        windows = split_windows(frames, math.ceil(frames / (largest - 2 * context)), context)
        return _within(windows, frames, buckets, context, exact_end)
    whole = Window(0, frames, 0, frames)
    if frames < smallest and exact_end:
        return [Piece(whole, frames)]
    if not exact_end or frames in buckets:
        return [Piece(whole, bucket(frames, buckets))]
    return min(_heads_and_tails(frames, buckets, context), key=lambda pair: sum(piece.frames for piece in pair))


def _heads_and_tails(frames: int, buckets: tuple[int, ...], context: int) -> Iterator[list[Piece]]:
    """Ways to cover a mel of smallest..largest frames with an exact end in two pieces: a padded
    head and an exact smallest-bucket tail (always possible), or an unpadded bucket-length head
    and the shortest bucket-length tail that ends at the end and still has its context."""
    smallest = buckets[0]
    cut = frames - smallest + context
    head = Window(0, min(frames, cut + context), 0, cut)
    yield [Piece(head, bucket(head.stop, buckets)), Piece(Window(frames - smallest, frames, cut, frames), smallest)]
    for size in (size for size in buckets if size < frames):
        cut = size - context
        tail = bucket(frames - cut + context, buckets)  # that length is at most frames: cut >= context
        if tail <= frames:
            yield [Piece(Window(0, size, 0, cut), size), Piece(Window(frames - tail, frames, cut, frames), tail)]


def _within(windows: list[Window], frames: int, buckets: tuple[int, ...], context: int, exact_end: bool) -> list[Piece]:
    """Each window planned on its own, its pieces moved to the mel's frames and kept only inside its keep range."""
    pieces = []
    for outer in windows:
        length = outer.stop - outer.start
        for piece in plan_pieces(length, buckets, context, exact_end and outer.stop == frames):
            inner = piece.window
            keep_start = max(outer.keep_start, outer.start + inner.keep_start)
            keep_stop = min(outer.keep_stop, outer.start + inner.keep_stop)
            if keep_stop > keep_start:
                window = Window(outer.start + inner.start, outer.start + inner.stop, keep_start, keep_stop)
                pieces.append(Piece(window, piece.frames))
    return pieces


def padded_mel(mel: torch.Tensor, piece: Piece) -> torch.Tensor:
    """The piece's frames of mel [B, T, M], padded to piece.frames by repeating the last ->
    [B, frames, M], a new tensor with the standard strides: a compiled graph guards on strides,
    those of size-1 axes too, which ``contiguous()`` leaves as a slice had them."""
    part = mel[:, piece.window.start : piece.window.stop]
    tail = piece.frames - part.shape[1]
    if tail:
        part = F.pad(part.transpose(1, 2), (0, tail), mode="replicate").transpose(1, 2)
    return part.clone(memory_format=torch.contiguous_format)


def vocode_in_pieces(mel: torch.Tensor, pieces: list[Piece], hop: int,
                     run: Callable[[torch.Tensor], torch.Tensor]) -> torch.Tensor:  # fmt: skip
    """mel [B, T, M] -> waveform [B, T * hop]: run(piece mel [B, frames, M]) -> [B, frames * hop]
    for each piece, its kept samples joined."""
    waves = []
    for piece in pieces:
        window = piece.window
        wave = run(padded_mel(mel, piece))
        waves.append(wave[:, (window.keep_start - window.start) * hop : (window.keep_stop - window.start) * hop])
    return torch.cat(waves, dim=1)
