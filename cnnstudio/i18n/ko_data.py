"""Korean: the datasets' messages (opening, checking and downloading images, the dataset kinds).

Each entry is ``(English template, Korean template)`` (see :mod:`cnnstudio.i18n.templates`).
The data package writes whole sentences with a capital letter and a full stop; so do these.
"""

from __future__ import annotations

OPENING = (
    ("The folder {root} does not exist.", "{root} 폴더가 없습니다."),
    ("{name} is missing from {folder}.", "{folder} 폴더에 {name} 파일이 없습니다."),
    ("{name} cannot be read: {reason:m}", "{name} 파일을 읽을 수 없습니다: {reason}"),
    (
        "No CIFAR-10 files in {root}: expected {first} .. {last} (the binary version of CIFAR-10).",
        "{root} 폴더에 CIFAR-10 파일이 없습니다. {first} .. {last} 파일(CIFAR-10의 바이너리 버전)이 "
        "있어야 합니다.",
    ),
    (
        "{name} is cut short or is not a CIFAR-10 binary file: it has {size:n} bytes, not a whole "
        "number of {record:n}-byte records ({whole:n} whole records and {left:n} bytes left over).",
        "{name} 파일이 중간에 잘렸거나 CIFAR-10 바이너리 파일이 아닙니다. 크기가 {size}바이트로, "
        "{record}바이트 레코드의 정수 배가 아닙니다 (온전한 레코드 {whole}개, 남는 바이트 {left}개).",
    ),
    (
        "{name} has the label {label:n} in record {record:n}; labels must be 0 to 9.",
        "{name} 파일의 {record}번 레코드에 레이블 {label}이 있습니다. 레이블은 0에서 9 사이여야 합니다.",
    ),
    (
        "{name} has {count:n} columns per row; expected 65 (64 pixels and a label).",
        "{name} 파일의 행마다 열이 {count}개 있습니다. 65개(픽셀 64개와 레이블 하나)여야 합니다.",
    ),
    (
        "{name} has pixel values outside 0..{high:n}.",
        "{name} 파일에 0..{high} 범위를 벗어난 픽셀 값이 있습니다.",
    ),
    ("{name} has a label outside 0..9.", "{name} 파일에 0..9 범위를 벗어난 레이블이 있습니다."),
    (
        "{name} cannot be read as gzipped comma-separated numbers: {reason}",
        "{name} 파일을 gzip으로 압축된 쉼표 구분 숫자로 읽을 수 없습니다: {reason}",
    ),
    (
        "The bundled digits file {name} is missing: {reason}",
        "함께 배포된 숫자 파일 {name}이(가) 없습니다: {reason}",
    ),
    (
        "{stem}.gz is missing: no {gz}.gz or {plain} in {folder}.",
        "{stem}.gz 파일이 없습니다. {folder} 폴더에 {gz}.gz 파일도 {plain} 파일도 없습니다.",
    ),
    (
        "{name} is not an IDX {kind:m} file: it starts with {found}, expected {expected}.",
        "{name} 파일은 IDX {kind} 파일이 아닙니다. 시작 바이트가 {found}인데 {expected}여야 합니다.",
    ),
    (
        "{name} is cut short: its header needs {needed:n} bytes, found {found:n}.",
        "{name} 파일이 중간에 잘렸습니다. 헤더에 {needed}바이트가 필요한데 {found}바이트뿐입니다.",
    ),
    (
        "The labels file {labels} has {count:n} labels but the images file {images} has {images_count:n} images.",
        "레이블 파일 {labels}에는 레이블이 {count}개 있는데 이미지 파일 {images}에는 이미지가 "
        "{images_count}개 있습니다.",
    ),
    (
        "{name} has the label {label:n} for image {index:n}; labels must be 0 to {high:n}.",
        "{name} 파일에서 {index}번 이미지의 레이블이 {label}입니다. 레이블은 0에서 {high} 사이여야 합니다.",
    ),
    (
        "{name} is not a complete gzip file (it may be cut short): {reason}",
        "{name} 파일은 온전한 gzip 파일이 아닙니다 (중간에 잘렸을 수 있습니다): {reason}",
    ),
    (
        "{name} holds no {kind:m}: its header says {described:m}.",
        "{name} 파일에 {kind} 데이터가 없습니다. 헤더 내용: {described}.",
    ),
    (
        "{name} claims {described:m}, {payload:n} bytes: more than the {limit:n} bytes CNN Studio reads "
        "from one IDX file.",
        "{name} 파일은 {described}, {payload}바이트라고 합니다. CNN Studio가 IDX 파일 하나에서 읽는 "
        "{limit}바이트보다 많습니다.",
    ),
    (
        "{name} is cut short: expected {expected:n} bytes of {kind:m} ({described:m}), found {found:n}.",
        "{name} 파일이 중간에 잘렸습니다. {kind} 데이터 {expected}바이트({described})가 있어야 하는데 "
        "{found}바이트뿐입니다.",
    ),
    (
        "{name} is longer than its header says: expected {expected:n} bytes ({described:m}), found more.",
        "{name} 파일이 헤더에 적힌 것보다 깁니다. {expected}바이트({described})여야 하는데 더 깁니다.",
    ),
    ("{count:n} images of {size:s}", "{size} 크기 이미지 {count}장"),
    ("{count:n} labels", "레이블 {count}개"),
    ("images", "이미지"),
    ("labels", "레이블"),
    (
        "The folder {root} has no class subfolders: put each class's images in a subfolder named after "
        "the class, such as {cat} and {dog}.",
        "{root} 폴더에 클래스 하위 폴더가 없습니다. 각 클래스의 이미지를 클래스 이름의 하위 폴더(예: "
        "{cat}, {dog})에 넣으세요.",
    ),
    (
        "The folder {root} needs at least two class subfolders with images ({suffixes}); {found:m} any.",
        "{root} 폴더에는 이미지({suffixes})가 든 클래스 하위 폴더가 두 개 이상 있어야 합니다. {found}.",
    ),
    ("only {name:q} has", "이미지가 있는 폴더는 {name}뿐입니다"),
    ("none of its subfolders has", "이미지가 있는 하위 폴더가 없습니다"),
    (
        "{name} cannot be read as an image ({detail:m}). Remove or replace it.",
        "{name} 파일을 이미지로 읽을 수 없습니다 ({detail}). 지우거나 다른 파일로 바꾸세요.",
    ),
    (
        "its header claims far more pixels than any photo has",
        "헤더에 적힌 픽셀 수가 어떤 사진보다도 훨씬 많습니다",
    ),
    ("not a picture in a format CNN Studio reads", "CNN Studio가 읽는 형식의 그림이 아닙니다"),
    ("the file is damaged or cut short: {reason}", "파일이 손상되었거나 중간에 잘렸습니다: {reason}"),
    (
        "{name} cannot be used: its header says {width:n}x{height:n} pixels, more than the {limit:n} "
        "megapixels CNN Studio reads. Remove it or make it smaller.",
        "{name} 파일은 쓸 수 없습니다. 헤더에 {width}x{height} 픽셀로 적혀 있어 CNN Studio가 읽는 "
        "{limit}메가픽셀보다 큽니다. 지우거나 더 작게 만드세요.",
    ),
    (
        "{name} has no {part:m} images: there is nothing to learn from.",
        "{name}에 {part} 이미지가 없습니다. 학습할 것이 없습니다.",
    ),
    ("training", "학습"),
    ("validation", "검증"),
)
"""Opening and checking the files of a dataset."""

ADAPTING = (
    (
        "Cannot turn {have:n}-channel images into {channels:n}-channel ones.",
        "채널 {have}개 이미지를 채널 {channels}개 이미지로 바꿀 수 없습니다.",
    ),
    (
        "A network input shape must be (channels, height, width); got {shape}.",
        "네트워크 입력 크기는 (채널, 높이, 너비)여야 합니다 (받은 값: {shape}).",
    ),
    (
        "Images can be given to a network with 1 (gray) or 3 (RGB) input channels, not {count:n}.",
        "이미지는 입력 채널이 1개(흑백) 또는 3개(RGB)인 네트워크에만 줄 수 있습니다. 이 네트워크의 입력 "
        "채널은 {count}개입니다.",
    ),
    (
        "Colour images must be turned into gray before they are rounded to bytes.",
        "컬러 이미지는 바이트로 반올림하기 전에 흑백으로 바꿔야 합니다.",
    ),
    (
        "The validation fraction must be between 0 and 1 (such as 0.2), not {value}.",
        "검증 비율은 0과 1 사이(예: 0.2)여야 합니다 (받은 값: {value}).",
    ),
    (
        "The dataset is too small to split into training and validation images.",
        "데이터셋이 너무 작아 학습 이미지와 검증 이미지로 나눌 수 없습니다.",
    ),
)
"""Fitting images to a network's input."""

DOWNLOADING = (
    (
        "The download of {name} was cancelled after {position:n} bytes; they are kept, and the next "
        "download continues from there.",
        "{name} 내려받기가 {position}바이트에서 취소되었습니다. 받은 부분은 남겨 두었고, 다음 내려받기는 "
        "거기서부터 이어집니다.",
    ),
    (
        "The download of {name} was cancelled after {position:n} bytes; the server cannot continue it "
        "later, so the partial file was removed.",
        "{name} 내려받기가 {position}바이트에서 취소되었습니다. 서버가 나중에 이어 받기를 지원하지 않아 "
        "받은 부분을 지웠습니다.",
    ),
    (
        "Downloading {name} failed: the server answered {code:n} {reason} ({url}).",
        "{name} 내려받기에 실패했습니다. 서버 응답: {code} {reason} ({url}).",
    ),
    (
        "Downloading {name} failed: {reason}. Check the internet connection and try again; what was "
        "downloaded so far is kept.",
        "{name} 내려받기에 실패했습니다: {reason}. 인터넷 연결을 확인하고 다시 시도하세요. 지금까지 받은 "
        "부분은 남겨 두었습니다.",
    ),
    (
        "{name} cannot be written to {folder}: {reason:m}.",
        "{name} 파일을 {folder} 폴더에 쓸 수 없습니다: {reason}.",
    ),
    (
        "Downloading {name} was stopped: it should take {limit:n} bytes at most, but {found:m}. The server "
        "may be sending something else; nothing was kept.",
        "{name} 내려받기를 멈췄습니다. 최대 {limit}바이트여야 하는데 {found}. 서버가 다른 것을 보내고 있을 "
        "수 있습니다. 아무것도 남기지 않았습니다.",
    ),
    ("the server announces {size:n}", "서버가 {size}바이트라고 알립니다"),
    ("the server sent more", "서버가 그보다 많이 보냈습니다"),
    ("the connection closed before {size:n} bytes", "{size}바이트를 받기 전에 연결이 끊겼습니다"),
    (
        "Downloading {name} stopped after {position:n} bytes ({reason:m}). {kept:m}",
        "{name} 내려받기가 {position}바이트에서 멈췄습니다 ({reason}). {kept}",
    ),
    (
        "What arrived is kept; try again to continue from there.",
        "받은 부분은 남겨 두었습니다. 다시 시도하면 거기서부터 이어집니다.",
    ),
    (
        "The server cannot continue it, so the partial file was removed; try again.",
        "서버가 이어 받기를 지원하지 않아 받은 부분을 지웠습니다. 다시 시도하세요.",
    ),
    (
        "{name} did not download correctly: its SHA-256 checksum is {found:w}, but the published one is "
        "{published:w}. The damaged file was deleted; please try again.",
        "{name} 파일이 제대로 내려받아지지 않았습니다. SHA-256 체크섬이 {found}인데 공개된 값은 "
        "{published}입니다. 손상된 파일을 지웠습니다. 다시 시도하세요.",
    ),
    (
        "{kind:q} cannot be downloaded; these can: {known}.",
        "{kind}은(는) 내려받을 수 없습니다. 내려받을 수 있는 것: {known}.",
    ),
    ("{name} cannot be unpacked: {reason}", "{name} 파일의 압축을 풀 수 없습니다: {reason}"),
    (
        "{name} holds an unsafe entry {entry:q} (an absolute path, '..' or a link); nothing was extracted.",
        "{name} 파일에 안전하지 않은 항목 {entry}이(가) 있습니다 (절대 경로, '..' 또는 링크). 아무것도 "
        "풀지 않았습니다.",
    ),
    (
        "{name} would unpack to more than {size:n} bytes or {count:n} files, far more than the dataset "
        "holds; nothing was extracted.",
        "{name} 파일을 풀면 {size}바이트 또는 파일 {count}개를 넘어 데이터셋보다 훨씬 커집니다. 아무것도 "
        "풀지 않았습니다.",
    ),
    (
        "Unpacking {name} was cancelled; the archive is kept.",
        "{name} 압축 풀기를 취소했습니다. 압축 파일은 남겨 두었습니다.",
    ),
    ("The folder {folder} cannot be created: {reason:m}", "{folder} 폴더를 만들 수 없습니다: {reason}"),
)
"""Downloading and unpacking the official files."""

KINDS = (
    (
        "Unknown dataset {spec:q}. Use one of: {known}.",
        "알 수 없는 데이터셋 {spec}입니다. 다음 중 하나를 쓰세요: {known}.",
    ),
    (
        "The {title} dataset needs a folder: write {id:w}:DIR.",
        "{title} 데이터셋에는 폴더가 필요합니다. {id}:DIR 형식으로 쓰세요.",
    ),
    (
        "The {title} dataset takes no argument: write just {id:w}.",
        "{title} 데이터셋은 인수를 받지 않습니다. {id}만 쓰세요.",
    ),
    (
        "shapes:{argument} — the size must be a whole number such as shapes:5000.",
        "shapes:{argument} — 크기는 shapes:5000처럼 정수여야 합니다.",
    ),
    (
        "shapes:{argument} — the size must be between 20 and {high:n}.",
        "shapes:{argument} — 크기는 20에서 {high} 사이여야 합니다.",
    ),
    ("Handwritten digits (bundled)", "손글씨 숫자 (함께 배포)"),
    ("Handwritten digits", "손글씨 숫자"),
    ("Drawn shapes", "그린 도형"),
    (
        "1,797 small 8x8 handwritten digits from the UCI repository, shipped with CNN Studio.",
        "UCI 저장소의 8x8 크기 손글씨 숫자 1,797장으로, CNN Studio와 함께 배포됩니다.",
    ),
    ("Drawn shapes (generated)", "그린 도형 (생성)"),
    (
        "Ten kinds of shape drawn at random positions, sizes and colours, made at any image size.",
        "열 가지 도형을 무작위 위치, 크기, 색으로 그린 것으로, 어떤 이미지 크기로도 만들 수 있습니다.",
    ),
    (
        "70,000 handwritten digits of 28x28 pixels, the classic benchmark LeNet-5 was built for.",
        "28x28 픽셀 손글씨 숫자 70,000장으로, LeNet-5가 겨냥한 고전적인 벤치마크입니다.",
    ),
    (
        "70,000 28x28 pictures of clothes in ten classes, a harder drop-in for MNIST.",
        "열 가지 클래스의 28x28 옷 사진 70,000장으로, MNIST 대신 쓸 수 있는 더 어려운 데이터셋입니다.",
    ),
    (
        "60,000 small 32x32 colour photos of ten kinds of object and animal.",
        "열 가지 사물과 동물을 담은 32x32 크기의 작은 컬러 사진 60,000장입니다.",
    ),
    (
        "Your own pictures: one subfolder per class, each holding PNG, JPEG, BMP or GIF images.",
        "직접 준비한 그림: 클래스마다 하위 폴더 하나에 PNG, JPEG, BMP 또는 GIF 이미지를 담습니다.",
    ),
)
"""The dataset kinds and how they are written (``shapes:5000``, ``mnist:DIR``)."""

ENTRIES = (*OPENING, *ADAPTING, *DOWNLOADING, *KINDS)
"""Every Korean entry of this module."""
