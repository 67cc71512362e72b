"""The depth experiment's window: Plain-20, Plain-56, ResNet-20 and ResNet-56 trained alike, overlaid.

One button trains the four networks one after another on the training worker (same seed, same
images, same settings: :class:`~cnnstudio.training.depth.DepthSettings`). The window overlays
their training error per epoch and their loss per step, and shows the gradient norms of
Plain-56 and ResNet-56 side by side on one colour scale. What to look for is written above the
plots; when the four have finished, :attr:`DepthExperimentWindow.result` holds the record and a
verdict says what this run showed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...training.depth import NETWORKS, DepthResult, DepthSettings, RunBegan, RunDone, RunProgress
from ...training.events import Epoch
from ...training.gradients import GradientRecord
from ...training.history import RunHistory
from ...training.settings import MAX_SEED
from ..language import core_text
from ..style import AXIS_COLOR, DEPTH_COLORS, LOOK_FOR_BOX, PLOT_BACKGROUND, PLOT_CAPTION_STYLE
from ..training.gradients import GradientHeatmap
from ..training.plots import EpochAxis, smooth

translate = QCoreApplication.translate

LOOK_FOR = QT_TRANSLATE_NOOP(
    "ExperimentsDepth",
    "<b>What to look for.</b> The four networks differ only in depth and in the shortcuts. "
    "<b>Training error</b> (left): Plain-56 (solid blue) stays far above Plain-20 (dashed blue) — more "
    "layers made the plain network worse <i>on the images it trains on</i>, so this is not "
    "overfitting but a network that is hard to optimise. ResNet-56 (solid red) ends as low as "
    "ResNet-20 (dashed red): with shortcuts, extra blocks can learn the identity and do no harm. "
    "<b>Gradients</b> (below): each row is a weight layer, depth 1 at the bottom, coloured by the size "
    "of its gradient. In Plain-56 the sizes differ by orders of magnitude from one end of the network "
    "to the other (with batch norm, the first layers' gradients grow large rather than vanish), so no "
    "single learning rate suits all its layers; ResNet-56's shortcuts keep them close at every depth.",
)
TITLES = {
    "error": QT_TRANSLATE_NOOP("ExperimentsDepth", "Training error per epoch (%)"),
    "loss": QT_TRANSLATE_NOOP("ExperimentsDepth", "Training loss per step (smoothed)"),
}


def network_name(kind: str, depth: int) -> str:
    """``"Plain-56"`` or ``"ResNet-20"``."""
    return f"{'Plain' if kind == 'plain' else 'ResNet'}-{depth}"


def settings_text(settings: DepthSettings) -> str:
    """What each of the four runs uses, in one sentence of the app's language."""
    return translate(
        "ExperimentsDepth",
        "Each run: {train:,} drawn shapes of {size}x{size} pixels ({val:,} more for validation), "
        "first-stage width {width}, {epochs} epochs, batch {batch}, Adam at {lr:g} with a cosine "
        "schedule, seed {seed}.",
    ).format(**settings.sentence_fields())


def run_style(kind: str, depth: int) -> dict:
    """The pen of a run's curves: blue plain, red ResNet; dashed 20 layers, solid 56."""
    style = Qt.PenStyle.DashLine if depth == min(d for _, d in NETWORKS) else Qt.PenStyle.SolidLine
    return {"pen": pg.mkPen(DEPTH_COLORS[kind], width=2.5 if depth > 20 else 2, style=style)}


class DepthExperimentWindow(QWidget):
    """Runs the depth experiment and draws it (a window of its own).

    Parameters
    ----------
    start_run : callable
        Called with the :class:`DepthSettings` when Run is clicked; returns "" if the run was
        sent to the worker, else why not (shown in the window).
    stop_run : callable
        Asks the run in progress to stop after its current batch.

    Attributes
    ----------
    settings : DepthSettings
        What the next run uses (the seed box changes its seed).
    result : DepthResult or None
        The last experiment's record, once it has ended.

    Signals
    -------
    finished(object)
        The experiment ended: its :class:`DepthResult` (None if it could not begin).
    """

    finished = Signal(object)

    def __init__(self, start_run, stop_run, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("depthExperiment")
        self.setWindowTitle(translate("ExperimentsDepth", "The depth experiment: plain against residual"))
        self.start_run, self.stop_run = start_run, stop_run
        self.settings = DepthSettings()
        self.result: DepthResult | None = None
        self.running = False
        self.histories: dict[int, RunHistory] = {}
        self.gradients: dict[int, GradientRecord] = {}
        self._build()
        self._reset_curves()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        look = QLabel(translate("ExperimentsDepth", LOOK_FOR), wordWrap=True, objectName="depthLookFor")
        look.setStyleSheet(LOOK_FOR_BOX)
        self.settings_label = QLabel(wordWrap=True, objectName="depthSettings")
        self.seed = QSpinBox(objectName="depthSeed", minimum=0, maximum=min(MAX_SEED, 2**31 - 1))
        self.seed.setToolTip(
            translate(
                "ExperimentsDepth", "The same seed for all four: the same initial draws, batches and images"
            )
        )
        self.seed.valueChanged.connect(self._on_seed)
        self.run_button = QPushButton(
            translate("ExperimentsDepth", "Run the four networks"), objectName="depthRun"
        )
        self.run_button.clicked.connect(lambda _checked=False: self.start())
        self.stop_button = QPushButton(
            translate("ExperimentsDepth", "Stop"), objectName="depthStop", enabled=False
        )
        self.stop_button.clicked.connect(self.stop_run)
        self.progress = QProgressBar(objectName="depthProgress", textVisible=False, maximumHeight=12)
        self.status = QLabel(objectName="depthStatus", wordWrap=True)
        self.verdict = QLabel(objectName="depthVerdict", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.stop_button)
        row.addWidget(QLabel(translate("ExperimentsDepth", "Seed:")))
        row.addWidget(self.seed)
        row.addWidget(self.settings_label, 1)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(PLOT_BACKGROUND)
        self.plots = {
            "error": self._plot(
                "error",
                translate("ExperimentsDepth", "epoch"),
                translate("ExperimentsDepth", "training error (%)"),
                EpochAxis("bottom"),
            ),
            "loss": self._plot(
                "loss", translate("ExperimentsDepth", "step"), translate("ExperimentsDepth", "loss"), None
            ),
        }
        # the loss plot's top right stays empty: every curve starts near ln 10 and falls or stays
        self.legend = self.plots["loss"].addLegend(
            offset=(-4, 4), labelTextColor=AXIS_COLOR, labelTextSize="8pt"
        )
        self.heatmaps = {
            index: GradientHeatmap(
                translate("ExperimentsDepth", "Gradient norms of {network}").format(
                    network=network_name(kind, depth)
                )
            )
            for index, (kind, depth) in enumerate(NETWORKS)
            if depth > 20
        }
        maps = QWidget()
        maps_row = QHBoxLayout(maps)
        maps_row.setContentsMargins(0, 0, 0, 0)
        for heatmap in self.heatmaps.values():
            maps_row.addWidget(heatmap)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.graphics)
        splitter.addWidget(maps)
        splitter.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(look)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.verdict)
        self._show_settings()
        self.resize(1200, 900)

    def _plot(self, name: str, bottom: str, left: str, axis) -> pg.PlotItem:
        title = f'<span style="color:{AXIS_COLOR}">{translate("ExperimentsDepth", TITLES[name])}</span>'
        plot = self.graphics.addPlot(title=title, axisItems={"bottom": axis} if axis else {})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        for side, text in (("bottom", bottom), ("left", left)):
            ax = plot.getAxis(side)
            ax.setPen(pg.mkPen(AXIS_COLOR))
            ax.setTextPen(pg.mkPen(AXIS_COLOR))
            ax.setLabel(text, color=AXIS_COLOR)
        if name == "error":
            plot.setYRange(0, 100, padding=0.02)
        return plot

    def _reset_curves(self) -> None:
        for plot in self.plots.values():
            plot.clear()
        self.legend.clear()
        self.curves = {}
        for index, (kind, depth) in enumerate(NETWORKS):
            name = network_name(kind, depth)
            dots = {"symbol": "o", "symbolSize": 5, "symbolBrush": DEPTH_COLORS[kind], "symbolPen": None}
            self.curves[index] = {
                "error": self.plots["error"].plot(antialias=True, **run_style(kind, depth), **dots),
                "loss": self.plots["loss"].plot(name=name, antialias=True, **run_style(kind, depth)),
            }
        for heatmap in self.heatmaps.values():
            heatmap.set_record(None)

    def _show_settings(self) -> None:
        self.settings_label.setText(settings_text(self.settings))
        self.settings_label.setStyleSheet(PLOT_CAPTION_STYLE)

    def _on_seed(self, seed: int) -> None:
        self.settings = self.settings.with_changes(seed=seed)
        self._show_settings()

    # -- running ------------------------------------------------------------------------------

    def start(self, settings: DepthSettings | None = None) -> bool:
        """Run the experiment (with *settings*, else the window's); False if it could not start."""
        if self.running:
            return False
        if settings is not None:
            self.settings = settings
            self._show_settings()
        problem = self.start_run(self.settings)
        if problem:
            self.status.setText(
                translate("ExperimentsDepth", "Cannot run: {problem}").format(problem=problem)
            )
            return False
        self.running, self.result = True, None
        self.histories, self.gradients = {}, {}
        self._reset_curves()
        self.verdict.setText("")
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.seed.setEnabled(False)
        self.progress.setRange(0, len(NETWORKS) * self.settings.epochs)
        self.progress.setValue(0)
        self.status.setText(translate("ExperimentsDepth", "Opening the drawn shapes…"))
        return True

    @Slot(object)
    def on_progress(self, events: list) -> None:
        """Events of the experiment (from the worker, in the GUI thread)."""
        touched = set()
        for event in events:
            touched.add(event.index)
            if isinstance(event, RunBegan):
                self._began(event)
            elif isinstance(event, RunProgress):
                self._progressed(event)
            elif isinstance(event, RunDone):
                self.histories[event.index] = event.run.history
                self.gradients[event.index] = event.run.gradients
        for index in touched:
            self._draw(index)

    def _began(self, event: RunBegan) -> None:
        self.histories[event.index] = RunHistory(event.name, self.settings.spec, {})
        self.gradients[event.index] = GradientRecord([])
        self.status.setText(
            translate(
                "ExperimentsDepth",
                "Training {network} ({number} of {count}): {params:,} parameters, {macs:,} MACs per image…",
            ).format(
                network=event.name,
                number=event.index + 1,
                count=len(NETWORKS),
                params=event.params,
                macs=event.macs,
            )
        )

    def _progressed(self, event: RunProgress) -> None:
        history = self.histories[event.index]
        for item in event.events:
            if isinstance(item, Epoch):
                history.add_epoch(item)
                self.progress.setValue(event.index * self.settings.epochs + item.epoch)
            else:
                history.add_step(item)
        record = self.gradients[event.index]
        if not record.layers:
            record.layers = list(event.gradients.layers)
        record.extend(event.gradients)

    def _draw(self, index: int) -> None:
        history = self.histories.get(index)
        if history is None:
            return
        epochs = history.epochs
        x = np.asarray([e["epoch"] for e in epochs], dtype=float)
        error = np.asarray([100.0 * (1.0 - e["train_accuracy"]) for e in epochs], dtype=float)
        self.curves[index]["error"].setData(x, error)
        smoothed, _ = smooth(history.losses)
        self.curves[index]["loss"].setData(np.asarray(history.steps, dtype=float), np.asarray(smoothed))
        if index in self.heatmaps:
            self.heatmaps[index].set_record(self.gradients[index])
            self._share_levels()

    def _share_levels(self) -> None:
        """Both heat maps on one colour scale, so darker means smaller in either."""
        drawn = [h.levels() for h in self.heatmaps.values() if h.values.size]
        if drawn:
            low, high = min(lv[0] for lv in drawn), max(lv[1] for lv in drawn)
            for heatmap in self.heatmaps.values():
                heatmap.set_levels(low, high)

    @Slot(object, str)
    def on_finished(self, result: DepthResult | None, problem: str) -> None:
        """The experiment ended (finished, stopped or failed)."""
        self.running = False
        self.result = result
        self.run_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.seed.setEnabled(True)
        if result is None:
            failed = translate("ExperimentsDepth", "The experiment could not run: {problem}")
            self.status.setText(failed.format(problem=core_text(problem)))
        elif result.status == "finished":
            seconds = sum(run.seconds for run in result.runs)
            done = translate("ExperimentsDepth", "Finished: four networks trained in {seconds:.0f} s.")
            self.status.setText(done.format(seconds=seconds))
            self.verdict.setText(core_text(result.verdict()))
        elif result.status == "stopped":
            stopped = translate("ExperimentsDepth", "Stopped after {done} of {count} networks.")
            self.status.setText(stopped.format(done=len(result.runs), count=len(NETWORKS)))
        else:
            failed = translate("ExperimentsDepth", "A run failed: {reason}")
            self.status.setText(failed.format(reason=core_text(result.failure)))
        self.finished.emit(result)

    def curve_points(self, index: int, plot: str = "error") -> int:
        """How many points run *index*'s curve in *plot* has."""
        x = self.curves[index][plot].xData
        return 0 if x is None else len(x)
