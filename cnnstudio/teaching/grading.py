"""The exercise checker: does the student's network (or answer file) do what the exercise asks?

:func:`grade` gives a :class:`Verdict`: passed or not, and in words the first thing that is
wrong, in the student's language. A rebuild is compared with its target layer by layer, in the
order data flows, and the hint names the student's own layer and what the target has there:
"your conv3 gives 13x13x256; AlexNet's has 384 filters". :func:`check_answer` checks one
typed prediction, for the app to reveal the value and its arithmetic after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core import Network, summarize
from ..core.analysis import LayerRow
from ..core.blocks import BLOCK_TYPES
from ..core.windows import ShapeProblem, resolve_padding
from .conditions import Probe
from .exercises import Answers, Exercise
from .messages import say
from .quantities import number_text, parse_number, parse_shape, shape_text

_COLUMNS = {"shape": "output_shape", "params": "params", "macs": "macs"}


@dataclass(frozen=True)
class Verdict:
    """The checker's answer.

    Attributes
    ----------
    passed : bool
        The work does what the exercise asks.
    message : str
        What passed, or the first thing wrong, in words.
    details : tuple of str
        For a predict exercise, one line per answer.
    """

    passed: bool
    message: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerResult:
    """One checked prediction: whether it is right, the value, and the arithmetic behind it."""

    correct: bool
    expected: str
    formula: str
    message: str


def grade(exercise: Exercise, work: Network | Answers, lang: str = "en") -> Verdict:
    """Check *work* (a network, or answers for a predict exercise) against *exercise*."""
    if exercise.kind == "predict":
        if not isinstance(work, Answers):
            raise TypeError("a predict exercise is answered with an answers file, not a network")
        return _grade_answers(exercise, work, lang)
    if isinstance(work, Answers):
        raise TypeError(f"a {exercise.kind} exercise is answered with a network, not an answers file")
    problem = _locked_problem(exercise, work, lang)
    if problem is None and exercise.kind == "rebuild":
        problem = first_difference(work, exercise.target, exercise.target_name, lang)
        done = say(lang, "rebuilt", target=exercise.target_name)
    elif problem is None:
        probe = Probe(work)
        problem = next((m for c in exercise.conditions if (m := c.check(probe, lang))), None)
        done = say(lang, "met")
    return Verdict(False, problem) if problem else Verdict(True, done)


# -- locked layers --------------------------------------------------------------------------


def _locked_problem(exercise: Exercise, network: Network, lang: str) -> str | None:
    for name in exercise.locked:
        wanted = exercise.start.find(name)
        block = BLOCK_TYPES[wanted.type]
        settings = block.summary_text(wanted.params) or block.title
        found = network.find(name)
        if found is None:
            return say(lang, "locked_missing", name=name, block=block.title, settings=settings)
        if found.type != wanted.type or _differences(found.params, wanted.params, wanted.type):
            return say(lang, "locked_changed", name=name, block=block.title, settings=settings)
    return None


# -- rebuilding -----------------------------------------------------------------------------


def first_difference(student: Network, target: Network, target_name: str, lang: str = "en") -> str | None:
    """The first way *student* differs from *target*, layer by layer in data-flow order, as
    a hint; None when they match (names aside)."""
    mine, theirs = summarize(student).rows, summarize(target).rows
    if not mine and theirs:
        return say(lang, "empty", target=target_name, next=_describe(target, theirs[0]))
    mine_at = {row.node_id: i for i, row in enumerate(mine)}
    theirs_at = {row.node_id: i for i, row in enumerate(theirs)}
    for i, their_row in enumerate(theirs):
        if i >= len(mine):
            return say(
                lang, "stops", last=mine[-1].name, target=target_name, next=_describe(target, their_row)
            )
        problem = _row_difference((student, mine, mine_at), (target, theirs, theirs_at), i, target_name, lang)
        if problem:
            return problem
    if len(mine) > len(theirs):
        last = mine[len(theirs) - 1].name if theirs else ""
        return say(lang, "goes_on", last=last, extra=mine[len(theirs)].name, target=target_name)
    return None


def _row_difference(mine: tuple, theirs: tuple, i: int, target_name: str, lang: str) -> str | None:
    student, my_rows, my_index = mine
    target, their_rows, their_index = theirs
    my_row, their_row = my_rows[i], their_rows[i]
    my_node, their_node = student.node(my_row.node_id), target.node(their_row.node_id)
    if my_node.type != their_node.type:
        block = BLOCK_TYPES[their_node.type]
        return say(
            lang,
            "type",
            name=my_row.name,
            actual=BLOCK_TYPES[my_node.type].title,
            target=target_name,
            expected=block.title,
            settings=block.summary_text(their_node.params) or their_row.name,
        )
    differences = _differences(my_node.params, their_node.params, my_node.type)
    if differences:
        phrases = [_setting_phrase(key, value, their_node.params, lang) for key, value in differences]
        shown = say(lang, "and").join(dict.fromkeys(phrases))
        return say(
            lang,
            "settings",
            name=my_row.name,
            shape=shape_text(my_row.shape),
            target=target_name,
            differences=shown,
        )
    my_inputs = [my_index.get(src) for src in my_node.inputs]
    their_inputs = [their_index.get(src) for src in their_node.inputs]
    if my_inputs != their_inputs:
        return say(
            lang,
            "wiring",
            name=my_row.name,
            actual=_names(student, my_node.inputs, lang),
            target=target_name,
            expected=_names(target, their_node.inputs, lang),
        )
    if my_row.errors:
        return say(lang, "error_at", name=my_row.name, error=my_row.errors[0])
    if my_row.shape != their_row.shape:
        return say(
            lang,
            "shape",
            name=my_row.name,
            shape=shape_text(my_row.shape),
            target=target_name,
            expected=shape_text(their_row.shape),
        )
    return None


def _differences(mine: dict[str, Any], theirs: dict[str, Any], type_id: str) -> list[tuple[str, Any]]:
    """``(setting, target's value)`` for each setting that differs, in the block's order."""
    keys = [spec.key for spec in BLOCK_TYPES[type_id].params]
    return [(key, theirs[key]) for key in keys if _effective(key, mine) != _effective(key, theirs)]


def _effective(key: str, params: dict[str, Any]) -> Any:
    value = params.get(key)
    if key == "padding" and "kernel" in params:
        try:
            return resolve_padding(value, params["kernel"])
        except ShapeProblem:
            return value
    return value


def _setting_phrase(key: str, value: Any, params: dict[str, Any], lang: str) -> str:
    if key in ("channels", "height", "width"):
        shape = (params["channels"], params["height"], params["width"])
        return say(lang, "s_input", v=shape_text(shape))
    if key == "bias":
        return say(lang, "s_bias_on" if value else "s_bias_off")
    if key in ("filters", "kernel", "stride", "padding", "groups", "units"):
        return say(lang, f"s_{key}", v=value)
    shown = f"{value:g}" if isinstance(value, float) else str(value).lower()
    return say(lang, "s_other", key=key, v=shown)


def _describe(network: Network, row: LayerRow) -> str:
    node = network.node(row.node_id)
    block = BLOCK_TYPES[node.type]
    settings = block.summary_text(node.params)
    return f"{row.name} ({block.title}{', ' + settings if settings else ''})"


def _names(network: Network, node_ids: list[str], lang: str) -> str:
    names = [network.node(node_id).name for node_id in node_ids if node_id in network]
    return ", ".join(names) if names else say(lang, "nothing")


# -- predictions ----------------------------------------------------------------------------


def check_answer(
    exercise: Exercise, layer: str, quantity: str, text: str | int, lang: str = "en"
) -> AnswerResult:
    """Check one prediction: *text* as typed for *layer*'s *quantity* (shape, params or macs)."""
    text = str(text)
    row = next(r for r in summarize(exercise.start).all_rows() if r.path == layer)
    what = say(lang, f"a_{quantity}")
    expected_value = row.shape if quantity == "shape" else getattr(row, quantity)
    expected = shape_text(expected_value) if quantity == "shape" else number_text(expected_value)
    formula = row.formulas.get(_COLUMNS[quantity], "")
    given = _read_answer(quantity, text)
    if given is None:
        kind = say(lang, "k_shape" if quantity == "shape" else "k_number")
        message = say(lang, "answer_unreadable", layer=layer, what=what, answer=text.strip(), kind=kind)
        return AnswerResult(False, expected, formula, message)
    if given == expected_value:
        return AnswerResult(
            True, expected, formula, say(lang, "answer_right", layer=layer, what=what, expected=expected)
        )
    message = say(lang, "answer_wrong", layer=layer, what=what, answer=text.strip(), expected=expected)
    return AnswerResult(False, expected, formula, message)


def _read_answer(quantity: str, text: str) -> Any:
    if quantity == "shape":
        return parse_shape(text)
    number = parse_number(text)
    if number is None or number.rounded:
        return None
    return int(number.value)


def _grade_answers(exercise: Exercise, answers: Answers, lang: str) -> Verdict:
    if answers.exercise != exercise.id:
        return Verdict(False, say(lang, "answers_other", other=answers.exercise, this=exercise.id))
    lines, wrong = [], []
    for question in exercise.questions:
        given = answers.answers.get(question.layer, {})
        for quantity in question.ask:
            if quantity not in given:
                line = say(lang, "answer_missing", layer=question.layer, what=say(lang, f"a_{quantity}"))
                correct = False
            else:
                result = check_answer(exercise, question.layer, quantity, given[quantity], lang)
                line, correct = result.message, result.correct
            lines.append(line)
            if not correct:
                wrong.append(line)
    if not wrong:
        return Verdict(True, say(lang, "answers_right", n=len(lines)), tuple(lines))
    message = say(lang, "answers_wrong", right=len(lines) - len(wrong), n=len(lines), first=wrong[0])
    return Verdict(False, message, tuple(lines))


__all__ = ["AnswerResult", "Verdict", "check_answer", "first_difference", "grade"]
