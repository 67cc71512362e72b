"""The bundled handwritten digits: the UCI "optical recognition of handwritten digits" test set.

1,797 images of 8x8 pixels with values 0..16, read from ``resources/datasets/digits/digits.csv.gz``
(scikit-learn's copy; see the README there for its source and licence). Each row holds 64 pixel
values, row by row, then the digit.
"""

from __future__ import annotations

import gzip
import io
from importlib.resources import files

import numpy as np
import torch

from cnnstudio.data.adapt import ArrayImageSet, stratified_split
from cnnstudio.data.base import DatasetError, DataSplit

DIGITS_RESOURCE = ("datasets", "digits", "digits.csv.gz")
DIGITS_CLASSES = [str(d) for d in range(10)]
DIGITS_MAX_VALUE = 16
"""Each 8x8 pixel counts the inked pixels of a 4x4 block of the original 32x32 bitmap: 0..16."""


def read_digits_csv(data: bytes, name: str = "digits.csv.gz") -> tuple[torch.Tensor, torch.Tensor]:
    """``(images uint8 N x 1 x 8 x 8 scaled to 0..255, labels int64 N)`` from the gzipped CSV bytes."""
    try:
        text = gzip.decompress(data)
        table = np.loadtxt(io.BytesIO(text), delimiter=",", dtype=np.int64, ndmin=2)
    except (OSError, EOFError, ValueError) as exc:
        raise DatasetError(f"{name} cannot be read as gzipped comma-separated numbers: {exc}") from None
    if table.shape[1] != 65:
        raise DatasetError(
            f"{name} has {table.shape[1]} columns per row; expected 65 (64 pixels and a label)."
        )
    pixels, labels = table[:, :64], table[:, 64]
    if pixels.min() < 0 or pixels.max() > DIGITS_MAX_VALUE:
        raise DatasetError(f"{name} has pixel values outside 0..{DIGITS_MAX_VALUE}.")
    if labels.min() < 0 or labels.max() > 9:
        raise DatasetError(f"{name} has a label outside 0..9.")
    scaled = np.rint(pixels * (255.0 / DIGITS_MAX_VALUE)).astype(np.uint8).reshape(-1, 1, 8, 8)
    return torch.from_numpy(scaled), torch.from_numpy(labels)


def load_digits() -> tuple[torch.Tensor, torch.Tensor]:
    """The bundled digits: uint8 ``1797 x 1 x 8 x 8`` images (0..255) and their int64 labels."""
    resource = files("cnnstudio.resources").joinpath(*DIGITS_RESOURCE)
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise DatasetError(f"The bundled digits file {'/'.join(DIGITS_RESOURCE)} is missing: {exc}") from None
    return read_digits_csv(data, DIGITS_RESOURCE[-1])


def open_digits(input_shape: tuple[int, int, int], seed: int, val_fraction: float) -> DataSplit:
    """The digits split (seeded, per class) into training and validation images."""
    images, labels = load_digits()
    train_idx, val_idx = stratified_split(labels, val_fraction, seed)
    train = ArrayImageSet(images[train_idx], labels[train_idx], DIGITS_CLASSES, input_shape)
    val = ArrayImageSet(images[val_idx], labels[val_idx], DIGITS_CLASSES, input_shape, train.normalization)
    return DataSplit("Handwritten digits", "digits", train, val)
