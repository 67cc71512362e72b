"""``cnnstudio compare NET NET... [--format table|json|markdown]``: networks side by side.

A NET is a preset id, a ``.cnnstudio.json`` file, an ``.onnx`` model, or the id of a ready-made
comparison (``cnnstudio compare --list``), which stands for its networks. The first network is
the baseline of every ratio. Exit status: 0, or 1 when a network has errors (its figures are
still printed), 2 for bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys

from ..cli import EXIT_BAD_INPUT, EXIT_INVALID_NETWORK, UsageError, language_parser, load_network
from ..comparing.model import Comparison, NetworkFigures, compare, figures
from ..comparing.readymade import READY_MADE, ready_made
from ..comparing.report import (
    FORMATTERS,
    STAGE_METRICS,
    error_lines,
    stage_extents,
    stage_rows,
    totals_rows,
)
from ..i18n.commandline import aligned, current_language, display_width, say

PROG = "cnnstudio compare"


def build_parser() -> argparse.ArgumentParser:
    parser = language_parser(
        PROG,
        "Compare networks: totals, parameters and MACs per stage, and ratios in words "
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
    parser.add_argument("--format", choices=list(FORMATTERS), default="table", help="table, json or markdown")
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
        text = say(str(error))
        print(text if text.startswith("cnnstudio") else f"{PROG}: {text}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "table" and current_language() != "en":
        sys.stdout.write(translated_table(comparison))
    else:
        sys.stdout.write(FORMATTERS[args.format](comparison))
    return 0 if all(n.valid for n in comparison.networks) else EXIT_INVALID_NETWORK


def listing() -> str:
    """One line per ready-made comparison: id, title (Korean's own under Korean) and presets."""
    width = max(len(entry_id) for entry_id in READY_MADE)
    korean = current_language() == "ko"
    return "".join(
        f"{entry.id:{width}s}  {entry.title_ko if korean else entry.title}  ({' vs '.join(entry.presets)})\n"
        for entry in READY_MADE.values()
    )


def translated_table(comparison: Comparison) -> str:
    """The comparison's terminal table in the command line's language: headings, ratios in
    words, the note and the errors translated, columns aligned by display width; labels, stage
    keys, layer names and numbers as they are (see :func:`cnnstudio.comparing.report.to_table`)."""
    entry = READY_MADE.get(comparison.id) if comparison.id else None
    title = (entry.title_ko if entry is not None and current_language() == "ko" else comparison.title) + (
        f"  ({comparison.id})" if comparison.id else ""
    )
    lines = [title, "=" * display_width(title), ""]
    totals = totals_rows(comparison)
    totals[0] = [say(cell) for cell in totals[0]]
    for row in totals[1:]:
        row[1] = row[1].replace("(baseline)", say("(baseline)")).replace(" INVALID", " " + say("INVALID"))
    lines += aligned(totals, right={0, 4, 5, 6, 7, 8})
    for metric, heading in STAGE_METRICS.items():
        rows = stage_rows(comparison, metric)
        rows[0][0] = say(rows[0][0])
        lines += ["", say(heading), *aligned(rows, right=set(range(1, len(rows[0]))))]
    lines += ["", say("Stages (layers grouped by the size of the maps they work on)")]
    lines += [f"  {i}  {stage_extents(n)}" for i, n in enumerate(comparison.networks, start=1)]
    if len(comparison.networks) > 1:
        lines += ["", say(f"Against the baseline, {comparison.baseline.label}:")]
        lines += [
            f"  {network.label}: " + ", ".join(say(r.words) for r in comparison.ratios(network))
            for network in comparison.networks[1:]
        ]
    if comparison.note:
        lines += ["", say(comparison.note)]
    if error_lines(comparison):
        lines += ["", say("Errors (the figures cover only what could be analysed):")]
        lines += [f"  - {n.label}: {say(error)}" for n in comparison.networks for error in n.errors]
    return "\n".join(lines) + "\n"


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
