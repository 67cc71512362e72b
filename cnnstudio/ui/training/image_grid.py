"""A grid of small labelled images: dataset previews and validation samples marked right or wrong."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..style import RIGHT_GREEN, WRONG_RED

RIGHT_COLOR = QColor(RIGHT_GREEN)
WRONG_COLOR = QColor(WRONG_RED)
CAPTION_HEIGHT = 15
GAP = 6
MAX_PITCH = 76
"""Cells widen for long captions ("horizontal bar") up to this many pixels; longer ones are cut."""


def to_qimage(pixels: np.ndarray) -> QImage:
    """A QImage owning a copy of uint8 ``H x W x C`` *pixels*: gray for C = 1, RGB for C = 3, and
    for other C (a network that reads 192 channels) the gray of the channels' mean, as the inside
    view shows it (read as RGB, such rows came out as stripes)."""
    pixels = np.asarray(pixels)
    if pixels.shape[-1] not in (1, 3):
        pixels = pixels.mean(axis=-1, keepdims=True).round()
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width, channels = pixels.shape
    kind = QImage.Format.Format_Grayscale8 if channels == 1 else QImage.Format.Format_RGB888
    image = QImage(pixels.data, width, height, width * channels, kind)
    return image.copy()


@dataclass
class GridCell:
    """One image with its caption; ``correct`` marks it right (True), wrong (False) or neither."""

    image: QImage
    caption: str
    tooltip: str = ""
    correct: bool | None = None


class ImageGrid(QWidget):
    """Images in as many columns as the width allows (at least *min_columns*), each *size* pixels
    wide, with a caption under each (cells widen to fit captions, up to ``MAX_PITCH``).

    Marked cells get a green (right) or red (wrong) frame and caption.
    """

    def __init__(self, min_columns: int = 4, size: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_columns = min_columns
        self.cell_size = size
        self.cells: list[GridCell] = []
        self.empty_text = ""
        self.pitch = size + GAP
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)

    def caption_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def set_cells(self, cells: list[GridCell]) -> None:
        self.cells = list(cells)
        metrics = QFontMetrics(self.caption_font())
        widest = max((metrics.horizontalAdvance(c.caption) for c in self.cells), default=0)
        self.pitch = max(self.cell_size + GAP, min(MAX_PITCH, widest + 4))
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        """What to say when there are no images."""
        self.empty_text = text
        self.update()

    def columns_for(self, width: int) -> int:
        return max(self.min_columns, width // self.pitch)

    @property
    def columns(self) -> int:
        return self.columns_for(self.width())

    def rows_for(self, width: int) -> int:
        return max(1, -(-len(self.cells) // self.columns_for(width)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.rows_for(width) * (self.cell_size + CAPTION_HEIGHT + GAP)

    def sizeHint(self) -> QSize:
        width = self.min_columns * self.pitch
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.min_columns * self.pitch, self.cell_size + CAPTION_HEIGHT + GAP)

    def cell_rect(self, index: int) -> QRect:
        """Where cell *index*'s image is drawn."""
        row, column = divmod(index, self.columns)
        pitch_y = self.cell_size + CAPTION_HEIGHT + GAP
        left = column * self.pitch + (self.pitch - self.cell_size) // 2
        return QRect(left, row * pitch_y + GAP // 2, self.cell_size, self.cell_size)

    def cell_at(self, point: QPoint) -> int | None:
        for index in range(len(self.cells)):
            rect = self.cell_rect(index).adjusted(0, 0, 0, CAPTION_HEIGHT)
            if rect.contains(point):
                return index
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self.cells:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
            return
        painter.setFont(self.caption_font())
        for index, cell in enumerate(self.cells):
            self._paint_cell(painter, self.cell_rect(index), cell)

    def _paint_cell(self, painter: QPainter, rect: QRect, cell: GridCell) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(rect, cell.image)
        color = None if cell.correct is None else (RIGHT_COLOR if cell.correct else WRONG_COLOR)
        if color is not None:
            painter.setPen(QPen(color, 2))
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        painter.setPen(color or self.palette().text().color())
        caption = QRect(rect.center().x() - self.pitch // 2, rect.bottom() + 1, self.pitch, CAPTION_HEIGHT)
        text = painter.fontMetrics().elidedText(cell.caption, Qt.TextElideMode.ElideRight, caption.width())
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    def mouseMoveEvent(self, event) -> None:
        index = self.cell_at(event.position().toPoint())
        tip = self.cells[index].tooltip if index is not None else ""
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()
