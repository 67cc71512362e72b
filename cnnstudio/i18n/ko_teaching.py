"""Korean: the teaching package's refusals (exercise and answers files, conditions, grading).

What the checkers say about a student's network already speaks Korean through
:mod:`cnnstudio.teaching.messages` (its functions take a language); these entries cover the
errors made in English only: a file that is not a valid exercise, a condition a teacher wrote
wrong, a file graded against the wrong kind of exercise. Lesson files' errors are for the people
who write lessons and stay in English (see the coverage test's list).
"""

from __future__ import annotations

FILES = (
    ("{path}: cannot read the exercise: {error:m}", "{path}: 연습 문제를 읽을 수 없습니다: {error}"),
    ("{path}: cannot read the answers file: {error:m}", "{path}: 답안 파일을 읽을 수 없습니다: {error}"),
    ("unknown fields: {names}", "알 수 없는 항목: {names}"),
    ("'target' must hold exactly one of {kinds}", "'target'에는 {kinds} 중 정확히 하나가 있어야 합니다"),
    (
        "'target.rebuild' must be an object, got {kind:m}",
        "'target.rebuild'는 객체여야 합니다 (받은 값: {kind})",
    ),
    (
        "'target.rebuild' takes a 'preset' or a 'network', an optional 'until' and 'name'",
        "'target.rebuild'에는 'preset'이나 'network' 하나와, 필요하면 'until'과 'name'을 씁니다",
    ),
    (
        '\'start\' must be {{"preset": ID}}, {{"input": "HxWxC"}} or {{"network": {{...}}}}',
        '\'start\'는 {{"preset": ID}}, {{"input": "HxWxC"}} 또는 {{"network": {{...}}}} 형식이어야 합니다',
    ),
    (
        "'target.rebuild.until': {name} has no layer {layer:q}",
        "'target.rebuild.until': {name}에는 {layer} 층이 없습니다",
    ),
    (
        "'answers' has {count:n} layers; at most {most:n} are allowed",
        "'answers'에 층이 {count}개 있습니다. {most}개까지만 쓸 수 있습니다",
    ),
    (
        "{field:q} must be text or a whole number, got {kind:m}",
        "{field} 항목은 텍스트나 정수여야 합니다 (받은 값: {kind})",
    ),
    ("{field:q} is not an answer one line can show", "{field} 항목은 한 줄로 보여 줄 수 있는 답이 아닙니다"),
    (
        "'format' must be \"{format}\": this is not {what:m}",
        "'format' 항목이 \"{format}\"여야 합니다. {what}이 아닙니다",
    ),
    ("a CNN Studio exercise", "CNN Studio 연습 문제"),
    ("a CNN Studio answers file", "CNN Studio 답안 파일"),
    ("'version' must be a whole number from 1", "'version' 항목은 1 이상의 정수여야 합니다"),
    (
        "'version' is {version:n}, newer than this CNN Studio reads (up to {newest:n})",
        "'version' 항목이 {version}입니다. 이 CNN Studio가 읽을 수 있는 버전({newest}까지)보다 새롭습니다",
    ),
    ("{field:q} must be text, got {kind:m}", "{field} 항목은 텍스트여야 합니다 (받은 값: {kind})"),
    ("{field:q} must be a list, got {kind:m}", "{field} 항목은 목록이어야 합니다 (받은 값: {kind})"),
    (
        "{field:q} must be text on one line, not empty",
        "{field} 항목은 비어 있지 않은 한 줄 텍스트여야 합니다",
    ),
    ("{field:q} must be a short name on one line", "{field} 항목은 한 줄의 짧은 이름이어야 합니다"),
    ("{field:q} must be a short text on one line", "{field} 항목은 한 줄의 짧은 텍스트여야 합니다"),
    (
        "{field:q} has texts in {languages} only, not {lang:q}",
        "{field} 항목에는 {languages} 텍스트만 쓸 수 있습니다 ({lang}은 안 됩니다)",
    ),
    (
        "{field:q} is missing: every exercise has an English text",
        "{field} 항목이 없습니다. 모든 연습 문제에는 영어 텍스트가 있어야 합니다",
    ),
    (
        "{field:q} has {count:n} entries; at most {most:n} are allowed",
        "{field}에 항목이 {count}개 있습니다. {most}개까지만 쓸 수 있습니다",
    ),
    (
        "{field:q} must be an object with 'layer' and 'ask'",
        "{field} 항목은 'layer'와 'ask'가 있는 객체여야 합니다",
    ),
    ("{field:q}: the start network has no layer {layer:q}", "{field}: 시작 네트워크에 {layer} 층이 없습니다"),
    (
        "{field:q} must list some of {known}, each once",
        "{field} 항목에는 {known} 중 몇 개를 한 번씩 적어야 합니다",
    ),
    (
        "'start.input' must be a shape H x W x C, like 32x32x1",
        "'start.input'은 32x32x1처럼 H x W x C 크기여야 합니다",
    ),
    ("{field:q}: {preset:q} is not a preset", "{field}: {preset}은(는) 프리셋이 아닙니다"),
    ("{field:q} must be an object of {known}", "{field} 항목은 {known}로 된 객체여야 합니다"),
    ("a number", "숫자"),
)
"""Exercise and answers files."""

CONDITIONS = (
    ("the condition is empty", "조건이 비어 있습니다"),
    (
        "{line:q} needs a comparison at the end, like 'count residual = 3'",
        "{line}: 끝에 'count residual = 3' 같은 비교가 있어야 합니다",
    ),
    (
        "cannot read {line:q}: a condition is 'valid', 'has TYPE ...', 'count TYPE ... = N' or a comparison "
        "such as 'macs < 13M' or 'output = 28x28x256'",
        "{line}을(를) 읽을 수 없습니다. 조건은 'valid', 'has TYPE ...', 'count TYPE ... = N' 또는 "
        "'macs < 13M', 'output = 28x28x256' 같은 비교여야 합니다",
    ),
    (
        "{line:q}: cannot compare {subject:q} (known: {known})",
        "{line}: {subject}은(는) 비교할 수 없습니다 (쓸 수 있는 것: {known})",
    ),
    (
        "{line:q} needs a block type, like 'has conv2d kernel=1'",
        "{line}: 'has conv2d kernel=1'처럼 블록 종류가 있어야 합니다",
    ),
    (
        "{line:q}: unknown block type {type:q} (known: {known})",
        "{line}: 알 수 없는 블록 종류 {type}입니다 (쓸 수 있는 종류: {known})",
    ),
    (
        "{line:q}: {word:q} is not a setting written key=value, like filters=16",
        "{line}: {word}은(는) filters=16처럼 key=value로 쓴 설정이 아닙니다",
    ),
    (
        "{line:q}: {text:q} is not a value {key} can take",
        "{line}: {text}은(는) {key} 설정에 쓸 수 있는 값이 아닙니다",
    ),
    (
        "{line:q}: {text:q} is not a number (write 13000000, 13,000,000 or 13M)",
        "{line}: {text}은(는) 숫자가 아닙니다 (13000000, 13,000,000 또는 13M으로 쓰세요)",
    ),
    (
        "{line:q}: {text:q} is not a shape (write H x W x C, like 28x28x256, or a length)",
        "{line}: {text}은(는) 크기가 아닙니다 (28x28x256처럼 H x W x C로, 또는 길이로 쓰세요)",
    ),
    ("{line:q}: shapes can only be compared with = or !=", "{line}: 크기는 = 또는 !=로만 비교할 수 있습니다"),
    (
        "{line:q}: {block:m} has no setting '{key}' (its settings: {known})",
        "{line}: {block}에는 '{key}' 설정이 없습니다 (설정: {known})",
    ),
)
"""Conditions a teacher writes in an exercise (``"macs < 13M"``)."""

GRADING = (
    (
        "a predict exercise is answered with an answers file, not a network",
        "예측 연습 문제의 답은 네트워크가 아니라 답안 파일입니다",
    ),
    (
        "a {kind:w} exercise is answered with a network, not an answers file",
        "{kind} 연습 문제의 답은 답안 파일이 아니라 네트워크입니다",
    ),
    ("there is no lesson '{id}'", "'{id}' 강의가 없습니다"),
)
"""Grading a file against the wrong kind of exercise, and lessons that do not exist."""

ENTRIES = (*FILES, *CONDITIONS, *GRADING)
"""Every Korean entry of this module."""
