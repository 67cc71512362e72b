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
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .blocks import BLOCK_TYPES
from .graph import EditError, Network
from .params import ParamTypeError

FORMAT = "cnnstudio-network"
VERSION = 1
SUFFIX = ".cnnstudio.json"
MAX_FILE_BYTES = 20_000_000
MAX_NODES = 20_000
NODE_FIELDS = ("id", "type", "name", "params", "inputs", "pos")


class FileFormatError(ValueError):
    """A file that is not a usable network; the message names the field at fault."""


def to_dict(network: Network) -> dict[str, Any]:
    """The JSON-ready form of *network*."""
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
        nodes.append(entry)
    return {"format": FORMAT, "version": VERSION, "name": network.name, "nodes": nodes}


def dumps(network: Network) -> str:
    """*network* as the text of a ``.cnnstudio.json`` file."""
    return json.dumps(to_dict(network), indent=2, ensure_ascii=False) + "\n"


def save(network: Network, path: str | os.PathLike[str]) -> None:
    """Write *network* to *path* atomically (see :func:`~cnnstudio.core.atomic.atomic_write`)."""
    atomic_write(path, dumps(network))


def load(path: str | os.PathLike[str]) -> Network:
    """Read a network file; raises :class:`FileFormatError` saying what is wrong."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileFormatError(f"cannot open {path}: {error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        raise FileFormatError(f"{path.name} is {size:,} bytes; a network file is at most {MAX_FILE_BYTES:,}")
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError(f"{path.name} is not a text file (it is not UTF-8)") from None
    except OSError as error:
        raise FileFormatError(f"cannot read {path}: {error.strerror or error}") from None
    return loads(text)


def loads(text: str) -> Network:
    """Parse the text of a network file (see :func:`load`)."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        hint = " (the file looks cut short)" if error.pos >= len(text.rstrip()) else ""
        raise FileFormatError(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}{hint}"
        ) from None
    return from_dict(data)


def _reject_constant(name: str) -> float:
    raise FileFormatError(f"'{name}' is not a number a network file may contain")


def from_dict(data: Any) -> Network:
    """Build a network from the JSON-ready form, checking every field."""
    _check_header(data)
    network = Network(data["name"])
    nodes = data["nodes"]
    for i, entry in enumerate(nodes):
        _add_node(network, entry, f"nodes[{i}]")
    for i, entry in enumerate(nodes):
        _connect(network, entry, f"nodes[{i}]")
    return network


def _check_header(data: Any) -> None:
    if not isinstance(data, dict):
        raise FileFormatError("the file must hold a JSON object, not " + _kind(data))
    if data.get("format") != FORMAT:
        raise FileFormatError(f"'format' must be \"{FORMAT}\": this is not a CNN Studio network file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileFormatError("'version' must be a whole number")
    if version > VERSION:
        raise FileFormatError(
            f"'version' {version} is newer than this CNN Studio reads (up to {VERSION}); update CNN Studio"
        )
    if version < 1:
        raise FileFormatError(f"'version' {version} does not exist; versions start at 1")
    _require(data, "name", str, "")
    nodes = _require(data, "nodes", list, "")
    if len(nodes) > MAX_NODES:
        raise FileFormatError(f"'nodes' has {len(nodes):,} entries; at most {MAX_NODES:,} are allowed")


def _require(data: dict, key: str, kind: type, where: str) -> Any:
    field = f"{where}.{key}" if where else key
    if key not in data:
        raise FileFormatError(f"'{field}' is missing")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise FileFormatError(f"'{field}' must be {_kind_name(kind)}, got {_kind(value)}")
    return value


def _add_node(network: Network, entry: Any, where: str) -> None:
    if not isinstance(entry, dict):
        raise FileFormatError(f"'{where}' must be an object, got {_kind(entry)}")
    unknown = sorted(set(entry) - set(NODE_FIELDS))
    if unknown:
        raise FileFormatError(f"'{where}' has unknown fields: {', '.join(unknown)}")
    node_id = _require(entry, "id", str, where)
    type_id = _require(entry, "type", str, where)
    name = _require(entry, "name", str, where)
    params = _require(entry, "params", dict, where)
    _require(entry, "inputs", list, where)
    if type_id not in BLOCK_TYPES or BLOCK_TYPES[type_id].internal:
        known = ", ".join(t for t, b in BLOCK_TYPES.items() if not b.internal)
        raise FileFormatError(f"'{where}.type': unknown block type '{type_id}' (known: {known})")
    checked = _checked_params(type_id, params, f"{where}.params")
    pos = _position(entry.get("pos"), f"{where}.pos")
    if network.find(name) is not None:
        raise FileFormatError(f"'{where}.name': two layers are called '{name}'")
    try:
        network.add_node(type_id, checked, name, pos=pos, node_id=node_id)
    except EditError as error:
        raise FileFormatError(f"'{where}': {error}") from None


def _checked_params(type_id: str, params: dict, where: str) -> dict[str, Any]:
    block = BLOCK_TYPES[type_id]
    keys = [spec.key for spec in block.params]
    unknown = sorted(set(params) - set(keys))
    if unknown:
        raise FileFormatError(f"'{where}' has unknown settings for {block.title}: {', '.join(unknown)}")
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
    valid = (
        isinstance(pos, list)
        and len(pos) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in pos)
    )
    if not valid:
        raise FileFormatError(f"'{where}' must be a list of two numbers [x, y], got {pos!r}")
    return float(pos[0]), float(pos[1])


def _connect(network: Network, entry: dict, where: str) -> None:
    for j, src in enumerate(entry["inputs"]):
        field = f"{where}.inputs[{j}]"
        if not isinstance(src, str):
            raise FileFormatError(f"'{field}' must be a node id (text), got {_kind(src)}")
        if src not in network:
            raise FileFormatError(f"'{field}': there is no node with id '{src}'")
        try:
            network.connect(src, entry["id"])
        except EditError as error:
            raise FileFormatError(f"'{field}': {error}") from None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {value!r}"
    return names.get(type(value), type(value).__name__)


def _kind_name(kind: type) -> str:
    return {dict: "an object", list: "a list", str: "text", int: "a whole number"}[kind]
