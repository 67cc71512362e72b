"""What a training run is told: optimizer, learning rate and its schedule, batches, epochs, seed.

:class:`TrainSettings` holds plain numbers and words (no torch), so the GUI can keep it in a form
and a checkpoint can store it as JSON. :meth:`TrainSettings.problems` lists every bad value in
words a student understands; :meth:`TrainSettings.check` raises :class:`SettingsError` with them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

OPTIMIZERS = ("sgd", "adam", "adamw")
SCHEDULES = ("none", "step", "cosine")
DEVICES = ("auto", "cpu", "cuda", "mps")

MAX_SEED = 2**64 - 1
"""The largest seed PyTorch's random generators take."""

# a learning rate that works for each optimizer on the course's small networks
DEFAULT_LR = {"sgd": 0.01, "adam": 1e-3, "adamw": 1e-3}
OPTIMIZER_TITLES = {"sgd": "SGD with momentum", "adam": "Adam", "adamw": "AdamW"}
SCHEDULE_TITLES = {
    "none": "constant",
    "step": "step (multiply by gamma every few epochs)",
    "cosine": "cosine (down to 0 at the end)",
}


class SettingsError(ValueError):
    """Settings that cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class TrainSettings:
    """How to train.

    Parameters
    ----------
    optimizer : {"sgd", "adam", "adamw"}
        SGD uses *momentum*; AdamW applies *weight_decay* decoupled from the gradient.
    lr : float
        Learning rate at the start of the run.
    momentum : float
        SGD's momentum (ignored by Adam and AdamW).
    weight_decay : float
        L2 penalty (SGD, Adam) or decoupled decay (AdamW).
    batch_size, epochs : int
        Images per step; passes over the training set.
    schedule : {"none", "step", "cosine"}
        ``step`` multiplies the rate by *gamma* every *step_epochs* epochs (0: a third of the
        epochs); ``cosine`` lowers it along half a cosine, step by step, to 0 at the last step.
    seed : int
        Seeds the initial weights, the order of the batches, dropout and augmentation
        (0 to :data:`MAX_SEED`). On the CPU two runs with the same seed give the same numbers;
        on a GPU only with *reproducible* (cuDNN's fastest algorithms add in a varying order).
    augment : bool
        Random crops (the image shifted by up to *crop_padding* pixels, 0: an eighth of its
        size) and, when *flip* is true, random horizontal flips; done on whole batches.
    device : {"auto", "cpu", "cuda", "mps"}
        ``auto`` picks CUDA, then Apple's MPS, then the CPU.
    amp : bool
        Mixed precision, on CUDA only: bfloat16 where the GPU computes it (Ampere and later; no
        gradient scaler needed), else float16 with a gradient scaler. See
        :mod:`cnnstudio.training.precision`.
    reproducible : bool
        Deterministic algorithms only (``torch.use_deterministic_algorithms``, cuDNN's
        deterministic convolutions, no benchmarking): a GPU run repeats bit for bit, slower, and
        a network using an operation without a deterministic GPU version (local response
        normalisation) stops with a message. See :mod:`cnnstudio.training.runtime`.
    compile : bool
        Train through ``torch.compile``: faster steps on a GPU, but the first steps wait
        (seconds to a minute or more) while the network is compiled.
    report_every : int
        Steps between reads of the loss from the device: the step events of those steps come
        together then (one synchronisation instead of one per step).
    """

    optimizer: str = "adam"
    lr: float = DEFAULT_LR["adam"]
    momentum: float = 0.9
    weight_decay: float = 0.0
    batch_size: int = 64
    epochs: int = 10
    schedule: str = "none"
    step_epochs: int = 0
    gamma: float = 0.1
    seed: int = 0
    augment: bool = False
    flip: bool = True
    crop_padding: int = 0
    device: str = "auto"
    amp: bool = True
    reproducible: bool = False
    compile: bool = False
    report_every: int = 10

    def problems(self) -> list[str]:
        """Every bad value, one sentence each; empty when the settings can be used."""
        found: list[str] = []
        found += _choice("optimizer", self.optimizer, OPTIMIZERS)
        found += _choice("schedule", self.schedule, SCHEDULES)
        found += _choice("device", self.device, DEVICES)
        found += _number("learning rate", self.lr, low=0.0, low_open=True)
        found += _number("momentum", self.momentum, low=0.0, high=1.0, high_open=True)
        found += _number("weight decay", self.weight_decay, low=0.0)
        found += _number("gamma", self.gamma, low=0.0, high=1.0, low_open=True)
        found += _whole("batch size", self.batch_size, low=1)
        found += _whole("epochs", self.epochs, low=1)
        found += _whole("step epochs", self.step_epochs, low=0)
        found += _whole("seed", self.seed, low=0, high=MAX_SEED)
        found += _whole("crop padding", self.crop_padding, low=0)
        found += _whole("report every", self.report_every, low=1)
        return found

    def check(self) -> TrainSettings:
        """These settings, or :class:`SettingsError` listing what is wrong with them."""
        found = self.problems()
        if found:
            raise SettingsError("; ".join(found))
        return self

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainSettings:
        """Settings from :meth:`to_dict`'s form; unknown keys are ignored, missing ones default."""
        if not isinstance(data, dict):
            raise ValueError("the settings are not an object")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_changes(self, **changes: Any) -> TrainSettings:
        """A copy with some values changed."""
        return replace(self, **changes)

    def step_interval(self) -> int:
        """Epochs between two drops of the ``step`` schedule."""
        return self.step_epochs or max(1, self.epochs // 3)


def _choice(what: str, value: Any, allowed: tuple[str, ...]) -> list[str]:
    if value in allowed:
        return []
    return [f"{what} must be one of {', '.join(allowed)}, not {value!r}"]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(
    what: str,
    value: Any,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> list[str]:
    if not _is_number(value) or not math.isfinite(value):
        return [f"{what} must be a number, not {value!r}"]
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and (value >= high if high_open else value > high)
    if not (too_low or too_high):
        return []
    lower = "" if low is None else f"{'above' if low_open else 'at least'} {low:g}"
    upper = "" if high is None else f"{'below' if high_open else 'at most'} {high:g}"
    return [f"{what} must be {' and '.join(p for p in (lower, upper) if p)}, not {value:g}"]


def _whole(what: str, value: Any, low: int, high: int | None = None) -> list[str]:
    if not isinstance(value, int) or isinstance(value, bool):
        return [f"{what} must be a whole number, not {value!r}"]
    if value < low:
        return [f"{what} must be at least {low}, not {value}"]
    if high is not None and value > high:
        shown = f"{value}" if value.bit_length() <= 256 else f"a number of {value.bit_length():,} bits"
        return [f"{what} must be at most {high} (it fits in 64 bits), not {shown}"]
    return []


def learning_rate(settings: TrainSettings, epoch: int, step_index: int, total_steps: int) -> float:
    """The rate of the schedule at *epoch* (from 1) and step *step_index* (from 0) of *total_steps*."""
    if settings.schedule == "step":
        return settings.lr * settings.gamma ** ((epoch - 1) // settings.step_interval())
    if settings.schedule == "cosine":
        return settings.lr * 0.5 * (1.0 + math.cos(math.pi * step_index / max(1, total_steps)))
    return settings.lr
