"""The editable diagram of the open network.

:class:`DiagramScene` follows the :class:`~cnnstudio.ui.document.Document` and never writes the
network: it adds, removes and moves items as the document's signals say, one node at a time,
refreshes the texts of only the boxes and edges whose rows changed when the summary changes,
and mirrors the selection both ways. A large network that is opened is drawn a slice at a time
between events, so the window keeps answering. Mouse gestures are handed to small interaction
objects (:mod:`.interactions`); drops from the palette become edits (:mod:`.edits`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneDragDropEvent, QGraphicsSceneMouseEvent

from ...core import block_type
from ...core.layout import ROW_HEIGHT, chain_end_above, nearest_free
from ..commands import locked_message
from ..document import Document
from . import edits
from .base_scene import GraphScene
from .edge_item import EdgeItem
from .interactions import Interaction, start_interaction
from .labels import edge_label, node_labels
from .mime import BLOCK_MIME, BlockMimeError, parse_block_mime
from .node_item import NodeItem

BUILD_SLICE = 250
"""Nodes drawn per turn of the event loop while a large network is opened."""


class DiagramScene(GraphScene):
    """The network as boxes and edges, kept in step with *document*.

    Attributes
    ----------
    building : bool
        True while a newly opened network is still being drawn, a slice at a time.

    Signals
    -------
    block_open_requested(str)
        A composite block (residual, inception) was double-clicked: show its inside.
    network_placed()
        A newly opened network has been drawn completely (the view fits it to the window).
    """

    block_open_requested = Signal(str)
    network_placed = Signal()

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.interaction: Interaction | None = None
        self.building = False
        self._syncing_selection = False
        self._shown_rows: dict[str, object] = {}
        self._drop_target: EdgeItem | None = None
        self._to_build: list[str] = []
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_slice)
        document.node_added.connect(self._on_node_added)
        document.node_removed.connect(self._on_node_removed)
        document.node_moved.connect(self._on_node_moved)
        document.edges_changed.connect(self._on_edges_changed)
        document.network_replaced.connect(self._build)
        document.summary_changed.connect(self._on_summary_changed)
        document.display_changed.connect(self.refresh_labels)
        document.locked_layers_changed.connect(self.refresh_labels)  # an exercise's padlocks
        document.selection_changed.connect(self._selection_from_document)
        self.selectionChanged.connect(self._selection_to_document)
        self._build()

    # -- following the document -------------------------------------------------------------------

    def _build(self) -> None:
        """Draw the whole network anew (at start and when another network is opened)."""
        self.cancel_interaction()
        self.clear_items()
        self._shown_rows.clear()
        self._to_build = [node.id for node in reversed(self.document.network.nodes)]
        if len(self._to_build) <= BUILD_SLICE:
            self._build_slice()
            return
        self.building = True
        self._build_timer.start()

    def _build_slice(self) -> None:
        network = self.document.network
        for _ in range(min(BUILD_SLICE, len(self._to_build))):
            node_id = self._to_build.pop()
            if node_id in network and node_id not in self.nodes:
                self._add_node(node_id)
        if self._to_build:
            return
        self._build_timer.stop()
        self.building = False
        self.fit_scene_rect()
        self._selection_from_document()
        self.network_placed.emit()

    def _on_node_added(self, node_id: str) -> None:
        if node_id not in self.nodes:
            self._add_node(node_id)
            self.fit_scene_rect()

    def _on_node_removed(self, node_id: str) -> None:
        self.remove_node_item(node_id)
        self._shown_rows.pop(node_id, None)

    def _on_node_moved(self, node_id: str) -> None:
        pos = self.document.network.node(node_id).pos
        if node_id in self.nodes and pos is not None:
            self.move_node_item(node_id, pos)
            self.fit_scene_rect()

    def _on_edges_changed(self, node_ids: tuple[str, ...]) -> None:
        for node_id in node_ids:
            if node_id in self.nodes:
                self._sync_inputs(node_id)

    def _on_summary_changed(self) -> None:
        self._refresh_changed_labels()

    def _add_node(self, node_id: str) -> None:
        """Draw node *node_id* with the edges between it and the nodes already drawn."""
        network = self.document.network
        node = network.node(node_id)
        item = NodeItem(node_id, self._labels(node_id), has_input=node.block.max_inputs != 0)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.add_node_item(node_id, item, node.pos or (0.0, 0.0))
        self._sync_inputs(node_id)
        for consumer, _ in network.consumers(node_id):
            if consumer in self.nodes:
                self._sync_inputs(consumer)

    def add_edge_item(self, src: str, dst: str, index: int, count: int) -> EdgeItem:
        edge = super().add_edge_item(src, dst, index, count)
        edge.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        edge.set_label(edge_label(self.document.row(src), self.document.shape_order))
        return edge

    def _sync_inputs(self, node_id: str) -> None:
        """Make the edges drawn into *node_id* the ones the network has (of drawn sources)."""
        inputs = self.document.network.node(node_id).inputs
        item = self.nodes[node_id]
        wanted = {
            (src, node_id): (index, len(inputs)) for index, src in enumerate(inputs) if src in self.nodes
        }
        for edge in list(item.edges_in):
            if edge.key not in wanted:
                self.remove_edge_item(edge.key)
        for key, (index, count) in wanted.items():
            edge = self.edges.get(key)
            if edge is None:
                self.add_edge_item(key[0], node_id, index, count)
            elif (edge.index, edge.count) != (index, count):
                edge.index, edge.count = index, count
                self.reroute([edge])
        item.set_input_count(len(inputs))

    def _labels(self, node_id: str):
        document = self.document
        node = document.network.node(node_id)
        row = document.row(node_id)
        self._shown_rows[node_id] = row
        labels = node_labels(
            node.name,
            node.type,
            node.params,
            row,
            document.shape_order,
            document.show_flops,
            node.block.composite,
        )
        labels.locked = document.locked_layers.get(node_id, "")
        return labels

    def refresh_labels(self) -> None:
        """Update every box's and edge's texts (the display settings changed)."""
        self._shown_rows.clear()
        self._refresh_changed_labels()

    def _refresh_changed_labels(self) -> None:
        """Update the texts of the boxes whose rows changed, and of the edges leaving them.

        The analysis reuses the row of every layer an edit did not touch, so comparing row
        identities finds the changed ones; only those repaint.
        """
        summary, order = self.document.summary, self.document.shape_order
        for node_id, item in self.nodes.items():
            row = summary.get(node_id)
            if row is not None and row is self._shown_rows.get(node_id):
                continue
            item.set_labels(self._labels(node_id))
            label = edge_label(row, order)
            for edge in item.edges_out:
                edge.set_label(label)

    def tidy(self) -> None:
        """Resize the scrollable area to the diagram."""
        self.fit_scene_rect()

    # -- selection ------------------------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        """Selected nodes, in network order."""
        chosen = {item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)}
        if len(chosen) <= 1:
            return list(chosen)
        return [node.id for node in self.document.network.nodes if node.id in chosen]

    def selected_edges(self) -> list[tuple[str, str]]:
        return [item.key for item in self.selectedItems() if isinstance(item, EdgeItem)]

    def select(self, node_ids, edges=(), add: bool = False) -> None:
        """Select exactly these nodes and edges (or add them to the selection)."""
        wanted = {self.nodes[i] for i in node_ids if i in self.nodes}
        wanted.update(self.edges[key] for key in edges if key in self.edges)
        self._set_selected(wanted, keep=add)
        self._selection_to_document()

    def _set_selected(self, wanted: set[QGraphicsItem], keep: bool = False) -> None:
        """Select the items *wanted*; unselect the others unless *keep*. Touches only changes."""
        self._syncing_selection = True
        try:
            if not keep:
                for item in self.selectedItems():
                    if item not in wanted:
                        item.setSelected(False)
            for item in wanted:
                if not item.isSelected():
                    item.setSelected(True)
        finally:
            self._syncing_selection = False

    def _selection_to_document(self) -> None:
        if not self._syncing_selection:
            self.document.set_selection(self.selected_node_ids())

    def _selection_from_document(self) -> None:
        wanted = set(self.document.selected_ids)
        if wanted == {item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)}:
            return
        self._set_selected({self.nodes[i] for i in wanted if i in self.nodes})

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
        self.say(locked_message())
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
        self._show_drop_target(self.edge_near(event.scenePos()))
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._show_drop_target(None)

    def _show_drop_target(self, edge: EdgeItem | None) -> None:
        """Highlight *edge* as the one a drop would insert into (and no other)."""
        before = self._drop_target
        if before is not None and before is not edge and self.edges.get(before.key) is before:
            before.set_drop_target(False)
        if edge is not None:
            edge.set_drop_target(True)
        self._drop_target = edge

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._show_drop_target(None)
        if not event.mimeData().hasFormat(BLOCK_MIME):
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_block(bytes(event.mimeData().data(BLOCK_MIME)), event.scenePos())

    def drop_block(self, raw: bytes, pos: QPointF) -> str | None:
        """Add the dragged block at *pos*: into the edge there; else after the one selected node,
        or after the end of the network when dropped just below it; never on top of a box."""
        try:
            type_id, overrides = parse_block_mime(raw)
        except BlockMimeError as error:
            self.say(self.tr("Cannot add that here: {why}").format(why=error))
            return None
        edge = self.edge_near(pos)
        if edge is not None:
            src, dst = edge.key
            return edits.insert_block(self.document, type_id, overrides, src, dst)
        network = self.document.network
        point = (pos.x(), pos.y())
        selected = self.document.selected_ids
        after = selected[0] if len(selected) == 1 else None
        end = None
        if after is None and block_type(type_id).max_inputs != 0:
            end = chain_end_above(network, point, self._open_ends())
        if end is not None:
            x, y = network.node(end).pos
            after, point = end, (x, y + ROW_HEIGHT)  # in line below it, as its column runs
        new = edits.add_block(self.document, type_id, overrides, nearest_free(network, point), after)
        if new is not None and end is not None:
            self.say(
                self.tr("{layer} follows {previous}: it was dropped just below it").format(
                    layer=network.node(new).name, previous=network.node(end).name
                )
            )
        return new

    def _open_ends(self) -> list[str]:
        """The layers of the network proper that feed nothing yet (the output, loose ends)."""
        network, document = self.document.network, self.document
        return [
            node.id
            for node in network.nodes
            if not network.consumers(node.id) and not getattr(document.row(node.id), "dangling", True)
        ]
