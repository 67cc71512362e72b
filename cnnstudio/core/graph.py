"""The network graph: nodes, their ordered inputs, and the edits a student makes.

:class:`Network` is the single source of truth of the app. Every edit is one method here; each
method tells the subscribed listeners what changed, and each has an exact inverse so an editor
can undo it (``add_node``/``remove_node``, ``connect``/``disconnect``, ``set_param`` with the old
value, ``restore_node`` for a removal).

Edits that would break the graph's structure (a cycle, a second input into a single-input node,
an unknown block type or parameter) raise :class:`EditError` with a message for the status bar.
Edits that only make settings *unworkable* (a kernel larger than its input) are allowed: the
analysis reports them on the node.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .blocks import BlockType, block_type


class EditError(ValueError):
    """An edit the graph refuses; the message says why in words a student understands."""


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
    order). ``pos`` is where the canvas draws it, or ``None`` until laid out.
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


@dataclass(frozen=True)
class RemovedNode:
    """What :meth:`Network.remove_node` took out, enough for :meth:`Network.restore_node`."""

    node: Node
    index: int
    consumers: tuple[tuple[str, int], ...]
    bridged: tuple[tuple[str, int], ...] = ()


Listener = Callable[[str, str | None], None]
"""Called as ``listener(event, node_id)``; events: ``node_added``, ``node_removed``,
``node_changed`` (params or name), ``node_moved``, ``edges_changed``, ``reset``."""


class Network:
    """A directed acyclic graph of blocks with one Input node.

    Parameters
    ----------
    name : str
        Shown in the title bar and in summaries.
    """

    def __init__(self, name: str = "Untitled") -> None:
        self.name = name
        self._nodes: dict[str, Node] = {}
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
        return next((n for n in self._nodes.values() if n.name == name), None)

    def input_nodes(self) -> list[Node]:
        """The Input nodes (a valid network has exactly one)."""
        return [n for n in self._nodes.values() if n.type == "input"]

    def consumers(self, node_id: str) -> list[tuple[str, int]]:
        """``(consumer id, input index)`` for every edge leaving *node_id*."""
        return [(n.id, i) for n in self._nodes.values() for i, src in enumerate(n.inputs) if src == node_id]

    def edges(self) -> list[tuple[str, str]]:
        """Every edge as ``(source id, destination id)``."""
        return [(src, n.id) for n in self._nodes.values() for src in n.inputs]

    def reaches(self, start: str, target: str) -> bool:
        """Whether a path of edges leads from *start* to *target*."""
        stack, seen = [start], set()
        while stack:
            current = stack.pop()
            if current == target:
                return True
            if current in seen:
                continue
            seen.add(current)
            stack.extend(c for c, _ in self.consumers(current))
        return False

    # -- listeners ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call *listener* after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling *listener*."""
        self._listeners.remove(listener)

    def _emit(self, event: str, node_id: str | None = None) -> None:
        for listener in list(self._listeners):
            listener(event, node_id)

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

        Raises :class:`EditError` for an unknown type or parameter, a value of the wrong type,
        a second Input, a duplicate id, or *inputs* that would be refused by :meth:`connect`.
        """
        block = _known_block(type_id)
        if type_id == "input" and self.input_nodes():
            raise EditError("the network already has an Input; a network reads one image")
        node_id = node_id or self._new_id()
        if node_id in self._nodes:
            raise EditError(f"a node with id '{node_id}' already exists")
        node = Node(node_id, type_id, self._unique_name(name or block.default_name), {}, [], pos)
        node.params = _checked_params(block, {**block.defaults(), **(params or {})})
        inputs = list(inputs)
        for src in inputs:
            self._check_edge(src, node, len(node.inputs))
            node.inputs.append(src)
        self._nodes[node_id] = node
        self._emit("node_added", node_id)
        return node

    def remove_node(self, node_id: str, bridge: bool = False) -> RemovedNode:
        """Remove a node and its edges.

        With ``bridge=True`` and a node in a simple chain (one input), its consumers are
        reconnected to its input, so deleting a layer from a chain keeps the chain whole.
        """
        node = self._nodes[node_id]
        index = list(self._nodes).index(node_id)
        consumers = tuple(self.consumers(node_id))
        bridged = ()
        if bridge and len(node.inputs) == 1:
            bridged = consumers
        for consumer_id, i in sorted(consumers, key=lambda c: -c[1]):
            consumer = self._nodes[consumer_id]
            if bridged:
                consumer.inputs[i] = node.inputs[0]
            else:
                del consumer.inputs[i]
        del self._nodes[node_id]
        self._emit("node_removed", node_id)
        if consumers:
            self._emit("edges_changed", None)
        return RemovedNode(copy.deepcopy(node), index, consumers, bridged)

    def restore_node(self, removed: RemovedNode) -> Node:
        """Put back a node taken out by :meth:`remove_node`, with all its edges."""
        node = copy.deepcopy(removed.node)
        items = list(self._nodes.items())
        items.insert(removed.index, (node.id, node))
        self._nodes = dict(items)
        for consumer_id, i in sorted(removed.consumers, key=lambda c: c[1]):
            consumer = self._nodes[consumer_id]
            if removed.bridged:
                consumer.inputs[i] = node.id
            else:
                consumer.inputs.insert(i, node.id)
        self._emit("node_added", node.id)
        if removed.consumers:
            self._emit("edges_changed", None)
        return node

    def connect(self, src: str, dst: str, index: int | None = None) -> None:
        """Feed *src*'s output into *dst* (as its input number *index*, by default the last)."""
        node = self._nodes[dst]
        index = len(node.inputs) if index is None else index
        self._check_edge(src, node, len(node.inputs))
        node.inputs.insert(index, src)
        self._emit("edges_changed", dst)

    def disconnect(self, src: str, dst: str) -> int:
        """Remove the edge *src* -> *dst*; returns the input index it had (for undo)."""
        node = self._nodes[dst]
        if src not in node.inputs:
            raise EditError(f"{self._nodes[src].name} is not connected to {node.name}")
        index = node.inputs.index(src)
        del node.inputs[index]
        self._emit("edges_changed", dst)
        return index

    def insert_between(self, new_id: str, src: str, dst: str) -> None:
        """Route the edge *src* -> *dst* through the (unconnected) node *new_id*."""
        new = self._nodes[new_id]
        node = self._nodes[dst]
        if src not in node.inputs:
            raise EditError(f"{self._nodes[src].name} is not connected to {node.name}")
        if new.inputs or self.consumers(new_id):
            raise EditError(f"{new.name} is already connected")
        if new.block.max_inputs == 0:
            raise EditError(f"an {new.block.title} cannot be inserted into an edge")
        new.inputs.append(src)
        node.inputs[node.inputs.index(src)] = new_id
        self._emit("edges_changed", new_id)

    def set_param(self, node_id: str, key: str, value: Any) -> Any:
        """Change one parameter; returns the old value. Range problems are reported by the analysis."""
        node = self._nodes[node_id]
        spec = _param_spec(node.block, key)
        old = node.params[key]
        try:
            node.params[key] = spec.coerce(value)
        except ValueError as error:
            raise EditError(str(error)) from None
        self._emit("node_changed", node_id)
        return old

    def rename(self, node_id: str, name: str) -> str:
        """Rename a node; returns the old name. Names are unique within a network."""
        node = self._nodes[node_id]
        name = name.strip()
        if not name:
            raise EditError("a layer needs a name")
        other = self.find(name)
        if other is not None and other.id != node_id:
            raise EditError(f"another layer is already called '{name}'")
        old, node.name = node.name, name
        self._emit("node_changed", node_id)
        return old

    def move(self, node_id: str, pos: tuple[float, float] | None) -> tuple[float, float] | None:
        """Move a node on the canvas; returns the old position."""
        node = self._nodes[node_id]
        old, node.pos = node.pos, pos
        self._emit("node_moved", node_id)
        return old

    def replace_with(self, other: Network) -> None:
        """Become a copy of *other* (used when opening a file into a live window)."""
        self.name = other.name
        self._nodes = {n.id: copy.deepcopy(n) for n in other.nodes}
        self._ids = itertools.count(1)
        self._emit("reset", None)

    def set_name(self, name: str) -> str:
        """Rename the network; returns the old name."""
        old, self.name = self.name, name
        self._emit("reset", None)
        return old

    def copy(self) -> Network:
        """A deep copy without listeners."""
        clone = Network(self.name)
        clone._nodes = {n.id: copy.deepcopy(n) for n in self._nodes.values()}
        return clone

    # -- helpers ------------------------------------------------------------------------------

    def _check_edge(self, src: str, node: Node, current_inputs: int) -> None:
        if src not in self._nodes:
            raise EditError(f"there is no node '{src}' to connect from")
        source = self._nodes[src]
        block = node.block
        if block.max_inputs == 0:
            raise EditError(f"{node.name} is an {block.title}; nothing can feed into it")
        if src == node.id or (node.id in self._nodes and self.reaches(node.id, src)):
            raise EditError(
                f"connecting {source.name} to {node.name} would make a loop; data must flow one way"
            )
        if src in node.inputs:
            raise EditError(f"{source.name} already feeds {node.name}")
        if block.max_inputs is not None and current_inputs >= block.max_inputs:
            raise EditError(
                f"{node.name} ({block.title}) takes one input and already has one; "
                f"use Add or Concat to merge branches"
            )

    def _new_id(self) -> str:
        while True:
            node_id = f"n{next(self._ids)}"
            if node_id not in self._nodes:
                return node_id

    def _unique_name(self, wanted: str) -> str:
        names = {n.name for n in self._nodes.values()}
        if wanted not in names:
            return wanted
        stem = re.sub(r"\d+$", "", wanted) or wanted
        for i in itertools.count(1):
            candidate = f"{stem}{i}"
            if candidate not in names:
                return candidate
        raise AssertionError("unreachable")


def _known_block(type_id: str) -> BlockType:
    try:
        return block_type(type_id)
    except KeyError as error:
        raise EditError(error.args[0]) from None


def _param_spec(block: BlockType, key: str):
    try:
        return block.spec(key)
    except KeyError:
        known = ", ".join(s.key for s in block.params) or "none"
        raise EditError(f"{block.title} has no setting '{key}' (its settings: {known})") from None


def _checked_params(block: BlockType, params: dict[str, Any]) -> dict[str, Any]:
    checked = {}
    for key, value in params.items():
        spec = _param_spec(block, key)
        try:
            checked[key] = spec.coerce(value)
        except ValueError as error:
            raise EditError(str(error)) from None
    return checked


def _checked_nodes(nodes: Iterable[Node]) -> dict[str, Node]:
    """Copies of *nodes* by id, each node checked on its own (see :meth:`Network.from_nodes`)."""
    checked: dict[str, Node] = {}
    names: set[str] = set()
    inputs = 0
    for node in nodes:
        try:
            block = _known_block(node.type)
            params = _checked_params(block, {**block.defaults(), **node.params})
        except EditError as error:
            raise GraphError(str(error), node.id) from None
        problem = _identity_problem(node, checked, names)
        if problem:
            raise GraphError(problem, node.id)
        inputs += node.type == "input"
        if inputs > 1 and node.type == "input":
            raise GraphError("the network already has an Input; a network reads one image", node.id)
        checked[node.id] = Node(node.id, node.type, node.name, params, list(node.inputs), node.pos)
        names.add(node.name)
    return checked


def _identity_problem(node: Node, checked: dict[str, Node], names: set[str]) -> str | None:
    if not node.id:
        return "a node needs an id"
    if node.id in checked:
        return f"a node with id '{node.id}' already exists"
    if not node.name.strip():
        return "a layer needs a name"
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
