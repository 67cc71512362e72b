"""Colours, sizes and fonts of the diagram, and the short texts drawn on it.

One place for the look, so the canvas, the palette icons and the exported pictures agree.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

# The grid the boxes sit on belongs to the core, since positions are part of the network.
from ...core.layout import COLUMN_WIDTH, ROW_HEIGHT  # noqa: F401

NODE_WIDTH = 232.0
NODE_HEIGHT = 74.0
CORNER = 9.0
ACCENT_WIDTH = 6.0
PORT_RADIUS = 5.5
PORT_HIT_RADIUS = 11.0
INPUT_SPREAD = 26.0
"""Distance between the ends of the edges entering a merge (Add, Concat)."""

PASTE_OFFSET = 40.0

CATEGORY_COLORS = {
    "Input": "#5b6b7f",
    "Convolution & pooling": "#2f6fde",
    "Fully connected": "#8a4fd1",
    "Activations": "#d9822b",
    "Normalization & regularization": "#139c8c",
    "Merge": "#d2417a",
    "Blocks": "#2e9b45",
}
TERMINAL_CATEGORY = "Input"

BACKGROUND = QColor("#f3f4f7")
GRID_DOT = QColor("#d5d9e0")
NODE_FILL = QColor("#ffffff")
NODE_BORDER = QColor("#c3c9d3")
HOVER_BORDER = QColor("#8d97a8")
SELECTION = QColor("#1f6feb")
TEXT = QColor("#1d232c")
MUTED_TEXT = QColor("#66707f")
SHAPE_TEXT = QColor("#0b3d91")
ERROR = QColor("#d93025")
ERROR_FILL = QColor("#fdecea")
EDGE = QColor("#8a93a3")
EDGE_HOVER = QColor("#4c5566")
EDGE_LABEL_FILL = QColor(255, 255, 255, 230)
EDGE_LABEL_TEXT = QColor("#3a4352")
DROP_TARGET = QColor("#1f9d55")


def category_color(category: str) -> QColor:
    """The colour of a palette category (grey for an unknown one)."""
    return QColor(CATEGORY_COLORS.get(category, "#5b6b7f"))


def tinted(color: QColor, amount: float) -> QColor:
    """*color* mixed with white: ``amount`` 0 is white, 1 is the colour itself."""
    r = round(255 + (color.red() - 255) * amount)
    g = round(255 + (color.green() - 255) * amount)
    b = round(255 + (color.blue() - 255) * amount)
    return QColor(r, g, b)


def font(point_size: float, bold: bool = False, mono: bool = False) -> QFont:
    """The diagram's fonts: the application's family, or a fixed-width one for numbers."""
    result = QFont()
    if mono:
        result.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        result.setStyleHint(QFont.StyleHint.Monospace)
    result.setPointSizeF(point_size)
    result.setBold(bold)
    return result


def compact(number: int) -> str:
    """A count in three significant digits: ``117600`` -> ``118K``, ``12443648`` -> ``12.4M``."""
    value = float(number)
    for unit in ("", "K", "M", "G", "T"):
        if abs(value) < 999.5 or unit == "T":
            if unit == "":
                return f"{number:,}"
            digits = 0 if abs(value) >= 99.95 else (1 if abs(value) >= 9.995 else 2)
            return f"{value:.{digits}f}{unit}"
        value /= 1000.0
    return str(number)


def cost_text(macs: int, show_flops: bool) -> str:
    """The cost hint drawn on a node: ``118K MACs`` or ``235K FLOPs``; empty for none."""
    if macs <= 0:
        return ""
    if show_flops:
        return f"{compact(2 * macs)} FLOPs"
    return f"{compact(macs)} MACs"
