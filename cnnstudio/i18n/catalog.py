"""A compiled catalog of one language: finished English messages in, that language out.

A :class:`Catalog` is built once from ``(English template, translation)`` pairs and never
changes, so one catalog serves every thread. :meth:`Catalog.translate` looks a whole line up
first (most entries have no fields), then tries the templates with fields, the most specific
(most literal characters) first, and fills the first that matches into its translation; a
field of kind ``m`` is translated in turn, up to :data:`MAX_DEPTH` levels deep. A text of
several lines is translated line by line, and a line no template matches comes back as it is.

A line also matches as a sentence made of a message: capitalised (``"Dangling: ..."``, as the
inspector shows a note) or ending in a full stop (as the status bar shows an error). A line no
entry matches whole, made of messages joined with ``"; "`` (a run's reason and suggestion,
several refused settings), is translated part by part, each part as long as an entry matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .templates import JOIN, Rendering, Template, TemplateError, parse, parse_rendering

MAX_DEPTH = 8
"""How deep messages nest in one another at most (``cannot open 'f': 'nodes[0]': ...``)."""
MAX_JOINED = 16
"""A line of more parts than this is not split (each split tries every longer part first)."""


@dataclass(frozen=True)
class Catalog:
    """Every message of one language, compiled for matching (immutable, shared by threads).

    Attributes
    ----------
    lang : str
        The language the catalog translates into (``"ko"``).
    exact : Mapping[str, str]
        Translations of the English texts that have no fields.
    templates : tuple of (Template, Rendering)
        The templates with fields and their translations, most specific first.
    """

    lang: str
    exact: Mapping[str, str]
    templates: tuple[tuple[Template, Rendering], ...]

    @classmethod
    def build(cls, lang: str, entries: Iterable[tuple[str, str]]) -> Catalog:
        """Compile ``(English template, translation)`` *entries*; :class:`TemplateError` for a
        template given twice or one whose translation leaves out or invents a field."""
        exact: dict[str, str] = {}
        compiled: list[tuple[Template, Rendering]] = []
        seen: set[str] = set()
        for english, translated in entries:
            if english in seen:
                raise TemplateError(f"{english!r} is translated twice")
            seen.add(english)
            template = parse(english)
            rendering = parse_rendering(translated, template.fields)
            if template.fields:
                compiled.append((template, rendering))
            else:
                exact[template.parts[0]] = rendering.parts[0]
        compiled.sort(key=lambda pair: -pair[0].literal_length)
        return cls(lang, MappingProxyType(exact), tuple(compiled))

    def translate(self, text: str) -> str:
        """*text* in this catalog's language, line by line; unknown lines as they are."""
        return self._text(text, 0)

    def knows(self, text: str) -> bool:
        """Whether some entry matches the whole of *text* (one line)."""
        return self._line(text, 0) is not None

    def _text(self, text: str, depth: int) -> str:
        if "\n" in text:
            return "\n".join(self._text(line, depth) for line in text.split("\n"))
        body = text.strip()
        if not body:
            return text
        translated = self._line(body, depth)
        if translated is None:
            translated = self._joined(body, depth)
        if translated is None:
            return text
        start = len(text) - len(text.lstrip())
        return text[:start] + translated + text[start + len(body) :]

    def _line(self, text: str, depth: int) -> str | None:
        found = self._match(text, depth, lowered=False)
        if found is None and text.endswith(".") and len(text) > 1:
            found = self._match(text[:-1], depth, lowered=False)
            found = None if found is None else found + ("" if found.endswith(".") else ".")
        if found is None and text[:1].isupper():
            lowered = text[:1].lower() + text[1:]
            found = self._match(lowered, depth, lowered=True)
            if found is None and lowered.endswith(".") and len(lowered) > 1:
                found = self._match(lowered[:-1], depth, lowered=True)
                found = None if found is None else found + ("" if found.endswith(".") else ".")
        return found

    def _joined(self, text: str, depth: int) -> str | None:
        """*text*'s parts joined by :data:`JOIN`, each the longest run of parts an entry matches
        (a part none matches stays as it is); None when no part is known."""
        parts = text.split(JOIN)
        if not 1 < len(parts) <= MAX_JOINED:
            return None
        out: list[str] = []
        known = False
        start = 0
        while start < len(parts):
            for stop in range(len(parts), start, -1):
                found = self._line(JOIN.join(parts[start:stop]), depth) if stop - start < len(parts) else None
                if found is not None:
                    out.append(found)
                    known = True
                    break
            else:
                stop = start + 1
                out.append(parts[start])
            start = stop
        return JOIN.join(out) if known else None

    def _match(self, text: str, depth: int, lowered: bool) -> str | None:
        """The translation of *text* by the first entry that matches it whole, or None.

        With *lowered* (the text's first letter was made small), only entries that begin with
        a literal may match, so a name at the start is never altered.
        """
        exact = self.exact.get(text)
        if exact is not None:
            return exact
        for template, rendering in self.templates:
            if lowered and not template.parts[0]:
                continue
            values = template.match(text)
            if values is None:
                continue
            for field in template.fields:
                if field.kind == "m" and depth < MAX_DEPTH:
                    values[field.name] = self._text(values[field.name], depth + 1)
            return rendering.fill(values)
        return None


__all__ = ["MAX_DEPTH", "Catalog"]
