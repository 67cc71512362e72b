"""Korean: the teaching package's refusals (exercise and answers files, conditions, grading).

What the checkers say about a student's network already speaks Korean through
:mod:`cnnstudio.teaching.messages` (its functions take a language); these entries cover the
errors made in English only: a file that is not a valid exercise, a condition a teacher wrote
wrong, a file graded against the wrong kind of exercise, a lesson file a teacher wrote wrong (the
lessons panel lists them), a link that cannot be followed.
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

LESSONS = (
    ("{path}, line {line:n}: {problem:m}", "{path}, {line}번째 줄: {problem}"),
    ("{path}: cannot read the lesson: {error:m}", "{path}: 강의를 읽을 수 없습니다: {error}"),
    (
        "a lesson starts with a header: a line '---', 'id: ...', 'title: ...', then '---'",
        "강의는 머리말로 시작합니다: '---' 줄, 'id: ...', 'title: ...', 그리고 '---' 줄",
    ),
    ("the header takes {keys}, written 'key: value'", "머리말에는 {keys}을(를) 'key: value' 형식으로 씁니다"),
    ("{key:q} is given twice", "{key}이(가) 두 번 나옵니다"),
    ("the header is not closed by a line '---'", "머리말이 '---' 줄로 닫히지 않았습니다"),
    ("the header needs '{key}: ...'", "머리말에 '{key}: ...'이(가) 있어야 합니다"),
    ("the id {id:q} may hold only letters, digits, - and _", "id {id}에는 글자, 숫자, -, _만 쓸 수 있습니다"),
    ("{preset:q} is not a preset (presets: {known})", "{preset}은(는) 프리셋이 아닙니다 (프리셋: {known})"),
    (
        "the block opened here is not closed by a line {fence}",
        "여기서 연 블록이 {fence} 줄로 닫히지 않았습니다",
    ),
    ("the formula block is empty", "공식 블록이 비어 있습니다"),
    (
        "a step's lines are {keys}, written 'key: value'",
        "단계의 줄은 {keys}이며 'key: value' 형식으로 씁니다",
    ),
    ("a step has one '{key}:'", "단계에는 '{key}:' 줄이 하나만 있습니다"),
    (
        "a step needs a 'goal:' line saying what to do",
        "단계에는 무엇을 할지 말하는 'goal:' 줄이 있어야 합니다",
    ),
    ("a step needs at least one 'check:' line", "단계에는 'check:' 줄이 하나 이상 있어야 합니다"),
    (
        "the annotation {{{expression}}} must follow a number, with no space",
        "주석 {{{expression}}}은(는) 숫자 바로 뒤에 빈칸 없이 와야 합니다",
    ),
    (
        "{path}: the id {id:q} is already used by {other}",
        "{path}: id {id}은(는) 이미 {other}에서 쓰고 있습니다",
    ),
    (
        "{path}: the link lesson:{id} names no lesson",
        "{path}: 링크 lesson:{id}이(가) 가리키는 강의가 없습니다",
    ),
    (
        "{shown} does not match {{{expression}}}, which is {value}",
        "{shown}이(가) {{{expression}}}의 값 {value}과(와) 맞지 않습니다",
    ),
    ("{side} is not {reference} (which is {value})", "{side}은(는) {reference}({value})과(와) 같지 않습니다"),
    (
        "{reference:q} is not PRESET QUANTITY ({known}), PRESET LAYER QUANTITY or PRESET count TYPE",
        "{reference}은(는) PRESET QUANTITY ({known}), PRESET LAYER QUANTITY, PRESET count TYPE 중 어느 "
        "형식도 아닙니다",
    ),
    (
        "{expression:q}: a ratio needs two numbers, the second not zero",
        "{expression}: 비율에는 숫자 두 개가 필요하고, 두 번째는 0이 아니어야 합니다",
    ),
    (
        "{expression:q} is not PRESET [LAYER] QUANTITY, or two of them divided by /",
        "{expression}은(는) PRESET [LAYER] QUANTITY 형식도, 그런 두 값을 /로 나눈 것도 아닙니다",
    ),
    ("{reference:q}: {word:q} is not a preset id", "{reference}: {word}은(는) 프리셋 id가 아닙니다"),
    ("{reference:q}: {network} has no layer '{layer}'", "{reference}: {network}에는 '{layer}' 층이 없습니다"),
    (
        "{reference:q}: {quantity:q} is not something {layer} has (it has: {known})",
        "{reference}: {layer}에는 {quantity}이(가) 없습니다 (있는 것: {known})",
    ),
    (
        "{reference:q}: {layer}'s {quantity} is {value}, not a number",
        "{reference}: {layer}의 {quantity} 값 {value}은(는) 숫자가 아닙니다",
    ),
)
"""Lesson files a teacher wrote wrong, and the numbers a lesson's annotations contradict."""

LINKS = (
    (
        "{url:q} is not a link CNN Studio can follow (use preset:ID, compare:ID,ID, experiment:{experiments}, "
        "lesson:ID or an https:// address)",
        "{url}은(는) CNN Studio가 따라갈 수 있는 링크가 아닙니다 (preset:ID, compare:ID,ID, "
        "experiment:{experiments}, lesson:ID 또는 https:// 주소를 쓰세요)",
    ),
    (
        "{url:q}: {preset:q} is not a preset (presets: {known})",
        "{url}: {preset}은(는) 프리셋이 아닙니다 (프리셋: {known})",
    ),
    ("{url:q}: {kind:w}: takes {what:m}", "{url}: {kind}: 받는 것은 {what}입니다"),
    ("one preset", "프리셋 하나"),
    ("two or more presets", "프리셋 두 개 이상"),
    ("{url:q}: the experiments are {known}", "{url}: 실험은 {known}입니다"),
    (
        "{url:q}: lesson: takes one lesson id, like lesson:L04",
        "{url}: lesson:에는 lesson:L04처럼 강의 id 하나를 씁니다",
    ),
)
"""Links in lessons (``preset:resnet34``, ``compare:vgg16,resnet50``)."""

ENTRIES = (*FILES, *CONDITIONS, *GRADING, *LESSONS, *LINKS)
"""Every Korean entry of this module."""
