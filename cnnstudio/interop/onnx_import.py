"""Opening an ONNX model as a CNN Studio network (its structure; the weights stay behind).

Each ONNX operator becomes the block that computes the same thing: Conv, MaxPool, AveragePool,
Gemm (or MatMul plus a bias Add), BatchNormalization, Relu, Tanh, Sigmoid, Softmax, LRN,
Dropout, Add/Sum, Concat, Flatten (or a Reshape to a flat vector), and global average pooling
(GlobalAveragePool or ReduceMean over height and width, then flattened). Identity and Constant
operators are passed through. The first operator of any other kind stops the import with its
name; so do settings CNN Studio's blocks cannot express (asymmetric padding, dilation...).

Operators CNN Studio wrote for a residual block or an inception module (named ``block/inner``)
are grouped back into the block when they are exactly its expansion (see :mod:`.onnx_blocks`).
The network is then analysed; an import whose layers do not add up (weights that do not fit the
input, an output shape other than the file's) is refused rather than shown wrong.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..core import Network, block_type, summarize
from ..core.graph import EditError
from ..core.rules import checked_value
from ..core.windows import ShapeProblem
from . import onnx_ops, onnx_shape_ops
from .onnx_ops import INPUT, SUPPORTED, Pending, Refused
from .onnx_reader import GraphFacts, OnnxImportError, parse_model, read_model

HANDLERS = {**onnx_ops.HANDLERS, **onnx_shape_ops.HANDLERS}
"""Each importable ONNX operator's handler."""
_GENERIC_GRAPH_NAMES = ("", "main_graph", "torch_jit", "torch-jit-export", "graph")


class Importer:
    """Walks the graph's nodes in order, turning each into pending blocks."""

    def __init__(self, facts: GraphFacts) -> None:
        self.facts = facts
        self.pending: dict[str, Pending] = {}
        self.producer: dict[str, str] = {}

    # -- helpers for the handlers -------------------------------------------------------------

    def source(self, value: str) -> str:
        if value not in self.producer:
            raise Refused(f"its input '{value}' is neither the image nor an earlier layer's output")
        return self.producer[value]

    def source_pending(self, value: str) -> Pending | None:
        return self.pending.get(self.producer.get(value, ""))

    def add(self, node, block_type: str, params: dict[str, Any], inputs: list[str], **extra) -> Pending:
        name = node.name or node.output[0] or block_type
        while name in self.pending:
            name += "_"
        pending = Pending(name, block_type, params, [self.source(v) for v in inputs], **extra)
        self.pending[name] = pending
        self.producer[node.output[0]] = name
        return pending

    def merge(self, pending: Pending, node) -> None:
        """*node* completes *pending* (its only consumer): its output and name become the block's."""
        self.alias(node, node.input[0])
        if node.name and node.name not in self.pending:
            del self.pending[pending.name]
            self.producer = {v: (node.name if p == pending.name else p) for v, p in self.producer.items()}
            pending.name = node.name
            self.pending[node.name] = pending

    def alias(self, node, value: str) -> None:
        self.producer[node.output[0]] = self.source(value)

    def shape(self, value: str) -> tuple | None:
        return self.facts.shape(value)

    def only_consumer(self, value: str, node) -> bool:
        consumers = self.facts.consumers.get(value, [])
        return len(consumers) == 1 and consumers[0][0] is node and value not in self.facts.outputs

    # -- the walk -----------------------------------------------------------------------------

    def run(self) -> list[Pending]:
        image = self.facts.data_inputs()
        if len(image) != 1:
            raise OnnxImportError(
                f"the model reads {len(image)} inputs; a CNN Studio network reads one image"
            )
        self.producer[image[0]] = INPUT
        for node in self.facts.model.graph.node:
            handler = HANDLERS.get(node.op_type) if node.domain in ("", "ai.onnx") else None
            if handler is None:
                op = node.op_type if node.domain in ("", "ai.onnx") else f"{node.domain}::{node.op_type}"
                raise OnnxImportError(
                    f"the model uses the operator {op} (node '{_label(node)}'), "
                    f"which CNN Studio has no block for; it imports {SUPPORTED}"
                )
            try:
                handler(self, node)
            except Refused as refusal:
                raise OnnxImportError(f"{node.op_type} node '{_label(node)}': {refusal}") from None
            except (IndexError, KeyError, TypeError, ValueError, AttributeError, ZeroDivisionError):
                # a node missing inputs or attributes its operator requires: the file is malformed
                raise OnnxImportError(
                    f"{node.op_type} node '{_label(node)}' lacks inputs or settings its operator needs "
                    "(the file is malformed)"
                ) from None
        return self._finish()

    def _finish(self) -> list[Pending]:
        outputs = self.facts.outputs
        if len(outputs) != 1:
            raise OnnxImportError(f"the model has {len(outputs)} outputs; a CNN Studio network has one")
        if self.producer.get(outputs[0]) in (None, INPUT):
            raise OnnxImportError("the model's output is not computed by any layer")
        for pending in self.pending.values():
            if pending.sliced_axes and pending.sliced_axes != {2, 3}:
                raise OnnxImportError(
                    f"'{pending.name}' keeps every {pending.params['stride']}-th row or column "
                    "but not both; only the zero-padding shortcut's subsampling is imported"
                )
            if pending.awaiting_flatten:
                raise OnnxImportError(
                    f"'{pending.name}' averages each channel to a 1x1 map that is not "
                    "flattened next; CNN Studio's global average pooling gives a flat vector"
                )
        return list(self.pending.values())


def _label(node) -> str:
    return node.name or (node.output[0] if node.output else "unnamed")


# -- building the network ---------------------------------------------------------------------


MALFORMED = (UnicodeDecodeError, IndexError, KeyError, TypeError, ValueError, AttributeError, RuntimeError)
"""What reading a damaged protobuf can raise (text that is not UTF-8, missing fields...)."""


def network_from_model(model, name: str = "the model", fallback_title: str = "Imported") -> Network:
    """The CNN Studio network an ``onnx.ModelProto`` describes; :class:`OnnxImportError` if none."""
    try:
        return _convert(model, name, fallback_title)
    except OnnxImportError:
        raise
    except MALFORMED as error:
        raise OnnxImportError(f"the model is damaged or malformed ({type(error).__name__})") from None


def _convert(model, name: str, fallback_title: str) -> Network:
    from .onnx_blocks import group_blocks

    facts = GraphFacts(model, name)
    flat = Importer(facts).run()
    image = facts.data_inputs()[0]
    shape = facts.shape(image) or facts.inputs.get(image)
    if shape is None or len(shape) != 4 or any(not isinstance(d, int) or d < 1 for d in shape[1:]):
        raise OnnxImportError(
            f"the model's input {image} has shape {_show(shape)}; CNN Studio needs N x C x H x W "
            "with fixed channels, height and width"
        )
    title = model.graph.name if model.graph.name not in _GENERIC_GRAPH_NAMES else fallback_title
    shapes = flat_shapes(flat, tuple(shape[1:]))
    _check_weights(flat, shapes, name)
    network = _build(title, image, shape[1:], group_blocks(flat, shapes, model), name)
    _check_output(network, facts, name)
    return network


def flat_shapes(flat: list[Pending], image: tuple[int, int, int]) -> dict[str, Any]:
    """Each pending layer's output shape, by the blocks' own arithmetic, in the order of *flat*.

    The operators are not a network yet (a zero-padding shortcut, say, only exists inside a
    residual block), so the shapes come from the blocks directly; the first layer no block can
    compute refuses the import.
    """
    shapes: dict[str, Any] = {INPUT: image}
    for pending in flat:
        block = block_type(pending.type)
        try:
            params = {key: checked_value(block, key, value) for key, value in pending.params.items()}
            inputs = [shapes[s] for s in pending.inputs]
            shapes[pending.name] = block.infer({**block.defaults(), **params}, inputs).shape
        except (EditError, ShapeProblem) as problem:
            raise OnnxImportError(f"'{pending.name}' cannot be computed: {problem}") from None
    return shapes


def _show(shape) -> str:
    return "unknown" if shape is None else " x ".join("?" if d is None else str(d) for d in shape)


def _build(title: str, image: str, shape: tuple, nodes: list[Pending], name: str) -> Network:
    """The network of *nodes*."""
    network = Network(title)
    c, h, w = shape
    ids = {INPUT: network.add_node("input", {"channels": c, "height": h, "width": w}, "input").id}
    try:
        for pending in nodes:
            node = network.add_node(
                pending.type, pending.params, _layer_name(pending.name), [ids[s] for s in pending.inputs]
            )
            ids[pending.name] = node.id
    except EditError as error:
        raise OnnxImportError(f"'{pending.name}' cannot be added: {error}") from None
    summary = summarize(network)
    if not summary.valid:
        raise OnnxImportError(
            f"the model imports as a network CNN Studio cannot analyse: {summary.errors[0]}"
        )
    return network


def _layer_name(text: str) -> str:
    """A layer name from an ONNX name: PyTorch's ``/layer1/layer1.0/conv1/Conv`` -> ``layer1.0.conv1``."""
    if not text.startswith("/"):
        return text
    parts = [p for p in text.split("/") if p]
    if len(parts) > 1 and parts[-1][:1].isupper():
        parts.pop()  # the operator's own name
    kept = [p for i, p in enumerate(parts) if not any(q.startswith(p + ".") for q in parts[i + 1 :])]
    return ".".join(kept) or text


def _check_weights(flat: list[Pending], shapes: dict[str, Any], name: str) -> None:
    """Every layer's ONNX weights must have the shape the blocks' arithmetic gives the layer."""
    for pending in flat:
        if not pending.weights:
            continue
        source = shapes[pending.inputs[0]]
        expected = _expected_weights(pending, source)
        for part, dims in pending.weights.items():
            if dims is not None and part in expected and tuple(dims) != expected[part]:
                raise OnnxImportError(
                    f"the {part} of '{pending.name}' is {_show(dims)}, but a {block_type(pending.type).title} "
                    f"on its {_show(source)} input needs {_show(expected[part])}"
                )


def _expected_weights(pending: Pending, source: tuple) -> dict[str, tuple[int, ...]]:
    p = pending.params
    if pending.type == "conv2d":
        found = {"weight": (p["filters"], source[0] // p["groups"], p["kernel"], p["kernel"])}
        return {**found, "bias": (p["filters"],)}
    if pending.type == "linear":
        return {"weight": (p["units"], source[0]), "bias": (p["units"],)}
    if pending.type == "batchnorm2d":
        return {"weight": (source[0],)}
    return {}


def _check_output(network: Network, facts: GraphFacts, name: str) -> None:
    declared = facts.shape(facts.outputs[0])
    computed = summarize(network).output_shape
    if declared is None or any(d is None for d in declared[1:]):
        return
    if tuple(declared[1:]) != tuple(computed):
        raise OnnxImportError(
            f"CNN Studio computes an output of {_show(computed)} per image, but the model says "
            f"{_show(declared[1:])}; it cannot be imported faithfully"
        )


def import_onnx(path: str | os.PathLike[str]) -> Network:
    """Read the ONNX file *path* into a network; :class:`OnnxImportError` saying why if it cannot."""
    path = Path(path)
    model = read_model(path)
    return network_from_model(model, path.name, path.name.removesuffix(".onnx") or "Imported")


def import_onnx_bytes(data: bytes, name: str = "the model") -> Network:
    """:func:`import_onnx` for a model already in memory."""
    return network_from_model(parse_model(data, name), name)
