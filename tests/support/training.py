"""A tiny network and a dataset it can learn, and torch on one thread, for the training tests.

The dataset is made of noisy copies of one random prototype image per class, so a small network
separates the classes within a few epochs; everything is seeded.

The fixture ``one_torch_thread`` (a module asks for it with
``pytestmark = pytest.mark.usefixtures("one_torch_thread")``) trains on one CPU thread: these
networks are too small to gain from two, and on a busy machine two threads that wait for each
other made the LeNet-5 run six times slower (30 s instead of 5 s). Subprocesses get the
environment of the fixture ``one_thread_env``.
"""

from __future__ import annotations

import os

import pytest
import torch

from cnnstudio.core.presets import Chain
from cnnstudio.data.base import DataSplit, ImageSet


@pytest.fixture
def one_torch_thread():
    """torch on one thread while the test runs; the count before is given back after."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture
def one_thread_env(home) -> dict[str, str]:
    """The environment for a subprocess: this test's, with its private home, on one OpenMP thread."""
    return {**os.environ, "OMP_NUM_THREADS": "1"}


class BlobImages(ImageSet):
    """*count* images of *shape*: class prototypes plus Gaussian noise of std *noise*."""

    def __init__(self, count: int, shape=(1, 8, 8), classes: int = 4, seed: int = 0, noise: float = 0.5):
        generator = torch.Generator().manual_seed(seed)
        prototypes = torch.randn(classes, *shape, generator=torch.Generator().manual_seed(1234))
        self.input_shape = tuple(shape)
        self.classes = [f"class {i}" for i in range(classes)]
        self._labels = torch.randint(0, classes, (count,), generator=generator)
        self._images = prototypes[self._labels] + noise * torch.randn(count, *shape, generator=generator)

    def __len__(self) -> int:
        return len(self._labels)

    def batch(self, indices: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self._images[indices], self._labels[indices]

    def labels(self) -> torch.Tensor:
        return self._labels


def blob_split(train: int = 256, val: int = 64, shape=(1, 8, 8), classes: int = 4, noise: float = 0.5):
    """Training and validation blobs of the same classes (different seeds)."""
    return DataSplit(
        "blobs",
        "blobs",
        BlobImages(train, shape, classes, seed=1, noise=noise),
        BlobImages(val, shape, classes, seed=2, noise=noise),
    )


def small_net(classes: int = 4, shape=(1, 8, 8), softmax: bool = True):
    """conv 3x3 (8) - relu - maxpool 2 - flatten - fc (classes) [- softmax]."""
    c = Chain("Small", *shape)
    c.conv("conv1", 8, 3, padding="same")
    c.add("relu", "relu1")
    c.add("maxpool2d", "pool1", kernel=2, stride=2)
    c.add("flatten", "flatten")
    c.add("linear", "fc", units=classes)
    if softmax:
        c.add("softmax", "softmax")
    return c.net
