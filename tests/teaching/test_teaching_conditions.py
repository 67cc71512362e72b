"""The condition language of steps and exercises: each kind met, missed (with words), or refused."""

import pytest

from cnnstudio.core import Network, preset, summarize
from cnnstudio.teaching.conditions import ConditionError, Probe, parse_condition


def check(text, network, lang="en"):
    return parse_condition(text).check(Probe(network), lang)


@pytest.fixture
def naive():
    return preset("conv5x5-naive")


@pytest.mark.parametrize(
    "text",
    [
        "valid",
        "macs = 120,422,400",
        "macs > 120M",
        "params = 153,632",
        "params <= 153632",
        "depth = 1",
        "weight layers = 1",
        "nodes = 3",
        "output = 28x28x32",
        "output != 28x28x16",
        "shape of conv = 28 x 28 x 32",
        "params of conv = 153,632",
        "macs of conv >= 120M",
        "has conv2d kernel=5 filters=32",
        "has conv2d padding=2",  # 'same' on a 5x5 kernel is 2 pixels
        "has relu",
        "count conv2d = 1",
        "count conv2d kernel=1 = 0",
    ],
)
def test_conditions_met_by_the_naive_5x5_convolution(text, naive):
    assert check(text, naive) is None


@pytest.mark.parametrize(
    ("text", "en", "ko"),
    [
        (
            "macs < 13M",
            "total MACs: 120,422,400; the goal is below 13,000,000",
            "전체 MAC 수: 지금 120,422,400, 목표 13,000,000 미만",
        ),
        (
            "output = 28x28x16",
            "the network's output: 28x28x32; the goal is 28x28x16",
            "네트워크의 출력: 지금 28x28x32, 목표 28x28x16",
        ),
        (
            "shape of conv = 14x14x32",
            "conv's output: 28x28x32; the goal is 14x14x32",
            "conv 층의 출력 크기: 지금 28x28x32, 목표 14x14x32",
        ),
        (
            "has conv2d kernel=1 filters=16",
            "no Conv2d with kernel=1, filters=16 yet",
            "kernel=1, filters=16인 Conv2d 층이 아직 없습니다",
        ),
        ("has maxpool2d", "no MaxPool2d yet", "MaxPool2d 층이 아직 없습니다"),
        ("count conv2d >= 2", "Conv2d layers: 1; the goal is at least 2", "Conv2d 층: 지금 1개, 목표 2 이상"),
        ("shape of conv9 = 1", "there is no layer called conv9", "이름이 conv9인 층이 없습니다"),
        (
            "depth = 2",
            "weight layers on the longest path: 1; the goal is 2",
            "가장 긴 경로의 가중치 층 수: 지금 1, 목표 2",
        ),
    ],
)
def test_a_missed_condition_says_what_is_missing_in_the_students_language(text, en, ko, naive):
    assert check(text, naive) == en
    assert check(text, naive, "ko") == ko


def test_inner_layers_of_a_block_are_reached_by_their_path():
    net = preset("inception-naive")
    assert check("shape of inception.pool = 28x28x192", net) is None
    assert check("macs of inception.5x5 = 120,422,400", net) is None


def test_has_looks_at_top_level_blocks_not_inside_them():
    assert check("has conv2d", preset("inception-bottleneck")) == "no Conv2d yet"


def test_valid_names_the_first_error():
    net = Network()
    src = net.add_node("input", {"channels": 3, "height": 2, "width": 2}).id
    net.add_node("conv2d", {"kernel": 3, "padding": "valid"}, "conv", [src])
    assert check("valid", net).startswith("the network has an error: conv:")


def test_valid_names_a_layer_left_unconnected():
    net = Network()
    net.add_node("input", {"channels": 3, "height": 8, "width": 8})
    net.add_node("linear")
    assert check("valid", net) == "fc is not connected to the network; connect it or delete it"


def test_a_layer_after_an_error_has_no_shape_to_compare():
    net = Network()
    src = net.add_node("input", {"channels": 3, "height": 4, "width": 4}).id
    bad = net.add_node("conv2d", {"kernel": 9, "padding": "valid"}, "conv", [src]).id
    net.add_node("relu", name="relu", inputs=[bad])
    assert check("shape of relu = 1x1x1", net) == "relu has no output shape yet; fix the error above it first"


def test_an_empty_network_has_no_output():
    assert check("output = 10", Network()) == "the network has no output yet"


def test_the_callers_summary_is_used():
    net = preset("lenet5")
    probe = Probe(net, summarize(net, input_shape=(1, 64, 64)))
    assert parse_condition("shape of flatten = 2704").check(probe) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the condition is empty"),
        ("lots of macs", "cannot read 'lots of macs'"),
        ("has", "needs a block type"),
        ("has foo", "unknown block type 'foo'"),
        ("has padshortcut", "unknown block type 'padshortcut'"),
        ("has conv2d size=3", "Conv2d has no setting 'size'"),
        ("has conv2d kernel", "'kernel' is not a setting written key=value"),
        ("has conv2d kernel=x", "'x' is not a value kernel can take"),
        ("has inception reductions=maybe", "'maybe' is not a value reductions can take"),
        ("output < 28x28x3", "shapes can only be compared with = or !="),
        ("output = 28x28", "'28x28' is not a shape"),
        ("macs < lots", "'lots' is not a number"),
        ("count conv2d", "needs a comparison at the end"),
        ("weights of conv = 3", "cannot compare 'weights of conv'"),
    ],
)
def test_a_condition_that_cannot_be_read_says_why(text, message):
    with pytest.raises(ConditionError, match=message.replace("(", r"\(")):
        parse_condition(text)


def test_numbers_a_condition_names():
    assert [n.value for n in parse_condition("has conv2d kernel=1 filters=16").numbers()] == [1, 16]
    assert [n.value for n in parse_condition("output = 28x28x32").numbers()] == [32, 28, 28]
    assert [n.value for n in parse_condition("macs < 13M").numbers()] == [13_000_000]
    assert parse_condition("valid").numbers() == []
