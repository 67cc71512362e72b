"""Stages: a network's top-level layers grouped by the resolution they work at.

A *stage* is a run of consecutive top-level layers (in the analysis' order) that work on
feature maps of one spatial size. The rule, applied to every layer but the Input:

1. A layer **with weights** whose output's height and width differ from the current stage's
   starts a new stage, labelled with that size (``56x56``).
2. Any other layer joins the current stage, whatever its output size: a pooling layer that
   halves the map closes the stage it ends instead of opening a stage of its own.
3. From the first layer whose output has no spatial extent left (flat, or 1x1) on, every layer
   belongs to the **head**: global pooling or flatten, the fully connected layers, softmax.

So the stages come out as the papers name them: VGG-16's five blocks (each ending with its max
pool) and its classifier; ResNet-50's conv1 (112x112, with the max pool), conv2_x to conv5_x
(56x56 to 7x7) and the head; GoogLeNet's 112x112 and 56x56 stems, its inception 3 (28x28),
4 (14x14) and 5 (7x7) parts and the head; LeNet-5's C1 (28x28) and C3 (10x10) with their
subsampling and its three fully connected layers.

A stage's figures sum its layers' leaves (a residual block counts all its inner layers), so
the stages' parameters, MACs and other operations add up to the network's totals; their
activations add up to the total less the image itself, which the Input holds and no stage
does. A layer whose shape is unknown (an error upstream) joins the current stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.analysis import LayerRow, Summary
from ..core.blocks import Shape

HEAD = "head"
"""The label of the layers after the last feature map."""
WEIGHT_LAYER_TYPES = frozenset({"conv2d", "linear"})
"""Leaf types counted as weight layers (the layers the number in "VGG-16" counts)."""


@dataclass(frozen=True)
class Stage:
    """One stage of a network and what it costs.

    Attributes
    ----------
    key : str
        The label, made unique within the network (a second ``28x28`` stage is ``28x28 (2)``);
        stages of different networks with the same key are shown side by side.
    label : str
        ``"56x56"`` (height x width of the maps) or ``"head"``.
    size : tuple of int or None
        ``(height, width)``; None for the head or when no shape is known.
    first, last : str
        The names of its first and last top-level layers.
    layers : int
        How many top-level layers it holds.
    output_shape : tuple of int or None
        What leaves its last layer.
    weight_layers, params, macs, other_ops, activations : int
        Sums over its layers' leaves.
    """

    key: str
    label: str
    size: tuple[int, int] | None
    first: str
    last: str
    layers: int
    output_shape: Shape | None
    weight_layers: int
    params: int
    macs: int
    other_ops: int
    activations: int

    def value(self, metric: str) -> int:
        """The figure called *metric* (``"params"``, ``"macs"``, ...)."""
        return getattr(self, metric)


def spatial_size(shape: Shape | None) -> tuple[int, int] | None:
    """``(C, H, W)`` -> ``(H, W)``; None for a flat or unknown shape."""
    if shape is None or len(shape) != 3:
        return None
    return shape[1], shape[2]


def is_head_layer(row: LayerRow) -> bool:
    """Whether *row*'s output has no spatial extent left: flat, or 1x1."""
    if row.shape is None:
        return False
    return len(row.shape) != 3 or spatial_size(row.shape) == (1, 1)


def weight_layer_count(row: LayerRow) -> int:
    """How many conv2d and linear leaves *row* holds (itself, or a block's inner layers)."""
    return sum(1 for leaf in row.walk() if leaf.is_leaf and leaf.type in WEIGHT_LAYER_TYPES)


def stages_of(summary: Summary) -> tuple[Stage, ...]:
    """*summary*'s stages in order, the head (if any) last; see the module docstring."""
    groups: list[tuple[str, tuple[int, int] | None, list[LayerRow]]] = []
    head: list[LayerRow] = []
    for row in summary.rows:
        if row.type == "input":
            continue
        if head or is_head_layer(row):
            head.append(row)
            continue
        size = spatial_size(row.shape)
        if not groups or (row.params > 0 and size is not None and size != groups[-1][1]):
            groups.append((_size_label(size), size, []))
        groups[-1][2].append(row)
    if head:
        groups.append((HEAD, None, head))
    return tuple(_stage(key, label, size, rows) for key, (label, size, rows) in _unique_keys(groups))


def _size_label(size: tuple[int, int] | None) -> str:
    return "?" if size is None else f"{size[0]}x{size[1]}"


def _unique_keys(groups):
    """Each group with a key: its label, numbered from the second time it appears."""
    seen: dict[str, int] = {}
    for label, size, rows in groups:
        seen[label] = seen.get(label, 0) + 1
        key = label if seen[label] == 1 else f"{label} ({seen[label]})"
        yield key, (label, size, rows)


def _stage(key: str, label: str, size: tuple[int, int] | None, rows: list[LayerRow]) -> Stage:
    leaves = [leaf for row in rows for leaf in row.walk() if leaf.is_leaf]
    return Stage(
        key=key,
        label=label,
        size=size,
        first=rows[0].name,
        last=rows[-1].name,
        layers=len(rows),
        output_shape=rows[-1].shape,
        weight_layers=sum(weight_layer_count(row) for row in rows),
        params=sum(leaf.params for leaf in leaves),
        macs=sum(leaf.macs for leaf in leaves),
        other_ops=sum(leaf.other_ops for leaf in leaves),
        activations=sum(leaf.activations for leaf in leaves),
    )
