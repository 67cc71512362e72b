"""The training panel on the real widgets: results that follow the weights, one labelled figure
per meaning, words that count right, a first time-left estimate that ignores warm-up, and Reset
weights that never runs PyTorch on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from support.training_panel import LEFT, run_to_end, training_window

from cnnstudio.core import preset
from cnnstudio.training import Finished, Started, Step, Trainer
from cnnstudio.ui.training.backend import TrainingBackend

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def trained_with_results(qtbot, epochs: int = 1):
    window, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(epochs)
    with qtbot.waitSignal(workspace.results_changed, timeout=120_000) as shown:
        end = run_to_end(qtbot, workspace)
    return window, workspace, end, shown.args[0]


def test_opening_another_network_clears_the_results_of_the_last_one(qtbot):
    window, workspace, _, results = trained_with_results(qtbot)
    assert workspace.results.results is results
    with qtbot.waitSignal(workspace.results_cleared) as cleared:
        window.document.replace_network(preset("resnet20"))
    assert cleared.args[0].startswith("they were for another network")
    assert workspace.results.results is None
    assert workspace.results.summary.text().startswith("No results: they were for another network")


def test_reset_weights_clears_the_results(qtbot):
    _, workspace, _, _ = trained_with_results(qtbot)
    with qtbot.waitSignal(workspace.results_cleared, timeout=30_000) as cleared:
        qtbot.mouseClick(workspace.controls.reset, LEFT)
    assert cleared.args[0].startswith("the weights were reset")
    assert workspace.results.results is None


def test_the_status_line_and_the_results_give_the_same_labelled_figure(qtbot):
    _, workspace, end, results = trained_with_results(qtbot, epochs=2)
    assert isinstance(end.event, Finished) and not end.event.stopped
    last = f"{100 * end.event.val_accuracy:.1f}%"
    status = workspace.controls.status.text()
    assert f"validation accuracy {last} at the last epoch" in status
    assert results.accuracy == pytest.approx(end.event.val_accuracy)  # the same weights, the same images
    summary = workspace.results.summary.text()
    assert f"Validation accuracy {last}</b> with the current weights" in summary


def test_one_epoch_is_one_epoch_in_every_line(qtbot):
    _, workspace, _, _ = trained_with_results(qtbot, epochs=1)
    assert " 1 epoch in " in workspace.controls.status.text()
    outcome = workspace.store.runs[-1].outcome()
    assert outcome.endswith("after 1 epoch") and "epochs" not in outcome


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_first_time_left_ignores_the_warm_up_of_the_first_steps(qtbot):
    """The worker's news, as the panel gets it, for a run of 1,000 steps whose first report came
    after 20 s of warm-up and whose steps then take 0.1 s: about 1.5 minutes left, not 22."""
    _, workspace = training_window(qtbot)
    clock = Clock()
    workspace.tracker.clock = clock
    session = workspace.session
    workspace.state.running = True  # as after a click on Train
    session.run_started.emit(
        Started("cpu (1 threads)", False, 10, 100, 6400, 1600, 61706), workspace_history()
    )
    clock.now = 20.0
    session.progress.emit([Step(1, 1, 2.3, 1e-3, 3.0)])
    workspace._progress_pacer.flush()
    assert "estimating the time left" in workspace.controls.status.text()
    clock.now = 20.5
    session.progress.emit([Step(step, 1, 2.0, 1e-3, 640.0) for step in range(2, 7)])
    workspace._progress_pacer.flush()
    assert "about 1 min 39 s left" in workspace.controls.status.text()


def workspace_history() -> dict:
    from cnnstudio.training.history import RunHistory

    return RunHistory("LeNet-5", "digits", {"optimizer": "adam", "lr": 1e-3}).to_dict()


@pytest.fixture
def reset_threads(monkeypatch):
    """The threads Trainer weights are reset in (the GUI thread must never be one)."""
    threads: list[threading.Thread] = []
    real_reset = Trainer._reset_now

    def recorded(self):
        threads.append(threading.current_thread())
        return real_reset(self)

    monkeypatch.setattr(Trainer, "_reset_now", recorded)
    return threads


def test_reset_between_runs_is_done_by_the_worker(qtbot, reset_threads):
    _, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(1)
    run_to_end(qtbot, workspace)
    qtbot.waitUntil(lambda: workspace.weights.steps > 0)
    qtbot.mouseClick(workspace.controls.reset, LEFT)
    qtbot.waitUntil(lambda: workspace.weights.steps == 0, timeout=30_000)
    assert len(reset_threads) == 1 and reset_threads[0] is not threading.main_thread()


def test_a_reset_arriving_after_the_run_ended_but_before_the_panel_knows_is_done_by_the_worker(
    qtbot, reset_threads, monkeypatch
):
    """The race of a Reset clicked while the worker is wrapping up a run: the trainer has
    finished, the panel still shows it running. The reset must still happen, in the worker."""
    _, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(1)
    wrapping_up, go_on = threading.Event(), threading.Event()
    real_record = TrainingBackend.record_run

    def record_slowly(self, steps):
        wrapping_up.set()
        assert go_on.wait(30)
        return real_record(self, steps)

    monkeypatch.setattr(TrainingBackend, "record_run", record_slowly)
    with qtbot.waitSignal(workspace.run_finished, timeout=120_000):
        qtbot.mouseClick(workspace.controls.start, LEFT)
        qtbot.waitUntil(wrapping_up.is_set, timeout=120_000)
        assert workspace.session.running  # the panel has not heard of the end yet
        workspace.reset_weights()
        go_on.set()
    qtbot.waitUntil(lambda: workspace.weights.steps == 0 and bool(reset_threads), timeout=30_000)
    assert all(thread is not threading.main_thread() for thread in reset_threads)
    assert "fresh initial weights" in workspace.controls.weights.text()


def test_reset_during_a_run_stops_it_and_the_worker_resets(qtbot, reset_threads):
    _, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(50)
    with qtbot.waitSignal(workspace.run_started, timeout=60_000):
        qtbot.mouseClick(workspace.controls.start, LEFT)
    qtbot.waitUntil(lambda: len(workspace.active_run.history.steps) >= 3, timeout=60_000)
    with qtbot.waitSignal(workspace.run_finished, timeout=60_000):
        qtbot.mouseClick(workspace.controls.reset, LEFT)
    qtbot.waitUntil(lambda: workspace.weights.steps == 0, timeout=30_000)
    assert reset_threads and all(thread is not threading.main_thread() for thread in reset_threads)


def test_saving_a_checkpoint_onto_a_folder_keeps_the_weights_in_a_rescue_file(qtbot, tmp_path, monkeypatch):
    from cnnstudio.training import checkpoint, load_checkpoint

    rescue = tmp_path / "rescue"
    rescue.mkdir()
    monkeypatch.setattr(checkpoint, "rescue_folders", lambda: [rescue])
    _, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(1)
    run_to_end(qtbot, workspace)
    with qtbot.waitSignal(workspace.checkpoint_failed, timeout=30_000) as failed:
        workspace.save_checkpoint(tmp_path)  # a folder, not a file
    saved = list(rescue.glob("cnnstudio-rescued-*.pt"))
    assert len(saved) == 1
    assert f"the weights were saved to {saved[0]} instead" in failed.args[0]
    assert failed.args[0] in workspace.controls.banner.text()
    assert load_checkpoint(saved[0]).network.name == "LeNet-5"
