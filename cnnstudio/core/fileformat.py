"""The ``*.cnnstudio.json`` file format: versioned JSON that round-trips exactly.

A file looks like::

    {
      "format": "cnnstudio-network",
      "version": 1,
      "name": "LeNet-5",
      "nodes": [
        {"id": "n1", "type": "input", "name": "input",
         "params": {"channels": 1, "height": 32, "width": 32}, "inputs": [], "pos": [0.0, 0.0]},
        ...
      ]
    }

``inputs`` lists source node ids in order; ``pos`` is optional. Loading checks every field and
raises :class:`FileFormatError` with a message that names it; it only ever parses JSON, so
nothing in a file is executed.
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import Any

from .atomic import atomic_write
from .blocks import BLOCK_TYPES
from .graph import MAX_NODES, GraphError, Network, Node
from .jsonfile import MAX_FILE_BYTES, FileFormatError, parse_json, printable, read_text, unprintable
from .params import ParamTypeError, shown

FORMAT = "cnnstudio-network"
VERSION = 1
SUFFIX = ".cnnstudio.json"
NODE_FIELDS = ("id", "type", "name", "params", "inputs", "pos")
_SURROGATE = re.compile("[\ud800-\udfff]")


def to_dict(network: Network) -> dict[str, Any]:
    """The JSON-ready form of *network*.

    Raises :class:`FileFormatError` for a network no file can hold (a name with a lone
    surrogate, a position that is not a finite number), so a save fails with a message.
    """
    _check_writable_text(network)
    nodes = []
    for node in network.nodes:
        entry: dict[str, Any] = {
            "id": node.id,
            "type": node.type,
            "name": node.name,
            "params": {spec.key: node.params[spec.key] for spec in node.block.params},
            "inputs": list(node.inputs),
        }
        if node.pos is not None:
            entry["pos"] = [float(node.pos[0]), float(node.pos[1])]
            if not all(map(math.isfinite, entry["pos"])):
                raise FileFormatError(f"the layer {printable(node.name)} has no finite place on the canvas")
        nodes.append(entry)
    return {"format": FORMAT, "version": VERSION, "name": network.name, "nodes": nodes}


def dumps(network: Network) -> str:
    """*network* as the text of a ``.cnnstudio.json`` file (see :func:`to_dict` for errors)."""
    return json.dumps(to_dict(network), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _check_writable_text(network: Network) -> None:
    """Refuse a lone surrogate (which ``json.loads`` can produce from ``"\\ud800"``) before
    writing, where it would fail the UTF-8 encoding halfway through a save."""
    if _SURROGATE.search(network.name):
        raise _unwritable("the network's name")
    for node in network.nodes:
        if _SURROGATE.search(node.name) or _SURROGATE.search(node.id):
            raise _unwritable(f"the layer {printable(node.name)}")


def _unwritable(what: str) -> FileFormatError:
    return FileFormatError(f"{what} holds a lone surrogate, which no file can store; rename it")


def save(network: Network, path: str | os.PathLike[str]) -> None:
    """Write *network* to *path* atomically (see :func:`~cnnstudio.core.atomic.atomic_write`).

    Raises ``OSError`` when the file cannot be written and :class:`FileFormatError` for a
    network no file can hold (see :func:`dumps`); either way *path* is left as it was.
    """
    atomic_write(path, dumps(network))


def load(path: str | os.PathLike[str]) -> Network:
    """Read a network file; raises :class:`FileFormatError` saying what is wrong.

    Only a regular file is read (not a folder, a pipe or a device), and at most
    ``MAX_FILE_BYTES`` of it.
    """
    return loads(read_text(path))


def loads(text: str) -> Network:
    """Parse the text of a network file (see :func:`load`)."""
    return from_dict(parse_json(text))


def from_dict(data: Any) -> Network:
    """Build a network from the JSON-ready form, checking every field.

    Takes time linear in the size of the data, whatever the order of the nodes.
    """
    name, entries = _check_header(data)
    nodes = [_node(entry, f"nodes[{i}]") for i, entry in enumerate(entries)]
    index = _check_identities(nodes)
    for i, node in enumerate(nodes):
        _check_inputs(node, index, f"nodes[{i}]")
    try:
        return Network.from_nodes(name, nodes)
    except GraphError as error:
        where = f"nodes[{index[error.node_id]}]"
        if error.input_index is not None:
            where += f".inputs[{error.input_index}]"
        raise FileFormatError(f"'{where}': {error}") from None


def _check_header(data: Any) -> tuple[str, list]:
    if not isinstance(data, dict):
        raise FileFormatError("the file must hold a JSON object, not " + _kind(data))
    if data.get("format") != FORMAT:
        raise FileFormatError(f"'format' must be \"{FORMAT}\": this is not a CNN Studio network file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileFormatError(f"'version' must be a whole number, got {_kind(version)}")
    if version > VERSION:
        raise FileFormatError(
            f"'version' is {shown(version)}, newer than this CNN Studio reads (up to {VERSION}); "
            "update CNN Studio"
        )
    if version < 1:
        raise FileFormatError(f"'version' is {shown(version)}, but versions start at 1")
    name = _text(data, "name", "", allow_empty=True)
    nodes = _require(data, "nodes", list, "")
    if len(nodes) > MAX_NODES:
        raise FileFormatError(f"'nodes' has {len(nodes):,} entries; at most {MAX_NODES:,} are allowed")
    return name, nodes


def _require(data: dict, key: str, kind: type, where: str) -> Any:
    field = f"{where}.{key}" if where else key
    if key not in data:
        raise FileFormatError(f"'{field}' is missing")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise FileFormatError(f"'{field}' must be {_kind_name(kind)}, got {_kind(value)}")
    return value


def _text(data: dict, key: str, where: str, allow_empty: bool = False) -> str:
    """A text field that can be shown on one line and saved again."""
    field = f"{where}.{key}" if where else key
    value = _require(data, key, str, where)
    if not allow_empty and not value.strip():
        raise FileFormatError(f"'{field}' is empty" if not value else f"'{field}' holds only spaces")
    problem = unprintable(value)
    if problem:
        raise FileFormatError(f"'{field}' holds {problem}")
    return value


def _node(entry: Any, where: str) -> Node:
    if not isinstance(entry, dict):
        raise FileFormatError(f"'{where}' must be an object, got {_kind(entry)}")
    unknown = sorted(set(entry) - set(NODE_FIELDS))
    if unknown:
        raise FileFormatError(f"'{where}' has unknown fields: {_listed(unknown)}")
    node_id = _text(entry, "id", where)
    type_id = _require(entry, "type", str, where)
    name = _text(entry, "name", where)
    params = _require(entry, "params", dict, where)
    inputs = _require(entry, "inputs", list, where)
    if type_id not in BLOCK_TYPES or BLOCK_TYPES[type_id].internal:
        known = ", ".join(t for t, b in BLOCK_TYPES.items() if not b.internal)
        raise FileFormatError(f"'{where}.type': unknown block type {printable(type_id)} (known: {known})")
    checked = _checked_params(type_id, params, f"{where}.params")
    pos = _position(entry.get("pos"), f"{where}.pos")
    return Node(node_id, type_id, name, checked, inputs, pos)


def _check_identities(nodes: list[Node]) -> dict[str, int]:
    """Each node's index by id; ids and names must be unique."""
    index: dict[str, int] = {}
    names: dict[str, int] = {}
    for i, node in enumerate(nodes):
        if node.id in index:
            raise FileFormatError(
                f"'nodes[{i}].id': a node with id {printable(node.id)} already exists (nodes[{index[node.id]}])"
            )
        if node.name in names:
            raise FileFormatError(
                f"'nodes[{i}].name': two layers are called {printable(node.name)} (nodes[{names[node.name]}])"
            )
        index[node.id] = i
        names[node.name] = i
    return index


def _check_inputs(node: Node, index: dict[str, int], where: str) -> None:
    for j, src in enumerate(node.inputs):
        field = f"{where}.inputs[{j}]"
        if not isinstance(src, str):
            raise FileFormatError(f"'{field}' must be a node id (text), got {_kind(src)}")
        if src not in index:
            raise FileFormatError(f"'{field}': there is no node with id {printable(src)}")


def _checked_params(type_id: str, params: dict, where: str) -> dict[str, Any]:
    block = BLOCK_TYPES[type_id]
    keys = [spec.key for spec in block.params]
    unknown = sorted(set(params) - set(keys))
    if unknown:
        raise FileFormatError(f"'{where}' has unknown settings for {block.title}: {_listed(unknown)}")
    checked = {}
    for spec in block.params:
        if spec.key not in params:
            raise FileFormatError(f"'{where}.{spec.key}' is missing")
        try:
            value = spec.coerce(params[spec.key])
        except ParamTypeError as error:
            raise FileFormatError(f"'{where}.{spec.key}': {_after_key(error)}") from None
        problems = spec.problems(value)
        if problems:
            raise FileFormatError(f"'{where}.{spec.key}': {problems[0]}")
        checked[spec.key] = value
    return checked


def _after_key(error: Exception) -> str:
    text = str(error)
    return text.split("' ", 1)[1] if text.startswith("'") and "' " in text else text


def _position(pos: Any, where: str) -> tuple[float, float] | None:
    if pos is None:
        return None
    valid = isinstance(pos, list) and len(pos) == 2 and all(_finite(v) for v in pos)
    if not valid:
        got = (
            f"[{', '.join(_kind(v) for v in pos[:3])}{', …' if len(pos) > 3 else ''}]"
            if isinstance(pos, list)
            else _kind(pos)
        )
        raise FileFormatError(f"'{where}' must be a list of two numbers [x, y], got {got}")
    return float(pos[0]), float(pos[1])


def _finite(value: Any) -> bool:
    """A number that a float holds exactly enough and that is not infinite."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _listed(keys: list[str], most: int = 5) -> str:
    shown_keys = ", ".join(printable(key, 30) for key in keys[:most])
    return shown_keys + (f" and {len(keys) - most:,} more" if len(keys) > most else "")


def _kind(value: Any) -> str:
    """What *value* is, in a few words (never the whole of a long value)."""
    names = {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {shown(value)}"
    if isinstance(value, str):
        return f"the text {printable(value, 30)}"
    return names.get(type(value), shown(value))


def _kind_name(kind: type) -> str:
    return {dict: "an object", list: "a list", str: "text", int: "a whole number"}[kind]


__all__ = (
    "FORMAT",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "SUFFIX",
    "VERSION",
    "FileFormatError",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "save",
    "to_dict",
)
