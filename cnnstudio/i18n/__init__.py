"""Messages made in English by the pure-Python layers, in the user's language.

The core, data, training, comparing, interop and teaching packages write their messages in
English, as finished text with the values filled in (``"kernel 5x5 is larger than the 3x3
input; use padding or a smaller kernel"``). :func:`translate` turns such a text into another
language by matching it against a catalog of English templates and their translations (see
:mod:`cnnstudio.i18n.templates` and :mod:`cnnstudio.i18n.catalog`), so the layers that make the
messages need to know nothing about languages. A text the catalog does not know comes back as it
is, so an untranslated message is still shown, in English.

Each language's catalog is compiled the first time it is asked for, once, under a lock: the GUI
thread and the training worker may both translate at once. The package is pure Python (no Qt,
no torch, no numpy) and imports nothing else of CNN Studio, so every layer and the command line
can use it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from .catalog import Catalog

LANGUAGES = ("en", "ko")
"""The languages CNN Studio speaks; English is the one its messages are written in."""

_catalogs: dict[str, Catalog] = {}
_lock = threading.Lock()


def language(code: str | None) -> str:
    """``"en"`` or ``"ko"`` for a language or locale name (``"ko"``, ``"ko_KR.UTF-8"``,
    ``"ko-KR"``); English for any other or none."""
    name = (code or "").replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return name if name in LANGUAGES else "en"


def locale_language(environ: Mapping[str, str]) -> str:
    """The language the locale in *environ* asks for: the first of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` that is set (as the C library reads them), mapped by :func:`language`."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return language(value)
    return "en"


def catalog(lang: str) -> Catalog | None:
    """The compiled catalog of *lang*, built on first use (thread-safe); None for English."""
    found = _catalogs.get(lang)
    if found is not None or lang not in LANGUAGES[1:]:
        return found
    with _lock:
        found = _catalogs.get(lang)
        if found is None:
            found = Catalog.build(lang, _entries(lang))
            _catalogs[lang] = found
    return found


def _entries(lang: str):
    from .ko import ENTRIES

    assert lang == "ko"
    return ENTRIES


def translate(text: str, lang: str) -> str:
    """*text*, a finished English message, in *lang* (``"en"``, ``"ko"``, or a locale name).

    English returns *text* as it is; a line no entry of the catalog matches stays English.
    """
    lang = language(lang)
    if lang == "en" or not text:
        return text
    found = catalog(lang)
    return text if found is None else found.translate(text)


__all__ = ["LANGUAGES", "catalog", "language", "locale_language", "translate"]
