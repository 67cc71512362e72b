"""Shape inference and cost analysis of a whole network.

:func:`summarize` walks the graph in topological order and gives every node a
:class:`~cnnstudio.core.rows.LayerRow`: output shape, parameters, MACs, other ops,
activations, receptive field and cumulative stride, the formula behind each number, and the
node's errors. Composite blocks get one row whose ``children`` are the rows of their inner
layers.

It never raises for a bad graph: every problem becomes an error on the node it belongs to, and
everything upstream of a problem is still reported.

An :class:`Analyzer` remembers what it worked out, so analysing the same network again after an
edit reuses every row the edit did not touch. It belongs to whoever created it (the desktop
app's document keeps one per open network); :func:`summarize` uses a fresh one each call, so it
may be called from any thread. Nothing here is shared between analyzers, and every result is
immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .blocks import BLOCK_TYPES, BlockType, Evaluation, Flow, Formula, InnerNode, Shape, fmt, format_shape
from .composites import residual_formula
from .graph import Network, Node
from .rows import LayerRow, Summary, Totals
from .structure import StructureCheck, param_problems
from .windows import ShapeProblem, elements, elements_formula

COLUMNS = ("output_shape", "params", "macs", "other_ops", "activations", "receptive_field")
MEMORY_LIMIT = 20_000
"""An analyzer forgets everything when one of its memories holds more entries than this."""


@dataclass(frozen=True, slots=True)
class LeafResult:
    """A leaf block's arithmetic for given parameters and input shapes; shared by identical layers."""

    shape: Shape
    params: int
    macs: int
    other_ops: int
    activations: int
    sources: MappingProxyType


def summarize(network: Network, input_shape: Shape | None = None) -> Summary:
    """Analyse *network*; *input_shape* ``(C, H, W)`` overrides its Input node."""
    return Analyzer().summarize(network, input_shape)


class Analyzer:
    """Analyses networks and remembers the results, to reuse them after an edit.

    Rows depend only on values (a node's id, name, type and parameters, its structural errors
    and notes, and what flows into it), so a remembered row is reused exactly when it would be
    computed the same. The rows of the last analysis are kept (what the next edit reuses); layer
    evaluations, inner graphs and parameter problems are kept by value up to
    :data:`MEMORY_LIMIT` each. Use one analyzer per owner (the document of an open network); all
    it holds is immutable, so results it handed out stay valid forever.
    """

    def __init__(self) -> None:
        self._rows: dict[tuple, LayerRow] = {}
        self._leaves: dict[tuple, LeafResult | str] = {}
        self._expansions: dict[tuple, tuple[tuple, ...]] = {}
        self._problems: dict[tuple, tuple[str, ...]] = {}

    def clear(self) -> None:
        """Forget every remembered row and evaluation."""
        self._rows.clear()
        self._leaves.clear()
        self._expansions.clear()
        self._problems.clear()

    def summarize(self, network: Network, input_shape: Shape | None = None) -> Summary:
        """Analyse *network*; *input_shape* ``(C, H, W)`` overrides its Input node."""
        check = StructureCheck(network, self._param_problems)
        rows: list[LayerRow] = []
        flows: dict[str, Flow | None] = {}
        kept: dict[tuple, LayerRow] = {}
        for node in check.order:
            params = node.params
            if node.type == "input" and input_shape is not None:
                params = {**params, **dict(zip(("channels", "height", "width"), input_shape, strict=True))}
            row = self._top_row(node, params, check, flows, kept)
            flows[node.id] = row.flow
            rows.append(row)
        self._rows = kept
        for node in check.cyclic:
            rows.append(_plain_row(node.name, node.name, node.type, 0, node.id, tuple(check.errors[node.id])))
        return _finish(network, rows, check)

    # -- rows -------------------------------------------------------------------------------------

    def _top_row(
        self,
        node: Node,
        params: dict[str, Any],
        check: StructureCheck,
        flows: dict[str, Flow | None],
        kept: dict[tuple, LayerRow],
    ) -> LayerRow:
        errors = tuple(check.errors.get(node.id, ()))
        notes = check.notes.get(node.id, ())
        loose = check.loose_ends.get(node.id)
        in_flows = tuple(flows.get(src) for src in node.inputs)
        key = (node.id, node.name, node.type, tuple(params.items()), in_flows, errors, notes, loose)
        row = self._rows.get(key)
        if row is None:
            if errors or notes or None in in_flows:
                row = _plain_row(node.name, node.name, node.type, 0, node.id, errors, notes)
            else:
                row = self._evaluate(node.name, node.name, node.type, 0, node.id, params, in_flows)
            if loose is not None:  # computed all the same: only its use is missing
                row = row._replace(errors=(*row.errors, loose))
        kept[key] = row
        return row

    def _evaluate(
        self,
        name: str,
        path: str,
        type_id: str,
        depth: int,
        node_id: str,
        params: dict[str, Any],
        in_flows: tuple[Flow, ...],
    ) -> LayerRow:
        """The row of a block of *type_id* fed by *in_flows* (recursing into composites)."""
        block = BLOCK_TYPES[type_id]
        if block.composite:
            return self._composite_row(name, path, block, depth, node_id, params, in_flows[0])
        return self._leaf_row(name, path, block, tuple(params.items()), params, depth, node_id, in_flows)

    def _leaf_row(
        self,
        name: str,
        path: str,
        block: BlockType,
        values: tuple,
        params: dict[str, Any],
        depth: int,
        node_id: str,
        in_flows: tuple[Flow, ...],
    ) -> LayerRow:
        """The row of a leaf block whose parameters are *params* (``values`` their items)."""
        in_shapes = tuple([flow.shape for flow in in_flows])
        result = self._leaf(block, values, params, in_shapes)
        if result.__class__ is str:
            return _plain_row(name, path, block.id, depth, node_id, (result,))
        rf, jump, rf_source = _receptive_field(block, params, in_flows, in_shapes)
        shape = result.shape
        return LayerRow(
            name,
            path,
            block.id,
            depth,
            node_id,
            shape,
            result.params,
            result.macs,
            result.other_ops,
            result.activations,
            rf,
            jump,
            Flow(shape, rf, jump),
            result.sources,
            rf_source,
        )

    def _leaf(
        self, block: BlockType, values: tuple, params: dict[str, Any], in_shapes: tuple[Shape, ...]
    ) -> LeafResult | str:
        """The block's arithmetic, or its problem as text.

        Shapes, costs and their formulas depend only on the parameters and input shapes, so they
        are remembered: a network repeats the same layers (ResNet-152's 36 blocks of stage 3),
        and an edit leaves most layers as they were.
        """
        key = (block.id, values, in_shapes)
        result = self._leaves.get(key)
        if result is None:
            try:
                result = _frozen(block.infer(params, list(in_shapes)))
            except ShapeProblem as problem:
                result = str(problem)
            _remember(self._leaves, key, result)
        return result

    def _composite_row(
        self,
        name: str,
        path: str,
        block: BlockType,
        depth: int,
        node_id: str,
        params: dict[str, Any],
        flow: Flow,
    ) -> LayerRow:
        inner_flows: dict[str, Flow | None] = {"in": flow}
        children: list[LayerRow] = []
        errors: list[str] = []
        prefix, inner_depth = path + ".", depth + 1
        for inner, inner_block, values in self._expansion(block, params, flow.shape):
            in_flows = tuple([inner_flows[src] for src in inner.inputs])
            if None in in_flows:
                child = _plain_row(inner.name, prefix + inner.name, inner.type, inner_depth, node_id)
            elif inner_block.composite:
                child = self._composite_row(
                    inner.name,
                    prefix + inner.name,
                    inner_block,
                    inner_depth,
                    node_id,
                    inner.params,
                    in_flows[0],
                )
            else:
                child = self._leaf_row(
                    inner.name,
                    prefix + inner.name,
                    inner_block,
                    values,
                    inner.params,
                    inner_depth,
                    node_id,
                    in_flows,
                )
            children.append(child)
            inner_flows[inner.name] = child.flow
            if child.errors:
                errors.extend([f"{inner.name}: {error}" for error in child.errors])
        return _composite(name, path, block.id, depth, node_id, tuple(children), tuple(errors), flow.shape)

    def _param_problems(self, node: Node) -> tuple[str, ...]:
        """The node's parameter problems (remembered: they depend only on its type and values)."""
        key = (node.type, tuple(node.params.items()))
        problems = self._problems.get(key)
        if problems is None:
            problems = param_problems(node)
            _remember(self._problems, key, problems)
        return problems

    def _expansion(self, block: BlockType, params: dict[str, Any], in_shape: Shape) -> tuple[tuple, ...]:
        """The inner nodes of *block*, each with its block type and its parameters' items."""
        key = (block.id, tuple(params.items()), in_shape)
        nodes = self._expansions.get(key)
        if nodes is None:
            nodes = tuple(
                (inner, BLOCK_TYPES[inner.type], tuple(inner.params.items()))
                for inner in expansion(block, params, in_shape)
            )
            _remember(self._expansions, key, nodes)
        return nodes


def expansion(block: BlockType, params: dict[str, Any], in_shape: Shape) -> tuple[InnerNode, ...]:
    """*block*'s inner graph for *params* and *in_shape*, every inner node's params complete."""
    return tuple(
        InnerNode(n.name, n.type, {**BLOCK_TYPES[n.type].defaults(), **n.params}, n.inputs)
        for n in block.expand(params, in_shape)
    )


def _remember(memory: dict, key: tuple, value: Any) -> None:
    if len(memory) >= MEMORY_LIMIT:
        memory.clear()
    memory[key] = value


def _plain_row(
    name: str,
    path: str,
    type_id: str,
    depth: int,
    node_id: str,
    errors: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
) -> LayerRow:
    """A row that could not be computed (or was not: a dangling layer)."""
    return LayerRow(name, path, type_id, depth, node_id, errors=errors, notes=notes)


def _frozen(evaluation: Evaluation) -> LeafResult:
    """The evaluation with its formulas completed, as an immutable result."""
    shape = evaluation.shape
    sources: dict[str, Formula] = {
        "params": "0 (no weights)",
        "macs": "0 (no multiplications by weights)",
        "other_ops": "0",
        **evaluation.formulas,
        "activations": _activations_formula(shape),
    }
    return LeafResult(
        shape,
        evaluation.params,
        evaluation.macs,
        evaluation.other_ops,
        elements(shape),
        MappingProxyType(sources),
    )


def _activations_formula(shape: Shape) -> Formula:
    return lambda: f"output elements = {elements_formula(shape)}"


def _receptive_field(
    block: BlockType, params: dict[str, Any], in_flows: tuple[Flow, ...], in_shapes: tuple[Shape, ...]
) -> tuple[int, int, Formula]:
    """Receptive field, cumulative stride and their formula: grown by a window, or the largest
    of a merge."""
    if not in_flows:
        return 1, 1, "RF = 1 (one pixel sees itself)"
    if block.max_inputs is None:
        rf, jump = max(f.rf for f in in_flows), max(f.jump for f in in_flows)
        return rf, jump, _merge_rf_formula(tuple(f.rf for f in in_flows), rf)
    kernel, stride = block.window(params, list(in_shapes))
    flow = in_flows[0]
    rf, jump = flow.rf + (kernel - 1) * flow.jump, flow.jump * stride
    return rf, jump, _window_rf_formula(flow.rf, flow.jump, kernel, stride, rf)


def _window_rf_formula(rf_in: int, jump: int, kernel: int, stride: int, rf: int) -> Formula:
    if kernel == 1 and stride == 1:
        return lambda: f"RF = {rf} (unchanged)"
    return lambda: (
        f"RF = {rf_in} + ({kernel}-1)*{jump} = {rf} (cumulative stride {jump}*{stride} = {jump * stride})"
    )


def _merge_rf_formula(fields: tuple[int, ...], rf: int) -> Formula:
    return lambda: f"RF = max({', '.join(str(f) for f in fields)}) = {rf} (the largest branch)"


def _composite(
    name: str,
    path: str,
    type_id: str,
    depth: int,
    node_id: str,
    children: tuple[LayerRow, ...],
    errors: tuple[str, ...],
    in_shape: Shape = (),
) -> LayerRow:
    """A composite block's row: the sums of its inner layers, the shape of its last one (and,
    for a residual block, its formula ``a[l+2] = g(z[l+2] + a[l])`` with its shapes)."""
    leaves = tuple([leaf for child in children for leaf in (child.leaves() if child.children else (child,))])
    params = macs = other_ops = activations = 0
    for leaf in leaves:
        params += leaf.params
        macs += leaf.macs
        other_ops += leaf.other_ops
        activations += leaf.activations
    sums = {"params": params, "macs": macs, "other_ops": other_ops, "activations": activations}
    sources: dict[str, Formula] = {column: _sum_formula(leaves, column) for column in _SUMMED}
    last = children[-1]
    if errors or last.shape is None:
        return LayerRow(
            name,
            path,
            type_id,
            depth,
            node_id,
            sources=MappingProxyType(sources),
            errors=errors,
            children=children,
            **sums,
        )
    sources["output_shape"] = _last_shape_formula(last.name, last.shape)
    if type_id == "residual":
        sources["block"] = _residual_formula(children, in_shape)
    return LayerRow(
        name,
        path,
        type_id,
        depth,
        node_id,
        last.shape,
        receptive_field=last.receptive_field,
        cumulative_stride=last.cumulative_stride,
        flow=last.flow,
        sources=MappingProxyType(sources),
        rf_source=_last_rf_formula(last.name, last.receptive_field),
        children=children,
        **sums,
    )


_SUMMED = ("params", "macs", "other_ops", "activations")


def _last_shape_formula(name: str, shape: Shape) -> Formula:
    if name == "output":  # an inception module's last layer, the concatenation
        return lambda: f"the shape of the block's output: {format_shape(shape)}"
    return lambda: f"the shape of its last layer, {name}: {format_shape(shape)}"


def _residual_formula(children: tuple[LayerRow, ...], in_shape: Shape) -> Formula:
    return lambda: residual_formula({child.name: child.shape for child in children}, in_shape) or ""


def _last_rf_formula(name: str, rf: int | None) -> Formula:
    if name == "output":
        return lambda: f"RF of the block's output = {rf}"
    return lambda: f"RF of its last layer, {name} = {rf}"


def _sum_formula(leaves: tuple[LayerRow, ...], column: str) -> Formula:
    def explain() -> str:
        values = [(leaf.name, getattr(leaf, column)) for leaf in leaves]
        terms = " + ".join(f"{name} {fmt(value)}" for name, value in values if value) or "0"
        return f"sum of the inner layers = {terms} = {fmt(sum(value for _, value in values))}"

    return explain


def _finish(network: Network, rows: list[LayerRow], check: StructureCheck) -> Summary:
    params = macs = other_ops = activations = 0
    errors = list(check.network_errors)
    for top in rows:
        if top.node_id not in check.dangling:  # a composite's row holds the sums of its layers
            params += top.params
            macs += top.macs
            other_ops += top.other_ops
            activations += top.activations
        errors.extend(f"{top.name}: {error}" for error in top.errors)
    inputs = network.input_nodes()
    input_shape = rows[0].shape if rows and rows[0].type == "input" and inputs else None
    totals = Totals(params, macs, other_ops, activations)
    return Summary(network.name, input_shape, tuple(rows), totals, tuple(errors), check.output_node)


__all__ = ("COLUMNS", "Analyzer", "LayerRow", "Summary", "Totals", "expansion", "summarize")
