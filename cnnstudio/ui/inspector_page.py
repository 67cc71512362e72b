"""What the inspector's pages share: the page itself, its labels, the header and the figures.

:mod:`cnnstudio.ui.inspector` holds the pages of a selection (one layer, several, none);
:mod:`cnnstudio.ui.inner_layer` the page of a layer inside a block.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core import fmt, format_shape
from . import style
from .document import Document
from .icons import block_pixmap

MUTED = style.MUTED_LABEL
ERROR_STYLE = style.ERROR_BOX
FIGURES = (
    ("input", QT_TRANSLATE_NOOP("Inspector", "Input")),
    ("output", QT_TRANSLATE_NOOP("Inspector", "Output")),
    ("params", QT_TRANSLATE_NOOP("Inspector", "Parameters")),
    ("cost", "MACs"),
)
"""The figures under a layer's settings: key (object name ``figure_<key>``) and title (English;
shown in context ``Inspector``)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


def plain_label(text: str = "", sheet: str = "", wrap: bool = True) -> QLabel:
    """A plain-text label the student can select and copy from."""
    result = QLabel(text)
    result.setWordWrap(wrap)
    result.setTextFormat(Qt.TextFormat.PlainText)
    result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if sheet:
        result.setStyleSheet(sheet)
    return result


def heading(text: str) -> QLabel:
    """A section heading ("Output")."""
    return plain_label(text, style.HEADING)


class Page(QWidget):
    """A page of the inspector; refreshed when the analysis or the display settings change."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 10, 10, 10)
        self.layout_.setSpacing(6)

    def refresh(self) -> None:
        """Show the current analysis."""

    def node_changed(self, node_id: str) -> None:
        """The settings or name of *node_id* changed (an undo, or another view)."""

    def set_editable(self, editable: bool) -> None:
        """Enable or disable the editors."""

    def add_header(self, type_id: str, variant: tuple, name: str, kind: str, category: str) -> QLabel:
        """The block's icon, the layer's *name* (returned, object name ``inspectorTitle``) and a
        line saying what *kind* of layer it is, in its category's colour."""
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(block_pixmap(type_id, variant, 30))
        title = plain_label(name, style.TITLE)
        title.setObjectName("inspectorTitle")
        color = style.category_color(category).name()
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(title)
        text.addWidget(plain_label(kind, style.colored(color)))
        row.addWidget(icon)
        row.addLayout(text, 1)
        self.layout_.addLayout(row)
        return title

    def add_figures(self) -> tuple[QFormLayout, dict[str, QLabel]]:
        """The "Output" heading and the layer's figures (filled in by :meth:`show_figures`)."""
        self.layout_.addWidget(heading(_tr("Output")))
        form = QFormLayout()
        labels = {}
        for key, title in FIGURES:
            value = plain_label(wrap=False)
            value.setObjectName(f"figure_{key}")
            labels[key] = value
            form.addRow(_tr(title), value)
        self.layout_.addLayout(form)
        return form, labels

    def show_figures(self, form: QFormLayout, labels: dict[str, QLabel], input_text: str, row) -> None:
        """Fill in the figures of *row* (a LayerRow); the cost in MACs or FLOPs as toggled."""
        document = self.document
        labels["input"].setText(input_text)
        labels["output"].setText(format_shape(row.shape, document.shape_order))
        labels["params"].setText(fmt(row.params))
        form.labelForField(labels["cost"]).setText("FLOPs" if document.show_flops else "MACs")
        labels["cost"].setText(fmt(2 * row.macs if document.show_flops else row.macs))
