"""The main window's menus: File, Edit, View, Presets and Help.

:func:`build_menus` fills the menu bar from the window's parts and returns the actions by
name, so tests and other code can trigger them (``menu_actions["save"].trigger()``).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from .. import __version__
from ..core import LESSONS, PRESETS
from .exports import FORMATS
from .help import HELP_TEXT, counted_page, shortcuts_page
from .interop_exports import add_export_actions
from .language_menu import add_language_menu
from .terms import lesson_group_title, preset_description, preset_menu_title

if TYPE_CHECKING:
    from .main_window import MainWindow


REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


def _action(parent: QObject, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Fill *window*'s menu bar; returns every action it made, by name."""
    actions: dict[str, QAction] = {}
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    _presets_menu(window, actions)
    _help_menu(window, actions)
    return actions


def _file_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    files = window.files
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&File"))
    menu.setObjectName("fileMenu")  # found by name, whatever the language
    actions["file_menu"] = menu.menuAction()
    Key = QKeySequence.StandardKey
    actions["new"] = _action(
        window,
        QCoreApplication.translate("Menus", "&New"),
        files.new_network,
        Key.New,
        QCoreApplication.translate("Menus", "Start an empty network"),
    )
    actions["open"] = _action(
        window,
        QCoreApplication.translate("Menus", "&Open…"),
        files.open_dialog,
        Key.Open,
        QCoreApplication.translate("Menus", "Open a network file"),
    )
    actions["start_page"] = _action(
        window,
        QCoreApplication.translate("Menus", "Case studies…"),
        window.show_start_page,
        "Ctrl+Shift+N",
        QCoreApplication.translate("Menus", "Pick one of the lessons' networks"),
    )
    actions["save"] = _action(
        window,
        QCoreApplication.translate("Menus", "&Save"),
        files.save,
        Key.Save,
        QCoreApplication.translate("Menus", "Save the network"),
    )
    actions["save_as"] = _action(
        window,
        QCoreApplication.translate("Menus", "Save &As…"),
        files.save_as,
        Key.SaveAs,
        QCoreApplication.translate("Menus", "Save under a new name"),
    )
    menu.addActions([actions["new"], actions["open"], actions["start_page"]])
    window.recent_menu = menu.addMenu(QCoreApplication.translate("Menus", "Open &Recent"))
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window, window.recent_menu))
    menu.addSeparator()
    menu.addActions([actions["save"], actions["save_as"]])
    export_menu = menu.addMenu(QCoreApplication.translate("Menus", "&Export"))
    for kind, export_format in FORMATS.items():
        actions[f"export_{kind}"] = _action(
            window, export_format.menu_text(), lambda k=kind: window.exporter.ask_and_export(k)
        )
        export_menu.addAction(actions[f"export_{kind}"])
    window.interop_exporter = add_export_actions(window, export_menu, actions)  # code, ONNX, script, LaTeX
    menu.addSeparator()
    actions["quit"] = _action(
        window,
        QCoreApplication.translate("Menus", "&Quit"),
        window.close,
        Key.Quit,
        QCoreApplication.translate("Menus", "Close CNN Studio"),
    )
    menu.addAction(actions["quit"])


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    recent = window.files.recent_files()
    for i, path in enumerate(recent, start=1):
        action = menu.addAction(f"&{i % 10}  {path.name}")
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: window.files.open_path(p))
    if not recent:
        menu.addAction(QCoreApplication.translate("Menus", "No recent files")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("Menus", "Clear the list"))
    clear.setEnabled(bool(recent))
    clear.triggered.connect(window.files.clear_recent)


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, then Ctrl+Y and Ctrl+Shift+Z: students expect both everywhere."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), *map(QKeySequence, REDO_KEYS)]:
        if key not in keys:
            keys.append(key)
    return keys


def _edit_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&Edit"))
    menu.setObjectName("editMenu")  # found by name, whatever the language
    actions["undo"] = _history_action(window, redo=False)
    actions["undo"].setShortcut(QKeySequence.StandardKey.Undo)
    actions["redo"] = _history_action(window, redo=True)
    actions["redo"].setShortcuts(redo_keys())
    actions["undo"].setProperty(HELP_TEXT, QCoreApplication.translate("Menus", "Undo the last edit"))
    actions["redo"].setProperty(HELP_TEXT, QCoreApplication.translate("Menus", "Redo what was undone"))
    menu.addActions([actions["undo"], actions["redo"]])
    menu.addSeparator()
    menu.addActions(window.canvas.edit_actions())


def _history_action(window: MainWindow, redo: bool) -> QAction:
    """Undo (or Redo) naming the edit it takes back ("Undo Add Conv2d"), in the app's language."""
    stack = window.document.undo_stack
    action = QAction(window)

    def show(edit: str) -> None:
        if redo:
            action.setText(
                QCoreApplication.translate("Menus", "&Redo {edit}").format(edit=edit)
                if edit
                else QCoreApplication.translate("Menus", "&Redo")
            )
        else:
            action.setText(
                QCoreApplication.translate("Menus", "&Undo {edit}").format(edit=edit)
                if edit
                else QCoreApplication.translate("Menus", "&Undo")
            )

    (stack.redoTextChanged if redo else stack.undoTextChanged).connect(show)
    (stack.canRedoChanged if redo else stack.canUndoChanged).connect(action.setEnabled)
    action.triggered.connect(stack.redo if redo else stack.undo)
    show(stack.redoText() if redo else stack.undoText())
    action.setEnabled(stack.canRedo() if redo else stack.canUndo())
    return action


def _view_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&View"))
    menu.setObjectName("viewMenu")  # found by name, whatever the language
    actions["view_menu"] = menu.menuAction()
    toggles = window.toggles
    menu.addSection(QCoreApplication.translate("Menus", "Shapes"))
    menu.addActions([toggles.hwc, toggles.chw])
    menu.addSection(QCoreApplication.translate("Menus", "Operations"))
    menu.addActions([toggles.macs, toggles.flops])
    actions.update(shapes_hwc=toggles.hwc, shapes_chw=toggles.chw, count_macs=toggles.macs)
    actions["count_flops"] = toggles.flops
    menu.addSeparator()
    menu.addActions(window.canvas.view_actions())
    menu.addSeparator()
    actions["language_menu"] = add_language_menu(window, menu)
    menu.addSeparator()
    for dock in window.docks():
        menu.addAction(dock.toggleViewAction())


def _presets_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&Presets"))
    menu.setObjectName("presetsMenu")  # found by name, whatever the language
    for lesson in LESSONS:
        submenu = menu.addMenu(lesson_group_title(lesson))
        for entry in PRESETS.values():
            if entry.lesson != lesson:
                continue
            action = _action(
                window,
                preset_menu_title(entry),
                lambda pid=entry.id: window.files.open_preset(pid),
                tip=preset_description(entry),
            )
            actions[f"preset:{entry.id}"] = action
            submenu.addAction(action)
    menu.addSeparator()
    menu.addAction(actions["start_page"])


def _help_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&Help"))
    menu.setObjectName("helpMenu")  # found by name, whatever the language
    actions["help_menu"] = menu.menuAction()
    actions["shortcuts"] = _action(
        window,
        QCoreApplication.translate("Menus", "&Keyboard and Mouse…"),
        lambda: shortcuts_page(_shortcut_actions(window), window).open(),
        "Ctrl+/",  # F1 opens the lessons (View > Lessons): one key, one action
        QCoreApplication.translate("Menus", "Every key and mouse gesture the window knows"),
    )
    actions["counted"] = _action(
        window,
        QCoreApplication.translate("Menus", "&What Is Counted…"),
        lambda: counted_page(window).open(),
        tip=QCoreApplication.translate(
            "Menus", "What the parameters, MACs, other ops, activations and weight layers count"
        ),
    )
    actions["about"] = _action(
        window,
        QCoreApplication.translate("Menus", "&About CNN Studio"),
        lambda: _about(window),
        tip=QCoreApplication.translate("Menus", "The version and what the app is for"),
    )
    menu.addActions([actions["shortcuts"], actions["counted"]])
    menu.addSeparator()
    menu.addAction(actions["about"])


def _shortcut_actions(window: MainWindow) -> list[QAction]:
    """Every action in the window's menus, in menu order (submenus included)."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action not in found:
                found.append(action)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return found


def _about(window: MainWindow) -> None:
    text = QCoreApplication.translate(
        "Menus",
        "Build the classic convolutional networks of the case-study lessons (LeNet-5, AlexNet, "
        "VGG, ResNet, 1x1 convolutions, Inception), see every layer's shape and cost with the "
        "arithmetic behind it, and train them.",
    )
    QMessageBox.about(
        window,
        QCoreApplication.translate("Menus", "About CNN Studio"),
        f"<h3>CNN Studio {__version__}</h3><p>{escape(text)}</p>",
    )


__all__ = ["build_menus", "redo_keys"]
