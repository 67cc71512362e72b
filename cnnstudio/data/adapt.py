"""Fitting images to a network's input: resizing, gray <-> RGB, normalization and caching.

Every dataset here turns its images into uint8 ``B x C x H x W`` tensors of the network's input
shape (:meth:`AdaptedImageSet.adapt`); this base class then keeps them in memory when they fit
(:data:`CACHE_LIMIT_BYTES`), filling the cache as batches are asked for, and normalizes each
batch with the training set's per-channel mean and standard deviation.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Callable

import torch
import torch.nn.functional as F

from cnnstudio.data.base import DatasetError, ImageSet

CACHE_LIMIT_BYTES = 768 * 2**20
"""Adapted images are kept in memory (as uint8) when a whole set takes at most this much."""

STATS_VALUE_BUDGET = 32 * 2**20
"""About how many pixel values the normalization statistics are measured on."""

LUMA = (0.299, 0.587, 0.114)
"""Weights turning RGB into gray (ITU-R BT.601, as most image tools use)."""


def check_input_shape(input_shape: tuple[int, ...], any_channels: bool = False) -> tuple[int, int, int]:
    """*input_shape* as ``(C, H, W)`` ints, or a :class:`DatasetError` saying what is wrong."""
    shape = tuple(int(n) for n in input_shape)
    if len(shape) != 3 or min(shape) < 1:
        raise DatasetError(
            f"A network input shape must be (channels, height, width); got {tuple(input_shape)}."
        )
    if not any_channels and shape[0] not in (1, 3):
        raise DatasetError(
            f"Images can be given to a network with 1 (gray) or 3 (RGB) input channels, not {shape[0]}."
        )
    return shape  # type: ignore[return-value]


def convert_channels(images: torch.Tensor, channels: int) -> torch.Tensor:
    """Float ``B x C x H x W`` images with *channels* channels: gray is repeated, RGB is weighted."""
    have = images.shape[1]
    if have == channels:
        return images
    if have == 1:
        return images.expand(-1, channels, -1, -1)
    if not images.is_floating_point():
        raise DatasetError("Colour images must be turned into gray before they are rounded to bytes.")
    if have == 3 and channels == 1:
        weights = torch.tensor(LUMA, dtype=images.dtype).view(1, 3, 1, 1)
        return (images * weights).sum(dim=1, keepdim=True)
    raise DatasetError(f"Cannot turn {have}-channel images into {channels}-channel ones.")


CHUNK_VALUES = 2**20
"""Large batches are adapted in pieces of about this many output values, to stay in the CPU cache."""

CHUNK_BYTES = 64 * 2**20
"""A whole set is adapted (or copied to a GPU) in pieces of about this many bytes of images."""


def copy_to(images: torch.Tensor, device: torch.device) -> torch.Tensor:
    """*images* (a CPU tensor) on *device*. To a CUDA GPU they go through pinned memory with
    ``non_blocking=True``: the copy is queued behind the GPU's work instead of waiting for it."""
    if device.type == "cpu":
        return images
    if device.type == "cuda":
        return images.pin_memory().to(device, non_blocking=True)
    return images.to(device)


def fit_uint8(images: torch.Tensor, input_shape: tuple[int, int, int]) -> torch.Tensor:
    """uint8 ``B x C x H x W`` images resized (bilinear, antialiased) and converted to *input_shape*."""
    if tuple(images.shape[1:]) == tuple(input_shape):
        return images.contiguous()
    out = torch.empty((len(images), *input_shape), dtype=torch.uint8)
    step = max(1, CHUNK_VALUES // (input_shape[0] * input_shape[1] * input_shape[2]))
    for start in range(0, len(images), step):
        out[start : start + step] = _fit_chunk(images[start : start + step], input_shape)
    return out


def _fit_chunk(images: torch.Tensor, input_shape: tuple[int, int, int]) -> torch.Tensor:
    channels, height, width = input_shape
    values = images.to(torch.float32)
    if tuple(values.shape[2:]) != (height, width):
        values = F.interpolate(
            values, size=(height, width), mode="bilinear", antialias=True, align_corners=False
        )
    if values.shape[1] != 1:  # RGB -> gray before rounding; gray -> RGB after, on 1/3 of the values
        values = convert_channels(values, channels)
    quantized = values.round_().clamp_(0, 255).to(torch.uint8)
    return convert_channels(quantized, channels)


class Normalization:
    """Per-channel mean and standard deviation (of pixels scaled to [0, 1]) shared by a split.

    Measured once, on first use, from the training set, so opening a dataset stays quick and the
    validation set is normalized exactly like the training set.
    """

    def __init__(self, measure: Callable[[], tuple[torch.Tensor, torch.Tensor]]) -> None:
        self._measure = measure
        self._lock = threading.Lock()
        self._scale: torch.Tensor | None = None
        self._shift: torch.Tensor | None = None
        self._mean: tuple[float, ...] = ()
        self._std: tuple[float, ...] = ()
        self._moved: dict[torch.device, tuple[torch.Tensor, torch.Tensor]] = {}

    def _ensure(self) -> None:
        with self._lock:
            if self._scale is not None:
                return
            mean, std = self._measure()
            std = std.clamp_min(1e-3)
            self._mean = tuple(float(v) for v in mean)
            self._std = tuple(float(v) for v in std)
            # (x / 255 - mean) / std == x * scale + shift
            self._scale = (1.0 / (255.0 * std)).view(1, -1, 1, 1).to(torch.float32)
            self._shift = (-mean / std).view(1, -1, 1, 1).to(torch.float32)

    @property
    def mean(self) -> tuple[float, ...]:
        self._ensure()
        return self._mean

    @property
    def std(self) -> tuple[float, ...]:
        self._ensure()
        return self._std

    def factors(self, device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
        """``(scale, shift)``, float32 ``1 x C x 1 x 1`` on *device*: normalized = x * scale + shift."""
        self._ensure()
        assert self._scale is not None and self._shift is not None
        device = torch.device(device)
        if device.type == "cpu":
            return self._scale, self._shift
        with self._lock:
            moved = self._moved.get(device)
            if moved is None:
                moved = (self._scale.to(device), self._shift.to(device))
                self._moved = {device: moved}  # only the device in use
            return moved

    def apply(self, images: torch.Tensor) -> torch.Tensor:
        """Float32 normalized images from uint8 ones, on the images' device."""
        scale, shift = self.factors(images.device)
        return images.to(torch.float32).mul_(scale).add_(shift)


def stats_indices(count: int, input_shape: tuple[int, int, int]) -> torch.Tensor:
    """Evenly spread indices of the images the normalization is measured on."""
    per_image = input_shape[0] * input_shape[1] * input_shape[2]
    wanted = max(64, min(2048, STATS_VALUE_BUDGET // per_image))
    if count <= wanted:
        return torch.arange(count)
    return torch.linspace(0, count - 1, wanted).round().long().unique()


class AdaptedImageSet(ImageSet):
    """An :class:`ImageSet` whose subclasses only produce uint8 images of the input shape.

    Subclasses implement :meth:`adapt`; batches are cached (uint8) when the whole set fits in
    :data:`CACHE_LIMIT_BYTES`, so after the first epoch a batch is one gather plus one
    multiply-add. ``normalization`` is shared with the other half of the split: pass the training
    set's as *normalization* when building the validation set.
    """

    def __init__(
        self,
        labels: torch.Tensor,
        classes: list[str],
        input_shape: tuple[int, int, int],
        normalization: Normalization | None = None,
    ) -> None:
        self.input_shape = tuple(input_shape)  # type: ignore[assignment]
        self.classes = list(classes)
        self._labels = labels.to(torch.int64).contiguous()
        self.normalization = normalization or Normalization(self._measure_stats)
        self._cache: torch.Tensor | None = None
        self._cached: torch.Tensor | None = None
        self._cache_lock = threading.Lock()
        channels, height, width = self.input_shape
        if len(self._labels) * channels * height * width <= CACHE_LIMIT_BYTES and self.cacheable():
            self._cache = torch.empty((len(self._labels), channels, height, width), dtype=torch.uint8)
            self._cached = torch.zeros(len(self._labels), dtype=torch.bool)

    @abstractmethod
    def adapt(self, indices: torch.Tensor) -> torch.Tensor:
        """uint8 ``B x C x H x W`` images (of ``input_shape``) for *indices* (int64, in range)."""

    def cacheable(self) -> bool:
        """Whether adapted images are worth caching (False where ``adapt`` is a plain gather)."""
        return True

    def __len__(self) -> int:
        return len(self._labels)

    def labels(self) -> torch.Tensor:
        return self._labels

    def images_uint8(self, indices: torch.Tensor) -> torch.Tensor:
        """uint8 ``B x C x H x W`` images for *indices*, from the cache where they are there."""
        indices = self.checked_indices(indices)
        if self._cache is None or self._cached is None:
            return self.adapt(indices)
        missing = indices[~self._cached[indices]]
        if len(missing):
            with self._cache_lock:
                missing = missing[~self._cached[missing]].unique()
                if len(missing):
                    self._cache[missing] = self.adapt(missing)
                    self._cached[missing] = True
        return self._cache[indices]

    quick_to_adapt = True
    """Whether adapting every image takes about as long as copying it (arrays, drawn shapes), so
    a whole set can be made ready on a GPU before the first step (decoding photos cannot)."""

    def held_images(self) -> torch.Tensor | None:
        """The whole set as one uint8 ``N x C x H x W`` CPU tensor if it is in memory already,
        adapted (not a copy: do not write to it); ``None`` otherwise."""
        if self._cache is None or self._cached is None or not bool(self._cached.all()):
            return None
        return self._cache

    def images_on(self, indices: torch.Tensor, device: torch.device) -> torch.Tensor:
        """uint8 images for *indices* on *device*: adapted here, then copied (from pinned memory
        to a CUDA GPU, so the copy overlaps the GPU's work)."""
        return copy_to(self.images_uint8(indices), device)

    def chunk_images(self) -> int:
        """How many images to adapt at once when adapting many (about 64 MiB of them)."""
        channels, height, width = self.input_shape
        return max(1, CHUNK_BYTES // (channels * height * width))

    def batch(self, indices: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        indices = self.checked_indices(indices)
        return self.normalization.apply(self.images_uint8(indices)), self._labels[indices]

    def display(self, indices: torch.Tensor) -> torch.Tensor:
        """The images as they are given to the network, before normalization: uint8 ``B x H x W x C``."""
        return self.images_uint8(indices).permute(0, 2, 3, 1).contiguous()

    def checked_indices(self, indices: torch.Tensor) -> torch.Tensor:
        """*indices* as a flat int64 CPU tensor, or an ``IndexError`` if one is out of range."""
        indices = torch.as_tensor(indices, dtype=torch.int64).reshape(-1)
        if len(indices) and (int(indices.min()) < 0 or int(indices.max()) >= len(self._labels)):
            raise IndexError(f"image index out of range 0..{len(self._labels) - 1}")
        return indices

    def _measure_stats(self) -> tuple[torch.Tensor, torch.Tensor]:
        chosen = stats_indices(len(self), self.input_shape)
        totals = torch.zeros(self.input_shape[0], dtype=torch.float64)
        squares = torch.zeros_like(totals)
        for chunk in chosen.split(256):
            values = self.images_uint8(chunk).to(torch.float64) / 255.0
            totals += values.sum(dim=(0, 2, 3))
            squares += values.square().sum(dim=(0, 2, 3))
        count = len(chosen) * self.input_shape[1] * self.input_shape[2]
        mean = totals / count
        std = (squares / count - mean.square()).clamp_min(0).sqrt()
        return mean, std


class ArrayImageSet(AdaptedImageSet):
    """Images held in memory as one uint8 ``N x C x H x W`` tensor in their own size and channels."""

    def __init__(
        self,
        images: torch.Tensor,
        labels: torch.Tensor,
        classes: list[str],
        input_shape: tuple[int, int, int],
        normalization: Normalization | None = None,
    ) -> None:
        self.source = images.contiguous()
        super().__init__(labels, classes, input_shape, normalization)

    def cacheable(self) -> bool:
        return tuple(self.source.shape[1:]) != tuple(self.input_shape)

    def held_images(self) -> torch.Tensor | None:
        return super().held_images() if self.cacheable() else self.source

    def adapt(self, indices: torch.Tensor) -> torch.Tensor:
        return fit_uint8(self.source[indices], self.input_shape)


def stratified_split(
    labels: torch.Tensor, val_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Seeded ``(train_indices, val_indices)``: each class split in the same proportion, both sorted."""
    if not 0.0 < val_fraction < 1.0:
        raise DatasetError(
            f"The validation fraction must be between 0 and 1 (such as 0.2), not {val_fraction}."
        )
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
    train = torch.cat(train_parts).sort().values
    val = torch.cat(val_parts).sort().values
    if len(train) == 0 or len(val) == 0:
        raise DatasetError("The dataset is too small to split into training and validation images.")
    return train, val
