"""A comparison as text: a terminal table, Markdown, and the JSON contract.

The JSON form (``to_json``) is a documented contract (see the README)::

    {"title", "id", "note", "baseline",
     "networks": [{"label", "name", "source", "input", "output", "valid", "errors",
                   "total": {"weight_layers", "params", "macs", "other_ops", "activations"},
                   "stages": [{"key", "label", "size", "first", "last", "layers", "output_shape",
                               "weight_layers", "params", "macs", "other_ops", "activations"}]}],
     "stages": [stage keys, in the order they line up],
     "ratios": [{"network", "baseline", "metric", "value", "baseline_value", "factor", "short",
                 "words", "sentence"}]}

``factor`` is ``value / baseline_value`` as a float (null when the baseline is zero); ``short``
and ``words`` are the rounded ratio in words (``"9.68x fewer"``,
``"9.68x fewer multiply-accumulates"``).
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from ..core.blocks import fmt, format_shape
from .model import METRICS, Comparison, NetworkFigures

HEADINGS = {
    "weight_layers": "Weight layers",
    "params": "Params",
    "macs": "MACs",
    "other_ops": "Other ops",
    "activations": "Activations",
}
STAGE_METRICS = {"params": "Parameters per stage", "macs": "MACs per stage"}
MISSING = "-"
NOTE_WIDTH = 100


# -- JSON ---------------------------------------------------------------------------------------


def to_json_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON contract as Python data."""
    base = comparison.baseline
    return {
        "title": comparison.title,
        "id": comparison.id,
        "note": comparison.note,
        "baseline": base.label,
        "networks": [_network_dict(n) for n in comparison.networks],
        "stages": list(comparison.stage_keys),
        "ratios": [
            _ratio_dict(comparison, network, metric)
            for network in comparison.networks[1:]
            for metric in METRICS
        ],
    }


def _network_dict(network: NetworkFigures) -> dict[str, Any]:
    return {
        "label": network.label,
        "name": network.name,
        "source": network.source,
        "input": _listed(network.input_shape),
        "output": _listed(network.output_shape),
        "valid": network.valid,
        "errors": list(network.errors),
        "total": {metric: network.total(metric) for metric in METRICS},
        "stages": [
            {
                "key": s.key,
                "label": s.label,
                "size": _listed(s.size),
                "first": s.first,
                "last": s.last,
                "layers": s.layers,
                "output_shape": _listed(s.output_shape),
                **{metric: s.value(metric) for metric in METRICS},
            }
            for s in network.stages
        ],
    }


def _ratio_dict(comparison: Comparison, network: NetworkFigures, metric: str) -> dict[str, Any]:
    ratio = comparison.ratio(network, metric)
    factor = ratio.factor
    return {
        "network": network.label,
        "baseline": comparison.baseline.label,
        "metric": metric,
        "value": ratio.value,
        "baseline_value": ratio.baseline,
        "factor": None if factor is None else float(factor),
        "short": ratio.short,
        "words": ratio.words,
        "sentence": ratio.sentence(network.label, comparison.baseline.label),
    }


def _listed(values) -> list[int] | None:
    return None if values is None else list(values)


def to_json(comparison: Comparison) -> str:
    """The JSON contract as text."""
    return json.dumps(to_json_dict(comparison), indent=2, ensure_ascii=False) + "\n"


# -- rows shared by the table and Markdown ------------------------------------------------------


def totals_rows(comparison: Comparison) -> list[list[str]]:
    """Header and one row per network: number, label, input, output and every total."""
    rows = [["#", "Network", "Input", "Output", *(HEADINGS[m] for m in METRICS)]]
    for number, network in enumerate(comparison.networks, start=1):
        label = network.label + (" (baseline)" if number == 1 else "")
        if not network.valid:
            label += " INVALID"
        rows.append(
            [
                str(number),
                label,
                format_shape(network.input_shape),
                format_shape(network.output_shape),
                *(fmt(network.total(m)) for m in METRICS),
            ]
        )
    return rows


def stage_rows(comparison: Comparison, metric: str) -> list[list[str]]:
    """Header (stage, then the networks' numbers) and one row per stage key."""
    rows = [["Stage", *(str(i) for i in range(1, len(comparison.networks) + 1))]]
    for key in comparison.stage_keys:
        values = comparison.stage_values(key, metric)
        rows.append([key, *(MISSING if v is None else fmt(v) for v in values)])
    return rows


def stage_extents(network: NetworkFigures) -> str:
    """``"224x224 conv1_1 … pool1 · 112x112 conv2_1 … pool2 · ..."``."""
    parts = []
    for stage in network.stages:
        layers = stage.first if stage.layers == 1 else f"{stage.first} … {stage.last}"
        parts.append(f"{stage.key} {layers}")
    return " · ".join(parts) or "no layers"


def ratio_lines(comparison: Comparison) -> list[str]:
    """One line per network after the baseline: its ratios in words."""
    return [
        f"{network.label}: " + ", ".join(r.words for r in comparison.ratios(network))
        for network in comparison.networks[1:]
    ]


def error_lines(comparison: Comparison) -> list[str]:
    return [f"{n.label}: {error}" for n in comparison.networks for error in n.errors]


# -- terminal table -----------------------------------------------------------------------------


def to_table(comparison: Comparison) -> str:
    """Aligned plain text: totals, per-stage figures, the stages' layers, ratios, the note."""
    title = comparison.title + (f"  ({comparison.id})" if comparison.id else "")
    lines = [title, "=" * len(title), ""]
    lines += _aligned(totals_rows(comparison), right={0, 4, 5, 6, 7, 8})
    for metric, heading in STAGE_METRICS.items():
        rows = stage_rows(comparison, metric)
        lines += ["", heading, *_aligned(rows, right=set(range(1, len(rows[0]))))]
    lines += ["", "Stages (layers grouped by the size of the maps they work on)"]
    lines += [f"  {i}  {stage_extents(n)}" for i, n in enumerate(comparison.networks, start=1)]
    if len(comparison.networks) > 1:
        lines += ["", f"Against the baseline, {comparison.baseline.label}:"]
        lines += [f"  {line}" for line in ratio_lines(comparison)]
    if comparison.note:
        lines += ["", *textwrap.wrap(comparison.note, NOTE_WIDTH)]
    if error_lines(comparison):
        lines += ["", "Errors (the figures cover only what could be analysed):"]
        lines += [f"  - {line}" for line in error_lines(comparison)]
    return "\n".join(lines) + "\n"


def _aligned(rows: list[list[str]], right: set[int]) -> list[str]:
    """*rows* in columns, those numbered in *right* aligned to the right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


# -- Markdown -----------------------------------------------------------------------------------


def to_markdown(comparison: Comparison) -> str:
    """GitHub Markdown: the same sections as :func:`to_table`."""
    title = comparison.title + (f" (`{comparison.id}`)" if comparison.id else "")
    lines = [f"### {title}", ""]
    lines += _markdown_table(totals_rows(comparison), first_numeric=4)
    for metric, heading in STAGE_METRICS.items():
        lines += ["", f"**{heading}**", "", *_markdown_table(stage_rows(comparison, metric), 1)]
    lines += ["", "**Stages**", ""]
    lines += [f"{i}. {stage_extents(n)}" for i, n in enumerate(comparison.networks, start=1)]
    if len(comparison.networks) > 1:
        lines += ["", f"**Against the baseline, {comparison.baseline.label}:**", ""]
        lines += [f"- {line}" for line in ratio_lines(comparison)]
    if comparison.note:
        lines += ["", comparison.note]
    if error_lines(comparison):
        lines += ["", "**Errors** (the figures cover only what could be analysed):", ""]
        lines += [f"- {line}" for line in error_lines(comparison)]
    return "\n".join(lines) + "\n"


def _markdown_table(rows: list[list[str]], first_numeric: int) -> list[str]:
    align = ["---:" if i >= first_numeric else "---" for i in range(len(rows[0]))]
    return [
        "| " + " | ".join(_escaped(c) for c in rows[0]) + " |",
        "|" + "|".join(align) + "|",
        *("| " + " | ".join(_escaped(c) for c in row) + " |" for row in rows[1:]),
    ]


def _escaped(cell: str) -> str:
    return cell.replace("|", "\\|")


FORMATTERS = {"table": to_table, "json": to_json, "markdown": to_markdown}
"""Each ``--format``'s writer."""
