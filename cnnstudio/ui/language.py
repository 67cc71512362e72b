"""The languages the app speaks: English and Korean.

:func:`current_language` is the app's language: the one chosen in the settings, else the
system's (``QLocale``), else English. The lessons panel has a language of its own
(:func:`lesson_language`), which starts as the app's and can be switched in the panel, so a
student may read the lessons in one language while the menus speak another.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from ..teaching.messages import LANGUAGES, language
from .settings import APPLICATION, ORGANIZATION

APP_LANGUAGE_KEY = "language/app"
LESSON_LANGUAGE_KEY = "language/lessons"
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
"""Each language as its speakers write it (the same whatever the app's language)."""


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _chosen(key: str) -> str | None:
    value = _store().value(key)
    return value if isinstance(value, str) and value in LANGUAGES else None


def current_language() -> str:
    """``"en"`` or ``"ko"``: the language chosen in the settings, else the system's."""
    return _chosen(APP_LANGUAGE_KEY) or language(QLocale().name())


def set_current_language(lang: str) -> None:
    """Remember *lang* (``"en"`` or ``"ko"``) as the app's language."""
    _store().setValue(APP_LANGUAGE_KEY, language(lang))


def lesson_language() -> str:
    """The language lessons and exercises are shown in: the one last chosen in the lessons
    panel, else the app's."""
    return _chosen(LESSON_LANGUAGE_KEY) or current_language()


def set_lesson_language(lang: str) -> None:
    """Remember *lang* as the language of lessons and exercises."""
    _store().setValue(LESSON_LANGUAGE_KEY, language(lang))


__all__ = [
    "LANGUAGE_NAMES",
    "current_language",
    "lesson_language",
    "set_current_language",
    "set_lesson_language",
]
