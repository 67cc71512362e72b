"""The training panel's run state without Qt: buttons, the next run's weights, what an end means,
and when results stop describing the weights on screen."""

from __future__ import annotations

import numpy as np
import pytest

from cnnstudio.core import preset, summarize
from cnnstudio.training import Failed, FailureKind, Finished
from cnnstudio.training.control import RunControl
from cnnstudio.ui.training.records import (
    DatasetInfo,
    DatasetRequest,
    Results,
    RunEnd,
    WeightsState,
    network_key,
)
from cnnstudio.ui.training.run_state import RunState, describe_end


@pytest.fixture
def lenet():
    return preset("lenet5")


def digits_info(seed: int = 0) -> DatasetInfo:
    return DatasetInfo(
        "digits", seed, "Handwritten digits", (1, 32, 32), [str(d) for d in range(10)], 1437, 360
    )


def trained(network, steps: int = 230, version: int = 2) -> WeightsState:
    return WeightsState((network_key(network), "digits", 0), steps, "", version)


def results_for(weights: WeightsState) -> Results:
    return Results(["a", "b"], np.eye(2, dtype=np.int64), np.zeros(2), np.zeros(2), [], weights)


def test_train_waits_for_the_dataset_it_asked_for_and_ignores_late_answers(lenet):
    state = RunState()
    summary = summarize(lenet)
    assert state.ask_dataset(DatasetRequest("digits", (1, 32, 32), 0))
    assert not state.ask_dataset(DatasetRequest("digits", (1, 32, 32), 0))  # asked already
    assert state.train_problem(lenet, summary, "", []) == "opening the dataset…"
    assert not state.take_dataset(digits_info(seed=5))  # an answer to an older request
    assert state.take_dataset(digits_info())
    assert state.train_problem(lenet, summary, "", []) is None
    assert (
        state.train_problem(lenet, summary, "", ["epochs must be at least 1"]) == "epochs must be at least 1"
    )
    state.input_changed((3, 32, 32))
    assert state.train_problem(lenet, summary, "", []) == "opening the dataset…"


def test_buttons_follow_the_run(lenet):
    state = RunState()
    idle = state.buttons(None, lenet)
    assert idle.train and idle.open and not (idle.pause or idle.stop or idle.reset or idle.save)
    assert state.buttons("no dataset", lenet).reason == "no dataset"
    state.running = True
    running = state.buttons(None, lenet)
    assert (
        running.pause
        and running.stop
        and running.reset
        and not (running.train or running.save or running.open)
    )
    state.running, state.weights = False, trained(lenet)
    after = state.buttons(None, lenet)
    assert after.reset and after.save
    assert not state.buttons(None, preset("resnet20")).save  # the weights are LeNet-5's


def test_the_next_run_line_says_which_weights_it_starts_from(lenet):
    state = RunState()
    assert (
        state.weights_text(lenet, "digits", 0) == "The next run starts from fresh initial weights (seed 0)."
    )
    state.weights = trained(lenet, steps=1)
    assert "continues from the trained weights (1 step so far)" in state.weights_text(lenet, "digits", 0)
    assert "fresh initial weights (seed 3)" in state.weights_text(lenet, "digits", 3)


def end_with(event, steps: int = 23) -> RunEnd:
    return RunEnd(event, "", None, WeightsState(("n", "digits", 0), steps, "", 1))


@pytest.mark.parametrize(
    ("kind", "usable"),
    [
        (FailureKind.DIVERGED, False),
        (FailureKind.DEVICE_FAILED, False),
        (FailureKind.OUT_OF_MEMORY, True),
        (FailureKind.DATASET, True),
        (FailureKind.ERROR, True),
    ],
)
def test_what_a_failure_leaves_is_decided_by_its_kind_not_its_words(kind, usable):
    failed = Failed("the loss became NaN at step 3", "lower the rate", 3, 1, kind)  # same words each time
    report = describe_end(end_with(failed))
    assert report.weights_usable is usable
    assert report.banner == "⚠ Training stopped. The loss became NaN at step 3.\nWhat to do: lower the rate."
    assert report.status == "Failed at step 3"


def test_a_finished_run_labels_its_accuracy_and_counts_epochs_in_words():
    one = describe_end(end_with(Finished(False, 1, 23, 3.0, 0.2, 0.9723)))
    assert one.status == "Finished 1 epoch in 3 s · validation accuracy 97.2% at the last epoch"
    best = describe_end(end_with(Finished(True, 3, 69, 9.0, 0.2, 0.95)), best=(0.978, 2))
    assert best.status == (
        "Stopped (weights kept) after 3 epochs in 9 s · validation accuracy 95.0% at the last epoch "
        "(best 97.8% at epoch 2)"
    )
    assert (
        describe_end(RunEnd(None, "no such folder", None, WeightsState())).banner
        == "⚠ Cannot train: no such folder"
    )


def test_results_stop_counting_when_the_network_or_the_weights_change(lenet):
    state = RunState()
    state.weights = trained(lenet, version=4)
    state.results = results_for(state.weights)
    assert state.results_problem(lenet) is None
    assert state.results_problem(preset("resnet20")).startswith("they were for another network")
    state.weights = WeightsState(state.weights.key, 0, "", 5)  # Reset weights
    assert state.results_problem(lenet).startswith("the weights were reset")
    state.weights = trained(lenet, steps=460, version=6)  # trained on
    assert state.results_problem(lenet).startswith("the weights changed after they were computed")
    state.running = True  # results during a run are those of its last epoch
    assert state.results_problem(lenet) is None


def test_one_control_object_carries_every_request_and_a_reset_is_taken_once():
    control = RunControl()
    control.pause()
    assert control.paused and not control.stop_requested
    control.request_reset()
    assert control.stop_requested and not control.paused  # a stop also ends a pause
    assert control.take_reset() and not control.take_reset()
    control.run_ended()
    assert not control.stop_requested
    control.request_reset()
    control.arm()  # a new run forgets the last one's requests
    assert not control.reset_requested and not control.stop_requested


def test_the_run_state_needs_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, cnnstudio.ui.training.run_state; print('PySide6' in sys.modules, 'torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
