"""Pause, resume, stop and reset from another thread, as the GUI will, while a worker trains.

The tests see the training thread's steps as they happen through the trainer's probe (called
after every optimizer step) and its pause through the run control it polls; they wait on those,
never on the clock, so they hold however loaded the machine is.
"""

from __future__ import annotations

import queue
import threading

import pytest
import torch
from support.training import blob_split, small_net

from cnnstudio.training import Epoch, Finished, Paused, Resumed, Step, Trainer, TrainSettings
from cnnstudio.training.control import RunControl

pytestmark = pytest.mark.usefixtures("one_torch_thread")

LONG = TrainSettings(epochs=10_000, batch_size=16, report_every=1)
HANG_SECONDS = 60.0
"""Bounds a hang only: every wait below ends as soon as its condition holds."""


class Worker:
    """Iterates a trainer's run in a thread and hands every event to the test through a queue."""

    def __init__(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self.events: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def _work(self) -> None:
        for event in self.trainer.run():
            self.events.put(event)
        self.events.put(None)

    def next_of(self, kind):
        while True:
            event = self.events.get(timeout=HANG_SECONDS)
            if isinstance(event, kind):
                return event
            assert event is not None, f"the run ended before a {kind.__name__} event"

    def drain(self) -> list:
        found = []
        while not self.events.empty():
            found.append(self.events.get())
        return found


class StepProbe:
    """A trainer probe: records every optimizer step as the training thread does it, and can hold
    that thread just after step *hold_at* until the test calls :meth:`release`."""

    def __init__(self, hold_at: int | None = None) -> None:
        self.steps: list[int] = []
        self.hold_at = hold_at
        self.holding = threading.Event()
        self._released = threading.Event()

    def observe(self, step: int) -> None:
        self.steps.append(step)
        if step == self.hold_at:
            self.holding.set()
            self._released.wait(HANG_SECONDS)

    def release(self) -> None:
        self._released.set()


class WatchedControl(RunControl):
    """A run control that counts how often the paused trainer has looked whether to go on."""

    def __init__(self) -> None:
        super().__init__()
        self.pause_checks = threading.Semaphore(0)

    def wait_while_paused(self, timeout: float) -> bool:
        self.pause_checks.release()
        return super().wait_while_paused(timeout)


def test_pause_holds_the_run_and_resume_continues_it():
    control = WatchedControl()
    trainer = Trainer(small_net(), blob_split(), LONG, control=control)
    trainer.probe = probe = StepProbe()
    worker = Worker(trainer)
    worker.next_of(Step)
    trainer.pause()
    paused = worker.next_of(Paused)
    assert trainer.paused
    for _ in range(3):  # the trainer has waited out two whole polls, still paused
        assert control.pause_checks.acquire(timeout=HANG_SECONDS)
    assert worker.drain() == []  # nothing happens while paused
    assert probe.steps[-1] == paused.step  # not one optimizer step since the pause
    trainer.resume()
    resumed = worker.next_of(Resumed)
    assert resumed.step == paused.step
    assert worker.next_of(Step).step == paused.step + 1
    trainer.stop()
    assert worker.next_of(Finished).stopped
    worker.thread.join(HANG_SECONDS)


def test_the_steps_done_are_reported_before_the_pause():
    # steps are read from the device once per epoch here; a pause reads those done so far
    trainer = Trainer(small_net(), blob_split(), LONG.with_changes(report_every=1000))
    trainer.probe = probe = StepProbe(hold_at=20)  # in the second epoch, which has 16 steps
    worker = Worker(trainer)
    assert probe.holding.wait(HANG_SECONDS)
    trainer.pause()
    probe.release()
    paused = worker.next_of(Paused)
    assert paused.step == 20 and trainer.history.steps[-4:] == [17, 18, 19, 20]
    trainer.stop()
    assert worker.next_of(Finished).stopped
    worker.thread.join(HANG_SECONDS)


def test_stop_ends_the_run_after_the_batch_in_progress_and_keeps_the_weights():
    # steps are read from the device once per epoch here, so the stop comes between two reads
    settings = LONG.with_changes(report_every=1000)
    trainer = Trainer(small_net(), blob_split(), settings)
    batches = len(trainer.data.train) // settings.batch_size
    trainer.probe = probe = StepProbe(hold_at=batches + 3)  # a few batches into the second epoch
    initial = {k: v.clone() for k, v in trainer.module.state_dict().items()}
    worker = Worker(trainer)
    assert worker.next_of(Epoch).step == batches
    assert probe.holding.wait(HANG_SECONDS)  # the training thread is inside batch hold_at
    trainer.stop()
    probe.release()
    finished = worker.next_of(Finished)
    worker.thread.join(HANG_SECONDS)
    assert finished.stopped and not trainer.running
    assert finished.step == probe.hold_at and probe.steps[-1] == probe.hold_at  # no batch after it
    assert trainer.history.status == "stopped"
    assert len(trainer.history.steps) == finished.step  # every step done is in the history
    assert not torch.equal(trainer.module.state_dict()["layers.fc.weight"], initial["layers.fc.weight"])
    predictions = trainer.evaluate()
    assert len(predictions) == len(trainer.data.val)
    assert not trainer.module.training


def test_stop_while_paused_ends_the_run():
    worker = Worker(Trainer(small_net(), blob_split(), LONG))
    worker.next_of(Step)
    worker.trainer.pause()
    worker.next_of(Paused)
    worker.trainer.stop()
    finished = worker.next_of(Finished)
    assert finished.stopped
    worker.thread.join(HANG_SECONDS)
    assert not worker.trainer.paused


def test_reset_during_a_run_stops_it_and_restores_the_initial_weights():
    trainer = Trainer(small_net(), blob_split(), LONG.with_changes(seed=5))
    fresh = Trainer(small_net(), blob_split(), LONG.with_changes(seed=5)).module.state_dict()
    worker = Worker(trainer)
    worker.next_of(Step)
    trainer.reset_weights()
    assert worker.next_of(Finished).stopped
    worker.thread.join(HANG_SECONDS)
    for name, value in fresh.items():
        assert torch.equal(trainer.module.state_dict()[name], value)


def test_a_stopped_trainer_runs_again_from_where_it_stopped():
    trainer = Trainer(small_net(), blob_split(), LONG)
    worker = Worker(trainer)
    worker.next_of(Step)
    trainer.stop()
    worker.next_of(Finished)
    worker.thread.join(HANG_SECONDS)
    trainer.configure(LONG.with_changes(epochs=1))
    events = list(trainer.run())
    assert isinstance(events[-1], Finished) and not events[-1].stopped
