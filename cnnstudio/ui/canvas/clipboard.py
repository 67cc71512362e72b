"""Cut, copy, paste and duplicate of layers.

The copied layers and the edges between them are written as a small network file
(:mod:`cnnstudio.core.fileformat`), so pasting reads them with the same checks as opening a
file. A paste gets fresh ids and unique names, keeps the inner edges, drops edges to layers that
were not copied, and lands offset from the originals.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from ...core import Network, fmt
from ...core.fileformat import FileFormatError, dumps, loads
from ...core.jsonfile import MAX_FILE_BYTES, decode
from ...core.layout import free_position, topological_order
from ..commands import AddNodeCommand, EditMacro
from ..document import Document
from ..language import core_text
from .mime import NODES_MIME
from .style import COLUMN_WIDTH, PASTE_OFFSET, ROW_HEIGHT


def nodes_text(network: Network, node_ids: list[str]) -> str:
    """The layers *node_ids* (in network order) and the edges among them, as file text."""
    chosen = set(node_ids)
    part = Network(network.name)
    nodes = [node for node in network.nodes if node.id in chosen]
    for node in nodes:
        part.add_node(node.type, node.params, node.name, pos=node.pos, node_id=node.id)
    for node in nodes:
        for src in node.inputs:
            if src in chosen:
                part.connect(src, node.id)
    return dumps(part)


def copy_to_clipboard(network: Network, node_ids: list[str]) -> None:
    """Put the layers on the system clipboard (also as plain text, readable JSON)."""
    text = nodes_text(network, node_ids)
    data = QMimeData()
    data.setData(NODES_MIME, text.encode("utf-8"))
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)
    if not _OURS:
        atexit.register(_release_clipboard)
    _OURS[:] = [data]


_OURS: list[QMimeData] = []
"""The data this process last put on the clipboard."""


def _release_clipboard() -> None:
    """Empty the clipboard before Python shuts down, if it still holds our data.

    Otherwise Qt deletes that data after Python has finalized its wrapper, and the process
    crashes on exit (PySide6 6.11). The data would leave with the process anyway.
    """
    if QGuiApplication.instance() is None or not _OURS:
        return
    clipboard = QGuiApplication.clipboard()
    if clipboard.mimeData() is _OURS[0]:
        clipboard.clear()
    _OURS.clear()


def clipboard_text() -> str | None:
    """The copied layers on the clipboard, if it holds some.

    Bytes that are not UTF-8 are kept as surrogate escapes, so :func:`paste_text` can say so
    rather than paste text with replacement characters in it.
    """
    data = QGuiApplication.clipboard().mimeData()
    if data is None or not data.hasFormat(NODES_MIME):
        return None
    return bytes(data.data(NODES_MIME)).decode("utf-8", errors="surrogateescape")


def read_layers(text: str) -> Network:
    """The layers in clipboard *text*, checked as a network file is; :class:`FileFormatError`."""
    if len(text) > MAX_FILE_BYTES:
        raise FileFormatError(
            QCoreApplication.translate(
                "Clipboard", "it holds {count} characters, more than any network file"
            ).format(count=f"{len(text):,}")
        )
    return loads(decode(text.encode("utf-8", errors="surrogateescape")))


def paste_text(document: Document, text: str, offset: float = PASTE_OFFSET) -> list[str]:
    """Add the layers of *text* (from :func:`nodes_text`); selects and returns the new ids."""
    try:
        part = read_layers(text)
    except FileFormatError as error:
        document.status_message.emit(
            QCoreApplication.translate(
                "Clipboard", "The clipboard holds no layers CNN Studio can paste ({why})"
            ).format(why=core_text(str(error)))
        )
        return []
    network = document.network
    nodes = {node.id: node for node in part.nodes}
    order = topological_order([(node.id, node.inputs) for node in part.nodes])
    skipped = [i for i in order if nodes[i].type == "input" and network.input_nodes()]
    wanted = [i for i in order if i not in skipped]
    if not wanted:
        document.status_message.emit(
            QCoreApplication.translate(
                "Clipboard", "The network already has an Input; a network reads one image"
            )
        )
        return []
    new_ids: dict[str, str] = {}
    with EditMacro(document, _paste_title(wanted, nodes)) as macro:
        for old_id in wanted:
            node = nodes[old_id]
            inputs = tuple(new_ids[src] for src in node.inputs if src in new_ids)
            pos = _offset(document, node.pos, offset)
            command = macro.do(AddNodeCommand(network, node.type, node.params, node.name, inputs, pos))
            new_ids[old_id] = command.node_id
    if not macro.committed:
        return []
    if skipped:
        document.status_message.emit(
            QCoreApplication.translate("Clipboard", "Pasted all but the Input: the network already has one")
        )
    document.set_selection(list(new_ids.values()))
    return list(new_ids.values())


def _paste_title(ids: list[str], nodes: dict) -> str:
    if len(ids) == 1:
        return QCoreApplication.translate("Clipboard", "Paste {layer}").format(layer=nodes[ids[0]].name)
    return QCoreApplication.translate("Clipboard", "Paste {count} layers").format(count=fmt(len(ids)))


def _offset(document: Document, pos: tuple[float, float] | None, offset: float) -> tuple[float, float]:
    if pos is None:
        return free_position(document.network, (0.0, 0.0), COLUMN_WIDTH, ROW_HEIGHT)
    return pos[0] + offset, pos[1] + offset
