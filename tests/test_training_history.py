"""Run histories: what a run records, and its CSV and JSON forms."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
from support.training import blob_split, small_net

from cnnstudio.training import Epoch, RunHistory, Step, Trainer, TrainSettings, runs_to_csv

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def made_up_history(lr: float = 0.01) -> RunHistory:
    history = RunHistory("Small", "blobs", TrainSettings(lr=lr).to_dict(), ["a", "b"], "cpu")
    history.add_step(Step(1, 1, 2.5, lr, 100.0))
    history.add_step(Step(2, 1, 1.5, lr, 110.0))
    history.add_epoch(Epoch(1, 2, 2.0, 0.25, 1.75, 0.5, lr, 0.5, 105.0))
    history.status = "finished"
    return history


def test_epoch_csv_has_a_header_and_one_row_per_epoch():
    rows = list(csv.DictReader(io.StringIO(made_up_history().to_csv())))
    assert rows == [
        {
            "epoch": "1",
            "step": "2",
            "train_loss": "2.0",
            "train_accuracy": "0.25",
            "val_loss": "1.75",
            "val_accuracy": "0.5",
            "lr": "0.01",
            "seconds": "0.5",
            "images_per_second": "105.0",
        }
    ]


def test_step_csv_has_every_step():
    text = made_up_history().to_csv("steps")
    assert text == "step,epoch,loss,lr\n1,1,2.5,0.01\n2,1,1.5,0.01\n"


def test_several_runs_share_one_table_with_a_run_column():
    text = runs_to_csv([made_up_history(0.01), made_up_history(0.1)], "steps")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["run", "label", "step", "epoch", "loss", "lr"]
    assert [r[0] for r in rows[1:]] == ["1", "1", "2", "2"]
    assert rows[3][1] == "Small on blobs, adam lr 0.1"
    with pytest.raises(ValueError, match="'epochs' or 'steps'"):
        runs_to_csv([], "batches")


def test_history_round_trips_through_json_even_with_a_nan_loss():
    history = made_up_history()
    history.add_step(Step(3, 2, math.nan, 0.01, 90.0))
    data = json.loads(json.dumps(history.to_dict(), allow_nan=False))
    again = RunHistory.from_dict(data)
    assert again.losses[:2] == [2.5, 1.5] and math.isnan(again.losses[2])
    assert again.epochs == history.epochs and again.settings == history.settings
    assert again.status == "finished"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.pop("losses"), "'losses' is missing"),
        (lambda d: d.update(steps=[1, "2"]), "'steps' holds something other than int"),
        (lambda d: d["lrs"].append(0.1), "step lists differ in length"),
        (lambda d: d.update(status="exploded"), "status 'exploded' is unknown"),
        (lambda d: d["epochs"][0].pop("lr"), "wrong fields"),
    ],
)
def test_a_damaged_history_is_refused_with_the_field_named(damage, message):
    data = made_up_history().to_dict()
    damage(data)
    with pytest.raises(ValueError, match=message):
        RunHistory.from_dict(data)


def test_a_run_records_its_settings_steps_and_epochs():
    settings = TrainSettings(epochs=2, batch_size=64, lr=0.005)
    trainer = Trainer(small_net(), blob_split(), settings)
    events = list(trainer.run())
    history = trainer.history
    assert history.settings == settings.to_dict()
    assert history.steps == [e.step for e in events if isinstance(e, Step)]
    assert history.losses == [e.loss for e in events if isinstance(e, Step)]
    assert [row["epoch"] for row in history.epochs] == [1, 2]
    assert history.classes == ["class 0", "class 1", "class 2", "class 3"]
    assert history.label == "Small on blobs, adam lr 0.005"
