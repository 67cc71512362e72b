"""The training panel's contents: its widgets, wired to the document, the worker and the run state.

:class:`TrainingWorkspace` is built once torch is loaded (by the worker, see
:class:`~cnnstudio.ui.training.panel.TrainingPanel`). On the left: the dataset and the
hyperparameters; in the middle: the run's buttons and progress above the live curves and the
results; on the right: the runs. What is enabled and what a run's end means is decided by the
Qt-free :class:`~.run_state.RunState`; this class passes the news to it and shows its answers.
Every slot here runs in the GUI thread (the session delivers the worker's signals there). The
document is locked (``set_editable(False)``) from Train until the run ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...training import Step
from ...training.checks import classifier_head, run_cost
from ...training.gradients import GradientRecord
from ...training.history import RunHistory
from ..document import Document
from ..language import core_text
from ..style import SECONDARY_LABEL
from .checkpoints import CheckpointFlow
from .cost_plot import AccuracyCostPlot
from .dataset_controls import DatasetControls
from .dataset_flow import DatasetFlow
from .gradients import GradientHeatmap
from .hyperparameters import HyperparameterForm
from .pacing import RedrawPacer
from .plots import LivePlots
from .records import (
    DatasetInfo,
    Results,
    RunEnd,
    RunRequest,
    WeightsState,
)
from .results import ResultsView
from .run_controls import ProgressTracker, RunControls
from .run_state import RunState, describe_end
from .runs import Run, RunsList, RunStore
from .session import TrainingSession
from .words import PANEL_WORDS, head_text

translate = QCoreApplication.translate


RUNS_COLUMN_WIDTH = 1240
"""From this width on the runs list has a column of its own, right of the curves; in a narrower
panel (a 1024-pixel screen) it is a tab beside Dataset and Settings, so that nothing is cut."""


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
    results_cleared(str)
        The shown results no longer described the weights on screen and were removed (why).
    checkpoint_saved(str), checkpoint_opened(object), checkpoint_failed(str)
        A checkpoint was written (its path), opened (a :class:`~.records.LoadedCheckpoint`), or
        could not be (the message, also shown in the banner).
    """

    run_started = Signal(object)
    run_finished = Signal(object)
    pause_changed = Signal(bool)
    results_changed = Signal(object)
    results_cleared = Signal(str)
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
        self.state = RunState(PANEL_WORDS)
        self.store = RunStore(self)
        self.dataset = DatasetControls()
        self.form = HyperparameterForm()
        self.form.set_devices(devices)
        self.controls = RunControls()
        self.plots = LivePlots()
        self.results = ResultsView()
        self.gradients = GradientHeatmap()
        self.cost_plot = AccuracyCostPlot(self.store)
        self.head_note = QLabel(objectName="trainHead", wordWrap=True)
        self.head_note.setStyleSheet(SECONDARY_LABEL)
        self.head_note.setVisible(False)
        self.runs = RunsList(self.store)
        self.tracker = ProgressTracker()
        self.checkpoints = CheckpointFlow(
            document,
            session,
            (self.controls, self.form, self.dataset, self.store),
            lambda: self.confirm_replace(),
            self,
        )
        self.datasets = DatasetFlow(self.state, document, session, self.dataset, self.form, self)
        self.active_run: Run | None = None
        self.gradient_run: Run | None = None
        self._request_cost = None
        self._progress_pacer = RedrawPacer(self._show_progress, budget=0.005, min_interval=0.5, parent=self)
        self._layout()
        self._connect()
        self.refresh()

    # -- what the rest of the app and the tests read ----------------------------------------------

    @property
    def dataset_info(self) -> DatasetInfo | None:
        return self.state.dataset

    @property
    def weights(self) -> WeightsState:
        return self.state.weights

    @property
    def paused(self) -> bool:
        return self.state.paused

    # -- building -----------------------------------------------------------------------------

    def _layout(self) -> None:
        self.left_tabs = QTabWidget(objectName="trainingSetup")
        self.left_tabs.addTab(_scrolled(self.dataset), translate("TrainingWorkspace", "Dataset"))
        self.left_tabs.addTab(_scrolled(self.form), translate("TrainingWorkspace", "Settings"))
        self.center_tabs = QTabWidget(objectName="trainingViews")
        self.center_tabs.addTab(self.plots, translate("TrainingWorkspace", "Curves"))
        self.center_tabs.addTab(self.results, translate("TrainingWorkspace", "Results"))
        self.center_tabs.addTab(self.gradients, translate("TrainingWorkspace", "Gradients"))
        self.center_tabs.addTab(self.cost_plot, translate("TrainingWorkspace", "Accuracy vs cost"))
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.controls)
        column.addWidget(self.head_note)
        column.addWidget(self.center_tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.left_tabs)
        splitter.addWidget(center)
        splitter.addWidget(self.runs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 970, 300])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.runs_in_column = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.place_runs(event.size().width() >= RUNS_COLUMN_WIDTH)

    def place_runs(self, column: bool) -> None:
        """The runs list in a column of its own (*column*) or as the left tabs' third tab."""
        if column == self.runs_in_column:
            return
        self.runs_in_column = column
        if column:
            self.left_tabs.removeTab(self.left_tabs.indexOf(self.runs))
            self.splitter.addWidget(self.runs)
            self.runs.show()
            self.splitter.setSizes([330, max(1, self.width() - 630), 300])
        else:
            self.left_tabs.addTab(self.runs, translate("TrainingWorkspace", "Runs"))
            self.splitter.setSizes([330, max(1, self.width() - 330)])

    def _connect(self) -> None:
        s = self.session
        self.datasets.changed.connect(self.refresh)
        s.run_started.connect(self._on_run_started)
        s.progress.connect(self._on_progress)
        s.paused.connect(self._on_paused)
        s.resumed.connect(self._on_resumed)
        s.run_ended.connect(self._on_run_ended)
        s.results_ready.connect(self._on_results)
        s.results_failed.connect(self._on_results_failed)
        self.checkpoints.saved.connect(self.checkpoint_saved)
        self.checkpoints.opened.connect(self._on_checkpoint_done)
        self.checkpoints.failed.connect(self._on_checkpoint_done)
        self.checkpoints.opened.connect(self.checkpoint_opened)
        self.checkpoints.failed.connect(self.checkpoint_failed)
        s.weights_changed.connect(self._on_weights_changed)
        s.gradients.connect(self._on_gradients)
        self.runs.list.itemSelectionChanged.connect(self._on_runs_selected)
        s.busy_changed.connect(self.refresh)
        c = self.controls
        c.train_clicked.connect(self.start)
        c.pause_clicked.connect(self.toggle_pause)
        c.stop_clicked.connect(self.stop)
        c.reset_clicked.connect(self.reset_weights)
        c.save_clicked.connect(self.checkpoints.ask_and_save)
        c.open_clicked.connect(lambda: self.checkpoints.ask_and_open(self.state.running))
        self.document.summary_changed.connect(self._on_network_changed)
        self.form.changed.connect(self._on_settings_changed)
        self.store.added.connect(self._on_run_added)
        self.store.changed.connect(self.plots.follow)
        self.store.removed.connect(self.plots.hide_run)
        self.results.update_requested.connect(self.request_results)
        self.center_tabs.currentChanged.connect(self._on_view_changed)

    # -- what the panel shows -------------------------------------------------------------------

    def train_problem(self) -> str | None:
        """Why Train is disabled (None when it can start)."""
        doc = self.document
        if self.session.busy:
            return self.session.busy
        return self.state.train_problem(
            doc.network, doc.summary, self.dataset.missing(), self.form.problems()
        )

    def refresh(self) -> None:
        """Buttons, reason, the next-run line and the results' validity, from the current state."""
        network = self.document.network
        problem = None if self.state.running else self.train_problem()
        self.controls.show_buttons(self.state.buttons(problem, network))
        self.controls.show_weights(
            self.state.weights_text(network, self.dataset.spec(), self.form.seed_value())
        )
        self._show_head()
        stale = self.state.results_problem(network)
        if stale:
            self.state.results = None
            self.results.clear(stale)
            self.results_cleared.emit(stale)

    def _show_head(self) -> None:
        """Say whether training adds a classifier head to this network, and what it costs."""
        info = self.state.dataset
        head = classifier_head(self.document.summary, len(info.classes)) if info is not None else None
        self.head_note.setText(head_text(head) if head is not None else "")
        self.head_note.setVisible(head is not None)

    def on_shown(self) -> None:
        """The panel came into view: draw at once what arrived while it was hidden."""
        self.plots.flush()

    def _on_network_changed(self) -> None:
        self.refresh()

    def _on_settings_changed(self) -> None:
        self.refresh()

    # -- running --------------------------------------------------------------------------------

    def start(self) -> bool:
        """Train with the current settings; False (and nothing happens) if Train cannot start."""
        if self.state.running or self.train_problem() is not None:
            return False
        request = RunRequest(self.document.network.copy(), self.dataset.spec(), self.form.settings())
        self._request_cost = run_cost(self.document.summary, len(self.state.dataset.classes))
        self.session.start_run(request)
        self.state.running, self.state.paused = True, False
        self.document.set_editable(False)
        self._lock_settings(True)
        self.controls.show_message("")
        self.controls.show_progress(0, 1, translate("TrainingWorkspace", "Starting…"))
        self.refresh()
        return True

    def toggle_pause(self) -> None:
        """Pause the run after the current batch, or let a paused run go on."""
        if not self.state.running:
            return
        if self.state.paused:
            self.session.resume()
        else:
            self.session.pause()

    def stop(self) -> None:
        """End the run after the current batch, keeping the weights."""
        self.session.stop()

    def reset_weights(self) -> None:
        """Back to the seed's initial weights (done in the worker; during a run it also stops it)."""
        self.session.reset_weights()

    def _lock_settings(self, locked: bool) -> None:
        self.dataset.set_locked(locked)
        self.form.setEnabled(not locked)

    @Slot(object, object)
    def _on_run_started(self, started, history: dict) -> None:
        run = self.store.add(RunHistory.from_dict(history), cost=self._request_cost)
        self.active_run = self.gradient_run = run
        self.runs.set_active(run)
        self.tracker.start(started.epochs, started.steps_per_epoch)
        self.controls.show_progress(
            0,
            self.tracker.total_steps,
            translate("TrainingWorkspace", "Training on {device}, {images:,} images per epoch…").format(
                device=core_text(started.device), images=started.train_images
            ),
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
        last_step = None
        for event in events:
            if isinstance(event, Step):
                run.history.add_step(event)
                last_step = event
            else:
                run.history.add_epoch(event)
        if last_step is not None:
            self.tracker.advance(last_step.step, last_step.epoch, last_step.images_per_second)
        self.plots.update_run(run)
        self._progress_pacer.request()

    def _show_progress(self) -> None:
        if self.state.running and not self.state.paused:
            self.controls.show_progress(self.tracker.step, self.tracker.total_steps, self.tracker.text())
            if self.active_run is not None:
                self.runs.refresh(self.active_run)

    @Slot(object)
    def _on_paused(self, event) -> None:
        self.state.paused = True
        self.tracker.pause()
        paused = translate(
            "TrainingWorkspace", "Paused after step {step:,} — Resume to go on, Stop to end the run."
        )
        self.controls.show_status(paused.format(step=event.step))
        self.refresh()
        self.pause_changed.emit(True)

    @Slot(object)
    def _on_resumed(self, _event) -> None:
        self.state.paused = False
        self.tracker.resume()
        self.refresh()
        self.pause_changed.emit(False)

    @Slot(object)
    def _on_run_ended(self, end: RunEnd) -> None:
        run, self.active_run = self.active_run, None
        self.state.running = self.state.paused = False
        self.state.weights = end.weights
        self.runs.set_active(None)
        if run is not None and end.history is not None:
            run.history = RunHistory.from_dict(end.history)
            self.store.update(run)
        self.plots.flush()
        report = describe_end(end, _best_accuracy(run.history) if run is not None else None, PANEL_WORDS)
        self.controls.show_message(report.banner, report.banner_kind)
        self.controls.show_progress(
            self.tracker.step if report.status else 0, self.tracker.total_steps, report.status
        )
        self.document.set_editable(True)
        self._lock_settings(False)
        self.refresh()
        if report.weights_usable:
            self.results.show_pending(
                translate(
                    "TrainingWorkspace", "Classifying the validation set with the weights the run ended with…"
                )
            )
            self.session.request_results()
        self.run_finished.emit(end)

    # -- runs and plots -------------------------------------------------------------------------

    @Slot(object)
    def _on_gradients(self, record: GradientRecord) -> None:
        """Gradient norms of the run in progress: kept with the run, drawn in the Gradients tab."""
        run = self.active_run
        if run is None:
            return
        if run.gradients is None:
            run.gradients = GradientRecord(list(record.layers))
        run.gradients.extend(record)
        if run is self.gradient_run:
            self.gradients.set_record(run.gradients)

    def _on_runs_selected(self) -> None:
        """A run picked in the list shows its gradient norms (if it recorded any)."""
        picked = [run for run in self.runs.selected_runs() if run.gradients is not None]
        if picked:
            self.gradient_run = picked[-1]
            self.gradients.set_record(self.gradient_run.gradients)

    def _on_run_added(self, run: Run) -> None:
        if run.shown:
            self.plots.show_run(run, now=not self.state.running)

    # -- results --------------------------------------------------------------------------------

    def request_results(self) -> None:
        """Classify the validation set with the current weights (after this epoch during a run)."""
        if self.state.weights.key is None and not self.state.running:
            self.results.show_problem(
                translate(
                    "TrainingWorkspace",
                    "there are no trained weights yet: train the network or open a checkpoint",
                )
            )
            return
        if self.state.running:
            self.results.show_pending(
                translate("TrainingWorkspace", "The results will update when this epoch ends…")
            )
        self.session.request_results()

    def _on_view_changed(self) -> None:
        if self.state.running and self.center_tabs.currentWidget() is self.results:
            self.session.request_results()

    @Slot(object)
    def _on_results(self, results: Results) -> None:
        self.state.results = results
        self.results.set_results(results, self.state.describe_results(results))
        if self.state.running and self.center_tabs.currentWidget() is self.results:
            self.session.request_results()  # keep them live while the student watches
        self.results_changed.emit(results)
        self.refresh()  # results that came for weights since replaced are cleared at once

    @Slot(str)
    def _on_results_failed(self, message: str) -> None:
        self.results.show_problem(core_text(message))

    @Slot(object)
    def _on_weights_changed(self, state: WeightsState) -> None:
        self.state.weights = state
        self.refresh()

    def _on_checkpoint_done(self, _news) -> None:
        self.refresh()

    # -- checkpoints ----------------------------------------------------------------------------

    def save_checkpoint(self, path: Path) -> None:
        """Write the trained network, weights and run to *path* (in the worker)."""
        self.checkpoints.save(path)

    def open_checkpoint(self, path: Path) -> bool:
        """Open the checkpoint at *path* (after ``confirm_replace``); False if the student declined."""
        return self.checkpoints.open(path, self.state.running)

    # -- closing --------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop a download (the session stops the run); unlock the document."""
        self.dataset.shutdown()
        self.document.set_editable(True)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _best_accuracy(history: RunHistory) -> tuple[float, int] | None:
    """The run's best validation accuracy and its epoch (None before the first epoch ended)."""
    if not history.epochs:
        return None
    best = max(history.epochs, key=lambda e: e["val_accuracy"] if e["val_accuracy"] is not None else -1)
    return best["val_accuracy"], best["epoch"]
