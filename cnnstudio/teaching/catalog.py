"""The lessons on offer in a language, and the checks a lesson's numbers must pass.

Lessons live in folders named by language: ``resources/lessons/en/L01-why-case-studies.md``,
``resources/lessons/ko/L01-why-case-studies.md``. :func:`load_catalog` gathers them for one
language: each lesson in that language where it exists, else in English, so a lesson not yet
translated still appears. A teacher's own folder (laid out the same way) can be given after
the app's: its lessons are added, and a lesson with the same id replaces the app's.

A file that cannot be read or parsed does not hide the others: it is left out and its message
(naming the file and the line) is kept in :attr:`Catalog.problems`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from .arithmetic import check_arithmetic
from .figures import check_figure, unchecked_numbers
from .lessons import Lesson, LessonError, load_lesson
from .messages import language as known_language
from .quantities import parse_number, parse_shape

LESSON_SUFFIX = ".md"


def packaged_folder() -> Path:
    """The folder of the lessons that come with CNN Studio."""
    return Path(str(files("cnnstudio.resources"))) / "lessons"


@dataclass(frozen=True)
class Catalog:
    """The lessons in one language.

    Attributes
    ----------
    language : str
        The language asked for (``"en"`` or ``"ko"``).
    lessons : tuple of Lesson
        In order of id; each in *language* where it exists, else in English.
    problems : tuple of str
        One message per lesson file left out, or per link to a lesson that does not exist.
    """

    language: str
    lessons: tuple[Lesson, ...]
    problems: tuple[str, ...] = ()

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson *lesson_id* (``KeyError`` if there is none)."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(f"there is no lesson '{lesson_id}'")

    @property
    def ids(self) -> list[str]:
        return [lesson.id for lesson in self.lessons]


def load_catalog(language: str = "en", folders: list[str | os.PathLike[str]] | None = None) -> Catalog:
    """The lessons in *language* from *folders* (by default the app's own), later folders'
    lessons replacing earlier ones with the same id."""
    language = known_language(language)
    roots = [Path(folder) for folder in folders] if folders is not None else [packaged_folder()]
    problems: list[str] = []
    chosen: dict[str, Lesson] = {}
    for lang in dict.fromkeys(("en", language)):
        for root in roots:
            chosen.update(_folder_lessons(root / lang, lang, problems))
    lessons = sorted(chosen.values(), key=lambda lesson: _natural(lesson.id))
    problems.extend(_dangling_lesson_links(lessons))
    return Catalog(language, tuple(lessons), tuple(problems))


def _folder_lessons(folder: Path, language: str, problems: list[str]) -> dict[str, Lesson]:
    found: dict[str, Lesson] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob(f"*{LESSON_SUFFIX}")):
        try:
            lesson = load_lesson(path, language)
        except LessonError as error:
            problems.append(str(error))
            continue
        if lesson.id in found:
            problems.append(f"{path}: the id '{lesson.id}' is already used by {found[lesson.id].path}")
            continue
        found[lesson.id] = lesson
    return found


def _dangling_lesson_links(lessons: list[Lesson]) -> list[str]:
    ids = {lesson.id for lesson in lessons}
    return [
        f"{lesson.path}: the link lesson:{link.targets[0]} names no lesson"
        for lesson in lessons
        for link in lesson.links
        if link.kind == "lesson" and link.targets[0] not in ids
    ]


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def verify_lesson(lesson: Lesson) -> list[str]:
    """Every number of *lesson* that the app's computation contradicts, as ``file, line N:
    problem`` messages; empty when every annotated figure and formula holds."""
    problems = []
    for figure in lesson.figures:
        problem = check_figure(figure)
        if problem:
            problems.append(f"{lesson.path}, line {figure.line}: {problem}")
    for block in lesson.blocks:
        for line, number in zip(getattr(block, "lines", ()), getattr(block, "line_numbers", ()), strict=True):
            problem = check_arithmetic(line)
            if problem:
                problems.append(f"{lesson.path}, line {number}: {problem}")
    return problems


def unchecked_figures(lesson: Lesson) -> list[str]:
    """The numbers *lesson* shows that nothing checks (see
    :func:`~cnnstudio.teaching.figures.unchecked_numbers`); in a step's goal or hint, a
    number its conditions name counts as checked, since the conditions are."""
    found = []
    for passage in lesson.passages:
        tokens = unchecked_numbers(passage.text, formula=passage.kind == "formula")
        if passage.kind == "step":
            named = [number for condition in passage.conditions for number in condition.numbers()]
            tokens = [(index, token) for index, token in tokens if not _named(token, named)]
        found.extend(f"{lesson.path}, line {passage.line + index}: {token}" for index, token in tokens)
    return found


def _named(token: str, numbers: list) -> bool:
    shape = parse_shape(token)
    if shape is not None and len(shape) == 3:
        return all(any(n.value == side for n in numbers) for side in shape)
    number = parse_number(token.rstrip("x×"))
    return number is not None and any(n.value == number.value for n in numbers)


__all__ = [
    "LESSON_SUFFIX",
    "Catalog",
    "load_catalog",
    "packaged_folder",
    "unchecked_figures",
    "verify_lesson",
]
