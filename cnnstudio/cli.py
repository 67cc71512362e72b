"""The ``cnnstudio`` command.

``cnnstudio [NET] [--screenshot PATH]`` opens the desktop app; the sub-commands are
``cnnstudio presets``, ``cnnstudio summary NET ...``, ``cnnstudio train NET ...`` and
``cnnstudio export NET ...`` and ``cnnstudio compare NET NET ...``.
Bad input prints one clear line on stderr and exits with status 2.

The command line speaks English or Korean: ``--lang en|ko`` (before the sub-command or among
its options), else the locale's language (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English;
see :mod:`cnnstudio.i18n.commandline`. Help, messages and the terminal tables' words are
translated; numbers, layer types, units and ``--format json`` output are not.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import load
from .core import summarize
from .core.counting import weight_layers
from .core.fileformat import FileFormatError
from .core.jsonfile import printable
from .core.presets import LESSONS, PRESETS
from .core.report import FORMATTERS, table_rows, weight_layers_text
from .i18n import LANGUAGES
from .i18n.commandline import (
    LANGUAGE_OPTION,
    HelpFormatter,
    add_language_option,
    aligned,
    chosen_language,
    current_language,
    display_width,
    say,
    use_language,
)

EXIT_BAD_INPUT = 2
EXIT_INVALID_NETWORK = 1


class UsageError(Exception):
    """Bad input from the command line; the message is shown as is."""


TOP_EPILOG = (
    "Other commands: presets, summary, train, export, compare, check (cnnstudio COMMAND --help). "
    "Language: --lang en|ko, else the locale's (LC_ALL, LC_MESSAGES or LANG, such as ko_KR.UTF-8), "
    "else English; --format json output is never translated."
)
"""The end of ``cnnstudio --help``: the sub-commands, and how the command line picks its language."""


class _Parser(argparse.ArgumentParser):
    """A parser that speaks the command line's language (help and errors) and reports a bad
    argument as a :class:`UsageError`. The top command's parser (built in :mod:`cnnstudio.app`)
    ends its help with :data:`TOP_EPILOG`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        if kwargs.get("prog") == "cnnstudio":
            kwargs.setdefault("epilog", TOP_EPILOG)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:
        raise UsageError(f"{self.prog}: {say(message)}")


def parse_shape(text: str) -> tuple[int, int, int]:
    """``"3,224,224"`` -> ``(3, 224, 224)``."""
    parts = [p.strip() for p in text.replace("x", ",").split(",")]
    if len(parts) != 3 or not all(is_whole_number(p) and int(p) > 0 for p in parts):
        raise UsageError(
            f"--input must be three positive whole numbers C,H,W (like 3,224,224), got {printable(text)}"
        )
    c, h, w = (int(p) for p in parts)
    return c, h, w


def is_whole_number(text: str, most_digits: int = 18) -> bool:
    """Whether *text* is a whole number written in ASCII digits (not ``²``, not 5,000 digits long)."""
    return text.isascii() and text.isdigit() and len(text) <= most_digits


def load_network(name: str):
    """A preset or file, or :class:`UsageError` saying why it cannot be opened."""
    try:
        if name.lower().endswith(".onnx"):  # an ONNX model is imported (cnnstudio.interop)
            from .interop import import_onnx

            return import_onnx(name)
        return load(name)
    except KeyError as error:
        raise UsageError(error.args[0]) from None
    except FileFormatError as error:
        raise UsageError(f"cannot open {printable(name, 200)}: {error}") from None


def language_parser(prog: str, description: str, **kwargs) -> _Parser:
    """A sub-command's parser, with the ``--lang`` option every command accepts."""
    parser = _Parser(prog=prog, description=description, **kwargs)
    add_language_option(parser)
    return parser


def cmd_presets(argv: list[str]) -> int:
    parser = language_parser("cnnstudio presets", "List the case-study networks.")
    parser.parse_args(argv)
    for lesson in LESSONS:
        print(f"{say(lesson)}:")
        for entry in PRESETS.values():
            if entry.lesson == lesson:
                print(f"  {entry.id:22s} {entry.title}  /  {entry.title_ko}")
    return 0


def cmd_summary(argv: list[str]) -> int:
    parser = language_parser(
        "cnnstudio summary", "Every layer's output shape, parameters and multiply-accumulates (MACs)."
    )
    parser.add_argument(
        "net", help="a preset id (see 'cnnstudio presets'), a .cnnstudio.json file or an .onnx model"
    )
    parser.add_argument("--input", help="override the input shape: C,H,W (e.g. 3,224,224)")
    parser.add_argument(
        "--format", choices=sorted(FORMATTERS), default="table", help="table, csv, markdown or json"
    )
    parser.add_argument("--flops", action="store_true", help="show FLOPs (2 x MACs) instead of MACs")
    parser.add_argument(
        "--order", choices=("hwc", "chw"), default="hwc", help="shape notation (default H x W x C)"
    )
    parser.add_argument("--verify", action="store_true", help="check every layer against PyTorch")
    args = parser.parse_args(argv)
    network = load_network(args.net)
    input_shape = parse_shape(args.input) if args.input else None
    summary = summarize(network, input_shape)
    weights = weight_layers(network, summary)
    formatter = FORMATTERS[args.format]
    if args.format == "json":
        text = formatter(summary, args.flops, weights=weights)
    elif args.format == "table" and current_language() != "en":
        text = translated_table(summary, args.flops, args.order, weights)
    else:
        text = formatter(summary, args.flops, args.order, weights=weights)
    sys.stdout.write(text)
    if args.verify:
        # keep the JSON on stdout parseable: the verdict goes to stderr then
        out = sys.stderr if args.format == "json" else sys.stdout
        return _verify(network, input_shape, summary.valid, out)
    return 0 if summary.valid else EXIT_INVALID_NETWORK


def translated_table(summary, flops: bool, order: str, weights) -> str:
    """``summary --format table`` in the command line's language: the headers, the totals row's
    words and the lines under the table translated, the columns aligned by display width; layer
    names, types, shapes and numbers as they are."""
    rows = table_rows(summary, flops, order, weights)
    rows[0] = [say(cell) for cell in rows[0]]
    rows[-1][:2] = [say(cell) for cell in rows[-1][:2]]
    lines = aligned(rows, right={3, 4, 5, 6, 7, 8})
    rule = "-" * display_width(lines[0])
    out = [summary.name, rule, lines[0], rule, *lines[1:-1], rule, lines[-1]]
    count = len(summary.rows)
    blocks = f"{count} block{'s' * (count != 1)}"
    out.append(f"{say(blocks)}, {say(weight_layers_text(weights))}" if weights is not None else say(blocks))
    out.append(say("valid" if summary.valid else "INVALID:"))
    out += [f"  - {say(error)}" for error in summary.errors]
    return "\n".join(out) + "\n"


def _verify(network, input_shape, valid: bool, out) -> int:
    if not valid:
        raise UsageError("cannot verify an invalid network; fix the errors listed above first")
    from .model.verify import verify

    result = verify(network, input_shape)
    if result.ok:
        print(
            say(f"verified against PyTorch: {result.checked} layers, shapes, parameters and MACs all match"),
            file=out,
        )
        return 0
    print(say(f"PyTorch disagrees on {len(result.mismatches)} values:"), file=out)
    for line in result.mismatches:
        print(f"  - {line}", file=out)
    return 1


def cmd_train(argv: list[str]) -> int:
    module = importlib.import_module("cnnstudio.training.cli")
    return module.main(argv)


def cmd_export(argv: list[str]) -> int:
    module = importlib.import_module("cnnstudio.commands.export")
    return module.main(argv)


def cmd_compare(argv: list[str]) -> int:
    module = importlib.import_module("cnnstudio.commands.compare")
    return module.main(argv)


COMMANDS = {
    "presets": cmd_presets,
    "summary": cmd_summary,
    "train": cmd_train,
    "export": cmd_export,
    "compare": cmd_compare,
}


def cmd_check(argv: list[str]) -> int:
    """``cnnstudio check EXERCISE STUDENT_FILE...``: grade students' files (see commands/check.py)."""
    module = importlib.import_module("cnnstudio.commands.check")
    return module.main(argv)


COMMANDS["check"] = cmd_check


def run_app(argv: list[str]) -> int:
    from .app import main as app_main

    return app_main(argv)


def _command_after_language(argv: list[str]) -> list[str]:
    """*argv* without a ``--lang X`` (or ``--lang=X``) given before a sub-command's name; a
    language CNN Studio does not speak is left for the sub-command's parser to refuse."""
    if argv[:1] == [LANGUAGE_OPTION]:
        value, taken = (argv[1] if len(argv) > 1 else ""), 2
    elif argv[:1] and argv[0].startswith(LANGUAGE_OPTION + "="):
        value, taken = argv[0].split("=", 1)[1], 1
    else:
        return argv
    if value in LANGUAGES and len(argv) > taken and argv[taken] in COMMANDS:
        return argv[taken:]
    if len(argv) > taken and argv[taken] in COMMANDS:
        return [argv[taken], *argv[:taken], *argv[taken + 1 :]]
    return argv


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    use_language(chosen_language(argv, os.environ))
    argv = _command_after_language(argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_app(argv)
    except UsageError as error:
        text = say(str(error))
        print(text if text.startswith("cnnstudio") else f"cnnstudio: {text}", file=sys.stderr)
        return EXIT_BAD_INPUT
