"""The app area's Korean translation source (``resources/translations/ko/app.ts``) is complete
and current, and the shipped ``cnnstudio_ko.qm`` is built from the sources as they are.

The app area is cnnstudio/app.py and cnnstudio/ui except the training, experiments, lessons,
exercises and compare packages (packaging/update-translations.sh).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cnnstudio.ui.terms import core_texts_path, core_texts_source

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
APP_TS = TRANSLATIONS / "ko" / "app.ts"
SHIPPED_QM = TRANSLATIONS / "cnnstudio_ko.qm"
OTHER_AREAS = ("training", "experiments", "lessons", "exercises", "compare")
TOOLS = Path(sys.executable).parent


def app_area_files() -> list[str]:
    """The app area's Python files, as update-translations.sh lists them."""
    ui = ROOT / "cnnstudio" / "ui"
    files = [path for path in ui.rglob("*.py") if path.relative_to(ui).parts[0] not in OTHER_AREAS]
    return [str(ROOT / "cnnstudio" / "app.py"), *sorted(map(str, files))]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """``(context, source) -> <message>`` of a Qt Linguist file."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return str(path)


def test_every_message_is_translated():
    found = messages(APP_TS)
    assert len(found) > 400
    unfinished = [key for key, message in found.items() if message.find("translation").get("type")]
    assert unfinished == []
    empty = [key for key, message in found.items() if not (message.findtext("translation") or "").strip()]
    assert empty == []


def test_translations_keep_placeholders_accelerators_and_ellipses():
    wrong = []
    for (context, source), message in messages(APP_TS).items():
        korean = message.findtext("translation")
        if sorted(re.findall(r"\{\w+\}", source)) != sorted(re.findall(r"\{\w+\}", korean)):
            wrong.append((context, source, "placeholders"))
        key = re.search(r"&(\w)", source.replace("&&", ""))
        if key and f"(&{key.group(1).upper()})" not in korean:
            wrong.append((context, source, "accelerator"))  # 파일(&F)
        if source.endswith("…") != korean.endswith("…"):
            wrong.append((context, source, "ellipsis"))
    assert wrong == []


def test_the_source_is_current_with_the_code(tmp_path):
    fresh = tmp_path / "app.ts"
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*command, *app_area_files(), "-ts", str(fresh)], check=True, cwd=ROOT, timeout=120)
    assert set(messages(fresh)) == set(messages(APP_TS)), "run make translations"


def test_the_core_words_module_is_current():
    assert core_texts_path().read_text(encoding="utf-8") == core_texts_source(), "run make translations"


def test_the_shipped_qm_is_built_from_the_sources(tmp_path):
    built = tmp_path / "cnnstudio_ko.qm"
    sources = sorted(str(path) for path in (TRANSLATIONS / "ko").glob("*.ts"))
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", *sources, "-qm", str(built)], check=True, timeout=120
    )
    assert built.read_bytes() == SHIPPED_QM.read_bytes(), "run make translations"
