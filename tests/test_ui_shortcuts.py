"""Keyboard shortcuts work wherever the student's focus is in the window (issue 8, items 1-2).

The keys are pressed on the widget that has the focus, as a keyboard delivers them: Qt first
offers a key to the focused widget as a shortcut override, then to the window's shortcuts.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox

from cnnstudio.core import preset
from cnnstudio.ui.layer_table import COLUMNS


def focus_table_row(qtbot, window, layer: str) -> None:
    """Click *layer*'s row in the table, so the table has the focus and the layer is selected."""
    table = window.table
    index = table.table_model.index_of_path(layer, COLUMNS.index("params"))
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert window.document.selected_ids == [window.document.network.find(layer).id]


def test_delete_removes_a_layer_selected_in_the_table_with_the_focus_there(qtbot, make_window):
    window = make_window(preset("lenet5"))
    focus_table_row(qtbot, window, "tanh2")
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.document.network.find("tanh2") is None
    assert window.document.network.find("flatten").inputs == [window.document.network.find("pool2").id]


def test_zoom_keys_work_with_the_focus_in_the_table(qtbot, make_window):
    window = make_window(preset("lenet5"))
    focus_table_row(qtbot, window, "conv1")
    before = window.canvas.zoom
    qtbot.keyClick(window.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.zoom > before
    zoomed = window.canvas.zoom
    qtbot.keyClick(window.table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.zoom < zoomed
    window.canvas.set_zoom(2.5)
    qtbot.keyClick(window.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.zoom < 2.5  # fitted to the window


def test_copy_and_paste_work_with_the_focus_in_the_table(qtbot, make_window):
    window = make_window(preset("lenet5"))
    focus_table_row(qtbot, window, "fc2")
    count = len(window.document.network)
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.network) == count + 1


def test_delete_inside_a_text_field_edits_the_text_not_the_network(qtbot, make_window):
    window = make_window(preset("lenet5"))
    focus_table_row(qtbot, window, "fc2")
    name = window.inspector.findChild(object, "layerName")
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    name.setCursorPosition(0)
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    assert name.text() == "c2"
    assert window.document.network.find("fc2") is not None


def test_redo_answers_ctrl_y_and_ctrl_shift_z(qtbot, make_window, set_param):
    window = make_window(preset("lenet5"))
    redo = window.menu_actions["redo"]
    assert QKeySequence("Ctrl+Y") in redo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    assert redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)  # the platform's first
    texts = [key.toString() for key in redo.shortcuts()]
    assert len(texts) == len(set(texts))  # no key twice (Qt would call it ambiguous and do nothing)
    focus_table_row(qtbot, window, "fc1")
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for keys in ((Qt.Key.Key_Y, ctrl), (Qt.Key.Key_Z, ctrl | shift)):
        set_param(window.document, "fc1", "units", 100)
        window.menu_actions["undo"].trigger()
        assert window.document.network.find("fc1").params["units"] == 120
        qtbot.keyClick(window.table, *keys)
        assert window.document.network.find("fc1").params["units"] == 100
        window.menu_actions["undo"].trigger()


def test_no_two_of_the_windows_actions_share_a_key(make_window):
    # Qt fires neither of two actions bound to one key ("ambiguous shortcut")
    window = make_window(preset("lenet5"))
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    assert {key: texts for key, texts in owners.items() if len(texts) > 1} == {}


def test_f1_opens_the_lessons_and_ctrl_slash_the_keys_page(qtbot, make_window):
    window = make_window(preset("lenet5"))
    window.lessons.hide()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    qtbot.waitUntil(window.lessons.isVisible)
    assert window.menu_actions["shortcuts"].shortcut() == QKeySequence("Ctrl+/")


def focus_kernel_box(qtbot, window) -> QAbstractSpinBox:
    """Select conv1 and put the focus in the inspector's box of its kernel size."""
    focus_table_row(qtbot, window, "conv1")
    find = lambda: window.inspector.findChild(QAbstractSpinBox, "param_kernel")  # noqa: E731
    qtbot.waitUntil(lambda: find() is not None and find().isVisible())
    box = find()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return box


def test_ctrl_z_in_a_number_box_after_enter_undoes_the_edit(qtbot, make_window):
    # the box's line edit claimed Ctrl+Z even with nothing of its own to undo: nothing happened
    window = make_window(preset("lenet5"))
    box = focus_kernel_box(qtbot, window)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(box, Qt.Key.Key_A, ctrl)
    qtbot.keyClicks(box, "3")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    kernel = lambda: window.document.network.find("conv1").params["kernel"]  # noqa: E731
    assert kernel() == 3 and box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Z, ctrl)
    assert kernel() == 5 and box.text() == "5"
    qtbot.keyClick(box, Qt.Key.Key_Z, ctrl | shift)
    assert kernel() == 3
    qtbot.keyClick(box, Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(box, Qt.Key.Key_Y, ctrl)
    assert kernel() == 3


def test_ctrl_z_while_typing_in_a_number_box_takes_back_the_typing(qtbot, make_window):
    window = make_window(preset("lenet5"))
    box = focus_kernel_box(qtbot, window)
    box.lineEdit().setCursorPosition(1)
    qtbot.keyClicks(box, "1")
    assert box.text() == "51"
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == "5"
    assert window.document.undo_stack.count() == 0  # nothing was committed, nothing undone


def _shared_access_keys(menu, path=()) -> list:
    """Entries of one menu (and of its submenus) that share an Alt access key."""
    keys: dict[str, list[str]] = {}
    shared = []
    for action in menu.actions():
        found = re.search(r"&(\w)", action.text().replace("&&", ""))
        if found:
            keys.setdefault(found.group(1).lower(), []).append(action.text())
        if action.menu() is not None:
            action.menu().aboutToShow.emit()  # menus filled as they open (Open Recent)
            shared += _shared_access_keys(action.menu(), (*path, action.text()))
    return shared + [(path, key, texts) for key, texts in keys.items() if len(texts) > 1]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_two_entries_of_a_menu_share_an_access_key(lang, request, make_window):
    # Alt+letter only cycles between entries that share it (파일(&F) in Korean keeps the letter)
    if lang == "ko":
        request.getfixturevalue("korean")
    window = make_window(preset("lenet5"))
    assert _shared_access_keys(window.menuBar()) == []


def test_select_layer_selects_whatever_keys_are_held(qtbot, make_window):
    # Ctrl held (or left so by a key event) made setCurrentIndex toggle the row: deselected
    window = make_window(preset("lenet5"))
    qtbot.keyPress(window.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        assert window.select_layer("conv2", "params")
        assert window.document.selected_ids == [window.document.network.find("conv2").id]
        assert window.table.selectionModel().isRowSelected(window.table.currentIndex().row())
    finally:
        qtbot.keyRelease(window.table, Qt.Key.Key_Control)
