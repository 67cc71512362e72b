"""The exercise record of a saved network file: read when well formed, ignored otherwise (the
network reader decides whether the file opens), and invisible to the network reader."""

import json

import pytest

from cnnstudio.core import preset
from cnnstudio.core.fileformat import dumps, load
from cnnstudio.teaching import ExerciseRecord, read_record
from cnnstudio.teaching.records import record_from


def network_file(tmp_path, **extra):
    data = json.loads(dumps(preset("conv5x5-bottleneck")))
    data.update(extra)
    path = tmp_path / "work.cnnstudio.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_a_record_is_read_back_and_the_network_reader_ignores_it(tmp_path):
    path = network_file(tmp_path, exercise={"id": "cut-5x5-cost", "passed": True})
    assert read_record(path) == ExerciseRecord("cut-5x5-cost", True)
    assert load(path).name == "5x5 conv with a 1x1 bottleneck"
    assert ExerciseRecord("cut-5x5-cost", False).to_dict() == {"id": "cut-5x5-cost", "passed": False}


@pytest.mark.parametrize(
    "record",
    [
        None,
        "cut-5x5-cost",
        {"id": "cut-5x5-cost"},
        {"id": "cut-5x5-cost", "passed": "yes"},
        {"id": 7, "passed": True},
        {"id": " ", "passed": True},
        {"id": "a\nb", "passed": True},
        {"id": "x" * 101, "passed": True},
        {"id": "cut-5x5-cost", "passed": True, "score": 10},
    ],
)
def test_a_record_that_is_not_one_is_ignored(record):
    assert record_from({"format": "cnnstudio-network", "exercise": record}) is None


def test_a_file_without_a_record_or_that_cannot_be_read_has_none(tmp_path):
    assert read_record(network_file(tmp_path)) is None
    broken = tmp_path / "broken.cnnstudio.json"
    broken.write_text("{", "utf-8")
    assert read_record(broken) is None
    assert read_record(tmp_path) is None  # a folder
    assert record_from([1, 2]) is None
