"""The inspector: the settings of the selected layer, applied as you change them.

One layer selected: its name, a proper editor for each setting (tooltips from the setting's
help), the block's description, its input and output shapes, parameters, cost and errors.
Several selected: how many, and what they cost together. Nothing selected: the network's name
(editable) and totals. A layer inside a block (chosen in an opened block or as a block's row
in the table): its settings and figures, read-only (:mod:`cnnstudio.ui.inner_layer`). Each
change is one undo step; consecutive changes of the same field merge into one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core import fmt, format_shape
from ..core.counting import weight_layers
from . import style
from .commands import (
    RenameCommand,
    RenameNetworkCommand,
    SetParamCommand,
    execute,
    locked_message,
    sentence,
)
from .document import Document
from .icons import icon_variant
from .inner_layer import InnerLayerPage, find_inner_layer
from .inspector_page import ERROR_STYLE, MUTED, Page, plain_label
from .language import core_text
from .param_editors import editor_for
from .terms import block_description, block_title, category_title, param_help, param_label


class NodePage(Page):
    """The page of one selected layer."""

    def __init__(self, document: Document, node_id: str) -> None:
        super().__init__(document)
        self.node_id = node_id
        self.session = object()  # changes made on this page merge per field
        node = document.network.node(node_id)
        block = node.block
        kind = f"{block_title(block)} \u00b7 {category_title(block.category)}"
        self.title = self.add_header(
            node.type, icon_variant(node.type, node.params), node.name, kind, block.category
        )
        self.layout_.addWidget(plain_label(block_description(block), MUTED))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(node.name)
        self.name_edit.setObjectName("layerName")
        self.name_edit.setToolTip(self.tr("The layer's name, unique in the network"))
        self.name_edit.editingFinished.connect(self._rename)
        form.addRow(self.tr("Name"), self.name_edit)
        self.editors = {}
        for spec in block.params:
            editor = editor_for(spec, node.params[spec.key])
            editor.edited.connect(lambda value, key=spec.key: self._set(key, value))
            label = QLabel(param_label(spec))
            label.setToolTip(param_help(spec))
            form.addRow(label, editor)
            self._add_range_hint(form, spec.key, editor)
            self.editors[spec.key] = editor
        self.layout_.addLayout(form)
        if block.composite:
            self.layout_.addWidget(
                plain_label(self.tr("Double-click the block on the canvas to see the layers inside."), MUTED)
            )
        self.figures, self.figure_labels = self.add_figures()
        self.errors = plain_label(sheet=ERROR_STYLE)
        self.errors.setObjectName("layerErrors")
        self.layout_.addWidget(self.errors)
        self.notes = plain_label(sheet=MUTED)
        self.notes.setObjectName("layerNotes")
        self.layout_.addWidget(self.notes)
        self.layout_.addStretch(1)
        self.refresh()

    def _add_range_hint(self, form: QFormLayout, key: str, editor: QWidget) -> None:
        """A line under a number box that says the allowed range when a value is refused."""
        if not hasattr(editor, "refused"):
            return
        hint = plain_label(sheet=style.ERROR_LABEL)
        hint.setObjectName(f"hint_{key}")
        hint.hide()
        form.addRow(hint)
        editor.refused.connect(lambda message: (hint.setText(message), hint.show()))
        editor.range_ok.connect(hint.hide)

    def _set(self, key: str, value) -> None:
        network = self.document.network
        if self.node_id in network and network.node(self.node_id).params.get(key) != value:
            command = SetParamCommand(network, self.node_id, key, value, self.session)
            if not execute(self.document, command):
                self.node_changed(self.node_id)

    def _rename(self) -> None:
        network = self.document.network
        if self.node_id not in network:
            return
        name = self.name_edit.text().strip()
        if name == network.node(self.node_id).name:
            return
        if not execute(self.document, RenameCommand(network, self.node_id, name)):
            self.name_edit.setText(network.node(self.node_id).name)

    def node_changed(self, node_id: str) -> None:
        network = self.document.network
        if node_id != self.node_id or node_id not in network:
            return
        node = network.node(node_id)
        for key, editor in self.editors.items():
            if editor.value() != node.params[key] or type(editor.value()) is not type(node.params[key]):
                editor.set_value(node.params[key])
        if self.name_edit.text() != node.name and not self.name_edit.hasFocus():
            self.name_edit.setText(node.name)
        self.title.setText(node.name)

    def refresh(self) -> None:
        document = self.document
        row = document.row(self.node_id)
        node = document.network.node(self.node_id) if self.node_id in document.network else None
        if row is None or node is None:
            return
        source = document.row(node.inputs[0]) if node.inputs else None
        shown = format_shape(source.shape, document.shape_order) if source is not None else self.tr("none")
        self.show_figures(self.figures, self.figure_labels, shown, row)
        self.errors.setText("\n".join(f"\u2022 {core_text(error)}" for error in row.errors))
        self.errors.setVisible(bool(row.errors))
        self.notes.setText("\n".join(sentence(core_text(note)) for note in row.notes))
        self.notes.setVisible(bool(row.notes))

    def set_editable(self, editable: bool) -> None:
        self.name_edit.setReadOnly(not editable)
        for editor in self.editors.values():
            editor.setEnabled(editable)


class SelectionPage(Page):
    """The page of several selected layers."""

    def __init__(self, document: Document, node_ids: list[str]) -> None:
        super().__init__(document)
        self.node_ids = node_ids
        title = self.tr("{count} layers selected").format(count=fmt(len(node_ids)))
        self.title = plain_label(title, style.TITLE)
        self.title.setObjectName("inspectorTitle")
        self.layout_.addWidget(self.title)
        names = ", ".join(document.network.node(i).name for i in node_ids[:12])
        if len(node_ids) > 12:
            names = self.tr("{names} and {count} more").format(names=names, count=fmt(len(node_ids) - 12))
        self.layout_.addWidget(plain_label(names, MUTED))
        self.totals = plain_label()
        self.layout_.addWidget(self.totals)
        self.layout_.addWidget(
            plain_label(
                self.tr(
                    "Move, copy, duplicate or delete them together on the canvas. Select one layer to edit it."
                ),
                MUTED,
            )
        )
        self.layout_.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        rows = [self.document.row(i) for i in self.node_ids]
        rows = [r for r in rows if r is not None]
        params = sum(r.params for r in rows)
        macs = sum(r.macs for r in rows)
        if self.document.show_flops:
            text = self.tr("Together\nParameters: {params}\nFLOPs: {flops}").format(
                params=fmt(params), flops=fmt(2 * macs)
            )
        else:
            text = self.tr("Together\nParameters: {params}\nMACs: {macs}").format(
                params=fmt(params), macs=fmt(macs)
            )
        self.totals.setText(text)


class NetworkPage(Page):
    """The page shown with nothing selected: the network's name and totals."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.title = plain_label(self.tr("Network"), style.TITLE)
        self.title.setObjectName("inspectorTitle")
        self.layout_.addWidget(self.title)
        form = QFormLayout()
        self.name_edit = QLineEdit(document.network.name)
        self.name_edit.setObjectName("networkName")
        self.name_edit.setToolTip(self.tr("The network's name, shown in the title bar and in reports"))
        self.name_edit.editingFinished.connect(self._rename)
        form.addRow(self.tr("Name"), self.name_edit)
        self.layout_.addLayout(form)
        self.totals = plain_label()
        self.totals.setObjectName("networkTotals")
        self.layout_.addWidget(self.totals)
        self.errors = plain_label(sheet=ERROR_STYLE)
        self.errors.setObjectName("networkErrors")
        self.layout_.addWidget(self.errors)
        self.layout_.addWidget(
            plain_label(
                self.tr("Select a layer on the canvas or in the table to see and change its settings."), MUTED
            )
        )
        self.layout_.addStretch(1)
        self.refresh()

    def _rename(self) -> None:
        name = self.name_edit.text().strip()
        if name == self.document.network.name:
            return
        if not execute(self.document, RenameNetworkCommand(self.document.network, name)):
            self.name_edit.setText(self.document.network.name)

    def show_name(self) -> None:
        """Show the network's name (unless the student is typing one)."""
        if not self.name_edit.hasFocus():
            self.name_edit.setText(self.document.network.name)

    def refresh(self) -> None:
        document = self.document
        summary = document.summary
        self.show_name()
        order = document.shape_order
        macs = summary.totals.macs
        if document.show_flops:
            cost = self.tr("FLOPs: {flops}").format(flops=fmt(2 * macs))
        else:
            cost = self.tr("MACs: {macs}").format(macs=fmt(macs))
        weights = weight_layers(document.network, summary)
        lines = [
            self.tr("Layers on the canvas: {count}").format(count=fmt(len(document.network))),
            self.tr("Weight layers: {count} (conv + fc on the longest path)").format(
                count=fmt(weights.depth)
            ),
            self.tr("Input: {shape}").format(shape=format_shape(summary.input_shape, order)),
            self.tr("Output: {shape}").format(shape=format_shape(summary.output_shape, order)),
            self.tr("Parameters: {params}").format(params=fmt(summary.totals.params)),
            cost,
        ]
        if weights.total != weights.depth:
            lines.insert(
                2, self.tr("Weight layers on every branch: {count}").format(count=fmt(weights.total))
            )
        self.totals.setText("\n".join(lines))
        problems = [core_text(problem) for problem in summary.errors[:8]]
        if len(summary.errors) > 8:
            problems.append(self.tr("\u2026 and {count} more").format(count=fmt(len(summary.errors) - 8)))
        self.errors.setText("\n".join(f"\u2022 {p}" for p in problems))
        self.errors.setVisible(bool(problems))

    def set_editable(self, editable: bool) -> None:
        self.name_edit.setReadOnly(not editable)


class Inspector(QWidget):
    """The inspector (objectName ``inspector``): follows the document's selection.

    Parameters
    ----------
    document : Document
        The open network.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.document = document
        self.page: Page | None = None
        self.locked = plain_label(locked_message() + ".", style.LOCKED_BANNER)
        self.locked.setObjectName("inspectorLocked")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.locked)
        layout.addWidget(self.scroll, 1)
        document.selection_changed.connect(self.show_selection)
        document.summary_changed.connect(self._refresh)
        document.display_changed.connect(self._refresh)
        document.node_changed.connect(self._on_node_changed)
        document.node_renamed.connect(self._on_node_changed)
        document.network_renamed.connect(self._on_network_renamed)
        document.network_replaced.connect(self._on_network_replaced)
        document.editable_changed.connect(self._on_editable)
        self.show_selection(force=True)
        self._on_editable(document.editable)

    def show_selection(self, force: bool = False) -> None:
        """Show the page for the current selection (kept if it is already shown)."""
        ids = list(self.document.selected_ids)
        page = self.page
        same = (
            (len(ids) == 1 and isinstance(page, NodePage) and page.node_id == ids[0])
            or (len(ids) > 1 and isinstance(page, SelectionPage) and page.node_ids == ids)
            or (not ids and isinstance(page, NetworkPage))
        )
        if same and not force:
            page.refresh()
            return
        if len(ids) == 1:
            page = NodePage(self.document, ids[0])
        elif ids:
            page = SelectionPage(self.document, ids)
        else:
            page = NetworkPage(self.document)
        page.set_editable(self.document.editable)
        self.page = page
        self.scroll.setWidget(page)

    def show_inner_layer(self, path: str) -> None:
        """Show the layer *path* inside a block (``layer1.0.conv2``); "" goes back to the page of
        the selection."""
        if not path or find_inner_layer(self.document, path) is None:
            if isinstance(self.page, InnerLayerPage):
                self.show_selection(force=True)
            return
        if isinstance(self.page, InnerLayerPage) and self.page.path == path:
            return
        self.page = InnerLayerPage(self.document, path)
        self.scroll.setWidget(self.page)

    def _refresh(self) -> None:
        if isinstance(self.page, NodePage) and self.page.node_id not in self.document.network:
            self.show_selection()
            return
        if isinstance(self.page, InnerLayerPage) and find_inner_layer(self.document, self.page.path) is None:
            self.show_selection(force=True)  # the block changed: that layer is gone
            return
        if self.page is not None:
            self.page.refresh()

    def _on_node_changed(self, node_id: str) -> None:
        if self.page is not None:
            self.page.node_changed(node_id)

    def _on_network_renamed(self) -> None:
        if isinstance(self.page, NetworkPage):
            self.page.show_name()

    def _on_network_replaced(self) -> None:
        self.show_selection(force=True)

    def _on_editable(self, editable: bool) -> None:
        self.locked.setVisible(not editable)
        if self.page is not None:
            self.page.set_editable(editable)
