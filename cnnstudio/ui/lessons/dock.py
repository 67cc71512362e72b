"""The Lessons dock and its place in the main window.

:func:`install_lessons` adds the dock (hidden until asked for: View > Lessons, Help > Lessons),
connects the panel's links and buttons to the window (:func:`.links.follow_link`), and shows
what a link does in the status bar while the mouse is over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from ..document import Document
from .links import describe, follow_link
from .panel import LessonsPanel

if TYPE_CHECKING:
    from ..main_window import MainWindow

READING_WIDTH = 460
"""The width the dock takes when it first comes into view (a line of a lesson reads well)."""


class LessonsDock(QDockWidget):
    """The lessons panel in a dock.

    Attributes
    ----------
    panel : LessonsPanel
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LessonsDock", "Lessons"), parent)
        self.setObjectName("lessonsDock")
        self.panel = LessonsPanel(document)
        self.setWidget(self.panel)

    def show_lesson(self, lesson_id: str | None = None) -> bool:
        """Bring the dock into view, at lesson *lesson_id* (the one shown when None)."""
        shown = True if lesson_id is None else self.panel.show_lesson(lesson_id)
        reveal_reading_dock(self)
        return shown


def reveal_reading_dock(dock: QDockWidget) -> None:
    """Show *dock* and bring its tab to the front; a dock coming into view docked beside the
    canvas is widened to a comfortable reading width (a third of the window at most)."""
    coming_into_view = dock.isHidden() or dock.visibleRegion().isEmpty()
    dock.show()
    dock.raise_()
    window = dock.parent()
    if coming_into_view and hasattr(window, "resizeDocks") and not dock.isFloating():
        width = min(READING_WIDTH, max(window.width() // 3, 300))
        if dock.width() < width:
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)


def install_lessons(window: MainWindow) -> LessonsDock:
    """Add the Lessons dock to *window*, right of the inspector, hidden until asked for."""
    dock = LessonsDock(window.document, window)
    if not window.restoreDockWidget(dock):  # where the user left it last time, if known
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.splitDockWidget(window.inspector_dock, dock, Qt.Orientation.Horizontal)
        dock.hide()
    panel = dock.panel
    panel.link_activated.connect(lambda target: follow_link(window, target, dock.show_lesson))
    panel.link_hovered.connect(lambda target: _hover(window, target))
    panel.preset_requested.connect(window.files.open_preset)
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("LessonsDock", "&Lessons"))
    toggle.setShortcut("F1")
    toggle.setStatusTip(
        QCoreApplication.translate(
            "LessonsDock", "Read the lessons and do their Try it steps beside the network"
        )
    )
    window.view_menu().addAction(toggle)
    window.menu_actions["lessons"] = toggle
    return dock


def _hover(window: MainWindow, target: str) -> None:
    if target:
        window.statusBar().showMessage(describe(target))
    else:
        window.statusBar().clearMessage()


__all__ = [
    "LessonsDock",
    "install_lessons",
    "reveal_reading_dock",
]
