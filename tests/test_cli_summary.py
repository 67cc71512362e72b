"""`cnnstudio presets` and `cnnstudio summary`: formats, the JSON contract, bad input."""

import csv
import io
import json

import pytest

from cnnstudio.cli import main
from cnnstudio.core import preset
from cnnstudio.core.fileformat import save


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_presets_lists_every_lesson_with_both_titles(capsys):
    code, out, _ = run(capsys, "presets")
    assert code == 0
    for text in ("Classic networks:", "ResNets:", "Inception:", "lenet5", "인셉션 모듈", "googlenet"):
        assert text in out


def test_json_follows_the_documented_contract(capsys):
    code, out, _ = run(capsys, "summary", "conv5x5-bottleneck", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"name", "input", "layers", "total", "valid", "errors"}
    assert data["input"] == [192, 28, 28] and data["valid"] is True
    layer_keys = {
        "name", "type", "depth", "output_shape", "params", "macs", "other_ops",
        "activations", "receptive_field", "cumulative_stride", "formulas", "errors", "notes",
    }  # fmt: skip
    assert all(set(layer) == layer_keys for layer in data["layers"])
    assert data["total"]["macs"] == 12_443_648
    conv = next(layer for layer in data["layers"] if layer["name"] == "conv")
    assert conv["formulas"]["macs"] == "MACs = 28*28*32 * 5*5*16 = 10,035,200"


def test_json_totals_sum_the_leaves_and_composites_have_depth(capsys):
    _, out, _ = run(capsys, "summary", "resnet18", "--format", "json", "--flops")
    data = json.loads(out)
    leaves = [
        layer
        for i, layer in enumerate(data["layers"])
        if i + 1 == len(data["layers"]) or data["layers"][i + 1]["depth"] <= layer["depth"]
    ]
    for key in ("params", "macs", "other_ops", "activations"):
        assert sum(layer[key] for layer in leaves) == data["total"][key]
    assert {layer["depth"] for layer in data["layers"]} == {0, 1}
    assert data["total"]["flops"] == 2 * 1_814_073_344
    assert next(la for la in data["layers"] if la["name"] == "fc")["output_shape"] == [1000]


def test_table_csv_and_markdown(capsys):
    _, table, _ = run(capsys, "summary", "lenet5")
    assert "61,706" in table and "416,520" in table and "5x5x16" in table
    _, text, _ = run(capsys, "summary", "lenet5", "--format", "csv", "--order", "chw")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Layer", "Type", "Output shape"]
    assert ["pool2", "AvgPool2d", "16x5x5"] in [row[:3] for row in rows]
    assert rows[-1][3:5] == ["61706", "416520"]
    _, md, _ = run(capsys, "summary", "lenet5", "--format", "markdown", "--flops")
    assert "| Layer | Type | Output shape | Params | FLOPs |" in md and "833,040" in md


def test_input_override_and_a_network_file(capsys, tmp_path):
    path = tmp_path / "mine.cnnstudio.json"
    save(preset("resnet18"), path)
    _, out, _ = run(capsys, "summary", str(path), "--input", "3,64,64", "--format", "json")
    data = json.loads(out)
    assert data["input"] == [3, 64, 64]
    assert next(la for la in data["layers"] if la["name"] == "layer4.1")["output_shape"] == [512, 2, 2]


def test_verify_checks_against_torch(capsys):
    code, out, _ = run(capsys, "summary", "inception-naive", "--verify")
    assert code == 0
    assert "verified against PyTorch: 11 layers" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summary", "resnet9000"], "'resnet9000' is neither a preset"),
        (["summary", "lenet5", "--input", "3,abc,32"], "--input must be three positive whole numbers"),
        (["summary", "lenet5", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["summary"], "the following arguments are required: net"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and err.count("\n") == 1 and out == ""


def test_a_corrupt_file_exits_2_naming_the_problem(capsys, tmp_path):
    path = tmp_path / "bad.cnnstudio.json"
    path.write_text('{"format": "cnnstudio-network", "version": 1, "name": "x", "nodes": [')
    code, _, err = run(capsys, "summary", str(path))
    assert code == 2 and "cannot open" in err and "not valid JSON" in err


def test_an_invalid_network_is_reported_with_status_1(capsys):
    code, out, _ = run(capsys, "summary", "lenet5", "--input", "1,8,8")
    assert code == 1
    assert "INVALID" in out and "kernel 5x5 is larger than the 2x2 input" in out
