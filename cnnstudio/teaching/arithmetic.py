"""The arithmetic of a formula line, checked: ``28×28×32 × 5×5×192 = 120,422,400``.

A formula line is split at its ``=`` and ``≈`` signs into sides. A side is *arithmetic* when it
holds only numbers (as :mod:`~cnnstudio.teaching.quantities` reads them), ``+ - −``, ``× * ·``,
``/ ÷`` and parentheses; other sides (``a[l+2]``, ``(H + 2p − f)/s + 1``) are notation. The
arithmetic sides of a line must agree: exactly, or, for a rounded figure such as ``≈ 2.4M`` or
``= 9.68``, once the value is rounded as the figure is.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .quantities import NUMBER, parse_number, value_text

MAX_FORMULA_CHARS = 2_000
"""A longer side is not read as arithmetic (a formula fits on one line)."""

_SIDES = re.compile(r"=|≈")
_TOKEN = re.compile(rf"\s*(?:(?P<number>{NUMBER})|(?P<op>[-+−×*·/÷()]))")
_OPERATORS = {"−": "-", "×": "*", "·": "*", "÷": "/"}


def check_arithmetic(line: str) -> str | None:
    """None if the arithmetic sides of the formula *line* agree (or it has fewer than two),
    else the problem in words."""
    values = [(side, evaluate(side)) for side in (side.strip() for side in _SIDES.split(line))]
    values = [(side, value) for side, value in values if value is not None]
    if len(values) < 2:
        return None
    reference_side, reference = next(
        ((side, value) for side, value in values if not _rounded_literal(side)), values[0]
    )
    for side, value in values:
        literal = parse_number(side.rstrip("x×"))
        if (literal is not None and literal.matches(reference)) or (literal is None and value == reference):
            continue
        return f"{side} is not {reference_side} (which is {value_text(reference)})"
    return None


def arithmetic_sides(line: str) -> list[tuple[int, int]]:
    """The spans of *line*'s sides that are arithmetic."""
    spans, start = [], 0
    for match in [*_SIDES.finditer(line), None]:
        end = match.start() if match else len(line)
        if evaluate(line[start:end].strip()) is not None:
            spans.append((start, end))
        start = match.end() if match else end
    return spans


def evaluate(text: str) -> Fraction | None:
    """The exact value of *text* if it is arithmetic on numbers, else None."""
    text = text.rstrip()
    if not text or len(text) > MAX_FORMULA_CHARS:
        return None
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            return None
        if match["number"]:
            tokens.append(Fraction(parse_number(match["number"]).value))
        else:
            tokens.append(_OPERATORS.get(match["op"], match["op"]))
        position = match.end()
    try:
        return _Expression(tokens).value()
    except (ValueError, ZeroDivisionError, RecursionError):
        return None


def _rounded_literal(side: str) -> bool:
    literal = parse_number(side.rstrip("x×"))
    return literal is not None and literal.rounded


class _Expression:
    """Recursive descent over the tokens: sums of products of numbers and bracketed sums."""

    def __init__(self, tokens: list) -> None:
        self.tokens = tokens
        self.at = 0

    def value(self) -> Fraction:
        result = self._sum()
        if self.at != len(self.tokens):
            raise ValueError("left over")
        return result

    def _peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self):
        token = self._peek()
        if token is None:
            raise ValueError("cut short")
        self.at += 1
        return token

    def _sum(self) -> Fraction:
        result = self._product()
        while self._peek() in ("+", "-"):
            result = result + self._product() if self._take() == "+" else result - self._product()
        return result

    def _product(self) -> Fraction:
        result = self._factor()
        while self._peek() in ("*", "/"):
            result = result * self._factor() if self._take() == "*" else result / self._factor()
        return result

    def _factor(self) -> Fraction:
        token = self._take()
        if isinstance(token, Fraction):
            return token
        if token == "(":
            inner = self._sum()
            if self._take() != ")":
                raise ValueError("unbalanced")
            return inner
        raise ValueError("expected a number")


__all__ = ["MAX_FORMULA_CHARS", "arithmetic_sides", "check_arithmetic", "evaluate"]
