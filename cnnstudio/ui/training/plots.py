"""Live training curves (pyqtgraph): loss per step, loss and accuracy per epoch, learning rate.

:class:`LivePlots` draws every shown run in its colour, so runs overlay (plain-20 against
ResNet-20 with the same seed). The step loss is drawn faint with a smoothed line over it; per
epoch, validation is solid with dots and training dashed. Moving the mouse over a plot shows a
crosshair, marks each run's nearest point and writes the values under the plots
(:mod:`.readout`). The GUI thread alone calls these methods; new data is drawn at
the pace :class:`~.pacing.RedrawPacer` allows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..style import AXIS_COLOR, LEGEND_PEN, PLOT_BACKGROUND, PLOT_CAPTION_STYLE
from .pacing import RedrawPacer
from .readout import HoverReadout, Reading, epoch_reading, step_reading
from .runs import Run

translate = QCoreApplication.translate

SMOOTHING = 0.9
HINT = QT_TRANSLATE_NOOP(
    "TrainingPlots",
    "Faint: each step's loss; bold: smoothed. Per epoch: solid with dots = validation, dashed = "
    "training. Hover to read the values; tick runs to overlay them.",
)
PLOTS = ("loss", "epoch_loss", "accuracy", "lr")
TITLES = {
    "loss": QT_TRANSLATE_NOOP("TrainingPlots", "Loss per step"),
    "epoch_loss": QT_TRANSLATE_NOOP("TrainingPlots", "Loss per epoch"),
    "accuracy": QT_TRANSLATE_NOOP("TrainingPlots", "Accuracy per epoch"),
    "lr": QT_TRANSLATE_NOOP("TrainingPlots", "Learning rate"),
}
AXES = {
    "loss": ("step", "loss"),
    "epoch_loss": ("epoch", "loss"),
    "accuracy": ("epoch", "accuracy"),
    "lr": ("step", "rate"),
}
"""Each plot's bottom and left axis (:data:`AXIS_LABELS` says them)."""
AXIS_LABELS = {
    "step": QT_TRANSLATE_NOOP("TrainingPlots", "step"),
    "epoch": QT_TRANSLATE_NOOP("TrainingPlots", "epoch"),
    "loss": QT_TRANSLATE_NOOP("TrainingPlots", "loss"),
    "accuracy": QT_TRANSLATE_NOOP("TrainingPlots", "accuracy (%)"),
    "rate": QT_TRANSLATE_NOOP("TrainingPlots", "learning rate"),
}


def plot_title(name: str) -> str:
    """The title of plot *name* in the app's language."""
    return translate("TrainingPlots", TITLES[name])


def hint() -> str:
    """What the curves' styles mean (the caption under the plots when the mouse is elsewhere)."""
    return translate("TrainingPlots", HINT)


class EpochAxis(pg.AxisItem):
    """An axis of whole numbers: no tick at epoch 1.5."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        levels = [
            (spacing, offset) for spacing, offset in super().tickSpacing(minVal, maxVal, size) if spacing >= 1
        ]
        return levels or [(1.0, 0.0)]


def smooth(values: list[float], start: int = 0, state: float = 0.0) -> tuple[list[float], float]:
    """Exponential moving average of *values[start:]* with bias correction (as TensorBoard does).

    *state* is the raw average after *values[:start]*; returns the smoothed values and the new state.
    """
    out = []
    for index in range(start, len(values)):
        state = SMOOTHING * state + (1 - SMOOTHING) * values[index]
        out.append(state / (1 - SMOOTHING ** (index + 1)))
    return out, state


@dataclass
class RunCurves:
    """One run's plot items and its smoothed loss so far."""

    items: dict[str, list[pg.PlotDataItem]]
    smoothed: list[float] = field(default_factory=list)
    smooth_state: float = 0.0


class PlotCanvas(pg.GraphicsLayoutWidget):
    """The plots' view; tells *on_paint* how long each paint took."""

    def __init__(self, on_paint: Callable[[float], None]) -> None:
        super().__init__()
        self.on_paint = on_paint

    def paintEvent(self, event) -> None:
        began = time.perf_counter()
        super().paintEvent(event)
        self.on_paint(time.perf_counter() - began)


class LivePlots(QWidget):
    """Four plots side by side, one set of curves per shown run.

    New data is drawn at the pace :class:`~.pacing.RedrawPacer` allows (:meth:`update_run`);
    :meth:`flush` draws at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPlots")
        self.pacer = RedrawPacer(self._redraw, parent=self)
        self.graphics = PlotCanvas(self.pacer.add_cost)
        self.graphics.setBackground(PLOT_BACKGROUND)
        self.graphics.ci.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics, 1)
        self.caption = QLabel(hint())
        self.caption.setObjectName("plotsCaption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(PLOT_CAPTION_STYLE)
        layout.addWidget(self.caption)
        self.plots: dict[str, pg.PlotItem] = {name: self._plot(name) for name in PLOTS}
        self.plots["epoch_loss"].setXLink(self.plots["accuracy"])
        self.plots["lr"].setXLink(self.plots["loss"])
        self.legend = self.plots["accuracy"].addLegend(
            offset=(4, 4),
            labelTextSize="8pt",
            labelTextColor=AXIS_COLOR,
            brush=pg.mkBrush(255, 255, 255, 210),
            pen=pg.mkPen(LEGEND_PEN),
        )
        self.legend.setVisible(False)
        self.curves: dict[int, RunCurves] = {}
        self.runs: dict[int, Run] = {}
        self._dirty: set[int] = set()
        self.readouts = {
            name: HoverReadout(plot, lambda x, n=name: self.readings(n, x))
            for name, plot in self.plots.items()
        }
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _plot(self, name: str) -> pg.PlotItem:
        bottom, left = AXES[name]
        axes = {"bottom": EpochAxis("bottom")} if bottom == "epoch" else {}
        title = f'<span style="color:{AXIS_COLOR};font-size:10pt">{plot_title(name)}</span>'
        plot = self.graphics.addPlot(title=title, axisItems=axes)
        for side, key in (("bottom", bottom), ("left", left)):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(AXIS_COLOR))
            axis.setTextPen(pg.mkPen(AXIS_COLOR))
            axis.setLabel(translate("TrainingPlots", AXIS_LABELS[key]), color=AXIS_COLOR)
            axis.enableAutoSIPrefix(False)
        # no grid: it would triple the cost of each paint (the read-out gives exact values)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        if name == "accuracy":
            plot.setYRange(0, 100, padding=0.02)
            plot.getViewBox().setLimits(yMin=-5, yMax=105)
        if name == "lr":
            plot.enableAutoRange(y=False)
        return plot

    # -- runs ---------------------------------------------------------------------------------

    def show_run(self, run: Run, now: bool = True) -> None:
        """Draw *run* (again) in its colour: at once, or at the budget's pace (*now* False: a run
        is training and drawing would slow it)."""
        self.hide_run(run)
        self.runs[run.number] = run
        self.curves[run.number] = RunCurves(self._items(run))
        self._dirty.add(run.number)
        if now:
            self.pacer.flush()
        else:
            self.pacer.request()
        self._update_legend()

    def hide_run(self, run: Run) -> None:
        curves = self.curves.pop(run.number, None)
        self.runs.pop(run.number, None)
        if curves is None:
            return
        for name, items in curves.items.items():
            for item in items:
                self.plots[name].removeItem(item)
        self._fit_rates()
        self._update_legend()

    def _items(self, run: Run) -> dict[str, list[pg.PlotDataItem]]:
        color = run.color
        faint = QColor(color)
        faint.setAlpha(70)
        solid = pg.mkPen(color, width=2)
        dashed = pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine)
        dots = {"symbol": "o", "symbolSize": 6, "symbolBrush": color, "symbolPen": None}
        loss, epoch_loss, accuracy, lr = (self.plots[n] for n in PLOTS)
        return {
            "loss": [
                loss.plot(pen=pg.mkPen(faint, width=1), clipToView=True, autoDownsample=True),
                loss.plot(pen=solid, clipToView=True, autoDownsample=True, antialias=True),
            ],
            "epoch_loss": [
                epoch_loss.plot(pen=dashed, antialias=True),
                epoch_loss.plot(pen=solid, antialias=True, **dots),
            ],
            "accuracy": [
                accuracy.plot(pen=dashed, antialias=True),
                accuracy.plot(pen=solid, antialias=True, name=f"{run.number}. {run.history.network}", **dots),
            ],
            "lr": [lr.plot(pen=solid, clipToView=True, autoDownsample=True)],
        }

    def follow(self, run: Run) -> None:
        """Draw, redraw or hide *run* as its ``shown`` flag says (its data or its tick changed)."""
        if not run.shown:
            self.hide_run(run)
        elif run.number in self.curves:
            self.update_run(run)
        else:
            self.show_run(run)

    def update_run(self, run: Run) -> None:
        """Redraw *run*'s curves from its history soon (new steps or epochs arrived)."""
        if run.number in self.curves:
            self._dirty.add(run.number)
            if self._seen():
                self.pacer.request()

    def flush(self) -> None:
        """Draw what changed now."""
        if self._dirty:
            self.pacer.flush()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.flush()

    def _seen(self) -> bool:
        """Whether the student can see the plots (not behind another tab)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _redraw(self) -> None:
        dirty, self._dirty = self._dirty, set()
        for number in dirty:
            if number in self.curves:
                self._set_data(self.runs[number], self.curves[number])
        self._fit_rates()

    def _set_data(self, run: Run, curves: RunCurves) -> None:
        history = run.history
        losses = history.losses
        if len(curves.smoothed) > len(losses):  # the history was replaced by a shorter one
            curves.smoothed, curves.smooth_state = [], 0.0
        more, curves.smooth_state = smooth(losses, len(curves.smoothed), curves.smooth_state)
        curves.smoothed.extend(more)
        steps = np.asarray(history.steps, dtype=float)
        raw, smoothed = curves.items["loss"]
        raw.setData(steps, np.asarray(losses, dtype=float))
        smoothed.setData(steps, np.asarray(curves.smoothed, dtype=float))
        curves.items["lr"][0].setData(steps, np.asarray(history.lrs, dtype=float))
        epochs = history.epochs
        x = np.asarray([row["epoch"] for row in epochs], dtype=float)
        column = lambda key, scale=1.0: np.asarray([row[key] * scale for row in epochs], dtype=float)  # noqa: E731
        train_loss, val_loss = curves.items["epoch_loss"]
        train_loss.setData(x, column("train_loss"))
        val_loss.setData(x, column("val_loss"))
        train_acc, val_acc = curves.items["accuracy"]
        train_acc.setData(x, column("train_accuracy", 100.0))
        val_acc.setData(x, column("val_accuracy", 100.0))

    def _fit_rates(self) -> None:
        """The rate axis from 0 to a little above the highest rate shown (a constant rate sits at
        four fifths of the height instead of filling it)."""
        highest = max((max(r.history.lrs, default=0.0) for r in self.runs.values()), default=0.0)
        if highest > 0:
            self.plots["lr"].setYRange(0, highest * 1.25, padding=0)

    def _update_legend(self) -> None:
        self.legend.setVisible(len(self.curves) > 1)

    def curve_count(self, plot: str) -> int:
        """How many runs have a curve with data in *plot* (the data items, not the read-outs)."""
        index = {"loss": 1, "epoch_loss": 1, "accuracy": 1, "lr": 0}[plot]
        return sum(1 for c in self.curves.values() if _point_count(c.items[plot][index]) > 0)

    # -- hover read-out -----------------------------------------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        shown = ""
        for name, readout in self.readouts.items():
            readings = readout.hover(scene_pos)
            if readings:
                shown = f"<b>{plot_title(name)}</b> — " + " · ".join(r.html() for r in readings)
        self.caption.setText(shown or hint())

    def readings(self, name: str, x: float) -> list[Reading]:
        """What plot *name* says at data *x*: one reading per shown run with data there."""
        found = []
        for number, curves in self.curves.items():
            run = self.runs[number]
            if name in ("loss", "lr"):
                reading = step_reading(run, curves.smoothed, x, name == "lr")
            else:
                reading = epoch_reading(run, x, name == "accuracy")
            if reading is not None:
                found.append(reading)
        return found


def _point_count(item: pg.PlotDataItem) -> int:
    x = item.xData
    return 0 if x is None else len(x)
