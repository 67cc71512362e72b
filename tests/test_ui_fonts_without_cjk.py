"""Korean is drawn with the shipped font on a machine that has no CJK font of its own.

This machine may have CJK fonts installed, so the test starts a fresh process whose fontconfig
sees only a Latin font folder: there, before start-up no font can draw Hangul, and after
:func:`~cnnstudio.ui.fonts.install_fonts` Korean text in the application font is drawn with
Nanum Gothic's real glyphs (no empty boxes, whose glyph index is 0).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

LATIN_ONLY_FOLDERS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")

PROBE = """
import json
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication
from cnnstudio.ui.fonts import install_fonts

app = QApplication([])
before = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
family = install_fonts(app)
layout = QTextLayout("한국어 강의", app.font())
layout.beginLayout()
layout.createLine()
layout.endLayout()
runs = [
    (run.rawFont().familyName(), list(run.glyphIndexes()))
    for run in layout.glyphRuns()
]
print(json.dumps({"before": before, "family": family, "runs": runs}))
"""


def _latin_only_fontconfig(tmp_path: Path) -> Path:
    folder = next((f for f in LATIN_ONLY_FOLDERS if Path(f).is_dir()), None)
    if folder is None:
        pytest.skip("no Latin-only system font folder to build a CJK-free font set from")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


def test_korean_is_drawn_with_the_shipped_font_where_the_system_has_no_cjk_font(tmp_path):
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(_latin_only_fontconfig(tmp_path)),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["before"] == []  # the system alone cannot draw Hangul here
    assert probe["family"] == "NanumGothic"
    hangul_runs = [(family, glyphs) for family, glyphs in probe["runs"] if family == "NanumGothic"]
    assert hangul_runs, probe["runs"]
    assert all(glyph != 0 for _family, glyphs in hangul_runs for glyph in glyphs)
