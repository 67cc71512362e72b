"""Every fault through the real window: File > Open, Paste and crash recovery each say what is
wrong once, and the open network, its undo history and its unsaved state stay as they were."""

from __future__ import annotations

import json
import os
import time

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QSettings, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cnnstudio.core import preset
from cnnstudio.core.fileformat import dumps
from cnnstudio.ui.canvas.mime import NODES_MIME
from cnnstudio.ui.commands import SetParamCommand, execute
from cnnstudio.ui.recovery import UNREADABLE_SUFFIX
from cnnstudio.ui.settings import recovery_dir


class Dialogs:
    """Stands in for every QMessageBox and the open-file dialog; records what was shown."""

    def __init__(self, monkeypatch) -> None:
        self.shown: list[tuple[str, str]] = []
        for kind in ("critical", "warning", "question", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind: str):
        def record(_parent, _title, text, *args, **kwargs):
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Cancel

        return staticmethod(record)

    def choose_file(self, monkeypatch, path) -> None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """One window for the whole module (in a home folder of its own), holding an edited, unsaved
    ResNet-20: every fault must leave it exactly so."""
    from cnnstudio.ui import MainWindow

    home = tmp_path_factory.mktemp("window-home")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (
            ("HOME", home),
            ("XDG_CONFIG_HOME", home / "config"),
            ("XDG_DATA_HOME", home / "data"),
        ):
            patch.setenv(name, str(value))
        QStandardPaths.setTestModeEnabled(True)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
        window = MainWindow(preset("resnet20"))
        window.show()
        document = window.document
        fc = document.network.find("fc").id
        assert execute(document, SetParamCommand(document.network, fc, "units", 7))
        yield window
        document.undo_stack.setClean()
        window.files.close()
        window.close()
        shiboken6.delete(window)
        QStandardPaths.setTestModeEnabled(False)


class Snapshot:
    """What must not change: the network, the undo history, the unsaved mark and the title."""

    def __init__(self, window) -> None:
        document = window.document
        self.state = (
            dumps(document.network),
            document.undo_stack.count(),
            document.undo_stack.index(),
            document.modified,
            document.path,
            window.windowTitle(),
        )

    def __eq__(self, other) -> bool:
        return self.state == other.state


def status_messages(window) -> list[str]:
    seen: list[str] = []
    window.document.status_message.connect(seen.append)
    return seen


def test_file_open_shows_one_dialog_and_changes_nothing(window, fault_files, fault, monkeypatch, bounds):
    path = dict((f.name, p) for f, p in fault_files)[fault.name]
    dialogs = Dialogs(monkeypatch)
    dialogs.choose_file(monkeypatch, path)
    before = Snapshot(window)
    start = time.perf_counter()
    window.menu_actions["open"].trigger()
    assert time.perf_counter() - start < bounds.seconds
    assert len(dialogs.shown) == 1, dialogs.shown
    kind, text = dialogs.shown[0]
    assert kind == "critical"
    headline, why = text.split("\n\n")
    assert "could not be opened, so the network you have open stays as it is" in headline
    assert bounds.one_clear_line(why) and fault.expected in why
    assert Snapshot(window) == before


def test_paste_says_why_in_the_status_bar_and_changes_nothing(window, content_fault, monkeypatch, bounds):
    dialogs = Dialogs(monkeypatch)
    data = QMimeData()
    data.setData(NODES_MIME, content_fault.content)
    QGuiApplication.clipboard().setMimeData(data)
    paste = window.canvas.canvas_actions.paste
    assert paste.isEnabled()
    messages = status_messages(window)
    before = Snapshot(window)
    start = time.perf_counter()
    paste.trigger()
    assert time.perf_counter() - start < bounds.seconds
    assert len(messages) == 1 and bounds.one_clear_line(messages[0]), messages
    assert messages[0].startswith("The clipboard holds no layers CNN Studio can paste")
    if (
        content_fault.kind == "json"
    ):  # bytes reach Paste as text already decoded, so only JSON faults name a field
        assert content_fault.expected in messages[0]
    assert window.statusBar().currentMessage() == messages[0]
    assert Snapshot(window) == before and dialogs.shown == []


RECOVERY_HEADER = (
    b'{"format": "cnnstudio-recovery", "version": 1, "saved_at": "2025-01-01T10:00:00", "path": null, '
    b'"network": '
)


def left_behind(fault, folder):
    """*fault* as a recovery file a crash left in *folder*: the network inside a recovery file
    for a JSON fault, the file itself for the others."""
    file = folder / f"crashed-{fault.name}.recovery.json"
    if fault.kind == "json":
        file.write_bytes(RECOVERY_HEADER + fault.content + b"}")
    elif fault.kind == "bytes":
        file.write_bytes(fault.content)
    else:
        fault.make_special(file)
    return file


def test_a_bad_recovery_file_is_reported_once_and_set_aside(window, entry_fault, monkeypatch, bounds):
    fault = entry_fault
    dialogs = Dialogs(monkeypatch)
    file = left_behind(fault, recovery_dir())
    messages = status_messages(window)
    before = Snapshot(window)
    start = time.perf_counter()
    assert not window.files.offer_recovery()
    assert time.perf_counter() - start < bounds.seconds
    assert dialogs.shown == [] and Snapshot(window) == before
    assert len(messages) == 1 and bounds.one_clear_line(messages[0]), messages
    assert messages[0].startswith("A recovery file could not be read (")
    assert fault.expected in messages[0]
    set_aside = file.with_name(file.name + UNREADABLE_SUFFIX)
    assert not os.path.lexists(file) and os.path.lexists(set_aside)
    assert not window.files.offer_recovery()  # the next start: nothing to read, nothing to say
    assert len(messages) == 1


def test_good_work_beside_bad_recovery_files_is_still_offered(window, fault_files, monkeypatch):
    """Set aside the broken ones, offer the good one: a bad file never hides work."""
    dialogs = Dialogs(monkeypatch)
    for fault, _ in fault_files[:10]:
        left_behind(fault, recovery_dir())
    good = recovery_dir() / "good.recovery.json"
    good.write_text(
        json.dumps(
            {
                "format": "cnnstudio-recovery",
                "version": 1,
                "saved_at": "2025-02-02T10:00:00",
                "path": None,
                "network": json.loads(dumps(preset("lenet5"))),
            }
        ),
        encoding="utf-8",
    )
    messages = status_messages(window)
    before = Snapshot(window)
    assert not window.files.offer_recovery()  # the stand-in answers Cancel: not restored
    assert [kind for kind, _ in dialogs.shown] == ["question"]
    assert "10 recovery files could not be read" in messages[0]
    assert Snapshot(window) == before
