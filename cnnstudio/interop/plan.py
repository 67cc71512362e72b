"""A network laid out the way :func:`cnnstudio.model.build.build_module` builds it.

Every exporter walks the same :class:`Plan`: the layers in the order the table lists them, each
with the key ``build_module`` stores it under (so ``state_dict`` keys agree), its settings, the
keys of the layers feeding it and the shapes going in and out. A composite block's inner layers
come from the block's own expansion, as the analysis and the builder use it. Pure Python.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

from ..core import Network, Summary, block_type, summarize
from ..core.analysis import LayerRow
from ..core.blocks import Shape

INPUT_KEY = "in"
_RESERVED_KEYS = ("in", "layers", "steps", "output")


class ExportError(ValueError):
    """A network that cannot be exported in the asked form; the message says why."""


@dataclass(frozen=True)
class Layer:
    """One layer as the exporters see it.

    ``key`` is the name ``build_module`` gives its module; ``inputs`` are the keys of the layers
    feeding it (``"in"`` for the network's input); ``path`` is the dotted name the table shows.
    """

    key: str
    name: str
    path: str
    type: str
    params: dict[str, Any]
    inputs: tuple[str, ...]
    in_shapes: tuple[Shape, ...]
    shape: Shape
    row: LayerRow

    @property
    def composite(self) -> bool:
        return block_type(self.type).composite

    def inner(self) -> list[Layer]:
        """A composite block's layers, keyed as ``build_module`` keys them inside the block."""
        return _inner_layers(self)


@dataclass(frozen=True)
class Plan:
    """A valid network's layers in order, with its input shape and output."""

    network: Network
    summary: Summary
    layers: list[Layer]
    output: str

    @property
    def name(self) -> str:
        return self.network.name

    @property
    def input_shape(self) -> Shape:
        return self.summary.input_shape

    @property
    def output_shape(self) -> Shape:
        return self.summary.output_shape

    def uses(self, *types: str) -> bool:
        """Whether any layer (inner layers included) is one of *types*."""
        return any(layer.type in types for layer in self.all_layers())

    def all_layers(self) -> list[Layer]:
        """Every layer, each composite followed by its inner layers."""
        found = []
        for layer in self.layers:
            found.append(layer)
            if layer.composite:
                found.extend(layer.inner())
        return found

    def ends_in_softmax(self) -> bool:
        return bool(self.layers) and self.layers[-1].key == self.output and self.layers[-1].type == "softmax"


def make_plan(network: Network, summary: Summary | None = None) -> Plan:
    """The :class:`Plan` of *network*; :class:`ExportError` if it has errors."""
    summary = summary or summarize(network)
    if not summary.valid:
        more = f" (and {len(summary.errors) - 1} more)" if len(summary.errors) > 1 else ""
        raise ExportError(f"{network.name} has errors to fix first: {summary.errors[0]}{more}")
    keys: dict[str, str] = {}
    shapes: dict[str, Shape] = {}
    layers: list[Layer] = []
    taken: set[str] = set()
    for row in summary.rows:
        node = network.node(row.node_id)
        shapes[node.id] = row.shape
        if node.type == "input":
            keys[node.id] = INPUT_KEY
            continue
        key = module_key(node.name, taken)
        taken.add(key)
        keys[node.id] = key
        params = {**block_type(node.type).defaults(), **node.params}
        inputs = tuple(keys[src] for src in node.inputs)
        in_shapes = tuple(shapes[src] for src in node.inputs)
        layers.append(Layer(key, node.name, row.path, node.type, params, inputs, in_shapes, row.shape, row))
    return Plan(network, summary, layers, keys[summary.output_node])


def module_key(name: str, taken: set[str] | dict) -> str:
    """The key ``build_module`` stores a layer called *name* under, given the keys *taken*."""
    key = name.replace(".", "_") or "layer"
    if key in _RESERVED_KEYS:
        key = f"{key}_"
    base, i = key, 1
    while key in taken:
        key, i = f"{base}_{i}", i + 1
    return key


def _inner_layers(layer: Layer) -> list[Layer]:
    block = block_type(layer.type)
    shapes = {INPUT_KEY: layer.in_shapes[0]}
    keys = {INPUT_KEY: INPUT_KEY}
    taken: set[str] = set()
    found = []
    for inner, child in zip(block.expand(layer.params, layer.in_shapes[0]), layer.row.children, strict=True):
        key = module_key(inner.name, taken)
        taken.add(key)
        keys[inner.name] = key
        params = {**block_type(inner.type).defaults(), **inner.params}
        inputs = tuple(keys[src] for src in inner.inputs)
        in_shapes = tuple(shapes[src] for src in inner.inputs)
        found.append(
            Layer(key, inner.name, child.path, inner.type, params, inputs, in_shapes, child.shape, child)
        )
        shapes[inner.name] = child.shape
    return found


def python_name(text: str, taken: set[str], fallback: str = "x") -> str:
    """*text* as a fresh lower-case Python identifier (``"layer1.0"`` -> ``"layer1_0"``)."""
    name = re.sub(r"\W+", "_", text).strip("_").lower()
    if not name or not name.isidentifier() or name[0].isdigit():
        name = f"{fallback}_{name}" if name else fallback
    if keyword.iskeyword(name):
        name += "_"
    base, i = name, 1
    while name in taken:
        name, i = f"{base}_{i}", i + 1
    taken.add(name)
    return name


def class_name(text: str, taken: set[str]) -> str:
    """*text* as a CamelCase class name (``"LeNet-5"`` -> ``"LeNet5"``, ``"ResNet-18"`` -> ``"ResNet18"``)."""
    parts = [p for p in re.split(r"\W+", text) if p]
    name = "".join(p[0].upper() + p[1:] for p in parts)
    if not name or not name.isidentifier() or not name[0].isalpha():
        name = "Net" + name
    if not name.isascii() or name in taken:
        name = "Network" if not name.isascii() else name + "Net"
    return name
