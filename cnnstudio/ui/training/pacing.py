"""Pacing the redraws of the live curves so drawing never slows training down much.

Drawing pyqtgraph plots is Python work in the GUI thread, and it holds Python's global lock the
whole time, also while Qt paints: the training loop in the worker thread waits meanwhile. A
small network on the CPU (LeNet-5 on digits) spends most of a step in Python, so ten redraws a
second of four plots would cost it a fifth of its speed; and on a machine whose cores all train,
every millisecond the GUI spends is taken from training. :class:`RedrawPacer` measures what each
redraw costs (updating the curves and painting them) and waits long enough before the next one
that drawing takes at most *budget* of the time: cheap redraws come ten times a second,
expensive ones less often.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

REDRAW_BUDGET = 0.01
MIN_INTERVAL = 0.1


class RedrawPacer(QObject):
    """Runs *redraw* when asked, but no sooner than its measured cost allows.

    Call :meth:`request` when there is something new to draw, :meth:`add_cost` with the time
    each paint took, and :meth:`flush` to draw at once (a run ended).
    """

    def __init__(
        self,
        redraw: Callable[[], None],
        budget: float = REDRAW_BUDGET,
        min_interval: float = MIN_INTERVAL,
        clock: Callable[[], float] = time.perf_counter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.redraw = redraw
        self.budget = budget
        self.min_interval = min_interval
        self.clock = clock
        self.last_cost = 0.0
        self._last_run: float | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._run)

    def add_cost(self, seconds: float) -> None:
        """Time spent painting what the last redraw changed."""
        self.last_cost += seconds

    def next_time(self) -> float:
        """When the next redraw may run (clock seconds)."""
        if self._last_run is None:
            return self.clock()
        return self._last_run + max(self.min_interval, self.last_cost / self.budget)

    def request(self) -> None:
        """Redraw as soon as the budget allows (requests in between are merged)."""
        if not self._timer.isActive():
            wait = max(0.0, self.next_time() - self.clock())
            self._timer.start(round(wait * 1000))

    def flush(self) -> None:
        """Redraw now."""
        self._timer.stop()
        self._run()

    def _run(self) -> None:
        began = self.clock()
        self.redraw()
        self._last_run = self.clock()
        self.last_cost = self._last_run - began
