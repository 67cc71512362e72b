"""Exercise files (``*.cnnstudio-exercise.json``) and answer files (``*.cnnstudio-answers.json``).

An exercise file is JSON::

    {
      "format": "cnnstudio-exercise",
      "version": 1,
      "id": "cut-5x5-cost",
      "lesson": "L06",
      "title": {"en": "Make the 5x5 convolution cheap", "ko": "5x5 합성곱의 비용 줄이기"},
      "instructions": {"en": "...", "ko": "..."},
      "start": {"preset": "conv5x5-naive"},
      "locked": ["conv"],
      "target": {"conditions": ["output = 28x28x32", "macs < 15M"]}
    }

``start`` is the network the student begins with: ``{"preset": ID}``, ``{"input": "32x32x1"}``
(only an Input block, H x W x C), ``{"network": {...}}`` (a network file's object), or left out
for an empty canvas. ``locked`` names layers of the start network the student may not change
(the app refuses the edits; the checker refuses a file where they changed). ``target`` is one of:

* ``{"rebuild": {"preset": ID, "until": LAYER}}`` or ``{"rebuild": {"network": {...}}}``: the
  student rebuilds that network (up to and including ``until``, if given), compared layer by
  layer; names do not matter, types, settings, wiring and shapes do;
* ``{"conditions": [...]}``: conditions on the student's network, in the language of
  :mod:`cnnstudio.teaching.conditions`;
* ``{"predict": [{"layer": "conv1", "ask": ["shape", "params", "macs"]}, ...]}``: the student
  types each asked value for a layer of the start network before the app reveals it.

A predict exercise is answered with an answers file::

    {"format": "cnnstudio-answers", "version": 1, "exercise": "predict-lenet5",
     "answers": {"conv1": {"shape": "28x28x6", "params": 156, "macs": "117,600"}}}

Both are untrusted input: read with the bounded reader of :mod:`cnnstudio.core.jsonfile`, and
refused with one :class:`ExerciseError` naming the file and the field at fault.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..core import Network, summarize
from ..core.atomic import atomic_write
from ..core.blocks import BLOCK_TYPES
from ..core.fileformat import from_dict
from ..core.jsonfile import FileFormatError, parse_json, printable, read_text, unprintable
from ..core.presets import PRESETS, preset
from .conditions import Condition, ConditionError, parse_condition
from .messages import LANGUAGES
from .quantities import parse_shape

FORMAT = "cnnstudio-exercise"
ANSWERS_FORMAT = "cnnstudio-answers"
VERSION = 1
SUFFIX = ".cnnstudio-exercise.json"
ANSWERS_SUFFIX = ".cnnstudio-answers.json"
MAX_EXERCISE_BYTES = 5_000_000
MAX_ITEMS = 1_000
"""The most conditions, questions or locked layers an exercise may list."""
KINDS = ("rebuild", "conditions", "predict")
ASKABLE = ("shape", "params", "macs")
FIELDS = ("format", "version", "id", "lesson", "title", "instructions", "start", "locked", "target")


class ExerciseError(ValueError):
    """An exercise or answers file that cannot be used; one line naming the file and field."""


@dataclass(frozen=True)
class Question:
    """A predict exercise's question: the values of *layer* the student must give."""

    layer: str
    ask: tuple[str, ...]


@dataclass(frozen=True)
class Exercise:
    """An exercise, checked and ready to grade.

    Attributes
    ----------
    id : str
        Names it in reports and in answer files.
    kind : str
        ``"rebuild"``, ``"conditions"`` or ``"predict"``.
    start : Network
        The network the student starts from (possibly empty); use :meth:`start_network`
        for a copy to edit.
    locked : tuple of str
        Layers of *start* the student may not change.
    target : Network or None
        For ``rebuild``: the network to match (already cut at ``until``).
    target_name : str
        How hints name the target ("AlexNet").
    conditions : tuple of Condition
        For ``conditions``.
    questions : tuple of Question
        For ``predict``.
    lesson : str or None
        The lesson the exercise belongs to.
    """

    id: str
    kind: str
    titles: dict[str, str]
    instructions: dict[str, str]
    start: Network
    locked: tuple[str, ...] = ()
    target: Network | None = None
    target_name: str = ""
    conditions: tuple[Condition, ...] = ()
    questions: tuple[Question, ...] = ()
    lesson: str | None = None
    path: str = field(default="<exercise>", repr=False)

    def title(self, lang: str = "en") -> str:
        """The title in *lang*, or in English where it has none."""
        return self.titles.get(lang) or self.titles["en"]

    def instruction(self, lang: str = "en") -> str:
        """The instructions in *lang*, or in English where it has none."""
        return self.instructions.get(lang) or self.instructions["en"]

    def start_network(self) -> Network:
        """A fresh copy of the start network, for the student to edit."""
        return self.start.copy()


@dataclass(frozen=True)
class Answers:
    """A student's answers to a predict exercise: ``answers[layer][quantity]`` as typed."""

    exercise: str
    answers: dict[str, dict[str, str]]
    path: str = field(default="<answers>", repr=False)


def packaged_exercises() -> list[Path]:
    """The exercise files that come with CNN Studio, by name."""
    folder = Path(str(files("cnnstudio.resources"))) / "exercises"
    return sorted(folder.glob(f"*{SUFFIX}"))


def load_exercise(path: str | os.PathLike[str]) -> Exercise:
    """Read an exercise file; :class:`ExerciseError` saying what is wrong."""
    shown = printable(os.fspath(path), 200, quote=False)
    data = _read(path, shown, "exercise")
    try:
        return exercise_from_dict(data, shown)
    except FileFormatError as error:
        raise ExerciseError(f"{shown}: {error}") from None


def load_answers(path: str | os.PathLike[str]) -> Answers:
    """Read an answers file; :class:`ExerciseError` saying what is wrong."""
    shown = printable(os.fspath(path), 200, quote=False)
    data = _read(path, shown, "answers file")
    try:
        return answers_from_dict(data, shown)
    except FileFormatError as error:
        raise ExerciseError(f"{shown}: {error}") from None


def _read(path: str | os.PathLike[str], shown: str, what: str) -> Any:
    try:
        return parse_json(read_text(path, MAX_EXERCISE_BYTES), MAX_EXERCISE_BYTES)
    except FileFormatError as error:
        raise ExerciseError(f"{shown}: cannot read the {what}: {error}") from None


# -- exercises ------------------------------------------------------------------------------


def exercise_from_dict(data: Any, path: str = "<exercise>") -> Exercise:
    """Build an :class:`Exercise` from parsed JSON, checking every field
    (:class:`~cnnstudio.core.jsonfile.FileFormatError` naming the field otherwise)."""
    _check_header(data, FORMAT, "an exercise")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise FileFormatError(f"unknown fields: {', '.join(printable(k, 30) for k in unknown[:5])}")
    exercise_id = _name(data, "id")
    lesson = _name(data, "lesson") if "lesson" in data else None
    titles = _texts(data, "title", one_line=True)
    instructions = _texts(data, "instructions")
    start = _start(data.get("start"))
    locked = _locked(data.get("locked", []), start)
    target = _require(data, "target", dict, "target")
    kinds = [kind for kind in KINDS if kind in target]
    if len(kinds) != 1 or len(target) != 1:
        raise FileFormatError(f"'target' must hold exactly one of {', '.join(KINDS)}")
    kind = kinds[0]
    common = {"titles": titles, "instructions": instructions, "start": start, "locked": locked}
    extra = _TARGETS[kind](target[kind], start)
    return Exercise(exercise_id, kind, lesson=lesson, path=path, **common, **extra)


def _rebuild(spec: Any, start: Network) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise FileFormatError(f"'target.rebuild' must be an object, got {_kind(spec)}")
    unknown = sorted(set(spec) - {"preset", "network", "until", "name"})
    if unknown or ("preset" in spec) == ("network" in spec):
        raise FileFormatError(
            "'target.rebuild' takes a 'preset' or a 'network', an optional 'until' and 'name'"
        )
    network = _network(spec, "target.rebuild")
    until = spec.get("until")
    if until is not None:
        network = _cut(network, _text(spec, "until", "target.rebuild"))
    name = _text(spec, "name", "target.rebuild") if "name" in spec else network.name
    return {"target": network, "target_name": name or "the target"}


def _conditions(spec: Any, start: Network) -> dict[str, Any]:
    items = _list(spec, "target.conditions")
    conditions = []
    for i, text in enumerate(items):
        if not isinstance(text, str):
            raise FileFormatError(f"'target.conditions[{i}]' must be text, got {_kind(text)}")
        try:
            conditions.append(parse_condition(text))
        except ConditionError as error:
            raise FileFormatError(f"'target.conditions[{i}]': {error}") from None
    return {"conditions": tuple(conditions)}


def _predict(spec: Any, start: Network) -> dict[str, Any]:
    items = _list(spec, "target.predict")
    paths = {row.path for row in summarize(start).all_rows()}
    questions = []
    for i, item in enumerate(items):
        where = f"target.predict[{i}]"
        if not isinstance(item, dict) or set(item) != {"layer", "ask"}:
            raise FileFormatError(f"'{where}' must be an object with 'layer' and 'ask'")
        layer = _text(item, "layer", where)
        if layer not in paths:
            raise FileFormatError(f"'{where}.layer': the start network has no layer {printable(layer)}")
        ask = _list(item["ask"], f"{where}.ask")
        if not ask or any(a not in ASKABLE for a in ask) or len(set(ask)) != len(ask):
            raise FileFormatError(f"'{where}.ask' must list some of {', '.join(ASKABLE)}, each once")
        questions.append(Question(layer, tuple(ask)))
    return {"questions": tuple(questions)}


_TARGETS = {"rebuild": _rebuild, "conditions": _conditions, "predict": _predict}


def _start(spec: Any) -> Network:
    if spec is None:
        return Network("Untitled")
    if not isinstance(spec, dict) or len(spec) != 1 or not {"preset", "input", "network"} & set(spec):
        raise FileFormatError('\'start\' must be {"preset": ID}, {"input": "HxWxC"} or {"network": {...}}')
    if "input" in spec:
        shape = parse_shape(_text(spec, "input", "start"))
        if shape is None or len(shape) != 3:
            raise FileFormatError("'start.input' must be a shape H x W x C, like 32x32x1")
        params = dict(zip(("channels", "height", "width"), shape, strict=True))
        problems = BLOCK_TYPES["input"].param_problems(params)
        if problems:
            raise FileFormatError(f"'start.input': {problems[0]}")
        network = Network("Untitled")
        network.add_node("input", params, "input")
        return network
    return _network(spec, "start")


def _network(spec: dict, where: str) -> Network:
    if "preset" in spec:
        preset_id = _text(spec, "preset", where)
        if preset_id not in PRESETS:
            raise FileFormatError(f"'{where}.preset': {printable(preset_id)} is not a preset")
        return preset(preset_id)
    try:
        return from_dict(spec["network"])
    except FileFormatError as error:
        raise FileFormatError(f"'{where}.network': {error}") from None


def _cut(network: Network, until: str) -> Network:
    """*network*'s layer *until* and every layer it depends on, in their order."""
    last = network.find(until)
    if last is None:
        raise FileFormatError(f"'target.rebuild.until': {network.name} has no layer {printable(until)}")
    keep, stack = set(), [last.id]
    while stack:
        node_id = stack.pop()
        if node_id not in keep:
            keep.add(node_id)
            stack.extend(network.node(node_id).inputs)
    return Network.from_nodes(network.name, [n for n in network.nodes if n.id in keep])


def _locked(spec: Any, start: Network) -> tuple[str, ...]:
    names = _list(spec, "locked")
    for i, name in enumerate(names):
        if not isinstance(name, str) or start.find(name) is None:
            raise FileFormatError(f"'locked[{i}]': the start network has no layer {printable(str(name))}")
    return tuple(names)


# -- answers --------------------------------------------------------------------------------


def answers_from_dict(data: Any, path: str = "<answers>") -> Answers:
    """Build :class:`Answers` from parsed JSON, checking every field."""
    _check_header(data, ANSWERS_FORMAT, "an answers file")
    unknown = sorted(set(data) - {"format", "version", "exercise", "answers"})
    if unknown:
        raise FileFormatError(f"unknown fields: {', '.join(printable(k, 30) for k in unknown[:5])}")
    exercise = _name(data, "exercise")
    layers = _require(data, "answers", dict, "answers")
    if len(layers) > MAX_ITEMS:
        raise FileFormatError(f"'answers' has {len(layers):,} layers; at most {MAX_ITEMS:,} are allowed")
    answers: dict[str, dict[str, str]] = {}
    for layer, values in layers.items():
        where = f"answers.{printable(layer, 30, quote=False)}"
        if not isinstance(values, dict) or not set(values) <= set(ASKABLE):
            raise FileFormatError(f"'{where}' must be an object of {', '.join(ASKABLE)}")
        answers[layer] = {key: _answer(value, f"{where}.{key}") for key, value in values.items()}
    return Answers(exercise, answers, path)


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    """The JSON-ready form of *answers* (what :func:`answers_from_dict` reads back)."""
    return {
        "format": ANSWERS_FORMAT,
        "version": VERSION,
        "exercise": answers.exercise,
        "answers": {layer: dict(values) for layer, values in answers.answers.items()},
    }


def save_answers(answers: Answers, path: str | os.PathLike[str]) -> None:
    """Write *answers* to *path* atomically (``OSError`` leaves *path* as it was)."""
    text = json.dumps(answers_to_dict(answers), indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text)


def _answer(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise FileFormatError(f"'{where}' must be text or a whole number, got {_kind(value)}")
    text = str(value) if isinstance(value, int) else value
    if len(text) > 100 or unprintable(text):
        raise FileFormatError(f"'{where}' is not an answer one line can show")
    return text


# -- fields ---------------------------------------------------------------------------------


def _check_header(data: Any, fmt: str, what: str) -> None:
    if not isinstance(data, dict):
        raise FileFormatError(f"the file must hold a JSON object, not {_kind(data)}")
    if data.get("format") != fmt:
        raise FileFormatError(f"'format' must be \"{fmt}\": this is not {what}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError("'version' must be a whole number from 1")
    if version > VERSION:
        raise FileFormatError(f"'version' is {version}, newer than this CNN Studio reads (up to {VERSION})")


def _require(data: dict, key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise FileFormatError(f"'{where}' is missing")
    value = data[key]
    if not isinstance(value, kind):
        raise FileFormatError(
            f"'{where}' must be {'an object' if kind is dict else 'text'}, got {_kind(value)}"
        )
    return value


def _text(data: dict, key: str, where: str) -> str:
    field_name = f"{where}.{key}"
    value = _require(data, key, str, field_name)
    if not value.strip() or unprintable(value):
        raise FileFormatError(f"'{field_name}' must be text on one line, not empty")
    return value


def _name(data: dict, key: str) -> str:
    value = _require(data, key, str, key)
    if not value.strip() or unprintable(value) or len(value) > 100:
        raise FileFormatError(f"'{key}' must be a short name on one line")
    return value


def _texts(data: dict, key: str, one_line: bool = False) -> dict[str, str]:
    """``{"en": ..., "ko": ...}``: English required, every value text (on one line if
    *one_line*)."""
    value = _require(data, key, dict, key)
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise FileFormatError(
            f"'{key}' has texts in {', '.join(LANGUAGES)} only, not {printable(unknown[0], 20)}"
        )
    if not isinstance(value.get("en"), str) or not value["en"].strip():
        raise FileFormatError(f"'{key}.en' is missing: every exercise has an English text")
    for lang, text in value.items():
        if not isinstance(text, str):
            raise FileFormatError(f"'{key}.{lang}' must be text, got {_kind(text)}")
        if one_line and (unprintable(text) or len(text) > 200):
            raise FileFormatError(f"'{key}.{lang}' must be a short text on one line")
    return dict(value)


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise FileFormatError(f"'{where}' must be a list, got {_kind(value)}")
    if len(value) > MAX_ITEMS:
        raise FileFormatError(f"'{where}' has {len(value):,} entries; at most {MAX_ITEMS:,} are allowed")
    return value


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", type(None): "null", str: "text"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


__all__ = [
    "ANSWERS_SUFFIX",
    "ASKABLE",
    "FORMAT",
    "KINDS",
    "SUFFIX",
    "Answers",
    "Exercise",
    "ExerciseError",
    "Question",
    "answers_from_dict",
    "answers_to_dict",
    "exercise_from_dict",
    "load_answers",
    "load_exercise",
    "packaged_exercises",
    "save_answers",
]
