"""Composite blocks: the residual block and the Inception module.

Each is one node in the network that expands, for a given input shape, into an inner graph of
leaf blocks. The analysis evaluates that inner graph like any other, and the torch builder builds
it node for node, so the table, the canvas and the trained model always agree.
"""

from __future__ import annotations

from typing import Any

from .blocks import BlockType, InnerNode, Shape, format_shape, register
from .layers import MAX_CHANNELS, MAX_KERNEL
from .params import bool_param, choice_param, int_param

BOTTLENECK_EXPANSION = 4


def conv(name: str, src: str, filters: int, kernel: int, stride: int = 1, bias: bool = True) -> InnerNode:
    """A convolution with PyTorch-style padding ``kernel // 2`` (size kept at stride 1)."""
    params = {
        "filters": filters,
        "kernel": kernel,
        "stride": stride,
        "padding": kernel // 2,
        "groups": 1,
        "bias": bias,
    }
    return InnerNode(name, "conv2d", params, (src,))


def leaf(name: str, type_id: str, src: str, **params: Any) -> InnerNode:
    """A parameter-light inner node (activation, norm, pooling...)."""
    return InnerNode(name, type_id, params, (src,))


@register
class ResidualBlock(BlockType):
    id = "residual"
    title = "Residual block"
    title_ko = "잔차 블록"
    category = "Blocks"
    description = (
        "Two or three convolutions whose input is added back to their output by a shortcut (ResNet)."
    )
    default_name = "block"
    composite = True
    params = (
        choice_param(
            "variant",
            "Variant",
            "basic",
            ("basic", "bottleneck"),
            "basic: two 3x3 convs; bottleneck: 1x1, 3x3, 1x1 (4x wider output).",
        ),
        int_param(
            "filters",
            "Filters",
            64,
            1,
            MAX_CHANNELS,
            "Filters in the 3x3 conv; a bottleneck block outputs 4 times as many.",
        ),
        int_param("stride", "Stride", 1, 1, MAX_KERNEL, "2 halves height and width at the start of a stage."),
        choice_param(
            "stride_on",
            "Stride on",
            "3x3",
            ("3x3", "1x1"),
            "Bottleneck only: stride on the 3x3 (torchvision, v1.5) or the first 1x1 (the paper).",
        ),
        bool_param("batchnorm", "Batch norm", True, "Batch normalization after every convolution."),
        choice_param(
            "shortcut",
            "Shortcut",
            "auto",
            ("auto", "projection", "zero-pad", "none"),
            "auto: identity when shapes match, else a 1x1 projection; zero-pad: the paper's parameter-free option A; none: a plain block.",
        ),
    )

    def out_channels(self, params: dict[str, Any]) -> int:
        """Channels the block outputs."""
        factor = BOTTLENECK_EXPANSION if params["variant"] == "bottleneck" else 1
        return params["filters"] * factor

    def summary_text(self, params):
        shortcut = {"auto": "", "none": ", plain"}.get(params["shortcut"], f", {params['shortcut']}")
        if params["variant"] == "basic":
            return f"basic {params['filters']}, s{params['stride']}{shortcut}"
        return f"bottleneck {params['filters']}>{self.out_channels(params)}, s{params['stride']}{shortcut}"

    def expand(self, params, in_shape: Shape) -> list[InnerNode]:
        nodes = self._main_path(params)
        shortcut = self._shortcut(params, in_shape)
        nodes.extend(shortcut)
        last = "relu2" if params["variant"] == "basic" else "relu3"
        if params["shortcut"] == "none":
            nodes.append(leaf(last, "relu", nodes[-1].name))
            return nodes
        main_end = nodes[-1 - len(shortcut)].name
        shortcut_end = shortcut[-1].name if shortcut else "in"
        nodes.append(InnerNode("add", "add", {}, (main_end, shortcut_end)))
        nodes.append(leaf(last, "relu", "add"))
        return nodes

    def _main_path(self, params) -> list[InnerNode]:
        bn, s = params["batchnorm"], params["stride"]
        filters = params["filters"]
        if params["variant"] == "basic":
            layers = [("1", filters, 3, s), ("2", filters, 3, 1)]
        else:
            on_1x1 = params["stride_on"] == "1x1"
            layers = [
                ("1", filters, 1, s if on_1x1 else 1),
                ("2", filters, 3, 1 if on_1x1 else s),
                ("3", self.out_channels(params), 1, 1),
            ]
        nodes: list[InnerNode] = []
        src = "in"
        for i, (tag, width, kernel, stride) in enumerate(layers):
            nodes.append(conv(f"conv{tag}", src, width, kernel, stride, bias=not bn))
            src = f"conv{tag}"
            if bn:
                nodes.append(leaf(f"bn{tag}", "batchnorm2d", src))
                src = f"bn{tag}"
            if i < len(layers) - 1:
                nodes.append(leaf(f"relu{tag}", "relu", src))
                src = f"relu{tag}"
        return nodes

    def _shortcut(self, params, in_shape: Shape) -> list[InnerNode]:
        kind = params["shortcut"]
        c_out, stride = self.out_channels(params), params["stride"]
        matches = len(in_shape) == 3 and in_shape[0] == c_out and stride == 1
        if kind == "none" or (matches and kind in ("auto", "zero-pad")):
            return []
        if kind == "zero-pad":
            return [InnerNode("shortcut", "padshortcut", {"channels": c_out, "stride": stride}, ("in",))]
        bn = params["batchnorm"]
        nodes = [conv("downsample.0", "in", c_out, 1, stride, bias=not bn)]
        if bn:
            nodes.append(leaf("downsample.1", "batchnorm2d", "downsample.0"))
        return nodes


def residual_formula(shapes: dict[str, Shape | None], in_shape: Shape) -> str | None:
    """The residual block's formula with its shapes, the shortcut added before the last ReLU::

        a[l+2] = g(z[l+2] + a[l])
        56x56x64 = ReLU(56x56x64 + 56x56x64)

    *shapes* are the output shapes of the block's inner layers by name (as :meth:`expand`
    names them), *in_shape* the block's input; None when a shape is unknown. The layers the
    shortcut skips give the index (``l+2`` for a basic block, ``l+3`` for a bottleneck); a
    projection shortcut is written ``W_s a[l]``, a zero-padding one ``pad(a[l])``.
    """
    deep = "conv3" in shapes
    skipped = 3 if deep else 2
    main_end = next((name for name in (f"bn{skipped}", f"conv{skipped}") if name in shapes), None)
    output = shapes.get(f"relu{skipped}")
    if main_end is None or output is None or shapes[main_end] is None:
        return None
    a, z, out = format_shape(in_shape), format_shape(shapes[main_end]), format_shape(output)
    top = f"a[l+{skipped}]"
    if "add" not in shapes:
        return "\n".join(
            (f"{top} = g(z[l+{skipped}])", f"{out} = ReLU({z})", "a plain block: no shortcut, nothing added")
        )
    if "downsample.0" in shapes:
        projected = format_shape(shapes.get("downsample.1", shapes["downsample.0"]))
        return "\n".join(
            (
                f"{top} = g(z[l+{skipped}] + W_s a[l])",
                f"{out} = ReLU({z} + W_s {a})",
                f"the projection W_s (a 1x1 convolution{', then batch norm' if 'downsample.1' in shapes else ''})"
                f" turns a[l] into {projected} so that it can be added",
            )
        )
    if "shortcut" in shapes:
        padded = format_shape(shapes["shortcut"])
        return "\n".join(
            (
                f"{top} = g(z[l+{skipped}] + pad(a[l]))",
                f"{out} = ReLU({z} + pad({a}))",
                f"pad(a[l]) subsamples a[l] and fills the missing channels with zeros: {padded}, no weights",
            )
        )
    return "\n".join(
        (
            f"{top} = g(z[l+{skipped}] + a[l])",
            f"{out} = ReLU({z} + {a})",
            "the shortcut adds the block's input a[l] before the last ReLU g",
        )
    )


@register
class InceptionBlock(BlockType):
    id = "inception"
    title = "Inception module"
    title_ko = "인셉션 모듈"
    category = "Blocks"
    description = (
        "Runs 1x1, 3x3 and 5x5 convolutions and a max pool side by side and stacks their outputs (GoogLeNet)."
    )
    default_name = "inception"
    composite = True
    params = (
        int_param("c1x1", "#1x1", 64, 0, MAX_CHANNELS, "Filters of the 1x1 branch (0: no such branch)."),
        int_param(
            "c3x3_reduce",
            "#3x3 reduce",
            96,
            1,
            MAX_CHANNELS,
            "1x1 filters before the 3x3 conv (the bottleneck).",
        ),
        int_param("c3x3", "#3x3", 128, 1, MAX_CHANNELS, "Filters of the 3x3 branch."),
        int_param(
            "c5x5_reduce",
            "#5x5 reduce",
            16,
            1,
            MAX_CHANNELS,
            "1x1 filters before the 5x5 conv (the bottleneck).",
        ),
        int_param("c5x5", "#5x5", 32, 1, MAX_CHANNELS, "Filters of the 5x5 branch."),
        int_param(
            "pool_proj",
            "Pool proj",
            32,
            0,
            MAX_CHANNELS,
            "1x1 filters after the 3x3 max pool (0: pass the pool's output as it is).",
        ),
        bool_param(
            "reductions",
            "1x1 reductions",
            True,
            "Off: the naive module, 3x3 and 5x5 convs read all input channels.",
        ),
    )

    def summary_text(self, params):
        if params["reductions"]:
            three = f"{params['c3x3_reduce']}>{params['c3x3']}"
            five = f"{params['c5x5_reduce']}>{params['c5x5']}"
        else:
            three, five = str(params["c3x3"]), str(params["c5x5"])
        return f"{params['c1x1']} | {three} | {five} | {params['pool_proj']}"

    def expand(self, params, in_shape: Shape) -> list[InnerNode]:
        nodes: list[InnerNode] = []
        ends = []
        if params["c1x1"]:
            ends.append(self._conv_relu(nodes, "1x1", "in", params["c1x1"], 1))
        for size in ("3x3", "5x5"):
            src = "in"
            if params["reductions"]:
                src = self._conv_relu(nodes, f"{size}_reduce", "in", params[f"c{size}_reduce"], 1)
            ends.append(self._conv_relu(nodes, size, src, params[f"c{size}"], int(size[0])))
        nodes.append(leaf("pool", "maxpool2d", "in", kernel=3, stride=1, padding=1, ceil_mode=False))
        pool_end = "pool"
        if params["pool_proj"]:
            pool_end = self._conv_relu(nodes, "pool_proj", "pool", params["pool_proj"], 1)
        ends.append(pool_end)
        nodes.append(InnerNode("output", "concat", {}, tuple(ends)))
        return nodes

    @staticmethod
    def _conv_relu(nodes: list[InnerNode], name: str, src: str, filters: int, kernel: int) -> str:
        nodes.append(conv(name, src, filters, kernel))
        nodes.append(leaf(f"relu_{name}", "relu", name))
        return f"relu_{name}"
