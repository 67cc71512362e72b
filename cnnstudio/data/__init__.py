"""Datasets for training: bundled digits, drawn shapes, MNIST, Fashion-MNIST, CIFAR-10, image folders.

>>> split = open_dataset("digits", input_shape=(1, 32, 32), seed=0, val_fraction=0.2)
>>> images, labels = split.train.batch(torch.tensor([0, 1, 2]))  # float32 3x1x32x32, int64 3

Importing this package loads neither torch nor Qt: :data:`DATASET_KINDS`, :class:`DatasetError`,
:class:`DownloadCancelled`, :class:`ImageSet`, :class:`DataSplit` and :func:`download_dataset`
are cheap, while :func:`open_dataset` and :func:`preview` are imported (with torch) when first
used. Nothing here imports Qt (image folders are read with Pillow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cnnstudio.data.base import DatasetError, DataSplit, ImageSet
from cnnstudio.data.download import DownloadCancelled, download_dataset
from cnnstudio.data.kinds import DATASET_KINDS, DatasetKind

if TYPE_CHECKING:
    from cnnstudio.data.opening import open_dataset, preview

__all__ = [
    "DATASET_KINDS",
    "DataSplit",
    "DatasetError",
    "DatasetKind",
    "DownloadCancelled",
    "ImageSet",
    "download_dataset",
    "open_dataset",
    "preview",
]

_LAZY = {
    "open_dataset": "cnnstudio.data.opening",
    "preview": "cnnstudio.data.opening",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'cnnstudio.data' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
