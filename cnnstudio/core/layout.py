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

A long network (VGG-16's 41 rows, ResNet-152's 58) would then be one tall strip that no
screen or slide shows legibly, so :func:`network_layout` wraps it, the way a newspaper sets a
long text: the rows are cut into columns set side by side, as many as bring the whole drawing
nearest to a slide's 16:9, and the data runs down each column and on at the top of the next.
A cut only falls where exactly one connection crosses (between two blocks of a chain, never
through an Inception module's branches or a residual shortcut), and columns are about equally
long.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence

from .graph import Network

COLUMN_WIDTH = 288.0
"""Horizontal distance between the centres of neighbouring columns (a box is 232 wide)."""
ROW_HEIGHT = 124.0
"""Vertical distance between the centres of neighbouring rows (a box is 74 high)."""

SLIDE_ASPECT = 16 / 9
"""The width-to-height ratio a wrapped layout aims at (a slide, a wide screen)."""
MAX_UNWRAPPED_ROWS = 8
"""A network of at most this many rows stays one column (it fits a screen as it is)."""
WRAP_GAP = 0.35
"""Extra room between wrapped columns, in column widths: the connection running up to the next
column's top and its shape label go there."""

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


def network_layout(
    graph: Graph,
    column_width: float = COLUMN_WIDTH,
    row_height: float = ROW_HEIGHT,
    aspect: float = SLIDE_ASPECT,
) -> dict[str, Point]:
    """The layered layout of *graph*, wrapped into columns side by side when it is long."""
    positions = layered_layout(graph, column_width, row_height)
    return wrap_columns(graph, positions, column_width, row_height, aspect)


def wrap_columns(
    graph: Graph,
    positions: dict[str, Point],
    column_width: float = COLUMN_WIDTH,
    row_height: float = ROW_HEIGHT,
    aspect: float = SLIDE_ASPECT,
) -> dict[str, Point]:
    """*positions* (a layered layout) cut into columns set side by side, nearest *aspect*.

    Returned unchanged when the layout has at most :data:`MAX_UNWRAPPED_ROWS` rows, when one
    column is nearest *aspect* already, or when no row boundary can be cut.
    """
    row_of = {node_id: round(y / row_height) for node_id, (_, y) in positions.items()}
    count = max(row_of.values(), default=-1) + 1
    if count <= MAX_UNWRAPPED_ROWS:
        return positions
    cuts = _cuttable_boundaries(graph, row_of, count)
    span = _span(positions.values(), column_width)
    columns = _best_column_count(count, span, column_width, row_height, aspect)
    segments = _segments(count, cuts, columns)
    if len(segments) == 1:
        return positions
    return _place_segments(positions, row_of, segments, column_width, row_height)


def _cuttable_boundaries(graph: Graph, row_of: dict[str, int], count: int) -> set[int]:
    """Rows *r* after which a column may end: exactly one connection crosses from *r* to *r + 1*."""
    crossing = [0] * count
    short = [True] * count
    for node_id, inputs in graph:
        if node_id not in row_of:
            continue
        for src in inputs:
            if src not in row_of or src == node_id:
                continue
            top, bottom = sorted((row_of[src], row_of[node_id]))
            for boundary in range(top, bottom):
                crossing[boundary] += 1
                short[boundary] = short[boundary] and bottom - top == 1
    return {r for r in range(count - 1) if crossing[r] == 1 and short[r]}


def _span(points: Iterable[Point], column_width: float) -> float:
    """The width of a layout in columns (1 for a single column)."""
    xs = [x for x, _ in points]
    return (max(xs) - min(xs)) / column_width + 1 if xs else 1.0


def _best_column_count(count: int, span: float, column_width: float, row_height: float, aspect: float) -> int:
    """How many columns bring a drawing of *count* rows, *span* columns wide, nearest *aspect*."""

    def miss(columns: int) -> float:
        width = (columns * span + (columns - 1) * WRAP_GAP) * column_width
        height = -(-count // columns) * row_height
        return abs(math.log(width / height / aspect))

    return min(range(1, count + 1), key=miss)


def _segments(count: int, cuts: set[int], columns: int) -> list[tuple[int, int]]:
    """Rows ``(first, last)`` of each column: cut at allowed boundaries, about *count / columns*
    rows each (a column runs longer where no cut is allowed)."""
    target = -(-count // columns)
    segments, start = [], 0
    while start < count:
        remaining = count - start
        if remaining <= target or not any(start <= cut < count - 1 for cut in cuts):
            segments.append((start, count - 1))
            break
        allowed = sorted(cut for cut in cuts if start <= cut < count - 1)
        within = [cut for cut in allowed if cut - start + 1 <= target]
        end = within[-1] if within else allowed[0]
        segments.append((start, end))
        start = end + 1
    return segments


def _place_segments(
    positions: dict[str, Point],
    row_of: dict[str, int],
    segments: list[tuple[int, int]],
    column_width: float,
    row_height: float,
) -> dict[str, Point]:
    """Each segment's rows moved to the top, and to the right of the segment before it."""
    segment_of = {}
    for index, (first, last) in enumerate(segments):
        for row in range(first, last + 1):
            segment_of[row] = index
    members: list[list[str]] = [[] for _ in segments]
    for node_id, row in row_of.items():
        members[segment_of[row]].append(node_id)
    placed: dict[str, Point] = {}
    right = None
    for (first, _), ids in zip(segments, members, strict=True):
        xs = [positions[n][0] for n in ids]
        shift = 0.0 if right is None else right + (1 + WRAP_GAP) * column_width - min(xs)
        for node_id in ids:
            x, _ = positions[node_id]
            placed[node_id] = (x + shift, (row_of[node_id] - first) * row_height)
        right = max(xs) + shift
    return {node_id: placed[node_id] for node_id in positions}


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


CLEARANCE = (COLUMN_WIDTH * 0.85, ROW_HEIGHT * 0.75)
"""Two boxes whose centres are this far apart across or down (245, 93) do not touch: a box is
232 x 74, and a little air stays between them."""
SEARCH_STEPS = 12
"""How far :func:`nearest_free` looks, in quarter columns and quarter rows each way."""


def is_free(network: Network, spot: Point, ignore: str | None = None) -> bool:
    """Whether a box centred at *spot* would touch no other box (of a node other than *ignore*)."""
    return _clear_of(spot, [n.pos for n in network.nodes if n.pos is not None and n.id != ignore])


def _clear_of(spot: Point, centres: Iterable[Point]) -> bool:
    x, y = spot
    clear_x, clear_y = CLEARANCE
    return all(abs(x - cx) >= clear_x or abs(y - cy) >= clear_y for cx, cy in centres)


def nearest_free(network: Network, wanted: Point) -> Point:
    """*wanted* if a box there touches no other, else the nearest spot where it would not
    (looked for in quarter-column and quarter-row steps, up to three columns and rows away)."""
    x, y = wanted
    reach_x, reach_y = (SEARCH_STEPS / 4 + 1) * COLUMN_WIDTH, (SEARCH_STEPS / 4 + 1) * ROW_HEIGHT
    near = [
        n.pos
        for n in network.nodes
        if n.pos is not None and abs(n.pos[0] - x) < reach_x and abs(n.pos[1] - y) < reach_y
    ]
    if _clear_of(wanted, near):
        return wanted
    step_x, step_y = COLUMN_WIDTH / 4, ROW_HEIGHT / 4
    steps = range(-SEARCH_STEPS, SEARCH_STEPS + 1)
    candidates = sorted(
        ((x + i * step_x, y + j * step_y) for i in steps for j in steps),
        key=lambda p: ((p[0] - x) / COLUMN_WIDTH) ** 2 + ((p[1] - y) / ROW_HEIGHT) ** 2,
    )
    return next((spot for spot in candidates if _clear_of(spot, near)), free_position(network, wanted))


def chain_end_above(network: Network, spot: Point, ends: Iterable[str]) -> str | None:
    """The node of *ends* whose box sits just above *spot* (less than one and a half rows up,
    less than half a column aside): a block dropped there obviously continues it."""
    x, y = spot
    best, best_distance = None, float("inf")
    for node_id in ends:
        pos = network.node(node_id).pos
        if pos is None:
            continue
        dx, dy = x - pos[0], y - pos[1]
        if 0 < dy <= 1.5 * ROW_HEIGHT and abs(dx) <= COLUMN_WIDTH / 2 and dy + abs(dx) < best_distance:
            best, best_distance = node_id, dy + abs(dx)
    return best


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
    layout (wrapped into columns when long, :func:`network_layout`); a few unplaced nodes in a laid-out network go below their first input. This is part
    of opening a network, not an edit a student could undo: call it before the network is shown.
    """
    missing = [node.id for node in network.nodes if node.pos is None]
    if not missing:
        return []
    if len(missing) == len(network):
        positions = network_layout(network_graph(network))
        for node_id in missing:
            network.move(node_id, positions[node_id])
        return missing
    missing_ids = set(missing)
    for node_id in topological_order(network_graph(network)):
        if node_id in missing_ids:
            network.move(node_id, position_below(network, network.node(node_id).inputs))
    return missing
