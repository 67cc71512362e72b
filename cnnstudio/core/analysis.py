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

from .blocks import BLOCK_TYPES, BlockType, Evaluation, Flow, Formula, InnerNode, Shape, fmt, format_shape
from .graph import Network, Node
from .windows import ShapeProblem, elements, elements_formula

COLUMNS = ("output_shape", "params", "macs", "other_ops", "activations", "receptive_field")


@dataclass(slots=True)
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
    flow: Flow | None = field(default=None, repr=False)
    """What leaves this layer (shape, receptive field, cumulative stride); None if unknown."""
    raw_formulas: dict[str, Formula] = field(default_factory=dict, repr=False)
    """Formulas of every column but the receptive field; shared by identical layers."""
    rf_formula: Formula = field(default="", repr=False)
    errors: list[str] = field(default_factory=list)
    children: list[LayerRow] = field(default_factory=list)

    @property
    def formulas(self) -> dict[str, str]:
        """The arithmetic behind each column, written out on first use."""
        raw = self.raw_formulas
        for column, formula in raw.items():
            if callable(formula):
                raw[column] = formula()  # the same text for every layer sharing this dict
        if callable(self.rf_formula):
            self.rf_formula = self.rf_formula()
        if self.shape is None:
            return dict(raw)
        return {**raw, "receptive_field": self.rf_formula}

    def walk(self):
        """This row and all rows below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_leaf(self) -> bool:
        return not self.children


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
        errors = checker.errors.get(node.id, [])
        in_flows = [flows.get(src) for src in node.inputs]
        params = node.params
        if node.type == "input" and input_shape is not None:
            params = {**params, **dict(zip(("channels", "height", "width"), input_shape, strict=True))}
        row = rows[node.id] = _layer_row(node, params, in_flows, errors)
        flows[node.id] = row.flow
    ordered = [rows[node.id] for node in checker.order]
    for node in checker.cyclic:
        ordered.append(_top_row(node, checker.errors[node.id]))
    return _finish(network, ordered, checker)


_TOP_ROWS: dict[tuple, LayerRow] = {}


def clear_caches() -> None:
    """Forget every remembered row and evaluation (for benchmarks and tests)."""
    _TOP_ROWS.clear()
    _LEAF_RESULTS.clear()
    _EXPANSIONS.clear()


def _layer_row(
    node: Node, params: dict[str, Any], in_flows: list[Flow | None], errors: list[str]
) -> LayerRow:
    """The row of one top-level node, reused when nothing it depends on has changed.

    A row depends on the node's identity, name, type and parameters, its structural errors and
    what flows into it; after an edit, the layers above the edited one are all reused.
    """
    key = (node.id, node.name, node.type, tuple(params.items()), tuple(in_flows), tuple(errors))
    row = _TOP_ROWS.get(key)
    if row is None:
        row = _top_row(node, errors)
        if not errors and None not in in_flows:
            _evaluate(row, node.type, params, in_flows)
        if len(_TOP_ROWS) >= _CACHE_LIMIT:
            _TOP_ROWS.clear()
        _TOP_ROWS[key] = row
    return row


def _top_row(node: Node, errors: list[str]) -> LayerRow:
    return LayerRow(node.name, node.name, node.type, 0, node.id, errors=list(errors))


def _evaluate(row: LayerRow, type_id: str, params: dict[str, Any], in_flows: list[Flow]) -> None:
    """Fill *row* for a block of *type_id* fed by *in_flows* (recursing into composites)."""
    block = BLOCK_TYPES[type_id]
    if block.composite:
        _evaluate_composite(row, block, params, in_flows[0])
        return
    in_shapes = [flow.shape for flow in in_flows]
    result = _leaf_evaluation(block, params, in_shapes)
    if isinstance(result, str):
        row.errors.append(result)
        return
    _fill_leaf(row, result)
    _fill_receptive_field(row, block, params, in_flows, in_shapes)


_LEAF_RESULTS: dict[tuple, Evaluation | str] = {}
_CACHE_LIMIT = 20_000


def _leaf_evaluation(block: BlockType, params: dict[str, Any], in_shapes: list[Shape]) -> Evaluation | str:
    """The block's evaluation, or its problem as text.

    Shapes, costs and their formulas depend only on the parameters and input shapes, so they
    are remembered: a network repeats the same layers (ResNet-152's 36 blocks of stage 3), and
    an edit leaves most layers as they were.
    """
    key = (block.id, tuple(params.items()), tuple(in_shapes))
    result = _LEAF_RESULTS.get(key)
    if result is None:
        try:
            result = block.infer(params, in_shapes)
        except ShapeProblem as problem:
            result = str(problem)
        else:
            _complete_formulas(result)
        if len(_LEAF_RESULTS) >= _CACHE_LIMIT:
            _LEAF_RESULTS.clear()
        _LEAF_RESULTS[key] = result
    return result


def _complete_formulas(evaluation: Evaluation) -> None:
    formulas, shape = evaluation.formulas, evaluation.shape
    formulas["activations"] = lambda: f"output elements = {elements_formula(shape)}"
    formulas.setdefault("params", "0 (no weights)")
    formulas.setdefault("macs", "0 (no multiplications by weights)")
    formulas.setdefault("other_ops", "0")


def _fill_leaf(row: LayerRow, evaluation: Evaluation) -> None:
    row.shape = evaluation.shape
    row.params, row.macs, row.other_ops = evaluation.params, evaluation.macs, evaluation.other_ops
    row.activations = elements(evaluation.shape)
    row.raw_formulas = evaluation.formulas


def _fill_receptive_field(
    row: LayerRow, block: BlockType, params: dict[str, Any], in_flows: list[Flow], in_shapes: list[Shape]
) -> None:
    """Receptive field and cumulative stride: grown by a window, or the largest of a merge."""
    if not in_flows:
        rf, jump = 1, 1
        formula: Formula = "RF = 1 (one pixel sees itself)"
    elif block.max_inputs is None:
        rf, jump = max(f.rf for f in in_flows), max(f.jump for f in in_flows)
        formula = _merge_rf_formula(in_flows, rf)
    else:
        kernel, stride = block.window(params, in_shapes)
        flow = in_flows[0]
        rf, jump = flow.rf + (kernel - 1) * flow.jump, flow.jump * stride
        formula = _window_rf_formula(flow, kernel, stride, rf)
    row.receptive_field, row.cumulative_stride = rf, jump
    row.flow = Flow(row.shape, rf, jump)
    row.rf_formula = formula


def _window_rf_formula(flow: Flow, kernel: int, stride: int, rf: int) -> Formula:
    if kernel == 1 and stride == 1:
        return lambda: f"RF = {rf} (unchanged)"
    return lambda: (
        f"RF = {flow.rf} + ({kernel}-1)*{flow.jump} = {rf} "
        f"(cumulative stride {flow.jump}*{stride} = {flow.jump * stride})"
    )


def _merge_rf_formula(in_flows: list[Flow], rf: int) -> Formula:
    return lambda: f"RF = max({', '.join(str(f.rf) for f in in_flows)}) = {rf} (the largest branch)"


def _evaluate_composite(row: LayerRow, block, params: dict[str, Any], flow: Flow) -> None:
    inner_flows: dict[str, Flow | None] = {"in": flow}
    depth, prefix = row.depth + 1, row.path + "."
    for inner in expansion(block, params, flow.shape):
        child = LayerRow(inner.name, prefix + inner.name, inner.type, depth, row.node_id)
        row.children.append(child)
        in_flows = [inner_flows[src] for src in inner.inputs]
        if None not in in_flows:
            _evaluate(child, inner.type, inner.params, in_flows)
        inner_flows[inner.name] = child.flow
        for error in child.errors:
            row.errors.append(f"{inner.name}: {error}")
    _fill_composite(row)


_EXPANSIONS: dict[tuple, list[InnerNode]] = {}


def expansion(block: BlockType, params: dict[str, Any], in_shape: Shape) -> list[InnerNode]:
    """*block*'s inner graph for *params* and *in_shape*, every inner node's params complete.

    Remembered, since a network repeats the same blocks (ResNet-152 has 50 of four kinds).
    """
    key = (block.id, tuple(params.items()), in_shape)
    nodes = _EXPANSIONS.get(key)
    if nodes is None:
        nodes = [
            InnerNode(n.name, n.type, {**BLOCK_TYPES[n.type].defaults(), **n.params}, n.inputs)
            for n in block.expand(params, in_shape)
        ]
        if len(_EXPANSIONS) > 4096:
            _EXPANSIONS.clear()
        _EXPANSIONS[key] = nodes
    return nodes


def _fill_composite(row: LayerRow) -> None:
    leaves = _leaves(row)
    params = macs = other_ops = activations = 0
    for leaf in leaves:
        params += leaf.params
        macs += leaf.macs
        other_ops += leaf.other_ops
        activations += leaf.activations
    row.params, row.macs, row.other_ops, row.activations = params, macs, other_ops, activations
    for column in ("params", "macs", "other_ops", "activations"):
        row.raw_formulas[column] = _sum_formula(leaves, column)
    last = row.children[-1]
    if row.errors or last.shape is None:
        return
    row.shape, row.flow = last.shape, last.flow
    row.receptive_field, row.cumulative_stride = last.receptive_field, last.cumulative_stride
    row.raw_formulas["output_shape"] = lambda: f"the output of {last.name}: {format_shape(last.shape)}"
    row.rf_formula = lambda: f"RF of {last.name} = {last.receptive_field}"


def _leaves(row: LayerRow) -> list[LayerRow]:
    if not row.children:
        return [row]
    return [leaf for child in row.children for leaf in _leaves(child)]


def _sum_formula(leaves: list[LayerRow], column: str) -> Formula:
    def explain() -> str:
        values = [getattr(leaf, column) for leaf in leaves]
        terms = " + ".join(fmt(v) for v in values if v) or "0"
        return f"sum of the inner layers = {terms} = {fmt(sum(values))}"

    return explain


def _finish(network: Network, rows: list[LayerRow], checker: _StructureCheck) -> Summary:
    totals = Totals()
    errors = list(checker.network_errors)
    for top in rows:
        for row in _leaves(top):
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
