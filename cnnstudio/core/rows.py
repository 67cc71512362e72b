"""What the analysis gives: one immutable :class:`LayerRow` per layer, :class:`Totals` and the
:class:`Summary` holding them.

Rows are frozen, so a row may be shared between summaries (the analysis reuses the rows an edit
did not touch) and read from any thread. A row's formulas are written out only when read, by
a pure function of the row.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from .blocks import Flow, Formula, Shape

NO_FORMULAS: Mapping[str, Formula] = MappingProxyType({})


def formula_text(source: Formula) -> str:
    """The text of a formula given as text or as a function writing it."""
    return source() if callable(source) else source


class LayerRow(NamedTuple):
    """One line of the shape and cost table (immutable: a named tuple, quick to make).

    ``node_id`` is the id of the top-level node the row belongs to (a composite's inner rows
    carry their composite's id); ``path`` is the dotted name (``layer1.0.conv1``). ``errors``
    are problems that stop the layer from being computed; ``notes`` are remarks that do not
    (a layer not connected to the network is *dangling*).
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
    flow: Flow | None = None
    """What leaves this layer (shape, receptive field, cumulative stride); None if unknown."""
    sources: Mapping[str, Formula] = NO_FORMULAS
    """The formula of every column but the receptive field; shared by identical layers."""
    rf_source: Formula = ""
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    children: tuple[LayerRow, ...] = ()

    @property
    def formulas(self) -> dict[str, str]:
        """The arithmetic behind each column, written out now (nothing is stored)."""
        texts = {column: formula_text(source) for column, source in self.sources.items()}
        if self.shape is not None:
            texts["receptive_field"] = formula_text(self.rf_source)
        return texts

    def formula(self, column: str) -> str:
        """The arithmetic behind one column ("" if there is none)."""
        if column == "receptive_field":
            return formula_text(self.rf_source) if self.shape is not None else ""
        source = self.sources.get(column)
        return "" if source is None else formula_text(source)

    def walk(self) -> Iterator[LayerRow]:
        """This row and all rows below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> tuple[LayerRow, ...]:
        """The rows below this one that do work (itself if it has no children)."""
        if not self.children:
            return (self,)
        return tuple(leaf for child in self.children for leaf in child.leaves())

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def dangling(self) -> bool:
        """Whether the layer is cut off from the network's Input (see :attr:`notes`)."""
        return bool(self.notes)


@dataclass(frozen=True, slots=True)
class Totals:
    """Sums over the leaf layers of the network (dangling layers are not part of it)."""

    params: int = 0
    macs: int = 0
    other_ops: int = 0
    activations: int = 0


@dataclass(frozen=True)
class Summary:
    """The analysed network: rows in topological order, totals, and every error."""

    name: str
    input_shape: Shape | None
    rows: tuple[LayerRow, ...]
    totals: Totals
    errors: tuple[str, ...]
    output_node: str | None = None
    _by_node: dict[str, LayerRow] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_node.update((row.node_id, row) for row in self.rows)

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
        """The top-level row of node *node_id* (``KeyError`` if there is none)."""
        return self._by_node[node_id]

    def get(self, node_id: str) -> LayerRow | None:
        """The top-level row of node *node_id*, or None."""
        return self._by_node.get(node_id)

    @property
    def output_shape(self) -> Shape | None:
        if self.output_node is None:
            return None
        return self.row(self.output_node).shape


__all__ = ("LayerRow", "Summary", "Totals", "formula_text")
