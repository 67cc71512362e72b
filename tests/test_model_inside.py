"""Inside a network: feature maps have the table's shapes, receptive fields the table's sizes,
filters are images, and a residual block with its last layer zeroed passes its input through."""

from __future__ import annotations

import pytest
import torch

import cnnstudio
from cnnstudio.core import summarize
from cnnstudio.model.build import build_module
from cnnstudio.model.identity import block_module, check_identity, last_layer, restore, zero_last_layer
from cnnstudio.model.inside import feature_maps, first_filters, map_tiles, receptive_fields


@pytest.fixture(autouse=True)
def seeded():
    torch.manual_seed(0)


@pytest.mark.parametrize("preset", ["lenet5", "resnet20", "inception-bottleneck", "alexnet"])
def test_every_layer_has_the_shape_and_receptive_field_the_table_predicts(preset):
    network = cnnstudio.load(preset)
    summary = summarize(network)
    module = build_module(network)
    maps = feature_maps(module, torch.randn(*summary.input_shape))
    fields = receptive_fields(module)
    rows = [row for top in summary.rows for row in top.walk() if row.type != "input"]
    assert {row.path for row in rows} == set(maps)
    for row in rows:
        assert tuple(maps[row.path].shape) == tuple(row.shape), row.path
        if len(row.shape) == 3:
            assert fields[row.path].rf == row.receptive_field, row.path


def test_a_receptive_field_box_follows_strides_and_padding():
    fields = receptive_fields(build_module(cnnstudio.load("lenet5")))
    # LeNet-5: conv 5x5 valid, avg pool 2, conv 5x5 valid, avg pool 2 on 32x32
    assert fields["conv1"].box(0, 0) == (0, 0, 4, 4)
    assert fields["conv1"].box(3, 7) == (3, 7, 7, 11)
    assert fields["pool1"].box(1, 0) == (2, 0, 7, 5)
    assert fields["conv2"].box(0, 0) == (0, 0, 13, 13)
    assert fields["pool2"].box(4, 4) == (16, 16, 31, 31)  # the last window ends at the image's edge
    resnet = receptive_fields(build_module(cnnstudio.load("resnet20")))
    assert resnet["conv1"].box(0, 0) == (-1, -1, 1, 1)  # same padding reaches past the edge
    assert resnet["layer3.2"].rf == 81 and resnet["layer3.2"].jump == 4
    assert resnet["fc"].box(0, 0) is None


def test_map_tiles_stretch_each_channel_and_keep_flat_ones_black():
    values = torch.stack([torch.arange(4.0).view(2, 2), torch.full((2, 2), 3.0)])
    tiles = map_tiles(values)
    assert tiles.dtype.name == "uint8" and tiles.shape == (2, 2, 2)
    assert tiles[0].tolist() == [[0, 85], [170, 255]] and tiles[1].max() == 0
    assert map_tiles(torch.randn(100, 3, 3)).shape == (64, 3, 3)


def test_first_filters_are_images_with_zero_at_mid_gray():
    lenet = first_filters(build_module(cnnstudio.load("lenet5")))
    assert lenet.shape == (6, 5, 5, 1)
    resnet = first_filters(build_module(cnnstudio.load("resnet20")))
    assert resnet.shape == (16, 3, 3, 3)
    assert resnet.min() >= 0 and resnet.max() <= 255 and 0 in (resnet.min(), 255 - resnet.max())


@pytest.mark.parametrize("preset", ["resnet20", "resnet18"])
def test_a_zeroed_residual_block_outputs_the_relu_of_its_input(preset):
    network = cnnstudio.load(preset)
    module = build_module(network)
    image = torch.rand(*summarize(network).input_shape)
    before = check_identity(module, "layer1.1", image)
    assert not before.passes and before.max_difference > 0.01 and not before.last_weights_zero
    block = block_module(module, "layer1.1")
    assert last_layer(block)[0] == "bn2"
    saved = zero_last_layer(block)
    after = check_identity(module, "layer1.1", image)
    assert after.passes and after.max_difference == 0.0 and after.last_weights_zero
    assert after.last_layer == "layer1.1.bn2" and after.input_shape == after.output_shape
    with torch.no_grad():
        block.layers["bn2"].weight[3] = 0.5  # one non-zero scale
    failed = check_identity(module, "layer1.1", image)
    assert not failed.passes and failed.max_difference > 0 and not failed.last_weights_zero
    restore(block, saved)
    assert check_identity(module, "layer1.1", image).max_difference == pytest.approx(before.max_difference)


def test_the_check_says_why_a_shape_changing_or_plain_block_cannot_pass():
    resnet = build_module(cnnstudio.load("resnet20"))
    zero_last_layer(block_module(resnet, "layer2.0"))
    changed = check_identity(resnet, "layer2.0", torch.rand(3, 32, 32))
    assert not changed.passes and "changes the shape" in changed.reason
    plain = build_module(cnnstudio.load("plain20"))
    zero_last_layer(block_module(plain, "layer1.1"))
    zeros = check_identity(plain, "layer1.1", torch.rand(3, 32, 32))
    assert not zeros.passes and zeros.last_weights_zero  # a plain block outputs g(0) = 0 instead


def test_without_batch_norm_the_last_convolution_is_zeroed():
    network = cnnstudio.load("resnet20")
    network.set_param(network.find("layer1.1").id, "batchnorm", False)
    module = build_module(network)
    block = block_module(module, "layer1.1")
    assert last_layer(block)[0] == "conv2"
    zero_last_layer(block)
    assert check_identity(module, "layer1.1", torch.rand(3, 32, 32)).passes
