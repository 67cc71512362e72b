"""A summary as text: the JSON contract, a terminal table, CSV and Markdown.

The JSON form is a documented contract (see the README)::

    {"name", "input": [C, H, W],
     "layers": [{"name", "type", "depth", "output_shape", "params", "macs", "other_ops",
                 "activations", "receptive_field", "cumulative_stride", "formulas", "errors",
                 "notes"}],
     "total": {"params", "macs", "other_ops", "activations", "nodes",
               "weight_layers": {"depth", "total"}}, "valid", "errors"}

``output_shape`` is ``[C, H, W]`` or ``[N]`` when flat; totals sum the leaf layers. ``nodes``
counts the blocks on the canvas; ``weight_layers`` (given a
:class:`~cnnstudio.core.counting.WeightLayers`, as ``cnnstudio summary`` always does) counts the
convolutions and fully connected layers: ``depth`` on the longest path (the 16 of VGG-16),
``total`` on every path. The tables put the weight layers in their total row. With
``flops=True`` every layer and the totals also carry ``"flops"`` (2 x MACs).
"""

from __future__ import annotations

import csv
import io
import json
from types import MappingProxyType
from typing import Any

from .analysis import LayerRow, Summary
from .blocks import block_type, fmt, format_shape
from .counting import WeightLayers

HEADERS = ("Layer", "Type", "Output shape", "Params", "MACs", "% MACs", "Other ops", "Activations", "RF")


def weight_layers_text(weights: WeightLayers) -> str:
    """``16 weight layers``, or ``152 weight layers deep, 156 in all`` when side paths hold some."""
    if weights.depth == weights.total:
        return f"{weights.total} weight layer{'s' * (weights.total != 1)}"
    return f"{weights.depth} weight layer{'s' * (weights.depth != 1)} deep, {weights.total} in all"


def to_json_dict(
    summary: Summary, flops: bool = False, weights: WeightLayers | None = None
) -> dict[str, Any]:
    """The JSON contract as Python data (``total.weight_layers`` when *weights* are given)."""
    layers = [_layer_dict(row, flops) for row in summary.all_rows()]
    total: dict[str, Any] = {
        "params": summary.totals.params,
        "macs": summary.totals.macs,
        "other_ops": summary.totals.other_ops,
        "activations": summary.totals.activations,
        "nodes": len(summary.rows),
    }
    if weights is not None:
        total["weight_layers"] = {"depth": weights.depth, "total": weights.total}
    if flops:
        total["flops"] = 2 * summary.totals.macs
    return {
        "name": summary.name,
        "input": list(summary.input_shape) if summary.input_shape else None,
        "layers": layers,
        "total": total,
        "valid": summary.valid,
        "errors": list(summary.errors),
    }


def _layer_dict(row: LayerRow, flops: bool) -> dict[str, Any]:
    entry = {
        "name": row.path,
        "type": row.type,
        "depth": row.depth,
        "output_shape": list(row.shape) if row.shape is not None else None,
        "params": row.params,
        "macs": row.macs,
        "other_ops": row.other_ops,
        "activations": row.activations,
        "receptive_field": row.receptive_field,
        "cumulative_stride": row.cumulative_stride,
        "formulas": dict(row.formulas),
        "errors": list(row.errors),
        "notes": list(row.notes),
    }
    if flops:
        entry["flops"] = 2 * row.macs
    return entry


def to_json(summary: Summary, flops: bool = False, weights: WeightLayers | None = None) -> str:
    """The JSON contract as text."""
    return json.dumps(to_json_dict(summary, flops, weights), indent=2, ensure_ascii=False) + "\n"


def table_rows(
    summary: Summary, flops: bool = False, order: str = "hwc", weights: WeightLayers | None = None
) -> list[list[str]]:
    """Header, one row per layer (inner layers indented) and a totals row, as strings; the
    totals row's Type cell counts the weight layers when *weights* are given."""
    factor = 2 if flops else 1
    total_macs = summary.totals.macs or 1
    header = list(HEADERS)
    if flops:
        header[4], header[5] = "FLOPs", "% FLOPs"
    rows = [header]
    for row in summary.all_rows():
        rows.append(
            [
                "  " * row.depth + row.name,
                block_type(row.type).title,
                format_shape(row.shape, order),
                fmt(row.params),
                fmt(factor * row.macs),
                f"{100 * row.macs / total_macs:.1f}" if row.macs else "",
                fmt(row.other_ops),
                fmt(row.activations),
                "" if row.receptive_field is None else str(row.receptive_field),
            ]
        )
    t = summary.totals
    shape = format_shape(summary.output_shape, order)
    rows.append(
        [
            "Total",
            weight_layers_text(weights) if weights is not None else "",
            shape,
            fmt(t.params),
            fmt(factor * t.macs),
            "100.0",
            fmt(t.other_ops),
            fmt(t.activations),
            "",
        ]
    )
    return rows


def to_table(
    summary: Summary, flops: bool = False, order: str = "hwc", weights: WeightLayers | None = None
) -> str:
    """An aligned plain-text table, a line counting blocks (and weight layers), then any errors."""
    rows = table_rows(summary, flops, order)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    numeric = {3, 4, 5, 6, 7, 8}

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "-" * len(line(rows[0]))
    lines = [summary.name, rule, line(rows[0]), rule]
    lines += [line(r) for r in rows[1:-1]]
    lines += [rule, line(rows[-1])]
    blocks = f"{len(summary.rows)} block{'s' * (len(summary.rows) != 1)}"
    lines.append(f"{blocks}, {weight_layers_text(weights)}" if weights is not None else blocks)
    lines.append("valid" if summary.valid else "INVALID:")
    lines += [f"  - {error}" for error in summary.errors]
    return "\n".join(lines) + "\n"


def to_csv(
    summary: Summary, flops: bool = False, order: str = "hwc", weights: WeightLayers | None = None
) -> str:
    """The table as CSV with plain numbers (no thousands separators)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for cells in table_rows(summary, flops, order, weights):
        writer.writerow([c.strip().replace(",", "") if i >= 3 else c.strip() for i, c in enumerate(cells)])
    return out.getvalue()


def to_markdown(
    summary: Summary, flops: bool = False, order: str = "hwc", weights: WeightLayers | None = None
) -> str:
    """The table as a GitHub Markdown table."""
    rows = table_rows(summary, flops, order, weights)
    lines = [f"### {summary.name}", ""]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("|" + "|".join(["---"] * 3 + ["---:"] * 6) + "|")
    for cells in rows[1:]:
        cells = [cells[0].replace("  ", "&nbsp;&nbsp;"), *cells[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    if summary.errors:
        lines += ["", *[f"- {error}" for error in summary.errors]]
    return "\n".join(lines) + "\n"


FORMATTERS = MappingProxyType({"table": to_table, "json": to_json, "csv": to_csv, "markdown": to_markdown})
