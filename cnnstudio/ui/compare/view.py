"""The compare view: pinned networks side by side.

Top to bottom: the comparison's title and what to look for, a tool bar (pin the open network,
a preset or a file; ready-made comparisons; use as baseline, unpin, clear; log scale), the
totals table with the ratios in words under it, and beside them the per-stage bar charts.
The view follows its :class:`~.pins.PinBoard`; its actions only change the board.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...comparing import READY_MADE, Comparison, NetworkFigures
from ...core import LESSONS, PRESETS, fmt, preset
from ...core.fileformat import FileFormatError, load
from ...core.jsonfile import printable
from ...interop import import_onnx, is_onnx_path
from ..document import Document
from ..language import core_text
from ..style import COMPARE_TITLE as TITLE_STYLE
from ..style import ERROR_LABEL as ERROR_STYLE
from ..style import MUTED_LABEL as MUTED_STYLE
from .names import comparison_title, preset_title, ready_made_tip, ready_made_title
from .pins import PinBoard
from .readout import stage_readout
from .totals import TotalsTable, ratios_html

CONTEXT = "CompareView"
EMPTY_TITLE = QT_TRANSLATE_NOOP("CompareView", "Compare networks")
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "CompareView",
    "Pin two networks or more to see them side by side: the open network (pin it, edit it, pin "
    "it again to see what the edit did), a preset or a file. Or pick one of the lecture's "
    "ready-made comparisons.",
)
HOVER_HINT = QT_TRANSLATE_NOOP("CompareView", "Hover over a stage's bars to read its exact figures.")
OPEN_NETWORK = QT_TRANSLATE_NOOP("CompareView", "the open network")
"""Where the open network, pinned before it was saved, came from (its tooltip says so)."""
FILE_FILTER = QT_TRANSLATE_NOOP(
    "CompareView",
    "Networks and ONNX models (*.cnnstudio.json *.onnx);;CNN Studio networks (*.cnnstudio.json);;"
    "ONNX models (*.onnx);;JSON files (*.json);;All files (*)",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class CompareView(QWidget):
    """Pinned networks side by side.

    Parameters
    ----------
    board : PinBoard
        What is pinned; the view follows it.
    document : Document, optional
        The open network, for "Pin the open network" and the shape notation.

    Attributes
    ----------
    named_actions : dict[str, QAction]
        ``pin_open``, ``pin_file``, ``baseline``, ``remove``, ``clear``, ``log_scale`` and
        ``compare:<id>`` for each ready-made comparison and ``pin:<preset id>`` (the main
        window's Compare menu shares them).
    preset_menu, ready_made_menu : QMenu
        Pin a preset; the ready-made comparisons.
    table : TotalsTable
    charts : StageCharts or None
        Created the first time there is something to draw (it imports pyqtgraph).
    """

    def __init__(self, board: PinBoard, document: Document | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.board = board
        self.document = document
        self.charts = None
        self._last_dir = ""
        self.named_actions: dict[str, QAction] = {}
        self._make_actions()
        self._build()
        board.changed.connect(self.refresh)
        if document is not None:
            document.display_changed.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _action(self, name: str, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.named_actions[name] = action
        return action

    def _make_actions(self) -> None:
        self._action(
            "pin_open",
            QCoreApplication.translate("CompareView", "Pin the open network"),
            QCoreApplication.translate(
                "CompareView",
                "Pin the open network as it is now; edit it and pin it again to compare before and after",
            ),
            self.pin_open_network,
        ).setEnabled(self.document is not None)
        self._action(
            "pin_file",
            QCoreApplication.translate("CompareView", "Pin a file…"),
            QCoreApplication.translate("CompareView", "Pin a network file or an ONNX model"),
            self.choose_file,
        )
        self._action(
            "baseline",
            QCoreApplication.translate("CompareView", "Use as baseline"),
            QCoreApplication.translate("CompareView", "Compare the others against the selected network"),
            self.use_as_baseline,
        )
        self._action(
            "remove",
            QCoreApplication.translate("CompareView", "Unpin"),
            QCoreApplication.translate("CompareView", "Unpin the selected network"),
            self.remove_selected,
        )
        self._action(
            "clear",
            QCoreApplication.translate("CompareView", "Clear"),
            QCoreApplication.translate("CompareView", "Unpin every network"),
            self.board.clear,
        )
        log = self._action(
            "log_scale",
            QCoreApplication.translate("CompareView", "Log scale"),
            QCoreApplication.translate("CompareView", "Bar heights on a logarithmic scale"),
            self._redraw_charts,
        )
        log.setCheckable(True)
        self.preset_menu = self._preset_menu()
        self.ready_made_menu = QMenu(
            QCoreApplication.translate("CompareView", "Ready-made comparisons"), self
        )
        for entry in READY_MADE.values():
            action = self._action(
                f"compare:{entry.id}",
                ready_made_title(entry),
                ready_made_tip(entry),
                lambda cid=entry.id: self.show_comparison(cid),
            )
            self.ready_made_menu.addAction(action)

    def _preset_menu(self) -> QMenu:
        menu = QMenu(QCoreApplication.translate("CompareView", "Pin a preset"), self)
        for lesson in LESSONS:
            submenu = menu.addMenu(QCoreApplication.translate("Presets", lesson))  # the app's words
            for entry in PRESETS.values():
                if entry.lesson == lesson:
                    action = submenu.addAction(preset_title(entry.id))
                    action.setStatusTip(QCoreApplication.translate("Presets", entry.description))
                    action.triggered.connect(lambda _checked=False, pid=entry.id: self.pin_preset(pid))
                    self.named_actions[f"pin:{entry.id}"] = action
        return menu

    def _build(self) -> None:
        self.title = QLabel(objectName="compareTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.note = QLabel(objectName="compareNote", wordWrap=True)
        self.note.setStyleSheet(MUTED_STYLE)
        self.message = QLabel(objectName="compareMessage", wordWrap=True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.table = TotalsTable()
        self.ratios = QLabel(objectName="compareRatios", wordWrap=True)
        self.ratios.setTextFormat(Qt.TextFormat.RichText)
        self.ratios.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ratios.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart_area = QStackedWidget()
        self.empty_hint = QLabel(_tr(EMPTY_HINT), wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet(MUTED_STYLE)
        self.chart_area.addWidget(self.empty_hint)
        self.readout = QLabel(_tr(HOVER_HINT), objectName="compareReadout", wordWrap=True)
        self.readout.setStyleSheet(MUTED_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self._toolbar())
        layout.addWidget(self._splitter(), 1)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(objectName="compareToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.named_actions["pin_open"])
        bar.addWidget(_menu_button(self.preset_menu))
        bar.addAction(self.named_actions["pin_file"])
        bar.addSeparator()
        bar.addWidget(_menu_button(self.ready_made_menu))
        bar.addSeparator()
        bar.addActions(
            [self.named_actions["baseline"], self.named_actions["remove"], self.named_actions["clear"]]
        )
        bar.addSeparator()
        bar.addAction(self.named_actions["log_scale"])
        return bar

    def _splitter(self) -> QSplitter:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.note, self.message, self.table):
            column.addWidget(widget)
        column.addWidget(self.ratios, 1)
        right = QWidget()
        charts = QVBoxLayout(right)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.chart_area, 1)
        charts.addWidget(self.readout)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="compareSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([4000, 5000])  # scaled to the room there is: 4/9 for the table, 5/9 charts
        return splitter

    # -- what the user asks for ---------------------------------------------------------------

    def pin_open_network(self) -> NetworkFigures | None:
        """Pin the open network as it is now (None without a document)."""
        if self.document is None:
            return None
        network = self.document.network
        edits = self.document.undo_stack.index()
        if edits == 0:
            label = network.name
        elif edits == 1:
            label = QCoreApplication.translate("CompareView", "{name} (after 1 edit)").format(
                name=network.name
            )
        else:
            label = QCoreApplication.translate("CompareView", "{name} (after {count} edits)").format(
                name=network.name, count=fmt(edits)
            )
        source = str(self.document.path) if self.document.path else _tr(OPEN_NETWORK)
        return self._pinned(self.board.pin_network(network, label, source))

    def pin_preset(self, preset_id: str) -> NetworkFigures:
        """Pin the preset *preset_id*."""
        return self._pinned(self.board.pin_network(preset(preset_id), source=preset_id))

    def pin_file(self, path: Path | str) -> NetworkFigures | None:
        """Pin the network in *path*; a file that cannot be read pins nothing and says why."""
        path = Path(path)
        try:
            network = import_onnx(path) if is_onnx_path(path) else load(path)
        except FileFormatError as error:  # OnnxImportError is one
            message = QCoreApplication.translate("CompareView", "Cannot pin {file}: {error}")
            self._say(message.format(file=printable(path.name, 120), error=core_text(str(error))))
            return None
        return self._pinned(self.board.pin_network(network, source=str(path)))

    def choose_file(self) -> None:
        """Ask for a file and pin it."""
        title = QCoreApplication.translate("CompareView", "Pin a network")
        name, _ = QFileDialog.getOpenFileName(self, title, self._last_dir, _tr(FILE_FILTER))
        if name:
            self._last_dir = str(Path(name).parent)
            self.pin_file(name)

    def show_comparison(self, comparison_id: str) -> Comparison:
        """Show the ready-made comparison *comparison_id* instead of the pins (``KeyError`` if unknown)."""
        self._say("")
        return self.board.show_ready_made(comparison_id)

    def use_as_baseline(self) -> None:
        """Make the selected network the baseline."""
        row = self.table.selected_row()
        if row is not None:
            self.board.make_baseline(row)
            self.table.selectRow(0)

    def remove_selected(self) -> None:
        """Unpin the selected network."""
        row = self.table.selected_row()
        if row is not None:
            self.board.remove(row)

    def _pinned(self, pinned: NetworkFigures) -> NetworkFigures:
        self._say("")
        return pinned

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- following the board ------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the board's comparison (or the empty view)."""
        comparison = self.board.comparison
        order = self.document.shape_order if self.document is not None else "hwc"
        self.title.setText(comparison_title(comparison) if comparison else _tr(EMPTY_TITLE))
        self.note.setText(core_text(comparison.note) if comparison else "")
        self.note.setVisible(bool(comparison and comparison.note))
        self.table.show_comparison(comparison, order)
        self.ratios.setText(ratios_html(comparison))
        self.readout.setText(_tr(HOVER_HINT))
        self._redraw_charts()
        self._update_actions()

    def _redraw_charts(self) -> None:
        comparison = self.board.comparison
        if comparison is None:
            self.chart_area.setCurrentWidget(self.empty_hint)
            return
        charts = self._charts()
        charts.show_comparison(comparison, log=self.named_actions["log_scale"].isChecked())
        self.chart_area.setCurrentWidget(charts)

    def _charts(self):
        if self.charts is None:
            from .charts import StageCharts  # pyqtgraph: imported when first needed

            self.charts = StageCharts()
            self.charts.hovered.connect(self._show_stage)
            self.chart_area.addWidget(self.charts)
        return self.charts

    def _show_stage(self, key: str | None) -> None:
        comparison = self.board.comparison
        self.readout.setText(stage_readout(comparison, key) if comparison and key else _tr(HOVER_HINT))

    def _update_actions(self) -> None:
        selected = self.table.selected_row()
        self.named_actions["baseline"].setEnabled(selected is not None and selected > 0)
        self.named_actions["remove"].setEnabled(selected is not None)
        self.named_actions["clear"].setEnabled(len(self.board) > 0)


def _menu_button(menu: QMenu) -> QToolButton:
    button = QToolButton()
    button.setText(menu.title())
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
