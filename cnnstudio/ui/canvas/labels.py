"""The texts a node box shows, from a block's settings and its row of the analysis."""

from __future__ import annotations

from typing import Any

from ...core import LayerRow, block_type, fmt, format_shape
from ..icons import icon_variant
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
        summary = block.summary_text(params)
    except (KeyError, TypeError, ValueError):
        summary = ""
    shape = format_shape(row.shape, shape_order) if row is not None and row.shape is not None else ""
    macs = row.macs if row is not None else 0
    errors = list(row.errors) if row is not None else []
    details = ()
    if row is not None and row.shape is not None:
        cost = f"FLOPs: {fmt(2 * row.macs)}" if show_flops else f"MACs: {fmt(row.macs)}"
        details = (f"Parameters: {fmt(row.params)}   {cost}",)
    return NodeLabels(
        name=name,
        title=block.title,
        type_id=type_id,
        category=block.category,
        summary=summary,
        shape=shape,
        cost=cost_text(macs, show_flops),
        errors=errors,
        notes=row.notes if row is not None else (),
        description=block.description,
        details=details,
        composite=composite,
        overrides=icon_variant(type_id, params),
    )


def edge_label(row: LayerRow | None, shape_order: str) -> str:
    """The shape an edge carries: its source's output (empty while unknown)."""
    if row is None or row.shape is None:
        return ""
    return format_shape(row.shape, shape_order)
