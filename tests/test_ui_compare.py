"""The Compare view on the real widgets: ready-made comparisons, pins before and after an edit,
the per-stage bar charts, unpinning, the menu, and what it imports."""

import math
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, Qt

from cnnstudio.comparing import ready_made
from cnnstudio.core import preset
from cnnstudio.core.fileformat import save
from cnnstudio.ui.commands import SetParamCommand, execute
from cnnstudio.ui.compare import CompareView, PinBoard
from cnnstudio.ui.compare.readout import stage_readout
from cnnstudio.ui.compare.units import compact_count

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MACS_COLUMN = 5


@pytest.fixture
def window(qtbot):
    from cnnstudio.ui import MainWindow

    window = MainWindow(remember_layout=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def view(qtbot):
    view = CompareView(PinBoard())
    qtbot.addWidget(view)
    view.resize(1400, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def column(table, index):
    return [table.text(row, index) for row in range(table.rowCount())]


# -- ready-made comparisons ---------------------------------------------------------------------


def test_the_bottleneck_comparison_from_the_menu_shows_9_68x(window, qtbot):
    window.menu_actions["compare:bottleneck-5x5"].trigger()
    compare = window.compare
    qtbot.waitUntil(compare.isVisible)
    view = compare.view
    assert view.title.text() == "A 5x5 convolution: naive against a 1x1 bottleneck"
    assert column(view.table, 0) == ["5x5 conv, naive", "5x5 conv with a 1x1 bottleneck"]
    assert column(view.table, MACS_COLUMN) == ["120,422,400", "12,443,648"]
    assert "<b>9.68x fewer multiply-accumulates</b>" in view.ratios.text()
    assert view.table.item(1, MACS_COLUMN).toolTip() == (
        "5x5 conv with a 1x1 bottleneck has 9.68x fewer multiply-accumulates than 5x5 conv, naive "
        "(12,443,648 against 120,422,400)."
    )
    assert "about a tenth" in view.note.text()


def test_show_comparison_is_what_a_lesson_link_calls(window, qtbot):
    window.table_dock.raise_()
    comparison = window.compare.show_comparison("inception-reductions")
    assert comparison.id == "inception-reductions"
    qtbot.waitUntil(lambda: not window.compare.visibleRegion().isEmpty())
    assert "2.41x fewer multiply-accumulates" in window.compare.view.ratios.text()
    with pytest.raises(KeyError, match="bottleneck-5x5"):
        window.compare.show_comparison("no-such-comparison")


def test_the_compare_menu_sits_before_help_and_the_view_menu_toggles_the_dock(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-2:] == ["&Compare", "&Help"]
    menu = window.menuBar().actions()[-2].menu()
    texts = [action.text() for action in menu.actions()]
    assert texts[:3] == ["Pin the open network", "Pin a preset", "Pin a file…"]
    assert "Plain-34 against ResNet-34: what the shortcuts cost" in texts
    assert window.compare.toggleViewAction() in window.view_menu().actions()


# -- pinning the open network -------------------------------------------------------------------


def test_pinning_the_open_network_before_and_after_an_edit_shows_both(window, qtbot):
    document = window.document
    window.menu_actions["compare_pin_open"].trigger()
    conv1 = document.network.find("conv1")
    assert execute(document, SetParamCommand(document.network, conv1.id, "filters", 12))
    window.compare.pin_open_network()
    table = window.compare.view.table
    assert column(table, 0) == ["LeNet-5", "LeNet-5 (after 1 edit)"]
    # 6 -> 12 filters doubles conv1's 117,600 MACs and conv2's 240,000
    assert column(table, MACS_COLUMN) == ["416,520", "774,120"]
    assert column(table, 4) == ["61,706", "64,262"]
    assert "LeNet-5 (after 1 edit)</b> against LeNet-5: the same number of weight layers, <b>4.1% more " in (
        window.compare.view.ratios.text()
    )
    assert "<b>1.86x more multiply-accumulates</b>" in window.compare.view.ratios.text()
    document.undo_stack.undo()  # the pins are snapshots: undoing changes neither
    assert column(table, MACS_COLUMN) == ["416,520", "774,120"]


def test_pinning_presets_and_files(view, tmp_path):
    view.pin_preset("resnet20")
    net = preset("resnet20")
    net.set_name("ResNet-20, wider")
    net.set_param(net.find("layer1.0").id, "filters", 32)
    path = tmp_path / "wider.cnnstudio.json"
    save(net, path)
    assert view.pin_file(path) is not None
    assert column(view.table, 0) == ["ResNet-20 (CIFAR)", "ResNet-20, wider"]
    assert view.title.text() == "ResNet-20 (CIFAR) vs ResNet-20, wider"
    assert view.message.isHidden()


def test_a_file_that_cannot_be_read_pins_nothing_and_says_why(view, tmp_path):
    view.pin_preset("lenet5")
    broken = tmp_path / "broken.cnnstudio.json"
    broken.write_text("{not json")
    assert view.pin_file(broken) is None
    assert view.table.rowCount() == 1
    assert view.message.isVisible() and view.message.text().startswith(
        "Cannot pin 'broken.cnnstudio.json': not valid JSON"
    )
    view.pin_preset("alexnet")
    assert view.message.isHidden()


# -- the charts ---------------------------------------------------------------------------------


def test_the_charts_have_one_bar_group_per_stage_and_the_stages_heights(view):
    comparison = view.show_comparison("vgg-resnet-googlenet")
    charts = view.charts
    assert charts.keys == ("224x224", "112x112", "56x56", "28x28", "14x14", "7x7", "head")
    for metric in ("params", "macs"):
        assert len(charts.bars[metric]) == 3
        for index, network in enumerate(comparison.networks):
            item = charts.bars[metric][index]
            groups = [charts.group_of(x) for x in item.opts["x"]]
            assert groups == [s.key for s in network.stages]  # one bar in each of its stages' groups
            assert charts.heights(metric, index) == [s.value(metric) for s in network.stages]
            assert item.opts["brush"] == ("#1f77b4", "#d62728", "#2ca02c")[index]
    assert charts.heights("macs", 0)[0] == 1_936_392_192  # VGG-16's 224x224 block
    assert [label.text for _, label in charts.legend.items] == ["VGG-16", "ResNet-50", "GoogLeNet"]
    ticks = charts.plots["macs"].getAxis("bottom")._tickLevels[0]
    assert ticks == [(0, "224²"), (1, "112²"), (2, "56²"), (3, "28²"), (4, "14²"), (5, "7²"), (6, "head")]


def test_a_stage_a_network_lacks_has_no_bar(view):
    view.show_comparison("classic-networks")
    charts = view.charts
    lenet = [charts.group_of(x) for x in charts.bars["params"][0].opts["x"]]
    assert lenet == ["28x28", "10x10", "head"]
    assert len(charts.keys) == 10


def test_the_log_scale_stands_the_bars_on_a_power_of_ten(view):
    view.show_comparison("classic-networks")
    view.named_actions["log_scale"].trigger()
    item = view.charts.bars["params"][0]  # LeNet-5: 156, 2,416 and 59,134 parameters
    assert list(item.opts["y0"]) == [2.0, 2.0, 2.0]  # 10^2, below the smallest bar (conv1's 156)
    tops = [2.0 + h for h in view.charts.heights("params", 0)]
    assert tops == pytest.approx([math.log10(156), math.log10(2416), math.log10(59_134)])
    axis = view.charts.plots["params"].getAxis("left")
    assert axis.tickStrings([2.0, 3.0, 6.0], 1, 1) == ["100", "1k", "1M"]
    view.named_actions["log_scale"].trigger()
    assert view.charts.heights("params", 0) == [156, 2416, 59_134]


def test_hovering_a_group_reads_out_its_exact_figures(view, qtbot):
    view.show_comparison("vgg-resnet-googlenet")
    charts = view.charts
    box = charts.plots["macs"].getViewBox()
    qtbot.waitUntil(lambda: box.sceneBoundingRect().width() > 0)
    point = box.mapViewToScene(QPointF(2.0, 1e9))  # the 56x56 group
    with qtbot.waitSignal(charts.hovered) as signal:
        charts.scene().sigMouseMoved.emit(point)
    assert signal.args == ["56x56"]
    assert view.readout.text().startswith(
        "56x56 · VGG-16 (conv3_1 … pool3): 1,475,328 parameters, 4,624,220,160 MACs · ResNet-50"
    )


def test_readout_says_when_a_network_lacks_the_stage():
    text = stage_readout(ready_made("vgg-resnet-googlenet"), "224x224")
    assert "ResNet-50: no 224x224 stage" in text


def test_axis_counts_are_written_short():
    assert [compact_count(v, 5e8) for v in (0, 5e8, 1e9, 1.5e9)] == ["0", "500M", "1G", "1.5G"]
    assert compact_count(250_000, 50_000) == "250k"


# -- unpinning ----------------------------------------------------------------------------------


def test_use_as_baseline_unpin_and_clear(view):
    view.show_comparison("vgg-resnet-googlenet")
    assert not view.named_actions["remove"].isEnabled()
    view.table.selectRow(2)
    assert view.named_actions["baseline"].isEnabled()
    view.named_actions["baseline"].trigger()
    assert column(view.table, 0) == ["GoogLeNet", "VGG-16", "ResNet-50"]
    assert view.title.text() == "GoogLeNet vs VGG-16 vs ResNet-50"  # no longer the ready-made one
    assert (
        "VGG-16</b> against GoogLeNet: 42 fewer weight layers, <b>19.8x more parameters" in view.ratios.text()
    )
    view.table.selectRow(1)
    view.named_actions["remove"].trigger()
    assert column(view.table, 0) == ["GoogLeNet", "ResNet-50"]
    assert len(view.charts.bars["macs"]) == 2
    view.named_actions["clear"].trigger()
    assert view.table.rowCount() == 0 and view.title.text() == "Compare networks"
    assert view.chart_area.currentWidget() is view.empty_hint
    assert not view.named_actions["clear"].isEnabled()


def test_one_pin_asks_for_another(view):
    view.pin_preset("lenet5")
    assert view.ratios.text() == "Pin another network to see how it compares with this one."
    assert len(view.charts.bars["params"]) == 1


# -- imports ------------------------------------------------------------------------------------


def test_the_window_opens_without_pyqtgraph_and_the_model_without_qt():
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import cnnstudio.comparing\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'torch', 'numpy', 'pyqtgraph'}))\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from cnnstudio.ui import MainWindow\n"
        "window = MainWindow(remember_layout=False)\n"
        "print('pyqtgraph' in sys.modules)\n"
        "window.compare.show_comparison('bottleneck-5x5')\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["[]", "False", "True"]


# -- the start option ---------------------------------------------------------------------------


def test_compare_start_option_takes_a_ready_made_id():
    from cnnstudio.app import parse_args
    from cnnstudio.cli import UsageError

    assert parse_args(["--compare", "plain-vs-residual"]).compare == "plain-vs-residual"
    with pytest.raises(UsageError, match="invalid choice: 'nope'"):
        parse_args(["--compare", "nope"])


def test_a_screenshot_of_a_ready_made_comparison(tmp_path):
    out = tmp_path / "compare.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    command = [sys.executable, "-m", "cnnstudio", "vgg16", "--compare", "vgg-resnet-googlenet"]
    result = subprocess.run(
        [*command, "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_dock_grows_when_it_comes_into_view_and_keeps_a_height_chosen_while_seen(window, qtbot):
    compare = window.compare
    assert compare.visibleRegion().isEmpty()  # a tab behind the table
    before = compare.height()
    window.compare.show_comparison("bottleneck-5x5")
    wanted = min(440, window.height() // 2)  # the central canvas keeps its minimum: close to it
    qtbot.waitUntil(lambda: compare.height() >= 0.9 * wanted > before)
    window.resizeDocks([compare], [260], Qt.Orientation.Vertical)  # the user drags it smaller
    qtbot.waitUntil(lambda: compare.height() < 300)
    chosen = compare.height()
    compare.view.pin_preset("lenet5")
    assert compare.height() == chosen


def test_a_network_with_errors_is_pinned_and_marked(view):
    view.pin_preset("lenet5")
    net = preset("lenet5")
    net.set_param(net.find("conv2").id, "kernel", 15)  # larger than its 14x14 input
    view.board.pin_network(net, "LeNet-5, broken")
    name = view.table.item(1, 0)
    assert name.foreground().color().name() == "#c62828"
    assert "has errors" in name.toolTip() and "conv2:" in name.toolTip()
    assert "<b>LeNet-5, broken</b> <i>(has errors)</i> against LeNet-5" in view.ratios.text()
