"""Tacotron2 acoustic model, Mellotron variant of the ttskit multi-speaker voice (voice-ttskit.md §2).

Owns the network and its batched autoregressive inference. Parameter names equal the keys that
``yuyin.voices.convert_pickle`` writes (the original ``state_dict()`` names).

Shapes: B batch, L symbol ids (= N memory positions), T decoder frames, A items still decoding,
M mel bins (80), E encoder size (256), S speaker size (32), C = E + S memory size (288),
P prenet size (128), D attention size (64).

The speaker is not an index: a name is hashed to a 32-dim vector (:func:`speaker_md5_vector`)
that goes through ``speaker_embedding`` (Linear 32 -> 32) and is appended to every encoder frame.
The prenet applies dropout at inference in the original; :class:`PrenetDropout` decides where the
masks come from (off, a seeded generator, the global RNG, or injected masks for parity runs).
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import pairwise

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class Tacotron2Config:
    """Hyper-parameters; defaults are those of ``mellotron.kuangdd-mspk.pt``.

    max_decoder_steps / gate_threshold are the values the pickled decoder really has (1200, 0.8).
    The decode-length guard is ``min(max_decoder_steps, ceil(max_steps_per_symbol * L + max_steps_base))``
    with L the id count (``~ _`` included). Measured with dropout on (24 speakers x 20 sentences):
    healthy Chinese runs use 4.0 frames per id (median; p99 7.1, max 10.6 at L = 8, the reference
    run 4.5), so 10 L + 80 truncated none of 405 and leaves >= 1.5x headroom; Latin letters are
    unreliable in this model whatever the guard.
    prenet_dropout_at_inference: keep the original's inference dropout (with dropout off the
    decoder collapses to a near-static frame and the gate fired in 35 of 480 runs).
    """

    n_symbols: int = 145
    symbols_embedding_dim: int = 256
    encoder_n_convolutions: int = 3
    encoder_kernel_size: int = 5
    encoder_embedding_dim: int = 256
    speaker_input_dim: int = 32
    speaker_embedding_dim: int = 32
    n_mel_channels: int = 80
    prenet_dim: int = 128
    prenet_n_layers: int = 2
    prenet_dropout: float = 0.5
    attention_rnn_dim: int = 512
    attention_dim: int = 64
    attention_location_n_filters: int = 16
    attention_location_kernel_size: int = 31
    decoder_rnn_dim: int = 512
    postnet_embedding_dim: int = 256
    postnet_kernel_size: int = 5
    postnet_n_convolutions: int = 5
    batch_norm_eps: float = 1e-5
    max_decoder_steps: int = 1200
    gate_threshold: float = 0.8
    max_steps_per_symbol: float = 10.0
    max_steps_base: int = 80
    prenet_dropout_at_inference: bool = True

    @classmethod
    def from_dict(cls, data: dict) -> Tacotron2Config:
        """Build from ``VoiceConfig.acoustic``; unknown keys are an error."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown Tacotron2 hyper-parameters {sorted(unknown)}")
        return cls(**data)

    @property
    def memory_dim(self) -> int:
        return self.encoder_embedding_dim + self.speaker_embedding_dim


def speaker_md5_vector(name: str) -> list[float]:
    """md5 hex digits of the UTF-8 name, each d -> (d - 7) / 10 (section 2.4); 32 floats."""
    return [(int(digit, 16) - 7) / 10 for digit in hashlib.md5(name.encode("utf-8")).hexdigest()]


def speaker_vectors(names: Sequence[str]) -> torch.Tensor:
    """[B] names -> [B, 32] float32 speaker input vectors (computed in float64, then cast)."""
    return torch.tensor([speaker_md5_vector(name) for name in names], dtype=torch.float64).float()


class LinearNorm(nn.Module):
    """Linear layer kept in a wrapper so the parameter names read ``...linear_layer.weight``."""

    def __init__(self, in_dim: int, out_dim: int, bias: bool = True) -> None:
        super().__init__()
        self.linear_layer = nn.Linear(in_dim, out_dim, bias=bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear_layer(x)


class ConvNorm(nn.Module):
    """Conv1d with "same" zero padding (odd kernel), names ``...conv.weight``. [B,Ci,N] -> [B,Co,N]."""

    def __init__(self, in_ch: int, out_ch: int, kernel_size: int, bias: bool = True) -> None:
        super().__init__()
        self.conv = nn.Conv1d(in_ch, out_ch, kernel_size, padding=(kernel_size - 1) // 2, bias=bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(x)


def conv_bn_block(in_ch: int, out_ch: int, kernel_size: int, eps: float) -> nn.Sequential:
    """``Sequential(ConvNorm, BatchNorm1d)``: index 0 and 1 as in the checkpoint."""
    return nn.Sequential(ConvNorm(in_ch, out_ch, kernel_size), nn.BatchNorm1d(out_ch, eps=eps))


def run_conv_bn(block: nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """Conv then inference-mode batch norm (running statistics), whatever ``block.training`` is."""
    conv, bn = block[0], block[1]
    return F.batch_norm(conv(x), bn.running_mean, bn.running_var, bn.weight, bn.bias, False, 0.0, bn.eps)


class Encoder(nn.Module):
    """3 x (conv k5 -> BN -> ReLU) then a BiLSTM. [B, E, L] embeddings -> [B, L, E]."""

    def __init__(self, c: Tacotron2Config) -> None:
        super().__init__()
        dim = c.symbols_embedding_dim
        self.convolutions = nn.ModuleList(
            conv_bn_block(dim if i == 0 else c.encoder_embedding_dim, c.encoder_embedding_dim,
                          c.encoder_kernel_size, c.batch_norm_eps)
            for i in range(c.encoder_n_convolutions)
        )  # fmt: skip
        self.lstm = nn.LSTM(c.encoder_embedding_dim, c.encoder_embedding_dim // 2, batch_first=True, bidirectional=True)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """x [B, E, L], lengths [B] -> [B, L, E]; positions past an item's length are zero."""
        max_len = x.size(2)
        valid = (torch.arange(max_len, device=x.device)[None, :] < lengths[:, None]).unsqueeze(1)  # [B,1,L]
        x = x * valid  # zero padding, exactly what a lone item's conv sees past its end
        for block in self.convolutions:
            x = F.relu(run_conv_bn(block, x)) * valid  # [B, E, L]
        x = x.transpose(1, 2)  # [B, L, E]
        if bool((lengths == max_len).all()):
            return self.lstm(x)[0]
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        return nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=max_len)[0]


class Prenet(nn.Module):
    """n x (Linear without bias -> ReLU -> dropout mask). [A, M] -> [A, P]."""

    def __init__(self, c: Tacotron2Config) -> None:
        super().__init__()
        sizes = [c.n_mel_channels] + [c.prenet_dim] * c.prenet_n_layers
        self.layers = nn.ModuleList(LinearNorm(i, o, bias=False) for i, o in pairwise(sizes))

    def forward(self, x: torch.Tensor, masks: Sequence[torch.Tensor] | None) -> torch.Tensor:
        """masks: one multiplicative [A, P] mask per layer (values 0 or 1/keep), or None for none."""
        for i, linear in enumerate(self.layers):
            x = F.relu(linear(x))
            if masks is not None:
                x = x * masks[i]
        return x


class LocationLayer(nn.Module):
    """[A, 2, N] (previous, cumulative attention) -> conv k31 -> dense -> [A, N, D]."""

    def __init__(self, c: Tacotron2Config) -> None:
        super().__init__()
        self.location_conv = ConvNorm(2, c.attention_location_n_filters, c.attention_location_kernel_size, bias=False)
        self.location_dense = LinearNorm(c.attention_location_n_filters, c.attention_dim, bias=False)

    def forward(self, weights_cat: torch.Tensor) -> torch.Tensor:
        return self.location_dense(self.location_conv(weights_cat).transpose(1, 2))


class Attention(nn.Module):
    """Location-sensitive additive attention: e_j = v . tanh(W_q q + loc_j + W_m m_j)."""

    def __init__(self, c: Tacotron2Config) -> None:
        super().__init__()
        self.query_layer = LinearNorm(c.attention_rnn_dim, c.attention_dim, bias=False)
        self.memory_layer = LinearNorm(c.memory_dim, c.attention_dim, bias=False)
        self.v = LinearNorm(c.attention_dim, 1, bias=False)
        self.location_layer = LocationLayer(c)

    def forward(
        self, query: torch.Tensor, memory: torch.Tensor, processed_memory: torch.Tensor,
        weights_cat: torch.Tensor, pad_mask: torch.Tensor | None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """query [A, Ra], memory [A, N, C], processed_memory [A, N, D], weights_cat [A, 2, N],
        pad_mask [A, N] (True = padding) -> context [A, C], weights [A, N]."""
        processed_query = self.query_layer(query.unsqueeze(1))  # [A, 1, D]
        location = self.location_layer(weights_cat)  # [A, N, D]
        energies = self.v(torch.tanh(processed_query + location + processed_memory)).squeeze(-1)  # [A, N]
        if pad_mask is not None:
            energies = energies.masked_fill(pad_mask, float("-inf"))
        weights = F.softmax(energies, dim=1)
        context = torch.bmm(weights.unsqueeze(1), memory).squeeze(1)  # [A, C]
        return context, weights


@dataclass
class DecoderState:
    """Recurrent state of the A items still decoding; every tensor has A rows."""

    attention_hidden: torch.Tensor  # [A, Ra]
    attention_cell: torch.Tensor  # [A, Ra]
    decoder_hidden: torch.Tensor  # [A, Rd]
    decoder_cell: torch.Tensor  # [A, Rd]
    weights: torch.Tensor  # [A, N] attention of the last step
    weights_cum: torch.Tensor  # [A, N] cumulative attention
    context: torch.Tensor  # [A, C]
    frame: torch.Tensor  # [A, M] previous mel frame (before the postnet); zeros = go frame
    memory: torch.Tensor  # [A, N, C]
    processed_memory: torch.Tensor  # [A, N, D]
    pad_mask: torch.Tensor | None  # [A, N], True = padding; None when no item is padded
    # [A] float: a row whose attention would peak past this position at this step attends
    # again with the positions past it masked (None: no bound). The caller advances it
    # (yuyin.engine.ar_batcher's StopRule); rows that respect it are untouched.
    max_position: torch.Tensor | None = None

    def select(self, keep: torch.Tensor) -> DecoderState:
        """Rows where the bool mask ``keep`` [A] is True."""
        return DecoderState(**{
            f.name: None if getattr(self, f.name) is None else getattr(self, f.name)[keep] for f in fields(self)
        })  # fmt: skip

    @property
    def memory_lengths(self) -> torch.Tensor:
        """[A] long: valid memory positions per row."""
        if self.pad_mask is None:
            return torch.full((self.memory.size(0),), self.memory.size(1), dtype=torch.long, device=self.memory.device)
        return (~self.pad_mask).sum(1)

    @staticmethod
    def concat(states: Sequence[DecoderState]) -> DecoderState:
        """Rows of several states stacked, for items that joined a running batch.

        Memory-length tensors are zero-padded to the longest N and the padding is masked, which
        is what a batch-of-one item sees (zero attention on padding, zero-padded location conv).
        """
        n = max(s.memory.size(1) for s in states)
        lengths = torch.cat([s.memory_lengths for s in states])
        parts = {
            f.name: [_pad_positions(getattr(s, f.name), n) if f.name in _POSITION_FIELDS else getattr(s, f.name)
                     for s in states]
            for f in fields(DecoderState) if f.name not in ("pad_mask", "max_position")
        }  # fmt: skip
        merged = {name: torch.cat(values) for name, values in parts.items()}
        positions = torch.arange(n, device=lengths.device)
        pad_mask = positions[None, :] >= lengths[:, None]
        bounds = [s.max_position for s in states]
        if any(b is None for b in bounds) and not all(b is None for b in bounds):
            raise ValueError("either every state has a max_position or none has")
        max_position = None if bounds[0] is None else torch.cat(bounds)
        return DecoderState(**merged, pad_mask=pad_mask if bool(pad_mask.any()) else None, max_position=max_position)

    def compact(self) -> DecoderState:
        """Drop memory positions that are padding for every row (after the longest item left)."""
        if self.pad_mask is None:
            return self
        n = int(self.memory_lengths.max())
        if n == self.memory.size(1):
            return self
        cut = {name: getattr(self, name)[:, :n] for name in _POSITION_FIELDS}
        pad_mask = self.pad_mask[:, :n]
        return DecoderState(**{**{f.name: getattr(self, f.name) for f in fields(self)}, **cut,
                               "pad_mask": pad_mask if bool(pad_mask.any()) else None})  # fmt: skip


_POSITION_FIELDS = ("weights", "weights_cum", "memory", "processed_memory")  # tensors with an N axis (dim 1)


def _pad_positions(tensor: torch.Tensor, n: int) -> torch.Tensor:
    """Zero-pad the N axis (dim 1) of [A, N] or [A, N, X] to n."""
    missing = n - tensor.size(1)
    if missing == 0:
        return tensor
    pad = (0, 0, 0, missing) if tensor.dim() == 3 else (0, missing)
    return F.pad(tensor, pad)


class Decoder(nn.Module):
    """Autoregressive decoder: prenet -> attention LSTM -> attention -> decoder LSTM -> mel, gate."""

    def __init__(self, c: Tacotron2Config) -> None:
        super().__init__()
        self.prenet = Prenet(c)
        self.attention_rnn = nn.LSTMCell(c.prenet_dim + c.memory_dim, c.attention_rnn_dim)
        self.attention_layer = Attention(c)
        self.decoder_rnn = nn.LSTMCell(c.attention_rnn_dim + c.memory_dim, c.decoder_rnn_dim)
        self.linear_projection = LinearNorm(c.decoder_rnn_dim + c.memory_dim, c.n_mel_channels)
        self.gate_layer = LinearNorm(c.decoder_rnn_dim + c.memory_dim, 1)

    def initial_state(self, memory: torch.Tensor, pad_mask: torch.Tensor | None) -> DecoderState:
        """memory [B, N, C] -> all-zero state (section 2.3) with the memory projected once."""
        batch, n, _ = memory.shape
        zeros = memory.new_zeros
        return DecoderState(
            attention_hidden=zeros(batch, self.attention_rnn.hidden_size),
            attention_cell=zeros(batch, self.attention_rnn.hidden_size),
            decoder_hidden=zeros(batch, self.decoder_rnn.hidden_size),
            decoder_cell=zeros(batch, self.decoder_rnn.hidden_size),
            weights=zeros(batch, n),
            weights_cum=zeros(batch, n),
            context=zeros(batch, memory.size(2)),
            frame=zeros(batch, self.linear_projection.linear_layer.out_features),
            memory=memory,
            processed_memory=self.attention_layer.memory_layer(memory),  # [B, N, D]
            pad_mask=pad_mask,
        )

    def step(
        self, s: DecoderState, masks: Sequence[torch.Tensor] | None
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """One frame for every row of ``s`` (updated in place) -> mel [A, M], gate logit [A], weights [A, N]."""
        cell_input = torch.cat((self.prenet(s.frame, masks), s.context), -1)  # [A, P + C]
        s.attention_hidden, s.attention_cell = self.attention_rnn(cell_input, (s.attention_hidden, s.attention_cell))
        weights_cat = torch.cat((s.weights.unsqueeze(1), s.weights_cum.unsqueeze(1)), dim=1)  # [A, 2, N]
        s.context, s.weights = self.attention_layer(
            s.attention_hidden, s.memory, s.processed_memory, weights_cat, s.pad_mask
        )
        if s.max_position is not None:
            self._bound_attention(s, weights_cat)
        s.weights_cum = s.weights_cum + s.weights
        decoder_input = torch.cat((s.attention_hidden, s.context), -1)  # [A, Ra + C]
        s.decoder_hidden, s.decoder_cell = self.decoder_rnn(decoder_input, (s.decoder_hidden, s.decoder_cell))
        hidden_context = torch.cat((s.decoder_hidden, s.context), dim=1)  # [A, Rd + C]
        mel = self.linear_projection(hidden_context)  # [A, M]
        gate = self.gate_layer(hidden_context).squeeze(1)  # [A]
        s.frame = mel
        return mel, gate, s.weights

    def _bound_attention(self, s: DecoderState, weights_cat: torch.Tensor) -> None:
        """Rows whose attention peaks past ``s.max_position`` attend again with the positions
        past it masked; the other rows are left exactly as they are."""
        positions = torch.arange(s.memory.size(1), device=s.memory.device)
        beyond = positions[None, :] > s.max_position[:, None]  # [A, N]
        jumped = s.weights.argmax(dim=1) > s.max_position  # [A]
        if not bool(jumped.any()):
            return
        mask = beyond & jumped[:, None]
        mask = mask if s.pad_mask is None else mask | s.pad_mask
        context, weights = self.attention_layer(s.attention_hidden, s.memory, s.processed_memory, weights_cat, mask)
        s.context = torch.where(jumped[:, None], context, s.context)
        s.weights = torch.where(jumped[:, None], weights, s.weights)


class Postnet(nn.Module):
    """5 x (conv k5 -> BN), tanh after all but the last. [B, M, T] -> residual [B, M, T]."""

    def __init__(self, c: Tacotron2Config) -> None:
        super().__init__()
        dims = [c.n_mel_channels] + [c.postnet_embedding_dim] * (c.postnet_n_convolutions - 1) + [c.n_mel_channels]
        self.convolutions = nn.ModuleList(
            conv_bn_block(i, o, c.postnet_kernel_size, c.batch_norm_eps) for i, o in pairwise(dims)
        )

    def forward(self, mel: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
        """mel [B, M, T] (zero past each length), valid [B, 1, T] float 0/1 -> residual [B, M, T]."""
        x = mel
        for i, block in enumerate(self.convolutions):
            x = run_conv_bn(block, x)
            if i < len(self.convolutions) - 1:
                x = torch.tanh(x)
            x = x * valid  # a lone item's conv sees zero padding past its last frame
        return x


class PrenetDropout:
    """Source of the prenet dropout masks, one [A, P] mask per prenet layer and step.

    - ``masks`` [B, S, n_layers, P] (values 0 or 1/keep): injected, e.g. the recorded masks of a
      reference run; decoding more than S steps is an error.
    - ``enabled`` with ``generator`` None: the global torch RNG, like the original code.
    - ``enabled`` with one ``torch.Generator``: draws [A, P] per layer from it; at B = 1 this is
      the same stream as ``torch.manual_seed(seed)`` + ``F.dropout`` in the original. Masks are
      drawn on the generator's device and moved, so a CPU generator makes CPU and CUDA agree.
    - ``enabled`` with one generator per item: each item draws its own [1, P] masks, so an item's
      output does not depend on what it is batched with.
    - not enabled: no dropout.
    """

    def __init__(
        self, n_layers: int, dim: int, p: float, *, enabled: bool,
        generator: torch.Generator | Sequence[torch.Generator] | None = None, masks: torch.Tensor | None = None,
    ) -> None:
        self.n_layers, self.dim, self.keep = n_layers, dim, 1.0 - p
        self.enabled = enabled or masks is not None
        self.generator = generator
        self.masks = masks

    def draw(self, step: int, rows: torch.Tensor, like: torch.Tensor) -> list[torch.Tensor] | None:
        """Masks for ``step`` and batch rows ``rows`` [A] (long), dtype/device of ``like``."""
        if not self.enabled:
            return None
        if self.masks is not None:
            if step >= self.masks.size(1):
                raise ValueError(f"injected prenet masks cover {self.masks.size(1)} steps; step {step} needs more")
            return [self.masks[rows, step, layer].to(like) for layer in range(self.n_layers)]
        if isinstance(self.generator, Sequence):
            per_item = [self._bernoulli(1, like, self.generator[int(r)]) for r in rows.tolist()]
            return [torch.cat([m[layer] for m in per_item]) for layer in range(self.n_layers)]
        return self._bernoulli(rows.numel(), like, self.generator)

    def _bernoulli(self, rows: int, like: torch.Tensor, generator: torch.Generator | None) -> list[torch.Tensor]:
        # Same op, shape and order as F.dropout(x, p, training=True) on [rows, P]: bernoulli_ then div_.
        # Drawn in float32 on the generator's device, then cast and moved: the masks (0 or 1/keep)
        # are the same for any model dtype, and a CPU generator gives a CUDA model the same masks.
        device = like.device if generator is None else generator.device
        return [
            torch.empty(rows, self.dim, device=device)
            .bernoulli_(self.keep, generator=generator).div_(self.keep).to(like)
            for _ in range(self.n_layers)
        ]


@dataclass
class Tacotron2Output:
    """Decoded batch; frames past ``mel_lengths[b]`` are zero (alignments and gates too)."""

    mel_decoder: torch.Tensor  # [B, M, T] before the postnet
    mel_postnet: torch.Tensor  # [B, M, T] natural-log mel for the vocoder
    gate_probs: torch.Tensor  # [B, T] sigmoid of the gate logits
    alignments: torch.Tensor  # [B, T, N]
    mel_lengths: torch.Tensor  # [B] long, frames decoded including the stop frame
    stopped: torch.Tensor  # [B] bool, True when the gate fired (False: hit the step limit)


class Tacotron2(nn.Module):
    """Text ids + speaker vector -> mel. Modules: embedding, encoder, speaker_embedding, decoder, postnet."""

    def __init__(self, config: Tacotron2Config | None = None) -> None:
        super().__init__()
        c = self.config = config or Tacotron2Config()
        self.embedding = nn.Embedding(c.n_symbols, c.symbols_embedding_dim)
        self.encoder = Encoder(c)
        self.speaker_embedding = nn.Linear(c.speaker_input_dim, c.speaker_embedding_dim)
        self.decoder = Decoder(c)
        self.postnet = Postnet(c)

    def encode_text(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """ids [B, L] long, lengths [B] -> encoder output [B, L, E] (zero past each length)."""
        return self.encoder(self.embedding(ids).transpose(1, 2), lengths)

    def encode(self, ids: torch.Tensor, lengths: torch.Tensor, speakers: torch.Tensor) -> torch.Tensor:
        """-> memory [B, L, C] = [encoder output ‖ speaker_embedding(speakers [B, 32]) on every frame]."""
        text = self.encode_text(ids, lengths)  # [B, L, E]
        speaker = self.speaker_embedding(speakers.to(text))[:, None]  # [B, 1, S]
        return torch.cat((text, speaker.expand(-1, text.size(1), -1)), dim=2)

    def start(self, ids: torch.Tensor, lengths: torch.Tensor, speakers: torch.Tensor) -> DecoderState:
        """Encode a batch and return its initial decoder state, for step-wise decoding.

        ids [B, L], lengths [B], speakers [B, 32]. Drive it with ``decoder.step(state, masks)``;
        rows may leave (``state.select``) or join (``DecoderState.concat``) between steps.
        """
        lengths = lengths.to(ids.device)
        memory = self.encode(ids, lengths, speakers)  # [B, N, C]
        positions = torch.arange(ids.size(1), device=ids.device)
        pad_mask = positions[None, :] >= lengths[:, None] if bool((lengths < ids.size(1)).any()) else None
        return self.decoder.initial_state(memory, pad_mask)

    def apply_postnet(self, mel: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Decoder mel [B, M, T] (frames past lengths[b] ignored) -> mel + postnet residual,
        zero past each length; a window of frames gives the same values for its frames farther
        than :attr:`postnet_context` from the window's cut edges."""
        frames = mel.size(2)
        valid = (torch.arange(frames, device=mel.device)[None, :] < lengths.to(mel.device)[:, None])
        valid = valid.unsqueeze(1).to(mel.dtype)  # [B, 1, T]
        mel = mel * valid
        return (mel + self.postnet(mel, valid)) * valid

    @property
    def postnet_context(self) -> int:
        """Frames on each side that influence one postnet output frame."""
        c = self.config
        return c.postnet_n_convolutions * (c.postnet_kernel_size - 1) // 2

    def max_steps_for(self, lengths: torch.Tensor) -> torch.Tensor:
        """Decode-length guard [B]: min(max_decoder_steps, ceil(k * L + c)) with the config's k, c."""
        c = self.config
        guard = torch.ceil(lengths.double() * c.max_steps_per_symbol + c.max_steps_base).long()
        return guard.clamp(1, c.max_decoder_steps)

    @torch.no_grad()
    def infer(
        self, ids: torch.Tensor, lengths: torch.Tensor, speakers: torch.Tensor,
        max_steps: torch.Tensor | int | None = None, gate_threshold: float | None = None,
        generator: torch.Generator | Sequence[torch.Generator] | None = None, *,
        prenet_dropout: bool | None = None, prenet_masks: torch.Tensor | None = None,
    ) -> Tacotron2Output:
        """Batched greedy decoding with per-item stop.

        ids [B, L] long (any pad id past each length), lengths [B], speakers [B, 32] md5 vectors,
        max_steps [B] or int (default :meth:`max_steps_for`), gate_threshold (default config, stop
        when sigmoid(gate) > it, the stop frame kept). A stopped item leaves the batch: its frames
        stop changing and later frames are zero. The loop ends when every item stopped or hit
        its limit. ``prenet_dropout`` None = config default; see :class:`PrenetDropout` (pass one
        generator per item to keep each item's masks independent of the batch).

        Batching changes only float rounding (GEMM vs GEMV, packed LSTM): about 1e-6 in the
        memory, which the autoregressive loop can amplify. Real voice, 18 sentences batched vs
        one by one: 17 within 0.1 % mel rel L2, one diverged late (6.6 %); stop frames equal or +-1.
        """
        c = self.config
        lengths = lengths.to(ids.device)
        limit = self._step_limits(lengths, max_steps)
        threshold = c.gate_threshold if gate_threshold is None else gate_threshold
        enabled = c.prenet_dropout_at_inference if prenet_dropout is None else prenet_dropout
        noise = PrenetDropout(c.prenet_n_layers, c.prenet_dim, c.prenet_dropout,
                              enabled=enabled, generator=generator, masks=prenet_masks)  # fmt: skip
        memory = self.encode(ids, lengths, speakers)  # [B, N, C]
        positions = torch.arange(ids.size(1), device=ids.device)
        pad_mask = positions[None, :] >= lengths[:, None] if bool((lengths < ids.size(1)).any()) else None
        state = self.decoder.initial_state(memory, pad_mask)
        rows = torch.arange(ids.size(0), device=ids.device)
        steps: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]] = []
        mel_lengths = torch.zeros_like(lengths, dtype=torch.long)
        stopped = torch.zeros_like(lengths, dtype=torch.bool)
        for step in range(int(limit.max())):
            mel, gate, weights = self.decoder.step(state, noise.draw(step, rows, memory))
            steps.append((rows, mel, gate, weights))
            fired = torch.sigmoid(gate) > threshold  # [A]
            stopped[rows[fired]] = True
            mel_lengths[rows] = step + 1
            done = fired | (step + 1 >= limit[rows])
            if bool(done.all()):
                break
            if bool(done.any()):
                rows, state = rows[~done], state.select(~done)
        return self._assemble(steps, mel_lengths, stopped, memory.size(1))

    def _step_limits(self, lengths: torch.Tensor, max_steps: torch.Tensor | int | None) -> torch.Tensor:
        if max_steps is None:
            return self.max_steps_for(lengths)
        if isinstance(max_steps, int):
            return torch.full_like(lengths, max_steps, dtype=torch.long).clamp(min=1)
        return max_steps.to(lengths.device).long().clamp(min=1)

    def _assemble(
        self, steps: list, mel_lengths: torch.Tensor, stopped: torch.Tensor, n: int
    ) -> Tacotron2Output:
        batch, frames = mel_lengths.numel(), len(steps)
        ref = steps[0][1]
        mel = ref.new_zeros(batch, frames, ref.size(1))  # [B, T, M]
        gate = ref.new_zeros(batch, frames)
        align = ref.new_zeros(batch, frames, n)
        for t, (rows, mel_t, gate_t, weights_t) in enumerate(steps):
            mel[rows, t], gate[rows, t], align[rows, t] = mel_t, torch.sigmoid(gate_t), weights_t
        mel = mel.transpose(1, 2)  # [B, M, T]
        mel_postnet = self.apply_postnet(mel, mel_lengths)
        return Tacotron2Output(mel, mel_postnet, gate, align, mel_lengths, stopped)


def vocoder_frame_counts(out: Tacotron2Output, gate_threshold: float = 0.8) -> torch.Tensor:
    """The SDK's trim (section 2.5) per item -> [B] frames of ``mel_postnet`` to vocode.

    end = first frame with gate > threshold (so the stop frame is dropped); if that is frame 0
    or there is none, argmax of the gate; if that is also 0, all frames.
    """
    ends = []
    for probs, length in zip(out.gate_probs, out.mel_lengths.tolist()):
        g = probs[:length]
        above = torch.nonzero(g > gate_threshold)
        end = int(above[0]) if above.numel() else 0
        if end == 0:
            end = int(torch.argmax(g)) if length else 0
        ends.append(end if end > 0 else length)
    return torch.tensor(ends, dtype=torch.long)


def max_steps_guard(length: int, config: Tacotron2Config) -> int:
    """Scalar form of :meth:`Tacotron2.max_steps_for` for planning without tensors."""
    guard = math.ceil(length * config.max_steps_per_symbol + config.max_steps_base)
    return max(1, min(config.max_decoder_steps, guard))
