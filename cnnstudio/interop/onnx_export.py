"""A network as an ONNX model, operator for block, with CNN Studio's layer names.

Every leaf block becomes the ONNX operator that computes it (Conv, MaxPool, Gemm,
BatchNormalization, LRN...), named after the layer; a composite block's operators are named
``block/inner`` (``layer1.0/conv1``). Every tensor carries its shape (``value_info``), so a
viewer such as Netron shows the same shapes as CNN Studio's table, and the model's metadata
records each composite block's settings, so :mod:`.onnx_import` can group the operators back
into the block. Weights come from a module built by :func:`cnnstudio.model.build.build_module`
(fresh or from a checkpoint); without weights (``weights=None``) they are declared as model
inputs instead, which keeps the file tiny for looking at the structure.

Needs the ``onnx`` package (``pip install 'cnnstudio[onnx]'``), imported on first use.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .. import __version__
from ..core import Network
from ..core.windows import resolve_padding
from .plan import INPUT_KEY, Layer, Plan, make_plan

OPSET = 17
IR_VERSION = 8
"""ONNX IR 8 with opset 17: read by onnxruntime 1.13 and later and by every current viewer."""
INPUT_NAME, OUTPUT_NAME, BATCH = "input", "output", "N"
BLOCKS_METADATA = "cnnstudio.blocks"
INT64_MAX = 2**63 - 1


class OnnxMissing(ImportError):
    """The ``onnx`` package is not installed; the message says how to get it."""


def require_onnx():
    """The ``onnx`` module, or :class:`OnnxMissing` with the one line that says what to install."""
    try:
        import onnx
    except ImportError:
        raise OnnxMissing("ONNX support needs the onnx package: pip install 'cnnstudio[onnx]'") from None
    return onnx


class _Emitter:
    """Builds the graph's nodes, initializers and tensor shapes layer by layer."""

    def __init__(self, weights: dict[str, Any] | None) -> None:
        self.onnx = require_onnx()
        self.weights = weights
        self.nodes: list = []
        self.initializers: list = []
        self.weight_inputs: list = []
        self.value_info: list = []
        self.names: set[str] = {INPUT_NAME, OUTPUT_NAME}

    def fresh(self, name: str) -> str:
        base, i = name, 1
        while name in self.names:
            name, i = f"{base}_{i}", i + 1
        self.names.add(name)
        return name

    def tensor_info(self, name: str, shape: tuple[int, ...]):
        return self.onnx.helper.make_tensor_value_info(name, self.onnx.TensorProto.FLOAT, [BATCH, *shape])

    def parameter(self, name: str, state_key: str, shape: tuple[int, ...]) -> str:
        """A float weight: an initializer holding it, or a declared input without weights."""
        name = self.fresh(name)
        if self.weights is None:
            info = self.onnx.helper.make_tensor_value_info(name, self.onnx.TensorProto.FLOAT, list(shape))
            self.weight_inputs.append(info)
            return name
        array = self.weights[state_key].detach().cpu().float().numpy()
        if tuple(array.shape) != tuple(shape):
            raise ValueError(f"{state_key} has shape {tuple(array.shape)}, expected {tuple(shape)}")
        self.initializers.append(self.onnx.numpy_helper.from_array(array, name))
        return name

    def constant(self, name: str, values: list, dtype: str = "int64") -> str:
        import numpy as np

        name = self.fresh(name)
        array = np.array(values, dtype=dtype)
        self.initializers.append(self.onnx.numpy_helper.from_array(array, name))
        return name

    def node(self, op: str, inputs: list[str], output: str, name: str, **attributes: Any) -> None:
        self.nodes.append(self.onnx.helper.make_node(op, inputs, [output], name=name, **attributes))


def _window(layer: Layer) -> dict[str, Any]:
    p = layer.params
    pad = resolve_padding(p["padding"], p["kernel"])
    return {"kernel_shape": [p["kernel"]] * 2, "strides": [p["stride"]] * 2, "pads": [pad] * 4}


def _emit_conv(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    p, c = layer.params, layer.in_shapes[0][0]
    k, f, g = p["kernel"], p["filters"], p["groups"]
    args = [*inputs, e.parameter(f"{layer.path}.weight", f"{prefix}.weight", (f, c // g, k, k))]
    if p["bias"]:
        args.append(e.parameter(f"{layer.path}.bias", f"{prefix}.bias", (f,)))
    e.node("Conv", args, out, name, group=g, dilations=[1, 1], **_window(layer))


def _emit_pool(op: str) -> Callable:
    def emit(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
        extra = {"count_include_pad": 1} if op == "AveragePool" else {}
        e.node(op, inputs, out, name, ceil_mode=int(layer.params["ceil_mode"]), **_window(layer), **extra)

    return emit


def _emit_linear(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    units, n_in = layer.params["units"], layer.in_shapes[0][0]
    args = [*inputs, e.parameter(f"{layer.path}.weight", f"{prefix}.weight", (units, n_in))]
    if layer.params["bias"]:
        args.append(e.parameter(f"{layer.path}.bias", f"{prefix}.bias", (units,)))
    e.node("Gemm", args, out, name, transB=1)


def _emit_batchnorm(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    c = layer.in_shapes[0][0]
    args = list(inputs)
    for part in ("weight", "bias", "running_mean", "running_var"):
        args.append(e.parameter(f"{layer.path}.{part}", f"{prefix}.{part}", (c,)))
    e.node("BatchNormalization", args, out, name, epsilon=1e-5, momentum=0.9)


def _emit_lrn(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    p = layer.params
    e.node("LRN", inputs, out, name, size=p["size"], alpha=p["alpha"], beta=p["beta"], bias=p["k"])


def _emit_dropout(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    ratio = e.constant(f"{layer.path}.ratio", layer.params["p"], "float32")
    e.node("Dropout", [*inputs, ratio], out, name)


def _emit_padshortcut(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    stride, extra = layer.params["stride"], layer.params["channels"] - layer.in_shapes[0][0]
    source = inputs[0]
    if stride != 1:
        sliced = e.fresh(f"{name}/subsample") if extra else out
        args = [
            source,
            e.constant(f"{layer.path}.starts", [0, 0]),
            e.constant(f"{layer.path}.ends", [INT64_MAX, INT64_MAX]),
            e.constant(f"{layer.path}.axes", [2, 3]),
            e.constant(f"{layer.path}.steps", [stride, stride]),
        ]
        e.node("Slice", args, sliced, sliced if extra else name)
        source = sliced
    if extra or stride == 1:
        pads = e.constant(f"{layer.path}.pads", [0, 0, 0, 0, 0, extra, 0, 0])
        e.node("Pad", [source, pads], out, name, mode="constant")


def _simple(op: str, **attributes: Any) -> Callable:
    def emit(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
        e.node(op, inputs, out, name, **attributes)

    return emit


def _emit_add(e: _Emitter, layer: Layer, inputs: list[str], out: str, name: str, prefix: str) -> None:
    e.node("Add" if len(inputs) == 2 else "Sum", inputs, out, name)


EMITTERS: dict[str, Callable] = {
    "conv2d": _emit_conv,
    "maxpool2d": _emit_pool("MaxPool"),
    "avgpool2d": _emit_pool("AveragePool"),
    "globalavgpool": _simple("ReduceMean", axes=[2, 3], keepdims=0),
    "flatten": _simple("Flatten", axis=1),
    "linear": _emit_linear,
    "relu": _simple("Relu"),
    "tanh": _simple("Tanh"),
    "sigmoid": _simple("Sigmoid"),
    "softmax": _simple("Softmax", axis=1),
    "batchnorm2d": _emit_batchnorm,
    "lrn": _emit_lrn,
    "dropout": _emit_dropout,
    "padshortcut": _emit_padshortcut,
    "add": _emit_add,
    "concat": _simple("Concat", axis=1),
}
"""The ONNX operators of each leaf block type (composites are written as their inner layers)."""


def _emit_layers(e: _Emitter, plan: Plan) -> None:
    tensors = {INPUT_KEY: INPUT_NAME}
    for layer in plan.layers:
        out = OUTPUT_NAME if layer.key == plan.output else e.fresh(layer.name)
        inputs = [tensors[key] for key in layer.inputs]
        if layer.composite:
            _emit_block(e, layer, inputs[0], out)
        else:
            EMITTERS[layer.type](e, layer, inputs, out, layer.name, f"layers.{layer.key}")
        if out != OUTPUT_NAME:
            e.value_info.append(e.tensor_info(out, layer.shape))
        tensors[layer.key] = out


def _emit_block(e: _Emitter, block: Layer, source: str, block_out: str) -> None:
    tensors = {INPUT_KEY: source}
    inner = block.inner()
    for layer in inner:
        name = f"{block.name}/{layer.name}"
        out = block_out if layer is inner[-1] else e.fresh(name)
        inputs = [tensors[key] for key in layer.inputs]
        EMITTERS[layer.type](e, layer, inputs, out, name, f"layers.{block.key}.layers.{layer.key}")
        if out != block_out:
            e.value_info.append(e.tensor_info(out, layer.shape))
        tensors[layer.key] = out


def _block_settings(plan: Plan) -> str:
    blocks = {
        layer.name: {"type": layer.type, "params": layer.params} for layer in plan.layers if layer.composite
    }
    return json.dumps(blocks, sort_keys=True)


def to_onnx(network: Network, state_dict: dict[str, Any] | None = None, weights: bool = True):
    """*network* as an ``onnx.ModelProto``.

    The weights are *state_dict* (keys as :func:`~cnnstudio.model.build.build_module` makes
    them, e.g. from a checkpoint), else those of a freshly built module; ``weights=False``
    declares them as inputs instead. Raises :class:`~.plan.ExportError` for a network with
    errors and :class:`OnnxMissing` without the onnx package.
    """
    plan = make_plan(network)
    onnx = require_onnx()
    if weights and state_dict is None:
        from ..model.build import build_module

        state_dict = build_module(network).state_dict()
    emitter = _Emitter(state_dict if weights else None)
    _emit_layers(emitter, plan)
    if not plan.layers:
        emitter.node("Identity", [INPUT_NAME], OUTPUT_NAME, "output")
    graph = onnx.helper.make_graph(
        emitter.nodes,
        plan.name,
        [emitter.tensor_info(INPUT_NAME, plan.input_shape), *emitter.weight_inputs],
        [emitter.tensor_info(OUTPUT_NAME, plan.output_shape)],
        initializer=emitter.initializers,
        value_info=emitter.value_info,
        doc_string=f"{plan.name}, exported from CNN Studio {__version__}",
    )
    model = onnx.helper.make_model(
        graph,
        opset_imports=[onnx.helper.make_opsetid("", OPSET)],
        ir_version=IR_VERSION,
        producer_name="CNN Studio",
        producer_version=__version__,
    )
    onnx.helper.set_model_props(model, {BLOCKS_METADATA: _block_settings(plan)})
    return model


def onnx_bytes(network: Network, state_dict: dict[str, Any] | None = None, weights: bool = True) -> bytes:
    """:func:`to_onnx`'s model, serialized (what a ``.onnx`` file holds)."""
    return to_onnx(network, state_dict, weights).SerializeToString()
