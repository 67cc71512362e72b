"""Weight layers in the summaries: `cnnstudio summary` (table, JSON, CSV, Markdown), the LaTeX
and table exports, each beside the count of blocks. VGG-16's 16, ResNet-152's 152 (156 in all)
and GoogLeNet's 22 (58 in all) are the papers' and the lesson's figures."""

import csv
import io
import json

import pytest

from cnnstudio.cli import main
from cnnstudio.core import preset, summarize
from cnnstudio.core.counting import weight_layers
from cnnstudio.core.report import to_json_dict, weight_layers_text
from cnnstudio.interop import export_text


def summary_of(capsys, *argv):
    assert main(["summary", *argv]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("net", "nodes", "depth", "total"),
    [("lenet5", 14, 5, 5), ("vgg16", 41, 16, 16), ("resnet152", 58, 152, 156), ("googlenet", 26, 22, 58)],
)
def test_the_json_totals_count_blocks_and_weight_layers(capsys, net, nodes, depth, total):
    data = json.loads(summary_of(capsys, net, "--format", "json"))
    assert data["total"]["nodes"] == nodes
    assert data["total"]["weight_layers"] == {"depth": depth, "total": total}


def test_the_terminal_table_says_how_many_blocks_and_weight_layers(capsys):
    assert "\n41 blocks, 16 weight layers\nvalid\n" in summary_of(capsys, "vgg16")
    assert "\n58 blocks, 152 weight layers deep, 156 in all\n" in summary_of(capsys, "resnet152")


def test_csv_and_markdown_count_them_in_the_total_row(capsys):
    rows = list(csv.reader(io.StringIO(summary_of(capsys, "googlenet", "--format", "csv"))))
    assert rows[-1][:2] == ["Total", "22 weight layers deep, 58 in all"]
    markdown = summary_of(capsys, "vgg16", "--format", "markdown")
    assert "| Total | 16 weight layers | 1000 | 138,357,544 |" in markdown


def test_the_exports_count_them_too():
    net = preset("resnet152")
    assert "Total & 152 weight layers deep, 156 in all &" in export_text(net, "latex")
    assert export_text(preset("lenet5"), "csv").splitlines()[-1].startswith("Total,5 weight layers,")


def test_without_a_count_the_json_leaves_weight_layers_out():
    data = to_json_dict(summarize(preset("lenet5")))
    assert "weight_layers" not in data["total"] and data["total"]["nodes"] == 14


def test_the_words_for_one_weight_layer():
    net = preset("conv1x1")
    assert weight_layers_text(weight_layers(net)) == "1 weight layer"
