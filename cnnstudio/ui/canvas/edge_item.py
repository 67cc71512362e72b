"""Edges: a curve from one layer's output port to another's input port, labelled with the shape
of the tensor it carries; and the dashed draft edge that follows the mouse while connecting.

An edge whose straight path would run through other boxes (a residual shortcut drawn by hand)
takes a detour beside them, the way skip connections are drawn in the papers.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from . import style
from .node_item import NodeItem, _exporting, overview

DETOUR_GAP = 30.0
DISTANCE_SAMPLES = 48
KNEE = style.ROW_HEIGHT - style.NODE_HEIGHT - 6.0
"""A long edge bends into its target within the gap above it, clear of the boxes beside."""
LONG_EDGE = style.ROW_HEIGHT
"""An edge spanning more than one gap between rows is long."""
LABEL_PADDING = 4.0


def edge_path(start: QPointF, end: QPointF, blockers: list[QRectF]) -> tuple[QPainterPath, QPointF]:
    """The curve from *start* (an output port) to *end* (an input port) and where its label goes.

    A short edge is one smooth curve; a long one runs straight down from its source and bends
    into its target at the end; with *blockers* (boxes of other layers in the way) it runs
    beside them instead.
    """
    path = QPainterPath(start)
    dy = end.y() - start.y()
    if dy > 0 and not blockers:
        if dy <= LONG_EDGE or abs(end.x() - start.x()) < 1:
            bend = max(24.0, dy * 0.45)
            path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end)
            return path, path.pointAtPercent(0.5)
        knee = end.y() - KNEE
        path.lineTo(start.x(), knee)
        path.cubicTo(QPointF(start.x(), knee + KNEE * 0.6), QPointF(end.x(), end.y() - KNEE * 0.6), end)
        return path, QPointF(start.x(), (start.y() + knee) / 2)
    side = _detour_x(start, end, blockers)
    top, bottom = start.y() + DETOUR_GAP, end.y() - DETOUR_GAP
    path.cubicTo(QPointF(start.x(), top), QPointF(side, start.y()), QPointF(side, top))
    path.lineTo(side, bottom)
    path.cubicTo(QPointF(side, end.y()), QPointF(end.x(), bottom), end)
    return path, QPointF(side, (top + bottom) / 2)


def _detour_x(start: QPointF, end: QPointF, blockers: list[QRectF]) -> float:
    boxes = blockers or [
        QRectF(start.x() - style.NODE_WIDTH / 2, end.y(), style.NODE_WIDTH, start.y() - end.y())
    ]
    right = max(box.right() for box in boxes) + DETOUR_GAP
    left = min(box.left() for box in boxes) - DETOUR_GAP
    middle = (start.x() + end.x()) / 2
    return right if right - middle <= middle - left else left


class EdgeItem(QGraphicsItem):
    """One edge ``source -> target``, ending at input number *index* of *count* on the target."""

    def __init__(self, source: NodeItem, target: NodeItem, index: int = 0, count: int = 1) -> None:
        super().__init__()
        self.source, self.target = source, target
        self.index, self.count = index, count
        self.label = ""
        self.drop_target = False
        self._hovered = False
        self._path = QPainterPath()
        self._label_anchor = QPointF()
        self._shape: QPainterPath | None = None
        self._label_box = QRectF()
        self.loops = False
        """Whether the curve detours around boxes or runs upwards (see :func:`edge_path`)."""
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        source.edges_out.append(self)
        target.edges_in.append(self)

    @property
    def key(self) -> tuple[str, str]:
        return self.source.node_id, self.target.node_id

    def detach(self) -> None:
        """Forget the two nodes (before the edge leaves the scene)."""
        if self in self.source.edges_out:
            self.source.edges_out.remove(self)
        if self in self.target.edges_in:
            self.target.edges_in.remove(self)

    def set_label(self, text: str) -> None:
        """Show *text* (the shape of the tensor on this edge) next to the curve."""
        if text != self.label:
            self.prepareGeometryChange()
            self.label = text
            self._label_box = self._label_rect()
            self.update()

    def set_drop_target(self, on: bool) -> None:
        """Highlight the edge while a dragged block would be inserted into it."""
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def update_path(self, blockers: list[QRectF] | None = None) -> None:
        """Recompute the curve from the current positions of both ends."""
        start = self.source.output_point()
        end = self.target.input_point(self.index, self.count)
        self.prepareGeometryChange()
        self._path, self._label_anchor = edge_path(start, end, blockers or [])
        self.loops = bool(blockers) or end.y() <= start.y()
        self._label_box = self._label_rect()
        self._shape = None

    def distance_to(self, pos: QPointF) -> float:
        """How far *pos* is from the curve (0 on its label): how near a drop lands to the edge."""
        if self._label_box.contains(pos):
            return 0.0
        best = float("inf")
        for i in range(DISTANCE_SAMPLES + 1):
            point = self._path.pointAtPercent(i / DISTANCE_SAMPLES)
            best = min(best, math.hypot(point.x() - pos.x(), point.y() - pos.y()))
        return best

    def corridor(self) -> QRectF:
        """The strip a straight edge down from the source would cross (boxes there are in the way)."""
        start = self.source.output_point()
        end = self.target.input_point(self.index, self.count)
        return QRectF(start.x() - 10, start.y() + 12, 20, end.y() - start.y() - 24)

    # -- QGraphicsItem --------------------------------------------------------------------------

    def _label_rect(self) -> QRectF:
        if not self.label:
            return QRectF()
        metrics = QFontMetricsF(_label_font())
        width = metrics.horizontalAdvance(self.label) + 2 * LABEL_PADDING + 2
        height = metrics.height() + 2
        return QRectF(self._label_anchor.x() + 7, self._label_anchor.y() - height / 2, width, height)

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-8, -8, 8, 8).united(self._label_box)

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(14)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        exporting = _exporting(self)
        if self.drop_target and not exporting:
            color, width = style.DROP_TARGET, 3.2
        elif self.isSelected() and not exporting:
            color, width = style.SELECTION, 2.6
        elif self._hovered and not exporting:
            color, width = style.EDGE_HOVER, 2.2
        else:
            color, width = style.EDGE, 1.7
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        self._paint_arrow(painter, color)
        if self.label and (exporting or not overview(painter, option)):  # unreadably small: left out
            self._paint_label(painter)

    def _paint_arrow(self, painter: QPainter, color) -> None:
        tip = self._path.pointAtPercent(1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(QPolygonF([tip, tip + QPointF(-4.5, -7.5), tip + QPointF(4.5, -7.5)]))

    def _paint_label(self, painter: QPainter) -> None:
        rect = self._label_box
        painter.setPen(QPen(style.NODE_BORDER, 0.8))
        painter.setBrush(style.EDGE_LABEL_FILL)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setFont(_label_font())
        painter.setPen(style.EDGE_LABEL_TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)


_FONT = []


def _label_font():
    if not _FONT:
        _FONT.append(style.font(8.5, mono=True))
    return _FONT[0]


class DraftEdgeItem(QGraphicsPathItem):
    """The dashed curve that follows the mouse while a connection is being dragged."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(style.SELECTION, 2.0, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(5)

    def set_ends(self, start: QPointF, end: QPointF) -> None:
        """Draw from *start* (an output port) to *end* (an input port or the mouse)."""
        path = QPainterPath(start)
        bend = max(30.0, abs(end.y() - start.y()) * 0.45)
        path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end)
        self.setPath(path)
