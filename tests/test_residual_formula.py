"""The residual block's formula, a[l+2] = g(z[l+2] + a[l]) with the block's own shapes: in the
analysis (each kind of shortcut) and in the formula panel when the block or its Add is chosen."""

import pytest

from cnnstudio.core import preset, summarize
from cnnstudio.ui.document import Document
from cnnstudio.ui.layer_table import COLUMNS
from cnnstudio.ui.table_dock import DisplayToggles, TableDock


def block_formula(net, name: str) -> list[str]:
    row = next(row for row in summarize(net).rows if row.name == name)
    return row.formula("block").splitlines()


def with_shortcut(preset_id: str, layer: str, shortcut: str):
    net = preset(preset_id)
    net.set_param(net.find(layer).id, "shortcut", shortcut)
    return net


def test_an_identity_shortcut_adds_the_input_before_the_last_relu():
    assert block_formula(preset("resnet18"), "layer1.0")[:2] == [
        "a[l+2] = g(z[l+2] + a[l])",
        "56x56x64 = ReLU(56x56x64 + 56x56x64)",
    ]


def test_a_projection_shortcut_is_written_w_s():
    lines = block_formula(preset("resnet18"), "layer2.0")
    assert lines[:2] == ["a[l+2] = g(z[l+2] + W_s a[l])", "28x28x128 = ReLU(28x28x128 + W_s 56x56x64)"]
    assert "projection W_s (a 1x1 convolution, then batch norm) turns a[l] into 28x28x128" in lines[2]


def test_a_bottleneck_block_skips_three_layers():
    assert block_formula(preset("resnet50"), "layer1.1")[:2] == [
        "a[l+3] = g(z[l+3] + a[l])",
        "56x56x256 = ReLU(56x56x256 + 56x56x256)",
    ]


def test_zero_padding_and_no_shortcut():
    padded = block_formula(with_shortcut("resnet18", "layer2.0", "zero-pad"), "layer2.0")
    assert padded[:2] == ["a[l+2] = g(z[l+2] + pad(a[l]))", "28x28x128 = ReLU(28x28x128 + pad(56x56x64))"]
    plain = block_formula(with_shortcut("resnet18", "layer2.0", "none"), "layer2.0")
    assert plain[:2] == ["a[l+2] = g(z[l+2])", "28x28x128 = ReLU(28x28x128)"]


def test_a_block_whose_shapes_are_unknown_has_no_formula():
    net = preset("resnet18")
    net.set_param(net.find("conv1").id, "padding", "valid")
    net.set_param(net.find("input").id, "height", 6)  # too small for conv1's 7x7 kernel now
    rows = {row.name: row for row in summarize(net).rows}
    assert rows["layer1.0"].shape is None and rows["layer1.0"].formula("block") == ""


@pytest.fixture
def dock(qtbot):
    document = Document(preset("resnet18"))
    dock = TableDock(document, DisplayToggles(document))
    qtbot.addWidget(dock)
    dock.resize(1400, 500)
    dock.show()
    return dock


@pytest.mark.parametrize("path", ["layer1.0", "layer1.0.add"])
def test_the_panel_shows_it_when_the_block_or_its_add_is_chosen(dock, path):
    model = dock.view.table_model
    dock.view.setCurrentIndex(model.index_of_path(path, COLUMNS.index("output_shape")))
    text = dock.formula_panel.text()
    assert "The shortcut, added before the last ReLU" in text
    assert "a[l+2] = g(z[l+2] + a[l])<br>56x56x64 = ReLU(56x56x64 + 56x56x64)" in text


def test_the_panel_leaves_it_out_elsewhere(dock):
    model = dock.view.table_model
    for path in ("layer1.0.conv1", "conv1", "fc"):
        dock.view.setCurrentIndex(model.index_of_path(path, COLUMNS.index("macs")))
        assert "a[l+2]" not in dock.formula_panel.text(), path


def test_the_panel_follows_the_shortcut_as_it_is_edited(dock, set_param):
    model = dock.view.table_model
    dock.view.setCurrentIndex(model.index_of_path("layer2.0", COLUMNS.index("params")))
    assert "W_s 56x56x64" in dock.formula_panel.text()
    set_param(dock.document, "layer2.0", "shortcut", "zero-pad")
    dock.view.setCurrentIndex(model.index_of_path("layer2.0", COLUMNS.index("params")))
    assert "pad(56x56x64)" in dock.formula_panel.text()
