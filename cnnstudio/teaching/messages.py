"""What the step and exercise checkers say, in English and Korean.

The checkers run without Qt (in the core's tests, in ``cnnstudio check``), so their words live
here rather than in Qt's translation files: each message has an English and a Korean template,
and :func:`say` fills one in. Block type names stay as PyTorch spells them in both languages.
Numbers keep their thousands separators (61,706) in both.
"""

from __future__ import annotations

LANGUAGES = ("en", "ko")
"""The languages lessons, exercises and checkers speak; anything else falls back to English."""

_TEXTS: dict[str, tuple[str, str]] = {
    # conditions
    "done": ("done", "완료"),
    "invalid": ("the network has an error: {error}", "네트워크에 오류가 있습니다: {error}"),
    "dangling": (
        "{name} is not connected to the network; connect it or delete it",
        "{name} 층이 네트워크에 연결되어 있지 않습니다. 연결하거나 지우세요",
    ),
    "total": ("{what}: {actual}; the goal is {goal}", "{what}: 지금 {actual}, 목표 {goal}"),
    "output": (
        "the network's output: {actual}; the goal is {goal}",
        "네트워크의 출력: 지금 {actual}, 목표 {goal}",
    ),
    "no_output": ("the network has no output yet", "네트워크에 아직 출력이 없습니다"),
    "no_layer": ("there is no layer called {name}", "이름이 {name}인 층이 없습니다"),
    "unknown_shape": (
        "{name} has no output shape yet; fix the error above it first",
        "{name} 층의 출력 크기를 아직 알 수 없습니다. 앞쪽의 오류부터 고치세요",
    ),
    "layer": (
        "{name}'s {what}: {actual}; the goal is {goal}",
        "{name} 층의 {what}: 지금 {actual}, 목표 {goal}",
    ),
    "has": ("no {block} with {settings} yet", "{settings}인 {block} 층이 아직 없습니다"),
    "has_any": ("no {block} yet", "{block} 층이 아직 없습니다"),
    "count": (
        "{block} layers{settings}: {actual}; the goal is {goal}",
        "{block} 층{settings}: 지금 {actual}개, 목표 {goal}",
    ),
    "with_settings": (" with {settings}", " ({settings})"),
    # comparisons
    "op_<": ("below {n}", "{n} 미만"),
    "op_<=": ("at most {n}", "{n} 이하"),
    "op_>": ("above {n}", "{n} 초과"),
    "op_>=": ("at least {n}", "{n} 이상"),
    "op_=": ("{n}", "{n}"),
    "op_!=": ("anything but {n}", "{n}이 아닌 값"),
    # what is measured
    "q_params": ("total parameters", "전체 파라미터 수"),
    "q_macs": ("total MACs", "전체 MAC 수"),
    "q_depth": ("weight layers on the longest path", "가장 긴 경로의 가중치 층 수"),
    "q_weight layers": ("weight layers", "가중치 층 수"),
    "q_nodes": ("blocks", "블록 수"),
    "l_shape": ("output", "출력 크기"),
    "l_params": ("parameters", "파라미터 수"),
    "l_macs": ("MACs", "MAC 수"),
    # exercises: locked layers
    "locked_missing": (
        "{name} is locked: put it back ({block}, {settings})",
        "{name} 층은 잠겨 있습니다. 다시 넣으세요 ({block}, {settings})",
    ),
    "locked_changed": (
        "{name} is locked: keep it a {block} with {settings}",
        "{name} 층은 잠겨 있습니다. {settings}인 {block} 그대로 두세요",
    ),
    # exercises: rebuilding a network
    "rebuilt": ("matches {target}, layer for layer", "{target}: 모든 층이 일치합니다"),
    "met": ("every goal is met", "모든 목표를 달성했습니다"),
    "empty": (
        "your network is empty; {target} starts with {next}",
        "네트워크가 비어 있습니다. {target}의 첫 층은 {next}입니다",
    ),
    "stops": (
        "your network stops after {last}; {target} goes on with {next}",
        "네트워크가 {last} 층에서 끝납니다. {target}에서는 다음에 {next} 층이 옵니다",
    ),
    "goes_on": (
        "your network goes on after {last} with {extra}; {target} ends there",
        "{last} 층 뒤에 {extra} 층이 더 있습니다. {target}은(는) 거기서 끝납니다",
    ),
    "error_at": ("your {name} has an error: {error}", "{name} 층에 오류가 있습니다: {error}"),
    "type": (
        "your {name} is a {actual}; here {target} has a {expected} ({settings})",
        "{name} 층은 {actual}입니다. 이 자리에 {target}에는 {expected} 층({settings})이 있습니다",
    ),
    "settings": (
        "your {name} gives {shape}; {target}'s has {differences}",
        "{name} 층의 출력은 {shape}입니다. {target}의 해당 층은 {differences}입니다",
    ),
    "shape": (
        "your {name} gives {shape}; {target}'s gives {expected}",
        "{name} 층의 출력은 {shape}입니다. {target}에서는 {expected}입니다",
    ),
    "wiring": (
        "your {name} reads from {actual}; {target}'s reads from {expected}",
        "{name} 층의 입력은 {actual}입니다. {target}에서는 {expected}에서 입력을 받습니다",
    ),
    "nothing": ("nothing", "없음"),
    "and": (" and ", ", "),
    # setting phrases in the rebuild hints
    "s_filters": ("{v} filters", "필터 {v}개"),
    "s_kernel": ("a {v}x{v} kernel", "{v}x{v} 커널"),
    "s_stride": ("stride {v}", "스트라이드 {v}"),
    "s_padding": ("padding {v}", "패딩 {v}"),
    "s_groups": ("{v} groups", "그룹 {v}개"),
    "s_units": ("{v} units", "유닛 {v}개"),
    "s_bias_on": ("a bias", "편향 있음"),
    "s_bias_off": ("no bias", "편향 없음"),
    "s_input": ("an input of {v}", "입력 {v}"),
    "s_other": ("{key}={v}", "{key}={v}"),
    # exercises: predictions
    "a_shape": ("output shape", "출력 크기"),
    "a_params": ("parameters", "파라미터 수"),
    "a_macs": ("MACs", "MAC 수"),
    "answer_missing": ("no answer for {layer}'s {what}", "{layer} 층의 {what}에 대한 답이 없습니다"),
    "answer_unreadable": (
        "{layer}'s {what}: cannot read {answer} as {kind}",
        "{layer} 층의 {what}: 읽을 수 없는 답입니다 ({answer})",
    ),
    "answer_wrong": (
        "{layer}'s {what}: you answered {answer}; it is {expected}",
        "{layer} 층의 {what}: 답 {answer}, 정답 {expected}",
    ),
    "answer_right": ("{layer}'s {what}: right, {expected}", "{layer} 층의 {what}: 정답 {expected}"),
    "k_shape": ("a shape like 28x28x6", "28x28x6 같은 크기"),
    "k_number": ("a whole number", "정수"),
    "answers_other": (
        "these answers are for the exercise {other}, not {this}",
        "이 답안은 {other} 연습 문제의 답안입니다 ({this}의 답안이 아닙니다)",
    ),
    "answers_right": ("all {n} answers right", "답 {n}개가 모두 맞았습니다"),
    "answers_wrong": ("{right} of {n} answers right; {first}", "{n}개 중 {right}개 맞음. {first}"),
    # the lesson text as the app lays it out, in the lesson's language (the panels' own words
    # are the app's: Qt's translations, resources/translations/ko/teaching.ts)
    "try_it": ("Try it", "직접 해 보기"),
    "lesson_networks": ("Networks: {links}", "네트워크: {links}"),
}


def say(lang: str, key: str, **values: object) -> str:
    """The message *key* in *lang* (English for a language it does not know), filled in."""
    english, korean = _TEXTS[key]
    template = korean if lang == "ko" else english
    return template.format(**values)


def language(lang: str | None) -> str:
    """*lang* if lessons and checkers speak it, else ``"en"``; ``"ko_KR"`` counts as ``"ko"``."""
    code = (lang or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


__all__ = ["LANGUAGES", "language", "say"]
