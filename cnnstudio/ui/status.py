"""The status bar's permanent part: the network's size and whether it is valid."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..core import fmt
from .document import Document
from .language import core_text
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
        if doc.show_flops:
            text = self.tr("Params {params}  ·  FLOPs {flops}").format(
                params=fmt(totals.params), flops=fmt(2 * totals.macs)
            )
        else:
            text = self.tr("Params {params}  ·  MACs {macs}").format(
                params=fmt(totals.params), macs=fmt(totals.macs)
            )
        self.totals.setText(text)
        errors = doc.summary.errors
        if not errors:
            valid = self.tr("✓ valid")
            self.validity.setText(f'<span style="color:{VALID_COLOR};">{escape(valid)}</span>')
            self.validity.setToolTip(self.tr("Every layer's shape works out."))
            return
        if len(errors) == 1:
            count = self.tr("⚠ 1 problem")
        else:
            count = self.tr("⚠ {count} problems").format(count=fmt(len(errors)))
        self.validity.setText(f'<span style="color:{ERROR_COLOR.name()};">{escape(count)}</span>')
        self.validity.setToolTip("<br>".join(escape(core_text(e)) for e in errors))

    def text(self) -> str:
        """Both labels as plain text."""
        return f"{self.totals.text()}  {self.validity.text()}"


__all__ = ["NetworkStatus"]
