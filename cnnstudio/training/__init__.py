"""Training networks with PyTorch, without Qt: the loop, its events, evaluation and checkpoints.

Importing this package does not import torch: settings, events, run histories and
:func:`training_problem` are plain Python; the trainer, devices, evaluation and checkpoints
are imported (with torch) when first used. The GUI drives :class:`Trainer` from a worker thread;
``cnnstudio train`` (:mod:`cnnstudio.training.cli`) drives it from a terminal.
"""

from typing import TYPE_CHECKING, Any

from .checks import NotTrainableError, check_trainable, open_training_data, training_problem
from .control import RunControl
from .events import Epoch, Event, Failed, FailureKind, Finished, Paused, Resumed, Started, Step
from .history import RunHistory, runs_to_csv
from .settings import DEFAULT_LR, OPTIMIZERS, SCHEDULES, SettingsError, TrainSettings, learning_rate

if TYPE_CHECKING:
    from .checkpoint import Checkpoint, CheckpointError, load_checkpoint, save_checkpoint
    from .device import DeviceError, available_devices, select_device
    from .evaluate import Predictions, confusion_matrix, predict
    from .trainer import Trainer

__all__ = [
    "DEFAULT_LR",
    "OPTIMIZERS",
    "SCHEDULES",
    "Checkpoint",
    "CheckpointError",
    "DeviceError",
    "Epoch",
    "Event",
    "Failed",
    "FailureKind",
    "Finished",
    "NotTrainableError",
    "Paused",
    "Predictions",
    "Resumed",
    "RunControl",
    "RunHistory",
    "SettingsError",
    "Started",
    "Step",
    "TrainSettings",
    "Trainer",
    "available_devices",
    "check_trainable",
    "confusion_matrix",
    "learning_rate",
    "load_checkpoint",
    "open_training_data",
    "predict",
    "runs_to_csv",
    "save_checkpoint",
    "select_device",
    "training_problem",
]

_LAZY = {
    "Checkpoint": "checkpoint",
    "CheckpointError": "checkpoint",
    "load_checkpoint": "checkpoint",
    "save_checkpoint": "checkpoint",
    "DeviceError": "device",
    "available_devices": "device",
    "select_device": "device",
    "Predictions": "evaluate",
    "confusion_matrix": "evaluate",
    "predict": "evaluate",
    "Trainer": "trainer",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'cnnstudio.training' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value
