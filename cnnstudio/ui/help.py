"""The Help menu's pages: the keyboard and mouse, and what the numbers count.

The keyboard page is written from the window's own actions, so it shows the keys this platform
really uses (Redo is Ctrl+Shift+Z under KDE and GNOME, Ctrl+Y elsewhere, and both work) and
stays right when an action is added. What is counted follows the conventions of
:mod:`cnnstudio.core.layers` and :mod:`cnnstudio.core.counting`.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

HELP = "Help"
MOUSE = (
    (QT_TRANSLATE_NOOP("Help", "Mouse wheel"), QT_TRANSLATE_NOOP("Help", "Zoom in or out at the mouse")),
    (QT_TRANSLATE_NOOP("Help", "Shift + wheel"), QT_TRANSLATE_NOOP("Help", "Scroll up and down")),
    (QT_TRANSLATE_NOOP("Help", "Alt + wheel"), QT_TRANSLATE_NOOP("Help", "Scroll sideways")),
    (
        QT_TRANSLATE_NOOP("Help", "Middle button drag, or Space + drag"),
        QT_TRANSLATE_NOOP("Help", "Pan the canvas"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Drag a block from the palette"),
        QT_TRANSLATE_NOOP("Help", "Add it where you drop it; onto a connection, insert it there"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Double-click a block in the palette"),
        QT_TRANSLATE_NOOP("Help", "Add it after the selected layer"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Drag from a port to another layer"),
        QT_TRANSLATE_NOOP("Help", "Connect the two layers"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Click, Ctrl+click, drag a rectangle"),
        QT_TRANSLATE_NOOP("Help", "Select layers"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Double-click a residual block or an Inception module"),
        QT_TRANSLATE_NOOP("Help", "See the layers inside (Esc returns)"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Click a column's title in the table"),
        QT_TRANSLATE_NOOP("Help", "Sort the layers by it; a third click restores the order"),
    ),
)
KEYS = (
    (QT_TRANSLATE_NOOP("Help", "Enter"), QT_TRANSLATE_NOOP("Help", "Open the selected block")),
    (
        QT_TRANSLATE_NOOP("Help", "Esc"),
        QT_TRANSLATE_NOOP("Help", "Cancel a drag, or go back from an opened block"),
    ),
)

COUNTED = (
    ("h3", QT_TRANSLATE_NOOP("Help", "What the table counts")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "Help",
            "Every number is per image (a batch of one), and each cell shows the arithmetic behind it "
            "in the formula panel when you click it.",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "Help",
            "<b>Output shape</b>: the tensor a layer hands on, in height × width × channels (the "
            "lecture's notation) or channels × height × width (PyTorch's); switch under View.",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "Help",
            "<b>Params</b>: the learned numbers. A convolution has k × k × input channels weights per "
            "filter plus one bias per filter; a fully connected layer inputs × units weights plus one "
            "bias per unit; batch norm a scale and a shift per channel.",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "Help",
            "<b>MACs</b>: the multiply-accumulates of convolutions and fully connected layers, bias "
            "excluded, the convention of torchvision's published figures and of the ResNet and "
            "GoogLeNet papers. <b>FLOPs</b> = 2 × MACs (one multiply and one add).",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "Help",
            "<b>Other ops</b>: the work that is not a multiply-accumulate, per output value: 1 per bias "
            "add, activation and extra input of an Add; 3 for softmax; 2 for batch norm; k × k per "
            "pooling window; size + 2 for local response normalization; none for dropout, flatten and "
            "concat.",
        ),
    ),
    ("li", QT_TRANSLATE_NOOP("Help", "<b>Activations</b>: the values a layer outputs.")),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "Help",
            "<b>Receptive field</b>: how many input pixels across one output value sees (RF = RF "
            "before + (k − 1) × the stride so far); through branches, the largest.",
        ),
    ),
    ("h3", QT_TRANSLATE_NOOP("Help", "Weight layers: the number in a network's name")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "Help",
            "Convolutions and fully connected layers are the weight layers. The number in VGG-16 or "
            "ResNet-152 is the most weight layers on one path from the input to the output (the "
            "inspector shows it when nothing is selected): LeNet-5 5, AlexNet 8, VGG-16 16, ResNet-152 "
            "152 (a projection shortcut runs beside the main path, not on it), GoogLeNet 22 (two per "
            "inception module). Counting every branch gives more: ResNet-152 156, GoogLeNet 58. Both "
            "differ from the number of blocks on the canvas (VGG-16 has 41, its ReLUs and pools among "
            "them).",
        ),
    ),
    ("h3", QT_TRANSLATE_NOOP("Help", "What is left out")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "Help",
            "A dangling layer, one that no path from the Input reaches (a block dropped on empty "
            "canvas and not connected yet), is not part of the network: its row is grey, and neither "
            "the totals nor the weight layers count it.",
        ),
    ),
)
"""The page Help > What is counted, a paragraph at a time: (tag, text with inline HTML)."""


def _translate(text: str) -> str:
    return QCoreApplication.translate(HELP, text)


def counted_html() -> str:
    """Help > What is counted, as HTML in the app's language (list items grouped in lists)."""
    parts: list[str] = []
    for i, (tag, text) in enumerate(COUNTED):
        item = f"<{tag}>{_translate(text)}</{tag}>"
        if tag == "li" and (i == 0 or COUNTED[i - 1][0] != "li"):
            item = "<ul>" + item
        if tag == "li" and (i + 1 == len(COUNTED) or COUNTED[i + 1][0] != "li"):
            item += "</ul>"
        parts.append(item)
    return "".join(parts)


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
            name = action.property(HELP_TEXT) or plain_action_text(action.text())
            rows.append((", ".join(keys), name))
    return rows


def plain_action_text(text: str) -> str:
    """A menu entry's text without its mnemonic ("&Save", Korean "저장(&S)") and its dots."""
    text = re.sub(r"\(&\w\)", "", text)  # the Korean way: the key in brackets after the word
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _table(title: str, rows) -> str:
    body = "".join(
        f"<tr><td style='padding: 2px 16px 2px 0;'><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
        for keys, what in rows
    )
    return f"<h3>{escape(title)}</h3><table>{body}</table>"


def shortcuts_html(actions: list[QAction]) -> str:
    """The keyboard and mouse page."""
    keys = [(_translate(keys), _translate(what)) for keys, what in KEYS]
    mouse = [(_translate(gesture), _translate(what)) for gesture, what in MOUSE]
    note = QCoreApplication.translate(
        "Help",
        "The keys work wherever the focus is in the window, except inside a text field, where they "
        "edit the text.",
    )
    return (
        _table(QCoreApplication.translate("Help", "Keyboard"), [*shortcut_rows(actions), *keys])
        + f"<p>{escape(note)}</p>"
        + _table(QCoreApplication.translate("Help", "Mouse"), mouse)
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
    title = QCoreApplication.translate("Help", "Keyboard and mouse")
    return HelpPage(title, shortcuts_html(actions), "shortcutsPage", parent)


def counted_page(parent: QWidget | None = None) -> HelpPage:
    """Help > What is counted."""
    return HelpPage(
        QCoreApplication.translate("Help", "What is counted"), counted_html(), "countedPage", parent
    )


__all__ = [
    "HELP_TEXT",
    "HelpPage",
    "counted_html",
    "counted_page",
    "plain_action_text",
    "shortcut_rows",
    "shortcuts_html",
    "shortcuts_page",
]
