"""Numbers and shapes as people write them: ``61,706``, ``13M``, ``9.68``, ``28x28x256``.

A number written in full (``61,706``, ``4096``) means exactly that value. A number written
with a unit (``60k``, ``12.4M``, ``1.6G``; in Korean ``6만``, ``1억``) or with decimals
(``9.68``) is a *rounded* figure: it matches a value that rounds to it at the significant
figures it shows. ``60k`` shows one (61,706 rounds to it), ``120M`` two, ``12.4M`` and ``10.0M``
three. This is how a lesson can say "the lecture's 60k" and be checked against 61,706.

Shapes are written H x W x C, the lecture's order (``28x28x256``, ``×`` and spaces allowed), or as
one length for a flat vector (``9216``); internally they are ``(C, H, W)`` tuples like the core's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

from ..core.blocks import Shape

UNITS = {"k": 10**3, "M": 10**6, "G": 10**9, "만": 10**4, "억": 10**8}
"""Unit suffixes and their values (k, M, G, and the Korean 만 and 억)."""

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[kMG만억](?![A-Za-z]))?"
"""A number as written: digits with optional thousands commas, decimals and one unit."""

_NUMBER = re.compile(rf"\s*({NUMBER})\s*\Z")
_SHAPE_SIDE = re.compile(r"\s*(\d{1,9})\s*\Z")
_TIMES = re.compile(r"[x×]")


@dataclass(frozen=True)
class Number:
    """A number as written, with what it stands for.

    Attributes
    ----------
    text : str
        As written (``"12.4M"``).
    value : Decimal
        Its value (``12400000``).
    rounded : bool
        Whether it is a rounded figure (a unit or decimals) rather than an exact count.
    figures : int
        The significant figures it shows (``60k``: 1, ``120M``: 2, ``10.0M``: 3).
    """

    text: str
    value: Decimal
    rounded: bool
    figures: int

    def matches(self, actual: int | Fraction | Decimal) -> bool:
        """Whether *actual* is this number: equal, or equal once rounded as this one is."""
        exact = _decimal(actual)
        if not self.rounded:
            return exact == self.value
        return round_to_figures(exact, self.figures) == self.value

    def __str__(self) -> str:
        return self.text


def parse_number(text: str) -> Number | None:
    """The :class:`Number` written as *text*, or None if it is not one."""
    match = _NUMBER.match(text)
    if not match:
        return None
    written = match.group(1)
    unit = written[-1] if written[-1] in UNITS else ""
    mantissa = written[: len(written) - len(unit)].replace(",", "")
    value = Decimal(mantissa) * UNITS.get(unit, 1)
    rounded = bool(unit) or "." in mantissa
    return Number(written, value, rounded, significant_figures(mantissa))


def significant_figures(mantissa: str) -> int:
    """Significant figures of a written number: ``"60"`` 1, ``"120"`` 2, ``"10.0"`` 3, ``"0.5"`` 1.

    Trailing zeros of a whole number are taken as placeholders, as in "the lecture's 60M".
    """
    digits = mantissa.replace(".", "").lstrip("0")
    if "." not in mantissa:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def round_to_figures(value: Decimal, figures: int) -> Decimal:
    """*value* rounded to *figures* significant figures (half to even, like Python's round)."""
    if value == 0:
        return value
    with localcontext() as context:
        context.prec = max(figures, 1) + 40
        step = Decimal(1).scaleb(value.adjusted() - figures + 1)
        return value.quantize(step, rounding=ROUND_HALF_EVEN)


def _decimal(value: int | Fraction | Decimal) -> Decimal:
    if isinstance(value, Fraction):
        with localcontext() as context:
            context.prec = 40
            return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


def parse_shape(text: str) -> Shape | None:
    """``"28x28x256"`` -> ``(256, 28, 28)``; ``"9216"`` or ``"9,216"`` -> ``(9216,)``; else None."""
    parts = _TIMES.split(text)
    if len(parts) == 1:
        number = parse_number(text)
        if number is None or number.rounded:
            return None
        return (int(number.value),)
    if len(parts) != 3:
        return None
    sides = [_SHAPE_SIDE.match(part) for part in parts]
    if not all(sides):
        return None
    h, w, c = (int(side.group(1)) for side in sides)
    return c, h, w


def shape_text(shape: Shape | None) -> str:
    """``(256, 28, 28)`` -> ``"28x28x256"`` (the lecture's order), ``(10,)`` -> ``"10"``."""
    if shape is None:
        return "?"
    if len(shape) == 3:
        c, h, w = shape
        return f"{h}x{w}x{c}"
    return "x".join(str(side) for side in shape)


def number_text(value: int | Decimal | float) -> str:
    """``120422400`` -> ``"120,422,400"``; a non-whole value keeps up to four decimals."""
    if isinstance(value, int) or value == int(value):
        return f"{int(value):,}"
    return f"{float(value):,.4f}".rstrip("0")


def value_text(value: int | Fraction | Decimal) -> str:
    """A computed value for a message: ``61,706``, or a ratio to four decimals (``9.6774``)."""
    if isinstance(value, Fraction) and value.denominator == 1:
        value = value.numerator
    return f"{value:,}" if isinstance(value, int) else f"{float(value):,.4f}"


__all__ = [
    "NUMBER",
    "UNITS",
    "Number",
    "number_text",
    "parse_number",
    "parse_shape",
    "round_to_figures",
    "shape_text",
    "significant_figures",
    "value_text",
]
