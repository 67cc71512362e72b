"""Accuracy against cost: one point per run, its validation accuracy against what an image costs.

"Does the 1x1 bottleneck cost accuracy?" Train the naive 5x5 convolution and the bottlenecked one
(each gets a classifier head, see :func:`cnnstudio.training.checks.classifier_head`) and read it
here: each run is a labelled point at its network's multiply-accumulates per image (or, with the
toggle, its parameters) on a log scale, and its last epoch's validation accuracy. Up and to the
left is better. :class:`AccuracyCostPlot` follows the :class:`~.runs.RunStore`; runs whose cost
is unknown or that have not finished an epoch have no point.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from ..compare.units import compact_count
from ..style import AXIS_COLOR, PLOT_BACKGROUND, PLOT_CAPTION_STYLE
from .runs import Run, RunStore

LABEL_ROOM = 0.6
"""Decades left free right of the costliest point, for its label."""
translate = QCoreApplication.translate

AXES = {
    "macs": QT_TRANSLATE_NOOP("TrainingCost", "multiply-accumulates per image (log scale)"),
    "params": QT_TRANSLATE_NOOP("TrainingCost", "parameters (log scale)"),
}
CAPTION = QT_TRANSLATE_NOOP(
    "TrainingCost",
    "One point per run: the validation accuracy of its last epoch against what one image costs "
    "(a classifier head added for training is counted). Up and to the left is better. Runs that "
    "have not finished an epoch have no point yet.",
)


def run_point(run: Run, axis: str) -> tuple[float, float] | None:
    """``(cost, accuracy in %)`` of *run* on *axis* (``"macs"`` or ``"params"``), or None."""
    last = run.history.last_epoch()
    if run.cost is None or last is None or last["val_accuracy"] is None:
        return None
    cost = run.cost.macs if axis == "macs" else run.cost.params
    accuracy = last["val_accuracy"]
    if cost <= 0 or not math.isfinite(accuracy):
        return None
    return float(cost), 100.0 * accuracy


LABELLED_MANTISSAS = (1, 2, 5)
"""Which ticks of a decade the cost axis writes out (10M, 20M, 50M); the others are marks only."""


class CostAxis(pg.AxisItem):
    """The log-scale cost axis, labelled ``10M 20M 50M 100M``: pyqtgraph labels every tick of a
    decade (7·10⁷8·10⁷9·10⁷10⁸), and across a decade or two those labels ran into each other."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.enableAutoSIPrefix(False)

    def logTickStrings(self, values, scale, spacing) -> list[str]:
        strings = []
        for value in values:
            count = 10 ** float(value) * scale
            mantissa = count / 10 ** math.floor(math.log10(count) + 1e-9)
            labelled = any(abs(mantissa - m) < 1e-6 for m in LABELLED_MANTISSAS)
            strings.append(compact_count(round(count)) if labelled else "")
        return strings


class AccuracyCostPlot(QWidget):
    """Validation accuracy against MACs or parameters, one labelled point per run of *store*."""

    def __init__(self, store: RunStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accuracyCost")
        self.store = store
        self.axis = "macs"
        self.macs_button = QRadioButton(
            translate("TrainingCost", "MACs per image"), objectName="costAxisMacs", checked=True
        )
        self.params_button = QRadioButton(
            translate("TrainingCost", "Parameters"), objectName="costAxisParams"
        )
        group = QButtonGroup(self)
        group.addButton(self.macs_button)
        group.addButton(self.params_button)
        self.macs_button.toggled.connect(lambda on: self.set_axis("macs" if on else "params"))
        self.widget = pg.PlotWidget(background=PLOT_BACKGROUND, axisItems={"bottom": CostAxis()})
        self.plot = self.widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLogMode(x=True, y=False)
        self.plot.setYRange(0, 100, padding=0.05)
        for side in ("bottom", "left"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(AXIS_COLOR))
            axis.setTextPen(pg.mkPen(AXIS_COLOR))
        self.plot.getAxis("left").setLabel(
            translate("TrainingCost", "validation accuracy (%)"), color=AXIS_COLOR
        )
        self.items: list[pg.GraphicsObject] = []
        self.shown: list[tuple[Run, float, float]] = []
        caption = QLabel(translate("TrainingCost", CAPTION), wordWrap=True)
        caption.setStyleSheet(PLOT_CAPTION_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("TrainingCost", "Cost axis:")))
        top.addWidget(self.macs_button)
        top.addWidget(self.params_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.widget, 1)
        layout.addWidget(caption)
        for signal in (store.added, store.changed, store.removed):
            signal.connect(self.refresh)
        self.refresh()

    def set_axis(self, axis: str) -> None:
        """Plot against ``"macs"`` or ``"params"``."""
        if axis != self.axis:
            self.axis = axis
            self.refresh()

    def refresh(self, _run: Run | None = None) -> None:
        """Draw one point per run that has a cost and a finished epoch."""
        for item in self.items:
            self.plot.removeItem(item)
        self.items, self.shown = [], []
        self.plot.getAxis("bottom").setLabel(translate("TrainingCost", AXES[self.axis]), color=AXIS_COLOR)
        for run in self.store.runs:
            point = run_point(run, self.axis)
            if point is not None:
                self.shown.append((run, *point))
        for run, cost, accuracy in self.shown:
            dot = self.plot.plot(
                np.asarray([cost]),
                np.asarray([accuracy]),
                pen=None,
                symbol="o",
                symbolSize=11,
                symbolBrush=run.color,
                symbolPen=pg.mkPen(AXIS_COLOR),
            )
            # to the right of the dot, centred on it (above it, a point near 100% would be cut off)
            label = pg.TextItem(f"{run.number}. {run.history.network}", color=AXIS_COLOR, anchor=(-0.08, 0.5))
            label.setPos(math.log10(cost), accuracy)
            self.plot.addItem(label)
            self.items += [dot, label]
        self._fit()

    def _fit(self) -> None:
        """Every point in view, with room on the right for its label (the x axis is log10)."""
        if not self.shown:
            return
        low = math.log10(min(cost for _run, cost, _a in self.shown))
        high = math.log10(max(cost for _run, cost, _a in self.shown))
        self.plot.setXRange(low - LABEL_ROOM / 4, high + LABEL_ROOM, padding=0)
        self.plot.setYRange(0, 108, padding=0)

    def points(self) -> list[tuple[str, float, float]]:
        """``(label, cost, accuracy in %)`` of every point drawn, in run order."""
        return [
            (f"{run.number}. {run.history.network}", cost, accuracy) for run, cost, accuracy in self.shown
        ]
