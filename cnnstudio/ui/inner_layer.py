"""The inspector's page for a layer inside a composite block (a residual block's conv2, an
Inception module's 5x5 branch), read-only: :class:`InnerLayerPage`.

Such a layer is chosen in an opened block on the canvas or as a block's row in the table. Its
settings come from the block's own (the same expansion the analysis and the torch builder use),
its figures from the summary's inner rows, so the page shows what the table shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout

from ..core import LayerRow, block_type, fmt, format_shape
from ..core.analysis import expansion
from ..core.blocks import InnerNode
from ..core.params import ParamSpec
from .document import Document
from .inspector_page import MUTED, Page, plain_label
from .terms import block_description, block_title, choice_title, param_label

IN = "in"


@dataclass(frozen=True)
class InnerLayer:
    """A layer inside a composite block, with what the inspector shows of it."""

    block: LayerRow
    row: LayerRow
    node: InnerNode | None
    input_shapes: tuple[str, ...]


def find_inner_layer(document: Document, path: str) -> InnerLayer | None:
    """The inner layer whose dotted name is *path* (``layer1.0.conv2``), or None."""
    for top in document.summary.rows:
        row = next((child for child in top.children if child.path == path), None)
        if row is not None:
            return _described(document, top, row)
    return None


def _described(document: Document, block: LayerRow, row: LayerRow) -> InnerLayer:
    network = document.network
    node = network.node(block.node_id)
    source = document.row(node.inputs[0]) if node.inputs else None
    inner = None
    if source is not None and source.shape is not None:
        inner = next(
            (n for n in expansion(node.block, node.params, source.shape) if n.name == row.name), None
        )
    siblings = {child.name: child for child in block.children}
    order = document.shape_order
    shapes = []
    for name in inner.inputs if inner is not None else ():
        feeding = source if name == IN else siblings.get(name)
        shapes.append(format_shape(feeding.shape, order) if feeding is not None else "?")
    return InnerLayer(block, row, inner, tuple(shapes))


def settings_lines(layer: InnerLayer) -> list[tuple[ParamSpec, str]]:
    """``(setting, value as shown)`` for each setting of the inner layer, as the block set it."""
    if layer.node is None:
        return []
    spec_of = block_type(layer.node.type).params
    return [(spec, _value_text(layer.node.params.get(spec.key))) for spec in spec_of]


def _value_text(value) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("InnerLayer", "yes")
            if value
            else QCoreApplication.translate("InnerLayer", "no")
        )
    if isinstance(value, int):
        return fmt(value)
    return choice_title(str(value)) if isinstance(value, str) else str(value)


class InnerLayerPage(Page):
    """The inspector's page of a layer inside a composite block: settings and figures, read-only."""

    def __init__(self, document: Document, path: str) -> None:
        super().__init__(document)
        self.path = path
        layer = find_inner_layer(document, path)
        block = block_type(layer.row.type)
        kind = QCoreApplication.translate("InnerLayer", "{type} \u00b7 inside {block}").format(
            type=block_title(block), block=layer.block.name
        )
        self.title = self.add_header(layer.row.type, (), layer.row.name, kind, block.category)
        self.layout_.addWidget(plain_label(block_description(block), MUTED))
        note = plain_label(
            QCoreApplication.translate(
                "InnerLayer",
                "A layer inside {block}, shown read-only: its settings follow from the block's. "
                "Select the block to change them.",
            ).format(block=layer.block.name),
            MUTED,
        )
        note.setObjectName("innerNote")
        self.layout_.addWidget(note)
        settings = QFormLayout()
        for spec, value in settings_lines(layer):
            shown = plain_label(value, wrap=False)
            shown.setObjectName(f"setting_{spec.label}")
            settings.addRow(param_label(spec), shown)
        self.layout_.addLayout(settings)
        self.figures, self.figure_labels = self.add_figures()
        self.layout_.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        layer = find_inner_layer(self.document, self.path)
        if layer is not None:
            shown = ", ".join(layer.input_shapes) or QCoreApplication.translate("InnerLayer", "none")
            self.show_figures(self.figures, self.figure_labels, shown, layer.row)


__all__ = ["InnerLayer", "InnerLayerPage", "find_inner_layer", "settings_lines"]
