"""Can this network be trained on that dataset? One sentence saying why not, for the Train button.

:func:`training_problem` answers without torch (it reads the analysis the table shows), so the
GUI can call it on every edit. :class:`NotTrainableError` carries the same sentence.
"""

from __future__ import annotations

from ..core import Network, Summary, format_shape, summarize

# layers that keep the number of values per class score: walking back through them from the
# output finds the layer that decides how many outputs the network has
_SAME_WIDTH = ("softmax", "relu", "tanh", "sigmoid", "dropout", "batchnorm2d", "lrn", "globalavgpool")


class NotTrainableError(ValueError):
    """The network cannot be trained on the dataset; the message says why and what to change."""


def training_problem(
    network: Network, classes: int | None = None, dataset: str = "the dataset", summary: Summary | None = None
) -> str | None:
    """Why *network* cannot learn a dataset of *classes* classes, or ``None`` if it can.

    Without *classes* only the network itself is checked (errors, weights to learn, one score
    per class at the end). Whether images can be adapted to the input (channels, size) is the
    dataset's to say: :func:`cnnstudio.data.open_dataset` raises ``DatasetError`` if not.
    """
    summary = summary or summarize(network)
    if not summary.valid:
        more = len(summary.errors) - 1
        extra = f" (and {more} more)" if more else ""
        return f"fix the network's errors first: {summary.errors[0]}{extra}"
    if summary.totals.params == 0:
        return "the network has no weights to learn: add a convolution or a linear layer"
    output = summary.output_shape
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


def check_trainable(network: Network, classes: int, dataset: str, summary: Summary | None = None) -> None:
    """Raise :class:`NotTrainableError` if :func:`training_problem` finds a problem."""
    problem = training_problem(network, classes, dataset, summary)
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
    problem = training_problem(network, summary=summary)
    if problem:
        raise NotTrainableError(problem)
    split = open_dataset(spec, summary.input_shape, seed=seed, val_fraction=val_fraction)
    check_trainable(network, len(split.classes), split.name, summary)
    return split
