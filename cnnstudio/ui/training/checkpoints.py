"""Saving and opening checkpoints from the training panel: the dialogs, the worker's answers, and
what they change (the open network, the settings, the dataset choice, the runs).

:class:`CheckpointFlow` lives in the GUI thread. Reading and writing happen in the worker (the
session sends them there); a write that fails keeps the weights in a rescue file, and the
failure message says where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core import summarize
from ...training.checkpoint import SUFFIX
from ...training.checks import run_cost
from ...training.history import RunHistory
from ..document import Document
from ..language import core_text
from .dataset_controls import DatasetControls
from .hyperparameters import HyperparameterForm
from .records import LoadedCheckpoint
from .run_controls import RunControls
from .runs import RunStore
from .session import TrainingSession

translate = QCoreApplication.translate


def file_filter() -> str:
    """The file dialogs' filter: checkpoints, or any file."""
    return translate("TrainingCheckpoints", "CNN Studio checkpoints (*{suffix});;All files (*)").format(
        suffix=SUFFIX
    )


class CheckpointFlow(QObject):
    """Save and Open checkpoint for one panel.

    Signals
    -------
    saved(str), opened(object), failed(str)
        A checkpoint was written (its path), opened (a :class:`~.records.LoadedCheckpoint`) and
        shown, or could not be (the message, also in the banner).
    """

    saved = Signal(str)
    opened = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        document: Document,
        session: TrainingSession,
        parts: tuple[RunControls, HyperparameterForm, DatasetControls, RunStore],
        confirm_replace: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.document, self.session, self.confirm_replace = document, session, confirm_replace
        self.controls, self.form, self.dataset, self.store = parts
        self._dialog_parent = parent
        session.checkpoint_saved.connect(self._on_saved)
        session.checkpoint_loaded.connect(self._on_loaded)
        session.checkpoint_failed.connect(self._on_failed)

    def save(self, path: Path) -> None:
        """Write the trained network, weights and run to *path* (in the worker)."""
        self.session.save_checkpoint(Path(path))

    def open(self, path: Path, running: bool) -> bool:
        """Open the checkpoint at *path* (after ``confirm_replace``); False if it cannot now."""
        if running or not self.confirm_replace():
            return False
        self.controls.show_opening_checkpoint()
        self.session.load_checkpoint(Path(path))
        return True

    def ask_and_save(self) -> None:
        """Ask where to save (the network's name as the file name), then save there."""
        name = f"{self.document.network.name}{SUFFIX}".replace(" ", "-")
        title = translate("TrainingCheckpoints", "Save checkpoint")
        path, _ = QFileDialog.getSaveFileName(self._dialog_parent, title, name, file_filter())
        if path:
            self.save(Path(path if path.endswith(SUFFIX) else path + SUFFIX))

    def ask_and_open(self, running: bool) -> None:
        title = translate("TrainingCheckpoints", "Open checkpoint")
        path, _ = QFileDialog.getOpenFileName(self._dialog_parent, title, "", file_filter())
        if path:
            self.open(Path(path), running)

    @Slot(str)
    def _on_saved(self, path: str) -> None:
        saved = translate("TrainingCheckpoints", "Saved the checkpoint {path}.")
        self.controls.show_message(saved.format(path=path), "info")
        status = translate("TrainingCheckpoints", "Saved the checkpoint {name}")
        self.document.status_message.emit(status.format(name=Path(path).name))
        self.saved.emit(path)

    @Slot(object)
    def _on_loaded(self, loaded: LoadedCheckpoint) -> None:
        self.document.replace_network(loaded.network)
        self.form.set_settings(loaded.settings)
        self.dataset.set_spec(loaded.dataset)
        if loaded.history is not None:
            cost = run_cost(summarize(loaded.network), len(loaded.classes))
            source = translate("TrainingCheckpoints", "from {name}").format(name=loaded.path.name)
            self.store.add(RunHistory.from_dict(loaded.history), source=source, cost=cost)
        name = loaded.path.name
        if loaded.waiting:
            opened = translate(
                "TrainingCheckpoints",
                "Opened the checkpoint {name}. Note: the weights will be used when this network trains "
                "next ({reason}).",
            )
        else:
            opened = translate("TrainingCheckpoints", "Opened the checkpoint {name}.")
        self.controls.show_message(opened.format(name=name, reason=core_text(loaded.waiting)), "info")
        status = translate("TrainingCheckpoints", "Opened the checkpoint {name}")
        self.document.status_message.emit(status.format(name=name))
        if not loaded.waiting:
            self.session.request_results()
        self.opened.emit(loaded)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.controls.show_message(
            translate("TrainingCheckpoints", "⚠ Checkpoint: {message}").format(message=core_text(message))
        )
        self.failed.emit(message)
