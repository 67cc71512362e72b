"""The compare view's totals table (one row per pinned network) and its ratios in words."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...comparing import METRICS, Comparison, NetworkFigures
from ...core import fmt, format_shape
from ..language import core_text
from ..style import ERROR_CELL as INVALID_TEXT
from ..style import series_color
from .names import shown_label

CONTEXT = "CompareTotals"
HEADERS = (
    QT_TRANSLATE_NOOP("CompareTotals", "Network"),
    QT_TRANSLATE_NOOP("CompareTotals", "Input"),
    QT_TRANSLATE_NOOP("CompareTotals", "Output"),
    QT_TRANSLATE_NOOP("CompareTotals", "Weight layers"),
    QT_TRANSLATE_NOOP("CompareTotals", "Parameters"),
    QT_TRANSLATE_NOOP("CompareTotals", "MACs"),
    QT_TRANSLATE_NOOP("CompareTotals", "Other ops"),
    QT_TRANSLATE_NOOP("CompareTotals", "Activations"),
)
METRIC_TIPS = {
    "weight_layers": QT_TRANSLATE_NOOP(
        "CompareTotals", "Convolutions and fully connected layers, inside blocks and on shortcuts too"
    ),
    "params": QT_TRANSLATE_NOOP("CompareTotals", "Weights and biases"),
    "macs": QT_TRANSLATE_NOOP("CompareTotals", "Multiply-accumulates for one image"),
    "other_ops": QT_TRANSLATE_NOOP(
        "CompareTotals", "Additions, comparisons and other operations that are not multiply-accumulates"
    ),
    "activations": QT_TRANSLATE_NOOP(
        "CompareTotals", "Values the layers output for one image (the input image included)"
    ),
}
MOST_ROWS_SHOWN = 8
"""Beyond this many networks the table scrolls."""
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
HEADLINE = ("params", "macs")
"""The ratios shown in bold: what the lecture compares."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class TotalsTable(QTableWidget):
    """The pinned networks' totals, one row each, the baseline first; read only.

    Each row starts with the network's colour in the charts; a cell's tooltip says how it
    compares with the baseline's.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("compareTotals")
        self.setHorizontalHeaderLabels([_tr(header) for header in HEADERS])
        for column, metric in enumerate(METRICS, start=3):
            self.horizontalHeaderItem(column).setToolTip(_tr(METRIC_TIPS[metric]))
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
        name = QTableWidgetItem(_swatch(series_color(row)), shown_label(network))
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
                sentence = comparison.ratio(network, metric).sentence(
                    shown_label(network), shown_label(comparison.baseline)
                )
                item.setToolTip(core_text(sentence))
            self.setItem(row, column, item)


def _name_tip(network: NetworkFigures, baseline: bool) -> str:
    lines = [shown_label(network)]
    if network.source:
        lines.append(
            QCoreApplication.translate("CompareTotals", "from {source}").format(source=network.source)
        )
    if baseline:
        lines.append(
            QCoreApplication.translate(
                "CompareTotals", "the baseline: the other networks' ratios are taken against it"
            )
        )
    if not network.valid:
        lines.append(
            QCoreApplication.translate(
                "CompareTotals", "has errors; its figures cover only what could be analysed:"
            )
        )
        lines += [f"  {core_text(error)}" for error in network.errors[:5]]
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
        return escape(
            QCoreApplication.translate(
                "CompareTotals", "Pin another network to see how it compares with this one."
            )
        )
    base = escape(shown_label(comparison.baseline))
    against = QCoreApplication.translate("CompareTotals", "{network} against {baseline}: {ratios}.")
    has_errors = escape(QCoreApplication.translate("CompareTotals", "(has errors)"))
    paragraphs = []
    for network in comparison.networks[1:]:
        parts = []
        for ratio in comparison.ratios(network):
            words = escape(core_text(ratio.words))
            parts.append(f"<b>{words}</b>" if ratio.metric in HEADLINE else words)
        name = f"<b>{escape(shown_label(network))}</b>" + ("" if network.valid else f" <i>{has_errors}</i>")
        paragraphs.append(escape(against).format(network=name, baseline=base, ratios=", ".join(parts)))
    return "<br>".join(paragraphs)
