"""The hyperparameter form: optimizer, learning rate, weight decay, batches, epochs, schedule, seed,
augmentation, device, mixed precision, reproducibility and compiling, read as a
:class:`~cnnstudio.training.TrainSettings` dictionary.

The defaults are :class:`~cnnstudio.training.TrainSettings`'s own (Adam, 0.001, batches of 64,
10 epochs), so a student who changes nothing trains the way the lecture's first example does.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from ...training.settings import DEFAULT_LR, OPTIMIZERS, SCHEDULES, TrainSettings
from .words import optimizer_title, schedule_title

translate = QCoreApplication.translate

NICE_STEPS = (1.0, 2.0, 5.0)
MAX_SEED = 2**31 - 1


def nice_step(value: float, steps: int, floor: float) -> float:
    """*value* moved *steps* places along 1, 2, 5, 10, 20, ... (0 below *floor*)."""
    if value <= 0:
        return floor if steps > 0 else 0.0
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = value / 10**exponent
    position = min(range(3), key=lambda i: abs(NICE_STEPS[i] - mantissa)) + 3 * exponent
    position += steps
    result = NICE_STEPS[position % 3] * 10 ** (position // 3)
    return 0.0 if result < floor * 0.999 else result


class RateSpinBox(QDoubleSpinBox):
    """A spin box for rates like 0.001 or 3e-4: typed freely, stepped along 1-2-5 (0.001, 0.002, 0.005)."""

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(10)
        self.setRange(low, high)
        self.floor = low if low > 0 else 1e-6

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        value = nice_step(self.value(), steps, self.floor)
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


class HyperparameterForm(QWidget):
    """Every setting of a run, with the trainer's defaults.

    Signals
    -------
    changed()
        A setting changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSettings")
        defaults = TrainSettings()
        self.optimizer = self._combo("trainOptimizer", OPTIMIZERS, optimizer_title, defaults.optimizer)
        self.lr = RateSpinBox(1e-6, 1e4)
        self.lr.setObjectName("trainLearningRate")
        self.lr.setValue(defaults.lr)
        self.momentum = self._double(0.0, 0.99, 0.05, defaults.momentum)
        self.weight_decay = RateSpinBox(0.0, 1.0)
        self.weight_decay.setValue(defaults.weight_decay)
        self.batch_size = self._int("trainBatchSize", 1, 4096, defaults.batch_size)
        self.epochs = self._int("trainEpochs", 1, 1000, defaults.epochs)
        self.schedule = self._combo("trainSchedule", SCHEDULES, schedule_title, defaults.schedule)
        self.step_epochs = self._int("trainStepEpochs", 0, 1000, defaults.step_epochs)
        self.step_epochs.setSpecialValueText(translate("TrainingSettings", "a third of the epochs"))
        self.gamma = self._double(0.01, 0.99, 0.05, defaults.gamma)
        self.seed = self._int("trainSeed", 0, MAX_SEED, defaults.seed)
        self.augment = QCheckBox(translate("TrainingSettings", "random crops (small shifts)"))
        self.augment.setChecked(defaults.augment)
        self.flip = QCheckBox(translate("TrainingSettings", "and horizontal flips"))
        self.flip.setChecked(defaults.flip)
        self.device = QComboBox()
        self.device.setObjectName("trainDevice")
        self.amp = QCheckBox(translate("TrainingSettings", "mixed precision (16-bit)"))
        self.amp.setChecked(defaults.amp)
        self.compile = QCheckBox(translate("TrainingSettings", "compile first (torch.compile)"))
        self.compile.setObjectName("trainCompile")
        self.compile.setChecked(defaults.compile)
        self.reproducible = QCheckBox(translate("TrainingSettings", "reproducible, also on a GPU"))
        self.reproducible.setObjectName("trainReproducible")
        self.reproducible.setChecked(defaults.reproducible)
        self._report_every = defaults.report_every
        self._devices: list[str] = []
        self._layout()
        self._explain()
        self._connect()
        self.set_devices(["cpu"])
        self._show_relevant()

    # -- building -----------------------------------------------------------------------------

    def _combo(self, name: str, ids, title: Callable[[str], str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for item in ids:
            combo.addItem(title(item), item)
        combo.setCurrentIndex(combo.findData(current))
        return combo

    def _int(self, name: str, low: int, high: int, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(low, high)
        box.setValue(value)
        box.setGroupSeparatorShown(True)
        return box

    def _double(self, low: float, high: float, step: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setDecimals(2)
        box.setValue(value)
        return box

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow panel: fields under labels
        self.form = form
        for label, widget in (
            (translate("TrainingSettings", "Optimizer"), self.optimizer),
            (translate("TrainingSettings", "Learning rate"), self.lr),
            (translate("TrainingSettings", "Momentum"), self.momentum),
            (translate("TrainingSettings", "Weight decay"), self.weight_decay),
            (translate("TrainingSettings", "Batch size"), self.batch_size),
            (translate("TrainingSettings", "Epochs"), self.epochs),
            (translate("TrainingSettings", "LR schedule"), self.schedule),
            (translate("TrainingSettings", "Drop every"), self.step_epochs),
            (translate("TrainingSettings", "Multiply by"), self.gamma),
            (translate("TrainingSettings", "Seed"), self.seed),
            (translate("TrainingSettings", "Augmentation"), self.augment),
            ("", self.flip),
            (translate("TrainingSettings", "Device"), self.device),
            ("", self.amp),
            ("", self.compile),
            (translate("TrainingSettings", "Repeatability"), self.reproducible),
        ):
            form.addRow(label, widget)

    def _explain(self) -> None:
        tips = {
            self.optimizer: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "How the weights follow the gradient. Adam adapts the step of each weight; "
                "SGD with momentum is what the classic papers used.",
            ),
            self.lr: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "How big each step is. Too big and the loss explodes (NaN); too small and it "
                "barely moves. Type any value (3e-4) or step along 1, 2, 5.",
            ),
            self.momentum: QT_TRANSLATE_NOOP(
                "TrainingSettings", "SGD keeps this fraction of the last step (0.9 is usual)."
            ),
            self.weight_decay: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Pulls the weights towards zero to fight overfitting (0 for none; 5e-4 is "
                "the ResNet paper's value).",
            ),
            self.batch_size: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Images per step. Larger batches use more memory; smaller ones are noisier.",
            ),
            self.epochs: QT_TRANSLATE_NOOP("TrainingSettings", "Passes over the training set."),
            self.schedule: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "How the learning rate changes during the run: constant keeps it; step multiplies it by "
                "gamma every few epochs; cosine lowers it along a cosine curve to 0 at the end.",
            ),
            self.step_epochs: QT_TRANSLATE_NOOP(
                "TrainingSettings", "The step schedule multiplies the rate every this many epochs."
            ),
            self.gamma: QT_TRANSLATE_NOOP(
                "TrainingSettings", "The step schedule multiplies the rate by this."
            ),
            self.seed: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Fixes the initial weights, the batch order and the validation split: two runs "
                "with the same seed start from the same weights. On the CPU they also give the same numbers "
                "to the last digit; on a GPU only when 'reproducible' is ticked, because the GPU's fastest "
                "algorithms add numbers in a different order each time.",
            ),
            self.augment: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Shows the network shifted copies of the training images, so it "
                "learns features that do not depend on the exact position.",
            ),
            self.flip: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Mirrors images left-right at random (fine for objects, wrong for digits).",
            ),
            self.device: QT_TRANSLATE_NOOP(
                "TrainingSettings", "Where to train: a GPU (CUDA, Apple MPS) is much faster than the CPU."
            ),
            self.amp: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Computes the forward pass in 16-bit floats on a CUDA GPU: faster, in less memory. "
                "GPUs from 2020 on (NVIDIA Ampere and later) use bfloat16, which has the range of 32-bit "
                "floats; older ones use float16 with a gradient scaler, which keeps small gradients from "
                "rounding to zero.",
            ),
            self.compile: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Turns the network into fused GPU code with torch.compile before training. "
                "Steps get faster, but the first ones wait while it compiles: seconds for a small network, "
                "a minute or more for a large one, and again for the smaller last batch of an epoch.",
            ),
            self.reproducible: QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Uses only deterministic algorithms, so two runs with the same seed give "
                "the same numbers on a GPU too. Training on a GPU gets slower, and a network with local "
                "response normalisation (AlexNet) cannot train on a GPU this way. On the CPU runs repeat "
                "either way.",
            ),
        }
        for widget, tip in tips.items():
            widget.setToolTip(translate("TrainingSettings", tip))

    def _connect(self) -> None:
        self.optimizer.currentIndexChanged.connect(self._on_optimizer)
        self.schedule.currentIndexChanged.connect(self._show_relevant)
        self.augment.toggled.connect(self._show_relevant)
        self.device.currentIndexChanged.connect(self._show_relevant)
        self._last_optimizer = self.optimizer.currentData()
        for box in (
            self.lr,
            self.momentum,
            self.weight_decay,
            self.batch_size,
            self.epochs,
            self.step_epochs,
            self.gamma,
            self.seed,
        ):
            box.valueChanged.connect(self.changed)
        for check in (self.augment, self.flip, self.amp, self.compile, self.reproducible):
            check.toggled.connect(self.changed)
        for combo in (self.optimizer, self.schedule, self.device):
            combo.currentIndexChanged.connect(self.changed)

    def _on_optimizer(self) -> None:
        """Switch the learning rate to the new optimizer's default unless the student chose one."""
        new = self.optimizer.currentData()
        if math.isclose(self.lr.value(), DEFAULT_LR[self._last_optimizer]):
            self.lr.setValue(DEFAULT_LR[new])
        self._last_optimizer = new
        self._show_relevant()

    def _show_relevant(self) -> None:
        step = self.schedule.currentData() == "step"
        for widget, shown in (
            (self.momentum, self.optimizer.currentData() == "sgd"),
            (self.step_epochs, step),
            (self.gamma, step),
            (self.flip, self.augment.isChecked()),
            (self.amp, self._cuda_possible()),
            (self.compile, self._cuda_possible()),
        ):
            self.form.setRowVisible(widget, shown)

    def _cuda_possible(self) -> bool:
        device = self.device.currentData()
        return device == "cuda" or (device == "auto" and self._devices[:1] == ["cuda"])

    # -- reading and writing ------------------------------------------------------------------

    def set_devices(self, devices: list[str]) -> None:
        """List ``auto (best)`` and each available device; keep the choice if it is still there."""
        current = self.device.currentData() or "auto"
        self.device.blockSignals(True)
        self.device.clear()
        self._devices = list(devices)
        self.device.addItem(
            translate("TrainingSettings", "auto ({device})").format(device=devices[0]), "auto"
        )
        for name in devices:
            self.device.addItem(name, name)
        index = self.device.findData(current)
        self.device.setCurrentIndex(max(0, index))
        self.device.blockSignals(False)
        self._show_relevant()

    def seed_value(self) -> int:
        """The seed the next run uses."""
        return self.seed.value()

    def settings(self) -> dict[str, Any]:
        """The form as :meth:`TrainSettings.to_dict` would give it."""
        return {
            "optimizer": self.optimizer.currentData(),
            "lr": self.lr.value(),
            "momentum": self.momentum.value(),
            "weight_decay": self.weight_decay.value(),
            "batch_size": self.batch_size.value(),
            "epochs": self.epochs.value(),
            "schedule": self.schedule.currentData(),
            "step_epochs": self.step_epochs.value(),
            "gamma": self.gamma.value(),
            "seed": self.seed.value(),
            "augment": self.augment.isChecked(),
            "flip": self.flip.isChecked(),
            "crop_padding": 0,
            "device": self.device.currentData() or "auto",
            "amp": self.amp.isChecked(),
            "reproducible": self.reproducible.isChecked(),
            "compile": self.compile.isChecked(),
            "report_every": self._report_every,
        }

    def set_settings(self, settings: dict[str, Any]) -> None:
        """Show *settings* (a checkpoint's); unknown values keep the current choice."""
        s = TrainSettings.from_dict(settings)
        self._last_optimizer = s.optimizer
        for combo, value in (
            (self.optimizer, s.optimizer),
            (self.schedule, s.schedule),
            (self.device, s.device),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self._last_optimizer = s.optimizer
        for box, value in (
            (self.lr, s.lr),
            (self.momentum, s.momentum),
            (self.weight_decay, s.weight_decay),
            (self.batch_size, s.batch_size),
            (self.epochs, s.epochs),
            (self.step_epochs, s.step_epochs),
            (self.gamma, s.gamma),
            (self.seed, s.seed),
        ):
            box.setValue(value)
        self.augment.setChecked(s.augment)
        self.flip.setChecked(s.flip)
        self.amp.setChecked(s.amp)
        self.reproducible.setChecked(s.reproducible)
        self.compile.setChecked(s.compile)
        self._report_every = s.report_every
        self._show_relevant()

    def problems(self) -> list[str]:
        """What is wrong with the settings (the form's ranges leave little, but a checkpoint may)."""
        return TrainSettings.from_dict(self.settings()).problems()
