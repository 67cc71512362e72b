"""Networks side by side: totals, per-stage figures and ratios in words.

Pure Python on top of :mod:`cnnstudio.core` (no Qt, torch or numpy)::

    from cnnstudio.comparing import compare, figures, ready_made
    comparison = ready_made("bottleneck-5x5")
    second = comparison.networks[1]
    comparison.ratio(second, "macs").words        # '9.68x fewer multiply-accumulates'

    mine = compare([figures(net_before, "before"), figures(net_after, "after")])

:mod:`.stages` says what a stage is, :mod:`.ratios` how ratios are worded, :mod:`.report` writes
a comparison as a table, Markdown or JSON, and :mod:`.readymade` holds the lecture's comparisons.
"""

from .model import METRICS, Comparison, NetworkFigures, compare, figures
from .ratios import NOUNS, Ratio, ratio
from .readymade import READY_MADE, ReadyMade, ready_made
from .stages import HEAD, Stage, stages_of

__all__ = [
    "HEAD",
    "METRICS",
    "NOUNS",
    "READY_MADE",
    "Comparison",
    "NetworkFigures",
    "Ratio",
    "ReadyMade",
    "Stage",
    "compare",
    "figures",
    "ratio",
    "ready_made",
    "stages_of",
]
