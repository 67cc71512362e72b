"""What the compare view calls things, in the app's language.

The comparing package names networks, comparisons and stages in English (a preset's English
title, ``"head"``); the view shows a preset by its Korean title when the app speaks Korean, a
ready-made comparison by its Korean title, and the head as the app's word for it. Sentences
the comparing package writes (ratios in words, a ready-made comparison's note) go through
:func:`~cnnstudio.ui.language.core_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...comparing import READY_MADE, Comparison, NetworkFigures, ReadyMade
from ...comparing.stages import HEAD
from ...core import PRESETS
from ..language import ui_language


def korean() -> bool:
    return ui_language() == "ko"


def ready_made_tip(entry: ReadyMade) -> str:
    """What a ready-made comparison puts side by side (in English, with its Korean title)."""
    presets = " vs ".join(preset_title(p) for p in entry.presets)
    return presets if korean() else f"{presets}  ·  {entry.title_ko}"


def shown_label(network: NetworkFigures) -> str:
    """*network*'s label as the view shows it: a pinned preset by its title in the app's
    language (``LeNet-5 (2)`` keeps its number); any other label as it is."""
    entry = PRESETS.get(network.source)
    if entry is None or not korean() or not entry.title_ko:
        return network.label
    if network.label == entry.title:
        return entry.title_ko
    if network.label.startswith(f"{entry.title} ("):
        return entry.title_ko + network.label[len(entry.title) :]
    return network.label


def preset_title(preset_id: str) -> str:
    """The preset's title in the app's language."""
    entry = PRESETS[preset_id]
    return entry.title_ko if korean() and entry.title_ko else entry.title


def comparison_title(comparison: Comparison) -> str:
    """A ready-made comparison's title in the app's language; else the labels joined by "vs"."""
    entry = READY_MADE.get(comparison.id) if comparison.id else None
    if entry is not None:
        return ready_made_title(entry)
    return " vs ".join(shown_label(network) for network in comparison.networks)


def ready_made_title(entry: ReadyMade) -> str:
    """A ready-made comparison's title in the app's language."""
    return entry.title_ko if korean() and entry.title_ko else entry.title


def stage_name(key: str) -> str:
    """A stage key as shown: the head in the app's language (``head`` -> ``헤드``), sizes as they are."""
    if key == HEAD or key.startswith(f"{HEAD} ("):
        return QCoreApplication.translate("CompareCharts", "head") + key[len(HEAD) :]
    return key


__all__ = [
    "comparison_title",
    "preset_title",
    "ready_made_tip",
    "ready_made_title",
    "shown_label",
    "stage_name",
]
