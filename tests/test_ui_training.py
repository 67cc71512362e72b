"""The training panel in the real main window: a run through the GUI worker from start to end.

LeNet-5 learns the bundled digits with the panel's default settings; Stop ends a run before
the batch in progress and keeps the weights; Pause holds the steps until Resume; a NaN loss or running out of
memory stops the run with the trainer's advice; the network is locked while it trains; closing
the window mid-run ends the worker thread cleanly.
"""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import QCoreApplication
from support.training import small_net
from support.training_panel import LEFT, TRAIN_TIMEOUT_MS, run_to_end, start_and_wait_steps, training_window

from cnnstudio.training import Failed, FailureKind, Finished, Trainer, TrainSettings
from cnnstudio.ui.commands import SetParamCommand, execute

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture
def batches_begun(monkeypatch) -> list[bool]:
    """One entry per batch the worker's trainer trains: whether a stop had been asked for by then.
    A stop lets the batch in progress end the run: at most one batch (the one that was past its
    check when the click came) may see the stop, none after it."""
    begun: list[bool] = []
    train_step = Trainer._train_step

    def watched(trainer, *args):
        begun.append(trainer.control.stop_requested)
        return train_step(trainer, *args)

    monkeypatch.setattr(Trainer, "_train_step", watched)
    return begun


@pytest.fixture
def watch_pause_polls(monkeypatch):
    """``watch_pause_polls(session)``: a list that grows each time the paused trainer of that
    session looks whether to go on."""

    def watch(session) -> list[float]:
        polls: list[float] = []
        wait = session.control.wait_while_paused

        def watched(timeout: float) -> bool:
            polls.append(timeout)
            return wait(timeout)

        monkeypatch.setattr(session.control, "wait_while_paused", watched)
        return polls

    return watch


@pytest.mark.slow
def test_lenet5_learns_the_digits_with_the_panel_defaults(qtbot):
    window, workspace = training_window(qtbot)
    assert window.document.network.name == "LeNet-5"
    assert workspace.dataset.spec() == "digits"
    defaults = TrainSettings().to_dict()
    assert workspace.form.settings() == defaults  # Adam, lr 0.001, batches of 64, 10 epochs
    end = run_to_end(qtbot, workspace)
    assert isinstance(end.event, Finished) and not end.event.stopped
    run = workspace.store.runs[-1]
    epochs = run.history.epochs
    assert len(epochs) == defaults["epochs"] <= 20
    assert epochs[-1]["val_accuracy"] >= 0.95
    assert run.history.status == "finished"
    # the results the worker computes afterwards agree: the confusion matrix's diagonal
    qtbot.waitUntil(lambda: workspace.results.results is not None, timeout=60_000)
    matrix = workspace.results.results.matrix
    assert matrix.shape == (10, 10)
    assert matrix.trace() / matrix.sum() >= 0.95
    assert window.document.editable


def test_train_is_disabled_with_the_reason_until_the_network_fits(qtbot, set_param):
    window, workspace = training_window(qtbot)
    start, reason = workspace.controls.start, workspace.controls.reason
    assert start.isEnabled() and reason.text() == ""
    set_param(window.document, "fc3", "units", 7)
    assert not start.isEnabled()
    assert "the last layer has 7 outputs but Handwritten digits has 10 classes" in reason.text()
    assert "set fc3's units to 10" in start.toolTip()
    set_param(window.document, "conv1", "kernel", 40)  # larger than the 32x32 input
    assert not start.isEnabled()
    assert reason.text().startswith("Cannot train: fix the network's errors first")
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert start.isEnabled() and reason.text() == ""
    qtbot.mouseClick(start, LEFT)  # the fixed network trains
    assert workspace.session.running
    workspace.session.stop()
    qtbot.waitUntil(lambda: not workspace.session.running, timeout=TRAIN_TIMEOUT_MS)


def test_the_network_is_locked_while_it_trains(qtbot):
    window, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(50)
    document = window.document
    start_and_wait_steps(qtbot, workspace)
    assert not document.editable
    node = document.network.find("fc3")
    assert not execute(document, SetParamCommand(document.network, node.id, "units", 7))
    assert node.params["units"] == 10
    assert not workspace.form.isEnabled() and not workspace.dataset.kind.isEnabled()
    with qtbot.waitSignal(workspace.run_finished, timeout=TRAIN_TIMEOUT_MS):
        qtbot.mouseClick(workspace.controls.stop, LEFT)
    assert document.editable
    assert execute(document, SetParamCommand(document.network, node.id, "units", 10))


def test_stop_ends_the_run_at_the_batch_in_progress_and_keeps_the_weights(qtbot, batches_begun):
    _, workspace = training_window(qtbot)
    controls = workspace.controls
    workspace.form.epochs.setValue(50)
    assert not controls.stop.isEnabled() and not controls.pause.isEnabled()
    start_and_wait_steps(qtbot, workspace, steps=5)
    assert controls.stop.isEnabled() and controls.pause.isEnabled() and not controls.start.isEnabled()
    with qtbot.waitSignal(workspace.run_finished, timeout=TRAIN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(controls.stop, LEFT)
    assert batches_begun.count(True) <= 1  # the batch in progress ended the run
    event = ended.args[0].event
    assert isinstance(event, Finished) and event.stopped
    run = workspace.store.runs[-1]
    assert run.history.status == "stopped"
    assert not controls.stop.isEnabled() and controls.start.isEnabled()
    qtbot.waitUntil(lambda: workspace.weights.steps == event.step)
    assert "continues from the trained weights" in controls.weights.text()
    assert controls.reset.isEnabled() and controls.save.isEnabled()


def test_pause_holds_the_steps_until_resume(qtbot, watch_pause_polls):
    _, workspace = training_window(qtbot)
    pause_polls = watch_pause_polls(workspace.session)
    controls = workspace.controls
    workspace.form.epochs.setValue(50)
    start_and_wait_steps(qtbot, workspace)
    with qtbot.waitSignal(workspace.pause_changed, timeout=10_000) as paused:
        qtbot.mouseClick(controls.pause, LEFT)
    assert paused.args == [True]
    assert controls.pause.text() == "Resume" and controls.stop.isEnabled()
    history = workspace.active_run.history
    # the worker sends its steps before it says it paused: once that has arrived, all have
    qtbot.waitUntil(lambda: "Paused after step" in controls.status.text(), timeout=30_000)
    held = len(history.steps)
    assert f"Paused after step {history.steps[-1]:,}" in controls.status.text()
    polled = len(pause_polls)
    qtbot.waitUntil(lambda: len(pause_polls) >= polled + 3, timeout=30_000)  # two whole polls, paused
    assert len(history.steps) == held
    with qtbot.waitSignal(workspace.pause_changed, timeout=10_000) as resumed:
        qtbot.mouseClick(controls.pause, LEFT)
    assert resumed.args == [False] and controls.pause.text() == "Pause"
    qtbot.waitUntil(lambda: len(history.steps) > held + 3, timeout=30_000)
    assert history.steps[held] == history.steps[held - 1] + 1  # nothing skipped while paused
    with qtbot.waitSignal(workspace.run_finished, timeout=TRAIN_TIMEOUT_MS):
        qtbot.mouseClick(controls.stop, LEFT)


def test_a_nan_loss_stops_the_run_with_the_trainers_advice(qtbot):
    window, workspace = training_window(qtbot, small_net(classes=10, shape=(1, 8, 8)))
    form = workspace.form
    form.optimizer.setCurrentIndex(form.optimizer.findData("sgd"))
    form.lr.setValue(1000.0)
    end = run_to_end(qtbot, workspace)
    failed = end.event
    assert isinstance(failed, Failed) and failed.kind is FailureKind.DIVERGED
    banner = workspace.controls.banner
    assert banner.isVisible()
    assert f"{failed.reason[0].upper()}{failed.reason[1:]}." in banner.text()
    assert "lower the learning rate (now 1000), e.g. to 0.01, and reset the weights" in banner.text()
    assert workspace.store.runs[-1].history.status == "failed"
    assert window.document.editable and workspace.controls.start.isEnabled()


def test_running_out_of_memory_suggests_a_smaller_batch(qtbot, monkeypatch):
    _, workspace = training_window(qtbot)

    def out_of_memory(*args, **kwargs):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(torch.nn.functional, "cross_entropy", out_of_memory)
    end = run_to_end(qtbot, workspace)
    assert isinstance(end.event, Failed)
    text = workspace.controls.banner.text()
    assert "ran out of memory at step 1" in text
    assert "use a smaller batch size (now 64), e.g. 32" in text


def test_closing_the_window_mid_run_ends_the_worker_thread(qtbot, batches_begun):
    window, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(50)
    start_and_wait_steps(qtbot, workspace)
    session = workspace.session
    thread = session.thread
    assert thread.isRunning()
    window.document.undo_stack.setClean()
    assert window.close()
    # the close stopped the run at the batch in progress; it did not wait out the 50 epochs
    settings = workspace.form.settings()
    planned = settings["epochs"] * -(-workspace.dataset_info.train_count // settings["batch_size"])
    assert batches_begun.count(True) <= 1 and len(batches_begun) < planned
    assert thread.isFinished() and session.thread is None and session.closed
    assert window.document.editable
    QCoreApplication.sendPostedEvents()  # queued signals from the last steps arrive harmlessly
    QCoreApplication.processEvents()


def test_the_panel_loads_torch_only_when_its_tab_is_shown(qtbot, make_window):
    window = make_window()
    panel = window.training_panel
    qtbot.wait(50)
    assert panel.session.thread is None and not panel.is_ready
    with qtbot.waitSignal(panel.ready, timeout=60_000):
        window.training_dock.raise_()
    devices = [panel.workspace.form.device.itemData(i) for i in range(panel.workspace.form.device.count())]
    assert devices[0] == "auto" and "cpu" in devices
