"""The student's first run: LeNet-5 on the bundled digits with the default settings.

The defaults (Adam, learning rate 0.001, batches of 64, 10 epochs) must reach 95% validation
accuracy, through the API and through ``cnnstudio train`` run as a separate process.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import cnnstudio
from cnnstudio.training import Epoch, Finished, Trainer, TrainSettings, open_training_data

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("one_torch_thread")]


def test_lenet5_learns_the_digits_with_the_default_settings():
    net = cnnstudio.load("lenet5")
    trainer = Trainer(net, open_training_data(net, "digits"), TrainSettings())
    events = list(trainer.run())
    epochs = [e for e in events if isinstance(e, Epoch)]
    assert len(epochs) <= 20
    assert isinstance(events[-1], Finished) and not events[-1].stopped
    assert epochs[-1].val_accuracy >= 0.95
    # measured independently of the loop: the confusion matrix's diagonal over its total
    matrix = trainer.confusion_matrix()
    assert matrix.shape == (10, 10) and int(matrix.sum()) == len(trainer.data.val)
    assert int(matrix.trace()) / int(matrix.sum()) >= 0.95


def test_the_command_line_reaches_the_same_accuracy(one_thread_env):
    done = subprocess.run(
        [sys.executable, "-m", "cnnstudio", "train", "lenet5", "--dataset", "digits"],
        capture_output=True,
        text=True,
        timeout=300,
        env=one_thread_env,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["status"] == "finished" and result["epochs"] <= 20
    assert result["val_accuracy"] >= 0.95
