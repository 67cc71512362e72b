"""Canvas navigation and gestures: wheel zoom, panning, Esc, locked editing, the layout rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cnnstudio.core import preset
from cnnstudio.core.fileformat import dumps
from cnnstudio.core.layout import ROW_HEIGHT, layered_layout, spread
from cnnstudio.ui.canvas.mime import block_mime_data
from cnnstudio.ui.document import Document


@pytest.fixture
def document(qtbot):
    """ResNet-50 laid out as one tall column (as in a file saved before long networks wrapped):
    taller than the canvas at any legible zoom."""
    network = preset("resnet50")
    for row, node in enumerate(network.nodes):
        network.move(node.id, (0.0, row * ROW_HEIGHT))
    return Document(network)


@pytest.fixture
def view(qtbot, document, show_canvas):
    return show_canvas(document)


def wheel(view, point: QPoint, degrees: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(
        QPointF(point),
        QPointF(view.viewport().mapToGlobal(point)),
        QPoint(),
        QPoint(0, degrees * 8),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_a_long_network_opens_legible_at_its_top(view, document):
    assert 0.7 <= view.zoom <= 0.85
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.diagram_scene.nodes[document.network.find("input").id].sceneBoundingRect())


def test_wheel_zooms_around_the_mouse(view, document):
    target = view.diagram_scene.nodes[document.network.find("conv1").id]
    point = view.mapFromScene(target.scenePos())
    before = view.zoom
    wheel(view, point, 15)
    assert view.zoom == pytest.approx(before * 1.2)
    assert (view.mapFromScene(target.scenePos()) - point).manhattanLength() <= 2  # stays under the mouse
    wheel(view, point, -15)
    assert view.zoom == pytest.approx(before)


def test_shift_wheel_scrolls_instead(view):
    bar = view.verticalScrollBar()
    before, zoom = bar.value(), view.zoom
    wheel(view, QPoint(200, 200), -15, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() > before and view.zoom == zoom


def test_middle_drag_pans(view):
    bar = view.verticalScrollBar()
    before = bar.value()
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 400))
    QTest.mouseMove(viewport, QPoint(300, 250))
    QTest.mouseRelease(
        viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 250)
    )
    assert bar.value() == before + 150


def test_space_drag_pans_without_moving_anything(qtbot, view, document, node_center):
    before_file = dumps(document.network)
    bar = view.verticalScrollBar()
    before = bar.value()
    start = view.mapFromScene(node_center(view, document, "conv1"))
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start - QPoint(0, 100))
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start - QPoint(0, 100)
    )
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert bar.value() == before + 100
    assert dumps(document.network) == before_file


def test_selecting_elsewhere_scrolls_the_layer_into_sight(view, document):
    fc = document.network.find("fc")
    document.set_selection([fc.id])
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.diagram_scene.nodes[fc.id].sceneBoundingRect())


def test_esc_cancels_a_connection_in_progress(qtbot, view, document):
    scene = view.diagram_scene
    port = scene.nodes[document.network.find("conv1").id].output_port
    viewport = view.viewport()
    start = view.mapFromScene(port.scenePos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(150, 40))
    assert scene.interaction is not None
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert scene.interaction is None
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(150, 40)
    )
    assert document.undo_stack.count() == 0


def test_moving_is_refused_while_training(view, document, drag, node_center):
    said = []
    document.status_message.connect(said.append)
    document.set_editable(False)
    before = dumps(document.network)
    start = node_center(view, document, "conv1")
    drag(view, start, start + QPointF(120, 0))
    assert dumps(document.network) == before
    assert said and "locked" in said[0]
    assert view.diagram_scene.nodes[document.network.find("conv1").id].scenePos() == start


def test_spread_keeps_order_and_gaps():
    assert spread([0, 0, 0, 0]) == [-1.5, -0.5, 0.5, 1.5]
    assert spread([0, 0, 5]) == [-0.5, 0.5, 5.0]
    assert spread([3.0]) == [3.0]


def test_layered_layout_puts_branches_side_by_side():
    graph = [
        ("in", []),
        ("a", ["in"]),
        ("b", ["in"]),
        ("b2", ["b"]),
        ("c", ["in"]),
        ("out", ["a", "b2", "c"]),
    ]
    pos = layered_layout(graph, column_width=10, row_height=100)
    assert pos["in"] == (0, 0)
    assert [pos[n][1] for n in ("a", "b", "c")] == [100, 100, 100]
    assert pos["a"][0] < pos["b"][0] < pos["c"][0]
    assert pos["b2"] == (pos["b"][0], 200)  # a branch stays in its column
    assert pos["out"] == (0, 300)  # a merge sits below the longest branch, centred


def test_a_chain_is_one_straight_column():
    graph = [("n0", [])] + [(f"n{i}", [f"n{i - 1}"]) for i in range(1, 6)]
    pos = layered_layout(graph, column_width=10, row_height=100)
    assert [pos[f"n{i}"] for i in range(6)] == [(0, 100 * i) for i in range(6)]


def test_an_opened_block_takes_no_drops_and_no_edits(view, document):
    said = []
    document.status_message.connect(said.append)
    assert view.open_block(document.network.find("layer1.0").id)
    before = dumps(document.network)
    point = view.mapFromScene(view.scene().nodes["conv1"].scenePos())
    mime = block_mime_data("relu")
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()
    view.canvas_actions.delete.trigger()
    view.canvas_actions.paste.trigger()
    assert dumps(document.network) == before
    assert "read-only" in said[-1]


def test_a_badge_says_when_editing_is_locked(view, document):
    assert view.lock_badge.isHidden()
    document.set_editable(False)
    assert not view.lock_badge.isHidden()
    document.set_editable(True)
    assert view.lock_badge.isHidden()
