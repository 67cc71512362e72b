"""The open network as the GUI sees it: the core model, its analysis, undo stack and selection.

Views never hold graph state of their own: they read :attr:`Document.network` and
:attr:`Document.summary` and redraw when told.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core import Network, Summary, preset, summarize
from ..core.analysis import LayerRow


class Document(QObject):
    """One open network.

    Every edit goes through :meth:`push` as a ``QUndoCommand`` whose ``redo``/``undo`` each
    call one :class:`~cnnstudio.core.Network` method. The network tells the document what
    changed; the document re-analyses once per undo step and tells the views.

    Signals
    -------
    network_event(str, object)
        Forwarded from the core as the edit happens: ``node_added``, ``node_removed``,
        ``node_changed``, ``node_moved``, ``edges_changed`` or ``reset``, with the node id or None.
    summary_changed()
        :attr:`summary` was recomputed (after every edit, undo and redo that changed the graph).
    selection_changed()
        :attr:`selected_ids` changed.
    display_changed()
        The shape notation or MACs/FLOPs toggle changed.
    title_changed()
        The file path or the modified flag changed.
    editable_changed(bool)
        Editing was locked (while training) or unlocked.
    status_message(str)
        A short message for the status bar (e.g. why a connection was refused).
    """

    network_event = Signal(str, object)
    summary_changed = Signal()
    selection_changed = Signal()
    display_changed = Signal()
    title_changed = Signal()
    editable_changed = Signal(bool)
    status_message = Signal(str)

    def __init__(self, network: Network | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.network = network if network is not None else preset("lenet5")
        self.summary: Summary = summarize(self.network)
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self.selected_ids: list[str] = []
        self.shape_order = "hwc"
        self.show_flops = False
        self._editable = True
        self._dirty = False
        self.network.subscribe(self._on_network_event)
        self.undo_stack.indexChanged.connect(self.refresh)
        self.undo_stack.cleanChanged.connect(self.title_changed)

    # -- edits --------------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> None:
        """Run *command* (its ``redo``) and record it for undo."""
        self.undo_stack.push(command)
        self.refresh()

    def refresh(self) -> None:
        """Re-analyse the network if it changed since the last analysis."""
        if not self._dirty:
            return
        self._dirty = False
        self.summary = summarize(self.network)
        if any(i not in self.network for i in self.selected_ids):
            self.selected_ids = [i for i in self.selected_ids if i in self.network]
            self.selection_changed.emit()
        self.summary_changed.emit()

    def replace_network(self, network: Network, path: Path | None = None) -> None:
        """Show *network* instead (opening a file or a preset); clears undo history."""
        self.undo_stack.clear()
        self.selected_ids = []
        self.network.replace_with(network)
        self.path = path
        self.refresh()
        self.undo_stack.setClean()
        self.selection_changed.emit()
        self.title_changed.emit()

    def _on_network_event(self, event: str, node_id: str | None) -> None:
        if event != "node_moved":
            self._dirty = True
        self.network_event.emit(event, node_id)

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
        return next((r for r in self.summary.rows if r.node_id == node_id), None)

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

    def set_editable(self, editable: bool) -> None:
        """Lock (False) or unlock editing; locked while a training run uses the network."""
        if editable != self._editable:
            self._editable = editable
            self.editable_changed.emit(editable)


def document_for(name: str | None) -> Document:
    """A document holding a preset or file (LeNet-5 when *name* is None)."""
    from .. import load

    return Document(load(name) if name else None)


__all__ = ["Document", "document_for"]
