"""The block palette: categories, tooltips, filter, drag data and double-click chains."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cnnstudio.core import CATEGORIES, Network, block_type, preset
from cnnstudio.ui.canvas import CanvasView
from cnnstudio.ui.canvas.mime import BLOCK_MIME, BlockMimeError, parse_block_mime
from cnnstudio.ui.document import Document
from cnnstudio.ui.palette import Palette

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def document(qtbot):
    return Document(preset("lenet5"))


@pytest.fixture
def palette(qtbot, document):
    widget = Palette(document)
    qtbot.addWidget(widget)
    widget.resize(280, 760)  # every entry in sight, so a click never scrolls the list
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_categories_in_the_lecture_order(palette):
    tree = palette.tree
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headings == list(CATEGORIES)
    merge = palette._categories["Merge"]
    assert [merge.child(i).text(0) for i in range(merge.childCount())] == ["Add", "Concat"]


def test_blocks_category_offers_the_five_ready_made_blocks(palette):
    blocks = palette._categories["Blocks"]
    data = [
        bytes(palette.mime_data(blocks.child(i)).data(BLOCK_MIME)).decode()
        for i in range(blocks.childCount())
    ]
    assert data == [
        "residual",
        'residual {"variant": "bottleneck"}',
        'conv2d {"kernel": 1}',
        'inception {"reductions": false}',
        "inception",
    ]


def test_every_entry_has_an_icon_and_a_one_sentence_tooltip(palette):
    for item in palette.items():
        assert not item.icon(0).isNull()
        tip = item.toolTip(0)
        assert tip.endswith(".") and tip.count(". ") == 0, tip
    assert palette.find_item("conv2d").toolTip(0) == block_type("conv2d").description


def test_drag_data_names_the_block(palette):
    data = palette.mime_data(palette.find_item("maxpool2d"))
    assert data.formats() == [BLOCK_MIME]
    assert parse_block_mime(bytes(data.data(BLOCK_MIME))) == ("maxpool2d", {})
    assert parse_block_mime(b'inception {"reductions": false}') == ("inception", {"reductions": False})
    for bad in (b"padshortcut", b"nonsense", b'conv2d {"kernel": ', b"conv2d [1]"):
        with pytest.raises(BlockMimeError):
            parse_block_mime(bad)


def test_filter_hides_what_does_not_match(palette):
    palette.filter.setText("pool")
    assert palette.visible_titles() == ["MaxPool2d", "AvgPool2d", "GlobalAvgPool"]
    assert palette._categories["Activations"].isHidden()
    palette.filter.setText("act")
    assert palette.visible_titles() == ["ReLU", "Tanh", "Sigmoid", "Softmax"]
    palette.filter.setText("inception")
    assert palette.visible_titles() == ["Inception (naive)", "Inception (1x1 reductions)"]
    palette.filter.setText("")
    assert len(palette.visible_titles()) == len(palette.items())


def test_double_clicks_build_a_chain_after_the_selection(qtbot, document, palette):
    qtbot.addWidget(CanvasView(document))  # lays the preset out, as in the window
    conv1 = document.network.find("conv1").id
    pool1 = document.network.find("pool1").id
    document.set_selection([conv1])
    item = palette.find_item("relu")
    center = palette.tree.visualItemRect(item).center()
    for _ in range(2):  # a double-click arrives as a click, then a double-click event
        qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    first, second = [n for n in document.network.nodes if n.type == "relu"]
    assert document.network.node(first.id).inputs == [conv1]
    assert document.network.node(second.id).inputs == [first.id]
    assert document.network.node(pool1).inputs == [second.id]
    assert document.selected_ids == [second.id]
    assert first.pos[1] < second.pos[1] < document.network.node(pool1).pos[1]
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.network.node(pool1).inputs == [first.id]


def test_double_click_with_nothing_selected_follows_the_output(document, palette):
    document.set_selection([])
    new = palette.add_entry(palette.find_item("dropout"))
    assert document.network.node(new).inputs == [document.network.find("softmax").id]


def test_double_click_on_an_empty_network_starts_it(qtbot):
    document = Document(Network("Empty"))
    palette = Palette(document)
    qtbot.addWidget(palette)
    first = palette.add_entry(palette.find_item("input"))
    second = palette.add_entry(palette.find_item("conv2d"))
    assert document.network.node(second).inputs == [first]


def test_return_key_adds_the_current_entry(qtbot, document, palette):
    document.set_selection([document.network.find("softmax").id])
    palette.tree.setCurrentItem(palette.find_item("sigmoid"))
    qtbot.keyClick(palette.tree, Qt.Key.Key_Return)
    assert document.network.node(document.selected_ids[0]).type == "sigmoid"


def test_double_click_is_refused_while_training(document, palette):
    said = []
    document.status_message.connect(said.append)
    document.set_editable(False)
    count = len(document.network)
    assert palette.add_entry(palette.find_item("relu")) is None
    assert len(document.network) == count
    assert "locked" in said[-1]
