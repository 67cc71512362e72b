"""Per-stage bar charts (pyqtgraph): parameters and MACs, one bar group per stage.

Each pinned network is one :class:`pyqtgraph.BarGraphItem` per chart, in its colour, with one
bar in every stage group it has (a network without a ``224x224`` stage has no bar there). The
stages line up by the size of their maps (:attr:`Comparison.stage_keys`). One legend above the
two charts names the networks. On a log scale the bars stand on the power of ten below the
smallest one, and the axis reads in powers of ten.

Importing this module imports pyqtgraph (and numpy), so the compare view imports it only when
it first has something to draw.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Signal

from ...comparing import Comparison
from ..style import AXIS_COLOR, BAR_PEN, LEGEND_BRUSH, LEGEND_PEN, PLOT_BACKGROUND, series_color
from .names import shown_label, stage_name
from .units import compact_count

CHARTS = {
    "params": QT_TRANSLATE_NOOP("CompareCharts", "Parameters per stage"),
    "macs": QT_TRANSLATE_NOOP("CompareCharts", "MACs per stage"),
}
AXIS_LABELS = {
    "params": QT_TRANSLATE_NOOP("CompareCharts", "parameters"),
    "macs": QT_TRANSLATE_NOOP("CompareCharts", "MACs"),
}
STAGE_AXIS = QT_TRANSLATE_NOOP("CompareCharts", "stage (height x width of its maps)")
GROUP_WIDTH = 0.8
"""The share of a stage's slot its bars fill together."""
BAR_SHARE = 0.92
"""The share of its own slot a bar fills (the rest is the gap to its neighbour)."""


class CountAxis(pg.AxisItem):
    """A vertical axis of counts written short (``250k``, ``1.5G``); on a log scale, the
    ticks are whole powers of ten."""

    def __init__(self) -> None:
        super().__init__("left")
        self.log = False
        self.enableAutoSIPrefix(False)

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        levels = super().tickSpacing(minVal, maxVal, size)
        if not self.log:
            return levels
        return [(spacing, offset) for spacing, offset in levels if spacing >= 1] or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing) -> list[str]:
        if self.log:
            return [compact_count(10 ** round(v)) for v in values]
        return [compact_count(v, spacing) for v in values]


class StageCharts(pg.GraphicsLayoutWidget):
    """The two charts side by side under one legend.

    Attributes
    ----------
    plots : dict[str, pyqtgraph.PlotItem]
        ``"params"`` and ``"macs"``.
    bars : dict[str, list[pyqtgraph.BarGraphItem]]
        Per chart, one item per network, in the comparison's order.
    keys : tuple of str
        The stage keys, one bar group each, left to right.

    Signals
    -------
    hovered(object)
        The stage key under the mouse, or None when it leaves the groups.
    """

    hovered = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("compareCharts")
        self.setBackground(PLOT_BACKGROUND)
        self.ci.setSpacing(4)
        self.legend = pg.LegendItem(
            colCount=4,
            labelTextSize="8pt",
            labelTextColor=AXIS_COLOR,
            brush=pg.mkBrush(*LEGEND_BRUSH),
            pen=pg.mkPen(LEGEND_PEN),
        )
        self.addItem(self.legend, row=0, col=0, colspan=len(CHARTS))
        self.plots = {metric: self._plot(metric, column) for column, metric in enumerate(CHARTS)}
        self.bars: dict[str, list[pg.BarGraphItem]] = {metric: [] for metric in CHARTS}
        self.keys: tuple[str, ...] = ()
        self.log = False
        self._hovered: str | None = None
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _plot(self, metric: str, column: int) -> pg.PlotItem:
        axis = CountAxis()
        title = f'<span style="color:{AXIS_COLOR};font-size:10pt">{_tr(CHARTS[metric])}</span>'
        plot = self.addPlot(row=1, col=column, title=title, axisItems={"left": axis})
        for side, text in (("bottom", _tr(STAGE_AXIS)), ("left", _tr(AXIS_LABELS[metric]))):
            item = plot.getAxis(side)
            item.setPen(pg.mkPen(AXIS_COLOR))
            item.setTextPen(pg.mkPen(AXIS_COLOR))
            item.setLabel(text, color=AXIS_COLOR)
            item.enableAutoSIPrefix(False)  # no "(x0.001)" after the stage positions
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # the first stage's name too
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        return plot

    # -- drawing ------------------------------------------------------------------------------

    def show_comparison(self, comparison: Comparison, log: bool = False) -> None:
        """Draw *comparison*'s stages (linear heights, or log10 ones when *log*)."""
        self.log = log
        self.keys = comparison.stage_keys
        self.legend.clear()
        for metric, plot in self.plots.items():
            for item in self.bars[metric]:
                plot.removeItem(item)
            self.bars[metric] = self._draw(plot, comparison, metric)
            self._set_axes(plot, comparison, metric)
        for network, item in zip(comparison.networks, self.bars["params"], strict=True):
            self.legend.addItem(item, shown_label(network))

    def _draw(self, plot: pg.PlotItem, comparison: Comparison, metric: str) -> list[pg.BarGraphItem]:
        count = len(comparison.networks)
        slot = GROUP_WIDTH / count
        base = self._log_base(comparison, metric)
        items = []
        for index, network in enumerate(comparison.networks):
            xs, values = [], []
            for position, key in enumerate(self.keys):
                stage = network.stage(key)
                if stage is None or (self.log and stage.value(metric) <= 0):
                    continue
                xs.append(position - GROUP_WIDTH / 2 + slot * (index + 0.5))
                values.append(stage.value(metric))
            item = _bars(xs, values, slot * BAR_SHARE, series_color(index), base)
            plot.addItem(item)
            items.append(item)
        return items

    def _log_base(self, comparison: Comparison, metric: str) -> float | None:
        """The power of ten the bars stand on in log mode (None in linear mode)."""
        if not self.log:
            return None
        positive = [v for key in self.keys for v in comparison.stage_values(key, metric) if v]
        return float(math.floor(math.log10(min(positive)))) if positive else 0.0

    def _set_axes(self, plot: pg.PlotItem, comparison: Comparison, metric: str) -> None:
        plot.getAxis("bottom").setTicks([[(i, tick_label(key)) for i, key in enumerate(self.keys)]])
        axis: CountAxis = plot.getAxis("left")
        axis.log = self.log
        axis.setTicks(None)  # automatic ticks, labelled again for the new scale
        plot.setXRange(-0.5, len(self.keys) - 0.5, padding=0)
        values = [v for key in self.keys for v in comparison.stage_values(key, metric) if v]
        top = max(values, default=1)
        if self.log:
            base = self._log_base(comparison, metric)
            plot.setYRange(base, math.log10(top) + 0.1, padding=0)
        else:
            plot.setYRange(0, top * 1.05, padding=0)

    # -- reading ------------------------------------------------------------------------------

    def heights(self, metric: str, index: int) -> list[float]:
        """The bars of network *index* in chart *metric*: their values (powers on a log scale)."""
        item = self.bars[metric][index]
        return [float(h) for h in item.opts["height"]]

    def group_of(self, x: float) -> str | None:
        """The stage key of the bar group at *x* (view coordinates), or None between groups."""
        position = round(x)
        if 0 <= position < len(self.keys) and abs(x - position) <= GROUP_WIDTH / 2:
            return self.keys[position]
        return None

    def _on_mouse_moved(self, point: QPointF) -> None:
        key = None
        for plot in self.plots.values():
            box = plot.getViewBox()
            if box.sceneBoundingRect().contains(point):
                key = self.group_of(box.mapSceneToView(point).x())
        if key != self._hovered:
            self._hovered = key
            self.hovered.emit(key)


def tick_label(key: str) -> str:
    """A stage key as short as the axis needs: ``224x224`` -> ``224²``; the head in the app's
    language; others unchanged."""
    size, _, rest = key.partition(" ")
    height, _, width = size.partition("x")
    if height and height == width:
        return f"{height}²" + (f" {rest}" if rest else "")
    return stage_name(key)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareCharts", text)


def _bars(
    xs: list[float], values: list[int], width: float, color: str, base: float | None
) -> pg.BarGraphItem:
    """One network's bars: heights are the values, or log10 of them above *base*."""
    if base is None:
        return pg.BarGraphItem(x=xs, height=values, width=width, brush=color, pen=pg.mkPen(BAR_PEN))
    tops = [math.log10(v) for v in values]
    return pg.BarGraphItem(
        x=xs,
        y0=[base] * len(xs),
        height=[t - base for t in tops],
        width=width,
        brush=color,
        pen=pg.mkPen(BAR_PEN),
    )
