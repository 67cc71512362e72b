"""The case-study networks of the course, built from blocks, with the papers' layer names."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .graph import Network

LESSONS = ("Classic networks", "ResNets", "1x1 convolutions", "Inception")


@dataclass(frozen=True)
class Preset:
    """A ready-made network: id (used on the command line), titles, lesson group, builder."""

    id: str
    title: str
    title_ko: str
    lesson: str
    description: str
    build: Callable[[], Network]


class Chain:
    """Builds a network layer after layer; ``add`` appends to the last layer added."""

    def __init__(self, name: str, channels: int, height: int, width: int) -> None:
        self.net = Network(name)
        shape = {"channels": channels, "height": height, "width": width}
        self.last = self.net.add_node("input", shape, "input").id

    def add(self, type_id: str, name: str, inputs: tuple[str, ...] | None = None, **params: Any) -> str:
        sources = inputs if inputs is not None else (self.last,)
        self.last = self.net.add_node(type_id, params, name, sources).id
        return self.last

    def conv(
        self, name: str, filters: int, kernel: int, stride: int = 1, padding: Any = "same", **kw: Any
    ) -> str:
        return self.add("conv2d", name, filters=filters, kernel=kernel, stride=stride, padding=padding, **kw)

    def conv_relu(self, suffix: str, filters: int, kernel: int, **kw: Any) -> str:
        self.conv(f"conv{suffix}", filters, kernel, **kw)
        return self.add("relu", f"relu{suffix}")

    def classifier(self, sizes: tuple[int, ...], first: int, dropout: float = 0.5) -> str:
        """Fully connected layers ``fc{first}``, ``fc{first+1}``..., ReLU and dropout between."""
        for i, units in enumerate(sizes):
            n = first + i
            self.add("linear", f"fc{n}", units=units)
            if i < len(sizes) - 1:
                self.add("relu", f"relu{n}")
                if dropout:
                    self.add("dropout", f"drop{n}", p=dropout)
        return self.add("softmax", "softmax")


def lenet5() -> Network:
    c = Chain("LeNet-5", 1, 32, 32)
    for i, filters in enumerate((6, 16), start=1):
        c.conv(f"conv{i}", filters, 5, padding="valid")
        c.add("avgpool2d", f"pool{i}", kernel=2, stride=2)
        c.add("tanh", f"tanh{i}")
    c.add("flatten", "flatten")
    for i, units in enumerate((120, 84), start=1):
        c.add("linear", f"fc{i}", units=units)
        c.add("tanh", f"tanh{i + 2}")
    c.add("linear", "fc3", units=10)
    c.add("softmax", "softmax")
    return c.net


def alexnet(groups: int = 1) -> Network:
    name = "AlexNet" if groups == 1 else "AlexNet (two GPUs)"
    c = Chain(name, 3, 227, 227)
    c.conv_relu("1", 96, 11, stride=4, padding="valid")
    c.add("lrn", "norm1", size=5, alpha=1e-4, beta=0.75, k=2.0)
    c.add("maxpool2d", "pool1", kernel=3, stride=2)
    c.conv_relu("2", 256, 5, groups=groups)
    c.add("lrn", "norm2", size=5, alpha=1e-4, beta=0.75, k=2.0)
    c.add("maxpool2d", "pool2", kernel=3, stride=2)
    c.conv_relu("3", 384, 3)
    c.conv_relu("4", 384, 3, groups=groups)
    c.conv_relu("5", 256, 3, groups=groups)
    c.add("maxpool2d", "pool5", kernel=3, stride=2)
    c.add("flatten", "flatten")
    c.classifier((4096, 4096, 1000), first=6)
    return c.net


VGG_STAGES = MappingProxyType({16: (2, 2, 3, 3, 3), 19: (2, 2, 4, 4, 4)})


def vgg(depth: int) -> Network:
    c = Chain(f"VGG-{depth}", 3, 224, 224)
    for stage, repeats in enumerate(VGG_STAGES[depth], start=1):
        filters = min(64 * 2 ** (stage - 1), 512)
        for i in range(1, repeats + 1):
            c.conv_relu(f"{stage}_{i}", filters, 3)
        c.add("maxpool2d", f"pool{stage}", kernel=2, stride=2)
    c.add("flatten", "flatten")
    c.classifier((4096, 4096, 1000), first=6)
    return c.net


RESNET_LAYERS = MappingProxyType(
    {
        18: ("basic", (2, 2, 2, 2)),
        34: ("basic", (3, 4, 6, 3)),
        50: ("bottleneck", (3, 4, 6, 3)),
        101: ("bottleneck", (3, 4, 23, 3)),
        152: ("bottleneck", (3, 8, 36, 3)),
    }
)


def _stages(c: Chain, variant: str, counts: tuple[int, ...], widths: tuple[int, ...], shortcut: str) -> None:
    for stage, (count, width) in enumerate(zip(counts, widths, strict=True), start=1):
        for i in range(count):
            stride = 2 if i == 0 and stage > 1 else 1
            c.add(
                "residual",
                f"layer{stage}.{i}",
                variant=variant,
                filters=width,
                stride=stride,
                shortcut=shortcut,
            )


def resnet(depth: int, plain: bool = False) -> Network:
    variant, counts = RESNET_LAYERS[depth]
    c = Chain(f"{'Plain' if plain else 'ResNet'}-{depth}", 3, 224, 224)
    c.conv("conv1", 64, 7, stride=2, padding=3, bias=False)
    c.add("batchnorm2d", "bn1")
    c.add("relu", "relu")
    c.add("maxpool2d", "maxpool", kernel=3, stride=2, padding=1)
    _stages(c, variant, counts, (64, 128, 256, 512), "none" if plain else "auto")
    c.add("globalavgpool", "avgpool")
    c.add("linear", "fc", units=1000)
    c.add("softmax", "softmax")
    return c.net


def cifar_resnet(depth: int, plain: bool = False) -> Network:
    """The ResNet paper's CIFAR-10 networks (section 4.2): 6n+2 layers, option A shortcuts."""
    n = (depth - 2) // 6
    c = Chain(f"{'Plain' if plain else 'ResNet'}-{depth} (CIFAR)", 3, 32, 32)
    c.conv("conv1", 16, 3, padding=1, bias=False)
    c.add("batchnorm2d", "bn1")
    c.add("relu", "relu")
    _stages(c, "basic", (n, n, n), (16, 32, 64), "none" if plain else "zero-pad")
    c.add("globalavgpool", "avgpool")
    c.add("linear", "fc", units=10)
    c.add("softmax", "softmax")
    return c.net


# GoogLeNet, Table 1 of Szegedy et al. 2014: #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj
INCEPTION_3A = (64, 96, 128, 16, 32, 32)
GOOGLENET_MODULES = MappingProxyType(
    {
        "3a": INCEPTION_3A,
        "3b": (128, 128, 192, 32, 96, 64),
        "4a": (192, 96, 208, 16, 48, 64),
        "4b": (160, 112, 224, 24, 64, 64),
        "4c": (128, 128, 256, 24, 64, 64),
        "4d": (112, 144, 288, 32, 64, 64),
        "4e": (256, 160, 320, 32, 128, 128),
        "5a": (256, 160, 320, 32, 128, 128),
        "5b": (384, 192, 384, 48, 128, 128),
    }
)
INCEPTION_KEYS = ("c1x1", "c3x3_reduce", "c3x3", "c5x5_reduce", "c5x5", "pool_proj")


def inception_params(columns: tuple[int, ...], reductions: bool = True) -> dict[str, Any]:
    """Inception block parameters from a row of GoogLeNet's Table 1."""
    return {**dict(zip(INCEPTION_KEYS, columns, strict=True)), "reductions": reductions}


def googlenet() -> Network:
    c = Chain("GoogLeNet", 3, 224, 224)
    lrn = {"size": 5, "alpha": 1e-4, "beta": 0.75, "k": 1.0}
    c.conv_relu("1", 64, 7, stride=2, padding=3)
    c.add("maxpool2d", "pool1", kernel=3, stride=2, ceil_mode=True)
    c.add("lrn", "norm1", **lrn)
    c.conv_relu("2_reduce", 64, 1)
    c.conv_relu("2", 192, 3)
    c.add("lrn", "norm2", **lrn)
    c.add("maxpool2d", "pool2", kernel=3, stride=2, ceil_mode=True)
    for key, columns in GOOGLENET_MODULES.items():
        c.add("inception", f"inception_{key}", **inception_params(columns))
        if key in ("3b", "4e"):
            c.add("maxpool2d", f"pool{key[0]}", kernel=3, stride=2, ceil_mode=True)
    c.add("globalavgpool", "pool5")
    c.add("dropout", "dropout", p=0.4)
    c.add("linear", "fc", units=1000)
    c.add("softmax", "softmax")
    return c.net


def conv1x1() -> Network:
    c = Chain("1x1 convolution", 192, 28, 28)
    c.conv_relu("", 32, 1)
    return c.net


def conv5x5(bottleneck: bool) -> Network:
    c = Chain("5x5 conv with a 1x1 bottleneck" if bottleneck else "5x5 conv, naive", 192, 28, 28)
    if bottleneck:
        c.conv_relu("_reduce", 16, 1)
    c.conv_relu("", 32, 5)
    return c.net


def inception_module(reductions: bool) -> Network:
    title = "Inception module, 1x1 reductions" if reductions else "Inception module, naive"
    c = Chain(title, 192, 28, 28)
    # the lecture's naive module has 3a's columns: 1x1 64, 3x3 128, 5x5 32, pool proj 32
    c.add("inception", "inception", **inception_params(INCEPTION_3A, reductions))
    return c.net


def _preset(pid: str, title: str, title_ko: str, lesson: str, description: str, build) -> Preset:
    return Preset(pid, title, title_ko, lesson, description, build)


PRESETS: Mapping[str, Preset] = MappingProxyType(
    {
        p.id: p
        for p in (
            _preset(
                "lenet5",
                "LeNet-5",
                "LeNet-5",
                LESSONS[0],
                "LeCun 1998: two conv-pool stages and three fully connected layers read 32x32 digits.",
                lenet5,
            ),
            _preset(
                "alexnet",
                "AlexNet",
                "AlexNet",
                LESSONS[0],
                "Krizhevsky 2012 as in the lecture: five convs with ReLU, LRN and overlapping max pools, on one GPU.",
                alexnet,
            ),
            _preset(
                "alexnet-2gpu",
                "AlexNet (two GPUs)",
                "AlexNet (GPU 2개)",
                LESSONS[0],
                "The paper's version: conv2, conv4 and conv5 split into two groups, one per GPU.",
                lambda: alexnet(groups=2),
            ),
            _preset(
                "vgg16",
                "VGG-16",
                "VGG-16",
                LESSONS[0],
                "Simonyan 2015: only 3x3 same convs and 2x2 max pools, channels doubling each stage.",
                lambda: vgg(16),
            ),
            _preset(
                "vgg19",
                "VGG-19",
                "VGG-19",
                LESSONS[0],
                "VGG-16's bigger sibling: four convs in each of the last three stages.",
                lambda: vgg(19),
            ),
            _preset(
                "resnet18",
                "ResNet-18",
                "ResNet-18",
                LESSONS[1],
                "He 2015 (torchvision): eight basic residual blocks in four stages.",
                lambda: resnet(18),
            ),
            _preset(
                "resnet34",
                "ResNet-34",
                "ResNet-34",
                LESSONS[1],
                "Sixteen basic residual blocks; the paper's 34-layer residual network.",
                lambda: resnet(34),
            ),
            _preset(
                "resnet50",
                "ResNet-50",
                "ResNet-50",
                LESSONS[1],
                "Sixteen bottleneck blocks (1x1, 3x3, 1x1) in four stages.",
                lambda: resnet(50),
            ),
            _preset(
                "resnet101",
                "ResNet-101",
                "ResNet-101",
                LESSONS[1],
                "Thirty-three bottleneck blocks; stage 4 has twenty-three.",
                lambda: resnet(101),
            ),
            _preset(
                "resnet152",
                "ResNet-152",
                "ResNet-152",
                LESSONS[1],
                "Fifty bottleneck blocks: the lecture's 152-layer network.",
                lambda: resnet(152),
            ),
            _preset(
                "plain18",
                "Plain-18",
                "Plain-18 (지름길 없음)",
                LESSONS[1],
                "ResNet-18 without its shortcuts: the paper's plain network.",
                lambda: resnet(18, plain=True),
            ),
            _preset(
                "plain34",
                "Plain-34",
                "Plain-34 (지름길 없음)",
                LESSONS[1],
                "ResNet-34 without its shortcuts: deeper, yet harder to train.",
                lambda: resnet(34, plain=True),
            ),
            _preset(
                "resnet20",
                "ResNet-20 (CIFAR)",
                "ResNet-20 (CIFAR)",
                LESSONS[1],
                "The paper's 32x32 network: 3 stages of 3 basic blocks, 16/32/64 filters.",
                lambda: cifar_resnet(20),
            ),
            _preset(
                "resnet56",
                "ResNet-56 (CIFAR)",
                "ResNet-56 (CIFAR)",
                LESSONS[1],
                "The same design with 9 blocks per stage.",
                lambda: cifar_resnet(56),
            ),
            _preset(
                "plain20",
                "Plain-20 (CIFAR)",
                "Plain-20 (CIFAR, 지름길 없음)",
                LESSONS[1],
                "ResNet-20 without shortcuts, to train side by side with it.",
                lambda: cifar_resnet(20, plain=True),
            ),
            _preset(
                "plain56",
                "Plain-56 (CIFAR)",
                "Plain-56 (CIFAR, 지름길 없음)",
                LESSONS[1],
                "56 plain layers: the paper's example of deeper doing worse.",
                lambda: cifar_resnet(56, plain=True),
            ),
            _preset(
                "conv1x1",
                "1x1 convolution",
                "1x1 합성곱",
                LESSONS[2],
                "28x28x192 to 28x28x32 with 1x1 filters: shrinking channels, not space.",
                conv1x1,
            ),
            _preset(
                "conv5x5-naive",
                "5x5 conv, naive",
                "5x5 합성곱 (그대로)",
                LESSONS[2],
                "28x28x192 to 28x28x32 with a 5x5 same conv: about 120 million multiplies.",
                lambda: conv5x5(False),
            ),
            _preset(
                "conv5x5-bottleneck",
                "5x5 conv with a 1x1 bottleneck",
                "1x1 병목층을 둔 5x5 합성곱",
                LESSONS[2],
                "A 1x1 conv to 16 channels first cuts the cost to about 12.4 million.",
                lambda: conv5x5(True),
            ),
            _preset(
                "inception-naive",
                "Inception module, naive",
                "인셉션 모듈 (단순형)",
                LESSONS[3],
                "1x1, 3x3, 5x5 convs and a max pool side by side: 28x28x256 out.",
                lambda: inception_module(False),
            ),
            _preset(
                "inception-bottleneck",
                "Inception module, 1x1 reductions",
                "인셉션 모듈 (1x1 축소)",
                LESSONS[3],
                "GoogLeNet's inception (3a): 1x1 reductions before the 3x3 and 5x5 convs.",
                lambda: inception_module(True),
            ),
            _preset(
                "googlenet",
                "GoogLeNet",
                "GoogLeNet",
                LESSONS[3],
                "Szegedy 2014, Table 1: nine inception modules, average pooling, one classifier.",
                googlenet,
            ),
        )
    }
)


def preset(preset_id: str) -> Network:
    """A fresh copy of the preset *preset_id*; ``KeyError`` listing the ids otherwise."""
    try:
        entry = PRESETS[preset_id]
    except KeyError:
        raise KeyError(f"unknown preset '{preset_id}' (presets: {', '.join(PRESETS)})") from None
    return entry.build()
