"""The Help menu's pages: the keyboard and mouse, and what the numbers count.

The keyboard page is written from the window's own actions, so it shows the keys this platform
really uses (Redo is Ctrl+Shift+Z under KDE and GNOME, Ctrl+Y elsewhere, and both work) and
stays right when an action is added. What is counted follows the conventions of
:mod:`cnnstudio.core.layers` and :mod:`cnnstudio.core.counting`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

MOUSE = (
    ("Mouse wheel", "Zoom in or out at the mouse"),
    ("Shift + wheel", "Scroll up and down"),
    ("Alt + wheel", "Scroll sideways"),
    ("Middle button drag, or Space + drag", "Pan the canvas"),
    ("Drag a block from the palette", "Add it where you drop it; onto a connection, insert it there"),
    ("Double-click a block in the palette", "Add it after the selected layer"),
    ("Drag from a port to another layer", "Connect the two layers"),
    ("Click, Ctrl+click, drag a rectangle", "Select layers"),
    ("Double-click a residual block or an Inception module", "See the layers inside (Esc returns)"),
    ("Click a column's title in the table", "Sort the layers by it; a third click restores the order"),
)
KEYS = (
    ("Enter", "Open the selected block"),
    ("Esc", "Cancel a drag, or go back from an opened block"),
)

COUNTED = """
<h3>What the table counts</h3>
<p>Every number is per image (a batch of one), and each cell shows the arithmetic behind it in
the formula panel when you click it.</p>
<ul>
<li><b>Output shape</b>: the tensor a layer hands on, in height × width × channels (the
lecture's notation) or channels × height × width (PyTorch's); switch under View.</li>
<li><b>Params</b>: the learned numbers. A convolution has k × k × input channels weights per
filter plus one bias per filter; a fully connected layer inputs × units weights plus one bias
per unit; batch norm a scale and a shift per channel.</li>
<li><b>MACs</b>: the multiply-accumulates of convolutions and fully connected layers, bias
excluded, the convention of torchvision's published figures and of the ResNet and GoogLeNet
papers. <b>FLOPs</b> = 2 × MACs (one multiply and one add).</li>
<li><b>Other ops</b>: the work that is not a multiply-accumulate, per output value: 1 per bias
add, activation and extra input of an Add; 3 for softmax; 2 for batch norm; k × k per pooling
window; size + 2 for local response normalization; none for dropout, flatten and concat.</li>
<li><b>Activations</b>: the values a layer outputs.</li>
<li><b>Receptive field</b>: how many input pixels across one output value sees
(RF = RF before + (k − 1) × the stride so far); through branches, the largest.</li>
</ul>
<h3>Weight layers: the number in a network's name</h3>
<p>Convolutions and fully connected layers are the weight layers. The number in VGG-16 or
ResNet-152 is the most weight layers on one path from the input to the output (the inspector
shows it when nothing is selected): LeNet-5 5, AlexNet 8, VGG-16 16, ResNet-152 152 (a
projection shortcut runs beside the main path, not on it), GoogLeNet 22 (two per inception
module). Counting every branch gives more: ResNet-152 156, GoogLeNet 58. Both differ from the
number of blocks on the canvas (VGG-16 has 41, its ReLUs and pools among them).</p>
<h3>What is left out</h3>
<p>A dangling layer, one that no path from the Input reaches (a block dropped on empty canvas
and not connected yet), is not part of the network: its row is grey, and neither the totals
nor the weight layers count it.</p>
"""


HELP_TEXT = "helpText"
"""An action's property naming it in the keyboard page (Undo's own text names the last edit)."""


def _typed(key: QKeySequence) -> bool:
    """Whether *key* is typed on a plain keyboard (not a dedicated Redo or Copy key)."""
    return key.count() > 0 and key[0].key().value < Qt.Key.Key_Back.value


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """``(keys, what it does)`` for every action with a shortcut, in the platform's notation."""
    rows = []
    for action in actions:
        keys = [
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts() if _typed(key)
        ]
        if keys:
            name = action.property(HELP_TEXT) or action.text().replace("&", "").rstrip("…")
            rows.append((", ".join(keys), name))
    return rows


def _table(title: str, rows) -> str:
    body = "".join(
        f"<tr><td style='padding: 2px 16px 2px 0;'><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
        for keys, what in rows
    )
    return f"<h3>{escape(title)}</h3><table>{body}</table>"


def shortcuts_html(actions: list[QAction]) -> str:
    """The keyboard and mouse page."""
    return (
        _table("Keyboard", [*shortcut_rows(actions), *KEYS])
        + "<p>The keys work wherever the focus is in the window, except inside a text field, "
        "where they edit the text.</p>" + _table("Mouse", MOUSE)
    )


class HelpPage(QDialog):
    """A help page: rich text in a scrollable, selectable view, and a Close button."""

    def __init__(self, title: str, html: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.text = QTextBrowser(self)
        self.text.setObjectName("helpText")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry()
        self.resize(min(720, int(available.width() * 0.9)), min(640, int(available.height() * 0.85)))


def shortcuts_page(actions: list[QAction], parent: QWidget | None = None) -> HelpPage:
    """Help > Keyboard and mouse."""
    return HelpPage("Keyboard and mouse", shortcuts_html(actions), "shortcutsPage", parent)


def counted_page(parent: QWidget | None = None) -> HelpPage:
    """Help > What is counted."""
    return HelpPage("What is counted", COUNTED, "countedPage", parent)


__all__ = ["HELP_TEXT", "HelpPage", "counted_page", "shortcut_rows", "shortcuts_html", "shortcuts_page"]
