"""The shape and cost table: the tree view, the formula panel beside it and the display toggles.

The view (object name ``layerTable``) shows :class:`~cnnstudio.ui.layer_table.LayerTableModel`.
Selecting rows selects their layers everywhere (``Document.set_selection``) and selecting a
layer elsewhere selects its row. The current cell's arithmetic appears in the formula panel.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .formula_panel import FormulaPanel
from .layer_table import COLUMNS, LayerTableModel

PANEL_WIDTH = 360
"""The formula panel's width when the table needs little."""
MIN_PANEL_WIDTH = 240
"""The formula panel never gets narrower than this when the table takes what it needs."""
MAX_SHAPE_WIDTH = 170
"""The shape column fits every shape (``112x112x64``, ``dangling (not connected)``); a problem
written there is cut short (the tooltip, the inspector and the formula panel say it whole)."""
FIT_SAMPLE_ROWS = 200
"""Columns fit the rows on screen and up to this many more (a 10,000-layer table fits at once)."""
REFIT_DELAY_MS = 60
"""After an edit the columns re-fit once the table has repainted (a burst of edits, once)."""


class DisplayToggles(QObject):
    """The two display switches as checkable actions (shared by the table and the View menu).

    ``hwc``/``chw`` choose the shape notation, ``macs``/``flops`` the operation count; each
    pair is exclusive and follows :attr:`Document.shape_order` and :attr:`Document.show_flops`.
    """

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.hwc = self._action(
            self.tr("H × W × C"), self.tr("Shapes as height × width × channels (the lecture's notation)")
        )
        self.chw = self._action(
            self.tr("C × H × W"), self.tr("Shapes as channels × height × width (PyTorch's notation)")
        )
        self.macs = self._action(
            self.tr("MACs"), self.tr("Count multiply-accumulates (one multiply and one add)")
        )
        self.flops = self._action(
            self.tr("FLOPs"), self.tr("Count floating-point operations (2 per multiply-accumulate)")
        )
        self._group(self.hwc, self.chw)
        self._group(self.macs, self.flops)
        self.hwc.triggered.connect(lambda: document.set_shape_order("hwc"))
        self.chw.triggered.connect(lambda: document.set_shape_order("chw"))
        self.macs.triggered.connect(lambda: document.set_show_flops(False))
        self.flops.triggered.connect(lambda: document.set_show_flops(True))
        document.display_changed.connect(self.sync)
        self.sync()

    def _action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _group(self, *actions: QAction) -> None:
        group = QActionGroup(self)
        group.setExclusive(True)
        for action in actions:
            group.addAction(action)

    def sync(self) -> None:
        """Check the actions that match the document."""
        doc = self.document
        (self.hwc if doc.shape_order == "hwc" else self.chw).setChecked(True)
        (self.flops if doc.show_flops else self.macs).setChecked(True)


class LayerTableView(QTreeView):
    """The table itself; keeps rows and the document's selection in step.

    Signals
    -------
    open_block_requested(str)
        A composite block's row was double-clicked; carries its node id.
    inner_row_selected(str)
        The rows chosen changed: the dotted name of the one layer inside a block chosen alone
        (``layer1.0.conv2``), or "" otherwise.
    """

    open_block_requested = Signal(str)
    columns_fitted = Signal()
    sort_changed = Signal()
    inner_row_selected = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerTable")
        self.document = document
        self.table_model = LayerTableModel(document, self)
        self.setModel(self.table_model)
        self._syncing = False
        self._expanded: set[str] = set()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(REFIT_DELAY_MS)
        self._fit_timer.timeout.connect(self.fit_columns)
        self._configure()
        self._connect()
        self.fit_columns()

    def _configure(self) -> None:
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setExpandsOnDoubleClick(False)
        self.header().setStretchLastSection(False)
        self.header().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        self.header().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.header().setSectionsClickable(True)
        self.header().setSortIndicatorShown(True)
        self.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.header().setToolTip(
            self.tr(
                "Click a column's title to sort the layers by it (numbers: largest first), again for "
                "the other way, a third time for network order."
            )
        )

    def _connect(self) -> None:
        model = self.table_model
        self.selectionModel().selectionChanged.connect(self._on_rows_selected)
        self.document.selection_changed.connect(self.show_document_selection)
        self.document.display_changed.connect(self.fit_columns)
        self.document.summary_changed.connect(self._fit_timer.start)  # 9,999 filters: wider numbers
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        self.expanded.connect(self._on_expanded)
        self.collapsed.connect(lambda index: self._expanded.discard(self._path(index)))
        self.doubleClicked.connect(self._on_double_click)
        self.header().sectionClicked.connect(self._on_header_clicked)

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        # Rows inside a collapsed block are not on screen: nothing to repaint. (Qt would look
        # up every one of them to find that out, which costs milliseconds on ResNet-152.)
        parent = top_left.parent()
        if parent.isValid() and not self.isExpanded(parent):
            return
        super().dataChanged(top_left, bottom_right, roles)

    def _path(self, index: QModelIndex) -> str:
        row = self.table_model.row_of(index)
        return row.path if row is not None else ""

    # -- columns and expansion ----------------------------------------------------------------

    def fit_columns(self) -> None:
        """Size every column to its visible contents (a long problem message is cut short)."""
        for column in range(len(COLUMNS)):
            self.resizeColumnToContents(column)
        shape = COLUMNS.index("output_shape")
        self.setColumnWidth(shape, min(self.columnWidth(shape), MAX_SHAPE_WIDTH))
        self.columns_fitted.emit()

    def needed_width(self) -> int:
        """The width that shows every column without scrolling sideways."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return self.header().length() + scroll_bar + 2 * self.frameWidth()

    def _on_expanded(self, index: QModelIndex) -> None:
        self._expanded.add(self._path(index))
        self.resizeColumnToContents(0)  # the inner layers' names are indented
        self.columns_fitted.emit()

    def _before_reset(self) -> None:
        self._syncing = True

    def _after_reset(self) -> None:
        for path in sorted(self._expanded):
            index = self.table_model.index_of_path(path)
            if index.isValid():
                self.expand(index)
        self._syncing = False
        self.show_document_selection()
        if self.table_model.rowCount() > FIT_SAMPLE_ROWS:
            QTimer.singleShot(0, self, self.fit_columns)  # a long network: the window answers first
        else:
            self.fit_columns()

    # -- sorting ------------------------------------------------------------------------------

    def sort_by(self, column: str | None, descending: bool = True) -> None:
        """Sort the layers by *column* (None: back to network order) and show it in the header."""
        self.table_model.sort_by(column, descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.header().setSortIndicator(COLUMNS.index(column) if column else -1, order)
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())
        self.sort_changed.emit()

    def _on_header_clicked(self, section: int) -> None:
        """First click: sort (numbers largest first); second: the other way; third: network order."""
        column = COLUMNS[section]
        first = column not in ("layer", "type")
        model = self.table_model
        if model.sort_column != column:
            self.sort_by(column, first)
        elif model.sort_descending == first:
            self.sort_by(column, not first)
        else:
            self.sort_by(None)

    def sort_text(self) -> str:
        """What the sort is, in words ("" in network order)."""
        model = self.table_model
        if model.sort_column is None:
            return ""
        title = model.column_title(model.sort_column)
        if model.sort_column not in ("layer", "type"):
            if model.sort_descending:
                return self.tr("Sorted by {column}, largest first").format(column=title)
            return self.tr("Sorted by {column}, smallest first").format(column=title)
        if model.sort_descending:
            return self.tr("Sorted by {column}, Z to A").format(column=title)
        return self.tr("Sorted by {column}, A to Z").format(column=title)

    # -- selection ----------------------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        """The nodes of the selected rows, in row order, each once."""
        ids: list[str] = []
        for index in sorted(self.selectionModel().selectedRows(), key=_tree_position):
            row = self.table_model.row_of(index)
            if row is not None and row.node_id not in ids:
                ids.append(row.node_id)
        return ids

    def _on_rows_selected(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.document.set_selection(self.selected_node_ids())
        finally:
            self._syncing = False
        self.inner_row_selected.emit(self.selected_inner_path())

    def selected_inner_path(self) -> str:
        """The dotted name of the one row chosen, if it is a layer inside a block ("" if not)."""
        rows = self.selectionModel().selectedRows()
        row = self.table_model.row_of(rows[0]) if len(rows) == 1 else None
        return row.path if row is not None and row.depth > 0 else ""

    def select_path(self, path: str) -> bool:
        """Choose the row whose dotted name is *path* (its block opened in the table); False if
        there is none."""
        index = self.table_model.index_of_path(path, max(self.currentIndex().column(), 0))
        if not index.isValid():
            return False
        if index.parent().isValid():
            self.expand(index.parent())
        if self.selected_inner_path() != path:
            self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def show_document_selection(self) -> None:
        """Select the rows of the document's selected nodes (unless they already are)."""
        if self._syncing:
            return
        wanted = self.document.selected_ids
        if set(self.selected_node_ids()) == set(wanted):
            return
        self._syncing = True
        try:
            self._select_nodes(wanted)
        finally:
            self._syncing = False

    def _select_nodes(self, node_ids: list[str]) -> None:
        selection = QItemSelection()
        indexes = [self.table_model.index_of_node(i) for i in node_ids]
        indexes = [i for i in indexes if i.isValid()]
        for index in indexes:
            selection.select(index, index.siblingAtColumn(len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
        if indexes:
            column = max(self.currentIndex().column(), 0)
            current = indexes[0].siblingAtColumn(column)
            self.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(current)

    def _on_double_click(self, index: QModelIndex) -> None:
        row = self.table_model.row_of(index)
        if row is not None and row.children and row.depth == 0:
            self.open_block_requested.emit(row.node_id)


def _tree_position(index: QModelIndex) -> list[int]:
    """Row numbers from the top level down to *index* (sorts rows in table order)."""
    key: list[int] = []
    while index.isValid():
        key.insert(0, index.row())
        index = index.parent()
    return key


class TableDock(QDockWidget):
    """The bottom dock: display toggles, the table and the formula panel.

    Parameters
    ----------
    document : Document
        The open network.
    toggles : DisplayToggles
        The shape-notation and MACs/FLOPs actions (also in the View menu).
    """

    def __init__(self, document: Document, toggles: DisplayToggles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shapes and costs"))
        self.setObjectName("tableDock")
        self.document = document
        self.view = LayerTableView(document)
        self.formula_panel = FormulaPanel(document)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(self._toggle_bar(toggles))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.formula_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, PANEL_WIDTH])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._splitter_fitted = False
        self._splitter_moved_by_hand = False
        splitter.splitterMoved.connect(self._on_splitter_moved)
        self.view.columns_fitted.connect(self._refit_splitter)
        layout.addWidget(splitter)
        self.setWidget(body)
        self.view.selectionModel().currentChanged.connect(self.formula_panel.show_index)
        self.view.sort_changed.connect(self._show_sort)
        document.display_changed.connect(self._show_sort)  # "MACs" or "FLOPs"
        self._show_sort()
        document.summary_changed.connect(self._refresh_formula)
        document.display_changed.connect(self._refresh_formula)

    def _toggle_bar(self, toggles: DisplayToggles) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(2)
        groups = (
            (self.tr("Shapes:"), (toggles.hwc, toggles.chw)),
            (self.tr("Count:"), (toggles.macs, toggles.flops)),
        )
        for label, actions in groups:
            bar.addWidget(QLabel(label))
            for action in actions:
                button = QToolButton()
                button.setDefaultAction(action)
                button.setAutoRaise(True)
                bar.addWidget(button)
            bar.addSpacing(16)
        bar.addStretch(1)
        self.sort_label = QLabel()
        self.sort_label.setObjectName("sortLabel")
        self.network_order = QToolButton()
        self.network_order.setObjectName("networkOrder")
        self.network_order.setText(self.tr("Network order"))
        self.network_order.setToolTip(self.tr("Show the layers in the order data flows through them"))
        self.network_order.clicked.connect(lambda: self.view.sort_by(None))
        bar.addWidget(self.sort_label)
        bar.addWidget(self.network_order)
        return bar

    def _show_sort(self) -> None:
        text = self.view.sort_text()
        self.sort_label.setText(text)
        self.sort_label.setVisible(bool(text))
        self.network_order.setVisible(bool(text))

    def _refresh_formula(self) -> None:
        self.formula_panel.show_index(self.view.currentIndex())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitter_fitted:
            self._splitter_fitted = True
            self.fit_splitter()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refit_splitter()

    def _on_splitter_moved(self) -> None:
        self._splitter_moved_by_hand = True  # the student's choice stands from now on

    def _refit_splitter(self) -> None:
        if self._splitter_fitted and not self._splitter_moved_by_hand:
            self.fit_splitter()

    def fit_splitter(self) -> None:
        """Give the table the width its columns need (the formula panel keeps at least
        MIN_PANEL_WIDTH) and the formula panel the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        table = min(self.view.needed_width(), total - MIN_PANEL_WIDTH)
        if self.splitter.sizes() != [table, total - table]:
            self.splitter.setSizes([table, total - table])


__all__ = ["DisplayToggles", "FormulaPanel", "LayerTableView", "TableDock"]
