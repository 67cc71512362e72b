"""Simple augmentation on whole batches: random crops of a zero-padded image, horizontal flips.

Each image of a batch gets its own shift and flip, drawn from a seeded generator, but the work
is a few tensor operations per batch (no Python loop over images), on the batch's device.
"""

from __future__ import annotations

import torch
from torch.nn import functional as F


def default_padding(height: int, width: int) -> int:
    """How far a random crop may shift an image: an eighth of its side (4 for 32x32), at least 1."""
    return max(1, round(min(height, width) / 8))


def random_crop(images: torch.Tensor, padding: int, generator: torch.Generator) -> torch.Tensor:
    """Each image shifted by up to *padding* pixels each way, the uncovered border zero.

    Pads ``B x C x H x W`` by *padding* on every side, then cuts an ``H x W`` window at a random
    offset per image (two gathers: rows, then columns).
    """
    if padding <= 0:
        return images
    b, c, h, w = images.shape
    padded = F.pad(images, (padding, padding, padding, padding))
    offsets = torch.randint(0, 2 * padding + 1, (2, b), generator=generator)
    offsets = offsets.to(images.device, non_blocking=True)
    rows = offsets[0, :, None] + torch.arange(h, device=images.device)
    cols = offsets[1, :, None] + torch.arange(w, device=images.device)
    picked_rows = padded.gather(2, rows[:, None, :, None].expand(b, c, h, w + 2 * padding))
    return picked_rows.gather(3, cols[:, None, None, :].expand(b, c, h, w))


def random_flip(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Each image mirrored left to right with probability one half."""
    flip = torch.rand(images.shape[0], generator=generator) < 0.5
    flip = flip.to(images.device, non_blocking=True)
    return torch.where(flip[:, None, None, None], images.flip(3), images)


def augment_batch(images: torch.Tensor, padding: int, flip: bool, generator: torch.Generator) -> torch.Tensor:
    """:func:`random_crop` then (if *flip*) :func:`random_flip`."""
    images = random_crop(images, padding, generator)
    return random_flip(images, generator) if flip else images
