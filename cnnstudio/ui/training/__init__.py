"""The training panel of the desktop app: a worker thread runs the trainer, the GUI draws it.

* :mod:`.panel` — :class:`TrainingPanel`, the dock's widget (cheap to create; loads torch in
  its worker when first shown).
* :mod:`.session`, :mod:`.worker`, :mod:`.backend` — the worker thread, its slots, and the torch
  work (datasets, trainer, results, checkpoints); :mod:`.records` — what crosses the threads.
* :mod:`.workspace` — the panel's contents and their logic; :mod:`.dataset_controls`,
  :mod:`.download`, :mod:`.hyperparameters`, :mod:`.run_controls`, :mod:`.plots`, :mod:`.runs`,
  :mod:`.results`, :mod:`.image_grid` — its parts.

Importing this package imports neither torch nor pyqtgraph.
"""

from __future__ import annotations

from .panel import TrainingPanel

__all__ = ["TrainingPanel"]
