"""What a training run reports while it goes: plain, immutable records (no torch, no Qt).

:meth:`cnnstudio.training.Trainer.run` yields these in order::

    Started, (Step... Epoch)..., Finished        a run that ends by itself or by stop()
    Started, Step..., Failed                     a run that cannot go on (diverged, out of memory)

with :class:`Paused` / :class:`Resumed` between steps when asked to pause. Steps and epochs
count from 1. Step events come in groups of ``report_every`` (see
:class:`~cnnstudio.training.settings.TrainSettings`), each with its own loss.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any


class FailureKind(Enum):
    """What made a run fail; it decides what the weights are worth and what to tell the student."""

    DIVERGED = "diverged"
    """The loss became NaN or infinite, or grew far beyond where it started: the weights are broken."""
    OUT_OF_MEMORY = "out_of_memory"
    """The device ran out of memory: the weights are those of the last good step."""
    DEVICE_FAILED = "device_failed"
    """The GPU reported an error that stays until the program ends: restart to train on it again."""
    DATASET = "dataset"
    """An image could not be read mid-run: the weights are those of the last good step."""
    ERROR = "error"
    """PyTorch stopped with another error."""

    @property
    def weights_usable(self) -> bool:
        """Whether the weights left behind are worth evaluating, saving or training further."""
        return self in (FailureKind.OUT_OF_MEMORY, FailureKind.DATASET, FailureKind.ERROR)


@dataclass(frozen=True)
class Started:
    """The run has begun: where it runs and how long it will be."""

    device: str
    mixed_precision: bool
    epochs: int
    steps_per_epoch: int
    train_images: int
    val_images: int
    parameters: int
    precision: str = "float32"
    """The forward pass's number format: ``float32``, ``bfloat16`` or ``float16``."""


@dataclass(frozen=True)
class Step:
    """One optimizer step: the loss of its batch and the learning rate it used.

    ``images_per_second`` is measured over the group of steps it was reported with.
    """

    step: int
    epoch: int
    loss: float
    lr: float
    images_per_second: float


@dataclass(frozen=True)
class Epoch:
    """One pass over the training set, then the validation set.

    ``train_loss`` and ``train_accuracy`` are averaged over the epoch's batches (with the weights
    changing as they go); ``val_*`` are measured after the epoch. ``seconds`` covers both
    passes; ``images_per_second`` counts training images over the training time. Accuracies
    are fractions (0.97, not 97). ``lr`` is the rate of the epoch's last step.
    """

    epoch: int
    step: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    lr: float
    seconds: float
    images_per_second: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Paused:
    """The run waits after *step* until :meth:`Trainer.resume` or :meth:`Trainer.stop`."""

    step: int
    epoch: int


@dataclass(frozen=True)
class Resumed:
    """The run goes on after a pause."""

    step: int
    epoch: int


@dataclass(frozen=True)
class Finished:
    """The run has ended with usable weights: all epochs done, or stopped when asked.

    ``val_accuracy`` and ``val_loss`` are those of the last finished epoch (``None`` if
    stopped before the first one ended).
    """

    stopped: bool
    epochs_done: int
    step: int
    seconds: float
    val_loss: float | None
    val_accuracy: float | None


@dataclass(frozen=True)
class Failed:
    """The run cannot go on; ``kind`` says what happened (a :class:`FailureKind`), ``reason`` says it
    in words and ``suggestion`` what to change.

    After a divergence the weights are broken (reset them); after running out of memory they are
    those of the last good step (``kind.weights_usable``).
    """

    reason: str
    suggestion: str
    step: int
    epoch: int
    kind: FailureKind = FailureKind.ERROR

    @property
    def message(self) -> str:
        return f"{self.reason}; {self.suggestion}" if self.suggestion else self.reason


Event = Started | Step | Epoch | Paused | Resumed | Finished | Failed


def plural(count: int, word: str) -> str:
    """``"1 epoch"``, ``"2 epochs"``, ``"1,024 steps"``."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"
