"""The training panel of the desktop app: a worker thread runs the trainer, the GUI draws it.

* :mod:`.panel` — :class:`TrainingPanel`, the dock's widget (cheap to create; loads torch in
  its worker once the window is idle, or when first shown).
* :mod:`.session`, :mod:`.worker`, :mod:`.backend` — the worker thread, its slots, and the torch
  work (datasets, trainer, results, checkpoints); :mod:`.records` — what crosses the threads.
* :mod:`.run_state` — what the panel allows and what a run's end means, decided without Qt.
* :mod:`.workspace` — the panel's contents; :mod:`.dataset_flow` and :mod:`.checkpoints` — opening
  the dataset and saving or opening checkpoints; :mod:`.dataset_controls`, :mod:`.download`,
  :mod:`.hyperparameters`, :mod:`.run_controls`, :mod:`.plots`, :mod:`.runs`, :mod:`.results`,
  :mod:`.image_grid` — its parts.

Importing this package imports neither torch, pyqtgraph nor Qt (``TrainingPanel`` loads Qt when
first used), so :mod:`.run_state` and :mod:`.records` are testable without a GUI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .panel import TrainingPanel

__all__ = ["TrainingPanel"]


def __getattr__(name: str) -> Any:
    if name == "TrainingPanel":
        from .panel import TrainingPanel

        return TrainingPanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
