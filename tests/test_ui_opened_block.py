"""Selecting the layers inside an opened block (issue 8, item 11): a click on one shows its
numbers in the inspector, read-only, and chooses its row in the table; choosing the row
selects the box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from cnnstudio.core import preset
from cnnstudio.ui.inspector import InnerLayerPage, NodePage
from cnnstudio.ui.layer_table import COLUMNS


def opened(make_window, preset_id: str, block: str):
    window = make_window(preset(preset_id))
    assert window.canvas.open_block(window.document.network.find(block).id)
    return window


def click_box(qtbot, window, key: str) -> None:
    scene = window.canvas.scene()
    point = window.canvas.mapFromScene(scene.nodes[key].scenePos())
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)


def figure(window, key: str) -> str:
    return window.inspector.findChild(QLabel, f"figure_{key}").text()


def test_clicking_a_layer_in_an_opened_block_inspects_it_and_chooses_its_row(qtbot, make_window):
    window = opened(make_window, "resnet18", "layer1.0")
    click_box(qtbot, window, "conv2")
    assert window.canvas.scene().nodes["conv2"].isSelected()
    page = window.inspector.page
    assert isinstance(page, InnerLayerPage) and page.path == "layer1.0.conv2"
    assert figure(window, "params") == "36,864"  # 3x3x64 weights x 64 filters, no bias
    assert figure(window, "cost") == "115,605,504"  # 56x56x64 outputs x 3x3x64
    assert figure(window, "input") == "56x56x64"
    assert window.inspector.findChildren(QSpinBox) == [] and window.inspector.findChildren(QLineEdit) == []
    assert window.inspector.findChild(QLabel, "setting_Kernel size").text() == "3"
    assert window.table.selected_inner_path() == "layer1.0.conv2"
    assert window.table.currentIndex().siblingAtColumn(0).data() == "conv2"


def test_choosing_an_inner_row_selects_its_box_in_the_opened_block(qtbot, make_window):
    window = opened(make_window, "resnet18", "layer1.0")
    index = window.table.table_model.index_of_path("layer1.0.bn1", COLUMNS.index("macs"))
    window.table.expand(index.parent())
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    scene = window.canvas.scene()
    assert [item.node_id for item in scene.selectedItems()] == ["bn1"]
    assert isinstance(window.inspector.page, InnerLayerPage)
    assert window.inspector.page.path == "layer1.0.bn1"
    assert figure(window, "params") == "128"  # a scale and a shift for each of 64 channels


def test_clicking_beside_the_layers_goes_back_to_the_block(qtbot, make_window):
    window = opened(make_window, "resnet18", "layer1.0")
    click_box(qtbot, window, "conv1")
    assert isinstance(window.inspector.page, InnerLayerPage)
    scene = window.canvas.scene()
    empty = window.canvas.mapFromScene(scene.nodes["conv1"].scenePos()) + window.canvas.rect().topLeft()
    empty.setX(5)
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert scene.selectedItems() == []
    assert isinstance(window.inspector.page, NodePage)
    assert window.table.selected_inner_path() == ""


def test_an_edit_of_the_block_keeps_its_inner_layer_inspected_with_new_numbers(qtbot, make_window, set_param):
    window = opened(make_window, "inception-bottleneck", "inception")
    click_box(qtbot, window, "5x5")
    assert window.inspector.page.path == "inception.5x5"
    before = figure(window, "params")
    set_param(window.document, "inception", "c5x5", 64)
    assert window.canvas.scene().nodes["5x5"].isSelected()
    assert isinstance(window.inspector.page, InnerLayerPage)
    assert figure(window, "params") != before
