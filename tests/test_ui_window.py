"""The main window: its parts, presets, undo and redo, the status bar and the start page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QGraphicsView, QLabel, QMessageBox

from cnnstudio.core import LESSONS, PRESETS, preset
from cnnstudio.core.fileformat import load, save
from cnnstudio.ui import MainWindow
from cnnstudio.ui.layer_table import COLUMNS, NODE_ID_ROLE
from cnnstudio.ui.start_page import EmptyCard, LessonsCard, StartPage


def test_opens_lenet5_by_default_with_every_part_in_place(qtbot, make_window):
    window = make_window()
    assert isinstance(window, MainWindow)
    assert window.document.network.name == "LeNet-5" and window.document.summary.valid
    assert isinstance(window.findChild(QGraphicsView, "canvas"), QGraphicsView)
    assert window.centralWidget() is window.findChild(QGraphicsView, "canvas")
    for name, area in (
        ("palette", Qt.DockWidgetArea.LeftDockWidgetArea),
        ("inspector", Qt.DockWidgetArea.RightDockWidgetArea),
        ("layerTable", Qt.DockWidgetArea.BottomDockWidgetArea),
    ):
        part = window.findChild(object, name)
        assert part is not None, name
        dock = part.parent()
        while not isinstance(dock, QDockWidget):
            dock = dock.parent()
        assert window.dockWidgetArea(dock) == area, name


def test_opens_a_given_network(qtbot, make_window):
    window = make_window(preset("resnet50"))
    assert window.document.network.name == "ResNet-50"
    assert window.windowTitle().startswith("ResNet-50")
    assert "25,557,032" in window.network_status.text()  # torchvision's resnet50 parameter count


def test_every_preset_opens_valid_with_one_table_row_per_layer(qtbot, make_window):
    window = make_window()
    model = window.table.table_model
    for preset_id in PRESETS:
        window.menu_actions[f"preset:{preset_id}"].trigger()
        summary = window.document.summary
        assert window.document.network.name == preset(preset_id).name
        assert summary.valid, preset_id
        assert model.rowCount() == len(summary.rows) + 1, preset_id
        assert "✓ valid" in window.network_status.text(), preset_id


def test_presets_menu_is_grouped_by_lesson(qtbot, make_window):
    window = make_window()
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Presets")
    groups = [a for a in menu.actions() if a.menu() is not None]
    assert [g.text().split("  (")[0] for g in groups] == list(LESSONS)
    inception = next(g.menu() for g in groups if g.text().startswith("Inception"))
    texts = [a.text() for a in inception.actions()]
    assert any(t.startswith("GoogLeNet") for t in texts)
    assert any("인셉션 모듈" in t for t in texts)


def test_undo_and_redo_are_actions_with_the_standard_shortcuts(qtbot, make_window, set_param):
    window = make_window()
    undo, redo = window.menu_actions["undo"], window.menu_actions["redo"]
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert not undo.isEnabled()
    set_param(window.document, "fc1", "units", 100)
    assert undo.isEnabled()
    undo.trigger()
    assert window.document.network.find("fc1").params["units"] == 120
    redo.trigger()
    assert window.document.network.find("fc1").params["units"] == 100


def test_status_bar_shows_totals_validity_and_messages(qtbot, make_window, set_param):
    window = make_window(preset("conv5x5-naive"))
    assert "MACs 120,422,400" in window.network_status.text()
    window.toggles.flops.trigger()
    assert "FLOPs 240,844,800" in window.network_status.text()
    set_param(window.document, "conv", "kernel", 40)
    assert "1 problem" in window.network_status.text()
    window.document.status_message.emit("Cannot connect a layer to itself")
    assert window.statusBar().currentMessage() == "Cannot connect a layer to itself"


def test_table_rows_and_canvas_boxes_select_each_other(qtbot, make_window):
    window = make_window(preset("alexnet"))
    scene = window.canvas.diagram_scene
    conv3 = window.document.network.find("conv3").id
    window.table.setCurrentIndex(window.table.table_model.index_of_path("conv3", COLUMNS.index("macs")))
    assert scene.selected_node_ids() == [conv3]
    pool5 = window.document.network.find("pool5").id
    window.document.set_selection([pool5])  # scrolls the canvas to the box
    window.document.set_selection([])
    box = scene.nodes[pool5]
    point = window.canvas.mapFromScene(box.sceneBoundingRect().center())
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [i.data(NODE_ID_ROLE) for i in window.table.selectionModel().selectedRows()] == [pool5]
    assert window.table.currentIndex().data(NODE_ID_ROLE) == pool5


def test_select_layer_shows_the_formula_of_an_inner_layer(qtbot, make_window):
    window = make_window(preset("googlenet"))
    assert window.select_layer("inception_3a.5x5", "macs")
    assert window.document.selected_ids == [window.document.network.find("inception_3a").id]
    # 28x28x32 outputs, each a 5x5x16 window: the lecture's bottleneck 5x5 conv
    assert "28×28×32 × 5×5×16 = 10,035,200" in window.table_dock.formula_panel.text()
    assert not window.select_layer("no_such_layer")


def test_double_clicking_a_block_row_asks_to_open_it(qtbot, make_window):
    window = make_window(preset("resnet18"))
    block = window.table.table_model.index_of_path("layer1.0", COLUMNS.index("params"))
    with qtbot.waitSignal(window.table.open_block_requested) as opened:
        window.table.doubleClicked.emit(block)
    assert opened.args == [window.document.network.find("layer1.0").id]


def test_new_gives_an_untitled_network_with_only_an_input(qtbot, make_window):
    window = make_window()
    window.menu_actions["new"].trigger()
    assert window.document.network.name == "Untitled"
    assert [n.type for n in window.document.network.nodes] == ["input"]
    assert window.windowTitle().startswith("Untitled –")


def test_start_page_shows_every_preset_as_a_card_and_opens_one(qtbot, make_window):
    window = make_window()
    page = window.show_start_page()
    assert isinstance(page, StartPage)
    cards = page.cards()
    assert sorted(card.preset_id for card in cards) == sorted(PRESETS)
    naive = next(c for c in cards if c.preset_id == "conv5x5-naive")
    texts = [label.text() for label in naive.findChildren(QLabel)]
    assert "5x5 합성곱 (그대로)" in texts
    assert any("120.4 M MACs" in t for t in texts)
    qtbot.mouseClick(next(c for c in cards if c.preset_id == "resnet34"), Qt.MouseButton.LeftButton)
    assert window.document.network.name == "ResNet-34"
    assert not page.isVisible()


def test_start_page_choice_to_hide_it_is_remembered(qtbot, make_window):
    window = make_window()
    assert window.settings.show_start_page()
    page = window.show_start_page()
    page.show_at_start.setChecked(False)
    page.reject()
    assert not window.settings.show_start_page()


def test_training_dock_joins_the_table_and_the_view_menu(qtbot, make_window):
    window = make_window()
    panel = QLabel("training")
    panel.setObjectName("trainingPanel")
    dock = window.add_training_dock(panel)
    assert window.findChild(QLabel, "trainingPanel") is panel
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.toggleViewAction() in window.view_menu().actions()


def test_about_box_names_the_app(qtbot, monkeypatch, make_window):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append(text)))
    window = make_window()
    window.menu_actions["about"].trigger()
    assert "CNN Studio" in shown[0]


def test_first_paint_is_announced_once(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=3000):
        window.show()
    with qtbot.assertNotEmitted(window.first_painted, wait=50):
        window.update()
        window.repaint()


def test_a_network_opened_from_a_file_shows_the_file_name(qtbot, tmp_path, make_window):
    file = tmp_path / "my-alexnet.cnnstudio.json"
    save(preset("alexnet"), file)
    window = make_window(load(file), file)
    assert window.windowTitle().startswith("my-alexnet.cnnstudio.json –")
    assert window.document.path == file.resolve()


def test_view_menu_holds_the_table_toggles_and_the_docks(qtbot, make_window):
    window = make_window(preset("conv1x1"))
    actions = window.view_menu().actions()
    for action in (window.toggles.hwc, window.toggles.chw, window.toggles.macs, window.toggles.flops):
        assert action in actions
    assert window.table_dock.toggleViewAction() in actions
    window.toggles.chw.trigger()
    index = window.table.table_model.index_of_path("conv", COLUMNS.index("output_shape"))
    assert index.data() == "32x28x28"


def test_the_start_page_offers_an_empty_network(qtbot, make_window):
    window = make_window()
    page = window.show_start_page()
    card = page.findChild(EmptyCard)
    assert card is not None and "Empty network" in card.accessibleName()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert [n.type for n in window.document.network.nodes] == ["input"]
    assert window.document.network.name == "Untitled"
    assert not page.isVisible()


def test_the_start_page_opens_the_lessons_at_the_first(qtbot, make_window):
    window = make_window()
    assert not window.lessons.isVisible()
    page = window.show_start_page()
    card = page.findChild(LessonsCard)
    assert card is not None and card.accessibleName() == "Lessons"
    assert "7 lessons" in card.findChild(QLabel, "cardStats").text()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.lessons.isVisible)
    assert window.lessons.panel.lesson.id == "L01"
    assert not page.isVisible()
    assert window.document.network.name == "LeNet-5"  # the open network stays


def test_the_start_page_cards_flow_into_the_columns_its_width_holds(qtbot, make_window):
    page = make_window().show_start_page()
    page.resize(1280, 700)
    qtbot.waitUntil(lambda: page.columns() == 4)
    page.resize(620, 600)
    qtbot.waitUntil(lambda: page.columns() == 2)
    viewport = page.scroll.viewport()

    def all_in_view() -> bool:  # once the grids have laid the cards out again
        return all(
            card.mapTo(viewport, card.rect().topRight()).x() < viewport.width() for card in page.cards()
        )

    qtbot.waitUntil(all_in_view)


def test_help_lists_the_windows_keys_and_mouse_gestures(qtbot, make_window):
    window = make_window()
    menu = window.menu_actions["help_menu"].menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Keyboard and Mouse…",
        "&What Is Counted…",
        "&About CNN Studio",
    ]
    window.menu_actions["shortcuts"].trigger()
    page = window.findChild(QDialog, "shortcutsPage")
    qtbot.waitUntil(page.isVisible)
    text = page.text.toPlainText()
    for keys in ("Ctrl+Y", "Ctrl+Shift+Z", "Del", "Ctrl+0", "Ctrl+C"):
        assert keys in text, keys
    assert "Mouse wheel\tZoom in or out at the mouse" in text or "Zoom in or out at the mouse" in text
    assert "Redo what was undone" in text and "Zoom to Fit" in text
    lines = text.splitlines()
    redo = lines[lines.index("Redo what was undone") - 1]  # a table cell a line: the keys come first
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo
    assert not any(line.startswith(("Redo,", "Undo,")) or ", Redo" in line for line in lines)
    page.reject()


def test_help_says_what_is_counted(qtbot, make_window):
    window = make_window()
    window.menu_actions["counted"].trigger()
    page = window.findChild(QDialog, "countedPage")
    qtbot.waitUntil(page.isVisible)
    text = " ".join(page.text.toPlainText().split())
    assert "FLOPs = 2 × MACs" in text
    assert "ResNet-152 152" in text and "ResNet-152 156" in text
    page.reject()


def test_the_canvas_says_the_wheel_zooms_and_shows_the_zoom(qtbot, make_window):
    window = make_window()
    window.resize(1500, 900)
    hint = window.canvas.findChild(QLabel, "canvasZoomHint")
    qtbot.waitUntil(lambda: "Wheel zooms" in hint.text())
    assert hint.isVisible()
    window.canvas.set_zoom(0.5)
    assert hint.text().startswith("50%")
    window.canvas.set_zoom(1.25)
    assert hint.text().startswith("125%")
    assert window.canvas.viewport().geometry().contains(hint.geometry())
    window.resize(700, 500)  # a canvas too narrow for the sentence: the zoom alone
    qtbot.waitUntil(lambda: hint.text() == "125%")
    assert window.canvas.viewport().geometry().contains(hint.geometry())


def test_the_start_page_title_leaves_the_apps_name_to_the_desktop(make_window):
    # window systems append " — CNN Studio" (the application's display name) themselves
    page = make_window().show_start_page()
    assert page.windowTitle() == "Pick a network"
    page.close()
