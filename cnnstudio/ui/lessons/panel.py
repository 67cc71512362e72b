"""The lessons panel: pick a lesson and a language, read it, and do its "Try it" steps.

The language box chooses the language of the lessons' own text (and the exercises'); the
panel's words around it (tooltips, buttons, what a step still lacks) are the app's, through
Qt's translations (contexts ``Lessons...``).

At the top, the lesson (L01-L07) and the language the lessons are shown in; below, the lesson's
text (:mod:`.rendering`) and, under it, its steps as a live checklist (:mod:`.steps`). The
panel only shows: what a link or a step's button asks for goes out as a signal, for the window
to do (:mod:`.links`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...teaching import Catalog, Lesson, load_catalog
from .. import style
from ..document import Document
from ..language import LANGUAGE_NAMES, core_text, lesson_language, set_lesson_language
from .rendering import RenderedLesson, lesson_document
from .steps import StepList

CONTEXT = "LessonsPanel"
NO_LESSONS = QT_TRANSLATE_NOOP("LessonsPanel", "No lessons could be read.")


class LessonsPanel(QWidget):
    """Lessons in English or Korean, with their steps checked against the open network.

    Parameters
    ----------
    document : Document
        The open network the steps are checked against.

    Attributes
    ----------
    lesson : Lesson or None
        The lesson shown.
    language : str
        ``"en"`` or ``"ko"``.
    browser : QTextBrowser
        The lesson's text.
    steps : StepList
        Its "Try it" steps.

    Signals
    -------
    link_activated(str)
        A link in the lesson was clicked (its target, as written: ``preset:lenet5``).
    link_hovered(str)
        The mouse is over a link (its target; "" when it leaves).
    preset_requested(str)
        A step's "Start from" button was pressed (the preset id).
    lesson_changed(str)
        Another lesson (its id) or language is shown.
    language_changed(str)
        The lessons are shown in another language (``"en"`` or ``"ko"``).
    """

    link_activated = Signal(str)
    link_hovered = Signal(str)
    preset_requested = Signal(str)
    lesson_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonsPanel")
        self.document = document
        self.language = lesson_language()
        self.lesson: Lesson | None = None
        self._catalogs: dict[str, Catalog] = {}
        self._rendered: RenderedLesson | None = None
        self._build()
        self.set_language(self.language)

    # -- parts --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.lesson_box = QComboBox()
        self.lesson_box.setObjectName("lessonChooser")
        self.lesson_box.setToolTip(QCoreApplication.translate("LessonsPanel", "Choose a lesson"))
        self.lesson_box.activated.connect(lambda index: self.show_lesson(self.lesson_box.itemData(index)))
        self.language_box = QComboBox()
        self.language_box.setObjectName("lessonLanguage")
        self.language_box.setToolTip(
            QCoreApplication.translate("LessonsPanel", "The language lessons and exercises are shown in")
        )
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(
            lambda index: self.set_language(self.language_box.itemData(index), remember=True)
        )
        previous_tip = QCoreApplication.translate("LessonsPanel", "Previous lesson")
        self.previous_button = self._arrow(Qt.ArrowType.LeftArrow, previous_tip, -1)
        self.next_button = self._arrow(
            Qt.ArrowType.RightArrow, QCoreApplication.translate("LessonsPanel", "Next lesson"), 1
        )
        self.problems = QLabel()
        self.problems.setObjectName("lessonProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(style.PROBLEM_LIST)
        self.problems.hide()
        self.browser = QTextBrowser()
        self.browser.setObjectName("lessonText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.browser.highlighted.connect(lambda url: self.link_hovered.emit(url.toString()))
        self.steps = StepList(self.document)
        self.steps.start_requested.connect(self.preset_requested)
        self.steps.link_activated.connect(self.link_activated)
        self._lay_out()

    def _arrow(self, arrow: Qt.ArrowType, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setArrowType(arrow)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step_lesson(step))
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(4, 4, 4, 0)
        top.addWidget(self.previous_button)
        top.addWidget(self.lesson_box, 1)
        top.addWidget(self.next_button)
        top.addWidget(self.language_box)
        steps_area = QScrollArea()
        steps_area.setObjectName("lessonStepsArea")
        steps_area.setWidget(self.steps)
        steps_area.setWidgetResizable(True)
        steps_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(steps_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([5000, 4000])  # scaled to the room there is
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.problems)
        column.addWidget(self.splitter, 1)

    # -- lessons and languages ----------------------------------------------------------------

    def catalog(self, language: str | None = None) -> Catalog:
        """The lessons in *language* (the panel's by default), read once."""
        language = language or self.language
        if language not in self._catalogs:
            self._catalogs[language] = load_catalog(language)
        return self._catalogs[language]

    def set_language(self, language: str, remember: bool = False) -> None:
        """Show the lessons in *language* (``"en"`` or ``"ko"``), at the same lesson;
        *remember* keeps the choice for the next start."""
        language = language if language in LANGUAGE_NAMES else "en"
        changed = language != self.language
        self.language = language
        if remember:
            set_lesson_language(self.language)
        self.language_box.setCurrentIndex(self.language_box.findData(self.language))
        catalog = self.catalog()
        self.lesson_box.clear()
        for lesson in catalog.lessons:
            self.lesson_box.addItem(f"{lesson.id}  {lesson.title}", lesson.id)
        self._show_problems(catalog)
        current = self.lesson.id if self.lesson is not None else None
        if current not in catalog.ids:
            current = catalog.ids[0] if catalog.ids else None
        self.lesson = None
        if current is not None:
            self.show_lesson(current)
        else:
            self.browser.clear()
            self.steps.show_steps([], "")
        if changed:
            self.language_changed.emit(language)

    def show_lesson(self, lesson_id: str) -> bool:
        """Show the lesson *lesson_id*; False if there is no such lesson."""
        try:
            lesson = self.catalog().lesson(lesson_id)
        except KeyError:
            return False
        self.lesson = lesson
        self.lesson_box.setCurrentIndex(self.lesson_box.findData(lesson_id))
        self._rendered = lesson_document(lesson, self.browser.font())
        self._rendered.document.setParent(self.browser)  # the browser deletes the one it replaces
        self.browser.setDocument(self._rendered.document)
        self.steps.show_steps(lesson.steps, self._rendered.steps_title)
        ids = self.catalog().ids
        self.previous_button.setEnabled(ids.index(lesson_id) > 0)
        self.next_button.setEnabled(ids.index(lesson_id) < len(ids) - 1)
        self.lesson_changed.emit(lesson_id)
        return True

    def step_lesson(self, step: int) -> None:
        """Show the previous (-1) or next (1) lesson."""
        ids = self.catalog().ids
        if self.lesson is not None and 0 <= ids.index(self.lesson.id) + step < len(ids):
            self.show_lesson(ids[ids.index(self.lesson.id) + step])

    def _show_problems(self, catalog: Catalog) -> None:
        shown = [core_text(problem) for problem in catalog.problems]
        if not catalog.lessons:
            shown.insert(0, QCoreApplication.translate(CONTEXT, NO_LESSONS))
        self.problems.setText("<br>".join(escape(problem) for problem in shown))
        self.problems.setVisible(bool(shown))


__all__ = ["LessonsPanel"]
