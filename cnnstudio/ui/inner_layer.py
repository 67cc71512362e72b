"""The inspector's page for a layer inside a composite block (a residual block's conv2, an
Inception module's 5x5 branch), read-only.

Such a layer is chosen in an opened block on the canvas or as a block's row in the table. Its
settings come from the block's own (the same expansion the analysis and the torch builder use),
its figures from the summary's inner rows, so the page shows what the table shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import LayerRow, block_type, fmt, format_shape
from ..core.analysis import expansion
from ..core.blocks import InnerNode
from .document import Document

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


def settings_lines(layer: InnerLayer) -> list[tuple[str, str]]:
    """``(label, value)`` for each setting of the inner layer, as the block set it."""
    if layer.node is None:
        return []
    spec_of = block_type(layer.node.type).params
    return [(spec.label, _value_text(layer.node.params.get(spec.key))) for spec in spec_of]


def _value_text(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return fmt(value)
    return str(value)


__all__ = ["InnerLayer", "find_inner_layer", "settings_lines"]
