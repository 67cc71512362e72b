"""``cnnstudio compare NET NET... [--format table|json|markdown]``: networks side by side.

A NET is a preset id, a ``.cnnstudio.json`` file, an ``.onnx`` model, or the id of a ready-made
comparison (``cnnstudio compare --list``), which stands for its networks. The first network is
the baseline of every ratio. Exit status: 0, or 1 when a network has errors (its figures are
still printed), 2 for bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys

from ..cli import EXIT_BAD_INPUT, EXIT_INVALID_NETWORK, UsageError, _Parser, load_network
from ..comparing.model import Comparison, NetworkFigures, compare, figures
from ..comparing.readymade import READY_MADE, ready_made
from ..comparing.report import FORMATTERS

PROG = "cnnstudio compare"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Compare networks: totals, parameters and MACs per stage, and ratios in words "
        "against the first network.",
        epilog="ready-made comparisons: " + ", ".join(READY_MADE),
    )
    parser.add_argument(
        "nets",
        nargs="*",
        metavar="NET",
        help="a preset id (see 'cnnstudio presets'), a .cnnstudio.json file, an .onnx model, or a "
        "ready-made comparison's id, which stands for its networks",
    )
    parser.add_argument("--format", choices=list(FORMATTERS), default="table")
    parser.add_argument("--list", action="store_true", help="list the ready-made comparisons and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.list:
            sys.stdout.write(listing())
            return 0
        comparison = comparison_of(args.nets)
    except UsageError as error:
        text = str(error)
        print(text if text.startswith("cnnstudio") else f"{PROG}: {text}", file=sys.stderr)
        return EXIT_BAD_INPUT
    sys.stdout.write(FORMATTERS[args.format](comparison))
    return 0 if all(n.valid for n in comparison.networks) else EXIT_INVALID_NETWORK


def listing() -> str:
    """One line per ready-made comparison: id, title and its presets."""
    width = max(len(entry_id) for entry_id in READY_MADE)
    return "".join(
        f"{entry.id:{width}s}  {entry.title}  ({' vs '.join(entry.presets)})\n"
        for entry in READY_MADE.values()
    )


def comparison_of(names: list[str]) -> Comparison:
    """The comparison the NET arguments ask for; :class:`UsageError` saying why not."""
    if len(names) == 1 and names[0] in READY_MADE:
        return ready_made(names[0])
    networks: list[NetworkFigures] = []
    for name in names:
        if name in READY_MADE:
            networks += ready_made(name).networks
        else:
            networks.append(figures(load_network(name), source=name))
    if len(networks) < 2:
        raise UsageError(
            "give two networks or more, or one ready-made comparison "
            f"({', '.join(READY_MADE)}); see 'cnnstudio compare --help'"
        )
    return compare(networks)
