"""What the experiments' windows ask the worker and what it answers: plain records, no torch.

The worker turns tensors into numpy arrays, numbers and text before it emits, so the windows (in
the GUI thread) never run torch. A request copies the network in the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...core import Network

if TYPE_CHECKING:
    import numpy as np

    from ...model.identity import IdentityCheck
    from ...model.inside import Field


@dataclass(frozen=True)
class SampleRequest:
    """Which weights and which image: *weights* is ``"initial"`` (the seed's) or ``"trained"``
    (the training panel's, when they belong to this network)."""

    network: Network
    spec: str
    seed: int
    weights: str = "trained"
    index: int = 0


@dataclass(frozen=True)
class Sample:
    """The image shown: uint8 ``H x W x C`` (C is 1 or 3), its class, where it comes from."""

    image: np.ndarray
    label: str
    index: int
    count: int
    dataset: str


@dataclass(frozen=True)
class UsedWeights:
    """The weights a view was computed with: the training panel's after ``steps`` steps (when
    ``steps`` > 0), else the initial weights of ``seed``; ``untrained`` says trained weights were
    asked for but this network has none yet."""

    seed: int
    steps: int = 0
    untrained: bool = False


@dataclass(frozen=True)
class LayerInfo:
    """One layer in the inside view's list: its path, type and output shape."""

    path: str
    type: str
    shape: tuple[int, ...]


@dataclass(frozen=True)
class InsideView:
    """What the inside view shows for one network, weights and image.

    ``fields`` give each layer's receptive field (``Field.box`` is plain arithmetic, safe to call
    here); ``maps`` are the chosen layer's channels as uint8 ``K x H x W`` tiles (the first
    :data:`~cnnstudio.model.inside.MAX_TILES` of ``channels``); ``filters`` the first
    convolution's filters as uint8 ``F x k x k x C`` images (None without a convolution).
    ``seconds`` is how long the worker took (the forward pass is skipped when only the layer
    changed).
    """

    request: SampleRequest
    layer: str
    sample: Sample
    weights: UsedWeights
    layers: list[LayerInfo]
    fields: dict[str, Field]
    maps: np.ndarray
    channels: int
    shape: tuple[int, ...]
    filters: np.ndarray | None
    filters_layer: str
    seconds: float


@dataclass(frozen=True)
class IdentityRequest:
    """Check, zero or restore the last layer of *block* (``action``: check, zero, restore)."""

    sample: SampleRequest
    block: str
    action: str = "check"


@dataclass(frozen=True)
class IdentityResult:
    """The identity check's answer: the numbers, and which blocks have their last layer zeroed."""

    request: IdentityRequest
    check: IdentityCheck
    zeroed: frozenset[str] = field(default_factory=frozenset)
    sample: Sample | None = None
    weights: UsedWeights | None = None
    input_values: tuple[float, ...] = ()
    output_values: tuple[float, ...] = ()
