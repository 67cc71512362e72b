"""What the gradients do while a network trains: the norm of each weight layer's gradient, sampled.

A :class:`GradientProbe` is handed to a :class:`~cnnstudio.training.Trainer` (its ``probe``);
the trainer calls :meth:`GradientProbe.observe` after every optimizer step, and every
``every``-th step the probe takes the norm of each weight layer's gradient. The norms stay on
the training device, stacked in one small tensor per sample, until :meth:`GradientProbe.take`
reads all that waited in one transfer (the worker calls it when it reports progress), so a GPU
is never made to wait for them step by step.

Weight layers are the convolutions and linear layers, in the order the network runs them
(depth 1 first), named by their path in the network (``layer1.0.conv1``; ``head.fc`` for a
classifier head). In a deep plain network the first layers' norms fall far below the last
layers' (vanishing gradients); in a ResNet of the same depth they do not.
"""

from __future__ import annotations

import torch
from torch import nn

from .gradients import GradientRecord

DEFAULT_EVERY = 5
"""Steps between two samples of the gradient norms."""


def weight_layers(module: nn.Module) -> list[tuple[str, nn.Parameter]]:
    """``(path, weight)`` of every convolution and linear layer of a built network, in running order."""
    found: list[tuple[str, nn.Parameter]] = []
    _collect(module, "", found)
    return found


def _collect(module: nn.Module, prefix: str, found: list[tuple[str, nn.Parameter]]) -> None:
    steps = getattr(module, "steps", None)
    if steps is None:  # a plain module: no graph inside
        if isinstance(module, nn.Conv2d | nn.Linear):
            found.append((prefix or "layer", module.weight))
        return
    names = getattr(module, "layer_names", {})
    for key, _inputs in steps:
        name = names.get(key, key)
        _collect(module.layers[key], f"{prefix}.{name}" if prefix else name, found)


class GradientProbe:
    """Samples each weight layer's gradient norm every *every* steps (see the module's text).

    Parameters
    ----------
    module : nn.Module
        A module built by :func:`cnnstudio.model.build.build_module` (its layers are named).
    every : int
        Steps between samples (1: every step).
    """

    def __init__(self, module: nn.Module, every: int = DEFAULT_EVERY) -> None:
        if every < 1:
            raise ValueError(f"every must be at least 1, not {every}")
        named = weight_layers(module)
        self.layers = [name for name, _ in named]
        self.weights = [weight for _, weight in named]
        self.every = every
        self._pending: list[tuple[int, torch.Tensor]] = []

    def observe(self, step: int) -> None:
        """After optimizer step *step* (from 1): sample the norms if it is time (no synchronisation)."""
        if step % self.every or not self.weights:
            return
        with torch.no_grad():
            norms = [
                w.grad.detach().float().norm() if w.grad is not None else w.new_zeros((), dtype=torch.float32)
                for w in self.weights
            ]
            self._pending.append((step, torch.stack(norms)))

    def take(self) -> GradientRecord:
        """The samples taken since the last call, read from the device in one transfer."""
        pending, self._pending = self._pending, []
        record = GradientRecord(list(self.layers))
        if pending:
            record.steps = [step for step, _ in pending]
            record.norms = torch.stack([norms for _, norms in pending]).cpu().tolist()
        return record


__all__ = ["DEFAULT_EVERY", "GradientProbe", "GradientRecord", "weight_layers"]
