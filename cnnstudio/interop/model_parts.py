"""The blocks exported PyTorch code is made of, as plain torch code.

The code exporter copies the definitions a network needs from this file into the module it
writes (with :mod:`ast`, so the text here is what the student reads), and tests import this
file directly. Everything here imports only torch, builds the same layers in the same order as
:func:`cnnstudio.model.build.build_module`, and stores them under the same names (a block's
layers in ``self.layers``), so a checkpoint's ``state_dict`` loads into either.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


class GlobalAvgPool(nn.Module):
    """Averages each channel over height and width: N x C x H x W -> N x C."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.mean(dim=(2, 3))


class ZeroPadShortcut(nn.Module):
    """The ResNet paper's option A shortcut: keep every *stride*-th pixel, add zero channels."""

    def __init__(self, extra_channels: int, stride: int) -> None:
        super().__init__()
        self.extra_channels, self.stride = extra_channels, stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x[:, :, :: self.stride, :: self.stride]
        return F.pad(x, (0, 0, 0, 0, 0, self.extra_channels))


def conv_norm(tag: str, c_in: int, c_out: int, kernel: int, stride: int, batchnorm: bool) -> dict:
    """``conv{tag}`` (padding ``kernel // 2``; no bias when a batch norm follows) and ``bn{tag}``."""
    layers = {f"conv{tag}": nn.Conv2d(c_in, c_out, kernel, stride, padding=kernel // 2, bias=not batchnorm)}
    if batchnorm:
        layers[f"bn{tag}"] = nn.BatchNorm2d(c_out)
    return layers


class ResidualBlock(nn.Module):
    """Convolutions with a ReLU between them, plus a shortcut from the input, then a ReLU.

    ``convs`` lists each convolution as ``(out_channels, kernel, stride)``. ``shortcut`` is
    ``"auto"`` (the input itself when the shapes match, else a 1x1 projection ``downsample``),
    ``"projection"`` (always the 1x1 projection), ``"zero-pad"`` (the paper's option A) or
    ``"none"`` (a plain block, no shortcut).
    """

    def __init__(self, in_channels: int, convs: list, batchnorm: bool = True, shortcut: str = "auto") -> None:
        super().__init__()
        layers, channels = {}, in_channels
        for tag, (width, kernel, stride) in enumerate(convs, start=1):
            layers.update(conv_norm(str(tag), channels, width, kernel, stride, batchnorm))
            channels = width
        stride = max(s for _, _, s in convs)
        matches = in_channels == channels and stride == 1
        if shortcut == "zero-pad" and not matches:
            layers["shortcut"] = ZeroPadShortcut(channels - in_channels, stride)
        elif shortcut == "projection" or (shortcut == "auto" and not matches):
            layers["downsample_0"] = nn.Conv2d(in_channels, channels, 1, stride, bias=not batchnorm)
            if batchnorm:
                layers["downsample_1"] = nn.BatchNorm2d(channels)
        self.layers = nn.ModuleDict(layers)
        self.depth, self.plain = len(convs), shortcut == "none"

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = x
        for tag in range(1, self.depth + 1):
            out = self.layers[f"conv{tag}"](out)
            if f"bn{tag}" in self.layers:
                out = self.layers[f"bn{tag}"](out)
            if tag < self.depth:
                out = F.relu(out)
        if self.plain:
            return F.relu(out)
        return F.relu(out + self.shortcut(x))

    def shortcut(self, x: torch.Tensor) -> torch.Tensor:
        """The input as it is added to the convolutions' output."""
        for name in ("shortcut", "downsample_0", "downsample_1"):
            if name in self.layers:
                x = self.layers[name](x)
        return x


class BasicBlock(ResidualBlock):
    """ResNet-18/34's block: two 3x3 convolutions (the first with the stride) and a shortcut."""

    def __init__(
        self, in_channels: int, filters: int, stride: int = 1, batchnorm: bool = True, shortcut: str = "auto"
    ) -> None:
        super().__init__(in_channels, [(filters, 3, stride), (filters, 3, 1)], batchnorm, shortcut)


class Bottleneck(ResidualBlock):
    """ResNet-50/101/152's block: 1x1 to *filters*, 3x3, 1x1 to 4 x *filters*, and a shortcut.

    ``stride_on="3x3"`` strides in the 3x3 convolution (torchvision, ResNet v1.5); ``"1x1"`` in
    the first 1x1, as the paper did.
    """

    def __init__(
        self,
        in_channels: int,
        filters: int,
        stride: int = 1,
        stride_on: str = "3x3",
        batchnorm: bool = True,
        shortcut: str = "auto",
    ) -> None:
        first, middle = (stride, 1) if stride_on == "1x1" else (1, stride)
        convs = [(filters, 1, first), (filters, 3, middle), (4 * filters, 1, 1)]
        super().__init__(in_channels, convs, batchnorm, shortcut)


class Inception(nn.Module):
    """GoogLeNet's module: 1x1, 3x3 and 5x5 convolutions and a 3x3 max pool side by side.

    Each convolution is followed by a ReLU; the branches' outputs are stacked along the channels.
    With ``reductions`` a 1x1 convolution shrinks the channels before the 3x3 and the 5x5 ones;
    ``c1x1=0`` leaves out the 1x1 branch and ``pool_proj=0`` the 1x1 after the pool.
    """

    def __init__(
        self,
        in_channels: int,
        c1x1: int,
        c3x3_reduce: int,
        c3x3: int,
        c5x5_reduce: int,
        c5x5: int,
        pool_proj: int,
        reductions: bool = True,
    ) -> None:
        super().__init__()
        layers = {}
        if c1x1:
            layers["1x1"] = nn.Conv2d(in_channels, c1x1, 1)
        for size, reduced, out in ((3, c3x3_reduce, c3x3), (5, c5x5_reduce, c5x5)):
            channels = in_channels
            if reductions:
                layers[f"{size}x{size}_reduce"] = nn.Conv2d(in_channels, reduced, 1)
                channels = reduced
            layers[f"{size}x{size}"] = nn.Conv2d(channels, out, size, padding=size // 2)
        layers["pool"] = nn.MaxPool2d(3, stride=1, padding=1)
        if pool_proj:
            layers["pool_proj"] = nn.Conv2d(in_channels, pool_proj, 1)
        self.layers = nn.ModuleDict(layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        branches = []
        if "1x1" in self.layers:
            branches.append(F.relu(self.layers["1x1"](x)))
        for size in ("3x3", "5x5"):
            y = x
            if f"{size}_reduce" in self.layers:
                y = F.relu(self.layers[f"{size}_reduce"](y))
            branches.append(F.relu(self.layers[size](y)))
        pooled = self.layers["pool"](x)
        if "pool_proj" in self.layers:
            pooled = F.relu(self.layers["pool_proj"](pooled))
        branches.append(pooled)
        return torch.cat(branches, dim=1)
