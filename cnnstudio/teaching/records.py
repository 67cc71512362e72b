"""A student's network file that remembers the exercise it answers.

When a student saves work on an exercise, the app writes an ordinary network file
(``*.cnnstudio.json``) with one more top-level field (:meth:`ExerciseRecord.to_dict`)::

    {"format": "cnnstudio-network", "version": 1, "name": "...", "nodes": [...],
     "exercise": {"id": "cut-5x5-cost", "passed": true}}

``passed`` is what the app's checker said about this very network when it was saved. The
network reader ignores top-level fields it does not know, so the file opens everywhere a
network file does, and ``cnnstudio check`` grades it like any other (the teacher's check grades
the network again; it never trusts ``passed``). When the app opens such a file it offers to go
on with the exercise.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..core.jsonfile import FileFormatError, parse_json, read_text, unprintable

FIELD = "exercise"
"""The top-level field of a network file that holds the record."""
MAX_ID = 100


@dataclass(frozen=True)
class ExerciseRecord:
    """Which exercise a network file answers, and whether it passed when it was saved."""

    id: str
    passed: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "passed": self.passed}


def record_from(data: Any) -> ExerciseRecord | None:
    """The record in a parsed network file (None when it has none, or one that is not
    ``{"id": text, "passed": true/false}``)."""
    if not isinstance(data, dict):
        return None
    record = data.get(FIELD)
    if not isinstance(record, dict) or set(record) != {"id", "passed"}:
        return None
    exercise_id, passed = record["id"], record["passed"]
    if not isinstance(exercise_id, str) or not isinstance(passed, bool):
        return None
    if not exercise_id.strip() or len(exercise_id) > MAX_ID or unprintable(exercise_id):
        return None
    return ExerciseRecord(exercise_id, passed)


def read_record(path: str | os.PathLike[str]) -> ExerciseRecord | None:
    """The record of the network file *path* (None when it has none or cannot be read: the
    network reader says what is wrong with a broken file)."""
    try:
        return record_from(parse_json(read_text(path)))
    except FileFormatError:
        return None


__all__ = ["FIELD", "ExerciseRecord", "read_record", "record_from"]
