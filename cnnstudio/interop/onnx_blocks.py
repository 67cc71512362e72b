"""Finding residual blocks and inception modules among an imported model's operators.

CNN Studio writes a composite block's operators under names ``block/inner`` and keeps each
block's settings in the model's metadata. Operators sharing a ``block/`` prefix become one block
again only if they are *exactly* that block's expansion for its input shape (the same inner
layers, settings and wiring), tried first with the recorded settings, then with settings read
off the operators themselves (for a file whose metadata was lost). Anything else stays a set of
separate layers, which compute the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..core import BLOCK_TYPES, block_type
from ..core.windows import resolve_padding
from .onnx_export import BLOCKS_METADATA
from .onnx_ops import INPUT, Pending

IN = "in"


def group_blocks(flat: list[Pending], shapes: dict[str, Any], model) -> list[Pending]:
    """*flat* with every recognised block's operators replaced by the block (or *flat* itself).

    *shapes* gives each pending layer's output shape (:func:`~.onnx_import.flat_shapes`).
    """
    consumers: dict[str, set[str]] = {}
    for pending in flat:
        for source in pending.inputs:
            consumers.setdefault(source, set()).add(pending.name)
    hints = _hints(model)
    found: dict[str, Pending] = {}
    for prefix, members in _groups(flat).items():
        block = _match(prefix, members, shapes, consumers, hints.get(prefix))
        if block is not None:
            found[prefix] = block
    return _replace(flat, found) if found else flat


def _groups(flat: list[Pending]) -> dict[str, list[Pending]]:
    groups: dict[str, list[Pending]] = {}
    for pending in flat:
        prefix, slash, _ = pending.name.rpartition("/")
        if slash and prefix:
            groups.setdefault(prefix, []).append(pending)
    return groups


def _match(
    prefix: str,
    members: list[Pending],
    shapes: dict[str, Any],
    consumers: dict[str, set[str]],
    hint: dict[str, Any] | None,
) -> Pending | None:
    names = {m.name for m in members}
    sources = {s for m in members for s in m.inputs if s not in names}
    outside = [m for m in members if consumers.get(m.name, set()) - names]
    if len(sources) != 1 or outside[:-1] or (outside and outside[-1] is not members[-1]):
        return None
    source = sources.pop()
    in_shape = shapes.get(source)
    if in_shape is None or len(in_shape) != 3:
        return None
    found = [
        _normalized(_inner_name(m.name), m.type, m.params, [_inner_source(s, source) for s in m.inputs])
        for m in members
    ]
    inner = {_inner_name(m.name): m for m in members}
    for type_id, params in _candidates(inner, hint):
        if _expansion(type_id, params, in_shape) == found:
            return Pending(prefix, type_id, params, [source])
    return None


def _inner_name(name: str) -> str:
    return name.rpartition("/")[2]


def _inner_source(source: str, outside: str) -> str:
    return IN if source == outside else _inner_name(source)


def _normalized(name: str, type_id: str, params: dict[str, Any], inputs: list[str]) -> tuple:
    full = {**block_type(type_id).defaults(), **params}
    if type_id == "conv2d":
        full["padding"] = resolve_padding(full["padding"], full["kernel"])
    return (name, type_id, tuple(sorted(full.items())), tuple(inputs))


def _expansion(type_id: str, params: dict[str, Any], in_shape: tuple) -> list[tuple] | None:
    block = block_type(type_id)
    if block.param_problems({**block.defaults(), **params}):
        return None
    inner = block.expand({**block.defaults(), **params}, in_shape)
    return [_normalized(n.name, n.type, n.params, list(n.inputs)) for n in inner]


def _candidates(inner: dict[str, Pending], hint: dict[str, Any] | None) -> list[tuple[str, dict]]:
    found = []
    if hint is not None:
        found.append((hint["type"], hint["params"]))
    for type_id, rule in RULES.items():
        found.extend((type_id, params) for params in rule(inner))
    return found


def _residual(inner: dict[str, Pending]) -> list[dict[str, Any]]:
    if "conv1" not in inner or "conv2" not in inner:
        return []
    first, second = inner["conv1"].params, inner["conv2"].params
    variant = "bottleneck" if "conv3" in inner else "basic"
    stride = max(first["stride"], second["stride"])
    base = {
        "variant": variant,
        "filters": first["filters"],
        "stride": stride,
        "stride_on": "1x1" if variant == "bottleneck" and first["stride"] > 1 else "3x3",
        "batchnorm": "bn1" in inner,
    }
    if "add" not in inner:
        return [{**base, "shortcut": "none"}]
    if "shortcut" in inner:
        return [{**base, "shortcut": "zero-pad"}]
    if "downsample.0" in inner:
        return [{**base, "shortcut": "auto"}, {**base, "shortcut": "projection"}]
    return [{**base, "shortcut": "auto"}]


def _inception(inner: dict[str, Pending]) -> list[dict[str, Any]]:
    if not {"3x3", "5x5", "pool"} <= set(inner):
        return []
    defaults = BLOCK_TYPES["inception"].defaults()
    reductions = "3x3_reduce" in inner

    def filters(name: str, absent: int) -> int:
        return inner[name].params["filters"] if name in inner else absent

    return [
        {
            "c1x1": filters("1x1", 0),
            "c3x3_reduce": filters("3x3_reduce", defaults["c3x3_reduce"]),
            "c3x3": filters("3x3", 0),
            "c5x5_reduce": filters("5x5_reduce", defaults["c5x5_reduce"]),
            "c5x5": filters("5x5", 0),
            "pool_proj": filters("pool_proj", 0),
            "reductions": reductions,
        }
    ]


RULES: dict[str, Callable[[dict[str, Pending]], list[dict[str, Any]]]] = {
    "residual": _residual,
    "inception": _inception,
}
"""For each composite block type: the settings its operators suggest (checked by expansion)."""


def _hints(model) -> dict[str, dict[str, Any]]:
    """The block settings CNN Studio recorded in the model's metadata, those that are well formed."""
    text = next((p.value for p in model.metadata_props if p.key == BLOCKS_METADATA), "")
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    hints = {}
    for name, entry in data.items() if isinstance(data, dict) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("params"), dict):
            continue
        block = BLOCK_TYPES.get(entry.get("type"))
        if block is None or not block.composite or not set(entry["params"]) <= {s.key for s in block.params}:
            continue
        try:
            params = {k: block.spec(k).coerce(v) for k, v in entry["params"].items()}
        except ValueError:
            continue
        hints[name] = {"type": block.id, "params": params}
    return hints


def _replace(flat: list[Pending], blocks: dict[str, Pending]) -> list[Pending]:
    """The pending list with each block's members replaced by the block, where its last one was."""
    renamed: dict[str, str] = {}
    member_of: dict[str, str] = {}
    for prefix in blocks:
        members = [p for p in flat if p.name.rpartition("/")[0] == prefix]
        renamed[members[-1].name] = prefix
        member_of.update((m.name, prefix) for m in members)
    result = []
    for pending in flat:
        if pending.name in member_of:
            if renamed.get(pending.name):
                result.append(blocks[renamed[pending.name]])
            continue
        pending.inputs = [renamed.get(s, s) for s in pending.inputs]
        result.append(pending)
    for block in blocks.values():
        block.inputs = [renamed.get(s, s) if s != INPUT else s for s in block.inputs]
    return result
