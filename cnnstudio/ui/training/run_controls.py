"""The buttons that drive a run and the lines that say how it goes.

:class:`RunControls` holds Train, Pause/Resume, Stop, Reset weights and the checkpoint buttons
(object names ``trainStart``, ``trainPause``, ``trainStop``, ``trainReset``, ``trainSave``,
``trainOpen``), the reason Train is disabled, a progress bar with epoch, speed and time left
(:class:`ProgressTracker`), a message banner for failures and a line saying which weights the
next run starts from.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStyle, QVBoxLayout, QWidget

from ..style import BANNERS, REASON_LABEL, SECONDARY_LABEL
from .run_state import Buttons, duration
from .words import PANEL_WORDS

translate = QCoreApplication.translate


class ProgressTracker:
    """Counts a run's steps and time (pauses left out) to say how far it is and how long is left.

    The time left is estimated from the pace of the steps measured so far, leaving out the time
    up to the first report: the run's first steps pay for one-off work (loading the data,
    PyTorch's first-use set-up) that the rest of the run does not repeat. Until a second report
    has come, no estimate is given.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.total_steps = 0
        self.epochs = 0
        self.step = 0
        self.epoch = 1
        self.images_per_second = 0.0
        self._active = 0.0
        self._since: float | None = None
        self._baseline: tuple[int, float] | None = None

    def start(self, epochs: int, steps_per_epoch: int) -> None:
        self.epochs, self.total_steps = epochs, epochs * steps_per_epoch
        self.step, self.epoch, self.images_per_second = 0, 1, 0.0
        self._active, self._since = 0.0, self.clock()
        self._baseline = None

    def advance(self, step: int, epoch: int, images_per_second: float) -> None:
        """Steps up to *step* were reported (call once per report, with its last step)."""
        self.step, self.epoch, self.images_per_second = step, epoch, images_per_second
        if self._baseline is None:
            self._baseline = (step, self.elapsed())

    def pause(self) -> None:
        if self._since is not None:
            self._active += self.clock() - self._since
            self._since = None

    def resume(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def elapsed(self) -> float:
        """Seconds spent training so far, pauses left out."""
        return self._active + (self.clock() - self._since if self._since is not None else 0.0)

    def seconds_left(self) -> float | None:
        """The estimate from the pace since the first report (None until there is one to measure)."""
        if self._baseline is None or self.step <= self._baseline[0]:
            return None
        first_step, first_time = self._baseline
        per_step = (self.elapsed() - first_time) / (self.step - first_step)
        return per_step * max(0, self.total_steps - self.step)

    def text(self) -> str:
        """``"Epoch 3 of 10 · step 64 of 230 · 4,210 images/s · about 12 s left"``."""
        parts = [
            translate("TrainingRunControls", "Epoch {epoch} of {epochs}").format(
                epoch=self.epoch, epochs=self.epochs
            ),
            translate("TrainingRunControls", "step {step:,} of {steps:,}").format(
                step=self.step, steps=self.total_steps
            ),
        ]
        if self.images_per_second > 0:
            speed = translate("TrainingRunControls", "{speed:,.0f} images/s")
            parts.append(speed.format(speed=self.images_per_second))
        left = self.seconds_left()
        if left is None:
            parts.append(translate("TrainingRunControls", "estimating the time left…"))
        else:
            about = translate("TrainingRunControls", "about {time} left")
            parts.append(about.format(time=duration(left, PANEL_WORDS)))
        return " · ".join(parts)


class RunControls(QWidget):
    """Buttons, progress and messages of the training panel (it decides nothing itself).

    Signals
    -------
    train_clicked(), pause_clicked(), stop_clicked(), reset_clicked(), save_clicked(), open_clicked()
        The student clicked Train, Pause/Resume, Stop, Reset weights, Save or Open checkpoint.
    """

    train_clicked = Signal()
    pause_clicked = Signal()
    stop_clicked = Signal()
    reset_clicked = Signal()
    save_clicked = Signal()
    open_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingControls")
        icon = self.style().standardIcon
        self.play_icon = icon(QStyle.StandardPixmap.SP_MediaPlay)
        self.pause_icon = icon(QStyle.StandardPixmap.SP_MediaPause)
        self.start = self._button("trainStart", translate("TrainingRunControls", "Train"), _train_tip())
        self.start.setIcon(self.play_icon)
        self.pause = self._button(
            "trainPause",
            translate("TrainingRunControls", "Pause"),
            translate("TrainingRunControls", "Pause after the current batch"),
        )
        self.stop = self._button(
            "trainStop",
            translate("TrainingRunControls", "Stop"),
            translate("TrainingRunControls", "Stop after the current batch, keeping the weights"),
        )
        self.stop.setIcon(icon(QStyle.StandardPixmap.SP_MediaStop))
        self.reset = self._button(
            "trainReset",
            translate("TrainingRunControls", "Reset weights"),
            translate("TrainingRunControls", "Go back to the seed's initial weights"),
        )
        self.reset.setIcon(icon(QStyle.StandardPixmap.SP_BrowserReload))
        self.save = self._button(
            "trainSave",
            translate("TrainingRunControls", "Save checkpoint…"),
            translate("TrainingRunControls", "Save the network, its weights and the run"),
        )
        self.open = self._button(
            "trainOpen",
            translate("TrainingRunControls", "Open checkpoint…"),
            translate("TrainingRunControls", "Open a saved network with its weights"),
        )
        self.reason = QLabel(objectName="trainReason", wordWrap=True)
        self.reason.setStyleSheet(REASON_LABEL)
        self.progress = QProgressBar(objectName="trainProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.status = QLabel(objectName="trainStatus", wordWrap=True)  # a run's end can say much
        self.weights = QLabel(objectName="trainWeights", wordWrap=True)
        self.weights.setStyleSheet(SECONDARY_LABEL)
        self.banner = QLabel(objectName="trainMessage", wordWrap=True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setVisible(False)
        self._layout()
        self.show_buttons(Buttons(False, False, False, False, False, True, False))
        for button, signal in (
            (self.start, self.train_clicked),
            (self.pause, self.pause_clicked),
            (self.stop, self.stop_clicked),
            (self.reset, self.reset_clicked),
            (self.save, self.save_clicked),
            (self.open, self.open_clicked),
        ):
            button.clicked.connect(signal)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.start, self.pause, self.stop, self.reset):
            buttons.addWidget(button)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.open)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 2)
        progress.addWidget(self.status, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(3)
        layout.addLayout(buttons)
        layout.addLayout(progress)
        layout.addWidget(self.weights)
        layout.addWidget(self.banner)

    # -- states -------------------------------------------------------------------------------

    def show_buttons(self, buttons: Buttons) -> None:
        """Enable the buttons as *buttons* says; say why Train is disabled."""
        for button, enabled in (
            (self.start, buttons.train),
            (self.pause, buttons.pause),
            (self.stop, buttons.stop),
            (self.reset, buttons.reset),
            (self.save, buttons.save),
            (self.open, buttons.open),
        ):
            button.setEnabled(enabled)
        paused = buttons.paused
        if paused:
            self.pause.setText(translate("TrainingRunControls", "Resume"))
            self.pause.setToolTip(translate("TrainingRunControls", "Go on training"))
        else:
            self.pause.setText(translate("TrainingRunControls", "Pause"))
            self.pause.setToolTip(translate("TrainingRunControls", "Pause after the current batch"))
        self.pause.setIcon(self.play_icon if paused else self.pause_icon)
        reason = buttons.reason
        text = (
            translate("TrainingRunControls", "Cannot train: {reason}").format(reason=reason) if reason else ""
        )
        self.reason.setText(text)
        self.start.setToolTip(text or _train_tip())

    def show_opening_checkpoint(self) -> None:
        """A checkpoint is being read: no second one meanwhile."""
        self.open.setEnabled(False)

    def show_weights(self, text: str) -> None:
        """Which weights the next run starts from."""
        self.weights.setText(text)

    def show_status(self, text: str) -> None:
        """The line beside the progress bar."""
        self.status.setText(text)

    def show_message(self, text: str, kind: str = "error") -> None:
        """A banner above the plots; empty *text* hides it."""
        self.banner.setText(text)
        self.banner.setStyleSheet(BANNERS[kind])
        self.banner.setVisible(bool(text))

    def show_progress(self, value: int, maximum: int, text: str) -> None:
        self.progress.setRange(0, max(1, maximum))
        self.progress.setValue(value)
        self.status.setText(text)


def _train_tip() -> str:
    return translate("TrainingRunControls", "Train the network on the dataset")
