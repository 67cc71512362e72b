"""The case-study presets against the numbers of the papers, torchvision and the lecture."""

import pytest

from cnnstudio.core import PRESETS, format_shape, preset, summarize

# Parameter and MAC totals (conv + linear multiply-accumulates, bias excluded) as published:
# torchvision's model documentation for VGG and ResNet, the AlexNet/GoogLeNet papers' layer
# tables, the lecture for LeNet-5 and the 5x5 convolution.
PUBLISHED_TOTALS = {
    "lenet5": (61_706, 416_520),
    "alexnet": (62_378_344, 1_135_256_096),
    "alexnet-2gpu": (60_965_224, 724_406_816),
    "vgg16": (138_357_544, 15_470_264_320),
    "vgg19": (143_667_240, 19_632_062_464),
    "resnet18": (11_689_512, 1_814_073_344),
    "resnet34": (21_797_672, 3_663_761_408),
    "resnet50": (25_557_032, 4_089_184_256),
    "resnet101": (44_549_160, 7_801_405_440),
    "resnet152": (60_192_808, 11_513_626_624),
    "googlenet": (6_998_552, 1_582_671_872),
}


@pytest.mark.parametrize("preset_id", sorted(PUBLISHED_TOTALS))
def test_totals_match_the_published_figures(preset_id):
    summary = summarize(preset(preset_id))
    assert summary.valid, summary.errors
    assert (summary.totals.params, summary.totals.macs) == PUBLISHED_TOTALS[preset_id]


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_every_preset_is_valid_and_titled_in_both_languages(preset_id):
    entry = PRESETS[preset_id]
    summary = summarize(entry.build())
    assert summary.valid, summary.errors
    assert entry.title and entry.title_ko and entry.description


def shapes_by_name(preset_id):
    return {row.path: format_shape(row.shape) for row in summarize(preset(preset_id)).all_rows()}


def test_lenet5_shapes_follow_the_lecture():
    shapes = shapes_by_name("lenet5")
    assert shapes["input"] == "32x32x1"
    assert shapes["conv1"] == "28x28x6"
    assert shapes["pool1"] == "14x14x6"
    assert shapes["conv2"] == "10x10x16"
    assert shapes["pool2"] == "5x5x16"
    assert shapes["flatten"] == "400"
    assert [shapes["fc1"], shapes["fc2"], shapes["fc3"]] == ["120", "84", "10"]


def test_alexnet_shapes_follow_the_lecture():
    shapes = shapes_by_name("alexnet")
    assert shapes["input"] == "227x227x3"
    assert shapes["conv1"] == "55x55x96"
    assert shapes["pool1"] == "27x27x96"
    assert shapes["conv2"] == "27x27x256"
    assert shapes["pool2"] == "13x13x256"
    assert shapes["conv3"] == shapes["conv4"] == "13x13x384"
    assert shapes["conv5"] == "13x13x256"
    assert shapes["pool5"] == "6x6x256"
    assert shapes["flatten"] == "9216"
    assert [shapes["fc6"], shapes["fc7"], shapes["fc8"]] == ["4096", "4096", "1000"]


def test_vgg16_goes_from_224_to_7x7x512_doubling_channels():
    shapes = shapes_by_name("vgg16")
    assert shapes["conv1_2"] == "224x224x64"
    assert shapes["pool1"] == "112x112x64"
    assert shapes["conv2_2"] == "112x112x128"
    assert shapes["pool2"] == "56x56x128"
    assert shapes["pool5"] == "7x7x512"
    convs = [row for row in summarize(preset("vgg16")).rows if row.type == "conv2d"]
    linears = [row for row in summarize(preset("vgg16")).rows if row.type == "linear"]
    assert len(convs) + len(linears) == 16  # the 16 of VGG-16


def test_inception_module_outputs_28x28x256_in_both_variants():
    for preset_id in ("inception-naive", "inception-bottleneck"):
        summary = summarize(preset(preset_id))
        assert format_shape(summary.output_shape) == "28x28x256"


def test_the_lecture_5x5_conv_costs_120m_and_12_4m_with_a_bottleneck():
    naive = summarize(preset("conv5x5-naive"))
    bottleneck = summarize(preset("conv5x5-bottleneck"))
    assert naive.totals.macs == 120_422_400  # 28*28*32 * 5*5*192
    assert bottleneck.totals.macs == 12_443_648
    reduce, conv = [row for row in bottleneck.rows if row.type == "conv2d"]
    assert reduce.macs == 2_408_448  # the lecture's 2.4M: 28*28*16 * 192
    assert conv.macs == 10_035_200  # the lecture's 10.0M: 28*28*32 * 5*5*16


def test_1x1_conv_shrinks_channels_not_space():
    summary = summarize(preset("conv1x1"))
    assert format_shape(summary.output_shape) == "28x28x32"
    conv = next(row for row in summary.rows if row.type == "conv2d")
    assert conv.params == 192 * 32 + 32


@pytest.mark.parametrize(("preset_id", "millions"), [("resnet20", 0.27), ("resnet56", 0.85)])
def test_cifar_resnets_have_the_papers_parameter_counts(preset_id, millions):
    # He et al. 2015, Table 6 (option A shortcuts: parameter-free)
    assert round(summarize(preset(preset_id)).totals.params / 1e6, 2) == millions


@pytest.mark.parametrize(("plain", "residual"), [("plain20", "resnet20"), ("plain56", "resnet56")])
def test_cifar_plain_and_residual_networks_differ_only_by_shortcuts(plain, residual):
    plain_summary, residual_summary = summarize(preset(plain)), summarize(preset(residual))
    assert plain_summary.totals.params == residual_summary.totals.params
    assert plain_summary.totals.macs == residual_summary.totals.macs
    assert "add" in {r.type for r in residual_summary.all_rows()}
    assert "add" not in {r.type for r in plain_summary.all_rows()}


def test_resnet_layer_counts_in_the_name():
    for depth in (18, 34, 50, 101, 152):
        summary = summarize(preset(f"resnet{depth}"))
        weighted = [
            r for r in summary.leaves() if r.type in ("conv2d", "linear") and "downsample" not in r.path
        ]
        assert len(weighted) == depth


def test_layer_names_follow_the_papers():
    assert {"conv1", "layer1.0", "layer4.2", "fc"} <= {r.path for r in summarize(preset("resnet50")).rows}
    assert {"inception_3a", "inception_5b", "fc"} <= {r.path for r in summarize(preset("googlenet")).rows}
    assert {"conv1", "conv5", "fc6", "fc8"} <= {r.path for r in summarize(preset("alexnet")).rows}


def test_googlenet_modules_output_the_channels_of_table_1():
    shapes = shapes_by_name("googlenet")
    expected = {"3a": "28x28x256", "3b": "28x28x480", "4a": "14x14x512", "4e": "14x14x832", "5b": "7x7x1024"}
    for key, shape in expected.items():
        assert shapes[f"inception_{key}"] == shape


def test_bottleneck_stride_can_sit_on_the_first_1x1_as_in_the_paper():
    from cnnstudio.core import Network

    def first_downsampling_block(stride_on):
        net = Network()
        net.add_node("input", {"channels": 256, "height": 56, "width": 56})
        net.add_node(
            "residual",
            {"variant": "bottleneck", "filters": 128, "stride": 2, "stride_on": stride_on},
            inputs=["n1"],
        )
        return summarize(net).rows[1]

    v15, paper = first_downsampling_block("3x3"), first_downsampling_block("1x1")
    assert v15.shape == paper.shape == (512, 28, 28)
    assert v15.params == paper.params
    assert paper.macs < v15.macs  # the paper's 1x1 stride skips three quarters of the 3x3 work
