"""The torch side of the experiments' windows: which weights, which image, the maps and the check.

Only the worker thread uses this module (importing it imports torch). :class:`InsideBackend`
works on its own copy of the weights, never on the trainer's: the seed's initial weights, or a
copy of the training panel's trained ones when they belong to the network asked about. It keeps
the last forward pass, so choosing another layer of the same network, weights and image costs
no second pass. Zeroing a block's last layer for the identity check changes that copy only.
"""

from __future__ import annotations

import copy
import time

import numpy as np
import torch

from ...core import summarize
from ...model.build import GraphModule, build_module
from ...model.identity import block_module, check_identity, restore, zero_last_layer
from ...model.inside import (
    feature_maps,
    first_conv,
    first_filters,
    map_tiles,
    named_layers,
    receptive_fields,
)
from ..training.records import network_key
from .records import (
    IdentityRequest,
    IdentityResult,
    InsideView,
    LayerInfo,
    Sample,
    SampleRequest,
    UsedWeights,
)

SHOWN_VALUES = 6
"""Values of the block's input and output the identity check lists side by side."""


class InsideBackend:
    """Modules, images and forward passes for the inside view and the identity check.

    Parameters
    ----------
    training : object
        The training worker; its ``backend`` (a
        :class:`~cnnstudio.ui.training.backend.TrainingBackend`, once torch is loaded) opens the
        datasets and holds the trained weights.
    """

    def __init__(self, training) -> None:
        self.training = training
        self._module_key: tuple | None = None
        self._module: GraphModule | None = None
        self._weights = UsedWeights(0)
        self._maps_key: tuple | None = None
        self._maps: dict[str, torch.Tensor] = {}
        self._saved: dict[str, list[torch.Tensor]] = {}
        self._input_shape: tuple[int, int, int] | None = None
        self._kinds: dict[str, str] = {}
        self._fields: dict = {}

    # -- weights and images -------------------------------------------------------------------

    def module(self, request: SampleRequest) -> tuple[GraphModule, UsedWeights]:
        """The module for *request*'s network and weights (kept while they stay the same)."""
        trained = self._trained(request)
        version = self.training.backend.version if trained is not None else -1
        key = (network_key(request.network), request.weights, request.seed, version)
        if key != self._module_key:
            self._module, self._weights = self._make(request, trained)
            self._module_key, self._maps_key = key, None
            self._saved = {}
            self._input_shape = summarize(request.network).input_shape
            self._kinds = {path: type(layer).__name__ for path, layer in named_layers(self._module)}
            self._fields = receptive_fields(self._module)
        return self._module, self._weights

    def _trained(self, request: SampleRequest):
        backend = self.training.backend
        trainer = backend.trainer if backend is not None else None
        if request.weights != "trained" or trainer is None or backend.steps_trained == 0:
            return None
        if network_key(trainer.network) != network_key(request.network):
            return None
        return backend

    def _make(self, request: SampleRequest, trained) -> tuple[GraphModule, UsedWeights]:
        if trained is not None:
            module = copy.deepcopy(trained.trainer.module).cpu().eval()
            return module, UsedWeights(request.seed, trained.steps_trained)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(request.seed)
            module = build_module(request.network, logits=True).eval()
        return module, UsedWeights(request.seed, untrained=request.weights != "initial")

    def sample(self, request: SampleRequest) -> tuple[torch.Tensor, Sample]:
        """The image *request* names (as the network reads it) and how to show it."""
        self.module(request)
        split = self.training.backend.split(request.spec, self._input_shape, request.seed)
        images = split.val
        index = min(max(0, request.index), len(images) - 1)
        chosen = torch.tensor([index])
        x, y = images.batch(chosen)
        shown = images.display(chosen)[0]
        if shown.shape[-1] not in (1, 3):  # more channels than a picture has: show their mean
            shown = shown.float().mean(dim=-1, keepdim=True).round().to(torch.uint8)
        sample = Sample(shown.numpy(), images.classes[int(y[0])], index, len(images), split.name)
        return x[0], sample

    # -- the inside view ----------------------------------------------------------------------

    def inside(self, request: SampleRequest, layer: str) -> InsideView:
        """The maps of *layer* (a path; the first convolution when empty or unknown)."""
        began = time.perf_counter()
        module, weights = self.module(request)
        image, sample = self.sample(request)
        maps_key = (self._module_key, request.spec, sample.index)
        if maps_key != self._maps_key:
            self._maps, self._maps_key = feature_maps(module, image), maps_key
        first = first_conv(module)
        if layer not in self._maps:
            layer = first[0] if first is not None else next(iter(self._maps))
        values = self._maps[layer]
        return InsideView(
            request=request,
            layer=layer,
            sample=sample,
            weights=weights,
            layers=[  # in the table's order: a block before its layers
                LayerInfo(path, kind, tuple(self._maps[path].shape))
                for path, kind in self._kinds.items()
                if path in self._maps
            ],
            fields=self._fields,
            maps=map_tiles(values),
            channels=values.shape[0] if values.dim() == 3 else 1,
            shape=tuple(values.shape),
            filters=first_filters(module),
            filters_layer=first[0] if first is not None else "",
            seconds=time.perf_counter() - began,
        )

    # -- the identity check -------------------------------------------------------------------

    def identity(self, request: IdentityRequest) -> IdentityResult:
        """Zero, restore or only check *request.block*; then check it on the image."""
        module, weights = self.module(request.sample)
        block = block_module(module, request.block)
        if request.action == "zero" and request.block not in self._saved:
            self._saved[request.block] = zero_last_layer(block)
        elif request.action == "restore" and request.block in self._saved:
            restore(block, self._saved.pop(request.block))
        self._maps_key = None  # the weights changed: maps computed before no longer hold
        image, sample = self.sample(request.sample)
        check = check_identity(module, request.block, image)
        values_in, values_out = _first_values(module, request.block, image)
        return IdentityResult(request, check, frozenset(self._saved), sample, weights, values_in, values_out)


@torch.no_grad()
def _first_values(
    module: GraphModule, path: str, image: torch.Tensor
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The first few values of the block's input and output where the input is positive."""
    block = block_module(module, path)
    seen = {}
    handle = block.register_forward_hook(lambda _m, args, out: seen.update(x=args[0][0], y=out[0]))
    try:
        module(image.unsqueeze(0))
    finally:
        handle.remove()
    x, y = seen["x"].flatten(), seen["y"].flatten()
    if x.shape != y.shape:
        return tuple(x[:SHOWN_VALUES].tolist()), tuple(y[:SHOWN_VALUES].tolist())
    picked = torch.nonzero(x > 0).flatten()[:SHOWN_VALUES]
    return tuple(np.round(x[picked].numpy(), 6).tolist()), tuple(np.round(y[picked].numpy(), 6).tolist())
