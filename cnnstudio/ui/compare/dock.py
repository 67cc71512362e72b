"""The Compare dock and its place in the main window: a tab beside the table, a Compare menu.

:func:`install_compare` is all the main window calls. Lessons and other code reach the dock as
``window.compare``: ``window.compare.show_comparison("bottleneck-5x5")``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from ...comparing import Comparison, NetworkFigures
from ..document import Document
from .pins import PinBoard
from .view import CompareView

if TYPE_CHECKING:
    from ..main_window import MainWindow

COMFORTABLE_HEIGHT = 440
"""Showing a comparison makes the docked view at least this tall (at most half the window)."""


class CompareDock(QDockWidget):
    """The compare view in a dock; comes to the front whenever the pins change.

    Parameters
    ----------
    document : Document, optional
        The open network ("Pin the open network" pins it).

    Attributes
    ----------
    board : PinBoard
    view : CompareView
    """

    def __init__(self, document: Document | None = None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CompareDock", "Compare"), parent)
        self.setObjectName("compareDock")
        self.board = PinBoard(self)
        self.view = CompareView(self.board, document)
        self.setWidget(self.view)
        self.board.changed.connect(self.reveal)

    def show_comparison(self, comparison_id: str) -> Comparison:
        """Show the ready-made comparison *comparison_id* (``KeyError`` if there is none)."""
        return self.view.show_comparison(comparison_id)

    def pin_open_network(self) -> NetworkFigures | None:
        """Pin the open network as it is now."""
        return self.view.pin_open_network()

    def reveal(self) -> None:
        """Show the dock and bring its tab to the front; when it comes into view, make it tall
        enough for the charts (a height the user chose while looking at it stays)."""
        coming_into_view = self.visibleRegion().isEmpty()
        self.show()
        self.raise_()
        window = self.parent()
        if (
            coming_into_view
            and isinstance(window, QMainWindow)
            and not self.isFloating()
            and self.height() < COMFORTABLE_HEIGHT
        ):
            height = min(COMFORTABLE_HEIGHT, window.height() // 2)
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)


def install_compare(window: MainWindow) -> CompareDock:
    """Add the Compare dock (a tab beside the table) and the Compare menu to *window*."""
    dock = CompareDock(window.document, window)
    if not window.restoreDockWidget(dock):  # where the user left it last time, if known
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.tabifyDockWidget(window.table_dock, dock)
        window.table_dock.raise_()
    window.view_menu().addAction(dock.toggleViewAction())
    menu = compare_menu(dock.view, window)
    bar = window.menuBar()
    bar.insertMenu(bar.actions()[-1], menu)  # before Help, the last menu
    for name, action in dock.view.named_actions.items():  # compare:bottleneck-5x5, compare_pin_open, ...
        window.menu_actions[name if name.startswith("compare:") else f"compare_{name}"] = action
    return dock


def compare_menu(view: CompareView, parent: QWidget) -> QMenu:
    """Compare: pin the open network, a preset or a file; the ready-made comparisons; clear."""
    menu = QMenu(QCoreApplication.translate("CompareDock", "&Compare"), parent)
    menu.setObjectName("compareMenu")  # found by name, whatever the language
    menu.addAction(view.named_actions["pin_open"])
    menu.addMenu(view.preset_menu)
    menu.addAction(view.named_actions["pin_file"])
    menu.addSeparator()
    menu.addActions(view.ready_made_menu.actions())
    menu.addSeparator()
    menu.addAction(view.named_actions["clear"])
    return menu
