"""What the training worker hands the GUI thread: plain records, no torch tensors.

The worker converts everything to numpy arrays, text and numbers before it emits, so the GUI
thread never touches a tensor (and never runs torch work). :func:`network_key` says whether two
networks have the same weights layout, which decides whether a new run can continue from the
trained weights; it needs neither torch nor Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...core import Network

if TYPE_CHECKING:
    import numpy as np


def network_key(network: Network) -> str:
    """The network's layers, settings and wiring as text; positions on the canvas are left out."""
    nodes = [
        (node.id, node.type, node.name, sorted(node.params.items()), list(node.inputs))
        for node in network.nodes
    ]
    return json.dumps(nodes, sort_keys=True, default=str)


@dataclass(frozen=True)
class RunRequest:
    """Everything a run needs, copied in the GUI thread when Train is clicked."""

    network: Network
    spec: str
    settings: dict[str, Any]


@dataclass(frozen=True)
class DatasetInfo:
    """A dataset opened for the network's input: its size, classes and some sample images.

    ``samples`` holds ``(uint8 H x W x C array, label name)`` pairs.
    """

    spec: str
    seed: int
    name: str
    input_shape: tuple[int, int, int]
    classes: list[str]
    train_count: int
    val_count: int
    samples: list[tuple[np.ndarray, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Sample:
    """One validation image with what the network made of it."""

    image: np.ndarray
    label: str
    predicted: str
    confidence: float

    @property
    def correct(self) -> bool:
        return self.label == self.predicted


@dataclass(frozen=True)
class Results:
    """Every validation prediction of the current weights, counted and sampled.

    ``matrix[t, p]`` counts images of class *t* predicted as *p*; ``labels`` and ``predicted``
    are int64 arrays in the validation set's order; ``samples`` shows the wrong ones first.
    ``weights`` are the weights they were computed with (the panel shows results only while
    those are still the weights of the network on screen).
    """

    classes: list[str]
    matrix: np.ndarray
    labels: np.ndarray
    predicted: np.ndarray
    samples: list[Sample]
    weights: WeightsState

    @property
    def steps_trained(self) -> int:
        return self.weights.steps

    @property
    def accuracy(self) -> float:
        total = int(self.matrix.sum())
        return int(self.matrix.trace()) / total if total else 0.0


@dataclass(frozen=True)
class LoadedCheckpoint:
    """A checkpoint read by the worker: the network to open and the run to list.

    ``history`` is the run history's JSON form (or None); ``waiting`` is why the weights wait for
    the next run of this network (the error that kept the dataset from opening, as the data or
    training package wrote it), or empty when they were loaded at once.
    """

    path: Path
    network: Network
    settings: dict[str, Any]
    history: dict[str, Any] | None
    dataset: str
    classes: list[str]
    waiting: str = ""


@dataclass(frozen=True)
class DatasetRequest:
    """A dataset the panel asked the worker to open: which spec, for which input, with which seed."""

    spec: str
    input_shape: tuple[int, int, int] | None
    seed: int

    def answered_by(self, info: DatasetInfo) -> bool:
        return (self.spec, self.input_shape, self.seed) == (info.spec, tuple(info.input_shape), info.seed)


@dataclass(frozen=True)
class RunEnd:
    """How a run request ended.

    ``event`` is the trainer's ``Finished`` or ``Failed``, or None when the run could not begin;
    ``problem`` then says why (a dataset, network, device or settings error). ``history`` is the
    run's final record in JSON form (None if it never began); ``weights`` where the weights stand
    now (a :class:`WeightsState`).
    """

    event: Any
    problem: str
    history: dict[str, Any] | None
    weights: WeightsState


@dataclass(frozen=True)
class WeightsState:
    """Where the worker's weights stand, for the panel's buttons and its "next run" line.

    ``key`` is ``(network_key, dataset spec, seed)`` of the trainer (None without one); a run
    with the same key continues from these weights. ``steps`` counts optimizer steps since they
    were fresh. ``pending`` is the network key of checkpoint weights waiting for a run, or "".
    ``version`` grows whenever the weights change (a run's steps, a reset, an opened
    checkpoint): two states with the same version describe the same weights.
    """

    key: tuple[str, str, int] | None = None
    steps: int = 0
    pending: str = ""
    version: int = 0

    @property
    def network(self) -> str:
        """The network key of the trained weights ("" without a trainer)."""
        return self.key[0] if self.key is not None else ""
