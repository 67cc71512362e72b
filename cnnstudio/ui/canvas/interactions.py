"""Mouse gestures on the diagram, one small class each (as in Orange's ``interactions.py``).

The scene starts an interaction on a left-button press (:func:`start_interaction` picks it from
what is under the mouse) and hands it the following moves and the release:

* :class:`MoveSelectionInteraction` on a box: click-select, then drag every selected box; the
  move is recorded once, on release, as one undo step;
* :class:`ConnectInteraction` on a port: a dashed edge follows the mouse and, released on
  another layer, connects the two (or says why not);
* :class:`RubberBandInteraction` on empty canvas: selects the boxes inside a rectangle.

A click on an edge selects it (Delete then removes it); it needs no interaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsSceneMouseEvent

from . import edits, style
from .edge_item import DraftEdgeItem, EdgeItem
from .node_item import NodeItem, PortItem

if TYPE_CHECKING:
    from .scene import DiagramScene

ADD_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier
)


def _adds(event: QGraphicsSceneMouseEvent) -> bool:
    return bool(event.modifiers() & ADD_MODIFIERS)


class Interaction:
    """A gesture in progress: it receives the moves and the release after the press."""

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        """The mouse moved with the button held."""

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        """The button was released: finish the gesture."""

    def cancel(self) -> None:
        """Esc: undo what the gesture showed so far and stop."""


def start_interaction(scene: DiagramScene, event: QGraphicsSceneMouseEvent) -> Interaction | None:
    """The interaction a left-button press at *event* begins (None for other buttons)."""
    if event.button() != Qt.MouseButton.LeftButton:
        if event.button() == Qt.MouseButton.RightButton:
            _select_for_menu(scene, event.scenePos())
        return None
    item = scene.item_at(event.scenePos())
    if isinstance(item, PortItem):
        if scene.refuse_locked():
            return None
        return ConnectInteraction(scene, item)
    if isinstance(item, NodeItem):
        return MoveSelectionInteraction(scene, item, event)
    if isinstance(item, EdgeItem):
        _select_edge(scene, item, toggle=_adds(event))
        return None
    return RubberBandInteraction(scene, event)


def _select_edge(scene: DiagramScene, edge: EdgeItem, toggle: bool) -> None:
    """A click on an edge selects it alone; with Ctrl or Shift it toggles it in the selection."""
    if not toggle:
        scene.select([], [edge.key])
        return
    edges = [key for key in scene.selected_edges() if key != edge.key]
    if not edge.isSelected():
        edges.append(edge.key)
    scene.select(scene.selected_node_ids(), edges)


def _select_for_menu(scene: DiagramScene, pos: QPointF) -> None:
    node = scene.node_at(pos)
    if node is not None and not node.isSelected():
        scene.select([node.node_id])


class MoveSelectionInteraction(Interaction):
    """Select the box pressed (Ctrl/Shift toggles), then drag all selected boxes together."""

    def __init__(self, scene: DiagramScene, item: NodeItem, event: QGraphicsSceneMouseEvent) -> None:
        super().__init__(scene)
        self.item = item
        self.start = event.scenePos()
        self.moved = False
        self._told_locked = False
        self._narrow_on_release = False
        if _adds(event) and item.isSelected():
            self._deselect(item)
        elif _adds(event):
            scene.select([item.node_id], add=True)
        elif not item.isSelected():
            scene.select([item.node_id])
        else:
            self._narrow_on_release = True  # a click on one of several selected keeps only it
        self.items = [scene.nodes[i] for i in scene.selected_node_ids()]
        self.origins = {it.node_id: QPointF(it.pos()) for it in self.items}

    def _deselect(self, item: NodeItem) -> None:
        keep = [i for i in self.scene.selected_node_ids() if i != item.node_id]
        self.scene.select(keep, self.scene.selected_edges())

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        delta = event.scenePos() - self.start
        if not self.moved and delta.manhattanLength() < QApplication.startDragDistance():
            return
        if not self.items:
            return
        if not self.scene.editable:
            if not self._told_locked:
                self._told_locked = True
                self.scene.refuse_locked()
            return
        self.moved = True
        for item in self.items:
            point = self.origins[item.node_id] + delta
            self.scene.move_node_item(item.node_id, (point.x(), point.y()))

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.moved:
            if self._narrow_on_release:
                self.scene.select([self.item.node_id])
            return
        positions = {item.node_id: (item.pos().x(), item.pos().y()) for item in self.items}
        if not edits.move_nodes(self.scene.document, positions):
            self.cancel()
            return
        self.scene.tidy()

    def cancel(self) -> None:
        for item in self.items:
            if self.scene.nodes.get(item.node_id) is item:
                origin = self.origins[item.node_id]
                self.scene.move_node_item(item.node_id, (origin.x(), origin.y()))
        self.scene.tidy()


class ConnectInteraction(Interaction):
    """Drag from a port to another layer; an output port connects to an input and vice versa."""

    def __init__(self, scene: DiagramScene, port: PortItem) -> None:
        super().__init__(scene)
        self.port = port
        self.target: PortItem | None = None
        self.draft = DraftEdgeItem()
        scene.addItem(self.draft)
        port.set_highlighted(True)
        self._draw(self._anchor())

    def _anchor(self) -> QPointF:
        node = self.port.node
        return node.output_point() if self.port.is_output else node.input_point(0, 1)

    def _draw(self, pos: QPointF) -> None:
        if self.port.is_output:
            self.draft.set_ends(self._anchor(), pos)
        else:
            self.draft.set_ends(pos, self._anchor())

    def _target_at(self, pos: QPointF) -> PortItem | None:
        item = self.scene.item_at(pos)
        node = item.node if isinstance(item, PortItem) else item
        if not isinstance(node, NodeItem) or node is self.port.node:
            return None
        return node.input_port if self.port.is_output else node.output_port

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target_at(event.scenePos())
        if target is not self.target:
            if self.target is not None:
                self.target.set_highlighted(False)
            self.target = target
            if target is not None:
                target.set_highlighted(True)
        if target is None:
            self._draw(event.scenePos())
        elif self.port.is_output:
            self._draw(target.node.input_point(0, 1))
        else:
            self._draw(target.node.output_point())

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.mouse_move(event)
        target = self.target
        self._clear()
        if target is None:
            return
        here, there = self.port.node, target.node
        src, dst = (here, there) if self.port.is_output else (there, here)
        edits.connect(self.scene.document, src.node_id, dst.node_id)

    def cancel(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.port.set_highlighted(False)
        if self.target is not None:
            self.target.set_highlighted(False)
        self.scene.removeItem(self.draft)


class RubberBandInteraction(Interaction):
    """Drag on empty canvas to select the boxes a rectangle touches; a plain click clears."""

    def __init__(self, scene: DiagramScene, event: QGraphicsSceneMouseEvent) -> None:
        super().__init__(scene)
        self.start = event.scenePos()
        self.add = _adds(event)
        self.before = scene.selected_node_ids() if self.add else []
        if not self.add:
            scene.select([])
        self.band = QGraphicsRectItem()
        color = QColor(style.SELECTION)
        self.band.setPen(QPen(color, 1.0, Qt.PenStyle.DashLine))
        color.setAlpha(30)
        self.band.setBrush(color)
        self.band.setZValue(10)
        self.band.setVisible(False)
        scene.addItem(self.band)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        rect = QRectF(self.start, event.scenePos()).normalized()
        self.band.setRect(rect)
        self.band.setVisible(True)
        inside = [i for i, item in self.scene.nodes.items() if item.scene_rect().intersects(rect)]
        self.scene.select(self.before + [i for i in inside if i not in self.before])

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene.removeItem(self.band)

    def cancel(self) -> None:
        self.scene.removeItem(self.band)
        self.scene.select(self.before)
