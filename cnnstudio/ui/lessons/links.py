"""What a lesson's links do in the app: one function, :func:`follow_link`, for every kind.

========================  ===========================================================
``preset:ID``             opens the preset in the canvas, asking about unsaved work first
                          (as File > Open does)
``compare:ID,ID...``      shows the presets side by side in the Compare dock: the lecture's
                          ready-made comparison when one holds exactly these presets (with
                          its title and note), else these presets pinned in this order
``experiment:depth``      ``window.experiments.show_depth_experiment()``
``experiment:identity``   ``window.experiments.show_identity_check()``
``lesson:ID``             the lessons panel shows that lesson
``https://...``           the system's web browser
========================  ===========================================================

A link the app cannot follow (a teacher's typo, an experiment this build lacks) is explained in
the status bar; nothing else happens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from ...comparing import READY_MADE
from ...core.presets import PRESETS
from ...teaching import Link, LinkError, parse_link
from ..language import core_text, ui_language

if TYPE_CHECKING:
    from ..main_window import MainWindow

EXPERIMENT_METHODS = {"depth": "show_depth_experiment", "identity": "show_identity_check"}
"""The method of ``window.experiments`` each ``experiment:`` link calls."""
CONTEXT = "LessonsLinks"
EXPERIMENT_MISSING = QT_TRANSLATE_NOOP(
    "LessonsLinks", "The {experiment} experiment is not part of this build of CNN Studio"
)
EXPERIMENT_NAMES = {
    "depth": QT_TRANSLATE_NOOP("LessonsLinks", "depth (plain against residual)"),
    "identity": QT_TRANSLATE_NOOP("LessonsLinks", "identity"),
}
STATUS_MS = 8000
LINK_TIPS = {
    "preset": QT_TRANSLATE_NOOP("LessonsLinks", "Open {target} in the canvas"),
    "compare": QT_TRANSLATE_NOOP("LessonsLinks", "Compare {target} side by side"),
    "experiment": QT_TRANSLATE_NOOP("LessonsLinks", "Run the {target} experiment"),
    "lesson": QT_TRANSLATE_NOOP("LessonsLinks", "Go to lesson {target}"),
    "web": QT_TRANSLATE_NOOP("LessonsLinks", "Open {target} in the web browser"),
}
"""What a link does, shown while the mouse is over it (English; shown translated)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def follow_link(window: MainWindow, target: str, show_lesson: Callable[[str], object]) -> bool:
    """Do what the lesson link *target* asks in *window*; False (with a status message) if
    it cannot. *show_lesson* shows a lesson by id in the lessons panel."""
    try:
        link = parse_link(target)
    except LinkError as error:
        return _refuse(window, core_text(str(error)))
    if link.kind == "preset":
        return window.files.open_preset(link.targets[0])
    if link.kind == "compare":
        return _compare(window, link)
    if link.kind == "experiment":
        return _experiment(window, link.targets[0])
    if link.kind == "lesson":
        return bool(show_lesson(link.targets[0]))
    return QDesktopServices.openUrl(QUrl(link.targets[0]))


def ready_made_for(presets: tuple[str, ...]) -> str | None:
    """The id of the ready-made comparison of exactly *presets*, in this order (None if none)."""
    return next((entry.id for entry in READY_MADE.values() if entry.presets == presets), None)


def _compare(window: MainWindow, link: Link) -> bool:
    comparison_id = ready_made_for(link.targets)
    if comparison_id is not None:
        window.compare.show_comparison(comparison_id)
        return True
    view = window.compare.view
    view.board.clear()
    for preset_id in link.targets:
        view.pin_preset(preset_id)
    return True


def _experiment(window: MainWindow, experiment: str) -> bool:
    experiments = getattr(window, "experiments", None)
    method = getattr(experiments, EXPERIMENT_METHODS[experiment], None)
    if method is None:
        name = _tr(EXPERIMENT_NAMES[experiment])
        return _refuse(window, _tr(EXPERIMENT_MISSING).format(experiment=name))
    method()
    return True


def _refuse(window: MainWindow, message: str) -> bool:
    window.statusBar().showMessage(message, STATUS_MS)
    return False


def describe(target: str) -> str:
    """What clicking *target* does, in one line (for the status bar while hovering)."""
    try:
        link = parse_link(target)
    except LinkError as error:
        return core_text(str(error))
    names = ", ".join(preset_name(t) for t in link.targets)
    if link.kind == "experiment":
        experiment = link.targets[0]
        target = _tr(EXPERIMENT_NAMES[experiment]) if experiment in EXPERIMENT_NAMES else experiment
    else:
        target = names
    return _tr(LINK_TIPS[link.kind]).format(target=target)


def preset_name(preset_id: str) -> str:
    """The title of the preset *preset_id* in the app's language (the id itself if unknown)."""
    entry = PRESETS.get(preset_id)
    if entry is None:
        return preset_id
    return entry.title_ko if ui_language() == "ko" and entry.title_ko else entry.title


__all__ = ["EXPERIMENT_METHODS", "describe", "follow_link", "preset_name", "ready_made_for"]
