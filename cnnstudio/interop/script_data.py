"""The exported training script's data: the bundled digits and the drawn shapes, as CNN Studio
prepares them, in torch and the standard library only (numpy for the shapes' random table).

The training-script exporter copies these definitions into the script it writes; the tests
check that they give exactly the images, labels, split and normalization of
:func:`cnnstudio.data.open_dataset`, so a network trained by the script sees what the app shows.
"""

from __future__ import annotations

import csv
import gzip
import io
import math

import torch
from torch.nn import functional as F

DIGITS_CLASSES = [str(d) for d in range(10)]
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
DEFAULT_SHAPES = 2500
LUMA = (0.299, 0.587, 0.114)
CHUNK_VALUES = 2**20
STATS_VALUE_BUDGET = 32 * 2**20


class DataError(ValueError):
    """A dataset that cannot be used; the message says why."""


def read_digits(data: bytes) -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 N x 1 x 8 x 8 images (0..16 scaled to 0..255) and labels from the gzipped CSV."""
    rows = [[int(v) for v in row] for row in csv.reader(io.StringIO(gzip.decompress(data).decode("ascii")))]
    table = torch.tensor(rows, dtype=torch.int64)
    pixels = (table[:, :64].double() * (255.0 / 16)).round().to(torch.uint8)
    return pixels.reshape(-1, 1, 8, 8), table[:, 64].contiguous()


def stratified_split(
    labels: torch.Tensor, val_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Seeded (train, validation) indices, each class split in the same proportion."""
    generator = torch.Generator().manual_seed(int(seed))
    train_parts, val_parts = [], []
    for label in labels.unique(sorted=True):
        members = torch.nonzero(labels == label).flatten()
        members = members[torch.randperm(len(members), generator=generator)]
        n_val = round(len(members) * val_fraction)
        if len(members) >= 2:
            n_val = min(max(n_val, 1), len(members) - 1)
        val_parts.append(members[:n_val])
        train_parts.append(members[n_val:])
    return torch.cat(train_parts).sort().values, torch.cat(val_parts).sort().values


def convert_channels(images: torch.Tensor, channels: int) -> torch.Tensor:
    """Gray repeated into RGB, or RGB weighted into gray."""
    if images.shape[1] == channels:
        return images
    if images.shape[1] == 1:
        return images.expand(-1, channels, -1, -1)
    weights = torch.tensor(LUMA, dtype=images.dtype).view(1, 3, 1, 1)
    return (images * weights).sum(dim=1, keepdim=True)


def fit_images(images: torch.Tensor, input_shape: tuple[int, int, int]) -> torch.Tensor:
    """uint8 images resized (bilinear, antialiased) and converted to the network's input shape."""
    if tuple(images.shape[1:]) == tuple(input_shape):
        return images.contiguous()
    channels, height, width = input_shape
    out = torch.empty((len(images), *input_shape), dtype=torch.uint8)
    step = max(1, CHUNK_VALUES // (channels * height * width))
    for start in range(0, len(images), step):
        values = images[start : start + step].to(torch.float32)
        if tuple(values.shape[2:]) != (height, width):
            values = F.interpolate(
                values, size=(height, width), mode="bilinear", antialias=True, align_corners=False
            )
        if values.shape[1] != 1:
            values = convert_channels(values, channels)
        out[start : start + step] = convert_channels(values.round_().clamp_(0, 255).to(torch.uint8), channels)
    return out


def _box(u: torch.Tensor, v: torch.Tensor, half_u: float, half_v: float) -> torch.Tensor:
    return torch.maximum(u.abs() - half_u, v.abs() - half_v)


def _plus(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return torch.minimum(_box(u, v, 1.0, 0.28), _box(u, v, 0.28, 1.0))


def shape_distance(kind: int, u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Negative inside shape *kind*, zero on its edge, in units of its radius."""
    radius, half = torch.sqrt(u * u + v * v), math.sqrt(0.5)
    if kind == 0:
        return radius - 1.0
    if kind == 1:
        return _box(u, v, 0.8, 0.8)
    if kind == 2:
        side = (u.abs() * 1.65 - (v + 0.9) * 0.95) / math.hypot(1.65, 0.95)
        return torch.maximum(v - 0.75, side)
    if kind == 3:
        return (radius - 0.78).abs() - 0.22
    if kind == 4:
        return _plus(u, v)
    if kind == 5:
        return _plus((u + v) * half, (u - v) * half)
    if kind == 6:
        return (u.abs() + v.abs() - 1.0) * half
    if kind == 7:
        return (torch.maximum(u.abs(), v.abs()) - 0.72).abs() - 0.16
    if kind == 8:
        return _box(u, v, 1.0, 0.3)
    return _box(u, v, 0.3, 1.0)


class ShapeRenderer:
    """Draws the shape images from rows of random numbers: size, position, tilt, colours, noise."""

    def __init__(self, input_shape: tuple[int, int, int], seed: int) -> None:
        self.channels, self.height, self.width = input_shape
        generator = torch.Generator().manual_seed(int(seed) + 7919)
        self.noise_bank = torch.randn((3, self.height, self.width), generator=generator)

    def colours(self, levels: torch.Tensor, tints: torch.Tensor) -> torch.Tensor:
        rgb = (levels[:, None] + (tints - 0.5) * 0.4).clamp(0.0, 1.0)
        if self.channels == 1:
            return rgb @ torch.tensor(LUMA).view(3, 1)
        return rgb[:, [c % 3 for c in range(self.channels)]]

    def masks(self, params: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        radius = (0.2 + 0.2 * params[:, 0]) * min(self.height, self.width)
        centre_x = radius + params[:, 1] * (self.width - 2 * radius)
        centre_y = radius + params[:, 2] * (self.height - 2 * radius)
        tilt = (params[:, 3] * 2 - 1) * math.radians(15.0)
        dx = (torch.arange(self.width, dtype=torch.float32) + 0.5).view(1, 1, -1) - centre_x.view(-1, 1, 1)
        dy = (torch.arange(self.height, dtype=torch.float32) + 0.5).view(1, -1, 1) - centre_y.view(-1, 1, 1)
        cos, sin = torch.cos(tilt).view(-1, 1, 1), torch.sin(tilt).view(-1, 1, 1)
        scale = radius.view(-1, 1, 1)
        u, v = (cos * dx + sin * dy) / scale, (cos * dy - sin * dx) / scale
        distance = torch.empty_like(u)
        for kind in labels.unique().tolist():
            chosen = labels == kind
            distance[chosen] = shape_distance(kind, u[chosen], v[chosen])
        return (0.5 - distance * scale).clamp_(0.0, 1.0)

    def noise(self, params: torch.Tensor) -> torch.Tensor:
        rows = (params[:, 9] * self.height).long().view(-1, 1) + torch.arange(self.height)
        cols = (params[:, 8] * self.width).long().view(-1, 1) + torch.arange(self.width)
        rows, cols = rows % self.height, cols % self.width
        bank = self.noise_bank[[c % 3 for c in range(self.channels)]]
        patches = bank[:, rows[:, :, None], cols[:, None, :]].transpose(0, 1)
        return patches * (0.03 + 0.07 * params[:, 7]).view(-1, 1, 1, 1)

    def render(self, params: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        dark = params[:, 4] < 0.5
        bg_level = torch.where(dark, 0.05 + 0.35 * params[:, 5], 0.6 + 0.35 * params[:, 5])
        fg_level = torch.where(dark, 0.6 + 0.35 * params[:, 6], 0.05 + 0.35 * params[:, 6])
        background = self.colours(bg_level, params[:, 10:13]).view(-1, self.channels, 1, 1)
        foreground = self.colours(fg_level, params[:, 13:16]).view(-1, self.channels, 1, 1)
        mask = self.masks(params, labels).unsqueeze(1)
        images = torch.lerp(background, foreground, mask) + self.noise(params)
        return images.clamp_(0.0, 1.0).mul_(255.0).round_().to(torch.uint8)

    def images(self, params: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """uint8 images, drawn in pieces that fit the CPU cache."""
        out = torch.empty((len(labels), self.channels, self.height, self.width), dtype=torch.uint8)
        step = max(1, CHUNK_VALUES // (self.height * self.width))
        for start in range(0, len(labels), step):
            out[start : start + step] = self.render(
                params[start : start + step], labels[start : start + step]
            )
        return out


def shape_table(count: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The random numbers behind *count* shape images and their balanced labels."""
    import numpy as np  # only the drawn shapes need numpy (CNN Studio's random table)

    rng = np.random.default_rng(int(seed))
    table = rng.random((count, 16))
    labels = rng.permutation(np.arange(count) % len(SHAPE_CLASSES))
    return torch.from_numpy(table).to(torch.float32), torch.from_numpy(labels).to(torch.int64)


class ImageSet:
    """Labelled images made on demand (uint8) and normalized with the training set's statistics."""

    def __init__(self, labels: torch.Tensor, make, input_shape: tuple[int, int, int]) -> None:
        self.labels, self.make, self.input_shape = labels, make, tuple(input_shape)
        self.scale = self.shift = None

    def __len__(self) -> int:
        return len(self.labels)

    def normalize_like(self, other: ImageSet) -> None:
        self.scale, self.shift = other.scale, other.shift

    def measure(self) -> None:
        """Per-channel mean and standard deviation of pixels in [0, 1], from evenly spread images."""
        channels, height, width = self.input_shape
        wanted = max(64, min(2048, STATS_VALUE_BUDGET // (channels * height * width)))
        chosen = torch.arange(len(self))
        if len(self) > wanted:
            chosen = torch.linspace(0, len(self) - 1, wanted).round().long().unique()
        totals = torch.zeros(channels, dtype=torch.float64)
        squares = torch.zeros_like(totals)
        for chunk in chosen.split(256):
            values = self.make(chunk).to(torch.float64) / 255.0
            totals += values.sum(dim=(0, 2, 3))
            squares += values.square().sum(dim=(0, 2, 3))
        count = len(chosen) * height * width
        mean = totals / count
        std = (squares / count - mean.square()).clamp_min(0).sqrt().clamp_min(1e-3)
        self.scale = (1.0 / (255.0 * std)).view(1, -1, 1, 1).to(torch.float32)
        self.shift = (-mean / std).view(1, -1, 1, 1).to(torch.float32)

    def batch(self, indices: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """float32 normalized images and int64 labels for *indices*."""
        return self.make(indices).to(torch.float32).mul_(self.scale).add_(self.shift), self.labels[indices]


def _drawn(table: torch.Tensor, labels: torch.Tensor, renderer: ShapeRenderer) -> ImageSet:
    shape = (renderer.channels, renderer.height, renderer.width)
    return ImageSet(labels, lambda indices: renderer.images(table[indices], labels[indices]), shape)


def open_data(
    spec: str, input_shape: tuple[int, int, int], seed: int, digits: bytes | None, val_fraction: float = 0.2
) -> tuple[ImageSet, ImageSet, list[str]]:
    """The training and validation sets of ``digits``, ``shapes`` or ``shapes:N``, and the classes."""
    kind, _, size = spec.partition(":")
    if kind == "digits" and digits is not None:
        if input_shape[0] not in (1, 3):
            raise DataError(f"the digits fit networks with 1 or 3 input channels, not {input_shape[0]}")
        images, labels = read_digits(digits)
        classes = DIGITS_CLASSES
        train_idx, val_idx = stratified_split(labels, val_fraction, seed)
        train_images = fit_images(images[train_idx], input_shape)
        val_images = fit_images(images[val_idx], input_shape)
        train = ImageSet(labels[train_idx], train_images.__getitem__, input_shape)
        val = ImageSet(labels[val_idx], val_images.__getitem__, input_shape)
    elif kind == "shapes" and (not size or size.isdigit()):
        count = int(size) if size else DEFAULT_SHAPES
        if not 20 <= count <= 1_000_000:
            raise DataError(f"shapes:{count}: the number of images must be between 20 and 1,000,000")
        table, labels = shape_table(count, seed)
        renderer, classes = ShapeRenderer(input_shape, seed), SHAPE_CLASSES
        train_idx, val_idx = stratified_split(labels, val_fraction, seed)
        train = _drawn(table[train_idx], labels[train_idx], renderer)
        val = _drawn(table[val_idx], labels[val_idx], renderer)
    else:
        choices = "digits, shapes or shapes:N" if digits is not None else "shapes or shapes:N"
        raise DataError(f"unknown data '{spec}': use {choices}")
    train.measure()
    val.normalize_like(train)
    return train, val, classes
