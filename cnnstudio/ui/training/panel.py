"""The training panel docked in the main window (object name ``trainingPanel``).

Creating the panel is cheap and imports neither torch nor pyqtgraph, so the window still opens
at once. The first time the student sees the panel (its dock tab is chosen, or :meth:`TrainingPanel.prepare`
is called) its
worker thread starts and imports torch and pyqtgraph there; meanwhile the panel says so, and
when they are loaded it builds the :class:`~.workspace.TrainingWorkspace` (signal ``ready``).
:meth:`TrainingPanel.shutdown` stops a run and the worker thread; the main window calls it when
it closes, and the panel calls it itself when the application quits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ..document import Document
from .session import TrainingSession

PREFERRED_HEIGHT = 440
"""Height the bottom dock area grows to when the panel is first shown (curves need room)."""


class TrainingPanel(QWidget):
    """Dataset, hyperparameters, run buttons, live curves, results and runs.

    Parameters
    ----------
    document : Document
        The open network: locked while it trains, replaced when a checkpoint is opened.
    confirm_replace : callable, optional
        Asked before a checkpoint replaces the open network (the main window passes its
        "save your changes?" prompt); returning False cancels.

    Attributes
    ----------
    session : TrainingSession
        The worker thread's handle.
    workspace : TrainingWorkspace or None
        The panel's contents, once torch is loaded.

    Signals
    -------
    ready()
        The workspace was built: the panel can train.
    """

    ready = Signal()

    def __init__(
        self,
        document: Document,
        confirm_replace: Callable[[], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.document = document
        self.confirm_replace = confirm_replace
        self.session = TrainingSession(self)
        self.workspace = None
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self._loading_page())
        self.session.worker.prepared.connect(self._on_prepared)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def _loading_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        label = QLabel("Loading PyTorch for training…")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setMaximumWidth(320)
        layout.addWidget(label)
        layout.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    @property
    def is_ready(self) -> bool:
        return self.workspace is not None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not isinstance(self.parentWidget(), QDockWidget):
            QTimer.singleShot(0, self.prepare)  # after this paint: the window first, then torch

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            dock = self.parentWidget()
            if isinstance(dock, QDockWidget):  # a tab behind the table is "visible" but unseen
                dock.visibilityChanged.connect(self._on_dock_visibility)
        return super().event(event)

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self.workspace is not None:
            self.workspace.plots.flush()  # drawn now what came while the tab was behind
        if visible and self.session.thread is None:
            self._grow_dock()
            QTimer.singleShot(0, self.prepare)

    def _grow_dock(self) -> None:
        """Give the curves room: the first time, raise the dock area to PREFERRED_HEIGHT."""
        dock = self.parentWidget()
        window = dock.parentWidget() if dock is not None else None
        if isinstance(window, QMainWindow) and not dock.isFloating() and dock.height() < PREFERRED_HEIGHT:
            window.resizeDocks([dock], [PREFERRED_HEIGHT], Qt.Orientation.Vertical)

    def prepare(self) -> None:
        """Start the worker thread, which loads torch; ``ready`` follows."""
        self.session.prepare()

    @Slot(object)
    def _on_prepared(self, devices: list[str]) -> None:
        if self.workspace is not None or self.session.closed:
            return
        from .workspace import TrainingWorkspace

        self.workspace = TrainingWorkspace(self.document, self.session, devices, self.confirm_replace)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.ready.emit()

    @Slot()
    def shutdown(self) -> None:
        """Stop the run (weights kept until the thread ends) and downloads; wait for the threads."""
        if self.workspace is not None:
            self.workspace.shutdown()
        self.session.shutdown()
