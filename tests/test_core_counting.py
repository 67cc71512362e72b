"""Weight layers: the 16 of VGG-16 and the 152 of ResNet-152, counted as the papers count them."""

import pytest

from cnnstudio.core import Network, preset, summarize
from cnnstudio.core.counting import WeightLayers, weight_layers

# (depth, total): depth is the number in the name (GoogLeNet: "22 layers deep when counting
# only layers with parameters"); total adds the projection shortcuts and parallel branches.
PAPER_COUNTS = {
    "lenet5": (5, 5),
    "alexnet": (8, 8),
    "alexnet-2gpu": (8, 8),
    "vgg16": (16, 16),
    "vgg19": (19, 19),
    "resnet18": (18, 21),  # + 3 projections (the first block of stages 2, 3, 4)
    "resnet34": (34, 37),
    "resnet50": (50, 54),  # + 4 projections (stage 1's first block widens 64 -> 256 too)
    "resnet152": (152, 156),
    "plain34": (34, 34),
    "resnet20": (20, 20),  # CIFAR, option A: zero-padding shortcuts have no weights
    "resnet56": (56, 56),
    "googlenet": (22, 58),  # 3 stem convs + 9 modules x 6 convs + fc
}


@pytest.mark.parametrize("preset_id", sorted(PAPER_COUNTS))
def test_presets_have_the_weight_layers_their_names_say(preset_id):
    assert weight_layers(preset(preset_id)) == WeightLayers(*PAPER_COUNTS[preset_id])


def test_a_chain_counts_convolutions_and_linear_layers_only():
    net = Network()
    prev = net.add_node("input", {"channels": 1, "height": 8, "width": 8}).id
    for type_id in ("conv2d", "batchnorm2d", "relu", "maxpool2d", "lrn", "dropout", "flatten", "linear"):
        prev = net.add_node(type_id, inputs=[prev]).id
    assert weight_layers(net) == WeightLayers(2, 2)


def test_depth_follows_the_longest_branch_and_total_counts_every_branch():
    net = Network()
    src = net.add_node("input", {"channels": 3, "height": 8, "width": 8}).id
    short = net.add_node("conv2d", {"filters": 4}, inputs=[src]).id
    long = src
    for _ in range(3):
        long = net.add_node("conv2d", {"filters": 4}, inputs=[long]).id
    net.add_node("concat", inputs=[short, long])
    assert weight_layers(net) == WeightLayers(3, 4)


def input_then_block(channels: int) -> Network:
    net = Network()
    src = net.add_node("input", {"channels": channels, "height": 8, "width": 8}).id
    net.add_node("residual", {"filters": 16}, inputs=[src])
    return net


def test_a_block_needs_a_projection_only_when_its_input_does_not_match():
    assert weight_layers(input_then_block(16)) == WeightLayers(2, 2)
    assert weight_layers(input_then_block(3)) == WeightLayers(2, 3)


def test_the_callers_summary_decides_the_input_shape():
    net = input_then_block(16)
    assert weight_layers(net, summarize(net, input_shape=(3, 8, 8))) == WeightLayers(2, 3)


def test_a_block_cut_off_from_its_input_is_not_counted_like_the_totals():
    net = Network()
    src = net.add_node("input").id
    block = net.add_node("residual", {"variant": "bottleneck"})
    assert weight_layers(net) == WeightLayers(0, 0)
    net.connect(src, block.id)
    assert weight_layers(net) == WeightLayers(3, 4)


def test_an_empty_network_has_none():
    assert weight_layers(Network()) == WeightLayers(0, 0)


def test_editing_the_network_changes_the_count():
    net = preset("vgg16")
    conv = net.find("conv5_3")
    extra = net.add_node("conv2d", {"filters": 512})
    net.insert_between(extra.id, conv.id, net.consumers(conv.id)[0][0])
    assert weight_layers(net) == WeightLayers(17, 17)
