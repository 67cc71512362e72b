"""The edits a student makes on the diagram, as undoable commands on the document.

Each function turns one gesture (a drop, a port drag, a delete, a palette double-click...)
into one command or one :class:`~cnnstudio.ui.commands.EditMacro`, and returns what it did so
the caller can select it. Refusals reach the status bar through the commands module.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ...core import block_type, fmt
from ...core.layout import free_position, network_graph, network_layout
from ..commands import (
    AddNodeCommand,
    ConnectCommand,
    DisconnectCommand,
    EditMacro,
    InsertNodeCommand,
    MoveCommand,
    RemoveNodeCommand,
    execute,
)
from ..document import Document
from ..terms import block_title
from .style import COLUMN_WIDTH, ROW_HEIGHT

Point = tuple[float, float]


def add_block(
    document: Document, type_id: str, overrides: dict[str, Any], pos: Point, after: str | None = None
) -> str | None:
    """Add a block at *pos*, fed by *after* when given; selects it and returns its id."""
    inputs = (after,) if after is not None and block_type(type_id).max_inputs != 0 else ()
    command = AddNodeCommand(document.network, type_id, overrides, inputs=inputs, pos=pos)
    if not execute(document, command):
        return None
    document.set_selection([command.node_id])
    return command.node_id


def insert_block(
    document: Document, type_id: str, overrides: dict[str, Any], src: str, dst: str
) -> str | None:
    """Add a block into the edge *src* -> *dst*, one row below *src*; selects it, returns its id.

    When *dst* sits right below *src*, it and every layer it feeds move down a row to make
    room (all one undo step), so repeated insertions keep the diagram readable.
    """
    network = document.network
    src_pos = network.node(src).pos or (0.0, 0.0)
    dst_pos = network.node(dst).pos or (src_pos[0], src_pos[1] + ROW_HEIGHT)
    pos = (src_pos[0], src_pos[1] + ROW_HEIGHT)
    tight = dst_pos[1] - src_pos[1] < 2 * ROW_HEIGHT * 0.99
    if not tight:
        pos = _free(document, pos)
    with EditMacro(
        document, QCoreApplication.translate("Edits", "Insert {block}").format(block=block_title(type_id))
    ) as macro:
        command = macro.do(InsertNodeCommand(network, type_id, overrides, src, dst, pos))
        if tight:
            for node_id in _downstream(document, dst):
                x, y = network.node(node_id).pos or pos
                macro.do(MoveCommand(network, node_id, (x, y + ROW_HEIGHT)))
    if not macro.committed:
        return None
    document.set_selection([command.node_id])
    return command.node_id


def append_block(document: Document, type_id: str, overrides: dict[str, Any]) -> str | None:
    """Add a block after the selected node (the palette's double-click).

    If that node feeds exactly one other, the block goes between them and the layers below
    move down a row, so repeated double-clicks build a chain. With nothing selected the block
    follows the network's output layer. The new block becomes the selection.
    """
    network = document.network
    anchor = _append_anchor(document)
    block = block_type(type_id)
    if anchor is None or block.max_inputs == 0:
        return add_block(document, type_id, overrides, _free(document, _top_left(document)))
    anchor_pos = network.node(anchor).pos or (0.0, 0.0)
    consumers = network.consumers(anchor)
    if len(consumers) != 1:
        below = (anchor_pos[0], anchor_pos[1] + ROW_HEIGHT)
        return add_block(document, type_id, overrides, _free(document, below), after=anchor)
    return insert_block(document, type_id, overrides, anchor, consumers[0][0])


def _append_anchor(document: Document) -> str | None:
    if document.selected_ids:
        return document.selected_ids[-1]
    return document.summary.output_node


def _downstream(document: Document, start: str) -> list[str]:
    """*start* and every node it feeds, directly or not."""
    network = document.network
    seen, stack = [], [start]
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.append(node_id)
        stack.extend(c for c, _ in network.consumers(node_id))
    return seen


def _top_left(document: Document) -> Point:
    placed = [n.pos for n in document.network.nodes if n.pos is not None]
    if not placed:
        return 0.0, 0.0
    return min(p[0] for p in placed), min(p[1] for p in placed) - ROW_HEIGHT


def _free(document: Document, wanted: Point) -> Point:
    return free_position(document.network, wanted, COLUMN_WIDTH, ROW_HEIGHT)


def connect(document: Document, src: str, dst: str) -> bool:
    """Connect *src*'s output to *dst*'s input (refusals go to the status bar)."""
    return execute(document, ConnectCommand(document.network, src, dst))


def delete(document: Document, node_ids: list[str], edges: list[tuple[str, str]] = ()) -> bool:
    """Delete nodes and edges in one step; a node in a chain is bridged so the chain stays whole.

    The core bridges only where that feeds no layer the same input twice (deleting the first
    layer of a residual branch by hand, say): such a consumer just loses that input.
    """
    network = document.network
    count = len(node_ids)
    if count == 1 and not edges:
        text = QCoreApplication.translate("Edits", "Delete {layer}").format(
            layer=network.node(node_ids[0]).name
        )
    elif count:
        text = QCoreApplication.translate("Edits", "Delete {count} layers").format(count=fmt(count))
    else:
        text = (
            QCoreApplication.translate("Edits", "Delete connection")
            if len(edges) == 1
            else QCoreApplication.translate("Edits", "Delete {count} connections").format(
                count=fmt(len(edges))
            )
        )
    with EditMacro(document, text) as macro:
        for src, dst in edges:
            if src in network and dst in network and src in network.node(dst).inputs:
                macro.do(DisconnectCommand(network, src, dst))
        for node_id in node_ids:
            macro.do(RemoveNodeCommand(network, node_id, bridge=True))
    return macro.committed


def move_nodes(document: Document, positions: dict[str, Point], text: str | None = None) -> bool:
    """Move nodes to *positions* as one undo step (only those that really move)."""
    network = document.network
    moves = {i: p for i, p in positions.items() if i in network and network.node(i).pos != p}
    if not moves:
        return False
    if text is None:
        if len(moves) == 1:
            text = QCoreApplication.translate("Edits", "Move {layer}").format(
                layer=network.node(next(iter(moves))).name
            )
        else:
            text = QCoreApplication.translate("Edits", "Move {count} layers").format(count=fmt(len(moves)))
    with EditMacro(document, text) as macro:
        for node_id, pos in moves.items():
            macro.do(MoveCommand(network, node_id, pos))
    return macro.committed


def auto_layout(document: Document) -> bool:
    """Lay the whole network out top to bottom (a long one in columns side by side), as one
    undo step."""
    positions = network_layout(network_graph(document.network), COLUMN_WIDTH, ROW_HEIGHT)
    return move_nodes(document, positions, QCoreApplication.translate("Edits", "Auto layout"))
