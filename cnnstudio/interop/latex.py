"""The shape and cost table as a LaTeX ``booktabs`` table, for slides and papers.

The rows and numbers are those of :func:`cnnstudio.core.report.table_rows` (the table the app
shows); text is escaped for LaTeX, shapes are written with ``\\times`` and inner layers are
indented with ``\\quad``.
"""

from __future__ import annotations

import re

from .. import __version__
from ..core.analysis import Summary
from ..core.report import table_rows

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SHAPE = re.compile(r"^\d+(x\d+)*$")


def escape(text: str) -> str:
    """*text* with LaTeX's special characters escaped."""
    return "".join(_SPECIAL.get(char, char) for char in text)


def _cell(text: str, column: int) -> str:
    stripped = text.lstrip(" ")
    depth = (len(text) - len(stripped)) // 2
    if column == 2 and _SHAPE.match(stripped) and "x" in stripped:
        return stripped.replace("x", r"$\times$")
    return r"\quad " * depth + escape(stripped)


def to_latex(summary: Summary, flops: bool = False, order: str = "hwc", weights=None) -> str:
    """A ``table`` environment with a ``booktabs`` tabular of every layer and the totals (the
    weight layers counted in the totals row when *weights*, a ``WeightLayers``, are given)."""
    rows = table_rows(summary, flops, order, weights)
    header, body, total = rows[0], rows[1:-1], rows[-1]
    count = "FLOPs" if flops else "multiply-accumulates"
    lines = [
        f"% {escape(summary.name)}: the shape and cost table from CNN Studio {__version__}.",
        "% Needs \\usepackage{booktabs} in the preamble.",
        r"\begin{table}[htbp]",
        r"  \centering",
        rf"  \caption{{{escape(summary.name)}: output shapes, parameters and {count}}}",
        r"  \begin{tabular}{lll" + "r" * (len(header) - 3) + "}",
        r"    \toprule",
        "    " + " & ".join(escape(h) for h in header) + r" \\",
        r"    \midrule",
    ]
    lines += ["    " + " & ".join(_cell(c, i) for i, c in enumerate(cells)) + r" \\" for cells in body]
    lines += [
        r"    \midrule",
        "    " + " & ".join(_cell(c, i) for i, c in enumerate(total)) + r" \\",
        r"    \bottomrule",
        r"  \end{tabular}",
    ]
    if summary.errors:
        lines.append(r"  \par\smallskip\footnotesize Errors: " + escape("; ".join(summary.errors)))
    lines.append(r"\end{table}")
    return "\n".join(lines) + "\n"
