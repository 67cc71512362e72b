"""Rebuilding LeNet-5 by hand yields the preset's table.

Only gestures a student makes: blocks dropped from the palette (each drop lands after the
selected layer), one connection dragged from port to port, and the settings that differ from
the blocks' defaults typed into the inspector's widgets (input channels; conv filters, kernel
and padding; fully connected units).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from cnnstudio.core import Network, preset, summarize
from cnnstudio.ui.canvas.style import COLUMN_WIDTH, ROW_HEIGHT
from cnnstudio.ui.document import Document
from cnnstudio.ui.inspector import Inspector
from cnnstudio.ui.palette import Palette

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LENET = [
    ("input", {"channels": 1}),
    ("conv2d", {"filters": 6, "kernel": 5, "padding": "valid"}),
    ("avgpool2d", {}),
    ("tanh", {}),
    ("conv2d", {"filters": 16, "kernel": 5, "padding": "valid"}),
    ("avgpool2d", {}),
    ("tanh", {}),
    ("flatten", {}),  # dropped on its own and connected by a port drag
    ("linear", {"units": 120}),
    ("tanh", {}),
    ("linear", {"units": 84}),
    ("tanh", {}),
    ("linear", {}),
    ("softmax", {}),
]


def set_in_inspector(inspector: Inspector, settings: dict) -> None:
    for key, value in settings.items():
        editor = inspector.findChild(QWidget, f"param_{key}")
        if key == "padding":
            editor.mode.setCurrentText(value)
        else:
            editor.setValue(value)


def test_rebuilding_lenet5_by_hand_gives_the_presets_table(qtbot, click, drag, drop, show_canvas):
    document = Document(Network("LeNet-5 by hand"))
    view = show_canvas(document)
    palette, inspector = Palette(document), Inspector(document)
    qtbot.addWidget(palette)
    qtbot.addWidget(inspector)
    previous = None
    for i, (type_id, settings) in enumerate(LENET):
        point = QPointF(0.0, i * ROW_HEIGHT)
        if type_id == "flatten":
            click(view, QPointF(2 * COLUMN_WIDTH, point.y()))  # click on empty canvas: nothing selected
            assert document.selected_ids == []
            point = QPointF(COLUMN_WIDTH, point.y())
        drop(view, palette.mime_data(palette.find_item(type_id)), point)
        (new,) = document.selected_ids
        if type_id == "flatten":
            assert document.network.node(new).inputs == []
            scene = view.diagram_scene
            view.fit_to_window()
            drag(view, scene.nodes[previous].output_port.scenePos(), scene.nodes[new].input_port.scenePos())
            assert document.network.node(new).inputs == [previous]
            click(view, scene.nodes[new].scenePos())
            assert document.selected_ids == [new]
        set_in_inspector(inspector, settings)
        previous = new

    mine, reference = document.summary, summarize(preset("lenet5"))
    assert mine.valid, mine.errors
    assert len(mine.rows) == len(reference.rows) == 14
    for built, expected in zip(mine.rows, reference.rows, strict=True):
        assert (built.type, built.shape, built.params, built.macs) == (
            expected.type,
            expected.shape,
            expected.params,
            expected.macs,
        )
    assert mine.totals.params == reference.totals.params == 61_706
