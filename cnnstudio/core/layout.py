"""Where each layer sits on the diagram: automatic top-to-bottom layout and places for new nodes.

Positions belong to the network (``Node.pos``, the centre of a layer's box in diagram units,
saved in its file); the diagram only draws them. Every node gets one when a network is opened
(:func:`place_unplaced`) or a node is added (:func:`position_below`), so a view never has to
write the model.

The full layout is layered, in three steps:

1. *layers*: each node sits one row below the lowest of its inputs (longest path from a
   source), so data always flows down;
2. *order*: within a row, nodes are sorted by the mean column of their inputs, so a branch
   stays under the node it came from;
3. *columns*: each node wants the mean column of its inputs; nodes of a row that want the
   same place are spread side by side around it (an Inception module's four branches become
   four columns, a chain stays one straight column).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from .graph import Network

COLUMN_WIDTH = 288.0
"""Horizontal distance between the centres of neighbouring columns (a box is 232 wide)."""
ROW_HEIGHT = 124.0
"""Vertical distance between the centres of neighbouring rows (a box is 74 high)."""

Point = tuple[float, float]
Graph = Sequence[tuple[str, Sequence[str]]]
"""``(node id, ids of its inputs)`` for every node, in a stable order."""


def layered_layout(
    graph: Graph, column_width: float = COLUMN_WIDTH, row_height: float = ROW_HEIGHT
) -> dict[str, Point]:
    """Centre position of every node of *graph*; the first source sits at ``(0, 0)``."""
    known = {node_id for node_id, _ in graph}
    inputs = {node_id: [src for src in srcs if src != node_id and src in known] for node_id, srcs in graph}
    order = topological_order([(n, inputs[n]) for n, _ in graph])
    layer = assign_layers(order, inputs)
    rows: dict[int, list[str]] = {}
    for node_id in order:
        rows.setdefault(layer[node_id], []).append(node_id)
    columns: dict[str, float] = {}
    rank = {node_id: i for i, node_id in enumerate(order)}
    for depth in sorted(rows):
        _place_row(rows[depth], inputs, columns, rank)
    origin = columns[order[0]] if order else 0.0
    return {n: ((columns[n] - origin) * column_width, layer[n] * row_height) for n in order}


def topological_order(graph: Graph) -> list[str]:
    """Node ids so that every node comes after its inputs; ties keep *graph*'s order.

    Nodes caught in a loop (which the core never allows) are appended at the end.
    """
    position = {node_id: i for i, (node_id, _) in enumerate(graph)}
    ids = [node_id for node_id, _ in graph]
    waiting = {node_id: len(set(srcs) & position.keys()) for node_id, srcs in graph}
    consumers: dict[str, list[str]] = {node_id: [] for node_id in position}
    for node_id, srcs in graph:
        for src in set(srcs):
            if src in consumers:
                consumers[src].append(node_id)
    ready = [position[n] for n, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        current = ids[heapq.heappop(ready)]
        order.append(current)
        for nxt in consumers[current]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, position[nxt])
    placed = set(order)
    order.extend(n for n in ids if n not in placed)
    return order


def assign_layers(order: Iterable[str], inputs: dict[str, list[str]]) -> dict[str, int]:
    """Row of each node: 0 for a source, else one more than its lowest input."""
    layer: dict[str, int] = {}
    for node_id in order:
        above = [layer[src] for src in inputs[node_id] if src in layer]
        layer[node_id] = max(above) + 1 if above else 0
    return layer


def _place_row(
    row: list[str], inputs: dict[str, list[str]], columns: dict[str, float], rank: dict[str, int]
) -> None:
    if len(row) == 1:  # most rows of a long network: the node goes under its inputs
        placed = [columns[src] for src in inputs[row[0]] if src in columns]
        columns[row[0]] = sum(placed) / len(placed) if placed else 0.0
        return
    wanted = {}
    for node_id in row:
        placed = [columns[src] for src in inputs[node_id] if src in columns]
        wanted[node_id] = sum(placed) / len(placed) if placed else 0.0
    row.sort(key=lambda n: (wanted[n], rank[n]))
    for node_id, column in zip(row, spread([wanted[n] for n in row]), strict=True):
        columns[node_id] = column


def spread(wanted: list[float], gap: float = 1.0) -> list[float]:
    """Columns at least *gap* apart, in the order given, each as close to its wish as possible.

    Nodes that would overlap form a group centred on the mean of its wishes (the classic
    "pool adjacent violators" step), so four branches that all want column 0 get
    -1.5, -0.5, 0.5 and 1.5.
    """
    groups: list[tuple[float, int]] = []  # (sum of each member's wish for the group's start, count)
    for wish in wanted:
        total, count = wish, 1
        while groups:
            before_total, before_count = groups[-1]
            if before_total / before_count + before_count * gap <= total / count + 1e-9:
                break
            groups.pop()
            # the new members sit before_count places further on, so they wish an earlier start
            total = before_total + total - count * before_count * gap
            count += before_count
        groups.append((total, count))
    result = []
    for total, count in groups:
        start = total / count
        result.extend(start + k * gap for k in range(count))
    return result


def network_graph(network: Network) -> list[tuple[str, list[str]]]:
    """The ``(id, inputs)`` pairs of *network*, for :func:`layered_layout`."""
    return [(node.id, list(node.inputs)) for node in network.nodes]


def free_position(
    network: Network, wanted: Point, column_width: float = COLUMN_WIDTH, row_height: float = ROW_HEIGHT
) -> Point:
    """*wanted*, or the nearest spot beside it (right, left, further out) no node occupies."""
    x, y = wanted
    near = [
        node.pos for node in network.nodes if node.pos is not None and abs(y - node.pos[1]) < row_height * 0.8
    ]
    for step in (0, 1, -1, 2, -2, 3, -3, 4, -4):
        candidate = x + step * column_width
        if all(abs(candidate - px) >= column_width * 0.8 for px, _ in near):
            return candidate, y
    return x + 5 * column_width, y


def position_below(network: Network, inputs: Sequence[str]) -> Point:
    """A free place for a new node fed by *inputs*: a row below its first placed input, or below
    the whole diagram when it has none."""
    for src in inputs:
        pos = network.node(src).pos if src in network else None
        if pos is not None:
            return free_position(network, (pos[0], pos[1] + ROW_HEIGHT))
    placed = [n.pos for n in network.nodes if n.pos is not None]
    if not placed:
        return 0.0, 0.0
    lowest = max(placed, key=lambda p: p[1])
    return free_position(network, (lowest[0], lowest[1] + ROW_HEIGHT))


def place_unplaced(network: Network) -> list[str]:
    """Give every node without a position one; returns the ids placed.

    A network with no positions at all (a preset, a file written by hand) gets a full layered
    layout; a few unplaced nodes in a laid-out network go below their first input. This is part
    of opening a network, not an edit a student could undo: call it before the network is shown.
    """
    missing = [node.id for node in network.nodes if node.pos is None]
    if not missing:
        return []
    if len(missing) == len(network):
        positions = layered_layout(network_graph(network))
        for node_id in missing:
            network.move(node_id, positions[node_id])
        return missing
    missing_ids = set(missing)
    for node_id in topological_order(network_graph(network)):
        if node_id in missing_ids:
            network.move(node_id, position_below(network, network.node(node_id).inputs))
    return missing
