"""The gradient norms a run recorded: plain lists, no torch (see :mod:`.probes` for the sampling).

The GUI keeps and draws these records without importing torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class GradientRecord:
    """Sampled gradient norms of one run: ``norms[i][j]`` is layer ``layers[j]``'s at ``steps[i]``.

    Plain lists (no torch), so the record crosses threads and goes to JSON as it is.
    """

    layers: list[str]
    steps: list[int] = field(default_factory=list)
    norms: list[list[float]] = field(default_factory=list)

    def extend(self, other: GradientRecord) -> None:
        """Append *other*'s samples (of the same layers)."""
        self.steps.extend(other.steps)
        self.norms.extend(other.norms)

    def to_dict(self) -> dict[str, Any]:
        return {
            "layers": list(self.layers),
            "steps": list(self.steps),
            "norms": [list(n) for n in self.norms],
        }


__all__ = ["GradientRecord"]
