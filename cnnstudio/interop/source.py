"""Copying definitions out of this package's own source files into the files it writes.

The exported code's blocks (:mod:`.model_parts`) and the training script's data loading and
loop (:mod:`.train_parts`) are real modules, linted and tested like the rest of CNN Studio. The
exporters paste the top-level definitions a file needs, found with :mod:`ast` together with
every definition they use, in the order the source file has them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Definition:
    """One top-level ``def``, ``class`` or assignment: its text and the top-level names it uses."""

    name: str
    text: str
    uses: frozenset[str]


@cache
def definitions(module_file: str) -> dict[str, Definition]:
    """Every top-level definition of the package file *module_file*, in source order."""
    source = files("cnnstudio.interop").joinpath(module_file).read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    found: dict[str, Definition] = {}
    for statement in tree.body:
        name = _defined_name(statement)
        if name is None:
            continue
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", []))])
        text = "\n".join(lines[first - 1 : statement.end_lineno])
        used = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
        found[name] = Definition(name, text, frozenset(used))
    return found


def _defined_name(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.FunctionDef | ast.ClassDef):
        return statement.name
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id
    return None


def needed(module_file: str, names: set[str] | list[str]) -> list[Definition]:
    """The definitions *names* and all they use (recursively), in source order."""
    available = definitions(module_file)
    wanted: set[str] = set()
    stack = [n for n in names if n in available]
    while stack:
        name = stack.pop()
        if name in wanted:
            continue
        wanted.add(name)
        stack.extend(n for n in available[name].uses if n in available and n not in wanted)
    missing = set(names) - set(available)
    if missing:
        raise KeyError(f"{module_file} defines no {', '.join(sorted(missing))}")
    return [d for name, d in available.items() if name in wanted]


def join(definitions_: list[Definition]) -> str:
    """The definitions' text separated by two blank lines."""
    return "\n\n\n".join(d.text for d in definitions_)
