"""The texts a node box shows, from a block's settings and its row of the analysis."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ...core import LayerRow, block_type, fmt, format_shape
from ..icons import icon_variant
from ..language import core_text
from ..terms import block_description, block_title
from .node_item import NodeLabels
from .style import cost_text


def node_labels(
    name: str,
    type_id: str,
    params: dict[str, Any],
    row: LayerRow | None,
    shape_order: str,
    show_flops: bool,
    composite: bool = False,
) -> NodeLabels:
    """What the box of a layer shows: name, type, key settings, output shape, cost and errors."""
    block = block_type(type_id)
    try:
        summary = core_text(block.summary_text(params))  # notation, with a few words ("basic 64, s1")
    except (KeyError, TypeError, ValueError):
        summary = ""
    shape = format_shape(row.shape, shape_order) if row is not None and row.shape is not None else ""
    macs = row.macs if row is not None else 0
    errors = [core_text(error) for error in row.errors] if row is not None else []
    details = ()
    if row is not None and row.shape is not None:
        if show_flops:
            text = QCoreApplication.translate("NodeLabels", "Parameters: {params}   FLOPs: {flops}").format(
                params=fmt(row.params), flops=fmt(2 * row.macs)
            )
        else:
            text = QCoreApplication.translate("NodeLabels", "Parameters: {params}   MACs: {macs}").format(
                params=fmt(row.params), macs=fmt(row.macs)
            )
        details = (text,)
    return NodeLabels(
        name=name,
        title=block_title(block),
        type_id=type_id,
        category=block.category,
        summary=summary,
        shape=shape,
        cost=cost_text(macs, show_flops),
        errors=errors,
        notes=tuple(core_text(note) for note in row.notes) if row is not None else (),
        description=block_description(block),
        details=details,
        composite=composite,
        overrides=icon_variant(type_id, params),
    )


def edge_label(row: LayerRow | None, shape_order: str) -> str:
    """The shape an edge carries: its source's output (empty while unknown)."""
    if row is None or row.shape is None:
        return ""
    return format_shape(row.shape, shape_order)
