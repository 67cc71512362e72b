"""Training networks with PyTorch, without Qt: the loop, its events, evaluation and checkpoints.

Importing this package imports torch. The GUI drives :class:`Trainer` from a worker thread;
``cnnstudio train`` (:mod:`cnnstudio.training.cli`) drives it from a terminal.
"""

from .checkpoint import Checkpoint, CheckpointError, load_checkpoint, save_checkpoint
from .checks import NotTrainableError, check_trainable, open_training_data, training_problem
from .device import DeviceError, available_devices, select_device
from .evaluate import Predictions, confusion_matrix, predict
from .events import Epoch, Event, Failed, Finished, Paused, Resumed, Started, Step
from .history import RunHistory, runs_to_csv
from .settings import DEFAULT_LR, OPTIMIZERS, SCHEDULES, SettingsError, TrainSettings, learning_rate
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
    "Finished",
    "NotTrainableError",
    "Paused",
    "Predictions",
    "Resumed",
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
