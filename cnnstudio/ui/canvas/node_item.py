"""The box drawn for one layer, and its ports.

A :class:`NodeItem` shows what the scene tells it (name, block type, key settings, output shape,
cost, errors); it holds no graph state of its own beyond the id of the node it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ..icons import block_pixmap
from . import style
from .style import ACCENT_WIDTH, CORNER, INPUT_SPREAD, NODE_HEIGHT, NODE_WIDTH, PORT_HIT_RADIUS, PORT_RADIUS

OPEN_HINT = QT_TRANSLATE_NOOP("NodeItem", "open \u203a")
OVERVIEW_ZOOM = 0.55
"""Below this zoom a box shows only its name and output shape, in large type, so a whole long
network fitted to the window stays legible (at 0.33 the name is still 10 pixels high)."""
DANGLING_TEXT = QT_TRANSLATE_NOOP("NodeItem", "dangling: not connected")
SHAPE_UNKNOWN = QT_TRANSLATE_NOOP("NodeItem", "shape unknown")
MIN_TITLE_WIDTH = 44.0
ICON_RECT = QRectF(-NODE_WIDTH / 2 + ACCENT_WIDTH + 8, -NODE_HEIGHT / 2 + 8, 22, 22)


@dataclass
class NodeLabels:
    """Everything a node box shows; the scene fills it from the network and its summary.

    ``details`` are the figures behind the tooltip (parameters, MACs...), which is only written
    out when the mouse rests on the box.
    """

    name: str
    title: str
    type_id: str
    category: str
    summary: str = ""
    shape: str = ""
    cost: str = ""
    errors: list[str] = field(default_factory=list)
    notes: tuple[str, ...] = ()
    description: str = ""
    details: tuple = ()
    composite: bool = False
    overrides: tuple = ()
    locked: str = ""
    """Why the layer cannot be changed (an exercise locked it); "" when it can."""

    @property
    def tooltip(self) -> str:
        lines = [f"\u26a0 {error}" for error in self.errors]
        lines += [note[:1].upper() + note[1:] for note in self.notes]
        if self.locked:
            lines.append(self.locked)
        if lines:
            lines.append("")
        lines.append(f"{self.name} \u2014 {self.title}")
        if self.description:
            lines.append(self.description)
        if self.shape:
            lines.append(QCoreApplication.translate("NodeItem", "Output: {shape}").format(shape=self.shape))
        lines.extend(self.details)
        if self.composite:
            lines.append(QCoreApplication.translate("NodeItem", "Double-click to see the layers inside."))
        return "\n".join(lines)


def _text(text: str) -> str:
    """One of this module's texts in the app's language."""
    return QCoreApplication.translate("NodeItem", text)


@cache
def _fonts():
    return {
        "name": style.font(10.0, bold=True),
        "title": style.font(8.0),
        "summary": style.font(9.0),
        "shape": style.font(9.5, bold=True, mono=True),
        "cost": style.font(8.5),
        "badge": style.font(9.0, bold=True),
        "overview_name": style.font(22.0, bold=True),
        "overview_shape": style.font(15.0, bold=True, mono=True),
    }


def overview(painter: QPainter, option: QStyleOptionGraphicsItem) -> bool:
    """Whether the item is drawn small enough for the overview look (never in an export)."""
    return option.levelOfDetailFromTransform(painter.worldTransform()) < OVERVIEW_ZOOM


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
            QCoreApplication.translate(
                "NodeItem", "Output: drag from here to another layer's input to connect"
            )
            if is_output
            else QCoreApplication.translate(
                "NodeItem", "Input: drag from here to another layer's output to connect"
            )
        )

    def set_width(self, width: float) -> None:
        """Make the port a pill *width* wide (a merge gathers several edges on it)."""
        if width != self.width:
            self.prepareGeometryChange()
            self.width = width

    def set_highlighted(self, on: bool) -> None:
        """Fill the port (the end of a connection being dragged); off also forgets the hover."""
        if not on:
            self._hovered = False  # no hover-leave arrives while a gesture holds the mouse
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
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._texts: list | None = None  # laid out when first painted

    # -- what it shows --------------------------------------------------------------------------

    def set_labels(self, labels: NodeLabels) -> bool:
        """Show *labels*; repaints only when something differs. Returns whether it did."""
        if labels == self.labels:
            return False
        self.labels = labels
        self.accent = style.category_color(labels.category)
        self._texts = None
        self.update()
        return True

    @property
    def has_errors(self) -> bool:
        return bool(self.labels.errors)

    @property
    def dangling(self) -> bool:
        """Whether the layer is cut off from the network (drawn dashed, "dangling")."""
        return bool(self.labels.notes) and not self.labels.errors

    def tooltip(self) -> str:
        """What hovering the box shows (the scene asks when the tooltip is due)."""
        return self.labels.tooltip

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
        paths = _paths()
        if self.labels.composite:
            painter.setPen(QPen(style.NODE_BORDER, 1.0))
            painter.setBrush(style.tinted(self.accent, 0.12))
            painter.drawPath(paths["stack2"])
            painter.drawPath(paths["stack1"])
        self._paint_body(painter, paths, self.isSelected() and not exporting, self._hovered and not exporting)
        if not exporting and overview(painter, option):
            self._paint_overview(painter)
            return
        icon = block_pixmap(self.labels.type_id, self.labels.overrides, 22)
        painter.drawPixmap(ICON_RECT, icon, QRectF(icon.rect()))
        if self._texts is None:
            self._lay_out_texts()
        for font, color, rect, text, align in self._texts:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(rect, align, text)
        if self.labels.composite and (self._hovered or self.isSelected()) and not exporting:
            self._paint_open_hint(painter)
        if self.has_errors:
            self._paint_error_badge(painter)
        if self.labels.locked:
            self._paint_lock_badge(painter)

    def _paint_overview(self, painter: QPainter) -> None:
        """Name and output shape only, large: the look of a box when the network is zoomed out."""
        fonts, labels = _fonts(), self.labels
        box = _box()
        left, width = box.left() + ACCENT_WIDTH + 8, box.width() - ACCENT_WIDTH - 16
        rows = (
            ("overview_name", style.TEXT, QRectF(left, box.top() + 2, width, 40), labels.name),
            (
                "overview_shape",
                style.ERROR if self.has_errors else style.SHAPE_TEXT,
                QRectF(left, box.top() + 40, width, 30),
                _text(SHAPE_UNKNOWN) if self.has_errors and not labels.shape else labels.shape,
            ),
        )
        for key, color, rect, text in rows:
            font = fonts[key]
            painter.setFont(font)
            painter.setPen(color)
            elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        if self.has_errors:
            self._paint_error_badge(painter)
        if self.labels.locked:
            self._paint_lock_badge(painter)

    def _paint_open_hint(self, painter: QPainter) -> None:
        """A pill over the end of the settings line: this box opens (double-click)."""
        font = _fonts()["title"]
        width = _advance(font, _text(OPEN_HINT)) + 12
        rect = QRectF(NODE_WIDTH / 2 - 10 - width, -NODE_HEIGHT / 2 + 28, width, 18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.tinted(self.accent, 0.15))
        painter.drawRoundedRect(rect, 9, 9)
        painter.setFont(font)
        painter.setPen(self.accent.darker(130))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _text(OPEN_HINT))

    def _paint_body(self, painter: QPainter, paths: dict, selected: bool, hovered: bool) -> None:
        error = self.has_errors
        if selected:
            glow = QColor(style.SELECTION)
            glow.setAlpha(60)
            painter.setPen(QPen(glow, 7.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(paths["box"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.SHADOW)
        painter.drawPath(paths["shadow"])
        painter.setBrush(style.ERROR_FILL if error else style.NODE_FILL)
        painter.drawPath(paths["box"])
        painter.setBrush(style.ERROR if error else self.accent)
        painter.drawPath(paths["accent"])
        if selected:
            pen = QPen(style.SELECTION, 2.4)
        elif error:
            pen = QPen(style.ERROR, 1.6)
        else:
            pen = QPen(style.HOVER_BORDER if hovered else style.NODE_BORDER, 1.2)
        if self.dangling and not selected:
            pen = QPen(style.MUTED_TEXT, 1.4, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(paths["box"])

    def _lay_out_texts(self) -> None:
        """Work out where each text goes, elided to fit, once per change of the labels."""
        fonts, labels = _fonts(), self.labels
        box = _box()
        left, right = box.left() + ACCENT_WIDTH + 8, box.right() - 10
        text_left = left + 28
        runs = []

        def add(font_key: str, color: QColor, rect: QRectF, text: str, align=Qt.AlignmentFlag.AlignLeft):
            if text:
                font = fonts[font_key]
                elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
                runs.append((font, color, rect, elided, int(align | Qt.AlignmentFlag.AlignVCenter)))

        right_aligned = Qt.AlignmentFlag.AlignRight
        # the name comes first; the block's title takes what is left, or is left out
        name_width = min(_advance(fonts["name"], labels.name) + 4, right - text_left)
        add("name", style.TEXT, QRectF(text_left, box.top() + 7, name_width, 20), labels.name)
        title_width = right - text_left - name_width - 8
        if title_width >= MIN_TITLE_WIDTH:
            title_rect = QRectF(right - title_width, box.top() + 9, title_width, 18)
            add("title", style.MUTED_TEXT, title_rect, labels.title, right_aligned)
        summary_rect = QRectF(text_left, box.top() + 28, right - text_left, 18)
        add("summary", style.TEXT, summary_rect, labels.summary)
        cost_width = _advance(fonts["cost"], labels.cost) + 4 if labels.cost else 0.0
        unknown = self.has_errors and not labels.shape
        shape_rect = QRectF(left, box.bottom() - 25, right - left - cost_width - 6, 19)
        if self.dangling:
            add("cost", style.MUTED_TEXT, shape_rect, _text(DANGLING_TEXT))
        else:
            add(
                "shape",
                style.ERROR if unknown else style.SHAPE_TEXT,
                shape_rect,
                _text(SHAPE_UNKNOWN) if unknown else labels.shape,
            )
        add(
            "cost",
            style.MUTED_TEXT,
            QRectF(right - cost_width, box.bottom() - 24, cost_width, 18),
            labels.cost,
            right_aligned,
        )
        self._texts = runs

    def _paint_error_badge(self, painter: QPainter) -> None:
        center = QPointF(NODE_WIDTH / 2 - 2, -NODE_HEIGHT / 2 + 2)
        painter.setPen(QPen(style.NODE_FILL, 1.5))
        painter.setBrush(style.ERROR)
        painter.drawEllipse(center, 9, 9)
        painter.setPen(style.NODE_FILL)
        painter.setFont(_fonts()["badge"])
        painter.drawText(QRectF(center.x() - 9, center.y() - 9, 18, 18), Qt.AlignmentFlag.AlignCenter, "!")

    def lock_badge_center(self) -> QPointF:
        """Where the padlock of a locked layer sits: the top right corner, left of an error's "!"."""
        return QPointF(NODE_WIDTH / 2 - (26 if self.has_errors else 2), -NODE_HEIGHT / 2 + 2)

    def _paint_lock_badge(self, painter: QPainter) -> None:
        """A padlock in a disc on the corner: an exercise locked this layer (the tooltip says so)."""
        center = self.lock_badge_center()
        painter.setPen(QPen(style.LOCKED_LAYER, 1.5))
        painter.setBrush(style.LOCKED_LAYER_FILL)
        painter.drawEllipse(center, 9, 9)
        painter.setPen(QPen(style.LOCKED_LAYER, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(center.x() - 3, center.y() - 6, 6, 7), 0, 180 * 16)  # the shackle
        painter.drawLine(QPointF(center.x() - 3, center.y() - 2.5), QPointF(center.x() - 3, center.y()))
        painter.drawLine(QPointF(center.x() + 3, center.y() - 2.5), QPointF(center.x() + 3, center.y()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LOCKED_LAYER)
        painter.drawRoundedRect(QRectF(center.x() - 4.5, center.y() - 0.5, 9, 6.5), 1.5, 1.5)  # the body


def _box() -> QRectF:
    return QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)


def _advance(font, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


@cache
def _paths() -> dict[str, QPainterPath]:
    """The outlines every box shares, made once."""
    box = _box()

    def rounded(rect: QRectF) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(rect, CORNER, CORNER)
        return path

    strip = QPainterPath()
    strip.addRect(QRectF(box.left(), box.top(), ACCENT_WIDTH, box.height()))
    return {
        "box": rounded(box),
        "shadow": rounded(box.translated(0, 2)),
        "accent": rounded(box).intersected(strip),
        "stack1": rounded(box.translated(3, 3)),
        "stack2": rounded(box.translated(6, 6)),
    }


def _exporting(item: QGraphicsItem) -> bool:
    scene = item.scene()
    return bool(scene is not None and getattr(scene, "exporting", False))
