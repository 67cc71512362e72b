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
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from ..core import Network, preset, summarize
from ..core.analysis import Summary
from ..core.counting import weight_layers
from ..core.presets import PRESETS
from ..core.windows import ShapeProblem, resolve_padding
from .quantities import NUMBER, parse_number, parse_shape, shape_text

_SHOWN = rf"(?P<shown>\d+(?:\s*[x×]\s*\d+){{1,2}}|{NUMBER}[x×]?)"
ANNOTATED = re.compile(_SHOWN + r"\{(?P<expr>[^{}\n]*)\}")
"""A number, ratio or shape followed by its annotation in braces."""

NETWORK_QUANTITIES = ("params", "macs", "depth", "weights", "nodes", "output", "input")
LAYER_QUANTITIES = ("shape", "height", "width", "channels", "params", "macs")

_TOKEN = re.compile(
    rf"(?<![A-Za-z0-9_.\-])(?P<token>\d+(?:\s*[x×]\s*\d+){{1,2}}|{NUMBER}[x×]?)(?![A-Za-z0-9_])"
)
_SQUARE = re.compile(r"(\d+)\s*[x×]\s*(\d+)")
_BRACKETS = re.compile(r"(?<=[A-Za-z_])\[[^\[\]\n]*\]")
"""A layer index written after a symbol, as in ``a[l+2]`` or ``W[l]`` (not a link's label)."""
_YEAR = re.compile(r"(?:19|20)\d\d(?=\s*[)\]]|년)")
_LIST_ITEM = re.compile(r"^\s*\d+\.\s", re.MULTILINE)
_SIDES = re.compile(r"=|≈")


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
    figures = [
        Figure(m["shown"], m["expr"].strip(), first_line + text.count("\n", 0, m.start()))
        for m in ANNOTATED.finditer(text)
    ]
    return ANNOTATED.sub(lambda m: m["shown"], text), figures


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
    shown_value = shape_text(value) if isinstance(value, tuple) else _plain(value)
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


def _plain(value: int | Fraction) -> str:
    if isinstance(value, Fraction) and value.denominator == 1:
        value = value.numerator
    return f"{value:,}" if isinstance(value, int) else f"{float(value):,.4f}"


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


# -- arithmetic formulas --------------------------------------------------------------------


def check_arithmetic(line: str) -> str | None:
    """None if the arithmetic sides of the formula *line* agree (or it has fewer than two),
    else the problem. Annotations must already be stripped from *line*."""
    sides = [side.strip() for side in _SIDES.split(line)]
    values = [(side, _arithmetic(side)) for side in sides]
    values = [(side, value) for side, value in values if value is not None]
    if len(values) < 2:
        return None
    reference_side, reference = next(
        ((side, value) for side, value in values if not _rounded_literal(side)), values[0]
    )
    for side, value in values:
        literal = parse_number(side.rstrip("x×"))
        if literal is not None and literal.matches(reference):
            continue
        if literal is None and value == reference:
            continue
        return f"{side} is not {reference_side} (which is {_plain(reference)})"
    return None


def arithmetic_sides(line: str) -> list[tuple[int, int]]:
    """The spans of *line*'s sides (between ``=`` or ``≈`` signs) that are arithmetic."""
    spans, start = [], 0
    for match in [*_SIDES.finditer(line), None]:
        end = match.start() if match else len(line)
        if _arithmetic(line[start:end].strip()) is not None:
            spans.append((start, end))
        start = match.end() if match else end
    return spans


def _rounded_literal(side: str) -> bool:
    literal = parse_number(side.rstrip("x×"))
    return literal is not None and literal.rounded


_ARITHMETIC_TOKEN = re.compile(rf"\s*(?:(?P<number>{NUMBER})|(?P<op>[-+−×*·/÷()]))")


def _arithmetic(text: str) -> Fraction | None:
    """The value of *text* if it is arithmetic on numbers (× * · for times, / ÷ for divide)."""
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _ARITHMETIC_TOKEN.match(text, position)
        if not match:
            return None
        if match["number"]:
            tokens.append(Fraction(parse_number(match["number"]).value))
        else:
            tokens.append({"−": "-", "×": "*", "·": "*", "÷": "/"}.get(match["op"], match["op"]))
        position = match.end()
    if not tokens:
        return None
    try:
        value, rest = _sum(tokens)
    except (IndexError, ValueError, ZeroDivisionError):
        return None
    return value if not rest else None


def _sum(tokens: list) -> tuple[Fraction, list]:
    value, tokens = _product(tokens)
    while tokens and tokens[0] in ("+", "-"):
        op, (right, tokens) = tokens[0], _product(tokens[1:])
        value = value + right if op == "+" else value - right
    return value, tokens


def _product(tokens: list) -> tuple[Fraction, list]:
    value, tokens = _factor(tokens)
    while tokens and tokens[0] in ("*", "/"):
        op, (right, tokens) = tokens[0], _factor(tokens[1:])
        value = value * right if op == "*" else value / right
    return value, tokens


def _factor(tokens: list) -> tuple[Fraction, list]:
    head = tokens[0]
    if head == "(":
        value, rest = _sum(tokens[1:])
        if not rest or rest[0] != ")":
            raise ValueError("unbalanced")
        return value, rest[1:]
    if isinstance(head, Fraction):
        return head, tokens[1:]
    raise ValueError("expected a number")


# -- numbers left unchecked -----------------------------------------------------------------


def number_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of every number, ratio or shape *text* shows as a figure."""
    exempt = [m.span() for pattern in (_BRACKETS, _YEAR, _LIST_ITEM) for m in pattern.finditer(text)]
    found = []
    for match in _TOKEN.finditer(text):
        start, end = match.span("token")
        token = match["token"]
        if token == "0" or _SQUARE.fullmatch(token) or _within(start, end, exempt):
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
            tokens = [t for t in tokens if _within(t[0], t[1], sides)]
            if figures and len(sides) >= 2 and check_arithmetic(line) is None:
                checked += sides
        unchecked += [(index, token) for start, end, token in tokens if not _within(start, end, checked)]
    return unchecked


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


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
    "arithmetic_sides",
    "check_arithmetic",
    "check_figure",
    "check_syntax",
    "figure_value",
    "number_tokens",
    "strip_figures",
    "unchecked_numbers",
]
