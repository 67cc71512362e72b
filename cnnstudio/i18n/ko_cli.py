"""Korean: the command line (argparse's own words, every command's help, what commands print,
the terminal tables' headings).

Each entry is ``(English template, Korean template)`` (see :mod:`cnnstudio.i18n.templates`).
Option names, choices, file suffixes and preset ids stay as they are typed.
"""

from __future__ import annotations

ARGPARSE = (
    ("usage:", "사용법:"),
    ("positional arguments", "위치 인수"),
    ("options", "옵션"),
    ("optional arguments", "옵션"),
    ("show this help message and exit", "이 도움말을 보여 주고 끝냅니다"),
    ("the following arguments are required: {names}", "다음 인수가 필요합니다: {names}"),
    ("unrecognized arguments: {arguments}", "알 수 없는 인수: {arguments}"),
    ("argument {name}: {message:m}", "인수 {name}: {message}"),
    ("invalid choice: {value} (choose from {choices})", "잘못된 선택: {value} (고를 수 있는 것: {choices})"),
    ("invalid {type:w} value: {value}", "잘못된 {type} 값: {value}"),
    ("expected one argument", "인수가 하나 필요합니다"),
    ("expected at most one argument", "인수는 하나까지만 줄 수 있습니다"),
    ("expected at least one argument", "인수가 하나 이상 필요합니다"),
    ("expected {count:n} arguments", "인수가 {count}개 필요합니다"),
    ("one of the arguments {names} is required", "{names} 인수 중 하나가 필요합니다"),
    ("not allowed with argument {name}", "{name} 인수와 함께 쓸 수 없습니다"),
    (
        "ambiguous option: {option} could match {matches}",
        "모호한 옵션: {option}은(는) {matches} 중 어느 것일 수도 있습니다",
    ),
    ("ignored explicit argument {value}", "무시된 명시적 인수: {value}"),
)
"""argparse's own words (Python 3.11 to 3.13)."""

HELP = (
    (
        "Open CNN Studio's window (other commands: presets, summary, train, export, compare).",
        "CNN Studio 창을 엽니다 (다른 명령: presets, summary, train, export, compare).",
    ),
    (
        "Other commands: presets, summary, train, export, compare, check (cnnstudio COMMAND --help). "
        "Language: --lang en|ko, else the locale's (LC_ALL, LC_MESSAGES or LANG, such as ko_KR.UTF-8), "
        "else English; --format json output is never translated.",
        "다른 명령: presets, summary, train, export, compare, check (cnnstudio COMMAND --help). "
        "언어: --lang en|ko, 없으면 로캘의 언어(LC_ALL, LC_MESSAGES 또는 LANG, 예: ko_KR.UTF-8), "
        "그것도 없으면 영어입니다. --format json 출력은 번역하지 않습니다.",
    ),
    (
        "the language of the messages and help (en or ko); without it, the locale's (LANG)",
        "메시지와 도움말의 언어 (en 또는 ko). 없으면 로캘(LANG)의 언어",
    ),
    (
        "the language of the hints and messages; without it, the locale's (LANG)",
        "힌트와 메시지의 언어. 없으면 로캘(LANG)의 언어",
    ),
    (
        "the language of the window for this run (en or ko); without it, the one chosen under "
        "View > Language, else the system's",
        "이번 실행에서 창에 쓸 언어 (en 또는 ko). 없으면 보기 > 언어에서 고른 언어, 그것도 없으면 "
        "시스템의 언어",
    ),
    ("the language of lessons and exercises (en or ko)", "강의와 연습 문제의 언어 (en 또는 ko)"),
    (
        "a preset id (see 'cnnstudio presets'), a .cnnstudio.json file or an .onnx model",
        "프리셋 id('cnnstudio presets' 참고), .cnnstudio.json 파일 또는 .onnx 모델",
    ),
    (
        "a preset id (see 'cnnstudio presets') or a .cnnstudio.json file",
        "프리셋 id('cnnstudio presets' 참고) 또는 .cnnstudio.json 파일",
    ),
    (
        "a preset id (see 'cnnstudio presets'), a .cnnstudio.json file, an .onnx model, or a "
        "ready-made comparison's id, which stands for its networks",
        "프리셋 id('cnnstudio presets' 참고), .cnnstudio.json 파일, .onnx 모델, 또는 준비된 비교의 "
        "id(그 비교의 네트워크들을 뜻함)",
    ),
    (
        "a preset id, a .cnnstudio.json file, an .onnx model or a checkpoint (.pt) with weights",
        "프리셋 id, .cnnstudio.json 파일, .onnx 모델, 또는 가중치가 든 체크포인트(.pt)",
    ),
    (
        "save a PNG of the window (1600x1000 unless --size) and exit",
        "창을 PNG로 저장하고 끝냅니다 (--size가 없으면 1600x1000)",
    ),
    ("the window's size, e.g. 1600x1000", "창 크기, 예: 1600x1000"),
    ("select a layer (inner layers: block.layer)", "층을 선택합니다 (안쪽 층: block.layer)"),
    ("the table cell whose formula to show", "공식을 보여 줄 표의 칸"),
    ("open a residual or inception block", "잔차 블록이나 인셉션 블록을 엽니다"),
    ("show the case-study cards at start", "시작할 때 사례 연구 카드를 보여 줍니다"),
    ("show a ready-made comparison: {known}", "준비된 비교를 보여 줍니다: {known}"),
    ("show a lesson beside the network (L01 to L07)", "네트워크 옆에 강의를 보여 줍니다 (L01에서 L07까지)"),
    (
        "open an exercise (*.cnnstudio-exercise.json); with NET, check NET as the work on it",
        "연습 문제(*.cnnstudio-exercise.json)를 엽니다. NET을 주면 NET을 그 연습 문제의 답으로 확인합니다",
    ),
    ("List the case-study networks.", "사례 연구 네트워크를 나열합니다."),
    (
        "Every layer's output shape, parameters and multiply-accumulates (MACs).",
        "각 층의 출력 크기, 파라미터 수, 곱셈-누산(MAC) 수를 보여 줍니다.",
    ),
    ("override the input shape: C,H,W (e.g. 3,224,224)", "입력 크기를 바꿉니다: C,H,W (예: 3,224,224)"),
    ("override the input shape: C,H,W (e.g. 3,64,64)", "입력 크기를 바꿉니다: C,H,W (예: 3,64,64)"),
    ("table, csv, markdown or json", "table, csv, markdown 또는 json"),
    ("table, json or markdown", "table, json 또는 markdown"),
    ("show FLOPs (2 x MACs) instead of MACs", "MAC 대신 FLOPs(2 x MACs)를 보여 줍니다"),
    ("shape notation (default H x W x C)", "크기 표기 (기본값 H x W x C)"),
    ("check every layer against PyTorch", "모든 층을 PyTorch와 대조합니다"),
    (
        "Compare networks: totals, parameters and MACs per stage, and ratios in words against the first "
        "network.",
        "네트워크를 비교합니다: 합계, 단계별 파라미터와 MAC, 첫 네트워크에 대한 비율을 말로 보여 줍니다.",
    ),
    ("ready-made comparisons: {known}", "준비된 비교: {known}"),
    ("list the ready-made comparisons and exit", "준비된 비교를 나열하고 끝냅니다"),
    (
        "Write a network as PyTorch code, an ONNX model, a training script or a table.",
        "네트워크를 PyTorch 코드, ONNX 모델, 학습 스크립트 또는 표로 씁니다.",
    ),
    (
        "pytorch: model code; onnx: an ONNX model (needs the onnx package); train-script: a standalone "
        "training script (python or torchrun); latex, csv, markdown: the table (default: from the file's "
        "suffix, .py meaning pytorch)",
        "pytorch: 모델 코드, onnx: ONNX 모델(onnx 패키지 필요), train-script: 혼자 실행되는 학습 "
        "스크립트(python 또는 torchrun), latex, csv, markdown: 표 (기본값: 파일 확장자로 정함, .py는 "
        "pytorch)",
    ),
    ("the file to write", "쓸 파일"),
    ("onnx: declare the weights as inputs (a small file)", "onnx: 가중치를 입력으로 선언합니다 (작은 파일)"),
    ("tables: FLOPs (2 x MACs) instead of MACs", "표: MAC 대신 FLOPs(2 x MACs)"),
    ("tables: shape notation", "표: 크기 표기"),
    (
        "Grade students' files against an exercise: one line per file, the first mismatch for a file "
        "that fails.",
        "학생 파일을 연습 문제로 채점합니다: 파일마다 한 줄, 통과하지 못한 파일에는 처음 어긋난 곳을 "
        "보여 줍니다.",
    ),
    ("a *.cnnstudio-exercise.json file", "*.cnnstudio-exercise.json 파일"),
    (
        "*.cnnstudio.json network files (*.cnnstudio-answers.json for a predict exercise), or folders of them",
        "*.cnnstudio.json 네트워크 파일(예측 연습 문제는 *.cnnstudio-answers.json), 또는 그 파일들이 든 폴더",
    ),
    (
        "Train a network on a dataset and report its validation accuracy.",
        "데이터셋으로 네트워크를 학습하고 검증 정확도를 알려 줍니다.",
    ),
    (
        "digits, shapes, shapes:N, mnist:DIR, fashion-mnist:DIR, cifar10:DIR or folder:DIR (default digits)",
        "digits, shapes, shapes:N, mnist:DIR, fashion-mnist:DIR, cifar10:DIR 또는 folder:DIR (기본값 digits)",
    ),
    ("passes over the data (default {count:n})", "데이터를 몇 번 훑을지 (기본값 {count})"),
    ("default {value:w}", "기본값 {value}"),
    (
        "learning rate (default: 0.001 for Adam/AdamW, 0.01 for SGD)",
        "학습률 (기본값: Adam/AdamW는 0.001, SGD는 0.01)",
    ),
    ("SGD only", "SGD 전용"),
    ("epochs between drops of --schedule step", "--schedule step에서 학습률을 낮추는 에포크 간격"),
    ("factor of each drop", "낮출 때마다 곱하는 값"),
    ("random crops and horizontal flips", "무작위 자르기와 좌우 뒤집기"),
    ("with --augment: crops only", "--augment와 함께: 자르기만"),
    (
        "no mixed precision on CUDA (by default bfloat16, or float16 with a gradient scaler on GPUs older "
        "than NVIDIA Ampere)",
        "CUDA에서 혼합 정밀도를 쓰지 않습니다 (기본값은 bfloat16, NVIDIA Ampere보다 오래된 GPU에서는 "
        "기울기 스케일러와 float16)",
    ),
    (
        "seeds weights, batches and the validation split (0 to 2**64-1); runs with the same seed repeat "
        "exactly on the CPU, on a GPU only with --reproducible",
        "가중치, 배치, 검증 분할의 시드 (0에서 2**64-1). 같은 시드의 실행은 CPU에서는 정확히 반복되고, "
        "GPU에서는 --reproducible을 줄 때만 반복됩니다",
    ),
    (
        "deterministic algorithms only, so a GPU run repeats bit for bit (slower; a network with local "
        "response normalisation cannot train on a GPU then)",
        "결정적 알고리즘만 써서 GPU 실행도 비트 단위로 반복됩니다 (더 느림. 이때 국소 응답 정규화가 있는 "
        "네트워크는 GPU에서 학습할 수 없음)",
    ),
    (
        "train through torch.compile: faster steps on a GPU after a compilation that takes seconds to "
        "minutes at the start",
        "torch.compile로 학습합니다: 처음에 몇 초에서 몇 분 걸리는 컴파일 뒤 GPU에서 단계가 빨라집니다",
    ),
    ("write one JSON object per epoch to this file", "에포크마다 JSON 객체 하나를 이 파일에 씁니다"),
    ("save the trained network and weights here (.pt)", "학습한 네트워크와 가중치를 여기에 저장합니다 (.pt)"),
)
"""Every command's description, epilog and options' help."""

OUTPUT = (
    ("Layer", "층"),
    ("Type", "종류"),
    ("Output shape", "출력 크기"),
    ("Params", "파라미터"),
    ("% MACs", "MAC 비율(%)"),
    ("Other ops", "기타 연산"),
    ("Activations", "활성값"),
    ("RF", "수용 영역"),
    ("% FLOPs", "FLOPs 비율(%)"),
    ("Total", "합계"),
    ("Classic networks", "고전 네트워크"),
    ("ResNets", "ResNet 계열"),
    ("1x1 convolutions", "1x1 합성곱"),
    ("Inception", "인셉션"),
    ("PyTorch code", "PyTorch 코드"),
    ("{count:n} weight layer", "가중치 층 {count}개"),
    ("{count:n} weight layers", "가중치 층 {count}개"),
    ("{depth:n} weight layer deep, {total:n} in all", "가중치 층 깊이 {depth}, 모두 {total}개"),
    ("{depth:n} weight layers deep, {total:n} in all", "가중치 층 깊이 {depth}, 모두 {total}개"),
    ("{count:n} block", "블록 {count}개"),
    ("{count:n} blocks", "블록 {count}개"),
    ("valid", "올바름"),
    ("INVALID:", "오류 있음:"),
    ("Network", "네트워크"),
    ("Input", "입력"),
    ("Output", "출력"),
    ("Weight layers", "가중치 층"),
    ("(baseline)", "(기준)"),
    ("INVALID", "오류 있음"),
    ("Stage", "단계"),
    ("Parameters per stage", "단계별 파라미터"),
    ("MACs per stage", "단계별 MAC"),
    ("Stages (layers grouped by the size of the maps they work on)", "단계 (다루는 맵의 크기로 묶은 층)"),
    ("Against the baseline, {name}:", "기준 네트워크 {name}와 비교:"),
    (
        "Errors (the figures cover only what could be analysed):",
        "오류 (수치는 분석할 수 있었던 부분만 셉니다):",
    ),
    (
        "verified against PyTorch: {count:n} layers, shapes, parameters and MACs all match",
        "PyTorch와 대조했습니다: 층 {count}개의 크기, 파라미터, MAC이 모두 일치합니다",
    ),
    ("PyTorch disagrees on {count:n} values:", "PyTorch와 값 {count}개가 다릅니다:"),
    (
        "cannot verify an invalid network; fix the errors listed above first",
        "오류가 있는 네트워크는 대조할 수 없습니다. 위에 나열된 오류부터 고치세요",
    ),
    (
        "--input must be three positive whole numbers C,H,W (like 3,224,224), got {value:q}",
        "--input은 3,224,224처럼 양의 정수 세 개 C,H,W여야 합니다 (받은 값: {value})",
    ),
    ("cannot open {name}: {error:m}", "{name}을(를) 열 수 없습니다: {error}"),
    (
        "{name:q} is neither a preset ({known}) nor a file that exists",
        "{name}은(는) 프리셋({known})도 아니고 있는 파일도 아닙니다",
    ),
    ("wrote {path} ({format:m} of {name})", "{path}에 썼습니다 ({name}의 {format})"),
    (
        "cnnstudio export: cannot write {path}: {reason:m}",
        "cnnstudio export: {path}에 쓸 수 없습니다: {reason}",
    ),
    (
        "cannot tell the format from '{name}': give --format ({known})",
        "'{name}'에서 형식을 알 수 없습니다. --format을 주세요 ({known})",
    ),
    (
        "--input: the network has no Input block to resize",
        "--input: 네트워크에 크기를 바꿀 입력 블록이 없습니다",
    ),
    (
        "give two networks or more, or one ready-made comparison ({known}); see 'cnnstudio compare --help'",
        "네트워크를 두 개 이상 주거나 준비된 비교 하나를 주세요 ({known}). 'cnnstudio compare --help'를 보세요",
    ),
    ("cannot list the folder {folder:q}: {reason:m}", "{folder} 폴더의 목록을 읽을 수 없습니다: {reason}"),
    ("the folder {folder:q} holds no {suffix:w} files", "{folder} 폴더에 {suffix} 파일이 없습니다"),
)
"""What the commands print: tables' headings and words, verdicts, refusals."""

ENTRIES = (*ARGPARSE, *HELP, *OUTPUT)
"""Every Korean entry of this module."""
