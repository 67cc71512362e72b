"""The torch side of the training panel: datasets, the trainer, results and checkpoints.

Only the worker thread uses this module (importing it imports torch). :class:`TrainingBackend`
keeps the trainer between runs: a new run continues from the trained weights while the network,
the dataset and the seed stay the same, and starts from fresh weights otherwise. Everything it
returns to the GUI is converted to plain records (:mod:`.records`).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import torch
from PySide6.QtCore import QCoreApplication

from ...core import summarize
from ...data import DataSplit, open_dataset, preview
from ...data.kinds import parse_spec
from ...training import (
    NotTrainableError,
    RunControl,
    Trainer,
    TrainSettings,
    available_devices,
    load_checkpoint,
)
from ...training import device as devices_module
from ...training.checkpoint import SaveResult, save_or_rescue
from .records import (
    DatasetInfo,
    LoadedCheckpoint,
    Results,
    RunRequest,
    Sample,
    WeightsState,
    network_key,
)

PREVIEW_COUNT = 16
SAMPLE_COUNT = 24
MAX_WRONG_SAMPLES = 12
KEPT_SPLITS = 2


def devices() -> list[str]:
    """The devices this machine can train on, best first (always ending with ``cpu``)."""
    return available_devices()


def warm_up() -> None:
    """Take one small training step (a convolution, a linear layer, cross-entropy, Adam and SGD).

    The first step imports much of torch that ``import torch`` leaves for later (the optimizers
    load ``torch._dynamo``: seconds), better spent while the student edits than after Train is
    clicked. Where there is a CUDA GPU its context is made here too, in the worker.
    """
    from torch.nn import functional as F

    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 2, 3), torch.nn.ReLU(), torch.nn.Flatten(), torch.nn.Linear(8, 2)
    )
    for kind in (torch.optim.Adam, torch.optim.SGD):
        optimizer = kind(net.parameters(), lr=1e-3)
        loss = F.cross_entropy(net(torch.zeros(2, 1, 4, 4)), torch.tensor([0, 1]))
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    with torch.no_grad():
        net.eval()(torch.zeros(1, 1, 4, 4))
    if devices_module.cuda_available():
        torch.zeros(1, device="cuda")


class TrainingBackend:
    """The trainer, the opened datasets and checkpoint weights waiting for a run.

    Parameters
    ----------
    control : RunControl
        The run control the panel's buttons write; every trainer made here reads it.

    Attributes
    ----------
    trainer : Trainer or None
        The trainer of the last run (or of a loaded checkpoint).
    steps_trained : int
        Optimizer steps taken since the weights were fresh (0: initial weights).
    version : int
        Grows whenever the weights change (see :class:`~.records.WeightsState`).
    """

    def __init__(self, control: RunControl) -> None:
        self.control = control
        self.trainer: Trainer | None = None
        self.steps_trained = 0
        self.version = 0
        self._key: tuple | None = None
        self._splits: OrderedDict[tuple, DataSplit] = OrderedDict()
        self._pending: tuple[str, dict[str, torch.Tensor]] | None = None
        self._pending_steps = 0

    # -- datasets -----------------------------------------------------------------------------

    def split(self, spec: str, input_shape: tuple[int, int, int], seed: int) -> DataSplit:
        """The dataset *spec* opened for *input_shape* (kept for the next calls)."""
        kind, _ = parse_spec(spec)
        # MNIST, Fashion-MNIST and CIFAR-10 validate on their own test files: no seed involved
        fixed_split = kind.needs_folder and kind.id != "folder"
        key = (spec, tuple(input_shape), 0 if fixed_split else seed)
        if key in self._splits:
            self._splits.move_to_end(key)
            return self._splits[key]
        split = open_dataset(spec, tuple(input_shape), seed=seed)
        self._splits[key] = split
        while len(self._splits) > KEPT_SPLITS:
            self._splits.popitem(last=False)
        return split

    def dataset_info(self, spec: str, input_shape: tuple[int, int, int], seed: int) -> DatasetInfo:
        """Sizes, classes and preview images of *spec* (``DatasetError`` if it cannot open)."""
        split = self.split(spec, input_shape, seed)
        samples = [(image, label) for image, label in preview(split, PREVIEW_COUNT, seed)]
        return DatasetInfo(
            spec=spec,
            seed=seed,
            name=split.name,
            input_shape=tuple(split.input_shape),
            classes=list(split.classes),
            train_count=len(split.train),
            val_count=len(split.val),
            samples=samples,
        )

    # -- runs ---------------------------------------------------------------------------------

    def trainer_for(self, request: RunRequest) -> Trainer:
        """The trainer for *request*: the last one with new settings, or a new one.

        Raises ``DatasetError``, ``NotTrainableError``, ``DeviceError`` or ``SettingsError``
        with a message for the student.
        """
        settings = TrainSettings.from_dict(request.settings).check()
        summary = summarize(request.network)
        if summary.input_shape is None:
            raise NotTrainableError(
                QCoreApplication.translate(
                    "TrainingWorker", "the network has no valid input: fix its errors first"
                )
            )
        key = (network_key(request.network), request.spec, settings.seed)
        if self.trainer is not None and key == self._key:
            self.trainer.configure(settings)
            return self.trainer
        split = self.split(request.spec, summary.input_shape, settings.seed)
        trainer = Trainer(request.network, split, settings, self.control)
        self.trainer, self._key, self.steps_trained = trainer, key, 0
        self.version += 1
        self._apply_pending(trainer)
        return trainer

    def weights_state(self) -> WeightsState:
        """What the next run would start from."""
        pending = self._pending[0] if self._pending is not None else ""
        return WeightsState(
            key=self._key if self.trainer is not None else None,
            steps=self.steps_trained,
            pending=pending,
            version=self.version,
        )

    def record_run(self, steps: int) -> None:
        """Count the steps a run took (called when it ends)."""
        if steps:
            self.steps_trained += steps
            self.version += 1

    def reset_weights(self) -> None:
        """Back to the seed's initial weights (and forget checkpoint weights waiting for a run)."""
        self._pending = None
        if self.trainer is not None:
            self.trainer.reset_weights()
        self.forget_steps()

    def forget_steps(self) -> None:
        """The weights are the seed's initial ones again (the trainer reset them, or was told to)."""
        self.steps_trained = 0
        self.version += 1

    # -- results ------------------------------------------------------------------------------

    def results(self) -> Results:
        """The validation set's predictions with the current weights (``RuntimeError`` if none)."""
        trainer = self._require_trainer()
        predictions = trainer.evaluate()
        classes = list(trainer.data.classes)
        chosen = _chosen_samples(predictions.correct, trainer.settings.seed)
        pixels = trainer.data.val.display(chosen).numpy() if len(chosen) else []
        labels, predicted = predictions.labels, predictions.predicted
        samples = [
            Sample(
                image=pixels[i],
                label=classes[int(labels[index])],
                predicted=classes[int(predicted[index])],
                confidence=float(predictions.confidence[index]),
            )
            for i, index in enumerate(chosen.tolist())
        ]
        return Results(
            classes=classes,
            matrix=predictions.confusion_matrix(len(classes)).numpy(),
            labels=labels.numpy(),
            predicted=predicted.numpy(),
            samples=samples,
            weights=self.weights_state(),
        )

    # -- checkpoints --------------------------------------------------------------------------

    def save(self, path: Path) -> SaveResult:
        """Write the trainer's network, weights, settings and last run to *path*, or, if that fails,
        to a rescue file (the result says where)."""
        return save_or_rescue(self._require_trainer(), path)

    def load(self, path: Path) -> LoadedCheckpoint:
        """Read a checkpoint (``CheckpointError`` if it is not one, changing nothing).

        Its weights go into a trainer at once when its dataset opens; otherwise they wait for
        the next run of the same network (``note`` says why).
        """
        checkpoint = load_checkpoint(path)
        state = {k: v.clone() for k, v in checkpoint.module.state_dict().items()}
        history = checkpoint.history.to_dict() if checkpoint.history is not None else None
        waiting = ""
        try:
            split = self.split(
                checkpoint.dataset, summarize(checkpoint.network).input_shape, checkpoint.settings.seed
            )
            trainer = Trainer(checkpoint.network, split, checkpoint.settings, self.control)
        except (ValueError, RuntimeError) as error:
            self._pending = (network_key(checkpoint.network), state)
            self._pending_steps = _steps_of(history)
            waiting = str(error)
        else:
            trainer.load_weights(state)
            trainer.history = checkpoint.history
            self._pending = None
            self.trainer, self.steps_trained = trainer, _steps_of(history)
            self._key = (network_key(checkpoint.network), checkpoint.dataset, checkpoint.settings.seed)
        self.version += 1
        return LoadedCheckpoint(
            path=Path(path),
            network=checkpoint.network,
            settings=checkpoint.settings.to_dict(),
            history=history,
            dataset=checkpoint.dataset,
            classes=list(checkpoint.classes),
            waiting=waiting,
        )

    def _apply_pending(self, trainer: Trainer) -> None:
        if self._pending is None:
            return
        key, state = self._pending
        self._pending = None
        if key == network_key(trainer.network):
            trainer.load_weights(state)
            self.steps_trained = max(1, self._pending_steps)

    def _require_trainer(self) -> Trainer:
        if self.trainer is None:
            raise RuntimeError(
                QCoreApplication.translate(
                    "TrainingWorker",
                    "there are no trained weights yet: train the network or open a checkpoint",
                )
            )
        return self.trainer


def _steps_of(history: dict | None) -> int:
    """Steps a checkpoint's weights were trained for (at least 1: they are not fresh)."""
    return max(1, len(history["steps"])) if history else 1


def _chosen_samples(correct: torch.Tensor, seed: int) -> torch.Tensor:
    """Indices of validation images to show: up to 12 wrong ones, then right ones, 24 in all."""
    order = torch.randperm(len(correct), generator=torch.Generator().manual_seed(seed))
    wrong = order[~correct[order]][:MAX_WRONG_SAMPLES]
    right = order[correct[order]][: SAMPLE_COUNT - len(wrong)]
    return torch.cat([wrong, right])
