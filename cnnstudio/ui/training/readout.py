"""Reading the live curves with the mouse: a crosshair, a dot on each run's nearest point, and
the values in words (shown under the plots, where long text has room)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor

from ..style import CROSSHAIR
from .runs import Run

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Reading:
    """One run's values under the mouse: what to say and which point to mark."""

    number: int
    color: QColor
    text: str
    x: float
    y: float

    def html(self) -> str:
        return f'<span style="color:{self.color.name()}"><b>{self.number}</b>: {self.text}</span>'


class HoverReadout:
    """The crosshair and the dots of one plot; *read(x)* gives the readings at data *x*."""

    def __init__(self, plot: pg.PlotItem, read: Callable[[float], list[Reading]]) -> None:
        self.plot = plot
        self.read = read
        self.line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(CROSSHAIR, style=Qt.PenStyle.DashLine)
        )
        self.dots = pg.ScatterPlotItem(size=9, pen=pg.mkPen("white", width=1.5))
        self.dots.setZValue(100)
        self.readings: list[Reading] = []
        for item in (self.line, self.dots):
            plot.addItem(item, ignoreBounds=True)
            item.setVisible(False)

    def hover(self, scene_pos: QPointF) -> list[Reading]:
        """Follow the mouse at *scene_pos*; the readings there (none, and hidden, outside the plot)."""
        view = self.plot.vb
        inside = view.sceneBoundingRect().contains(scene_pos)
        x = view.mapSceneToView(scene_pos).x() if inside else math.nan
        self.readings = self.read(x) if inside else []
        if not self.readings:
            self.hide()
            return []
        self.line.setPos(x)
        self.dots.setData(
            [r.x for r in self.readings], [r.y for r in self.readings], brush=[r.color for r in self.readings]
        )
        self.line.setVisible(True)
        self.dots.setVisible(True)
        return self.readings

    def hide(self) -> None:
        self.readings = []
        self.line.setVisible(False)
        self.dots.setVisible(False)


def nearest(values: list[float] | list[int], x: float) -> int | None:
    """Index of the value nearest *x* in the sorted *values* (None if empty)."""
    if not values or not math.isfinite(x):
        return None
    index = int(np.searchsorted(np.asarray(values, dtype=float), x))
    candidates = [i for i in (index - 1, index) if 0 <= i < len(values)]
    return min(candidates, key=lambda i: abs(values[i] - x))


def step_reading(run: Run, smoothed: list[float], x: float, rate: bool) -> Reading | None:
    """The loss (with its smoothed value) or the learning rate at the step nearest *x*."""
    history = run.history
    i = nearest(history.steps, x)
    if i is None:
        return None
    step = history.steps[i]
    if rate:
        text = translate("TrainingPlots", "step {step}: lr {rate:.4g}").format(step=step, rate=history.lrs[i])
        return Reading(run.number, run.color, text, step, history.lrs[i])
    if i >= len(smoothed):
        return None
    text = translate("TrainingPlots", "step {step}: loss {loss:.4f} (smoothed {smoothed:.4f})").format(
        step=step, loss=history.losses[i], smoothed=smoothed[i]
    )
    return Reading(run.number, run.color, text, step, smoothed[i])


def epoch_reading(run: Run, x: float, accuracy: bool) -> Reading | None:
    """Validation and training loss or accuracy at the epoch nearest *x*."""
    epochs = run.history.epochs
    i = nearest([row["epoch"] for row in epochs], x)
    if i is None:
        return None
    row = epochs[i]
    if accuracy:
        text = translate(
            "TrainingPlots", "epoch {epoch}: validation {val:.1f}%, training {train:.1f}%"
        ).format(epoch=row["epoch"], val=100 * row["val_accuracy"], train=100 * row["train_accuracy"])
        return Reading(run.number, run.color, text, row["epoch"], 100 * row["val_accuracy"])
    text = translate("TrainingPlots", "epoch {epoch}: validation {val:.4f}, training {train:.4f}").format(
        epoch=row["epoch"], val=row["val_loss"], train=row["train_loss"]
    )
    return Reading(run.number, run.color, text, row["epoch"], row["val_loss"])
