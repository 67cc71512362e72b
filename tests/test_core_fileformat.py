"""The *.cnnstudio.json format: exact round trips, and broken files refused with the field named."""

import json

import pytest

from cnnstudio.core import PRESETS, preset, summarize
from cnnstudio.core.fileformat import FileFormatError, dumps, load, loads, save


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_every_preset_round_trips_exactly(preset_id, tmp_path):
    net = preset(preset_id)
    path = tmp_path / "net.cnnstudio.json"
    save(net, path)
    again = load(path)
    assert dumps(again) == path.read_text(encoding="utf-8") == dumps(net)
    assert summarize(again).totals == summarize(net).totals


def test_positions_and_names_survive(tmp_path):
    net = preset("lenet5")
    net.move(net.find("conv1").id, (12.5, -40.0))
    net.rename(net.find("fc3").id, "output layer")
    net.set_name("My LeNet 한글")
    save(net, tmp_path / "a.cnnstudio.json")
    again = load(tmp_path / "a.cnnstudio.json")
    assert again.find("conv1").pos == (12.5, -40.0)
    assert again.find("output layer") is not None and again.name == "My LeNet 한글"


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "net.cnnstudio.json"
    path.write_text("old contents")
    save(preset("lenet5"), path)
    assert [p.name for p in tmp_path.iterdir()] == ["net.cnnstudio.json"]
    assert json.loads(path.read_text())["name"] == "LeNet-5"


def valid_data():
    return json.loads(dumps(preset("lenet5")))


def broken(mutate):
    data = valid_data()
    mutate(data)
    return json.dumps(data)


def set_in(path, value):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def add_cycle(data):
    data["nodes"][1]["inputs"] = [data["nodes"][3]["id"]]  # conv1 reads tanh1, which reads conv1


def drop_field(field):
    def mutate(data):
        del data["nodes"][1][field]

    return mutate


CORPUS = {
    "truncated": (dumps(preset("lenet5"))[:300], "not valid JSON at line"),
    "not an object": ("[1, 2, 3]", "must hold a JSON object"),
    "foreign JSON": ('{"hello": "world"}', "'format' must be \"cnnstudio-network\""),
    "future version": (broken(set_in(["version"], 99)), "'version' is 99, newer than this CNN Studio reads"),
    "version as text": (broken(set_in(["version"], "1")), "'version' must be a whole number"),
    "nodes not a list": (broken(set_in(["nodes"], {})), "'nodes' must be a list, got an object"),
    "missing name": (broken(drop_field("name")), "'nodes[1].name' is missing"),
    "wrong type of kernel": (
        broken(set_in(["nodes", 1, "params", "kernel"], "five")),
        "'nodes[1].params.kernel': must be a whole number, got 'five'",
    ),
    "fractional kernel": (broken(set_in(["nodes", 1, "params", "kernel"], 2.5)), "nodes[1].params.kernel"),
    "boolean filters": (broken(set_in(["nodes", 1, "params", "filters"], True)), "nodes[1].params.filters"),
    "unknown block": (
        broken(set_in(["nodes", 1, "type"], "capsule")),
        "'nodes[1].type': unknown block type 'capsule'",
    ),
    "unknown setting": (
        broken(set_in(["nodes", 1, "params", "colour"], 3)),
        "unknown settings for Conv2d: 'colour'",
    ),
    "negative size": (
        broken(set_in(["nodes", 0, "params", "height"], -32)),
        "'nodes[0].params.height': height must be at least 1, got -32",
    ),
    "10^12 channels": (
        broken(set_in(["nodes", 1, "params", "filters"], 10**12)),
        "'nodes[1].params.filters': filters must be at most 65,536, got 1,000,000,000,000",
    ),
    "cycle": (broken(add_cycle), "would make a loop"),
    "dangling input": (
        broken(set_in(["nodes", 2, "inputs"], ["n999"])),
        "'nodes[2].inputs[0]': there is no node with id 'n999'",
    ),
    "duplicate ids": (broken(set_in(["nodes", 2, "id"], "n1")), "a node with id 'n1' already exists"),
    "duplicate names": (broken(set_in(["nodes", 2, "name"], "conv1")), "two layers are called 'conv1'"),
    "two inputs into one conv": (
        broken(set_in(["nodes", 1, "inputs"], ["n1", "n3"])),
        "takes one input and already has one",
    ),
    "bad position": (
        broken(set_in(["nodes", 1, "pos"], [1, "x"])),
        "'nodes[1].pos' must be a list of two numbers",
    ),
    "NaN position": (
        '{"format": "cnnstudio-network", "version": 1, "name": "x", "nodes": [{"id": "n1", "type": "input", "name": "i", "params": {"channels": 1, "height": 1, "width": 1}, "inputs": [], "pos": [NaN, 0]}]}',
        "'NaN' is not a number JSON allows",
    ),
}


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_broken_files_are_refused_with_a_message_naming_the_problem(case):
    text, expected = CORPUS[case]
    with pytest.raises(FileFormatError) as caught:
        loads(text)
    assert expected in str(caught.value)


def test_unreadable_and_binary_files(tmp_path):
    with pytest.raises(FileFormatError, match="no such file"):
        load(tmp_path / "missing.cnnstudio.json")
    binary = tmp_path / "image.cnnstudio.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(FileFormatError, match="not a text file"):
        load(binary)


def test_loading_executes_nothing(tmp_path):
    # A file whose strings look like code stays data: the name is kept as text.
    data = valid_data()
    data["name"] = "__import__('os').system('touch pwned')"
    net = loads(json.dumps(data))
    assert net.name == data["name"]
    assert not (tmp_path / "pwned").exists()
