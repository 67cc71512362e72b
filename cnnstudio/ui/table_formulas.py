"""The arithmetic the table shows that is not a single layer's: a layer's share of the MACs and
the totals row's sums, each layer it adds named (``conv1 156 + conv2 2,416 + ... = 61,706``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core import Summary, fmt

SUM_TERMS_SHOWN = 16
"""The totals row's formula names at most this many layers, then says how many more."""


def multiplication_signs(text: str) -> str:
    """Write the core's ``*`` as the ``×`` of the lecture: ``5*5*192`` -> ``5×5×192``."""
    return text.replace(" * ", " × ").replace("*", "×")


def share_formula(macs: int, total: int) -> str:
    """A layer's share of the network's MACs, worked out."""
    if not macs or not total:
        return QCoreApplication.translate("TableFormulas", "this layer does no multiply-accumulates")
    return QCoreApplication.translate(
        "TableFormulas", "{macs} / {total} = {share} % of the network's MACs"
    ).format(macs=fmt(macs), total=fmt(total), share=f"{100 * macs / total:.1f}")


def total_formula(summary: Summary, column: str, show_flops: bool) -> str:
    """The formula of the totals row's *column*."""
    totals = summary.totals
    if column in ("params", "macs", "other_ops", "activations"):
        text = sum_of_layers(summary, column)
        if column == "macs" and show_flops:
            flops = f"FLOPs = 2 * MACs = 2 * {fmt(totals.macs)} = {fmt(2 * totals.macs)}"
            text = f"{flops}\nMACs = {text}"
        return multiplication_signs(text)
    if column == "output_shape":
        return QCoreApplication.translate("TableFormulas", "the shape of the network's output")
    return ""


def sum_of_layers(summary: Summary, column: str) -> str:
    """``conv1 156 + conv2 2,416 + ... = 61,706``: the layers that add something, by name."""
    total = getattr(summary.totals, column)
    counted = [row for row in summary.rows if not row.dangling]
    terms = [(row.name, getattr(row, column)) for row in counted if getattr(row, column)]
    if not terms:
        return QCoreApplication.translate("TableFormulas", "no layer adds any: {total}").format(
            total=fmt(total)
        )
    shown = " + ".join(f"{name} {fmt(value)}" for name, value in terms[:SUM_TERMS_SHOWN])
    rest = terms[SUM_TERMS_SHOWN:]
    if rest:
        rest_sum = fmt(sum(value for _, value in rest))
        shown += " + " + QCoreApplication.translate("TableFormulas", "{count} more layers {sum}").format(
            count=fmt(len(rest)), sum=rest_sum
        )
    lines = [f"{shown} = {fmt(total)}"]
    if len(terms) < len(counted):
        lines.append(
            QCoreApplication.translate("TableFormulas", "Layers that add nothing are left out of the sum.")
        )
    if len(counted) < len(summary.rows):
        lines.append(
            QCoreApplication.translate(
                "TableFormulas", "Dangling layers are not part of the network, so they are not counted."
            )
        )
    return "\n".join(lines)


__all__ = ["SUM_TERMS_SHOWN", "multiplication_signs", "share_formula", "sum_of_layers", "total_formula"]
