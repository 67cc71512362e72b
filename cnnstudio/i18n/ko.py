"""Korean: every entry of the catalog, gathered from the modules that hold them by area."""

from __future__ import annotations

from . import (
    ko_cli,
    ko_comparing,
    ko_core,
    ko_data,
    ko_formulas,
    ko_interop,
    ko_presets,
    ko_teaching,
    ko_training,
)

ENTRIES = (
    *ko_core.ENTRIES,
    *ko_presets.ENTRIES,
    *ko_formulas.ENTRIES,
    *ko_data.ENTRIES,
    *ko_training.ENTRIES,
    *ko_interop.ENTRIES,
    *ko_comparing.ENTRIES,
    *ko_teaching.ENTRIES,
    *ko_cli.ENTRIES,
)
"""``(English template, Korean template)`` pairs, each English template once."""
