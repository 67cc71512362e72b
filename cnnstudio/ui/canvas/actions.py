"""The canvas's menu actions: cut, copy, paste, duplicate, delete, select all, zoom, layout.

The window puts them in its Edit and View menus. Their shortcuts work wherever the focus is in
the window (the table, the inspector, a dock): Del deletes the selected layers whether they were
picked on the canvas or in the table. Inside a text field the field's own keys win (Del deletes
a character, Ctrl+C copies text), as Qt's text fields claim their editing keys first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from .block_scene import read_only_message
from .clipboard import clipboard_text, copy_to_clipboard, nodes_text, paste_text
from .edits import auto_layout, delete
from .style import PASTE_OFFSET

if TYPE_CHECKING:
    from .view import CanvasView


class CanvasActions(QObject):
    """Creates the canvas's QActions and carries them out on *view*'s document."""

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.view = view
        self._last_paste = ("", 0)
        self.cut = self._action(
            self.tr("Cu&t"),
            QKeySequence.StandardKey.Cut,
            self.cut_selection,
            self.tr("Cut the selected layers"),
        )
        self.copy = self._action(
            self.tr("&Copy"),
            QKeySequence.StandardKey.Copy,
            self.copy_selection,
            self.tr("Copy the selected layers"),
        )
        self.paste = self._action(
            self.tr("&Paste"), QKeySequence.StandardKey.Paste, self.paste_clipboard, self.tr("Paste layers")
        )
        self.duplicate = self._action(
            self.tr("Dupl&icate"),
            QKeySequence("Ctrl+D"),
            self.duplicate_selection,
            self.tr("Duplicate the selected layers"),
        )
        self.delete = self._action(
            self.tr("&Delete"),
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)],
            self.delete_selection,
            self.tr("Delete the selected layers and connections"),
        )
        self.select_all = self._action(
            self.tr("Select &All"),
            QKeySequence.StandardKey.SelectAll,
            self.select_everything,
            self.tr("Select every layer"),
        )
        self.zoom_in = self._action(
            self.tr("Zoom &In"),
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
            lambda: view.zoom_by(1.25),
            self.tr("Zoom in"),
        )
        self.zoom_out = self._action(
            self.tr("Zoom &Out"), QKeySequence("Ctrl+-"), lambda: view.zoom_by(0.8), self.tr("Zoom out")
        )
        self.zoom_fit = self._action(
            self.tr("Zoom to &Fit"),
            QKeySequence("Ctrl+0"),
            view.fit_to_window,
            self.tr("Show the whole diagram"),
        )
        self.auto_layout = self._action(
            self.tr("Auto La&yout"),
            QKeySequence("Ctrl+L"),
            self.layout_network,
            self.tr("Arrange the layers top to bottom, a long network in columns side by side"),
        )
        QGuiApplication.clipboard().dataChanged.connect(self.update_enabled)
        view.document.selection_changed.connect(self.update_enabled)
        view.diagram_scene.selectionChanged.connect(self.update_enabled)
        self.update_enabled()

    def _action(self, text: str, keys, slot, tip: str) -> QAction:
        action = QAction(text, self.view)
        if isinstance(keys, list):
            action.setShortcuts(keys)
        else:
            action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def edit_actions(self) -> list[QAction]:
        return [self.cut, self.copy, self.paste, self.duplicate, self.delete, self.select_all]

    def view_actions(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.zoom_fit, self.auto_layout]

    def update_enabled(self) -> None:
        scene = self.view.diagram_scene
        if not shiboken6.isValid(scene):  # the scene says goodbye while the window closes
            return
        has_nodes = bool(scene.selected_node_ids())
        for action in (self.cut, self.copy, self.duplicate):
            action.setEnabled(has_nodes)
        self.delete.setEnabled(has_nodes or bool(scene.selected_edges()))
        self.paste.setEnabled(clipboard_text() is not None)

    # -- carrying them out ------------------------------------------------------------------------

    def _refuse_in_block(self) -> bool:
        if self.view.current_block is None:
            return False
        self.view.document.status_message.emit(read_only_message())
        return True

    def copy_selection(self) -> bool:
        ids = self.view.diagram_scene.selected_node_ids()
        if self._refuse_in_block() or not ids:
            return False
        copy_to_clipboard(self.view.document.network, ids)
        self._last_paste = ("", 0)
        return True

    def cut_selection(self) -> None:
        if self.copy_selection():
            self.delete_selection()

    def paste_clipboard(self) -> list[str]:
        text = clipboard_text()
        if self._refuse_in_block():
            return []
        if text is None:
            self.view.document.status_message.emit(self.tr("The clipboard holds no layers to paste"))
            return []
        count = self._last_paste[1] + 1 if self._last_paste[0] == text else 1
        self._last_paste = (text, count)
        return paste_text(self.view.document, text, PASTE_OFFSET * count)

    def duplicate_selection(self) -> list[str]:
        ids = self.view.diagram_scene.selected_node_ids()
        if self._refuse_in_block() or not ids:
            return []
        return paste_text(self.view.document, nodes_text(self.view.document.network, ids), PASTE_OFFSET)

    def delete_selection(self) -> bool:
        scene = self.view.diagram_scene
        ids, edges = scene.selected_node_ids(), scene.selected_edges()
        if self._refuse_in_block() or not (ids or edges):
            return False
        return delete(self.view.document, ids, edges)

    def select_everything(self) -> None:
        if self.view.current_block is None:
            scene = self.view.diagram_scene
            scene.select(list(scene.nodes))

    def layout_network(self) -> bool:
        if self._refuse_in_block():
            return False
        return auto_layout(self.view.document)
