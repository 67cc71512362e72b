"""A lesson's "Try it" step: a goal in words and the conditions that say it is reached.

The app checks a step against the open network after every edit; a step is reached when all
its conditions hold (see :mod:`cnnstudio.teaching.conditions`). Until then the result names
the first condition still missing, in the lesson's language, beside the teacher's hint.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import Network, Summary
from .conditions import Condition, Probe
from .messages import say


@dataclass(frozen=True)
class StepResult:
    """Whether a step is reached.

    Attributes
    ----------
    passed : bool
        Every condition holds.
    message : str
        "done", or what the first unmet condition lacks ("total MACs: 120,422,400; the goal
        is below 13,000,000").
    hint : str
        The teacher's hint for the step (empty if none), shown while it is not reached.
    """

    passed: bool
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Step:
    """One "Try it" step of a lesson.

    Attributes
    ----------
    number : int
        1, 2, ... within the lesson.
    goal : str
        What to do, in words (Markdown).
    conditions : tuple of Condition
        What the network must satisfy.
    hint : str
        A hint shown while the step is not reached; may be empty.
    preset : str or None
        The preset the step starts from: its own ``preset:`` line, else the lesson's first
        preset (None for a lesson without presets).
    line : int
        Where the step starts in its lesson file.
    language : str
        The lesson's language, in which results are worded.
    """

    number: int
    goal: str
    conditions: tuple[Condition, ...]
    hint: str
    preset: str | None
    line: int
    language: str = "en"

    def evaluate(self, network: Network, summary: Summary | None = None) -> StepResult:
        """Check the step against *network* (and its *summary*, if the caller has it)."""
        probe = Probe(network, summary)
        for condition in self.conditions:
            missing = condition.check(probe, self.language)
            if missing is not None:
                return StepResult(False, missing, self.hint)
        return StepResult(True, say(self.language, "done"))


__all__ = ["Step", "StepResult"]
