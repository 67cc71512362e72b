"""What travels in drags and on the clipboard.

* :data:`BLOCK_MIME` (palette -> canvas): UTF-8 text, a block type id optionally followed by a
  space and a JSON object of parameter overrides: ``conv2d``, ``conv2d {"kernel": 1}``.
* :data:`NODES_MIME` (copy -> paste): the text of a ``.cnnstudio.json`` network file holding
  the copied layers and the edges between them, so a paste is read by the same careful loader
  as a file and nothing in it is ever executed.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData

from ...core import BLOCK_TYPES

BLOCK_MIME = "application/x-cnnstudio-block"
NODES_MIME = "application/x-cnnstudio-nodes"


class BlockMimeError(ValueError):
    """Drag data that does not name a block the palette offers."""


def block_mime_text(type_id: str, overrides: dict[str, Any] | None = None) -> str:
    """``conv2d`` or ``conv2d {"kernel": 1}``."""
    if not overrides:
        return type_id
    return f"{type_id} {json.dumps(overrides, sort_keys=True)}"


def block_mime_data(type_id: str, overrides: dict[str, Any] | None = None) -> QMimeData:
    """Drag data for a palette entry."""
    data = QMimeData()
    data.setData(BLOCK_MIME, block_mime_text(type_id, overrides).encode("utf-8"))
    return data


def parse_block_mime(raw: bytes) -> tuple[str, dict[str, Any]]:
    """``(type id, overrides)`` from :data:`BLOCK_MIME` data; :class:`BlockMimeError` otherwise."""
    try:
        text = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise BlockMimeError(QCoreApplication.translate("DragData", "the dragged data is not text")) from None
    type_id, _, rest = text.partition(" ")
    block = BLOCK_TYPES.get(type_id)
    if block is None or block.internal:
        raise BlockMimeError(
            QCoreApplication.translate("DragData", "'{block}' is not a block of the palette").format(
                block=type_id
            )
        )
    if not rest.strip():
        return type_id, {}
    try:
        overrides = json.loads(rest)
    except json.JSONDecodeError:
        raise BlockMimeError(
            QCoreApplication.translate(
                "DragData", "the settings given with '{block}' are not valid JSON"
            ).format(block=type_id)
        ) from None
    if not isinstance(overrides, dict):
        raise BlockMimeError(
            QCoreApplication.translate(
                "DragData", "the settings given with '{block}' must be a JSON object"
            ).format(block=type_id)
        )
    return type_id, overrides
