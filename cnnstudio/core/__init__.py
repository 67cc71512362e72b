"""The network core: graph, blocks, shape and cost arithmetic, file format and presets.

Pure Python: imports neither Qt nor torch, so it is fast to test and usable in a notebook.
"""

from . import composites, layers  # noqa: F401  (registers the block types)
from .analysis import Analyzer, LayerRow, Summary, Totals, summarize
from .blocks import (
    BLOCK_TYPES,
    CATEGORIES,
    BlockType,
    Flow,
    Shape,
    block_type,
    fmt,
    format_shape,
    palette_types,
)
from .events import (
    EdgesChanged,
    NetworkEvent,
    NetworkRenamed,
    NetworkReplaced,
    NodeAdded,
    NodeChanged,
    NodeMoved,
    NodeRemoved,
    NodeRenamed,
)
from .graph import EditError, Network, Node, RemovedNode
from .presets import LESSONS, PRESETS, Preset, preset

__all__ = (
    "BLOCK_TYPES",
    "CATEGORIES",
    "LESSONS",
    "PRESETS",
    "Analyzer",
    "BlockType",
    "EdgesChanged",
    "EditError",
    "Flow",
    "LayerRow",
    "Network",
    "NetworkEvent",
    "NetworkRenamed",
    "NetworkReplaced",
    "Node",
    "NodeAdded",
    "NodeChanged",
    "NodeMoved",
    "NodeRemoved",
    "NodeRenamed",
    "Preset",
    "RemovedNode",
    "Shape",
    "Summary",
    "Totals",
    "block_type",
    "fmt",
    "format_shape",
    "palette_types",
    "preset",
    "summarize",
)
