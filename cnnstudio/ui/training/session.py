"""The GUI thread's handle on the training worker: starts its thread, sends it work, stops it.

:class:`TrainingSession` lives in the GUI thread. It starts the worker thread on first use
(:meth:`prepare`), asks the worker for work through queued signals and re-emits the worker's
answers as its own signals, which arrive in the GUI thread. Pause, stop and reset write the one
:class:`~cnnstudio.training.RunControl` that the worker's trainers read; no torch work ever runs
here (a reset between runs is sent to the worker). :meth:`shutdown` stops a run and the thread
and waits for both; the panel calls it when the window closes or the application quits, so no
thread outlives its window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ...training.control import RunControl
from .records import RunRequest
from .worker import TrainingWorker


class TrainingSession(QObject):
    """Sends work to the worker thread and tells whether a run is in flight.

    Signals
    -------
    running_changed(bool)
        A run was asked for (True) or its ``run_ended`` arrived (False).
    busy_changed()
        Other work took the worker (an experiment) or gave it back (see :meth:`set_busy`).
    prepared, dataset_ready, dataset_failed, run_started, progress, paused, resumed, run_ended,
    results_ready, results_failed, checkpoint_saved, checkpoint_loaded, checkpoint_failed,
    weights_changed
        The worker's signals of the same names (see :class:`~.worker.TrainingWorker`), delivered
        in the GUI thread.
    """

    running_changed = Signal(bool)
    busy_changed = Signal()
    prepared = Signal(object)
    dataset_ready = Signal(object)
    dataset_failed = Signal(str, int, str)
    run_started = Signal(object, object)
    progress = Signal(object)
    paused = Signal(object)
    resumed = Signal(object)
    run_ended = Signal(object)
    results_ready = Signal(object)
    results_failed = Signal(str)
    checkpoint_saved = Signal(str)
    checkpoint_loaded = Signal(object)
    checkpoint_failed = Signal(str)
    weights_changed = Signal(object)
    gradients = Signal(object)

    _prepare = Signal()
    _open_dataset = Signal(str, object, int)
    _run = Signal(object)
    _results = Signal()
    _reset = Signal()
    _save = Signal(str)
    _load = Signal(str)

    _FORWARDED = (
        "dataset_ready",
        "dataset_failed",
        "run_started",
        "progress",
        "paused",
        "resumed",
        "results_ready",
        "results_failed",
        "checkpoint_saved",
        "checkpoint_loaded",
        "checkpoint_failed",
        "weights_changed",
        "gradients",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = RunControl()
        self.worker = TrainingWorker(self.control)
        self.thread: QThread | None = None
        self.running = False
        self.busy = ""
        self.prepared_devices: list[str] | None = None
        self.closed = False
        for signal, slot in (
            (self._prepare, self.worker.prepare),
            (self._open_dataset, self.worker.open_dataset),
            (self._run, self.worker.run),
            (self._results, self.worker.results),
            (self._reset, self.worker.reset_weights),
            (self._save, self.worker.save_checkpoint),
            (self._load, self.worker.load_checkpoint),
        ):
            signal.connect(slot)
        for name in self._FORWARDED:
            getattr(self.worker, name).connect(getattr(self, name))
        self.worker.prepared.connect(self._on_prepared)
        self.worker.run_ended.connect(self._on_run_ended)

    # -- the thread ---------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        """Whether the worker thread was started (it may still be loading torch)."""
        return self.thread is not None

    @property
    def is_prepared(self) -> bool:
        return self.prepared_devices is not None

    def set_busy(self, what: str) -> None:
        """Other work has the worker (*what* says which, for the Train button), or "" once it ends."""
        if what != self.busy:
            self.busy = what
            self.busy_changed.emit()

    def hold(self) -> None:
        """Pause the worker's preparation at its next stage (the student is busy)."""
        self.worker.hold()

    def release(self) -> None:
        """Let the worker's preparation go on."""
        self.worker.release()

    def prepare(self) -> None:
        """Start the worker thread and have it import torch and take a warm-up step (once)."""
        if self.thread is not None or self.closed:
            return
        self.thread = QThread()
        self.thread.setObjectName("trainingWorker")
        self.worker.moveToThread(self.thread)
        self.thread.start()
        self._prepare.emit()

    @Slot(object)
    def _on_prepared(self, devices) -> None:
        self.prepared_devices = list(devices)
        self.prepared.emit(devices)

    def shutdown(self) -> None:
        """Stop any run, end the worker thread and wait for it (the weights are kept until then)."""
        self.closed = True
        self.control.stop()
        self.worker.release()  # a held preparation must be able to end
        if self.thread is None:
            return
        self.thread.quit()
        self.thread.wait()
        self.thread = None

    # -- work ---------------------------------------------------------------------------------

    def open_dataset(self, spec: str, input_shape: tuple[int, int, int], seed: int) -> None:
        self._open_dataset.emit(spec, tuple(input_shape), seed)

    def start_run(self, request: RunRequest) -> None:
        """Ask the worker to train; ``running`` stays True until its ``run_ended`` arrives."""
        if self.running or self.closed:
            return
        self.control.arm()
        self.running = True
        self.running_changed.emit(True)
        self._run.emit(request)

    @Slot(object)
    def _on_run_ended(self, end) -> None:
        self.running = False
        if self.control.take_reset():  # Reset came after the worker had finished with the run
            self._reset.emit()
        self.run_ended.emit(end)
        self.running_changed.emit(False)

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def stop(self) -> None:
        """End the run after the current batch, keeping the weights."""
        self.control.stop()

    def reset_weights(self) -> None:
        """Fresh weights, made in the worker; during a run this also stops it."""
        if self.running:
            self.control.request_reset()
        else:
            self._reset.emit()

    def request_results(self) -> None:
        """Results of the current weights: now when idle, after the next epoch during a run."""
        if self.running:
            self.worker.want_results()
        else:
            self._results.emit()

    def save_checkpoint(self, path: Path) -> None:
        self._save.emit(str(path))

    def load_checkpoint(self, path: Path) -> None:
        self._load.emit(str(path))
