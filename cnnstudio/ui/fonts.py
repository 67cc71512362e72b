"""The fonts the app ships: Nanum Gothic, so Korean never shows as empty boxes.

Many machines have no Korean font (a fresh Debian or a CI runner has none). CNN Studio ships
Nanum Gothic (SIL Open Font License, ``resources/fonts/``) and :func:`install_fonts` registers it
once per application and makes it the fallback of the application font: Latin text keeps the
system's own font, and any character it lacks (Hangul) is drawn with Nanum Gothic. Fonts named
elsewhere (the formula panel's monospace) fall back to it through the platform's font
matching, which sees the registered font too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

KOREAN_FONT_FILE = "NanumGothic.ttf"
KOREAN_FAMILY = "NanumGothic"
"""The family name inside the shipped font file."""


def korean_font_path() -> Path:
    """The shipped Korean font file."""
    return Path(str(files("cnnstudio.resources"))) / "fonts" / KOREAN_FONT_FILE


def install_fonts(app: QApplication | None = None) -> str | None:
    """Register the shipped Korean font (once) and make it the application font's fallback.

    Returns the family Korean text falls back to, or None if the font file cannot be read
    (Korean then depends on the system's fonts; nothing else changes). Safe to call again: a
    second call changes nothing.
    """
    app = app or QApplication.instance()
    family = _registered_family()
    if family is None or app is None:
        return family
    font = app.font()
    families = font.families() or [QFontInfo(font).family()]
    if family not in families:
        # the resolved family (not an alias like "Sans Serif"), so Latin text keeps its look
        font.setFamilies([QFontInfo(font).family(), family])
        app.setFont(font)
    return family


def _registered_family() -> str | None:
    if KOREAN_FAMILY in QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        return KOREAN_FAMILY  # registered already (or installed on the system)
    font_id = QFontDatabase.addApplicationFont(str(korean_font_path()))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


__all__ = ["KOREAN_FAMILY", "install_fonts", "korean_font_path"]
