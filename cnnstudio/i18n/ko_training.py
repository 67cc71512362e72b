"""Korean: training's messages (settings, failures, checkpoints, run histories, the head, the
depth experiment), the lines ``cnnstudio train`` prints while it trains, and the model
package's few messages (the experiments show them).

Each entry is ``(English template, Korean template)`` (see :mod:`cnnstudio.i18n.templates`).
"""

from __future__ import annotations

SETTINGS = (
    (
        "{what:m} must be one of {choices}, not {value}",
        "{what}: {choices} 중 하나여야 합니다 (받은 값: {value})",
    ),
    ("{what:m} must be a number, not {value}", "{what} 값은 숫자여야 합니다 (받은 값: {value})"),
    ("{what:m} must be a whole number, not {value}", "{what} 값은 정수여야 합니다 (받은 값: {value})"),
    (
        "{what:m} must be at least {low:n}, not {value}",
        "{what} 값은 {low} 이상이어야 합니다 (받은 값: {value})",
    ),
    (
        "{what:m} must be at most {high:n} (it fits in 64 bits), not {value:m}",
        "{what} 값은 {high} 이하여야 합니다 (64비트에 들어가야 합니다). 받은 값: {value}",
    ),
    ("a number of {bits:n} bits", "{bits}비트 크기의 수"),
    (
        "{what:m} must be {low:m} and {high:m}, not {value}",
        "{what} 값은 {low}, {high}여야 합니다 (받은 값: {value})",
    ),
    ("{what:m} must be {bound:m}, not {value}", "{what} 값은 {bound}여야 합니다 (받은 값: {value})"),
    ("above {value:n}", "{value} 초과"),
    ("at least {value:n}", "{value} 이상"),
    ("below {value:n}", "{value} 미만"),
    ("at most {value:n}", "{value} 이하"),
    ("optimizer", "옵티마이저"),
    ("schedule", "학습률 스케줄"),
    ("device", "장치"),
    ("learning rate", "학습률"),
    ("momentum", "모멘텀"),
    ("weight decay", "가중치 감쇠"),
    ("gamma", "감마"),
    ("batch size", "배치 크기"),
    ("epochs", "에포크 수"),
    ("step epochs", "감소 간격 에포크"),
    ("seed", "시드"),
    ("crop padding", "자르기 패딩"),
    ("report every", "보고 간격"),
    ("the settings are not an object", "설정이 객체가 아닙니다"),
    ("every must be at least 1, not {value}", "간격은 1 이상이어야 합니다 (받은 값: {value})"),
    ("SGD with momentum", "모멘텀 SGD"),
    ("step (multiply by gamma every few epochs)", "단계 (몇 에포크마다 감마를 곱함)"),
    ("cosine (down to 0 at the end)", "코사인 (끝에서 0까지 내려감)"),
)
"""Settings a run refuses (several are joined with ``"; "``)."""

DEVICES = (
    (
        "CUDA was asked for, but this PyTorch ({version}) sees no CUDA GPU; use the device 'cpu' or 'auto'",
        "CUDA를 쓰도록 했지만 이 PyTorch({version})는 CUDA GPU를 찾지 못합니다. 장치를 'cpu'나 'auto'로 "
        "정하세요",
    ),
    (
        "Apple's MPS was asked for, but it is not available here; use 'cpu' or 'auto'",
        "Apple MPS를 쓰도록 했지만 여기서는 쓸 수 없습니다. 'cpu'나 'auto'를 쓰세요",
    ),
    (
        "unknown device '{name}': use auto, cpu, cuda or mps",
        "알 수 없는 장치 '{name}'입니다. auto, cpu, cuda, mps 중 하나를 쓰세요",
    ),
    ("cpu ({count:n} threads)", "cpu (스레드 {count}개)"),
)
"""Choosing where to train."""

FAILURES = (
    ("the loss became NaN", "손실이 NaN이 되었습니다"),
    ("the loss became infinite", "손실이 무한대가 되었습니다"),
    ("the loss became NaN at step {step:n}", "{step}단계에서 손실이 NaN이 되었습니다"),
    ("the loss became infinite at step {step:n}", "{step}단계에서 손실이 무한대가 되었습니다"),
    (
        "the loss grew to {loss:n}: the training diverged at step {step:n}",
        "{step}단계에서 손실이 {loss}까지 커졌습니다. 학습이 발산했습니다",
    ),
    (
        "lower the learning rate (now {lr:n}), e.g. to {lower:n}, and reset the weights",
        "학습률(지금 {lr})을 예를 들어 {lower}로 낮추고 가중치를 초기화하세요",
    ),
    (
        "an image could not be read at step {step:n}: {error:m}",
        "{step}단계에서 이미지를 읽지 못했습니다: {error}",
    ),
    ("{device:m} ran out of memory at step {step:n}", "{step}단계에서 {device}의 메모리가 부족해졌습니다"),
    (
        "use a smaller batch size (now {size:n}), e.g. {smaller:n}",
        "배치 크기(지금 {size})를 예를 들어 {smaller}로 줄이세요",
    ),
    ("use a smaller network or smaller input images", "더 작은 네트워크나 더 작은 입력 이미지를 쓰세요"),
    (
        "{device:m} reported an error it cannot recover from at step {step:n} ({text})",
        "{step}단계에서 {device}가 복구할 수 없는 오류를 알렸습니다 ({text})",
    ),
    (
        "save your network, then restart CNN Studio to train on the GPU again",
        "네트워크를 저장한 뒤 CNN Studio를 다시 시작해야 GPU에서 다시 학습할 수 있습니다",
    ),
    (
        "at step {step:n}, the network needed an operation that {device:m} cannot compute reproducibly "
        "({operation})",
        "{step}단계에서 네트워크에 {device}가 재현 가능하게 계산할 수 없는 연산이 필요했습니다 ({operation})",
    ),
    (
        "untick 'reproducible' to train this network there (two runs then differ slightly), or train on "
        "the CPU, where runs with the same seed repeat exactly",
        "이 장치에서 이 네트워크를 학습하려면 '재현 가능'을 끄세요 (그러면 두 실행 결과가 조금 다릅니다). "
        "또는 CPU에서 학습하세요. CPU에서는 같은 시드의 실행이 정확히 반복됩니다",
    ),
    (
        "torch.compile could not compile the network at step {step:n}: {text}",
        "{step}단계에서 torch.compile이 네트워크를 컴파일하지 못했습니다: {text}",
    ),
    ("untick 'compile' to train without it", "'컴파일'을 끄고 학습하세요"),
    (
        "PyTorch stopped with an error at step {step:n}: {text}",
        "{step}단계에서 PyTorch가 오류로 멈췄습니다: {text}",
    ),
    (
        "{device:m} reported an error it cannot recover from ({text}): save your network, then restart "
        "CNN Studio to train on the GPU again, or choose the CPU",
        "{device}가 복구할 수 없는 오류를 알렸습니다 ({text}). 네트워크를 저장한 뒤 CNN Studio를 다시 "
        "시작해야 GPU에서 다시 학습할 수 있습니다. 또는 CPU를 고르세요",
    ),
    (
        "the network's {count:n} weights do not fit in {device:m}'s memory: choose the CPU as the device, "
        "or make the network smaller",
        "네트워크의 가중치 {count}개가 {device}의 메모리에 들어가지 않습니다. 장치로 CPU를 고르거나 "
        "네트워크를 줄이세요",
    ),
    ("the GPU", "GPU"),
    ("the computer", "컴퓨터"),
)
"""Why a run stopped, and what to do (reason and suggestion are joined with ``"; "``)."""

CHECKS = (
    (
        "The network ends in a {shape:s} map, so a classifier head is added for training: global average "
        "pooling to {channels:n} values and a linear layer to {classes:n} classes ({params:n} parameters, "
        "{macs:n} MACs). It is not on the canvas; the plots count it in.",
        "네트워크가 {shape} 크기의 맵으로 끝나므로 학습할 때 분류 헤드를 덧붙입니다: 전역 평균 풀링으로 "
        "값 {channels}개를 만들고, 선형 층으로 클래스 {classes}개의 점수를 냅니다 (파라미터 {params}개, "
        "{macs} MACs). 이 헤드는 캔버스에 없지만 그래프에는 포함됩니다.",
    ),
    ("fix the network's errors first: {error:m}", "네트워크의 오류부터 고치세요: {error}"),
    (
        "fix the network's errors first: {error:m} (and {count:n} more)",
        "네트워크의 오류부터 고치세요: {error} (그 밖에 {count}개)",
    ),
    (
        "the network has no weights to learn: add a convolution or a linear layer",
        "네트워크에 학습할 가중치가 없습니다. 합성곱 층이나 선형 층을 추가하세요",
    ),
    (
        "the network ends with a {shape:s} map, not one score per class: end it with global average "
        "pooling (or flatten) and a linear layer with {units:m}",
        "네트워크가 클래스마다 점수 하나가 아니라 {shape} 크기의 맵으로 끝납니다. 전역 평균 풀링(또는 "
        "Flatten)과 {units}을 가진 선형 층으로 끝내세요",
    ),
    ("one unit per class", "클래스마다 유닛 하나"),
    ("{count:n} units", "유닛 {count}개"),
    (
        "the last layer has {outputs:n} outputs but {dataset} has {classes:n} classes: {how:m}",
        "마지막 층의 출력은 {outputs}개인데 {dataset}의 클래스는 {classes}개입니다. {how}",
    ),
    ("set {name}'s units to {count:n}", "{name} 층의 유닛 수를 {count}로 정하세요"),
    ("set {name}'s filters to {count:n}", "{name} 층의 필터 수를 {count}로 정하세요"),
    (
        "end the network with a linear layer of {count:n} units",
        "네트워크를 유닛 {count}개짜리 선형 층으로 끝내세요",
    ),
    (
        "{name} was opened for {opened} images, but the network reads {reads}",
        "{name}은(는) {opened} 이미지용으로 열렸는데 네트워크는 {reads} 입력을 읽습니다",
    ),
    (
        "cannot change the settings while training; stop first",
        "학습 중에는 설정을 바꿀 수 없습니다. 먼저 멈추세요",
    ),
    (
        "cannot change the weights while training; stop first",
        "학습 중에는 가중치를 바꿀 수 없습니다. 먼저 멈추세요",
    ),
    ("this trainer is already training", "이미 학습 중입니다"),
)
"""Whether a network can train on a dataset, and the head training adds."""

CHECKPOINTS = (
    (
        "cannot save the checkpoint to {asked} ({problem:m}), nor anywhere else",
        "체크포인트를 {asked}에 저장할 수 없고 ({problem}) 다른 곳에도 저장하지 못했습니다",
    ),
    (
        "cannot save the checkpoint to {asked} ({problem:m}); the weights were saved to {path} instead",
        "체크포인트를 {asked}에 저장할 수 없어 ({problem}) 가중치를 대신 {path}에 저장했습니다",
    ),
    (
        "{path} is a folder; give a file name such as {example}",
        "{path}은(는) 폴더입니다. {example} 같은 파일 이름을 주세요",
    ),
    ("the folder {folder} does not exist", "{folder} 폴더가 없습니다"),
    ("the folder {folder} cannot be written ({reason:m})", "{folder} 폴더에 쓸 수 없습니다 ({reason})"),
    (
        "the disk holding {folder} has {free:n} MB free; the checkpoint needs about {size:n} MB",
        "{folder}이(가) 있는 디스크에 남은 공간이 {free} MB입니다. 체크포인트에는 약 {size} MB가 필요합니다",
    ),
    ("cannot open {path}: there is no such file", "{path}을(를) 열 수 없습니다. 그런 파일이 없습니다"),
    ("cannot read {path}: {reason:m}", "{path}을(를) 읽을 수 없습니다: {reason}"),
    ("it is not a zip archive", "zip 압축 파일이 아닙니다"),
    ("its part {part} fails its checksum", "안의 {part} 부분의 체크섬이 맞지 않습니다"),
    (
        "{name} is not a PyTorch checkpoint, or it is damaged or cut short ({detail:m})",
        "{name}은(는) PyTorch 체크포인트가 아니거나, 손상되었거나 중간에 잘렸습니다 ({detail})",
    ),
    (
        "{name} holds Python objects, not just weights (perhaps a whole model saved with torch.save(model)); "
        "CNN Studio opens only its own checkpoints, which need no code to read",
        "{name}에는 가중치만이 아니라 Python 객체가 들어 있습니다 (torch.save(model)로 모델 전체를 저장한 "
        "것일 수 있습니다). CNN Studio는 읽는 데 코드가 필요 없는 자체 체크포인트만 엽니다",
    ),
    (
        "{name} is a PyTorch file but not a CNN Studio checkpoint (it has no {mark:q} mark)",
        "{name}은(는) PyTorch 파일이지만 CNN Studio 체크포인트가 아닙니다 ({mark} 표시가 없습니다)",
    ),
    (
        "{name}: the checkpoint version {version} is not valid",
        "{name}: 체크포인트 버전 {version}이(가) 올바르지 않습니다",
    ),
    (
        "{name} was written by a newer CNN Studio (checkpoint version {version}); update CNN Studio",
        "{name}은(는) 더 새로운 CNN Studio가 쓴 파일입니다 (체크포인트 버전 {version}). CNN Studio를 "
        "업데이트하세요",
    ),
    ("{name} is incomplete: it lacks {missing}", "{name}이(가) 온전하지 않습니다. 빠진 항목: {missing}"),
    (
        "{name}: the weights ('state_dict') are not a set of tensors",
        "{name}: 가중치('state_dict')가 텐서 모음이 아닙니다",
    ),
    ("{name}: the class names are not all text", "{name}: 클래스 이름 중 텍스트가 아닌 것이 있습니다"),
    ("{name}: {key:q} has the wrong type", "{name}: {key} 항목의 형식이 잘못되었습니다"),
    (
        "{name}: the saved network is not valid: {error:m}",
        "{name}: 저장된 네트워크가 올바르지 않습니다: {error}",
    ),
    (
        "{name}: the saved network cannot be built: {error:m}",
        "{name}: 저장된 네트워크를 만들 수 없습니다: {error}",
    ),
    (
        "{name}: the saved weights do not fit the saved network ({error})",
        "{name}: 저장된 가중치가 저장된 네트워크에 맞지 않습니다 ({error})",
    ),
    (
        "{name}: the saved settings are not valid ({error:m})",
        "{name}: 저장된 설정이 올바르지 않습니다 ({error})",
    ),
    (
        "{name}: the saved run history is not valid ({error:m})",
        "{name}: 저장된 실행 기록이 올바르지 않습니다 ({error})",
    ),
    ("the run history is not an object", "실행 기록이 객체가 아닙니다"),
    ("the run history's step lists differ in length", "실행 기록의 단계 목록들 길이가 서로 다릅니다"),
    ("the run history's status {status:q} is unknown", "실행 기록의 상태 {status}을(를) 알 수 없습니다"),
    (
        "the run history's {key:q} is missing or not {kind}",
        "실행 기록에 {key} 항목이 없거나 {kind} 형식이 아닙니다",
    ),
    (
        "the run history's {key:q} holds something other than {kind}",
        "실행 기록의 {key} 항목에 {kind}이(가) 아닌 값이 있습니다",
    ),
    ("an epoch of the run history has the wrong fields", "실행 기록의 한 에포크에 잘못된 항목이 있습니다"),
    (
        "an epoch of the run history holds something other than numbers",
        "실행 기록의 한 에포크에 숫자가 아닌 값이 있습니다",
    ),
)
"""Checkpoints and run histories that cannot be saved or read."""

DEPTH = (
    (
        "{train:n} drawn shapes of {size:s} pixels ({val:n} more for validation), first-stage width "
        "{width:n}, {epochs:n} epochs, batch {batch:n}, Adam at {lr:n} with a cosine schedule, seed {seed:n}",
        "{size} 픽셀의 그린 도형 {train}장 (검증용 {val}장 별도), 첫 단계 너비 {width}, 에포크 {epochs}, "
        "배치 {batch}, Adam 학습률 {lr}와 코사인 스케줄, 시드 {seed}",
    ),
    (
        "ResNet-56 trained at least as well as ResNet-20 ({r56:n} against {r20:n}).",
        "ResNet-56은 ResNet-20만큼 또는 그보다 잘 학습했습니다 ({r56}, ResNet-20은 {r20}).",
    ),
    (
        "ResNet-56 trained about as well as ResNet-20, within a point ({r56:n} against {r20:n}).",
        "ResNet-56은 ResNet-20과 1%p 이내로 비슷하게 학습했습니다 ({r56}, ResNet-20은 {r20}).",
    ),
    (
        "ResNet-56 ended behind ResNet-20 this time ({r56:n} against {r20:n}).",
        "이번에는 ResNet-56이 ResNet-20보다 뒤처졌습니다 ({r56}, ResNet-20은 {r20}).",
    ),
    (
        "Plain-56 ended with a higher training error than Plain-20 ({p56:n} against {p20:n}); {residual:m}",
        "Plain-56은 Plain-20보다 학습 오차가 높게 끝났습니다 ({p56}, Plain-20은 {p20}). {residual}",
    ),
    (
        "Plain-56 did not end worse than Plain-20 this time ({p56:n} against {p20:n}); {residual:m}",
        "이번에는 Plain-56이 Plain-20보다 나쁘게 끝나지 않았습니다 ({p56}, Plain-20은 {p20}). {residual}",
    ),
)
"""The depth experiment's settings and verdict."""

PROGRESS = (
    (
        "training {network} ({weights:n} weights) on {dataset:m}: {train:n} images, {val:n} for validation, "
        "on {device:m} in {precision:w}",
        "{network} 학습 (가중치 {weights}개), 데이터: {dataset}. 이미지 {train}장, 검증용 {val}장, "
        "장치 {device}, 정밀도 {precision}",
    ),
    (
        "epoch {epoch:n}/{epochs:n}: train loss {loss:n}, accuracy {accuracy:n} | val loss {val_loss:n}, "
        "accuracy {val_accuracy:n} | lr {lr:n}, {seconds:n} s, {speed:n} img/s",
        "에포크 {epoch}/{epochs}: 학습 손실 {loss}, 정확도 {accuracy} | 검증 손실 {val_loss}, "
        "정확도 {val_accuracy} | 학습률 {lr}, {seconds} s, {speed} img/s",
    ),
    (
        "epoch {epoch:n}/{epochs:n} [{bar:w}] {done:n}/{steps:n}  loss {loss:n}  {speed:n} img/s",
        "에포크 {epoch}/{epochs} [{bar}] {done}/{steps}  손실 {loss}  {speed} img/s",
    ),
    ("stopped (Ctrl-C) before training began", "학습이 시작되기 전에 멈췄습니다 (Ctrl-C)"),
    (
        "--val-fraction must be between 0 and 1, not {value:n}",
        "--val-fraction 값은 0과 1 사이여야 합니다 (받은 값: {value})",
    ),
    ("cannot save the checkpoint: {problem:m}", "체크포인트를 저장할 수 없습니다: {problem}"),
    ("cannot train {name}: {error:m}", "{name}을(를) 학습할 수 없습니다: {error}"),
    ("dataset {spec:q}: {error:m}", "데이터셋 {spec}: {error}"),
    ("cannot write the log {path}: {reason:m}", "로그 {path}을(를) 쓸 수 없습니다: {reason}"),
)
"""What ``cnnstudio train`` prints on stderr while it trains."""

_ENDS = (("done", "완료"), ("stopped", "멈춤"))
ENDINGS = tuple(
    (
        f"{how} after {{epochs:n}} {word} ({{seconds:n}} s){val}",
        f"{{epochs}} 에포크 후 {korean} ({{seconds}} s){val_ko}",
    )
    for how, korean in _ENDS
    for word in ("epoch", "epochs")
    for val, val_ko in (("", ""), (", val accuracy {accuracy:n}", ", 검증 정확도 {accuracy}"))
)
"""How a run of ``cnnstudio train`` ended (``"done after 2 epochs (3.1 s), val accuracy 91.2%"``)."""


MODEL = (
    ("the network has errors:", "네트워크에 오류가 있습니다:"),
    ("- {message:m}", "- {message}"),
    ("no torch layer is known for block type '{type}'", "블록 종류 '{type}'에 맞는 torch 층이 없습니다"),
    ("the network has no block called '{path}'", "네트워크에 '{path}' 블록이 없습니다"),
    (
        "the block changes the shape, so its shortcut is not the identity",
        "블록이 크기를 바꾸므로 지름길 연결이 항등 함수가 아닙니다",
    ),
)
"""The model package's messages, shown by the experiments (the identity check, inside the network)."""

ENTRIES = (*SETTINGS, *DEVICES, *FAILURES, *CHECKS, *CHECKPOINTS, *DEPTH, *PROGRESS, *ENDINGS, *MODEL)
"""Every Korean entry of this module."""
