"""Typed, validated block parameters.

A :class:`ParamSpec` describes one setting of a block (its type, default, range and help text).
It does two different jobs:

* :meth:`ParamSpec.coerce` checks the *type* of a value read from a file or typed by a user and
  raises :class:`ParamTypeError` with a message naming the field when the value cannot be used;
* :meth:`ParamSpec.problems` checks the *range* of a value that has the right type and returns
  student-readable problems, which the analysis attaches to the node instead of raising.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

PADDING_WORDS = ("same", "valid")


class ParamTypeError(ValueError):
    """A parameter value has a type that cannot be used at all (e.g. ``"abc"`` for a kernel)."""


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a block type.

    Parameters
    ----------
    key : str
        Name used in files, the CLI and the Python API (``"kernel"``).
    label : str
        Short label for the inspector (``"Kernel size"``).
    kind : str
        ``"int"``, ``"float"``, ``"bool"``, ``"choice"`` or ``"padding"``
        (``"same"``, ``"valid"`` or an int).
    default : Any
        The value a new block gets.
    minimum, maximum : float, optional
        Inclusive bounds for numbers (and for the int form of padding).
    choices : tuple of str
        Allowed values of a ``"choice"`` parameter.
    help : str
        One sentence shown as a tooltip.
    """

    key: str
    label: str
    kind: str
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = field(default_factory=tuple)
    help: str = ""

    def coerce(self, value: Any) -> Any:
        """Return *value* in this parameter's type, or raise :class:`ParamTypeError`."""
        coerce = _COERCERS[self.kind]
        return coerce(self, value)

    def problems(self, value: Any) -> list[str]:
        """Range problems of a correctly typed *value*, in words a student understands."""
        if self.kind == "choice":
            if value not in self.choices:
                return [f"{self.label.lower()} must be one of {', '.join(self.choices)}"]
            return []
        if self.kind == "bool" or (self.kind == "padding" and value in PADDING_WORDS):
            return []
        return self._range_problems(value)

    def _range_problems(self, value: float) -> list[str]:
        name = self.label.lower()
        if self.minimum is not None and value < self.minimum:
            return [f"{name} must be at least {_number(self.minimum)}, got {_number(value)}"]
        if self.maximum is not None and value > self.maximum:
            return [f"{name} must be at most {_number(self.maximum)}, got {_number(value)}"]
        return []


def _number(value: float) -> str:
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    if abs(value) >= 10**15:  # huge whole numbers: their length says enough
        sign = "a negative" if value < 0 else "a"
        return f"{sign} number with about {int(abs(value).bit_length() * 0.30103) + 1:,} digits"
    return f"{value:,}"


def shown(value: Any, limit: int = 40) -> str:
    """*value* for a one-line message: short, whatever it is (a 5,000-digit number, a long text)."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, float):
        return repr(value) if not math.isfinite(value) or abs(value) < 1e15 else f"{value:g}"
    if isinstance(value, int):
        return _number(value)
    if isinstance(value, str):
        text = repr(value[:limit])
        return text[:-1] + "…'" if len(value) > limit else text
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)[:limit]


def _coerce_int(spec: ParamSpec, value: Any) -> int:
    integral = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if isinstance(value, bool) or not integral:
        raise ParamTypeError(f"'{spec.key}' must be a whole number, got {shown(value)}")
    return int(value)


def _coerce_float(spec: ParamSpec, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParamTypeError(f"'{spec.key}' must be a number, got {shown(value)}")
    try:
        number = float(value)
    except OverflowError:
        raise ParamTypeError(f"'{spec.key}' must be a number of a usable size, got {shown(value)}") from None
    if not math.isfinite(number):
        raise ParamTypeError(f"'{spec.key}' must be a finite number, got {shown(value)}")
    return number


def _coerce_bool(spec: ParamSpec, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ParamTypeError(f"'{spec.key}' must be true or false, got {shown(value)}")
    return value


def _coerce_choice(spec: ParamSpec, value: Any) -> str:
    if not isinstance(value, str) or value not in spec.choices:
        allowed = ", ".join(spec.choices)
        raise ParamTypeError(f"'{spec.key}' must be one of {allowed}, got {shown(value)}")
    return value


def _coerce_padding(spec: ParamSpec, value: Any) -> str | int:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in PADDING_WORDS:
            return word
        digits = word.lstrip("0") or "0"
        if word.isascii() and word.isdigit() and len(digits) <= _TEXT_DIGITS:
            return int(digits)
        raise ParamTypeError(f"'{spec.key}' must be 'same', 'valid' or a whole number, got {shown(value)}")
    return _coerce_int(spec, value)


_TEXT_DIGITS = 100
"""Whole numbers typed as text are read up to this many digits (a range check then refuses them)."""


_COERCERS = MappingProxyType(
    {
        "int": _coerce_int,
        "float": _coerce_float,
        "bool": _coerce_bool,
        "choice": _coerce_choice,
        "padding": _coerce_padding,
    }
)


def int_param(key: str, label: str, default: int, minimum: int, maximum: int, help: str) -> ParamSpec:
    """A whole-number parameter."""
    return ParamSpec(key, label, "int", default, minimum, maximum, help=help)


def float_param(key: str, label: str, default: float, minimum: float, maximum: float, help: str) -> ParamSpec:
    """A real-number parameter."""
    return ParamSpec(key, label, "float", default, minimum, maximum, help=help)


def bool_param(key: str, label: str, default: bool, help: str) -> ParamSpec:
    """An on/off parameter."""
    return ParamSpec(key, label, "bool", default, help=help)


def choice_param(key: str, label: str, default: str, choices: tuple[str, ...], help: str) -> ParamSpec:
    """A parameter with a fixed set of named values."""
    return ParamSpec(key, label, "choice", default, choices=choices, help=help)


def padding_param(default: str | int, help: str) -> ParamSpec:
    """Padding: ``'same'``, ``'valid'`` or a number of pixels on each side."""
    return ParamSpec("padding", "Padding", "padding", default, 0, 255, help=help)
