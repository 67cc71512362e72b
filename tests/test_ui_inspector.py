"""The inspector on real widgets: live settings, the lecture's cost numbers, errors, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from cnnstudio.core import preset
from cnnstudio.core.fileformat import dumps
from cnnstudio.ui.canvas.mime import block_mime_data
from cnnstudio.ui.document import Document
from cnnstudio.ui.inspector import Inspector, NetworkPage, NodePage, SelectionPage
from cnnstudio.ui.param_editors import PaddingEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make(qtbot, preset_id):
    document = Document(preset(preset_id))
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.show()
    return document, inspector


def editor(inspector, key) -> QWidget:
    return inspector.findChild(QWidget, f"param_{key}")


def figure(inspector, key) -> str:
    return inspector.findChild(QLabel, f"figure_{key}").text()


def select(document, name):
    document.set_selection([document.network.find(name).id])
    return document.network.find(name).id


def test_kernel_size_changes_shape_and_macs_live_lecture_numbers(qtbot):
    """28x28x192 -> 32 filters: 1x1 costs 4,816,896 MACs; 5x5 same costs 120,422,400."""
    document, inspector = make(qtbot, "conv1x1")
    conv = select(document, "conv")
    assert document.row(conv).macs == 28 * 28 * 32 * 192
    before = dumps(document.network)
    kernel = editor(inspector, "kernel")
    assert isinstance(kernel, QSpinBox) and (kernel.minimum(), kernel.maximum()) == (1, 255)
    kernel.setValue(5)
    row = document.row(conv)
    assert row.shape == (32, 28, 28)
    assert row.macs == 120_422_400
    assert figure(inspector, "cost") == "120,422,400"
    assert figure(inspector, "output") == "28x28x32"
    after = dumps(document.network)
    document.undo_stack.undo()
    assert dumps(document.network) == before
    assert kernel.value() == 1
    document.undo_stack.redo()
    assert dumps(document.network) == after


def test_a_1x1_bottleneck_built_with_drop_and_inspector_costs_12_4_million(qtbot, drop, show_canvas):
    """Drop a conv into the input -> conv edge, make it 1x1 with 16 filters: 12,443,648 MACs."""
    document = Document(preset("conv5x5-naive"))
    view = show_canvas(document)
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    assert document.summary.totals.macs == 120_422_400
    source, conv = document.network.find("input").id, document.network.find("conv").id
    edge = view.diagram_scene.edges[(source, conv)]
    point = QPointF(edge.source.output_point().x(), edge.shape().boundingRect().center().y())
    drop(view, block_mime_data("conv2d"), point)
    (reduce,) = document.selected_ids
    assert isinstance(inspector.page, NodePage) and inspector.page.node_id == reduce
    editor(inspector, "kernel").setValue(1)
    editor(inspector, "filters").setValue(16)
    assert document.row(reduce).shape == (16, 28, 28)
    assert document.row(reduce).macs == 2_408_448
    assert document.summary.totals.macs == 12_443_648


def test_every_kind_of_setting_gets_its_editor_with_help(qtbot):
    document, inspector = make(qtbot, "alexnet")
    select(document, "conv1")
    assert isinstance(editor(inspector, "bias"), QCheckBox)
    assert isinstance(editor(inspector, "padding"), PaddingEditor)
    assert editor(inspector, "kernel").toolTip() == "Width and height of each filter."
    select(document, "norm1")
    alpha = editor(inspector, "alpha")
    assert isinstance(alpha, QDoubleSpinBox) and alpha.text() == "0.0001"
    select(document, "drop6")
    editor(inspector, "p").setValue(0.25)
    assert document.network.find("drop6").params["p"] == 0.25


def test_choice_and_checkbox_settings_apply(qtbot):
    document, inspector = make(qtbot, "resnet18")
    block = select(document, "layer1.0")
    variant = editor(inspector, "variant")
    assert isinstance(variant, QComboBox)
    variant.setCurrentText("bottleneck")
    assert document.row(block).shape == (256, 56, 56)
    editor(inspector, "batchnorm").setChecked(False)
    assert document.network.node(block).params["batchnorm"] is False
    assert "Double-click" in " ".join(label.text() for label in inspector.findChildren(QLabel))


def test_padding_editor_switches_between_words_and_pixels(qtbot):
    document, inspector = make(qtbot, "lenet5")
    conv1 = select(document, "conv1")
    padding = editor(inspector, "padding")
    assert padding.value() == "valid" and not padding.pixels.isEnabled()
    padding.mode.setCurrentText("same")
    assert document.row(conv1).shape == (6, 32, 32)
    padding.mode.setCurrentText("pixels")
    padding.pixels.setValue(1)
    assert document.network.node(conv1).params["padding"] == 1
    assert document.row(conv1).shape == (6, 30, 30)
    assert document.undo_stack.count() == 1  # one field changed three times: one step
    document.undo_stack.undo()
    assert padding.value() == "valid" and not padding.pixels.isEnabled()


def test_consecutive_changes_of_one_field_are_one_undo_step(qtbot):
    document, inspector = make(qtbot, "lenet5")
    conv1 = select(document, "conv1")
    filters = editor(inspector, "filters")
    for value in (7, 8, 12):
        filters.setValue(value)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.network.node(conv1).params["filters"] == 6
    assert filters.value() == 6


def test_invalid_settings_show_the_error(qtbot):
    document, inspector = make(qtbot, "lenet5")
    conv1 = select(document, "conv1")
    errors = inspector.findChild(QLabel, "layerErrors")
    assert errors.isHidden()
    editor(inspector, "kernel").setValue(40)
    assert not errors.isHidden()
    assert "kernel 40x40 is larger than the 32x32 input" in errors.text()
    assert document.row(conv1).errors


def test_rename_a_layer_and_refuse_a_taken_name(qtbot):
    document, inspector = make(qtbot, "lenet5")
    said = []
    document.status_message.connect(said.append)
    conv1 = select(document, "conv1")
    name = inspector.findChild(QLineEdit, "layerName")
    name.setText("c1")
    name.editingFinished.emit()
    assert document.network.node(conv1).name == "c1"
    name.setText("conv2")
    name.editingFinished.emit()
    assert document.network.node(conv1).name == "c1" and name.text() == "c1"
    assert "already called" in said[-1]


def test_nothing_selected_shows_the_network_with_an_editable_name(qtbot):
    document, inspector = make(qtbot, "lenet5")
    document.set_selection([])
    assert isinstance(inspector.page, NetworkPage)
    totals = inspector.findChild(QLabel, "networkTotals").text()
    assert "Parameters: 61,706" in totals and "Layers on the canvas: 14" in totals
    name = inspector.findChild(QLineEdit, "networkName")
    name.setText("My LeNet")
    name.editingFinished.emit()
    assert document.network.name == "My LeNet"
    document.undo_stack.undo()
    assert document.network.name == "LeNet-5" and name.text() == "LeNet-5"


def test_several_selected_shows_how_many_and_their_cost(qtbot):
    document, inspector = make(qtbot, "lenet5")
    document.set_selection([document.network.find(n).id for n in ("conv1", "conv2", "fc1")])
    assert isinstance(inspector.page, SelectionPage)
    assert inspector.page.title.text() == "3 layers selected"
    assert "Parameters: 50,692" in inspector.page.totals.text()  # 156 + 2,416 + 48,120


def test_flops_toggle_and_shape_order(qtbot):
    document, inspector = make(qtbot, "conv1x1")
    select(document, "conv")
    document.set_show_flops(True)
    assert figure(inspector, "cost") == "9,633,792"
    document.set_shape_order("chw")
    assert figure(inspector, "output") == "32x28x28"


def test_editing_is_locked_while_training(qtbot):
    document, inspector = make(qtbot, "lenet5")
    select(document, "conv1")
    locked = inspector.findChild(QLabel, "inspectorLocked")
    assert locked.isHidden()
    document.set_editable(False)
    assert not locked.isHidden()
    assert not editor(inspector, "kernel").isEnabled()
    assert inspector.findChild(QLineEdit, "layerName").isReadOnly()
    document.set_editable(True)
    assert editor(inspector, "kernel").isEnabled()


def test_the_page_follows_undo_of_a_deleted_node(qtbot):
    document, inspector = make(qtbot, "lenet5")
    conv1 = select(document, "conv1")
    from cnnstudio.ui.commands import RemoveNodeCommand, execute

    execute(document, RemoveNodeCommand(document.network, conv1))
    assert isinstance(inspector.page, NetworkPage)
    document.undo_stack.undo()
    document.set_selection([conv1])
    assert isinstance(inspector.page, NodePage)
    assert editor(inspector, "filters").value() == 6


def test_keyboard_typing_in_a_spin_box_applies(qtbot):
    document, inspector = make(qtbot, "lenet5")
    fc1 = select(document, "fc1")
    units = editor(inspector, "units")
    units.setFocus()
    units.selectAll()
    qtbot.keyClicks(units, "64")
    qtbot.keyClick(units, Qt.Key.Key_Return)
    assert document.network.node(fc1).params["units"] == 64
    assert document.row(fc1).params == 400 * 64 + 64


def hint(inspector, key) -> QLabel:
    return inspector.findChild(QLabel, f"hint_{key}")


def type_into(qtbot, box, text: str) -> None:
    """Select what the box shows and type *text* over it, then press Enter."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["999999", "-5", "12x"])
def test_a_refused_number_says_the_allowed_range_under_its_box(qtbot, typed):
    document, inspector = make(qtbot, "lenet5")
    select(document, "conv1")
    filters = editor(inspector, "filters")
    assert not hint(inspector, "filters").isVisible()
    type_into(qtbot, filters, typed)
    assert hint(inspector, "filters").isVisible()
    assert hint(inspector, "filters").text() == "Filters must be a whole number from 1 to 65,536."
    kept = document.network.find("conv1").params["filters"]
    assert filters.value() == kept  # the box shows what the layer has
    type_into(qtbot, filters, "16")  # an edit within the range: the hint goes
    assert not hint(inspector, "filters").isVisible()
    assert document.network.find("conv1").params["filters"] == 16


def test_a_value_put_back_when_editing_ends_is_explained_too(qtbot):
    document, inspector = make(qtbot, "lenet5")
    select(document, "conv1")
    type_into(qtbot, editor(inspector, "filters"), "0")  # below 1: the box puts 6 back
    assert hint(inspector, "filters").isVisible()
    assert document.network.find("conv1").params["filters"] == 6


def test_a_real_number_box_says_its_range(qtbot):
    document, inspector = make(qtbot, "alexnet")
    select(document, "drop6")
    type_into(qtbot, editor(inspector, "p"), "1.5")
    assert hint(inspector, "p").text() == "Drop probability must be a number from 0 to 0.99."
    assert hint(inspector, "p").isVisible()


@pytest.mark.parametrize(
    ("preset_id", "lines"),
    [
        ("vgg16", ["Layers on the canvas: 41", "Weight layers: 16 (conv + fc on the longest path)"]),
        (
            "resnet152",
            [
                "Weight layers: 152 (conv + fc on the longest path)",
                "Weight layers on every branch: 156",  # the four projection shortcuts
            ],
        ),
    ],
)
def test_the_network_page_counts_the_weight_layers_the_name_counts(qtbot, preset_id, lines):
    _document, inspector = make(qtbot, preset_id)
    totals = inspector.findChild(QLabel, "networkTotals").text().splitlines()
    for line in lines:
        assert line in totals
    if preset_id == "vgg16":
        assert not any("every branch" in line for line in totals)  # a chain: both counts agree
