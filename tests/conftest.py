"""Test set-up and the helpers tests share, as fixtures.

Qt runs offscreen, and every test gets a private home folder (``home``), so no test reads or
writes the real user's settings, recent files or autosave recovery files. The window and canvas
tests share fixtures that build real widgets and drive them with real Qt events (drops, drags,
clicks), the way a mouse delivers them.
"""

from __future__ import annotations

import os

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
