"""The training panel's words for what the Qt-free packages name: dataset kinds, optimizers,
schedules and the classifier head, in the app's language.

The data and training packages describe these in English (``DatasetKind.title``,
``OPTIMIZER_TITLES``, ``ClassifierHead.describe()``). Where the panel has the structured value
(a kind's id, an optimizer's id, the head's sizes), it says it in its own translated words
(contexts ``TrainingWords``); a value it does not know (a kind added later) falls back to the
package's English through :func:`~cnnstudio.ui.language.core_text`. :data:`PANEL_WORDS` is the
:class:`~.run_state.Wording` the panel hands the Qt-free run state.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...core import format_shape
from ...data.kinds import DatasetKind
from ...training.checks import ClassifierHead
from ...training.settings import OPTIMIZER_TITLES, SCHEDULE_TITLES
from ..language import core_text
from .run_state import Wording

translate = QCoreApplication.translate

PANEL_WORDS = Wording(QCoreApplication.translate, core_text)
"""The run state's sentences through Qt's translation, the training package's through core_text."""

KIND_TITLES = {
    "digits": QT_TRANSLATE_NOOP("TrainingWords", "Handwritten digits (bundled)"),
    "shapes": QT_TRANSLATE_NOOP("TrainingWords", "Drawn shapes (generated)"),
    "mnist": QT_TRANSLATE_NOOP("TrainingWords", "MNIST"),
    "fashion-mnist": QT_TRANSLATE_NOOP("TrainingWords", "Fashion-MNIST"),
    "cifar10": QT_TRANSLATE_NOOP("TrainingWords", "CIFAR-10"),
    "folder": QT_TRANSLATE_NOOP("TrainingWords", "Image folder"),
}
KIND_DESCRIPTIONS = {
    "digits": QT_TRANSLATE_NOOP(
        "TrainingWords",
        "1,797 small 8x8 handwritten digits from the UCI repository, shipped with CNN Studio.",
    ),
    "shapes": QT_TRANSLATE_NOOP(
        "TrainingWords",
        "Ten kinds of shape drawn at random positions, sizes and colours, made at any image size.",
    ),
    "mnist": QT_TRANSLATE_NOOP(
        "TrainingWords",
        "70,000 handwritten digits of 28x28 pixels, the classic benchmark LeNet-5 was built for.",
    ),
    "fashion-mnist": QT_TRANSLATE_NOOP(
        "TrainingWords", "70,000 28x28 pictures of clothes in ten classes, a harder drop-in for MNIST."
    ),
    "cifar10": QT_TRANSLATE_NOOP(
        "TrainingWords", "60,000 small 32x32 colour photos of ten kinds of object and animal."
    ),
    "folder": QT_TRANSLATE_NOOP(
        "TrainingWords",
        "Your own pictures: one subfolder per class, each holding PNG, JPEG, BMP or GIF images.",
    ),
}
OPTIMIZER_NAMES = {
    "sgd": QT_TRANSLATE_NOOP("TrainingWords", "SGD with momentum"),
    "adam": QT_TRANSLATE_NOOP("TrainingWords", "Adam"),
    "adamw": QT_TRANSLATE_NOOP("TrainingWords", "AdamW"),
}
SCHEDULE_NAMES = {
    "none": QT_TRANSLATE_NOOP("TrainingWords", "constant"),
    "step": QT_TRANSLATE_NOOP("TrainingWords", "step (× gamma now and then)"),
    "cosine": QT_TRANSLATE_NOOP("TrainingWords", "cosine (down to 0)"),
}


def _named(names: dict[str, str], key: str, english: str) -> str:
    text = names.get(key)
    return translate("TrainingWords", text) if text is not None else core_text(english)


def kind_title(kind: DatasetKind) -> str:
    """The dataset kind's name (``"Handwritten digits (bundled)"``) in the app's language."""
    return _named(KIND_TITLES, kind.id, kind.title)


def kind_description(kind: DatasetKind) -> str:
    """What the dataset kind holds, in one sentence, in the app's language."""
    return _named(KIND_DESCRIPTIONS, kind.id, kind.description)


def optimizer_title(optimizer: str) -> str:
    """An optimizer's name as the settings list it (``"SGD with momentum"``)."""
    return _named(OPTIMIZER_NAMES, optimizer, OPTIMIZER_TITLES.get(optimizer, optimizer))


def schedule_title(schedule: str) -> str:
    """A learning-rate schedule's name as the settings list it."""
    return _named(SCHEDULE_NAMES, schedule, SCHEDULE_TITLES.get(schedule, schedule))


def head_text(head: ClassifierHead) -> str:
    """That training adds a classifier head to the network, and what it costs."""
    return translate(
        "TrainingWords",
        "The network ends in a {shape} map, so a classifier head is added for training: global "
        "average pooling to {channels:,} values and a linear layer to {classes:,} classes "
        "({params:,} parameters, {macs:,} MACs). It is not on the canvas; the plots count it in.",
    ).format(
        shape=format_shape(head.map_shape),
        channels=head.channels,
        classes=head.classes,
        params=head.params,
        macs=head.macs,
    )


__all__ = [
    "PANEL_WORDS",
    "head_text",
    "kind_description",
    "kind_title",
    "optimizer_title",
    "schedule_title",
]
