"""The test suite's own rule: shared helpers live in ``tests/support`` (fixtures registered in
``conftest.py``), so no test module imports another test module or a conftest.

Importing a test module runs its module-level code a second time under another name, makes its
fixtures collide or silently apply elsewhere (an imported autouse fixture is live in the importer),
and ties one test file's meaning to another's edits.
"""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(tree: ast.AST, package: str | None) -> set[str]:
    """Every module an ``import`` statement in *tree* names (anywhere, functions included);
    relative imports are resolved against *package*."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level and package:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def stems_of_test_modules(patterns: list[str]) -> set[str]:
    """The names the test modules and conftests under ``tests/`` are imported by (their stems)."""
    return {
        path.stem
        for path in TESTS.rglob("*.py")
        if path.stem == "conftest" or any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)
    }


def names_a_test_module(name: str, test_modules: set[str]) -> bool:
    """Whether a dotted module name has a part that is one of *test_modules*."""
    return any(part in test_modules for part in name.split("."))


def test_no_test_module_imports_another_test_module(pytestconfig):
    test_modules = stems_of_test_modules(pytestconfig.getini("python_files"))
    assert {"conftest", "test_suite_layout", "test_data_download"} <= test_modules
    offences = []
    for path in sorted(TESTS.rglob("*.py")):
        package = path.parent.name if (path.parent / "__init__.py").exists() else None
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name in sorted(imported_modules(tree, package)):
            if names_a_test_module(name, test_modules):
                offences.append(f"{path.relative_to(TESTS)} imports {name}")
    assert offences == [], "share helpers through tests/support, not test modules:\n" + "\n".join(offences)


def test_the_check_sees_imports_of_test_modules_anywhere():
    source = (
        "import os\n"
        "from support.training import small_net\n"
        "def f():\n"
        "    from test_other import helper\n"
        "import tests.test_x as x\n"
        "from conftest import thing\n"
        "from hypothesis.stateful import run_state_machine_as_test\n"
    )
    found = imported_modules(ast.parse(source), None)
    test_modules = {"conftest", "test_other", "test_x"}
    flagged = sorted(name for name in found if names_a_test_module(name, test_modules))
    assert flagged == ["conftest", "conftest.thing", "test_other", "test_other.helper", "tests.test_x"]
