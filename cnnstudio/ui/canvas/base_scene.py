"""What both diagrams share: the network's and an opened block's (items, edges, routing, looks)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from . import style
from .edge_item import EdgeItem
from .node_item import NodeItem, PortItem

GRID = 24.0
DROP_RADIUS = 20.0
MARGIN = 160.0


class GraphScene(QGraphicsScene):
    """A scene of :class:`NodeItem` boxes joined by :class:`EdgeItem` curves.

    ``nodes`` maps a node id to its item, ``edges`` maps ``(source id, target id)`` to its item.
    ``exporting`` is True while the scene is rendered to a file (no selection, plain background).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self.exporting = False

    # -- items ----------------------------------------------------------------------------------

    def add_edge_item(self, src: str, dst: str, index: int, count: int) -> EdgeItem:
        edge = EdgeItem(self.nodes[src], self.nodes[dst], index, count)
        self.edges[(src, dst)] = edge
        self.addItem(edge)
        return edge

    def remove_edge_item(self, key: tuple[str, str]) -> None:
        edge = self.edges.pop(key)
        edge.detach()
        self.removeItem(edge)

    def item_at(self, pos: QPointF) -> QGraphicsItem | None:
        """The port, node or edge under *pos* (ports first), ignoring helper items."""
        for item in self.items(pos):
            if isinstance(item, PortItem | NodeItem | EdgeItem):
                return item
        return None

    def node_at(self, pos: QPointF) -> NodeItem | None:
        item = self.item_at(pos)
        if isinstance(item, PortItem):
            return item.node
        return item if isinstance(item, NodeItem) else None

    def edge_near(self, pos: QPointF, radius: float = DROP_RADIUS) -> EdgeItem | None:
        """The edge closest to *pos* within *radius* (its label counts), unless a box is there.

        Dropping a block "on an edge" should not need pixel precision.
        """
        if self.node_at(pos) is not None:
            return None
        area = QRectF(pos.x() - radius, pos.y() - radius, 2 * radius, 2 * radius)
        best, best_distance = None, radius
        for item in self.items(area):
            if isinstance(item, EdgeItem):
                distance = item.distance_to(pos)
                if distance <= best_distance:
                    best, best_distance = item, distance
        return best

    # -- geometry ---------------------------------------------------------------------------------

    def reroute(self, edges=None) -> None:
        """Recompute the curves of *edges* (all by default), detouring around boxes in the way."""
        for edge in self.edges.values() if edges is None else edges:
            edge.update_path(self._blockers(edge))

    def _blockers(self, edge: EdgeItem) -> list[QRectF]:
        corridor = edge.corridor()
        if corridor.height() <= 0:
            return []
        ends = (edge.source, edge.target)
        return [
            item.scene_rect()
            for item in self.items(corridor)
            if isinstance(item, NodeItem) and item not in ends and item.scene_rect().intersects(corridor)
        ]

    def reroute_node(self, item: NodeItem) -> None:
        """Recompute the edges of one node (while it is dragged)."""
        self.reroute(item.edges_in + item.edges_out)

    def fit_scene_rect(self) -> None:
        """Make the scrollable area the diagram plus a margin."""
        self.setSceneRect(self.diagram_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def diagram_rect(self) -> QRectF:
        """The area the boxes, edges and labels cover (for zoom to fit and export)."""
        rect = QRectF()
        for item in self.nodes.values():
            rect = rect.united(item.sceneBoundingRect())
        for edge in self.edges.values():
            rect = rect.united(edge.sceneBoundingRect())
        if rect.isNull():
            rect = QRectF(-style.NODE_WIDTH, -style.NODE_HEIGHT, 2 * style.NODE_WIDTH, 2 * style.NODE_HEIGHT)
        return rect

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Tooltips: a box's text is only written out when the mouse rests on it."""
        for item in self.items(event.scenePos()):
            text = item.tooltip() if isinstance(item, NodeItem) else item.toolTip()
            if text:
                QToolTip.showText(event.screenPos(), text, event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()

    # -- looks ------------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        if self.exporting:
            painter.fillRect(rect, style.NODE_FILL)
            return
        painter.fillRect(rect, style.BACKGROUND)
        if painter.worldTransform().m11() >= 0.45:
            painter.fillRect(rect, _grid_brush())


@cache
def _grid_brush() -> QBrush:
    """A dot every GRID scene units (the brush is anchored at the scene's origin)."""
    tile = QPixmap(int(GRID), int(GRID))
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.GRID_DOT)
    painter.drawRect(QRectF(0, 0, 1.5, 1.5))
    painter.end()
    return QBrush(tile)
