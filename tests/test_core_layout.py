"""Laying long networks out in columns side by side, near a slide's 16:9 (issue 8, item 10)."""

from __future__ import annotations

import itertools

import pytest

from cnnstudio.core import preset
from cnnstudio.core.layout import (
    COLUMN_WIDTH,
    MAX_UNWRAPPED_ROWS,
    ROW_HEIGHT,
    SLIDE_ASPECT,
    layered_layout,
    network_graph,
    network_layout,
    wrap_columns,
)

BOX = (232.0, 74.0)


def drawing_aspect(positions) -> float:
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    return (max(xs) - min(xs) + BOX[0]) / (max(ys) - min(ys) + BOX[1])


def columns_of(positions) -> list[float]:
    return sorted({x for x, _ in positions.values()})


@pytest.mark.parametrize(("preset_id", "columns"), [("vgg16", 5), ("resnet152", 6), ("lenet5", 3)])
def test_a_long_chain_wraps_into_columns_near_16_to_9(preset_id, columns):
    network = preset(preset_id)
    positions = network_layout(network_graph(network))
    assert len(columns_of(positions)) == columns
    assert SLIDE_ASPECT / 1.25 <= drawing_aspect(positions) <= SLIDE_ASPECT * 1.25
    nodes = network.nodes
    for before, after in itertools.pairwise(nodes):  # down a column, on at the next one's top
        (x0, y0), (x1, y1) = positions[before.id], positions[after.id]
        assert (x1 == x0 and y1 == y0 + ROW_HEIGHT) or (x1 > x0 and y1 == 0.0)


def test_columns_are_about_equally_long():
    positions = network_layout(network_graph(preset("resnet152")))  # 58 rows in 6 columns
    lengths = [sum(1 for x, _ in positions.values() if x == column) for column in columns_of(positions)]
    assert max(lengths) - min(lengths) <= 2


def test_a_short_network_stays_one_column():
    graph = network_graph(preset("conv5x5-bottleneck"))
    assert network_layout(graph) == layered_layout(graph)
    assert len(graph) <= MAX_UNWRAPPED_ROWS


def test_a_cut_never_falls_between_parallel_branches():
    # a chain of 6, four parallel branches 3 deep joined by a concat, then a chain of 6
    graph = [("a0", [])] + [(f"a{i}", [f"a{i - 1}"]) for i in range(1, 6)]
    for branch in "pqrs":
        graph += [(f"{branch}0", ["a5"]), (f"{branch}1", [f"{branch}0"]), (f"{branch}2", [f"{branch}1"])]
    graph += [("cat", ["p2", "q2", "r2", "s2"])]
    graph += [("b0", ["cat"])] + [(f"b{i}", [f"b{i - 1}"]) for i in range(1, 6)]
    positions = network_layout(graph)
    column = {node_id: x for node_id, (x, _) in positions.items()}
    branch_columns = {column[f"{b}{i}"] for b in "pqrs" for i in range(3)}
    layered = layered_layout(graph)
    # the branches stay together: they keep their side-by-side offsets in one wrapped column
    offsets = {column[f"{b}0"] - layered[f"{b}0"][0] for b in "pqrs"}
    assert len(offsets) == 1 and len(branch_columns) == 4
    crossings = [
        (src, dst) for dst, inputs in graph for src in inputs if positions[dst][1] < positions[src][1]
    ]
    assert crossings and all(len([c for c in crossings if c[0] == src]) == 1 for src, _ in crossings)


def test_nothing_to_cut_leaves_the_layout_alone():
    # everything hangs off the input: every row boundary is crossed by many connections
    graph = [("in", [])] + [(f"n{i}", ["in"] if i == 0 else ["in", f"n{i - 1}"]) for i in range(20)]
    layered = layered_layout(graph)
    assert wrap_columns(graph, layered) == layered


def test_wrapped_columns_leave_room_for_the_connection_between_them():
    positions = network_layout(network_graph(preset("vgg16")))
    gaps = [b - a for a, b in zip(columns_of(positions), columns_of(positions)[1:], strict=False)]
    assert min(gaps) > COLUMN_WIDTH  # a wider gutter than between branches
