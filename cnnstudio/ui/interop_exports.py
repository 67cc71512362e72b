"""File > Export for taking a network elsewhere: PyTorch code, ONNX, a training script, LaTeX.

The files come from :mod:`cnnstudio.interop` (no Qt there); this module only asks where to write
and says how it went. An ONNX export holds freshly initialized weights (the trained ones are in a
checkpoint: ``cnnstudio export run.pt -o model.onnx``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from ..interop import EXPORT_FORMATS, ExportError, export_file
from ..interop.onnx_export import OnnxMissing
from .document import Document
from .language import core_text
from .settings import Settings

MENU_FORMATS = ("pytorch", "onnx", "train-script", "latex")
"""The formats this module adds to File > Export (CSV and Markdown are there already)."""
MENU_TEXT = {
    "pytorch": QT_TRANSLATE_NOOP("InteropExporter", "Network as PyTorch code…"),
    "onnx": QT_TRANSLATE_NOOP("InteropExporter", "Network as ONNX model…"),
    "train-script": QT_TRANSLATE_NOOP("InteropExporter", "Training script (PyTorch, multi-GPU)…"),
    "latex": QT_TRANSLATE_NOOP("InteropExporter", "Table as LaTeX…"),
}
TIPS = {
    "pytorch": QT_TRANSLATE_NOOP(
        "InteropExporter", "A self-contained Python file in torchvision's style; only torch is needed"
    ),
    "onnx": QT_TRANSLATE_NOOP(
        "InteropExporter", "For Netron, onnxruntime and other frameworks (freshly initialized weights)"
    ),
    "train-script": QT_TRANSLATE_NOOP(
        "InteropExporter", "A standalone script: python train.py, or torchrun --nproc_per_node=N train.py"
    ),
    "latex": QT_TRANSLATE_NOOP("InteropExporter", "A booktabs table for slides and papers"),
}
"""The menu entries and their status tips, in English (translated as they are shown)."""


class InteropExporter(QObject):
    """Asks where to write an export of the open network and writes it.

    Parameters
    ----------
    document : Document
        The open network.
    settings : Settings
        Remembers the folder last used.
    window : QWidget
        Parent of the dialogs.
    """

    def __init__(self, document: Document, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.settings = settings
        self.window = window

    def ask_and_export(self, fmt: str) -> Path | None:
        """Ask for a file name for *fmt* and export; the path written, or None."""
        export = EXPORT_FORMATS[fmt]
        stem = "train" if fmt == "train-script" else _stem(self.document, python=fmt == "pytorch")
        suggested = Path(self.settings.last_folder() or Path.home()) / f"{stem}{export.suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export: {format}").format(format=core_text(export.title)),
            str(suggested),
            core_text(export.file_filter),
        )
        if not name:
            return None
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(export.suffix)
        return path if self.export(fmt, path) else None

    def export(self, fmt: str, path: Path) -> bool:
        """Write the network as *fmt* to *path*; a failure is shown and nothing is written."""
        problem = self._write(fmt, path)
        if problem is not None:
            QMessageBox.warning(self.window, self.tr("Cannot export"), problem)
            return False
        self.settings.set_last_folder(path.resolve().parent)
        if fmt == "onnx":
            message = self.tr("Exported {file} (freshly initialized weights)").format(file=path.name)
        else:
            message = self.tr("Exported {file}").format(file=path.name)
        self.document.status_message.emit(message)
        return True

    def _write(self, fmt: str, path: Path) -> str | None:
        """Write the file under a busy cursor (an ONNX file may take seconds); why not, or None."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_file(
                self.document.network,
                fmt,
                path,
                flops=self.document.show_flops,
                order=self.document.shape_order,
            )
        except (ExportError, OnnxMissing) as error:
            return core_text(str(error))
        except OSError as error:
            return self.tr("{file} could not be written:\n\n{why}").format(
                file=path, why=error.strerror or error
            )
        finally:
            QApplication.restoreOverrideCursor()
        return None


def add_export_actions(window, menu: QMenu, actions: dict[str, QAction]) -> InteropExporter:
    """Add this module's entries to File > Export (*menu*) and to *actions* (``export_onnx``...)."""
    exporter = InteropExporter(window.document, window.settings, window)
    menu.addSeparator()
    for fmt in MENU_FORMATS:
        action = QAction(QCoreApplication.translate("InteropExporter", MENU_TEXT[fmt]), window)
        action.setStatusTip(QCoreApplication.translate("InteropExporter", TIPS[fmt]))
        action.triggered.connect(lambda _checked=False, f=fmt: exporter.ask_and_export(f))
        actions[f"export_{fmt.replace('-', '_')}"] = action
        menu.addAction(action)
    return exporter


def _stem(document: Document, python: bool = False) -> str:
    """A file name for the export; an importable module name (``lenet_5``) for Python code."""
    name = document.display_name.removesuffix(".cnnstudio.json").removesuffix(".json")
    keep = "_" if python else "-_"
    stem = "".join(c if c.isalnum() or c in keep else "_" for c in name).strip("_") or "network"
    return stem.lower() if python else stem


__all__ = ["InteropExporter", "add_export_actions"]
