"""A name no file can hold (a lone surrogate, which Python's JSON reader makes from ``"\\ud800"``).

The graph refuses it at the edit, so it never reaches Save; should a network still hold one
(changed behind the graph's back), Save says so in a dialog and autosave in the status bar:
nothing raises, the file on disk is kept, and the work stays marked unsaved."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from cnnstudio.core import preset
from cnnstudio.core.fileformat import save
from cnnstudio.ui.commands import RenameCommand, execute


def unstorable(window) -> None:
    """Give conv1 a name no file can hold, behind the graph's back (its rename refuses it)."""
    window.document.network.find("conv1").name = "conv\ud800"


def test_renaming_a_layer_to_a_name_no_file_can_hold_is_refused_with_the_reason(fresh_window):
    window = fresh_window(preset("lenet5"))
    document = window.document
    messages = []
    document.status_message.connect(messages.append)
    conv1 = document.network.find("conv1").id
    assert not execute(document, RenameCommand(document.network, conv1, "conv\ud800"))
    assert document.network.node(conv1).name == "conv1"
    assert messages and "lone surrogate" in messages[-1]
    assert not document.modified


def test_save_of_an_unstorable_name_says_why_and_keeps_the_file(fresh_window, tmp_path, monkeypatch):
    path = tmp_path / "lenet.cnnstudio.json"
    save(preset("lenet5"), path)
    before = path.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, title, text, *a: shown.append(text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window = fresh_window(preset("lenet5"))
    unstorable(window)
    assert not window.files.save()
    assert len(shown) == 1 and "lone surrogate" in shown[0]
    assert path.read_bytes() == before
    assert window.document.path is None  # the failed save recorded nothing


def test_autosave_of_an_unstorable_name_says_why_in_the_status_bar(fresh_window):
    window = fresh_window(preset("lenet5"))
    unstorable(window)
    messages = []
    window.document.status_message.connect(messages.append)
    window.files.autosave.write_now()
    assert messages and messages[-1].startswith("Could not autosave:") and "lone surrogate" in messages[-1]
    assert not window.files.autosave.file.exists()
