"""The compare view's colours and style sheets, in one place.

The series colours match the training plots' run colours, so a student meets the same blue,
red and green for "first", "second" and "third" across the app; the plot background and axis
colour match the training plots too.
"""

from __future__ import annotations

SERIES_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")
"""The colour of the first, second, ... pinned network (its bars and its swatch in the table)."""
PLOT_BACKGROUND = "#ffffff"
AXIS_COLOR = "#444444"
LEGEND_BRUSH = (255, 255, 255, 220)
LEGEND_PEN = "#cccccc"
BAR_PEN = "#ffffff"
"""A thin white line between neighbouring bars."""

TITLE_STYLE = "font-weight: 600; font-size: 11pt;"
MUTED_STYLE = "color: #66707f;"
ERROR_STYLE = "color: #b3261e;"
INVALID_TEXT = "#c62828"
"""The name of a network with errors in the totals table."""
EMPHASIS = "#1d232c"


def series_color(index: int) -> str:
    """The colour of the pinned network at *index* (colours repeat after eight)."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]
