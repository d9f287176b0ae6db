"""The 2-D rewrite of 1-D conv stacks computes the same function (it only changes the layout)."""
from __future__ import annotations

import pytest
import torch
from torch import nn

from yuyin.engine.conv2d_rewrite import HeightOne, as_conv2d
from yuyin.models.melgan import MelGAN, MelGANConfig


class Branches(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Sequential(nn.ReflectionPad1d((3, 2)), nn.Conv1d(4, 6, 6, dilation=1), nn.LeakyReLU(0.2))
        self.b = nn.Conv1d(4, 6, 3, padding=1, groups=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.a(x) + self.b(x)


@pytest.mark.parametrize("stack", [
    lambda: nn.Sequential(nn.Conv1d(4, 8, 5, stride=2, padding=2, dilation=1), nn.Tanh(),
                          nn.ConvTranspose1d(8, 3, 7, stride=3, padding=2, output_padding=1), nn.ReflectionPad1d(4),
                          nn.Conv1d(3, 2, 3, dilation=3)),
    Branches,
])  # fmt: skip
def test_rewritten_stack_equals_the_original(stack) -> None:
    torch.manual_seed(0)
    original = stack().eval()
    x = torch.randn(2, 4, 37)
    with torch.no_grad():
        assert torch.allclose(HeightOne(as_conv2d(original))(x), original(x), atol=1e-6)
    assert isinstance(next(m for m in original.modules() if isinstance(m, (nn.Conv1d, nn.Conv2d))), nn.Conv1d)


def test_melgan_generator_rewrites_exactly() -> None:
    torch.manual_seed(0)
    config = MelGANConfig(n_mels=10, channels=(8, 6, 4), upsample_strides=(4, 2), upsample_kernels=(8, 4),
                          upsample_paddings=(2, 1))  # fmt: skip
    vocoder = MelGAN(config).eval()
    mel = torch.randn(1, 10, 20)
    with torch.no_grad():
        expected = vocoder.generator(mel)
        assert torch.allclose(HeightOne(as_conv2d(vocoder.generator))(mel), expected, atol=1e-6)


def test_layers_without_an_exact_twin_are_refused() -> None:
    with pytest.raises(TypeError, match="BatchNorm1d"):
        as_conv2d(nn.Sequential(nn.Conv1d(2, 2, 1), nn.BatchNorm1d(2)))
