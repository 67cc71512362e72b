"""The training panel docked in the main window (object name ``trainingPanel``).

Creating the panel is cheap and imports neither torch nor pyqtgraph, so the window still opens
at once. Once the window has been drawn and the student has left mouse and keyboard alone for
:attr:`TrainingPanel.idle_warm_up_ms`, the panel starts its worker thread, which imports torch
and pyqtgraph and takes one small training step there (the first step loads much of PyTorch);
then it builds the :class:`~.workspace.TrainingWorkspace` (signal ``ready``), so the Training
tab is ready by the time the student reaches for it. Choosing the tab earlier starts the same
work at once; meanwhile the panel says that PyTorch is loading.
:meth:`TrainingPanel.shutdown` stops a run and the worker thread; the main window calls it when
it closes, and the panel calls it itself when the application quits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ..document import Document
from .session import TrainingSession

PREFERRED_HEIGHT = 440
"""Height the bottom dock area grows to when the panel is first shown (curves need room)."""

IDLE_WARM_UP_MS = 400
"""How long the window must go without mouse or keyboard input before PyTorch loads behind it."""

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.DragMove,
    }
)


class IdleWatch(QObject):
    """Tells when the student has left mouse and keyboard alone for *idle_ms*, and when they are back.

    ``on_idle`` is called after *idle_ms* without input (counted from :meth:`window_painted`),
    ``on_busy`` at the first input after that. Nothing is called before the application's event
    loop runs (a window drawn only for a ``--screenshot`` never starts any work).
    """

    def __init__(
        self,
        on_idle: Callable[[], None],
        on_busy: Callable[[], None],
        idle_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_idle, self._on_busy = on_idle, on_busy
        self._timer = QTimer(self, singleShot=True, interval=idle_ms)
        self._timer.timeout.connect(self._fire)
        self._watching = False
        self.idle = False

    def window_painted(self) -> None:
        """Begin watching (the window is on screen)."""
        app = QCoreApplication.instance()
        if self._watching or app is None:
            return
        self._watching = True
        app.installEventFilter(self)
        self._timer.start()

    def cancel(self) -> None:
        """Stop watching for good."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._timer.start()  # wait again
            if self.idle:
                self.idle = False
                self._on_busy()
        return False

    def _fire(self) -> None:
        if QThread.currentThread().loopLevel() == 0:  # no event loop yet: nobody to use the tab
            self._timer.start()
            return
        self.idle = True
        self._on_idle()


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
    idle_warm_up_ms: int | None = IDLE_WARM_UP_MS
    """Load PyTorch this long after the window painted and input stopped (None: only when shown)."""

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
        self.session.prepared.connect(self._on_prepared)
        self._idle = (
            IdleWatch(self._on_idle, self.session.hold, self.idle_warm_up_ms, self)
            if self.idle_warm_up_ms
            else None
        )
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def _loading_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        label = QLabel(QCoreApplication.translate("TrainingPanel", "Loading PyTorch for training…"))
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
                dock.window().installEventFilter(self)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._idle is not None:  # the window is drawn
            watched.removeEventFilter(self)
            self._idle.window_painted()
        return False

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self.workspace is not None:
            self.workspace.on_shown()  # drawn now what came while the tab was behind
        if visible and not self.session.started:
            self._grow_dock()
            QTimer.singleShot(0, self.prepare)

    def _grow_dock(self) -> None:
        """Give the curves room: the first time, raise the dock area to PREFERRED_HEIGHT."""
        dock = self.parentWidget()
        window = dock.parentWidget() if dock is not None else None
        height = min(PREFERRED_HEIGHT, window.height() // 2) if isinstance(window, QMainWindow) else 0
        if height and not dock.isFloating() and dock.height() < height:
            window.resizeDocks([dock], [height], Qt.Orientation.Vertical)  # half a small window at most

    def prepare(self) -> None:
        """Start the worker thread, which loads torch, without waiting for idle time; ``ready`` follows."""
        if self._idle is not None:
            self._idle.cancel()
        self.session.release()
        self.session.prepare()

    def _on_idle(self) -> None:
        """A quiet moment: start (or go on with) loading PyTorch behind the window."""
        self.session.release()
        self.session.prepare()

    @Slot(object)
    def _on_prepared(self, devices: list[str]) -> None:
        if self.workspace is not None or self.session.closed:
            return
        if self._idle is not None:
            self._idle.cancel()
        from .workspace import TrainingWorkspace

        self.workspace = TrainingWorkspace(self.document, self.session, devices, self.confirm_replace)
        scroll = QScrollArea()  # on a small screen the panel scrolls rather than widen the window
        scroll.setObjectName("trainingScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.workspace)
        self.stack.addWidget(scroll)
        self.stack.setCurrentWidget(scroll)
        self.ready.emit()

    @Slot()
    def shutdown(self) -> None:
        """Stop the run (weights kept until the thread ends) and downloads; wait for the threads."""
        if self._idle is not None:
            self._idle.cancel()
        if self.workspace is not None:
            self.workspace.shutdown()
        self.session.shutdown()
