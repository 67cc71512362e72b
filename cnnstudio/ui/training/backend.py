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

from ...core import summarize
from ...data import DataSplit, open_dataset, preview
from ...data.kinds import parse_spec
from ...training import (
    NotTrainableError,
    Trainer,
    TrainSettings,
    available_devices,
    load_checkpoint,
    save_checkpoint,
)
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
    """Make an optimizer once: its first creation imports much of torch (seconds), better spent
    while the student looks at the panel than after Train is clicked."""
    weight = torch.nn.Parameter(torch.zeros(1))
    torch.optim.Adam([weight])


class TrainingBackend:
    """The trainer, the opened datasets and checkpoint weights waiting for a run.

    Attributes
    ----------
    trainer : Trainer or None
        The trainer of the last run (or of a loaded checkpoint).
    steps_trained : int
        Optimizer steps taken since the weights were fresh (0: initial weights).
    """

    def __init__(self) -> None:
        self.trainer: Trainer | None = None
        self.steps_trained = 0
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
            raise NotTrainableError("the network has no valid input: fix its errors first")
        key = (network_key(request.network), request.spec, settings.seed)
        if self.trainer is not None and key == self._key:
            self.trainer.configure(settings)
            return self.trainer
        split = self.split(request.spec, summary.input_shape, settings.seed)
        trainer = Trainer(request.network, split, settings)
        self.trainer, self._key, self.steps_trained = trainer, key, 0
        self._apply_pending(trainer)
        return trainer

    def weights_state(self) -> WeightsState:
        """What the next run would start from."""
        pending = self._pending[0] if self._pending is not None else ""
        return WeightsState(
            key=self._key if self.trainer is not None else None, steps=self.steps_trained, pending=pending
        )

    def record_run(self, steps: int) -> None:
        """Count the steps a run took (called when it ends)."""
        self.steps_trained += steps

    def reset_weights(self) -> None:
        """Back to the seed's initial weights (and forget checkpoint weights waiting for a run)."""
        self._pending = None
        if self.trainer is not None:
            self.trainer.reset_weights()
        self.steps_trained = 0

    def forget_steps(self) -> None:
        """The trainer reset its weights itself (a reset asked for during a run)."""
        self.steps_trained = 0

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
            steps_trained=self.steps_trained,
        )

    # -- checkpoints --------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the trainer's network, weights, settings and last run to *path*."""
        save_checkpoint(self._require_trainer(), path)

    def load(self, path: Path) -> LoadedCheckpoint:
        """Read a checkpoint (``CheckpointError`` if it is not one, changing nothing).

        Its weights go into a trainer at once when its dataset opens; otherwise they wait for
        the next run of the same network (``note`` says why).
        """
        checkpoint = load_checkpoint(path)
        state = {k: v.clone() for k, v in checkpoint.module.state_dict().items()}
        history = checkpoint.history.to_dict() if checkpoint.history is not None else None
        note = ""
        try:
            split = self.split(
                checkpoint.dataset, summarize(checkpoint.network).input_shape, checkpoint.settings.seed
            )
            trainer = Trainer(checkpoint.network, split, checkpoint.settings)
        except (ValueError, RuntimeError) as error:
            self._pending = (network_key(checkpoint.network), state)
            self._pending_steps = _steps_of(history)
            note = f"the weights will be used when this network trains next ({error})"
        else:
            trainer.module.load_state_dict(state)
            trainer.history = checkpoint.history
            self._pending = None
            self.trainer, self.steps_trained = trainer, _steps_of(history)
            self._key = (network_key(checkpoint.network), checkpoint.dataset, checkpoint.settings.seed)
        return LoadedCheckpoint(
            path=Path(path),
            network=checkpoint.network,
            settings=checkpoint.settings.to_dict(),
            history=history,
            dataset=checkpoint.dataset,
            classes=list(checkpoint.classes),
            note=note,
        )

    def _apply_pending(self, trainer: Trainer) -> None:
        if self._pending is None:
            return
        key, state = self._pending
        self._pending = None
        if key == network_key(trainer.network):
            trainer.module.load_state_dict(state)
            self.steps_trained = max(1, self._pending_steps)

    def _require_trainer(self) -> Trainer:
        if self.trainer is None:
            raise RuntimeError("there are no trained weights yet: train the network or open a checkpoint")
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
