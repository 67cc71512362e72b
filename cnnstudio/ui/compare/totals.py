"""The compare view's totals table (one row per pinned network) and its ratios in words."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...comparing import METRICS, Comparison, NetworkFigures
from ...core import fmt, format_shape
from ..style import ERROR_CELL as INVALID_TEXT
from ..style import series_color

HEADERS = ("Network", "Input", "Output", "Weight layers", "Parameters", "MACs", "Other ops", "Activations")
METRIC_TIPS = {
    "weight_layers": "Convolutions and fully connected layers, inside blocks and on shortcuts too",
    "params": "Weights and biases",
    "macs": "Multiply-accumulates for one image",
    "other_ops": "Additions, comparisons and other operations that are not multiply-accumulates",
    "activations": "Values the layers output for one image (the input image included)",
}
MOST_ROWS_SHOWN = 8
"""Beyond this many networks the table scrolls."""
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
HEADLINE = ("params", "macs")
"""The ratios shown in bold: what the lecture compares."""


class TotalsTable(QTableWidget):
    """The pinned networks' totals, one row each, the baseline first; read only.

    Each row starts with the network's colour in the charts; a cell's tooltip says how it
    compares with the baseline's.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("compareTotals")
        self.setHorizontalHeaderLabels(HEADERS)
        for column, metric in enumerate(METRICS, start=3):
            self.horizontalHeaderItem(column).setToolTip(METRIC_TIPS[metric])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long names get the room

    def show_comparison(self, comparison: Comparison | None, order: str = "hwc") -> None:
        """Fill the rows from *comparison* (empty for None); shapes in *order* (hwc or chw)."""
        self.clearContents()
        networks = comparison.networks if comparison else ()
        self.setRowCount(len(networks))
        for row, network in enumerate(networks):
            self._fill_row(row, comparison, network, order)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the header and the rows (and a scroll bar), so the ratios follow right under."""
        rows = sum(self.rowHeight(row) for row in range(min(self.rowCount(), MOST_ROWS_SHOWN)))
        extra = self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth()
        self.setMaximumHeight(self.horizontalHeader().sizeHint().height() + rows + extra)

    def selected_row(self) -> int | None:
        """The selected network's position, or None."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def text(self, row: int, column: int) -> str:
        """The text of a cell (for tests and screen readers)."""
        return self.item(row, column).text()

    def _fill_row(self, row: int, comparison: Comparison, network: NetworkFigures, order: str) -> None:
        baseline = row == 0
        name = QTableWidgetItem(_swatch(series_color(row)), network.label)
        name.setToolTip(_name_tip(network, baseline))
        if baseline:
            font = QFont(name.font())
            font.setBold(True)
            name.setFont(font)
        if not network.valid:
            name.setForeground(QBrush(QColor(INVALID_TEXT)))
        self.setItem(row, 0, name)
        self.setItem(row, 1, QTableWidgetItem(format_shape(network.input_shape, order)))
        self.setItem(row, 2, QTableWidgetItem(format_shape(network.output_shape, order)))
        for column, metric in enumerate(METRICS, start=3):
            item = QTableWidgetItem(fmt(network.total(metric)))
            item.setTextAlignment(RIGHT)
            if not baseline:
                item.setToolTip(
                    comparison.ratio(network, metric).sentence(network.label, comparison.baseline.label)
                )
            self.setItem(row, column, item)


def _name_tip(network: NetworkFigures, baseline: bool) -> str:
    lines = [network.name]
    if network.source:
        lines.append(f"from {network.source}")
    if baseline:
        lines.append("the baseline: the other networks' ratios are taken against it")
    if not network.valid:
        lines.append("has errors; its figures cover only what could be analysed:")
        lines += [f"  {error}" for error in network.errors[:5]]
    return "\n".join(lines)


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def ratios_html(comparison: Comparison | None) -> str:
    """Each network after the baseline against it, in words, as rich text."""
    if comparison is None:
        return ""
    if len(comparison.networks) == 1:
        return "Pin another network to see how it compares with this one."
    base = escape(comparison.baseline.label)
    paragraphs = []
    for network in comparison.networks[1:]:
        parts = []
        for ratio in comparison.ratios(network):
            words = escape(ratio.words)
            parts.append(f"<b>{words}</b>" if ratio.metric in HEADLINE else words)
        warning = "" if network.valid else " <i>(has errors)</i>"
        paragraphs.append(
            f"<b>{escape(network.label)}</b>{warning} against {base}: " + ", ".join(parts) + "."
        )
    return "<br>".join(paragraphs)
