"""The links a lesson may hold: each opens something in the app.

Written in Markdown as ``[label](target)``; the targets are a small, fixed set::

    preset:lenet5                             open a preset in the canvas
    compare:conv5x5-naive,conv5x5-bottleneck  compare two or more presets side by side
    experiment:depth                          train Plain-20, Plain-56, ResNet-20 and ResNet-56
                                              alike and overlay their training error
    experiment:identity                       zero the last layer of a residual block of the open
                                              network (the selected one, else the first) and show
                                              that its output equals ReLU of its input
    lesson:L04                                open another lesson
    https://arxiv.org/abs/1512.03385          a web page, in the system's browser

:func:`parse_link` reads a target (the UI calls it with the URL of a clicked link) and raises
:class:`LinkError` for one outside the set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.presets import PRESETS

KINDS = ("preset", "compare", "experiment", "lesson")
EXPERIMENTS = ("depth", "identity")
_LESSON_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")


class LinkError(ValueError):
    """A link target outside the set lessons may use; the message lists the set."""


@dataclass(frozen=True)
class Link:
    """An action a lesson's link asks for.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`, or ``"web"`` for an http(s) page.
    targets : tuple of str
        Preset ids (``preset``: one, ``compare``: two or more), the experiment, the lesson id,
        or the page's address.
    """

    kind: str
    targets: tuple[str, ...]

    @property
    def url(self) -> str:
        """The link as written (``compare:vgg16,resnet50``)."""
        if self.kind == "web":
            return self.targets[0]
        return f"{self.kind}:{','.join(self.targets)}"


def parse_link(url: str) -> Link:
    """The :class:`Link` for the target *url*; :class:`LinkError` if it is not one."""
    url = url.strip()
    if url.startswith(("https://", "http://")):
        return Link("web", (url,))
    kind, colon, rest = url.partition(":")
    if not colon or kind not in KINDS:
        raise LinkError(
            f"'{url}' is not a link CNN Studio can follow (use preset:ID, compare:ID,ID, "
            f"experiment:{'|'.join(EXPERIMENTS)}, lesson:ID or an https:// address)"
        )
    targets = tuple(part.strip() for part in rest.split(","))
    _check_targets(kind, targets, url)
    return Link(kind, targets)


def _check_targets(kind: str, targets: tuple[str, ...], url: str) -> None:
    if kind in ("preset", "compare"):
        unknown = [t for t in targets if t not in PRESETS]
        if unknown:
            raise LinkError(f"'{url}': '{unknown[0]}' is not a preset (presets: {', '.join(PRESETS)})")
        wanted = 1 if kind == "preset" else 2
        if (kind == "preset" and len(targets) != 1) or len(targets) < wanted:
            raise LinkError(
                f"'{url}': {kind}: takes {'one preset' if wanted == 1 else 'two or more presets'}"
            )
    elif kind == "experiment":
        if targets not in tuple((e,) for e in EXPERIMENTS):
            raise LinkError(f"'{url}': the experiments are {', '.join(EXPERIMENTS)}")
    elif len(targets) != 1 or not _LESSON_ID.match(targets[0]):
        raise LinkError(f"'{url}': lesson: takes one lesson id, like lesson:L04")


__all__ = ["EXPERIMENTS", "KINDS", "Link", "LinkError", "parse_link"]
