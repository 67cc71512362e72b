"""The ONNX operators the importer understands, each turned into a CNN Studio block.

A handler reads one ONNX node (its attributes, the shapes of its weights, small constants) and
adds a :class:`Pending` block through the importer, passes its input through (Identity), or
raises :class:`Refused` saying what CNN Studio cannot express. Some blocks take two operators:
MatMul then a bias Add (a fully connected layer), a global average pool then a flatten, a Slice
then a Pad (the ResNet paper's zero-padding shortcut).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .onnx_import import Importer

SUPPORTED = (
    "Conv, MaxPool, AveragePool, GlobalAveragePool, ReduceMean, Gemm, MatMul, BatchNormalization, "
    "Relu, Tanh, Sigmoid, Softmax, LRN, Dropout, Add, Sum, Concat, Flatten, Reshape, Squeeze, "
    "Slice, Pad, Identity, Constant"
)
"""The operators CNN Studio imports, for the message refusing any other."""
INPUT = "\0input"
"""Where a pending block's input is the network's image."""


@dataclass
class Pending:
    """A block about to be added: its name, type, settings and sources (pending names or INPUT).

    ``weights`` are the shapes of the ONNX weights it reads, checked against the analysis.
    ``awaiting_flatten`` marks a global average pool whose 1x1 map must be flattened next.
    """

    name: str
    type: str
    params: dict[str, Any]
    inputs: list[str]
    weights: dict[str, tuple[int, ...]] = field(default_factory=dict)
    awaiting_flatten: bool = False
    from_matmul: bool = False
    sliced_axes: set[int] = field(default_factory=set)


class Refused(Exception):
    """One node cannot be imported; the message names it."""


# -- helpers ------------------------------------------------------------------------------------


def attributes(node) -> dict[str, Any]:
    import onnx

    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _text(value: Any) -> Any:
    return value.decode() if isinstance(value, bytes) else value


def _square(values: list[int], what: str) -> int:
    if len(values) != 2 or values[0] != values[1]:
        raise Refused(f"its {what} {list(values)} is not the same along height and width (or not 2-D)")
    return int(values[0])


def _padding(attrs: dict[str, Any], kernel: int, stride: int) -> int:
    auto_pad = _text(attrs.get("auto_pad", "NOTSET"))
    if auto_pad == "VALID":
        return 0
    if auto_pad in ("SAME_UPPER", "SAME_LOWER"):
        if stride != 1 or kernel % 2 == 0:
            raise Refused(f"auto_pad {auto_pad} with stride {stride} and kernel {kernel} pads unevenly")
        return (kernel - 1) // 2
    pads = list(attrs.get("pads", [0, 0, 0, 0]))
    if len(pads) != 4 or len(set(pads)) != 1:
        raise Refused(f"its padding {pads} is not the same on every side, which CNN Studio's blocks need")
    return int(pads[0])


def _window(attrs: dict[str, Any], kernel_default: list[int] | None = None) -> tuple[int, int, int]:
    kernel = _square(list(attrs.get("kernel_shape", kernel_default or [])), "kernel")
    stride = _square(list(attrs.get("strides", [1, 1])), "stride")
    if any(d != 1 for d in attrs.get("dilations", [1, 1])):
        raise Refused(f"it is dilated ({list(attrs['dilations'])}); CNN Studio has no dilated blocks")
    return kernel, stride, _padding(attrs, kernel, stride)


def _conv_padding(pad: int, kernel: int) -> int | str:
    """0 -> ``"valid"``, ``(k-1)/2`` -> ``"same"`` (as students write them), else the pixels."""
    if pad == 0:
        return "valid"
    if kernel % 2 and pad == (kernel - 1) // 2:
        return "same"
    return pad


# -- handlers -------------------------------------------------------------------------------


def _conv(imp: Importer, node) -> None:
    attrs = attributes(node)
    dims = imp.facts.weight_dims(node.input[1])
    if dims is None or len(dims) != 4:
        raise Refused("its weights are not a known 4-D tensor (only 2-D convolutions are imported)")
    kernel, stride, pad = _window(attrs, list(dims[2:]))
    if tuple(dims[2:]) != (kernel, kernel):
        raise Refused(f"its kernel_shape does not match its {dims[2]}x{dims[3]} weights")
    has_bias = len(node.input) > 2 and bool(node.input[2])
    params = {
        "filters": dims[0],
        "kernel": kernel,
        "stride": stride,
        "padding": _conv_padding(pad, kernel),
        "groups": int(attrs.get("group", 1)),
        "bias": has_bias,
    }
    weights = {"weight": dims}
    if has_bias:
        weights["bias"] = imp.facts.weight_dims(node.input[2])
    imp.add(node, "conv2d", params, [node.input[0]], weights=weights)


def _pool(block_type: str) -> Callable:
    def handle(imp: Importer, node) -> None:
        attrs = attributes(node)
        kernel, stride, pad = _window(attrs)
        if attrs.get("storage_order", 0):
            raise Refused("it stores indices in column-major order")
        if block_type == "avgpool2d" and pad and not attrs.get("count_include_pad", 0):
            raise Refused("it leaves the padding out of each average; CNN Studio's AvgPool2d counts it")
        params = {
            "kernel": kernel,
            "stride": stride,
            "padding": pad,
            "ceil_mode": bool(attrs.get("ceil_mode", 0)),
        }
        if len(node.output) > 1 and node.output[1]:
            raise Refused("it also returns the indices of the maxima")
        imp.add(node, block_type, params, [node.input[0]])

    return handle


def _gemm(imp: Importer, node) -> None:
    attrs = attributes(node)
    if attrs.get("alpha", 1.0) != 1.0 or attrs.get("beta", 1.0) != 1.0 or attrs.get("transA", 0):
        raise Refused("it scales or transposes its input (alpha, beta, transA); only x W' + b is imported")
    dims = imp.facts.weight_dims(node.input[1])
    if dims is None or len(dims) != 2:
        raise Refused("its weights are not a known 2-D constant")
    units, n_in = (dims[0], dims[1]) if attrs.get("transB", 0) else (dims[1], dims[0])
    has_bias = len(node.input) > 2 and bool(node.input[2])
    weights = {"weight": (units, n_in)}
    if has_bias:
        bias = imp.facts.weight_dims(node.input[2])
        if bias is None or _count(bias) != units:
            raise Refused(f"its bias {bias} does not hold one value per unit ({units})")
        weights["bias"] = (units,)
    imp.add(node, "linear", {"units": units, "bias": has_bias}, [node.input[0]], weights=weights)


def _matmul(imp: Importer, node) -> None:
    dims = imp.facts.weight_dims(node.input[1])
    if dims is None or len(dims) != 2 or not imp.facts.is_constant(node.input[1]):
        raise Refused("only a MatMul by a constant 2-D weight matrix (a fully connected layer) is imported")
    weights = {"weight": (dims[1], dims[0])}
    imp.add(
        node, "linear", {"units": dims[1], "bias": False}, [node.input[0]], weights=weights, from_matmul=True
    )


def _add(imp: Importer, node) -> None:
    constants = [v for v in node.input if imp.facts.is_constant(v)]
    if not constants:
        imp.add(node, "add", {}, list(node.input))
        return
    data = [v for v in node.input if v not in constants]
    pending = imp.source_pending(data[0]) if len(data) == 1 and len(constants) == 1 else None
    fusable = (
        pending is not None
        and pending.from_matmul
        and not pending.params["bias"]
        and imp.only_consumer(data[0], node)
    )
    bias = imp.facts.weight_dims(constants[0])
    if not fusable or bias is None or _count(bias) != pending.params["units"]:
        raise Refused("it adds a constant tensor, which only a fully connected layer's bias may do")
    pending.params["bias"] = True
    pending.weights["bias"] = (pending.params["units"],)
    imp.alias(node, data[0])


def _count(dims: tuple[int, ...]) -> int:
    count = 1
    for d in dims:
        count *= d
    return count


def _batchnorm(imp: Importer, node) -> None:
    if attributes(node).get("training_mode", 0) or (len(node.output) > 1 and any(node.output[1:])):
        raise Refused("it is in training mode (it updates running statistics)")
    dims = imp.facts.weight_dims(node.input[1])
    imp.add(node, "batchnorm2d", {}, [node.input[0]], weights={"weight": dims})


def _softmax(imp: Importer, node) -> None:
    axis = attributes(node).get("axis", 1 if imp.facts.opset < 13 else -1)
    shape = imp.shape(node.input[0])
    rank = len(shape) if shape else None
    if rank is None:
        raise Refused("the shape of its input is unknown")
    if axis % rank != 1 or (imp.facts.opset < 13 and rank != 2):
        raise Refused(
            f"it normalizes over axis {axis} of a rank-{rank} tensor; CNN Studio's softmax uses axis 1"
        )
    imp.add(node, "softmax", {}, [node.input[0]])


def _lrn(imp: Importer, node) -> None:
    attrs = attributes(node)
    params = {
        "size": int(attrs["size"]),
        "alpha": float(attrs.get("alpha", 1e-4)),
        "beta": float(attrs.get("beta", 0.75)),
        "k": float(attrs.get("bias", 1.0)),
    }
    imp.add(node, "lrn", params, [node.input[0]])


def _dropout(imp: Importer, node) -> None:
    attrs = attributes(node)
    ratio = attrs.get("ratio", 0.5)
    if len(node.input) > 1 and node.input[1]:
        ratio = imp.facts.values(node.input[1])
        if not isinstance(ratio, int | float):
            raise Refused("its ratio is not a known constant")
    if len(node.input) > 2 and node.input[2] and imp.facts.values(node.input[2]) not in (False, 0):
        raise Refused("it is in training mode")
    if len(node.output) > 1 and node.output[1] and node.output[1] in imp.facts.consumers:
        raise Refused("its mask output is used")
    imp.add(node, "dropout", {"p": round(float(ratio), 6)}, [node.input[0]])


def _concat(imp: Importer, node) -> None:
    axis = attributes(node).get("axis")
    shape = imp.shape(node.input[0])
    rank = len(shape) if shape else None
    if axis is None or rank is None or axis % rank != 1:
        raise Refused(f"it joins along axis {axis}; CNN Studio's Concat stacks channels (axis 1)")
    imp.add(node, "concat", {}, list(node.input))


def _simple(block_type: str) -> Callable:
    def handle(imp: Importer, node) -> None:
        imp.add(node, block_type, {}, [node.input[0]])

    return handle


def _identity(imp: Importer, node) -> None:
    if imp.facts.is_constant(node.input[0]):
        imp.facts.constants[node.output[0]] = imp.facts.constants.get(
            node.input[0]
        ) or imp.facts.weight_tensor(node.input[0])
    else:
        imp.alias(node, node.input[0])


def _constant(imp: Importer, node) -> None:
    """Constants are read where they are used (a Reshape's shape, a Dropout's ratio)."""


def _sum(imp: Importer, node) -> None:
    if len(node.input) == 1:
        imp.alias(node, node.input[0])
    else:
        _add(imp, node)


HANDLERS: dict[str, Callable[[Importer, Any], None]] = {  # see also onnx_shape_ops.HANDLERS
    "Conv": _conv,
    "MaxPool": _pool("maxpool2d"),
    "AveragePool": _pool("avgpool2d"),
    "Gemm": _gemm,
    "MatMul": _matmul,
    "Add": _add,
    "Sum": _sum,
    "BatchNormalization": _batchnorm,
    "Relu": _simple("relu"),
    "Tanh": _simple("tanh"),
    "Sigmoid": _simple("sigmoid"),
    "Softmax": _softmax,
    "LRN": _lrn,
    "Dropout": _dropout,
    "Concat": _concat,
    "Identity": _identity,
    "Constant": _constant,
}
