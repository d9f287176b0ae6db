"""FastSpeech2 acoustic model (TensorFlowTTS layout, as shipped in the baker voice).

Shapes: B batch, L phone ids, T mel frames, H hidden size (256), M mel bins (80).
A padded id (0) is masked out everywhere; items of a batch are independent of their padding.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class FastSpeech2Config:
    vocab_size: int = 219
    hidden_size: int = 256
    num_layers: int = 3
    num_heads: int = 2
    head_size: int = 16
    intermediate_size: int = 1024
    intermediate_kernel: int = 3
    predictor_filters: int = 256
    predictor_kernel: int = 3
    variance_embedding_kernel: int = 9
    postnet_filters: int = 512
    postnet_kernel: int = 5
    postnet_layers: int = 5
    n_mels: int = 80
    max_positions: int = 2048
    layer_norm_eps: float = 1e-5
    variance_dropout: float = 0.5


# Largest f0 shift (z-score units) the decoder renders: past it the voice stops rising or falling
# and fades out (speech RMS 0.11 at shift 0, 0.066 at -1.5, 0.094 at +1.5, 0.037 at -2, 0.059 at
# +2, 0.013 at +-3; f0 level 12.2 / 16.0 / 19.1 semitones re 100 Hz at -1 / 0 / +1.5, 17.7 at +2).
MAX_F0_SHIFT = 1.5


@dataclass(frozen=True)
class ProsodyControls:
    """Controls, each a float (whole batch), a [B] tensor (per item) or a [B, L] tensor (per phone).

    duration_scale multiplies predicted durations (>1 is slower); f0 and energy are
    z-normalised per phone, so f0 = f0_pred * f0_scale + f0_shift and
    energy = energy_pred * energy_scale + energy_shift. The f0 shift is clamped to
    +-MAX_F0_SHIFT (a request's shift plus a style's level and contour can add up past it).
    """

    duration_scale: torch.Tensor | float = 1.0
    f0_scale: torch.Tensor | float = 1.0
    f0_shift: torch.Tensor | float = 0.0
    energy_scale: torch.Tensor | float = 1.0
    energy_shift: torch.Tensor | float = 0.0


@dataclass
class FastSpeech2Output:
    mel_before: torch.Tensor  # [B, T, M]
    mel_after: torch.Tensor  # [B, T, M]
    durations: torch.Tensor  # [B, L] int64 frames
    f0: torch.Tensor  # [B, L]
    energy: torch.Tensor  # [B, L]
    mel_lengths: torch.Tensor  # [B] int64


class HybridLinear(nn.Linear):
    """Linear layer that can emulate TFLite's hybrid int8 kernel.

    With ``emulate_int8`` set, each input row (one time step) is quantised to symmetric int8
    before the product, as the original export computes it; otherwise it is a plain Linear.
    """

    emulate_int8 = False

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.emulate_int8:
            x = fake_quantize_int8(x, dims=(-1,))
        return super().forward(x)


class SameConv1d(nn.Conv1d):
    """Conv1d over [B, C, N] with "same" zero padding (odd kernel).

    With ``emulate_int8`` set, each item's whole input [C, N] is quantised to symmetric int8 with
    one scale first, as TFLite's hybrid CONV_2D does.
    """

    emulate_int8 = False

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int):
        super().__init__(in_channels, out_channels, kernel_size, padding=(kernel_size - 1) // 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.emulate_int8:
            x = fake_quantize_int8(x, dims=(1, 2))
        return super().forward(x)


class SelfAttention(nn.Module):
    """Multi-head self-attention whose heads are narrower than the model (256 -> 2x16 -> 256)."""

    def __init__(self, cfg: FastSpeech2Config):
        super().__init__()
        inner = cfg.num_heads * cfg.head_size
        self.num_heads, self.head_size = cfg.num_heads, cfg.head_size
        self.query = HybridLinear(cfg.hidden_size, inner)
        self.key = HybridLinear(cfg.hidden_size, inner)
        self.value = HybridLinear(cfg.hidden_size, inner)
        self.output = HybridLinear(inner, cfg.hidden_size)

    def forward(self, x: torch.Tensor, key_padding: torch.Tensor) -> torch.Tensor:
        """x [B, N, H], key_padding [B, N] (1.0 = real) -> [B, N, H] (before residual)."""
        b, n, _ = x.shape
        split = lambda t: t.view(b, n, self.num_heads, self.head_size).transpose(1, 2)  # noqa: E731
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))  # [B, h, N, d]
        scores = q @ k.transpose(-1, -2) * self.head_size**-0.5  # [B, h, N, N]
        scores = scores + (1.0 - key_padding)[:, None, None, :] * -1e9
        context = torch.softmax(scores, dim=-1) @ v  # [B, h, N, d]
        return self.output(context.transpose(1, 2).reshape(b, n, -1))


class FeedForward(nn.Module):
    """Conv(k) -> mish -> Conv(k), over [B, N, H]."""

    def __init__(self, cfg: FastSpeech2Config):
        super().__init__()
        self.conv1 = SameConv1d(cfg.hidden_size, cfg.intermediate_size, cfg.intermediate_kernel)
        self.conv2 = SameConv1d(cfg.intermediate_size, cfg.hidden_size, cfg.intermediate_kernel)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x [B, N, H] (zero where padded), mask [B, N] -> [B, N, H]; padding zeroed in between."""
        y = F.mish(self.conv1(x.transpose(1, 2))) * mask[:, None, :]
        return self.conv2(y).transpose(1, 2)


class FFTBlock(nn.Module):
    """Post-norm transformer block with a convolutional feed-forward; padded rows are zeroed."""

    def __init__(self, cfg: FastSpeech2Config):
        super().__init__()
        self.attention = SelfAttention(cfg)
        self.attention_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.ffn = FeedForward(cfg)
        self.output_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x [B, N, H], mask [B, N] float -> [B, N, H]."""
        m = mask[..., None]
        a = self.attention_norm(self.attention(x, mask) + x) * m
        f = self.ffn(a, mask) * m
        return self.output_norm(f + a) * m


class VariancePredictor(nn.Module):
    """Two (conv -> ReLU -> LayerNorm) layers and a linear projection to one value per phone."""

    def __init__(self, cfg: FastSpeech2Config):
        super().__init__()
        h, f, k = cfg.hidden_size, cfg.predictor_filters, cfg.predictor_kernel
        self.conv0 = SameConv1d(h, f, k)
        self.norm0 = nn.LayerNorm(f, eps=cfg.layer_norm_eps)
        self.conv1 = SameConv1d(f, f, k)
        self.norm1 = nn.LayerNorm(f, eps=cfg.layer_norm_eps)
        self.proj = nn.Linear(f, 1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x [B, L, H] (zero where padded), mask [B, L] -> [B, L].

        Padded rows are zeroed between layers so a padded item sees the zero padding it would
        see alone (a no-op without padding, as in the original).
        """
        m = mask[..., None]
        c = self.norm0(F.relu(self.conv0(x.transpose(1, 2))).transpose(1, 2)) * m
        c = self.norm1(F.relu(self.conv1(c.transpose(1, 2))).transpose(1, 2))
        return self.proj(c).squeeze(-1) * mask


class PostNet(nn.Module):
    """Five convolutions with folded batch-norm (per-channel scale and shift), tanh on all but the last."""

    def __init__(self, cfg: FastSpeech2Config):
        super().__init__()
        widths = [cfg.n_mels] + [cfg.postnet_filters] * (cfg.postnet_layers - 1) + [cfg.n_mels]
        self.convs = nn.ModuleList(
            SameConv1d(widths[i], widths[i + 1], cfg.postnet_kernel) for i in range(cfg.postnet_layers)
        )
        for i, width in enumerate(widths[1:]):
            self.register_buffer(f"scale{i}", torch.ones(width))
            self.register_buffer(f"shift{i}", torch.zeros(width))

    def forward(self, mel: torch.Tensor, frame_mask: torch.Tensor) -> torch.Tensor:
        """mel [B, T, M], frame_mask [B, T] -> residual [B, T, M], zero on padded frames.

        Padded frames are zeroed before every convolution so batching does not change results.
        """
        m = frame_mask[:, None, :]
        y = mel.transpose(1, 2)
        last = len(self.convs) - 1
        for i, conv in enumerate(self.convs):
            y = conv(y * m) * getattr(self, f"scale{i}")[:, None] + getattr(self, f"shift{i}")[:, None]
            if i < last:
                y = torch.tanh(y)
        return (y * m).transpose(1, 2)


class FastSpeech2(nn.Module):
    """ids -> mel with explicit duration, f0 and energy prediction.

    The f0 and energy embeddings are followed by a dropout that the original applies at inference
    too; ``variance_masks`` decides it (see ``forward``).
    """

    def __init__(self, cfg: FastSpeech2Config):
        super().__init__()
        self.cfg = cfg
        h = cfg.hidden_size
        self.char_embedding = nn.Embedding(cfg.vocab_size, h)
        # Row 0 is zero (padding); rows 1..max_positions are the (quantised) sinusoid table.
        self.register_buffer("position_table", torch.zeros(cfg.max_positions + 1, h))
        self.encoder = nn.ModuleList(FFTBlock(cfg) for _ in range(cfg.num_layers))
        self.duration_predictor = VariancePredictor(cfg)
        self.f0_predictor = VariancePredictor(cfg)
        self.energy_predictor = VariancePredictor(cfg)
        self.f0_embedding = SameConv1d(1, h, cfg.variance_embedding_kernel)
        self.energy_embedding = SameConv1d(1, h, cfg.variance_embedding_kernel)
        self.decoder = nn.ModuleList(FFTBlock(cfg) for _ in range(cfg.num_layers))
        self.mel_proj = HybridLinear(h, cfg.n_mels)
        self.postnet = PostNet(cfg)

    def set_int8_emulation(self, enabled: bool = True) -> "FastSpeech2":
        """Quantise activations on the fly like the original TFLite export (for parity checks).

        The float path (default) is what the model was trained in; this mode reproduces the
        export's rounding so its outputs can be compared closely. Predictor projections stay float.
        """
        for module in self.modules():
            if isinstance(module, (HybridLinear, SameConv1d)):
                module.emulate_int8 = enabled
        return self

    def encode(self, ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """ids [B, L] (0 = padding) -> (hidden [B, L, H], mask [B, L] float)."""
        if ids.shape[1] > self.cfg.max_positions:
            raise ValueError(f"{ids.shape[1]} ids exceed the model's {self.cfg.max_positions} positions")
        mask = (ids != 0).to(self.position_table.dtype)
        positions = torch.arange(1, ids.shape[1] + 1, device=ids.device)
        x = self.char_embedding(ids) + self.position_table[positions][None]
        for block in self.encoder:
            x = block(x, mask)
        return x, mask

    def predict_variance(
        self, hidden: torch.Tensor, mask: torch.Tensor, controls: ProsodyControls
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """hidden [B, L, H] -> durations [B, L] int64, f0 [B, L], energy [B, L] (controls applied)."""
        hm = hidden * mask[..., None]
        log_duration = self.duration_predictor(hm, mask)
        duration_scale = _per_item(controls.duration_scale, hidden)
        predicted = F.relu(torch.exp(log_duration) - 1.0)
        # A phone the model gives a frame keeps at least one however fast the speech: rounded
        # alone, most phones vanish at speed 3.5 and above (near-silent, garbled audio).
        kept = (torch.round(predicted) >= 1).long()
        durations = torch.maximum(torch.round(predicted * duration_scale).long(), kept)
        f0_shift = _per_item(controls.f0_shift, hidden).clamp(-MAX_F0_SHIFT, MAX_F0_SHIFT)
        f0 = self.f0_predictor(hm, mask) * _per_item(controls.f0_scale, hidden) + f0_shift
        energy = self.energy_predictor(hm, mask) * _per_item(controls.energy_scale, hidden)
        energy = energy + _per_item(controls.energy_shift, hidden)
        return durations * mask.long(), f0 * mask, energy * mask

    def variance_embedding(
        self, f0: torch.Tensor, energy: torch.Tensor, variance_masks: str | torch.Generator
    ) -> torch.Tensor:
        """f0, energy [B, L] -> summed embeddings [B, L, H] after the inference-time dropout.

        variance_masks: "keep_all" (every element kept and scaled by 1/(1-p), as the reference
        outputs were made), or a torch.Generator drawing Bernoulli keep-masks (energy first, then
        f0, as the original graph orders them).
        """
        return self.embed_variance(f0, energy, self.variance_keep_masks(f0, variance_masks))

    def variance_keep_masks(
        self, f0: torch.Tensor, variance_masks: str | torch.Generator
    ) -> tuple[torch.Tensor, torch.Tensor] | None:
        """The dropout keep-masks (energy [B, L, H], f0 [B, L, H]) for f0 [B, L]; None for "keep_all"."""
        if isinstance(variance_masks, torch.Generator):
            like = f0.new_empty(*f0.shape, self.cfg.hidden_size)
            energy_keep = _keep_mask(like, self.cfg.variance_dropout, variance_masks)
            return energy_keep, _keep_mask(like, self.cfg.variance_dropout, variance_masks)
        if variance_masks != "keep_all":
            raise ValueError(f"unknown variance_masks {variance_masks!r}")
        return None

    def embed_variance(
        self, f0: torch.Tensor, energy: torch.Tensor, keep: tuple[torch.Tensor, torch.Tensor] | None
    ) -> torch.Tensor:
        """f0, energy [B, L] and keep-masks (energy, f0), each [B, L, H] or None -> [B, L, H]."""
        e_en = self.energy_embedding(energy[:, None, :]).transpose(1, 2)
        e_f0 = self.f0_embedding(f0[:, None, :]).transpose(1, 2)
        if keep is not None:
            e_en, e_f0 = e_en * keep[0], e_f0 * keep[1]
        return (e_f0 + e_en) * (1.0 / (1.0 - self.cfg.variance_dropout))

    def decode(self, frames: torch.Tensor, mel_lengths: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """frames [B, T, H] (length-regulated) -> (mel_before, mel_after), each [B, T, M]."""
        t = frames.shape[1]
        if t > self.cfg.max_positions:
            raise ValueError(f"{t} frames exceed the model's {self.cfg.max_positions} positions")
        positions = torch.arange(1, t + 1, device=frames.device)
        frame_mask = (positions[None, :] <= mel_lengths[:, None]).to(frames.dtype)  # [B, T]
        x = frames + self.position_table[positions[None, :] * frame_mask.long()]
        for block in self.decoder:
            x = block(x, frame_mask)
        mel_before = self.mel_proj(x)
        mel_after = self.postnet(mel_before, frame_mask) + mel_before
        return mel_before, mel_after

    def forward(
        self,
        ids: torch.Tensor,
        controls: ProsodyControls = ProsodyControls(),
        variance_masks: str | torch.Generator = "keep_all",
        durations: torch.Tensor | None = None,
    ) -> FastSpeech2Output:
        """ids [B, L] int64 (0 = padding) -> FastSpeech2Output.

        durations [B, L] int64, if given, replaces the predicted durations (forced alignment).
        """
        hidden, mask = self.encode(ids)
        predicted, f0, energy = self.predict_variance(hidden, mask, controls)
        durations = predicted if durations is None else durations * mask.long()
        hidden = hidden + self.variance_embedding(f0, energy, variance_masks)
        frames, mel_lengths = length_regulate(hidden, durations)
        mel_before, mel_after = self.decode(frames, mel_lengths)
        return FastSpeech2Output(mel_before, mel_after, durations, f0, energy, mel_lengths)


def length_regulate(hidden: torch.Tensor, durations: torch.Tensor, total: torch.Tensor | int | None = None
                    ) -> tuple[torch.Tensor, torch.Tensor]:  # fmt: skip
    """Repeat each phone's hidden row by its duration (no Python loop, so it exports to ONNX).

    hidden [B, L, H], durations [B, L] int64 -> (frames [B, T, H] zero-padded, lengths [B]).
    T is total if given (at least the longest item's frames: a padded length), else the longest
    item's frames (at least 1).
    """
    lengths = durations.sum(dim=1)  # [B]
    t = torch.arange(lengths.max().clamp(min=1) if total is None else total, device=hidden.device)  # [T]
    ends = durations.cumsum(dim=1)  # [B, L]: one past each phone's last frame
    phone = (ends[:, None, :] <= t[None, :, None]).sum(dim=-1).clamp(max=hidden.shape[1] - 1)  # [B, T]
    frames = torch.gather(hidden, 1, phone[..., None].expand(-1, -1, hidden.shape[2]))
    return frames * (t[None, :] < lengths[:, None])[..., None].to(hidden.dtype), lengths


def fake_quantize_int8(x: torch.Tensor, dims: tuple[int, ...]) -> torch.Tensor:
    """Round x to symmetric int8 steps with one scale (max|x| / 127) per slice over ``dims``.

    Rounds half away from zero like TFLite; all-zero slices stay zero.
    """
    peak = x.abs().amax(dim=dims, keepdim=True)
    inverse = torch.where(peak > 0, 127.0 / peak, torch.zeros_like(peak))
    scaled = x * inverse
    q = torch.clamp(torch.sign(scaled) * torch.floor(scaled.abs() + 0.5), -127.0, 127.0)
    return q * (peak / 127.0)


def _per_item(value: torch.Tensor | float, like: torch.Tensor) -> torch.Tensor:
    """A float, [B] or [B, L] tensor -> a tensor broadcasting to [B, L] on like's device and dtype."""
    tensor = torch.as_tensor(value, dtype=like.dtype, device=like.device)
    return tensor.reshape(-1, 1) if tensor.dim() == 1 else tensor


def _keep_mask(like: torch.Tensor, p: float, generator: torch.Generator) -> torch.Tensor:
    """Bernoulli(1-p) keep-mask with like's shape, drawn on CPU so it is device independent."""
    draws = torch.rand(like.shape, generator=generator, dtype=torch.float32)
    return (draws >= p).to(device=like.device, dtype=like.dtype)
