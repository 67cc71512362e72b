"""The Korean translation sources are complete and current, and the shipped ``.qm`` is built
from them as they are.

The interface's text is split into three areas, one Qt Linguist source each
(``resources/translations/ko/<area>.ts``; packaging/update-translations.sh lists the same
files): ``training`` (ui/training, ui/experiments), ``teaching`` (ui/lessons, ui/exercises,
ui/compare) and ``app`` (the rest of ui and app.py). Each area's contexts are its own.
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
SHIPPED_QM = TRANSLATIONS / "cnnstudio_ko.qm"
TOOLS = Path(sys.executable).parent
AREA_FOLDERS = {
    "training": ("cnnstudio/ui/training", "cnnstudio/ui/experiments"),
    "teaching": ("cnnstudio/ui/lessons", "cnnstudio/ui/exercises", "cnnstudio/ui/compare"),
}
AREA_CONTEXTS = {"training": ("Training", "Experiments"), "teaching": ("Lessons", "Exercises", "Compare")}
AREAS = ("app", "training", "teaching")


def area_files(area: str) -> list[str]:
    """The Python files of *area*, as update-translations.sh lists them."""
    if area in AREA_FOLDERS:
        return sorted(str(path) for folder in AREA_FOLDERS[area] for path in (ROOT / folder).rglob("*.py"))
    others = {Path(folder).name for folders in AREA_FOLDERS.values() for folder in folders}
    ui = ROOT / "cnnstudio" / "ui"
    files = [path for path in ui.rglob("*.py") if path.relative_to(ui).parts[0] not in others]
    return [str(ROOT / "cnnstudio" / "app.py"), *sorted(map(str, files))]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """``(context, source) -> <message>`` of a Qt Linguist file."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def source(area: str) -> Path:
    return TRANSLATIONS / "ko" / f"{area}.ts"


def tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return str(path)


@pytest.mark.parametrize("area", AREAS)
def test_every_message_is_translated(area):
    found = messages(source(area))
    assert len(found) > 100
    unfinished = [key for key, message in found.items() if message.find("translation").get("type")]
    assert unfinished == []
    empty = [key for key, message in found.items() if not (message.findtext("translation") or "").strip()]
    assert empty == []


@pytest.mark.parametrize("area", AREAS)
def test_translations_keep_placeholders_accelerators_and_ellipses(area):
    wrong = []
    for (context, text), message in messages(source(area)).items():
        korean = message.findtext("translation")
        if sorted(re.findall(r"\{\w+[^}]*\}", text)) != sorted(re.findall(r"\{\w+[^}]*\}", korean)):
            wrong.append((context, text, "placeholders"))
        key = re.search(r"&(\w)", text.replace("&&", ""))
        if key and f"(&{key.group(1).upper()})" not in korean and f"&{key.group(1)}" not in korean:
            wrong.append((context, text, "accelerator"))  # 파일(&F)
        if text.endswith("…") != korean.endswith("…"):
            wrong.append((context, text, "ellipsis"))
    assert wrong == []


@pytest.mark.parametrize("area", ["training", "teaching"])
def test_each_areas_contexts_are_its_own(area):
    assert [key for key in messages(source(area)) if not key[0].startswith(AREA_CONTEXTS[area])] == []


@pytest.mark.parametrize("area", AREAS)
def test_the_source_is_current_with_the_code(area, tmp_path):
    fresh = tmp_path / f"{area}.ts"
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*command, *area_files(area), "-ts", str(fresh)], check=True, cwd=ROOT, timeout=120)
    assert set(messages(fresh)) == set(messages(source(area))), "run make translations"


def test_the_core_words_module_is_current():
    assert core_texts_path().read_text(encoding="utf-8") == core_texts_source(), "run make translations"


def test_the_shipped_qm_is_built_from_the_sources(tmp_path):
    built = tmp_path / "cnnstudio_ko.qm"
    sources = sorted(str(path) for path in (TRANSLATIONS / "ko").glob("*.ts"))
    assert [Path(path).stem for path in sources] == sorted(AREAS)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", *sources, "-qm", str(built)], check=True, timeout=120
    )
    assert built.read_bytes() == SHIPPED_QM.read_bytes(), "run make translations"
