"""The network diagram: boxes for layers, edges labelled with shapes, editing by mouse.

:class:`CanvasView` is the widget; :class:`DiagramScene` keeps the items in step with the
document; gestures live in :mod:`.interactions`, edits in :mod:`.edits`. Positions belong to
the network and are laid out by :mod:`cnnstudio.core.layout`.
"""

from .mime import BLOCK_MIME, NODES_MIME
from .scene import DiagramScene
from .view import CanvasView

__all__ = ["BLOCK_MIME", "NODES_MIME", "CanvasView", "DiagramScene"]
