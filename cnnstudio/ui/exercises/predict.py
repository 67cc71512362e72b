"""A predict exercise's form: the student types each value, then sees whether it is right and
the arithmetic behind it.

The form never shows a value before it is checked, and it does not open the network in the
canvas (whose boxes and table would give the answers away): each asked layer is described by
its type and settings, and the network's input is given.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core import summarize
from ...core.blocks import BLOCK_TYPES
from ...teaching import Answers, Exercise, check_answer, grade
from ...teaching.grading import AnswerResult
from ...teaching.quantities import shape_text
from .. import style
from ..layer_table import multiplication_signs

QUANTITIES = {
    "shape": QT_TRANSLATE_NOOP("ExercisesPredict", "output shape"),
    "params": QT_TRANSLATE_NOOP("ExercisesPredict", "parameters"),
    "macs": QT_TRANSLATE_NOOP("ExercisesPredict", "MACs"),
}
"""What each asked value is called beside its box (English; shown translated)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExercisesPredict", text)


class AnswerField(QWidget):
    """One asked value: a box to type it in, then the verdict and the arithmetic."""

    def __init__(self, layer: str, quantity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer, self.quantity = layer, quantity
        self.edit = QLineEdit()
        self.edit.setObjectName(f"answer:{layer}:{quantity}")
        if quantity == "shape":
            self.edit.setPlaceholderText(
                QCoreApplication.translate("ExercisesPredict", "H x W x C, or a length")
            )
        else:
            self.edit.setPlaceholderText(QCoreApplication.translate("ExercisesPredict", "a whole number"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.result: AnswerResult | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.edit)
        column.addWidget(self.result_label)
        self.edit.textEdited.connect(self._forget)

    def check(self, exercise: Exercise, lang: str) -> AnswerResult | None:
        """Check the typed value (None when nothing is typed) and show the verdict."""
        text = self.edit.text().strip()
        if not text:
            self._forget()
            return None
        self.result = check_answer(exercise, self.layer, self.quantity, text, lang)
        mark, color = ("✓", style.STEP_DONE) if self.result.correct else ("✗", style.ERROR_TEXT)
        lines = [escape(line, quote=False) for line in multiplication_signs(self.result.formula).splitlines()]
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.result_label.setText(
            f'<span style="color:{color};"><b>{mark}</b> {escape(self.result.message, quote=False)}</span>'
            f"<br><span style=\"color:{style.FORMULA_SIDE}; font-family:'{mono}';\">{'<br>'.join(lines)}</span>"
        )
        self.result_label.show()
        return self.result

    def _forget(self) -> None:
        self.result = None
        self.result_label.hide()


class PredictForm(QWidget):
    """The questions of a predict exercise, with a box per asked value.

    Parameters
    ----------
    exercise : Exercise
    lang : str
        The language the checker words its verdicts in (the app's).

    Signals
    -------
    checked(object)
        The answers were checked: the :class:`~cnnstudio.teaching.Verdict` on all of them.
    """

    checked = Signal(object)

    def __init__(self, exercise: Exercise, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictForm")
        self.exercise, self.lang = exercise, lang
        self.fields: dict[tuple[str, str], AnswerField] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        summary = summarize(exercise.start)
        rows = {row.path: row for row in summary.all_rows()}
        given = QLabel(
            QCoreApplication.translate("ExercisesPredict", "The network's input: {shape}").format(
                shape=shape_text(summary.input_shape)
            )
        )
        given.setObjectName("predictInput")
        given.setStyleSheet(style.MUTED_LABEL)
        column.addWidget(given)
        for question in exercise.questions:
            column.addWidget(self._question(question.layer, question.ask, rows[question.layer].type))

    def _question(self, layer: str, asked: tuple[str, ...], type_id: str) -> QGroupBox:
        node = self.exercise.start.find(layer)
        block = BLOCK_TYPES[type_id]
        settings = block.summary_text(node.params) if node is not None else ""
        title = QCoreApplication.translate("BlockTypes", block.title)  # Conv2d stays Conv2d
        box = QGroupBox(f"{layer}: {title}" + (f"  ({settings})" if settings else ""))
        grid = QGridLayout(box)
        for i, quantity in enumerate(asked):
            field = AnswerField(layer, quantity)
            self.fields[(layer, quantity)] = field
            grid.addWidget(QLabel(_tr(QUANTITIES[quantity])), i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(field, i, 1)
        grid.setColumnStretch(1, 1)
        return box

    def answers(self) -> Answers:
        """What the student typed, as an answers file would hold it."""
        given: dict[str, dict[str, str]] = {}
        for (layer, quantity), field in self.fields.items():
            text = field.edit.text().strip()
            if text:
                given.setdefault(layer, {})[quantity] = text
        return Answers(self.exercise.id, given)

    def check(self):
        """Check every typed answer, reveal the arithmetic of each, and grade them all."""
        for field in self.fields.values():
            field.check(self.exercise, self.lang)
        verdict = grade(self.exercise, self.answers(), self.lang)
        self.checked.emit(verdict)
        return verdict


__all__ = ["AnswerField", "PredictForm"]
