"""The block palette: every block a student can place, by category, with a filter box.

Drag an entry onto the canvas (the drag carries ``application/x-cnnstudio-block``: the block
type id, optionally followed by a JSON object of settings), or double-click it to add the block
after the selected layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QDrag, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import CATEGORIES, palette_types
from . import style
from .canvas import edits
from .canvas.mime import BLOCK_MIME, block_mime_data
from .document import Document
from .icons import block_icon, block_pixmap
from .style import category_color
from .terms import block_description, block_title, category_title

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PaletteEntry:
    """One thing to place: a block type with optional settings that differ from its defaults.

    Its title, description and category are in English; :meth:`shown_title` and friends give
    them in the app's language (a block type's own words through :mod:`cnnstudio.ui.terms`, the
    ready-made blocks' through context ``Palette``).
    """

    title: str
    type_id: str
    description: str
    category: str
    overrides: dict[str, Any] = field(default_factory=dict)
    keywords: str = ""

    @property
    def variant(self) -> tuple:
        return tuple(sorted(self.overrides.items()))

    @property
    def ready_made(self) -> bool:
        """Whether this is one of the palette's own blocks (:data:`BLOCK_ENTRIES`)."""
        return self in BLOCK_ENTRIES

    def shown_title(self) -> str:
        """The title as the palette shows it."""
        if self.ready_made:
            return QCoreApplication.translate("Palette", self.title)
        return block_title(self.type_id)

    def shown_description(self) -> str:
        """The tooltip: what the block does."""
        if self.ready_made:
            return QCoreApplication.translate("Palette", self.description)
        return block_description(self.type_id)


BLOCK_ENTRIES = (
    PaletteEntry(
        QT_TRANSLATE_NOOP("Palette", "Residual block (basic)"),
        "residual",
        QT_TRANSLATE_NOOP(
            "Palette",
            "Two 3x3 convolutions whose input is added back to their output by a shortcut (ResNet-18 and -34).",
        ),
        "Blocks",
        keywords="resnet skip shortcut 잔차",
    ),
    PaletteEntry(
        QT_TRANSLATE_NOOP("Palette", "Residual block (bottleneck)"),
        "residual",
        QT_TRANSLATE_NOOP(
            "Palette",
            "A 1x1 conv narrows the channels, a 3x3 conv works on them, a 1x1 conv widens them again; "
            "a shortcut adds the input back (ResNet-50 and deeper).",
        ),
        "Blocks",
        {"variant": "bottleneck"},
        keywords="resnet skip shortcut 잔차 병목",
    ),
    PaletteEntry(
        QT_TRANSLATE_NOOP("Palette", "1x1 convolution"),
        "conv2d",
        QT_TRANSLATE_NOOP(
            "Palette",
            "Mixes the channels at every pixel, shrinking or growing their number without touching height and width.",
        ),
        "Blocks",
        {"kernel": 1},
        keywords="network in network nin bottleneck 1x1 합성곱",
    ),
    PaletteEntry(
        QT_TRANSLATE_NOOP("Palette", "Inception (naive)"),
        "inception",
        QT_TRANSLATE_NOOP(
            "Palette",
            "1x1, 3x3 and 5x5 convolutions and a max pool side by side, their outputs stacked; costly without reductions.",
        ),
        "Blocks",
        {"reductions": False},
        keywords="googlenet 인셉션",
    ),
    PaletteEntry(
        QT_TRANSLATE_NOOP("Palette", "Inception (1x1 reductions)"),
        "inception",
        QT_TRANSLATE_NOOP(
            "Palette",
            "GoogLeNet's module: 1x1 convolutions shrink the channels before the 3x3 and 5x5 convolutions.",
        ),
        "Blocks",
        keywords="googlenet bottleneck 인셉션",
    ),
)


def palette_entries() -> list[PaletteEntry]:
    """Every entry, in category order: one per block type, and the ready-made blocks."""
    entries = [
        PaletteEntry(block.title, block.id, block.description, block.category, keywords=block.title_ko)
        for block in palette_types()
        if block.category != "Blocks"
    ]
    entries.extend(BLOCK_ENTRIES)
    rank = {category: i for i, category in enumerate(CATEGORIES)}
    return sorted(entries, key=lambda e: rank.get(e.category, len(rank)))


def matches(entry: PaletteEntry, text: str) -> bool:
    """Whether the filter *text* finds *entry*: every word in its title (English or as shown),
    type or keywords, or the text starting its category's name (``act`` shows the activations)."""
    text = text.strip().lower()
    category = entry.category.lower(), category_title(entry.category).lower()
    if not text or any(name.startswith(text) for name in category):
        return True
    haystack = f"{entry.title} {entry.shown_title()} {entry.type_id} {entry.keywords}".lower()
    return all(word in haystack for word in text.split())


def drag_chip(entry: PaletteEntry, font: QFont) -> QPixmap:
    """A small rounded label (icon and title) that follows the pointer while dragging."""
    metrics = QFontMetrics(font)
    title = entry.shown_title()
    width, height = metrics.horizontalAdvance(title) + 42, 30
    ratio = 2.0
    chip = QPixmap(int(width * ratio), int(height * ratio))
    chip.setDevicePixelRatio(ratio)
    chip.fill(Qt.GlobalColor.transparent)
    painter = QPainter(chip)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = category_color(entry.category)
    painter.setPen(QPen(color, 1.5))
    painter.setBrush(style.CHIP_FILL)
    painter.drawRoundedRect(QRectF(1, 1, width - 2, height - 2), 8, 8)
    painter.drawPixmap(
        QRectF(7, 5, 20, 20), block_pixmap(entry.type_id, entry.variant, 20), QRectF(0, 0, 40, 40)
    )
    painter.setFont(font)
    painter.setPen(style.TEXT)
    painter.drawText(QRectF(32, 0, width - 36, height), int(Qt.AlignmentFlag.AlignVCenter), title)
    painter.end()
    return chip


class PaletteTree(QTreeWidget):
    """The list of entries; dragging one carries its block MIME data.

    Signals
    -------
    entry_chosen(QTreeWidgetItem)
        Return was pressed on an entry.
    """

    entry_chosen = Signal(QTreeWidgetItem)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(22, 22))
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setAnimated(False)

    def mimeTypes(self) -> list[str]:
        return [BLOCK_MIME]

    def mimeData(self, items) -> QMimeData:
        entries = [item.data(0, ENTRY_ROLE) for item in items]
        entries = [entry for entry in entries if entry is not None]
        if not entries:
            return QMimeData()
        return block_mime_data(entries[0].type_id, entries[0].overrides)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def startDrag(self, actions: Qt.DropAction) -> None:
        item = self.currentItem()
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        if entry is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(drag_chip(entry, self.font()))
        drag.setHotSpot(QPoint(-12, -6))  # the chip trails the pointer, the drop point stays visible
        drag.exec(Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.entry_chosen.emit(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)


class Palette(QWidget):
    """The block palette (objectName ``palette``).

    Parameters
    ----------
    document : Document
        Double-clicking an entry adds its block to this document.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.setMinimumWidth(200)
        self.document = document
        self.filter = QLineEdit(self)
        self.filter.setObjectName("paletteFilter")
        self.filter.setPlaceholderText(QCoreApplication.translate("Palette", "Filter blocks\u2026"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = PaletteTree(self)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.entry_chosen.connect(self.add_entry)
        self.hint = QLabel(
            QCoreApplication.translate(
                "Palette",
                "Drag a block onto the canvas, or double-click it to add it after the selected layer.",
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(style.MUTED_LABEL)
        self.hint.setObjectName("paletteHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self._categories: dict[str, QTreeWidgetItem] = {}
        self._populate()

    def _populate(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        for entry in palette_entries():
            category = self._categories.get(entry.category)
            if category is None:
                category = QTreeWidgetItem(self.tree, [category_title(entry.category)])
                category.setFlags(Qt.ItemFlag.ItemIsEnabled)
                category.setFont(0, bold)
                category.setForeground(0, QBrush(category_color(entry.category).darker(130)))
                self._categories[entry.category] = category
            item = QTreeWidgetItem(category, [entry.shown_title()])
            item.setData(0, ENTRY_ROLE, entry)
            item.setIcon(0, block_icon(entry.type_id, entry.variant, 22))
            item.setToolTip(0, entry.shown_description())
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
            )
        self.tree.expandAll()

    # -- looking up entries -----------------------------------------------------------------------

    def items(self) -> list[QTreeWidgetItem]:
        """Every entry item (not the category headings)."""
        return [cat.child(i) for cat in self._categories.values() for i in range(cat.childCount())]

    def find_item(self, type_id: str, overrides: dict[str, Any] | None = None) -> QTreeWidgetItem:
        """The entry for *type_id* with exactly these *overrides* (``KeyError`` if none)."""
        for item in self.items():
            entry = item.data(0, ENTRY_ROLE)
            if entry.type_id == type_id and entry.overrides == (overrides or {}):
                return item
        raise KeyError(f"the palette has no entry {type_id} {overrides or ''}".strip())

    def mime_data(self, item: QTreeWidgetItem) -> QMimeData:
        """What dragging *item* carries (the same data a real drag gets)."""
        return self.tree.mimeData([item])

    def visible_titles(self) -> list[str]:
        """Titles of the entries the filter leaves visible."""
        return [item.text(0) for item in self.items() if not item.isHidden()]

    # -- behaviour --------------------------------------------------------------------------------

    def apply_filter(self, text: str) -> None:
        """Show only the entries matching *text*, and the categories that still have some."""
        for category in self._categories.values():
            shown = 0
            for i in range(category.childCount()):
                item = category.child(i)
                visible = matches(item.data(0, ENTRY_ROLE), text)
                item.setHidden(not visible)
                shown += visible
            category.setHidden(shown == 0)
        self.tree.expandAll()

    def add_entry(self, item: QTreeWidgetItem) -> str | None:
        """Add *item*'s block after the selected layer; returns the new node id."""
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        if entry is None:
            return None
        return edits.append_block(self.document, entry.type_id, dict(entry.overrides))

    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        self.add_entry(item)
