"""View > Language: English or 한국어, from the next start (with an offer to restart now).

The menu's entries are written in their own languages, so a student who opened the app in a
language they cannot read still finds theirs. The interface is translated once, as the window
is built, so a new choice is saved (:func:`~cnnstudio.ui.language.set_current_language`) and
takes effect when CNN Studio starts again; the app offers to restart at once. Restarting closes
the window as File > Quit does (asking about unsaved work first) and starts CNN Studio again
with the file that was open, if it was saved in one.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from .language import LANGUAGE_NAMES, set_current_language, ui_language

if TYPE_CHECKING:
    from .main_window import MainWindow


def add_language_menu(window: MainWindow, menu: QMenu) -> QAction:
    """Add the Language submenu to *menu*; returns its menu action (its entries are its
    menu's actions, each with its language code as data)."""
    submenu = menu.addMenu(QCoreApplication.translate("LanguageMenu", "Lan&guage"))
    submenu.setObjectName("languageMenu")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    for code, name in LANGUAGE_NAMES.items():
        action = submenu.addAction(name)
        action.setData(code)
        action.setCheckable(True)
        action.setChecked(code == ui_language())
        action.setStatusTip(
            QCoreApplication.translate(
                "LanguageMenu", "Show CNN Studio in {language} from its next start"
            ).format(language=name)
        )
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, lang=code: choose_language(window, lang))
    return submenu.menuAction()


def choose_language(window: MainWindow, lang: str) -> bool:
    """Save *lang* as the app's language and, if the window speaks another, offer to restart
    now; True if the app restarts."""
    set_current_language(lang)
    if lang == ui_language():
        return False
    if not _ask_restart(window, LANGUAGE_NAMES[lang]):
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "LanguageMenu", "CNN Studio will be in {language} from its next start"
            ).format(language=LANGUAGE_NAMES[lang])
        )
        return False
    return restart(window)


def _ask_restart(window: MainWindow, language_name: str) -> bool:
    box = QMessageBox(window)
    box.setObjectName("restartQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LanguageMenu", "Language"))
    box.setText(
        QCoreApplication.translate(
            "LanguageMenu", "CNN Studio will be in {language} when it starts again. Restart it now?"
        ).format(language=language_name)
    )
    now = box.addButton(
        QCoreApplication.translate("LanguageMenu", "Restart Now"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("LanguageMenu", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.exec()
    return box.clickedButton() is now


def restart(window: MainWindow) -> bool:
    """Close *window* (asking about unsaved work) and start CNN Studio again with its file;
    False if the student cancelled the closing."""
    if not window.close():
        return False
    path = window.document.path
    program, arguments = restart_command(str(path) if path is not None else None)
    start_detached(program, arguments)
    QCoreApplication.quit()
    return True


def restart_command(file: str | None) -> tuple[str, list[str]]:
    """The program and arguments that start CNN Studio again (with *file*, if given)."""
    files = [file] if file else []
    if getattr(sys, "frozen", False):  # the packaged app: its executable is CNN Studio itself
        return sys.executable, files
    return sys.executable, ["-m", "cnnstudio", *files]


def start_detached(program: str, arguments: list[str]) -> bool:
    """Start *program* as a process of its own, which outlives this one."""
    started, _pid = QProcess.startDetached(program, arguments)
    return started


__all__ = ["add_language_menu", "choose_language", "restart", "restart_command"]
