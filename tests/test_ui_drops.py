"""Dropping blocks feels predictable (issue 8, item 9): the box lands where it was dropped and
the view stays still, nothing overlaps, a drop just below the network's end continues it, and
an edge looping through empty space catches only drops on its line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from cnnstudio.core import Network, preset
from cnnstudio.core.layout import ROW_HEIGHT
from cnnstudio.ui.canvas.mime import block_mime_data
from cnnstudio.ui.canvas.style import NODE_HEIGHT, NODE_WIDTH
from cnnstudio.ui.document import Document


def drop_at_pixel(view, mime, point: QPoint) -> None:
    """Drag *mime* over the viewport and drop it at *point*, without scrolling first."""
    viewport = view.viewport()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(
        viewport, QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    )
    QApplication.sendEvent(
        viewport, QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    )
    QApplication.sendEvent(
        viewport, QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    )


def boxes_touch(a, b) -> bool:
    """Whether boxes centred at *a* and *b* overlap or leave less than 8 units between them."""
    return abs(a[0] - b[0]) < NODE_WIDTH + 8 and abs(a[1] - b[1]) < NODE_HEIGHT + 8


def test_the_view_stays_still_and_the_box_lands_under_the_mouse(qtbot, show_canvas):
    document = Document(preset("conv5x5-naive"))  # small: the diagram is narrower than the canvas
    view = show_canvas(document)
    view.resize(1500, 800)
    qtbot.waitUntil(lambda: view.viewport().width() > 1400)
    view.fit_to_window()
    document.set_selection([])
    point = QPoint(view.viewport().width() - 150, 200)  # beside the diagram, outside its area
    drop_at_pixel(view, block_mime_data("relu"), point)
    (new,) = document.selected_ids
    landed = view.mapFromScene(view.diagram_scene.nodes[new].scenePos())
    assert (landed - point).manhattanLength() <= 2


def test_a_drop_on_a_box_lands_beside_it_touching_nothing(view_of, drop):
    view, document = view_of("lenet5")
    document.set_selection([])
    conv2 = document.network.find("conv2")
    drop(view, block_mime_data("relu"), QPointF(*conv2.pos) + QPointF(30, 10))
    (new,) = document.selected_ids
    spot = document.network.node(new).pos
    assert all(not boxes_touch(spot, n.pos) for n in document.network.nodes if n.id != new)
    assert abs(spot[0] - conv2.pos[0]) <= 2 * 288 and abs(spot[1] - conv2.pos[1]) <= 2 * ROW_HEIGHT


def test_a_drop_just_below_the_networks_end_continues_it(view_of, drop):
    view, document = view_of("lenet5")
    messages = []
    document.status_message.connect(messages.append)
    document.set_selection([])
    softmax = document.network.find("softmax")
    drop(view, block_mime_data("linear"), QPointF(*softmax.pos) + QPointF(40, ROW_HEIGHT - 10))
    (new,) = document.selected_ids
    node = document.network.node(new)
    assert node.inputs == [softmax.id]
    assert node.pos == (softmax.pos[0], softmax.pos[1] + ROW_HEIGHT)  # in line, a row below
    assert any("dropped just below it" in m for m in messages)
    assert document.summary.output_node == new


def test_a_drop_far_below_the_end_stays_on_its_own(view_of, drop):
    view, document = view_of("lenet5")
    document.set_selection([])
    softmax = document.network.find("softmax")
    drop(view, block_mime_data("linear"), QPointF(*softmax.pos) + QPointF(0, 3 * ROW_HEIGHT))
    (new,) = document.selected_ids
    assert document.network.node(new).inputs == []


def test_a_looping_edge_catches_a_drop_on_its_line_but_not_beside_it(view_of, drop):
    view, document = view_of("vgg16")  # wrapped: conv2_2 (bottom of a column) -> relu2_2 (next top)
    scene = view.diagram_scene
    conv2_2, relu2_2 = document.network.find("conv2_2").id, document.network.find("relu2_2").id
    edge = scene.edges[(conv2_2, relu2_2)]
    assert edge.loops
    path = edge._path
    on_line = path.pointAtPercent(0.5)  # halfway up the gutter
    document.set_selection([])
    drop(view, block_mime_data("relu"), on_line + QPointF(16, 0))  # beside it: empty canvas
    (beside,) = document.selected_ids
    assert document.network.node(relu2_2).inputs == [conv2_2]
    assert document.network.node(beside).inputs == []
    drop(view, block_mime_data("relu"), on_line + QPointF(3, 0))
    (inserted,) = document.selected_ids
    assert document.network.node(relu2_2).inputs == [inserted]


def test_a_short_edge_still_catches_a_drop_beside_it(view_of, drop):
    view, document = view_of("lenet5")
    fc1, tanh3 = document.network.find("fc1").id, document.network.find("tanh3").id
    edge = view.diagram_scene.edges[(fc1, tanh3)]
    assert not edge.loops
    middle = (edge.source.output_point() + edge.target.input_point(0, 1)) / 2
    drop(view, block_mime_data("dropout"), middle + QPointF(16, 0))
    (new,) = document.selected_ids
    assert document.network.node(tanh3).inputs == [new]


def test_a_drop_on_an_empty_network_just_below_the_input_connects(view_of, drop):
    network = Network("mine")
    network.add_node("input", name="input", pos=(0.0, 0.0))
    view, document = view_of(network)
    document.set_selection([])
    drop(view, block_mime_data("conv2d"), QPointF(10, ROW_HEIGHT))
    (new,) = document.selected_ids
    assert document.network.node(new).inputs == [document.network.find("input").id]


def scrolled_to_show(view, box, shown: float) -> None:
    """Scroll so that only the right *shown* share of *box* is in sight, at the left edge."""
    view.set_zoom(1.0)
    half = view.mapToScene(view.viewport().rect()).boundingRect().width() / 2
    view.centerOn(QPointF(box.right() - shown * box.width() + half, box.center().y()))


def test_a_layer_selected_mostly_out_of_sight_is_scrolled_into_view(view_of):
    view, document = view_of("vgg16")
    conv1 = document.network.find("conv1_2").id
    box = view.diagram_scene.nodes[conv1].scene_rect()
    scrolled_to_show(view, box, 0.3)
    document.set_selection([conv1])
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(box)


def test_a_layer_selected_mostly_in_sight_does_not_move_the_view(view_of):
    view, document = view_of("vgg16")
    conv1 = document.network.find("conv1_2").id
    box = view.diagram_scene.nodes[conv1].scene_rect()
    scrolled_to_show(view, box, 0.7)
    before = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    document.set_selection([conv1])  # as a drop beside the viewport's edge selects its box
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == before
