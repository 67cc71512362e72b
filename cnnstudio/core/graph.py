"""The network graph: nodes, their ordered inputs, and the edits a student makes.

:class:`Network` is the single source of truth of the app. Every edit is one method here; each
method tells the subscribed listeners what changed (a typed event from :mod:`.events`), and each
has an exact inverse so an editor can undo it (``add_node``/``remove_node``,
``connect``/``disconnect``, ``set_param`` with the old value, ``restore_node`` for a removal).

Every rule about what a valid graph is lives here (its structure) and in :mod:`.rules` (names,
ids, positions, values), and holds for every caller (the editor, the file loader, the Python
API): edits that would break the graph (a cycle, a second input into a single-input node, the
same source twice into one node, an unknown block type or parameter, a value outside its
setting's range, a name that could not be saved) raise :class:`EditError` with a message for
the status bar. So whatever a network accepts, it can
save, and the file loads back equal. Settings that are fine on their own but *unworkable* where
they are (a kernel larger than its input) are allowed: the analysis reports them on the node.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .blocks import BlockType, block_type
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
from .rules import (  # noqa: F401  (EditError and the limits are part of the graph's interface)
    MAX_NAME_LENGTH,
    MAX_NUMBER,
    UNTITLED,
    EditError,
    check_id,
    checked_name,
    checked_position,
    checked_value,
    lenient_network_name,
)

MAX_NODES = 20_000
"""The most nodes a network may have (the file format reads no more)."""


class GraphError(EditError):
    """A whole graph refused by :meth:`Network.from_nodes`: ``node_id`` is the node at fault and
    ``input_index`` its input at fault, if the fault is an edge."""

    def __init__(self, message: str, node_id: str, input_index: int | None = None) -> None:
        super().__init__(message)
        self.node_id = node_id
        self.input_index = input_index


@dataclass
class Node:
    """One block in the network.

    ``inputs`` lists the ids of the nodes feeding this one, in order (Concat stacks them in that
    order). ``pos`` is the centre of its box on the diagram, or ``None`` until laid out. The
    network owns its nodes: change them only through :class:`Network`'s methods.
    """

    id: str
    type: str
    name: str
    params: dict[str, Any]
    inputs: list[str] = field(default_factory=list)
    pos: tuple[float, float] | None = None

    @property
    def block(self) -> BlockType:
        """The node's block type."""
        return block_type(self.type)

    def copy(self) -> Node:
        """An independent copy (parameter values are immutable, so a shallow dict copy is enough)."""
        return Node(self.id, self.type, self.name, dict(self.params), list(self.inputs), self.pos)


@dataclass(frozen=True)
class RemovedNode:
    """What :meth:`Network.remove_node` took out, enough for :meth:`Network.restore_node`.

    ``consumers`` are the ``(consumer id, input index)`` edges that left the node; ``bridged``
    are those of them that were reconnected to the node's own input instead of dropped.
    """

    node: Node
    index: int
    consumers: tuple[tuple[str, int], ...]
    bridged: tuple[tuple[str, int], ...] = ()


Listener = Callable[[NetworkEvent], None]
"""Called as ``listener(event)`` after every change; see :mod:`cnnstudio.core.events`."""


class Network:
    """A directed acyclic graph of blocks with one Input node.

    Parameters
    ----------
    name : str
        Shown in the title bar and in summaries (surrounding spaces are dropped; a blank name
        becomes "Untitled").
    """

    def __init__(self, name: str = UNTITLED) -> None:
        self.name = lenient_network_name(name)
        self._nodes: dict[str, Node] = {}
        self._consumers: dict[str, dict[str, None]] = {}
        self._names: dict[str, str] = {}
        self._listeners: list[Listener] = []
        self._ids = itertools.count(1)

    @classmethod
    def from_nodes(cls, name: str, nodes: Iterable[Node]) -> Network:
        """A network of copies of *nodes*, in their order, with their ids, inputs and positions.

        The graph is checked as a whole, in time linear in its nodes and edges, against the
        rules the edits keep: known block types with settings of the right type, unique ids and
        names, one Input, and inputs that exist, feed a node at most once and at most as often
        as its block takes, without a loop. Raises :class:`GraphError` naming the node at fault.
        """
        network = cls(name)
        network._nodes = _checked_nodes(nodes)
        _check_edges(network._nodes)
        network._index()
        return network

    # -- reading ------------------------------------------------------------------------------

    @property
    def nodes(self) -> list[Node]:
        """Every node, in insertion order."""
        return list(self._nodes.values())

    def node(self, node_id: str) -> Node:
        """The node with id *node_id* (``KeyError`` if there is none)."""
        return self._nodes[node_id]

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)

    def find(self, name: str) -> Node | None:
        """The node called *name*, if any."""
        node_id = self._names.get(name)
        return None if node_id is None else self._nodes[node_id]

    def input_nodes(self) -> list[Node]:
        """The Input nodes (a valid network has exactly one)."""
        return [n for n in self._nodes.values() if n.type == "input"]

    def consumers(self, node_id: str) -> list[tuple[str, int]]:
        """``(consumer id, input index)`` for every edge leaving *node_id*."""
        return [(c, self._nodes[c].inputs.index(node_id)) for c in self._consumers.get(node_id, ())]

    def edges(self) -> list[tuple[str, str]]:
        """Every edge as ``(source id, destination id)``."""
        return [(src, n.id) for n in self._nodes.values() for src in n.inputs]

    def reaches(self, start: str, target: str) -> bool:
        """Whether a path of edges leads from *start* to *target*."""
        stack, seen = [start], {start}
        while stack:
            current = stack.pop()
            if current == target:
                return True
            for consumer in self._consumers.get(current, ()):
                if consumer not in seen:
                    seen.add(consumer)
                    stack.append(consumer)
        return False

    # -- listeners ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call *listener* after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling *listener*."""
        self._listeners.remove(listener)

    def _emit(self, event: NetworkEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- edits --------------------------------------------------------------------------------

    def add_node(
        self,
        type_id: str,
        params: dict[str, Any] | None = None,
        name: str | None = None,
        inputs: Iterable[str] = (),
        pos: tuple[float, float] | None = None,
        node_id: str | None = None,
    ) -> Node:
        """Add a block of type *type_id*; missing params take their defaults.

        A taken *name* gets a number added (``conv`` -> ``conv1``). Raises :class:`EditError`
        for an unknown type or parameter, a value of the wrong type, a second Input, a bad or
        duplicate id, a name that cannot be used, a network already at :data:`MAX_NODES`, or
        *inputs* that :meth:`connect` would refuse.
        """
        block = _known_block(type_id)
        if block.internal:
            raise EditError(f"a {block.title} only exists inside residual blocks")
        if len(self._nodes) >= MAX_NODES:
            raise EditError(f"a network holds at most {MAX_NODES:,} layers")
        if type_id == "input" and self.input_nodes():
            raise EditError("the network already has an Input; a network reads one image")
        if node_id is None:
            node_id = self._new_id()
        check_id(node_id)
        if node_id in self._nodes:
            raise EditError(f"a node with id '{node_id}' already exists")
        wanted = block.default_name if name is None else checked_name(name, "a layer")
        checked = {key: checked_value(block, key, value) for key, value in (params or {}).items()}
        node = Node(node_id, type_id, self._unique_name(wanted), {**block.defaults(), **checked}, [])
        node.pos = checked_position(pos)
        for src in inputs:
            self._check_edge(src, node)
            node.inputs.append(src)
        self._nodes[node_id] = node
        self._names[node.name] = node_id
        self._consumers[node_id] = {}
        for src in node.inputs:
            self._consumers[src][node_id] = None
        self._emit(NodeAdded(node_id))
        return node

    def remove_node(self, node_id: str, bridge: bool = False) -> RemovedNode:
        """Remove a node and its edges.

        With ``bridge=True`` and a node of one input, each consumer is reconnected to that
        input instead, so deleting a layer from a chain keeps the chain whole; a consumer that
        already reads that input (an Add fed by both the layer and its input) just loses the
        edge, since no node reads the same source twice.
        """
        node = self._nodes[node_id]
        index = list(self._nodes).index(node_id)
        consumers = tuple(self.consumers(node_id))
        source = node.inputs[0] if bridge and len(node.inputs) == 1 else None
        bridged = tuple(
            (c, i) for c, i in consumers if source is not None and source not in self._nodes[c].inputs
        )
        for consumer_id, i in consumers:
            consumer = self._nodes[consumer_id]
            if (consumer_id, i) in bridged:
                consumer.inputs[i] = source
                self._consumers[source][consumer_id] = None
            else:
                del consumer.inputs[i]
        for src in node.inputs:
            del self._consumers[src][node_id]
        del self._consumers[node_id]
        del self._nodes[node_id]
        del self._names[node.name]
        self._emit(NodeRemoved(node_id))
        if consumers:
            self._emit(EdgesChanged(tuple(c for c, _ in consumers)))
        return RemovedNode(node.copy(), index, consumers, bridged)

    def restore_node(self, removed: RemovedNode) -> Node:
        """Put back a node taken out by :meth:`remove_node`, with all its edges."""
        node = removed.node.copy()
        if node.id in self._nodes or node.name in self._names:
            raise EditError(f"cannot restore {node.name}: its id or name is taken")
        items = list(self._nodes.items())
        items.insert(removed.index, (node.id, node))
        self._nodes = dict(items)
        self._names[node.name] = node.id
        self._consumers[node.id] = {}
        for src in node.inputs:
            self._consumers[src][node.id] = None
        for consumer_id, i in sorted(removed.consumers, key=lambda c: c[1]):
            consumer = self._nodes[consumer_id]
            if (consumer_id, i) in removed.bridged:
                del self._consumers[consumer.inputs[i]][consumer_id]
                consumer.inputs[i] = node.id
            else:
                consumer.inputs.insert(i, node.id)
            self._consumers[node.id][consumer_id] = None
        self._emit(NodeAdded(node.id))
        if removed.consumers:
            self._emit(EdgesChanged(tuple(c for c, _ in removed.consumers)))
        return node

    def connect(self, src: str, dst: str, index: int | None = None) -> None:
        """Feed *src*'s output into *dst* (as its input number *index*, by default the last)."""
        node = self._nodes[dst]
        index = len(node.inputs) if index is None else index
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= len(node.inputs):
            raise EditError(f"{node.name} has no input number {index}")
        self._check_edge(src, node)
        node.inputs.insert(index, src)
        self._consumers[src][dst] = None
        self._emit(EdgesChanged((dst,)))

    def disconnect(self, src: str, dst: str) -> int:
        """Remove the edge *src* -> *dst*; returns the input index it had (for undo)."""
        node = self._nodes[dst]
        if src not in node.inputs:
            raise EditError(f"{self._name_of(src)} is not connected to {node.name}")
        index = node.inputs.index(src)
        del node.inputs[index]
        del self._consumers[src][dst]
        self._emit(EdgesChanged((dst,)))
        return index

    def insert_between(self, new_id: str, src: str, dst: str) -> None:
        """Route the edge *src* -> *dst* through the (unconnected) node *new_id*."""
        new = self._nodes[new_id]
        node = self._nodes[dst]
        if src not in node.inputs:
            raise EditError(f"{self._name_of(src)} is not connected to {node.name}")
        if new.inputs or self._consumers[new_id]:
            raise EditError(f"{new.name} is already connected")
        if new.block.max_inputs == 0:
            raise EditError(f"an {new.block.title} cannot be inserted into an edge")
        new.inputs.append(src)
        node.inputs[node.inputs.index(src)] = new_id
        del self._consumers[src][dst]
        self._consumers[src][new_id] = None
        self._consumers[new_id][dst] = None
        self._emit(EdgesChanged((new_id, dst)))

    def set_param(self, node_id: str, key: str, value: Any) -> Any:
        """Change one parameter; returns the old value. Range problems are reported by the analysis."""
        node = self._nodes[node_id]
        new = checked_value(node.block, key, value)
        old = node.params[key]
        node.params[key] = new
        self._emit(NodeChanged(node_id))
        return old

    def rename(self, node_id: str, name: str) -> str:
        """Rename a node; returns the old name. Names are unique within a network."""
        node = self._nodes[node_id]
        name = checked_name(name, "a layer")
        other = self._names.get(name)
        if other is not None and other != node_id:
            raise EditError(f"another layer is already called '{name}'")
        old = node.name
        del self._names[old]
        node.name = name
        self._names[name] = node_id
        self._emit(NodeRenamed(node_id))
        return old

    def move(self, node_id: str, pos: tuple[float, float] | None) -> tuple[float, float] | None:
        """Move a node on the canvas; returns the old position."""
        node = self._nodes[node_id]
        old, node.pos = node.pos, checked_position(pos)
        self._emit(NodeMoved(node_id))
        return old

    def replace_with(self, other: Network) -> None:
        """Become a copy of *other* (used when opening a file into a live window)."""
        self.name = other.name
        self._nodes = {n.id: n.copy() for n in other.nodes}
        self._consumers = {src: dict(consumers) for src, consumers in other._consumers.items()}
        self._names = dict(other._names)
        self._ids = itertools.count(1)
        self._emit(NetworkReplaced())

    def set_name(self, name: str) -> str:
        """Rename the network; returns the old name."""
        name = checked_name(name, "a network")
        old, self.name = self.name, name
        self._emit(NetworkRenamed())
        return old

    def copy(self) -> Network:
        """A deep copy without listeners."""
        clone = Network(self.name)
        clone._nodes = {n.id: n.copy() for n in self._nodes.values()}
        clone._consumers = {src: dict(consumers) for src, consumers in self._consumers.items()}
        clone._names = dict(self._names)
        return clone

    # -- helpers ------------------------------------------------------------------------------

    def _name_of(self, node_id: str) -> str:
        node = self._nodes.get(node_id)
        return node.name if node is not None else f"'{node_id}'"

    def _check_edge(self, src: str, node: Node) -> None:
        if src not in self._nodes:
            raise EditError(f"there is no node '{src}' to connect from")
        source = self._nodes[src]
        block = node.block
        if block.max_inputs == 0:
            raise EditError(f"{node.name} is an {block.title}; nothing can feed into it")
        if src == node.id or (node.id in self._nodes and self._closes_loop(src, node.id)):
            raise EditError(
                f"connecting {source.name} to {node.name} would make a loop; data must flow one way"
            )
        if src in node.inputs:
            raise EditError(f"{source.name} already feeds {node.name}")
        if block.max_inputs is not None and len(node.inputs) >= block.max_inputs:
            raise EditError(
                f"{node.name} ({block.title}) takes one input and already has one; "
                f"use Add or Concat to merge branches"
            )

    def _closes_loop(self, src: str, dst: str) -> bool:
        """Whether *dst* already reaches *src*, so the edge *src* -> *dst* would close a loop.

        Searches down from *dst* and up from *src* in turns and stops when either side runs
        out, so a connect costs what the smaller side holds: linear loading of a chain in
        either order.
        """
        down, up = [dst], [src]
        below, above = {dst}, {src}
        while down and up:
            for consumer in self._consumers[down.pop()]:
                if consumer in above:
                    return True
                if consumer not in below:
                    below.add(consumer)
                    down.append(consumer)
            for source in self._nodes[up.pop()].inputs:
                if source in below:
                    return True
                if source not in above:
                    above.add(source)
                    up.append(source)
        return False

    def _index(self) -> None:
        """Build the consumer and name indexes from :attr:`_nodes` (after a whole-graph load)."""
        self._consumers = {node_id: {} for node_id in self._nodes}
        self._names = {}
        for node in self._nodes.values():
            self._names[node.name] = node.id
            for src in node.inputs:
                self._consumers[src][node.id] = None

    def _new_id(self) -> str:
        while True:
            node_id = f"n{next(self._ids)}"
            if node_id not in self._nodes:
                return node_id

    def _unique_name(self, wanted: str) -> str:
        if wanted not in self._names:
            return wanted
        stem = re.sub(r"\d+$", "", wanted) or wanted
        for i in itertools.count(1):
            suffix = str(i)
            candidate = stem[: MAX_NAME_LENGTH - len(suffix)] + suffix
            if candidate not in self._names:
                return candidate
        raise AssertionError("unreachable")


def _known_block(type_id: str) -> BlockType:
    if not isinstance(type_id, str):
        raise EditError(f"a block type must be text, got {type_id!r}")
    try:
        return block_type(type_id)
    except KeyError as error:
        raise EditError(error.args[0]) from None


def _checked_nodes(nodes: Iterable[Node]) -> dict[str, Node]:
    """Copies of *nodes* by id, each node checked on its own (see :meth:`Network.from_nodes`)."""
    checked: dict[str, Node] = {}
    names: set[str] = set()
    inputs = 0
    for node in nodes:
        if len(checked) >= MAX_NODES:
            raise GraphError(f"a network holds at most {MAX_NODES:,} layers", node.id)
        try:
            copy = _checked_node(node)
        except EditError as error:
            raise GraphError(str(error), node.id) from None
        problem = _identity_problem(copy, checked, names)
        if problem:
            raise GraphError(problem, node.id)
        inputs += node.type == "input"
        if inputs > 1 and node.type == "input":
            raise GraphError("the network already has an Input; a network reads one image", node.id)
        checked[copy.id] = copy
        names.add(copy.name)
    return checked


def _checked_node(node: Node) -> Node:
    """A copy of *node* held to the rules :meth:`Network.add_node` applies (the same functions)."""
    block = _known_block(node.type)
    if block.internal:
        raise EditError(f"a {block.title} only exists inside residual blocks")
    check_id(node.id)
    name = checked_name(node.name, "a layer")
    params = {key: checked_value(block, key, value) for key, value in node.params.items()}
    return Node(
        node.id,
        node.type,
        name,
        {**block.defaults(), **params},
        list(node.inputs),
        checked_position(node.pos),
    )


def _identity_problem(node: Node, checked: dict[str, Node], names: set[str]) -> str | None:
    if node.id in checked:
        return f"a node with id '{node.id}' already exists"
    if node.name in names:
        return f"two layers are called '{node.name}'"
    return None


def _check_edges(nodes: dict[str, Node]) -> None:
    """Every edge of *nodes* against the rules of :meth:`Network.connect`, then no loop."""
    for node in nodes.values():
        block, earlier = node.block, set()
        for index, src in enumerate(node.inputs):
            if src not in nodes:
                raise GraphError(f"there is no node with id '{src}'", node.id, index)
            if block.max_inputs == 0:
                raise GraphError(f"{node.name} is an {block.title}; nothing can feed into it", node.id, index)
            if src == node.id:
                raise GraphError(f"{node.name} cannot feed itself; data must flow one way", node.id, index)
            if src in earlier:
                raise GraphError(f"{nodes[src].name} already feeds {node.name}", node.id, index)
            earlier.add(src)
            if block.max_inputs is not None and index >= block.max_inputs:
                raise GraphError(
                    f"{node.name} ({block.title}) takes one input and already has one; "
                    f"use Add or Concat to merge branches",
                    node.id,
                    index,
                )
    _check_no_loop(nodes)


def _check_no_loop(nodes: dict[str, Node]) -> None:
    """Kahn's algorithm: a node never freed of its inputs lies on, or after, a loop."""
    waiting = {node_id: len(node.inputs) for node_id, node in nodes.items()}
    consumers: dict[str, list[str]] = {node_id: [] for node_id in nodes}
    for node in nodes.values():
        for src in node.inputs:
            consumers[src].append(node.id)
    ready = [node_id for node_id, count in waiting.items() if count == 0]
    while ready:
        for consumer in consumers[ready.pop()]:
            waiting[consumer] -= 1
            if waiting[consumer] == 0:
                ready.append(consumer)
    stuck = {node_id for node_id, count in waiting.items() if count}
    if stuck:
        node_id, index = _edge_on_a_loop(nodes, stuck)
        src, dst = nodes[nodes[node_id].inputs[index]], nodes[node_id]
        raise GraphError(
            f"connecting {src.name} to {dst.name} would make a loop; data must flow one way", node_id, index
        )


def _edge_on_a_loop(nodes: dict[str, Node], stuck: set[str]) -> tuple[str, int]:
    """``(node id, input index)`` of an edge on a loop: walk up stuck inputs until one repeats."""
    walked: dict[str, int] = {}
    current = next(node_id for node_id in nodes if node_id in stuck)
    while current not in walked:
        index = next(i for i, src in enumerate(nodes[current].inputs) if src in stuck)
        walked[current] = index
        current = nodes[current].inputs[index]
    return current, walked[current]
