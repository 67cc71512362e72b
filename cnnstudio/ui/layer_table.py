"""The shape and cost table as a Qt item model: one row per layer, composite blocks expandable.

:class:`LayerTableModel` adapts :attr:`Document.summary` to a ``QAbstractItemModel`` (napari's
``_base_item_model`` pattern). When the summary changes it keeps the views' expansion and
selection: if the rows are the same layers as before it only says the data changed, and only
when layers were added, removed or reordered does it reset.

The layers can be sorted by a column (:meth:`LayerTableModel.sort_by`, largest first for the
numbers) and put back in network order; a block's own layers keep their order inside it and
the totals row stays last. The sort holds through edits.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ..core import LayerRow, fmt, format_shape
from . import style
from .commands import sentence
from .document import Document
from .language import core_text
from .table_formulas import multiplication_signs, share_formula, total_formula
from .terms import block_description, block_title

COLUMNS = (
    "layer",
    "type",
    "output_shape",
    "params",
    "macs",
    "macs_share",
    "other_ops",
    "activations",
    "receptive_field",
)
"""The model's columns, in order. ``macs`` shows FLOPs when the document asks for them."""

HEADERS = {
    "layer": QT_TRANSLATE_NOOP("LayerTable", "Layer"),
    "type": QT_TRANSLATE_NOOP("LayerTable", "Type"),
    "output_shape": QT_TRANSLATE_NOOP("LayerTable", "Output shape"),
    "params": QT_TRANSLATE_NOOP("LayerTable", "Params"),
    "macs": QT_TRANSLATE_NOOP("LayerTable", "MACs"),
    "macs_share": QT_TRANSLATE_NOOP("LayerTable", "% of MACs"),
    "other_ops": QT_TRANSLATE_NOOP("LayerTable", "Other ops"),
    "activations": QT_TRANSLATE_NOOP("LayerTable", "Activations"),
    "receptive_field": QT_TRANSLATE_NOOP("LayerTable", "Receptive field"),
}
"""The columns' titles, in English (:meth:`LayerTableModel.column_title` gives them as shown)."""
FLOPS_HEADERS = {
    "macs": QT_TRANSLATE_NOOP("LayerTable", "FLOPs"),
    "macs_share": QT_TRANSLATE_NOOP("LayerTable", "% of FLOPs"),
}
"""The titles that change when the table counts FLOPs."""
NUMERIC = frozenset(COLUMNS[3:])
DANGLING_TEXT = QT_TRANSLATE_NOOP("LayerTable", "dangling (not connected)")
ERROR_COLOR = QColor(style.ERROR_CELL)
ZERO_COLOR = QColor(style.FAINT)

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The id of the network node a row belongs to (None for the totals row)."""
FORMULA_ROLE = Qt.ItemDataRole.UserRole + 2
"""The arithmetic behind the cell's number, with ``×`` for multiplication."""
ERRORS_ROLE = Qt.ItemDataRole.UserRole + 3
"""The row's problems, as a list of sentences."""
PATH_ROLE = Qt.ItemDataRole.UserRole + 4
"""The row's dotted name (``layer1.0.conv1``), stable across edits; "" for the totals row."""
NOTES_ROLE = Qt.ItemDataRole.UserRole + 5
"""The row's notes (a dangling layer says why it is not part of the network), as a list."""

Index = QModelIndex | QPersistentModelIndex
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(eq=False)
class _Item:
    """A row of the model: a layer row (or the totals row, ``row is None``) and its place."""

    row: LayerRow | None
    parent: _Item | None
    position: int
    children: list[_Item] = field(default_factory=list)


def formula_text(row: LayerRow, column: str) -> str:
    """The formula of *column* in *row* as text, in the app's language ("" if it has none)."""
    return core_text(row.formula(column))


def _text(text: str) -> str:
    """One of the table's texts (marked with ``QT_TRANSLATE_NOOP``) in the app's language."""
    return QCoreApplication.translate("LayerTable", text)


class LayerTableModel(QAbstractItemModel):
    """The rows of :attr:`Document.summary` plus a totals row, in the document's notation.

    Parameters
    ----------
    document : Document
        The open network; the model follows its ``summary_changed`` and ``display_changed``.
    parent : QObject, optional
        The Qt parent.
    """

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._items: list[_Item] = []  # the layers' rows in network order
        self._top: list[_Item] = []  # the rows as shown: the layers (sorted or not), then the totals
        self._by_node: dict[str, _Item] = {}
        self.sort_column: str | None = None
        self.sort_descending = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._error_brush = QBrush(ERROR_COLOR)
        self._zero_brush = QBrush(ZERO_COLOR)
        self._rebuild()
        document.summary_changed.connect(self._on_summary_changed)
        document.display_changed.connect(self._on_display_changed)

    # -- building -----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        summary = self.document.summary
        self._items = [self._item(row, None, i) for i, row in enumerate(summary.rows)]
        self._by_node = {item.row.node_id: item for item in self._items}
        self._top = [*self._items, _Item(None, None, len(self._items))]
        self._order_rows()

    def _item(self, row: LayerRow, parent: _Item | None, position: int) -> _Item:
        item = _Item(row, parent, position)
        item.children = [self._item(child, item, i) for i, child in enumerate(row.children)]
        return item

    def _refill(self, rows: list[LayerRow], items: list[_Item]) -> bool:
        """Point the items at the new rows if the rows are the same layers; False if not
        (the items are then half refilled and must be rebuilt)."""
        if len(rows) != len(items):
            return False
        for row, item in zip(rows, items, strict=True):
            old = item.row
            if old.node_id != row.node_id or old.path != row.path:
                return False
            if (row.children or item.children) and not self._refill(row.children, item.children):
                return False
            item.row = row
        return True

    def _on_summary_changed(self) -> None:
        if self._refill(self.document.summary.rows, self._items):
            if self.sort_column is not None:
                self._reorder()  # the new numbers may move rows
            self._announce_all_changed()
            return
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    # -- sorting ------------------------------------------------------------------------------

    def sort_by(self, column: str | None, descending: bool = True) -> None:
        """Show the layers sorted by *column* (None: in network order, as data flows).

        Ties and layers whose numbers are unknown (a problem upstream) keep network order,
        the unknown ones after the others.
        """
        self.sort_column = column
        self.sort_descending = descending
        self._reorder()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's entry point: sort by the column at *column* (-1: network order)."""
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else None
        self.sort_by(name, order == Qt.SortOrder.DescendingOrder)

    def _reorder(self) -> None:
        """Put the rows in the current order, telling the views which row went where."""
        before = list(self._top)
        self.layoutAboutToBeChanged.emit()
        self._order_rows()
        if self._top == before:  # the same items in the same places (items compare by identity)
            self.layoutChanged.emit()
            return
        old = self.persistentIndexList()
        new = [
            self.createIndex(index.internalPointer().position, index.column(), index.internalPointer())
            if index.isValid() and not index.parent().isValid()
            else index
            for index in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _order_rows(self) -> None:
        rows = list(self._items)
        if self.sort_column is not None:
            known = [item for item in rows if self._sort_key(item.row) is not None]
            unknown = [item for item in rows if self._sort_key(item.row) is None]
            known.sort(key=lambda item: self._sort_key(item.row), reverse=self.sort_descending)
            rows = known + unknown
        self._top = [*rows, self._top[-1]] if self._top else rows
        for position, item in enumerate(self._top):
            item.position = position

    def _sort_key(self, row: LayerRow):
        column = self.sort_column
        if column == "layer":
            return row.name.casefold()
        if column == "type":
            return block_title(row.type).casefold()
        if row.shape is None:
            return None  # not worked out: a problem here or upstream
        if column == "output_shape":
            return math.prod(row.shape)
        if column == "receptive_field":
            return row.receptive_field
        return getattr(row, "macs" if column == "macs_share" else column)

    def _on_display_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._announce_all_changed()

    def _announce_all_changed(self) -> None:
        """dataChanged for the top level and for every composite's children."""
        last = len(COLUMNS) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._top) - 1, last))
        for item in self._top:
            if item.children:
                parent = self.createIndex(item.position, 0, item)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(item.children) - 1, last, parent)
                )

    # -- QAbstractItemModel -------------------------------------------------------------------

    def _item_at(self, index: Index) -> _Item | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._children_of(parent)
        if not (0 <= row < len(siblings) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        item = self._item_at(index)
        if item is None or item.parent is None:
            return QModelIndex()
        return self.createIndex(item.parent.position, 0, item.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children_of(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def _children_of(self, parent: Index) -> list[_Item]:
        item = self._item_at(parent)
        return self._top if item is None else item.children

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return _RIGHT
        return None

    def column_title(self, column: str) -> str:
        """The header of *column* under the current toggles (MACs or FLOPs)."""
        title = FLOPS_HEADERS.get(column, HEADERS[column]) if self.document.show_flops else HEADERS[column]
        return _text(title)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        handler = _ROLE_HANDLERS.get(role)
        if handler is None or not index.isValid():
            return None
        return handler(self, index.internalPointer(), COLUMNS[index.column()])

    # -- cell contents ------------------------------------------------------------------------

    def _display(self, item: _Item, column: str) -> str:
        if item.row is None:
            return self._total_text(column)
        return self.cell_text(item.row, column)

    def cell_text(self, row: LayerRow, column: str) -> str:
        """The text of one cell of *row* under the current toggles."""
        doc = self.document
        if column == "layer":
            return row.name
        if column == "type":
            return block_title(row.type)
        if column == "output_shape":
            if row.errors:
                return f"⚠ {core_text(row.errors[0])}"
            return _text(DANGLING_TEXT) if row.dangling else format_shape(row.shape, doc.shape_order)
        if column == "receptive_field":
            return "" if row.receptive_field is None else str(row.receptive_field)
        if column == "macs_share":
            return self._share_text(row.macs)
        if row.shape is None:
            return ""  # not computed: a problem here or upstream
        return fmt(self._scaled(column, getattr(row, column)))

    def _scaled(self, column: str, value: int) -> int:
        return 2 * value if column == "macs" and self.document.show_flops else value

    def _share_text(self, macs: int) -> str:
        total = self.document.summary.totals.macs
        return f"{100 * macs / total:.1f} %" if macs and total else ""

    def _total_text(self, column: str) -> str:
        summary = self.document.summary
        totals = summary.totals
        texts = {
            "layer": QCoreApplication.translate("LayerTable", "Total")
            if summary.valid
            else QCoreApplication.translate("LayerTable", "Total so far"),
            "output_shape": format_shape(summary.output_shape, self.document.shape_order),
            "params": fmt(totals.params),
            "macs": fmt(self._scaled("macs", totals.macs)),
            "macs_share": "100.0 %" if totals.macs else "",
            "other_ops": fmt(totals.other_ops),
            "activations": fmt(totals.activations),
        }
        return texts.get(column, "")

    def _alignment(self, item: _Item, column: str):
        return _RIGHT if column in NUMERIC else _LEFT

    def _foreground(self, item: _Item, column: str):
        row = item.row
        if row is not None and row.errors:
            return self._error_brush
        if row is not None and row.dangling:
            return self._zero_brush  # not part of the network: it recedes
        if row is not None and column in NUMERIC and row.shape is not None and not getattr(row, column, 1):
            return self._zero_brush  # zeros recede so the costs stand out
        return None

    def _decoration(self, item: _Item, column: str) -> QIcon | None:
        if column != "layer" or item.row is None or not item.row.errors:
            return None
        return error_icon()

    def _font(self, item: _Item, column: str) -> QFont | None:
        if item.row is not None and item.row.is_leaf:
            return None
        return self._bold

    def _tooltip(self, item: _Item, column: str) -> str | None:
        if item.row is None:
            return None
        if item.row.errors:
            problem = QCoreApplication.translate("LayerTable", "Problem: {problem}")
            return "\n".join(problem.format(problem=core_text(error)) for error in item.row.errors)
        if item.row.dangling:
            return "\n".join(sentence(core_text(note)) for note in item.row.notes)
        if item.row.shape is None:
            return QCoreApplication.translate(
                "LayerTable", "Unknown until the problem in an earlier layer is fixed"
            )
        if column in ("layer", "type"):
            return block_description(item.row.type)
        return self.formula(item, column) or None

    def _node_id(self, item: _Item, column: str) -> str | None:
        return item.row.node_id if item.row is not None else None

    def _errors(self, item: _Item, column: str) -> list[str]:
        return list(item.row.errors) if item.row is not None else []

    def _path(self, item: _Item, column: str) -> str:
        return item.row.path if item.row is not None else ""

    def _notes(self, item: _Item, column: str) -> list[str]:
        return list(item.row.notes) if item.row is not None else []

    def formula(self, item: _Item, column: str) -> str:
        """The arithmetic behind a cell, with the numbers filled in and ``×`` signs."""
        if item.row is None:
            return total_formula(self.document.summary, column, self.document.show_flops)
        row = item.row
        if column in ("layer", "type"):
            text = block_description(row.type)
        elif row.shape is None:
            text = ""  # not worked out: a problem here or upstream
        elif column == "macs_share":
            text = share_formula(row.macs, self.document.summary.totals.macs)
        else:
            text = formula_text(row, column)
            if column == "macs" and self.document.show_flops and row.macs:
                text += f"\nFLOPs = 2 * MACs = 2 * {fmt(row.macs)} = {fmt(2 * row.macs)}"
        return multiplication_signs(text)

    def _formula_role(self, item: _Item, column: str) -> str:
        return self.formula(item, column)

    # -- lookup -------------------------------------------------------------------------------

    def index_of_node(self, node_id: str, column: int = 0) -> QModelIndex:
        """The top-level row of *node_id* (invalid if it has none)."""
        item = self._by_node.get(node_id)
        if item is None:
            return QModelIndex()
        return self.createIndex(item.position, column, item)

    def index_of_path(self, path: str, column: int = 0) -> QModelIndex:
        """The row whose dotted name is *path* (invalid if there is none)."""
        items = deque(self._top)
        while items:
            item = items.popleft()
            if item.row is not None and item.row.path == path:
                return self.createIndex(item.position, column, item)
            items.extend(item.children)
        return QModelIndex()

    def row_of(self, index: Index) -> LayerRow | None:
        """The layer row behind *index* (None for the totals row or an invalid index)."""
        item = self._item_at(index)
        return item.row if item is not None else None


_ROLE_HANDLERS = {
    Qt.ItemDataRole.DisplayRole: LayerTableModel._display,
    Qt.ItemDataRole.TextAlignmentRole: LayerTableModel._alignment,
    Qt.ItemDataRole.ForegroundRole: LayerTableModel._foreground,
    Qt.ItemDataRole.DecorationRole: LayerTableModel._decoration,
    Qt.ItemDataRole.FontRole: LayerTableModel._font,
    Qt.ItemDataRole.ToolTipRole: LayerTableModel._tooltip,
    NODE_ID_ROLE: LayerTableModel._node_id,
    FORMULA_ROLE: LayerTableModel._formula_role,
    ERRORS_ROLE: LayerTableModel._errors,
    PATH_ROLE: LayerTableModel._path,
    NOTES_ROLE: LayerTableModel._notes,
}


_ICONS: dict[str, QIcon] = {}


def error_icon() -> QIcon:
    """The style's warning icon, used on rows with a problem."""
    if "error" not in _ICONS:
        style = QApplication.style()
        _ICONS["error"] = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _ICONS["error"]


__all__ = [
    "COLUMNS",
    "ERRORS_ROLE",
    "FORMULA_ROLE",
    "HEADERS",
    "NODE_ID_ROLE",
    "NOTES_ROLE",
    "PATH_ROLE",
    "LayerTableModel",
    "formula_text",
    "multiplication_signs",
]
