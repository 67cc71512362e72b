"""Ratios in words: "9.68x fewer multiply-accumulates", "2.43x more parameters", "the same".

A figure is compared with the baseline's as an exact fraction and rounded half up, so the
words never depend on floating point:

* below 10x, two decimals (``9.68x``); below 100x, one (``23.4x``); from 100x on, whole
  numbers with thousands grouped (``1,011x``);
* below 1.05x, the difference as a share of the baseline instead (``0.8% more``, or
  ``under 0.1% fewer`` when it is smaller than that);
* weight layers are few and counted one by one, so they differ by a number (``3 more``);
* equal figures are ``the same``; a figure of zero is ``none``; against a baseline of zero,
  the number itself (``5 (baseline: none)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

from ..core.blocks import fmt

NOUNS = MappingProxyType(
    {
        "weight_layers": "weight layers",
        "params": "parameters",
        "macs": "multiply-accumulates",
        "other_ops": "other operations",
        "activations": "activations",
    }
)
"""What each compared figure counts, in words."""
SINGULAR = MappingProxyType({"weight_layers": "weight layer"})
COUNTED_ONE_BY_ONE = frozenset({"weight_layers"})
"""Figures compared by their difference rather than their ratio."""
PERCENT_BELOW = Fraction(105, 100)
"""Ratios below this are written as a percentage of the baseline."""


@dataclass(frozen=True)
class Ratio:
    """One figure of a network against the baseline's.

    Attributes
    ----------
    metric : str
        ``"params"``, ``"macs"``, ``"other_ops"``, ``"activations"`` or ``"weight_layers"``.
    value, baseline : int
        The network's figure and the baseline's.
    short : str
        ``"9.68x fewer"``, ``"2.43x more"``, ``"the same"``, ``"0.8% more"``, ``"none"``...
    words : str
        *short* with what it counts: ``"9.68x fewer multiply-accumulates"``.
    """

    metric: str
    value: int
    baseline: int
    short: str
    words: str

    @property
    def factor(self) -> Fraction | None:
        """``value / baseline`` exactly; None when the baseline is zero."""
        return Fraction(self.value, self.baseline) if self.baseline else None

    def sentence(self, name: str, baseline_name: str) -> str:
        """``"B has 9.68x fewer multiply-accumulates than A (12,443,648 against 120,422,400)."``"""
        noun = NOUNS[self.metric]
        if self.value == self.baseline:
            return f"{name} has as many {noun} as {baseline_name} ({fmt(self.value)})."
        if self.baseline == 0:
            return f"{name} has {fmt(self.value)} {noun}; {baseline_name} has none."
        if self.value == 0:
            return f"{name} has no {noun}; {baseline_name} has {fmt(self.baseline)}."
        return (
            f"{name} has {self.words} than {baseline_name} ({fmt(self.value)} against {fmt(self.baseline)})."
        )


def ratio(metric: str, value: int, baseline: int) -> Ratio:
    """*value* of *metric* against *baseline*, in words (see the module docstring)."""
    noun = NOUNS[metric]
    if value == baseline:
        short, words = "the same", f"the same number of {noun}"
    elif baseline == 0:
        short, words = f"{fmt(value)} (baseline: none)", f"{fmt(value)} {noun} (the baseline has none)"
    elif value == 0:
        short, words = "none", f"no {noun}"
    elif metric in COUNTED_ONE_BY_ONE:
        difference = abs(value - baseline)
        short = f"{fmt(difference)} {'more' if value > baseline else 'fewer'}"
        words = f"{short} {SINGULAR[metric] if difference == 1 else noun}"
    else:
        short = _compared(value, baseline)
        words = f"{short} {noun}"
    return Ratio(metric, value, baseline, short, words)


def _compared(value: int, baseline: int) -> str:
    direction = "more" if value > baseline else "fewer"
    times = Fraction(max(value, baseline), min(value, baseline))
    if times >= PERCENT_BELOW:
        return f"{times_text(times)} {direction}"
    share = Fraction(abs(value - baseline) * 100, baseline)
    if share < Fraction(1, 20):
        return f"under 0.1% {direction}"
    return f"{rounded(share, 1)}% {direction}"


def times_text(times: Fraction) -> str:
    """``9.6774...`` -> ``"9.68x"``, ``23.43`` -> ``"23.4x"``, ``1011.4`` -> ``"1,011x"``."""
    for limit, digits in ((10, 2), (100, 1)):
        if times < limit:
            text = rounded(times, digits)
            if Fraction(text.replace(",", "")) < limit:  # 9.996 would read "10.00x": one digit less
                return f"{text}x"
    return f"{rounded(times, 0)}x"


def rounded(value: Fraction, digits: int) -> str:
    """*value* rounded half up to *digits* decimals, thousands grouped: ``"1,012"``, ``"9.68"``."""
    scaled = (value * 10**digits + Fraction(1, 2)).__floor__()
    whole, part = divmod(scaled, 10**digits)
    return f"{whole:,}" + (f".{part:0{digits}d}" if digits else "")
