"""Colours and style sheets of the desktop app, in one place.

Every colour the windows, the diagram and the icons use is named here once (a block category's
colour is the same on the canvas, in the palette, in the inspector and on its icon), and so is
every style sheet. The diagram's sizes and fonts live in :mod:`cnnstudio.ui.canvas.style`.
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtGui import QColor

# -- colours by meaning (hex, for style sheets and rich text) ------------------------------------

INK = "#1d232c"
"""Body text."""
MUTED = "#66707f"
"""Secondary text: hints, help, counts."""
FAINT = "#9099a4"
"""Numbers that are zero, layers that are not part of the network."""
ACCENT = "#2f6fde"
SELECTION_BLUE = "#1f6feb"
ERROR_RED = "#d93025"
ERROR_TEXT = "#b3261e"
ERROR_CELL = "#c62828"
"""A table row with a problem."""
ERROR_PALE = "#fdecea"
ERROR_EDGE = "#f2b8b5"
VALID_GREEN = "#2e7d32"
DROP_GREEN = "#1f9d55"
LOCKED_TEXT = "#8a5300"
LOCKED_PALE = "#fff4e0"
LOCKED_EDGE = "#f0c36d"
FORMULA_MAIN = "#111111"
FORMULA_SIDE = "#555555"
FORMULA_MUTED = "#666666"

CATEGORY_COLORS = MappingProxyType(
    {
        "Input": "#5b6b7f",
        "Convolution & pooling": ACCENT,
        "Fully connected": "#8a4fd1",
        "Activations": "#d9822b",
        "Normalization & regularization": "#139c8c",
        "Merge": "#d2417a",
        "Blocks": "#2e9b45",
    }
)
"""The colour of each palette category: its blocks' accent strip, icon and inspector title."""

# -- the diagram's colours ----------------------------------------------------------------------

BACKGROUND = QColor("#f3f4f7")
GRID_DOT = QColor("#d5d9e0")
NODE_FILL = QColor("#ffffff")
NODE_BORDER = QColor("#c3c9d3")
HOVER_BORDER = QColor("#8d97a8")
SELECTION = QColor(SELECTION_BLUE)
TEXT = QColor(INK)
MUTED_TEXT = QColor(MUTED)
SHAPE_TEXT = QColor("#0b3d91")
ERROR = QColor(ERROR_RED)
ERROR_FILL = QColor(ERROR_PALE)
EDGE = QColor("#8a93a3")
EDGE_HOVER = QColor("#4c5566")
EDGE_LABEL_FILL = QColor(255, 255, 255, 230)
EDGE_LABEL_TEXT = QColor("#3a4352")
DROP_TARGET = QColor(DROP_GREEN)
SHADOW = QColor(0, 0, 0, 22)
CHIP_FILL = QColor(255, 255, 255, 235)
"""The block chip that follows the mouse while dragging from the palette."""

# -- style sheets -------------------------------------------------------------------------------

MUTED_LABEL = f"color: {MUTED};"
ERROR_BOX = (
    f"color: {ERROR_TEXT}; background: {ERROR_PALE}; border: 1px solid {ERROR_EDGE}; "
    "border-radius: 4px; padding: 6px;"
)
LOCKED_BANNER = f"color: {LOCKED_TEXT}; background: {LOCKED_PALE}; padding: 6px;"
LOCKED_BADGE = (
    f"color: {LOCKED_TEXT}; background: {LOCKED_PALE}; border: 1px solid {LOCKED_EDGE}; "
    "border-radius: 4px; padding: 3px 8px;"
)
ZOOM_HINT = (
    f"color: {MUTED}; background: rgba(255, 255, 255, 210); border: 1px solid #d5d9e0; "
    "border-radius: 4px; padding: 2px 6px;"
)
"""The canvas's corner note: the zoom, and that the wheel zooms."""
HEADING = "font-weight: 600; margin-top: 8px;"
TITLE = "font-size: 14pt; font-weight: 600;"
START_PAGE = f"""
QDialog#startPage, QWidget#startCards {{ background: palette(base); }}
QPushButton#presetCard {{
    text-align: left; border: 1px solid #c9d3e0; border-radius: 10px;
    background: #f7f9fc; padding: 0px;
}}
QPushButton#presetCard:hover {{ border: 2px solid {ACCENT}; background: #eef4ff; }}
QPushButton#presetCard:focus {{ border: 2px solid {ACCENT}; }}
QPushButton#emptyCard {{
    text-align: left; border: 1px dashed #9aa8bb; border-radius: 10px;
    background: palette(base); padding: 0px;
}}
QPushButton#emptyCard:hover {{ border: 2px dashed {ACCENT}; background: #eef4ff; }}
QPushButton#emptyCard:focus {{ border: 2px dashed {ACCENT}; }}
QLabel#cardTitle {{ font-size: 15px; font-weight: 600; color: #1b2a41; }}
QLabel#cardTitleKo {{ font-size: 13px; color: #4a5a70; }}
QLabel#cardText {{ font-size: 12px; color: #2b3645; }}
QLabel#cardStats {{ font-size: 12px; color: {ACCENT}; font-weight: 600; }}
QLabel#lessonTitle {{ font-size: 17px; font-weight: 600; color: #1b2a41; padding-top: 10px; }}
QLabel#pageTitle {{ font-size: 22px; font-weight: 600; color: #1b2a41; }}
QLabel#pageText {{ font-size: 13px; color: #4a5a70; }}
"""


# -- plots: training curves, results, the compare view ------------------------------------------

SERIES_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")
"""The colour of the first, second, ... run or pinned network, the same in every plot."""
PLOT_BACKGROUND = "#ffffff"
AXIS_COLOR = "#444444"
PLOT_CAPTION = "#666666"
LEGEND_BRUSH = (255, 255, 255, 220)
LEGEND_PEN = "#cccccc"
BAR_PEN = "#ffffff"
"""A thin white line between neighbouring bars."""
CROSSHAIR = "#888888"
RIGHT_GREEN = "#2e7d32"
"""A right prediction (the confusion matrix's diagonal, a correctly classified image)."""
WRONG_RED = ERROR_CELL
MATRIX_GRID = "#dddddd"
MATRIX_DARK_TEXT = "#222222"
MATRIX_LIGHT_TEXT = "#ffffff"
SECONDARY_TEXT = "#555555"

PLOT_CAPTION_STYLE = f"color: {PLOT_CAPTION};"
SECONDARY_LABEL = f"color: {SECONDARY_TEXT};"
ERROR_LABEL = f"color: {ERROR_CELL};"
"""A short error message under a control (e.g. a dataset that cannot be opened)."""
COMPARE_TITLE = "font-weight: 600; font-size: 11pt;"
FAILURE_TEXT = "#8e1c1c"
REASON_LABEL = f"color: {FAILURE_TEXT};"
BANNERS = MappingProxyType(
    {
        "error": f"background: {ERROR_PALE}; color: {FAILURE_TEXT}; border: 1px solid #f5c2c0; "
        "border-radius: 4px; padding: 6px;",
        "info": "background: #e8f1fb; color: #17436b; border: 1px solid #bcd4ee; border-radius: 4px; padding: 6px;",
    }
)
"""The training panel's banner: a failed run (error) or a note about the weights (info)."""


def series_color(index: int) -> str:
    """The colour of the run or pinned network at *index* (colours repeat after eight)."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]


def colored(color: str) -> str:
    """A style sheet setting the text colour to *color*."""
    return f"color: {color};"


def category_color(category: str) -> QColor:
    """The colour of a palette category (grey for an unknown one)."""
    return QColor(CATEGORY_COLORS.get(category, CATEGORY_COLORS["Input"]))


def tinted(color: QColor, amount: float) -> QColor:
    """*color* mixed with white: ``amount`` 0 is white, 1 is the colour itself."""
    r = round(255 + (color.red() - 255) * amount)
    g = round(255 + (color.green() - 255) * amount)
    b = round(255 + (color.blue() - 255) * amount)
    return QColor(r, g, b)


# -- lessons and exercises ------------------------------------------------------------------------

FORMULA_BOX = "#f4f6fa"
"""The background of a lesson's formula box."""
FORMULA_BOX_EDGE = "#cdd5e1"
STEP_DONE = "#2e7d32"
STEP_DONE_PALE = "#e8f5e9"
STEP_DONE_EDGE = "#a5d6a7"
STEP_OPEN_EDGE = "#d5dbe5"
HINT_PALE = "#fff8e1"
HINT_EDGE = "#f3d58a"
STEP_FRAME = f"QFrame#lessonStep {{ border: 1px solid {STEP_OPEN_EDGE}; border-radius: 6px; }}"
STEP_FRAME_DONE = (
    f"QFrame#lessonStep {{ border: 1px solid {STEP_DONE_EDGE}; border-radius: 6px; "
    f"background: {STEP_DONE_PALE}; }}"
)
"""A "Try it" step of a lesson, before and after the network does it."""
STEP_MARK = f"font-size: 15pt; color: {MUTED};"
STEP_MARK_DONE = f"font-size: 15pt; color: {STEP_DONE}; font-weight: 700;"
HINT_BOX = (
    f"color: {INK}; background: {HINT_PALE}; border: 1px solid {HINT_EDGE}; border-radius: 4px; padding: 6px;"
)
"""A hint: a step's, or the exercise checker's first mismatch."""
PASSED_BOX = (
    f"color: {STEP_DONE}; background: {STEP_DONE_PALE}; border: 1px solid {STEP_DONE_EDGE}; "
    "border-radius: 4px; padding: 6px; font-weight: 600;"
)
"""An exercise passed."""
PROBLEM_LIST = f"color: {ERROR_TEXT};"
# -- experiments: gradient heat maps, feature maps, the identity check -------------------------

GRADIENT_COLORMAP = "viridis"
"""pyqtgraph's colour map for log10 gradient norms: dark is a vanishing gradient, yellow a large one."""
RECEPTIVE_FIELD_PEN = "#ff3b30"
"""The box drawn over the sample around the pixels one output position reads."""
SELECTED_TILE_PEN = "#ffcc00"
"""The outline of the feature map (channel) being read."""
CHECK_PASSED = VALID_GREEN
CHECK_FAILED = ERROR_CELL
IDENTITY_VERDICT = "font-size: 12pt; font-weight: 600; color: {color};"
"""The identity check's verdict line (``color`` is CHECK_PASSED or CHECK_FAILED)."""
LOOK_FOR_BOX = "background: #f4f7fb; border: 1px solid #d3dce8; border-radius: 4px; padding: 6px;"
"""The 'what to look for' text of an experiment's window."""
DEPTH_COLORS = MappingProxyType({"plain": SERIES_COLORS[0], "resnet": SERIES_COLORS[1]})
"""The depth experiment's colours: plain networks blue, ResNets red (20 layers dashed, 56 solid)."""
TILE_GAP_LEVEL = 170
"""The gray (0-255) of the lines between feature maps and filters: apart from both black and white."""
