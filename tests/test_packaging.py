"""The package layout: every subpackage is installed, resources are reachable as package data."""

import tomllib
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "cnnstudio").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    assert found <= listed, sorted(found - listed)


def test_resources_folder_is_the_cnnstudio_resources_package():
    assert Path(str(files("cnnstudio.resources"))).resolve() == (ROOT / "resources").resolve()


def test_readme_has_the_two_setup_commands_and_ci_calls_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
