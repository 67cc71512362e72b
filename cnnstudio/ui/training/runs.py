"""The runs of this session: each keeps its settings and curves; any of them can be overlaid.

:class:`RunStore` holds the runs (a :class:`~cnnstudio.training.RunHistory` each, with a number
and a colour) and says when they change; :class:`RunsList` shows them with a tick box per run
(ticked runs are drawn in the plots), exports the ticked ones as CSV and deletes runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.atomic import atomic_write
from ...training.history import RunHistory, runs_to_csv
from ..language import core_text
from ..style import series_color
from .words import schedule_title

if TYPE_CHECKING:
    from ...training.checks import RunCost
    from ...training.probes import GradientRecord

translate = QCoreApplication.translate


@dataclass(eq=False)
class Run:
    """One run as the panel shows it: its record, number, colour and where it came from.

    ``cost`` is what one image costs the trained module (weights and MACs, a classifier head
    included; None when unknown); ``gradients`` the gradient norms sampled while it trained.
    """

    number: int
    history: RunHistory
    color: QColor
    shown: bool = True
    source: str = ""
    cost: RunCost | None = None
    gradients: GradientRecord | None = None

    @property
    def title(self) -> str:
        """``"2. ResNet-20 on shapes, adam lr 0.001"``."""
        history = self.history
        return translate("TrainingRuns", "{number}. {network} on {dataset}, {optimizer} lr {lr:g}").format(
            number=self.number,
            network=history.network,
            dataset=history.dataset,
            optimizer=history.settings.get("optimizer", "?"),
            lr=history.settings.get("lr", 0),
        )

    def outcome(self) -> str:
        """How it went, in a few words."""
        history = self.history
        accuracy = self._accuracy()
        if history.status == "running":
            if not accuracy:
                return translate("TrainingRuns", "training…")
            return translate("TrainingRuns", "training… {accuracy}").format(accuracy=accuracy)
        if history.status == "failed":
            failed = translate("TrainingRuns", "failed: {reason}")
            return failed.format(reason=core_text(history.failure.split(";")[0]))
        if history.status == "stopped":
            if not accuracy:
                return translate("TrainingRuns", "stopped before the first epoch ended")
            return translate("TrainingRuns", "stopped, {accuracy}").format(accuracy=accuracy)
        return accuracy or translate("TrainingRuns", "finished")

    def _accuracy(self) -> str:
        """``"97.2% after 3 epochs"`` ("" before the first epoch ended)."""
        last = self.history.last_epoch()
        if not last:
            return ""
        epochs = len(self.history.epochs)
        if epochs == 1:
            text = translate("TrainingRuns", "{accuracy:.1f}% after 1 epoch")
        else:
            text = translate("TrainingRuns", "{accuracy:.1f}% after {epochs:,} epochs")
        return text.format(accuracy=100 * last["val_accuracy"], epochs=epochs)


class RunStore(QObject):
    """Every run of the session, in order.

    Signals
    -------
    added(object), changed(object), removed(object)
        A :class:`Run` was added, got new data (or was shown or hidden), was deleted.
    """

    added = Signal(object)
    changed = Signal(object)
    removed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runs: list[Run] = []
        self._numbers = 0

    def add(
        self, history: RunHistory, source: str = "", cost: RunCost | None = None, shown: bool = True
    ) -> Run:
        self._numbers += 1
        color = QColor(series_color(self._numbers - 1))
        run = Run(self._numbers, history, color, shown, source, cost)
        self.runs.append(run)
        self.added.emit(run)
        return run

    def update(self, run: Run) -> None:
        self.changed.emit(run)

    def set_shown(self, run: Run, shown: bool) -> None:
        if run.shown != shown:
            run.shown = shown
            self.changed.emit(run)

    def remove(self, run: Run) -> None:
        if run in self.runs:
            self.runs.remove(run)
            self.removed.emit(run)

    def shown(self) -> list[Run]:
        return [run for run in self.runs if run.shown]


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(color)
    return QIcon(pixmap)


class RunsList(QWidget):
    """The runs with a tick box each (ticked: drawn in the plots), Export CSV and Delete."""

    def __init__(self, store: RunStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingRuns")
        self.store = store
        self.active: Run | None = None
        self.list = QListWidget()
        self.list.setObjectName("runsList")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.export_button = QToolButton()
        self.export_button.setObjectName("runsExport")
        self.export_button.setText(translate("TrainingRuns", "Export CSV"))
        self.export_button.setToolTip(
            translate("TrainingRuns", "Save the ticked runs' curves as a table (for a spreadsheet)")
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for text, table in (
            (translate("TrainingRuns", "One row per epoch…"), "epochs"),
            (translate("TrainingRuns", "One row per step…"), "steps"),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _=False, t=table: self._export_dialog(t))
            menu.addAction(action)
        self.export_button.setMenu(menu)
        self.delete_button = QPushButton(translate("TrainingRuns", "Delete"))
        self.delete_button.setObjectName("runsDelete")
        self.delete_button.setToolTip(
            translate("TrainingRuns", "Delete the selected runs (not the one training)")
        )
        self._layout()
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.delete_button.clicked.connect(self.delete_selected)
        store.added.connect(self._on_added)
        store.changed.connect(self._on_changed)
        store.removed.connect(self._on_removed)
        self._update_buttons()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        title = QLabel(translate("TrainingRuns", "<b>Runs</b> — tick runs to overlay them"), wordWrap=True)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- following the store ------------------------------------------------------------------

    def item_of(self, run: Run) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) is run:
                return item
        return None

    def _on_added(self, run: Run) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, run)
        item.setIcon(_swatch(run.color))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.list.addItem(item)
        self._on_changed(run)
        self._update_buttons()

    def refresh(self, run: Run) -> None:
        """Show *run*'s latest outcome (its item's text)."""
        self._on_changed(run)

    def _on_changed(self, run: Run) -> None:
        item = self.item_of(run)
        if item is None:
            return
        self.list.blockSignals(True)
        outcome = run.outcome()
        if run.source:
            outcome = translate("TrainingRuns", "{outcome} ({source})").format(
                outcome=outcome, source=run.source
            )
        item.setText(f"{run.title}\n{outcome}")
        item.setCheckState(Qt.CheckState.Checked if run.shown else Qt.CheckState.Unchecked)
        item.setToolTip(_settings_text(run.history))
        self.list.blockSignals(False)

    def _on_removed(self, run: Run) -> None:
        item = self.item_of(run)
        if item is not None:
            self.list.takeItem(self.list.row(item))
        self._update_buttons()

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        run = item.data(Qt.ItemDataRole.UserRole)
        self.store.set_shown(run, item.checkState() == Qt.CheckState.Checked)

    # -- actions ------------------------------------------------------------------------------

    def selected_runs(self) -> list[Run]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def set_active(self, run: Run | None) -> None:
        """The run that is training (it cannot be deleted)."""
        self.active = run
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_runs()
        self.delete_button.setEnabled(bool(selected) and self.active not in selected)
        self.export_button.setEnabled(bool(self.store.runs))

    def delete_selected(self) -> None:
        for run in self.selected_runs():
            if run is not self.active:
                self.store.remove(run)

    def export_runs(self) -> list[Run]:
        """The runs an export writes: the ticked ones, or every run when none is ticked."""
        return self.store.shown() or list(self.store.runs)

    def export_csv(self, path: Path, table: str = "epochs") -> None:
        """Write the ticked runs as one CSV table (``runs_to_csv``); OSError if it cannot."""
        text = runs_to_csv([run.history for run in self.export_runs()], table)
        atomic_write(path, text)

    def _export_dialog(self, table: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("TrainingRuns", "Export the runs as CSV"),
            f"runs-{table}.csv",
            translate("TrainingRuns", "CSV tables (*.csv);;All files (*)"),
        )
        if not name:
            return
        try:
            self.export_csv(Path(name), table)
        except OSError as error:
            QMessageBox.warning(
                self,
                translate("TrainingRuns", "Export runs"),
                translate("TrainingRuns", "Cannot write {path}: {error}").format(
                    path=name, error=error.strerror or error
                ),
            )


def _settings_text(history: RunHistory) -> str:
    s = history.settings
    if s.get("augment"):
        augment = translate("TrainingRuns", "augmentation on, device {device}")
    else:
        augment = translate("TrainingRuns", "augmentation off, device {device}")
    parts = [
        translate("TrainingRuns", "{network} on {dataset}").format(
            network=history.network, dataset=history.dataset
        ),
        translate("TrainingRuns", "{optimizer} lr {lr:g}, weight decay {decay:g}").format(
            optimizer=s.get("optimizer"),
            lr=s.get("lr", 0),
            decay=s.get("weight_decay", 0),
        ),
        translate("TrainingRuns", "batch {batch}, {epochs} epochs, schedule {schedule}, seed {seed}").format(
            batch=s.get("batch_size"),
            epochs=s.get("epochs"),
            schedule=schedule_title(s.get("schedule", "?")),
            seed=s.get("seed"),
        ),
        augment.format(device=core_text(history.device or s.get("device", ""))),
    ]
    return "\n".join(parts)
