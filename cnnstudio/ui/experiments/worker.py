"""The experiments' worker: a QObject moved to the training worker's thread, so all their torch
work runs there, one piece after another with the training panel's.

Its slots are called through queued signals from the GUI thread (the
:class:`~.controller.Experiments` controller connects them); its signals reach the windows'
slots in the GUI thread. The depth experiment blocks this thread while it trains, as a training
run does; it reads the session's :class:`~cnnstudio.training.RunControl`, so its Stop and the
window closing end it after the current batch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from ...training.control import RunControl
from ..training.worker import EventBatcher, unexpected_error
from .records import IdentityRequest, SampleRequest


class ExperimentWorker(QObject):
    """Runs the depth experiment, the inside view's forward passes and the identity check.

    Parameters
    ----------
    training : TrainingWorker
        The training panel's worker (same thread): its backend opens datasets and holds the
        trained weights.
    control : RunControl
        The session's run control (Stop, and the window closing, write it).

    Signals
    -------
    depth_progress(object)
        A list of :mod:`cnnstudio.training.depth` events (``RunBegan``, ``RunProgress``,
        ``RunDone``), at most four times a second.
    depth_finished(object, str)
        The :class:`~cnnstudio.training.depth.DepthResult` (None if it could not begin) and a
        problem ("" when none).
    inside_ready(object), inside_failed(str)
        An :class:`~.records.InsideView`, or why there is none.
    identity_ready(object), identity_failed(str)
        An :class:`~.records.IdentityResult`, or why there is none.
    """

    depth_progress = Signal(object)
    depth_finished = Signal(object, str)
    inside_ready = Signal(object)
    inside_failed = Signal(str)
    identity_ready = Signal(object)
    identity_failed = Signal(str)

    def __init__(self, training, control: RunControl) -> None:
        super().__init__()
        self.training = training
        self.control = control
        self._inside = None

    def _backend(self):
        if self._inside is None:
            from .backend import InsideBackend

            self._inside = InsideBackend(self.training)
        return self._inside

    @Slot(object)
    def run_depth(self, settings) -> None:
        """Train the four networks of the depth experiment as *settings* say."""
        from ...training.depth import run_depth_experiment

        batcher = EventBatcher()
        try:
            events = run_depth_experiment(settings, self.control)
            while True:
                batch = batcher.add(next(events))
                if batch:
                    self.depth_progress.emit(batch)
        except StopIteration as stop:
            self._flush(batcher)
            self.depth_finished.emit(stop.value, "")
        except ValueError as error:  # the dataset, the settings: the student's message
            self._flush(batcher)
            self.depth_finished.emit(None, str(error))
        except Exception as error:
            self._flush(batcher)
            self.depth_finished.emit(None, unexpected_error(error))
        finally:
            self.control.run_ended()

    def _flush(self, batcher: EventBatcher) -> None:
        batch = batcher.flush()
        if batch:
            self.depth_progress.emit(batch)

    @Slot(object, str)
    def inside(self, request: SampleRequest, layer: str) -> None:
        """The maps of *layer* for *request*'s network, weights and image."""
        try:
            self.inside_ready.emit(self._backend().inside(request, layer))
        except ValueError as error:
            self.inside_failed.emit(str(error))
        except Exception as error:
            self.inside_failed.emit(unexpected_error(error))

    @Slot(object)
    def identity(self, request: IdentityRequest) -> None:
        """Zero, restore or check a block's last layer (on the experiments' copy of the weights)."""
        try:
            self.identity_ready.emit(self._backend().identity(request))
        except (ValueError, KeyError) as error:
            self.identity_failed.emit(str(error.args[0]) if error.args else str(error))
        except Exception as error:
            self.identity_failed.emit(unexpected_error(error))
