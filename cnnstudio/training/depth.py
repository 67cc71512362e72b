"""The depth experiment of the ResNet lessons: Plain-20, Plain-56, ResNet-20 and ResNet-56, trained alike.

He et al. (2015, figure 1 and figure 6) found that a plain network of 56 layers ends with a
*higher training error* than one of 20, while a ResNet of 56 layers trains at least as well as
one of 20. :func:`run_depth_experiment` repeats that in minutes on a CPU: the paper's CIFAR
networks (:func:`cnnstudio.core.presets.cifar_resnet`), made narrower and fed smaller images
(:class:`DepthSettings`), train one after another with the same seed, the same images and the
same settings. Each run records its curves (a :class:`~.history.RunHistory`) and the norms of its
weight layers' gradients (a :class:`~.probes.GradientRecord`); :class:`DepthResult` holds the four.

The defaults were measured on a 2-core CPU (``docs/benchmarks.md``): all four runs take about
two minutes there and show the effect for every seed tried.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from ..core import Network, summarize
from ..core.presets import cifar_resnet
from .control import RunControl
from .events import Epoch, Event, Failed, Finished, Started, Step
from .gradients import GradientRecord
from .history import RunHistory
from .settings import TrainSettings

PAPER_WIDTH = 16
"""Filters of the first stage in the paper's CIFAR networks (then 32 and 64)."""
NETWORKS = (("plain", 20), ("plain", 56), ("resnet", 20), ("resnet", 56))
"""The four runs, in the order they train."""
RESNET_MARGIN = 0.01
"""ResNet-56 ending within this much training error of ResNet-20 counts as training as well."""


SETTINGS_TEXT = (
    "{train:,} drawn shapes of {size}x{size} pixels ({val:,} more for validation), first-stage "
    "width {width}, {epochs} epochs, batch {batch}, Adam at {lr:g} with a cosine schedule, seed {seed}"
)


@dataclass(frozen=True)
class DepthSettings:
    """Sizes and settings shared by the four runs.

    Parameters
    ----------
    images : int
        Images of the drawn shapes (``shapes:N``): four fifths train, one fifth validates.
    size : int
        Height and width of the images and of the networks' input (the paper: 32).
    width : int
        Filters of the first stage; the second and third have twice and four times as many
        (the paper: 16).
    epochs, batch_size, lr, seed :
        As in :class:`~.settings.TrainSettings` (Adam, the rate lowered along a cosine to 0).
    gradient_every : int
        Steps between two samples of the gradient norms.
    threads : int
        torch threads while the four train (0: leave torch's setting). One by default: these
        networks are small, and on a machine shared with other work two threads that wait for
        each other made the four runs three to four times slower (``docs/benchmarks.md``).
    """

    images: int = 2500
    size: int = 16
    width: int = 8
    epochs: int = 10
    batch_size: int = 64
    lr: float = 1e-3
    seed: int = 0
    gradient_every: int = 5
    threads: int = 1

    @property
    def spec(self) -> str:
        """The dataset spec all four runs train on."""
        return f"shapes:{self.images}"

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return (3, self.size, self.size)

    def train_settings(self, device: str = "auto") -> TrainSettings:
        return TrainSettings(
            optimizer="adam",
            lr=self.lr,
            batch_size=self.batch_size,
            epochs=self.epochs,
            schedule="cosine",
            seed=self.seed,
            device=device,
        ).check()

    @property
    def val_images(self) -> int:
        """Images kept for validation (a fifth); the rest train."""
        return round(self.images * 0.2)

    def describe(self) -> str:
        """The settings in one sentence."""
        return SETTINGS_TEXT.format(**self.sentence_fields())

    def sentence_fields(self) -> dict[str, Any]:
        """The values :data:`SETTINGS_TEXT` (and a translation of it) names."""
        return {
            "train": self.images - self.val_images,
            "val": self.val_images,
            "size": self.size,
            "width": self.width,
            "epochs": self.epochs,
            "batch": self.batch_size,
            "lr": self.lr,
            "seed": self.seed,
        }

    def with_changes(self, **changes: Any) -> DepthSettings:
        return replace(self, **changes)


def depth_network(kind: str, depth: int, size: int, width: int) -> Network:
    """The paper's CIFAR network *kind* (``plain`` or ``resnet``) of *depth* layers, for
    ``size x size`` images and *width* first-stage filters."""
    network = cifar_resnet(depth, plain=kind == "plain")
    network.set_name(f"{'Plain' if kind == 'plain' else 'ResNet'}-{depth}")
    for node in network.nodes:
        if node.type == "input":
            network.set_param(node.id, "height", size)
            network.set_param(node.id, "width", size)
        elif node.type == "conv2d":
            network.set_param(node.id, "filters", width)
        elif node.type == "residual":
            network.set_param(node.id, "filters", node.params["filters"] * width // PAPER_WIDTH)
    return network


@dataclass
class DepthRun:
    """One of the four runs: the network, its cost, its curves and its gradient norms."""

    name: str
    kind: str
    depth: int
    params: int
    macs: int
    history: RunHistory
    gradients: GradientRecord
    seconds: float = 0.0

    @property
    def final_train_error(self) -> float | None:
        """Training error (1 - accuracy) of the last epoch, or None before the first ended."""
        last = self.history.last_epoch()
        return None if last is None else 1.0 - last["train_accuracy"]

    @property
    def final_train_loss(self) -> float | None:
        last = self.history.last_epoch()
        return None if last is None else last["train_loss"]


@dataclass
class DepthResult:
    """The experiment's record: the settings and one :class:`DepthRun` per network trained."""

    settings: DepthSettings
    runs: list[DepthRun] = field(default_factory=list)
    status: str = "running"
    failure: str = ""

    def run(self, name: str) -> DepthRun:
        """The run of network *name* (``"Plain-56"``)."""
        for run in self.runs:
            if run.name == name:
                return run
        raise KeyError(name)

    @property
    def complete(self) -> bool:
        return self.status == "finished" and len(self.runs) == len(NETWORKS)

    def verdict(self) -> str:
        """What the four final training errors say, in words (empty until all four finished)."""
        if not self.complete:
            return ""
        error = {run.name: run.final_train_error for run in self.runs}
        if None in error.values():
            return ""
        plain = error["Plain-56"] > error["Plain-20"]
        if error["ResNet-56"] <= error["ResNet-20"]:
            residual = "ResNet-56 trained at least as well as ResNet-20 ({r56:.1%} against {r20:.1%})."
        elif error["ResNet-56"] <= error["ResNet-20"] + RESNET_MARGIN:
            residual = (
                "ResNet-56 trained about as well as ResNet-20, within a point ({r56:.1%} against {r20:.1%})."
            )
        else:
            residual = "ResNet-56 ended behind ResNet-20 this time ({r56:.1%} against {r20:.1%})."
        words = [
            "Plain-56 ended with a higher training error than Plain-20 ({p56:.1%} against {p20:.1%})"
            if plain
            else "Plain-56 did not end worse than Plain-20 this time ({p56:.1%} against {p20:.1%})",
            residual,
        ]
        values = {
            "p56": error["Plain-56"],
            "p20": error["Plain-20"],
            "r56": error["ResNet-56"],
            "r20": error["ResNet-20"],
        }
        return (words[0] + "; " + words[1]).format(**values)


@dataclass(frozen=True)
class RunBegan:
    """Run *index* (of :data:`NETWORKS`) started: its name, cost and the trainer's Started event."""

    index: int
    name: str
    params: int
    macs: int
    started: Started


@dataclass(frozen=True)
class RunProgress:
    """Step and epoch events of run *index*, with the gradient norms sampled meanwhile."""

    index: int
    events: tuple[Event, ...]
    gradients: GradientRecord


@dataclass(frozen=True)
class RunDone:
    """Run *index* ended; ``run`` is its whole record."""

    index: int
    run: DepthRun
    event: Finished | Failed


ExperimentEvent = RunBegan | RunProgress | RunDone


def run_depth_experiment(
    settings: DepthSettings,
    control: RunControl | None = None,
    device: str = "auto",
    report_every: float = 0.25,
) -> Iterator[ExperimentEvent]:
    """Train the four networks one after another, yielding their progress; returns the
    :class:`DepthResult` (``result = yield from run_depth_experiment(...)``).

    Progress comes at most every *report_every* seconds per run, and at every epoch's end. A
    stop on *control* ends the run in progress and skips the rest (status ``stopped``: the
    trainer clears the request when its run ends, so the run's own status tells); a failed run
    ends the experiment (status ``failed``). Raises ``DatasetError`` if the shapes cannot be drawn.
    """
    from ..data import open_dataset

    control = control or RunControl()
    result = DepthResult(settings)
    split = open_dataset(settings.spec, settings.input_shape, seed=settings.seed)
    with _torch_threads(settings.threads):
        for index, (kind, depth) in enumerate(NETWORKS):
            if control.stop_requested:
                result.status = "stopped"
                return result
            network = depth_network(kind, depth, settings.size, settings.width)
            run = yield from _train_one(
                index, network, kind, depth, split, settings, control, device, report_every
            )
            result.runs.append(run)
            if run.history.status != "finished":
                result.status, result.failure = run.history.status, run.history.failure
                return result
    result.status = "finished"
    return result


@contextmanager
def _torch_threads(threads: int):
    """torch on *threads* threads meanwhile (0: as it is), then as before."""
    import torch

    before = torch.get_num_threads()
    if threads > 0:
        torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _train_one(index, network, kind, depth, split, settings, control, device, report_every):
    from .probes import GradientProbe
    from .trainer import Trainer

    totals = summarize(network).totals
    trainer = Trainer(network, split, settings.train_settings(device), control)
    trainer.probe = probe = GradientProbe(trainer.module, settings.gradient_every)
    record = GradientRecord(list(probe.layers))
    events = trainer.run()
    began = time.perf_counter()
    pending: list[Event] = []
    last_report = began
    end: Finished | Failed | None = None
    for event in events:
        if isinstance(event, Started):
            yield RunBegan(index, network.name, totals.params, totals.macs, event)
        elif isinstance(event, Step | Epoch):
            pending.append(event)
            now = time.perf_counter()
            if isinstance(event, Epoch) or now - last_report >= report_every:
                yield _progress(index, pending, probe, record)
                pending, last_report = [], now
        elif isinstance(event, Finished | Failed):
            end = event
    if pending:
        yield _progress(index, pending, probe, record)
    run = DepthRun(
        network.name,
        kind,
        depth,
        totals.params,
        totals.macs,
        trainer.history,
        record,
        time.perf_counter() - began,
    )
    yield RunDone(index, run, end)
    return run


def _progress(index: int, pending: list[Event], probe, record: GradientRecord) -> RunProgress:
    sampled = probe.take()
    record.extend(sampled)
    return RunProgress(index, tuple(pending), sampled)


__all__ = [
    "NETWORKS",
    "DepthResult",
    "DepthRun",
    "DepthSettings",
    "ExperimentEvent",
    "RunBegan",
    "RunDone",
    "RunProgress",
    "depth_network",
    "run_depth_experiment",
]
