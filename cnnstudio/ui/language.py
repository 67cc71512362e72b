"""The languages the app speaks: English and Korean.

:func:`current_language` is the language the app starts in: the one given on the command line
(``cnnstudio --lang ko``, for this run only), else the one chosen under View > Language (saved in
the settings), else the system's (``QLocale``), else English. :func:`install_translators` puts
the app's translation (``resources/translations/cnnstudio_ko.qm``) and Qt's own
(``qtbase_ko.qm``, for standard buttons and dialogs) in place before the window is built; a new
choice takes effect at the next start (View > Language offers to restart). English is the language the code is written in, so it
needs no translation file.

Text made by the pure-Python layers (the core's problems and formulas, the teaching and
comparing packages' messages) is English; :func:`core_text` turns it into the app's language
with :func:`cnnstudio.i18n.translate` where that package exists, and leaves it as it is where
it does not.

The lessons panel has a language of its own (:func:`lesson_language`), which follows the app's
until the student picks another one in the panel, so a student may read the lessons in one
language while the menus speak another. Choosing a new app language under View > Language makes
the lessons follow it again.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..teaching.messages import LANGUAGES, language
from .settings import APPLICATION, ORGANIZATION

APP_LANGUAGE_KEY = "language/app"
LESSON_LANGUAGE_KEY = "language/lessons"
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
"""Each language as its speakers write it (the same whatever the app's language)."""
CATALOG = "cnnstudio"
"""The app's translation files are ``cnnstudio_<language>.ts`` (source) and ``.qm`` (compiled)."""
QT_CATALOGS = ("qtbase",)
"""Qt's own translations loaded beside the app's: standard buttons, file and message dialogs."""
QT_TEXTS_LEFT_IN_ENGLISH = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),  # Qt asks with a disambiguation;
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),  # a catalog answers without one
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)
"""Qt's own words that its ``qtbase_ko.qm`` leaves in English (Qt 6 gave the file dialog's
labels accelerators and moved its file types to a new context; the catalog still has the old
ones): the app's catalog, asked after
Qt's, carries them under Qt's context."""

_session_language: str | None = None
_ui_language = "en"
_installed: list[QTranslator] = []
_core_translate: Callable[[str, str], str] | None = None


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _chosen(key: str) -> str | None:
    value = _store().value(key)
    return value if isinstance(value, str) and value in LANGUAGES else None


def system_language() -> str:
    """``"en"`` or ``"ko"``: the system's language (English for any other)."""
    return language(QLocale().name())


def current_language() -> str:
    """``"en"`` or ``"ko"``: the language given for this run, else the one chosen in the
    settings, else the system's."""
    return _session_language or _chosen(APP_LANGUAGE_KEY) or system_language()


def saved_language() -> str:
    """The language the app starts in when no language is given on the command line."""
    return _chosen(APP_LANGUAGE_KEY) or system_language()


def set_session_language(lang: str | None) -> None:
    """Speak *lang* in this run whatever the settings say (``cnnstudio --lang``); None forgets it."""
    global _session_language
    _session_language = language(lang) if lang else None


def set_current_language(lang: str) -> None:
    """Remember *lang* (``"en"`` or ``"ko"``) as the app's language from the next start on; the
    lessons follow it again (their own choice is forgotten)."""
    store = _store()
    store.setValue(APP_LANGUAGE_KEY, language(lang))
    store.remove(LESSON_LANGUAGE_KEY)


def lesson_language() -> str:
    """The language lessons and exercises are shown in: the one last chosen in the lessons
    panel, else the app's."""
    return _chosen(LESSON_LANGUAGE_KEY) or current_language()


def set_lesson_language(lang: str) -> None:
    """Remember *lang* as the language of lessons and exercises."""
    _store().setValue(LESSON_LANGUAGE_KEY, language(lang))


# -- translations ---------------------------------------------------------------------------------


def translations_dir() -> Path:
    """The folder of the app's translation files (``resources/translations``)."""
    return Path(str(files("cnnstudio.resources"))) / "translations"


def qt_translations_dir() -> str:
    """The folder of Qt's own translation files, as this Qt was built or bundled."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def ui_language() -> str:
    """The language the user interface speaks now: the one whose translation is installed
    (``"en"`` when none is)."""
    return _ui_language


def install_translators(lang: str, app: QCoreApplication | None = None) -> str:
    """Make the user interface speak *lang*: install the app's and Qt's translations for it
    (removing any installed before). Returns the language
    installed: ``"en"`` for English, or when the app's translation file cannot be read.

    Call it before the window is built: text already shown does not change. The locale
    (how Qt writes dates and numbers) stays the system's: the app writes its numbers itself,
    with thousands separators (61,706) in every language.
    """
    global _ui_language
    app = app or QCoreApplication.instance()
    lang = language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _ui_language = "en"
    if lang != "en" and _install(app, f"{CATALOG}_{lang}", str(translations_dir())):
        _ui_language = lang
        for catalog in QT_CATALOGS:
            _install(app, f"{catalog}_{lang}", qt_translations_dir())
    return _ui_language


def _install(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def core_text(text: str) -> str:
    """*text*, a message made by the pure-Python layers in English, in the app's language.

    Uses :func:`cnnstudio.i18n.translate`; a message it does not know, or a build without
    that package, gives *text* unchanged.
    """
    if _ui_language == "en" or not text:
        return text
    translate = _core_translator()
    return translate(text, _ui_language) if translate is not None else text


def _core_translator() -> Callable[[str, str], str] | None:
    global _core_translate
    if _core_translate is None:
        try:  # by name: while a build lacks the package, the import checker must not follow it
            translate = import_module("cnnstudio.i18n").translate
        except ImportError:
            return None
        _core_translate = translate
    return _core_translate


__all__ = [
    "LANGUAGE_NAMES",
    "core_text",
    "current_language",
    "install_translators",
    "lesson_language",
    "saved_language",
    "set_current_language",
    "set_lesson_language",
    "set_session_language",
    "system_language",
    "translations_dir",
    "ui_language",
]
