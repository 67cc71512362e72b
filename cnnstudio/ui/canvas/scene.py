"""The editable diagram of the open network.

:class:`DiagramScene` follows the :class:`~cnnstudio.ui.document.Document`: it adds, removes and
moves items as the network tells it, refreshes the texts of the boxes and edges when the
summary changes (without rebuilding anything), and mirrors the selection both ways. Mouse
gestures are handed to small interaction objects (:mod:`.interactions`); drops from the palette
become edits (:mod:`.edits`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneDragDropEvent, QGraphicsSceneMouseEvent

from ..commands import LOCKED_MESSAGE
from ..document import Document
from . import edits
from .base_scene import GraphScene
from .edge_item import EdgeItem
from .interactions import Interaction, start_interaction
from .labels import edge_label, node_labels
from .layout import place_unplaced
from .mime import BLOCK_MIME, BlockMimeError, parse_block_mime
from .node_item import NodeItem
from .style import COLUMN_WIDTH, ROW_HEIGHT

STRUCTURAL_EVENTS = ("node_added", "node_removed", "edges_changed", "reset")


class DiagramScene(GraphScene):
    """The network as boxes and edges, kept in step with *document*.

    Signals
    -------
    block_open_requested(str)
        A composite block (residual, inception) was double-clicked: show its inside.
    network_placed()
        A newly opened network has been laid out (the view fits it to the window).
    """

    block_open_requested = Signal(str)
    network_placed = Signal()

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.interaction: Interaction | None = None
        self._syncing_selection = False
        self._reset_pending = False
        self._structure_changed = False
        self._tidy_timer = QTimer(self)
        self._tidy_timer.setSingleShot(True)
        self._tidy_timer.setInterval(0)
        self._tidy_timer.timeout.connect(self.tidy)
        place_unplaced(document.network, COLUMN_WIDTH, ROW_HEIGHT)
        self._sync_all()
        self.refresh_labels()
        self._selection_from_document()
        document.network_event.connect(self._on_network_event)
        document.summary_changed.connect(self._on_summary_changed)
        document.display_changed.connect(self.refresh_labels)
        document.selection_changed.connect(self._selection_from_document)
        self.selectionChanged.connect(self._selection_to_document)

    # -- following the document -------------------------------------------------------------------

    def _on_network_event(self, event: str, node_id: str | None) -> None:
        if event in STRUCTURAL_EVENTS:
            self._structure_changed = True
        if event == "node_added":
            self._add_node_item(node_id)
            self._sync_edges()
        elif event == "node_removed":
            self._remove_node_item(node_id)
        elif event == "node_moved":
            self._move_node_item(node_id)
        elif event == "edges_changed":
            self._sync_edges()
        elif event == "reset":
            self._reset()

    def _on_summary_changed(self) -> None:
        network = self.document.network
        if any(node.pos is None for node in network.nodes):
            place_unplaced(network, COLUMN_WIDTH, ROW_HEIGHT)
        self.refresh_labels()
        if self._structure_changed:
            self.tidy()
        if self._reset_pending:
            self._reset_pending = False
            self.network_placed.emit()

    def _reset(self) -> None:
        """Another network was opened into the document (or the network was renamed)."""
        network = self.document.network
        before = {node_id: item.labels.type_id for node_id, item in self.nodes.items()}
        if before != {node.id: node.type for node in network.nodes}:
            for node_id in list(self.nodes):
                self._remove_node_item(node_id)
            self._reset_pending = True
        self._sync_all()

    def _sync_all(self) -> None:
        network = self.document.network
        for node_id in [i for i in self.nodes if i not in network]:
            self._remove_node_item(node_id)
        for node in network.nodes:
            if node.id not in self.nodes:
                self._add_node_item(node.id)
            else:
                self._move_node_item(node.id)
        self._sync_edges()
        self.tidy()

    def _add_node_item(self, node_id: str) -> None:
        node = self.document.network.node(node_id)
        labels = node_labels(
            node.name, node.type, node.params, None, self.document.shape_order, self.document.show_flops
        )
        item = NodeItem(node_id, labels, has_input=node.block.max_inputs != 0)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        item.setPos(QPointF(*(node.pos or (0.0, 0.0))))
        self.nodes[node_id] = item
        self.addItem(item)

    def add_edge_item(self, src: str, dst: str, index: int, count: int) -> EdgeItem:
        edge = super().add_edge_item(src, dst, index, count)
        edge.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        return edge

    def _remove_node_item(self, node_id: str) -> None:
        item = self.nodes.pop(node_id, None)
        if item is None:
            return
        for edge in list(item.edges_in + item.edges_out):
            self.remove_edge_item(edge.key)
        self.removeItem(item)

    def _move_node_item(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        pos = self.document.network.node(node_id).pos
        if item is None or pos is None or (item.pos().x(), item.pos().y()) == pos:
            return
        item.setPos(QPointF(*pos))
        self.reroute_node(item)
        self._tidy_timer.start()

    def _sync_edges(self) -> None:
        wanted = {}
        for node in self.document.network.nodes:
            for index, src in enumerate(node.inputs):
                if src in self.nodes and node.id in self.nodes:
                    wanted[(src, node.id)] = (index, len(node.inputs))
        for key in [k for k in self.edges if k not in wanted]:
            self.remove_edge_item(key)
        for key, (index, count) in wanted.items():
            edge = self.edges.get(key)
            if edge is None:
                edge = self.add_edge_item(key[0], key[1], index, count)
            elif (edge.index, edge.count) != (index, count):
                edge.index, edge.count = index, count
                edge.update_path()
        for node_id, item in self.nodes.items():
            item.set_input_count(len(self.document.network.node(node_id).inputs))

    def refresh_labels(self) -> None:
        """Update every box's and edge's texts from the summary; repaints only what changed."""
        document = self.document
        network, order, flops = document.network, document.shape_order, document.show_flops
        rows = {row.node_id: row for row in document.summary.rows}
        for node_id, item in self.nodes.items():
            node = network.node(node_id)
            row = rows.get(node_id)
            labels = node_labels(node.name, node.type, node.params, row, order, flops, node.block.composite)
            item.set_labels(labels)
        for (src, _), edge in self.edges.items():
            edge.set_label(edge_label(rows.get(src), order))

    def tidy(self) -> None:
        """Reroute every edge and resize the scrollable area (after structural changes)."""
        self._tidy_timer.stop()
        self._structure_changed = False
        self.reroute()
        self.fit_scene_rect()

    # -- selection ------------------------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        """Selected nodes, in network order."""
        chosen = {item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)}
        return [node.id for node in self.document.network.nodes if node.id in chosen]

    def selected_edges(self) -> list[tuple[str, str]]:
        return [item.key for item in self.selectedItems() if isinstance(item, EdgeItem)]

    def select(self, node_ids, edges=(), add: bool = False) -> None:
        """Select exactly these nodes and edges (or add them to the selection)."""
        node_ids, edges = set(node_ids), set(edges)
        self._syncing_selection = True
        try:
            for node_id, item in self.nodes.items():
                if node_id in node_ids or not add:
                    item.setSelected(node_id in node_ids or (add and item.isSelected()))
            for key, edge in self.edges.items():
                if key in edges or not add:
                    edge.setSelected(key in edges or (add and edge.isSelected()))
        finally:
            self._syncing_selection = False
        self._selection_to_document()

    def _selection_to_document(self) -> None:
        if not self._syncing_selection:
            self.document.set_selection(self.selected_node_ids())

    def _selection_from_document(self) -> None:
        wanted = set(self.document.selected_ids)
        if wanted == set(self.selected_node_ids()):
            return
        self._syncing_selection = True
        try:
            for node_id, item in self.nodes.items():
                item.setSelected(node_id in wanted)
            for edge in self.edges.values():
                edge.setSelected(False)
        finally:
            self._syncing_selection = False

    # -- editing helpers for the interactions ----------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.document.editable

    def say(self, message: str) -> None:
        """Show *message* in the status bar."""
        self.document.status_message.emit(message)

    def refuse_locked(self) -> bool:
        """Tell the student editing is locked, if it is; returns whether it was."""
        if self.document.editable:
            return False
        self.say(LOCKED_MESSAGE)
        return True

    # -- mouse ------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.interaction is None:
            self.interaction = start_interaction(self, event)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.interaction is not None:
            self.interaction.mouse_move(event)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.interaction is not None:
            interaction, self.interaction = self.interaction, None
            interaction.mouse_release(event)
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self.node_at(event.scenePos())
        if node is not None and node.labels.composite:
            self.block_open_requested.emit(node.node_id)
            event.accept()
            return
        self.mousePressEvent(event)

    def cancel_interaction(self) -> bool:
        """Stop the gesture in progress (Esc); returns whether there was one."""
        if self.interaction is None:
            return False
        interaction, self.interaction = self.interaction, None
        interaction.cancel()
        return True

    # -- drops from the palette ------------------------------------------------------------------

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if event.mimeData().hasFormat(BLOCK_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not event.mimeData().hasFormat(BLOCK_MIME):
            event.ignore()
            return
        target = self.edge_near(event.scenePos())
        for edge in self.edges.values():
            edge.set_drop_target(edge is target)
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        for edge in self.edges.values():
            edge.set_drop_target(False)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        for edge in self.edges.values():
            edge.set_drop_target(False)
        if not event.mimeData().hasFormat(BLOCK_MIME):
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_block(bytes(event.mimeData().data(BLOCK_MIME)), event.scenePos())

    def drop_block(self, raw: bytes, pos: QPointF) -> str | None:
        """Add the dragged block at *pos*: into the edge there, or after the one selected node."""
        try:
            type_id, overrides = parse_block_mime(raw)
        except BlockMimeError as error:
            self.say(f"Cannot add that here: {error}")
            return None
        point = (pos.x(), pos.y())
        edge = self.edge_near(pos)
        if edge is not None:
            src, dst = edge.key
            return edits.insert_block(self.document, type_id, overrides, src, dst)
        selected = self.document.selected_ids
        after = selected[0] if len(selected) == 1 else None
        return edits.add_block(self.document, type_id, overrides, point, after)
