"""Turn a core network into a PyTorch module, node for node.

:func:`build_module` follows the same analysis the table shows: every top-level node becomes a
submodule with the node's name (dots become underscores, as ``nn.ModuleDict`` needs), and every
composite block becomes a nested :class:`GraphModule` built from the same expansion the core
evaluates. So shapes, parameter counts and MACs agree with the table by construction, and
:mod:`cnnstudio.model.verify` checks that they do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import torch
from torch import nn
from torch.nn import functional as F

from ..core import Network, block_type, summarize
from ..core.analysis import LayerRow, Summary
from ..core.windows import resolve_padding


class InvalidNetworkError(ValueError):
    """The network has errors; a module cannot be built. The message lists them."""


class Add(nn.Module):
    """Element-wise sum of its inputs (a residual block's shortcut)."""

    def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
        total = tensors[0]
        for tensor in tensors[1:]:
            total = total + tensor
        return total


class Concat(nn.Module):
    """Stacks its inputs along the channels (an Inception module's output)."""

    def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
        return torch.cat(tensors, dim=1)


class GlobalAvgPool(nn.Module):
    """Averages each channel over height and width: ``N x C x H x W`` -> ``N x C``."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.mean(dim=(2, 3))


class ZeroPadShortcut(nn.Module):
    """The ResNet paper's option A: subsample by *stride*, pad the new channels with zeros."""

    def __init__(self, extra_channels: int, stride: int) -> None:
        super().__init__()
        self.extra_channels, self.stride = extra_channels, stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x[:, :, :: self.stride, :: self.stride]
        return F.pad(x, (0, 0, 0, 0, 0, self.extra_channels))


class GraphModule(nn.Module):
    """Runs named layers in a fixed order, each reading earlier layers' outputs.

    ``steps`` lists ``(key, input keys)``; the key ``"in"`` is the module's input.
    ``layer_names`` maps each key back to the layer's name in the network; ``head`` holds the
    keys of a classifier head added after the network's own layers (empty when there is none).
    """

    def __init__(
        self, layers: dict[str, nn.Module], steps: list[tuple[str, tuple[str, ...]]], output: str
    ) -> None:
        super().__init__()
        self.layers = nn.ModuleDict(layers)
        self.steps = steps
        self.output = output
        self.layer_names: dict[str, str] = {}
        self.head: tuple[str, ...] = ()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        values = {"in": x}
        for key, inputs in self.steps:
            values[key] = self.layers[key](*(values[k] for k in inputs))
        return values[self.output]


def build_module(
    network: Network, logits: bool = False, summary: Summary | None = None, classes: int | None = None
) -> GraphModule:
    """An ``nn.Module`` computing *network*.

    With ``logits=True`` a final Softmax is left out, so a loss such as cross-entropy can be
    applied to the raw class scores. With *classes*, a network that ends in a feature map
    (``C x H x W``, as the lecture's modules do) gets a classifier head after it: global average
    pooling and a linear layer from ``C`` to *classes* scores (their keys are ``module.head``; see
    :func:`cnnstudio.training.checks.classifier_head` for what it costs). A network that already
    ends in one score per class is built as it is. Raises :class:`InvalidNetworkError` for an
    invalid network.
    """
    summary = summary or summarize(network)
    if not summary.valid:
        raise InvalidNetworkError("the network has errors:\n" + "\n".join(f"- {e}" for e in summary.errors))
    rows = {row.node_id: row for row in summary.rows}
    shapes: dict[str, tuple[int, ...]] = {}
    layers: dict[str, nn.Module] = {}
    steps: list[tuple[str, tuple[str, ...]]] = []
    keys: dict[str, str] = {}
    for row in summary.rows:
        if row.dangling:  # not connected to the Input: not part of the network
            continue
        node = network.node(row.node_id)
        shapes[node.id] = row.shape
        if node.type == "input":
            keys[node.id] = "in"
            continue
        key = _module_key(node.name, layers)
        keys[node.id] = key
        in_shapes = [shapes[src] for src in node.inputs]
        layers[key] = _layer(row, node.params, in_shapes)
        steps.append((key, tuple(keys[src] for src in node.inputs)))
    output = keys[summary.output_node]
    out_node = network.node(summary.output_node)
    if logits and out_node.type == "softmax":
        output = keys[out_node.inputs[0]]
    out_shape = shapes[summary.output_node]
    head: tuple[str, ...] = ()
    if classes is not None and len(out_shape) == 3:
        head = _add_head(layers, steps, output, out_shape[0], classes)
        output = head[-1]
    module = GraphModule(layers, steps, output)
    module.layer_names = {key: rows[node_id].name for node_id, key in keys.items() if key != "in"}
    module.layer_names.update(dict(zip(head, HEAD_NAMES, strict=False)))
    module.head = head
    return module


HEAD_NAMES = ("head.pool", "head.fc")
"""The layer names of the classifier head :func:`build_module` adds after a feature map."""


def _add_head(
    layers: dict[str, nn.Module],
    steps: list[tuple[str, tuple[str, ...]]],
    output: str,
    channels: int,
    classes: int,
) -> tuple[str, str]:
    """Append global average pooling and a linear layer to *classes* after *output*; their keys."""
    pool = _module_key("head_pool", layers)
    layers[pool] = GlobalAvgPool()
    fc = _module_key("head_fc", layers)
    layers[fc] = nn.Linear(channels, classes)
    steps.append((pool, (output,)))
    steps.append((fc, (pool,)))
    return pool, fc


def _module_key(name: str, taken: dict[str, nn.Module]) -> str:
    key = name.replace(".", "_") or "layer"
    if key in ("in", "layers", "steps", "output"):
        key = f"{key}_"
    base, i = key, 1
    while key in taken:
        key, i = f"{base}_{i}", i + 1
    return key


def _layer(row: LayerRow, params: dict, in_shapes: list[tuple[int, ...]]) -> nn.Module:
    block = block_type(row.type)
    if block.composite:
        return _composite(row, block, params, in_shapes[0])
    return leaf_module(row.type, params, in_shapes)


def _composite(row: LayerRow, block, params: dict, in_shape: tuple[int, ...]) -> GraphModule:
    inner_shapes = {"in": in_shape}
    layers: dict[str, nn.Module] = {}
    steps = []
    keys = {"in": "in"}
    for inner, child in zip(block.expand(params, in_shape), row.children, strict=True):
        key = _module_key(inner.name, layers)
        keys[inner.name] = key
        inner_params = {**block_type(inner.type).defaults(), **inner.params}
        layers[key] = _layer(child, inner_params, [inner_shapes[s] for s in inner.inputs])
        steps.append((key, tuple(keys[s] for s in inner.inputs)))
        inner_shapes[inner.name] = child.shape
    module = GraphModule(layers, steps, steps[-1][0])
    module.layer_names = {key: name for name, key in keys.items() if key != "in"}
    return module


LeafBuilder = Callable[[dict, int], nn.Module]
"""Makes the torch layer of one leaf block from its parameters and its input's channels."""

_BUILDERS: dict[str, LeafBuilder] = {}
LEAF_BUILDERS: Mapping[str, LeafBuilder] = MappingProxyType(_BUILDERS)
"""The torch layer of every leaf block type, by type id (the Input and composite blocks need
none: composites are built from their inner layers). ``tests/test_block_registry.py`` checks
that every block type has one, an icon and a palette entry."""


def builds(*type_ids: str) -> Callable[[LeafBuilder], LeafBuilder]:
    """Register the decorated function as the builder of *type_ids*."""

    def register(build: LeafBuilder) -> LeafBuilder:
        for type_id in type_ids:
            if type_id in _BUILDERS:
                raise ValueError(f"two builders for '{type_id}'")
            _BUILDERS[type_id] = build
        return build

    return register


def leaf_module(type_id: str, p: dict, in_shapes: list[tuple[int, ...]]) -> nn.Module:
    """The torch layer for one leaf block with parameters *p* and input shapes *in_shapes*."""
    try:
        build = LEAF_BUILDERS[type_id]
    except KeyError:
        raise KeyError(f"no torch layer is known for block type '{type_id}'") from None
    return build(p, in_shapes[0][0] if in_shapes else 0)


@builds("conv2d")
def _conv2d(p: dict, channels: int) -> nn.Module:
    pad = resolve_padding(p["padding"], p["kernel"])
    return nn.Conv2d(
        channels, p["filters"], p["kernel"], p["stride"], pad, groups=p["groups"], bias=p["bias"]
    )


@builds("maxpool2d")
def _maxpool2d(p: dict, channels: int) -> nn.Module:
    pad = resolve_padding(p["padding"], p["kernel"])
    return nn.MaxPool2d(p["kernel"], p["stride"], pad, ceil_mode=p["ceil_mode"])


@builds("avgpool2d")
def _avgpool2d(p: dict, channels: int) -> nn.Module:
    pad = resolve_padding(p["padding"], p["kernel"])
    return nn.AvgPool2d(p["kernel"], p["stride"], pad, ceil_mode=p["ceil_mode"])


@builds("linear")
def _linear(p: dict, channels: int) -> nn.Module:
    return nn.Linear(channels, p["units"], bias=p["bias"])


@builds("lrn")
def _lrn(p: dict, channels: int) -> nn.Module:
    return nn.LocalResponseNorm(p["size"], p["alpha"], p["beta"], p["k"])


@builds("dropout")
def _dropout(p: dict, channels: int) -> nn.Module:
    return nn.Dropout(p["p"])


@builds("batchnorm2d")
def _batchnorm2d(p: dict, channels: int) -> nn.Module:
    return nn.BatchNorm2d(channels)


@builds("padshortcut")
def _padshortcut(p: dict, channels: int) -> nn.Module:
    return ZeroPadShortcut(p["channels"] - channels, p["stride"])


@builds("relu")
def _relu(p: dict, channels: int) -> nn.Module:
    return nn.ReLU(inplace=False)


@builds("tanh")
def _tanh(p: dict, channels: int) -> nn.Module:
    return nn.Tanh()


@builds("sigmoid")
def _sigmoid(p: dict, channels: int) -> nn.Module:
    return nn.Sigmoid()


@builds("softmax")
def _softmax(p: dict, channels: int) -> nn.Module:
    return nn.Softmax(dim=1)


@builds("flatten")
def _flatten(p: dict, channels: int) -> nn.Module:
    return nn.Flatten()


@builds("globalavgpool")
def _globalavgpool(p: dict, channels: int) -> nn.Module:
    return GlobalAvgPool()


@builds("add")
def _add(p: dict, channels: int) -> nn.Module:
    return Add()


@builds("concat")
def _concat(p: dict, channels: int) -> nn.Module:
    return Concat()
