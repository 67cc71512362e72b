"""Augmentation on whole batches: random crops of the zero-padded image and horizontal flips."""

from __future__ import annotations

import torch

from cnnstudio.training.augment import augment_batch, default_padding, random_crop, random_flip


def numbered_images(count: int, size: int = 6) -> torch.Tensor:
    """Every pixel of every image holds a different positive number."""
    return torch.arange(1, count * size * size + 1, dtype=torch.float32).view(count, 1, size, size)


def shift_of(original: torch.Tensor, cropped: torch.Tensor, padding: int) -> tuple[int, int]:
    """The (dy, dx) shift that turns *original* into *cropped*, trying every shift by hand."""
    size = original.shape[-1]
    padded = torch.zeros(size + 2 * padding, size + 2 * padding)
    padded[padding : padding + size, padding : padding + size] = original
    for dy in range(2 * padding + 1):
        for dx in range(2 * padding + 1):
            if torch.equal(padded[dy : dy + size, dx : dx + size], cropped):
                return dy - padding, dx - padding
    raise AssertionError("the crop is not a shifted copy of the image")


def test_each_image_is_shifted_by_its_own_offset_within_the_padding():
    images = numbered_images(64)
    cropped = random_crop(images, 2, torch.Generator().manual_seed(0))
    assert cropped.shape == images.shape
    shifts = {shift_of(images[i, 0], cropped[i, 0], 2) for i in range(64)}
    assert all(abs(dy) <= 2 and abs(dx) <= 2 for dy, dx in shifts)
    assert len(shifts) > 10  # not one shift for the whole batch


def test_every_channel_of_an_image_gets_the_same_shift():
    images = numbered_images(8).expand(-1, 3, -1, -1).clone()
    images[:, 1] *= -1
    cropped = random_crop(images, 1, torch.Generator().manual_seed(3))
    assert torch.equal(cropped[:, 1], -cropped[:, 0])
    assert torch.equal(cropped[:, 2], cropped[:, 0])


def test_flips_mirror_about_half_the_images_left_to_right():
    images = numbered_images(200)
    flipped = random_flip(images, torch.Generator().manual_seed(1))
    mirrored = [torch.equal(flipped[i], images[i].flip(-1)) for i in range(200)]
    kept = [torch.equal(flipped[i], images[i]) for i in range(200)]
    assert all(m != k for m, k in zip(mirrored, kept, strict=True))
    assert 70 < sum(mirrored) < 130


def test_augment_batch_can_leave_flips_out():
    images = numbered_images(50)
    out = augment_batch(images, 1, False, torch.Generator().manual_seed(2))
    for i in range(50):
        shift_of(images[i, 0], out[i, 0], 1)  # only shifted, never mirrored


def test_default_padding_is_an_eighth_of_the_side():
    assert default_padding(32, 32) == 4
    assert default_padding(224, 224) == 28
    assert default_padding(8, 8) == 1
    assert default_padding(4, 4) == 1
