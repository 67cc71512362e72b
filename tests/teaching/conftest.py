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


# -- the app's lessons and exercises panels -----------------------------------------------------


@pytest.fixture
def window(make_window):
    """A shown main window with the lessons and exercises in English."""
    window = make_window(remember_layout=False)
    window.lessons.panel.set_language("en")
    return window


@pytest.fixture
def open_shipped():
    """Opens a shipped exercise through its File > Open Exercise entry: ``open_shipped(window, id)``."""

    def open_exercise(window, exercise_id: str):
        window.menu_actions[f"exercise:{exercise_id}"].trigger()
        assert window.exercises.exercise is not None and window.exercises.exercise.id == exercise_id
        return window.exercises.exercise

    return open_exercise


@pytest.fixture
def lesson_window(make_window):
    """A shown main window with the Lessons dock in view (English lessons)."""

    def make(network=None, **kwargs):
        window = make_window(network, remember_layout=False, **kwargs)
        window.lessons.panel.set_language("en")
        window.lessons.show_lesson()
        return window

    return make


@pytest.fixture
def click_text_link():
    """Click, with the mouse, the link whose text runs from *start* to *end* in a browser."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    def click(browser, start: int, end: int) -> None:
        cursor = QTextCursor(browser.document())
        cursor.setPosition(start + 1 if end - start > 1 else start)  # inside the link's text
        browser.setTextCursor(cursor)
        browser.ensureCursorVisible()
        rect = browser.cursorRect(cursor)
        point = QPoint(rect.center().x(), rect.center().y())
        QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    return click


@pytest.fixture
def discard_unsaved(monkeypatch):
    """Answer "Discard" whenever the app asks about unsaved changes; returns the questions asked."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def warning(parent, title, text, *args, **kwargs):
        asked.append(title)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked


def _set(document, layer: str, **values) -> None:
    from cnnstudio.ui.commands import SetParamCommand, execute

    node = document.network.find(layer)
    for key, value in values.items():
        assert execute(document, SetParamCommand(document.network, node.id, key, value))


def _insert(document, type_id: str, params: dict, after: str, before: str) -> None:
    from cnnstudio.ui.commands import InsertNodeCommand, execute

    network = document.network
    src, dst = network.find(after).id, network.find(before).id
    assert execute(document, InsertNodeCommand(network, type_id, params, src, dst))


def _append(document, type_id: str, params: dict, after: str) -> None:
    from cnnstudio.ui.commands import AddNodeCommand, execute

    network = document.network
    assert execute(document, AddNodeCommand(network, type_id, params, inputs=(network.find(after).id,)))


STEP_SOLUTIONS: dict[tuple[str, int], Callable] = {
    ("L01", 1): lambda doc: _set(doc, "input", channels=3),
    ("L01", 2): lambda doc: _set(doc, "fc3", units=2),
    ("L01", 3): lambda doc: _set(doc, "input", height=64, width=64),
    ("L02", 1): lambda doc: _set(doc, "conv2", groups=2),
    ("L02", 2): lambda doc: _set(doc, "conv1", padding="same"),
    ("L02", 3): lambda doc: _set(doc, "input", height=32, width=32),
    ("L03", 1): lambda doc: _set(doc, "layer1.0", shortcut="none"),
    ("L03", 2): lambda doc: _insert(doc, "residual", {"filters": 128}, "layer2.3", "layer3.0"),
    ("L03", 3): lambda doc: _set(doc, "layer2.0", shortcut="zero-pad"),
    ("L04", 1): lambda doc: _set(doc, "layer1.0", shortcut="zero-pad"),
    ("L04", 2): lambda doc: _insert(doc, "residual", {"filters": 64, "stride": 1}, "layer3.2", "avgpool"),
    ("L04", 3): lambda doc: _set(doc, "layer1.1", shortcut="projection"),
    ("L05", 1): lambda doc: _set(doc, "conv", filters=16),
    ("L05", 2): lambda doc: _set(doc, "conv", filters=192),
    ("L05", 3): lambda doc: _append(doc, "maxpool2d", {"kernel": 2, "stride": 2}, "relu"),
    ("L06", 1): lambda doc: _insert(doc, "conv2d", {"kernel": 1, "filters": 16}, "input", "conv"),
    ("L06", 2): lambda doc: _set(doc, "conv_reduce", filters=32),
    ("L06", 3): lambda doc: _set(doc, "inception", pool_proj=0),
    ("L07", 1): lambda doc: _set(doc, "inception", reductions=True),
    ("L07", 2): lambda doc: _set(
        doc, "inception", c1x1=128, c3x3_reduce=128, c3x3=192, c5x5_reduce=32, c5x5=96, pool_proj=64
    ),
    ("L07", 3): lambda doc: _insert(doc, "inception", {}, "inception_5b", "pool5"),
}
"""Each lesson's "Try it" steps done as a student does them: through the app's undoable
commands on the open document, from the network the step starts from."""


@pytest.fixture
def step_solutions() -> dict[tuple[str, int], Callable]:
    """(lesson id, step number) -> a function doing that step on a document."""
    return STEP_SOLUTIONS


@pytest.fixture
def solve_through_commands():
    """Exercise id -> its solution done through the app's commands on the open document."""

    def cut_5x5_cost(document) -> None:
        _insert(document, "conv2d", {"kernel": 1, "filters": 16}, "input", "conv")
        reduce = document.network.node(document.network.find("conv").inputs[0]).name
        _insert(document, "relu", {}, reduce, "conv")

    return {"cut-5x5-cost": cut_5x5_cost}
