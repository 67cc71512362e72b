"""The pinned networks: what the compare view shows, in order, the first being the baseline.

:class:`PinBoard` holds immutable :class:`~cnnstudio.comparing.NetworkFigures` snapshots, so a
network pinned before an edit keeps its figures after it. Every change emits ``changed`` once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...comparing import Comparison, NetworkFigures, compare, figures, ready_made
from ...core import Network


class PinBoard(QObject):
    """An ordered list of pinned networks and, when it came from one, a ready-made comparison.

    Signals
    -------
    changed()
        The pins, their order or the comparison's title changed.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pins: list[NetworkFigures] = []
        self._ready_made: Comparison | None = None

    @property
    def pins(self) -> tuple[NetworkFigures, ...]:
        return tuple(self._pins)

    def __len__(self) -> int:
        return len(self._pins)

    @property
    def comparison(self) -> Comparison | None:
        """The pins compared (labels made unique), or None when nothing is pinned."""
        if not self._pins:
            return None
        if self._ready_made is not None:
            return self._ready_made
        return compare(self._pins)

    # -- changes ------------------------------------------------------------------------------

    def pin(self, network_figures: NetworkFigures) -> None:
        """Add *network_figures* after the others."""
        self._own_list()
        self._pins.append(network_figures)
        self.changed.emit()

    def pin_network(self, network: Network, label: str | None = None, source: str = "") -> NetworkFigures:
        """Analyse *network* as it is now and pin the result; returns what was pinned."""
        pinned = figures(network, label, source)
        self.pin(pinned)
        return pinned

    def remove(self, index: int) -> None:
        """Unpin the network at *index*."""
        self._own_list()
        del self._pins[index]
        self.changed.emit()

    def make_baseline(self, index: int) -> None:
        """Move the network at *index* to the front: the others' ratios are taken against it."""
        self._own_list()
        self._pins.insert(0, self._pins.pop(index))
        self.changed.emit()

    def clear(self) -> None:
        """Unpin everything."""
        self._pins.clear()
        self._ready_made = None
        self.changed.emit()

    def show_ready_made(self, comparison_id: str) -> Comparison:
        """Replace the pins with the ready-made comparison *comparison_id* (``KeyError`` if unknown)."""
        comparison = ready_made(comparison_id)
        self._pins = list(comparison.networks)
        self._ready_made = comparison
        self.changed.emit()
        return comparison

    def _own_list(self) -> None:
        """Any change but a ready-made one makes the list the user's own: the title goes."""
        self._ready_made = None
