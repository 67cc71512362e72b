"""The command line in the user's language: which language, argparse's help and its own words.

``cnnstudio`` speaks the language ``--lang en|ko`` gives (anywhere on the line, before a ``--``),
else the locale's (the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, as the C
library reads them: ``ko_KR.UTF-8`` speaks Korean), else English. :func:`use_language` sets it
for the process once the arguments are read; :func:`say` translates a finished English message
into it.

:class:`HelpFormatter` translates what ``--help`` prints: the description and epilog, each
option's help, and argparse's own words (``usage:``, ``positional arguments``, ``options``).
Option names, choices and metavars stay as they are typed. argparse's error messages are
finished text by the time a parser's ``error`` gets them; :func:`say` translates them there.
Machine-readable output (``--format json``, CSV) is never translated.
"""

from __future__ import annotations

import argparse
import os
import unicodedata
from collections.abc import Mapping, Sequence

from . import LANGUAGES, language, locale_language, translate

LANGUAGE_OPTION = "--lang"
LANGUAGE_HELP = "the language of the messages and help (en or ko); without it, the locale's (LANG)"

_language = "en"


def chosen_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for: the last ``--lang X`` or ``--lang=X`` before ``--``
    naming a language CNN Studio speaks, else the locale's in *environ* (``os.environ``)."""
    asked = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == LANGUAGE_OPTION and index + 1 < len(argv):
            asked = argv[index + 1]
        elif argument.startswith(LANGUAGE_OPTION + "="):
            asked = argument.split("=", 1)[1]
    if asked in LANGUAGES:
        return asked
    return locale_language(os.environ if environ is None else environ)


def use_language(lang: str) -> None:
    """Speak *lang* (``"en"`` or ``"ko"``) on the command line from now on."""
    global _language
    _language = language(lang)


def current_language() -> str:
    """The language the command line speaks now."""
    return _language


def say(text: str) -> str:
    """*text*, a finished English message, in the command line's language."""
    return translate(text, _language) if _language != "en" else text


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """Give *parser* the ``--lang en|ko`` option every command accepts (read before parsing)."""
    parser.add_argument(LANGUAGE_OPTION, choices=LANGUAGES, help=LANGUAGE_HELP)


def display_width(text: str) -> int:
    """How many terminal columns *text* takes: wide (Hangul, CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def padded(text: str, width: int, right: bool = False) -> str:
    """*text* filled with spaces to *width* columns (on the left when *right*)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def aligned(rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """*rows* in columns two spaces apart, by display width; columns in *right* to the right."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            padded(cell, width, i in right) for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def wrapped(text: str, width: int) -> list[str]:
    """*text*'s words in lines of at most *width* display columns (a longer word alone)."""
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = display_width(word)
        if line and used + 1 + size > width:
            lines.append(line)
            line, used = "", 0
        line, used = (f"{line} {word}", used + 1 + size) if line else (word, size)
    return [*lines, line] if line else lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help in the command line's language (see the module docstring); in a language
    of wide letters, lines are wrapped by display width, so Korean help fits the terminal as
    English does."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if _language == "en":
            return super()._split_lines(text, width)
        return wrapped(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if _language == "en":
            return super()._fill_text(text, width, indent)
        words = self._whitespace_matcher.sub(" ", text).strip()
        return "\n".join(indent + line for line in wrapped(words, width - len(indent)))

    def _format_usage(self, usage, actions, groups, prefix):
        return super()._format_usage(
            usage, actions, groups, say("usage:") + " " if prefix is None else prefix
        )

    def start_section(self, heading: str | None) -> None:
        super().start_section(say(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(say(text) if text and text is not argparse.SUPPRESS else text)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return say(action.help) if action.help and action.help is not argparse.SUPPRESS else action.help


__all__ = [
    "LANGUAGE_HELP",
    "LANGUAGE_OPTION",
    "HelpFormatter",
    "add_language_option",
    "aligned",
    "chosen_language",
    "current_language",
    "display_width",
    "padded",
    "say",
    "use_language",
    "wrapped",
]
