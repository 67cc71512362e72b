"""Can this network be trained on that dataset? One sentence saying why not, for the Train button.

:func:`training_problem` answers without torch (it reads the analysis the table shows), so the
GUI can call it on every edit. :class:`NotTrainableError` carries the same sentence.

A network that ends in a feature map (the lecture's 1x1 convolution, 5x5 convolution and
Inception module) is trained with a classifier head added after it: global average pooling and a
linear layer to the dataset's classes. :func:`classifier_head` says whether one is needed and
what it costs; :func:`run_cost` gives the weights and multiply-accumulates of what is trained.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import Network, Summary, format_shape, summarize

# layers that keep the number of values per class score: walking back through them from the
# output finds the layer that decides how many outputs the network has
_SAME_WIDTH = ("softmax", "relu", "tanh", "sigmoid", "dropout", "batchnorm2d", "lrn", "globalavgpool")


class NotTrainableError(ValueError):
    """The network cannot be trained on the dataset; the message says why and what to change."""


HEAD_TEXT = (
    "The network ends in a {shape} map, so a classifier head is added for training: global "
    "average pooling to {channels:,} values and a linear layer to {classes:,} classes "
    "({params:,} parameters, {macs:,} MACs). It is not on the canvas; the plots count it in."
)


@dataclass(frozen=True)
class ClassifierHead:
    """The head added after a network that ends in a ``C x H x W`` map, to train it on *classes*.

    Global average pooling turns the map into ``C`` values (``C*H*W`` additions); a linear layer
    turns them into one score per class (``C*classes`` MACs, ``C*classes + classes`` weights).
    """

    map_shape: tuple[int, int, int]
    classes: int

    @property
    def channels(self) -> int:
        return self.map_shape[0]

    @property
    def params(self) -> int:
        return self.channels * self.classes + self.classes

    @property
    def macs(self) -> int:
        return self.channels * self.classes

    def describe(self) -> str:
        """One paragraph for the training panel: that a head is added, and what it costs."""
        return HEAD_TEXT.format(
            shape=format_shape(self.map_shape),
            channels=self.channels,
            classes=self.classes,
            params=self.params,
            macs=self.macs,
        )


def classifier_head(summary: Summary, classes: int) -> ClassifierHead | None:
    """The head training adds after *summary*'s network (None when it ends in class scores)."""
    output = summary.output_shape
    if not summary.valid or output is None or len(output) != 3:
        return None
    return ClassifierHead(tuple(output), classes)


@dataclass(frozen=True)
class RunCost:
    """What one image costs the trained module: weights and multiply-accumulates, head included."""

    params: int
    macs: int
    head: ClassifierHead | None = None


def run_cost(summary: Summary, classes: int) -> RunCost:
    """The weights and MACs of *summary*'s network as trained on *classes* classes."""
    head = classifier_head(summary, classes)
    extra_params, extra_macs = (head.params, head.macs) if head else (0, 0)
    return RunCost(summary.totals.params + extra_params, summary.totals.macs + extra_macs, head)


def training_problem(
    network: Network,
    classes: int | None = None,
    dataset: str = "the dataset",
    summary: Summary | None = None,
    allow_head: bool = False,
) -> str | None:
    """Why *network* cannot learn a dataset of *classes* classes, or ``None`` if it can.

    Without *classes* only the network itself is checked (errors, weights to learn, one score
    per class at the end). Whether images can be adapted to the input (channels, size) is the
    dataset's to say: :func:`cnnstudio.data.open_dataset` raises ``DatasetError`` if not.
    With *allow_head* a network ending in a feature map is fine: training adds a
    :class:`ClassifierHead` (the trainer and the training panel allow it; an exported script
    does not add one).
    """
    summary = summary or summarize(network)
    if not summary.valid:
        more = len(summary.errors) - 1
        extra = f" (and {more} more)" if more else ""
        return f"fix the network's errors first: {summary.errors[0]}{extra}"
    output = summary.output_shape
    if allow_head and len(output) == 3:
        return None  # the head adds weights to learn, whatever the network has
    if summary.totals.params == 0:
        return "the network has no weights to learn: add a convolution or a linear layer"
    units = f"{classes} units" if classes is not None else "one unit per class"
    if len(output) != 1:
        return (
            f"the network ends with a {format_shape(output)} map, not one score per class: end it with "
            f"global average pooling (or flatten) and a linear layer with {units}"
        )
    if classes is not None and output[0] != classes:
        return (
            f"the last layer has {output[0]} outputs but {dataset} has {classes} classes: "
            f"{_how_to_resize(network, summary, classes)}"
        )
    return None


def check_trainable(
    network: Network, classes: int, dataset: str, summary: Summary | None = None, allow_head: bool = False
) -> None:
    """Raise :class:`NotTrainableError` if :func:`training_problem` finds a problem."""
    problem = training_problem(network, classes, dataset, summary, allow_head)
    if problem:
        raise NotTrainableError(problem)


def _how_to_resize(network: Network, summary: Summary, classes: int) -> str:
    node = network.node(summary.output_node)
    while node.type in _SAME_WIDTH or (node.type == "flatten" and _is_1x1(summary, node.inputs[0])):
        node = network.node(node.inputs[0])
    if node.type == "linear":
        return f"set {node.name}'s units to {classes}"
    if node.type == "conv2d":
        return f"set {node.name}'s filters to {classes}"
    return f"end the network with a linear layer of {classes} units"


def _is_1x1(summary: Summary, node_id: str) -> bool:
    shape = summary.row(node_id).shape
    return shape is not None and len(shape) == 3 and shape[1:] == (1, 1)


def open_training_data(network: Network, spec: str, seed: int = 0, val_fraction: float = 0.2):
    """Open dataset *spec* for *network*'s input shape, after checking the two fit.

    Raises :class:`NotTrainableError` (network problems, class count) or
    :class:`cnnstudio.data.base.DatasetError` (the dataset cannot be opened or adapted).
    """
    from ..data import open_dataset

    summary = summarize(network)
    problem = training_problem(network, summary=summary, allow_head=True)
    if problem:
        raise NotTrainableError(problem)
    split = open_dataset(spec, summary.input_shape, seed=seed, val_fraction=val_fraction)
    check_trainable(network, len(split.classes), split.name, summary, allow_head=True)
    return split
