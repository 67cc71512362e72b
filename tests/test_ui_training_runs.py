"""Runs and checkpoints in the training panel: overlaying runs, exporting and deleting them, saving
weights and opening them again with identical predictions, refusing a damaged file."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from support.training_panel import LEFT, run_to_end, training_window

from cnnstudio.core import preset

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def reset_weights(qtbot, workspace) -> None:
    qtbot.mouseClick(workspace.controls.reset, LEFT)
    qtbot.waitUntil(lambda: workspace.weights.steps == 0, timeout=30_000)


def test_two_runs_with_the_same_seed_overlay_export_and_delete(qtbot, tmp_path):
    _, workspace = training_window(qtbot)
    form, plots, store = workspace.form, workspace.plots, workspace.store
    form.epochs.setValue(1)
    run_to_end(qtbot, workspace)
    reset_weights(qtbot, workspace)
    assert "fresh initial weights (seed 0)" in workspace.controls.weights.text()
    form.lr.setValue(0.01)
    run_to_end(qtbot, workspace)
    first, second = store.runs
    # the same seed and fresh weights: the first batch is the same, whatever the rate
    assert first.history.losses[0] == pytest.approx(second.history.losses[0], abs=1e-6)
    assert first.history.settings["lr"] == 0.001 and second.history.settings["lr"] == 0.01
    for plot in ("loss", "epoch_loss", "accuracy", "lr"):
        assert plots.curve_count(plot) == 2, plot
    assert plots.legend.isVisible()
    step = second.history.steps[3]
    readings = plots.readings("loss", step)
    assert [r.number for r in readings] == [1, 2]
    assert readings[1].text.startswith(f"step {step}: loss {second.history.losses[step - 1]:.4f} (smoothed ")
    assert readings[1].color == second.color != readings[0].color

    path = tmp_path / "runs.csv"
    workspace.runs.export_csv(path, "epochs")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [r["run"] for r in rows] == ["1", "2"]
    assert "lr 0.001" in rows[0]["label"] and "lr 0.01" in rows[1]["label"]
    assert float(rows[1]["val_accuracy"]) == pytest.approx(second.history.epochs[0]["val_accuracy"])
    workspace.runs.export_csv(path, "steps")
    steps = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(steps) == len(first.history.steps) + len(second.history.steps)

    item = workspace.runs.item_of(first)
    item.setCheckState(Qt.CheckState.Unchecked)  # untick: no longer drawn
    assert plots.curve_count("loss") == 1 and not first.shown and not plots.legend.isVisible()
    workspace.runs.list.setCurrentItem(item)
    qtbot.mouseClick(workspace.runs.delete_button, LEFT)
    assert store.runs == [second] and workspace.runs.list.count() == 1


def test_the_loss_read_out_follows_the_mouse(qtbot):
    _, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(1)
    run_to_end(qtbot, workspace)
    plots = workspace.plots
    plot = plots.plots["loss"]
    history = workspace.store.runs[0].history
    target = history.steps[len(history.steps) // 2]
    qtbot.waitUntil(lambda: plot.vb.viewRange()[0][1] >= history.steps[-1])  # the range follows the data
    view_point = QPointF(target, history.losses[target - 1])
    scene_point = plot.vb.mapViewToScene(view_point)
    plots.graphics.scene().sigMouseMoved.emit(scene_point)
    readout = plots.readouts["loss"]
    assert readout.line.isVisible() and readout.line.value() == pytest.approx(target, abs=0.5)
    assert readout.dots.isVisible() and readout.dots.data["x"].tolist() == [target]
    text = plots.caption.text()
    assert text.startswith("<b>Loss per step</b>")
    assert f"step {target}: loss {history.losses[target - 1]:.4f}" in text
    assert not plots.readouts["accuracy"].line.isVisible()  # the mouse is not over that plot
    plots.graphics.scene().sigMouseMoved.emit(QPointF(-50, -50))  # gone: the hint comes back
    assert not readout.line.isVisible() and plots.caption.text().startswith("Faint: each step's loss")


def test_a_checkpoint_round_trip_gives_identical_predictions(qtbot, tmp_path):
    window, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(2)
    workspace.form.lr.setValue(0.002)
    with qtbot.waitSignal(workspace.results_changed, timeout=120_000) as trained:
        run_to_end(qtbot, workspace)
    before = trained.args[0]
    assert before.accuracy > 0.5
    path = tmp_path / "lenet.pt"
    with qtbot.waitSignal(workspace.checkpoint_saved, timeout=30_000):
        workspace.save_checkpoint(path)
    assert path.is_file()
    with qtbot.waitSignal(workspace.results_cleared, timeout=30_000) as cleared:
        reset_weights(qtbot, workspace)
    assert cleared.args[0].startswith("the weights were reset")
    assert workspace.results.results is None
    with qtbot.waitSignal(workspace.results_changed, timeout=30_000) as fresh:
        workspace.request_results()
    assert not np.array_equal(fresh.args[0].predicted, before.predicted)
    workspace.form.lr.setValue(0.05)
    with (
        qtbot.waitSignal(workspace.results_changed, timeout=60_000) as reopened,
        qtbot.waitSignal(workspace.checkpoint_opened, timeout=30_000),
    ):
        assert workspace.open_checkpoint(path)
    after = reopened.args[0]
    np.testing.assert_array_equal(after.predicted, before.predicted)
    np.testing.assert_array_equal(after.matrix, before.matrix)
    assert window.document.network.name == "LeNet-5"
    assert workspace.form.lr.value() == pytest.approx(0.002)  # the checkpoint's settings
    loaded = workspace.store.runs[-1]
    assert loaded.source == "from lenet.pt" and len(loaded.history.epochs) == 2
    assert "continues from the trained weights" in workspace.controls.weights.text()
    assert workspace.controls.save.isEnabled()
    window.document.replace_network(preset("resnet20"))  # the weights are not this network's
    assert not workspace.controls.save.isEnabled()
    assert "fresh initial weights" in workspace.controls.weights.text()


def test_a_damaged_checkpoint_is_refused_and_nothing_is_lost(qtbot, tmp_path):
    window, workspace = training_window(qtbot)
    workspace.form.epochs.setValue(1)
    run_to_end(qtbot, workspace)
    qtbot.waitUntil(lambda: workspace.weights.steps > 0)
    steps, runs = workspace.weights.steps, list(workspace.store.runs)
    network = window.document.network
    undo_count = window.document.undo_stack.count()
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"these are not weights")
    with qtbot.waitSignal(workspace.checkpoint_failed, timeout=30_000) as failed:
        workspace.open_checkpoint(bad)
    assert "bad.pt is not a PyTorch checkpoint, or it is damaged or cut short" in failed.args[0]
    assert failed.args[0] in workspace.controls.banner.text()
    assert window.document.network is network and window.document.undo_stack.count() == undo_count
    assert workspace.store.runs == runs
    assert workspace.weights.steps == steps and workspace.controls.open.isEnabled()


def test_declining_to_replace_the_network_opens_nothing(qtbot, tmp_path):
    _, workspace = training_window(qtbot)
    workspace.confirm_replace = lambda: False
    assert not workspace.open_checkpoint(tmp_path / "whatever.pt")
    assert workspace.controls.open.isEnabled() and not workspace.controls.banner.isVisible()
