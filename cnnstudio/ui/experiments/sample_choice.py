"""The choices the inside view and the identity check share: which weights, which image.

:class:`SampleChoice` is a row of two controls (initial or trained weights; the validation
image's number) that builds the :class:`~.records.SampleRequest` for the open network.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from ...core import Network
from ..language import core_text
from .records import SampleRequest, UsedWeights

translate = QCoreApplication.translate

WEIGHTS = {
    "trained": QT_TRANSLATE_NOOP("ExperimentsSample", "trained (the Training panel's)"),
    "initial": QT_TRANSLATE_NOOP("ExperimentsSample", "initial (the seed's)"),
}


def weights_phrase(weights: UsedWeights) -> str:
    """``"trained weights (230 steps)"`` or ``"initial weights of seed 0"``, in the app's language."""
    if weights.steps == 1:
        return translate("ExperimentsSample", "trained weights (1 step)")
    if weights.steps > 0:
        return translate("ExperimentsSample", "trained weights ({steps:,} steps)").format(steps=weights.steps)
    if weights.untrained:
        return translate(
            "ExperimentsSample", "initial weights of seed {seed} (this network has not been trained yet)"
        ).format(seed=weights.seed)
    return translate("ExperimentsSample", "initial weights of seed {seed}").format(seed=weights.seed)


class SampleChoice(QWidget):
    """Weights and image for a request.

    Parameters
    ----------
    spec_for : callable
        ``spec_for(channels) -> (dataset spec, seed)``: the dataset the image comes from.

    Signals
    -------
    changed()
        The weights or the image changed.
    """

    changed = Signal()

    def __init__(self, spec_for: Callable[[int], tuple[str, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec_for = spec_for
        self.weights = QComboBox(objectName="sampleWeights")
        for key, text in WEIGHTS.items():
            self.weights.addItem(translate("ExperimentsSample", text), key)
        self.weights.setToolTip(
            translate(
                "ExperimentsSample",
                "Trained: the weights the Training panel ended with, if it trained this network",
            )
        )
        self.index = QSpinBox(objectName="sampleIndex", minimum=0, maximum=0)
        self.index.setToolTip(
            translate("ExperimentsSample", "Which validation image to run through the network")
        )
        self.count = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("ExperimentsSample", "Weights:")))
        layout.addWidget(self.weights)
        layout.addSpacing(12)
        layout.addWidget(QLabel(translate("ExperimentsSample", "Image:")))
        layout.addWidget(self.index)
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.weights.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.index.valueChanged.connect(lambda _v: self.changed.emit())

    def request(self, network: Network, channels: int) -> SampleRequest:
        spec, seed = self.spec_for(channels)
        return SampleRequest(network.copy(), spec, seed, self.weights.currentData(), self.index.value())

    def uses_trained(self) -> bool:
        """Whether the Training panel's trained weights are chosen."""
        return self.weights.currentData() == "trained"

    def set_weights(self, key: str) -> None:
        self.weights.setCurrentIndex(self.weights.findData(key))

    def show_count(self, count: int, dataset: str, label: str) -> None:
        """The dataset has *count* validation images; the one shown is of class *label*."""
        self.index.blockSignals(True)
        self.index.setMaximum(max(0, count - 1))
        self.index.blockSignals(False)
        self.count.setText(
            translate("ExperimentsSample", "of {count:,} in {dataset}; class: {label}").format(
                count=count, dataset=core_text(dataset), label=label
            )
        )
