"""The lecture's comparisons, ready made: each an id, a title and the presets it puts side by side.

``cnnstudio compare bottleneck-5x5`` prints one; the app shows one from its Compare menu, and a
lesson can link to one by id (``MainWindow.compare.show_comparison("bottleneck-5x5")``).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..core.presets import LESSONS, preset
from .model import Comparison, compare, figures


@dataclass(frozen=True)
class ReadyMade:
    """A comparison from the lecture.

    Attributes
    ----------
    id : str
        Used on the command line and by lesson links; never a preset id.
    title, title_ko : str
        What it shows, in English and Korean.
    lesson : str
        The lesson group (one of :data:`cnnstudio.core.LESSONS`).
    presets : tuple of str
        The preset ids compared; the first is the baseline.
    note : str
        What to look for.
    """

    id: str
    title: str
    title_ko: str
    lesson: str
    presets: tuple[str, ...]
    note: str


def _ready_made(*entries: ReadyMade) -> MappingProxyType:
    return MappingProxyType({entry.id: entry for entry in entries})


READY_MADE = _ready_made(
    ReadyMade(
        "bottleneck-5x5",
        "A 5x5 convolution: naive against a 1x1 bottleneck",
        "5x5 합성곱: 그대로 vs 1x1 병목층",
        LESSONS[2],
        ("conv5x5-naive", "conv5x5-bottleneck"),
        "Both turn 28x28x192 into 28x28x32. The naive 5x5 convolution reads all 192 channels at "
        "every position; the bottleneck first shrinks them to 16 with a 1x1 convolution, so the "
        "5x5 convolution reads 16. Two layers instead of one, and about a tenth of the "
        "multiply-accumulates.",
    ),
    ReadyMade(
        "inception-reductions",
        "The inception module: naive against 1x1 reductions",
        "인셉션 모듈: 단순형 vs 1x1 축소",
        LESSONS[3],
        ("inception-naive", "inception-bottleneck"),
        "Both turn 28x28x192 into 28x28x256 with inception 3a's four branches. The naive module "
        "runs its 3x3 and 5x5 convolutions on all 192 channels; the other puts 1x1 reductions "
        "(to 96 and 16 channels) in front of them. The reductions add two weight layers and "
        "remove more than half of the cost.",
    ),
    ReadyMade(
        "classic-networks",
        "Classic networks: LeNet-5, AlexNet and VGG-16",
        "고전 네트워크: LeNet-5, AlexNet, VGG-16",
        LESSONS[0],
        ("lenet5", "alexnet", "vgg16"),
        "From 1998 to 2014 the networks grow a thousandfold and more. Look at where the cost "
        "sits: most parameters in the head (the fully connected layers), most "
        "multiply-accumulates in the convolutions.",
    ),
    ReadyMade(
        "vgg-resnet-googlenet",
        "VGG-16, ResNet-50 and GoogLeNet",
        "VGG-16, ResNet-50, GoogLeNet",
        LESSONS[1],
        ("vgg16", "resnet50", "googlenet"),
        "Deeper networks need not cost more. ResNet-50 and GoogLeNet have more weight layers than "
        "VGG-16 but fewer parameters and multiply-accumulates: 1x1 convolutions keep their "
        "inner layers thin, and global average pooling replaces VGG-16's large fully connected "
        "head with one small layer.",
    ),
    ReadyMade(
        "plain-vs-residual",
        "Plain-34 against ResNet-34: what the shortcuts cost",
        "Plain-34 vs ResNet-34: 지름길의 비용",
        LESSONS[1],
        ("plain34", "resnet34"),
        "The same 34 layers with and without shortcuts. An identity shortcut has no weights and "
        "costs one addition per value; only where a stage halves the map and doubles the "
        "channels does a 1x1 projection shortcut add a weight layer. The shortcuts cost almost "
        "nothing, yet they are what lets the deeper network train.",
    ),
)
"""Every ready-made comparison, by id."""


def ready_made(comparison_id: str) -> Comparison:
    """The ready-made comparison *comparison_id*, freshly analysed; ``KeyError`` listing the ids."""
    try:
        entry = READY_MADE[comparison_id]
    except KeyError:
        raise KeyError(
            f"unknown comparison '{comparison_id}' (ready-made comparisons: {', '.join(READY_MADE)})"
        ) from None
    networks = [figures(preset(pid), source=pid) for pid in entry.presets]
    return compare(networks, entry.title, entry.id, entry.note)
