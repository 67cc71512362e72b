"""Run a trained module over an image set: every prediction, the loss, the confusion matrix.

:func:`predict` gives per-sample results for the GUI's grid of validation images marked right or
wrong; :func:`confusion_matrix` counts which classes are taken for which.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

import torch
from torch import nn
from torch.nn import functional as F

from ..data.base import ImageSet


@dataclass(frozen=True)
class Predictions:
    """What a module says about each image of a set, in the set's order (CPU tensors).

    ``labels`` and ``predicted`` are int64, ``confidence`` is the softmax probability of the
    predicted class, ``loss`` the mean cross-entropy.
    """

    labels: torch.Tensor
    predicted: torch.Tensor
    confidence: torch.Tensor
    loss: float

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def correct(self) -> torch.Tensor:
        """Bool per image: was it classified right?"""
        return self.predicted == self.labels

    @property
    def accuracy(self) -> float:
        """The fraction classified right (0.0 for an empty set)."""
        return int(self.correct.sum()) / len(self) if len(self) else 0.0

    def confusion_matrix(self, num_classes: int) -> torch.Tensor:
        """See :func:`confusion_matrix`."""
        return confusion_matrix(self.labels, self.predicted, num_classes)


def confusion_matrix(labels: torch.Tensor, predicted: torch.Tensor, num_classes: int) -> torch.Tensor:
    """int64 ``K x K``: entry ``[t, p]`` counts the images of class *t* predicted as *p*."""
    flat = labels.long() * num_classes + predicted.long()
    counts = torch.bincount(flat, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)


def predict(
    module: nn.Module,
    images: ImageSet,
    device: torch.device | str = "cpu",
    batch_size: int = 256,
    autocast_dtype: torch.dtype | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Predictions | None:
    """Every prediction of *module* (in eval mode) on *images*.

    Runs under :func:`torch.autocast` in *autocast_dtype* when one is given (the training
    run's precision). Checks *should_stop* between batches and returns ``None`` if it says so.
    The module's training mode is restored afterwards.
    """
    device = torch.device(device)
    was_training = module.training
    module.eval()
    try:
        return _predict(module, images, device, batch_size, autocast_dtype, should_stop)
    finally:
        module.train(was_training)


@torch.no_grad()
def _predict(module, images, device, batch_size, autocast_dtype, should_stop) -> Predictions | None:
    count = len(images)
    loss_sum = torch.zeros((), device=device)
    predicted, confidence = [], []
    autocast = nullcontext() if autocast_dtype is None else torch.autocast(device.type, dtype=autocast_dtype)
    for start in range(0, count, batch_size):
        if should_stop is not None and should_stop():
            return None
        x, y = images.batch(torch.arange(start, min(start + batch_size, count)))
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with autocast:
            logits = module(x)
        logits = logits.float()
        loss_sum += F.cross_entropy(logits, y, reduction="sum")
        best, index = logits.softmax(dim=1).max(dim=1)
        predicted.append(index)
        confidence.append(best)
    if not predicted:
        empty = torch.zeros(0)
        return Predictions(empty.long(), empty.long(), empty, 0.0)
    return Predictions(
        labels=images.labels().clone(),
        predicted=torch.cat(predicted).cpu(),
        confidence=torch.cat(confidence).float().cpu(),
        loss=float(loss_sum) / count,
    )
