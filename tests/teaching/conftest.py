"""Fixtures for the teaching tests: each shipped exercise's reference solution and wrong attempts,
built with the core's edit methods from the exercise's start network, as a student would."""

from collections.abc import Callable

import pytest

from cnnstudio.core import Network, summarize
from cnnstudio.teaching import Answers, Exercise


def chain(net: Network, *layers: tuple) -> str:
    """Append ``(type, name, params)`` layers after the last node; returns the last id."""
    last = net.nodes[-1].id if len(net) else None
    for type_id, name, params in layers:
        last = net.add_node(type_id, params, name, [last] if last else []).id
    return last


def lenet5(net: Network, conv2_filters: int = 16) -> Network:
    chain(
        net,
        ("input", "image", {"channels": 1, "height": 32, "width": 32}),
        ("conv2d", "c1", {"filters": 6, "kernel": 5, "padding": "valid"}),
        ("avgpool2d", "s2", {"kernel": 2, "stride": 2}),
        ("tanh", "t1", {}),
        ("conv2d", "c3", {"filters": conv2_filters, "kernel": 5, "padding": "valid"}),
        ("avgpool2d", "s4", {"kernel": 2, "stride": 2}),
        ("tanh", "t2", {}),
        ("flatten", "flat", {}),
        ("linear", "f5", {"units": 120}),
        ("tanh", "t3", {}),
        ("linear", "f6", {"units": 84}),
        ("tanh", "t4", {}),
        ("linear", "out", {"units": 10}),
        ("softmax", "p", {}),
    )
    return net


def alexnet_convs(net: Network, conv3_filters: int = 384, stop_after_pool2: bool = False) -> Network:
    pool = {"kernel": 3, "stride": 2}
    chain(
        net,
        ("conv2d", "conv1", {"filters": 96, "kernel": 11, "stride": 4, "padding": "valid"}),
        ("relu", "relu1", {}),
        ("lrn", "norm1", {}),
        ("maxpool2d", "pool1", pool),
        ("conv2d", "conv2", {"filters": 256, "kernel": 5, "padding": "same"}),
        ("relu", "relu2", {}),
        ("lrn", "norm2", {}),
        ("maxpool2d", "pool2", pool),
    )
    if stop_after_pool2:
        return net
    chain(
        net,
        ("conv2d", "conv3", {"filters": conv3_filters, "kernel": 3, "padding": "same"}),
        ("relu", "relu3", {}),
        ("conv2d", "conv4", {"filters": 384, "kernel": 3, "padding": "same"}),
        ("relu", "relu4", {}),
        ("conv2d", "conv5", {"filters": 256, "kernel": 3, "padding": "same"}),
        ("relu", "relu5", {}),
        ("maxpool2d", "pool5", pool),
    )
    return net


def inception_by_hand(net: Network, pool_projection: bool = True) -> Network:
    src = net.find("input").id
    ends = []
    for kernel, filters in ((1, 64), (3, 128), (5, 32)):
        conv = net.add_node("conv2d", {"filters": filters, "kernel": kernel, "padding": "same"}, inputs=[src])
        ends.append(net.add_node("relu", inputs=[conv.id]).id)
    pool = net.add_node("maxpool2d", {"kernel": 3, "stride": 1, "padding": "same"}, inputs=[src]).id
    if pool_projection:
        proj = net.add_node("conv2d", {"filters": 32, "kernel": 1}, inputs=[pool]).id
        pool = net.add_node("relu", inputs=[proj]).id
    net.add_node("concat", inputs=[*ends, pool])
    return net


def bottleneck(net: Network, filters: int = 16) -> Network:
    """Drop a 1x1 convolution and a ReLU on the edge into the locked 5x5 convolution."""
    conv = net.find("conv").id
    src = net.node(conv).inputs[0]
    reduce = net.add_node("conv2d", {"filters": filters, "kernel": 1})
    net.insert_between(reduce.id, src, conv)
    relu = net.add_node("relu")
    net.insert_between(relu.id, reduce.id, conv)
    return net


def widen_the_locked_conv(net: Network) -> Network:
    bottleneck(net)
    net.set_param(net.find("conv").id, "filters", 64)
    return net


def answers(exercise: Exercise, wrong: dict | None = None) -> Answers:
    rows = {row.path: row for row in summarize(exercise.start).all_rows()}
    given = {}
    for question in exercise.questions:
        row = rows[question.layer]
        values = {"shape": _hwc(row.shape), "params": f"{row.params:,}", "macs": row.macs}
        given[question.layer] = {quantity: values[quantity] for quantity in question.ask}
    for layer, changes in (wrong or {}).items():
        given[layer].update(changes)
    return Answers(exercise.id, given)


def _hwc(shape: tuple) -> str:
    return "x".join(str(side) for side in (shape[1:] + shape[:1] if len(shape) == 3 else shape))


Build = Callable[[Exercise], object]


@pytest.fixture
def reference_solutions() -> dict[str, Build]:
    """Exercise id -> a function giving that exercise's reference solution."""
    return {
        "rebuild-lenet5": lambda ex: lenet5(ex.start_network()),
        "rebuild-alexnet-convs": lambda ex: alexnet_convs(ex.start_network()),
        "inception-module": lambda ex: inception_by_hand(ex.start_network()),
        "cut-5x5-cost": lambda ex: bottleneck(ex.start_network()),
        "predict-lenet5": answers,
    }


@pytest.fixture
def wrong_attempts() -> dict[str, list[tuple[Build, str, str]]]:
    """Exercise id -> ``(attempt, hint in English, hint in Korean)`` for wrong attempts."""
    return {
        "rebuild-lenet5": [
            (
                lambda ex: lenet5(ex.start_network(), conv2_filters=12),
                "your c3 gives 10x10x12; LeNet-5's has 16 filters",
                "c3 층의 출력은 10x10x12입니다. LeNet-5의 해당 층은 필터 16개입니다",
            ),
            (
                lambda ex: ex.start_network(),
                "your network is empty; LeNet-5 starts with input (Input, 32x32x1)",
                "네트워크가 비어 있습니다. LeNet-5의 첫 층은 input (Input, 32x32x1)입니다",
            ),
        ],
        "rebuild-alexnet-convs": [
            (
                lambda ex: alexnet_convs(ex.start_network(), conv3_filters=256),
                "your conv3 gives 13x13x256; AlexNet's has 384 filters",
                "conv3 층의 출력은 13x13x256입니다. AlexNet의 해당 층은 필터 384개입니다",
            ),
            (
                lambda ex: alexnet_convs(ex.start_network(), stop_after_pool2=True),
                "your network stops after pool2; AlexNet goes on with conv3 (Conv2d, 3x3 s1 same, 384)",
                "네트워크가 pool2 층에서 끝납니다. AlexNet에서는 다음에 conv3 (Conv2d, 3x3 s1 same, 384) 층이 옵니다",
            ),
        ],
        "inception-module": [
            (
                lambda ex: inception_by_hand(ex.start_network(), pool_projection=False),
                "the network's output: 28x28x416; the goal is 28x28x256",
                "네트워크의 출력: 지금 28x28x416, 목표 28x28x256",
            )
        ],
        "cut-5x5-cost": [
            (
                lambda ex: bottleneck(ex.start_network(), filters=64),
                "total MACs: 49,774,592; the goal is below 15,000,000",
                "전체 MAC 수: 지금 49,774,592, 목표 15,000,000 미만",
            ),
            (
                lambda ex: widen_the_locked_conv(ex.start_network()),
                "conv is locked: keep it a Conv2d with 5x5 s1 same, 32",
                "conv 층은 잠겨 있습니다. 5x5 s1 same, 32인 Conv2d 그대로 두세요",
            ),
        ],
        "predict-lenet5": [
            (
                lambda ex: answers(ex, {"conv1": {"shape": "28x28x5"}}),
                "9 of 10 answers right; conv1's output shape: you answered 28x28x5; it is 28x28x6",
                "10개 중 9개 맞음. conv1 층의 출력 크기: 답 28x28x5, 정답 28x28x6",
            )
        ],
    }
