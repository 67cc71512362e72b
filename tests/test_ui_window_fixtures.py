"""Helpers shared by the main-window tests (test_ui_*.py and test_app*.py).

Every window test runs with its own home folder (:func:`private_home`, used by an autouse
fixture in each module), so no test reads or writes the real user's settings or recovery files.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QUndoCommand

QT_OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
"""The offscreen platform warns whenever a main window lays out its docks; harmless."""


@contextmanager
def private_home(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A private home folder: settings and recovery files land under *tmp_path*."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    try:
        yield home
    finally:
        QStandardPaths.setTestModeEnabled(False)


class SetParam(QUndoCommand):
    """One parameter edit, as the inspector pushes it."""

    def __init__(self, network, node_id: str, key: str, value) -> None:
        super().__init__(f"set {key}")
        self.network, self.node_id, self.key, self.value = network, node_id, key, value
        self.old = None

    def redo(self) -> None:
        self.old = self.network.set_param(self.node_id, self.key, self.value)

    def undo(self) -> None:
        self.network.set_param(self.node_id, self.key, self.old)


def set_param(document, layer: str, key: str, value) -> None:
    """Push an edit of *layer*'s *key* onto *document*'s undo stack."""
    node = document.network.find(layer)
    document.push(SetParam(document.network, node.id, key, value))


def make_window(qtbot, network=None, path=None, **kwargs):
    """A shown MainWindow that the test tears down without an unsaved-changes prompt."""
    from cnnstudio.ui import MainWindow

    window = MainWindow(network, path, **kwargs)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    return window
