"""Shape inference and cost analysis of a whole network.

:func:`summarize` walks the graph in topological order and gives every node a
:class:`LayerRow`: output shape, parameters, MACs, other ops, activations, receptive field and
cumulative stride, the formula behind each number, and the node's errors. Composite blocks get
one row whose ``children`` are the rows of their inner layers.

It never raises for a bad graph: every problem becomes an error on the node it belongs to, and
everything upstream of a problem is still reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .blocks import Evaluation, Flow, Shape, block_type, fmt, format_shape
from .graph import Network, Node
from .windows import ShapeProblem, elements, elements_formula

COLUMNS = ("output_shape", "params", "macs", "other_ops", "activations", "receptive_field")


@dataclass
class LayerRow:
    """One line of the shape and cost table.

    ``node_id`` is the id of the top-level node the row belongs to (a composite's inner rows
    carry their composite's id); ``path`` is the dotted name (``layer1.0.conv1``).
    """

    name: str
    path: str
    type: str
    depth: int
    node_id: str
    shape: Shape | None = None
    params: int = 0
    macs: int = 0
    other_ops: int = 0
    activations: int = 0
    receptive_field: int | None = None
    cumulative_stride: int | None = None
    formulas: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    children: list[LayerRow] = field(default_factory=list)

    def walk(self):
        """This row and all rows below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def flow(self) -> Flow | None:
        if self.shape is None:
            return None
        return Flow(self.shape, self.receptive_field or 1, self.cumulative_stride or 1)


@dataclass
class Totals:
    """Sums over the leaf layers."""

    params: int = 0
    macs: int = 0
    other_ops: int = 0
    activations: int = 0


@dataclass
class Summary:
    """The analysed network: rows in topological order, totals, and every error."""

    name: str
    input_shape: Shape | None
    rows: list[LayerRow]
    totals: Totals
    errors: list[str]
    output_node: str | None = None

    @property
    def valid(self) -> bool:
        return not self.errors

    def all_rows(self) -> list[LayerRow]:
        """Every row, composites followed by their inner rows."""
        return [row for top in self.rows for row in top.walk()]

    def leaves(self) -> list[LayerRow]:
        """The rows that do work (everything but composite rows)."""
        return [row for row in self.all_rows() if row.is_leaf]

    def row(self, node_id: str) -> LayerRow:
        """The top-level row of node *node_id*."""
        return next(r for r in self.rows if r.node_id == node_id)

    @property
    def output_shape(self) -> Shape | None:
        if self.output_node is None:
            return None
        return self.row(self.output_node).shape


def summarize(network: Network, input_shape: Shape | None = None) -> Summary:
    """Analyse *network*; *input_shape* ``(C, H, W)`` overrides its Input node."""
    checker = _StructureCheck(network)
    rows: dict[str, LayerRow] = {}
    flows: dict[str, Flow | None] = {}
    for node in checker.order:
        row = _top_row(node, checker.errors.get(node.id, []))
        rows[node.id] = row
        in_flows = [flows.get(src) for src in node.inputs]
        if row.errors or any(f is None for f in in_flows):
            flows[node.id] = None
            continue
        params = dict(node.params)
        if node.type == "input" and input_shape is not None:
            params.update(zip(("channels", "height", "width"), input_shape, strict=True))
        _evaluate(row, node.type, params, in_flows)
        flows[node.id] = row.flow
    ordered = [rows[node.id] for node in checker.order]
    for node in checker.cyclic:
        ordered.append(_top_row(node, checker.errors[node.id]))
    return _finish(network, ordered, checker)


def _top_row(node: Node, errors: list[str]) -> LayerRow:
    return LayerRow(node.name, node.name, node.type, 0, node.id, errors=list(errors))


def _evaluate(row: LayerRow, type_id: str, params: dict[str, Any], in_flows: list[Flow]) -> None:
    """Fill *row* for a block of *type_id* fed by *in_flows* (recursing into composites)."""
    block = block_type(type_id)
    try:
        if block.composite:
            _evaluate_composite(row, block, params, in_flows[0])
            return
        evaluation = block.infer(params, in_flows)
    except ShapeProblem as problem:
        row.errors.append(str(problem))
        return
    _fill_leaf(row, evaluation)


def _fill_leaf(row: LayerRow, evaluation: Evaluation) -> None:
    row.shape = evaluation.shape
    row.params, row.macs, row.other_ops = evaluation.params, evaluation.macs, evaluation.other_ops
    row.activations = elements(evaluation.shape)
    row.receptive_field, row.cumulative_stride = evaluation.rf, evaluation.jump
    row.formulas = evaluation.formulas
    row.formulas["activations"] = f"output elements = {elements_formula(evaluation.shape)}"
    row.formulas.setdefault("params", "0 (no weights)")
    row.formulas.setdefault("macs", "0 (no multiplications by weights)")
    row.formulas.setdefault("other_ops", "0")


def _evaluate_composite(row: LayerRow, block, params: dict[str, Any], flow: Flow) -> None:
    inner_flows: dict[str, Flow | None] = {"in": flow}
    for inner in block.expand(params, flow.shape):
        child = LayerRow(inner.name, f"{row.path}.{inner.name}", inner.type, row.depth + 1, row.node_id)
        row.children.append(child)
        in_flows = [inner_flows[src] for src in inner.inputs]
        if all(f is not None for f in in_flows):
            inner_block = block_type(inner.type)
            _evaluate(child, inner.type, {**inner_block.defaults(), **inner.params}, in_flows)
        inner_flows[inner.name] = child.flow
        row.errors.extend(f"{inner.name}: {error}" for error in child.errors)
    _fill_composite(row)


def _fill_composite(row: LayerRow) -> None:
    leaves = [r for r in row.walk() if r.is_leaf]
    for column in ("params", "macs", "other_ops", "activations"):
        values = [getattr(leaf, column) for leaf in leaves]
        setattr(row, column, sum(values))
        terms = " + ".join(fmt(v) for v in values if v) or "0"
        row.formulas[column] = f"sum of the inner layers = {terms} = {fmt(sum(values))}"
    last = row.children[-1]
    if row.errors or last.shape is None:
        return
    row.shape = last.shape
    row.receptive_field, row.cumulative_stride = last.receptive_field, last.cumulative_stride
    row.formulas["output_shape"] = f"the output of {last.name}: {format_shape(last.shape)}"
    row.formulas["receptive_field"] = f"RF of {last.name} = {last.receptive_field}"


def _finish(network: Network, rows: list[LayerRow], checker: _StructureCheck) -> Summary:
    totals = Totals()
    errors = list(checker.network_errors)
    for top in rows:
        for row in top.walk():
            if row.is_leaf:
                totals.params += row.params
                totals.macs += row.macs
                totals.other_ops += row.other_ops
                totals.activations += row.activations
        errors.extend(f"{top.name}: {error}" for error in top.errors)
    inputs = network.input_nodes()
    input_shape = rows[0].shape if rows and rows[0].type == "input" and inputs else None
    return Summary(network.name, input_shape, rows, totals, errors, checker.output_node)


class _StructureCheck:
    """Graph-level checks: one Input, inputs per node, parameter ranges, loops, loose ends.

    Gives the topological ``order`` (insertion order among equals), the ``cyclic`` nodes left
    out of it, per-node ``errors``, ``network_errors`` and the ``output_node``.
    """

    def __init__(self, network: Network) -> None:
        self.network = network
        self.errors: dict[str, list[str]] = {}
        self.network_errors: list[str] = []
        self.order: list[Node] = []
        self.cyclic: list[Node] = []
        self.output_node: str | None = None
        self._check_inputs()
        for node in network.nodes:
            self._check_arity(node)
            self._check_params(node)
        self._sort()
        self._check_ends()

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
        block = node.block
        missing = [spec.key for spec in block.params if spec.key not in node.params]
        if missing:
            self._add(node.id, f"missing settings: {', '.join(missing)}")
            return
        for problem in block.param_problems(node.params):
            self._add(node.id, problem)

    def _sort(self) -> None:
        nodes = self.network.nodes
        waiting = {n.id: len(set(n.inputs)) for n in nodes}
        consumers: dict[str, list[str]] = {n.id: [] for n in nodes}
        for n in nodes:
            for src in set(n.inputs):
                if src in consumers:
                    consumers[src].append(n.id)
                else:
                    waiting[n.id] -= 1
                    self._add(n.id, f"its input '{src}' does not exist")
        position = {n.id: i for i, n in enumerate(nodes)}
        ready = sorted((i for i, n in waiting.items() if n == 0), key=position.get)
        while ready:
            current = ready.pop(0)
            self.order.append(self.network.node(current))
            for nxt in consumers[current]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    _insert_sorted(ready, nxt, position)
        placed = {n.id for n in self.order}
        self.cyclic = [n for n in nodes if n.id not in placed]
        names = " -> ".join(n.name for n in self.cyclic)
        for node in self.cyclic:
            self._add(node.id, f"part of a loop ({names}); data must flow one way")

    def _check_ends(self) -> None:
        used = {src for n in self.order for src in n.inputs}
        ends = [n for n in self.order if n.id not in used and n.inputs]
        if not ends:
            self.output_node = self.order[-1].id if self.order else None
            return
        self.output_node = ends[-1].id
        for loose in ends[:-1]:
            self._add(
                loose.id,
                f"nothing uses this layer's output (the network's output is "
                f"{ends[-1].name}); connect it onward or delete it",
            )


def _insert_sorted(ready: list[str], node_id: str, position: dict[str, int]) -> None:
    key = position[node_id]
    index = 0
    while index < len(ready) and position[ready[index]] < key:
        index += 1
    ready.insert(index, node_id)
