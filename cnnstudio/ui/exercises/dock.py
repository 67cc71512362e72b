"""The Exercise dock and the File menu's exercise entries.

:func:`install_exercises` adds the dock (beside the lessons, hidden until an exercise is
opened), File > Open Exercise… and File > Exercises (the ones that come with the app), and
keeps the exercise's language the same as the lessons panel's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ...teaching import ExerciseError, load_exercise, packaged_exercises
from ..language import lesson_language, ui_language
from ..lessons.dock import reveal_reading_dock
from ..lessons.links import follow_link
from .controller import ExerciseController
from .panel import ExercisePanel

if TYPE_CHECKING:
    from ..main_window import MainWindow


class ExerciseDock(QDockWidget):
    """The exercise panel in a dock.

    Attributes
    ----------
    panel : ExercisePanel
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ExercisesDock", "Exercise"), parent)
        self.setObjectName("exerciseDock")
        self.panel = ExercisePanel(lesson_language())
        self.setWidget(self.panel)

    def reveal(self) -> None:
        """Show the dock and bring its tab to the front (as wide as the lessons' dock comes)."""
        reveal_reading_dock(self)


def install_exercises(window: MainWindow) -> ExerciseController:
    """Add the Exercise dock and File > Open Exercise… / Exercises to *window*; returns the
    controller (``window.exercises``)."""
    dock = ExerciseDock(window)
    if not window.restoreDockWidget(dock):
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.tabifyDockWidget(window.lessons, dock)
        dock.hide()
    controller = ExerciseController(window, dock)
    lessons = window.lessons.panel
    dock.panel.set_language(lessons.language)
    lessons.language_changed.connect(controller.set_language)
    dock.panel.language_chosen.connect(lambda lang: lessons.set_language(lang, remember=True))
    dock.panel.link_activated.connect(lambda target: follow_link(window, target, window.lessons.show_lesson))
    _file_menu_entries(window, controller)
    window.view_menu().addAction(dock.toggleViewAction())
    return controller


def _file_menu_entries(window: MainWindow, controller: ExerciseController) -> None:
    menu = window.menu_actions["file_menu"].menu()
    before = window.recent_menu.menuAction()
    action = QAction(QCoreApplication.translate("ExercisesDock", "Open E&xercise…"), window)
    action.setStatusTip(
        QCoreApplication.translate(
            "ExercisesDock", "Open an exercise file (*.cnnstudio-exercise.json) and work on it"
        )
    )
    action.triggered.connect(lambda _checked=False: controller.open_dialog())
    menu.insertAction(before, action)
    window.menu_actions["open_exercise"] = action
    shipped = QMenu(QCoreApplication.translate("ExercisesDock", "Exerc&ises"), menu)
    menu.insertMenu(before, shipped)
    for path in packaged_exercises():
        try:
            exercise = load_exercise(path)
        except ExerciseError:
            continue
        item = shipped.addAction(exercise_menu_title(exercise))
        item.setStatusTip(exercise_status_tip(exercise))
        item.triggered.connect(lambda _checked=False, p=path: controller.open_path(p))
        window.menu_actions[f"exercise:{exercise.id}"] = item


def exercise_status_tip(exercise) -> str:
    """What the status bar says of an exercise's menu entry: its lesson and its id."""
    if exercise.lesson:
        text = QCoreApplication.translate("ExercisesDock", "An exercise of lesson {lesson} ({id})")
    else:
        text = QCoreApplication.translate("ExercisesDock", "An exercise ({id})")
    return text.format(lesson=exercise.lesson, id=exercise.id)


def exercise_menu_title(exercise) -> str:
    """An exercise's title in the File menu: in Korean the Korean one; in English both when they
    differ (the course is Korean, and so are many of its students)."""
    english, korean = exercise.title("en"), exercise.title("ko")
    if ui_language() == "ko" or korean == english:
        return exercise.title(ui_language())
    return f"{english}  ·  {korean}"


__all__ = ["ExerciseDock", "exercise_menu_title", "install_exercises"]
