"""Reading an ONNX file safely, and the facts about its graph the importer asks for.

A model file comes from anywhere, so it is only ever parsed: the ``onnx`` package reads the
protobuf (no operator runs, no Python object is unpickled), weights kept in separate files are
never opened (a file could name any path), and files larger than :data:`MAX_ONNX_BYTES` or with
more than :data:`MAX_NODES` operators are refused before any work. Weights matter only through
their shapes; their values are read only for small tensors that carry settings (a Reshape's
target shape, a Dropout ratio, a Pad's amounts).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.fileformat import FileFormatError

MAX_ONNX_BYTES = 1 << 30
"""A gigabyte: every CNN the course meets (VGG-19 with weights is 0.57 GB) and then some."""
MAX_NODES = 20_000
SMALL_TENSOR = 64
"""Tensors with at most this many values are read (settings); larger ones only by shape."""


class OnnxImportError(FileFormatError):
    """An ONNX file that cannot become a CNN Studio network; the message says why."""


@dataclass(frozen=True)
class Tensor:
    """A constant of the graph: its shape, and its values when small enough to matter."""

    dims: tuple[int, ...]
    values: Any = None


def read_model(path: str | os.PathLike[str]):
    """The ``onnx.ModelProto`` in *path*, or :class:`OnnxImportError` saying why not."""
    from .onnx_export import OnnxMissing, require_onnx

    path = Path(path)
    try:
        require_onnx()
    except OnnxMissing as error:
        raise OnnxImportError(str(error)) from None
    try:
        size = path.stat().st_size
    except OSError as error:
        raise OnnxImportError(f"cannot read {path.name}: {error.strerror or error}") from None
    if size > MAX_ONNX_BYTES:
        raise OnnxImportError(
            f"{path.name} is {size / 2**20:,.0f} MB; CNN Studio opens ONNX models up to "
            f"{MAX_ONNX_BYTES // 2**20:,} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise OnnxImportError(f"cannot read {path.name}: {error.strerror or error}") from None
    return parse_model(data, path.name)


def parse_model(data: bytes, name: str = "the model"):
    """Parse ONNX bytes; :class:`OnnxImportError` for anything that is not a usable model."""
    import onnx
    from google.protobuf.message import DecodeError

    model = onnx.ModelProto()
    try:
        model.ParseFromString(data)
    except (DecodeError, ValueError, RuntimeError):
        raise OnnxImportError("it is not an ONNX model, or it is damaged or cut short") from None
    if not model.graph.node:
        raise OnnxImportError("it holds no ONNX graph (it is empty, or not an ONNX model)")
    if len(model.graph.node) > MAX_NODES:
        raise OnnxImportError(
            f"the model has {len(model.graph.node):,} operators; CNN Studio opens models up to {MAX_NODES:,}"
        )
    return model


class GraphFacts:
    """What the importer needs to know about one model's graph.

    ``constants`` maps each initializer and ``Constant`` output to a :class:`Tensor`; ``inputs``
    are the graph inputs that are not constants (the image, and weights declared as inputs);
    ``shapes`` holds every tensor shape ONNX's shape inference could work out (batch included).
    """

    def __init__(self, model, name: str) -> None:
        import onnx

        self.onnx = onnx
        self.model = model
        self.name = name
        self.opset = _default_opset(model, name)
        self.constants: dict[str, Tensor] = {}
        for tensor in model.graph.initializer:
            self.constants[tensor.name] = self._tensor(tensor)
        for node in model.graph.node:
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                self.constants[node.output[0]] = self._constant_node(node)
        self.inputs = {i.name: _dims(i) for i in model.graph.input if i.name not in self.constants}
        self.consumers: dict[str, list[tuple[Any, int]]] = {}
        for node in model.graph.node:
            for index, value in enumerate(node.input):
                self.consumers.setdefault(value, []).append((node, index))
        self.outputs = [o.name for o in model.graph.output]
        self.shapes = self._infer_shapes()

    # -- constants ----------------------------------------------------------------------------

    def _tensor(self, tensor) -> Tensor:
        dims = tuple(int(d) for d in tensor.dims)
        count = 1
        for d in dims:
            count *= d
        external = tensor.data_location == self.onnx.TensorProto.EXTERNAL
        if count > SMALL_TENSOR or external:
            return Tensor(dims)
        try:
            values = self.onnx.numpy_helper.to_array(tensor).tolist()
        except Exception:  # a malformed tensor: its values stay unknown
            values = None
        return Tensor(dims, values)

    def _constant_node(self, node) -> Tensor:
        for attribute in node.attribute:
            if attribute.name == "value":
                return self._tensor(attribute.t)
            if attribute.name in ("value_int", "value_float"):
                value = attribute.i if attribute.name == "value_int" else attribute.f
                return Tensor((), value)
            if attribute.name in ("value_ints", "value_floats"):
                values = list(attribute.ints if attribute.name == "value_ints" else attribute.floats)
                return Tensor((len(values),), values)
        return Tensor(())

    def weight_dims(self, value: str) -> tuple[int, ...] | None:
        """The shape of a weight: a constant's, or that of a weight declared as a graph input."""
        if value in self.constants:
            return self.constants[value].dims
        dims = self.inputs.get(value)
        return tuple(dims) if dims and all(isinstance(d, int) for d in dims) else None

    def weight_tensor(self, value: str) -> Tensor:
        """A weight declared as a graph input, as a :class:`Tensor` of unknown values."""
        return Tensor(self.weight_dims(value) or ())

    def values(self, value: str) -> Any:
        """A small constant's values (a number or nested lists), None if unknown or large."""
        tensor = self.constants.get(value)
        return None if tensor is None else tensor.values

    def is_constant(self, value: str) -> bool:
        return value in self.constants or (value in self.inputs and value not in self.data_inputs())

    def data_inputs(self) -> list[str]:
        """The graph inputs read as data (slot 0 of an operator): the image."""
        return [name for name in self.inputs if any(index == 0 for _, index in self.consumers.get(name, []))]

    # -- shapes -------------------------------------------------------------------------------

    def _infer_shapes(self) -> dict[str, tuple]:
        """Shapes of every tensor, from a copy of the graph without its large weights."""
        onnx, graph = self.onnx, self.model.graph
        light = onnx.GraphProto()
        light.name = graph.name
        light.node.extend(graph.node)
        light.output.extend(graph.output)
        light.input.extend(graph.input)
        light.value_info.extend(graph.value_info)
        declared = {i.name for i in graph.input}
        for tensor in graph.initializer:
            if tensor.name in declared:
                continue
            if self.constants[tensor.name].values is not None:
                light.initializer.append(tensor)
            else:
                dims = list(self.constants[tensor.name].dims)
                light.input.append(onnx.helper.make_tensor_value_info(tensor.name, tensor.data_type, dims))
        copy = onnx.ModelProto()
        copy.ir_version = self.model.ir_version
        copy.opset_import.extend(self.model.opset_import)
        copy.graph.CopyFrom(light)
        try:
            inferred = onnx.shape_inference.infer_shapes(copy)
        except Exception:  # a graph ONNX cannot reason about: shapes stay unknown
            inferred = copy
        shapes = {}
        for info in [*inferred.graph.value_info, *inferred.graph.input, *inferred.graph.output]:
            dims = _dims(info)
            if dims is not None:
                shapes[info.name] = dims
        return shapes

    def shape(self, value: str) -> tuple | None:
        """The shape of tensor *value* with the batch first; unknown sizes are None."""
        return self.shapes.get(value)


def _dims(info) -> tuple | None:
    kind = info.type.WhichOneof("value") if info.type.ByteSize() else None
    if kind != "tensor_type" or not info.type.tensor_type.HasField("shape"):
        return None
    return tuple(d.dim_value if d.HasField("dim_value") else None for d in info.type.tensor_type.shape.dim)


def _default_opset(model, name: str) -> int:
    for entry in model.opset_import:
        if entry.domain in ("", "ai.onnx"):
            return int(entry.version)
    raise OnnxImportError("the model does not say which ONNX operator set it uses (no default opset)")
