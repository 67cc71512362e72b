"""The ``cnnstudio`` command.

``cnnstudio [NET] [--screenshot PATH]`` opens the desktop app; the sub-commands are
``cnnstudio presets``, ``cnnstudio summary NET ...``, ``cnnstudio train NET ...`` and
``cnnstudio export NET ...`` and ``cnnstudio compare NET NET ...``.
Bad input prints one clear line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import load
from .core import summarize
from .core.counting import weight_layers
from .core.fileformat import FileFormatError
from .core.jsonfile import printable
from .core.presets import LESSONS, PRESETS
from .core.report import FORMATTERS

EXIT_BAD_INPUT = 2
EXIT_INVALID_NETWORK = 1


class UsageError(Exception):
    """Bad input from the command line; the message is shown as is."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        raise UsageError(f"{self.prog}: {message}")


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


def cmd_presets(argv: list[str]) -> int:
    parser = _Parser(prog="cnnstudio presets", description="List the case-study networks.")
    parser.parse_args(argv)
    for lesson in LESSONS:
        print(f"{lesson}:")
        for entry in PRESETS.values():
            if entry.lesson == lesson:
                print(f"  {entry.id:22s} {entry.title}  /  {entry.title_ko}")
    return 0


def cmd_summary(argv: list[str]) -> int:
    parser = _Parser(
        prog="cnnstudio summary",
        description="Every layer's output shape, parameters and multiply-accumulates (MACs).",
    )
    parser.add_argument(
        "net", help="a preset id (see 'cnnstudio presets'), a .cnnstudio.json file or an .onnx model"
    )
    parser.add_argument("--input", help="override the input shape: C,H,W (e.g. 3,224,224)")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="table")
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
    text = (
        formatter(summary, args.flops, weights=weights)
        if args.format == "json"
        else formatter(summary, args.flops, args.order, weights=weights)
    )
    sys.stdout.write(text)
    if args.verify:
        # keep the JSON on stdout parseable: the verdict goes to stderr then
        out = sys.stderr if args.format == "json" else sys.stdout
        return _verify(network, input_shape, summary.valid, out)
    return 0 if summary.valid else EXIT_INVALID_NETWORK


def _verify(network, input_shape, valid: bool, out) -> int:
    if not valid:
        raise UsageError("cannot verify an invalid network; fix the errors listed above first")
    from .model.verify import verify

    result = verify(network, input_shape)
    if result.ok:
        print(
            f"verified against PyTorch: {result.checked} layers, shapes, parameters and MACs all match",
            file=out,
        )
        return 0
    print(f"PyTorch disagrees on {len(result.mismatches)} values:", file=out)
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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_app(argv)
    except UsageError as error:
        print(
            f"cnnstudio: {error}" if not str(error).startswith("cnnstudio") else str(error), file=sys.stderr
        )
        return EXIT_BAD_INPUT
