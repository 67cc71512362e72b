"""The ONNX operators that reshape rather than compute: flattening, global pooling, and the
zero-padding shortcut's Slice and Pad.

Each may complete the block an earlier operator started: a global average pool is flattened
next; a Slice per axis, then a Pad, make one zero-padding shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .onnx_ops import Refused, _text, attributes

if TYPE_CHECKING:
    from .onnx_import import Importer


def _global_pool(imp: Importer, node) -> None:
    imp.add(node, "globalavgpool", {}, [node.input[0]], awaiting_flatten=True)


def _reduce_mean(imp: Importer, node) -> None:
    attrs = attributes(node)
    axes = attrs.get("axes")
    if axes is None and len(node.input) > 1 and node.input[1]:
        axes = imp.facts.values(node.input[1])
    shape = imp.shape(node.input[0])
    rank = len(shape) if shape else 4
    axes = sorted(a % rank for a in (axes or []))
    if rank != 4 or axes != [2, 3]:
        raise Refused(f"it averages over axes {axes}; only a mean over height and width (2, 3) is imported")
    keep = bool(attrs.get("keepdims", 1))
    imp.add(node, "globalavgpool", {}, [node.input[0]], awaiting_flatten=keep)


def _flatten_after_pool(imp: Importer, node) -> bool:
    pending = imp.source_pending(node.input[0])
    if pending is not None and pending.awaiting_flatten:
        if not imp.only_consumer(node.input[0], node):
            raise Refused(f"'{pending.name}''s 1x1 map is also used unflattened")
        pending.awaiting_flatten = False
        imp.alias(node, node.input[0])
        return True
    return False


def _flatten(imp: Importer, node) -> None:
    if attributes(node).get("axis", 1) != 1:
        raise Refused("it flattens from an axis other than 1 (the batch must stay apart)")
    if not _flatten_after_pool(imp, node):
        imp.add(node, "flatten", {}, [node.input[0]])


def _reshape(imp: Importer, node) -> None:
    target = imp.facts.values(node.input[1]) if len(node.input) > 1 else None
    shape = imp.shape(node.input[0])
    if not isinstance(target, list) or len(target) != 2:
        raise Refused(f"it reshapes to {target!r}; only a reshape to a flat vector per image is imported")
    batch, size = target
    flat = _flat_size(shape)
    batch_ok = batch in (0, -1) or (shape is not None and shape[0] == batch)
    size_ok = size == -1 or (flat is not None and size == flat)
    if not (batch_ok and size_ok) or (batch == -1 and size == -1):
        raise Refused(f"it reshapes to {target}; only a reshape to a flat vector per image is imported")
    if not _flatten_after_pool(imp, node):
        imp.add(node, "flatten", {}, [node.input[0]])


def _flat_size(shape: tuple | None) -> int | None:
    if shape is None or any(d is None for d in shape[1:]):
        return None
    size = 1
    for d in shape[1:]:
        size *= d
    return size


def _squeeze(imp: Importer, node) -> None:
    axes = attributes(node).get("axes")
    if axes is None and len(node.input) > 1:
        axes = imp.facts.values(node.input[1])
    if sorted(a % 4 for a in (axes or [])) != [2, 3] or not _flatten_after_pool(imp, node):
        raise Refused("only a Squeeze of the 1x1 map after a global average pool is imported")


def _slice(imp: Importer, node) -> None:
    """Taking every s-th row and column (in one Slice, or one per axis): a zero-padding shortcut."""
    if imp.facts.opset < 10:
        raise Refused("it is an opset 1-9 Slice (settings as attributes); re-export with opset 10 or later")
    starts, ends, axes, steps = (
        imp.facts.values(v) if v else None for v in [*node.input[1:], "", "", ""][:4]
    )
    shape = imp.shape(node.input[0])
    if shape is None or len(shape) != 4 or shape[1] is None or not isinstance(starts, list):
        raise Refused("the shape of its input or its settings are unknown")
    axes = axes if isinstance(axes, list) else list(range(len(starts)))
    steps = steps if isinstance(steps, list) else [1] * len(starts)
    strides = {}
    for start, end, axis, step in zip(starts, ends or [], axes, steps, strict=True):
        dim = shape[axis % 4]
        if start != 0 or step < 1 or (dim is not None and end < dim):
            raise Refused("it crops the tensor; only taking every s-th row and column is imported")
        if step != 1:
            strides[axis % 4] = step
    if not set(strides) <= {2, 3} or len(set(strides.values())) > 1:
        raise Refused("only taking every s-th row and column (a zero-padding shortcut) is imported")
    if not strides:
        imp.alias(node, node.input[0])
        return
    stride = next(iter(strides.values()))
    pending = imp.source_pending(node.input[0])
    mergeable = (
        pending is not None
        and pending.type == "padshortcut"
        and pending.sliced_axes.isdisjoint(strides)
        and pending.params["stride"] == stride
        and imp.only_consumer(node.input[0], node)
    )
    if mergeable:
        pending.sliced_axes |= set(strides)
        imp.merge(pending, node)
        return
    params = {"channels": shape[1], "stride": stride}
    imp.add(node, "padshortcut", params, [node.input[0]], sliced_axes=set(strides))


def _pad(imp: Importer, node) -> None:
    attrs = attributes(node)
    pads = attrs.get("pads") if imp.facts.opset < 11 else imp.facts.values(node.input[1])
    value = imp.facts.values(node.input[2]) if len(node.input) > 2 and node.input[2] else 0
    shape = imp.shape(node.input[0])
    if _text(attrs.get("mode", "constant")) != "constant" or value not in (0, 0.0):
        raise Refused("it pads with something other than zeros")
    if not isinstance(pads, list) or len(pads) != 8 or any(pads[i] for i in (0, 1, 2, 3, 4, 6, 7)):
        raise Refused("only adding zero channels at the end (a zero-padding shortcut) is imported")
    if shape is None or shape[1] is None:
        raise Refused("the shape of its input is unknown")
    pending = imp.source_pending(node.input[0])
    fresh = pending is not None and pending.type == "padshortcut" and pending.sliced_axes
    if fresh and pending.params["channels"] == shape[1] and imp.only_consumer(node.input[0], node):
        pending.params["channels"] += int(pads[5])
        imp.merge(pending, node)
        return
    imp.add(node, "padshortcut", {"channels": shape[1] + int(pads[5]), "stride": 1}, [node.input[0]])


HANDLERS: dict[str, Callable[[Importer, Any], None]] = {
    "GlobalAveragePool": _global_pool,
    "ReduceMean": _reduce_mean,
    "Flatten": _flatten,
    "Reshape": _reshape,
    "Squeeze": _squeeze,
    "Slice": _slice,
    "Pad": _pad,
}
