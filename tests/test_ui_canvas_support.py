"""Helpers shared by the canvas, palette and inspector tests: real drops, drags and clicks.

Every gesture goes through the view's viewport as Qt events, the way a mouse delivers them.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cnnstudio.ui.canvas import CanvasView
from cnnstudio.ui.document import Document


def show_canvas(qtbot, document: Document) -> CanvasView:
    """A shown canvas of *document*, 900 x 700."""
    view = CanvasView(document)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def viewport_point(view: CanvasView, scene_pos: QPointF) -> QPoint:
    """Where *scene_pos* is on the viewport, scrolling it into sight first."""
    view.centerOn(scene_pos)
    return view.mapFromScene(scene_pos)


def drop(view: CanvasView, mime: QMimeData, scene_pos: QPointF) -> None:
    """Drag *mime* over the canvas and drop it at *scene_pos* (enter, move, drop events)."""
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


def drag(view: CanvasView, start: QPointF, end: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press the left button at scene point *start*, move in steps to *end*, release."""
    viewport = view.viewport()
    a = view.mapFromScene(start)
    b = view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, a)
    for i in range(1, 6):
        QTest.mouseMove(viewport, a + (b - a) * i / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, b)


def click(view: CanvasView, scene_pos: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A left click at *scene_pos*."""
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifiers, viewport_point(view, scene_pos))


def node_center(view: CanvasView, document: Document, name: str) -> QPointF:
    """Scene centre of the box of the layer called *name*."""
    return view.diagram_scene.nodes[document.network.find(name).id].scenePos()
