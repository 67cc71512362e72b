"""The record of one training run: its settings, every step's loss and learning rate, every epoch.

The GUI overlays several runs' curves and exports them; :meth:`RunHistory.to_csv` writes one
run's epochs or steps, :func:`runs_to_csv` several runs in one table with a ``run`` column.
A history is plain JSON (:meth:`RunHistory.to_dict`), which is how checkpoints store it.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any

from .events import Epoch, Step

EPOCH_COLUMNS = (
    "epoch",
    "step",
    "train_loss",
    "train_accuracy",
    "val_loss",
    "val_accuracy",
    "lr",
    "seconds",
    "images_per_second",
)
STEP_COLUMNS = ("step", "epoch", "loss", "lr")
STATUSES = ("running", "finished", "stopped", "failed")


@dataclass
class RunHistory:
    """One run, as it happened.

    ``steps``, ``step_epochs``, ``losses`` and ``lrs`` are parallel lists (one entry per
    optimizer step); ``epochs`` holds one dict per epoch with :data:`EPOCH_COLUMNS`.
    ``status`` is one of :data:`STATUSES`; ``failure`` is the reason of a failed run.
    """

    network: str
    dataset: str
    settings: dict[str, Any]
    classes: list[str] = field(default_factory=list)
    device: str = ""
    steps: list[int] = field(default_factory=list)
    step_epochs: list[int] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    lrs: list[float] = field(default_factory=list)
    epochs: list[dict[str, Any]] = field(default_factory=list)
    status: str = "running"
    failure: str = ""

    @property
    def label(self) -> str:
        """A short name for a legend: ``"LeNet-5 on digits, adam lr 0.001"``."""
        s = self.settings
        return f"{self.network} on {self.dataset}, {s.get('optimizer', '?')} lr {s.get('lr', 0):g}"

    def add_step(self, event: Step) -> None:
        self.steps.append(event.step)
        self.step_epochs.append(event.epoch)
        self.losses.append(event.loss)
        self.lrs.append(event.lr)

    def add_epoch(self, event: Epoch) -> None:
        self.epochs.append(event.to_dict())

    def last_epoch(self) -> dict[str, Any] | None:
        return self.epochs[-1] if self.epochs else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (non-finite losses become ``None``)."""
        return {
            "network": self.network,
            "dataset": self.dataset,
            "settings": dict(self.settings),
            "classes": list(self.classes),
            "device": self.device,
            "steps": list(self.steps),
            "step_epochs": list(self.step_epochs),
            "losses": [_finite_or_none(v) for v in self.losses],
            "lrs": list(self.lrs),
            "epochs": [{k: _finite_or_none(v) for k, v in row.items()} for row in self.epochs],
            "status": self.status,
            "failure": self.failure,
        }

    @classmethod
    def from_dict(cls, data: Any) -> RunHistory:
        """A history from :meth:`to_dict`'s form; ``ValueError`` naming the first bad field."""
        if not isinstance(data, dict):
            raise ValueError("the run history is not an object")
        history = cls(
            network=_get(data, "network", str),
            dataset=_get(data, "dataset", str),
            settings=_get(data, "settings", dict),
            classes=_list_of(data, "classes", str),
            device=_get(data, "device", str),
            steps=_list_of(data, "steps", int),
            step_epochs=_list_of(data, "step_epochs", int),
            losses=[math.nan if v is None else v for v in _list_of(data, "losses", float, none=True)],
            lrs=_list_of(data, "lrs", float),
            epochs=[_epoch_row(row) for row in _get(data, "epochs", list)],
            status=_get(data, "status", str),
            failure=_get(data, "failure", str),
        )
        lengths = {len(history.steps), len(history.step_epochs), len(history.losses), len(history.lrs)}
        if len(lengths) != 1:
            raise ValueError("the run history's step lists differ in length")
        if history.status not in STATUSES:
            raise ValueError(f"the run history's status '{history.status}' is unknown")
        return history

    def to_csv(self, table: str = "epochs") -> str:
        """``table="epochs"``: one row per epoch; ``"steps"``: one row per step."""
        return runs_to_csv([self], table, with_run=False)


def runs_to_csv(runs: list[RunHistory], table: str = "epochs", with_run: bool = True) -> str:
    """Several runs in one CSV table, the first column ``run`` numbering them from 1 (the
    second, ``label``, naming them), for plotting side by side in a spreadsheet."""
    if table not in ("epochs", "steps"):
        raise ValueError(f"table must be 'epochs' or 'steps', not {table!r}")
    columns = EPOCH_COLUMNS if table == "epochs" else STEP_COLUMNS
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((("run", "label") if with_run else ()) + columns)
    for number, run in enumerate(runs, start=1):
        prefix = (number, run.label) if with_run else ()
        for row in _rows(run, table):
            writer.writerow(prefix + tuple(_cell(row[c]) for c in columns))
    return out.getvalue()


def _rows(run: RunHistory, table: str) -> list[dict[str, Any]]:
    if table == "epochs":
        return run.epochs
    return [
        {"step": s, "epoch": e, "loss": loss, "lr": lr}
        for s, e, loss, lr in zip(run.steps, run.step_epochs, run.losses, run.lrs, strict=True)
    ]


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value).lower()
    return str(value)


def _finite_or_none(value: Any) -> Any:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _is(value: Any, kind: type) -> bool:
    if isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)


def _get(data: dict, key: str, kind: type) -> Any:
    if key not in data or not _is(data[key], kind):
        raise ValueError(f"the run history's '{key}' is missing or not {kind.__name__}")
    return data[key]


def _list_of(data: dict, key: str, kind: type, none: bool = False) -> list:
    values = _get(data, key, list)
    if not all(_is(v, kind) or (none and v is None) for v in values):
        raise ValueError(f"the run history's '{key}' holds something other than {kind.__name__}")
    return list(values)


def _epoch_row(row: Any) -> dict[str, Any]:
    if not isinstance(row, dict) or set(row) != set(EPOCH_COLUMNS):
        raise ValueError("an epoch of the run history has the wrong fields")
    if not all(v is None or _is(v, float) for v in row.values()):
        raise ValueError("an epoch of the run history holds something other than numbers")
    return {k: math.nan if v is None else v for k, v in row.items()}
