"""Sizes and fonts of the diagram, and the short texts drawn on it.

Its colours are the app's (:mod:`cnnstudio.ui.style`, re-exported here for the diagram's code),
so the canvas, the palette icons and the exported pictures agree.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

# The grid the boxes sit on belongs to the core, since positions are part of the network.
from ...core.layout import COLUMN_WIDTH, ROW_HEIGHT  # noqa: F401
from ..style import (  # noqa: F401  (the diagram's colours, named once for the whole app)
    BACKGROUND,
    DROP_TARGET,
    EDGE,
    EDGE_HOVER,
    EDGE_LABEL_FILL,
    EDGE_LABEL_TEXT,
    ERROR,
    ERROR_FILL,
    GRID_DOT,
    HOVER_BORDER,
    LOCKED_LAYER,
    LOCKED_LAYER_FILL,
    MUTED_TEXT,
    NODE_BORDER,
    NODE_FILL,
    SELECTION,
    SHADOW,
    SHAPE_TEXT,
    TEXT,
    category_color,
    tinted,
)

NODE_WIDTH = 232.0
NODE_HEIGHT = 74.0
CORNER = 9.0
ACCENT_WIDTH = 6.0
PORT_RADIUS = 5.5
PORT_HIT_RADIUS = 11.0
INPUT_SPREAD = 26.0
"""Distance between the ends of the edges entering a merge (Add, Concat)."""

PASTE_OFFSET = 40.0

TERMINAL_CATEGORY = "Input"


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
