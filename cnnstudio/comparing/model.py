"""Two or more networks side by side: totals, stages and ratios against a baseline.

:func:`figures` analyses one network into a :class:`NetworkFigures` (an immutable snapshot:
editing the network afterwards changes nothing in it); :func:`compare` puts several together
into a :class:`Comparison`, whose first network is the baseline every ratio is taken against.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..core.analysis import summarize
from ..core.blocks import Shape
from ..core.graph import Network
from .ratios import NOUNS, Ratio, ratio
from .stages import HEAD, Stage, stages_of, weight_layer_count

METRICS = tuple(NOUNS)
"""The compared figures: ``weight_layers``, ``params``, ``macs``, ``other_ops``, ``activations``."""


@dataclass(frozen=True)
class NetworkFigures:
    """One network's figures, as they were when it was analysed.

    Attributes
    ----------
    label : str
        What the comparison calls it (the network's name unless given another).
    name : str
        The network's own name.
    source : str
        Where it came from: a preset id, a file, ``"the open network"``...
    input_shape, output_shape : tuple of int or None
        ``(C, H, W)`` or ``(N,)``; None when unknown.
    weight_layers : int
        Every conv2d and linear layer, inner layers of blocks and shortcut projections included
        (ResNet-50 has 54: its 50 on the main path and four projections).
    params, macs, other_ops, activations : int
        The analysis' totals.
    stages : tuple of Stage
        See :mod:`cnnstudio.comparing.stages`.
    errors : tuple of str
        The network's problems; its figures then cover only what could be analysed.
    """

    label: str
    name: str
    source: str
    input_shape: Shape | None
    output_shape: Shape | None
    weight_layers: int
    params: int
    macs: int
    other_ops: int
    activations: int
    stages: tuple[Stage, ...]
    errors: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.errors

    def total(self, metric: str) -> int:
        """The total called *metric* (one of :data:`METRICS`)."""
        return getattr(self, metric)

    def stage(self, key: str) -> Stage | None:
        """The stage called *key*, or None when this network has none by that name."""
        return next((s for s in self.stages if s.key == key), None)

    def relabelled(self, label: str) -> NetworkFigures:
        """The same figures under another label."""
        return replace(self, label=label)


def figures(network: Network, label: str | None = None, source: str = "") -> NetworkFigures:
    """Analyse *network* into a snapshot of its figures."""
    summary = summarize(network)
    totals = summary.totals
    return NetworkFigures(
        label=label or network.name,
        name=network.name,
        source=source,
        input_shape=summary.input_shape,
        output_shape=summary.output_shape,
        weight_layers=sum(weight_layer_count(row) for row in summary.rows),
        params=totals.params,
        macs=totals.macs,
        other_ops=totals.other_ops,
        activations=totals.activations,
        stages=stages_of(summary),
        errors=tuple(summary.errors),
    )


@dataclass(frozen=True)
class Comparison:
    """Networks side by side; the first is the baseline.

    Attributes
    ----------
    title : str
        A ready-made comparison's title, or the labels joined by "vs".
    networks : tuple of NetworkFigures
        Labels unique; the first is the baseline.
    id : str or None
        The ready-made comparison's id, if it is one.
    note : str
        What to look for (ready-made comparisons say it; "" otherwise).
    """

    title: str
    networks: tuple[NetworkFigures, ...]
    id: str | None = None
    note: str = ""

    @property
    def baseline(self) -> NetworkFigures:
        return self.networks[0]

    @property
    def stage_keys(self) -> tuple[str, ...]:
        """Every network's stage keys merged: larger maps first, each network's order kept,
        the head last. Stages of the same key (``28x28``) line up across networks."""
        return merge_stage_keys([n.stages for n in self.networks])

    def stage_values(self, key: str, metric: str) -> tuple[int | None, ...]:
        """Each network's *metric* in stage *key* (None where it has no such stage)."""
        values = []
        for network in self.networks:
            stage = network.stage(key)
            values.append(None if stage is None else stage.value(metric))
        return tuple(values)

    def ratios(self, network: NetworkFigures) -> tuple[Ratio, ...]:
        """*network*'s totals against the baseline's, one per metric."""
        base = self.baseline
        return tuple(ratio(m, network.total(m), base.total(m)) for m in METRICS)

    def ratio(self, network: NetworkFigures, metric: str) -> Ratio:
        """*network*'s *metric* against the baseline's."""
        return ratio(metric, network.total(metric), self.baseline.total(metric))


def compare(
    networks: Sequence[NetworkFigures],
    title: str | None = None,
    comparison_id: str | None = None,
    note: str = "",
) -> Comparison:
    """A :class:`Comparison` of *networks* (at least one; the first is the baseline).

    Labels that repeat get a number: a network pinned before and after an edit reads
    ``LeNet-5`` and ``LeNet-5 (2)``.
    """
    if not networks:
        raise ValueError("a comparison needs at least one network")
    unique = tuple(unique_labels(networks))
    return Comparison(title or " vs ".join(n.label for n in unique), unique, comparison_id, note)


def unique_labels(networks: Iterable[NetworkFigures]) -> Iterable[NetworkFigures]:
    """*networks* with every label that was already used numbered: ``A``, ``A (2)``, ``A (3)``."""
    used: set[str] = set()
    for network in networks:
        label, number = network.label, 1
        while label in used:
            number += 1
            label = f"{network.label} ({number})"
        used.add(label)
        yield network if label == network.label else network.relabelled(label)


def merge_stage_keys(stage_lists: Sequence[Sequence[Stage]]) -> tuple[str, ...]:
    """Merge several networks' stage orders into one: at each step the next stage (of any
    network) with the largest maps goes first, ties in network order; the head comes last."""
    positions = [0] * len(stage_lists)
    keys: list[str] = []
    while True:
        candidates = [
            (_area_rank(stages[pos]), index)
            for index, (stages, pos) in enumerate(zip(stage_lists, positions, strict=True))
            if pos < len(stages)
        ]
        if not candidates:
            return tuple(keys)
        _, index = min(candidates)
        stage = stage_lists[index][positions[index]]
        positions[index] += 1
        if stage.key not in keys:
            keys.append(stage.key)


def _area_rank(stage: Stage) -> tuple[int, int]:
    """Sorts larger maps first, unknown sizes next, the head last."""
    if stage.label == HEAD:
        return (2, 0)
    if stage.size is None:
        return (1, 0)
    return (0, -stage.size[0] * stage.size[1])
