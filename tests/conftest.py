"""Test set-up and the helpers tests share, as fixtures.

Qt runs offscreen, and every test gets a private home folder (``home``), so no test reads or
writes the real user's settings, recent files or autosave recovery files. The window and canvas
tests share fixtures that build real widgets and drive them with real Qt events (drops, drags,
clicks), the way a mouse delivers them.
"""

from __future__ import annotations

import os
import re

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest_plugins = ["support.training", "support.downloads"]  # shared fixtures (tests/support/)


@pytest.fixture(autouse=True)
def home(tmp_path_factory, monkeypatch):
    """A private home folder for the test (settings and recovery files land there)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    yield home
    QStandardPaths.setTestModeEnabled(False)


# -- windows ------------------------------------------------------------------------------------


@pytest.fixture
def make_window(qtbot):
    """Make a shown MainWindow (arguments as MainWindow's) that closes without a save prompt."""

    def make(network=None, path=None, **kwargs):
        from cnnstudio.ui import MainWindow

        window = MainWindow(network, path, **kwargs)
        qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def set_param():
    """Edit a layer's setting through the undo stack, as the inspector does."""
    from cnnstudio.ui.commands import SetParamCommand, execute

    def edit(document, layer: str, key: str, value) -> None:
        node = document.network.find(layer)
        assert execute(document, SetParamCommand(document.network, node.id, key, value))

    return edit


# -- the canvas and a mouse on it ---------------------------------------------------------------


@pytest.fixture
def show_canvas(qtbot):
    """Make a shown canvas (900 x 700) of a document."""

    def show(document):
        from cnnstudio.ui.canvas import CanvasView

        view = CanvasView(document)
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: not view.diagram_scene.building)
        return view

    return show


@pytest.fixture
def view_of(show_canvas):
    """A shown canvas of a preset (by id) or of a given network; returns ``(view, document)``."""

    def make(network):
        from cnnstudio.core import preset
        from cnnstudio.ui.document import Document

        document = Document(preset(network) if isinstance(network, str) else network)
        return show_canvas(document), document

    return make


@pytest.fixture
def viewport_point():
    """Where a scene point is on a view's viewport, scrolling it into sight first."""

    def point(view, scene_pos):
        view.centerOn(scene_pos)
        return view.mapFromScene(scene_pos)

    return point


@pytest.fixture
def drop(viewport_point):
    """Drag mime data over a canvas and drop it at a scene point (enter, move, drop events)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    def drop_at(view, mime, scene_pos) -> None:
        point = viewport_point(view, scene_pos)
        viewport = view.viewport()
        buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
        QApplication.sendEvent(viewport, enter)
        assert enter.isAccepted(), "the canvas refused the drag"
        move = QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
        QApplication.sendEvent(viewport, move)
        event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers)
        QApplication.sendEvent(viewport, event)

    return drop_at


@pytest.fixture
def drag():
    """Press the left button at one scene point, move in steps to another, release."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def drag_between(view, start, end, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        viewport = view.viewport()
        a, b = view.mapFromScene(start), view.mapFromScene(end)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, a)
        for i in range(1, 6):
            QTest.mouseMove(viewport, a + (b - a) * i / 5)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, b)

    return drag_between


@pytest.fixture
def click(viewport_point):
    """A left click at a scene point of a view."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def click_at(view, scene_pos, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, modifiers, viewport_point(view, scene_pos)
        )

    return click_at


@pytest.fixture
def node_center():
    """The scene centre of the box of a layer, by name."""

    def center(view, document, name: str):
        return view.diagram_scene.nodes[document.network.find(name).id].scenePos()

    return center


# --- training: the device, and the panel's warm-up ---------------------------------------------


def pytest_addoption(parser):
    parser.addoption(
        "--fake-cuda",
        action="store_true",
        help="make torch report a CUDA GPU (none is usable): checks that no test assumes the CPU "
        "where the device is 'auto'",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "cuda: needs a real CUDA GPU (skipped elsewhere)")
    config.addinivalue_line(
        "markers", "idle_warm_up: the training panel loads PyTorch when the window is idle"
    )


@pytest.fixture(scope="session", autouse=True)
def _fake_cuda(request):
    """With --fake-cuda, torch says a CUDA GPU is there for the whole run."""
    if not request.config.getoption("--fake-cuda"):
        yield False
        return
    import torch

    patch = pytest.MonkeyPatch()
    patch.setattr(torch.cuda, "is_available", lambda: True)
    patch.setattr(torch.cuda, "device_count", lambda: 1)
    patch.setattr(torch.cuda, "get_device_name", lambda *args: "Fake GPU")
    yield True
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def _cpu_for_auto(_fake_cuda):
    """Pins training to the CPU where a test leaves the device on "auto", for the whole run
    (module fixtures included): a GPU machine, or --fake-cuda, must not change what a general
    test does. Tests marked ``cuda`` undo the pin (see :func:`training_device`)."""
    from cnnstudio.training import device

    real = {"cuda_available": device.cuda_available, "mps_available": device.mps_available}
    patch = pytest.MonkeyPatch()
    patch.setattr(device, "cuda_available", lambda: False)
    patch.setattr(device, "mps_available", lambda: False)
    yield real
    patch.undo()


@pytest.fixture(autouse=True)
def training_device(request, monkeypatch, _fake_cuda, _cpu_for_auto):
    """The device "auto" means in this test: "cpu", or "cuda" in tests marked ``cuda``, which
    see the real devices and are skipped where there is no CUDA GPU (or only a fake one)."""
    if request.node.get_closest_marker("cuda") is None:
        return "cpu"
    import torch

    if _fake_cuda or not torch.cuda.is_available():
        pytest.skip("needs a CUDA GPU")
    from cnnstudio.training import device

    for name, function in _cpu_for_auto.items():
        monkeypatch.setattr(device, name, function)
    return "cuda"


@pytest.fixture(autouse=True)
def _training_panel_waits_for_its_tab(request, monkeypatch):
    """The training panel loads PyTorch only when its tab is shown, unless a test is marked
    ``idle_warm_up``: windows in other tests must not start a worker thread on their own."""
    if request.node.get_closest_marker("idle_warm_up") is None:
        from cnnstudio.ui.training.panel import TrainingPanel

        monkeypatch.setattr(TrainingPanel, "idle_warm_up_ms", None)


# -- languages ----------------------------------------------------------------------------------


@pytest.fixture
def korean(qapp):
    """The interface in Korean for this test (the app's and Qt's translations installed before
    any widget is built), English again after it."""
    from cnnstudio.ui.language import install_translators, set_session_language

    set_session_language("ko")  # as `cnnstudio --lang ko` does: the lessons follow the app
    assert install_translators("ko", qapp) == "ko", "resources/translations/cnnstudio_ko.qm did not load"
    yield
    install_translators("en", qapp)
    set_session_language(None)


@pytest.fixture
def untranslated_texts():
    """``untranslated_texts(widget_or_menu, names=(), skip=())``: the visible texts under a
    widget or menu that are not translated: no Hangul in them, and more than the terms kept in
    English (:data:`cnnstudio.ui.terms.KEPT_IN_ENGLISH`), numbers, shapes and punctuation.

    It reads menus (titles, entries, status tips; submenus too, each filled as it is about to
    show), and every widget under a widget that would be visible with it: window and dock
    titles, labels, buttons, group boxes, tab titles, combo boxes' items, placeholders, text
    views (as a whole), tooltips, item views' headers and cells and their tooltips, and the
    tooltips of a canvas's items. *names* are the user's own words shown (layer and network names); *skip* holds
    widgets, menus or actions, or object names, to leave out with everything under them (a
    menu left with nothing to read is left out too).
    """
    return _untranslated_texts


HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
NUMBERS_AND_SHAPES = re.compile(
    r"\d[\d,.]*(?:\s?[x×]\s?\d[\d,.]*)*(?:\s?(?:[KMG]|px|%))?(?![A-Za-z])|(?<![A-Za-z])[x×](?![A-Za-z])"
)


def _untranslated_texts(root, names=(), skip=()) -> list[str]:
    from cnnstudio.ui.terms import KEPT_IN_ENGLISH

    words = sorted({*KEPT_IN_ENGLISH, *names}, key=len, reverse=True)
    kept = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z])")

    def untranslated(text: str) -> bool:
        if HANGUL.search(text):
            return False
        rest = NUMBERS_AND_SHAPES.sub(" ", kept.sub(" ", text))
        return re.search(r"[A-Za-z]", rest) is not None

    return [text for text in dict.fromkeys(_visible_texts(root, skip)) if untranslated(text)]


def _skipped(thing, skip) -> bool:
    return thing in skip or (bool(thing.objectName()) and thing.objectName() in skip)


def _plain(text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    if re.search(r"<[A-Za-z/][^>]*>", text):  # rich text: what it reads as
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = re.sub(r"\(&\w\)", "", text)  # a Korean accelerator: 파일(&F)
    return re.sub(r"&(?=\w)", "", text.replace("&&", "\0")).replace("\0", "&").strip()  # &File


def _visible_texts(root, skip) -> list[str]:
    from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

    if isinstance(root, (QMenu, QMenuBar)):
        texts = _menu_texts(root, skip)
        return [_plain(t) for t in texts if t and _plain(t)]
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if _skipped(widget, skip) or any(_skipped(a, skip) for a in _ancestors(widget, root)):
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts += _widget_texts(widget, skip)
    return [_plain(t) for t in texts if t and _plain(t)]


def _ancestors(widget, root):
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        yield parent
        parent = parent.parentWidget()


def _menu_texts(menu, skip) -> list[str]:
    from PySide6.QtWidgets import QMenu

    texts = []
    if isinstance(menu, QMenu):
        menu.aboutToShow.emit()  # menus filled as they open (Open Recent)
    for action in menu.actions():
        if action.isSeparator() and not action.text():
            continue
        if _skipped(action, skip) or (action.menu() is not None and _skipped(action.menu(), skip)):
            continue
        if action.menu() is not None:
            inner = _menu_texts(action.menu(), skip)
            if not inner:
                continue  # every entry belongs elsewhere
            texts += [action.text(), *inner]
        elif action.isVisible():
            texts += [action.text(), action.statusTip()]
    return texts


def _widget_texts(widget, skip) -> list[str]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QDockWidget,
        QGraphicsView,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabBar,
        QTextEdit,
    )

    texts = [widget.toolTip(), widget.accessibleName()]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        texts.append(widget.windowTitle())
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTextEdit):
        texts += [widget.toPlainText(), widget.placeholderText()]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += _model_texts(widget)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        texts += [item.toolTip() for item in widget.scene().items() if item.isVisible()]
    return texts


def _model_texts(view) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt

    model = view.model()
    texts = []
    for orientation in (Qt.Orientation.Horizontal,):
        for section in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    texts.append(value)

    def rows(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        texts.append(value)
            if depth < 2:
                rows(model.index(row, 0, parent), depth + 1)

    rows(QModelIndex(), 0)
    return texts
