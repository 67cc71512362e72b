"""A spatial hash of rectangles: which boxes lie in a strip, which strips cross a box.

The diagram asks two questions after every change: which boxes stand in an edge's way, and
which edges a moved box now blocks or frees. Asking Qt's scene index instead makes every
question after a change re-index the changed items first, which turned opening a 10,000-layer
chain into minutes; this index costs a dictionary update per change and a few cell lookups per
question. Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from math import floor

Rect = tuple[float, float, float, float]
"""``(left, top, right, bottom)``."""

CELL = 160.0


class RectGrid:
    """Rectangles by key, found by the cells of side :data:`CELL` they overlap."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], set[Hashable]] = {}
        self._rects: dict[Hashable, Rect] = {}
        self._bounds: Rect | None = None
        self._bounds_stale = False

    def __len__(self) -> int:
        return len(self._rects)

    def __contains__(self, key: object) -> bool:
        return key in self._rects

    def rect(self, key: Hashable) -> Rect:
        return self._rects[key]

    def put(self, key: Hashable, rect: Rect) -> None:
        """Store *rect* under *key* (replacing what it had)."""
        if self._rects.get(key) == rect:
            return
        self.discard(key)
        self._rects[key] = rect
        for cell in _cells(rect):
            self._cells.setdefault(cell, set()).add(key)
        if not self._bounds_stale:
            self._bounds = rect if self._bounds is None else _union(self._bounds, rect)

    def discard(self, key: Hashable) -> None:
        """Forget *key* (if it is stored)."""
        rect = self._rects.pop(key, None)
        if rect is None:
            return
        bounds = self._bounds
        if bounds is not None and (
            rect[0] <= bounds[0] or rect[1] <= bounds[1] or rect[2] >= bounds[2] or rect[3] >= bounds[3]
        ):
            self._bounds_stale = True  # it touched the edge: work the bounds out again when asked
        for cell in _cells(rect):
            keys = self._cells[cell]
            keys.discard(key)
            if not keys:
                del self._cells[cell]

    def overlapping(self, rect: Rect) -> set[Hashable]:
        """The keys whose rectangles overlap *rect* (touching edges do not count)."""
        left, top, right, bottom = rect
        found: set[Hashable] = set()
        for cell in _cells(rect):
            for key in self._cells.get(cell, ()):
                if key in found:
                    continue
                other = self._rects[key]
                if other[0] < right and left < other[2] and other[1] < bottom and top < other[3]:
                    found.add(key)
        return found

    def bounds(self) -> Rect | None:
        """The smallest rectangle around everything stored (None when empty)."""
        if self._bounds_stale:
            self._bounds_stale = False
            rects = self._rects.values()
            self._bounds = (
                (
                    min(r[0] for r in rects),
                    min(r[1] for r in rects),
                    max(r[2] for r in rects),
                    max(r[3] for r in rects),
                )
                if rects
                else None
            )
        return self._bounds


def _union(a: Rect, b: Rect) -> Rect:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _cells(rect: Rect) -> Iterator[tuple[int, int]]:
    left, top, right, bottom = rect
    for i in range(floor(left / CELL), floor(right / CELL) + 1):
        for j in range(floor(top / CELL), floor(bottom / CELL) + 1):
            yield i, j
