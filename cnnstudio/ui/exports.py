"""File > Export: the diagram as PNG or SVG, the table as CSV or Markdown.

The diagram is drawn by the canvas (``render_diagram_png`` / ``render_diagram_svg``, which raise
OSError when the file cannot be written); the table
text comes from :mod:`cnnstudio.core.report` in the notation the table shows right now.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.atomic import atomic_write
from ..core.counting import weight_layers
from ..core.report import to_csv, to_markdown
from .document import Document
from .settings import Settings

FORMATS = {
    "png": ("Diagram as PNG image", "PNG images (*.png)"),
    "svg": ("Diagram as SVG drawing", "SVG drawings (*.svg)"),
    "csv": ("Table as CSV", "CSV tables (*.csv)"),
    "md": ("Table as Markdown", "Markdown (*.md)"),
}
"""Export kind -> (menu text, file dialog filter); the kind is also the file suffix."""


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
        title, file_filter = FORMATS[kind]
        suggested = Path(self.settings.last_folder() or Path.home()) / f"{_stem(self.document)}.{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self.window, f"Export the {title.lower()}", str(suggested), file_filter
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
            QMessageBox.critical(self.window, "Cannot export", f"{path} could not be written:\n\n{error}")
            return False
        self.settings.set_last_folder(Path(path).resolve().parent)
        self.document.status_message.emit(f"Exported {Path(path).name}")
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


__all__ = ["FORMATS", "Exporter", "table_text"]
