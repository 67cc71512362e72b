"""Pause, resume, stop and reset from another thread, as the GUI will, while a worker trains."""

from __future__ import annotations

import queue
import threading
import time

import pytest
import torch
from support.training import blob_split, small_net

from cnnstudio.training import Epoch, Finished, Paused, Resumed, Step, Trainer, TrainSettings

pytestmark = pytest.mark.usefixtures("one_torch_thread")

LONG = TrainSettings(epochs=10_000, batch_size=16, report_every=1)


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

    def next_of(self, kind, timeout: float = 10.0):
        deadline = time.monotonic() + timeout
        while True:
            event = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            if isinstance(event, kind):
                return event
            assert event is not None, f"the run ended before a {kind.__name__} event"

    def drain(self) -> list:
        found = []
        while not self.events.empty():
            found.append(self.events.get())
        return found


def test_pause_holds_the_run_and_resume_continues_it():
    worker = Worker(Trainer(small_net(), blob_split(), LONG))
    worker.next_of(Step)
    worker.trainer.pause()
    paused = worker.next_of(Paused)
    assert worker.trainer.paused
    time.sleep(0.05)
    worker.drain()
    time.sleep(0.4)
    assert worker.drain() == []  # nothing happens while paused
    worker.trainer.resume()
    resumed = worker.next_of(Resumed)
    assert resumed.step == paused.step
    assert worker.next_of(Step).step == paused.step + 1
    worker.trainer.stop()
    assert worker.next_of(Finished).stopped
    worker.thread.join(5)


def test_stop_ends_the_run_within_a_second_and_keeps_the_weights():
    # steps are read from the device once per epoch here, so the stop comes between two reads
    trainer = Trainer(small_net(), blob_split(), LONG.with_changes(report_every=1000))
    initial = {k: v.clone() for k, v in trainer.module.state_dict().items()}
    worker = Worker(trainer)
    worker.next_of(Epoch)
    time.sleep(0.01)  # a few batches into the second epoch
    asked = time.monotonic()
    trainer.stop()
    finished = worker.next_of(Finished)
    assert time.monotonic() - asked < 1.0
    worker.thread.join(5)
    assert finished.stopped and not trainer.running
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
    worker.thread.join(5)
    assert not worker.trainer.paused


def test_reset_during_a_run_stops_it_and_restores_the_initial_weights():
    trainer = Trainer(small_net(), blob_split(), LONG.with_changes(seed=5))
    fresh = Trainer(small_net(), blob_split(), LONG.with_changes(seed=5)).module.state_dict()
    worker = Worker(trainer)
    worker.next_of(Step)
    trainer.reset_weights()
    assert worker.next_of(Finished).stopped
    worker.thread.join(5)
    for name, value in fresh.items():
        assert torch.equal(trainer.module.state_dict()[name], value)


def test_a_stopped_trainer_runs_again_from_where_it_stopped():
    trainer = Trainer(small_net(), blob_split(), LONG)
    worker = Worker(trainer)
    worker.next_of(Step)
    trainer.stop()
    worker.next_of(Finished)
    worker.thread.join(5)
    trainer.configure(LONG.with_changes(epochs=1))
    events = list(trainer.run())
    assert isinstance(events[-1], Finished) and not events[-1].stopped
