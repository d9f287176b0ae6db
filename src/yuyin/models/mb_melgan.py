"""Multi-band MelGAN generator and its PQMF synthesis filter bank (TensorFlowTTS layout).

Shapes: B batch, T mel frames, M mel bins, S subbands (4), hop = S * prod(upsample_scales).
The generator maps a mel [B, T, M] to S subband signals [B, S, T * hop / S]; the PQMF merges
them into a waveform [B, T * hop].
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class MBMelGANConfig:
    n_mels: int = 80
    filters: int = 384
    kernel_size: int = 7
    upsample_scales: tuple[int, ...] = (3, 5, 5)
    stacks: int = 4
    stack_kernel_size: int = 3
    subbands: int = 4
    pqmf_taps: int = 62
    pqmf_cutoff: float = 0.142
    pqmf_beta: float = 9.0
    leaky_slope: float = 0.2

    @property
    def hop_size(self) -> int:
        return self.subbands * math.prod(self.upsample_scales)


def reflect_pad(x: torch.Tensor, pad: int) -> torch.Tensor:
    """Reflect-pad the last axis of x [B, C, N] or [B, C, 1, N] by pad samples on each side."""
    return F.pad(x, (pad, pad) if x.dim() == 3 else (pad, pad, 0, 0), mode="reflect")


class ResidualStack(nn.Module):
    """x -> shortcut(x) + pointwise(lrelu(dilated(reflect_pad(lrelu(x))))), over [B, C, N]."""

    def __init__(self, channels: int, kernel_size: int, dilation: int, slope: float):
        super().__init__()
        self.pad = dilation * (kernel_size - 1) // 2
        self.slope = slope
        self.dilated = nn.Conv1d(channels, channels, kernel_size, dilation=dilation)
        self.pointwise = nn.Conv1d(channels, channels, 1)
        self.shortcut = nn.Conv1d(channels, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = reflect_pad(F.leaky_relu(x, self.slope), self.pad)
        y = self.pointwise(F.leaky_relu(self.dilated(y), self.slope))
        return self.shortcut(x) + y


class Upsample(nn.Module):
    """LeakyReLU then a transposed conv (kernel 2s, stride s) cropped like TF "SAME", [B, C, N] -> [B, C/2, N*s]."""

    def __init__(self, in_channels: int, out_channels: int, scale: int, slope: float):
        super().__init__()
        self.scale, self.slope = scale, slope
        self.conv = nn.ConvTranspose1d(in_channels, out_channels, 2 * scale, stride=scale)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n = x.shape[-1]
        full = self.conv(F.leaky_relu(x, self.slope))  # [B, C', (n - 1) * s + 2s]
        start = self.scale // 2
        return full[..., start : start + n * self.scale]


class PQMFSynthesis(nn.Module):
    """Merge S subband signals [B, S, N] into a waveform [B, S * N] (cosine-modulated filter bank).

    The textbook form upsamples each band by S with zeros and filters it with its taps + 1 tap
    synthesis filter; here the same sums run in polyphase form, without the zeros: output phase r
    of sample block n is a correlation of the S bands around n with every S-th tap of the filters
    (:func:`polyphase_weight`), one S -> S convolution with about (taps + 1) / S taps. Exact (the
    skipped products are the zeros'), a quarter of the multiplications, and a shape convolution
    kernels run well (one output channel of the textbook form ran ~20x slower than the body's
    convolutions per multiplication).
    """

    def __init__(self, cfg: MBMelGANConfig):
        super().__init__()
        self.subbands = cfg.subbands
        self.register_buffer("filters", pqmf_synthesis_filters(cfg))  # [1, S, taps + 1]

    def forward(self, subbands: torch.Tensor) -> torch.Tensor:
        b, s, n = subbands.shape
        weight, reach = polyphase_weight(self.filters)  # [S phases, S bands, 2 * reach + 1]
        phases = F.conv1d(F.pad(subbands, (reach, reach)), weight)  # [B, S, N]
        return phases.transpose(1, 2).reshape(b, n * s)


def polyphase_weight(filters: torch.Tensor) -> tuple[torch.Tensor, int]:
    """Synthesis filters [1, S, L] (L odd, centred) -> (weight [S, S, 2 * reach + 1], reach).

    Output sample S * n + r sums S * filters[k, S * p - r + half] * band_k[n + p] over bands k
    and block offsets p in [-reach, reach] (half = (L - 1) // 2; taps outside the filter are 0),
    so weight[r, k, p + reach] holds that tap.
    """
    s, length = filters.shape[1], filters.shape[2]
    half = (length - 1) // 2
    reach = (half + s - 1) // s
    offsets = torch.arange(-reach, reach + 1)  # p
    phases = torch.arange(s)  # r
    taps = s * offsets[None, :] - phases[:, None] + half  # [S, 2 * reach + 1]
    inside = (taps >= 0) & (taps < length)
    gathered = filters[0][:, taps.clamp(0, length - 1)]  # [S bands, S phases, 2 * reach + 1]
    return (s * gathered * inside).transpose(0, 1).contiguous(), reach


class MBMelGAN(nn.Module):
    """mel [B, T, M] -> waveform [B, T * hop] in [-1, 1].

    ``round_subbands`` reproduces the original TFLite export's 8-bit rounding of the subband
    signals (step 1/128) for bit-level parity; it adds quantisation noise, so it is off by default.
    """

    def __init__(self, cfg: MBMelGANConfig):
        super().__init__()
        self.cfg = cfg
        slope = cfg.leaky_slope
        self.input_conv = nn.Conv1d(cfg.n_mels, cfg.filters, cfg.kernel_size)
        self.upsamples = nn.ModuleList()
        self.stacks = nn.ModuleList()
        channels = cfg.filters
        for scale in cfg.upsample_scales:
            self.upsamples.append(Upsample(channels, channels // 2, scale, slope))
            channels //= 2
            self.stacks.append(
                nn.ModuleList(
                    ResidualStack(channels, cfg.stack_kernel_size, cfg.stack_kernel_size**j, slope)
                    for j in range(cfg.stacks)
                )
            )
        self.output_conv = nn.Conv1d(channels, cfg.subbands, cfg.kernel_size)
        self.pqmf = PQMFSynthesis(cfg)

    def subbands(self, mel: torch.Tensor, round_subbands: bool = False) -> torch.Tensor:
        """mel [B, T, M] -> subband signals [B, S, T * hop / S] in [-1, 1]."""
        sub = self.generate(mel.transpose(1, 2))
        if round_subbands:
            sub = torch.clamp(_round_half_away(sub * 128.0), -128.0, 127.0) / 128.0
        return sub

    def generate(self, x: torch.Tensor) -> torch.Tensor:
        """Channels-first mel x [B, M, T] -> tanh subbands [B, S, T * hop / S].

        Rank-agnostic: the 2-D twin of this module (engine.conv2d_rewrite) runs it on [B, M, 1, T].
        """
        return self.generate_from_features(self.input_features(x))

    def input_features(self, x: torch.Tensor) -> torch.Tensor:
        """The input conv: channels-first mel x [B, M, T] -> features [B, filters, T] (rank-agnostic)."""
        return self.input_conv(reflect_pad(x, (self.cfg.kernel_size - 1) // 2))

    def generate_from_features(self, x: torch.Tensor) -> torch.Tensor:
        """Input features [B, filters, T] -> tanh subbands [B, S, T * hop / S] (rank-agnostic)."""
        pad = (self.cfg.kernel_size - 1) // 2
        for upsample, stack in zip(self.upsamples, self.stacks):
            x = upsample(x)
            for block in stack:
                x = block(x)
        return torch.tanh(self.output_conv(reflect_pad(F.leaky_relu(x, self.cfg.leaky_slope), pad)))

    @property
    def receptive_field_frames(self) -> int:
        """Mel frames on each side that can influence one output sample (rounded up)."""
        cfg = self.cfg
        half_kernel = (cfg.kernel_size - 1) // 2
        stack_reach = sum(cfg.stack_kernel_size**j for j in range(cfg.stacks)) * (cfg.stack_kernel_size - 1) // 2
        reach, rate = float(half_kernel), 1  # rate: samples per frame at the current stage
        for scale in cfg.upsample_scales:
            reach += 1.0 / rate  # a kernel-2s transposed conv reaches one input step
            rate *= scale
            reach += stack_reach / rate
        reach += half_kernel / rate + (cfg.pqmf_taps // 2) / cfg.hop_size
        return math.ceil(reach)

    @property
    def min_frames(self) -> int:
        """Fewest mel frames whose every reflect padding fits inside its signal."""
        need = (self.cfg.kernel_size - 1) // 2 + 1
        largest_pad = self.cfg.stack_kernel_size ** (self.cfg.stacks - 1) * (self.cfg.stack_kernel_size - 1) // 2
        for i in range(len(self.cfg.upsample_scales)):
            need = max(need, math.ceil((largest_pad + 1) / math.prod(self.cfg.upsample_scales[: i + 1])))
        return need

    def forward(self, mel: torch.Tensor, round_subbands: bool = False) -> torch.Tensor:
        """mel [B, T, M] -> waveform [B, T * hop]; computed in float32 from the subbands on.

        A mel shorter than ``min_frames`` is extended by repeating its last frame and the extra
        samples are cut off, so any length >= 1 works.
        """
        frames = mel.shape[1]
        if frames < self.min_frames:
            mel = F.pad(mel.transpose(1, 2), (0, self.min_frames - frames), mode="replicate").transpose(1, 2)
        return self.pqmf(self.subbands(mel, round_subbands).float())[:, : frames * self.cfg.hop_size]


def pqmf_synthesis_filters(cfg: MBMelGANConfig) -> torch.Tensor:
    """Kaiser-windowed cosine-modulated synthesis filters, [1, S, taps + 1] float32."""
    taps, s = cfg.pqmf_taps, cfg.subbands
    n = torch.arange(taps + 1, dtype=torch.float64) - taps / 2
    omega = cfg.pqmf_cutoff * math.pi
    safe_n = torch.where(n == 0, torch.ones_like(n), n)
    prototype = torch.where(n == 0, torch.full_like(n, cfg.pqmf_cutoff), torch.sin(omega * n) / (math.pi * safe_n))
    prototype = prototype * torch.kaiser_window(taps + 1, periodic=False, beta=cfg.pqmf_beta, dtype=torch.float64)
    filters = [
        2 * prototype * torch.cos((2 * k + 1) * math.pi / (2 * s) * n - (-1) ** k * math.pi / 4) for k in range(s)
    ]
    return torch.stack(filters)[None].float()


def _round_half_away(x: torch.Tensor) -> torch.Tensor:
    return torch.sign(x) * torch.floor(torch.abs(x) + 0.5)
