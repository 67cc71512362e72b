"""The experiments on the real widgets: the depth experiment, the identity check, the inside view,
the gradient heat map and the accuracy-against-cost plot.

Everything torch does runs on the training worker's thread; the tests wait on the windows'
signals (``qtbot.waitSignal``) or on their state (``qtbot.waitUntil``), never on sleeps.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from support.training_panel import LEFT, TRAIN_TIMEOUT_MS, run_to_end, training_window

import cnnstudio
from cnnstudio.core import summarize
from cnnstudio.core.presets import Chain
from cnnstudio.training.checks import run_cost
from cnnstudio.training.depth import DepthSettings, depth_network
from cnnstudio.training.history import RunHistory

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stack

TINY = DepthSettings(images=100, size=8, width=4, epochs=2, batch_size=32, gradient_every=1)
WORKER_MS = 120_000
"""Loading PyTorch on the worker and a first forward pass, on a busy 2-core machine."""


def depth_names():
    return ["Plain-20", "Plain-56", "ResNet-20", "ResNet-56"]


def test_the_experiments_menu_reaches_the_three_windows(make_window):
    window = make_window()
    for name in ("experiment:depth", "experiment:identity", "experiment:inside"):
        assert name in window.menu_actions
    assert callable(window.experiments.show_depth_experiment)
    assert callable(window.experiments.show_identity_check)


def test_the_experiment_windows_fit_a_small_screen(make_window):
    """At 1280x720 the depth window (1200x900) ran off the screen, its gradient maps out of reach."""
    window = make_window(cnnstudio.load("resnet20"))
    available = window.screen().availableGeometry()
    assert available.height() < 900  # the offscreen screen is smaller than the windows' own sizes
    experiments = window.experiments
    for show in (experiments.show_depth_experiment, experiments.show_inside, experiments.show_identity_check):
        shown = show()
        assert shown.height() <= available.height(), shown.objectName()


@pytest.mark.slow
@pytest.mark.usefixtures("one_torch_thread")
def test_the_depth_experiment_runs_four_networks_and_overlays_their_curves(make_window, qtbot):
    window = make_window()
    depth = window.experiments.show_depth_experiment()
    assert "What to look for" in depth.findChild(type(depth.status), "depthLookFor").text()
    depth.settings = TINY
    with qtbot.waitSignal(depth.finished, timeout=TRAIN_TIMEOUT_MS) as done:
        qtbot.mouseClick(depth.run_button, LEFT)
        assert depth.running and window.training_panel.session.busy  # Train waits for the experiment
    result = done.args[0]
    assert result is depth.result and result.complete
    assert [run.name for run in result.runs] == depth_names()
    for index, run in enumerate(result.runs):
        assert len(run.history.epochs) == 2 and len(run.history.losses) == 6
        assert depth.curve_points(index, "error") == 2 and depth.curve_points(index, "loss") == 6
        assert len(run.gradients.layers) == run.depth
    for heatmap in depth.heatmaps.values():
        assert heatmap.values.shape[1] == 56  # one row per weight layer of the 56-layer networks
        (x_low, x_high), (y_low, y_high) = heatmap.plot.viewRange()  # the map is in view
        assert x_low <= 1 and x_high >= 6 and y_low <= 1 and y_high >= 56
    assert depth.heatmaps[1].levels() != (-6.0, 0.0)
    assert result.verdict() in depth.verdict.text()
    assert not window.training_panel.session.busy
    # the four runs join the training panel's runs, with their cost, for the accuracy-vs-cost plot
    workspace = window.training_panel.workspace
    qtbot.waitUntil(lambda: len(workspace.store.runs) == 4)
    expected = [
        summarize(depth_network(k, d, 8, 4)).totals.macs
        for k, d in (("plain", 20), ("plain", 56), ("resnet", 20), ("resnet", 56))
    ]
    assert [cost for _label, cost, _acc in workspace.cost_plot.points()] == expected
    assert [label for label, _c, _a in workspace.cost_plot.points()] == [
        f"{i}. {n}" for i, n in enumerate(depth_names(), 1)
    ]


def test_the_identity_check_passes_after_zeroing_and_fails_when_restored(make_window, qtbot):
    window = make_window(cnnstudio.load("resnet20"))
    check = window.experiments.show_identity_check()
    qtbot.waitUntil(lambda: check.result is not None, timeout=WORKER_MS)
    assert check.block == "layer1.0" and not check.result.check.passes
    layer = window.document.network.find("layer1.2")
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS):
        window.document.set_selection([layer.id])  # selected on the canvas
    assert check.block == "layer1.2" and not check.result.check.passes
    assert "initial weights" in check.detail.text()
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS) as shown:
        qtbot.mouseClick(check.zero_button, LEFT)
    result = shown.args[0]
    assert result.check.passes and result.check.max_difference == 0.0 and result.check.last_weights_zero
    assert check.verdict.text().startswith("✓ layer1.2 computes the identity")
    assert "max |output − ReLU(input)| = 0" in check.verdict.text()
    assert check.values.columnCount() > 0
    assert [check.values.item(2, c).text() for c in range(3)] == [
        check.values.item(0, c).text() for c in range(3)
    ]
    assert check.restore_button.isEnabled() and not check.zero_button.isEnabled()
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS) as shown:
        qtbot.mouseClick(check.restore_button, LEFT)  # undo: the weights come back
    assert not shown.args[0].check.passes and check.verdict.text().startswith("✗ layer1.2")
    assert "not all zero" in check.detail.text()


def test_the_identity_check_explains_blocks_that_cannot_pass(make_window, qtbot):
    window = make_window(cnnstudio.load("resnet20"))
    check = window.experiments.show_identity_check()
    qtbot.waitUntil(lambda: check.result is not None, timeout=WORKER_MS)
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS):
        window.document.set_selection([window.document.network.find("layer2.0").id])
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS):
        check.zero()
    assert "changes the shape" in check.verdict.text()


def test_the_identity_window_offers_resnet20_for_a_network_without_blocks(make_window, qtbot):
    window = make_window(cnnstudio.load("lenet5"))
    check = window.experiments.show_identity_check()
    assert not check.open_resnet.isHidden() and not check.zero_button.isEnabled()
    window.document.undo_stack.setClean()
    qtbot.mouseClick(check.open_resnet, LEFT)
    assert window.document.network.name.startswith("ResNet-20")
    qtbot.waitUntil(lambda: check.result is not None, timeout=WORKER_MS)
    assert check.block == "layer1.0"


@pytest.mark.parametrize("preset", ["lenet5", "resnet20"])
def test_feature_maps_have_the_shapes_the_table_predicts(make_window, qtbot, preset):
    window = make_window(cnnstudio.load(preset))
    inside = window.experiments.show_inside()
    qtbot.waitUntil(lambda: inside.view is not None, timeout=WORKER_MS)
    assert inside.layer == "conv1" and inside.view.filters is not None
    rows = [row for top in window.document.summary.rows for row in top.walk() if row.type != "input"]
    assert [info.path for info in inside.view.layers] == [row.path for row in rows]
    for row in rows[:: 3 if preset == "resnet20" else 1]:
        with qtbot.waitSignal(inside.view_shown, timeout=WORKER_MS) as shown:
            inside.select_layer(row.path)
        view = shown.args[0]
        assert view.layer == row.path and view.shape == tuple(row.shape)
        assert inside.tile_count() == min(64, row.shape[0] if len(row.shape) == 3 else 1)
        assert not inside.maps_label.pixmap().isNull()


def test_selecting_a_layer_on_the_canvas_shows_its_maps_and_a_click_its_receptive_field(make_window, qtbot):
    window = make_window(cnnstudio.load("lenet5"))
    inside = window.experiments.show_inside()
    qtbot.waitUntil(lambda: inside.view is not None, timeout=WORKER_MS)
    with qtbot.waitSignal(inside.view_shown, timeout=WORKER_MS):
        window.document.set_selection([window.document.network.find("conv2").id])
    assert inside.layer == "conv2" and inside.tile_count() == 16
    assert inside.layers.currentItem().data(Qt.ItemDataRole.UserRole) == "conv2"
    inside.pick_position(0, 2, 3)  # conv2: 5x5 over pool1 (stride 2): a 14x14 window
    assert "reads rows 4..17 and columns 6..19: a 14x14 window" in inside.field_text.text()
    pixmap = inside.maps_label.pixmap()
    left = (inside.maps_label.width() - pixmap.width()) // 2
    top = (inside.maps_label.height() - pixmap.height()) // 2
    scale = inside._grid[3]
    qtbot.mouseClick(inside.maps_label, LEFT, pos=QPoint(left + scale * 1 + scale // 2, top + scale // 2))
    assert inside.position == (0, 0, 1)
    assert "reads rows 0..13 and columns 2..15" in inside.field_text.text()


@pytest.mark.slow
@pytest.mark.usefixtures("one_torch_thread")
def test_training_records_gradient_norms_per_weight_layer_and_trained_maps(qtbot):
    window, workspace = training_window(qtbot)  # LeNet-5 on the digits
    workspace.form.epochs.setValue(1)
    end = run_to_end(qtbot, workspace)
    assert end.problem == ""
    run = workspace.store.runs[-1]
    assert run.gradients.layers == ["conv1", "conv2", "fc1", "fc2", "fc3"]
    assert len(run.gradients.steps) >= 5 and all(len(n) == 5 for n in run.gradients.norms)
    assert all(n > 0 for n in run.gradients.norms[0])
    assert workspace.gradients.values.shape == (len(run.gradients.steps), 5)
    assert run.cost.macs == window.document.summary.totals.macs and run.cost.head is None
    assert workspace.cost_plot.points()[0][1:] == (
        run.cost.macs,
        100 * run.history.epochs[-1]["val_accuracy"],
    )
    inside = window.experiments.show_inside()
    qtbot.waitUntil(lambda: inside.view is not None, timeout=WORKER_MS)
    assert inside.view.weights.steps > 0


def cost_history(name: str, accuracy: float) -> RunHistory:
    history = RunHistory(name, "shapes", {"optimizer": "adam", "lr": 0.001})
    history.epochs.append(
        {
            "epoch": 1,
            "step": 1,
            "train_loss": 1.0,
            "train_accuracy": 0.5,
            "val_loss": 1.0,
            "val_accuracy": accuracy,
            "lr": 0.001,
            "seconds": 1.0,
            "images_per_second": 1.0,
        }
    )
    return history


def test_the_accuracy_cost_plot_has_one_point_per_run_at_its_macs_or_parameters(qtbot):
    from cnnstudio.ui.training.cost_plot import AccuracyCostPlot
    from cnnstudio.ui.training.runs import RunStore

    store = RunStore()
    plot = AccuracyCostPlot(store)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)
    naive, bottleneck = (summarize(cnnstudio.load(p)) for p in ("conv5x5-naive", "conv5x5-bottleneck"))
    store.add(cost_history("5x5 conv, naive", 0.8), cost=run_cost(naive, 10))
    store.add(cost_history("5x5 conv with a 1x1 bottleneck", 0.75), cost=run_cost(bottleneck, 10))
    store.add(RunHistory("No epoch yet", "shapes", {}), cost=run_cost(naive, 10))
    assert plot.points() == [
        ("1. 5x5 conv, naive", 120_422_400 + 320, 80.0),
        ("2. 5x5 conv with a 1x1 bottleneck", 12_443_648 + 320, 75.0),
    ]
    qtbot.mouseClick(plot.params_button, LEFT)
    assert [cost for _l, cost, _a in plot.points()] == [153_632 + 330, 15_920 + 330]
    store.remove(store.runs[0])
    assert len(plot.points()) == 1


def test_the_cost_axis_labels_do_not_run_into_each_other(qtbot):
    """The naive and the bottlenecked 5x5 convolution span a decade and a half of MACs; the axis
    wrote every tick of each decade, '6·10⁷7·10⁷8·10⁷9·10⁷10⁸', one over the other."""
    from PySide6.QtGui import QImage, QPainter

    from cnnstudio.ui.training.cost_plot import AccuracyCostPlot
    from cnnstudio.ui.training.runs import RunStore

    store = RunStore()
    plot = AccuracyCostPlot(store)
    qtbot.addWidget(plot)
    plot.resize(760, 240)  # the tab's size in a 1600x1000 window
    plot.show()
    qtbot.waitExposed(plot)
    for preset, accuracy in (("conv5x5-naive", 0.108), ("conv5x5-bottleneck", 0.092)):
        store.add(cost_history(preset, accuracy), cost=run_cost(summarize(cnnstudio.load(preset)), 10))
    axis = plot.plot.getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    shown = [(rect, text) for rect, _flags, text in texts if text]
    for index, (rect, text) in enumerate(shown):
        for other, other_text in shown[index + 1 :]:
            assert not rect.intersects(other), f"{text} runs into {other_text}"
    assert {"20M", "50M", "100M", "200M"} <= {text for _rect, text in shown}  # as the compare charts


def test_the_panel_says_a_head_is_added_and_what_it_costs(qtbot):
    c = Chain("Map", 1, 32, 32)
    c.conv("conv1", 8, 3)
    c.add("relu", "relu1")
    _window, workspace = training_window(qtbot, c.net)
    assert workspace.train_problem() is None
    assert not workspace.head_note.isHidden()
    assert "classifier head is added" in workspace.head_note.text()
    assert "90 parameters, 80 MACs" in workspace.head_note.text()


def tiny_resnet():
    """A stem and one basic residual block on the digits at their own size: trains in a blink."""
    c = Chain("Tiny ResNet", 1, 8, 8)
    c.conv("conv1", 8, 3, bias=False)
    c.add("batchnorm2d", "bn1")
    c.add("relu", "relu1")
    c.add("residual", "block", variant="basic", filters=8, stride=1, shortcut="auto")
    c.add("globalavgpool", "gap")
    c.add("linear", "fc", units=10)
    return c.net


@pytest.mark.slow
@pytest.mark.usefixtures("one_torch_thread")
def test_the_identity_check_works_on_trained_weights_without_touching_them(qtbot):
    window, workspace = training_window(qtbot, tiny_resnet())
    workspace.form.epochs.setValue(1)
    assert run_to_end(qtbot, workspace).problem == ""
    check = window.experiments.show_identity_check()
    qtbot.waitUntil(lambda: check.result is not None, timeout=WORKER_MS)
    assert check.result.weights.steps > 0 and not check.result.check.passes
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS) as shown:
        qtbot.mouseClick(check.zero_button, LEFT)
    assert shown.args[0].check.passes and shown.args[0].weights.steps > 0
    # the zeroing changed the experiments' copy only: the trained weights still classify as before
    with qtbot.waitSignal(workspace.results_changed, timeout=WORKER_MS) as results:
        workspace.request_results()
    assert results.args[0].accuracy == pytest.approx(run_accuracy(workspace))
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS) as shown:
        check.restore()
    assert not shown.args[0].check.passes


def run_accuracy(workspace) -> float:
    return workspace.store.runs[-1].history.epochs[-1]["val_accuracy"]


@pytest.mark.slow
def test_the_identity_and_inside_windows_look_again_when_a_run_ends(qtbot):
    """Open on the initial weights with "trained" chosen, they follow the run that then ends
    (they kept saying "this network has not been trained yet")."""
    window, workspace = training_window(qtbot, tiny_resnet())
    check = window.experiments.show_identity_check()
    inside = window.experiments.show_inside()
    qtbot.waitUntil(lambda: check.result is not None and inside.view is not None, timeout=WORKER_MS)
    assert check.result.weights.untrained and inside.view.weights.untrained
    workspace.form.epochs.setValue(1)
    assert run_to_end(qtbot, workspace).problem == ""
    qtbot.waitUntil(
        lambda: check.result.weights.steps > 0 and inside.view.weights.steps > 0, timeout=WORKER_MS
    )
    assert "trained weights" in check.detail.text() and "not been trained" not in check.detail.text()
    assert "trained weights" in inside.timing.text()
