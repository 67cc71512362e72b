"""cnnstudio.core imports neither Qt nor torch and keeps no mutable state shared by its callers;
importing cnnstudio does not import torch."""

import ast
import subprocess
import sys
from pathlib import Path

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


# -- no module-level mutable state in the core ------------------------------------------------

MUTABLE_CALLS = {"dict", "list", "set", "bytearray", "defaultdict", "deque", "OrderedDict", "Counter"}
MUTABLE_NODES = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
REGISTRIES = {("blocks.py", "_REGISTRY")}
"""Filled while the core is imported (one entry per block type), read-only afterwards through
``BLOCK_TYPES``; the test below checks that it is sealed."""


def _core_modules():
    import cnnstudio.core

    return sorted(Path(cnnstudio.core.__file__).parent.glob("*.py"))


def _mutable(value: ast.expr | None) -> bool:
    if isinstance(value, MUTABLE_NODES):
        return True
    if isinstance(value, ast.Call):
        name = value.func.id if isinstance(value.func, ast.Name) else getattr(value.func, "attr", "")
        return name in MUTABLE_CALLS
    return False


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    scopes = [tree.body] + [node.body for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    for body in scopes:
        for statement in body:
            targets = []
            if isinstance(statement, ast.Assign) and _mutable(statement.value):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign) and _mutable(statement.value):
                targets = [statement.target]
            for target in targets:
                name = getattr(target, "id", ast.unparse(target))
                if (path.name, name) not in REGISTRIES:
                    found.append(
                        f"{path.name}:{statement.lineno} {name} holds a mutable {type(statement.value).__name__}"
                    )
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"{path.name}:{node.lineno} rebinds module state with 'global'")
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                text = ast.unparse(decorator)
                if "cache" in text:
                    found.append(f"{path.name}:{node.lineno} {node.name} keeps a process-wide cache ({text})")
            defaults = node.args.defaults + [d for d in node.args.kw_defaults if d is not None]
            found += [
                f"{path.name}:{node.lineno} {node.name} has a mutable default"
                for d in defaults
                if _mutable(d)
            ]
    return found


def test_the_core_keeps_no_mutable_state_at_module_or_class_level():
    """Every memo belongs to an object with an owner (an Analyzer); constants are immutable."""
    problems = [problem for path in _core_modules() for problem in _problems(path)]
    assert problems == []


def test_the_check_finds_the_module_level_caches_it_forbids(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "_ROWS = {}\nCACHE: dict = dict()\nclass Memo:\n    seen = []\n"
        "from functools import cache\n@cache\ndef f(x=[]):\n    global _ROWS\n",
        encoding="utf-8",
    )
    assert len(_problems(bad)) == 6


def test_the_block_registry_is_read_only():
    from cnnstudio.core import BLOCK_TYPES

    with pytest.raises(TypeError):
        BLOCK_TYPES["capsule"] = BLOCK_TYPES["relu"]  # type: ignore[index]
