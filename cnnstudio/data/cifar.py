"""CIFAR-10 from its binary version (``cifar-10-batches-bin``) in a folder the user picks.

Each of ``data_batch_1.bin`` .. ``data_batch_5.bin`` (training) and ``test_batch.bin``
(validation) is a run of 3,073-byte records: one label byte (0..9), then 1,024 red, 1,024 green
and 1,024 blue bytes of a 32x32 image, row by row. The official files hold 10,000 records each.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from cnnstudio.data.adapt import ArrayImageSet
from cnnstudio.data.base import DatasetError, DataSplit

CIFAR_FOLDER = "cifar-10-batches-bin"
CIFAR_TRAIN_FILES = tuple(f"data_batch_{i}.bin" for i in range(1, 6))
CIFAR_TEST_FILE = "test_batch.bin"
CIFAR_META_FILE = "batches.meta.txt"
CIFAR_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
RECORD_BYTES = 1 + 3 * 32 * 32


def find_cifar_folder(folder: str | Path) -> Path:
    """The ``cifar-10-batches-bin`` folder: *folder* itself or its subfolder of that name."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise DatasetError(f"The folder {root} does not exist.")
    for candidate in (root, root / CIFAR_FOLDER):
        if (candidate / CIFAR_TEST_FILE).is_file() or (candidate / CIFAR_TRAIN_FILES[0]).is_file():
            return candidate
    raise DatasetError(
        f"No CIFAR-10 files in {root}: expected {CIFAR_FOLDER}/{CIFAR_TRAIN_FILES[0]} .. {CIFAR_TEST_FILE} "
        "(the binary version of CIFAR-10)."
    )


def read_cifar_file(path: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 ``N x 3 x 32 x 32`` images and int64 labels from one CIFAR-10 binary file."""
    if not path.is_file():
        raise DatasetError(f"{path.name} is missing from {path.parent}.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DatasetError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    if len(data) == 0 or len(data) % RECORD_BYTES:
        whole = len(data) // RECORD_BYTES
        raise DatasetError(
            f"{path.name} is cut short or is not a CIFAR-10 binary file: it has {len(data):,} bytes, "
            f"not a whole number of {RECORD_BYTES:,}-byte records ({whole:,} whole records and "
            f"{len(data) - whole * RECORD_BYTES:,} bytes left over)."
        )
    records = np.frombuffer(data, dtype=np.uint8).reshape(-1, RECORD_BYTES)
    labels = records[:, 0]
    bad = np.flatnonzero(labels >= len(CIFAR_CLASSES))
    if len(bad):
        raise DatasetError(
            f"{path.name} has the label {int(labels[bad[0]])} in record {int(bad[0]):,}; labels must be 0 to 9."
        )
    images = torch.from_numpy(records[:, 1:].reshape(-1, 3, 32, 32).copy())
    return images, torch.from_numpy(labels.astype(np.int64))


def read_cifar_classes(folder: Path) -> list[str]:
    """Class names from ``batches.meta.txt`` where it is there and sensible, else the usual ten."""
    try:
        names = [line.strip() for line in (folder / CIFAR_META_FILE).read_text("ascii").splitlines()]
    except (OSError, UnicodeDecodeError):
        return list(CIFAR_CLASSES)
    names = [name for name in names if name]
    return names if len(names) == len(CIFAR_CLASSES) else list(CIFAR_CLASSES)


def open_cifar10(folder: str, input_shape: tuple[int, int, int]) -> DataSplit:
    """CIFAR-10 from *folder*: the five data batches for training, the test batch as validation."""
    root = find_cifar_folder(folder)
    classes = read_cifar_classes(root)
    parts = [read_cifar_file(root / name) for name in CIFAR_TRAIN_FILES]
    train_images = torch.cat([images for images, _ in parts])
    train_labels = torch.cat([labels for _, labels in parts])
    val_images, val_labels = read_cifar_file(root / CIFAR_TEST_FILE)
    train = ArrayImageSet(train_images, train_labels, classes, input_shape)
    val = ArrayImageSet(val_images, val_labels, classes, input_shape, train.normalization)
    return DataSplit("CIFAR-10", f"cifar10:{folder}", train, val)
