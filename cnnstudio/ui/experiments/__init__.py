"""The experiments that let a student see the lectures' claims happen.

* :mod:`.controller` — :class:`Experiments`, the main window's ``window.experiments``:
  ``show_depth_experiment()``, ``show_identity_check()``, ``show_inside()`` (the lessons'
  ``experiment:depth`` and ``experiment:identity`` links call the first two).
* :mod:`.depth_window` — Plain-20/56 against ResNet-20/56, trained alike, overlaid, with their
  gradient norms; :mod:`.identity_window` — a residual block with its last layer zeroed passes
  its input through; :mod:`.inside_window` — filters, feature maps, receptive fields.
* :mod:`.worker` and :mod:`.backend` — the torch work, on the training worker's thread;
  :mod:`.records` — what crosses the threads.

Importing this package imports neither torch nor pyqtgraph: the windows are made when first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from .controller import Experiments

if TYPE_CHECKING:
    from ..main_window import MainWindow

MENU_ACTIONS = (
    (
        "experiment:depth",
        QT_TRANSLATE_NOOP("ExperimentsMenu", "The depth experiment: plain against residual…"),
        QT_TRANSLATE_NOOP(
            "ExperimentsMenu",
            "Train Plain-20, Plain-56, ResNet-20 and ResNet-56 alike and overlay their training error",
        ),
        "show_depth_experiment",
    ),
    (
        "experiment:identity",
        QT_TRANSLATE_NOOP("ExperimentsMenu", "The identity: zero a residual block's last layer…"),
        QT_TRANSLATE_NOOP(
            "ExperimentsMenu", "See a residual block pass its input through when its last layer is zero"
        ),
        "show_identity_check",
    ),
    (
        "experiment:inside",
        QT_TRANSLATE_NOOP("ExperimentsMenu", "Inside the network: filters and feature maps…"),
        QT_TRANSLATE_NOOP(
            "ExperimentsMenu",
            "The first layer's filters, the feature maps of a layer and their receptive fields",
        ),
        "show_inside",
    ),
)


def install_experiments(window: MainWindow) -> Experiments:
    """Make ``window.experiments`` and add the Experiments menu (before Compare and Help)."""
    experiments = Experiments(window)
    translate = QCoreApplication.translate
    menu = QMenu(translate("ExperimentsMenu", "E&xperiments"), window)
    for name, text, tip, method in MENU_ACTIONS:
        action = QAction(translate("ExperimentsMenu", text), window)
        action.setStatusTip(translate("ExperimentsMenu", tip))
        action.triggered.connect(lambda _checked=False, m=method: getattr(experiments, m)())
        menu.addAction(action)
        window.menu_actions[name] = action
    bar = window.menuBar()
    # after Presets, before Compare and Help (the menus that end the bar)
    ends = [a for a in bar.actions() if a.menu() and a.menu().objectName() in ("compareMenu", "helpMenu")]
    if ends:
        bar.insertMenu(ends[0], menu)
    else:
        bar.addMenu(menu)
    return experiments


__all__ = ["Experiments", "install_experiments"]
