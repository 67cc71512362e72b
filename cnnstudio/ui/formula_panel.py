"""The formula panel beside the table: the arithmetic behind the chosen number.

With a cell chosen it shows that cell's formula with the layer's own numbers, then the rest of
the row's arithmetic; with none it gives an overview of the network (or its problems).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from ..core import Summary, fmt
from . import style
from .commands import sentence
from .document import Document
from .language import core_text
from .layer_table import COLUMNS, ERROR_COLOR, ERRORS_ROLE, FORMULA_ROLE, NODE_ID_ROLE, NOTES_ROLE

FORMULA_COLUMNS = (
    "output_shape",
    "params",
    "macs",
    "macs_share",
    "other_ops",
    "activations",
    "receptive_field",
)
MUTED = style.FORMULA_MUTED


class FormulaPanel(QScrollArea):
    """Shows the arithmetic behind the current cell, and any problems of its layer."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formulaPanel")
        self.document = document
        self.label = QLabel()
        self.label.setObjectName("formulaText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setMargin(8)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setMinimumWidth(240)
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.show_index(QModelIndex())

    def show_index(self, index: QModelIndex) -> None:
        """Show the formula of the cell at *index*, then the rest of its row's arithmetic
        (the hint and the network's problems when no cell is chosen)."""
        if not index.isValid():
            self.label.setText(self._hint_html())
            return
        name = index.siblingAtColumn(0).data()
        kind = index.siblingAtColumn(COLUMNS.index("type")).data() or ""
        parts = [
            f'<p style="font-size:13pt;"><b>{escape(str(name))}</b> &nbsp;'
            f'<span style="color:{MUTED};">{escape(str(kind))}</span></p>'
        ]
        problems = index.data(ERRORS_ROLE) or []
        parts += self._problems_html(problems)
        parts += self._residual_html(index)
        parts += self._formulas_html(index, problems)
        self.label.setText("".join(parts))

    def _residual_html(self, index: QModelIndex) -> list[str]:
        """A residual block's formula, ``a[l+2] = g(z[l+2] + a[l])`` with its shapes, when the
        block's row or its Add is chosen."""
        row_of = getattr(index.model(), "row_of", None)
        row = row_of(index) if row_of is not None else None
        block = self.document.summary.get(row.node_id) if row is not None else None
        if block is None or block.type != "residual" or (row is not block and row.name != "add"):
            return []
        formula = core_text(block.formula("block"))
        title = self.tr("The shortcut, added before the last ReLU")
        return [self._formula_html(title, formula, main=True)] if formula else []

    def _formulas_html(self, index: QModelIndex, problems: list[str]) -> list[str]:
        """The chosen cell's formula first (or the block's description), then the rest of the row's."""
        parts = []
        cells = [index.siblingAtColumn(COLUMNS.index(c)) for c in FORMULA_COLUMNS]
        if COLUMNS[index.column()] in FORMULA_COLUMNS:
            cells.sort(key=lambda cell: cell != index)
        else:
            parts.append(f"<p>{escape(index.data(FORMULA_ROLE) or '')}</p>")
        worked_out = [cell for cell in cells if cell.data(FORMULA_ROLE)]
        for cell in worked_out:
            parts.append(self._formula_html(self._title(cell), cell.data(FORMULA_ROLE), main=cell == index))
        if not worked_out and index.data(NODE_ID_ROLE):
            notes = index.data(NOTES_ROLE) or []
            if problems:
                why = self.tr("Its shape and costs cannot be worked out until this problem is fixed.")
            elif notes:  # a dangling layer: not connected, not an earlier layer's fault
                why = " ".join(sentence(core_text(note)) for note in notes)
            else:
                why = self.tr(
                    "Its shape and costs cannot be worked out until the problem in an earlier layer is fixed."
                )
            parts.append(f'<p style="color:{MUTED};">{escape(why)}</p>')
        return parts

    def _title(self, index: QModelIndex) -> str:
        return str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))

    def text(self) -> str:
        """What the panel shows, as plain text."""
        return self.label.text()

    def _formula_html(self, title: str, formula: str, main: bool) -> str:
        lines = "<br>".join(escape(line) for line in formula.splitlines())
        size, color = ("12pt", style.FORMULA_MAIN) if main else ("10pt", style.FORMULA_SIDE)
        return (
            f'<p style="margin-top:6px; color:{color};"><b>{escape(title)}</b><br>'
            f"<span style=\"font-family:'{self._mono}'; font-size:{size};\">{lines}</span></p>"
        )

    def _problems_html(self, problems: list[str]) -> list[str]:
        color = ERROR_COLOR.name()
        title = escape(self.tr("⚠ Problem:"))
        return [f'<p style="color:{color};"><b>{title}</b> {escape(core_text(p))}</p>' for p in problems]

    def _hint_html(self) -> str:
        summary = self.document.summary
        parts = [] if summary.errors else self._overview_html(summary)
        hint = self.tr("Click a number in the table to see the arithmetic behind it.")
        parts.append(f'<p style="color:{MUTED};">{escape(hint)}</p>')
        if summary.errors:
            count = len(summary.errors)
            if count == 1:
                heading = self.tr("This network has 1 problem:")
            else:
                heading = self.tr("This network has {count} problems:").format(count=fmt(count))
            parts.append(f"<p><b>{escape(heading)}</b></p>")
            parts += self._problems_html(summary.errors)
        return "".join(parts)

    def _overview_html(self, summary: Summary) -> list[str]:
        """The network's size and where its work and its weights are."""
        totals = summary.totals
        flops = self.document.show_flops
        factor = 2 if flops else 1
        layers = self.tr("{count} layers").format(count=fmt(len(summary.rows)))
        if flops:
            size = self.tr("{params} parameters  ·  {flops} FLOPs").format(
                params=fmt(totals.params), flops=fmt(2 * totals.macs)
            )
        else:
            size = self.tr("{params} parameters  ·  {macs} MACs").format(
                params=fmt(totals.params), macs=fmt(totals.macs)
            )
        parts = [
            f'<p style="font-size:13pt;"><b>{escape(summary.name)}</b> &nbsp;'
            f'<span style="color:{MUTED};">{escape(layers)}</span></p>',
            f"<p>{escape(size)}</p>",
        ]
        if totals.macs:
            busiest = max(summary.rows, key=lambda row: row.macs)
            share = f"{100 * busiest.macs / totals.macs:.1f}"
            if flops:
                work = self.tr("Most work: {layer} does {share} % of the FLOPs ({count}).")
            else:
                work = self.tr("Most work: {layer} does {share} % of the MACs ({count}).")
            parts.append(_with_bold_layer(work, busiest.name, share=share, count=fmt(factor * busiest.macs)))
        if totals.params:
            heaviest = max(summary.rows, key=lambda row: row.params)
            share = f"{100 * heaviest.params / totals.params:.1f}"
            weights = self.tr("Most weights: {layer} holds {share} % of the parameters ({count}).")
            parts.append(_with_bold_layer(weights, heaviest.name, share=share, count=fmt(heaviest.params)))
        return parts


def _with_bold_layer(template: str, layer: str, **values: str) -> str:
    """A paragraph from a translated *template*, its ``{layer}`` in bold (everything escaped)."""
    filled = {name: escape(value) for name, value in values.items()}
    return f"<p>{escape(template).format(layer=f'<b>{escape(layer)}</b>', **filled)}</p>"


__all__ = ["FormulaPanel"]
