"""Choosing the dataset: its kind, its folder or size, downloading it, and a preview of its images.

:class:`DatasetControls` only describes the choice (:meth:`DatasetControls.spec`); the panel asks
the worker to open the dataset and hands the answer back (:meth:`show_info`,
:meth:`show_error`). Downloads run through :class:`~.download.DatasetDownload`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data import DATASET_KINDS
from ...data.kinds import DEFAULT_SHAPES_SIZE, MAX_SHAPES_SIZE
from ..language import core_text
from ..style import ERROR_LABEL
from .download import DatasetDownload
from .image_grid import GridCell, ImageGrid, to_qimage
from .records import DatasetInfo
from .words import kind_description, kind_title

translate = QCoreApplication.translate

DEFAULT_DOWNLOAD_FOLDER = Path.home() / "cnnstudio-data"


class DatasetControls(QWidget):
    """The dataset kind, its folder (or size), a Download action and a preview grid.

    Signals
    -------
    spec_changed()
        The chosen dataset changed (kind, folder or size).
    """

    spec_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datasetControls")
        self.download = DatasetDownload(self)
        self.resume_folder: Path | None = None
        self._download_target = DEFAULT_DOWNLOAD_FOLDER
        self._download_kind = "mnist"
        self.kind = QComboBox()
        self.kind.setObjectName("datasetKind")
        for kind in DATASET_KINDS.values():
            self.kind.addItem(kind_title(kind), kind.id)
        self.description = QLabel(wordWrap=True)
        self.description.setObjectName("datasetDescription")
        self.shapes_size = QSpinBox()
        self.shapes_size.setObjectName("datasetShapesSize")
        self.shapes_size.setRange(20, MAX_SHAPES_SIZE)
        self.shapes_size.setValue(DEFAULT_SHAPES_SIZE)
        self.shapes_size.setGroupSeparatorShown(True)
        self.shapes_size.setSuffix(translate("TrainingDataset", " images"))
        self.shapes_size.setToolTip(
            translate("TrainingDataset", "How many shapes to draw; a fifth of them are kept for validation.")
        )
        self.folder = QLineEdit()
        self.folder.setObjectName("datasetFolder")
        self.folder.setPlaceholderText(translate("TrainingDataset", "the folder holding the dataset's files"))
        self.choose = QPushButton(translate("TrainingDataset", "Choose…"))
        self.choose.setObjectName("datasetChoose")
        self._build_download_row()
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("datasetStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = ImageGrid(min_columns=4, size=30)
        self.preview.setObjectName("datasetPreview")
        self._layout()
        self._connect()
        self._on_kind()

    # -- building -----------------------------------------------------------------------------

    def _build_download_row(self) -> None:
        self.download_button = QPushButton(translate("TrainingDataset", "Download…"))
        self.download_button.setObjectName("datasetDownload")
        self.download_progress = QProgressBar()
        self.download_progress.setObjectName("datasetDownloadProgress")
        self.download_progress.setTextVisible(True)
        self.download_progress.setVisible(False)
        self.download_cancel = QPushButton(translate("TrainingDataset", "Cancel"))
        self.download_cancel.setObjectName("datasetDownloadCancel")
        self.download_cancel.setVisible(False)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.kind)
        layout.addWidget(self.description)
        layout.addWidget(self.shapes_size)
        self.folder_row = QWidget()
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        layout.addWidget(self.folder_row)
        self.download_row = QWidget()
        row = QHBoxLayout(self.download_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.download_button)
        row.addWidget(self.download_progress, 1)
        row.addWidget(self.download_cancel)
        layout.addWidget(self.download_row)
        layout.addWidget(self.status)
        layout.addWidget(self.preview)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.shapes_size.valueChanged.connect(self.spec_changed)
        self.folder.editingFinished.connect(self.spec_changed)
        self.choose.clicked.connect(self._choose_folder)
        self.download_button.clicked.connect(self._download_dialog)
        self.download_cancel.clicked.connect(self.download.cancel)
        self.download.progress.connect(self._on_download_progress)
        self.download.finished.connect(self._on_download_finished)
        self.download.failed.connect(self._on_download_failed)

    # -- the choice ---------------------------------------------------------------------------

    def kind_id(self) -> str:
        return self.kind.currentData()

    def spec(self) -> str | None:
        """The dataset spec (``digits``, ``shapes:600``, ``mnist:/data/mnist``), or None without a folder."""
        kind = DATASET_KINDS[self.kind_id()]
        if kind.id == "shapes":
            size = self.shapes_size.value()
            return "shapes" if size == DEFAULT_SHAPES_SIZE else f"shapes:{size}"
        if not kind.needs_folder:
            return kind.id
        folder = self.folder.text().strip()
        return kind.spec(folder) if folder else None

    def missing(self) -> str:
        """Why there is no spec yet (empty when there is one)."""
        if self.spec() is not None:
            return ""
        kind = DATASET_KINDS[self.kind_id()]
        if kind.downloadable:
            text = translate("TrainingDataset", "choose the folder holding {dataset} or download it")
        else:
            text = translate("TrainingDataset", "choose the folder holding {dataset}")
        return text.format(dataset=kind_title(kind))

    def set_spec(self, spec: str) -> None:
        """Show *spec* (a checkpoint's dataset)."""
        kind_id, _, argument = spec.partition(":")
        index = self.kind.findData(kind_id)
        if index < 0:
            return
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(index)
        self.kind.blockSignals(False)
        if kind_id == "shapes":
            self.shapes_size.blockSignals(True)
            self.shapes_size.setValue(int(argument.replace(",", "")) if argument else DEFAULT_SHAPES_SIZE)
            self.shapes_size.blockSignals(False)
        elif argument:
            self.folder.setText(argument)
        self._on_kind()

    def _on_kind(self) -> None:
        kind = DATASET_KINDS[self.kind_id()]
        self.description.setText(kind_description(kind))
        self.shapes_size.setVisible(kind.id == "shapes")
        self.folder_row.setVisible(kind.needs_folder)
        self.download_row.setVisible(kind.downloadable)
        self.download_button.setText(_download_text(kind))
        self.resume_folder = None
        self.spec_changed.emit()

    def _choose_folder(self) -> None:
        kind = DATASET_KINDS[self.kind_id()]
        folder = QFileDialog.getExistingDirectory(
            self,
            translate("TrainingDataset", "The folder holding {dataset}").format(dataset=kind_title(kind)),
            self.folder.text(),
        )
        if folder:
            self.folder.setText(folder)
            self.spec_changed.emit()

    # -- what the worker found ----------------------------------------------------------------

    def show_opening(self) -> None:
        self.status.setStyleSheet("")
        self.status.setText(translate("TrainingDataset", "Opening the dataset…"))

    def show_info(self, info: DatasetInfo) -> None:
        """Sizes, classes and sample images of the opened dataset."""
        c, h, w = info.input_shape
        self.status.setStyleSheet("")
        self.status.setText(
            translate(
                "TrainingDataset",
                "{train:,} training and {val:,} validation images, {classes:,} classes, "
                "given to the network as {height}×{width}×{channels}.",
            ).format(
                train=info.train_count,
                val=info.val_count,
                classes=len(info.classes),
                height=h,
                width=w,
                channels=c,
            )
        )
        self.preview.set_cells([GridCell(to_qimage(image), label, label) for image, label in info.samples])

    def show_error(self, message: str) -> None:
        """Why the dataset cannot be used (the preview empties)."""
        self.status.setStyleSheet(ERROR_LABEL)
        self.status.setText(f"⚠ {message}")
        self.preview.set_cells([])

    def show_note(self, message: str) -> None:
        """A plain remark in place of the dataset's figures (e.g. no folder chosen yet)."""
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.preview.set_cells([])

    def set_locked(self, locked: bool) -> None:
        """No other dataset while a run uses this one (downloads may go on)."""
        for widget in (self.kind, self.shapes_size, self.folder, self.choose):
            widget.setEnabled(not locked)

    def shutdown(self) -> None:
        """Stop a download and wait for its thread (the window is closing)."""
        self.download.shutdown()

    # -- downloading --------------------------------------------------------------------------

    def download_folder(self) -> Path:
        """Where a download goes: beside the chosen folder, else ~/cnnstudio-data."""
        text = self.folder.text().strip()
        return Path(text).expanduser().parent if text else DEFAULT_DOWNLOAD_FOLDER

    def _download_dialog(self) -> None:
        if self.resume_folder is not None:
            self.download_to(self.resume_folder)
            return
        kind = DATASET_KINDS[self.kind_id()]
        folder = QFileDialog.getExistingDirectory(
            self,
            translate("TrainingDataset", "Download {dataset} into a subfolder of…").format(
                dataset=kind_title(kind)
            ),
            str(self.download_folder()),
        )
        if folder:
            self.download_to(Path(folder))

    def download_to(self, folder: Path) -> bool:
        """Download the chosen kind into ``folder/<kind>`` (resuming a cancelled download)."""
        kind = DATASET_KINDS[self.kind_id()]
        if not kind.downloadable or not self.download.start(kind.id, folder):
            return False
        self.resume_folder = None
        self._download_target = folder
        self._download_kind = kind.id
        self.download_button.setEnabled(False)
        self.download_progress.setVisible(True)
        self.download_progress.setRange(0, 0)
        self.download_cancel.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(
            translate("TrainingDataset", "Downloading {dataset} into {folder}…").format(
                dataset=kind_title(kind), folder=folder
            )
        )
        return True

    def _on_download_progress(self, done: int, total: int) -> None:
        self.download_progress.setRange(0, max(1, total))
        self.download_progress.setValue(done)
        self.download_progress.setFormat(
            translate("TrainingDataset", "{done:.1f} of {total:.1f} MB").format(
                done=done / 1e6, total=total / 1e6
            )
        )

    def _on_download_finished(self, folder: str) -> None:
        self._download_ended()
        kind = DATASET_KINDS[self._download_kind]
        if self.kind_id() != kind.id:  # the student chose another kind meanwhile
            done = translate("TrainingDataset", "{dataset} was downloaded into {folder}.")
            self.show_note(done.format(dataset=kind_title(kind), folder=folder))
            return
        self.download_button.setText(_download_text(kind))
        self.folder.setText(folder)
        self.spec_changed.emit()

    def _on_download_failed(self, message: str, cancelled: bool) -> None:
        self._download_ended()
        if cancelled:
            self.resume_folder = self._download_target
            self.download_button.setText(translate("TrainingDataset", "Resume download"))
            resume = translate("TrainingDataset", "{message} Click Resume to go on from where it stopped.")
            self.show_note(resume.format(message=core_text(message)))
        else:
            self.show_error(core_text(message))

    def _download_ended(self) -> None:
        self.download_button.setEnabled(True)
        self.download_progress.setVisible(False)
        self.download_cancel.setVisible(False)


def _download_text(kind) -> str:
    return translate("TrainingDataset", "Download {dataset}…").format(dataset=kind_title(kind))
