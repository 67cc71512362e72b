"""Opening the chosen dataset for the network on screen: when to ask the worker, and what to do
with its answer (shown in :class:`~.dataset_controls.DatasetControls`, kept in the
:class:`~.run_state.RunState`).

A new request goes out a moment (:data:`PREVIEW_DELAY_MS`) after the dataset, the network's
input or the seed last changed, so a burst of edits opens the dataset once; answers to older
requests are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from ..document import Document
from ..language import core_text
from .dataset_controls import DatasetControls
from .hyperparameters import HyperparameterForm
from .records import DatasetInfo, DatasetRequest
from .run_state import RunState
from .session import TrainingSession

PREVIEW_DELAY_MS = 250


class DatasetFlow(QObject):
    """Keeps the opened dataset in step with the dataset choice, the network's input and the seed.

    Signals
    -------
    changed()
        What is known about the dataset changed (asked, opened or failed): refresh the panel.
    """

    changed = Signal()

    def __init__(
        self,
        state: RunState,
        document: Document,
        session: TrainingSession,
        controls: DatasetControls,
        form: HyperparameterForm,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state, self.document, self.session = state, document, session
        self.controls, self.form = controls, form
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._open)
        session.dataset_ready.connect(self._on_ready)
        session.dataset_failed.connect(self._on_failed)
        controls.spec_changed.connect(self._on_spec_changed)
        document.summary_changed.connect(self._on_network_changed)
        form.changed.connect(self._on_settings_changed)
        self._timer.start()

    def _on_spec_changed(self) -> None:
        """The student chose a dataset (perhaps the same folder again, now fixed): open it anew."""
        self.state.forget_dataset()
        self._timer.start()
        self.changed.emit()

    def _on_network_changed(self) -> None:
        shape = self.document.summary.input_shape
        self.state.input_changed(tuple(shape) if shape else None)
        self._timer.start()

    def _on_settings_changed(self) -> None:
        request = self.state.request
        if request is not None and request.seed != self.form.seed_value():
            self._timer.start()

    def _open(self) -> None:
        spec, shape, seed = self.controls.spec(), self.document.summary.input_shape, self.form.seed_value()
        if not self.state.ask_dataset(DatasetRequest(spec or "", tuple(shape) if shape else None, seed)):
            return
        if spec is None:
            missing = self.controls.missing()
            self.controls.show_note(missing[:1].upper() + missing[1:] + ".")
        elif shape is None:
            self.controls.show_note(
                QCoreApplication.translate(
                    "TrainingDataset", "The network needs a valid input before the dataset can be opened."
                )
            )
        else:
            self.controls.show_opening()
            self.session.open_dataset(spec, tuple(shape), seed)
        self.changed.emit()

    @Slot(object)
    def _on_ready(self, info: DatasetInfo) -> None:
        if self.state.take_dataset(info):
            self.controls.show_info(info)
            self.changed.emit()

    @Slot(str, int, str)
    def _on_failed(self, spec: str, seed: int, message: str) -> None:
        if self.state.take_dataset_error(spec, seed, message):
            self.controls.show_error(core_text(message))
            self.changed.emit()
