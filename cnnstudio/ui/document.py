"""The open network as the GUI sees it: the core model, its analysis, undo stack and selection.

Views never hold graph state of their own and never write the model: they read
:attr:`Document.network` and :attr:`Document.summary` and follow the document's signals, one per
kind of change, each naming what it touched.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..core import Analyzer, Network, Summary, preset
from ..core.events import (
    ANALYSED,
    EdgesChanged,
    NetworkEvent,
    NetworkRenamed,
    NetworkReplaced,
    NodeAdded,
    NodeChanged,
    NodeMoved,
    NodeRemoved,
    NodeRenamed,
)
from ..core.layout import place_unplaced
from ..core.rows import LayerRow


class Document(QObject):
    """One open network.

    Every edit is recorded on :attr:`undo_stack` by :func:`~cnnstudio.ui.commands.execute` or
    :class:`~cnnstudio.ui.commands.EditMacro`, each edit calling one
    :class:`~cnnstudio.core.Network` method. The network tells the document what changed; the
    document re-analyses once per undo step (with an :class:`~cnnstudio.core.Analyzer` of its
    own, which reuses every row an edit did not touch) and tells the views.

    Every node has a position while it is in a document: a network is laid out when it is
    opened (:func:`~cnnstudio.core.layout.place_unplaced`) and each added node is given one.

    Signals
    -------
    node_added(str), node_removed(str), node_changed(str), node_renamed(str), node_moved(str)
        A node was added, removed, had a setting changed, renamed, or moved; its id.
    edges_changed(tuple)
        The inputs of these nodes changed.
    network_renamed()
        The network's own name changed (nothing else did).
    network_replaced()
        Another network was opened into the document.
    network_event(object)
        Every change above, as the core's typed event (:mod:`cnnstudio.core.events`).
    summary_changed()
        :attr:`summary` was recomputed (after every edit, undo and redo that changed the graph).
    selection_changed()
        :attr:`selected_ids` changed.
    display_changed()
        The shape notation or MACs/FLOPs toggle changed.
    title_changed()
        The file path, the network's name or the modified flag changed.
    editable_changed(bool)
        Editing was locked (while training) or unlocked.
    locked_layers_changed()
        :attr:`locked_layers` changed (an exercise locked some layers, or ended).
    status_message(str)
        A short message for the status bar (e.g. why a connection was refused).
    """

    node_added = Signal(str)
    node_removed = Signal(str)
    node_changed = Signal(str)
    node_renamed = Signal(str)
    node_moved = Signal(str)
    edges_changed = Signal(object)
    network_renamed = Signal()
    network_replaced = Signal()
    network_event = Signal(object)
    summary_changed = Signal()
    selection_changed = Signal()
    display_changed = Signal()
    title_changed = Signal()
    editable_changed = Signal(bool)
    locked_layers_changed = Signal()
    status_message = Signal(str)

    def __init__(self, network: Network | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.network = network if network is not None else preset("lenet5")
        place_unplaced(self.network)
        self.analyzer = Analyzer()
        self.summary: Summary = self.analyzer.summarize(self.network)
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self.selected_ids: list[str] = []
        self.shape_order = "hwc"
        self.show_flops = False
        self._editable = True
        self.locked_layers: dict[str, str] = {}
        """Layers an exercise locked: node id -> why it cannot be changed (see
        :meth:`set_locked_layers`)."""
        self._dirty = False
        self.network.subscribe(self._on_network_event)
        self.undo_stack.indexChanged.connect(self.refresh)
        self.undo_stack.cleanChanged.connect(self.title_changed)

    # -- edits --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-analyse the network if it changed since the last analysis."""
        if not self._dirty:
            return
        self._dirty = False
        self.summary = self.analyzer.summarize(self.network)
        if any(i not in self.network for i in self.selected_ids):
            self.selected_ids = [i for i in self.selected_ids if i in self.network]
            self.selection_changed.emit()
        self.summary_changed.emit()

    def replace_network(self, network: Network, path: Path | None = None) -> None:
        """Show *network* instead (opening a file or a preset); clears undo history and
        unlocks every layer.

        Nodes of *network* without a position are laid out first (in *network* itself, before
        any view sees it).
        """
        self.undo_stack.clear()
        self.selected_ids = []
        self.set_locked_layers({})  # the locks were on the layers of the network that goes
        place_unplaced(network)
        self.path = path  # before the views hear of the new network: its file is part of it
        self.network.replace_with(network)
        self.refresh()
        self.undo_stack.setClean()
        self.selection_changed.emit()
        self.title_changed.emit()

    def _on_network_event(self, event: NetworkEvent) -> None:
        if isinstance(event, ANALYSED):
            self._dirty = True
        match event:
            case NodeAdded(node_id):
                self.node_added.emit(node_id)
            case NodeRemoved(node_id):
                self.node_removed.emit(node_id)
            case NodeChanged(node_id):
                self.node_changed.emit(node_id)
            case NodeRenamed(node_id):
                self.node_renamed.emit(node_id)
            case NodeMoved(node_id):
                self.node_moved.emit(node_id)
            case EdgesChanged(node_ids):
                self.edges_changed.emit(node_ids)
            case NetworkRenamed():
                self.summary = replace(self.summary, name=self.network.name)
                self.network_renamed.emit()
                self.title_changed.emit()
            case NetworkReplaced():
                self.network_replaced.emit()
        self.network_event.emit(event)

    # -- state --------------------------------------------------------------------------------

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        """Record that the network was saved to *path*."""
        self.path = path
        self.undo_stack.setClean()
        self.title_changed.emit()

    @property
    def display_name(self) -> str:
        """The file name, or the network's name when it was never saved."""
        return self.path.name if self.path else self.network.name

    def row(self, node_id: str) -> LayerRow | None:
        """The top-level table row of *node_id* (None if it has none)."""
        return self.summary.get(node_id)

    def set_selection(self, node_ids: list[str]) -> None:
        """Select exactly *node_ids* (in every view)."""
        node_ids = [i for i in node_ids if i in self.network]
        if node_ids != self.selected_ids:
            self.selected_ids = node_ids
            self.selection_changed.emit()

    def set_shape_order(self, order: str) -> None:
        """``"hwc"`` (the lecture's H x W x C) or ``"chw"`` (PyTorch's)."""
        if order != self.shape_order:
            self.shape_order = order
            self.display_changed.emit()

    def set_show_flops(self, flops: bool) -> None:
        """Show FLOPs (2 x MACs) instead of MACs."""
        if flops != self.show_flops:
            self.show_flops = flops
            self.display_changed.emit()

    @property
    def editable(self) -> bool:
        return self._editable

    def set_locked_layers(self, locked: dict[str, str]) -> None:
        """Lock these layers (node id -> the reason, a sentence): the commands refuse to delete,
        rename or change the settings of a locked layer, and say the reason; wiring around it
        stays free. An empty dict unlocks every layer."""
        locked = {node_id: why for node_id, why in locked.items() if node_id in self.network}
        if locked != self.locked_layers:
            self.locked_layers = locked
            self.locked_layers_changed.emit()

    def set_editable(self, editable: bool) -> None:
        """Lock (False) or unlock editing; locked while a training run uses the network."""
        if editable != self._editable:
            self._editable = editable
            self.editable_changed.emit(editable)


__all__ = ["Document"]
