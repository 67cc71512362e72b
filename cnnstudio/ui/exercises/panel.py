"""The exercise panel: what the exercise asks, whether the network does it yet, and a hint.

It shows one :class:`~cnnstudio.teaching.Exercise`: the title and the instructions in the
language of the lessons (the panel's language box); the layers it locks, a live line saying
whether the open network passes, and a Check button that puts the checker's first mismatch
into words ("your conv3 gives 13x13x256; AlexNet's has 384 filters"), all in the app's language
(Qt's translations; the checker is asked in :func:`~cnnstudio.ui.language.ui_language`). A
predict exercise shows its questions instead
(:class:`~.predict.PredictForm`). The panel only shows; what its buttons ask for goes out as
signals to the :class:`~.controller.ExerciseController`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...teaching import Exercise, Verdict
from .. import style
from ..language import LANGUAGE_NAMES, ui_language
from ..lessons.steps import markdown_html
from .predict import PredictForm

CONTEXT = "ExercisesPanel"
NO_EXERCISE = QT_TRANSLATE_NOOP(
    "ExercisesPanel",
    "No exercise is open. File > Open Exercise… opens one; the exercises that come with "
    "CNN Studio are under File > Exercises.",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ExercisePanel(QWidget):
    """One exercise, its live status and the checker's hint.

    Attributes
    ----------
    exercise : Exercise or None
    language : str
    predict : PredictForm or None
        The questions of a predict exercise.

    Signals
    -------
    check_requested()
        The Check button was pressed.
    save_requested()
        "Save my work" (or, for a predict exercise, "Save answers") was pressed.
    restart_requested()
        "Start over" was pressed.
    language_chosen(str)
        The user chose another language in the panel.
    link_activated(str)
        A link was clicked (the lesson the exercise goes with: ``lesson:L06``).
    """

    check_requested = Signal()
    save_requested = Signal()
    restart_requested = Signal()
    language_chosen = Signal(str)
    link_activated = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercisePanel")
        self.exercise: Exercise | None = None
        self.language = language
        self.predict: PredictForm | None = None
        self.verdict: Verdict | None = None
        """What the last Check found (None before the first, or after the exercise changed)."""
        self.live: Verdict | None = None
        """The live status: the open network checked after its last change."""
        self._build()
        self.show_exercise(None)

    def _build(self) -> None:
        self.title = self._label("exerciseTitle", style.TITLE)
        self.lesson_link = self._label("exerciseLesson", style.MUTED_LABEL)
        self.lesson_link.linkActivated.connect(self.link_activated)
        self.instructions = self._label("exerciseInstructions")
        self.locked = self._label("exerciseLocked", style.LOCKED_BADGE)
        self.status = self._label("exerciseStatus")
        self.hint = self._label("exerciseHint", style.HINT_BOX)
        self.language_box = QComboBox()
        self.language_box.setObjectName("exerciseLanguage")
        self.language_box.setToolTip(
            QCoreApplication.translate("ExercisesPanel", "The language lessons and exercises are shown in")
        )
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(
            lambda index: self.language_chosen.emit(self.language_box.itemData(index))
        )
        self.check_button = self._button("exerciseCheck", self.check_requested)
        self.save_button = self._button("exerciseSave", self.save_requested)
        self.restart_button = self._button("exerciseRestart", self.restart_requested)
        self.predict_area = QVBoxLayout()
        self._lay_out()

    def _label(self, name: str, sheet: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        if sheet:
            label.setStyleSheet(sheet)
        return label

    def _button(self, name: str, signal) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(signal)
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language_box, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(top)
        column.addWidget(self.lesson_link)
        column.addWidget(self.instructions)
        column.addWidget(self.locked)
        column.addLayout(self.predict_area)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addWidget(self.hint)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- what it shows ------------------------------------------------------------------------

    def show_exercise(self, exercise: Exercise | None) -> None:
        """Show *exercise* (None: no exercise is open), nothing checked yet."""
        self.exercise = exercise
        self.verdict = self.live = None
        self._fill()

    def set_language(self, language: str) -> None:
        """Show the exercise in *language* (what was typed into a predict form is kept)."""
        if language == self.language:
            return
        typed = self.predict.answers() if self.predict is not None else None
        self.language = language
        verdict = self.verdict
        self._fill()
        if typed is not None and self.predict is not None:
            for layer, values in typed.answers.items():
                for quantity, text in values.items():
                    self.predict.fields[(layer, quantity)].edit.setText(text)
        if verdict is not None:
            self.check_requested.emit()  # the hint, again in the new language

    def _fill(self) -> None:
        exercise, lang = self.exercise, self.language
        self.language_box.setCurrentIndex(self.language_box.findData(lang))
        self._set_predict(exercise if exercise is not None and exercise.kind == "predict" else None)
        for widget in (self.lesson_link, self.locked, self.check_button, self.save_button):
            widget.setVisible(exercise is not None)
        self.restart_button.setVisible(exercise is not None and exercise.kind != "predict")
        self.hint.hide()
        self.status.hide()
        if exercise is None:
            self.title.setText(escape(QCoreApplication.translate("ExercisesPanel", "Exercise"), quote=False))
            self.instructions.setText(escape(_tr(NO_EXERCISE), quote=False))
            return
        self.title.setText(escape(exercise.title(lang), quote=False))
        self.instructions.setText(markdown_html(exercise.instruction(lang)))
        if exercise.lesson:
            lesson = QCoreApplication.translate("ExercisesPanel", "Goes with lesson {lesson}")
            lesson = escape(lesson.format(lesson=exercise.lesson), quote=False)
            self.lesson_link.setText(f'<a href="lesson:{escape(exercise.lesson)}">{lesson}</a>')
        self.lesson_link.setVisible(bool(exercise.lesson))
        names = ", ".join(exercise.locked)
        locked = QCoreApplication.translate(
            "ExercisesPanel", "Locked layers (keep them as they are): {names}"
        )
        self.locked.setText(escape(locked.format(names=names), quote=False))
        self.locked.setVisible(bool(exercise.locked))
        self._label_buttons(exercise.kind == "predict")

    def _label_buttons(self, predicting: bool) -> None:
        if predicting:
            self.check_button.setText(QCoreApplication.translate("ExercisesPanel", "Check my answers"))
            self.check_button.setToolTip(
                QCoreApplication.translate(
                    "ExercisesPanel", "Check every answer and show the arithmetic behind it"
                )
            )
            self.save_button.setText(QCoreApplication.translate("ExercisesPanel", "Save answers…"))
        else:
            self.check_button.setText(QCoreApplication.translate("ExercisesPanel", "Check"))
            self.check_button.setToolTip(
                QCoreApplication.translate(
                    "ExercisesPanel", "Compare your network with the goal and say what to change first"
                )
            )
            self.save_button.setText(QCoreApplication.translate("ExercisesPanel", "Save my work…"))
        self.restart_button.setText(QCoreApplication.translate("ExercisesPanel", "Start over"))

    def _set_predict(self, exercise: Exercise | None) -> None:
        if self.predict is not None:
            self.predict.hide()
            self.predict_area.removeWidget(self.predict)
            self.predict.deleteLater()
            self.predict = None
        if exercise is not None:
            self.predict = PredictForm(exercise, ui_language())
            self.predict_area.addWidget(self.predict)

    def show_status(self, verdict: Verdict) -> None:
        """The live line: passed (green, with what passed) or not yet."""
        self.live = verdict
        sheet = style.PASSED_BOX if verdict.passed else style.MUTED_LABEL
        if self.status.styleSheet() != sheet:  # applying a style sheet costs more than checking
            self.status.setStyleSheet(sheet)
        if verdict.passed:
            passed = QCoreApplication.translate("ExercisesPanel", "Passed: {message}.")
            self.status.setText(escape(passed.format(message=verdict.message), quote=False))
        else:
            text = QCoreApplication.translate("ExercisesPanel", "Not passed yet. Press Check for a hint.")
            self.status.setText(escape(text, quote=False))
        self.status.show()
        if verdict.passed:
            self.hint.hide()

    def show_verdict(self, verdict: Verdict) -> None:
        """What Check found: passed, or the first thing to change, in words (for a predict
        exercise: how many answers are right, and the first wrong one)."""
        self.verdict = verdict
        self.show_status(verdict)
        if verdict.passed:
            return
        predicting = self.exercise is not None and self.exercise.kind == "predict"
        self.status.setText(
            escape(QCoreApplication.translate("ExercisesPanel", "Not passed yet."), quote=False)
        )
        self.status.setVisible(not predicting)
        first_fix = QCoreApplication.translate("ExercisesPanel", "First fix: {message}.")
        message = verdict.message if predicting else first_fix.format(message=verdict.message)
        self.hint.setText(escape(message, quote=False))
        self.hint.show()

    @property
    def passed(self) -> bool:
        """Whether the network (or the answers) passed when last checked."""
        return self.live is not None and self.live.passed


__all__ = ["ExercisePanel"]
