"""New, Open, Save, Save As, recent files, unsaved-changes prompts and crash recovery.

:class:`FileController` owns every path between the open :class:`Document` and the disk.
Saving is atomic (``core.fileformat.save`` writes a temporary file and renames it); a file that
cannot be read opens nothing and says why, leaving the open network as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core import PRESETS, Network, fmt, preset
from ..core.atomic import atomic_write
from ..core.fileformat import SUFFIX, FileFormatError, load, to_dict
from ..core.jsonfile import printable
from ..interop import import_onnx, is_onnx_path  # File > Open imports .onnx models (interop)
from .document import Document
from .language import core_text
from .recovery import Autosave, Recovered, Unreadable, find_recoverable
from .settings import Settings, recovery_dir
from .terms import preset_title

TRAINING_MESSAGE = QT_TRANSLATE_NOOP(
    "FileController", "The network is training; stop the training before opening another one"
)
FILE_FILTER = QT_TRANSLATE_NOOP(
    "FileController",
    "CNN Studio networks (*.cnnstudio.json);;JSON files (*.json);;All files (*)",
)
"""Save As's filter, in English (:func:`file_filter` gives it as shown). No .onnx: a network is
saved in CNN Studio's format; File > Export writes ONNX."""
OPEN_FILTER = QT_TRANSLATE_NOOP(
    "FileController",
    "Networks and ONNX models (*.cnnstudio.json *.onnx);;CNN Studio networks (*.cnnstudio.json);;"
    "ONNX models (*.onnx);;JSON files (*.json);;All files (*)",
)
"""File > Open's filter: the first, chosen at first, shows the .onnx files File > Open imports."""


def training_message() -> str:
    """:data:`TRAINING_MESSAGE` in the app's language."""
    return QCoreApplication.translate("FileController", TRAINING_MESSAGE)


def file_filter() -> str:
    """:data:`FILE_FILTER` in the app's language."""
    return QCoreApplication.translate("FileController", FILE_FILTER)


def open_filter() -> str:
    """:data:`OPEN_FILTER` in the app's language."""
    return QCoreApplication.translate("FileController", OPEN_FILTER)


def blank_network() -> Network:
    """What File > New gives: an untitled network holding only an Input."""
    network = Network(QCoreApplication.translate("FileController", "Untitled"))
    network.add_node("input", name="input", pos=(0.0, 0.0))
    return network


def with_suffix(path: Path) -> Path:
    """*path* ending in ``.cnnstudio.json`` (added when it ends in neither that nor ``.json``)."""
    return path if path.name.endswith((SUFFIX, ".json")) else path.with_name(path.name + SUFFIX)


class FileController(QObject):
    """The File menu's work for one window.

    Parameters
    ----------
    document : Document
        The open network.
    window : QWidget
        Parent of the dialogs.
    settings : Settings
        Where the recent files are remembered.

    Signals
    -------
    recent_changed()
        The list of recent files changed.
    """

    recent_changed = Signal()

    def __init__(self, document: Document, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.settings = settings
        self.autosave = Autosave(document, recovery_dir(), parent=self)
        self.extra_fields: dict[str, Callable[[], object]] = {}
        """Top-level fields written into every saved file beside the network, by name, each
        given by a function called at the save (an exercise's record: see
        :mod:`cnnstudio.teaching.records`). The network reader ignores them."""

    # -- opening ------------------------------------------------------------------------------

    def new_network(self) -> bool:
        """Start an untitled network (after asking about unsaved changes)."""
        if not self._may_replace() or not self.maybe_save():
            return False
        self.document.replace_network(blank_network())
        return True

    def open_preset(self, preset_id: str) -> bool:
        """Open the case-study network *preset_id* (after asking about unsaved changes)."""
        if not self._may_replace() or not self.maybe_save():
            return False
        self.document.replace_network(preset(preset_id))
        self.document.status_message.emit(
            self.tr("Opened the preset {network}").format(network=preset_title(PRESETS[preset_id]))
        )
        return True

    def open_dialog(self) -> bool:
        """Ask for a file and open it."""
        if not self._may_replace():
            return False
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a network"), self._folder(), open_filter()
        )
        return self.open_path(Path(name)) if name else False

    def open_path(self, path: Path) -> bool:
        """Open the network file *path*; a bad file shows why and changes nothing."""
        path = Path(path)
        if not self._may_replace():
            return False
        try:
            network = import_onnx(path) if is_onnx_path(path) else load(path)
        except FileFormatError as error:  # OnnxImportError is one
            self._refuse_file(path, core_text(str(error)))
            return False
        if not self.maybe_save():
            return False
        # an imported model is a new, unsaved network: Save asks where, never writes over the .onnx
        self.document.replace_network(network, None if is_onnx_path(path) else path.resolve())
        self._remember(path)
        if is_onnx_path(path):
            self.document.status_message.emit(self.tr("Imported {file}").format(file=path.name))
        else:
            self.document.status_message.emit(self.tr("Opened {file}").format(file=path.name))
        return True

    def _may_replace(self) -> bool:
        """False (with a status message) while a training run uses the open network."""
        if self.document.editable:
            return True
        self.document.status_message.emit(training_message())
        return False

    def _refuse_file(self, path: Path, why: str) -> None:
        if not os.path.lexists(path):
            self.settings.remove_recent(path)
            self.recent_changed.emit()
        QMessageBox.critical(
            self.window,
            self.tr("Cannot open the file"),
            self.tr(
                "{file} could not be opened, so the network you have open stays as it is.\n\n{why}"
            ).format(file=printable(path.name, 80, quote=False), why=why),
        )

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the current file (asking for one if the network was never saved)."""
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        suggested = str(Path(self._folder()) / f"{_file_stem(self.document)}{SUFFIX}")
        if self.document.path is not None:
            suggested = str(self.document.path)
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the network"), suggested, file_filter()
        )
        return self.save_to(with_suffix(Path(name))) if name else False

    def save_to(self, path: Path) -> bool:
        """Write the network to *path*; a failure is shown and leaves the document modified."""
        try:
            atomic_write(path, self.file_text())
        except (OSError, FileFormatError) as error:
            why = (error.strerror if isinstance(error, OSError) else None) or core_text(str(error))
            QMessageBox.critical(
                self.window,
                self.tr("Cannot save"),
                self.tr("{file} could not be written:\n\n{why}").format(file=path, why=why),
            )
            return False
        self.document.mark_saved(path.resolve())
        self.autosave.discard()
        self._remember(path)
        self.document.status_message.emit(self.tr("Saved {file}").format(file=path.name))
        return True

    def file_text(self) -> str:
        """What Save writes: the network file, with :attr:`extra_fields` after the network."""
        data = to_dict(self.document.network)
        data.update({name: provide() for name, provide in self.extra_fields.items() if name not in data})
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False when the user cancels."""
        if not self.document.modified:
            return True
        answer = QMessageBox.warning(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("{network} has changes that are not saved.\nSave them before going on?").format(
                network=self.document.display_name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        return self.settings.recent_files()

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self.recent_changed.emit()

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.set_last_folder(path.resolve().parent)
        self.recent_changed.emit()

    def _folder(self) -> str:
        return self.settings.last_folder() or str(Path.home())

    # -- crash recovery -----------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """Offer back work a crashed session left unsaved, newest first; True if restored."""
        if not self.document.editable:
            return False
        found_work, unreadable = find_recoverable(recovery_dir())
        if unreadable:
            self.document.status_message.emit(unreadable_message(unreadable))
        for found in found_work:
            answer = QMessageBox.question(
                self.window,
                self.tr("Recover unsaved work?"),
                recovery_question(found),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._restore(found)
                return True
            found.discard()
        return False

    def _restore(self, found: Recovered) -> None:
        self.document.replace_network(found.network, found.original_path)
        self.document.undo_stack.resetClean()  # recovered work is unsaved work
        self.document.title_changed.emit()
        found.discard()
        self.autosave.write_now()
        self.document.status_message.emit(self.tr("Recovered unsaved work; save it to keep it"))

    def close(self) -> None:
        """A clean exit: no recovery file is left behind."""
        self.autosave.close()


def recovery_question(found: Recovered) -> str:
    """What the recovery dialog asks: the time of the work and the file it belongs to, if any."""
    when = f"{found.saved_at:%Y-%m-%d %H:%M}"
    if found.original_path is not None:
        file = printable(found.original_path.name, 80, quote=False)
        return QCoreApplication.translate(
            "FileController",
            "Recover unsaved work from {time}?\n\nCNN Studio closed before the changes to {file} were saved.",
        ).format(time=when, file=file)
    name = printable(found.network.name, 80, quote=False)
    return QCoreApplication.translate(
        "FileController",
        "Recover unsaved work from {time}?\n\nCNN Studio closed before the new network {network} was saved "
        "to a file.",
    ).format(time=when, network=name)


def unreadable_message(unreadable: list[Unreadable]) -> str:
    """One status-bar line about the recovery files that could not be read."""
    if len(unreadable) == 1:
        return unreadable[0].message()
    return QCoreApplication.translate(
        "FileController", "{count} recovery files could not be read; they were set aside in {folder}"
    ).format(count=fmt(len(unreadable)), folder=recovery_dir())


def _file_stem(document: Document) -> str:
    name = document.network.name.strip() or "network"
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "network"


__all__ = [
    "FILE_FILTER",
    "OPEN_FILTER",
    "FileController",
    "blank_network",
    "file_filter",
    "open_filter",
    "training_message",
    "with_suffix",
]
