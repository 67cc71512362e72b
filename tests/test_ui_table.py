"""The shape and cost table: rows, numbers, formulas, toggles, problems and selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QToolButton

from cnnstudio.core import PRESETS, preset
from cnnstudio.ui.commands import AddNodeCommand, execute
from cnnstudio.ui.document import Document
from cnnstudio.ui.layer_table import COLUMNS, ERROR_COLOR, FORMULA_ROLE, NODE_ID_ROLE
from cnnstudio.ui.table_dock import DisplayToggles, TableDock


@pytest.fixture
def make_dock(qtbot):
    def make(preset_id: str) -> TableDock:
        document = Document(preset(preset_id))
        dock = TableDock(document, DisplayToggles(document))
        qtbot.addWidget(dock)
        dock.resize(1400, 500)
        dock.show()
        return dock

    return make


def col(name: str) -> int:
    return COLUMNS.index(name)


def cell(dock: TableDock, layer: str, column: str, parent_layer: str | None = None) -> str:
    model = dock.view.table_model
    path = f"{parent_layer}.{layer}" if parent_layer else layer
    return model.index_of_path(path, col(column)).data()


def test_every_preset_gives_one_row_per_layer_and_a_totals_row(make_dock):
    for preset_id in PRESETS:
        dock = make_dock(preset_id)
        model, summary = dock.view.table_model, dock.document.summary
        assert summary.valid, preset_id
        assert model.rowCount() == len(summary.rows) + 1, preset_id
        assert model.index(model.rowCount() - 1, 0).data() == "Total"
        for position, row in enumerate(summary.rows):
            index = model.index(position, 0)
            assert index.data() == row.name
            assert model.rowCount(index) == len(row.children), f"{preset_id}: {row.name}"
        dock.close()


def test_lenet5_numbers_are_the_papers(make_dock):
    dock = make_dock("lenet5")
    # conv1: 5x5x1 weights per filter, 6 filters, a bias each -> 156; the lecture's 28x28x6
    assert cell(dock, "conv1", "params") == "156"
    assert cell(dock, "conv1", "output_shape") == "28x28x6"
    assert cell(dock, "pool2", "output_shape") == "5x5x16"
    # 156 + 2,416 + 48,120 + 10,164 + 850 (five weight layers written out by hand)
    total_row = dock.view.table_model.rowCount() - 1
    assert dock.view.table_model.index(total_row, col("params")).data() == "61,706"


def test_numbers_are_right_aligned_with_thousands_separators(make_dock):
    dock = make_dock("conv5x5-naive")
    index = dock.view.table_model.index_of_path("conv", col("macs"))
    assert index.data() == "120,422,400"
    alignment = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    name = dock.view.table_model.index_of_path("conv", col("layer"))
    assert not Qt.AlignmentFlag(name.data(Qt.ItemDataRole.TextAlignmentRole)) & Qt.AlignmentFlag.AlignRight


def test_selecting_a_cell_shows_its_formula_with_times_signs(make_dock):
    dock = make_dock("conv5x5-naive")
    dock.view.setCurrentIndex(dock.view.table_model.index_of_path("conv", col("macs")))
    text = dock.formula_panel.text()
    assert "28×28×32 × 5×5×192 = 120,422,400" in text
    assert "*" not in text.replace("&nbsp;", "")


def test_bottleneck_formula_shows_the_lectures_12_4_million(make_dock):
    dock = make_dock("conv5x5-bottleneck")
    total = dock.view.table_model.rowCount() - 1
    # 28*28*16 * 192 + 28*28*32 * 5*5*16 = 2,408,448 + 10,035,200
    assert dock.view.table_model.index(total, col("macs")).data() == "12,443,648"


def test_shape_toggle_changes_the_shape_text(make_dock):
    dock = make_dock("conv1x1")
    assert cell(dock, "conv", "output_shape") == "28x28x32"
    dock.document.set_shape_order("chw")
    assert cell(dock, "conv", "output_shape") == "32x28x28"
    assert cell(dock, "input", "output_shape") == "192x28x28"


def test_shape_toggle_actions_switch_the_document(make_dock):
    dock = make_dock("conv1x1")
    toggles = DisplayToggles(dock.document)
    toggles.chw.trigger()
    assert dock.document.shape_order == "chw"
    assert cell(dock, "conv", "output_shape") == "32x28x28"
    toggles.hwc.trigger()
    assert cell(dock, "conv", "output_shape") == "28x28x32"
    assert toggles.hwc.isChecked() and not toggles.chw.isChecked()


def test_flops_toggle_doubles_the_numbers_and_renames_the_column(make_dock):
    dock = make_dock("conv5x5-naive")
    model = dock.view.table_model
    total = model.rowCount() - 1
    macs_total = model.index(total, col("macs")).data()
    dock.document.set_show_flops(True)
    assert cell(dock, "conv", "macs") == "240,844,800"
    assert int(model.index(total, col("macs")).data().replace(",", "")) == 2 * int(
        macs_total.replace(",", "")
    )
    assert model.headerData(col("macs"), Qt.Orientation.Horizontal) == "FLOPs"
    assert model.headerData(col("macs_share"), Qt.Orientation.Horizontal) == "% of FLOPs"
    dock.view.setCurrentIndex(model.index_of_path("conv", col("macs")))
    assert "2 × 120,422,400 = 240,844,800" in dock.formula_panel.text()


def test_invalid_row_shows_its_problem(make_dock, set_param):
    dock = make_dock("lenet5")
    set_param(dock.document, "conv1", "kernel", 40)
    model = dock.view.table_model
    name = model.index_of_path("conv1", col("layer"))
    message = "kernel 40x40 is larger than the 32x32 input"
    assert name.data(Qt.ItemDataRole.ForegroundRole).color() == ERROR_COLOR
    assert not name.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert message in name.data(Qt.ItemDataRole.ToolTipRole)
    assert message in cell(dock, "conv1", "output_shape")
    assert cell(dock, "pool1", "output_shape") == "?"  # downstream: unknown, not wrong
    dock.view.setCurrentIndex(model.index_of_path("conv1", col("params")))
    assert message in dock.formula_panel.text()
    assert "cannot be worked out until this problem is fixed" in dock.formula_panel.text()
    dock.view.setCurrentIndex(model.index_of_path("fc1", col("macs")))
    assert "until the problem in an earlier layer is fixed" in dock.formula_panel.text()
    assert model.index(model.rowCount() - 1, 0).data() == "Total so far"


def test_invalid_network_lists_its_problems_when_nothing_is_chosen(make_dock, set_param):
    dock = make_dock("lenet5")
    set_param(dock.document, "conv1", "kernel", 40)
    dock.formula_panel.show_index(dock.view.table_model.index(-1, 0))
    assert "1 problem" in dock.formula_panel.text()
    assert "kernel 40x40" in dock.formula_panel.text()


def test_selecting_rows_selects_their_layers(make_dock):
    dock = make_dock("lenet5")
    conv2 = dock.document.network.find("conv2").id
    dock.view.setCurrentIndex(dock.view.table_model.index_of_path("conv2", col("macs")))
    assert dock.document.selected_ids == [conv2]


def test_selecting_a_layer_elsewhere_selects_its_row(make_dock):
    dock = make_dock("lenet5")
    fc1 = dock.document.network.find("fc1").id
    dock.document.set_selection([fc1])
    rows = dock.view.selectionModel().selectedRows()
    assert [index.data(NODE_ID_ROLE) for index in rows] == [fc1]
    assert dock.view.currentIndex().data(NODE_ID_ROLE) == fc1


def test_an_inner_row_selects_its_block_and_stays_current(make_dock):
    dock = make_dock("resnet18")
    inner = dock.view.table_model.index_of_path("layer1.0.conv2", col("macs"))
    dock.view.setCurrentIndex(inner)
    block = dock.document.network.find("layer1.0").id
    assert dock.document.selected_ids == [block]
    assert dock.view.currentIndex() == inner


def test_an_edit_keeps_expansion_and_selection_without_a_reset(make_dock, qtbot, set_param):
    dock = make_dock("resnet18")
    model = dock.view.table_model
    block = model.index_of_path("layer2.0")
    dock.view.expand(block)
    dock.document.set_selection([dock.document.network.find("conv1").id])
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        set_param(dock.document, "fc", "units", 10)
    assert dock.view.isExpanded(model.index_of_path("layer2.0"))
    assert dock.view.selected_node_ids() == [dock.document.network.find("conv1").id]
    assert cell(dock, "fc", "output_shape") == "10"
    assert cell(dock, "fc", "params") == "5,130"  # 512 * 10 weights + 10 biases


def test_a_structural_edit_resets_but_keeps_expansion_and_selection(make_dock, qtbot, set_param):
    dock = make_dock("resnet18")
    model = dock.view.table_model
    dock.view.expand(model.index_of_path("layer1.0"))
    block = dock.document.network.find("layer1.0").id
    dock.document.set_selection([block])
    with qtbot.waitSignal(model.modelReset):
        set_param(dock.document, "layer1.0", "variant", "bottleneck")
    index = model.index_of_path("layer1.0")
    assert model.rowCount(index) == len(dock.document.summary.row(block).children)
    assert dock.view.isExpanded(index)
    assert dock.view.selected_node_ids() == [block]


def test_undo_restores_the_numbers(make_dock, set_param):
    dock = make_dock("conv5x5-naive")
    set_param(dock.document, "conv", "filters", 64)
    assert cell(dock, "conv", "macs") == "240,844,800"
    dock.document.undo_stack.undo()
    assert cell(dock, "conv", "macs") == "120,422,400"
    dock.document.undo_stack.redo()
    assert cell(dock, "conv", "macs") == "240,844,800"


def test_with_no_cell_chosen_the_panel_says_where_the_work_is(make_dock):
    dock = make_dock("lenet5")
    dock.formula_panel.show_index(dock.view.table_model.index(-1, 0))
    text = dock.formula_panel.text()
    # conv2: 10*10*16 outputs * 5*5*6 = 240,000 of LeNet-5's 416,520 MACs
    assert "<b>conv2</b> does 57.6 % of the MACs (240,000)" in text
    # fc1: 400*120 weights + 120 biases = 48,120 of 61,706 parameters
    assert "<b>fc1</b> holds 78.0 % of the parameters (48,120)" in text


def test_a_blocks_shape_formula_names_its_last_layer_in_words(make_dock):
    dock = make_dock("inception-naive")
    model = dock.view.table_model
    text = model.index_of_path("inception", col("output_shape")).data(FORMULA_ROLE)
    assert text == "the shape of the block's output: 28x28x256"
    assert model.index_of_path("inception", col("receptive_field")).data(FORMULA_ROLE) == (
        "RF of the block's output = 5"
    )
    resnet = make_dock("resnet18")
    text = resnet.view.table_model.index_of_path("layer1.0", col("output_shape")).data(FORMULA_ROLE)
    assert text == "the shape of its last layer, relu2: 56x56x64"


def shown_whole(view, index) -> bool:
    """Whether the text of the cell at *index* fits its column (Qt cuts it short with "…")."""
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    margin = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 2
    return QFontMetrics(font).horizontalAdvance(index.data()) + margin <= view.columnWidth(index.column())


def test_columns_re_fit_when_an_edit_makes_the_numbers_longer(make_dock, qtbot, set_param):
    dock = make_dock("lenet5")
    model, view = dock.view.table_model, dock.view
    total = model.index(model.rowCount() - 1, col("params"))
    assert shown_whole(view, total)
    set_param(dock.document, "conv1", "filters", 9999)
    # conv1 9,999 x (5x5 + 1) + conv2 16 x (5x5x9,999 + 1) + the three fc layers' 59,134
    assert total.data() == "4,318,724"
    qtbot.waitUntil(lambda: shown_whole(view, total))
    assert shown_whole(view, model.index_of_path("conv2", col("params")))


def test_a_problem_in_the_shape_column_leaves_every_column_in_view(make_dock, qtbot, set_param):
    dock = make_dock("lenet5")
    dock.resize(1150, 400)
    qtbot.waitUntil(lambda: dock.view.needed_width() <= dock.view.width())
    set_param(dock.document, "conv1", "kernel", 40)
    node = AddNodeCommand(dock.document.network, "relu", inputs=(dock.document.network.find("fc3").id,))
    assert execute(dock.document, node)  # a structural edit: the table is rebuilt and re-fitted
    view = dock.view
    qtbot.waitUntil(lambda: view.header().length() <= view.viewport().width())
    assert (
        view.columnViewportPosition(col("receptive_field")) + view.columnWidth(col("receptive_field"))
        <= view.viewport().width()
    )
    assert dock.formula_panel.width() >= 240


def shown_layers(dock: TableDock) -> list[str]:
    model = dock.view.table_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def click_header(qtbot, dock: TableDock, column: str) -> None:
    header = dock.view.header()
    x = header.sectionViewportPosition(col(column)) + header.sectionSize(col(column)) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_a_column_title_sorts_by_it_and_a_third_click_restores_network_order(make_dock, qtbot):
    dock = make_dock("lenet5")
    network_order = shown_layers(dock)
    click_header(qtbot, dock, "macs")
    # conv2 240,000, conv1 117,600, fc1 48,000, fc2 10,080, fc3 840: the lecture's "where the work is"
    assert shown_layers(dock)[:5] == ["conv2", "conv1", "fc1", "fc2", "fc3"]
    assert shown_layers(dock)[-1] == "Total"
    assert dock.findChild(QLabel, "sortLabel").text() == "Sorted by MACs, largest first"
    click_header(qtbot, dock, "macs")
    assert shown_layers(dock)[-6:] == ["fc3", "fc2", "fc1", "conv1", "conv2", "Total"]
    click_header(qtbot, dock, "macs")
    assert shown_layers(dock) == network_order
    assert not dock.findChild(QToolButton, "networkOrder").isVisible()


def test_the_network_order_button_undoes_a_sort(make_dock, qtbot):
    dock = make_dock("lenet5")
    click_header(qtbot, dock, "params")
    assert shown_layers(dock)[0] == "fc1"  # 48,120 of LeNet-5's 61,706 parameters
    button = dock.findChild(QToolButton, "networkOrder")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown_layers(dock)[:3] == ["input", "conv1", "pool1"]


def test_a_sort_holds_through_edits_and_keeps_the_selection(make_dock, qtbot, set_param):
    dock = make_dock("lenet5")
    fc1 = dock.document.network.find("fc1").id
    dock.document.set_selection([fc1])
    click_header(qtbot, dock, "macs")
    assert shown_layers(dock)[:3] == ["conv2", "conv1", "fc1"]
    set_param(dock.document, "fc1", "units", 1000)  # 400 x 1,000 = 400,000 MACs: now the most
    assert shown_layers(dock)[:3] == ["fc1", "conv2", "conv1"]
    assert dock.view.selected_node_ids() == [fc1]
    assert dock.view.table_model.index_of_path("fc1").row() == 0
    node = AddNodeCommand(dock.document.network, "relu", inputs=(dock.document.network.find("fc3").id,))
    assert execute(dock.document, node)  # a structural edit rebuilds the rows, still sorted
    assert shown_layers(dock)[0] == "fc1"


def test_the_totals_formula_names_every_layer_it_adds(make_dock):
    dock = make_dock("lenet5")
    model = dock.view.table_model
    total = model.index(model.rowCount() - 1, col("params"))
    assert total.data(FORMULA_ROLE).splitlines()[0] == (
        "conv1 156 + conv2 2,416 + fc1 48,120 + fc2 10,164 + fc3 850 = 61,706"
    )
    dock.document.set_show_flops(True)
    text = model.index(model.rowCount() - 1, col("macs")).data(FORMULA_ROLE)
    assert "FLOPs = 2 × MACs = 2 × 416,520 = 833,040" in text
    assert "MACs = conv1 117,600 + conv2 240,000 + fc1 48,000 + fc2 10,080 + fc3 840 = 416,520" in text


def test_a_long_totals_formula_names_the_first_layers_and_counts_the_rest(make_dock):
    dock = make_dock("resnet152")
    model = dock.view.table_model
    first = model.index(model.rowCount() - 1, col("params")).data(FORMULA_ROLE).splitlines()[0]
    assert first.startswith("conv1 9,408 + bn1 128 + layer1.0 ")
    assert " more layers " in first and first.endswith("= 60,192,808")  # torchvision's resnet152


def test_a_blocks_sum_names_its_layers(make_dock):
    dock = make_dock("resnet18")
    text = dock.view.table_model.index_of_path("layer1.0", col("params")).data(FORMULA_ROLE)
    assert text == "sum of the inner layers = conv1 36,864 + bn1 128 + conv2 36,864 + bn2 128 = 73,984"


def test_a_layer_not_connected_says_so_in_the_formula_panel(make_dock):
    dock = make_dock("lenet5")
    assert execute(dock.document, AddNodeCommand(dock.document.network, "relu", name="floating"))
    dock.view.setCurrentIndex(dock.view.table_model.index_of_path("floating", col("macs")))
    text = dock.formula_panel.text()
    assert "not connected, so not part of the network" in text
    assert "earlier layer" not in text  # nothing upstream is wrong: it has no upstream
