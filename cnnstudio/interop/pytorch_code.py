"""A network as a readable, self-contained PyTorch file, in the style of torchvision's models.

The file holds the block classes the network uses (copied from :mod:`.model_parts`), one class
for the network whose constructor lists every layer with the tensor shape after it, and a
builder function. It imports only torch. Its module has exactly the parameters, ``state_dict``
keys and output of :func:`cnnstudio.model.build.build_module`, and creates its layers in the
same order, so ``torch.manual_seed(s)`` before either gives the same initial weights.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable

from .. import __version__
from ..core import Network, fmt
from ..core.blocks import Shape
from ..core.windows import resolve_padding
from . import source
from .plan import INPUT_KEY, Layer, Plan, class_name, make_plan, python_name

PARTS_FILE = "model_parts.py"
INDENT = " " * 8


def shape_comment(shape: Shape) -> str:
    """``# N x 6 x 28 x 28``: a tensor's shape with the batch first, as torchvision comments it."""
    return "# N x " + " x ".join(str(d) for d in shape)


def _in_channels(layer: Layer) -> int:
    return layer.in_shapes[0][0]


def literal(value: object) -> str:
    """*value* as Python source, strings in double quotes as code formatters write them."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def _args(*positional: object, **keywords: object) -> str:
    parts = [str(p) for p in positional] + [f"{k}={literal(v)}" for k, v in keywords.items()]
    return ", ".join(parts)


def _conv(layer: Layer) -> str:
    p = layer.params
    options = {}
    if p["stride"] != 1:
        options["stride"] = p["stride"]
    padding = resolve_padding(p["padding"], p["kernel"])
    if padding:
        options["padding"] = padding
    if p["groups"] != 1:
        options["groups"] = p["groups"]
    if not p["bias"]:
        options["bias"] = False
    return f"nn.Conv2d({_args(_in_channels(layer), p['filters'], kernel_size=p['kernel'], **options)})"


def _pool(kind: str) -> Callable[[Layer], str]:
    def code(layer: Layer) -> str:
        p = layer.params
        options = {"kernel_size": p["kernel"], "stride": p["stride"]}
        padding = resolve_padding(p["padding"], p["kernel"])
        if padding:
            options["padding"] = padding
        if p["ceil_mode"]:
            options["ceil_mode"] = True
        return f"nn.{kind}({_args(**options)})"

    return code


def _linear(layer: Layer) -> str:
    p = layer.params
    options = {} if p["bias"] else {"bias": False}
    return f"nn.Linear({_args(_in_channels(layer), p['units'], **options)})"


def _lrn(layer: Layer) -> str:
    p = layer.params
    return f"nn.LocalResponseNorm({_args(p['size'], alpha=p['alpha'], beta=p['beta'], k=p['k'])})"


def _padshortcut(layer: Layer) -> str:
    return f"ZeroPadShortcut({layer.params['channels'] - _in_channels(layer)}, {layer.params['stride']})"


def _residual(layer: Layer) -> str:
    p = layer.params
    options = {}
    if p["stride"] != 1:
        options["stride"] = p["stride"]
    if p["variant"] == "bottleneck" and p["stride_on"] != "3x3":
        options["stride_on"] = p["stride_on"]
    if not p["batchnorm"]:
        options["batchnorm"] = False
    if p["shortcut"] != "auto":
        options["shortcut"] = p["shortcut"]
    kind = "BasicBlock" if p["variant"] == "basic" else "Bottleneck"
    return f"{kind}({_args(_in_channels(layer), p['filters'], **options)})"


INCEPTION_COLUMNS = ("c1x1", "c3x3_reduce", "c3x3", "c5x5_reduce", "c5x5", "pool_proj")


def _inception(layer: Layer) -> str:
    p = layer.params
    columns = [p[key] for key in INCEPTION_COLUMNS]
    options = {} if p["reductions"] else {"reductions": False}
    return f"Inception({_args(_in_channels(layer), *columns, **options)})"


def _simple(code: str) -> Callable[[Layer], str]:
    return lambda layer: code


LAYER_CODE: dict[str, Callable[[Layer], str]] = {
    "conv2d": _conv,
    "maxpool2d": _pool("MaxPool2d"),
    "avgpool2d": _pool("AvgPool2d"),
    "globalavgpool": _simple("GlobalAvgPool()"),
    "flatten": _simple("nn.Flatten()"),
    "linear": _linear,
    "relu": _simple("nn.ReLU()"),
    "tanh": _simple("nn.Tanh()"),
    "sigmoid": _simple("nn.Sigmoid()"),
    "softmax": _simple("nn.Softmax(dim=1)"),
    "batchnorm2d": lambda layer: f"nn.BatchNorm2d({_in_channels(layer)})",
    "lrn": _lrn,
    "dropout": lambda layer: f"nn.Dropout(p={layer.params['p']!r})",
    "padshortcut": _padshortcut,
    "residual": _residual,
    "inception": _inception,
}
"""How each block type is written as a module (Add and Concat are written in ``forward``)."""

MERGES = ("add", "concat")
PART_OF_TYPE = {
    "globalavgpool": "GlobalAvgPool",
    "padshortcut": "ZeroPadShortcut",
    "inception": "Inception",
}


def _parts_needed(plan: Plan) -> list[str]:
    names = {PART_OF_TYPE[layer.type] for layer in plan.layers if layer.type in PART_OF_TYPE}
    for layer in plan.layers:
        if layer.type == "residual":
            names.add("BasicBlock" if layer.params["variant"] == "basic" else "Bottleneck")
    return sorted(names)


class ModelCode:
    """The PyTorch source of one network.

    Attributes
    ----------
    class_name, builder : str
        The network's class and its builder function (``LeNet5`` and ``lenet_5``).
    logits_option : bool
        Whether the builder takes ``logits=True`` (the network ends in a softmax to leave out).
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.parts = source.needed(PARTS_FILE, _parts_needed(plan))
        taken = {d.name for d in self.parts}
        self.class_name = class_name(plan.name, taken)
        self.builder = python_name(plan.name, taken | {self.class_name}, fallback="network")
        self.logits_option = plan.ends_in_softmax()
        self.chain = _is_chain(plan)

    # -- the pieces ---------------------------------------------------------------------------

    def imports(self) -> str:
        lines = ["from collections import OrderedDict", "", "import torch", "from torch import nn"]
        if any("F." in d.text for d in self.parts):
            lines.append("from torch.nn import functional as F")
        return "\n".join(lines)

    def parts_text(self) -> str:
        return source.join(self.parts)

    def network_class(self) -> str:
        """The network's class: its layers in order, each with the shape it outputs."""
        plan = self.plan
        signature = "self, logits: bool = False" if self.logits_option else "self"
        lines = [
            f"class {self.class_name}(nn.Module):",
            f'    """{_docstring_line(plan)}"""',
            "",
            f"    def __init__({signature}) -> None:",
            "        super().__init__()",
            "        layers = OrderedDict()",
        ]
        for layer in plan.layers:
            if layer.type not in MERGES:
                lines.append(
                    f"{INDENT}layers[{literal(layer.key)}] = {layer_code(layer)}  {shape_comment(layer.shape)}"
                )
        lines += self._finish_init()
        lines += ["", "    def forward(self, x: torch.Tensor) -> torch.Tensor:"]
        lines += self._forward()
        return "\n".join(lines)

    def _finish_init(self) -> list[str]:
        last = self.plan.layers[-1].key if self.plan.layers else None
        if self.chain:
            lines = []
            if self.logits_option:
                lines += [
                    f"{INDENT}if logits:  # raw class scores, for a loss such as nn.CrossEntropyLoss",
                    f"{INDENT}    del layers[{literal(last)}]",
                ]
            return [*lines, f"{INDENT}self.layers = nn.Sequential(layers)"]
        lines = [f"{INDENT}self.layers = nn.ModuleDict(layers)"]
        if self.logits_option:
            lines.append(f"{INDENT}self.logits = logits  # leave out the softmax: raw class scores")
        return lines

    def _forward(self) -> list[str]:
        if self.chain:
            return [f"{INDENT}return self.layers(x)"]
        names = {INPUT_KEY: "x"}
        taken = {"x", "self", "layers", "torch", "nn", "F"}
        lines = [f"{INDENT}layers = self.layers"]
        for layer in self.plan.layers:
            args = [names[key] for key in layer.inputs]
            if layer is self.plan.layers[-1] and self.logits_option:
                lines.append(f"{INDENT}if self.logits:")
                lines.append(f"{INDENT}    return {args[0]}")
            names[layer.key] = python_name(layer.key, taken)
            if layer.type == "add":
                value = " + ".join(args)
            elif layer.type == "concat":
                value = f"torch.cat([{', '.join(args)}], dim=1)"
            else:
                value = f"layers[{literal(layer.key)}]({', '.join(args)})"
            lines.append(f"{INDENT}{names[layer.key]} = {value}  {shape_comment(layer.shape)}")
        lines.append(f"{INDENT}return {names[self.plan.output]}")
        return lines

    def builder_function(self) -> str:
        plan = self.plan
        if self.logits_option:
            return (
                f"def {self.builder}(logits: bool = False) -> {self.class_name}:\n"
                f'    """{doc_text(plan.name)} as CNN Studio builds it; ``logits=True`` leaves out the final softmax."""\n'
                f"    return {self.class_name}(logits=logits)"
            )
        return (
            f"def {self.builder}() -> {self.class_name}:\n"
            f'    """{doc_text(plan.name)} as CNN Studio builds it."""\n'
            f"    return {self.class_name}()"
        )

    def demo(self) -> str:
        c, h, w = self.plan.input_shape
        out = ", ".join(str(d) for d in (1, *self.plan.output_shape))
        return (
            'if __name__ == "__main__":\n'
            f"    model = {self.builder}().eval()\n"
            "    print(model)\n"
            f"    print(model(torch.zeros(1, {c}, {h}, {w})).shape)  # torch.Size([{out}])"
        )

    def module_docstring(self) -> str:
        plan = self.plan
        c, h, w = plan.input_shape
        totals = plan.summary.totals
        out = " x ".join(str(d) for d in plan.output_shape)
        call = f"{self.builder}(logits=True)" if self.logits_option else f"{self.builder}()"
        channels = "1 channel" if c == 1 else f"{c} channels"
        text = f'''\
            """{doc_text(plan.name)}: a PyTorch model written by CNN Studio {__version__}.

            Input N x {c} x {h} x {w} (N images of {h}x{w} pixels, {channels}), output N x {out}.
            {fmt(totals.params)} parameters, {fmt(totals.macs)} multiply-accumulates per image.

            Weights saved by CNN Studio's training load into it::

                model = {call}
                checkpoint = torch.load("run.pt", weights_only=True)
                model.load_state_dict(checkpoint["state_dict"])

            Only torch is needed.
            """'''
        return textwrap.dedent(text)

    def text(self) -> str:
        """The whole file."""
        pieces = [self.module_docstring(), self.imports()]
        if self.parts:
            pieces.append(self.parts_text())
        pieces += [self.network_class(), self.builder_function(), self.demo()]
        return _join_top_level(pieces)


def _join_top_level(pieces: list[str]) -> str:
    head, imports, *rest = pieces
    return head + "\n\n" + imports + "\n\n\n" + "\n\n\n".join(rest) + "\n"


def _docstring_line(plan: Plan) -> str:
    c, h, w = plan.input_shape
    out = " x ".join(str(d) for d in plan.output_shape)
    return f"{doc_text(plan.name)}: N x {c} x {h} x {w} images in, N x {out} out."


def doc_text(text: str) -> str:
    """*text* safe inside a triple-quoted docstring on one line (a network's name is free text)."""
    return " ".join(text.replace("\\", "\\\\").replace('"', '\\"').split())


def layer_code(layer: Layer) -> str:
    """The Python expression building *layer*'s module."""
    return LAYER_CODE[layer.type](layer)


def _is_chain(plan: Plan) -> bool:
    """Whether each layer reads the one before it (then an ``nn.Sequential`` holds them)."""
    previous = INPUT_KEY
    for layer in plan.layers:
        if layer.inputs != (previous,) or layer.type in MERGES:
            return False
        previous = layer.key
    return not _clashes_with_sequential([layer.key for layer in plan.layers])


def _clashes_with_sequential(keys: list[str]) -> bool:
    """An ``nn.Sequential`` refuses names of its own attributes (``append``, ``forward``...)."""
    from torch import nn

    probe = nn.Sequential()
    return any(hasattr(probe, key) for key in keys)


def model_code(network: Network) -> ModelCode:
    """The :class:`ModelCode` of *network*; :class:`~.plan.ExportError` if it has errors."""
    return ModelCode(make_plan(network))


def pytorch_source(network: Network) -> str:
    """*network* as the text of a self-contained PyTorch module (see the module docstring)."""
    return model_code(network).text()
