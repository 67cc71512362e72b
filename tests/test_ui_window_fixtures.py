"""Helpers still imported by test_ui_files.py and the training UI tests.

The same helpers are conftest fixtures now (``home``, ``make_window``, ``set_param``), which the
other window tests use; this module goes once those modules take the fixtures too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from cnnstudio.ui.commands import SetParamCommand, execute

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


def set_param(document, layer: str, key: str, value) -> None:
    """Edit *layer*'s *key* through the undo stack, as the inspector does."""
    node = document.network.find(layer)
    assert execute(document, SetParamCommand(document.network, node.id, key, value))


def make_window(qtbot, network=None, path=None, **kwargs):
    """A shown MainWindow that the test tears down without an unsaved-changes prompt."""
    from cnnstudio.ui import MainWindow

    window = MainWindow(network, path, **kwargs)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    return window
