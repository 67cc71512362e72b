"""MNIST and Fashion-MNIST from their IDX files (gzipped or not) in a folder the user picks.

An IDX file is a 4-byte magic number (two zero bytes, the type code 0x08 for unsigned bytes,
the number of dimensions), one big-endian 4-byte size per dimension, then the values. Images
files have 3 dimensions (count, rows, columns), labels files 1. The official test files
(``t10k-*``) serve as the validation set.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np
import torch

from cnnstudio.data.adapt import ArrayImageSet
from cnnstudio.data.base import DatasetError, DataSplit

MNIST_CLASSES = [str(d) for d in range(10)]
FASHION_CLASSES = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]
IDX_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "val": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
# Where the files may sit below the chosen folder (torchvision keeps them in MNIST/raw etc.).
SUBFOLDERS = ("", "raw", "MNIST/raw", "FashionMNIST/raw")


MAX_IDX_BYTES = 2**30
"""The most values an IDX file may hold (1 GiB; MNIST's training images take 47 MB)."""

_READ_ERRORS = (OSError, EOFError, zlib.error)


def _open_stream(path: Path) -> BinaryIO:
    """The file's bytes as a stream, inflated on the fly (and only as far as read) for ``.gz``."""
    try:
        return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    except OSError as exc:
        raise DatasetError(f"{path.name} cannot be read: {exc.strerror or exc}") from None


def _read(stream: BinaryIO, path: Path, size: int) -> bytes:
    """At most *size* bytes (never more is inflated); a clear error for a damaged gzip stream."""
    try:
        return stream.read(size)
    except _READ_ERRORS as exc:
        if path.suffix == ".gz" and not isinstance(exc, PermissionError):
            raise DatasetError(
                f"{path.name} is not a complete gzip file (it may be cut short): {exc}"
            ) from None
        raise DatasetError(f"{path.name} cannot be read: {getattr(exc, 'strerror', None) or exc}") from None


def read_idx(path: Path, dims: int) -> np.ndarray:
    """The uint8 array the IDX file at *path* holds, checking its magic number and its length.

    The header says how many bytes follow; no more than that is read (or inflated), and a header
    asking for more than :data:`MAX_IDX_BYTES` is refused before anything else is read, so a
    small gzip that would inflate to gigabytes cannot fill the memory.
    """
    name, kind = path.name, "images" if dims == 3 else "labels"
    with _open_stream(path) as stream:
        head = _read(stream, path, 4 + 4 * dims)
        shape = _idx_shape(head, name, dims)
        described = f"{shape[0]:,} images of {shape[1]}x{shape[2]}" if dims == 3 else f"{shape[0]:,} labels"
        if shape[0] == 0:
            raise DatasetError(f"{name} holds no {kind}: its header says {described}.")
        payload = int(np.prod(shape, dtype=np.int64))
        if payload > MAX_IDX_BYTES:
            raise DatasetError(
                f"{name} claims {described}, {payload:,} bytes: more than the {MAX_IDX_BYTES:,} bytes "
                "CNN Studio reads from one IDX file."
            )
        data = _read(stream, path, payload)
        expected = len(head) + payload
        if len(data) < payload:
            raise DatasetError(
                f"{name} is cut short: expected {expected:,} bytes of {kind} ({described}), "
                f"found {len(head) + len(data):,}."
            )
        if _read(stream, path, 1):
            raise DatasetError(
                f"{name} is longer than its header says: expected {expected:,} bytes ({described}), "
                "found more."
            )
    return np.frombuffer(data, dtype=np.uint8).reshape(shape)


def _idx_shape(head: bytes, name: str, dims: int) -> tuple[int, ...]:
    expected_magic = bytes((0, 0, 8, dims))
    kind = "images" if dims == 3 else "labels"
    if len(head) < 4 or head[:4] != expected_magic:
        found = " ".join(f"{b:02x}" for b in head[:4]) or "nothing"
        raise DatasetError(
            f"{name} is not an IDX {kind} file: it starts with {found}, "
            f"expected {' '.join(f'{b:02x}' for b in expected_magic)}."
        )
    if len(head) < 4 + 4 * dims:
        raise DatasetError(
            f"{name} is cut short: its header needs {4 + 4 * dims} bytes, found {len(head):,}."
        )
    return tuple(int(n) for n in np.frombuffer(head, dtype=">u4", count=dims, offset=4))


def find_idx_file(folder: Path, stem: str) -> Path:
    """The file *stem* (``.gz`` or raw; ``-idx`` or ``.idx``) in *folder* or a usual subfolder."""
    names = (stem + ".gz", stem, stem.replace("-idx", ".idx") + ".gz", stem.replace("-idx", ".idx"))
    for sub in SUBFOLDERS:
        for name in names:
            path = folder / sub / name
            if path.is_file():
                return path
    raise DatasetError(f"{stem}.gz is missing: no {stem}.gz or {stem} in {folder}.")


def read_idx_pair(
    images_path: Path, labels_path: Path, classes: int = 10
) -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 ``N x 1 x H x W`` images and int64 labels from an images file and a labels file."""
    images = read_idx(images_path, 3)
    labels = read_idx(labels_path, 1)
    if len(labels) != len(images):
        raise DatasetError(
            f"The labels file {labels_path.name} has {len(labels):,} labels but the images file "
            f"{images_path.name} has {len(images):,} images."
        )
    bad = np.flatnonzero(labels >= classes)
    if len(bad):
        raise DatasetError(
            f"{labels_path.name} has the label {int(labels[bad[0]])} for image {int(bad[0]):,}; "
            f"labels must be 0 to {classes - 1}."
        )
    images_t = torch.from_numpy(images.copy()).unsqueeze(1)
    return images_t, torch.from_numpy(labels.astype(np.int64))


def open_idx_dataset(kind: str, folder: str, input_shape: tuple[int, int, int]) -> DataSplit:
    """MNIST (``kind="mnist"``) or Fashion-MNIST from *folder*, its test files as validation."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise DatasetError(f"The folder {root} does not exist.")
    classes = FASHION_CLASSES if kind == "fashion-mnist" else MNIST_CLASSES
    sets = {}
    normalization = None
    for part, (images_stem, labels_stem) in IDX_FILES.items():
        images, labels = read_idx_pair(find_idx_file(root, images_stem), find_idx_file(root, labels_stem))
        sets[part] = ArrayImageSet(images, labels, classes, input_shape, normalization)
        normalization = sets[part].normalization
    title = "Fashion-MNIST" if kind == "fashion-mnist" else "MNIST"
    return DataSplit(title, f"{kind}:{folder}", sets["train"], sets["val"])
