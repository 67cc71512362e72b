"""Image sets served from the training device, so a GPU never waits for the CPU to feed it.

:func:`on_device` wraps an :class:`~cnnstudio.data.adapt.AdaptedImageSet` for a device. A set
that fits (the bundled digits, drawn shapes, MNIST, CIFAR-10 at their own sizes: a few hundred
megabytes at most) is kept there whole, as uint8 (a quarter of float32's bytes), and a batch
is one gather and one multiply-add on the device: nothing crosses the PCIe bus per step but
the batch's indices. Drawn shapes are drawn on the GPU itself. A set too big for the device
is adapted batch by batch on the CPU and copied as uint8 from pinned memory (``non_blocking``:
the copy waits in the GPU's queue instead of stopping the CPU), then normalised on the device.

Photos in a folder are not copied whole before the first step (decoding them all would hold it
up for minutes with nothing to show): their batches take the pinned path, from the CPU's cache
once the first epoch has filled it.

On the CPU "the device" is the memory the set already uses: a set held there whole (see
:meth:`~cnnstudio.data.adapt.AdaptedImageSet.held_images`) is used as it is, without a copy,
and any other batch is made exactly as :meth:`ImageSet.batch` makes it.
"""

from __future__ import annotations

import gc
import threading

import torch

from cnnstudio.data.adapt import AdaptedImageSet
from cnnstudio.data.base import ImageSet

DEVICE_SHARE = 4
"""A set is kept on a GPU when it takes at most 1/DEVICE_SHARE of the GPU's memory (and at
most half of what is free): the network, its activations and the optimizer need the rest."""

_LOCK = threading.Lock()


def device_budget(device: torch.device) -> int:
    """How many bytes of images may be kept whole on *device* (0 for the CPU: see the module)."""
    if device.type == "cuda":
        free, total = torch.cuda.mem_get_info(device)
        return min(total // DEVICE_SHARE, free // 2)
    if device.type == "mps":
        return torch.mps.recommended_max_memory() // DEVICE_SHARE
    return 0


class DeviceImageSet(ImageSet):
    """An :class:`AdaptedImageSet` whose batches come out on *device*, normalised there.

    Parameters
    ----------
    base : AdaptedImageSet
        The set (its labels, classes, normalisation and how to adapt or draw its images).
    device : torch.device
        Where the batches go.
    images : torch.Tensor or None
        The whole set as uint8 on *device*, or ``None`` to adapt and copy each batch.
    """

    def __init__(self, base: AdaptedImageSet, device: torch.device, images: torch.Tensor | None) -> None:
        self.base = base
        self.device = device
        self.input_shape = base.input_shape
        self.classes = base.classes
        self.images = images
        self._labels = base.labels().to(device)

    @property
    def resident(self) -> bool:
        """Whether the whole set is kept on the device."""
        return self.images is not None

    def __len__(self) -> int:
        return len(self.base)

    def labels(self) -> torch.Tensor:
        """Every label, on the CPU (like the base set's)."""
        return self.base.labels()

    def batch(self, indices: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Normalised float32 images and int64 labels for *indices*, both on the device."""
        indices = self.base.checked_indices(indices)
        if self.images is None:
            images = self.base.images_on(indices, self.device)
            on_device = indices.to(self.device, non_blocking=True)
        else:
            on_device = indices.to(self.device, non_blocking=True)
            images = self.images[on_device]
        return self.base.normalization.apply(images), self._labels[on_device]

    def display(self, indices: torch.Tensor) -> torch.Tensor:
        return self.base.display(indices)


def on_device(images: ImageSet, device: torch.device | str) -> ImageSet:
    """*images* served from *device* (see the module); other kinds of set are returned as they are.

    The device's copy is kept with the set, for the last device asked for, so every trainer and
    evaluation of the same dataset shares it.
    """
    device = torch.device(device)
    if not isinstance(images, AdaptedImageSet):
        return images
    with _LOCK:
        kept = getattr(images, "_on_device", None)
        if isinstance(kept, DeviceImageSet) and kept.device == device:
            if kept.images is None and device.type == "cpu":  # the first epoch may have filled the cache
                kept.images = images.held_images()
            return kept
        if kept is not None:  # let the last device's copy go before making this one
            images._on_device = kept = None
            gc.collect()
        made = DeviceImageSet(images, device, _whole_set(images, device))
        images._on_device = made
        return made


def set_bytes(images: AdaptedImageSet) -> int:
    channels, height, width = images.input_shape
    return len(images) * channels * height * width


def _whole_set(images: AdaptedImageSet, device: torch.device) -> torch.Tensor | None:
    """The set as one uint8 tensor on *device*, or ``None`` where it does not fit."""
    if device.type == "cpu":
        return images.held_images()
    if not images.quick_to_adapt or set_bytes(images) > device_budget(device):
        return None
    try:
        return _copy_whole_set(images, device)
    except torch.OutOfMemoryError:
        pass
    gc.collect()  # out of the except block: the half-made copy can be freed
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return None


def _copy_whole_set(images: AdaptedImageSet, device: torch.device) -> torch.Tensor:
    count, step = len(images), images.chunk_images()
    out = torch.empty((count, *images.input_shape), dtype=torch.uint8, device=device)
    for start in range(0, count, step):
        out[start : start + step] = images.images_on(torch.arange(start, min(count, start + step)), device)
    return out
