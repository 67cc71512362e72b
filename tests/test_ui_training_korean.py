"""The training panel and the experiments' windows in Korean (issue 10), and the training panel at
1024x700 in English and Korean with nothing cut (issue 8, item 13).

With the shipped Korean translation installed (the ``korean`` fixture, removed after each test),
the real widgets are built and every text a user can read is walked: labels, buttons, check
boxes, group boxes, tab titles, combo items, table headers, list items, tooltips, placeholders,
spin box affixes, menu actions, window titles and the plots' titles, axis labels and legends.
Each must be Korean: every word in Latin letters in it must be a term kept as it is (layer
types, MACs, GPU, network, dataset and file names, the open network's layer names). The last
tests check the panel's layout at 1024x700. The translation file itself (training.ts) is checked
with the others in tests/test_translations.py.
"""

from __future__ import annotations

import contextlib
import html
import re
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from cnnstudio.core import preset
from cnnstudio.training import Finished
from cnnstudio.ui.training.records import RunEnd, WeightsState
from cnnstudio.ui.training.run_state import describe_end
from cnnstudio.ui.training.words import PANEL_WORDS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stack

ROOT = Path(__file__).resolve().parents[1]
LEFT = Qt.MouseButton.LeftButton
WORKER_MS = 180_000
"""Loading PyTorch on the worker, then a run or a forward pass, on a busy 2-core machine."""

KEPT = frozenset(
    [
        "LeNet",
        "AlexNet",
        "ResNet",
        "ResNets",
        "Plain",
        "VGG",
        "GoogLeNet",
        "MNIST",
        "Fashion",
        "CIFAR",
        "CNN",
        "Studio",
        "PyTorch",
        "torch",
        "compile",
        "Adam",
        "AdamW",
        "adam",
        "adamw",
        "sgd",
        "SGD",
        "GPU",
        "CPU",
        "CUDA",
        "cpu",
        "cuda",
        "mps",
        "Apple",
        "MPS",
        "NVIDIA",
        "Ampere",
        "bfloat16",
        "float16",
        "NaN",
        "ReLU",
        "MACs",
        "MB",
        "ms",
        "RGB",
        "PNG",
        "JPEG",
        "BMP",
        "GIF",
        "UCI",
        "CSV",
        "csv",
        "log10",
        "max",
        "Ctrl",
        "Conv2d",
        "Linear",
        "BatchNorm2d",
        "MaxPool2d",
        "AvgPool2d",
        "GlobalAvgPool",
        "Tanh",
        "Softmax",
        "Flatten",
        "Sigmoid",
        "Input",
        "Add",
        "Residual",
        "Inception",
        "LocalResponseNorm",
        "digits",
        "shapes",
        "cnnstudio",
        "json",
    ]
)
"""Words kept in Latin letters in the Korean interface (names, units, layer types, dataset ids)."""

HANGUL = re.compile(r"[\uac00-\ud7a3]")


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture(params=["en", "ko"])
def language(request, qapp):
    """Each of the app's languages in turn (English again after the test)."""
    from cnnstudio.ui.language import install_translators

    assert install_translators(request.param) == request.param
    yield request.param
    install_translators("en")


@pytest.fixture
def training_window(qtbot):
    """``(window, workspace)``: the main window of a network (LeNet-5 by default) at a size,
    its Training tab in front, torch loaded and the dataset open."""
    from cnnstudio.ui import MainWindow

    def make(network="lenet5", size=None):
        window = MainWindow(preset(network))
        qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        panel = window.training_panel
        with qtbot.waitSignal(panel.ready, timeout=WORKER_MS):
            window.training_dock.raise_()
        workspace = panel.workspace
        qtbot.waitUntil(lambda: workspace.dataset_info is not None, timeout=60_000)
        return window, workspace

    return make


# -- walking the texts ----------------------------------------------------------------------


def _plain(text: str) -> str:
    """*text* without HTML tags and entities, and without the & of an accelerator."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text or ""))
    return re.sub(r"&(?=\w)", "", text).replace("&&", "&").strip()


def _widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QToolButton) and widget.menu() is not None:
        texts += [action.text() for action in widget.menu().actions()]
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QSpinBox):
        texts += [widget.prefix(), widget.suffix(), widget.specialValueText()]
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
        texts += [widget.item(i).toolTip() for i in range(widget.count())]
    if isinstance(widget, QTableView) and widget.model() is not None:
        texts += _header_texts(widget)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        texts += _plot_texts(widget)
    texts += [action.text() for action in widget.actions()]
    return texts


def _header_texts(view: QTableView) -> list[str]:
    model, texts = view.model(), []
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount(QModelIndex())),
        (Qt.Orientation.Vertical, model.rowCount(QModelIndex())),
    ):
        for section in range(count):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    return texts


def _plot_texts(view: QGraphicsView) -> list[str]:
    """Titles, axis labels, legends and text items of the pyqtgraph plots in *view*."""
    texts = []
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            texts.append(item.labelText)
        elif isinstance(item, pg.LabelItem):
            texts.append(item.text)
        elif isinstance(item, pg.TextItem):
            texts.append(item.toPlainText())
    return texts


def readable_texts(root: QWidget) -> list[str]:
    """Every text of *root* and the widgets in it (shown or not), without markup."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [_plain(text) for text in _widget_texts(widget)]
    return [text for text in texts if text]


def untranslated(texts: list[str], names: set[str] = frozenset()) -> list[str]:
    """The texts with a word in Latin letters that is neither kept nor one of *names*."""
    allowed = KEPT | set(names)
    bad = []
    for text in texts:
        words = re.findall(r"(?<![0-9])[A-Za-z][A-Za-z0-9]*", text)  # not the x of 8x8
        if any(len(word) > 1 and word not in allowed for word in words):
            bad.append(text)
    return bad


def layer_names(network) -> set[str]:
    """The words of the network's layer names (conv1, layer1) and of the settings its canvas boxes
    show in their notation (``basic 16, s1, zero-pad``), which every language keeps."""
    names = set()
    for node in network.nodes:
        names.update(
            re.findall(r"[A-Za-z][A-Za-z0-9]*", f"{node.name} {node.block.summary_text(node.params)}")
        )
    return names


def test_the_walk_finds_english_and_accepts_kept_terms():
    assert untranslated(["Train the network", "학습 (cpu)", "LeNet-5, MNIST, 61,706 MACs"]) == [
        "Train the network"
    ]
    assert untranslated(["conv1의 필터 6개"], {"conv1"}) == []


# -- the training panel in Korean ---------------------------------------------------------------


@pytest.mark.slow
def test_the_training_panel_speaks_korean_before_during_and_after_a_run(
    korean, qtbot, training_window, one_torch_thread
):
    window, workspace = training_window()
    panel = window.training_panel
    names = layer_names(window.document.network)
    assert workspace.center_tabs.tabText(0) == "곡선" and workspace.controls.start.text() == "학습"
    assert untranslated(readable_texts(panel), names) == []
    workspace.form.epochs.setValue(1)
    with qtbot.waitSignal(workspace.run_started, timeout=WORKER_MS):
        qtbot.mouseClick(workspace.controls.start, LEFT)
    assert untranslated(readable_texts(panel), names) == []  # the locked network, the progress
    with qtbot.waitSignal(workspace.run_finished, timeout=WORKER_MS):
        pass
    qtbot.waitUntil(lambda: workspace.results.results is not None, timeout=WORKER_MS)
    texts = readable_texts(panel)
    assert untranslated(texts, names) == []
    assert any(text.startswith("1 에포크를") for text in texts)  # the run's end, in the status line
    assert any(text.startswith("검증 정확도") for text in texts)  # the results' summary
    item = workspace.runs.list.item(0).text()
    assert item.startswith("1. LeNet-5, digits") and "에포크 후" in item
    axes = [text for text in _plot_texts(workspace.plots.graphics) if text]
    assert {"스텝", "에포크", "손실", "정확도 (%)", "학습률"} <= set(axes)


def test_the_panel_states_its_messages_in_korean(korean, qtbot, training_window):
    """What the panel says when a dataset is missing, a run cannot start or the weights reset."""
    window, workspace = training_window()
    kinds = workspace.dataset.kind
    kinds.setCurrentIndex(kinds.findData("mnist"))
    qtbot.waitUntil(lambda: "폴더를 고르거나 다운로드하세요" in workspace.controls.reason.text())
    assert workspace.controls.reason.text().startswith("학습할 수 없습니다: ")
    assert workspace.dataset.download_button.text() == "MNIST 다운로드…"
    kinds.setCurrentIndex(kinds.findData("digits"))
    qtbot.waitUntil(lambda: workspace.controls.start.isEnabled())
    assert workspace.controls.weights.text() == "다음 실행은 새 초기 가중치(시드 0)에서 시작합니다."
    assert untranslated(readable_texts(window.training_panel), layer_names(window.document.network)) == []


# -- the experiments in Korean -------------------------------------------------------------------


def test_the_experiments_menu_is_korean_and_stays_before_compare_and_help(korean, make_window):
    window = make_window(preset("lenet5"))
    bar = window.menuBar().actions()
    experiments = next(action for action in bar if action.menu().title() == "실험(&X)")
    assert bar.index(experiments) == len(bar) - 3  # before Compare and Help, whatever their titles
    texts = [action.text() for action in experiments.menu().actions()]
    texts += [action.statusTip() for action in experiments.menu().actions()]
    assert untranslated([_plain(text) for text in texts]) == [] and all(HANGUL.search(t) for t in texts)


def test_the_depth_experiment_window_is_korean(korean, make_window):
    window = make_window(preset("lenet5"))
    depth = window.experiments.show_depth_experiment()
    texts = readable_texts(depth)
    assert depth.windowTitle() == "깊이 실험: 플레인 대 잔차"
    assert any(text.startswith("각 실행: 16x16 픽셀의 그린 도형 2,000개") for text in texts)
    assert untranslated(texts) == []
    plot_texts = {text for view in depth.findChildren(QGraphicsView) for text in _plot_texts(view)}
    assert {"에포크", "학습 오차 (%)", "스텝", "깊이 (가중치 층)", "log10 기울기 노름"} <= plot_texts
    assert {"Plain-20", "Plain-56", "ResNet-20", "ResNet-56"} <= plot_texts  # the legend's names


@pytest.mark.slow
def test_the_identity_check_and_the_inside_view_are_korean(korean, qtbot, make_window, one_torch_thread):
    window = make_window(preset("resnet20"))
    names = layer_names(window.document.network)
    check = window.experiments.show_identity_check()
    with qtbot.waitSignal(check.result_shown, timeout=WORKER_MS):
        pass
    texts = readable_texts(check)
    names |= set(check.result.sample.label.split())  # the image's class, a name in the dataset
    names |= set(re.findall(r"[A-Za-z]\w*", check.result.check.last_layer))  # an inner layer: bn2
    assert check.windowTitle() == "항등 함수: ResNet이 잘 동작하는 이유"
    assert check.values.verticalHeaderItem(0).text() == "입력 a[l]"
    assert any(text.startswith("마지막 층:") for text in texts)
    assert untranslated(texts, names) == []
    inside = window.experiments.show_inside()
    with qtbot.waitSignal(inside.view_shown, timeout=WORKER_MS):
        pass
    texts = readable_texts(inside)
    names |= set(inside.view.sample.label.split())
    layers = inside.view.layers  # their paths and PyTorch's class names, kept as they are
    names |= {word for info in layers for word in re.findall(r"[A-Za-z]\w*", f"{info.path} {info.type}")}
    assert any(
        text.startswith("시드 0의 초기 가중치(이 네트워크는 아직 학습하지 않았습니다) 기준으로")
        for text in texts
    )
    assert untranslated(texts, names) == []


# -- the panel at 1024x700 in both languages -------------------------------------------------------


def _clipped(panel: QWidget) -> list[str]:
    """The shown labels, buttons, combo boxes and tabs of *panel* narrower than their text, the
    plots smaller than their titles and axes need, and the scroll areas that would have to scroll
    sideways."""
    found = []
    for area in panel.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            found.append(f"{area.objectName() or 'a scroll area'} scrolls sideways")
    for widget in panel.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    found.append(f"the label {widget.text()!r} is cut at the bottom")
            elif widget.width() < widget.sizeHint().width():
                found.append(f"the label {widget.text()!r} is cut")
        elif isinstance(widget, (QAbstractButton, QComboBox, QAbstractSpinBox)):
            if widget.width() < widget.sizeHint().width() and widget.objectName() not in {
                "ScrollLeftButton",
                "ScrollRightButton",
            }:
                text = (
                    widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", str)()
                )
                found.append(f"the {type(widget).__name__} {text!r} is cut")
        elif isinstance(widget, pg.GraphicsView):
            layout = getattr(widget, "ci", None) or getattr(widget, "plotItem", None)
            laid = layout.geometry() if layout is not None else None  # where the plots were laid out
            if laid is not None and (
                laid.width() > widget.width() + 1 or laid.height() > widget.height() + 1
            ):
                found.append(f"the plots of {widget.parentWidget().objectName()!r} are cut")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.tabRect(index).width() < widget.tabSizeHint(index).width():
                    found.append(f"the tab {widget.tabText(index)!r} is cut")
    return found


def _nothing_cut_on_any_tab(qtbot, workspace, panel) -> None:
    """Each left tab (Dataset, Settings, Runs) beside each view (Curves, Results, Gradients,
    Accuracy vs cost): nothing cut."""
    for left in range(workspace.left_tabs.count()):
        for center in range(workspace.center_tabs.count()):
            workspace.left_tabs.setCurrentIndex(left)
            workspace.center_tabs.setCurrentIndex(center)
            qtbot.waitUntil(lambda: workspace.center_tabs.currentWidget().isVisible())
            assert workspace.minimumSizeHint().width() <= panel.width()
            with contextlib.suppress(qtbot.TimeoutError):  # the layouts settle after a change
                qtbot.waitUntil(lambda: not _clipped(panel), timeout=5_000)
            assert _clipped(panel) == [], (
                workspace.left_tabs.tabText(left),
                workspace.center_tabs.tabText(center),
            )
    workspace.center_tabs.setCurrentIndex(0)


@pytest.mark.slow
def test_nothing_in_the_training_panel_is_cut_at_1024x700(language, qtbot, training_window, one_torch_thread):
    window, workspace = training_window(size=(1024, 700))
    assert (window.width(), window.height()) == (1024, 700)
    qtbot.waitUntil(lambda: not workspace.runs_in_column)  # the runs list is a tab at this width
    panel = window.training_panel
    _nothing_cut_on_any_tab(qtbot, workspace, panel)
    workspace.form.epochs.setValue(2)
    with qtbot.waitSignal(workspace.run_finished, timeout=WORKER_MS):
        qtbot.mouseClick(workspace.controls.start, LEFT)
    assert "%" in workspace.controls.status.text()  # how the run ended, and its accuracy
    _nothing_cut_on_any_tab(qtbot, workspace, panel)
    stopped = Finished(True, 10, 230, 3725.0, 0.2, 0.978)  # the longest end: stopped after an hour
    longest = describe_end(RunEnd(stopped, "", None, WeightsState()), (0.981, 9), PANEL_WORDS).status
    assert "98.1%" in longest
    workspace.controls.show_status(longest)
    _nothing_cut_on_any_tab(qtbot, workspace, panel)


def test_the_runs_list_has_a_column_of_its_own_in_a_wide_panel(qtbot, training_window):
    window, workspace = training_window(size=(1600, 900))
    qtbot.waitUntil(lambda: workspace.runs_in_column)
    assert workspace.splitter.indexOf(workspace.runs) == 2 and workspace.left_tabs.count() == 2
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: not workspace.runs_in_column)
    assert workspace.left_tabs.indexOf(workspace.runs) == 2 and workspace.splitter.count() == 2
    assert QCoreApplication.translate("TrainingWorkspace", "Runs") == workspace.left_tabs.tabText(2)
