"""The inside of a composite block (residual block, Inception module), read-only.

Built from the block's inner graph for its current input shape (the same expansion the
analysis and the torch builder use) and the inner rows of the summary, so every box shows the
shape and cost the table shows. An ``in`` box stands for the block's input and an ``out`` box
for what it hands on.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QGraphicsItem

from ...core import LayerRow, format_shape
from ...core.analysis import expansion
from ...core.layout import layered_layout
from ..document import Document
from ..language import core_text
from ..terms import block_title
from .base_scene import GraphScene
from .labels import edge_label, node_labels
from .node_item import NodeItem, NodeLabels
from .style import TERMINAL_CATEGORY

IN, OUT = "in", "out"
READ_ONLY_MESSAGE = QT_TRANSLATE_NOOP(
    "BlockScene", "The opened block is read-only; press Esc or Back to return to the network"
)
"""What an edit inside an opened block is told (its layers can be selected, not changed)."""


def read_only_message() -> str:
    """:data:`READ_ONLY_MESSAGE` in the app's language."""
    return QCoreApplication.translate("BlockScene", READ_ONLY_MESSAGE)


class BlockUnavailable(ValueError):
    """The block cannot be opened yet; the message says why."""


class BlockScene(GraphScene):
    """The inner layers of the composite node *node_id*, with their shapes and costs.

    Raises :class:`BlockUnavailable` when the node is not a composite block or its layers are
    not known yet (its input has no shape). A click selects an inner layer (nothing can be
    moved or edited here).

    Signals
    -------
    inner_selected(str)
        The selected inner layer changed: its dotted name (``layer1.0.conv2``), or "" for none.
    """

    inner_selected = Signal(str)

    def __init__(self, document: Document, node_id: str, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id = node_id
        self.paths: dict[str, str] = {}
        """Inner layer's key on this scene -> its dotted name in the table."""
        self._quiet = False
        self.selectionChanged.connect(self._announce_selection)
        node = document.network.node(node_id)
        if not node.block.composite:
            raise BlockUnavailable(
                self.tr("{layer} is a single layer, not a block with layers inside").format(layer=node.name)
            )
        row = document.row(node_id)
        in_row = document.row(node.inputs[0]) if node.inputs else None
        if row is None or not row.children or in_row is None or in_row.shape is None:
            raise BlockUnavailable(
                self.tr("{layer} has no input shape yet; connect it so its layers can be worked out").format(
                    layer=node.name
                )
            )
        summary = core_text(node.block.summary_text(node.params))
        self.title = f"{node.name} \u2014 {block_title(node.block)}: {summary}"
        inner = expansion(node.block, node.params, in_row.shape)
        self._build(inner, {child.name: child for child in row.children}, in_row, row)

    def dragEnterEvent(self, event) -> None:
        """Blocks cannot be dropped inside an opened block: say so and refuse."""
        self.document.status_message.emit(read_only_message())
        event.ignore()

    def _build(self, inner, children: dict[str, LayerRow], in_row: LayerRow, row: LayerRow) -> None:
        order, flops = self.document.shape_order, self.document.show_flops
        graph = [(IN, [])] + [(n.name, list(n.inputs)) for n in inner] + [(OUT, [inner[-1].name])]
        positions = layered_layout(graph)
        self._add_terminal(IN, self.tr("from {layer}").format(layer=in_row.name), in_row.shape, positions[IN])
        for node in inner:
            labels = node_labels(node.name, node.type, node.params, children.get(node.name), order, flops)
            self._add(node.name, labels, True, positions[node.name])
            if node.name in children:
                self.paths[node.name] = children[node.name].path
                self.nodes[node.name].setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self._add_terminal(OUT, self.tr("the block's output"), row.shape, positions[OUT])
        rows = {IN: in_row, **children}
        for name, inputs in graph:
            for index, src in enumerate(inputs):
                edge = self.add_edge_item(src, name, index, len(inputs))
                edge.set_label(edge_label(rows.get(src), order))
            self.nodes[name].set_input_count(len(inputs))
        self.fit_scene_rect()

    def selected_path(self) -> str:
        """The dotted name of the selected inner layer ("" when none is)."""
        keys = [item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)]
        return self.paths.get(keys[0], "") if len(keys) == 1 else ""

    def select_path(self, path: str) -> bool:
        """Select the inner layer *path* alone (nothing for ""), without announcing it; returns
        whether this block holds it."""
        key = next((k for k, p in self.paths.items() if p == path), None)
        self._quiet = True
        try:
            for item in self.selectedItems():
                if not (isinstance(item, NodeItem) and item.node_id == key):
                    item.setSelected(False)
            if key is not None:
                self.nodes[key].setSelected(True)
        finally:
            self._quiet = False
        return key is not None

    def _announce_selection(self) -> None:
        if not self._quiet:
            self.inner_selected.emit(self.selected_path())

    def _add_terminal(self, key: str, summary: str, shape, pos) -> None:
        entering = key == IN
        labels = NodeLabels(
            name=self.tr("in") if entering else self.tr("out"),
            title=self.tr("block input") if entering else self.tr("block output"),
            type_id="input",
            category=TERMINAL_CATEGORY,
            summary=summary,
            shape=format_shape(shape, self.document.shape_order),
            description=self.tr("The tensor entering the block.")
            if entering
            else self.tr("The tensor leaving the block."),
        )
        self._add(key, labels, not entering, pos)

    def _add(self, key: str, labels: NodeLabels, has_input: bool, pos: tuple[float, float]) -> None:
        self.add_node_item(key, NodeItem(key, labels, has_input=has_input, has_output=key != OUT), pos)
