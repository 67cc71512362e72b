"""``window.experiments``: the experiments' windows, their worker and the Experiments menu.

:class:`Experiments` is what the rest of the app (the lessons' ``experiment:depth`` and
``experiment:identity`` links, the menu) calls. It moves an :class:`~.worker.ExperimentWorker`
to the training worker's thread once PyTorch is loaded there (loading it first if needed), so
the experiments' torch work and the training panel's run one after another on one thread, and
no torch work runs in the GUI thread. While the depth experiment trains, the training panel's
Train button says so (``TrainingSession.set_busy``), and the experiment's runs join the panel's
runs list, where the accuracy-against-cost plot shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot

from ...training.checks import RunCost
from .worker import ExperimentWorker

if TYPE_CHECKING:
    from ...training.depth import DepthResult, DepthSettings
    from ..main_window import MainWindow
    from .depth_window import DepthExperimentWindow
    from .identity_window import IdentityWindow
    from .inside_window import InsideWindow

BUSY_TEXT = QT_TRANSLATE_NOOP(
    "ExperimentsDepth", "the depth experiment is training on the worker: wait for it or stop it"
)
RUNNING_TEXT = QT_TRANSLATE_NOOP("ExperimentsDepth", "a training run is in progress: stop it first")


class Experiments(QObject):
    """The depth experiment, the identity check and the inside view of one main window.

    Attributes
    ----------
    depth_window, identity_window, inside_window
        The windows, made when first shown (None before).
    worker : ExperimentWorker
        Lives in the training worker's thread once that has started.

    Signals
    -------
    _depth, _inside, _identity
        Queued requests to the worker (private).
    """

    _depth = Signal(object)
    _inside = Signal(object, str)
    _identity = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = window.training_panel
        self.session = self.panel.session
        self.worker = ExperimentWorker(self.session.worker, self.session.control)
        self._depth.connect(self.worker.run_depth)
        self._inside.connect(self.worker.inside)
        self._identity.connect(self.worker.identity)
        self._waiting: list[Callable[[], None]] = []
        self.session.prepared.connect(self._on_prepared)
        self.session.run_ended.connect(self._on_new_weights)
        self.session.weights_changed.connect(self._on_new_weights)
        self.depth_window: DepthExperimentWindow | None = None
        self.identity_window: IdentityWindow | None = None
        self.inside_window: InsideWindow | None = None
        self.depth_running = False

    # -- the worker ---------------------------------------------------------------------------

    def when_ready(self, action: Callable[[], None]) -> None:
        """Do *action* once the worker can take torch work (at once if it already can)."""
        if self.session.is_prepared:
            self._attach()
            action()
            return
        self._waiting.append(action)
        self.panel.prepare()

    @Slot(object)
    def _on_prepared(self, _devices) -> None:
        self._attach()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def _attach(self) -> None:
        thread = self.session.thread
        if thread is not None and self.worker.thread() is not thread:
            self.worker.moveToThread(thread)

    # -- the depth experiment -----------------------------------------------------------------

    def show_depth_experiment(self) -> DepthExperimentWindow:
        """Show the depth experiment's window (Plain-20/56 against ResNet-20/56)."""
        if self.depth_window is None:
            from .depth_window import DepthExperimentWindow

            self.depth_window = DepthExperimentWindow(self.start_depth, self.session.stop, self.window)
            self.worker.depth_progress.connect(self.depth_window.on_progress)
            self.worker.depth_progress.connect(self._on_depth_progress)
            self.worker.depth_finished.connect(self.depth_window.on_finished)
            self.worker.depth_finished.connect(self._on_depth_finished)
        _present(self.depth_window)
        return self.depth_window

    def start_depth(self, settings: DepthSettings) -> str:
        """Send the experiment to the worker; "" if sent, else why not."""
        translate = QCoreApplication.translate
        if self.session.closed:
            return translate("ExperimentsDepth", "the window is closing")
        if self.session.running:
            return translate("ExperimentsDepth", RUNNING_TEXT)
        if self.depth_running:
            return translate("ExperimentsDepth", BUSY_TEXT)
        self.depth_running = True
        self.session.control.arm()
        self.session.set_busy(translate("ExperimentsDepth", BUSY_TEXT))
        self.when_ready(lambda: self._depth.emit(settings))
        return ""

    @Slot(object)
    def _on_depth_progress(self, events: list) -> None:
        """Each finished run joins the training panel's runs (not drawn until ticked)."""
        from ...training.depth import RunDone

        workspace = self.panel.workspace
        if workspace is None:
            return
        for event in events:
            if isinstance(event, RunDone):
                run = event.run
                added = workspace.store.add(
                    run.history,
                    source=QCoreApplication.translate("ExperimentsDepth", "depth experiment"),
                    cost=RunCost(run.params, run.macs),
                    shown=False,
                )
                added.gradients = run.gradients

    @Slot(object, str)
    def _on_depth_finished(self, _result: DepthResult | None, _problem: str) -> None:
        self.depth_running = False
        self.session.set_busy("")

    # -- the identity check and the inside view -------------------------------------------------

    def show_identity_check(self) -> IdentityWindow:
        """Show the identity check on the residual block selected on the canvas (or the first one)."""
        if self.identity_window is None:
            from .identity_window import IdentityWindow

            self.identity_window = IdentityWindow(
                self.window.document, self.ask_identity, self.dataset_spec, self.window
            )
            self.identity_window.open_preset_requested.connect(self.window.files.open_preset)
            self.worker.identity_ready.connect(self.identity_window.on_result)
            self.worker.identity_failed.connect(self.identity_window.on_failed)
        _present(self.identity_window)
        self.identity_window.follow_selection()
        return self.identity_window

    @Slot(object)
    def _on_new_weights(self, _event) -> None:
        """A run ended, or the weights were reset or opened: the windows on show that use the
        trained weights look again, so they never describe weights that are gone."""
        identity, inside = self.identity_window, self.inside_window
        if identity is not None and identity.isVisible() and identity.choice.uses_trained():
            identity.check()
        if inside is not None and inside.isVisible() and inside.choice.uses_trained():
            inside.refresh()

    def ask_identity(self, request) -> None:
        self.when_ready(lambda: self._identity.emit(request))

    def show_inside(self) -> InsideWindow:
        """Show the first layer's filters and the feature maps of the selected layer."""
        if self.inside_window is None:
            from .inside_window import InsideWindow

            self.inside_window = InsideWindow(
                self.window.document, self.ask_inside, self.dataset_spec, self.window
            )
            self.worker.inside_ready.connect(self.inside_window.on_view)
            self.worker.inside_failed.connect(self.inside_window.on_failed)
        _present(self.inside_window)
        self.inside_window.refresh()
        return self.inside_window

    def ask_inside(self, request, layer: str) -> None:
        self.when_ready(lambda: self._inside.emit(request, layer))

    def dataset_spec(self, channels: int) -> tuple[str, int]:
        """The dataset and seed the training panel uses (the drawn shapes or digits before it is ready)."""
        workspace = self.panel.workspace
        if workspace is not None and workspace.dataset.spec():
            return workspace.dataset.spec(), workspace.form.seed_value()
        return ("digits" if channels == 1 else "shapes"), 0


def _present(widget) -> None:
    """Show *widget* (no larger than the screen: the depth window's 1200x900 ran off a 1280x720
    one, its gradient maps out of reach), in front."""
    available = widget.screen().availableGeometry()
    widget.resize(
        min(widget.width(), int(available.width() * 0.95)),
        min(widget.height(), int(available.height() * 0.9)),
    )
    widget.show()
    widget.raise_()
    widget.activateWindow()
