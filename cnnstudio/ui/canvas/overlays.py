"""The widgets drawn over the canvas: the bar above an opened block, the zoom note in the
bottom-left corner and the badge that says editing is locked while training."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ..style import LOCKED_BADGE, ZOOM_HINT

BAR_HEIGHT = 38


class BlockBar(QWidget):
    """The strip above an opened block: a Back button and where you are."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("canvasBlockBar")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.back = QToolButton(self)
        self.back.setText(self.tr("\u2190 Back"))
        self.back.setToolTip(self.tr("Back to the whole network (Esc)"))
        self.back.setAutoRaise(False)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.back)
        layout.addWidget(self.label, 1)
        self.hide()


class ZoomNote(QLabel):
    """The zoom, and that the wheel zooms: ``85%  ·  Wheel zooms, Ctrl+0 fits`` (the zoom alone
    when the canvas is too narrow for the sentence)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("canvasZoomHint")
        self.setStyleSheet(ZOOM_HINT)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setToolTip(self.tr("The mouse wheel zooms at the mouse; Ctrl+0 fits the diagram to the window"))

    def show_zoom(self, zoom: float, area: QRect) -> None:
        """Say *zoom* in the bottom-left corner of *area* (the canvas's viewport)."""
        percent = round(zoom * 100)
        text = self.tr("{percent}%  ·  Wheel zooms, Ctrl+0 fits").format(percent=percent)
        if self.fontMetrics().horizontalAdvance(text) + 40 > area.width():
            text = f"{percent}%"
        self.setText(text)
        self.adjustSize()
        self.move(area.left() + 8, area.bottom() - self.height() - 6)
        self.raise_()


def lock_badge(parent: QWidget) -> QLabel:
    """The "Locked while training" badge (placed by the canvas)."""
    badge = QLabel(QCoreApplication.translate("Canvas", "Locked while training"), parent)
    badge.setObjectName("canvasLockBadge")
    badge.setStyleSheet(LOCKED_BADGE)
    return badge
