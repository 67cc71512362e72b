"""Korean: the core's refusals and problems (edits, settings, shapes, structure, files).

Each entry is ``(English template, Korean template)``; the English is the core's message with
its values as fields (see :mod:`cnnstudio.i18n.templates`). A value is often put in
parentheses after the noun it belongs to (``커널(5x5)이``), so the particle that follows never
depends on how the value ends.
"""

from __future__ import annotations

_SETTING_TYPES = (
    ("must be a whole number, got {value:m}", "정수여야 합니다 (받은 값: {value})"),
    ("must be a number, got {value:m}", "숫자여야 합니다 (받은 값: {value})"),
    (
        "must be a number of a usable size, got {value:m}",
        "쓸 수 있는 크기의 숫자여야 합니다 (받은 값: {value})",
    ),
    ("must be a finite number, got {value:m}", "유한한 숫자여야 합니다 (받은 값: {value})"),
    ("must be true or false, got {value:m}", "true 또는 false여야 합니다 (받은 값: {value})"),
    ("must be one of {choices}, got {value:m}", "{choices} 중 하나여야 합니다 (받은 값: {value})"),
    (
        "must be 'same', 'valid' or a whole number, got {value:m}",
        "'same', 'valid' 또는 정수여야 합니다 (받은 값: {value})",
    ),
)
"""A setting of the wrong type; a file's message gives them after the field's path."""

SETTINGS = (
    *_SETTING_TYPES,
    *((f"'{{key}}' {english}", f"'{{key}}' 값은 {korean}") for english, korean in _SETTING_TYPES),
    ("{label:m} must be one of {choices}", "{label}: {choices} 중 하나여야 합니다"),
    (
        "{label:m} must be at least {low:n}, got {value:m}",
        "{label} 값은 {low} 이상이어야 합니다 (지금 {value})",
    ),
    (
        "{label:m} must be at most {high:n}, got {value:m}",
        "{label} 값은 {high} 이하여야 합니다 (지금 {value})",
    ),
    ("a number with about {digits:n} digits", "약 {digits}자리의 수"),
    ("a negative number with about {digits:n} digits", "약 {digits}자리의 음수"),
    ("a number with {digits:n} digits", "{digits}자리의 수"),
    ("a list", "목록"),
    ("an object", "객체"),
    ("{label:m} is far too large; {allowed:m}", "{label} 값이 너무 큽니다. {allowed}"),
    ("use a smaller one", "더 작은 값을 쓰세요"),
    ("it must be between {low:n} and {high:n}", "{low}에서 {high} 사이여야 합니다"),
    (
        "{label:m} must be {expected:m}, not a number",
        "{label}: {expected}만 쓸 수 있고 숫자는 쓸 수 없습니다",
    ),
    ("one of {choices}", "{choices} 중 하나"),
    ("true or false", "true 또는 false"),
    (
        "{block:m} has no setting '{key}' (its settings: {known})",
        "{block}에는 '{key}' 설정이 없습니다 (설정: {known})",
    ),
    ("{block} has no parameter '{key}'", "{block}에는 '{key}' 설정이 없습니다"),
)
"""Settings of the wrong type or out of range."""

NAMES = (
    ("{what:m} name must be text, got {kind}", "{what} 이름은 텍스트여야 합니다 (받은 값의 형식: {kind})"),
    ("{what:m} needs a name", "{what}에 이름이 필요합니다"),
    (
        "{what:m} name may be at most {limit:n} characters, got {count:n}",
        "{what} 이름은 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    ),
    ("{what:m} name cannot hold {problem:m}", "{what} 이름에 넣을 수 없는 문자가 있습니다: {problem}"),
    ("a layer", "층"),
    ("a network", "네트워크"),
    (
        "a lone surrogate character (text that cannot be saved)",
        "짝이 없는 서로게이트 문자 (저장할 수 없는 텍스트)",
    ),
    ("control characters such as {char}", "{char} 같은 제어 문자"),
    (
        "a node id must be non-blank text, got {value}",
        "노드 id는 비어 있지 않은 텍스트여야 합니다 (받은 값: {value})",
    ),
    ("a node id may be at most {limit:n} characters", "노드 id는 {limit}자까지 쓸 수 있습니다"),
    ("a node id cannot hold {problem:m}", "노드 id에 넣을 수 없는 문자가 있습니다: {problem}"),
    ("a position must be two numbers, got {value}", "위치는 숫자 두 개여야 합니다 (받은 값: {value})"),
    (
        "a position must be two finite numbers, got {value}",
        "위치는 유한한 숫자 두 개여야 합니다 (받은 값: {value})",
    ),
    ("Untitled", "제목 없음"),
)
"""Names, ids and positions."""

SHAPES = (
    (
        "{block:m} needs an image-shaped input (H x W x C) but gets a flat vector of {count:n} numbers; "
        "move it before the Flatten",
        "{block}에는 이미지 모양(H x W x C)의 입력이 필요한데, 숫자 {count}개로 된 평탄한 벡터가 "
        "들어옵니다. 이 층을 Flatten 앞으로 옮기세요",
    ),
    (
        "{block:m} needs a flat input but gets {shape:s}; add a Flatten (or a GlobalAvgPool) before it",
        "{block}에는 평탄한 입력이 필요한데 {shape} 크기의 입력이 들어옵니다. "
        "앞에 Flatten(또는 GlobalAvgPool)을 넣으세요",
    ),
    (
        "'same' padding needs an odd kernel size, got {kernel:s}; give the padding in pixels instead",
        "'same' 패딩에는 홀수 크기의 커널이 필요한데 커널이 {kernel}입니다. 대신 패딩을 픽셀 수로 지정하세요",
    ),
    (
        "kernel {kernel:s} is larger than the {size:s} input; use padding or a smaller kernel",
        "커널({kernel})이 입력({size})보다 큽니다. 패딩을 넣거나 더 작은 커널을 쓰세요",
    ),
    (
        "kernel {kernel:s} is larger than the {size:s} input even with padding ({padded:s}); "
        "use a smaller kernel",
        "커널({kernel})이 입력({size})보다 크고, 패딩을 더한 크기({padded})보다도 큽니다. 더 작은 커널을 쓰세요",
    ),
    (
        "groups ({groups:n}) must divide both the input channels ({channels:n}) and the filters ({filters:n})",
        "입력 채널 수({channels})와 필터 수({filters})가 모두 그룹 수({groups})로 나누어떨어져야 합니다",
    ),
    (
        "padding ({padding:n}) must be at most half the kernel size ({kernel:n})",
        "패딩({padding})은 커널 크기({kernel})의 절반 이하여야 합니다",
    ),
    ("Add needs equal shapes, got {shapes:m}", "Add에는 크기가 같은 입력이 필요합니다 (받은 크기: {shapes})"),
    ("{first:s} and {rest:m}", "{first}, {rest}"),
    (
        "Concat needs equal height and width, got {sizes}",
        "Concat에는 높이와 너비가 같은 입력이 필요합니다 (받은 크기: {sizes})",
    ),
    (
        "Concat cannot join flat vectors with image-shaped tensors",
        "Concat은 평탄한 벡터와 이미지 모양의 텐서를 이어 붙일 수 없습니다",
    ),
    (
        "a zero-padding shortcut cannot shrink {channels:n} channels to {out:n}",
        "제로 패딩 지름길은 채널 {channels}개를 {out}개로 줄일 수 없습니다",
    ),
    ("The shortcut", "지름길"),
)
"""Inputs a block cannot take (the analysis shows them on the layer)."""

EDITS = (
    ("a {block:m} only exists inside residual blocks", "{block} 블록은 잔차 블록 안에만 있을 수 있습니다"),
    ("a network holds at most {count:n} layers", "네트워크에는 층을 {count}개까지 넣을 수 있습니다"),
    (
        "the network already has an Input; a network reads one image",
        "네트워크에 이미 입력 블록이 있습니다. 네트워크는 이미지 하나만 읽습니다",
    ),
    ("a node with id '{id}' already exists", "id가 '{id}'인 노드가 이미 있습니다"),
    (
        "cannot restore {name}: its id or name is taken",
        "{name} 층을 되살릴 수 없습니다. id나 이름이 이미 쓰이고 있습니다",
    ),
    ("{name} has no input number {index}", "{name} 층에는 {index}번 입력이 없습니다"),
    ("{source} is not connected to {target}", "{source} 층은 {target} 층에 연결되어 있지 않습니다"),
    ("{name} is already connected", "{name} 층은 이미 연결되어 있습니다"),
    ("an {block:m} cannot be inserted into an edge", "{block} 블록은 연결선 사이에 끼워 넣을 수 없습니다"),
    ("another layer is already called '{name}'", "이름이 '{name}'인 층이 이미 있습니다"),
    ("there is no node '{id}' to connect from", "연결을 시작할 노드가 없습니다: '{id}'"),
    (
        "{name} is an {block:m}; nothing can feed into it",
        "{name} 층은 {block} 블록이라 입력을 받을 수 없습니다",
    ),
    (
        "connecting {source} to {target} would make a loop; data must flow one way",
        "{source} 층을 {target} 층에 연결하면 순환이 생깁니다. 데이터는 한 방향으로만 흘러야 합니다",
    ),
    ("{source} already feeds {target}", "{source} 층은 이미 {target} 층에 입력을 주고 있습니다"),
    (
        "{name} ({block:m}) takes one input and already has one; use Add or Concat to merge branches",
        "{name} 층({block})은 입력을 하나만 받는데 이미 하나가 있습니다. 갈래를 합치려면 Add나 Concat을 쓰세요",
    ),
    ("a block type must be text, got {value}", "블록 종류는 텍스트여야 합니다 (받은 값: {value})"),
    ("two layers are called '{name}'", "이름이 '{name}'인 층이 둘 있습니다"),
    ("there is no node with id '{id}'", "id가 '{id}'인 노드가 없습니다"),
    (
        "{name} cannot feed itself; data must flow one way",
        "{name} 층은 자기 자신에게 입력을 줄 수 없습니다. 데이터는 한 방향으로만 흘러야 합니다",
    ),
    (
        "unknown block type '{id}' (known types: {known})",
        "알 수 없는 블록 종류 '{id}'입니다 (쓸 수 있는 종류: {known})",
    ),
    ("two block types are called '{id}'", "이름이 '{id}'인 블록 종류가 둘 있습니다"),
    ("unknown preset '{id}' (presets: {known})", "알 수 없는 프리셋 '{id}'입니다 (프리셋: {known})"),
)
"""Edits the graph refuses."""

STRUCTURE = (
    (
        "dangling: not connected, so not part of the network; "
        "drag from another layer's output port to this layer to connect it",
        "떨어져 있음: 연결되지 않아 네트워크에 속하지 않습니다. "
        "다른 층의 출력 포트에서 이 층으로 끌어다 놓아 연결하세요",
    ),
    (
        "dangling: no path from the Input reaches it, so it is not part of the network",
        "떨어져 있음: 입력 블록에서 이 층까지 이어지는 경로가 없어 네트워크에 속하지 않습니다",
    ),
    (
        "the network has no Input block; add one from the palette",
        "네트워크에 입력 블록이 없습니다. 팔레트에서 추가하세요",
    ),
    (
        "a network reads one image: delete this extra Input",
        "네트워크는 이미지 하나만 읽습니다. 남는 이 입력 블록을 지우세요",
    ),
    (
        "not connected: drag from another layer's output port to this layer",
        "연결되지 않음: 다른 층의 출력 포트에서 이 층으로 끌어다 놓으세요",
    ),
    (
        "{block:m} needs at least {least:n} inputs, has {count:n}",
        "{block}에는 입력이 {least}개 이상 필요한데 {count}개입니다",
    ),
    (
        "{block:m} takes one input, has {count:n}; merge them with Add or Concat",
        "{block} 층은 입력을 하나만 받는데 지금 {count}개입니다. Add나 Concat으로 합치세요",
    ),
    ("its input '{id}' does not exist", "입력으로 지정된 노드가 없습니다: '{id}'"),
    (
        "part of a loop ({names}); data must flow one way",
        "순환({names})의 일부입니다. 데이터는 한 방향으로만 흘러야 합니다",
    ),
    (
        "nothing uses this layer's output (the network's output is {name}); connect it onward or delete it",
        "이 층의 출력을 쓰는 곳이 없습니다 (네트워크의 출력은 {name} 층입니다). 다음 층에 연결하거나 지우세요",
    ),
    ("missing settings: {keys}", "빠진 설정: {keys}"),
    ("{where}: {message:m}", "{where}: {message}"),
)
"""Problems of the graph as a whole, and a message prefixed with where it happened."""

FILES = (
    ("{field:q}: {message:m}", "{field}: {message}"),
    (
        "the layer {name:q} has no finite place on the canvas",
        "{name} 층의 캔버스 위치가 유한한 값이 아닙니다",
    ),
    ("the network's name", "네트워크 이름"),
    ("the layer {name:q}", "{name} 층"),
    (
        "{what:m} holds a lone surrogate, which no file can store; rename it",
        "{what}에 파일에 저장할 수 없는 짝 없는 서로게이트 문자가 있습니다. 이름을 바꾸세요",
    ),
    (
        "the file must hold a JSON object, not {kind:m}",
        "파일에는 JSON 객체가 있어야 합니다 (들어 있는 것: {kind})",
    ),
    (
        "'format' must be \"cnnstudio-network\": this is not a CNN Studio network file",
        "'format' 항목이 \"cnnstudio-network\"여야 합니다. CNN Studio 네트워크 파일이 아닙니다",
    ),
    ("'version' must be a whole number, got {kind:m}", "'version' 항목은 정수여야 합니다 (받은 값: {kind})"),
    (
        "'version' is {version:m}, newer than this CNN Studio reads (up to {newest:n}); update CNN Studio",
        "'version' 항목이 {version}입니다. 이 CNN Studio가 읽을 수 있는 버전({newest}까지)보다 새롭습니다. "
        "CNN Studio를 업데이트하세요",
    ),
    (
        "'version' is {version:m}, but versions start at 1",
        "'version' 항목이 {version}입니다. 버전은 1부터 시작합니다",
    ),
    (
        "'nodes' has {count:n} entries; at most {most:n} are allowed",
        "'nodes'에 항목이 {count}개 있습니다. {most}개까지만 쓸 수 있습니다",
    ),
    ("{field:q} is missing", "{field} 항목이 없습니다"),
    (
        "{field:q} must be {kind:m}, got {value:m}",
        "{field} 항목: {kind} 형식이어야 합니다 (받은 값: {value})",
    ),
    ("{field:q} is empty", "{field} 항목이 비어 있습니다"),
    ("{field:q} holds only spaces", "{field} 항목에 공백만 있습니다"),
    ("{field:q} holds {problem:m}", "{field} 항목에 쓸 수 없는 문자가 있습니다: {problem}"),
    ("{field:q} must be an object, got {kind:m}", "{field} 항목은 객체여야 합니다 (받은 값: {kind})"),
    ("{field:q} has unknown fields: {names:m}", "{field}에 알 수 없는 항목이 있습니다: {names}"),
    (
        "{field:q}: unknown block type {type:q} (known: {known})",
        "{field}: 알 수 없는 블록 종류 {type}입니다 (쓸 수 있는 종류: {known})",
    ),
    (
        "{field:q}: a node with id {id:q} already exists ({other})",
        "{field}: id가 {id}인 노드가 이미 있습니다 ({other})",
    ),
    (
        "{field:q}: two layers are called {name:q} ({other})",
        "{field}: 이름이 {name}인 층이 둘 있습니다 ({other})",
    ),
    (
        "{field:q} must be a node id (text), got {kind:m}",
        "{field} 항목은 노드 id(텍스트)여야 합니다 (받은 값: {kind})",
    ),
    ("{field:q}: there is no node with id {id:q}", "{field}: id가 {id}인 노드가 없습니다"),
    (
        "{field:q} has unknown settings for {block:m}: {names:m}",
        "{field}에 {block}에는 없는 설정이 있습니다: {names}",
    ),
    (
        "{field:q} must be a list of two numbers [x, y], got {kind:m}",
        "{field} 항목은 숫자 두 개의 목록 [x, y]여야 합니다 (받은 값: {kind})",
    ),
    ("{names} and {count:n} more", "{names} 외 {count}개"),
    ("a whole number", "정수"),
    ("text", "텍스트"),
    ("true/false", "true/false"),
    ("the number {value}", "숫자 {value}"),
    ("the text {value:q}", "텍스트 {value}"),
)
"""The network file's fields (each message names the field at fault)."""

JSON_FILES = (
    ("it is {kind:m}, not a file", "파일이 아니라 {kind}입니다"),
    ("a folder", "폴더"),
    ("a pipe (FIFO)", "파이프(FIFO)"),
    ("a device", "장치"),
    ("a socket", "소켓"),
    ("not a regular file", "일반 파일이 아닌 것"),
    ("reading failed: {reason:m}", "읽지 못했습니다: {reason}"),
    (
        "it is larger than {limit:n} bytes, more than any network file",
        "{limit}바이트보다 큽니다. 네트워크 파일이 이렇게 클 수는 없습니다",
    ),
    ("the name holds a character no file name can hold", "이름에 파일 이름으로 쓸 수 없는 문자가 있습니다"),
    (
        "it is UTF-16 or UTF-32 text; CNN Studio reads UTF-8",
        "UTF-16 또는 UTF-32 텍스트입니다. CNN Studio는 UTF-8만 읽습니다",
    ),
    (
        "it is not a text file (not UTF-8: byte {byte} at position {position:n})",
        "텍스트 파일이 아닙니다 (UTF-8이 아님: 위치 {position}의 바이트 {byte})",
    ),
    ("a network must be given as text, not {kind}", "네트워크는 텍스트로 주어야 합니다 (받은 형식: {kind})"),
    (
        "the text is {count:n} characters long, more than any network file",
        "텍스트 길이가 {count}자입니다. 네트워크 파일이 이렇게 길 수는 없습니다",
    ),
    (
        "not valid JSON at line {line:n}, column {column:n}: {reason:m}",
        "올바른 JSON이 아닙니다 ({line}번째 줄, {column}번째 칸): {reason}",
    ),
    (
        "not valid JSON at line {line:n}, column {column:n}: {reason:m} (the file looks cut short)",
        "올바른 JSON이 아닙니다 ({line}번째 줄, {column}번째 칸): {reason} (파일이 중간에 잘린 것 같습니다)",
    ),
    (
        "the JSON is nested hundreds of levels deep, more than any CNN Studio file",
        "JSON이 수백 단계로 중첩되어 있습니다. CNN Studio 파일이 이렇게 깊을 수는 없습니다",
    ),
    (
        "'{name}' is not a number JSON allows (nor a value CNN Studio can use)",
        "'{name}': JSON이 허용하는 숫자가 아닙니다 (CNN Studio가 쓸 수 있는 값도 아닙니다)",
    ),
    ("the key {key:q} appears twice in one JSON object", "JSON 객체 하나에 같은 키가 두 번 나옵니다: {key}"),
    (
        "a lone surrogate (U+{code:w}), which no file can store",
        "파일에 저장할 수 없는 짝 없는 서로게이트 문자(U+{code})",
    ),
    ("a control character or line break (U+{code:w})", "제어 문자 또는 줄 바꿈(U+{code})"),
    # the JSON parser's own words
    ("Expecting value", "값이 와야 합니다"),
    ("Expecting property name enclosed in double quotes", "큰따옴표로 감싼 속성 이름이 와야 합니다"),
    ("Expecting ':' delimiter", "':' 구분자가 와야 합니다"),
    ("Expecting ',' delimiter", "',' 구분자가 와야 합니다"),
    ("Extra data", "JSON 뒤에 남는 데이터가 있습니다"),
    ("Invalid control character at", "잘못된 제어 문자가 있습니다"),
    ("Invalid \\escape", "잘못된 이스케이프(\\)가 있습니다"),
    ("Invalid \\uXXXX escape", "잘못된 \\uXXXX 이스케이프가 있습니다"),
    ("Unterminated string starting at", "닫히지 않은 문자열이 있습니다"),
    ("Illegal trailing comma before end of object", "객체 끝 앞에 쓸 수 없는 쉼표가 있습니다"),
    ("Illegal trailing comma before end of array", "배열 끝 앞에 쓸 수 없는 쉼표가 있습니다"),
    # the system's words for a file that cannot be opened (strerror, its first letter made small)
    ("no such file or directory", "그런 파일이나 폴더가 없습니다"),
    ("permission denied", "권한이 없습니다"),
    ("is a directory", "폴더입니다"),
    ("not a directory", "폴더가 아닙니다"),
    ("file name too long", "파일 이름이 너무 깁니다"),
    ("too many levels of symbolic links", "심볼릭 링크가 너무 여러 단계로 이어져 있습니다"),
    ("no space left on device", "장치에 남은 공간이 없습니다"),
    ("read-only file system", "읽기 전용 파일 시스템입니다"),
    ("input/output error", "입출력 오류가 났습니다"),
)
"""Reading bytes as JSON."""

LABELS = (
    ("kernel size", "커널 크기"),
    ("filters", "필터 수"),
    ("padding", "패딩"),
    ("stride", "스트라이드"),
    ("units", "유닛 수"),
    ("channels", "채널 수"),
    ("height", "높이"),
    ("width", "너비"),
    ("groups", "그룹 수"),
    ("size", "크기"),
    ("drop probability", "드롭 확률"),
    ("bias", "편향"),
    ("batch norm", "배치 정규화"),
    ("ceil mode", "올림 모드"),
    ("shortcut", "지름길"),
    ("variant", "변형"),
    ("stride on", "스트라이드 위치"),
    ("pool proj", "풀링 사영"),
    ("1x1 reductions", "1x1 축소"),
    ("#3x3 reduce", "#3x3 축소"),
    ("#5x5 reduce", "#5x5 축소"),
)
"""Settings' labels as a message names them (in small letters: ``"kernel size must be..."``);
alpha, beta, k and #1x1, #3x3, #5x5 stay as the papers write them."""

ENTRIES = (*LABELS, *SETTINGS, *NAMES, *SHAPES, *EDITS, *STRUCTURE, *FILES, *JSON_FILES)
"""Every Korean entry of this module."""
