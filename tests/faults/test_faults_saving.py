"""Saving a network no file can hold (a name with a lone surrogate, which Python's JSON reader
makes from ``"\\ud800"``): Save says so in a dialog, autosave in the status bar; nothing raises,
the file on disk is kept, and the work stays marked unsaved."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from cnnstudio.core import preset
from cnnstudio.core.fileformat import save
from cnnstudio.ui.commands import RenameCommand, execute


def unstorable(window) -> None:
    document = window.document
    conv1 = document.network.find("conv1").id
    assert execute(document, RenameCommand(document.network, conv1, "conv\ud800"))


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
    assert window.document.modified


def test_autosave_of_an_unstorable_name_says_why_in_the_status_bar(fresh_window):
    window = fresh_window(preset("lenet5"))
    unstorable(window)
    messages = []
    window.document.status_message.connect(messages.append)
    window.files.autosave.write_now()
    assert messages and messages[-1].startswith("Could not autosave:") and "lone surrogate" in messages[-1]
    assert not window.files.autosave.file.exists()
