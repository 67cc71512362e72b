"""`cnnstudio compare`: every ready-made comparison's exact totals and ratios, formats, bad input."""

import json

import pytest

from cnnstudio.cli import main
from cnnstudio.comparing import READY_MADE
from cnnstudio.core import preset
from cnnstudio.core.fileformat import save

# weight layers, parameters, MACs, other operations, activations: the analysis' exact figures
TOTALS = {
    "conv5x5-naive": (1, 153_632, 120_422_400, 50_176, 200_704),
    "conv5x5-bottleneck": (2, 15_920, 12_443_648, 75_264, 225_792),
    "inception-naive": (4, 393_472, 308_281_344, 1_756_160, 903_168),
    "inception-bottleneck": (6, 163_696, 128_049_152, 1_931_776, 1_078_784),
    "lenet5": (5, 61_706, 416_520, 14_632, 11_308),
    "alexnet": (8, 62_378_344, 1_135_256_096, 5_761_888, 2_090_027),
    "vgg16": (16, 138_357_544, 15_470_264_320, 33_236_896, 28_827_600),
    "resnet50": (54, 25_557_032, 4_089_184_256, 39_266_720, 37_711_312),
    "googlenet": (58, 6_998_552, 1_582_671_872, 24_883_456, 10_062_768),
    "plain34": (34, 21_623_848, 3_644_493_824, 12_522_912, 11_041_232),
    "resnet34": (37, 21_797_672, 3_663_761_408, 14_253_984, 12_772_304),
}
METRICS = ("weight_layers", "params", "macs", "other_ops", "activations")

# every network after the baseline, against it, in words
RATIOS = {
    "bottleneck-5x5": [
        [
            "1 more weight layer",
            "9.65x fewer parameters",
            "9.68x fewer multiply-accumulates",
            "1.50x more other operations",
            "1.13x more activations",
        ]
    ],
    "inception-reductions": [
        [
            "2 more weight layers",
            "2.40x fewer parameters",
            "2.41x fewer multiply-accumulates",
            "1.10x more other operations",
            "1.19x more activations",
        ]
    ],
    "classic-networks": [
        [
            "3 more weight layers",
            "1,011x more parameters",
            "2,726x more multiply-accumulates",
            "394x more other operations",
            "185x more activations",
        ],
        [
            "11 more weight layers",
            "2,242x more parameters",
            "37,142x more multiply-accumulates",
            "2,272x more other operations",
            "2,549x more activations",
        ],
    ],
    "vgg-resnet-googlenet": [
        [
            "38 more weight layers",
            "5.41x fewer parameters",
            "3.78x fewer multiply-accumulates",
            "1.18x more other operations",
            "1.31x more activations",
        ],
        [
            "42 more weight layers",
            "19.8x fewer parameters",
            "9.77x fewer multiply-accumulates",
            "1.34x fewer other operations",
            "2.86x fewer activations",
        ],
    ],
    "plain-vs-residual": [
        [
            "3 more weight layers",
            "0.8% more parameters",
            "0.5% more multiply-accumulates",
            "1.14x more other operations",
            "1.16x more activations",
        ]
    ],
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_ready_made_comparison_is_tested_here():
    assert set(RATIOS) == set(READY_MADE)


@pytest.mark.parametrize("comparison_id", list(READY_MADE))
def test_ready_made_json_has_the_exact_totals_and_ratios(capsys, comparison_id):
    code, out, err = run(capsys, "compare", comparison_id, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    entry = READY_MADE[comparison_id]
    assert (data["id"], data["title"], data["note"]) == (entry.id, entry.title, entry.note)
    assert [n["source"] for n in data["networks"]] == list(entry.presets)
    for network in data["networks"]:
        assert tuple(network["total"][m] for m in METRICS) == TOTALS[network["source"]]
        for metric in METRICS[1:4]:
            assert sum(s[metric] for s in network["stages"]) == network["total"][metric]
    words = [[r["words"] for r in data["ratios"] if r["network"] == n["label"]] for n in data["networks"][1:]]
    assert words == RATIOS[comparison_id]


@pytest.mark.parametrize("comparison_id", list(READY_MADE))
def test_ready_made_table_shows_the_totals_and_the_ratios(capsys, comparison_id):
    code, out, _ = run(capsys, "compare", comparison_id)
    assert code == 0
    assert out.startswith(READY_MADE[comparison_id].title)
    for preset_id in READY_MADE[comparison_id].presets:
        for value in TOTALS[preset_id][1:]:
            assert f"{value:,}" in out
    for words in RATIOS[comparison_id]:
        assert ", ".join(words) in out


def test_the_lecture_numbers_in_the_table(capsys):
    _, out, _ = run(capsys, "compare", "conv5x5-naive", "conv5x5-bottleneck")
    assert "120,422,400" in out and "12,443,648" in out
    assert "9.68x fewer multiply-accumulates" in out
    assert out.startswith("5x5 conv, naive vs 5x5 conv with a 1x1 bottleneck\n")


def test_json_ratio_entries_follow_the_contract(capsys):
    _, out, _ = run(capsys, "compare", "bottleneck-5x5", "--format", "json")
    data = json.loads(out)
    assert set(data) == {"title", "id", "note", "baseline", "networks", "stages", "ratios"}
    macs = next(r for r in data["ratios"] if r["metric"] == "macs")
    assert macs == {
        "network": "5x5 conv with a 1x1 bottleneck",
        "baseline": "5x5 conv, naive",
        "metric": "macs",
        "value": 12_443_648,
        "baseline_value": 120_422_400,
        "factor": 12_443_648 / 120_422_400,
        "short": "9.68x fewer",
        "words": "9.68x fewer multiply-accumulates",
        "sentence": "5x5 conv with a 1x1 bottleneck has 9.68x fewer multiply-accumulates than "
        "5x5 conv, naive (12,443,648 against 120,422,400).",
    }
    stage = data["networks"][1]["stages"][0]
    assert stage == {
        "key": "28x28",
        "label": "28x28",
        "size": [28, 28],
        "first": "conv_reduce",
        "last": "relu",
        "layers": 4,
        "output_shape": [32, 28, 28],
        "weight_layers": 2,
        "params": 15_920,
        "macs": 12_443_648,
        "other_ops": 75_264,
        "activations": 75_264,  # 225,792 less the 28x28x192 image, which is the Input's
    }
    assert data["stages"] == ["28x28"]


def test_markdown_has_the_tables_and_the_ratios(capsys):
    code, out, _ = run(capsys, "compare", "vgg-resnet-googlenet", "--format", "markdown")
    assert code == 0
    assert out.startswith("### VGG-16, ResNet-50 and GoogLeNet (`vgg-resnet-googlenet`)")
    assert "| 1 | VGG-16 (baseline) | 224x224x3 | 1000 | 16 | 138,357,544 |" in out
    assert "| 224x224 | 1,936,392,192 | - | - |" in out
    assert "- GoogLeNet: 42 more weight layers, 19.8x fewer parameters" in out


def test_a_ready_made_id_mixes_with_presets_and_files(capsys, tmp_path):
    net = preset("conv5x5-bottleneck")
    net.set_name("my bottleneck")
    net.set_param(net.find("conv_reduce").id, "filters", 32)
    path = tmp_path / "mine.cnnstudio.json"
    save(net, path)
    code, out, _ = run(capsys, "compare", "bottleneck-5x5", str(path), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [n["label"] for n in data["networks"]] == [
        "5x5 conv, naive",
        "5x5 conv with a 1x1 bottleneck",
        "my bottleneck",
    ]
    assert data["networks"][2]["source"] == str(path)
    assert data["id"] is None
    # 28*28*32*192 + 28*28*32*5*5*32 = 4,816,896 + 20,070,400
    assert data["networks"][2]["total"]["macs"] == 24_887_296


def test_the_same_network_twice_is_numbered(capsys):
    _, out, _ = run(capsys, "compare", "lenet5", "lenet5", "--format", "json")
    assert [n["label"] for n in json.loads(out)["networks"]] == ["LeNet-5", "LeNet-5 (2)"]


def test_list_names_every_ready_made_comparison(capsys):
    code, out, _ = run(capsys, "compare", "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(READY_MADE)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lenet5"], "give two networks or more"),
        ([], "give two networks or more"),
        (["lenet5", "nope"], "'nope' is neither a preset"),
        (["lenet5", "vgg16", "--format", "csv"], "invalid choice: 'csv'"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, "compare", *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("cnnstudio compare: ")
    assert message in err


def test_an_unreadable_file_exits_2(capsys, tmp_path):
    path = tmp_path / "broken.cnnstudio.json"
    path.write_text("{not json")
    code, _, err = run(capsys, "compare", "lenet5", str(path))
    assert code == 2 and err.count("\n") == 1 and "broken.cnnstudio.json" in err


def test_an_invalid_network_is_compared_and_exits_1(capsys, tmp_path):
    net = preset("lenet5")
    net.set_param(net.find("conv2").id, "kernel", 15)
    path = tmp_path / "mistake.cnnstudio.json"
    save(net, path)
    code, out, _ = run(capsys, "compare", "lenet5", str(path))
    assert code == 1
    assert "LeNet-5 (2) INVALID" in out
    assert "Errors (the figures cover only what could be analysed):" in out
    assert "LeNet-5 (2): conv2:" in out
