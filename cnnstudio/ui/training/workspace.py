"""The training panel's contents and the logic tying them to the document and the worker.

:class:`TrainingWorkspace` is built once torch is loaded (by the worker, see
:class:`~cnnstudio.ui.training.panel.TrainingPanel`). On the left: the dataset and the
hyperparameters; in the middle: the run's buttons and progress above the live curves and the
results; on the right: the runs. Every slot here runs in the GUI thread; the worker's signals
arrive queued. The document is locked (``set_editable(False)``) from Train until the run ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...training import Step, training_problem
from ...training.checkpoint import SUFFIX as CHECKPOINT_SUFFIX
from ...training.history import RunHistory
from ..document import Document
from .dataset_controls import DatasetControls
from .hyperparameters import HyperparameterForm
from .pacing import RedrawPacer
from .plots import LivePlots
from .records import DatasetInfo, LoadedCheckpoint, RunEnd, RunRequest, WeightsState, network_key
from .results import ResultsView
from .run_controls import ProgressTracker, RunControls, duration
from .runs import Run, RunsList, RunStore
from .session import TrainingSession

PREVIEW_DELAY_MS = 250
CHECKPOINT_FILTER = f"CNN Studio checkpoints (*{CHECKPOINT_SUFFIX});;All files (*)"


class TrainingWorkspace(QWidget):
    """Dataset, settings, run controls, curves, results and runs for one document.

    Parameters
    ----------
    document : Document
        The open network (locked while it trains; replaced when a checkpoint is opened).
    session : TrainingSession
        The worker's handle (already prepared: torch is loaded).
    devices : list of str
        Devices to offer, best first.
    confirm_replace : callable, optional
        Asked before a checkpoint replaces the open network (e.g. "save your changes?");
        False cancels.

    Signals
    -------
    These are emitted in the GUI thread once the panel has shown the news (connect to them,
    or wait on them in tests, rather than on the worker's own signals).

    run_started(object)
        The new :class:`~.runs.Run` is listed and drawn.
    run_finished(object)
        A run ended (the worker's :class:`~.records.RunEnd`); the document is editable again.
    pause_changed(bool)
        The run paused (True) or resumed (False).
    results_changed(object)
        New :class:`~.records.Results` are shown.
    checkpoint_saved(str), checkpoint_opened(object), checkpoint_failed(str)
        A checkpoint was written (its path), opened (a :class:`~.records.LoadedCheckpoint`), or
        could not be (the message, also shown in the banner).
    """

    run_started = Signal(object)
    run_finished = Signal(object)
    pause_changed = Signal(bool)
    results_changed = Signal(object)
    checkpoint_saved = Signal(str)
    checkpoint_opened = Signal(object)
    checkpoint_failed = Signal(str)

    def __init__(
        self,
        document: Document,
        session: TrainingSession,
        devices: list[str],
        confirm_replace: Callable[[], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.session = session
        self.confirm_replace = confirm_replace or (lambda: True)
        self.store = RunStore(self)
        self.dataset = DatasetControls()
        self.form = HyperparameterForm()
        self.form.set_devices(devices)
        self.controls = RunControls()
        self.plots = LivePlots()
        self.results = ResultsView()
        self.runs = RunsList(self.store)
        self.tracker = ProgressTracker()
        self.dataset_info: DatasetInfo | None = None
        self.dataset_error = ""
        self.weights = WeightsState()
        self.active_run: Run | None = None
        self.paused = False
        self._asked: tuple | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._progress_pacer = RedrawPacer(self._show_progress, budget=0.005, min_interval=0.5, parent=self)
        self._layout()
        self._connect()
        self._request_preview()
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _layout(self) -> None:
        self.left_tabs = QTabWidget(objectName="trainingSetup")
        self.left_tabs.addTab(_scrolled(self.dataset), "Dataset")
        self.left_tabs.addTab(_scrolled(self.form), "Settings")
        self.center_tabs = QTabWidget(objectName="trainingViews")
        self.center_tabs.addTab(self.plots, "Curves")
        self.center_tabs.addTab(self.results, "Results")
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.controls)
        column.addWidget(self.center_tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.left_tabs)
        splitter.addWidget(center)
        splitter.addWidget(self.runs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 970, 300])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        w = self.session.worker
        w.dataset_ready.connect(self._on_dataset_ready)
        w.dataset_failed.connect(self._on_dataset_failed)
        w.run_started.connect(self._on_run_started)
        w.progress.connect(self._on_progress)
        w.paused.connect(self._on_paused)
        w.resumed.connect(self._on_resumed)
        w.run_ended.connect(self._on_run_ended)
        w.results_ready.connect(self._on_results)
        w.results_failed.connect(self._on_results_failed)
        w.checkpoint_saved.connect(self._on_checkpoint_saved)
        w.checkpoint_loaded.connect(self._on_checkpoint_loaded)
        w.checkpoint_failed.connect(self._on_checkpoint_failed)
        w.weights_changed.connect(self._on_weights_changed)
        c = self.controls
        c.start.clicked.connect(self.start)
        c.pause.clicked.connect(self.toggle_pause)
        c.stop.clicked.connect(self.session.stop)
        c.reset.clicked.connect(self.reset_weights)
        c.save.clicked.connect(self._save_dialog)
        c.open.clicked.connect(self._open_dialog)
        self.document.summary_changed.connect(self._on_network_changed)
        self.dataset.spec_changed.connect(self._on_spec_changed)
        self.form.changed.connect(self._on_settings_changed)
        self._preview_timer.timeout.connect(self._open_preview)
        self.store.added.connect(self._on_run_added)
        self.store.changed.connect(self._on_run_changed)
        self.store.removed.connect(self.plots.hide_run)
        self.results.update_requested.connect(self.request_results)
        self.center_tabs.currentChanged.connect(self._on_view_changed)

    # -- what Train needs ---------------------------------------------------------------------

    def train_problem(self) -> str | None:
        """Why Train is disabled (None when it can start)."""
        doc = self.document
        problem = training_problem(doc.network, summary=doc.summary)
        if problem:
            return problem
        missing = self.dataset.missing()
        if missing:
            return missing
        if self.dataset_error:
            return f"the dataset cannot be opened: {self.dataset_error}"
        if self.dataset_info is None:
            return "opening the dataset…"
        info = self.dataset_info
        problem = training_problem(doc.network, len(info.classes), info.name, doc.summary)
        if problem:
            return problem
        problems = self.form.problems()
        return "; ".join(problems) if problems else None

    def refresh(self) -> None:
        """Buttons, reason and the next-run line, from the current state."""
        running = self.session.running
        self.controls.set_running(running, self.paused)
        if not running:
            self.controls.set_can_start(self.train_problem())
        self.controls.set_weights(self._weights_text(), self._can_reset(), self._can_save())

    def _current_key(self) -> tuple[str, str, int] | None:
        spec = self.dataset.spec()
        if spec is None:
            return None
        return (network_key(self.document.network), spec, self.form.seed.value())

    def _weights_text(self) -> str:
        if self.session.running:
            return "The network is locked while it trains; stop the run to edit it."
        w, seed = self.weights, self.form.seed.value()
        if w.key is not None and w.steps > 0 and w.key == self._current_key():
            return (
                f"The next run continues from the trained weights ({w.steps:,} steps so far); "
                "Reset weights starts again from the seed's initial weights."
            )
        if w.pending and w.pending == network_key(self.document.network):
            return "The next run starts from the checkpoint's weights."
        return f"The next run starts from fresh initial weights (seed {seed})."

    def _can_reset(self) -> bool:
        return self.session.running or self.weights.steps > 0 or bool(self.weights.pending)

    def _can_save(self) -> bool:
        """Weights to save, and they belong to the network on screen (not one opened since)."""
        key = self.weights.key
        return not self.session.running and key is not None and key[0] == network_key(self.document.network)

    # -- dataset preview ----------------------------------------------------------------------

    def _request_preview(self) -> None:
        self._preview_timer.start()

    def _on_spec_changed(self) -> None:
        """The student chose a dataset (perhaps the same folder again, now fixed): open it anew."""
        self._asked = None
        self.dataset_info, self.dataset_error = None, ""
        self._request_preview()
        self.refresh()

    def _open_preview(self) -> None:
        spec, shape = self.dataset.spec(), self.document.summary.input_shape
        key = (spec, tuple(shape) if shape else None, self.form.seed.value())
        if key == self._asked:
            return
        self._asked = key
        self.dataset_info, self.dataset_error = None, ""
        if spec is None:
            self.dataset.show_note(self.dataset.missing().capitalize() + ".")
        elif shape is None:
            self.dataset.show_note("The network needs a valid input before the dataset can be opened.")
        else:
            self.dataset.show_opening()
            self.session.open_dataset(spec, tuple(shape), self.form.seed.value())
        self.refresh()

    @Slot(object)
    def _on_dataset_ready(self, info: DatasetInfo) -> None:
        if self._asked != (info.spec, tuple(info.input_shape), info.seed):
            return
        self.dataset_info, self.dataset_error = info, ""
        self.dataset.show_info(info)
        self.refresh()

    @Slot(str, int, str)
    def _on_dataset_failed(self, spec: str, seed: int, message: str) -> None:
        if self._asked is None or self._asked[0] != spec or self._asked[2] != seed:
            return
        self.dataset_info, self.dataset_error = None, message
        self.dataset.show_error(message)
        self.refresh()

    def _on_network_changed(self) -> None:
        shape = self.document.summary.input_shape
        if self._asked is not None and self._asked[1] != (tuple(shape) if shape else None):
            self.dataset_info, self.dataset_error = None, ""  # opened for another input size
        self._request_preview()
        self.refresh()

    def _on_settings_changed(self) -> None:
        if self._asked is not None and self._asked[2] != self.form.seed.value():
            self._request_preview()
        self.refresh()

    # -- running ------------------------------------------------------------------------------

    def start(self) -> bool:
        """Train with the current settings; False (and nothing happens) if Train cannot start."""
        if self.session.running or self.train_problem() is not None:
            return False
        request = RunRequest(self.document.network.copy(), self.dataset.spec(), self.form.settings())
        self.paused = False
        self.session.start_run(request)  # the worker starts while the window locks (it has a copy)
        self.document.set_editable(False)
        self.dataset.set_locked(True)
        self.form.setEnabled(False)
        self.controls.show_message("")
        self.controls.show_progress(0, 1, "Starting…")
        self.refresh()
        return True

    def toggle_pause(self) -> None:
        if not self.session.running:
            return
        if self.paused:
            self.session.resume()
        else:
            self.session.pause()

    def reset_weights(self) -> None:
        self.session.reset_weights()

    @Slot(object, object)
    def _on_run_started(self, started, history: dict) -> None:
        run = self.store.add(RunHistory.from_dict(history))
        self.active_run = run
        self.runs.set_active(run)
        self.tracker.start(started.epochs, started.steps_per_epoch)
        self.controls.show_progress(
            0,
            self.tracker.total_steps,
            f"Training on {started.device}, {started.train_images:,} images per epoch…",
        )
        if self.center_tabs.currentWidget() is self.results:
            self.session.request_results()
        self.run_started.emit(run)

    @Slot(object)
    def _on_progress(self, events: list) -> None:
        """Steps and epochs (at most four batches a second): into the run's record, then drawn
        and counted at the pace of their budgets."""
        run = self.active_run
        if run is None or not events:
            return
        for event in events:
            if isinstance(event, Step):
                run.history.add_step(event)
                self.tracker.advance(event.step, event.epoch, event.images_per_second)
            else:
                run.history.add_epoch(event)
        self.plots.update_run(run)
        self._progress_pacer.request()

    def _show_progress(self) -> None:
        if self.session.running and not self.paused:
            self.controls.show_progress(self.tracker.step, self.tracker.total_steps, self.tracker.text())
            if self.active_run is not None:
                self.runs.refresh(self.active_run)

    @Slot(object)
    def _on_paused(self, event) -> None:
        self.paused = True
        self.tracker.pause()
        self.controls.status.setText(
            f"Paused after step {event.step:,} — Resume to go on, Stop to end the run."
        )
        self.refresh()
        self.pause_changed.emit(True)

    @Slot(object)
    def _on_resumed(self, _event) -> None:
        self.paused = False
        self.tracker.resume()
        self.refresh()
        self.pause_changed.emit(False)

    @Slot(object)
    def _on_run_ended(self, end: RunEnd) -> None:
        run, self.active_run = self.active_run, None
        self.paused = False
        self.weights = end.weights
        self.runs.set_active(None)
        if run is not None and end.history is not None:
            run.history = RunHistory.from_dict(end.history)
            self.store.update(run)
        self.plots.flush()
        self._report_end(end)
        self.document.set_editable(True)
        self.dataset.set_locked(False)
        self.form.setEnabled(True)
        self.refresh()
        if end.weights.steps > 0 and not _broke_weights(end):
            self.session.request_results()
        self.run_finished.emit(end)

    def _report_end(self, end: RunEnd) -> None:
        from ...training import Failed, Finished

        event = end.event
        if isinstance(event, Failed):
            what = event.reason[0].upper() + event.reason[1:]
            advice = f"\nWhat to do: {event.suggestion}." if event.suggestion else ""
            self.controls.show_message(f"⚠ Training stopped. {what}.{advice}")
            self.controls.status.setText(f"Failed at step {event.step:,}")
        elif isinstance(event, Finished):
            accuracy = (
                f", validation accuracy {100 * event.val_accuracy:.1f}%"
                if event.val_accuracy is not None
                else ""
            )
            how = "Stopped (weights kept) after" if event.stopped else "Finished"
            self.controls.show_progress(
                self.tracker.step,
                self.tracker.total_steps,
                f"{how} {event.epochs_done} epochs in {duration(event.seconds)}{accuracy}",
            )
        elif end.problem:
            self.controls.show_message(f"⚠ Cannot train: {end.problem}")
            self.controls.show_progress(0, 1, "")
        else:
            self.controls.show_progress(0, 1, "Stopped before the run began")

    # -- runs and plots -----------------------------------------------------------------------

    def _on_run_added(self, run: Run) -> None:
        if run.shown:
            self.plots.show_run(run, now=not self.session.running)

    def _on_run_changed(self, run: Run) -> None:
        if not run.shown:
            self.plots.hide_run(run)
        elif run.number in self.plots.curves:
            self.plots.update_run(run)
        else:
            self.plots.show_run(run)

    # -- results ------------------------------------------------------------------------------

    def request_results(self) -> None:
        """Classify the validation set with the current weights (after this epoch during a run)."""
        if self.weights.key is None and not self.session.running:
            self.results.show_problem(
                "there are no trained weights yet: train the network or open a checkpoint"
            )
            return
        if self.session.running:
            self.results.summary.setText("The results will update when this epoch ends…")
        self.session.request_results()

    def _on_view_changed(self) -> None:
        if self.session.running and self.center_tabs.currentWidget() is self.results:
            self.session.request_results()

    @Slot(object)
    def _on_results(self, results) -> None:
        self.results.set_results(results)
        if self.session.running and self.center_tabs.currentWidget() is self.results:
            self.session.request_results()  # keep them live while the student watches
        self.results_changed.emit(results)

    @Slot(str)
    def _on_results_failed(self, message: str) -> None:
        self.results.show_problem(message)

    @Slot(object)
    def _on_weights_changed(self, state: WeightsState) -> None:
        self.weights = state
        self.refresh()

    # -- checkpoints --------------------------------------------------------------------------

    def save_checkpoint(self, path: Path) -> None:
        """Write the trained network, weights and run to *path* (in the worker)."""
        self.session.save_checkpoint(Path(path))

    def open_checkpoint(self, path: Path) -> bool:
        """Open the checkpoint at *path* (after ``confirm_replace``); False if the student declined."""
        if self.session.running or not self.confirm_replace():
            return False
        self.controls.open.setEnabled(False)
        self.session.load_checkpoint(Path(path))
        return True

    def _save_dialog(self) -> None:
        name = f"{self.document.network.name}{CHECKPOINT_SUFFIX}".replace(" ", "-")
        path, _ = QFileDialog.getSaveFileName(self, "Save checkpoint", name, CHECKPOINT_FILTER)
        if path:
            self.save_checkpoint(Path(path if path.endswith(CHECKPOINT_SUFFIX) else path + CHECKPOINT_SUFFIX))

    def _open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open checkpoint", "", CHECKPOINT_FILTER)
        if path:
            self.open_checkpoint(Path(path))

    @Slot(str)
    def _on_checkpoint_saved(self, path: str) -> None:
        self.controls.show_message(f"Saved the checkpoint {path}.", "info")
        self.document.status_message.emit(f"Saved the checkpoint {Path(path).name}")
        self.checkpoint_saved.emit(path)

    @Slot(object)
    def _on_checkpoint_loaded(self, loaded: LoadedCheckpoint) -> None:
        self.document.replace_network(loaded.network)
        self.form.set_settings(loaded.settings)
        self.dataset.set_spec(loaded.dataset)
        if loaded.history is not None:
            self.store.add(RunHistory.from_dict(loaded.history), source=f"from {loaded.path.name}")
        note = f" Note: {loaded.note}." if loaded.note else ""
        self.controls.show_message(f"Opened the checkpoint {loaded.path.name}.{note}", "info")
        self.document.status_message.emit(f"Opened the checkpoint {loaded.path.name}")
        if not loaded.note:
            self.session.request_results()
        self.refresh()
        self.checkpoint_opened.emit(loaded)

    @Slot(str)
    def _on_checkpoint_failed(self, message: str) -> None:
        self.controls.show_message(f"⚠ Checkpoint: {message}")
        self.refresh()
        self.checkpoint_failed.emit(message)

    # -- closing ------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop a download (the session stops the run); unlock the document."""
        self.dataset.download.shutdown()
        self.document.set_editable(True)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _broke_weights(end: RunEnd) -> bool:
    """A NaN or infinite loss leaves weights not worth evaluating."""
    event = end.event
    return event is not None and hasattr(event, "suggestion") and "loss became" in event.reason
