"""The box drawn for one layer, and its ports.

A :class:`NodeItem` shows what the scene tells it (name, block type, key settings, output shape,
cost, errors); it holds no graph state of its own beyond the id of the node it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ..icons import block_pixmap
from . import style
from .style import ACCENT_WIDTH, CORNER, INPUT_SPREAD, NODE_HEIGHT, NODE_WIDTH, PORT_HIT_RADIUS, PORT_RADIUS

OPEN_HINT = "open \u203a"


@dataclass
class NodeLabels:
    """Everything a node box shows; the scene fills it from the network and its summary."""

    name: str
    title: str
    type_id: str
    category: str
    summary: str = ""
    shape: str = ""
    cost: str = ""
    errors: list[str] = field(default_factory=list)
    tooltip: str = ""
    composite: bool = False
    overrides: tuple = ()


@cache
def _fonts():
    return {
        "name": style.font(10.0, bold=True),
        "title": style.font(8.0),
        "summary": style.font(9.0),
        "shape": style.font(9.5, bold=True, mono=True),
        "cost": style.font(8.5),
    }


class PortItem(QGraphicsItem):
    """An input (top) or output (bottom) port: where edges start and end, and drags begin."""

    def __init__(self, node: NodeItem, is_output: bool) -> None:
        super().__init__(node)
        self.node = node
        self.is_output = is_output
        self.width = 0.0
        self.highlighted = False
        self._hovered = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        self.setPos(0, NODE_HEIGHT / 2 if is_output else -NODE_HEIGHT / 2)
        self.setToolTip(
            "Output: drag from here to another layer's input to connect"
            if is_output
            else "Input: drag from here to another layer's output to connect"
        )

    def set_width(self, width: float) -> None:
        """Make the port a pill *width* wide (a merge gathers several edges on it)."""
        if width != self.width:
            self.prepareGeometryChange()
            self.width = width

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def boundingRect(self) -> QRectF:
        r = PORT_HIT_RADIUS
        return QRectF(-r - self.width / 2, -r, 2 * r + self.width, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.boundingRect(), PORT_HIT_RADIUS, PORT_HIT_RADIUS)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        active = (self.highlighted or self._hovered) and not _exporting(self)
        r = PORT_RADIUS + (1.5 if active else 0)
        color = self.node.accent
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(QBrush(color if active else style.NODE_FILL))
        painter.drawRoundedRect(QRectF(-r - self.width / 2, -r, 2 * r + self.width, 2 * r), r, r)

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()


class NodeItem(QGraphicsItem):
    """One layer on the canvas; its position is the node's centre (``Node.pos``).

    Parameters
    ----------
    node_id : str
        The network node it stands for (or an inner layer's name in an opened block).
    labels : NodeLabels
        What to show.
    has_input, has_output : bool
        Whether it has an input port (not the Input block) and an output port (not the end of
        an opened block).
    """

    def __init__(
        self, node_id: str, labels: NodeLabels, has_input: bool = True, has_output: bool = True
    ) -> None:
        super().__init__()
        self.node_id = node_id
        self.labels = labels
        self.accent = style.category_color(labels.category)
        self.edges_in: list = []
        self.edges_out: list = []
        self._hovered = False
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.input_port = PortItem(self, is_output=False) if has_input else None
        self.output_port = PortItem(self, is_output=True) if has_output else None
        self._apply_tooltip()

    # -- what it shows --------------------------------------------------------------------------

    def set_labels(self, labels: NodeLabels) -> bool:
        """Show *labels*; repaints only when something differs. Returns whether it did."""
        if labels == self.labels:
            return False
        self.labels = labels
        self.accent = style.category_color(labels.category)
        self._apply_tooltip()
        self.update()
        return True

    @property
    def has_errors(self) -> bool:
        return bool(self.labels.errors)

    def _apply_tooltip(self) -> None:
        self.setToolTip(self.labels.tooltip)

    def set_input_count(self, count: int) -> None:
        """Widen the input port of a merge so each incoming edge ends on it."""
        if self.input_port is not None:
            self.input_port.set_width(max(0, count - 1) * INPUT_SPREAD)

    def input_point(self, index: int, count: int) -> QPointF:
        """Scene point where the edge number *index* of *count* ends."""
        offset = (index - (count - 1) / 2) * INPUT_SPREAD if count > 1 else 0.0
        return self.mapToScene(QPointF(offset, -NODE_HEIGHT / 2 - PORT_RADIUS))

    def output_point(self) -> QPointF:
        """Scene point where edges leave."""
        return self.mapToScene(QPointF(0, NODE_HEIGHT / 2 + PORT_RADIUS))

    def scene_rect(self) -> QRectF:
        """The box (ports excluded) in scene coordinates."""
        return QRectF(
            self.pos().x() - NODE_WIDTH / 2, self.pos().y() - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT
        )

    # -- QGraphicsItem --------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(-NODE_WIDTH / 2 - 4, -NODE_HEIGHT / 2 - 12, NODE_WIDTH + 18, NODE_HEIGHT + 24)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(_box(), CORNER, CORNER)
        return path

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
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        exporting = _exporting(self)
        box = _box()
        if self.labels.composite:
            self._paint_stack(painter, box)
        self._paint_body(
            painter,
            box,
            selected=self.isSelected() and not exporting,
            hovered=self._hovered and not exporting,
        )
        self._paint_texts(painter, box)
        if self.has_errors:
            self._paint_error_badge(painter, box)

    def _paint_stack(self, painter: QPainter, box: QRectF) -> None:
        painter.setPen(QPen(style.NODE_BORDER, 1.0))
        painter.setBrush(style.tinted(self.accent, 0.12))
        painter.drawRoundedRect(box.translated(6, 6), CORNER, CORNER)
        painter.drawRoundedRect(box.translated(3, 3), CORNER, CORNER)

    def _paint_body(self, painter: QPainter, box: QRectF, selected: bool, hovered: bool) -> None:
        error = self.has_errors
        if selected:
            glow = QColor(style.SELECTION)
            glow.setAlpha(60)
            painter.setPen(QPen(glow, 7.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, CORNER, CORNER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 22))
        painter.drawRoundedRect(box.translated(0, 2), CORNER, CORNER)
        painter.setBrush(style.ERROR_FILL if error else style.NODE_FILL)
        painter.drawRoundedRect(box, CORNER, CORNER)
        outline = QPainterPath()
        outline.addRoundedRect(box, CORNER, CORNER)
        painter.save()
        painter.setClipPath(outline)
        painter.fillRect(
            QRectF(box.left(), box.top(), ACCENT_WIDTH, box.height()), style.ERROR if error else self.accent
        )
        painter.restore()
        if selected:
            pen = QPen(style.SELECTION, 2.4)
        elif error:
            pen = QPen(style.ERROR, 1.6)
        else:
            pen = QPen(style.HOVER_BORDER if hovered else style.NODE_BORDER, 1.2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, CORNER, CORNER)

    def _paint_texts(self, painter: QPainter, box: QRectF) -> None:
        fonts, labels = _fonts(), self.labels
        left = box.left() + ACCENT_WIDTH + 8
        right = box.right() - 10
        icon = block_pixmap(labels.type_id, labels.overrides, 22)
        painter.drawPixmap(QRectF(left, box.top() + 8, 22, 22), icon, QRectF(icon.rect()))
        text_left = left + 28
        title_width = QFontMetricsF(fonts["title"]).horizontalAdvance(labels.title) + 4
        title_width = min(title_width, (right - text_left) * 0.5)
        name_rect = QRectF(text_left, box.top() + 7, right - text_left - title_width - 6, 20)
        _draw(painter, fonts["name"], style.TEXT, name_rect, labels.name)
        title_rect = QRectF(right - title_width, box.top() + 9, title_width, 18)
        _draw(
            painter, fonts["title"], style.MUTED_TEXT, title_rect, labels.title, Qt.AlignmentFlag.AlignRight
        )
        open_width = 0.0
        if labels.composite:
            open_width = QFontMetricsF(fonts["title"]).horizontalAdvance(OPEN_HINT) + 4
            open_rect = QRectF(right - open_width, box.top() + 29, open_width, 17)
            _draw(
                painter,
                fonts["title"],
                self.accent.darker(120),
                open_rect,
                OPEN_HINT,
                Qt.AlignmentFlag.AlignRight,
            )
        summary_rect = QRectF(text_left, box.top() + 28, right - text_left - open_width - 4, 18)
        _draw(painter, fonts["summary"], style.TEXT, summary_rect, labels.summary)
        cost_width = QFontMetricsF(fonts["cost"]).horizontalAdvance(labels.cost) + 4 if labels.cost else 0.0
        shape_rect = QRectF(left, box.bottom() - 25, right - left - cost_width - 6, 19)
        shape_color = style.ERROR if self.has_errors and not labels.shape else style.SHAPE_TEXT
        shape_text = labels.shape or ("shape unknown" if self.has_errors else "")
        _draw(painter, fonts["shape"], shape_color, shape_rect, shape_text)
        if labels.cost:
            cost_rect = QRectF(right - cost_width, box.bottom() - 24, cost_width, 18)
            _draw(
                painter, fonts["cost"], style.MUTED_TEXT, cost_rect, labels.cost, Qt.AlignmentFlag.AlignRight
            )

    def _paint_error_badge(self, painter: QPainter, box: QRectF) -> None:
        center = QPointF(box.right() - 2, box.top() + 2)
        painter.setPen(QPen(style.NODE_FILL, 1.5))
        painter.setBrush(style.ERROR)
        painter.drawEllipse(center, 9, 9)
        painter.setPen(style.NODE_FILL)
        painter.setFont(style.font(9.0, bold=True))
        painter.drawText(QRectF(center.x() - 9, center.y() - 9, 18, 18), Qt.AlignmentFlag.AlignCenter, "!")


def _box() -> QRectF:
    return QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)


def _draw(
    painter: QPainter, font, color: QColor, rect: QRectF, text: str, align=Qt.AlignmentFlag.AlignLeft
) -> None:
    if not text:
        return
    painter.setFont(font)
    painter.setPen(color)
    elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)


def _exporting(item: QGraphicsItem) -> bool:
    scene = item.scene()
    return bool(scene is not None and getattr(scene, "exporting", False))
