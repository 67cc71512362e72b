"""The comparison model: stages as the papers name them, ratios in exact words, snapshots."""

from fractions import Fraction

import pytest

from cnnstudio import load
from cnnstudio.comparing import (
    HEAD,
    READY_MADE,
    compare,
    figures,
    ratio,
    ready_made,
    stages_of,
)
from cnnstudio.comparing.model import merge_stage_keys
from cnnstudio.comparing.ratios import rounded, times_text
from cnnstudio.core import PRESETS, Network, summarize


def stage_table(preset_id: str) -> list[tuple[str, str, str]]:
    return [(s.key, s.first, s.last) for s in stages_of(summarize(load(preset_id)))]


# -- stages -------------------------------------------------------------------------------------


def test_vgg16_has_its_five_blocks_each_ending_with_its_pool_then_the_classifier():
    assert stage_table("vgg16") == [
        ("224x224", "conv1_1", "pool1"),
        ("112x112", "conv2_1", "pool2"),
        ("56x56", "conv3_1", "pool3"),
        ("28x28", "conv4_1", "pool4"),
        ("14x14", "conv5_1", "pool5"),
        (HEAD, "flatten", "softmax"),
    ]
    stages = stages_of(summarize(load("vgg16")))
    assert [s.weight_layers for s in stages] == [2, 2, 3, 3, 3, 3]


def test_resnet50_has_conv1_and_conv2_x_to_conv5_x_at_the_papers_output_sizes():
    stages = stages_of(summarize(load("resnet50")))
    assert [(s.key, s.first, s.last, s.layers) for s in stages] == [
        ("112x112", "conv1", "maxpool", 4),  # conv1, with the max pool that opens conv2_x's table row
        ("56x56", "layer1.0", "layer1.2", 3),
        ("28x28", "layer2.0", "layer2.3", 4),
        ("14x14", "layer3.0", "layer3.5", 6),
        ("7x7", "layer4.0", "layer4.2", 3),
        (HEAD, "avgpool", "softmax", 3),
    ]
    # 3, 4, 6 and 3 bottleneck blocks of three convolutions, each stage's first with a projection
    assert [s.weight_layers for s in stages] == [1, 10, 13, 19, 10, 1]


def test_googlenet_groups_its_inception_modules_at_28_14_and_7():
    assert stage_table("googlenet") == [
        ("112x112", "conv1", "norm1"),
        ("56x56", "conv2_reduce", "pool2"),
        ("28x28", "inception_3a", "pool3"),
        ("14x14", "inception_4a", "pool4"),
        ("7x7", "inception_5a", "inception_5b"),
        (HEAD, "pool5", "softmax"),
    ]


def test_lenet5_stages_are_c1_and_c3_with_their_subsampling():
    assert stage_table("lenet5") == [
        ("28x28", "conv1", "tanh1"),
        ("10x10", "conv2", "tanh2"),
        (HEAD, "flatten", "softmax"),
    ]


def test_cifar_resnet_stem_joins_the_32x32_stage_as_in_the_papers_table():
    assert [key for key, _, _ in stage_table("resnet20")] == ["32x32", "16x16", "8x8", HEAD]


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_stages_of_every_preset_add_up_to_its_totals(preset_id):
    summary = summarize(load(preset_id))
    stages = stages_of(summary)
    for metric in ("params", "macs", "other_ops"):
        assert sum(s.value(metric) for s in stages) == getattr(summary.totals, metric)
    # the image itself is the Input's activations, which belong to no stage
    image = summary.rows[0].activations
    assert sum(s.activations for s in stages) == summary.totals.activations - image
    assert sum(s.layers for s in stages) == len(summary.rows) - 1  # all but the Input


def test_a_size_seen_twice_gets_a_numbered_key():
    net = Network("shrink and grow")
    x = net.add_node("input", {"channels": 3, "height": 28, "width": 28}).id
    for padding in ("same", "valid", 4):  # 28x28, then 24x24, then 28x28 again
        x = net.add_node("conv2d", {"filters": 8, "kernel": 5, "padding": padding}, inputs=(x,)).id
    stages = stages_of(summarize(net))
    assert [(s.key, s.label) for s in stages] == [
        ("28x28", "28x28"),
        ("24x24", "24x24"),
        ("28x28 (2)", "28x28"),
    ]


def test_layers_with_unknown_shapes_join_the_current_stage():
    net = load("lenet5")
    net.set_param(net.find("conv2").id, "kernel", 15)  # larger than its 14x14 input
    f = figures(net)
    assert not f.valid and any("conv2" in e for e in f.errors)
    assert [s.key for s in f.stages] == ["28x28"]
    assert f.stages[0].last == "softmax"


# -- ratios -------------------------------------------------------------------------------------


def test_the_lectures_tenfold_cut_reads_9_68x_fewer():
    r = ratio("macs", 12_443_648, 120_422_400)
    assert r.short == "9.68x fewer"
    assert r.words == "9.68x fewer multiply-accumulates"
    assert r.factor == Fraction(12_443_648, 120_422_400)
    assert r.sentence("bottleneck", "naive") == (
        "bottleneck has 9.68x fewer multiply-accumulates than naive (12,443,648 against 120,422,400)."
    )


@pytest.mark.parametrize(
    ("value", "baseline", "short"),
    [
        (9675, 1000, "9.68x more"),  # half up, exactly, whatever floats would do
        (1000, 9675, "9.68x fewer"),
        (9996, 1000, "10.0x more"),  # never "10.00x"
        (99_960, 1000, "100x more"),
        (234_349, 10_000, "23.4x more"),
        (1_011_400, 1000, "1,011x more"),
        (1050, 1000, "1.05x more"),
        (1049, 1000, "4.9% more"),
        (9_950, 10_000, "0.5% fewer"),
        (100_001, 100_000, "under 0.1% more"),
        (7, 7, "the same"),
        (0, 7, "none"),
        (7, 0, "7 (baseline: none)"),
    ],
)
def test_ratio_wording(value, baseline, short):
    assert ratio("params", value, baseline).short == short


def test_against_a_baseline_of_nothing_the_number_is_given():
    r = ratio("params", 61_706, 0)
    assert (r.words, r.factor) == ("61,706 parameters (the baseline has none)", None)
    assert (
        r.sentence("LeNet-5", "an empty network")
        == "LeNet-5 has 61,706 parameters; an empty network has none."
    )
    assert (
        ratio("macs", 0, 10).sentence("empty", "LeNet-5")
        == "empty has no multiply-accumulates; LeNet-5 has 10."
    )


def test_weight_layers_differ_by_a_count():
    assert ratio("weight_layers", 37, 34).words == "3 more weight layers"
    assert ratio("weight_layers", 1, 2).words == "1 fewer weight layer"
    assert ratio("weight_layers", 16, 16).words == "the same number of weight layers"


def test_rounding_helpers():
    assert rounded(Fraction(5, 2), 0) == "3"
    assert rounded(Fraction(1234567, 1), 0) == "1,234,567"
    assert times_text(Fraction(120_422_400, 12_443_648)) == "9.68x"


# -- comparisons --------------------------------------------------------------------------------


def test_figures_are_a_snapshot_that_later_edits_do_not_change():
    net = load("conv5x5-naive")
    before = figures(net, source="the open network")
    net.set_param(net.find("conv").id, "filters", 64)
    after = figures(net)
    assert before.macs == 120_422_400 and after.macs == 2 * 120_422_400
    assert before.source == "the open network"


def test_repeated_labels_are_numbered_and_the_first_network_is_the_baseline():
    net = load("lenet5")
    comparison = compare([figures(net), figures(net), figures(net)])
    assert [n.label for n in comparison.networks] == ["LeNet-5", "LeNet-5 (2)", "LeNet-5 (3)"]
    assert comparison.baseline.label == "LeNet-5"
    assert comparison.title == "LeNet-5 vs LeNet-5 (2) vs LeNet-5 (3)"
    assert [r.short for r in comparison.ratios(comparison.networks[1])] == ["the same"] * 5


def test_a_comparison_needs_a_network():
    with pytest.raises(ValueError, match="at least one"):
        compare([])


def test_stage_keys_line_up_by_map_size_with_the_head_last():
    comparison = ready_made("vgg-resnet-googlenet")
    assert comparison.stage_keys == ("224x224", "112x112", "56x56", "28x28", "14x14", "7x7", HEAD)
    assert comparison.stage_values("224x224", "macs") == (1_936_392_192, None, None)
    assert comparison.stage_values(HEAD, "params") == (123_642_856, 2_049_000, 1_025_000)


def test_merge_keeps_each_networks_order():
    a = stages_of(summarize(load("lenet5")))
    b = stages_of(summarize(load("alexnet")))
    assert merge_stage_keys([a, b]) == ("55x55", "28x28", "27x27", "13x13", "10x10", HEAD)


def test_ready_made_comparisons_are_the_lectures_and_never_shadow_a_preset():
    assert {entry_id: entry.presets for entry_id, entry in READY_MADE.items()} == {
        "bottleneck-5x5": ("conv5x5-naive", "conv5x5-bottleneck"),
        "inception-reductions": ("inception-naive", "inception-bottleneck"),
        "classic-networks": ("lenet5", "alexnet", "vgg16"),
        "vgg-resnet-googlenet": ("vgg16", "resnet50", "googlenet"),
        "plain-vs-residual": ("plain34", "resnet34"),
    }
    assert not set(READY_MADE) & set(PRESETS)
    for entry in READY_MADE.values():
        assert entry.title and entry.title_ko and entry.note
        assert set(entry.presets) <= set(PRESETS)


def test_unknown_ready_made_lists_the_ids():
    with pytest.raises(KeyError, match="bottleneck-5x5"):
        ready_made("nope")
