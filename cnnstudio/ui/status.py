"""The status bar's permanent part: the network's size and whether it is valid."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..core import fmt
from .document import Document
from .layer_table import ERROR_COLOR
from .style import VALID_GREEN

VALID_COLOR = VALID_GREEN


class NetworkStatus(QWidget):
    """``Params 61,706 · MACs 416,520 · ✓ valid``, following the document and its toggles."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkStatus")
        self.document = document
        self.totals = QLabel()
        self.totals.setObjectName("statusTotals")
        self.validity = QLabel()
        self.validity.setObjectName("statusValidity")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(14)
        layout.addWidget(self.totals)
        layout.addWidget(self.validity)
        document.summary_changed.connect(self.refresh)
        document.display_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the current totals and problems."""
        doc = self.document
        totals = doc.summary.totals
        count = ("FLOPs", 2 * totals.macs) if doc.show_flops else ("MACs", totals.macs)
        self.totals.setText(f"Params {fmt(totals.params)}  ·  {count[0]} {fmt(count[1])}")
        errors = doc.summary.errors
        if not errors:
            self.validity.setText(f'<span style="color:{VALID_COLOR};">✓ valid</span>')
            self.validity.setToolTip("Every layer's shape works out.")
            return
        count = fmt(len(errors))
        count = "⚠ 1 problem" if len(errors) == 1 else f"⚠ {count} problems"
        self.validity.setText(f'<span style="color:{ERROR_COLOR.name()};">{count}</span>')
        self.validity.setToolTip("<br>".join(escape(e) for e in errors))

    def text(self) -> str:
        """Both labels as plain text."""
        return f"{self.totals.text()}  {self.validity.text()}"


__all__ = ["NetworkStatus"]
