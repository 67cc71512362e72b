"""CNN Studio's main window: block palette, canvas, inspector, shape and cost table, menus.

The window puts the parts around one :class:`~cnnstudio.ui.document.Document`; each part
follows the document on its own. Files, menus, exports, the start page and settings live in
their own modules.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from ..core import Network
from .canvas import CanvasView
from .compare import install_compare
from .document import Document
from .exercises import install_exercises
from .experiments import install_experiments
from .exports import Exporter
from .files import FileController
from .fonts import install_fonts
from .inspector import Inspector
from .layer_table import COLUMNS
from .lessons import install_lessons
from .menus import build_menus
from .palette import Palette
from .settings import Settings
from .start_page import StartPage
from .status import NetworkStatus
from .table_dock import DisplayToggles, TableDock
from .training import TrainingPanel

APP_NAME = "CNN Studio"
DEFAULT_SIZE = (1600, 1000)
PALETTE_WIDTH, INSPECTOR_WIDTH, TABLE_HEIGHT = 240, 320, 330
"""The docks' sizes in a window of the default size; a smaller window gives them a share."""
STATUS_MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    """The app's window around one open network.

    Parameters
    ----------
    network : Network, optional
        The network to open (LeNet-5 when None).
    path : Path, optional
        The file *network* was read from (its name goes in the title; Save writes there).
    remember_layout : bool
        Restore the window's size and docks from the settings and save them on close (the
        default); False always starts with the default layout (used for screenshots).

    Attributes
    ----------
    document : Document
        The open network, its analysis, undo stack and selection.
    canvas, block_palette, inspector, table
        The diagram, the block palette, the inspector and the shape and cost table view.
    files : FileController
        New, Open, Save, recent files and recovery.
    menu_actions : dict[str, QAction]
        The window's own menu actions by name (``"save"``, ``"undo"``, ``"preset:resnet50"``, ...).
    compare : CompareDock
        Networks side by side; ``compare.show_comparison("bottleneck-5x5")`` shows a ready-made one.
    lessons : LessonsDock
        The lessons and their "Try it" steps; ``lessons.show_lesson("L03")`` shows one.
    exercises : ExerciseController
        The open exercise; ``exercises.open_path(path)`` opens one.
    experiments : Experiments
        ``experiments.show_depth_experiment()``, ``show_identity_check()``, ``show_inside()``.

    Signals
    -------
    first_painted()
        The window has been drawn for the first time (start-up dialogs wait for it).
    """

    first_painted = Signal()

    def __init__(
        self, network: Network | None = None, path: Path | None = None, remember_layout: bool = True
    ) -> None:
        super().__init__()
        install_fonts()  # Korean text needs the shipped font (app start-up does this first)
        self.setObjectName("mainWindow")
        self._painted = False
        self.settings = Settings()
        self.remember_layout = remember_layout
        self.document = Document(network, self)
        self.document.path = Path(path).resolve() if path else None
        if remember_layout:
            self.document.set_shape_order(self.settings.shape_order())
            self.document.set_show_flops(self.settings.show_flops())
        self._build_parts()
        self.files = FileController(self.document, self, self.settings)
        self.exporter = Exporter(self.document, self.canvas, self.settings, self)
        self.menu_actions = build_menus(self)
        self.training_panel = TrainingPanel(self.document, self.files.maybe_save)
        self.add_training_dock(self.training_panel)
        self.compare = install_compare(self)  # the Compare dock and menu
        self.lessons = install_lessons(self)  # the Lessons dock (View > Lessons)
        self.exercises = install_exercises(self)  # File > Open Exercise…, the Exercise dock
        self.experiments = install_experiments(self)  # the Experiments menu; lessons' experiment: links
        self._build_status_bar()
        self._connect()
        self.update_title()
        self._restore_layout()

    # -- parts --------------------------------------------------------------------------------

    def _build_parts(self) -> None:
        doc = self.document
        self.canvas = CanvasView(doc)
        self.setCentralWidget(self.canvas)
        self.block_palette = Palette(doc)
        self.inspector = Inspector(doc)
        self.toggles = DisplayToggles(doc, self)
        self.palette_dock = self._dock(
            self.tr("Blocks"), self.block_palette, "paletteDock", Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.inspector_dock = self._dock(
            self.tr("Inspector"), self.inspector, "inspectorDock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.table_dock = TableDock(doc, self.toggles, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.table_dock)
        self.table = self.table_dock.view
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.training_dock: QDockWidget | None = None

    def _dock(self, title: str, widget: QWidget, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        """Every dock, in View-menu order."""
        docks = [self.palette_dock, self.inspector_dock, self.table_dock]
        return docks + ([self.training_dock] if self.training_dock else [])

    def add_training_dock(self, panel: QWidget, title: str | None = None) -> QDockWidget:
        """Dock *panel* (the training panel) beside the table and list it in the View menu."""
        dock = QDockWidget(title or self.tr("Training"), self)
        dock.setObjectName("trainingDock")
        dock.setWidget(panel)
        if not self.restoreDockWidget(dock):  # placed where the user left it last time, if known
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self.tabifyDockWidget(self.table_dock, dock)
            self.table_dock.raise_()  # the table stays in front; the Training tab waits behind it
        self.training_dock = dock
        self.view_menu().addAction(dock.toggleViewAction())
        return dock

    def view_menu(self) -> QMenu:
        """The View menu."""
        return self.menu_actions["view_menu"].menu()

    def _build_status_bar(self) -> None:
        self.network_status = NetworkStatus(self.document)
        self.statusBar().addPermanentWidget(self.network_status)

    def _connect(self) -> None:
        doc = self.document
        doc.title_changed.connect(self.update_title)
        doc.summary_changed.connect(self.update_title)
        doc.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        self.table.open_block_requested.connect(self.canvas.open_block)
        # a layer inside a block: chosen on the canvas or in the table, shown in both and inspected
        self.canvas.inner_layer_selected.connect(self._on_inner_layer_selected)
        self.table.inner_row_selected.connect(self.inspector.show_inner_layer)
        self.table.inner_row_selected.connect(self.canvas.select_inner)

    def _on_inner_layer_selected(self, path: str) -> None:
        """A layer picked in the opened block: its row in the table, its page in the inspector;
        nothing picked there: the block's own row and page."""
        if not path and self.canvas.current_block is not None:
            block = self.document.row(self.canvas.current_block)
            if block is not None:
                self.table.select_path(block.path)
        elif path:
            self.table.select_path(path)
        self.inspector.show_inner_layer(path)

    # -- title, start page --------------------------------------------------------------------

    def update_title(self) -> None:
        """``name.cnnstudio.json* – CNN Studio``: the file (or network) name, ``*`` if unsaved."""
        star = "*" if self.document.modified else ""
        self.setWindowTitle(f"{self.document.display_name}{star} – {APP_NAME}")

    def show_start_page(self) -> StartPage:
        """Show the case-study cards; a chosen card opens its network."""
        page = StartPage(self.settings.show_start_page(), self, self.lessons.panel.catalog().ids)
        page.preset_chosen.connect(self.files.open_preset)
        page.empty_chosen.connect(self.files.new_network)
        page.lessons_chosen.connect(self.lessons.show_lesson)
        page.finished.connect(
            lambda _result: self.settings.set_show_start_page(page.show_at_start.isChecked())
        )
        page.open()
        return page

    # -- settings and closing -----------------------------------------------------------------

    def select_layer(self, path: str, column: str = "macs") -> bool:
        """Select the layer called *path* (``block.inner`` for a block's layer) and show the
        formula of its *column* cell; False if there is no such layer."""
        index = self.table.table_model.index_of_path(path, COLUMNS.index(column))
        if not index.isValid():
            return False
        self.document.set_selection([self.table.table_model.row_of(index).node_id])
        # the selection model's own flags: setCurrentIndex would read the keyboard's modifiers
        # now (Ctrl held toggles, and can clear the selection just made)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)
        return True

    def _restore_layout(self) -> None:
        available = self.screen().availableGeometry()
        width, height = DEFAULT_SIZE
        self.resize(min(width, int(available.width() * 0.95)), min(height, int(available.height() * 0.95)))
        self.default_dock_sizes()
        if not self.remember_layout:
            return
        geometry = self.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def default_dock_sizes(self) -> None:
        """Give the docks their first sizes for the window's size now: comfortable on a large
        screen, a share of a small window (at 1024x700 the canvas keeps about half the window's
        width and height)."""
        width, height = self.width(), self.height()
        sides = [min(PALETTE_WIDTH, int(width * 0.21)), min(INSPECTOR_WIDTH, int(width * 0.27))]
        self.resizeDocks([self.palette_dock, self.inspector_dock], sides, Qt.Orientation.Horizontal)
        self.resizeDocks([self.table_dock], [min(TABLE_HEIGHT, int(height * 0.4))], Qt.Orientation.Vertical)

    def save_settings(self) -> None:
        """Remember the window's layout and the display toggles."""
        if not self.remember_layout:
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.save_display(self.document.shape_order, self.document.show_flops)
        self.settings.sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.files.close()
        self.training_panel.shutdown()
        event.accept()


__all__ = ["MainWindow"]
