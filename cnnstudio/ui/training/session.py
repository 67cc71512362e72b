"""The GUI thread's handle on the training worker: starts its thread, sends it work, stops it.

:class:`TrainingSession` lives in the GUI thread. It starts the worker thread on first use
(:meth:`prepare`), asks the worker for work through queued signals, and forwards pause, stop and
reset straight to :class:`~.worker.RunControl`. :meth:`shutdown` stops a run and the thread and
waits for both; the panel calls it when the window closes or the application quits, so no
thread outlives its window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .records import RunRequest
from .worker import RunControl, TrainingWorker


class TrainingSession(QObject):
    """Sends work to the worker thread and tells whether a run is in flight.

    The worker's signals (see :class:`~.worker.TrainingWorker`) are reachable as
    ``session.worker.<signal>``; connect them to slots of objects living in the GUI thread.

    Signals
    -------
    running_changed(bool)
        A run was asked for (True) or its ``run_ended`` arrived (False).
    """

    running_changed = Signal(bool)

    _prepare = Signal()
    _open_dataset = Signal(str, object, int)
    _run = Signal(object)
    _results = Signal()
    _reset = Signal()
    _save = Signal(str)
    _load = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = RunControl()
        self.worker = TrainingWorker(self.control)
        self.thread: QThread | None = None
        self.running = False
        self.prepared = False
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
        self.worker.prepared.connect(self._on_prepared)
        self.worker.run_ended.connect(self._on_run_ended)

    # -- the thread ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Start the worker thread and have it import torch (once; later calls do nothing)."""
        if self.thread is not None or self.closed:
            return
        self.thread = QThread()
        self.thread.setObjectName("trainingWorker")
        self.worker.moveToThread(self.thread)
        self.thread.start()
        self._prepare.emit()

    @Slot(object)
    def _on_prepared(self, _devices) -> None:
        self.prepared = True

    def shutdown(self) -> None:
        """Stop any run, end the worker thread and wait for it (the weights are kept until then)."""
        self.closed = True
        self.control.stop()
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
    def _on_run_ended(self, _end) -> None:
        self.running = False
        self.running_changed.emit(False)

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def stop(self) -> None:
        """End the run after the current batch, keeping the weights."""
        self.control.stop()

    def reset_weights(self) -> None:
        """Fresh weights; during a run this also stops it."""
        if self.running:
            self.control.reset()
        else:
            self._reset.emit()

    def request_results(self) -> None:
        """Results of the current weights: now when idle, after the next epoch during a run."""
        if self.running:
            self.control.results_wanted.set()
        else:
            self._results.emit()

    def save_checkpoint(self, path: Path) -> None:
        self._save.emit(str(path))

    def load_checkpoint(self, path: Path) -> None:
        self._load.emit(str(path))
