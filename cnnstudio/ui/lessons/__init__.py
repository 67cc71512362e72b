"""The lessons panel: the lessons of ``resources/lessons/`` beside the network, in English or Korean.

* :mod:`.rendering` — a lesson as rich text (Markdown, formula boxes, links);
* :mod:`.steps` — its "Try it" steps, a checklist checked live against the open network;
* :mod:`.links` — what its links do (open a preset, compare, run an experiment, ...);
* :mod:`.panel` — :class:`LessonsPanel`: lesson and language choosers, the text, the steps;
* :mod:`.dock` — :class:`LessonsDock` and :func:`install_lessons`, the main window's part.
"""

from __future__ import annotations

from .dock import LessonsDock, install_lessons
from .links import follow_link
from .panel import LessonsPanel

__all__ = ["LessonsDock", "LessonsPanel", "follow_link", "install_lessons"]
