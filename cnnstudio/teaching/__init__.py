"""Lessons and exercises: what CNN Studio teaches, and how it checks a student's network.

Pure Python like the core (no Qt, no torch), so the app, ``cnnstudio check`` and a notebook
use the same code::

    from cnnstudio.teaching import load_catalog
    catalog = load_catalog("ko")                     # Korean lessons, English where not translated
    lesson = catalog.lesson("L06")
    step = lesson.steps[0]
    step.evaluate(network)                           # StepResult(passed, message, hint)

    from cnnstudio.teaching import load_exercise, grade
    exercise = load_exercise("cut-5x5-cost.cnnstudio-exercise.json")
    grade(exercise, network, lang="ko")              # Verdict(passed, message)

The parts: :mod:`~.lessons` (the lesson file format), :mod:`~.catalog` (lessons per language,
and the checks on their numbers), :mod:`~.steps` and :mod:`~.conditions` ("Try it" steps and
the conditions they check), :mod:`~.figures` (numbers annotated with their source),
:mod:`~.links` (what a lesson's links open), :mod:`~.exercises` and :mod:`~.grading` (exercise
files and their checker), :mod:`~.records` (the exercise a saved network file answers),
:mod:`~.messages` (the checkers' and the panels' words in English and Korean).
"""

from .catalog import Catalog, load_catalog, packaged_folder, unchecked_figures, verify_lesson
from .conditions import Condition, ConditionError, Probe, parse_condition
from .exercises import (
    Answers,
    Exercise,
    ExerciseError,
    load_answers,
    load_exercise,
    packaged_exercises,
    save_answers,
)
from .grading import Verdict, check_answer, grade
from .lessons import Formula, Lesson, LessonError, Text, load_lesson, parse_lesson
from .links import Link, LinkError, parse_link
from .messages import LANGUAGES
from .records import ExerciseRecord, read_record
from .steps import Step, StepResult

__all__ = [
    "LANGUAGES",
    "Answers",
    "Catalog",
    "Condition",
    "ConditionError",
    "Exercise",
    "ExerciseError",
    "ExerciseRecord",
    "Formula",
    "Lesson",
    "LessonError",
    "Link",
    "LinkError",
    "Probe",
    "Step",
    "StepResult",
    "Text",
    "Verdict",
    "check_answer",
    "grade",
    "load_answers",
    "load_catalog",
    "load_exercise",
    "load_lesson",
    "packaged_exercises",
    "packaged_folder",
    "parse_condition",
    "parse_lesson",
    "parse_link",
    "read_record",
    "save_answers",
    "unchecked_figures",
    "verify_lesson",
]
