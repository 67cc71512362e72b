"""The gradient heat map: each weight layer's gradient norm over a run, depth against time.

One row per weight layer (depth 1, the first convolution, at the bottom), one column per sample
(every few steps), coloured by log10 of the norm: in a deep plain network the bottom rows go
dark (vanishing gradients) while a ResNet's stay lit. :class:`GradientHeatmap` draws one
:class:`~cnnstudio.training.probes.GradientRecord`; several maps can share one colour scale
(:meth:`GradientHeatmap.set_levels`) so that they compare. Only the GUI thread calls it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...training.gradients import GradientRecord
from ..style import AXIS_COLOR, GRADIENT_COLORMAP, PLOT_BACKGROUND, PLOT_CAPTION_STYLE

FLOOR = 1e-12
"""Norms below this (an exact zero) are drawn as this."""
translate = QCoreApplication.translate


def empty_text() -> str:
    """What the map says before a run has sampled any gradients."""
    return translate(
        "TrainingGradients", "The gradient norms appear here once the run has taken a few steps."
    )


def log_norms(record: GradientRecord) -> np.ndarray:
    """``samples x layers`` log10 gradient norms; a NaN or infinite norm (a diverged run) is drawn
    as bright as the largest finite one."""
    norms = np.asarray(record.norms, dtype=float).reshape(len(record.steps), len(record.layers))
    finite = np.isfinite(norms)
    logs = np.log10(np.maximum(np.where(finite, norms, FLOOR), FLOOR))
    top = logs[finite].max() if finite.any() else 0.0
    return np.where(finite, logs, top)


class GradientHeatmap(QWidget):
    """A heat map of one run's gradient norms (depth up, steps right) with a colour bar.

    Hovering over it names the layer and step under the mouse and its norm (``readout``).
    """

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: GradientRecord | None = None
        self.auto_levels = True
        self.values = np.zeros((0, 0))
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(PLOT_BACKGROUND)
        self.plot = self.graphics.addPlot(
            title=f'<span style="color:{AXIS_COLOR}">{title}</span>' if title else None
        )
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for side, text in (
            ("bottom", translate("TrainingGradients", "step")),
            ("left", translate("TrainingGradients", "depth (weight layer)")),
        ):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(AXIS_COLOR))
            axis.setTextPen(pg.mkPen(AXIS_COLOR))
            axis.setLabel(text, color=AXIS_COLOR)
            axis.enableAutoSIPrefix(False)
        self.plot.setRange(xRange=(0, 1), yRange=(0.5, 1.5))
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(
            values=(-6, 0),
            colorMap=pg.colormap.get(GRADIENT_COLORMAP),
            label=translate("TrainingGradients", "log10 gradient norm"),
            interactive=False,
        )
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.readout = QLabel(empty_text())
        self.readout.setStyleSheet(PLOT_CAPTION_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_record(self, record: GradientRecord | None) -> None:
        """Draw *record* (None or an empty one clears the map)."""
        self.record = record
        if record is None or not record.steps or not record.layers:
            self.values = np.zeros((0, 0))
            self.image.clear()
            self.readout.setText(empty_text())
            return
        self.values = log_norms(record)
        self.image.setImage(self.values, autoLevels=False)
        first, last = record.steps[0], record.steps[-1]
        span = (last - first) / max(1, len(record.steps) - 1) if len(record.steps) > 1 else 1.0
        rect = QRectF(first - span / 2, 0.5, span * len(record.steps), len(record.layers))
        self.image.setRect(rect)
        self.plot.setRange(rect=rect, padding=0)
        if self.auto_levels:
            self.bar.setLevels(self.levels())
        self.readout.setText(
            translate(
                "TrainingGradients",
                "{layers:,} weight layers, {samples:,} samples up to step {step:,}. Hover to read a norm.",
            ).format(layers=len(record.layers), samples=len(record.steps), step=last)
        )

    def levels(self) -> tuple[float, float]:
        """The smallest and largest log10 norm drawn (a span of at least one decade)."""
        if self.values.size == 0:
            return (-6.0, 0.0)
        low, high = float(self.values.min()), float(self.values.max())
        return (low, max(high, low + 1.0))

    def set_levels(self, low: float, high: float) -> None:
        """Colour log10 norms from *low* (darkest) to *high* (brightest), from now on (maps that
        are compared share one scale)."""
        self.auto_levels = False
        self.bar.setLevels((low, high))

    def _on_mouse_moved(self, scene_pos) -> None:
        if (
            self.record is None
            or self.values.size == 0
            or not self.plot.sceneBoundingRect().contains(scene_pos)
        ):
            return
        point = self.plot.getViewBox().mapSceneToView(scene_pos)
        steps = np.asarray(self.record.steps)
        column = int(np.abs(steps - point.x()).argmin())
        row = round(point.y()) - 1
        if not 0 <= row < len(self.record.layers):
            return
        norm = self.record.norms[column][row]
        self.readout.setText(
            translate(
                "TrainingGradients", "{layer} (depth {depth}) at step {step:,}: gradient norm {norm:.3g}"
            ).format(layer=self.record.layers[row], depth=row + 1, step=int(steps[column]), norm=norm)
        )
