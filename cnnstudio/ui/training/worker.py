"""The training worker: a QObject living in its own thread, running every piece of torch work.

:class:`TrainingWorker`'s slots are called through queued signals from the GUI thread
(:class:`~cnnstudio.ui.training.session.TrainingSession`), so they run in the worker thread: the
first imports torch, the others open datasets, train, evaluate and read or write checkpoints.
A run blocks the worker's event loop while it trains; pause, stop and reset reach it through
:class:`RunControl`, which the GUI thread calls directly. Step and epoch events are gathered by
:class:`EventBatcher` and emitted together at most four times a second: each emission wakes the
GUI thread, which then holds Python's global lock for a moment, and a small network on the CPU
(LeNet-5) trains mostly in Python, so fewer wake-ups leave it more time.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from .records import RunEnd, RunRequest

EMIT_SECONDS = 0.25


class EventBatcher:
    """Gathers events; :meth:`add` hands back the batch once *interval* seconds have passed."""

    def __init__(self, interval: float = EMIT_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.interval = interval
        self.clock = clock
        self.pending: list[Any] = []
        self.last_emit = clock()

    def add(self, event: Any) -> list[Any] | None:
        """Keep *event*; the whole batch if it is time to emit, else None."""
        self.pending.append(event)
        if self.clock() - self.last_emit >= self.interval:
            return self.flush()
        return None

    def flush(self) -> list[Any]:
        """The events gathered so far (possibly none), and start a new batch."""
        batch, self.pending = self.pending, []
        self.last_emit = self.clock()
        return batch


class RunControl:
    """Pause, resume, stop and reset requests from the GUI thread, for the run in progress.

    A request may come before the worker has made the run's trainer (the run request is still
    queued, or the dataset is opening): it is remembered and applied by :meth:`attach`. Every
    method takes one lock, so a request is never lost between the two threads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._trainer = None
        self._stop = self._pause = self._reset = False
        self.results_wanted = threading.Event()

    def arm(self) -> None:
        """A new run was asked for: forget the last run's requests."""
        with self._lock:
            self._stop = self._pause = self._reset = False
            self.results_wanted.clear()

    def attach(self, trainer) -> None:
        """The run has begun (its generator started): apply the requests made so far."""
        with self._lock:
            self._trainer = trainer
            if self._reset:
                trainer.reset_weights()
            elif self._stop:
                trainer.stop()
            elif self._pause:
                trainer.pause()

    def detach(self) -> bool:
        """The run has ended; True if a reset of the weights was asked for during it."""
        with self._lock:
            self._trainer = None
            return self._reset

    @property
    def stop_requested(self) -> bool:
        return self._stop

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            if self._trainer is not None:
                self._trainer.stop()

    def pause(self) -> None:
        with self._lock:
            self._pause = True
            if self._trainer is not None:
                self._trainer.pause()

    def resume(self) -> None:
        with self._lock:
            self._pause = False
            if self._trainer is not None:
                self._trainer.resume()

    def reset(self) -> None:
        """Stop the run and go back to fresh weights."""
        with self._lock:
            self._reset = self._stop = True
            if self._trainer is not None:
                self._trainer.reset_weights()


class TrainingWorker(QObject):
    """Runs the panel's torch work in the thread it was moved to.

    Signals
    -------
    prepared(object)
        torch is imported; the list of device names (best first).
    dataset_ready(object)
        A :class:`~.records.DatasetInfo` for a preview request.
    dataset_failed(str, int, str)
        The spec, seed and message of a dataset that cannot be opened.
    run_started(object, object)
        The trainer's ``Started`` event and the new run's history (JSON form, no steps yet).
    progress(object)
        A list of ``Step`` and ``Epoch`` events in order (at most every 250 ms, and before a
        pause or the end).
    paused(object), resumed(object)
        ``Paused`` / ``Resumed`` events.
    run_ended(object)
        A :class:`~.records.RunEnd`.
    results_ready(object), results_failed(str)
        :class:`~.records.Results` of the current weights, or why there are none.
    checkpoint_saved(str), checkpoint_loaded(object), checkpoint_failed(str)
        The saved path; a :class:`~.records.LoadedCheckpoint`; a message (nothing changed).
    weights_changed(object)
        A :class:`~.records.WeightsState` after a reset or an opened checkpoint (a run's
        ``RunEnd`` carries its own).
    """

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

    def __init__(self, control: RunControl) -> None:
        super().__init__()
        self.control = control
        self.backend = None

    # -- preparation and datasets ---------------------------------------------------------

    @Slot()
    def prepare(self) -> None:
        """Import torch and the plotting library here, off the GUI thread; list the devices."""
        import pyqtgraph  # noqa: F401  (imported now so the GUI thread finds it loaded)

        from . import backend

        if self.backend is not None:
            return
        self.backend = backend.TrainingBackend()
        self.prepared.emit(backend.devices())
        backend.warm_up()

    @Slot(str, object, int)
    def open_dataset(self, spec: str, input_shape: tuple[int, int, int], seed: int) -> None:
        try:
            info = self.backend.dataset_info(spec, input_shape, seed)
        except ValueError as error:  # DatasetError and its kin carry the student's message
            self.dataset_failed.emit(spec, seed, str(error))
        except Exception as error:
            self.dataset_failed.emit(spec, seed, _unexpected(error))
        else:
            self.dataset_ready.emit(info)

    # -- runs -------------------------------------------------------------------------------

    @Slot(object)
    def run(self, request: RunRequest) -> None:
        """Train as *request* says, emitting the events; always ends with ``run_ended``."""
        if self.control.stop_requested:  # stopped (or reset) before it could begin
            if self.control.detach():
                self.backend.reset_weights()
            self._end(None, "", None)
            return
        try:
            trainer = self.backend.trainer_for(request)
        except Exception as error:  # DatasetError, NotTrainableError, DeviceError, SettingsError
            message = str(error) if isinstance(error, ValueError) else _unexpected(error)
            self.control.detach()
            self._end(None, message, None)
            return
        self._train(trainer)

    def _train(self, trainer) -> None:
        from ...training import Epoch, Failed, Finished, Paused, Resumed, Step

        events = trainer.run()
        batcher = EventBatcher()
        last = None
        try:
            started = next(events)
            self.control.attach(trainer)
            self.run_started.emit(started, trainer.history.to_dict())
            for event in events:
                if isinstance(event, Step | Epoch):
                    batch = batcher.add(event)
                    if batch:
                        self.progress.emit(batch)
                    if isinstance(event, Epoch):
                        self._results_if_wanted(batcher)
                    continue
                self._flush(batcher)
                if isinstance(event, Paused):
                    self.paused.emit(event)
                elif isinstance(event, Resumed):
                    self.resumed.emit(event)
                elif isinstance(event, Finished | Failed):
                    last = event
            self._flush(batcher)
        except Exception as error:  # a bug, not a training failure: end the run, say what it was
            self._flush(batcher)
            self._finish_run(trainer, None, _unexpected(error))
            return
        self._finish_run(trainer, last, "")

    def _finish_run(self, trainer, event, problem: str) -> None:
        reset = self.control.detach()
        history = trainer.history
        if reset:
            self.backend.forget_steps()
        else:
            self.backend.record_run(len(history.steps) if history is not None else 0)
        self._end(event, problem, history.to_dict() if history else None)

    def _end(self, event, problem: str, history: dict | None) -> None:
        self.run_ended.emit(RunEnd(event, problem, history, self.backend.weights_state()))

    def _flush(self, batcher: EventBatcher) -> None:
        batch = batcher.flush()
        if batch:
            self.progress.emit(batch)

    def _results_if_wanted(self, batcher: EventBatcher) -> None:
        if self.control.results_wanted.is_set():
            self.control.results_wanted.clear()
            self._flush(batcher)  # the epoch first, then the results computed after it
            self.results()

    # -- results, weights, checkpoints --------------------------------------------------------

    @Slot()
    def results(self) -> None:
        try:
            self.results_ready.emit(self.backend.results())
        except Exception as error:
            self.results_failed.emit(str(error) if isinstance(error, RuntimeError) else _unexpected(error))

    @Slot()
    def reset_weights(self) -> None:
        self.backend.reset_weights()
        self.weights_changed.emit(self.backend.weights_state())

    @Slot(str)
    def save_checkpoint(self, path: str) -> None:
        try:
            self.backend.save(Path(path))
        except RuntimeError as error:
            self.checkpoint_failed.emit(str(error))
        except OSError as error:
            self.checkpoint_failed.emit(f"cannot write {path}: {error.strerror or error}")
        else:
            self.checkpoint_saved.emit(path)

    @Slot(str)
    def load_checkpoint(self, path: str) -> None:
        from ...training import CheckpointError

        try:
            loaded = self.backend.load(Path(path))
        except CheckpointError as error:
            self.checkpoint_failed.emit(str(error))
            return
        except Exception as error:
            self.checkpoint_failed.emit(_unexpected(error))
            return
        self.checkpoint_loaded.emit(loaded)
        self.weights_changed.emit(self.backend.weights_state())


def _unexpected(error: Exception) -> str:
    """A message for an error nobody planned for, with where it happened."""
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    place = f" (in {where[0].name}, {Path(where[0].filename).name}:{where[0].lineno})" if where else ""
    return f"an unexpected error stopped it: {type(error).__name__}: {error}{place}"
