"""What a usable name, node id, position and setting value is: the rules every edit obeys.

:class:`~cnnstudio.core.graph.Network` checks each edit with these functions, whoever makes it
(the editor, the file loader, the Python API), so a network never holds a value it could not
save or load back.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from .blocks import BlockType
from .params import ParamSpec

MAX_NAME_LENGTH = 120
"""The longest name a layer or a network may have, in characters."""
MAX_NUMBER = 10**15
"""No setting is ever meaningful beyond this; larger numbers are refused outright."""
UNTITLED = "Untitled"


class EditError(ValueError):
    """An edit the graph refuses; the message says why in words a student understands."""


def checked_name(name: Any, what: str) -> str:
    """*name* without surrounding spaces, or :class:`EditError` if it cannot be used.

    A name must be text, not blank, at most :data:`MAX_NAME_LENGTH` characters, and hold no
    control characters or lone surrogates (which no file could store).
    """
    if not isinstance(name, str):
        raise EditError(f"{what} name must be text, got {type(name).__name__}")
    name = name.strip()
    if not name:
        raise EditError(f"{what} needs a name")
    if len(name) > MAX_NAME_LENGTH:
        raise EditError(f"{what} name may be at most {MAX_NAME_LENGTH} characters, got {len(name):,}")
    problem = _text_problem(name)
    if problem:
        raise EditError(f"{what} name cannot hold {problem}")
    return name


def lenient_network_name(name: Any) -> str:
    """The network's name as given, made usable: blank becomes "Untitled", unusable characters
    become U+FFFD, and it is cut at :data:`MAX_NAME_LENGTH` (a constructor never refuses)."""
    text = name.strip() if isinstance(name, str) else ""
    text = "".join("\ufffd" if _bad_char(c) else c for c in text)[:MAX_NAME_LENGTH].strip()
    return text or UNTITLED


def _bad_char(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs")


def _text_problem(text: str) -> str:
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":
            return "a lone surrogate character (text that cannot be saved)"
        if category == "Cc":
            return f"control characters such as {char!r}"
    return ""


def check_id(node_id: Any) -> None:
    if not isinstance(node_id, str) or not node_id.strip():
        raise EditError(f"a node id must be non-blank text, got {node_id!r}")
    if len(node_id) > MAX_NAME_LENGTH:
        raise EditError(f"a node id may be at most {MAX_NAME_LENGTH} characters")
    problem = _text_problem(node_id)
    if problem:
        raise EditError(f"a node id cannot hold {problem}")


def checked_position(pos: Any) -> tuple[float, float] | None:
    """*pos* as two finite floats (or None), or :class:`EditError`."""
    if pos is None:
        return None
    try:
        x, y = pos
        point = (float(x), float(y))
    except (TypeError, ValueError, OverflowError):
        raise EditError(f"a position must be two numbers, got {pos!r}") from None
    if isinstance(x, bool) or isinstance(y, bool) or not all(map(math.isfinite, point)):
        raise EditError(f"a position must be two finite numbers, got {pos!r}")
    return point


def checked_value(block: BlockType, key: str, value: Any) -> Any:
    """*value* for *block*'s setting *key*, in the setting's type and range, or :class:`EditError`
    saying what is allowed."""
    spec = _param_spec(block, key)
    numeric = spec.kind in ("int", "float", "padding")
    if _too_large(value):  # checked first: such a number cannot even be written in a message
        if numeric:
            raise EditError(f"{spec.label.lower()} is far too large; {_range_words(spec)}")
        expected = f"one of {', '.join(spec.choices)}" if spec.choices else "true or false"
        raise EditError(f"{spec.label.lower()} must be {expected}, not a number")
    try:
        coerced = spec.coerce(value)
    except OverflowError:
        raise EditError(f"{spec.label.lower()} is far too large; {_range_words(spec)}") from None
    except (ValueError, TypeError) as error:
        raise EditError(str(error)) from None
    if numeric and _too_large(coerced):
        raise EditError(f"{spec.label.lower()} is far too large; {_range_words(spec)}")
    problems = spec.problems(coerced)
    if problems:
        raise EditError(problems[0])
    return coerced


def _too_large(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return False
    return abs(value) > MAX_NUMBER


def _range_words(spec: ParamSpec) -> str:
    if spec.minimum is None or spec.maximum is None:
        return "use a smaller one"
    return f"it must be between {spec.minimum:,g} and {spec.maximum:,g}"


def _param_spec(block: BlockType, key: str) -> ParamSpec:
    try:
        return block.spec(key)
    except KeyError:
        known = ", ".join(s.key for s in block.params) or "none"
        raise EditError(f"{block.title} has no setting '{key}' (its settings: {known})") from None
