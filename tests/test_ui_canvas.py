"""The canvas on real widgets: drops from the palette, port drags, edits, undo, blocks."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from cnnstudio.core import Network, preset
from cnnstudio.core.fileformat import dumps
from cnnstudio.core.layout import network_graph, network_layout
from cnnstudio.ui.canvas import style
from cnnstudio.ui.canvas.mime import block_mime_data
from cnnstudio.ui.canvas.view import LEGIBLE_ZOOM
from cnnstudio.ui.commands import (
    AddNodeCommand,
    MoveCommand,
    RemoveNodeCommand,
    RenameNetworkCommand,
    SetParamCommand,
    execute,
)
from cnnstudio.ui.document import Document
from cnnstudio.ui.palette import Palette


@pytest.fixture
def document(qtbot):
    return Document(preset("lenet5"))


@pytest.fixture
def view(qtbot, document, show_canvas):
    return show_canvas(document)


@pytest.fixture
def messages(document):
    said = []
    document.status_message.connect(said.append)
    return said


def node_id(document, name):
    return document.network.find(name).id


def test_every_node_and_edge_is_drawn_with_its_shape(view, document):
    scene = view.diagram_scene
    assert set(scene.nodes) == {n.id for n in document.network.nodes}
    assert set(scene.edges) == set(document.network.edges())
    conv1 = scene.nodes[node_id(document, "conv1")]
    assert conv1.labels.summary == "5x5 s1 valid, 6"
    assert conv1.labels.shape == "28x28x6"
    assert conv1.labels.cost == "118K MACs"  # 28*28*6*5*5 = 117,600
    edge = scene.edges[(node_id(document, "conv1"), node_id(document, "pool1"))]
    assert edge.label == "28x28x6"


def test_presets_without_positions_are_laid_out_down_columns_side_by_side(document, view):
    nodes = document.network.nodes
    assert all(node.pos is not None for node in nodes)
    assert nodes[0].pos == (0.0, 0.0)
    for before, after in itertools.pairwise(nodes):  # LeNet-5 is a chain
        (x0, y0), (x1, y1) = before.pos, after.pos
        below = x1 == x0 and y1 == y0 + style.ROW_HEIGHT
        next_column = x1 > x0 and y1 == 0.0
        assert below or next_column, (before.name, after.name)
    assert len({node.pos[0] for node in nodes}) == 3  # 14 layers: three columns, near 16:9
    assert document.undo_stack.count() == 0 and not document.modified


def test_shape_order_follows_the_document(view, document):
    document.set_shape_order("chw")
    assert view.diagram_scene.nodes[node_id(document, "conv1")].labels.shape == "6x28x28"


def test_drop_from_palette_adds_the_block_where_dropped(qtbot, view, document, drop):
    palette = Palette(document)
    qtbot.addWidget(palette)
    document.set_selection([])
    before = dumps(document.network)
    target = QPointF(600.0, 640.0)  # empty canvas, below the middle column
    drop(view, palette.mime_data(palette.find_item("conv2d")), target)
    added = [n for n in document.network.nodes if n.type == "conv2d" and n.name not in ("conv1", "conv2")]
    assert len(added) == 1
    assert added[0].inputs == []
    assert abs(added[0].pos[0] - target.x()) < 2 and abs(added[0].pos[1] - target.y()) < 2
    assert document.selected_ids == [added[0].id]
    assert added[0].id in view.diagram_scene.nodes
    document.undo_stack.undo()
    assert dumps(document.network) == before


def test_drop_carries_parameter_overrides(view, document, drop):
    document.set_selection([])
    drop(view, block_mime_data("conv2d", {"kernel": 1}), QPointF(700.0, 300.0))
    (new,) = document.selected_ids
    assert document.network.node(new).params["kernel"] == 1


def test_drop_on_an_edge_inserts_the_block_into_it(view, document, drop):
    conv1, pool1 = node_id(document, "conv1"), node_id(document, "pool1")
    edge = view.diagram_scene.edges[(conv1, pool1)]
    middle = edge.shape().boundingRect().center()
    point = QPointF(edge.source.output_point().x(), middle.y())
    before = dumps(document.network)
    old_pool1 = document.network.node(pool1).pos
    drop(view, block_mime_data("relu"), point)
    (relu,) = document.selected_ids
    assert document.network.node(relu).inputs == [conv1]
    conv1_pos = document.network.node(conv1).pos
    assert document.network.node(relu).pos == (conv1_pos[0], conv1_pos[1] + style.ROW_HEIGHT)
    assert document.network.node(pool1).pos == (old_pool1[0], old_pool1[1] + style.ROW_HEIGHT)
    assert document.undo_stack.count() == 1
    assert document.network.node(pool1).inputs == [relu]
    assert document.row(relu).shape == (6, 28, 28)
    assert (conv1, pool1) not in view.diagram_scene.edges
    assert (conv1, relu) in view.diagram_scene.edges and (relu, pool1) in view.diagram_scene.edges
    after = dumps(document.network)
    document.undo_stack.undo()
    assert dumps(document.network) == before
    document.undo_stack.redo()
    assert dumps(document.network) == after


@pytest.mark.parametrize("where", ["beside the line", "on the shape label"])
def test_a_drop_near_an_edge_or_on_its_label_still_inserts(view, document, where, drop):
    fc1, tanh3 = node_id(document, "fc1"), node_id(document, "tanh3")
    edge = view.diagram_scene.edges[(fc1, tanh3)]
    start, end = edge.source.output_point(), edge.target.input_point(0, 1)
    middle = (start + end) / 2
    point = middle + QPointF(-14, 0) if where == "beside the line" else edge._label_box.center()
    drop(view, block_mime_data("dropout"), point)
    (new,) = document.selected_ids
    assert document.network.node(tanh3).inputs == [new]
    assert document.network.node(new).inputs == [fc1]


def test_drop_while_one_node_is_selected_connects_after_it(view, document, drop):
    fc3 = node_id(document, "fc3")
    document.set_selection([fc3])
    drop(view, block_mime_data("dropout"), QPointF(500.0, 2000.0))
    (new,) = document.selected_ids
    assert document.network.node(new).inputs == [fc3]


def test_drop_is_refused_with_a_message_while_training(view, document, messages, drop):
    document.set_editable(False)
    before = dumps(document.network)
    drop(view, block_mime_data("relu"), QPointF(600.0, 100.0))
    assert dumps(document.network) == before
    assert "locked" in messages[-1]


def test_connect_two_ports_by_dragging(qtbot, view, document, drag, drop):
    document.set_selection([])
    drop(view, block_mime_data("relu"), QPointF(700.0, 200.0))
    (relu,) = document.selected_ids
    conv1 = node_id(document, "conv1")
    scene = view.diagram_scene
    start = scene.nodes[conv1].output_port.scenePos()
    end = scene.nodes[relu].input_port.scenePos()
    view.fit_to_window()
    before = dumps(document.network)
    drag(view, start, end)
    assert document.network.node(relu).inputs == [conv1]
    assert (conv1, relu) in scene.edges
    assert document.row(relu).shape == (6, 28, 28)
    document.undo_stack.undo()
    assert dumps(document.network) == before


def test_a_connection_making_a_loop_is_refused_with_the_core_message(view, document, messages, drag):
    scene = view.diagram_scene
    view.fit_to_window()
    before = dumps(document.network)
    start = scene.nodes[node_id(document, "pool2")].output_port.scenePos()
    end = scene.nodes[node_id(document, "conv1")].input_port.scenePos()
    drag(view, start, end)
    assert dumps(document.network) == before
    assert "would make a loop" in messages[-1]


def test_a_second_input_into_a_single_input_layer_is_refused(view, document, messages, drag):
    scene = view.diagram_scene
    view.fit_to_window()
    before = dumps(document.network)
    start = scene.nodes[node_id(document, "input")].output_port.scenePos()
    end = scene.nodes[node_id(document, "pool1")].input_port.scenePos()
    drag(view, start, end)
    assert dumps(document.network) == before
    assert "takes one input and already has one" in messages[-1]


def test_click_selects_and_the_selection_is_shared(view, document, click, node_center):
    click(view, node_center(view, document, "conv2"))
    assert document.selected_ids == [node_id(document, "conv2")]
    document.set_selection([node_id(document, "fc1")])
    assert view.diagram_scene.selected_node_ids() == [node_id(document, "fc1")]
    click(view, node_center(view, document, "fc2"), Qt.KeyboardModifier.ControlModifier)
    assert document.selected_ids == [node_id(document, "fc1"), node_id(document, "fc2")]


def test_rubber_band_selects_the_boxes_it_touches(view, document, drag, node_center):
    view.fit_to_window()
    conv1 = node_center(view, document, "conv1")
    pool1 = node_center(view, document, "pool1")
    start = QPointF(conv1.x() - style.NODE_WIDTH, conv1.y() - 10)
    end = QPointF(pool1.x() + style.NODE_WIDTH, pool1.y() + 10)
    drag(view, start, end)
    assert document.selected_ids == [node_id(document, "conv1"), node_id(document, "pool1")]


def test_moving_several_nodes_is_one_undo_step(view, document, drag, node_center):
    view.fit_to_window()
    names = ("conv1", "pool1", "tanh1")
    document.set_selection([node_id(document, n) for n in names])
    before = dumps(document.network)
    old = {n: document.network.find(n).pos for n in names}
    start = node_center(view, document, "pool1")
    drag(view, start, start + QPointF(200, 40))
    assert document.undo_stack.count() == 1
    for n in names:
        pos = document.network.find(n).pos
        assert pos[0] - old[n][0] == pytest.approx(200, abs=3)
        assert pos[1] - old[n][1] == pytest.approx(40, abs=3)
    document.undo_stack.undo()
    assert dumps(document.network) == before
    assert view.diagram_scene.nodes[node_id(document, "conv1")].pos() == QPointF(*old["conv1"])


def test_delete_bridges_the_chain_and_undo_restores_it(view, document, click, node_center):
    click(view, node_center(view, document, "pool1"))
    before = dumps(document.network)
    view.canvas_actions.delete.trigger()
    assert document.network.find("pool1") is None
    conv1, tanh1 = node_id(document, "conv1"), node_id(document, "tanh1")
    assert document.network.node(tanh1).inputs == [conv1]
    assert (conv1, tanh1) in view.diagram_scene.edges
    assert document.row(tanh1).shape == (6, 28, 28)
    document.undo_stack.undo()
    assert dumps(document.network) == before
    assert len(view.diagram_scene.nodes) == len(document.network)


def test_delete_key_removes_the_selection_as_one_step(qtbot, view, document):
    document.set_selection([node_id(document, "tanh3"), node_id(document, "tanh4")])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert document.network.find("tanh3") is None and document.network.find("tanh4") is None
    assert document.network.node(node_id(document, "fc2")).inputs == [node_id(document, "fc1")]
    assert document.undo_stack.count() == 1


def test_a_selected_edge_can_be_deleted(view, document, click):
    view.fit_to_window()
    conv1, pool1 = node_id(document, "conv1"), node_id(document, "pool1")
    edge = view.diagram_scene.edges[(conv1, pool1)]
    click(view, QPointF(edge.source.output_point().x(), edge.shape().boundingRect().center().y()))
    assert view.diagram_scene.selected_edges() == [(conv1, pool1)]
    view.canvas_actions.delete.trigger()
    assert document.network.node(pool1).inputs == []
    assert (conv1, pool1) not in view.diagram_scene.edges


def test_copy_paste_keeps_inner_edges_with_fresh_ids_and_names(view, document):
    names = ("conv2", "pool2", "tanh2")
    document.set_selection([node_id(document, n) for n in names])
    view.canvas_actions.copy.trigger()
    before = dumps(document.network)
    pasted = view.canvas_actions.paste_clipboard()
    assert len(pasted) == 3 and document.selected_ids == pasted
    nodes = [document.network.node(i) for i in pasted]
    originals = [document.network.find(n).id for n in names]
    assert not set(pasted) & set(originals)
    assert [n.type for n in nodes] == ["conv2d", "avgpool2d", "tanh"]
    assert len({n.name for n in document.network.nodes}) == len(document.network)
    assert nodes[0].inputs == [] and nodes[1].inputs == [nodes[0].id] and nodes[2].inputs == [nodes[1].id]
    assert nodes[0].pos[0] == document.network.find("conv2").pos[0] + style.PASTE_OFFSET
    second = view.canvas_actions.paste_clipboard()
    assert document.network.node(second[0]).pos[0] == nodes[0].pos[0] + style.PASTE_OFFSET
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert dumps(document.network) == before


def test_duplicate_and_cut(view, document):
    document.set_selection([node_id(document, "fc1")])
    view.canvas_actions.duplicate.trigger()
    (copy,) = document.selected_ids
    assert document.network.node(copy).params == {"units": 120, "bias": True}
    document.set_selection([node_id(document, "tanh1")])
    view.canvas_actions.cut.trigger()
    assert document.network.find("tanh1") is None
    view.canvas_actions.paste.trigger()
    (pasted,) = document.selected_ids
    assert document.network.node(pasted).name == "tanh1"


def test_select_all(view, document):
    view.canvas_actions.select_all.trigger()
    assert document.selected_ids == [n.id for n in document.network.nodes]


def test_auto_layout_is_one_undoable_step(view, document):
    for i, node in enumerate(document.network.nodes):
        document.network.move(node.id, (37.0 * i, -11.0 * i))
    before = dumps(document.network)
    view.canvas_actions.auto_layout.trigger()
    assert document.undo_stack.count() == 1
    laid_out = network_layout(network_graph(document.network))
    assert {n.id: n.pos for n in document.network.nodes} == laid_out
    assert len({x for x, _ in laid_out.values()}) == 3  # LeNet-5's 14 rows: three columns
    document.undo_stack.undo()
    assert dumps(document.network) == before


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_invalid_node_shows_the_error_colour_and_message(view, document, viewport_point):
    conv1 = node_id(document, "conv1")
    item = view.diagram_scene.nodes[conv1]
    assert not item.has_errors
    from cnnstudio.ui.commands import SetParamCommand, execute

    execute(document, SetParamCommand(document.network, conv1, "kernel", 40))
    message = "kernel 40x40 is larger than the 32x32 input"
    assert item.has_errors
    assert any(message in e for e in item.labels.errors)
    point = viewport_point(view, item.scenePos())
    help_event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), help_event)
    assert message in QToolTip.text()
    QToolTip.hideText()
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    view.centerOn(item)
    view.viewport().render(image)
    accent = view.mapFromScene(item.scene_rect().topLeft() + QPointF(2, style.NODE_HEIGHT / 2))
    assert image.pixelColor(accent).name() == style.ERROR.name()
    document.undo_stack.undo()
    assert not item.has_errors


def test_an_edit_updates_the_labels_at_once(view, document):
    conv1 = node_id(document, "conv1")
    item = view.diagram_scene.nodes[conv1]
    from cnnstudio.ui.commands import SetParamCommand, execute

    execute(document, SetParamCommand(document.network, conv1, "filters", 8))
    assert item.labels.shape == "28x28x8"
    edge = view.diagram_scene.edges[(conv1, node_id(document, "pool1"))]
    assert edge.label == "28x28x8"


def test_open_and_close_a_residual_block(qtbot, show_canvas, viewport_point):
    document = Document(preset("resnet18"))
    view = show_canvas(document)
    block = document.network.find("layer2.0").id
    opened = []
    view.block_opened.connect(opened.append)
    qtbot.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=viewport_point(view, view.diagram_scene.nodes[block].scenePos()),
    )
    assert view.current_block == block and opened == [block]
    inner = view.scene()
    assert inner is not view.diagram_scene
    assert {"conv1", "bn1", "relu1", "conv2", "bn2", "downsample.0", "downsample.1", "add", "relu2"} <= set(
        inner.nodes
    )
    assert inner.nodes["conv1"].labels.shape == "28x28x128"
    assert inner.nodes["downsample.0"].labels.summary == "1x1 s2 p0, 128"
    assert inner.edges[("in", "conv1")].label == "56x56x64"
    assert view.block_bar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.current_block is None and view.scene() is view.diagram_scene
    assert not view.block_bar.isVisible()


def test_an_inception_module_opens_into_four_branches(qtbot, show_canvas):
    document = Document(preset("googlenet"))
    view = show_canvas(document)
    assert view.open_block(document.network.find("inception_3a").id)
    nodes = view.scene().nodes
    first_row = [name for name in ("1x1", "3x3_reduce", "5x5_reduce", "pool")]
    ys = {nodes[n].pos().y() for n in first_row}
    xs = sorted(nodes[n].pos().x() for n in first_row)
    assert len(ys) == 1 and len(set(xs)) == 4
    assert nodes["output"].labels.shape == "28x28x256"
    assert nodes["3x3"].labels.cost == "86.7M MACs"  # 28*28*128*3*3*96
    view.block_bar.back.click()
    assert view.current_block is None


def test_a_single_layer_does_not_open(view, document, messages):
    assert not view.open_block(node_id(document, "conv1"))
    assert "single layer" in messages[-1]


def test_an_opened_block_follows_edits_and_closes_when_deleted(qtbot, show_canvas):
    document = Document(preset("resnet18"))
    view = show_canvas(document)
    block = document.network.find("layer1.0").id
    view.open_block(block)
    from cnnstudio.ui.commands import RemoveNodeCommand, SetParamCommand, execute

    execute(document, SetParamCommand(document.network, block, "filters", 32))
    assert view.scene().nodes["conv1"].labels.summary == "3x3 s1 p1, 32"
    execute(document, RemoveNodeCommand(document.network, block))
    assert view.current_block is None


def test_zoom_actions(view):
    view.set_zoom(1.0)
    view.canvas_actions.zoom_in.trigger()
    assert view.zoom == pytest.approx(1.25)
    view.canvas_actions.zoom_out.trigger()
    assert view.zoom == pytest.approx(1.0)
    view.canvas_actions.zoom_fit.trigger()
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    assert rect.contains(view.diagram_scene.diagram_rect().adjusted(5, 5, -5, -5))


def test_opening_another_network_rebuilds_and_fits(view, document):
    document.replace_network(preset("resnet50"))
    assert len(view.diagram_scene.nodes) == len(document.network)
    assert all(n.pos is not None for n in document.network.nodes)
    assert view.zoom >= LEGIBLE_ZOOM
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(visible.contains(item.sceneBoundingRect()) for item in view.diagram_scene.nodes.values())


def test_export_png_and_svg(view, tmp_path):
    png, svg = tmp_path / "lenet.png", tmp_path / "lenet.svg"
    view.render_diagram_png(png)
    view.render_diagram_svg(svg)
    image = QImage(str(png))
    rect = view.diagram_scene.diagram_rect()
    assert image.height() == pytest.approx(2 * (rect.height() + 48), abs=3)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "conv1" in text and "28x28x6" in text


def test_export_to_a_missing_folder_raises(view, tmp_path):
    with pytest.raises(OSError):
        view.render_diagram_png(tmp_path / "missing" / "x.png")


def test_an_empty_network_can_be_built_from_nothing(qtbot, drop, show_canvas):
    document = Document(Network("Empty"))
    view = show_canvas(document)
    drop(view, block_mime_data("input"), QPointF(0, 0))
    assert len(document.network) == 1 and document.network.nodes[0].type == "input"


def test_pasted_layers_that_lead_nowhere_do_not_take_over_the_output(
    qtbot, view, document, click, node_center
):
    """Issue 8.3: select conv1 and pool1 of LeNet-5, copy, paste: softmax stays the output."""
    click(view, node_center(view, document, "conv1"))
    click(view, node_center(view, document, "pool1"), Qt.KeyboardModifier.ControlModifier)
    view.canvas_actions.copy.trigger()
    view.canvas_actions.paste.trigger()
    pasted = document.selected_ids
    assert len(pasted) == 2 and not set(pasted) & {node_id(document, "conv1"), node_id(document, "pool1")}
    summary = document.summary
    softmax = node_id(document, "softmax")
    assert summary.output_node == softmax and summary.row(softmax).errors == ()
    assert summary.valid and summary.totals == preset_totals("lenet5")
    scene = view.diagram_scene
    for new in pasted:
        assert summary.row(new).notes[0].startswith("dangling")
        assert scene.nodes[new].dangling and not scene.nodes[new].has_errors
        assert "Dangling" in scene.nodes[new].tooltip()
    assert not scene.nodes[softmax].has_errors and scene.nodes[softmax].labels.shape == "10"


def preset_totals(preset_id):
    from cnnstudio.core import summarize

    return summarize(preset(preset_id)).totals


def test_renaming_the_network_leaves_every_item_in_place(view, document):
    """Issue 7.4: renaming the network used to rebuild the whole scene."""
    scene = view.diagram_scene
    nodes, edges = dict(scene.nodes), dict(scene.edges)
    labels = {key: item.labels for key, item in nodes.items()}
    assert execute(document, RenameNetworkCommand(document.network, "My LeNet"))
    assert scene.nodes == nodes and all(scene.nodes[k] is nodes[k] for k in nodes)
    assert all(scene.edges[k] is edges[k] for k in edges)
    assert all(scene.nodes[k].labels is labels[k] for k in nodes)
    assert document.summary.name == "My LeNet"


def test_an_edit_relabels_only_the_layers_whose_numbers_changed(view, document):
    scene = view.diagram_scene
    labels = {key: item.labels for key, item in scene.nodes.items()}
    execute(document, SetParamCommand(document.network, node_id(document, "fc2"), "units", 50))
    changed = {
        document.network.node(k).name for k, item in scene.nodes.items() if item.labels is not labels[k]
    }
    assert changed == {"fc2", "tanh4", "fc3"}  # fc3's parameters depend on fc2's width
    assert scene.nodes[node_id(document, "fc2")].labels.summary == "50"


def test_the_scene_never_writes_the_network(qtbot, show_canvas):
    """Positions come from the core when a network is opened or a node added; the scene follows."""
    network = preset("googlenet")
    assert all(node.pos is None for node in network.nodes)
    document = Document(network)
    assert all(node.pos is not None for node in document.network.nodes)
    heard = []
    document.network.subscribe(heard.append)
    view = show_canvas(document)
    document.replace_network(preset("resnet18"))
    qtbot.waitUntil(lambda: not view.diagram_scene.building)
    assert [type(event).__name__ for event in heard] == ["NetworkReplaced"]
    heard.clear()
    assert execute(document, AddNodeCommand(document.network, "relu", inputs=(node_id(document, "fc"),)))
    added = document.network.nodes[-1]
    fc, softmax = document.network.find("fc"), document.network.find("softmax")
    assert added.pos[1] == fc.pos[1] + style.ROW_HEIGHT  # a row below its input,
    assert added.pos == (softmax.pos[0] + style.COLUMN_WIDTH, softmax.pos[1])  # beside what is there
    assert [type(event).__name__ for event in heard] == ["NodeAdded"]
    assert view.diagram_scene.nodes[added.id].pos().y() == added.pos[1]


def long_chain(layers: int) -> Network:
    network = Network(f"chain of {layers}")
    last = network.add_node("input", {"channels": 3, "height": 8, "width": 8}).id
    for _ in range(layers):
        last = network.add_node("relu", inputs=[last]).id
    return network


def test_a_long_network_is_drawn_a_slice_at_a_time_and_edits_meanwhile_are_kept(qtbot, view, document):
    """The window keeps answering while a big network opens: the scene is built between events."""
    scene = view.diagram_scene
    document.replace_network(long_chain(1_200))
    assert scene.building and len(scene.nodes) < len(document.network)
    first, last = document.network.nodes[0].id, document.network.nodes[-1].id
    assert execute(document, SetParamCommand(document.network, first, "height", 16))
    assert execute(document, RemoveNodeCommand(document.network, last))
    with qtbot.waitSignal(scene.network_placed, timeout=30_000):
        pass
    assert not scene.building
    assert set(scene.nodes) == {node.id for node in document.network.nodes}
    assert set(scene.edges) == set(document.network.edges())
    assert scene.nodes[document.network.nodes[-1].id].labels.shape == "16x8x3"


def test_moving_a_box_reroutes_only_the_edges_it_touches(qtbot, show_canvas):
    """A box moved out of a long shortcut's way: its own edges and the shortcut are rerouted,
    the other edges are left alone (each change costs what it touches, not the whole scene)."""
    network = Network("shortcut")
    ids = [network.add_node("input", pos=(0.0, 0.0)).id]
    for i, name in enumerate("abc", start=1):
        ids.append(network.add_node("relu", name=name, inputs=[ids[-1]], pos=(0.0, i * style.ROW_HEIGHT)).id)
    merge = network.add_node("add", inputs=[ids[-1], ids[0]], pos=(0.0, 4 * style.ROW_HEIGHT)).id
    document = Document(network)
    scene = show_canvas(document).diagram_scene
    shortcut = scene.edges[(ids[0], merge)]
    assert len(scene._blockers(shortcut, scene._corridors.rect(shortcut.key))) == 3  # a, b and c
    paths = {key: edge._path for key, edge in scene.edges.items()}
    b = ids[2]
    assert execute(document, MoveCommand(network, b, (3 * style.COLUMN_WIDTH, 2 * style.ROW_HEIGHT)))
    rerouted = {key for key, edge in scene.edges.items() if edge._path is not paths[key]}
    assert rerouted == {(ids[1], b), (b, ids[3]), (ids[0], merge)}
    assert len(scene._blockers(shortcut, scene._corridors.rect(shortcut.key))) == 2  # b is out of the way
