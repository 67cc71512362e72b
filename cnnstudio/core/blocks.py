"""Block types: the registry, and what every block's arithmetic returns.

A block type knows its parameters, how many inputs it takes, and how to turn input tensors
(their shapes and receptive fields, a :class:`Flow`) into an :class:`Evaluation`: the output
shape, parameter count, multiply-accumulates, other operations, and the formula behind each
number written with the node's own values. Composite blocks (residual, inception) instead
*expand* into an inner graph of leaf blocks, which the analysis evaluates the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

from .params import ParamSpec

Shape = tuple[int, ...]
"""``(C, H, W)`` for an image-shaped tensor, ``(N,)`` for a flat one (the batch is left out)."""

CATEGORIES = (
    "Input",
    "Convolution & pooling",
    "Fully connected",
    "Activations",
    "Normalization & regularization",
    "Merge",
    "Blocks",
)


class Flow(NamedTuple):
    """What travels along an edge: a tensor's shape, receptive field and cumulative stride.

    The receptive field is the side, in input pixels, of the square one value depends on; the
    cumulative stride is how many input pixels one step in this tensor moves.
    """

    shape: Shape
    rf: int = 1
    jump: int = 1


Formula = str | Callable[[], str]
"""A formula, or a function writing it: formulas are only written when someone reads them."""


@dataclass
class Evaluation:
    """The result of one block's arithmetic. ``shape is None`` when it could not be computed.

    ``formulas`` maps a column (output_shape, params, macs, other_ops) to the arithmetic
    behind its number, as text or as a function writing it. It depends only on the block's
    parameters and input shapes, so the analysis may reuse it for identical layers.
    """

    shape: Shape | None
    params: int = 0
    macs: int = 0
    other_ops: int = 0
    formulas: dict[str, Formula] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class InnerNode:
    """One node of a composite block's inner graph; ``inputs`` name inner nodes or ``"in"``."""

    name: str
    type: str
    params: dict[str, Any]
    inputs: tuple[str, ...]


class BlockType:
    """Base class of every block type; subclasses fill in the class attributes and :meth:`infer`."""

    id: str = ""
    title: str = ""
    title_ko: str = ""
    category: str = ""
    description: str = ""
    default_name: str = ""
    params: tuple[ParamSpec, ...] = ()
    min_inputs: int = 1
    max_inputs: int | None = 1
    composite: bool = False
    internal: bool = False
    """Internal blocks only appear inside composite blocks, never in the palette."""

    def spec(self, key: str) -> ParamSpec:
        """The :class:`ParamSpec` named *key*."""
        for spec in self.params:
            if spec.key == key:
                return spec
        raise KeyError(f"{self.id} has no parameter '{key}'")

    def defaults(self) -> dict[str, Any]:
        """A fresh dict of every parameter's default value."""
        return {spec.key: spec.default for spec in self.params}

    def infer(self, params: dict[str, Any], inputs: list[Shape]) -> Evaluation:
        """Output shape and costs for input *shapes* (only called with range-checked params).

        Raises :class:`~cnnstudio.core.windows.ShapeProblem` for inputs the block cannot take.
        """
        raise NotImplementedError

    def window(self, params: dict[str, Any], inputs: list[Shape]) -> tuple[int, int]:
        """``(kernel, stride)`` seen by the receptive field; ``(1, 1)`` keeps it unchanged.

        Merge blocks (Add, Concat) take the largest receptive field of their inputs instead.
        """
        return 1, 1

    def expand(self, params: dict[str, Any], in_shape: Shape) -> list[InnerNode]:
        """Inner graph of a composite block; the last node is its output."""
        raise NotImplementedError

    def summary_text(self, params: dict[str, Any]) -> str:
        """The key settings in a few characters, e.g. ``5x5 s1 same, 6``."""
        return ""

    def param_problems(self, params: dict[str, Any]) -> list[str]:
        """Range problems of every parameter, plus problems between parameters."""
        problems = []
        for spec in self.params:
            problems.extend(spec.problems(params[spec.key]))
        return problems


_REGISTRY: dict[str, BlockType] = {}
"""Filled by :func:`register` while the core's block modules are imported, never after."""
BLOCK_TYPES: Mapping[str, BlockType] = MappingProxyType(_REGISTRY)
"""Every block type by id, in registration order (read-only)."""


def register(cls: type[BlockType]) -> type[BlockType]:
    """Class decorator adding one instance of *cls* to :data:`BLOCK_TYPES`."""
    if cls.id in _REGISTRY:
        raise ValueError(f"two block types are called '{cls.id}'")
    _REGISTRY[cls.id] = cls()
    return cls


def block_type(type_id: str) -> BlockType:
    """The block type with id *type_id*; raises ``KeyError`` with the known ids otherwise."""
    try:
        return BLOCK_TYPES[type_id]
    except KeyError:
        known = ", ".join(sorted(t for t, b in BLOCK_TYPES.items() if not b.internal))
        raise KeyError(f"unknown block type '{type_id}' (known types: {known})") from None


def palette_types() -> list[BlockType]:
    """Every block type a student may place, in palette order."""
    return [b for b in BLOCK_TYPES.values() if not b.internal]


def fmt(number: int) -> str:
    """``120422400`` -> ``"120,422,400"``."""
    return f"{number:,}"


def format_shape(shape: Shape | None, order: str = "hwc") -> str:
    """``(32, 28, 28)`` -> ``"28x28x32"`` (``order="hwc"``, the lecture's) or ``"32x28x28"``."""
    if shape is None:
        return "?"
    if len(shape) == 3 and order == "hwc":
        c, h, w = shape
        return f"{h}x{w}x{c}"
    return "x".join(str(d) for d in shape)


def product(values: tuple[int, ...] | list[int]) -> int:
    """The product of *values* (1 for none)."""
    result = 1
    for value in values:
        result *= value
    return result
