"""Why ResNets work, checked on a real block: with its last layer zeroed, a residual block passes
its input through.

A residual block computes ``a[l+2] = g(z[l+2] + a[l])``. When the last layer of its main path
gives zeros (the last batch norm's scale and shift are zero, or, without batch norm, the last
convolution's weights and bias), ``z[l+2] = 0`` and the block's output is ``g(a[l])``, the ReLU
of its input; since ``a[l]`` came out of a ReLU, that is ``a[l]`` itself. A plain block (no
shortcut) outputs ``g(0) = 0`` instead, and a block whose shortcut changes the shape cannot pass
its input through at all.

:func:`last_layer` finds the layer to zero, :func:`zero_last_layer` zeroes it and returns what
to put back (:func:`restore`), and :func:`check_identity` runs an image and compares the block's
output with the ReLU of its input.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from .build import Add, GraphModule
from .inside import named_layers

TOLERANCE = 1e-6
"""Largest difference, relative to the input's largest value, that still counts as equal."""


@dataclass(frozen=True)
class IdentityCheck:
    """What one image says about a block: does its output equal the ReLU of its input?

    ``max_difference`` is the largest ``|output - ReLU(input)|`` over the block's output,
    ``input_max`` the largest input value (for scale); ``reason`` explains a check that could not
    compare (the shapes differ). ``last_weights_zero`` tells whether the last layer's scale and
    shift (or weights and bias) were all zero when it ran.
    """

    block: str
    last_layer: str
    max_difference: float
    input_max: float
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    last_weights_zero: bool
    reason: str = ""

    @property
    def passes(self) -> bool:
        return not self.reason and self.max_difference <= TOLERANCE * max(1.0, self.input_max)


def block_module(module: GraphModule, path: str) -> GraphModule:
    """The composite block called *path* in *module* (``KeyError`` if there is none)."""
    for name, layer in named_layers(module):
        if name == path and isinstance(layer, GraphModule):
            return layer
    raise KeyError(f"the network has no block called '{path}'")


def last_layer(block: GraphModule) -> tuple[str, nn.Module]:
    """The key and layer whose output the shortcut is added to (the main path's end), or, in a
    plain block, the one before the final ReLU."""
    for key, inputs in block.steps:
        if isinstance(block.layers[key], Add):
            main = inputs[0]
            return main, block.layers[main]
    key, inputs = block.steps[-1]
    main = inputs[0]
    return main, block.layers[main]


def _tensors(layer: nn.Module) -> list[torch.Tensor]:
    return [t for t in (getattr(layer, "weight", None), getattr(layer, "bias", None)) if t is not None]


@torch.no_grad()
def zero_last_layer(block: GraphModule) -> list[torch.Tensor]:
    """Zero the last layer's scale and shift (batch norm) or weights and bias (convolution);
    returns copies of the values it had, for :func:`restore`."""
    _key, layer = last_layer(block)
    saved = [t.detach().clone() for t in _tensors(layer)]
    for tensor in _tensors(layer):
        tensor.zero_()
    return saved


@torch.no_grad()
def restore(block: GraphModule, saved: list[torch.Tensor]) -> None:
    """Put back the values :func:`zero_last_layer` returned."""
    for tensor, value in zip(_tensors(last_layer(block)[1]), saved, strict=True):
        tensor.copy_(value)


def last_weights_zero(block: GraphModule) -> bool:
    return all(bool((t == 0).all()) for t in _tensors(last_layer(block)[1]))


@torch.no_grad()
def check_identity(module: GraphModule, path: str, image: torch.Tensor) -> IdentityCheck:
    """Run *image* (``C x H x W``) through *module* in evaluation mode and compare block *path*'s
    output with the ReLU of its input."""
    block = block_module(module, path)
    seen: dict[str, torch.Tensor] = {}

    def keep(_m, args, out):
        seen["in"], seen["out"] = args[0][0].detach(), out[0].detach()

    handle = block.register_forward_hook(keep)
    was_training = module.training
    try:
        module.eval()
        module(image.unsqueeze(0))
    finally:
        module.train(was_training)
        handle.remove()
    x, y = seen["in"], seen["out"]
    key, _layer = last_layer(block)
    name = block.layer_names.get(key, key)
    common = {
        "block": path,
        "last_layer": f"{path}.{name}",
        "input_max": float(x.abs().max()),
        "input_shape": tuple(x.shape),
        "output_shape": tuple(y.shape),
        "last_weights_zero": last_weights_zero(block),
    }
    if x.shape != y.shape:
        return IdentityCheck(
            max_difference=float("inf"),
            reason="the block changes the shape, so its shortcut is not the identity",
            **common,
        )
    return IdentityCheck(max_difference=float((y - torch.relu(x)).abs().max()), **common)


__all__ = [
    "TOLERANCE",
    "IdentityCheck",
    "block_module",
    "check_identity",
    "last_layer",
    "last_weights_zero",
    "restore",
    "zero_last_layer",
]
