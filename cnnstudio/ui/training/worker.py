"""The training worker: a QObject living in its own thread, running every piece of torch work.

:class:`TrainingWorker`'s slots are called through queued signals from the GUI thread
(:class:`~cnnstudio.ui.training.session.TrainingSession`), so they run in the worker thread: the
first imports torch, the others open datasets, train, evaluate and read or write checkpoints.
A run blocks the worker's event loop while it trains; pause, stop and reset reach it through the
:class:`~cnnstudio.training.RunControl` the session and every trainer share (the GUI thread only
writes its flags; torch work, a reset of the weights included, always runs here). Step and epoch
events are gathered by
:class:`EventBatcher` and emitted together at most four times a second: each emission wakes the
GUI thread, which then holds Python's global lock for a moment, and a small network on the CPU
(LeNet-5) trains mostly in Python, so fewer wake-ups leave it more time.
"""

from __future__ import annotations

import contextlib
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from ...training.control import RunControl
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
        The saved path; a :class:`~.records.LoadedCheckpoint`; a message (nothing changed, or
        the weights were saved to a rescue file it names).
    weights_changed(object)
        A :class:`~.records.WeightsState` after a reset or an opened checkpoint (a run's
        ``RunEnd`` carries its own).
    gradients(object)
        A :class:`~cnnstudio.training.probes.GradientRecord`: the gradient norms of each weight
        layer sampled since the last one (with each ``progress``).
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
    gradients = Signal(object)

    def __init__(self, control: RunControl) -> None:
        super().__init__()
        self.control = control
        self.backend = None
        self._results_wanted = threading.Event()
        self._go_on = threading.Event()
        self._go_on.set()

    def want_results(self) -> None:
        """Compute results after the run's next epoch (safe from any thread)."""
        self._results_wanted.set()

    # -- preparation and datasets ---------------------------------------------------------

    def hold(self) -> None:
        """Pause the preparation at its next stage (the student is busy; safe from any thread)."""
        self._go_on.clear()

    def release(self) -> None:
        """Let the preparation go on (safe from any thread)."""
        self._go_on.set()

    @Slot()
    def prepare(self) -> None:
        """Import torch and the plotting library here, off the GUI thread, take a warm-up step
        and list the devices. Each stage waits while :meth:`hold` is in force: an import holds
        Python's global lock, so stages run only while the student is not editing."""
        if self.backend is not None:
            return
        for stage in (_import_torch, _import_plots, _warm_up):
            self._go_on.wait()
            stage()
        self._go_on.wait()
        from . import backend

        self.backend = backend.TrainingBackend(self.control)
        self.prepared.emit(backend.devices())

    @Slot(str, object, int)
    def open_dataset(self, spec: str, input_shape: tuple[int, int, int], seed: int) -> None:
        try:
            info = self.backend.dataset_info(spec, input_shape, seed)
        except ValueError as error:  # DatasetError and its kin carry the student's message
            self.dataset_failed.emit(spec, seed, str(error))
        except Exception as error:
            self.dataset_failed.emit(spec, seed, unexpected_error(error))
        else:
            self.dataset_ready.emit(info)

    # -- runs -------------------------------------------------------------------------------

    @Slot(object)
    def run(self, request: RunRequest) -> None:
        """Train as *request* says, emitting the events; always ends with ``run_ended``."""
        self._results_wanted.clear()
        if self.control.stop_requested:  # stopped (or reset) before it could begin
            self._end_without_run("")
            return
        try:
            trainer = self.backend.trainer_for(request)
        except Exception as error:  # DatasetError, NotTrainableError, DeviceError, SettingsError
            self._end_without_run(str(error) if isinstance(error, ValueError) else unexpected_error(error))
            return
        self._train(trainer)

    def _end_without_run(self, problem: str) -> None:
        if self.control.take_reset():
            self.backend.reset_weights()
        self.control.run_ended()
        self._end(None, problem, None)

    def _train(self, trainer) -> None:
        from ...training import Epoch, Failed, Finished, Paused, Resumed, Step

        trainer.probe = _gradient_probe(trainer)
        events = trainer.run()
        batcher = EventBatcher()
        last = None
        try:
            started = next(events)
            self.run_started.emit(started, trainer.history.to_dict())
            for event in events:
                if isinstance(event, Step | Epoch):
                    batch = batcher.add(event)
                    if batch:
                        self._emit_progress(batch, trainer)
                    if isinstance(event, Epoch):
                        self._results_if_wanted(batcher, trainer)
                    continue
                self._flush(batcher, trainer)
                if isinstance(event, Paused):
                    self.paused.emit(event)
                elif isinstance(event, Resumed):
                    self.resumed.emit(event)
                elif isinstance(event, Finished | Failed):
                    last = event
            self._flush(batcher, trainer)
        except Exception as error:  # a bug, not a training failure: end the run, say what it was
            self._flush(batcher, trainer)
            self._finish_run(trainer, None, unexpected_error(error))
            return
        self._finish_run(trainer, last, "")

    def _finish_run(self, trainer, event, problem: str) -> None:
        history = trainer.history
        if self.control.take_reset():  # asked for after the trainer itself had finished
            self.backend.reset_weights()
        elif trainer.weights_fresh:  # the trainer reset them (a reset asked for during the run)
            self.backend.forget_steps()
        else:
            self.backend.record_run(len(history.steps) if history is not None else 0)
        self._end(event, problem, history.to_dict() if history else None)

    def _end(self, event, problem: str, history: dict | None) -> None:
        self.run_ended.emit(RunEnd(event, problem, history, self.backend.weights_state()))

    def _flush(self, batcher: EventBatcher, trainer) -> None:
        batch = batcher.flush()
        if batch:
            self._emit_progress(batch, trainer)

    def _emit_progress(self, batch: list, trainer) -> None:
        """The events, then the gradient norms sampled meanwhile (read from the device at once)."""
        self.progress.emit(batch)
        if trainer.probe is not None:
            record = trainer.probe.take()
            if record.steps:
                self.gradients.emit(record)

    def _results_if_wanted(self, batcher: EventBatcher, trainer) -> None:
        if self._results_wanted.is_set():
            self._results_wanted.clear()
            self._flush(batcher, trainer)  # the epoch first, then the results computed after it
            self.results()

    # -- results, weights, checkpoints --------------------------------------------------------

    @Slot()
    def results(self) -> None:
        try:
            self.results_ready.emit(self.backend.results())
        except Exception as error:
            self.results_failed.emit(
                str(error) if isinstance(error, RuntimeError) else unexpected_error(error)
            )

    @Slot()
    def reset_weights(self) -> None:
        self.backend.reset_weights()
        self.weights_changed.emit(self.backend.weights_state())

    @Slot(str)
    def save_checkpoint(self, path: str) -> None:
        try:
            saved = self.backend.save(Path(path))
        except RuntimeError as error:
            self.checkpoint_failed.emit(str(error))
            return
        if saved.problem:
            self.checkpoint_failed.emit(saved.message(Path(path)))
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
            self.checkpoint_failed.emit(unexpected_error(error))
            return
        self.checkpoint_loaded.emit(loaded)
        self.weights_changed.emit(self.backend.weights_state())


GRADIENT_SAMPLES = 200
"""About how many times a run samples its gradient norms (every k steps, k from the run's length)."""


def _gradient_probe(trainer):
    from ...training.probes import GradientProbe

    settings = trainer.settings
    steps = settings.epochs * max(1, -(-len(trainer.data.train) // settings.batch_size))
    return GradientProbe(trainer.module, every=max(1, steps // GRADIENT_SAMPLES))


def _import_torch() -> None:
    import torch  # noqa: F401


def _import_plots() -> None:
    import pyqtgraph  # noqa: F401  (imported here so the GUI thread finds it loaded)


def _warm_up() -> None:
    from . import backend

    # only a head start: a device that fails here fails again, with a message, when Train is clicked
    with contextlib.suppress(Exception):
        backend.warm_up()


def unexpected_error(error: Exception) -> str:
    """A message for an error nobody planned for, with where it happened (in the app's language:
    Qt's translation is safe to use from the worker's thread)."""
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    message = f"{type(error).__name__}: {error}"
    if not where:
        text = QCoreApplication.translate("TrainingWorker", "an unexpected error stopped it: {error}")
        return text.format(error=message)
    text = QCoreApplication.translate(
        "TrainingWorker", "an unexpected error stopped it: {error} (in {function}, {file}:{line})"
    )
    return text.format(
        error=message, function=where[0].name, file=Path(where[0].filename).name, line=where[0].lineno
    )
