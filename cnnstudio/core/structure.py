"""Graph-level checks before any arithmetic: one Input, inputs per node, parameter ranges, loops,
loose ends, dangling layers, and which node is the network's output.

A layer no path from the Input reaches (pasted and not yet connected, or dropped on empty
canvas) is *dangling*: it gets a note instead of errors, is left out of the totals and of the
built model, and never becomes the output. The output is the end of the network proper (a node
reached from the Input that feeds nothing) farthest from the Input; other such ends are loose
ends, reported as errors.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from .graph import Network, Node

UNCONNECTED_NOTE = (
    "dangling: not connected, so not part of the network; "
    "drag from another layer's output port to this layer to connect it"
)
CUT_OFF_NOTE = "dangling: no path from the Input reaches it, so it is not part of the network"


class StructureCheck:
    """The structure of *network*.

    Parameters
    ----------
    network : Network
        The network to check.
    problems_of : callable, optional
        Gives a node's parameter problems (an analyzer passes one that remembers them).

    Attributes
    ----------
    order : list of Node
        Topological order (insertion order among equals), without the nodes caught in a loop.
    cyclic : list of Node
        The nodes caught in a loop (a hand-edited file can hold one).
    errors : dict[str, list[str]]
        Problems per node id that stop the node from being computed.
    loose_ends : dict[str, str]
        The problem of each loose end (a layer whose output nothing uses): it is still computed.
    notes : dict[str, tuple[str, ...]]
        Remarks per node id (the dangling note).
    dangling : set of str
        Ids of the nodes no path from an Input reaches.
    network_errors : list of str
        Problems of the network as a whole.
    output_node : str or None
        The id of the network's output.
    """

    def __init__(
        self, network: Network, problems_of: Callable[[Node], tuple[str, ...]] | None = None
    ) -> None:
        self.network = network
        self._problems_of = problems_of or param_problems
        self.nodes = network.nodes
        self.errors: dict[str, list[str]] = {}
        self.loose_ends: dict[str, str] = {}
        self.notes: dict[str, tuple[str, ...]] = {}
        self.network_errors: list[str] = []
        self.order: list[Node] = []
        self.cyclic: list[Node] = []
        self.dangling: set[str] = set()
        self.output_node: str | None = None
        self._consumers: dict[str, list[str]] = {n.id: [] for n in self.nodes}
        sort_errors = self._sort()
        depth = self._depths()
        self._check_inputs()
        for node in self.nodes:
            if node.id in self.dangling:
                self.notes[node.id] = (CUT_OFF_NOTE if node.inputs else UNCONNECTED_NOTE,)
            else:
                self._check_arity(node)
            self._check_params(node)
            for message in sort_errors.get(node.id, ()):
                self._add(node.id, message)
        self._check_ends(depth)

    def _add(self, node_id: str, message: str) -> None:
        self.errors.setdefault(node_id, []).append(message)

    def _check_inputs(self) -> None:
        inputs = self.network.input_nodes()
        if not inputs:
            self.network_errors.append("the network has no Input block; add one from the palette")
        for extra in inputs[1:]:
            self._add(extra.id, "a network reads one image: delete this extra Input")

    def _check_arity(self, node: Node) -> None:
        block = node.block
        count = len(node.inputs)
        if count == 0 and block.min_inputs > 0:
            self._add(node.id, "not connected: drag from another layer's output port to this layer")
        elif count < block.min_inputs:
            self._add(node.id, f"{block.title} needs at least {block.min_inputs} inputs, has {count}")
        elif block.max_inputs is not None and count > block.max_inputs:
            self._add(node.id, f"{block.title} takes one input, has {count}; merge them with Add or Concat")

    def _check_params(self, node: Node) -> None:
        for problem in self._problems_of(node):
            self._add(node.id, problem)

    def _sort(self) -> dict[str, list[str]]:
        """Fill ``order`` and ``cyclic``; returns the errors found on the way, per node."""
        errors: dict[str, list[str]] = {}
        waiting = {}
        for n in self.nodes:
            sources = set(n.inputs)
            waiting[n.id] = len(sources)
            for src in sources:
                if src in self._consumers:
                    self._consumers[src].append(n.id)
                else:
                    waiting[n.id] -= 1
                    errors.setdefault(n.id, []).append(f"its input '{src}' does not exist")
        position = {n.id: i for i, n in enumerate(self.nodes)}
        ready = [position[i] for i, count in waiting.items() if count == 0]
        heapq.heapify(ready)
        while ready:
            current = self.nodes[heapq.heappop(ready)]
            self.order.append(current)
            for nxt in self._consumers[current.id]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    heapq.heappush(ready, position[nxt])
        placed = {n.id for n in self.order}
        self.cyclic = [n for n in self.nodes if n.id not in placed]
        names = " -> ".join(n.name for n in self.cyclic)
        for node in self.cyclic:
            errors.setdefault(node.id, []).append(f"part of a loop ({names}); data must flow one way")
        return errors

    def _depths(self) -> dict[str, int]:
        """Longest path from an Input to each node it reaches; the rest are dangling."""
        depth: dict[str, int] = {}
        for node in self.order:
            if node.type == "input":
                depth[node.id] = 0
                continue
            reached = [depth[src] for src in node.inputs if src in depth]
            if reached:
                depth[node.id] = max(reached) + 1
        self.dangling = {n.id for n in self.order if n.id not in depth}
        return depth

    def _check_ends(self, depth: dict[str, int]) -> None:
        reached = [n for n in self.order if n.id in depth]
        ends = [n for n in reached if n.inputs and not self._consumers[n.id]]
        if not ends:
            self.output_node = reached[-1].id if reached else None
            return
        output = max(reversed(ends), key=lambda n: depth[n.id])  # the deepest; the last of equals
        self.output_node = output.id
        for loose in ends:
            if loose is not output:
                self.loose_ends[loose.id] = (
                    f"nothing uses this layer's output (the network's output is "
                    f"{output.name}); connect it onward or delete it"
                )


def param_problems(node: Node) -> tuple[str, ...]:
    """Missing settings, or the range problems of the node's settings (a network built through
    the graph's edits has none; a hand-made ``Node`` may)."""
    block = node.block
    missing = [spec.key for spec in block.params if spec.key not in node.params]
    if missing:
        return (f"missing settings: {', '.join(missing)}",)
    return tuple(block.param_problems(node.params))
