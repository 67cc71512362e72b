"""Reading files that may be hostile: regular files only, bounded bytes, UTF-8, every parser
failure as FileFormatError; and saving what was read, through links, or refusing with a message."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from cnnstudio import load, save
from cnnstudio.core import preset
from cnnstudio.core.fileformat import MAX_NODES, FileFormatError, dumps, loads
from cnnstudio.core.graph import EditError
from cnnstudio.core.jsonfile import HugeNumber, parse_json, printable, read_bytes, read_text


def test_at_most_limit_plus_one_bytes_are_read(tmp_path):
    path = tmp_path / "net.cnnstudio.json"
    path.write_bytes(b"x" * 10)
    assert read_bytes(path, limit=10) == b"x" * 10
    with pytest.raises(FileFormatError, match="larger than 9 bytes"):
        read_bytes(path, limit=9)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux's /proc")
def test_the_size_the_file_system_reports_is_not_trusted():
    # /proc files say they are empty and are not: reading goes by what comes, not by st_size
    assert os.stat("/proc/self/status").st_size == 0
    assert b"Name:" in read_bytes("/proc/self/status")


def test_a_byte_order_mark_is_skipped_and_other_encodings_named(tmp_path):
    path = tmp_path / "net.cnnstudio.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(preset("lenet5")).encode())
    assert load(path).name == "LeNet-5"
    assert loads("\ufeff" + dumps(preset("lenet5"))).name == "LeNet-5"
    path.write_text(dumps(preset("lenet5")), encoding="utf-16")
    with pytest.raises(FileFormatError, match="UTF-16"):
        read_text(path)


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "net.cnnstudio.json"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="a pipe"):
        load(fifo)  # with no writer, a plain open() would block here for ever


def test_very_long_integers_become_huge_numbers_not_errors():
    data = parse_json('{"a": ' + "7" * 5000 + ', "b": -' + "1" * 200 + ', "c": 12}')
    assert isinstance(data["a"], HugeNumber) and data["a"].digits == 5000
    assert repr(data["b"]) == "a number with 200 digits"
    assert data["c"] == 12


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[" * 100_000, "nested"),
        ('{"a": 1, "a": 2}', "'a' appears twice"),
        ("[NaN]", "'NaN' is not a number"),
        ("[1, 2", "cut short"),
        (b"{}", "must be given as text"),
    ],
)
def test_every_parser_failure_is_a_file_format_error(text, expected):
    with pytest.raises(FileFormatError, match=expected):
        parse_json(text)


def test_text_from_a_file_is_quoted_on_one_short_line():
    assert printable("conv1") == "'conv1'"
    assert printable("a\nb\x1b[2J\ud800") == "'a\\nb\\x1b[2J\\ud800'"
    assert printable("x" * 100, limit=5) == "'xxxxx…'"
    assert printable("합성곱", quote=False) == "합성곱"


def test_save_through_a_link_updates_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "shared" / "lenet.cnnstudio.json"
    target.parent.mkdir()
    save(preset("alexnet"), target)
    target.chmod(0o644)
    link = tmp_path / "mine.cnnstudio.json"
    link.symlink_to(target)
    save(preset("lenet5"), link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert load(target).name == "LeNet-5"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.cnnstudio.json", "shared"]


def test_a_name_no_file_can_store_is_refused_at_save_and_the_file_kept(tmp_path):
    path = tmp_path / "net.cnnstudio.json"
    save(preset("lenet5"), path)
    before = path.read_bytes()
    network = preset("lenet5")
    with pytest.raises(EditError, match="lone surrogate"):
        network.rename(network.find("conv1").id, "conv\ud800")
    network.find("conv1").name = "conv\ud800"  # behind the graph's back: save still refuses it
    with pytest.raises(FileFormatError, match="lone surrogate"):
        save(network, path)
    assert path.read_bytes() == before
    network = preset("lenet5")
    with pytest.raises(EditError, match="finite"):
        network.move(network.find("conv1").id, (float("nan"), 0.0))
    network.find("conv1").pos = (float("nan"), 0.0)
    with pytest.raises(FileFormatError, match="no finite place"):
        save(network, path)
    assert path.read_bytes() == before


def test_a_value_too_large_for_a_float_is_an_edit_error():
    network = preset("alexnet")
    norm = network.find("norm1").id
    with pytest.raises(EditError, match="far too large"):
        network.set_param(norm, "alpha", 10**400)
    with pytest.raises(EditError, match="whole number"):
        network.set_param(network.find("conv1").id, "padding", "²")


@pytest.mark.parametrize("order", ["producer-first", "consumer-first"])
def test_a_chain_at_the_node_limit_loads_in_either_order_and_saves_back_exactly(order):
    """Loading is linear: 2,000 layers listed consumer-first once took minutes (each edge's loop
    check walked the graph, and each step of the walk rescanned every node)."""
    nodes = [
        {
            "id": "n0",
            "type": "input",
            "name": "input",
            "params": {"channels": 1, "height": 8, "width": 8},
            "inputs": [],
        }
    ]
    nodes += [
        {"id": f"n{i}", "type": "relu", "name": f"relu{i}", "params": {}, "inputs": [f"n{i - 1}"]}
        for i in range(1, MAX_NODES)
    ]
    if order == "consumer-first":
        nodes.reverse()
    text = json.dumps(
        {"format": "cnnstudio-network", "version": 1, "name": "chain", "nodes": nodes}, indent=2
    )
    network = loads(text)
    assert len(network) == MAX_NODES and [n.id for n in network.nodes] == [n["id"] for n in nodes]
    assert dumps(network) == text + "\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_cnnstudio_load_of_an_impossible_path_says_so():
    with pytest.raises(KeyError, match="neither a preset"):
        load("x" * 5000)
    with pytest.raises(FileFormatError, match="no file name can hold"):
        load("bad\0name.cnnstudio.json")
