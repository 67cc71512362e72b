"""A lesson as rich text: its Markdown laid out, its formulas in boxes, its links clickable.

:func:`lesson_document` builds a ``QTextDocument`` for a :class:`~cnnstudio.teaching.Lesson`:
the title as a heading, each prose block through Qt's Markdown reader (headings, lists, tables,
emphasis, code, links), and each formula block in a framed box in a fixed-pitch font, one
formula a line, as written. The "Try it" steps are not part of the text: the panel shows them
as a live checklist under it (:mod:`.steps`), titled by the heading that introduces them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
)

from ...core.presets import PRESETS
from ...teaching import Formula, Lesson, Text
from ...teaching.messages import say
from .. import style

PARAGRAPH_GAP = 6
"""Pixels below a paragraph (Qt's Markdown reader leaves almost none)."""
HEADING_GAP = 12
"""Pixels above a heading."""
HEADING_SCALE = {1: 1.45, 2: 1.2, 3: 1.08}
"""Headings' sizes, as a multiple of the text's: a dock is narrow, so they stay modest."""


@dataclass(frozen=True)
class RenderedLesson:
    """A lesson laid out for the panel.

    Attributes
    ----------
    document : QTextDocument
        The text (owned by the caller, who gives it to a ``QTextBrowser``).
    steps_title : str
        What the checklist of steps is called: the heading that leads to the steps in the
        lesson file ("Try it"), which the text then leaves out.
    """

    document: QTextDocument
    steps_title: str


def lesson_document(lesson: Lesson, base_font: QFont | None = None) -> RenderedLesson:
    """Lay out *lesson* (without its steps) as a rich-text document."""
    document = QTextDocument()
    if base_font is not None:
        document.setDefaultFont(base_font)
    document.setDocumentMargin(10)
    cursor = QTextCursor(document)
    blocks = list(lesson.blocks)
    steps_title = say(lesson.language, "try_it")
    prose = [b for b in blocks if isinstance(b, Text)]
    cursor.insertMarkdown(f"# {_escape_heading(lesson.title)}\n")
    if lesson.presets:
        links = " · ".join(f"[{preset_title(p, lesson.language)}](preset:{p})" for p in lesson.presets)
        _new_block(cursor)
        cursor.insertMarkdown(say(lesson.language, "lesson_networks", links=links))
    for block in blocks:
        if isinstance(block, Text):
            markdown = block.markdown
            if block is prose[-1] and lesson.steps:
                markdown, heading = _without_last_heading(markdown)
                steps_title = heading or steps_title
            if markdown.strip():
                _new_block(cursor)
                cursor.insertMarkdown(markdown)
        elif isinstance(block, Formula):
            _insert_formula(cursor, block.lines)
    _space_blocks(document)
    return RenderedLesson(document, steps_title)


def preset_title(preset_id: str, lang: str) -> str:
    """The preset's title in *lang*."""
    entry = PRESETS[preset_id]
    return entry.title_ko if lang == "ko" and entry.title_ko else entry.title


def _escape_heading(text: str) -> str:
    return text.replace("#", "\\#")


def _without_last_heading(markdown: str) -> tuple[str, str]:
    """*markdown* without a heading on its last line, and that heading's text ("" if none)."""
    lines = markdown.rstrip().splitlines()
    if lines and lines[-1].lstrip().startswith("#"):
        return "\n".join(lines[:-1]), lines[-1].lstrip().lstrip("#").strip()
    return markdown, ""


def _new_block(cursor: QTextCursor) -> None:
    cursor.movePosition(QTextCursor.MoveOperation.End)
    if cursor.block().text() or cursor.currentFrame() != cursor.document().rootFrame():
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())


def _insert_formula(cursor: QTextCursor, lines: tuple[str, ...]) -> None:
    """A framed box holding *lines* in a fixed-pitch font, one formula a line."""
    cursor.movePosition(QTextCursor.MoveOperation.End)
    frame_format = QTextFrameFormat()
    frame_format.setBorder(1)
    frame_format.setBorderBrush(QColor(style.FORMULA_BOX_EDGE))
    frame_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    frame_format.setBackground(QColor(style.FORMULA_BOX))
    frame_format.setPadding(8)
    frame_format.setTopMargin(4)
    frame_format.setBottomMargin(8)
    frame_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    cursor.insertFrame(frame_format)
    text_format = QTextCharFormat()
    text_format.setFont(formula_font())
    text_format.setForeground(QColor(style.FORMULA_MAIN))
    line_format = QTextBlockFormat()
    line_format.setNonBreakableLines(True)  # a formula is read whole; a long one scrolls
    cursor.setBlockFormat(line_format)
    for i, line in enumerate(lines):
        if i:
            cursor.insertBlock(line_format, text_format)
        cursor.insertText(line, text_format)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def formula_font() -> QFont:
    """The fixed-pitch font formulas are set in, a little larger than the text."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 9.0) + 1)
    return font


def _space_blocks(document: QTextDocument) -> None:
    """Headings a little larger than the text, room below paragraphs and above headings."""
    base = QFontInfo(document.defaultFont()).pointSizeF()
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        block_format = block.blockFormat()
        level = block_format.headingLevel()
        if level:
            block_format.setTopMargin(HEADING_GAP if block.position() else 0)
            block_format.setBottomMargin(PARAGRAPH_GAP / 2)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            heading = QTextCharFormat()
            heading.setFontWeight(QFont.Weight.Bold)
            heading.setFontPointSize(base * HEADING_SCALE.get(level, 1.0))
            cursor.setCharFormat(heading)  # replaced: Qt's own heading sizes go up to twice the text
            cursor.clearSelection()
        elif block.textList() is None and cursor.currentFrame() == document.rootFrame():
            block_format.setBottomMargin(PARAGRAPH_GAP)
        cursor.setBlockFormat(block_format)
        block = block.next()


def links(document: QTextDocument) -> list[tuple[str, int, int]]:
    """Every link in *document*: ``(target, start, end)`` positions of its text, in order."""
    found: list[tuple[str, int, int]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            target = fragment.charFormat().anchorHref()
            if target:
                start, end = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][0] == target and found[-1][2] == start:
                    found[-1] = (target, found[-1][1], end)  # one link split by formatting
                else:
                    found.append((target, start, end))
            fragments += 1
        block = block.next()
    return found


__all__ = ["RenderedLesson", "formula_font", "lesson_document", "links"]
