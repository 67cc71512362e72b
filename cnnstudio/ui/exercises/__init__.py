"""Exercises in the app: open an exercise file, build or predict, check, save the work.

* :mod:`.panel` — :class:`ExercisePanel`: the exercise, its live status and the checker's hint;
* :mod:`.predict` — the questions of a predict exercise;
* :mod:`.controller` — :class:`ExerciseController`: opening, locking, checking, saving;
* :mod:`.dock` — :class:`ExerciseDock` and :func:`install_exercises`, the main window's part.
"""

from __future__ import annotations

from .controller import ExerciseController
from .dock import ExerciseDock, install_exercises
from .panel import ExercisePanel

__all__ = ["ExerciseController", "ExerciseDock", "ExercisePanel", "install_exercises"]
