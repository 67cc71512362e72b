"""What every dataset gives the trainer: labelled image sets adapted to a network's input.

A dataset is opened for one network input shape ``(C, H, W)``; :class:`ImageSet` then hands out
whole batches already resized, converted (gray <-> RGB) and normalized, so the training loop
does no per-sample Python work. Subclasses decide whether to keep adapted images in memory
(small sets) or adapt each batch on demand (large inputs such as 224x224x3).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # torch is imported where it is used, so DatasetError can be imported cheaply
    import torch


class DatasetError(ValueError):
    """A dataset that cannot be used; the message names the file or folder and says why."""


class ImageSet(ABC):
    """A labelled set of images adapted to one input shape.

    ``input_shape`` is ``(C, H, W)``; ``classes`` names each label.
    """

    input_shape: tuple[int, int, int]
    classes: list[str]

    @abstractmethod
    def __len__(self) -> int:
        """Number of images."""

    @abstractmethod
    def batch(self, indices: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(images, labels)`` for *indices*: float32 ``B x C x H x W`` (normalized) and int64 ``B``."""

    @abstractmethod
    def labels(self) -> torch.Tensor:
        """Every label, int64, in index order."""

    def display(self, indices: torch.Tensor) -> torch.Tensor:
        """Images for showing to a person: uint8 ``B x H x W x C`` (C is 1 or 3)."""
        import torch

        images, _ = self.batch(indices)
        low = images.amin(dim=(1, 2, 3), keepdim=True)
        high = images.amax(dim=(1, 2, 3), keepdim=True)
        scaled = (images - low) / (high - low).clamp_min(1e-6)
        return (scaled * 255).round().to(torch.uint8).permute(0, 2, 3, 1).contiguous()


@dataclass
class DataSplit:
    """A dataset opened for training: its train and validation sets and how it was opened."""

    name: str
    spec: str
    train: ImageSet
    val: ImageSet

    @property
    def classes(self) -> list[str]:
        return self.train.classes

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return self.train.input_shape
