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

Finding the templates that may match is not a scan of them all. Each template is indexed by one
word of its literals (a run of three letters or more, whole within its literal), the one the
fewest templates share; a text can only match a template whose word it holds. A text is tried
against the templates indexed by its own words and the handful with no such word
(``"{where}: {message:m}"``), in the same order of specificity.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .templates import JOIN, Rendering, Template, TemplateError, parse, parse_rendering

MAX_DEPTH = 8
"""How deep messages nest in one another at most (``cannot open 'f': 'nodes[0]': ...``)."""
MAX_JOINED = 16
"""A line of more parts than this is not split: a bound on the work one line can cause."""
WORD = re.compile("[A-Za-z]{3,}")
"""A word that indexes templates (shorter ones, such as "a" and "of", say too little)."""


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
    _by_word: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _unindexed: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _joins: int = field(init=False, repr=False, compare=False)
    _after_join: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = [_whole_words(template) for template, _ in self.templates]
        shared = Counter(word for found in words for word in found)
        by_word: dict[str, list[int]] = {}
        unindexed: list[int] = []
        for index, found in enumerate(words):
            if found:
                rarest = min(found, key=lambda word: (shared[word], word))
                by_word.setdefault(rarest, []).append(index)
            else:
                unindexed.append(index)
        object.__setattr__(self, "_by_word", MappingProxyType({k: tuple(v) for k, v in by_word.items()}))
        object.__setattr__(self, "_unindexed", tuple(unindexed))
        literals = [*self.exact, *(p for t, _ in self.templates for p in t.parts if isinstance(p, str))]
        object.__setattr__(self, "_joins", max((text.count(JOIN) for text in literals), default=0))
        after = {piece.split(" ", 1)[0] for text in literals for piece in text.split(JOIN)[1:]}
        object.__setattr__(self, "_after_join", frozenset(after))

    def _candidates(self, text: str):
        """The indexes of the templates that may match *text*, most specific first."""
        lists = [self._by_word[word] for word in set(WORD.findall(text)) if word in self._by_word]
        return heapq.merge(*lists, self._unindexed)

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
        (a part none matches stays as it is); None when no part is known.

        A run is at most one part more than any entry's literals join, and goes on past a
        ``"; "`` only where some entry's literal goes on with the next part's first word, so a
        line of *p* parts costs O(*p*) matches. (A message whose last field holds joined messages, cut here, comes
        out the same: that field's text would be translated part by part too.)"""
        parts = text.split(JOIN)
        if not 1 < len(parts) <= MAX_JOINED:
            return None
        out: list[str] = []
        known = False
        start = 0
        while start < len(parts):
            longest = start + 1
            while longest < min(len(parts), start + self._joins + 1) and self._goes_on(parts[longest]):
                longest += 1
            for stop in range(longest, start, -1):
                if stop - start == len(parts):
                    continue  # the whole line: already tried
                found = self._line(JOIN.join(parts[start:stop]), depth)
                if found is not None:
                    out.append(found)
                    known = True
                    break
            else:
                stop = start + 1
                out.append(parts[start])
            start = stop
        return JOIN.join(out) if known else None

    def _goes_on(self, part: str) -> bool:
        """Whether some entry's literal holds ``"; "`` followed by *part*'s first word."""
        return part.split(" ", 1)[0] in self._after_join

    def _match(self, text: str, depth: int, lowered: bool) -> str | None:
        """The translation of *text* by the first entry that matches it whole, or None.

        With *lowered* (the text's first letter was made small), only entries that begin with
        a literal may match, so a name at the start is never altered.
        """
        exact = self.exact.get(text)
        if exact is not None:
            return exact
        for index in self._candidates(text):
            template, rendering = self.templates[index]
            if lowered and not template.parts[0]:
                continue
            values = template.match(text)
            if values is None:
                continue
            for hole in template.fields:
                if hole.kind == "m" and depth < MAX_DEPTH:
                    values[hole.name] = self._text(values[hole.name], depth + 1)
            return rendering.fill(values)
        return None


def _whole_words(template: Template) -> set[str]:
    """The words of *template*'s literals that a matching text holds as whole words: not cut by
    the start or end of a literal where a field's text goes on."""
    parts = template.parts
    found: set[str] = set()
    for index in range(0, len(parts), 2):
        literal = parts[index]
        for match in WORD.finditer(literal):
            starts_whole = match.start() > 0 or index == 0
            ends_whole = match.end() < len(literal) or index == len(parts) - 1
            if starts_whole and ends_whole:
                found.add(match.group())
    return found


__all__ = ["MAX_DEPTH", "Catalog"]
