"""What both diagrams share: the network's and an opened block's (items, edges, routing, looks).

Boxes and edges are kept in two spatial indexes of their own (:mod:`.grid`): the boxes, to find
what stands in an edge's way, and the edges' corridors, to find which edges a box that appears,
moves or goes away now blocks or frees. So each change reroutes only the edges it touches.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from . import style
from .edge_item import EdgeItem
from .grid import Rect, RectGrid
from .node_item import NodeItem, PortItem

GRID = 24.0
DROP_RADIUS = 20.0
LOOP_DROP_RADIUS = 7.0
MARGIN = 160.0
EDGE_SLACK = 220.0
"""Room beside the boxes for edge labels and detours, in the scrollable area."""

EdgeKey = tuple[str, str]


class GraphScene(QGraphicsScene):
    """A scene of :class:`NodeItem` boxes joined by :class:`EdgeItem` curves.

    ``nodes`` maps a node id to its item, ``edges`` maps ``(source id, target id)`` to its item.
    ``exporting`` is True while the scene is rendered to a file (no selection, plain background).
    Add, move and remove items through this class's methods, so routing stays right.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[EdgeKey, EdgeItem] = {}
        self.exporting = False
        self._boxes = RectGrid()
        self._corridors = RectGrid()

    # -- items ----------------------------------------------------------------------------------

    def add_node_item(self, key: str, item: NodeItem, pos: tuple[float, float]) -> None:
        """Show *item* for node *key* with its centre at *pos*; reroutes the edges it blocks."""
        self.nodes[key] = item
        item.setPos(QPointF(*pos))
        self.addItem(item)
        rect = _box(pos)
        self._boxes.put(key, rect)
        self.reroute(self._edges_crossing(rect))

    def remove_node_item(self, key: str) -> None:
        """Take the item of node *key* away, with its edges; reroutes the edges it blocked."""
        item = self.nodes.pop(key, None)
        if item is None:
            return
        for edge in list(item.edges_in + item.edges_out):
            self.remove_edge_item(edge.key)
        rect = self._boxes.rect(key)
        self._boxes.discard(key)
        self.removeItem(item)
        self.reroute(self._edges_crossing(rect))

    def move_node_item(self, key: str, pos: tuple[float, float]) -> None:
        """Put the item of node *key* at *pos*; reroutes its edges and those it blocks or frees."""
        item = self.nodes[key]
        if (item.pos().x(), item.pos().y()) == pos:
            return
        before = self._boxes.rect(key)
        item.setPos(QPointF(*pos))
        after = _box(pos)
        self._boxes.put(key, after)
        touched = {edge.key: edge for edge in item.edges_in + item.edges_out}
        touched.update((edge.key, edge) for edge in self._edges_crossing(before))
        touched.update((edge.key, edge) for edge in self._edges_crossing(after))
        self.reroute(touched.values())

    def add_edge_item(self, src: str, dst: str, index: int, count: int) -> EdgeItem:
        """Draw the edge *src* -> *dst*, ending at input *index* of *count* on *dst*."""
        edge = EdgeItem(self.nodes[src], self.nodes[dst], index, count)
        self.edges[(src, dst)] = edge
        self.addItem(edge)
        self.reroute([edge])
        return edge

    def remove_edge_item(self, key: EdgeKey) -> None:
        edge = self.edges.pop(key)
        self._corridors.discard(key)
        edge.detach()
        self.removeItem(edge)

    def clear_items(self) -> None:
        """Remove every box and edge."""
        for key in list(self.edges):
            self.remove_edge_item(key)
        for key in list(self.nodes):
            self.remove_node_item(key)

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

        Dropping a block "on an edge" should not need pixel precision. An edge that loops
        through empty space (around boxes, or up to a wrapped column's top) catches a drop only
        on its line or its label: beside it, the drop looks as if it landed on nothing.
        """
        if self.node_at(pos) is not None:
            return None
        area = QRectF(pos.x() - radius, pos.y() - radius, 2 * radius, 2 * radius)
        best, best_distance = None, radius
        for item in self.items(area):
            if isinstance(item, EdgeItem):
                distance = item.distance_to(pos)
                reach = radius if not item.loops else min(radius, LOOP_DROP_RADIUS)
                if distance <= min(best_distance, reach):
                    best, best_distance = item, distance
        return best

    # -- geometry ---------------------------------------------------------------------------------

    def reroute(self, edges=None) -> None:
        """Recompute the curves of *edges* (all by default), detouring around boxes in the way."""
        for edge in list(self.edges.values()) if edges is None else list(edges):
            corridor = edge.corridor()
            area = (corridor.left(), corridor.top(), corridor.right(), corridor.bottom())
            edge.update_path(self._blockers(edge, area) if corridor.height() > 0 else [])
            self._corridors.put(edge.key, area)

    def _blockers(self, edge: EdgeItem, corridor: Rect) -> list[QRectF]:
        ends = (edge.source.node_id, edge.target.node_id)
        return [_qrect(self._boxes.rect(key)) for key in self._boxes.overlapping(corridor) if key not in ends]

    def _edges_crossing(self, box: Rect) -> list[EdgeItem]:
        return [self.edges[key] for key in self._corridors.overlapping(box) if key in self.edges]

    def reroute_node(self, item: NodeItem) -> None:
        """Recompute the edges of one node."""
        self.reroute(item.edges_in + item.edges_out)

    def fit_scene_rect(self) -> None:
        """Make the scrollable area the boxes plus room for labels and a margin."""
        bounds = self._boxes.bounds()
        if bounds is None:
            self.setSceneRect(self.diagram_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
            return
        left, top, right, bottom = bounds
        rect = QRectF(left - EDGE_SLACK, top, right - left + 2 * EDGE_SLACK, bottom - top)
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

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


def _box(pos: tuple[float, float]) -> Rect:
    """The box of a node centred at *pos* (ports excluded)."""
    x, y = pos
    half_w, half_h = style.NODE_WIDTH / 2, style.NODE_HEIGHT / 2
    return x - half_w, y - half_h, x + half_w, y + half_h


def _qrect(rect: Rect) -> QRectF:
    left, top, right, bottom = rect
    return QRectF(left, top, right - left, bottom - top)


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
