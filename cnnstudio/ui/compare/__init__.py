"""The compare view: pinned networks side by side (totals, per-stage bar charts, ratios in words).

* :mod:`.pins` — :class:`PinBoard`, the pinned snapshots (the view's model).
* :mod:`.view` — :class:`CompareView`: tool bar, :mod:`.totals` table and ratios,
  :mod:`.charts` (pyqtgraph, imported when there is first something to draw), :mod:`.readout`.
* :mod:`.dock` — :class:`CompareDock` and :func:`install_compare`, which adds the dock and the
  Compare menu to the main window.
* :mod:`.style` — its colours; :mod:`.units` — counts written short for the axes.

Importing this package imports neither pyqtgraph nor numpy.
"""

from __future__ import annotations

from .dock import CompareDock, install_compare
from .pins import PinBoard
from .view import CompareView

__all__ = ["CompareDock", "CompareView", "PinBoard", "install_compare"]
