"""Colours and style sheets are named once, in cnnstudio/ui/style.py; boxes fit the core's grid."""

from __future__ import annotations

import re
from pathlib import Path

import cnnstudio.ui
from cnnstudio.core import layout
from cnnstudio.ui.canvas import style as diagram

UI = Path(cnnstudio.ui.__file__).parent
COLOUR_LITERAL = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\d|QColor\(\s*\"|setStyleSheet\(\s*f?\"[^\"]")


def test_no_ui_module_but_style_holds_a_colour_or_a_style_sheet():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI)
        if relative.name == "style.py" and relative.parent == Path():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if COLOUR_LITERAL.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


def test_boxes_fit_the_grid_the_core_lays_networks_out_on():
    assert diagram.NODE_WIDTH < layout.COLUMN_WIDTH and diagram.NODE_HEIGHT < layout.ROW_HEIGHT
    assert (diagram.COLUMN_WIDTH, diagram.ROW_HEIGHT) == (layout.COLUMN_WIDTH, layout.ROW_HEIGHT)
