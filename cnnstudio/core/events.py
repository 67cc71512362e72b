"""What a :class:`~cnnstudio.core.graph.Network` tells its listeners after each change.

One small immutable class per kind of change, so a listener dispatches on the type (``match``
or a dict of handlers) and cannot misspell an event; each names exactly what it touched, so a
view redraws only that.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NodeAdded:
    """A node was added (or restored), with the edges into it."""

    node_id: str


@dataclass(frozen=True, slots=True)
class NodeRemoved:
    """A node was removed, with every edge into and out of it."""

    node_id: str


@dataclass(frozen=True, slots=True)
class NodeChanged:
    """One of the node's parameters changed."""

    node_id: str


@dataclass(frozen=True, slots=True)
class NodeRenamed:
    """The node's name changed."""

    node_id: str


@dataclass(frozen=True, slots=True)
class NodeMoved:
    """The node's position on the diagram changed (the analysis is not affected)."""

    node_id: str


@dataclass(frozen=True, slots=True)
class EdgesChanged:
    """The inputs of these nodes changed (edges added, removed, reordered or rerouted)."""

    node_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NetworkRenamed:
    """The network's own name changed; no node did."""


@dataclass(frozen=True, slots=True)
class NetworkReplaced:
    """The whole network was replaced by another (a file or preset was opened into it)."""


NetworkEvent = (
    NodeAdded
    | NodeRemoved
    | NodeChanged
    | NodeRenamed
    | NodeMoved
    | EdgesChanged
    | NetworkRenamed
    | NetworkReplaced
)
"""Any of the events above."""

STRUCTURAL = (NodeAdded, NodeRemoved, EdgesChanged, NetworkReplaced)
"""The events after which edges may need rerouting."""

ANALYSED = (NodeAdded, NodeRemoved, NodeChanged, NodeRenamed, EdgesChanged, NetworkReplaced)
"""The events that change the analysis (moves and the network's name do not)."""

__all__ = (
    "ANALYSED",
    "STRUCTURAL",
    "EdgesChanged",
    "NetworkEvent",
    "NetworkRenamed",
    "NetworkReplaced",
    "NodeAdded",
    "NodeChanged",
    "NodeMoved",
    "NodeRemoved",
    "NodeRenamed",
)
