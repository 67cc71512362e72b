"""Conditions on a network, one per line, as lessons' "Try it" steps and exercises write them.

The language is small on purpose, so a teacher can read and write it without code::

    valid                                the network has no errors
    params < 40M                         total parameters (also: macs, depth, nodes, weight layers)
    depth = 18                           weight layers on the longest path (VGG-16's 16)
    weight layers = 58                   every conv2d and linear layer (see core.counting)
    nodes = 41                           top-level blocks, as the inspector counts them
    output = 28x28x256                   the network's output shape (H x W x C, or a length)
    shape of conv3 = 13x13x384           a layer's output shape (inner layers: inception.5x5)
    params of conv2 = 307,456            a layer's parameters (also: macs of LAYER)
    has conv2d kernel=1 filters=16       a top-level block of that type with those settings
    count residual shortcut=none = 0     how many such top-level blocks there are

Comparisons are ``=``, ``!=``, ``<``, ``<=``, ``>``, ``>=``. Numbers may carry thousands
commas and a unit: ``13M`` is 13,000,000. Settings compare as the block uses them: for a
convolution or a pool, ``padding=same`` and ``padding=2`` are the same thing on a 5x5 kernel.

:func:`parse_condition` raises :class:`ConditionError` for a line it cannot read;
:meth:`Condition.check` returns None when the network meets the condition and otherwise what
is missing, in the student's language.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from ..core import Network, Summary, summarize
from ..core.blocks import BLOCK_TYPES, BlockType, Shape
from ..core.counting import WeightLayers, weight_layers
from ..core.params import PADDING_WORDS, ParamSpec
from ..core.windows import ShapeProblem, resolve_padding
from .messages import say
from .quantities import Number, number_text, parse_number, parse_shape, shape_text

OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "=": operator.eq,
}
TOTALS = ("weight layers", "params", "macs", "depth", "nodes")
LAYER_QUANTITIES = ("shape", "params", "macs")

_COMPARISON = re.compile(r"^(?P<subject>.+?)\s*(?P<op><=|>=|!=|<|>|=)\s*(?P<value>\S.*?)\s*$")
_COUNT = re.compile(r"^(?P<subject>.*\S)\s+(?P<op><=|>=|!=|<|>|=)\s*(?P<value>\S+)$")
"""``count TYPE k=v ... OP N``: the comparison is the last one, after a space."""
_SETTING = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*)=(?P<value>\S+)$")


class ConditionError(ValueError):
    """A condition a teacher wrote that cannot be read; the message says why."""


class Probe:
    """A network and what the conditions ask of it, each worked out once.

    Parameters
    ----------
    network : Network
        The network to check.
    summary : Summary, optional
        Its analysis, if the caller has it.
    """

    def __init__(self, network: Network, summary: Summary | None = None) -> None:
        self.network = network
        self._summary = summary

    @cached_property
    def summary(self) -> Summary:
        return self._summary if self._summary is not None else summarize(self.network)

    @cached_property
    def weights(self) -> WeightLayers:
        return weight_layers(self.network, self.summary)

    @cached_property
    def rows(self) -> dict[str, Any]:
        """Every row of the table by its path (``conv3``, ``inception.5x5``)."""
        return {row.path: row for row in self.summary.all_rows()}

    def total(self, quantity: str) -> int:
        """A network-wide count (one of :data:`TOTALS`)."""
        return {
            "params": lambda: self.summary.totals.params,
            "macs": lambda: self.summary.totals.macs,
            "depth": lambda: self.weights.depth,
            "weight layers": lambda: self.weights.total,
            "nodes": lambda: len(self.network),
        }[quantity]()


class Condition:
    """One parsed condition; each kind has a ``text`` field, the line as written."""

    def check(self, probe: Probe, lang: str = "en") -> str | None:
        """None if *probe*'s network meets the condition, else what is missing, in *lang*."""
        raise NotImplementedError

    def numbers(self) -> list[Number]:
        """The numbers the condition mentions (a step's goal text must agree with them)."""
        return []


@dataclass(frozen=True)
class Valid(Condition):
    text: str = "valid"

    def check(self, probe, lang="en"):
        errors = probe.summary.errors
        if errors:
            return say(lang, "invalid", error=errors[0])
        dangling = next((row.name for row in probe.summary.rows if row.dangling), None)
        return say(lang, "dangling", name=dangling) if dangling else None


@dataclass(frozen=True)
class Total(Condition):
    text: str
    quantity: str
    op: str
    bound: Number

    def check(self, probe, lang="en"):
        actual = probe.total(self.quantity)
        if OPERATORS[self.op](Decimal(actual), self.bound.value):
            return None
        what = say(lang, f"q_{self.quantity}")
        return say(
            lang, "total", what=what, actual=number_text(actual), goal=_goal(lang, self.op, self.bound)
        )

    def numbers(self):
        return [self.bound]


@dataclass(frozen=True)
class Output(Condition):
    text: str
    op: str
    shape: Shape

    def check(self, probe, lang="en"):
        row_id = probe.summary.output_node
        if row_id is None:
            return say(lang, "no_output")
        actual = probe.summary.output_shape
        if actual is not None and OPERATORS[self.op](actual, self.shape):
            return None
        goal = _goal(lang, self.op, shape_text(self.shape))
        return say(lang, "output", actual=shape_text(actual), goal=goal)

    def numbers(self):
        return _shape_numbers(self.shape)


@dataclass(frozen=True)
class LayerValue(Condition):
    text: str
    quantity: str
    layer: str
    op: str
    expected: Shape | Number

    def check(self, probe, lang="en"):
        row = probe.rows.get(self.layer)
        if row is None:
            return say(lang, "no_layer", name=self.layer)
        if row.shape is None:
            return say(lang, "unknown_shape", name=self.layer)
        if self.quantity == "shape":
            actual, shown, goal = row.shape, shape_text(row.shape), shape_text(self.expected)
            met = OPERATORS[self.op](actual, self.expected)
        else:
            actual = getattr(row, self.quantity)
            shown, goal = number_text(actual), self.expected
            met = OPERATORS[self.op](Decimal(actual), self.expected.value)
        if met:
            return None
        what = say(lang, f"l_{self.quantity}")
        return say(lang, "layer", name=self.layer, what=what, actual=shown, goal=_goal(lang, self.op, goal))

    def numbers(self):
        if self.quantity == "shape":
            return _shape_numbers(self.expected)
        return [self.expected]


@dataclass(frozen=True)
class Blocks(Condition):
    """``has TYPE k=v...`` (at least one) or ``count TYPE k=v... OP N``."""

    text: str
    block: str
    settings: tuple[tuple[str, Any], ...]
    op: str = ">="
    count: Number | None = None

    def matching(self, network: Network) -> int:
        """How many top-level blocks of this type have these settings."""
        return sum(
            node.type == self.block and _settings_match(node.params, self.settings) for node in network.nodes
        )

    def check(self, probe, lang="en"):
        actual = self.matching(probe.network)
        title = BLOCK_TYPES[self.block].title
        shown = _settings_text(self.settings)
        if self.count is None:
            if actual:
                return None
            return (
                say(lang, "has", block=title, settings=shown) if shown else say(lang, "has_any", block=title)
            )
        if OPERATORS[self.op](Decimal(actual), self.count.value):
            return None
        with_settings = say(lang, "with_settings", settings=shown) if shown else ""
        goal = _goal(lang, self.op, self.count)
        return say(lang, "count", block=title, settings=with_settings, actual=actual, goal=goal)

    def numbers(self):
        found = [
            parse_number(str(v)) for _, v in self.settings if isinstance(v, int) and not isinstance(v, bool)
        ]
        return [n for n in found if n] + ([self.count] if self.count else [])


def parse_condition(text: str) -> Condition:
    """The :class:`Condition` written as *text*; :class:`ConditionError` saying why not."""
    line = " ".join(text.split())
    if not line:
        raise ConditionError("the condition is empty")
    if line == "valid":
        return Valid()
    head, _, rest = line.partition(" ")
    if head == "has":
        block, settings = _block_and_settings(rest, line)
        return Blocks(line, block, settings)
    if head == "count":
        match = _COUNT.match(rest)
        if not match:
            raise ConditionError(f"'{line}' needs a comparison at the end, like 'count residual = 3'")
        block, settings = _block_and_settings(match["subject"], line)
        return Blocks(line, block, settings, match["op"], _number(match["value"], line))
    return _comparison(line)


def _comparison(line: str) -> Condition:
    match = _COMPARISON.match(line)
    if not match:
        raise ConditionError(
            f"cannot read '{line}': a condition is 'valid', 'has TYPE ...', 'count TYPE ... = N' "
            f"or a comparison such as 'macs < 13M' or 'output = 28x28x256'"
        )
    subject, op, value = match["subject"], match["op"], match["value"]
    if subject in TOTALS:
        return Total(line, subject, op, _number(value, line))
    if subject == "output":
        return Output(line, _equality(op, line), _shape(value, line))
    quantity, of, layer = subject.partition(" of ")
    if of and quantity in LAYER_QUANTITIES and layer:
        if quantity == "shape":
            return LayerValue(line, quantity, layer, _equality(op, line), _shape(value, line))
        return LayerValue(line, quantity, layer, op, _number(value, line))
    known = ", ".join([*TOTALS, "output", *(f"{q} of LAYER" for q in LAYER_QUANTITIES)])
    raise ConditionError(f"'{line}': cannot compare '{subject}' (known: {known})")


def _block_and_settings(text: str, line: str) -> tuple[str, tuple[tuple[str, Any], ...]]:
    words = text.split()
    if not words:
        raise ConditionError(f"'{line}' needs a block type, like 'has conv2d kernel=1'")
    type_id = words[0]
    block = BLOCK_TYPES.get(type_id)
    if block is None or block.internal:
        known = ", ".join(t for t, b in BLOCK_TYPES.items() if not b.internal)
        raise ConditionError(f"'{line}': unknown block type '{type_id}' (known: {known})")
    return type_id, tuple(_setting(block, word, line) for word in words[1:])


def _setting(block: BlockType, word: str, line: str) -> tuple[str, Any]:
    match = _SETTING.match(word)
    if not match:
        raise ConditionError(f"'{line}': '{word}' is not a setting written key=value, like filters=16")
    key, text = match["key"], match["value"]
    try:
        spec = block.spec(key)
    except KeyError:
        known = ", ".join(s.key for s in block.params) or "none"
        raise ConditionError(
            f"'{line}': {block.title} has no setting '{key}' (its settings: {known})"
        ) from None
    return key, _setting_value(spec, text, line)


def _setting_value(spec: ParamSpec, text: str, line: str) -> Any:
    try:
        if spec.kind == "bool" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if spec.kind == "padding" and text.lower() in PADDING_WORDS:
            return text.lower()
        if spec.kind in ("int", "padding") and text.isascii() and text.isdigit() and len(text) < 10:
            return int(text)
        if spec.kind == "float":
            return spec.coerce(float(text))
        if spec.kind == "choice":
            return spec.coerce(text)
    except ValueError:
        pass
    raise ConditionError(f"'{line}': '{text}' is not a value {spec.key} can take")


def _number(text: str, line: str) -> Number:
    number = parse_number(text)
    if number is None:
        raise ConditionError(f"'{line}': '{text}' is not a number (write 13000000, 13,000,000 or 13M)")
    return number


def _shape(text: str, line: str) -> Shape:
    shape = parse_shape(text)
    if shape is None:
        raise ConditionError(
            f"'{line}': '{text}' is not a shape (write H x W x C, like 28x28x256, or a length)"
        )
    return shape


def _equality(op: str, line: str) -> str:
    if op not in ("=", "!="):
        raise ConditionError(f"'{line}': shapes can only be compared with = or !=")
    return op


def _goal(lang: str, op: str, value: object) -> str:
    shown = number_text(value.value) if isinstance(value, Number) else value
    return say(lang, f"op_{op}", n=shown)


def _settings_match(params: dict[str, Any], wanted: tuple[tuple[str, Any], ...]) -> bool:
    return all(
        _effective(key, params.get(key), params) == _effective(key, value, params) for key, value in wanted
    )


def _effective(key: str, value: Any, params: dict[str, Any]) -> Any:
    """A setting as the block uses it: padding in pixels where the kernel decides it."""
    if key != "padding" or "kernel" not in params:
        return value
    try:
        return resolve_padding(value, params["kernel"])
    except ShapeProblem:
        return value


def _settings_text(settings: tuple[tuple[str, Any], ...]) -> str:
    return ", ".join(f"{key}={_value_text(value)}" for key, value in settings)


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _shape_numbers(shape: Shape) -> list[Number]:
    return [parse_number(str(side)) for side in shape]


__all__ = [
    "OPERATORS",
    "Condition",
    "ConditionError",
    "Probe",
    "parse_condition",
]
