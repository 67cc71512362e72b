"""A lesson's "Try it" steps as a checklist, checked live against the open network.

Each :class:`StepItem` shows the step's goal, what is still missing, a hint to reveal and a
button that opens the network the step starts from. :class:`StepList` holds a lesson's steps
and re-checks them all whenever the document's analysis changes (:meth:`Step.evaluate
<cnnstudio.teaching.Step.evaluate>` with the summary the document already has: a few
look-ups per step). A reached step turns green with a check mark.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...teaching import Step, StepResult
from .. import style
from ..document import Document
from ..language import ui_language
from .links import preset_name

OPEN_MARK = "☐"
DONE_MARK = "✓"


def markdown_html(markdown: str) -> str:
    """One paragraph of Markdown (emphasis, code, links) as HTML for a ``QLabel``."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    html = document.toHtml()
    start = html.find(">", html.find("<body")) + 1
    body = html[start : html.rfind("</body>")].strip()
    if body.startswith("<p") and body.endswith("</p>") and body.count("<p") == 1:
        body = body[body.find(">") + 1 : -len("</p>")]  # inline: it follows a label on its line
    return body


class StepItem(QFrame):
    """One step: mark, goal, what is missing, hint, and a button to start from its preset.

    Signals
    -------
    start_requested(str)
        The user asked to open the step's preset (its id).
    link_activated(str)
        A link in the goal was clicked (its target).
    """

    start_requested = Signal(str)
    link_activated = Signal(str)

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonStep")
        self.step = step
        self.checked_step = replace(step, language=ui_language())
        """The step as the app checks it: what is missing is said in the app's language (the
        goal and the hint are the lesson's, in the lesson's language)."""
        self.result: StepResult | None = None
        self._shown: bool | None = None  # whether the frame is drawn as done (None: not drawn yet)
        self.mark = QLabel(OPEN_MARK)
        self.mark.setObjectName("stepMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.mark.setFixedWidth(24)
        self.goal = self._label("stepGoal")
        number = QCoreApplication.translate("LessonsSteps", "Step {n}").format(n=step.number)
        self.goal.setText(f"<b>{escape(number, quote=False)}.</b> {markdown_html(step.goal)}")
        self.goal.linkActivated.connect(self.link_activated)
        self.status = self._label("stepStatus")
        self.hint = self._label("stepHint")
        self.hint.setStyleSheet(style.HINT_BOX)
        self.hint.setText(markdown_html(step.hint))
        self.hint.hide()
        self.hint_button = QPushButton(QCoreApplication.translate("LessonsSteps", "Hint"))
        self.hint_button.setObjectName("stepHintButton")
        self.hint_button.setCheckable(True)
        self.hint_button.setVisible(bool(step.hint))
        self.hint_button.toggled.connect(self.hint.setVisible)
        self.start_button = QPushButton()
        self.start_button.setObjectName("stepStartButton")
        if step.preset:
            start = QCoreApplication.translate("LessonsSteps", "Start from {preset}")
            self.start_button.setText(start.format(preset=preset_name(step.preset)))
            self.start_button.clicked.connect(lambda: self.start_requested.emit(step.preset))
        self.start_button.setVisible(bool(step.preset))
        self._lay_out()
        self.show_result(None)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        return label

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.hint_button)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.goal)
        text.addWidget(self.status)
        text.addWidget(self.hint)
        text.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 8, 6)
        row.addWidget(self.mark)
        row.addLayout(text, 1)

    @property
    def passed(self) -> bool:
        return self.result is not None and self.result.passed

    def show_result(self, result: StepResult | None) -> None:
        """Show whether the step is reached (None: not checked yet). Only what changed is
        redrawn: a style sheet costs far more to apply than the check itself."""
        if self._shown is not None and result == self.result:
            return
        self.result = result
        done = result is not None and result.passed
        if done != self._shown:
            self._shown = done
            self.mark.setText(DONE_MARK if done else OPEN_MARK)
            self.mark.setStyleSheet(style.STEP_MARK_DONE if done else style.STEP_MARK)
            self.setStyleSheet(style.STEP_FRAME_DONE if done else style.STEP_FRAME)
            self.status.setStyleSheet(style.colored(style.STEP_DONE) if done else style.MUTED_LABEL)
        if result is None:
            self.status.setText("")
        elif done:
            text = QCoreApplication.translate("LessonsSteps", "Done: the network does it.")
            self.status.setText(escape(text, quote=False))
        else:
            text = QCoreApplication.translate("LessonsSteps", "Not yet: {missing}.").format(
                missing=result.message
            )
            self.status.setText(escape(text, quote=False))
        self.status.setVisible(result is not None)


class StepList(QWidget):
    """A lesson's steps, checked after every change of the open network.

    Signals
    -------
    start_requested(str)
        A step's "Start from" button was pressed (the preset id).
    link_activated(str)
        A link in a step's goal was clicked.
    progress_changed(int, int)
        Steps reached, out of how many.
    """

    start_requested = Signal(str)
    link_activated = Signal(str)
    progress_changed = Signal(int, int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonSteps")
        self.document = document
        self.items: list[StepItem] = []
        self.title = QLabel()
        self.title.setObjectName("stepsTitle")
        self.title.setStyleSheet(style.HEADING)
        self.progress = QLabel()
        self.progress.setObjectName("stepsProgress")
        self.progress.setStyleSheet(style.MUTED_LABEL)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.progress)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 0, 6, 6)
        self.column.addLayout(header)
        self.column.addStretch(1)
        document.summary_changed.connect(self.evaluate)

    def show_steps(self, steps: list[Step], title: str) -> None:
        """Show *steps* (a lesson's) under *title*, checked against the open network."""
        for item in self.items:
            item.hide()
            self.column.removeWidget(item)
            item.deleteLater()
        self.items = []
        self.title.setText(title)
        for step in steps:
            item = StepItem(step, self)
            item.start_requested.connect(self.start_requested)
            item.link_activated.connect(self.link_activated)
            self.column.insertWidget(self.column.count() - 1, item)
            self.items.append(item)
        self.setVisible(bool(steps))
        self.evaluate()

    def evaluate(self) -> None:
        """Check every step against the open network as it is now."""
        network, summary = self.document.network, self.document.summary
        for item in self.items:
            item.show_result(item.checked_step.evaluate(network, summary))
        done = sum(item.passed for item in self.items)
        progress = QCoreApplication.translate("LessonsSteps", "{done} of {n} steps done")
        self.progress.setText(progress.format(done=done, n=len(self.items)))
        self.progress_changed.emit(done, len(self.items))


__all__ = ["StepItem", "StepList", "markdown_html"]
