"""The training panel's parts on their own: step batching, rate
stepping, progress and time left, smoothing, the hyperparameter form, images and the confusion
matrix."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from cnnstudio.core import preset
from cnnstudio.training import DEFAULT_LR, TrainSettings
from cnnstudio.training.history import RunHistory
from cnnstudio.ui.training.hyperparameters import HyperparameterForm, RateSpinBox, nice_step
from cnnstudio.ui.training.image_grid import to_qimage
from cnnstudio.ui.training.pacing import RedrawPacer
from cnnstudio.ui.training.plots import smooth
from cnnstudio.ui.training.records import Results, WeightsState, network_key
from cnnstudio.ui.training.results import ConfusionMatrixView
from cnnstudio.ui.training.run_controls import ProgressTracker
from cnnstudio.ui.training.run_state import duration
from cnnstudio.ui.training.runs import Run, RunStore
from cnnstudio.ui.training.worker import EventBatcher


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_events_are_emitted_in_batches_at_most_every_interval():
    clock = Clock()
    batcher = EventBatcher(interval=0.1, clock=clock)
    assert batcher.add(1) is None
    clock.now = 0.05
    assert batcher.add(2) is None
    clock.now = 0.1
    assert batcher.add(3) == [1, 2, 3]
    clock.now = 0.15
    assert batcher.add(4) is None
    assert batcher.flush() == [4] and batcher.flush() == []


@pytest.mark.parametrize(
    ("value", "steps", "expected"),
    [
        (0.001, 1, 0.002),
        (0.002, 1, 0.005),
        (0.005, 1, 0.01),
        (0.001, -1, 0.0005),
        (0.1, 3, 1.0),
        (0.0, 1, 1e-6),
    ],
)
def test_rates_step_along_one_two_five(value, steps, expected):
    assert nice_step(value, steps, floor=1e-6) == pytest.approx(expected)


def test_the_rate_box_takes_typed_values_and_steps_nicely(qtbot):
    box = RateSpinBox(1e-6, 10.0)
    qtbot.addWidget(box)
    box.lineEdit().setText("3e-4")
    box.interpretText()
    assert box.value() == pytest.approx(3e-4)
    box.setValue(0.001)
    box.stepBy(1)
    assert box.value() == pytest.approx(0.002) and box.text() == "0.002"
    box.setValue(10.0)
    box.stepBy(1)
    assert box.value() == 10.0  # never past the maximum


def test_durations_read_like_a_clock():
    assert duration(45.4) == "45 s"
    assert duration(200) == "3 min 20 s"
    assert duration(3900) == "1 h 05 min"


def test_time_left_follows_the_pace_and_leaves_out_pauses():
    clock = Clock()
    tracker = ProgressTracker(clock)
    tracker.start(epochs=2, steps_per_epoch=10)
    assert tracker.seconds_left() is None
    clock.now = 10.0
    tracker.advance(step=2, epoch=1, images_per_second=320.0)
    assert tracker.seconds_left() is None  # the first report's time holds one-off set-up work
    assert tracker.text() == "Epoch 1 of 2 · step 2 of 20 · 320 images/s · estimating the time left…"
    clock.now = 16.0
    tracker.advance(step=5, epoch=1, images_per_second=320.0)
    assert tracker.seconds_left() == pytest.approx(30.0)  # 2 s a step since then, 15 steps to go
    tracker.pause()
    clock.now = 110.0
    tracker.resume()
    assert tracker.elapsed() == pytest.approx(16.0)
    assert tracker.text() == "Epoch 1 of 2 · step 5 of 20 · 320 images/s · about 30 s left"


def test_a_slow_first_step_does_not_inflate_the_first_estimate():
    """A 2-minute run whose first report came after 20 s of warm-up: its first estimate is
    about the minute and a half it has left, not the 22 minutes that 20 s a step would give."""
    clock = Clock()
    tracker = ProgressTracker(clock)
    tracker.start(epochs=10, steps_per_epoch=100)
    clock.now = 20.0
    tracker.advance(step=1, epoch=1, images_per_second=3.0)
    clock.now = 20.5
    tracker.advance(step=6, epoch=1, images_per_second=640.0)
    assert tracker.seconds_left() == pytest.approx(0.1 * 994)


def test_smoothing_corrects_the_start_and_can_go_on_where_it_stopped():
    values = [2.0, 1.0, 1.5, 0.5, 0.7]
    whole, _ = smooth(values)
    assert whole[0] == pytest.approx(2.0)  # no pull towards zero at the start
    assert whole[1] == pytest.approx((0.9 * 0.1 * 2.0 + 0.1 * 1.0) / (1 - 0.9**2))
    first, state = smooth(values[:2])
    rest, _ = smooth(values, 2, state)
    assert first + rest == pytest.approx(whole)
    constant, _ = smooth([0.3] * 6)
    assert constant == pytest.approx([0.3] * 6)


def test_the_weights_key_ignores_positions_but_not_settings():
    net = preset("lenet5")
    key = network_key(net)
    node = net.find("conv1")
    net.move(node.id, (123.0, 45.0))
    assert network_key(net) == key
    net.set_param(node.id, "filters", 8)
    assert network_key(net) != key


def test_the_form_starts_at_the_trainer_defaults_and_follows_the_optimizer(qtbot):
    form = HyperparameterForm()
    qtbot.addWidget(form)
    form.show()
    assert form.settings() == TrainSettings().to_dict()
    assert not form.momentum.isVisible()
    form.optimizer.setCurrentIndex(form.optimizer.findData("sgd"))
    assert form.lr.value() == pytest.approx(DEFAULT_LR["sgd"]) and form.momentum.isVisible()
    form.lr.setValue(0.05)  # the student's own rate stays when the optimizer changes
    form.optimizer.setCurrentIndex(form.optimizer.findData("adamw"))
    assert form.lr.value() == pytest.approx(0.05)
    chosen = TrainSettings(
        optimizer="sgd",
        lr=0.1,
        momentum=0.8,
        weight_decay=5e-4,
        batch_size=128,
        epochs=30,
        schedule="step",
        step_epochs=10,
        gamma=0.2,
        seed=7,
        augment=True,
        flip=False,
        device="cpu",
    ).to_dict()
    form.set_settings(chosen)
    assert form.settings() == chosen
    assert form.step_epochs.isVisible() and form.flip.isVisible()
    form.set_devices(["cuda", "cpu"])
    assert form.device.itemText(0) == "auto (cuda)" and form.device.currentData() == "cpu"


def test_the_form_offers_reproducible_runs_everywhere_and_compiling_where_a_gpu_trains(qtbot):
    form = HyperparameterForm()
    qtbot.addWidget(form)
    form.show()
    assert form.reproducible.isVisible() and not form.compile.isVisible()  # the CPU only
    form.set_devices(["cuda", "cpu"])  # "auto" now means the GPU
    assert form.compile.isVisible()
    with qtbot.waitSignal(form.changed):
        form.reproducible.setChecked(True)
    with qtbot.waitSignal(form.changed):
        form.compile.setChecked(True)
    chosen = form.settings()
    settings = TrainSettings.from_dict(chosen)
    assert settings.reproducible and settings.compile
    other = HyperparameterForm()
    qtbot.addWidget(other)
    other.set_settings(chosen)
    assert other.settings() == chosen
    # where the seed is offered it says a GPU repeats a run only with 'reproducible'
    assert "on a GPU only when 'reproducible' is ticked" in form.seed.toolTip()
    assert "the first ones wait while it compiles" in form.compile.toolTip()


def test_images_keep_their_pixels():
    gray = np.arange(12, dtype=np.uint8).reshape(3, 4, 1)
    image = to_qimage(gray)
    assert (image.width(), image.height()) == (4, 3)
    assert image.pixelColor(3, 2).red() == 11
    rgb = np.zeros((2, 2, 3), dtype=np.uint8)
    rgb[1, 0] = (200, 100, 50)
    color = to_qimage(rgb).pixelColor(0, 1)
    assert (color.red(), color.green(), color.blue()) == (200, 100, 50)
    assert to_qimage(rgb).format() == QImage.Format.Format_RGB888


def test_the_confusion_matrix_names_its_cells(qtbot):
    matrix = np.array([[8, 2], [1, 9]])
    results = Results(["cat", "dog"], matrix, np.zeros(20), np.zeros(20), [], WeightsState(steps=5))
    assert results.accuracy == pytest.approx(17 / 20)
    view = ConfusionMatrixView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.set_results(results)
    assert view.cell_text(0, 0) == "8 of 10 'cat' images recognised (80.0%)"
    assert view.cell_text(0, 1) == "2 'cat' images taken for 'dog' (20.0% of them)"
    left, top, side = view._geometry()
    assert view.cell_at(left + 1.5 * side, top + 0.5 * side) == (0, 1)
    assert view.cell_at(left - 2, top + 2) is None


def test_runs_say_how_they_went():
    history = RunHistory("LeNet-5", "digits", {"optimizer": "adam", "lr": 0.001})
    store = RunStore()
    run = store.add(history)
    assert isinstance(run, Run) and run.title == "1. LeNet-5 on digits, adam lr 0.001"
    history.epochs.append({"val_accuracy": 0.9731})
    history.status = "finished"
    assert run.outcome() == "97.3% after 1 epoch"
    history.status, history.failure = "failed", "the loss became NaN at step 3; lower the learning rate"
    assert run.outcome() == "failed: the loss became NaN at step 3"
    assert store.add(history).color != run.color


def test_redraws_wait_long_enough_to_stay_within_their_budget(qtbot):
    clock = Clock()
    drawn = []

    def redraw():
        drawn.append(clock.now)
        clock.now += 0.004  # updating the curves takes 4 ms

    pacer = RedrawPacer(redraw, budget=0.02, min_interval=0.1, clock=clock)
    pacer.request()
    qtbot.waitUntil(lambda: len(drawn) == 1)
    pacer.add_cost(0.016)  # and painting them 16 ms: 20 ms in all
    assert pacer.next_time() == pytest.approx(drawn[0] + 0.004 + 0.020 / 0.02)
    clock.now += 0.3
    pacer.request()
    pacer.request()  # merged with the one waiting
    assert len(drawn) == 1
    pacer.flush()  # a run ended: draw now, whatever the budget says
    assert len(drawn) == 2
    pacer.last_cost = 0.001  # cheap redraws still wait the minimum interval
    assert pacer.next_time() == pytest.approx(drawn[1] + 0.004 + 0.1)
