"""File > Export: the diagram as PNG or SVG, the table as CSV or Markdown.

The diagram is drawn by the canvas (``render_diagram_png`` / ``render_diagram_svg``, which raise
OSError when the file cannot be written); the table
text comes from :mod:`cnnstudio.core.report` in the notation the table shows right now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.atomic import atomic_write
from ..core.counting import weight_layers
from ..core.report import to_csv, to_markdown
from .document import Document
from .settings import Settings


@dataclass(frozen=True)
class ExportFormat:
    """One entry of File > Export, its texts in English (the methods give them as shown)."""

    menu: str
    dialog_title: str
    file_filter: str

    def menu_text(self) -> str:
        return QCoreApplication.translate("Exporter", self.menu)

    def title(self) -> str:
        return QCoreApplication.translate("Exporter", self.dialog_title)

    def filter(self) -> str:
        return QCoreApplication.translate("Exporter", self.file_filter)


FORMATS = {
    "png": ExportFormat(
        QT_TRANSLATE_NOOP("Exporter", "Diagram as PNG image…"),
        QT_TRANSLATE_NOOP("Exporter", "Export the diagram as a PNG image"),
        QT_TRANSLATE_NOOP("Exporter", "PNG images (*.png)"),
    ),
    "svg": ExportFormat(
        QT_TRANSLATE_NOOP("Exporter", "Diagram as SVG drawing…"),
        QT_TRANSLATE_NOOP("Exporter", "Export the diagram as an SVG drawing"),
        QT_TRANSLATE_NOOP("Exporter", "SVG drawings (*.svg)"),
    ),
    "csv": ExportFormat(
        QT_TRANSLATE_NOOP("Exporter", "Table as CSV…"),
        QT_TRANSLATE_NOOP("Exporter", "Export the table as CSV"),
        QT_TRANSLATE_NOOP("Exporter", "CSV tables (*.csv)"),
    ),
    "md": ExportFormat(
        QT_TRANSLATE_NOOP("Exporter", "Table as Markdown…"),
        QT_TRANSLATE_NOOP("Exporter", "Export the table as Markdown"),
        QT_TRANSLATE_NOOP("Exporter", "Markdown (*.md)"),
    ),
}
"""Export kind -> its menu entry, dialog title and file filter; the kind is also the file suffix."""


def table_text(document: Document, kind: str) -> str:
    """The shape and cost table as CSV (``kind="csv"``) or Markdown (``"md"``), as displayed."""
    writer = to_csv if kind == "csv" else to_markdown
    weights = weight_layers(document.network, document.summary)
    return writer(document.summary, document.show_flops, document.shape_order, weights)


class Exporter(QObject):
    """Asks where to export and writes the file.

    Parameters
    ----------
    document : Document
        The open network.
    canvas : QWidget
        The diagram view; it draws the PNG and SVG files.
    settings : Settings
        Remembers the folder last used.
    window : QWidget
        Parent of the dialogs.
    """

    def __init__(self, document: Document, canvas: QWidget, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.canvas = canvas
        self.settings = settings
        self.window = window

    def ask_and_export(self, kind: str) -> Path | None:
        """Ask for a file name for *kind* and export; the path written, or None."""
        export_format = FORMATS[kind]
        suggested = Path(self.settings.last_folder() or Path.home()) / f"{_stem(self.document)}.{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self.window, export_format.title(), str(suggested), export_format.filter()
        )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(f".{kind}")
        return path if self.export(kind, path) else None

    def export(self, kind: str, path: Path) -> bool:
        """Write the export *kind* (png, svg, csv, md) to *path*; a failure is shown."""
        try:
            self._writers()[kind](Path(path))
        except OSError as error:
            QMessageBox.critical(
                self.window,
                self.tr("Cannot export"),
                self.tr("{file} could not be written:\n\n{why}").format(file=path, why=error),
            )
            return False
        self.settings.set_last_folder(Path(path).resolve().parent)
        self.document.status_message.emit(self.tr("Exported {file}").format(file=Path(path).name))
        return True

    def _writers(self) -> dict[str, Callable[[Path], None]]:
        return {
            "png": self.canvas.render_diagram_png,
            "svg": self.canvas.render_diagram_svg,
            "csv": lambda path: atomic_write(path, table_text(self.document, "csv")),
            "md": lambda path: atomic_write(path, table_text(self.document, "md")),
        }


def _stem(document: Document) -> str:
    name = document.display_name.removesuffix(".cnnstudio.json").removesuffix(".json")
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "network"


__all__ = ["FORMATS", "ExportFormat", "Exporter", "table_text"]
