"""Dataset files written from their formats' descriptions (not from the app's readers): IDX files
as MNIST ships them, and CIFAR-10's binary batches."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np

CIFAR_RECORD = 1 + 32 * 32 * 3
"""Bytes of one CIFAR-10 record: a label byte, then the red, green and blue 32x32 planes."""
CIFAR_BATCH_FILES = [f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin"]


def idx_bytes(array: np.ndarray) -> bytes:
    """An IDX file of unsigned bytes, written from the format's description (not the reader)."""
    header = bytes((0, 0, 0x08, array.ndim)) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_idx(path: Path, array: np.ndarray) -> Path:
    """*array* as an IDX file at *path*, gzipped when the name ends in ``.gz``."""
    data = idx_bytes(array)
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def make_mnist_folder(folder: Path, train: int = 30, test: int = 12, gz: bool = True, seed: int = 0) -> dict:
    """A folder of small MNIST-format files; returns the arrays written."""
    rng = np.random.default_rng(seed)
    arrays = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": (np.arange(train) % 10).astype(np.uint8),
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": (np.arange(test) * 3 % 10).astype(np.uint8),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, array in arrays.items():
        write_idx(folder / (name + (".gz" if gz else "")), array)
    return arrays


def cifar_records(labels: np.ndarray, images: np.ndarray) -> bytes:
    """Records as the CIFAR-10 page describes them: label, then the red, green and blue planes."""
    rows = [
        bytes((int(label),)) + image.astype(np.uint8).tobytes()
        for label, image in zip(labels, images, strict=True)
    ]
    return b"".join(rows)


def make_cifar_folder(root: Path, per_file: int = 4, seed: int = 0, meta: str | None = None) -> dict:
    """``root/cifar-10-batches-bin`` with six small batch files; returns what each file holds."""
    rng = np.random.default_rng(seed)
    folder = root / "cifar-10-batches-bin"
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for n, name in enumerate(CIFAR_BATCH_FILES):
        labels = (np.arange(per_file) + n) % 10
        images = rng.integers(0, 256, (per_file, 3, 32, 32), dtype=np.uint8)
        (folder / name).write_bytes(cifar_records(labels, images))
        written[name] = (labels, images)
    if meta is not None:
        (folder / "batches.meta.txt").write_text(meta)
    return written
