"""Opening a dataset from its spec string, and picking sample images to show."""

from __future__ import annotations

import numpy as np
import torch

from cnnstudio.data.adapt import check_input_shape
from cnnstudio.data.base import DatasetError, DataSplit, ImageSet
from cnnstudio.data.kinds import parse_spec, shapes_size


def open_dataset(
    spec: str,
    input_shape: tuple[int, int, int],
    seed: int = 0,
    val_fraction: float = 0.2,
) -> DataSplit:
    """Open the dataset *spec* for a network whose input is ``(C, H, W)`` *input_shape*.

    *spec* is one of ``digits``, ``shapes``, ``shapes:N``, ``mnist:DIR``,
    ``fashion-mnist:DIR``, ``cifar10:DIR`` or ``folder:DIR``. MNIST, Fashion-MNIST and CIFAR-10
    use their own test files for validation; the others keep *val_fraction* of each class
    aside, chosen by *seed* (which also fixes the pictures ``shapes`` draws).

    Raises :class:`DatasetError` with a plain explanation when the spec or the files are wrong.
    """
    split = _open(spec, input_shape, seed, val_fraction)
    for part, images in (("training", split.train), ("validation", split.val)):
        if len(images) == 0:
            raise DatasetError(f"{split.name} has no {part} images: there is nothing to learn from.")
    return split


def _open(spec: str, input_shape: tuple[int, int, int], seed: int, val_fraction: float) -> DataSplit:
    kind, argument = parse_spec(spec)
    shape = check_input_shape(input_shape, any_channels=kind.id == "shapes")
    if kind.id == "digits":
        from cnnstudio.data.digits import open_digits

        return open_digits(shape, seed, val_fraction)
    if kind.id == "shapes":
        from cnnstudio.data.shapes import open_shapes

        return open_shapes(shapes_size(argument), shape, seed, val_fraction)
    assert argument is not None  # parse_spec insists on a folder for the kinds below
    if kind.id in ("mnist", "fashion-mnist"):
        from cnnstudio.data.idx import open_idx_dataset

        return open_idx_dataset(kind.id, argument, shape)
    if kind.id == "cifar10":
        from cnnstudio.data.cifar import open_cifar10

        return open_cifar10(argument, shape)
    from cnnstudio.data.folder import open_folder

    return open_folder(argument, shape, seed, val_fraction)


def preview(split: DataSplit | ImageSet, n: int = 16, seed: int = 0) -> list[tuple[np.ndarray, str]]:
    """Up to *n* sample images chosen by *seed*, each as ``(uint8 H x W x C array, label name)``.

    *split* is an :class:`ImageSet` or a :class:`DataSplit` (whose training set is sampled).
    The images are what the network is given, before normalization.
    """
    images = split.train if isinstance(split, DataSplit) else split
    count = min(max(int(n), 0), len(images))
    generator = torch.Generator().manual_seed(int(seed))
    chosen = torch.randperm(len(images), generator=generator)[:count]
    pixels = images.display(chosen).numpy()
    labels = images.labels()[chosen].tolist()
    return [(pixels[i], images.classes[label]) for i, label in enumerate(labels)]
