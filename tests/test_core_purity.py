"""cnnstudio.core imports neither Qt nor torch; importing cnnstudio does not import torch."""

import subprocess
import sys

import pytest

HEAVY = ("torch", "PySide6", "pyqtgraph", "numpy")


def modules_after_import(module):
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize("module", ["cnnstudio.core", "cnnstudio"])
def test_the_core_pulls_in_no_heavy_library(module):
    loaded = modules_after_import(module)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_no_core_source_file_imports_qt_or_torch():
    from pathlib import Path

    import cnnstudio.core

    folder = Path(cnnstudio.core.__file__).parent
    for path in folder.glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                assert words[1].split(".")[0] not in HEAVY, f"{path.name}: {line}"


def test_the_training_package_imports_torch_only_when_training():
    loaded = modules_after_import("cnnstudio.training")
    assert "torch" not in loaded
    code = "import sys, cnnstudio.training as t; t.training_problem; t.TrainSettings; print('torch' in sys.modules)"
    assert (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        == "False"
    )
