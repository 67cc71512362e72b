"""Counting weight layers: the number in a network's name.

"VGG-16" and "ResNet-152" count *weight layers*: the convolutions (``conv2d``) and fully
connected layers (``linear``), the layers whose learned weights transform what flows through
them. Everything else is left out, as the papers leave it out: activations, pooling, flatten,
dropout, merges, and batch or local response normalization (batch norm learns a scale and a
shift per channel, but it does not mix values, and no paper counts it as a layer).

Two numbers answer "how many weight layers":

* **depth**: the most weight layers met on one path from the input to the output. This is
  the number the papers put in a name. A residual block adds its two (basic) or three
  (bottleneck) convolutions on the main path; its 1x1 projection shortcut lies on a shorter,
  parallel path, so ResNet-152's four projections do not make it ResNet-156. An inception
  module adds two (a 1x1 reduction, then its 3x3 or 5x5 convolution), which is how GoogLeNet
  is "22 layers deep when counting only layers with parameters" (Szegedy et al., 2014).
* **total**: every weight layer wherever it sits, shortcuts and side branches included
  (GoogLeNet has 58, ResNet-152 156).

Dangling layers (no path from the Input reaches them) are not part of the network, so neither
number counts them, as the analysis's totals leave them out.

For a chain such as LeNet-5, AlexNet or VGG-16 the two are equal: 5, 8 and 16.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .analysis import Summary, summarize
from .blocks import BLOCK_TYPES, InnerNode, Shape
from .graph import Network, Node

WEIGHT_LAYER_TYPES = frozenset({"conv2d", "linear"})
"""The block types counted as weight layers."""


@dataclass(frozen=True)
class WeightLayers:
    """How many weight layers a network has.

    Attributes
    ----------
    depth : int
        The most weight layers on one path from the input to the output (VGG-16's 16).
    total : int
        Every weight layer, on every path (GoogLeNet's 58).
    """

    depth: int
    total: int


def weight_layers(network: Network, summary: Summary | None = None) -> WeightLayers:
    """Count *network*'s weight layers (see the module docstring for what counts).

    *summary* is *network*'s analysis, if the caller has it: it gives the input shape of
    each residual block or inception module, which decides whether a block needs a projection
    shortcut. A block whose input shape is unknown (an error upstream) is expanded as if its
    input could not pass through unchanged. The depth is taken at the network's output
    (:attr:`Summary.output_node`); nodes on a loop count as if the loop were cut.
    """
    summary = summary if summary is not None else summarize(network)
    shapes = {row.node_id: row.shape for row in summary.rows}
    dangling = {row.node_id for row in summary.rows if row.dangling}
    depths: dict[str, int] = {}
    total = 0
    for node in _data_flow_order(n for n in network.nodes if n.id not in dangling):
        reached = max((depths.get(src, 0) for src in node.inputs), default=0)
        if BLOCK_TYPES[node.type].composite:
            in_shape = shapes.get(node.inputs[0]) if node.inputs else None
            inner = _expansion(node, in_shape)
            depths[node.id] = _inner_depth(inner, reached)
            total += sum(n.type in WEIGHT_LAYER_TYPES for n in inner)
        else:
            own = node.type in WEIGHT_LAYER_TYPES
            depths[node.id] = reached + own
            total += own
    output = summary.output_node
    depth = depths[output] if output in depths else max(depths.values(), default=0)
    return WeightLayers(depth, total)


def _expansion(node: Node, in_shape: Shape | None) -> list[InnerNode]:
    block = BLOCK_TYPES[node.type]
    return block.expand({**block.defaults(), **node.params}, in_shape or ())


def _inner_depth(inner: list[InnerNode], reached: int) -> int:
    """The depth at a composite block's output, *reached* being the depth at its input.

    A block's inner nodes are listed with every node after its inputs, its output last.
    """
    depths = {"in": reached}
    for node in inner:
        before = max(depths[src] for src in node.inputs)
        depths[node.name] = before + (node.type in WEIGHT_LAYER_TYPES)
    return depths[inner[-1].name] if inner else reached


def _data_flow_order(nodes: Iterable[Node]) -> list[Node]:
    """*nodes* with every node after its inputs (Kahn's algorithm); nodes on a loop, which
    the graph's edits refuse, come last in their own order."""
    nodes = list(nodes)
    waiting = {n.id: len(set(n.inputs)) for n in nodes}
    consumers: dict[str, list[str]] = {n.id: [] for n in nodes}
    for n in nodes:
        for src in set(n.inputs):
            if src in consumers:
                consumers[src].append(n.id)
            else:
                waiting[n.id] -= 1
    by_id = {n.id: n for n in nodes}
    ready = [n.id for n in nodes if waiting[n.id] == 0]
    order: list[Node] = []
    while ready:
        current = ready.pop()
        order.append(by_id[current])
        for consumer in consumers[current]:
            waiting[consumer] -= 1
            if waiting[consumer] == 0:
                ready.append(consumer)
    placed = {n.id for n in order}
    return order + [n for n in nodes if n.id not in placed]


__all__ = ("WEIGHT_LAYER_TYPES", "WeightLayers", "weight_layers")
