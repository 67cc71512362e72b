"""Checked figures: numbers in a lesson that the app's own arithmetic vouches for.

A lesson may follow a number with an *annotation* in braces saying where the number comes
from; the braces are never shown, and :func:`check_figure` compares the number with the core's
computation::

    LeNet-5 has 61,706{lenet5 params} parameters; the lecture rounds it to 60k{lenet5 params}.
    AlexNet's conv3 gives 13x13x384{alexnet conv3 shape} with 3x3{alexnet conv3 kernel} filters.
    The bottleneck is 9.68x{conv5x5-naive macs / conv5x5-bottleneck macs} cheaper.

An annotation is ``PRESET QUANTITY``, ``PRESET LAYER QUANTITY``, ``PRESET count TYPE`` or two of
them divided by ``/`` (a ratio). Network quantities: ``params``, ``macs``, ``depth`` and
``weights`` (weight layers on the longest path and in all, see :mod:`cnnstudio.core.counting`),
``nodes`` (blocks), ``output`` and ``input`` (shapes). Layer quantities (``LAYER`` as the table
names it, ``inception.5x5`` inside a block): ``shape``, ``height``, ``width``, ``channels``,
``params``, ``macs``, and any setting of a top-level layer (``filters``, ``kernel``, ``stride``,
``units``...). A number written in full must equal the value; a rounded one (``60k``,
``12.4M``, ``9.68x``) must be the value rounded to the figures it shows
(:mod:`~cnnstudio.teaching.quantities`).

A formula line whose sides are arithmetic (``28×28×32 × 5×5×192 = 120,422,400``) is checked too:
its sides must agree, and one of its numbers must carry an annotation, which ties the
arithmetic to the network.

:func:`unchecked_numbers` finds the numbers a text shows without such a check, leaving out what
is not a figure: digits that are part of a name (LeNet-5, conv1, inception 3a), filter sizes
written as a square (3x3), layer indices in brackets after a symbol (``a[l+2]``), the years of citations
("(LeCun et al., 1998)", "1998년"), the numbers of an ordered Markdown list, and zero, which
in a lesson is a value ("weights of 0", "pad with 0"), not a measurement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from ..core import Network, preset, summarize
from ..core.analysis import Summary
from ..core.counting import weight_layers
from ..core.presets import PRESETS
from ..core.windows import ShapeProblem, resolve_padding
from .arithmetic import arithmetic_sides, check_arithmetic
from .quantities import NUMBER, parse_number, parse_shape, shape_text, value_text

_SHOWN = rf"(?<![\d,.])(?P<shown>\d+(?: ?[x×] ?\d+){{1,2}}|{NUMBER}[x×]?)"
ANNOTATED = re.compile(_SHOWN + r"\{(?P<expr>[^{}\n]{1,200})\}")
"""A number, ratio or shape followed by its annotation in braces."""

NETWORK_QUANTITIES = ("params", "macs", "depth", "weights", "nodes", "output", "input")
LAYER_QUANTITIES = ("shape", "height", "width", "channels", "params", "macs")

_TOKEN = re.compile(
    rf"(?<![A-Za-z0-9_.,\-])(?P<token>\d+(?: ?[x×] ?\d+){{1,2}}|{NUMBER}[x×]?)(?![A-Za-z0-9_])"
)
_SQUARE = re.compile(r"(\d+) ?[x×] ?(\d+)")
_BRACKETS = re.compile(r"(?<=[A-Za-z_])\[[^\[\]\n]{0,100}\]")
"""A layer index written after a symbol, as in ``a[l+2]`` or ``W[l]`` (not a link's label)."""
_YEAR = re.compile(r"(?:19|20)\d\d(?=\s*[)\]]|년)")
_LIST_ITEM = re.compile(r"^\s*\d+\.\s", re.MULTILINE)


class FigureError(ValueError):
    """An annotation that cannot be worked out (an unknown preset, layer or quantity)."""


@dataclass(frozen=True)
class Figure:
    """A checked number: as shown, its annotation, and the line of the file it is on."""

    shown: str
    expression: str
    line: int


def strip_figures(text: str, first_line: int = 1) -> tuple[str, list[Figure]]:
    """*text* without its annotations, and the figures they annotate.

    *first_line* is the file's line number of the text's first line.
    """
    line_of = line_finder(text, first_line)
    figures = [Figure(m["shown"], m["expr"].strip(), line_of(m.start())) for m in ANNOTATED.finditer(text)]
    return ANNOTATED.sub(lambda m: m["shown"], text), figures


def line_finder(text: str, first_line: int = 1) -> Callable[[int], int]:
    """A function giving the line number of a position in *text*, whose first line is
    *first_line* (found by bisection, so many lookups in a long text stay cheap)."""
    breaks = [i for i, char in enumerate(text) if char == "\n"]
    return lambda position: first_line + bisect_left(breaks, position)


def check_syntax(expression: str) -> None:
    """Raise :class:`FigureError` if *expression* is not an annotation (presets are checked
    by name; layers only by :func:`figure_value`, which builds the network)."""
    for reference in _references(expression):
        _split_reference(reference)


def figure_value(expression: str) -> int | Fraction | tuple[int, ...]:
    """What *expression* stands for, computed by the core."""
    references = _references(expression)
    values = [_reference_value(reference) for reference in references]
    if len(values) == 1:
        return values[0]
    numerator, denominator = values
    if isinstance(numerator, tuple) or isinstance(denominator, tuple) or not denominator:
        raise FigureError(f"'{expression}': a ratio needs two numbers, the second not zero")
    return Fraction(numerator) / Fraction(denominator)


def check_figure(figure: Figure) -> str | None:
    """None if *figure* shows what its annotation computes, else the problem in words."""
    try:
        value = figure_value(figure.expression)
    except FigureError as error:
        return str(error)
    if agrees(figure.shown, value):
        return None
    shown_value = shape_text(value) if isinstance(value, tuple) else value_text(value)
    return f"{figure.shown} does not match {{{figure.expression}}}, which is {shown_value}"


def agrees(shown: str, value: int | Fraction | tuple[int, ...]) -> bool:
    """Whether the number, ratio or shape written as *shown* is *value*."""
    if isinstance(value, tuple):
        return parse_shape(shown) == value
    square = _SQUARE.fullmatch(shown)
    if square:
        return int(square[1]) == int(square[2]) == value
    number = parse_number(shown.rstrip("x×"))
    return number is not None and number.matches(value)


# -- references -----------------------------------------------------------------------------


def _references(expression: str) -> list[str]:
    references = [part.strip() for part in expression.split("/")]
    if not 1 <= len(references) <= 2 or not all(references):
        raise FigureError(f"'{expression}' is not PRESET [LAYER] QUANTITY, or two of them divided by /")
    return references


def _split_reference(reference: str) -> tuple[str, str | None, str]:
    """``(preset, layer or None, quantity)``; for ``PRESET count TYPE`` the layer is ``count``."""
    words = reference.split()
    if not words or words[0] not in PRESETS:
        raise FigureError(f"'{reference}': '{words[0] if words else ''}' is not a preset id")
    if len(words) == 2 and words[1] in NETWORK_QUANTITIES:
        return words[0], None, words[1]
    if len(words) == 3:
        return words[0], words[1], words[2]
    known = ", ".join(NETWORK_QUANTITIES)
    raise FigureError(
        f"'{reference}' is not PRESET QUANTITY ({known}), PRESET LAYER QUANTITY or PRESET count TYPE"
    )


def _reference_value(reference: str) -> int | tuple[int, ...]:
    preset_id, layer, quantity = _split_reference(reference)
    network, summary = _analysed(preset_id)
    if layer is None:
        return _network_value(network, summary, quantity)
    if layer == "count":
        return sum(node.type == quantity for node in network.nodes)
    return _layer_value(network, summary, layer, quantity, reference)


@cache
def _analysed(preset_id: str) -> tuple[Network, Summary]:
    network = preset(preset_id)
    return network, summarize(network)


def _network_value(network: Network, summary: Summary, quantity: str) -> int | tuple[int, ...]:
    values: dict[str, Any] = {
        "params": lambda: summary.totals.params,
        "macs": lambda: summary.totals.macs,
        "depth": lambda: weight_layers(network, summary).depth,
        "weights": lambda: weight_layers(network, summary).total,
        "nodes": lambda: len(network),
        "output": lambda: summary.output_shape,
        "input": lambda: summary.input_shape,
    }
    return values[quantity]()


def _layer_value(network: Network, summary: Summary, layer: str, quantity: str, reference: str):
    row = next((r for r in summary.all_rows() if r.path == layer), None)
    if row is None:
        raise FigureError(f"'{reference}': {network.name} has no layer '{layer}'")
    if quantity in ("shape", "params", "macs"):
        return getattr(row, quantity)
    sides = {"channels": 0, "height": 1, "width": 2}
    if quantity in sides and row.shape is not None and len(row.shape) == 3:
        return row.shape[sides[quantity]]
    node = network.find(layer)
    if node is None or quantity not in node.params:
        known = ", ".join(LAYER_QUANTITIES + (tuple(node.params) if node else ()))
        raise FigureError(f"'{reference}': '{quantity}' is not something {layer} has (it has: {known})")
    value = node.params[quantity]
    if quantity == "padding":
        try:
            value = resolve_padding(value, node.params["kernel"])
        except ShapeProblem as problem:
            raise FigureError(f"'{reference}': {problem}") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise FigureError(f"'{reference}': {layer}'s {quantity} is {value!r}, not a number")
    return value


# -- numbers left unchecked -----------------------------------------------------------------


def number_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of every number, ratio or shape *text* shows as a figure."""
    exempt = _Spans(m.span() for pattern in (_BRACKETS, _YEAR, _LIST_ITEM) for m in pattern.finditer(text))
    found = []
    for match in _TOKEN.finditer(text):
        start, end = match.span("token")
        token = match["token"]
        if token == "0" or _SQUARE.fullmatch(token) or exempt.cover(start, end):
            continue
        found.append((start, end, token))
    return found


def unchecked_numbers(raw: str, formula: bool = False) -> list[tuple[int, str]]:
    """The figures *raw* (a lesson's text, annotations included) shows without a check, as
    ``(line index within raw, figure)``.

    With *formula*, each line is a formula: only its arithmetic sides show figures (the
    numbers of a side with symbols, like ``(H + 2p − f)/s + 1``, are notation), and they count
    as checked when two or more sides are arithmetic, they agree, and the line carries an
    annotation.
    """
    unchecked = []
    for index, raw_line in enumerate(raw.split("\n")):
        line, figures = strip_figures(raw_line)
        checked = _annotated_spans(raw_line)
        tokens = number_tokens(line)
        if formula:
            sides = arithmetic_sides(line)
            tokens = [t for t in tokens if _Spans(sides).cover(t[0], t[1])]
            if figures and len(sides) >= 2 and check_arithmetic(line) is None:
                checked += sides
        covered = _Spans(checked)
        unchecked += [(index, token) for start, end, token in tokens if not covered.cover(start, end)]
    return unchecked


class _Spans:
    """Spans of a text, merged, answering "is this span inside one of them?" by bisection."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def cover(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


def _annotated_spans(raw: str) -> list[tuple[int, int]]:
    """Spans, in the stripped text, of the annotated figures of *raw*."""
    spans, removed = [], 0
    for match in ANNOTATED.finditer(raw):
        start = match.start() - removed
        spans.append((start, start + len(match["shown"])))
        removed += len(match[0]) - len(match["shown"])
    return spans


__all__ = [
    "ANNOTATED",
    "Figure",
    "FigureError",
    "agrees",
    "check_figure",
    "check_syntax",
    "figure_value",
    "line_finder",
    "number_tokens",
    "strip_figures",
    "unchecked_numbers",
]
