"""MelGAN generator of the ttskit voice (seungwonpark layout, voice-ttskit.md §3).

Weight norm was folded at conversion, so every conv here is a plain ``nn.Conv1d`` /
``nn.ConvTranspose1d``. Parameter names follow the original ``nn.Sequential`` indices
(``generator.1.weight``, ``generator.4.blocks.0.2.weight``, ``generator.4.shortcuts.0.bias`` ...).

Shapes: B batch, M mel bins (80), T frames, H hop (256 = product of the upsample strides),
N = T * H samples.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields

import torch
from torch import nn


@dataclass(frozen=True)
class MelGANConfig:
    """Hyper-parameters; defaults are those of ``melgan.kuangdd.pt``.

    channels: width before the first upsampling and after each one (len = len(upsample_strides) + 1).
    mel_offset / mel_scale: the forward's input normalisation ``(mel + offset) / scale``.
    tail_frames / tail_value: the inference wrapper appends this many constant frames and drops
    their samples again (it removes an end-of-signal artefact).
    """

    n_mels: int = 80
    channels: tuple[int, ...] = (512, 256, 128, 64, 32)
    upsample_strides: tuple[int, ...] = (8, 8, 2, 2)
    upsample_kernels: tuple[int, ...] = (16, 16, 4, 4)
    upsample_paddings: tuple[int, ...] = (4, 4, 1, 1)
    res_dilations: tuple[int, ...] = (1, 3, 9)
    res_kernel_size: int = 3
    io_kernel_size: int = 7
    leaky_slope: float = 0.2
    mel_offset: float = 5.0
    mel_scale: float = 5.0
    tail_frames: int = 10
    tail_value: float = -11.5129

    def __post_init__(self) -> None:
        for name in ("channels", "upsample_strides", "upsample_kernels", "upsample_paddings", "res_dilations"):
            object.__setattr__(self, name, tuple(int(v) for v in getattr(self, name)))  # JSON gives lists
        n = len(self.upsample_strides)
        if len(self.channels) != n + 1 or len(self.upsample_kernels) != n or len(self.upsample_paddings) != n:
            raise ValueError("channels must have one entry more than the upsample lists")

    @classmethod
    def from_dict(cls, data: dict) -> MelGANConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown MelGAN hyper-parameters {sorted(unknown)}")
        return cls(**data)

    @property
    def hop_size(self) -> int:
        hop = 1
        for stride in self.upsample_strides:
            hop *= stride
        return hop


class ResStack(nn.Module):
    """3 dilated residual units; unit j: x = shortcut_j(x) + block_j(x). [B, C, n] -> [B, C, n].

    block_j = LeakyReLU -> ReflectionPad(d) -> Conv(k3, dilation d) -> LeakyReLU -> Conv(k1).
    """

    def __init__(self, channels: int, c: MelGANConfig) -> None:
        super().__init__()
        pad = (c.res_kernel_size - 1) // 2
        self.blocks = nn.ModuleList(
            nn.Sequential(
                nn.LeakyReLU(c.leaky_slope),
                nn.ReflectionPad1d(d * pad),
                nn.Conv1d(channels, channels, c.res_kernel_size, dilation=d),
                nn.LeakyReLU(c.leaky_slope),
                nn.Conv1d(channels, channels, 1),
            )
            for d in c.res_dilations
        )
        self.shortcuts = nn.ModuleList(nn.Conv1d(channels, channels, 1) for _ in c.res_dilations)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for block, shortcut in zip(self.blocks, self.shortcuts):
            x = shortcut(x) + block(x)
        return x


def _generator_layers(c: MelGANConfig) -> list[nn.Module]:
    """The ``generator`` Sequential; list indices are the checkpoint's parameter prefixes."""
    pad = (c.io_kernel_size - 1) // 2
    layers: list[nn.Module] = [nn.ReflectionPad1d(pad), nn.Conv1d(c.n_mels, c.channels[0], c.io_kernel_size)]
    for i, stride in enumerate(c.upsample_strides):
        layers += [
            nn.LeakyReLU(c.leaky_slope),
            nn.ConvTranspose1d(c.channels[i], c.channels[i + 1], c.upsample_kernels[i], stride=stride,
                               padding=c.upsample_paddings[i]),
            ResStack(c.channels[i + 1], c),
        ]  # fmt: skip
    layers += [nn.LeakyReLU(c.leaky_slope), nn.ReflectionPad1d(pad), nn.Conv1d(c.channels[-1], 1, c.io_kernel_size),
               nn.Tanh()]  # fmt: skip
    return layers


class MelGAN(nn.Module):
    """Natural-log mel [B, M, T] -> waveform in [-1, 1]."""

    def __init__(self, config: MelGANConfig | None = None) -> None:
        super().__init__()
        self.config = config or MelGANConfig()
        self.generator = nn.Sequential(*_generator_layers(self.config))

    @property
    def receptive_field_frames(self) -> int:
        """Mel frames on each side that can influence one output sample (rounded up).

        The input conv reaches half its kernel in frames; each transposed conv one input step;
        each residual stack ``sum(dilations) * (k - 1) / 2`` samples at its rate; the output conv
        half its kernel at the final rate. Used to cut the mel into windows for streaming.
        """
        c = self.config
        half_io = (c.io_kernel_size - 1) // 2
        stack_reach = sum(c.res_dilations) * (c.res_kernel_size - 1) // 2
        reach, rate = float(half_io), 1  # rate: samples per frame at the current stage
        for stride in c.upsample_strides:
            reach += 1.0 / rate
            rate *= stride
            reach += stack_reach / rate
        reach += half_io / rate
        return math.ceil(reach)

    @property
    def min_frames(self) -> int:
        """Fewest mel frames whose every reflect padding fits inside its signal (forward needs at
        least this many)."""
        c = self.config
        io_need = (c.io_kernel_size - 1) // 2 + 1  # samples the input and output convs' padding needs
        stack_need = max(c.res_dilations) * (c.res_kernel_size - 1) // 2 + 1  # and the widest residual one
        need, rate = io_need, 1
        for stride in c.upsample_strides:
            rate *= stride
            need = max(need, math.ceil(stack_need / rate))
        return max(need, math.ceil(io_need / rate))

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        """mel [B, M, T] -> audio [B, 1, T * H], no tail handling."""
        c = self.config
        return self.generator((mel + c.mel_offset) / c.mel_scale)

    @torch.no_grad()
    def infer(
        self, mel: torch.Tensor, lengths: torch.Tensor | Sequence[int] | None = None, *, quantize: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """The original inference wrapper, batched.

        mel [B, M, T] and optional lengths [B] (frames per item, default T) -> (audio [B, T * H],
        audio_lengths [B] = lengths * H). Each item gets ``tail_value`` frames from its length on
        (at least ``tail_frames`` of them), whose samples are cut again; samples past an item's
        length are zero. ``quantize`` reproduces the original int16 step: x 32768, clamp, truncate
        toward zero, / 32768.
        """
        c = self.config
        batch, _, frames = mel.shape
        lengths_t = torch.full((batch,), frames, dtype=torch.long) if lengths is None else torch.as_tensor(lengths)
        lengths_t = lengths_t.to(mel.device).long()
        frame_pos = torch.arange(frames + c.tail_frames, device=mel.device)
        padded = mel.new_full((batch, mel.size(1), frames + c.tail_frames), c.tail_value)
        padded[:, :, :frames] = mel
        tail = (frame_pos[None, :] >= lengths_t[:, None]).unsqueeze(1)  # [B, 1, T + tail]
        padded = padded.masked_fill(tail, c.tail_value)
        audio = self(padded).squeeze(1)[:, : frames * c.hop_size]  # [B, T * H]
        audio_lengths = lengths_t * c.hop_size
        sample_pos = torch.arange(audio.size(1), device=mel.device)
        audio = audio.masked_fill(sample_pos[None, :] >= audio_lengths[:, None], 0.0)
        if quantize:
            audio = torch.trunc((audio * 32768.0).clamp(-32768.0, 32767.0)) / 32768.0
        return audio, audio_lengths
