"""An exercise's locked layers are marked on the canvas: a padlock on the box, and the box's
tooltip says the exercise locked it; ending the exercise takes the padlocks away."""

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from cnnstudio.ui import style
from cnnstudio.ui.language import install_translators

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def badge_pixels(item) -> int:
    """How many pixels of the padlock's colour the box has around its lock badge."""
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    center = item.lock_badge_center()
    painter.translate(QPointF(20, 20) - center)  # the badge in the middle of the image
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    wanted = QColor(style.LOCKED_LAYER)
    return sum(
        1
        for x in range(40)
        for y in range(40)
        if _near(image.pixelColor(x, y), wanted) and QRectF(10, 10, 20, 20).contains(x, y)
    )


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_locked_layers_wear_a_padlock_and_say_why(window, open_shipped):
    exercise = open_shipped(window, "cut-5x5-cost")
    assert exercise.locked == ("conv",)
    scene = window.canvas.diagram_scene
    conv = window.document.network.find("conv").id
    locked = scene.nodes[conv]
    assert locked.labels.locked == "The exercise locks conv: it must stay as it is"
    assert "The exercise locks conv: it must stay as it is" in locked.tooltip()
    others = [item for node_id, item in scene.nodes.items() if node_id != conv]
    assert others and all(not item.labels.locked for item in others)
    assert all("locks" not in item.tooltip() for item in others)
    assert badge_pixels(locked) > 20
    assert all(badge_pixels(item) == 0 for item in others)


def test_ending_the_exercise_takes_the_padlocks_away(window, qtbot, open_shipped):
    open_shipped(window, "cut-5x5-cost")
    scene = window.canvas.diagram_scene
    conv = window.document.network.find("conv").id
    assert scene.nodes[conv].labels.locked
    with qtbot.waitSignal(window.document.locked_layers_changed):
        window.exercises.end()
    assert not scene.nodes[conv].labels.locked and badge_pixels(scene.nodes[conv]) == 0
    assert "locks" not in scene.nodes[conv].tooltip()


def test_a_padlock_beside_an_error_badge_does_not_hide_it(window, open_shipped):
    open_shipped(window, "cut-5x5-cost")
    item = window.canvas.diagram_scene.nodes[window.document.network.find("conv").id]
    alone = item.lock_badge_center()
    item.labels.errors = ["an error"]  # what the scene shows when the analysis finds one
    assert item.lock_badge_center().x() < alone.x() - 18  # moved left, clear of the "!"


@pytest.fixture
def korean(qapp):
    """The shipped Korean translation installed for the test, removed after it."""
    assert install_translators("ko") == "ko"
    yield
    install_translators("en")


def test_the_padlocks_reason_in_korean(korean, make_window, open_shipped):
    window = make_window(remember_layout=False)
    open_shipped(window, "cut-5x5-cost")
    item = window.canvas.diagram_scene.nodes[window.document.network.find("conv").id]
    assert item.labels.locked == "연습 문제가 conv 층을 잠가 두었습니다. 그대로 두어야 합니다"
    assert item.labels.locked in item.tooltip()
