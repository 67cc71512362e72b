"""Message templates: an English pattern with named fields, matched against finished text.

An English template such as ``"{what:m} name may be at most {limit:n} characters, got {count:n}"``
is a sequence of literal parts and fields; it matches a message when the literals appear in
order and each field's text is of the field's kind:

=========  ===================================================================================
``{x}``    any text, kept as it is (a layer's name, a file name, a list of ids)
``{x:n}``  a number as the core writes it: ``61,706``, ``-3``, ``0.0001``, ``1e+20``, ``12.5%``
``{x:s}``  a shape or a size: ``28x28x6``, ``400``, ``?``
``{x:w}``  one word without spaces (an id, a key, a setting's value)
``{x:q}``  text in single quotes, as :func:`~cnnstudio.core.jsonfile.printable` writes it
``{x:m}``  a message or phrase of its own, translated in turn (``got {value:m}``)
=========  ===================================================================================

A field never holds :data:`JOIN` (``"; "``) unless it is the template's last and of kind ``m``.
Matching is linear in the text's length: each literal is found with one :meth:`str.find`
from where the previous field began, leftmost first, and no choice is ever revisited (a field
of kind ``q`` ends at the first quote followed by the next literal). Two fields never touch,
so every field ends where a literal begins. A text field at the very start holds no ``": "``
and does not end in ``":"``.
``{{`` and ``}}`` stand for braces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

FIELD = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z_0-9]*)(?::([a-z]))?\}")
KIND_PATTERNS = MappingProxyType(
    {
        "n": re.compile(r"[-+]?(?:[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?%?"),
        "s": re.compile(r"[0-9]+(?:x[0-9]+)*|\?"),
        "w": re.compile(r"\S+"),
    }
)
"""What a field of each constrained kind may hold (each a plain, linear-time pattern)."""
KINDS = frozenset({"", "n", "s", "w", "q", "m"})
LEADING_KINDS = frozenset({"", "m"})
"""Kinds of a field at a template's very start that never hold ``": "``: a message prefixed
with where it happened (``"conv1: kernel 5x5 is larger..."``) is then matched as a prefix and a
message, not as one long name."""


JOIN = "; "
"""What joins two messages on one line. Only a template's last field, of kind ``m``, may hold it
(``"cannot open 'f': kernel 5x5 is larger...; use padding..."``); any other field that would
means the text is two messages, matched one by one (see :mod:`cnnstudio.i18n.catalog`)."""


MAX_RETRIES = 8
"""How many later occurrences of a literal one match may try for the free-text fields before it
(a name that holds the literal itself); a bound, so matching stays linear."""


class TemplateError(ValueError):
    """A template that cannot be used (a field of unknown kind, two fields side by side)."""


@dataclass(frozen=True, slots=True)
class Field:
    """A named hole in a template: *kind* says what it may hold (see the module docstring)."""

    name: str
    kind: str = ""


Part = str | Field


@dataclass(frozen=True, slots=True)
class Template:
    """An English template parsed into literals and fields, ready to match finished messages.

    ``parts`` alternate between literals (text) and fields, beginning and ending with a
    literal (possibly empty): ``("", Field("what", "m"), " needs a name")``.
    """

    text: str
    parts: tuple[Part, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(part for part in self.parts if isinstance(part, Field))

    @property
    def literal_length(self) -> int:
        """How many characters the literals fix: more is more specific."""
        return sum(len(part) for part in self.parts if isinstance(part, str))

    def match(self, text: str) -> dict[str, str] | None:
        """The text of every field when *text* is an instance of this template, else None."""
        parts = self.parts
        head, tail = parts[0], parts[-1]
        if len(text) < len(head) + len(tail) or not text.startswith(head) or not text.endswith(tail):
            return None
        values: dict[str, str] = {}
        retries = [MAX_RETRIES]
        return values if self._fill(text, 1, len(head), len(text) - len(tail), values, retries) else None

    def _fill(
        self, text: str, index: int, start: int, end: int, values: dict[str, str], retries: list[int]
    ) -> bool:
        """Match the fields from ``parts[index]`` on, the first beginning at *start*.

        A free-text field ends before the first occurrence of the literal after it; when the
        rest then fails (a name holding that literal: ``"5x5 conv (naive) (2 against 1)"``),
        the next occurrence is tried, at most :data:`MAX_RETRIES` times in one match, so
        matching stays linear in the text's length.
        """
        parts = self.parts
        if index >= len(parts) - 1:
            return True
        field, literal = parts[index], parts[index + 1]
        last = index == len(parts) - 2
        stop = end if last else _field_end(text, start, end, field, literal)
        while stop >= 0:
            value = text[start:stop]
            if self._acceptable(index, field, value, last):
                values[field.name] = value
                if self._fill(text, index + 2, stop + len(literal), end, values, retries):
                    return True
            if last or field.kind not in LEADING_KINDS or retries[0] <= 0:
                return False
            retries[0] -= 1
            stop = _field_end(text, stop, end, field, literal)
        return False

    def _acceptable(self, index: int, field: Field, value: str, last: bool) -> bool:
        if not value or not _fits(field, value):
            return False
        if index == 1 and not self.parts[0] and field.kind in LEADING_KINDS and ": " in value + " ":
            return False  # "where: message": the message alone is the template's
        return not (JOIN in value and not (last and field.kind == "m"))  # "a; b": each on its own


def _field_end(text: str, start: int, end: int, field: Field, literal: str) -> int:
    """Where the field starting at *start* ends: before the next *literal* (after its closing
    quote for a quoted field); -1 when the literal does not follow."""
    if field.kind == "q":
        found = text.find("'" + literal, start + 1, end)
        return found + 1 if found >= 0 else -1
    return text.find(literal, start + 1, end)


def _fits(field: Field, value: str) -> bool:
    pattern = KIND_PATTERNS.get(field.kind)
    if pattern is not None:
        return pattern.fullmatch(value) is not None
    if field.kind == "q":
        return len(value) >= 2 and value[0] == "'" and value[-1] == "'"
    return True


def _fields_in(text: str) -> tuple[list[tuple[str, re.Match[str]]], str]:
    """Each field of *text* with the literal before it, and the literal after the last field
    (``{{`` and ``}}`` read as braces)."""
    fields: list[tuple[str, re.Match[str]]] = []
    literal: list[str] = []
    position = 0
    for found in FIELD.finditer(text):
        literal.append(text[position : found.start()])
        position = found.end()
        if found.group() in ("{{", "}}"):
            literal.append(found.group()[0])
            continue
        fields.append(("".join(literal), found))
        literal = []
    literal.append(text[position:])
    return fields, "".join(literal)


def parse(text: str) -> Template:
    """*text* as a :class:`Template`; :class:`TemplateError` for one that cannot match reliably."""
    parts: list[Part] = []
    found_fields, tail = _fields_in(text)
    for before, found in found_fields:
        name, kind = found.group(1), found.group(2) or ""
        if kind not in KINDS:
            raise TemplateError(f"{text!r}: unknown field kind {kind!r}")
        if parts and isinstance(parts[-1], Field) and not before:
            raise TemplateError(f"{text!r}: the fields {parts[-1].name} and {name} touch")
        parts += [before, Field(name, kind)]
    parts.append(tail)
    names = [part.name for part in parts if isinstance(part, Field)]
    if len(set(names)) != len(names):
        raise TemplateError(f"{text!r}: a field name appears twice")
    return Template(text, tuple(parts))


@dataclass(frozen=True, slots=True)
class Rendering:
    """A translated template: literals and the names of the fields to put between them."""

    text: str
    parts: tuple[Part, ...]

    def fill(self, values: dict[str, str]) -> str:
        return "".join(part if isinstance(part, str) else values[part.name] for part in self.parts)


def parse_rendering(text: str, fields: tuple[Field, ...]) -> Rendering:
    """The translation *text* of a template whose fields are *fields* (each used at least once;
    no field the template lacks, no kinds: the English template gives them)."""
    known = {field.name: field for field in fields}
    parts: list[Part] = []
    used = set()
    found_fields, tail = _fields_in(text)
    for before, found in found_fields:
        name = found.group(1)
        if name not in known or found.group(2):
            raise TemplateError(f"{text!r}: {found.group()} is not a field of its English template")
        parts += [before, known[name]]
        used.add(name)
    parts.append(tail)
    missing = set(known) - used
    if missing:
        raise TemplateError(f"{text!r} leaves out {', '.join(sorted(missing))}")
    return Rendering(text, tuple(parts))
