"""Check the core's table against PyTorch, layer by layer.

Builds the module, runs one image through it, and compares for every row of the table:
the output shape (forward hooks), the parameter count (``parameters()``), and the MACs
(``torch.utils.flop_counter.FlopCounterMode`` flops / 2, which count convolutions and
matrix multiplications without bias, as the core does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from ..core import Network, Shape, summarize
from ..core.analysis import Summary
from .build import GraphModule, build_module


@dataclass
class Measured:
    """What torch reports for one layer."""

    shape: Shape | None = None
    params: int = 0
    macs: int = 0


@dataclass
class Verification:
    """The outcome of :func:`verify`: the layers compared and every disagreement."""

    summary: Summary
    checked: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def measure(module: GraphModule, input_shape: Shape, device: str = "cpu") -> dict[str, Measured]:
    """Shapes, parameters and MACs of every named layer of *module*, keyed by dotted path.

    On ``device="meta"`` nothing is computed: torch only works out shapes and operation counts.
    """
    paths = _layer_paths(module)
    measured = {
        path: Measured(params=sum(p.numel() for p in sub.parameters())) for sub, path in paths.items()
    }
    hooks = [sub.register_forward_hook(_shape_hook(measured[path])) for sub, path in paths.items()]
    module.eval()
    try:
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            module(torch.zeros(1, *input_shape, device=device))
    finally:
        for hook in hooks:
            hook.remove()
    by_name = {f"GraphModule.{name}": sub for name, sub in module.named_modules() if name}
    for name, counts in counter.get_flop_counts().items():
        sub = by_name.get(name)
        if sub in paths:
            measured[paths[sub]].macs = sum(counts.values()) // 2
    return measured


def _layer_paths(module: GraphModule, prefix: str = "") -> dict[nn.Module, str]:
    paths: dict[nn.Module, str] = {}
    for key, sub in module.layers.items():
        path = prefix + module.layer_names[key]
        paths[sub] = path
        if isinstance(sub, GraphModule):
            paths.update(_layer_paths(sub, path + "."))
    return paths


def _shape_hook(target: Measured):
    def hook(_module, _inputs, output):
        target.shape = tuple(output.shape[1:])

    return hook


def verify(network: Network, input_shape: Shape | None = None) -> Verification:
    """Compare every layer of *network*'s table with the torch module built from it."""
    summary = summarize(network, input_shape)
    result = Verification(summary)
    module = build_module(network, summary=summary)
    measured = measure(module, summary.input_shape)
    for row in summary.all_rows():
        if row.type == "input":
            continue
        got = measured.get(row.path)
        if got is None:
            result.mismatches.append(f"{row.path}: no such layer in the torch module")
            continue
        result.checked += 1
        for what, core_value, torch_value in (
            ("output shape", row.shape, got.shape),
            ("params", row.params, got.params),
            ("MACs", row.macs, got.macs),
        ):
            if core_value != torch_value:
                result.mismatches.append(
                    f"{row.path}: {what} {core_value} in the table, {torch_value} in torch"
                )
    return result
