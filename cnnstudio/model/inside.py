"""Inside a built network: every layer's output for one image, the first layer's filters, and
where in the image one output value looks (its receptive field).

* :func:`feature_maps` runs one image through a module made by
  :func:`~cnnstudio.model.build.build_module` and keeps every layer's output under the layer's
  path in the table (``conv1``, ``layer1.0.conv2``): the shapes are the table's, by construction.
* :func:`map_tiles` turns one layer's output into 8-bit images, one per channel.
* :func:`first_filters` gives the first convolution's weights as small images.
* :func:`receptive_fields` gives, for every layer, the window of input pixels each of its output
  positions reads: :class:`Field` ``rf`` (the window's side, the table's receptive field),
  ``jump`` (input pixels per output step) and ``center`` (the middle of output 0's window).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .build import Add, Concat, GlobalAvgPool, GraphModule, ZeroPadShortcut

MAX_TILES = 64
"""Channels :func:`map_tiles` renders at most (the first ones)."""


def named_layers(module: GraphModule, prefix: str = "") -> list[tuple[str, nn.Module]]:
    """``(path, layer)`` of every layer, composite blocks before their inner layers, in running order."""
    found = []
    for key, _inputs in module.steps:
        name = module.layer_names.get(key, key)
        path = f"{prefix}.{name}" if prefix else name
        layer = module.layers[key]
        found.append((path, layer))
        if isinstance(layer, GraphModule):
            found.extend(named_layers(layer, path))
    return found


@torch.no_grad()
def feature_maps(module: GraphModule, image: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every layer's output for *image* (``C x H x W``, as the network reads it), by path.

    Each output is the layer's value for the image alone (no batch axis); the module is run in
    evaluation mode (batch norm uses its running statistics) and left as it was.
    """
    outputs: dict[str, torch.Tensor] = {}
    handles = [
        layer.register_forward_hook(lambda _m, _i, out, p=path: outputs.__setitem__(p, out[0].detach()))
        for path, layer in named_layers(module)
    ]
    was_training = module.training
    try:
        module.eval()
        module(image.unsqueeze(0))
    finally:
        module.train(was_training)
        for handle in handles:
            handle.remove()
    return outputs


def map_tiles(values: torch.Tensor, limit: int = MAX_TILES) -> np.ndarray:
    """One 8-bit gray image per channel of a ``C x H x W`` map (the first *limit* channels).

    Each channel is stretched from its own smallest value (black) to its largest (white); a
    channel that is the same everywhere is black. A ``N``-vector becomes one ``1 x N`` image.
    """
    if values.dim() == 1:
        values = values.view(1, 1, -1)
    values = values[:limit].float()
    low = values.amin(dim=(1, 2), keepdim=True)
    span = values.amax(dim=(1, 2), keepdim=True) - low
    scaled = torch.where(span > 0, (values - low) / span.clamp_min(1e-12), torch.zeros_like(values))
    return (scaled * 255).round().to(torch.uint8).numpy()


def first_conv(module: GraphModule) -> tuple[str, nn.Conv2d] | None:
    """The path and layer of the first convolution the network runs (None if it has none)."""
    for path, layer in named_layers(module):
        if isinstance(layer, nn.Conv2d):
            return path, layer
    return None


@torch.no_grad()
def first_filters(module: GraphModule, limit: int = MAX_TILES) -> np.ndarray | None:
    """The first convolution's filters as ``F x k x k x 3`` (RGB input) or ``F x k x k x 1`` images.

    All filters share one scale, symmetric about zero: mid-gray is 0, white the largest weight,
    black its negative; a filter over other than 1 or 3 channels is shown as its mean over them.
    """
    found = first_conv(module)
    if found is None:
        return None
    weights = found[1].weight.detach()[:limit].float().cpu()
    if weights.shape[1] not in (1, 3):
        weights = weights.mean(dim=1, keepdim=True)
    scale = weights.abs().max().clamp_min(1e-12)
    images = (weights / scale * 127.5 + 127.5).round().clamp(0, 255).to(torch.uint8)
    return images.permute(0, 2, 3, 1).contiguous().numpy()


@dataclass(frozen=True)
class Field:
    """Where a layer's outputs look in the input: output ``(i, j)`` reads the ``rf x rf`` window
    centred on input pixel ``(center + i*jump, center + j*jump)``. ``rf`` None: the whole image."""

    rf: int | None
    jump: int
    center: float

    def box(self, i: int, j: int) -> tuple[int, int, int, int] | None:
        """``(top, left, bottom, right)`` input rows and columns (inclusive) output ``(i, j)`` reads;
        they may reach past the image, into its padding. None for a whole-image layer."""
        if self.rf is None:
            return None
        half = (self.rf - 1) / 2
        top, left = self.center + i * self.jump - half, self.center + j * self.jump - half
        return round(top), round(left), round(top) + self.rf - 1, round(left) + self.rf - 1


def receptive_fields(module: GraphModule) -> dict[str, Field]:
    """The :class:`Field` of every layer's output, by path (as :func:`feature_maps` names them)."""
    fields: dict[str, Field] = {}
    _walk(module, Field(1, 1, 0.0), "", fields)
    return fields


def _walk(module: GraphModule, entry: Field, prefix: str, fields: dict[str, Field]) -> Field:
    values = {"in": entry}
    for key, inputs in module.steps:
        layer = module.layers[key]
        name = module.layer_names.get(key, key)
        path = f"{prefix}.{name}" if prefix else name
        sources = [values[k] for k in inputs]
        if isinstance(layer, GraphModule):
            out = _walk(layer, sources[0], path, fields)
        else:
            out = _through(layer, sources)
        fields[path] = values[key] = out
    return values[module.output]


def _through(layer: nn.Module, sources: list[Field]) -> Field:
    if isinstance(layer, Add | Concat):
        return max(sources, key=lambda f: float("inf") if f.rf is None else f.rf)
    field = sources[0] if sources else Field(1, 1, 0.0)
    if field.rf is None or isinstance(layer, GlobalAvgPool | nn.Flatten | nn.Linear):
        return Field(None, field.jump, 0.0)
    if isinstance(layer, nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d):
        kernel, stride, pad = (_first(getattr(layer, a)) for a in ("kernel_size", "stride", "padding"))
        dilation = _first(getattr(layer, "dilation", 1))
        span = dilation * (kernel - 1)
        return Field(
            field.rf + span * field.jump,
            field.jump * stride,
            field.center + (span / 2 - pad) * field.jump,
        )
    if isinstance(layer, ZeroPadShortcut):
        return Field(field.rf, field.jump * layer.stride, field.center)
    return field  # activations, normalisation, dropout: one output per input


def _first(value) -> int:
    return int(value[0]) if isinstance(value, tuple | list) else int(value)


__all__ = [
    "MAX_TILES",
    "Field",
    "feature_maps",
    "first_conv",
    "first_filters",
    "map_tiles",
    "named_layers",
    "receptive_fields",
]
