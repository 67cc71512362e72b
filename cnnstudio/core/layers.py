"""The leaf block types: Input, convolution, pooling, fully connected, activations, merges.

Conventions (the same as torchvision's published figures and the ResNet/GoogLeNet papers):

* MACs count the multiply-accumulates of convolutions and fully connected layers, bias excluded.
* Other ops are counted apart, per output element: 1 per bias add, activation (ReLU, tanh,
  sigmoid) and residual add per extra input; 3 for softmax (exp, sum, divide); 2 for batch norm
  at inference (scale and shift); k*k per pooling window; ``size + 2`` for LRN; 0 for dropout,
  flatten and concat.
"""

from __future__ import annotations

from .blocks import BlockType, Evaluation, Shape, fmt, format_shape, register
from .params import bool_param, float_param, int_param, padding_param
from .windows import (
    ShapeProblem,
    elements,
    elements_formula,
    flat_size,
    image_dims,
    resolve_padding,
    sliding_window,
)

MAX_CHANNELS = 65_536
MAX_UNITS = 1_000_000
MAX_SIDE = 8_192
MAX_KERNEL = 255


def _ops(evaluation: Evaluation, per_element: int, what: str) -> Evaluation:
    """Fill in other ops as *per_element* operations on every output element."""
    shape = evaluation.shape
    ops = evaluation.other_ops = per_element * elements(shape)
    if per_element == 0:
        evaluation.formulas["other_ops"] = lambda: f"0 ({what})"
    elif per_element == 1:
        evaluation.formulas["other_ops"] = lambda: f"{what} = {elements_formula(shape)}"
    else:
        evaluation.formulas["other_ops"] = lambda: (
            f"{what} = {per_element} * {elements_formula(shape).split(' = ')[0]} = {fmt(ops)}"
        )
    return evaluation


def _append(evaluation: Evaluation, column: str, text: str) -> None:
    """Add *text* to the end of a (possibly not yet written) formula."""
    before = evaluation.formulas[column]
    evaluation.formulas[column] = lambda: (before() if callable(before) else before) + text


def _passthrough(shape: Shape) -> Evaluation:
    evaluation = Evaluation(shape=shape)
    evaluation.formulas["output_shape"] = "same shape as the input"
    return evaluation


def _whole_map(shape: Shape) -> tuple[int, int]:
    """The receptive-field window of a layer whose outputs each read the whole map."""
    if len(shape) == 1:
        return 1, 1
    return max(shape[1], shape[2]), 1


def _no_params(evaluation: Evaluation, why: str = "no weights") -> Evaluation:
    evaluation.formulas["params"] = lambda: f"0 ({why})"
    evaluation.formulas["macs"] = "0 (no multiplications by weights)"
    return evaluation


@register
class InputBlock(BlockType):
    id = "input"
    title = "Input"
    title_ko = "입력"
    category = "Input"
    description = "The image the network reads: channels (1 for gray, 3 for colour), height and width."
    default_name = "input"
    min_inputs = 0
    max_inputs = 0
    params = (
        int_param("channels", "Channels", 3, 1, 4096, "1 for a gray image, 3 for a colour one."),
        int_param("height", "Height", 32, 1, MAX_SIDE, "Image height in pixels."),
        int_param("width", "Width", 32, 1, MAX_SIDE, "Image width in pixels."),
    )

    def infer(self, params, inputs):
        c, h, w = params["channels"], params["height"], params["width"]
        evaluation = Evaluation(shape=(c, h, w))
        evaluation.formulas["output_shape"] = lambda: f"the image: {h}x{w}x{c}"
        return _ops(_no_params(evaluation), 0, "no computation")

    def summary_text(self, params):
        return f"{params['height']}x{params['width']}x{params['channels']}"


@register
class Conv2dBlock(BlockType):
    id = "conv2d"
    title = "Conv2d"
    title_ko = "합성곱"
    category = "Convolution & pooling"
    description = "Slides learned filters over the image; each filter makes one output channel."
    default_name = "conv"
    params = (
        int_param("filters", "Filters", 32, 1, MAX_CHANNELS, "Number of filters = output channels."),
        int_param("kernel", "Kernel size", 3, 1, MAX_KERNEL, "Width and height of each filter."),
        int_param("stride", "Stride", 1, 1, MAX_KERNEL, "Pixels the filter moves at each step."),
        padding_param("same", "'same' keeps the size (at stride 1), 'valid' adds none."),
        int_param(
            "groups",
            "Groups",
            1,
            1,
            MAX_CHANNELS,
            "Split channels into independent groups (AlexNet's two GPUs).",
        ),
        bool_param("bias", "Bias", True, "Add a learned constant to each output channel."),
    )

    def summary_text(self, params):
        pad = params["padding"]
        pad_text = pad if isinstance(pad, str) else f"p{pad}"
        groups = f" g{params['groups']}" if params["groups"] > 1 else ""
        k = params["kernel"]
        return f"{k}x{k} s{params['stride']} {pad_text}{groups}, {params['filters']}"

    def window(self, params, inputs):
        return params["kernel"], params["stride"]

    def infer(self, params, inputs):
        shape = inputs[0]
        c, _, _ = image_dims(shape, "Conv2d")
        f, k, s, g = params["filters"], params["kernel"], params["stride"], params["groups"]
        if c % g or f % g:
            raise ShapeProblem(
                f"groups ({g}) must divide both the input channels ({c}) and the filters ({f})"
            )
        pad = resolve_padding(params["padding"], k)
        evaluation, h_out, w_out = sliding_window(shape, k, s, pad, f)
        _append(evaluation, "output_shape", f"\nC_out = filters = {f}")
        per_filter = f"{k}*{k}*{c}" if g == 1 else f"{k}*{k}*({c}/{g})"
        weights = f * k * k * (c // g)
        count = evaluation.params = weights + (f if params["bias"] else 0)
        bias = f" + {f}" if params["bias"] else ""
        evaluation.formulas["params"] = lambda: f"params = {per_filter}*{f}{bias} = {fmt(count)}"
        macs = evaluation.macs = h_out * w_out * f * k * k * (c // g)
        evaluation.formulas["macs"] = lambda: f"MACs = {h_out}*{w_out}*{f} * {per_filter} = {fmt(macs)}"
        return _ops(evaluation, 1 if params["bias"] else 0, "bias adds" if params["bias"] else "no bias")


class _PoolBlock(BlockType):
    category = "Convolution & pooling"
    default_name = "pool"
    params = (
        int_param("kernel", "Kernel size", 2, 1, MAX_KERNEL, "Width and height of the pooling window."),
        int_param("stride", "Stride", 2, 1, MAX_KERNEL, "Pixels the window moves at each step."),
        padding_param(0, "Pixels added on each side ('same' keeps the size at stride 1)."),
        bool_param("ceil_mode", "Ceil mode", False, "Round the output size up instead of down."),
    )
    verb = ""

    def summary_text(self, params):
        k = params["kernel"]
        pad = params["padding"]
        pad_text = "" if pad in (0, "valid") else (f" {pad}" if isinstance(pad, str) else f" p{pad}")
        return f"{k}x{k} s{params['stride']}{pad_text}"

    def window(self, params, inputs):
        return params["kernel"], params["stride"]

    def infer(self, params, inputs):
        shape = inputs[0]
        c, _, _ = image_dims(shape, self.title)
        k, s = params["kernel"], params["stride"]
        pad = resolve_padding(params["padding"], k)
        if pad > k // 2:
            raise ShapeProblem(f"padding ({pad}) must be at most half the kernel size ({k})")
        evaluation, _, _ = sliding_window(shape, k, s, pad, c, params["ceil_mode"])
        _append(evaluation, "output_shape", f"\nC_out = C_in = {c}")
        _no_params(evaluation)
        shape, verb = evaluation.shape, self.verb
        ops = evaluation.other_ops = elements(shape) * k * k
        evaluation.formulas["other_ops"] = lambda: (
            f"{verb} = {elements_formula(shape).split(' = ')[0]} * {k}*{k} = {fmt(ops)}"
        )
        return evaluation


@register
class MaxPool2dBlock(_PoolBlock):
    id = "maxpool2d"
    title = "MaxPool2d"
    title_ko = "최대 풀링"
    description = "Keeps the largest value in each window: shrinks height and width, keeps channels."
    default_name = "maxpool"
    verb = "comparisons"


@register
class AvgPool2dBlock(_PoolBlock):
    id = "avgpool2d"
    title = "AvgPool2d"
    title_ko = "평균 풀링"
    description = "Averages each window: shrinks height and width, keeps channels (LeNet-5's subsampling)."
    default_name = "avgpool"
    verb = "additions"


@register
class GlobalAvgPoolBlock(BlockType):
    id = "globalavgpool"
    title = "GlobalAvgPool"
    title_ko = "전역 평균 풀링"
    category = "Convolution & pooling"
    description = "Averages each whole channel to one number: H x W x C becomes a vector of C."
    default_name = "avgpool"

    def window(self, params, inputs):
        return _whole_map(inputs[0])

    def infer(self, params, inputs):
        c, h, w = image_dims(inputs[0], "GlobalAvgPool")
        evaluation = Evaluation(shape=(c,))
        evaluation.formulas["output_shape"] = lambda: f"one average per channel: {c}"
        _no_params(evaluation)
        evaluation.other_ops = c * h * w
        evaluation.formulas["other_ops"] = lambda: f"additions = {h}*{w}*{c} = {fmt(c * h * w)}"
        return evaluation


@register
class FlattenBlock(BlockType):
    id = "flatten"
    title = "Flatten"
    title_ko = "평탄화"
    category = "Fully connected"
    description = "Unrolls an H x W x C volume into one long vector for the fully connected layers."
    default_name = "flatten"

    def window(self, params, inputs):
        return _whole_map(inputs[0])

    def infer(self, params, inputs):
        shape = inputs[0]
        if len(shape) == 1:
            evaluation = _passthrough(shape)
        else:
            c, h, w = shape
            evaluation = Evaluation(shape=(c * h * w,))
            evaluation.formulas["output_shape"] = lambda: f"{h}*{w}*{c} = {fmt(c * h * w)}"
        return _ops(_no_params(evaluation), 0, "only a change of shape")


@register
class LinearBlock(BlockType):
    id = "linear"
    title = "Linear"
    title_ko = "완전 연결"
    category = "Fully connected"
    description = "A fully connected layer: every output unit is a weighted sum of every input."
    default_name = "fc"
    params = (
        int_param("units", "Units", 10, 1, MAX_UNITS, "Number of output units (neurons)."),
        bool_param("bias", "Bias", True, "Add a learned constant to each unit."),
    )

    def summary_text(self, params):
        return f"{params['units']}"

    def infer(self, params, inputs):
        n_in = flat_size(inputs[0], "Linear")
        units = params["units"]
        evaluation = Evaluation(shape=(units,))
        evaluation.formulas["output_shape"] = lambda: f"units = {units}"
        count = evaluation.params = n_in * units + (units if params["bias"] else 0)
        bias = f" + {units}" if params["bias"] else ""
        evaluation.formulas["params"] = lambda: f"params = {n_in}*{units}{bias} = {fmt(count)}"
        macs = evaluation.macs = n_in * units
        evaluation.formulas["macs"] = lambda: f"MACs = {n_in} * {units} = {fmt(macs)}"
        return _ops(evaluation, 1 if params["bias"] else 0, "bias adds" if params["bias"] else "no bias")


class _ActivationBlock(BlockType):
    category = "Activations"
    ops_per_element = 1

    def infer(self, params, inputs):
        evaluation = _no_params(_passthrough(inputs[0]))
        return _ops(evaluation, self.ops_per_element, self.title)


@register
class ReLUBlock(_ActivationBlock):
    id = "relu"
    title = "ReLU"
    title_ko = "ReLU"
    description = "max(0, x): keeps positive values and zeroes the rest (AlexNet onwards)."
    default_name = "relu"


@register
class TanhBlock(_ActivationBlock):
    id = "tanh"
    title = "Tanh"
    title_ko = "Tanh"
    description = "Squashes each value into -1..1 (LeNet-5's activation)."
    default_name = "tanh"


@register
class SigmoidBlock(_ActivationBlock):
    id = "sigmoid"
    title = "Sigmoid"
    title_ko = "시그모이드"
    description = "Squashes each value into 0..1."
    default_name = "sigmoid"


@register
class SoftmaxBlock(_ActivationBlock):
    id = "softmax"
    title = "Softmax"
    title_ko = "소프트맥스"
    description = "Turns the class scores into probabilities that add up to 1."
    default_name = "softmax"
    ops_per_element = 3


@register
class BatchNorm2dBlock(BlockType):
    id = "batchnorm2d"
    title = "BatchNorm2d"
    title_ko = "배치 정규화"
    category = "Normalization & regularization"
    description = "Normalizes each channel over the batch, then scales and shifts it (ResNet)."
    default_name = "bn"

    def infer(self, params, inputs):
        c, _, _ = image_dims(inputs[0], "BatchNorm2d")
        evaluation = _passthrough(inputs[0])
        evaluation.params = 2 * c
        evaluation.formulas["params"] = lambda: (
            f"params = 2*{c} (a scale and a shift per channel) = {fmt(2 * c)}"
        )
        evaluation.formulas["macs"] = "0 (counted as other ops)"
        return _ops(evaluation, 2, "scale and shift")


@register
class LocalResponseNormBlock(BlockType):
    id = "lrn"
    title = "LocalResponseNorm"
    title_ko = "국소 응답 정규화"
    category = "Normalization & regularization"
    description = "Divides each value by the activity of neighbouring channels (AlexNet, GoogLeNet)."
    default_name = "norm"
    params = (
        int_param("size", "Size", 5, 1, 255, "Number of neighbouring channels to look at."),
        float_param("alpha", "Alpha", 1e-4, 0.0, 10.0, "Scale of the neighbours' squared sum."),
        float_param("beta", "Beta", 0.75, 0.0, 10.0, "Exponent of the divisor."),
        float_param("k", "k", 2.0, 0.0, 100.0, "Constant added to the divisor."),
    )

    def summary_text(self, params):
        return f"size {params['size']}"

    def infer(self, params, inputs):
        image_dims(inputs[0], "LocalResponseNorm")
        evaluation = _no_params(_passthrough(inputs[0]))
        return _ops(evaluation, params["size"] + 2, "squares, sums, power and divide")


@register
class DropoutBlock(BlockType):
    id = "dropout"
    title = "Dropout"
    title_ko = "드롭아웃"
    category = "Normalization & regularization"
    description = "While training, zeroes a random fraction of values so the network cannot rely on any one."
    default_name = "dropout"
    params = (
        float_param("p", "Drop probability", 0.5, 0.0, 0.99, "Fraction of values zeroed while training."),
    )

    def summary_text(self, params):
        return f"p={params['p']:g}"

    def infer(self, params, inputs):
        evaluation = _no_params(_passthrough(inputs[0]))
        return _ops(evaluation, 0, "identity at inference")


@register
class AddBlock(BlockType):
    id = "add"
    title = "Add"
    title_ko = "더하기"
    category = "Merge"
    description = "Adds tensors of equal shape element by element: the shortcut of a residual block."
    default_name = "add"
    min_inputs = 2
    max_inputs = None

    def infer(self, params, inputs):
        if len(set(inputs)) > 1:
            listed = " and ".join(format_shape(shape) for shape in inputs)
            raise ShapeProblem(f"Add needs equal shapes, got {listed}")
        evaluation = Evaluation(shape=inputs[0])
        evaluation.formulas["output_shape"] = "the common shape of the inputs"
        _no_params(evaluation)
        shape, extra = evaluation.shape, len(inputs) - 1
        ops = evaluation.other_ops = extra * elements(shape)
        evaluation.formulas["other_ops"] = lambda: (
            f"additions = {extra} * {elements_formula(shape).split(' = ')[0]} = {fmt(ops)}"
        )
        return evaluation


@register
class ConcatBlock(BlockType):
    id = "concat"
    title = "Concat"
    title_ko = "이어 붙이기"
    category = "Merge"
    description = "Stacks tensors along the channels: the outputs of an Inception module's branches."
    default_name = "concat"
    min_inputs = 2
    max_inputs = None

    def infer(self, params, inputs):
        ranks = {len(shape) for shape in inputs}
        total = sum(shape[0] for shape in inputs)
        channels = " + ".join(str(shape[0]) for shape in inputs)
        if ranks == {1}:
            evaluation = Evaluation(shape=(total,))
            parts = channels
        elif ranks == {3}:
            if len({shape[1:] for shape in inputs}) > 1:
                listed = ", ".join(f"{shape[1]}x{shape[2]}" for shape in inputs)
                raise ShapeProblem(f"Concat needs equal height and width, got {listed}")
            h, w = inputs[0][1:]
            evaluation = Evaluation(shape=(total, h, w))
            parts = f"{h}x{w}x({channels})"
        else:
            raise ShapeProblem("Concat cannot join flat vectors with image-shaped tensors")
        evaluation.formulas["output_shape"] = lambda: f"{parts} = {total} channels"
        return _ops(_no_params(evaluation), 0, "only a copy")


@register
class PadShortcutBlock(BlockType):
    """The ResNet paper's option A shortcut: subsample by the stride, zero-pad the channels."""

    id = "padshortcut"
    title = "Zero-pad shortcut"
    title_ko = "제로 패딩 지름길"
    category = "Blocks"
    description = "Identity shortcut that subsamples by the stride and pads new channels with zeros."
    default_name = "shortcut"
    internal = True
    params = (
        int_param("channels", "Channels", 16, 1, MAX_CHANNELS, "Output channels."),
        int_param("stride", "Stride", 1, 1, MAX_KERNEL, "Subsampling step."),
    )

    def window(self, params, inputs):
        return 1, params["stride"]

    def infer(self, params, inputs):
        c, h, w = image_dims(inputs[0], "The shortcut")
        out_c, s = params["channels"], params["stride"]
        if out_c < c:
            raise ShapeProblem(f"a zero-padding shortcut cannot shrink {c} channels to {out_c}")
        h_out, w_out = -(-h // s), -(-w // s)
        evaluation = Evaluation(shape=(out_c, h_out, w_out))
        evaluation.formulas["output_shape"] = lambda: (
            f"H_out = ceil({h}/{s}) = {h_out}, W_out = ceil({w}/{s}) = {w_out}, "
            f"C_out = {c} + {out_c - c} zero channels = {out_c}"
        )
        return _ops(_no_params(evaluation, "a parameter-free shortcut"), 0, "only a copy")
