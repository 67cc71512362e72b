"""Counts written short for chart axes: ``0``, ``250k``, ``1.5M``, ``15G``."""

from __future__ import annotations

import math

UNITS = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))


def compact_count(value: float, step: float = 0.0) -> str:
    """*value* with a unit, to as many decimals as a tick *step* needs (``1.5G`` with a 0.5G step).

    Values below a thousand are written whole (or to the decimals *step* needs); trailing zeros
    are dropped (``1G``, not ``1.0G``).
    """
    if value == 0:
        return "0"
    scale, unit = next(((s, u) for s, u in UNITS if abs(value) >= s), (1.0, ""))
    decimals = 0
    if 0 < step < scale:
        decimals = min(3, math.ceil(-math.log10(step / scale) - 1e-9))
    text = f"{value / scale:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + unit
