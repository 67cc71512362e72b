"""Exercises in the app: open one, work on it in the canvas, check it, save the work.

:class:`ExerciseController` is the window's part for exercises:

* **Opening** an exercise file (File > Open Exercise…, or one that comes with the app under
  File > Exercises) reads it with the teaching package's bounded reader; a bad file is refused
  in one dialog and nothing changes. Then, after the usual question about unsaved work, the
  exercise's start network replaces the open one, its locked layers are locked
  (:meth:`Document.set_locked_layers <cnnstudio.ui.document.Document.set_locked_layers>`: the
  commands refuse to delete, rename or change them and say why) and the Exercise dock shows it.
  A predict exercise leaves the canvas alone: its questions are in the dock.
* **Checking**: the dock's live line follows every change of the network
  (:func:`~cnnstudio.teaching.grade`); Check shows the first mismatch in words.
* **Saving**: while an exercise is open, Save writes an ordinary network file with an
  ``"exercise": {"id", "passed"}`` field (:mod:`cnnstudio.teaching.records`), which the network
  reader ignores and ``cnnstudio check`` grades like any file. Opening such a file later goes on
  with its exercise when the app can find it (among its own exercises, beside the file, or
  opened before in this session).
* Opening any other network ends the exercise.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.jsonfile import printable
from ...teaching import Exercise, ExerciseError, Verdict, grade, load_exercise, packaged_exercises
from ...teaching.exercises import ANSWERS_SUFFIX, SUFFIX, save_answers
from ...teaching.records import FIELD, ExerciseRecord, read_record
from ..files import TRAINING_MESSAGE
from ..language import core_text, ui_language

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from .dock import ExerciseDock

CONTEXT = "ExercisesController"
EXERCISE_FILTER = QT_TRANSLATE_NOOP(
    "ExercisesController",
    "CNN Studio exercises (*.cnnstudio-exercise.json);;JSON files (*.json);;All files (*)",
)
ANSWERS_FILTER = QT_TRANSLATE_NOOP(
    "ExercisesController", "CNN Studio answers (*.cnnstudio-answers.json);;All files (*)"
)
REFUSED = QT_TRANSLATE_NOOP(
    "ExercisesController",
    "{name} could not be opened as an exercise, so the network you have open stays as it is.\n\n{why}",
)
NOT_FOUND = QT_TRANSLATE_NOOP(
    "ExercisesController", "{file} is work on the exercise {exercise}; open that exercise to check it"
)
PASSED = QT_TRANSLATE_NOOP(
    "ExercisesController", "Exercise passed. Save your work (File > Save) to keep it with your file"
)
SAVED = QT_TRANSLATE_NOOP("ExercisesController", "Saved {file}")
CANNOT_SAVE = QT_TRANSLATE_NOOP("ExercisesController", "{file} could not be written:\n\n{why}")
LOCKED_LAYER = QT_TRANSLATE_NOOP("ExercisesController", "The exercise locks {name}: it must stay as it is")
"""Why a locked layer refuses an edit (the status bar says it; the canvas shows it on the box)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ExerciseController(QObject):
    """The open exercise of one window, between the dock, the document and the files.

    Parameters
    ----------
    window : MainWindow
    dock : ExerciseDock

    Attributes
    ----------
    exercise : Exercise or None
        The exercise being worked on.

    Signals
    -------
    exercise_changed()
        An exercise was opened or ended.
    passed_changed(bool)
        The open network started or stopped passing the exercise.
    """

    exercise_changed = Signal()
    passed_changed = Signal(bool)

    def __init__(self, window: MainWindow, dock: ExerciseDock) -> None:
        super().__init__(window)
        self.window, self.dock, self.panel = window, dock, dock.panel
        self.document = window.document
        self.exercise: Exercise | None = None
        self._known: dict[str, Path] = {}
        self._replacing = False
        self._passed = False
        self.document.summary_changed.connect(self._follow)
        self.document.network_replaced.connect(self._on_network_replaced)
        self.panel.check_requested.connect(self.check)
        self.panel.save_requested.connect(self.save)
        self.panel.restart_requested.connect(self.restart)

    @property
    def language(self) -> str:
        return self.panel.language

    # -- opening ------------------------------------------------------------------------------

    def open_dialog(self) -> bool:
        """Ask for an exercise file and open it."""
        folder = str(packaged_exercises()[0].parent) if packaged_exercises() else ""
        folder = self.window.settings.last_folder() or folder
        title = QCoreApplication.translate("ExercisesController", "Open an exercise")
        name, _ = QFileDialog.getOpenFileName(self.window, title, folder, _tr(EXERCISE_FILTER))
        return self.open_path(Path(name)) if name else False

    def open_path(self, path: Path) -> bool:
        """Open the exercise file *path*; a bad file is refused in one dialog, changing nothing."""
        try:
            exercise = load_exercise(path)
        except ExerciseError as error:
            QMessageBox.critical(
                self.window,
                QCoreApplication.translate("ExercisesController", "Cannot open the exercise"),
                _tr(REFUSED).format(
                    name=printable(Path(path).name, 80, quote=False), why=core_text(str(error))
                ),
            )
            return False
        return self.start(exercise, exercise_path=Path(path))

    def start(
        self,
        exercise: Exercise,
        work=None,
        check: bool = False,
        exercise_path: Path | None = None,
        work_path: Path | None = None,
    ) -> bool:
        """Work on *exercise* (read from *exercise_path*): its start network in the canvas, or
        *work*, the student's network so far (read from *work_path*, where Save writes it), its
        layers locked, the dock in view. *check* presses Check at once."""
        network = work if work is not None else self._start_network(exercise)
        if exercise.kind != "predict" and not self._replace(network, work_path if work is not None else None):
            return False
        if exercise_path is not None:
            self._known[exercise.id] = exercise_path
        self._attach(exercise)
        if check:
            self.check()
        return True

    def _start_network(self, exercise: Exercise):
        """The exercise's start network, named after the exercise (its title is the window's,
        and the file name Save suggests)."""
        network = exercise.start_network()
        network.set_name(exercise.title(self.language))
        return network

    def _replace(self, network, path: Path | None) -> bool:
        if not self.document.editable:
            self.document.status_message.emit(TRAINING_MESSAGE)
            return False
        if not self.window.files.maybe_save():
            return False
        self._replacing = True
        try:
            self.document.replace_network(network, path)
        finally:
            self._replacing = False
        return True

    def _attach(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self._lock()
        self.panel.show_exercise(exercise)
        if exercise.kind != "predict":
            self.window.files.extra_fields[FIELD] = self.record
        else:
            self.window.files.extra_fields.pop(FIELD, None)
        self.dock.reveal()
        self._passed = False
        self._follow()
        self.exercise_changed.emit()

    def _lock(self) -> None:
        exercise, network = self.exercise, self.document.network
        locked = {}
        for name in exercise.locked if exercise is not None and exercise.kind != "predict" else ():
            node = network.find(name)
            if node is not None:
                locked[node.id] = _tr(LOCKED_LAYER).format(name=name)
        self.document.set_locked_layers(locked)

    def end(self) -> None:
        """Stop working on the exercise (the network stays; its layers are unlocked)."""
        if self.exercise is None:
            return
        self.exercise = None
        self.window.files.extra_fields.pop(FIELD, None)
        self.document.set_locked_layers({})
        self.panel.show_exercise(None)
        self.exercise_changed.emit()

    def set_language(self, language: str) -> None:
        """Show the exercise (its title and instructions) in *language*; the checker's hints and
        the locks' reasons speak the app's language."""
        self.panel.set_language(language)
        self._follow()  # the live line again, under the exercise in its new language

    def restart(self) -> None:
        """Start the exercise again from its start network (asking about unsaved work)."""
        if self.exercise is not None:
            self.start(self.exercise)

    def _on_network_replaced(self) -> None:
        if self._replacing:
            return
        if self.exercise is not None and self.exercise.kind != "predict":
            self.end()
        path = self.document.path
        record = read_record(path) if path is not None else None
        if record is not None:
            self._resume(record, path)

    def _resume(self, record: ExerciseRecord, path: Path) -> None:
        exercise = self._find(record.id, path.parent)
        if exercise is None or exercise.kind == "predict":
            self.document.status_message.emit(_tr(NOT_FOUND).format(file=path.name, exercise=record.id))
            return
        self._attach(exercise)

    def _find(self, exercise_id: str, folder: Path) -> Exercise | None:
        """The exercise *exercise_id*: opened before, shipped with the app, or in *folder*."""
        candidates = [self._known[exercise_id]] if exercise_id in self._known else []
        candidates += packaged_exercises()
        candidates += sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
        for candidate in candidates:
            try:
                exercise = load_exercise(candidate)
            except ExerciseError:
                continue
            if exercise.id == exercise_id:
                self._known[exercise_id] = candidate
                return exercise
        return None

    # -- checking -----------------------------------------------------------------------------

    def verdict(self) -> Verdict | None:
        """The checker on the open network (or, for a predict exercise, the typed answers)."""
        if self.exercise is None:
            return None
        if self.exercise.kind == "predict":
            return grade(self.exercise, self.panel.predict.answers(), ui_language())
        return grade(self.exercise, self.document.network, ui_language())

    def check(self) -> Verdict | None:
        """Check now and show the first mismatch as a hint (Check button)."""
        if self.exercise is None:
            return None
        verdict = self.panel.predict.check() if self.exercise.kind == "predict" else self.verdict()
        self.panel.show_verdict(verdict)
        self._note_passed(verdict.passed)
        return verdict

    def _follow(self) -> None:
        """The live status, after every change of the network."""
        if self.exercise is None or self.exercise.kind == "predict":
            return
        verdict = self.verdict()
        if self.panel.verdict is not None:
            self.panel.show_verdict(verdict)  # once asked for, the hint follows the edits
        else:
            self.panel.show_status(verdict)
        self._note_passed(verdict.passed)

    def _note_passed(self, passed: bool) -> None:
        if passed == self._passed:
            return
        self._passed = passed
        if passed:
            self.document.status_message.emit(_tr(PASSED))
        self.passed_changed.emit(passed)

    def record(self) -> dict:
        """The ``exercise`` field Save writes beside the network."""
        verdict = self.verdict()
        return ExerciseRecord(self.exercise.id, bool(verdict and verdict.passed)).to_dict()

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the work: the network with its record, or a predict exercise's answers."""
        if self.exercise is None:
            return False
        if self.exercise.kind != "predict":
            return self.window.files.save_as() if self.document.path is None else self.window.files.save()
        return self._save_answers()

    def _save_answers(self) -> bool:
        folder = Path(self.window.settings.last_folder() or Path.home())
        suggested = str(folder / f"{self.exercise.id}{ANSWERS_SUFFIX}")
        title = QCoreApplication.translate("ExercisesController", "Save the answers")
        name, _ = QFileDialog.getSaveFileName(self.window, title, suggested, _tr(ANSWERS_FILTER))
        if not name:
            return False
        path = Path(name if name.endswith(ANSWERS_SUFFIX) else name + ANSWERS_SUFFIX)
        try:
            save_answers(self.panel.predict.answers(), path)
        except OSError as error:
            QMessageBox.critical(
                self.window,
                QCoreApplication.translate("ExercisesController", "Cannot save"),
                _tr(CANNOT_SAVE).format(file=path, why=error.strerror),
            )
            return False
        self.document.status_message.emit(_tr(SAVED).format(file=path.name))
        return True


__all__ = ["ExerciseController"]
