"""Lesson files: Markdown with a small header, formulas, links and "Try it" steps.

A lesson file looks like this (the README's "Lessons" section is the teacher's guide)::

    ---
    id: L06
    title: Why Inception? The cost of a 5x5 convolution
    presets: conv5x5-naive, conv5x5-bottleneck
    ---
    A 5x5 convolution from 28x28x192 to 32 channels costs 120,422,400{conv5x5-naive macs} MACs.

    ```formula
    MACs = 28×28×32 × 5×5×192 = 120,422,400{conv5x5-naive macs}
    ```

    [Open it](preset:conv5x5-naive) or [compare](compare:conv5x5-naive,conv5x5-bottleneck).

    ```try
    goal: Insert a 1x1 convolution with 16 filters before the 5x5 convolution.
    check: has conv2d kernel=1 filters=16
    check: macs < 13M
    hint: Drop a Conv2d on the edge that enters the 5x5 convolution.
    ```

The header's ``id`` and ``title`` are required; ``presets`` lists the networks the lesson is
about, the first being the one it opens. The body is Markdown, cut into :class:`Text`,
:class:`Formula` (a ``formula`` fence, one formula a line) and :class:`Step` (a ``try`` fence)
blocks. Numbers may carry annotations (:mod:`cnnstudio.teaching.figures`), never shown; links
are checked against :mod:`cnnstudio.teaching.links`.

:func:`parse_lesson` raises :class:`LessonError` with one message naming the file and the line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..core.jsonfile import FileFormatError, printable, read_text
from ..core.presets import PRESETS
from .conditions import ConditionError, parse_condition
from .figures import Figure, FigureError, check_syntax, line_finder, strip_figures
from .links import Link, LinkError, parse_link
from .steps import Step

MAX_LESSON_BYTES = 1_000_000
"""A lesson is a few kilobytes; anything over this is not one."""

HEADER_KEYS = ("id", "title", "presets")
STEP_KEYS = ("preset", "goal", "check", "hint")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
_LINK = re.compile(r"!?\[(?P<label>[^\[\]\n]{0,500})\]\((?P<target>[^()\s]{0,2000})\)")
_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_]+)\s*:\s?(?P<value>.*)\Z")
_FENCE = re.compile(r"(?P<fence>`{3,}|~{3,})\s*(?P<info>\S*)")
_LEFT_OVER = re.compile(r"\{(?P<expr>[^{}\n]*)\}")


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Text:
    """Markdown prose (annotations removed), starting at *line* of the file."""

    markdown: str
    line: int


@dataclass(frozen=True)
class Formula:
    """Formulas, one per line, shown as they are (``a[l+2] = g(z[l+2] + a[l])``); the
    formula ``lines[i]`` is on line ``line_numbers[i]`` of the file."""

    lines: tuple[str, ...]
    line_numbers: tuple[int, ...]

    @property
    def line(self) -> int:
        return self.line_numbers[0]


@dataclass(frozen=True)
class Passage:
    """A piece of a lesson's text as written, annotations included, for the checks of
    :func:`~cnnstudio.teaching.verify_lesson`.

    ``kind`` is ``"prose"``, ``"formula"`` (one formula a line) or ``"step"`` (a goal or a
    hint, whose numbers may instead be numbers of the step's ``conditions``).
    """

    kind: str
    text: str
    line: int
    conditions: tuple = ()


Block = Text | Formula | Step


@dataclass(frozen=True)
class Lesson:
    """One lesson in one language.

    Attributes
    ----------
    id : str
        ``L01``, ``L02``...; the same in every language.
    title : str
        Shown in the lessons list and above the lesson.
    language : str
        ``"en"`` or ``"ko"``: the language it is written in.
    path : str
        The file it was read from.
    presets : tuple of str
        The preset ids it is about; the first is the network it opens.
    blocks : tuple of Text, Formula and Step
        The body, in order.
    figures : tuple of Figure
        The annotated numbers, for :func:`cnnstudio.teaching.verify_lesson`.
    links : tuple of Link
        Every link in the body, in order.
    """

    id: str
    title: str
    language: str
    path: str
    presets: tuple[str, ...]
    blocks: tuple[Block, ...]
    figures: tuple[Figure, ...] = field(default=(), repr=False)
    links: tuple[Link, ...] = field(default=(), repr=False)
    passages: tuple[Passage, ...] = field(default=(), repr=False)
    """The text as written, for :func:`~cnnstudio.teaching.verify_lesson`."""

    @property
    def steps(self) -> list[Step]:
        return [block for block in self.blocks if isinstance(block, Step)]

    @property
    def formulas(self) -> list[str]:
        return [line for block in self.blocks if isinstance(block, Formula) for line in block.lines]


def load_lesson(path: str | os.PathLike[str], language: str) -> Lesson:
    """Read and parse the lesson file *path*, written in *language*."""
    shown = printable(os.fspath(path), 200, quote=False)
    try:
        text = read_text(path, MAX_LESSON_BYTES)
    except FileFormatError as error:
        raise LessonError(f"{shown}: cannot read the lesson: {error}") from None
    return parse_lesson(text, language, shown)


def parse_lesson(text: str, language: str, path: str = "<lesson>") -> Lesson:
    """Parse the text of a lesson file; *path* names it in error messages."""
    return _Parser(text, language, path).lesson()


class _Parser:
    def __init__(self, text: str, language: str, path: str) -> None:
        self.lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
        self.language = language
        self.path = path
        self.figures: list[Figure] = []
        self.links: list[Link] = []
        self.passages: list[Passage] = []
        self._last_key = "goal"
        self.presets: tuple[str, ...] = ()

    def fail(self, line: int, message: str) -> LessonError:
        return LessonError(f"{self.path}, line {line}: {message}")

    def lesson(self) -> Lesson:
        header, body_start = self._header()
        self.presets = header["presets"]
        blocks = self._body(body_start)
        return Lesson(
            header["id"],
            header["title"],
            self.language,
            self.path,
            header["presets"],
            tuple(blocks),
            tuple(self.figures),
            tuple(self.links),
            tuple(self.passages),
        )

    # -- the header -------------------------------------------------------------------------

    def _header(self) -> tuple[dict, int]:
        if not self.lines or self.lines[0].strip() != "---":
            raise self.fail(
                1, "a lesson starts with a header: a line '---', 'id: ...', 'title: ...', then '---'"
            )
        values: dict[str, tuple[str, int]] = {}
        for index in range(1, len(self.lines)):
            line, number = self.lines[index].strip(), index + 1
            if line == "---":
                return self._header_values(values), index + 1
            if not line:
                continue
            match = _KEY_VALUE.match(line)
            if not match or match["key"] not in HEADER_KEYS:
                raise self.fail(number, f"the header takes {', '.join(HEADER_KEYS)}, written 'key: value'")
            if match["key"] in values:
                raise self.fail(number, f"'{match['key']}' is given twice")
            values[match["key"]] = (match["value"].strip(), number)
        raise self.fail(1, "the header is not closed by a line '---'")

    def _header_values(self, values: dict[str, tuple[str, int]]) -> dict:
        for key in ("id", "title"):
            if not values.get(key, ("",))[0]:
                raise self.fail(1, f"the header needs '{key}: ...'")
        lesson_id, line = values["id"]
        if not _ID.match(lesson_id):
            raise self.fail(line, f"the id '{lesson_id}' may hold only letters, digits, - and _")
        presets_text, line = values.get("presets", ("", 1))
        presets = tuple(p.strip() for p in presets_text.split(",") if p.strip())
        for preset_id in presets:
            if preset_id not in PRESETS:
                raise self.fail(line, f"'{preset_id}' is not a preset (presets: {', '.join(PRESETS)})")
        title = self._strip(values["title"][0], values["title"][1])
        self.passages.append(Passage("prose", values["title"][0], values["title"][1]))
        return {"id": lesson_id, "title": title, "presets": presets}

    # -- the body ---------------------------------------------------------------------------

    def _body(self, start: int) -> list[Block]:
        blocks: list[Block] = []
        prose: list[str] = []
        prose_line = start + 1
        index = start
        while index < len(self.lines):
            fence = _FENCE.match(self.lines[index].strip())
            if fence and fence["info"] in ("formula", "try"):
                self._flush(blocks, prose, prose_line)
                end = self._fence_end(index, fence["fence"])
                content = self.lines[index + 1 : end]
                if fence["info"] == "formula":
                    blocks.append(self._formula(content, index + 2))
                else:
                    blocks.append(
                        self._step(content, index + 2, len([b for b in blocks if isinstance(b, Step)]))
                    )
                index, prose, prose_line = end + 1, [], end + 2
                continue
            if fence:
                end = self._fence_end(index, fence["fence"])
                prose.extend(self.lines[index : end + 1])
                index = end + 1
                continue
            prose.append(self.lines[index])
            index += 1
        self._flush(blocks, prose, prose_line)
        return blocks

    def _fence_end(self, start: int, fence: str) -> int:
        for index in range(start + 1, len(self.lines)):
            line = self.lines[index].strip()
            if line and set(line) == {fence[0]} and len(line) >= len(fence):
                return index
        raise self.fail(start + 1, f"the block opened here is not closed by a line {fence}")

    def _flush(self, blocks: list[Block], prose: list[str], first_line: int) -> None:
        filled = [i for i, line in enumerate(prose) if line.strip()]
        if not filled:
            return
        text = "\n".join(prose[filled[0] : filled[-1] + 1])
        first_line += filled[0]
        shown = self._strip(text, first_line)
        self._collect_links(shown, first_line)
        self.passages.append(Passage("prose", text, first_line))
        blocks.append(Text(shown, first_line))

    def _formula(self, content: list[str], first_line: int) -> Formula:
        lines, numbers = [], []
        for offset, line in enumerate(content):
            if line.strip():
                lines.append(self._strip(line.strip(), first_line + offset))
                numbers.append(first_line + offset)
                self.passages.append(Passage("formula", line.strip(), first_line + offset))
        if not lines:
            raise self.fail(first_line - 1, "the formula block is empty")
        return Formula(tuple(lines), tuple(numbers))

    def _step(self, content: list[str], first_line: int, earlier: int) -> Step:
        fields: dict[str, list[tuple[str, int]]] = {key: [] for key in STEP_KEYS}
        for offset, raw in enumerate(content):
            number = first_line + offset
            if not raw.strip():
                continue
            if raw[:1].isspace() and any(fields.values()):
                key = self._last_key
                text, line = fields[key][-1]
                fields[key][-1] = (f"{text} {raw.strip()}", line)
                continue
            match = _KEY_VALUE.match(raw.strip())
            if not match or match["key"] not in STEP_KEYS:
                raise self.fail(number, f"a step's lines are {', '.join(STEP_KEYS)}, written 'key: value'")
            self._last_key = match["key"]
            fields[match["key"]].append((match["value"].strip(), number))
        return self._step_from(fields, first_line, earlier + 1)

    def _step_from(self, fields: dict[str, list[tuple[str, int]]], first_line: int, number: int) -> Step:
        for key in ("goal", "hint", "preset"):
            if len(fields[key]) > 1:
                raise self.fail(fields[key][1][1], f"a step has one '{key}:'")
        if not fields["goal"]:
            raise self.fail(first_line - 1, "a step needs a 'goal:' line saying what to do")
        if not fields["check"]:
            raise self.fail(first_line - 1, "a step needs at least one 'check:' line")
        conditions = []
        for text, line in fields["check"]:
            try:
                conditions.append(parse_condition(text))
            except ConditionError as error:
                raise self.fail(line, str(error)) from None
        preset = fields["preset"][0] if fields["preset"] else None
        if preset is not None and preset[0] not in PRESETS:
            raise self.fail(preset[1], f"'{preset[0]}' is not a preset (presets: {', '.join(PRESETS)})")
        start = preset[0] if preset else (self.presets[0] if self.presets else None)
        goal = self._strip(*fields["goal"][0])
        hint = self._strip(*fields["hint"][0]) if fields["hint"] else ""
        for text, line in fields["goal"] + fields["hint"]:
            self.passages.append(Passage("step", text, line, tuple(conditions)))
        self._collect_links(goal, fields["goal"][0][1])
        return Step(number, goal, tuple(conditions), hint, start, first_line, self.language)

    # -- annotations and links --------------------------------------------------------------

    def _strip(self, text: str, first_line: int) -> str:
        """*text* without annotations; each annotation's syntax checked, none left dangling."""
        shown, figures = strip_figures(text, first_line)
        for figure in figures:
            try:
                check_syntax(figure.expression)
            except FigureError as error:
                raise self.fail(figure.line, str(error)) from None
        for match in _LEFT_OVER.finditer(shown):
            words = match["expr"].split()
            if words and words[0] in PRESETS:
                line = line_finder(shown, first_line)(match.start())
                raise self.fail(
                    line, f"the annotation {{{match['expr']}}} must follow a number, with no space"
                )
        self.figures.extend(figures)
        return shown

    def _collect_links(self, markdown: str, first_line: int) -> None:
        line_of = line_finder(markdown, first_line)
        for match in _LINK.finditer(_outside_code(markdown)):
            line = line_of(match.start())
            try:
                self.links.append(parse_link(match["target"]))
            except LinkError as error:
                raise self.fail(line, str(error)) from None


def _outside_code(markdown: str) -> str:
    """*markdown* with code (fenced blocks and `spans`) blanked out, lengths kept."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group())  # noqa: E731
    markdown = re.sub(r"^(`{3,}|~{3,}).*?^\1", blank, markdown, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"`[^`\n]*`", blank, markdown)


__all__ = [
    "MAX_LESSON_BYTES",
    "Formula",
    "Lesson",
    "LessonError",
    "Passage",
    "Text",
    "load_lesson",
    "parse_lesson",
]
