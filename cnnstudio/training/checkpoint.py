"""Checkpoints: a trained network saved with its weights, settings and run history.

A checkpoint is a ``torch.save`` file holding only what ``torch.load(..., weights_only=True)``
accepts: a dict of text (the network as a ``.cnnstudio.json`` text, the settings and history as
JSON), whole numbers, lists and tensors (the ``state_dict``). Loading never unpickles a Python
object, so a file from elsewhere cannot run code; any file that is not a whole CNN Studio
checkpoint gives a :class:`CheckpointError` saying why.

Trained weights are never lost to a failed write: :func:`destination_problem` says before a run
whether a path can take the checkpoint, and :func:`save_or_rescue` writes it there or, if that
fails (a full disk, a folder that turned read-only), in the first place that takes it among the
temporary folder and the home folder, and says where.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from ..core import Network
from ..core.atomic import atomic_write
from ..core.fileformat import FileFormatError, dumps, loads
from ..core.jsonfile import parse_json
from ..model.build import InvalidNetworkError, build_module
from .history import RunHistory
from .settings import TrainSettings

FORMAT = "cnnstudio-checkpoint"
VERSION = 1
SUFFIX = ".pt"
_KEYS = ("format", "version", "network", "state_dict", "settings", "history", "dataset", "classes")


class CheckpointError(ValueError):
    """A file that is not a usable checkpoint; the message says why."""


@dataclass
class Checkpoint:
    """A loaded checkpoint: the network, a module with the saved weights (eval mode, on the CPU
    unless asked otherwise), and how it was trained."""

    network: Network
    module: nn.Module
    settings: TrainSettings
    history: RunHistory | None
    dataset: str
    classes: list[str]


def save_checkpoint(trainer, path: str | os.PathLike[str]) -> None:
    """Write *trainer*'s network, weights, settings and last run to *path* (atomically).

    ``OSError`` (the file at *path* unchanged) when it cannot be written; see
    :func:`save_or_rescue` for a write that keeps the weights anyway.
    """
    history = trainer.history.to_dict() if trainer.history is not None else None
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "network": dumps(trainer.network),
        "state_dict": {k: v.detach().cpu() for k, v in trainer.module.state_dict().items()},
        "settings": json.dumps(trainer.settings.to_dict()),
        "history": json.dumps(history, allow_nan=False) if history is not None else "",
        "dataset": trainer.data.spec,
        "classes": list(trainer.data.classes),
    }
    atomic_write(path, lambda handle: torch.save(payload, handle))


@dataclass(frozen=True)
class SaveResult:
    """Where :func:`save_or_rescue` put the checkpoint.

    ``path`` is the file holding the weights now (None when no place would take them);
    ``problem`` says why the asked-for place failed ("" when it did not).
    """

    path: Path | None
    problem: str = ""

    @property
    def rescued(self) -> bool:
        return bool(self.problem) and self.path is not None

    def message(self, asked: Path) -> str:
        """One sentence for the student (empty when the checkpoint went where it was asked)."""
        if not self.problem:
            return ""
        if self.path is None:
            return f"cannot save the checkpoint to {asked} ({self.problem}), nor anywhere else"
        return f"cannot save the checkpoint to {asked} ({self.problem}); the weights were saved to {self.path} instead"


def estimated_size(trainer) -> int:
    """About how many bytes :func:`save_checkpoint` writes for *trainer* (weights and buffers)."""
    tensors = trainer.module.state_dict().values()
    return sum(t.numel() * t.element_size() for t in tensors) + 1_000_000


def destination_problem(path: str | os.PathLike[str], size: int = 0) -> str | None:
    """Why a checkpoint of about *size* bytes cannot be written at *path*, or None if it can.

    Checked before a run, so its end is not spent on a path that was never going to work:
    *path* must not be a folder, its folder must exist and take new files (the write goes
    through a temporary file there) and, where *size* is given, have room for it.
    """
    path = Path(path)
    if path.is_dir():
        return f"{path} is a folder; give a file name such as {path / ('network' + SUFFIX)}"
    folder = path.parent
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return f"the folder {folder} cannot be written ({error.strerror or error})"
    free = shutil.disk_usage(folder).free
    if size and free < size:
        return f"the disk holding {folder} has {free / 1e6:,.1f} MB free; the checkpoint needs about {size / 1e6:,.1f} MB"
    return None


def rescue_folders() -> list[Path]:
    """Where :func:`save_or_rescue` tries next when the asked-for place fails, in order."""
    return [Path(tempfile.gettempdir()), Path.home()]


def save_or_rescue(trainer, path: str | os.PathLike[str]) -> SaveResult:
    """Write the checkpoint to *path*; if that fails, to the first of :func:`rescue_folders` that
    takes it (named ``cnnstudio-rescued-NAME-TIME.pt``). Never raises for a failed write."""
    path = Path(path)
    try:
        save_checkpoint(trainer, path)
        return SaveResult(path)
    except OSError as error:
        problem = error.strerror or str(error)
    stem = path.name.removesuffix(SUFFIX) or "network"
    name = f"cnnstudio-rescued-{stem}-{time.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
    for folder in rescue_folders():
        try:
            save_checkpoint(trainer, folder / name)
        except OSError:
            continue
        return SaveResult(folder / name, problem)
    return SaveResult(None, problem)


def load_checkpoint(path: str | os.PathLike[str], device: str | torch.device = "cpu") -> Checkpoint:
    """Read a checkpoint written by :func:`save_checkpoint`; :class:`CheckpointError` if it is not one."""
    path = Path(path)
    data = _read(path)
    network = _network(data["network"], path)
    module = _module(network, data["state_dict"], path, len(data["classes"]))
    return Checkpoint(
        network=network,
        module=module.to(device).eval(),
        settings=_settings(data["settings"], path),
        history=_history(data["history"], path),
        dataset=data["dataset"],
        classes=list(data["classes"]),
    )


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise CheckpointError(f"cannot open {path}: there is no such file")
    try:
        # torch.save writes a zip archive; anything else (old pickles, text, a cut-off file)
        # is refused before torch reads a byte of it
        is_zip = zipfile.is_zipfile(path)
        if is_zip:
            _check_crcs(path)
        data = torch.load(path, map_location="cpu", weights_only=True) if is_zip else None
    except CheckpointError:
        raise
    except pickle.UnpicklingError:
        raise CheckpointError(
            f"{path.name} holds Python objects, not just weights (perhaps a whole model saved with "
            "torch.save(model)); CNN Studio opens only its own checkpoints, which need no code to read"
        ) from None
    except OSError as error:
        raise CheckpointError(f"cannot read {path}: {error.strerror or error}") from None
    except Exception as error:  # a damaged archive can fail in many ways inside torch
        raise _damaged(path, _first_line(error)) from None
    if not is_zip:
        raise _damaged(path, "it is not a zip archive")
    _check_header(data, path)
    return data


def _check_crcs(path: Path) -> None:
    """Every member's checksum, so damaged weights are refused rather than loaded."""
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
    if bad is not None:
        raise _damaged(path, f"its part {bad} fails its checksum")


def _damaged(path: Path, detail: str) -> CheckpointError:
    return CheckpointError(
        f"{path.name} is not a PyTorch checkpoint, or it is damaged or cut short ({detail})"
    )


def _check_header(data: Any, path: Path) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CheckpointError(
            f"{path.name} is a PyTorch file but not a CNN Studio checkpoint (it has no '{FORMAT}' mark)"
        )
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise CheckpointError(f"{path.name}: the checkpoint version {version!r} is not valid")
    if version > VERSION:
        raise CheckpointError(
            f"{path.name} was written by a newer CNN Studio (checkpoint version {version}); update CNN Studio"
        )
    missing = [key for key in _KEYS if key not in data]
    if missing:
        raise CheckpointError(f"{path.name} is incomplete: it lacks {', '.join(missing)}")
    kinds = {"network": str, "settings": str, "history": str, "dataset": str, "classes": list}
    for key, kind in kinds.items():
        if not isinstance(data[key], kind):
            raise CheckpointError(f"{path.name}: '{key}' has the wrong type")
    state = data["state_dict"]
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise CheckpointError(f"{path.name}: the weights ('state_dict') are not a set of tensors")
    if not all(isinstance(c, str) for c in data["classes"]):
        raise CheckpointError(f"{path.name}: the class names are not all text")


def _network(text: str, path: Path) -> Network:
    try:
        return loads(text)
    except FileFormatError as error:
        raise CheckpointError(f"{path.name}: the saved network is not valid: {error}") from None


def _module(network: Network, state: dict[str, torch.Tensor], path: Path, classes: int) -> nn.Module:
    try:  # a network ending in a feature map was trained with a classifier head after it
        module = build_module(network, logits=True, classes=classes)
    except InvalidNetworkError as error:
        raise CheckpointError(f"{path.name}: the saved network cannot be built: {error}") from None
    try:
        module.load_state_dict(state, strict=True)
    except RuntimeError as error:
        raise CheckpointError(
            f"{path.name}: the saved weights do not fit the saved network ({_first_line(error)})"
        ) from None
    return module


def _settings(text: str, path: Path) -> TrainSettings:
    try:
        settings = TrainSettings.from_dict(parse_json(text))
    except (ValueError, TypeError) as error:
        raise CheckpointError(f"{path.name}: the saved settings are not valid ({error})") from None
    problems = settings.problems()
    if problems:
        raise CheckpointError(f"{path.name}: the saved settings are not valid ({problems[0]})")
    return settings


def _history(text: str, path: Path) -> RunHistory | None:
    if not text:
        return None
    try:
        return RunHistory.from_dict(parse_json(text))
    except ValueError as error:
        raise CheckpointError(f"{path.name}: the saved run history is not valid ({error})") from None


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
