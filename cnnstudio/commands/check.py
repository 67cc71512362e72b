"""``cnnstudio check EXERCISE STUDENT_FILE...``: grade many students' files at once.

Each student file is a network file (``*.cnnstudio.json``), or for a predict exercise an
answers file (``*.cnnstudio-answers.json``); a folder stands for those files in it. One line per
file on stdout: ``FILE: pass``, ``FILE: fail: HINT`` or ``FILE: unreadable: WHY``; with
``--format json`` one JSON report instead. Exit status: 0 when every file passes, 1 when some
fail, 2 when the exercise or a student file cannot be read (the readable ones are still graded).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..cli import EXIT_BAD_INPUT, UsageError, _Parser
from ..core.fileformat import SUFFIX as NETWORK_SUFFIX
from ..core.fileformat import load as load_network_file
from ..core.jsonfile import FileFormatError, printable
from ..i18n import translate
from ..i18n.commandline import LANGUAGE_OPTION, current_language
from ..teaching.exercises import ANSWERS_SUFFIX, Exercise, ExerciseError, load_answers, load_exercise
from ..teaching.grading import grade
from ..teaching.messages import LANGUAGES

EXIT_FAILED = 1


@dataclass(frozen=True)
class Graded:
    """One student file's result: status ``pass``, ``fail`` or ``unreadable``."""

    file: str
    status: str
    message: str
    details: tuple[str, ...] = ()


def build_parser() -> _Parser:
    parser = _Parser(
        prog="cnnstudio check",
        description="Grade students' files against an exercise: one line per file, the first "
        "mismatch for a file that fails.",
    )
    parser.add_argument("exercise", help="a *.cnnstudio-exercise.json file")
    parser.add_argument(
        "files",
        nargs="+",
        metavar="STUDENT_FILE",
        help="*.cnnstudio.json network files (*.cnnstudio-answers.json for a predict exercise), or folders of them",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        LANGUAGE_OPTION,
        choices=LANGUAGES,
        help="the language of the hints and messages; without it, the locale's (LANG)",
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        exercise = load_exercise(args.exercise)
    except ExerciseError as error:
        raise UsageError(str(error)) from None
    lang = args.lang or current_language()
    results = [grade_file(exercise, path, lang) for path in student_files(exercise, args.files)]
    sys.stdout.write(json_report(exercise, results) if args.format == "json" else table(results, lang))
    statuses = {result.status for result in results}
    if "unreadable" in statuses:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if "fail" in statuses else 0


def student_files(exercise: Exercise, arguments: list[str]) -> list[str]:
    """The files named, with each folder replaced by the student files in it (sorted)."""
    suffix = ANSWERS_SUFFIX if exercise.kind == "predict" else NETWORK_SUFFIX
    paths: list[str] = []
    for argument in arguments:
        if os.path.isdir(argument):
            try:
                found = sorted(str(path) for path in Path(argument).iterdir() if path.name.endswith(suffix))
            except OSError as error:
                raise UsageError(
                    f"cannot list the folder {printable(argument, 200)}: {error.strerror}"
                ) from None
            if not found:
                raise UsageError(f"the folder {printable(argument, 200)} holds no {suffix} files")
            paths.extend(found)
        else:
            paths.append(argument)
    return paths


def grade_file(exercise: Exercise, path: str, lang: str) -> Graded:
    """Read and grade one student file; a file that cannot be read is ``unreadable``."""
    shown = printable(path, 200, quote=False)
    try:
        work = load_answers(path) if exercise.kind == "predict" else load_network_file(path)
    except ExerciseError as error:
        return Graded(shown, "unreadable", str(error).removeprefix(f"{shown}: "))
    except FileFormatError as error:
        return Graded(shown, "unreadable", str(error))
    verdict = grade(exercise, work, lang)
    return Graded(shown, "pass" if verdict.passed else "fail", verdict.message, verdict.details)


def table(results: list[Graded], lang: str = "en") -> str:
    """One line per file: ``FILE: pass``, ``FILE: fail: HINT``, ``FILE: unreadable: WHY`` (the
    status words stay English, for scripts that read them; an unreadable file's reason is
    translated into *lang*; the hints already speak it)."""
    return "".join(
        f"{r.file}: pass\n"
        if r.status == "pass"
        else f"{r.file}: {r.status}: {translate(r.message, lang) if r.status == 'unreadable' else r.message}\n"
        for r in results
    )


def json_report(exercise: Exercise, results: list[Graded]) -> str:
    """The report as JSON: the exercise, one entry per file, and the counts."""
    report = {
        "exercise": {"id": exercise.id, "title": exercise.title("en"), "file": exercise.path},
        "results": [
            {"file": r.file, "status": r.status, "message": r.message, "details": list(r.details)}
            for r in results
        ],
        "passed": sum(r.status == "pass" for r in results),
        "failed": sum(r.status == "fail" for r in results),
        "unreadable": sum(r.status == "unreadable" for r in results),
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


__all__ = ["Graded", "build_parser", "grade_file", "json_report", "main", "student_files", "table"]
