"""A procedural dataset: ten kinds of shape drawn at any image size and channel count.

Each image is drawn on demand from a row of random numbers fixed by the seed (position, size,
tilt, colours, noise), so image *i* is the same whenever it is asked for, and a 224x224x3 set
never has to sit in memory at once. The same code draws on a GPU when training runs there
(:meth:`ShapesImageSet.images_on`): only the table's rows are copied to it. Shapes are drawn with soft (antialiased) edges from a
distance-like function of the pixel's position in the shape's own coordinates ``(u, v)``:
negative inside, zero on the edge, in units of the shape's radius.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from cnnstudio.data.adapt import (
    CHUNK_VALUES,
    LUMA,
    AdaptedImageSet,
    Normalization,
    copy_to,
    stratified_split,
)
from cnnstudio.data.base import DataSplit

SHAPE_CLASSES = [
    "circle",
    "square",
    "triangle",
    "ring",
    "plus",
    "cross",
    "diamond",
    "frame",
    "horizontal bar",
    "vertical bar",
]
MAX_TILT_DEGREES = 15.0
DEVICE_CHUNK_VALUES = 2**22
"""Pixels drawn at once on a GPU (its memory holds a dozen float32 values of each meanwhile)."""
_SQRT_HALF = math.sqrt(0.5)

# Columns of the per-image random table (uniform in [0, 1)).
_SIZE, _X, _Y, _TILT, _DARK, _BG_LEVEL, _FG_LEVEL, _NOISE, _NOISE_X, _NOISE_Y = range(10)
_BG_TINT = slice(10, 13)
_FG_TINT = slice(13, 16)
_COLUMNS = 16


def _box(u: torch.Tensor, v: torch.Tensor, half_u: float, half_v: float) -> torch.Tensor:
    return torch.maximum(u.abs() - half_u, v.abs() - half_v)


def _plus(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return torch.minimum(_box(u, v, 1.0, 0.28), _box(u, v, 0.28, 1.0))


def _triangle(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    # Apex at (0, -0.9) (image rows grow downwards), base from (-0.95, 0.75) to (0.95, 0.75).
    side = (u.abs() * 1.65 - (v + 0.9) * 0.95) / math.hypot(1.65, 0.95)
    return torch.maximum(v - 0.75, side)


def shape_distance(kind: int, u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """The distance-like function of shape *kind* (an index into :data:`SHAPE_CLASSES`)."""
    radius = torch.sqrt(u * u + v * v)
    if kind == 0:
        return radius - 1.0
    if kind == 1:
        return _box(u, v, 0.8, 0.8)
    if kind == 2:
        return _triangle(u, v)
    if kind == 3:
        return (radius - 0.78).abs() - 0.22
    if kind == 4:
        return _plus(u, v)
    if kind == 5:
        return _plus((u + v) * _SQRT_HALF, (u - v) * _SQRT_HALF)
    if kind == 6:
        return (u.abs() + v.abs() - 1.0) * _SQRT_HALF
    if kind == 7:
        return (torch.maximum(u.abs(), v.abs()) - 0.72).abs() - 0.16
    if kind == 8:
        return _box(u, v, 1.0, 0.3)
    return _box(u, v, 0.3, 1.0)


def shape_table(count: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The random numbers behind *count* images and their labels (balanced over the ten classes)."""
    rng = np.random.default_rng(int(seed))
    table = rng.random((count, _COLUMNS))
    labels = rng.permutation(np.arange(count) % len(SHAPE_CLASSES))
    return torch.from_numpy(table).to(torch.float32), torch.from_numpy(labels).to(torch.int64)


class ShapeRenderer:
    """Draws images of one size and channel count from rows of a shape table."""

    def __init__(self, input_shape: tuple[int, int, int], seed: int) -> None:
        self.channels, self.height, self.width = input_shape
        generator = torch.Generator().manual_seed((int(seed) + 7919) % 2**64)
        self.noise_bank = torch.randn((3, self.height, self.width), generator=generator)
        self._moved_bank: tuple[torch.device, torch.Tensor] | None = None

    def bank_on(self, device: torch.device) -> torch.Tensor:
        """The noise bank on *device* (a copy is kept for the last device asked for)."""
        if device.type == "cpu":
            return self.noise_bank
        if self._moved_bank is None or self._moved_bank[0] != device:
            self._moved_bank = (device, self.noise_bank.to(device))
        return self._moved_bank[1]

    def colours(self, levels: torch.Tensor, tints: torch.Tensor) -> torch.Tensor:
        """``B x C`` colours in [0, 1]: a gray level tinted per RGB channel, then fitted to C."""
        rgb = (levels[:, None] + (tints - 0.5) * 0.4).clamp(0.0, 1.0)
        if self.channels == 1:
            return rgb @ torch.tensor(LUMA, device=rgb.device).view(3, 1)
        return rgb[:, [c % 3 for c in range(self.channels)]]

    def masks(self, params: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """``B x H x W`` coverage of each image's shape, 1 inside, 0 outside, soft at the edge.

        *params* may be on any device; *labels* are read on the CPU, so drawing on a GPU never
        waits for it to learn which shapes a batch holds.
        """
        device = params.device
        side = min(self.height, self.width)
        radius = (0.2 + 0.2 * params[:, _SIZE]) * side
        centre_x = radius + params[:, _X] * (self.width - 2 * radius)
        centre_y = radius + params[:, _Y] * (self.height - 2 * radius)
        tilt = (params[:, _TILT] * 2 - 1) * math.radians(MAX_TILT_DEGREES)
        xs = torch.arange(self.width, dtype=torch.float32, device=device) + 0.5
        ys = torch.arange(self.height, dtype=torch.float32, device=device) + 0.5
        dx = xs.view(1, 1, -1) - centre_x.view(-1, 1, 1)
        dy = ys.view(1, -1, 1) - centre_y.view(-1, 1, 1)
        cos, sin = torch.cos(tilt).view(-1, 1, 1), torch.sin(tilt).view(-1, 1, 1)
        scale = radius.view(-1, 1, 1)
        u = (cos * dx + sin * dy) / scale
        v = (cos * dy - sin * dx) / scale
        distance = torch.empty_like(u)
        labels = labels.cpu()
        for kind in labels.unique().tolist():
            chosen = torch.nonzero(labels == kind).flatten().to(device, non_blocking=True)
            distance[chosen] = shape_distance(kind, u[chosen], v[chosen])
        return (0.5 - distance * scale).clamp_(0.0, 1.0)

    def noise(self, params: torch.Tensor) -> torch.Tensor:
        """``B x C x H x W`` noise cut from the fixed noise bank at each image's own offset."""
        device = params.device
        rows = (params[:, _NOISE_Y] * self.height).long().view(-1, 1)
        rows = rows + torch.arange(self.height, device=device)
        cols = (params[:, _NOISE_X] * self.width).long().view(-1, 1) + torch.arange(self.width, device=device)
        rows, cols = rows % self.height, cols % self.width
        bank = self.bank_on(device)[[c % 3 for c in range(self.channels)]]
        patches = bank[:, rows[:, :, None], cols[:, None, :]].transpose(0, 1)
        sigma = 0.03 + 0.07 * params[:, _NOISE]
        return patches * sigma.view(-1, 1, 1, 1)

    def render(self, params: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """uint8 ``B x C x H x W`` images of the shapes *labels* drawn as *params* say."""
        dark = params[:, _DARK] < 0.5
        low, high = 0.05 + 0.35 * params[:, _BG_LEVEL], 0.6 + 0.35 * params[:, _BG_LEVEL]
        bg_level = torch.where(dark, low, high)
        fg_low, fg_high = 0.05 + 0.35 * params[:, _FG_LEVEL], 0.6 + 0.35 * params[:, _FG_LEVEL]
        fg_level = torch.where(dark, fg_high, fg_low)
        background = self.colours(bg_level, params[:, _BG_TINT]).view(-1, self.channels, 1, 1)
        foreground = self.colours(fg_level, params[:, _FG_TINT]).view(-1, self.channels, 1, 1)
        mask = self.masks(params, labels).unsqueeze(1)
        images = torch.lerp(background, foreground, mask) + self.noise(params)
        return images.clamp_(0.0, 1.0).mul_(255.0).round_().to(torch.uint8)


class ShapesImageSet(AdaptedImageSet):
    """Some rows of a shape table, drawn on demand (and cached when the whole set is small)."""

    def __init__(
        self,
        table: torch.Tensor,
        labels: torch.Tensor,
        renderer: ShapeRenderer,
        input_shape: tuple[int, int, int],
        normalization: Normalization | None = None,
    ) -> None:
        self._table = table
        self._renderer = renderer
        super().__init__(labels, SHAPE_CLASSES, input_shape, normalization)

    def adapt(self, indices: torch.Tensor) -> torch.Tensor:
        return self._draw(self._table[indices], self._labels[indices], CHUNK_VALUES)

    def images_on(self, indices: torch.Tensor, device: torch.device) -> torch.Tensor:
        """Drawn on *device* itself when it is a GPU (on the CPU: from the cache, as batches are)."""
        if device.type == "cpu":
            return super().images_on(indices, device)
        return self.draw(indices, device)

    def draw(self, indices: torch.Tensor, device: torch.device) -> torch.Tensor:
        """uint8 images for *indices* drawn on *device*: only the random table's rows travel."""
        indices = self.checked_indices(indices)
        params = copy_to(self._table[indices], device)
        return self._draw(params, self._labels[indices], DEVICE_CHUNK_VALUES)

    def _draw(self, params: torch.Tensor, labels: torch.Tensor, chunk_values: int) -> torch.Tensor:
        """uint8 images of *params*' rows on their device, drawn *chunk_values* pixels at a time."""
        channels, height, width = self.input_shape
        out = torch.empty((len(labels), channels, height, width), dtype=torch.uint8, device=params.device)
        step = max(1, chunk_values // (height * width))
        for start in range(0, len(labels), step):
            part = slice(start, start + step)
            out[part] = self._renderer.render(params[part], labels[part])
        return out


def open_shapes(count: int, input_shape: tuple[int, int, int], seed: int, val_fraction: float) -> DataSplit:
    """*count* shape images of *input_shape*, split (seeded, per class) into training and validation."""
    table, labels = shape_table(count, seed)
    renderer = ShapeRenderer(input_shape, seed)
    train_idx, val_idx = stratified_split(labels, val_fraction, seed)
    train = ShapesImageSet(table[train_idx], labels[train_idx], renderer, input_shape)
    val = ShapesImageSet(table[val_idx], labels[val_idx], renderer, input_shape, train.normalization)
    return DataSplit("Drawn shapes", f"shapes:{count}", train, val)
