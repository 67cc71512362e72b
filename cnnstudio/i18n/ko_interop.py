"""Korean: exporting and importing networks (ONNX, PyTorch code, scripts, tables).

Each entry is ``(English template, Korean template)`` (see :mod:`cnnstudio.i18n.templates`).
ONNX operator names (Conv, Gemm, MatMul...) and settings (kernel_shape, auto_pad) stay as ONNX
spells them.
"""

from __future__ import annotations

EXPORTING = (
    (
        "unknown export format '{fmt}' (formats: {known})",
        "알 수 없는 내보내기 형식 '{fmt}'입니다 (형식: {known})",
    ),
    (
        "ONNX support needs the onnx package: pip install 'cnnstudio[onnx]'",
        "ONNX를 쓰려면 onnx 패키지가 필요합니다: pip install 'cnnstudio[onnx]'",
    ),
    ("{key} has shape {shape}, expected {expected}", "{key}의 크기가 {shape}인데 {expected}여야 합니다"),
    ("{name} has errors to fix first: {error:m}", "{name}에 먼저 고칠 오류가 있습니다: {error}"),
    (
        "{name} has errors to fix first: {error:m} (and {count:n} more)",
        "{name}에 먼저 고칠 오류가 있습니다: {error} (그 밖에 {count}개)",
    ),
    ("{name} cannot be trained: {problem:m}", "{name}은(는) 학습할 수 없습니다: {problem}"),
    ("{module} defines no {names}", "{module}에 {names} 정의가 없습니다"),
    ("Python files (*.py)", "Python 파일 (*.py)"),
    ("ONNX models (*.onnx)", "ONNX 모델 (*.onnx)"),
    ("Training script (PyTorch, torchrun)", "학습 스크립트 (PyTorch, torchrun)"),
    ("Table as LaTeX", "LaTeX 표"),
    ("LaTeX files (*.tex)", "LaTeX 파일 (*.tex)"),
    ("Table as CSV", "CSV 표"),
    ("CSV tables (*.csv)", "CSV 표 (*.csv)"),
    ("Table as Markdown", "Markdown 표"),
    ("Markdown files (*.md)", "Markdown 파일 (*.md)"),
    ("PyTorch module (nn.Module)", "PyTorch 모듈 (nn.Module)"),
    ("ONNX model", "ONNX 모델"),
)
"""Export formats and refusals."""

READING = (
    ("cannot read {name}: {reason:m}", "{name}을(를) 읽을 수 없습니다: {reason}"),
    (
        "{name} is {size:n} MB; CNN Studio opens ONNX models up to {limit:n} MB",
        "{name}의 크기가 {size} MB입니다. CNN Studio는 {limit} MB까지의 ONNX 모델만 엽니다",
    ),
    (
        "it is not an ONNX model, or it is damaged or cut short",
        "ONNX 모델이 아니거나, 손상되었거나 중간에 잘렸습니다",
    ),
    (
        "it holds no ONNX graph (it is empty, or not an ONNX model)",
        "ONNX 그래프가 없습니다 (비어 있거나 ONNX 모델이 아닙니다)",
    ),
    (
        "the model has {count:n} operators; CNN Studio opens models up to {limit:n}",
        "모델의 연산자가 {count}개입니다. CNN Studio는 연산자 {limit}개까지의 모델만 엽니다",
    ),
    (
        "the model does not say which ONNX operator set it uses (no default opset)",
        "모델이 어떤 ONNX 연산자 집합을 쓰는지 밝히지 않습니다 (기본 opset 없음)",
    ),
    ("the model is damaged or malformed ({kind:w})", "모델이 손상되었거나 형식이 잘못되었습니다 ({kind})"),
)
"""Reading an ONNX file."""

IMPORTING = (
    (
        "the model's input {name} has shape {shape}; CNN Studio needs N x C x H x W with fixed channels, "
        "height and width",
        "모델의 입력 {name}의 크기가 {shape}입니다. CNN Studio에는 채널, 높이, 너비가 고정된 "
        "N x C x H x W 입력이 필요합니다",
    ),
    (
        "the model imports as a network CNN Studio cannot analyse: {error:m}",
        "모델을 가져오면 CNN Studio가 분석할 수 없는 네트워크가 됩니다: {error}",
    ),
    (
        "CNN Studio computes an output of {computed} per image, but the model says {declared}; it cannot "
        "be imported faithfully",
        "CNN Studio는 이미지마다 {computed} 크기의 출력을 계산하는데 모델에는 {declared}로 적혀 있습니다. "
        "충실하게 가져올 수 없습니다",
    ),
    (
        "its input {value:q} is neither the image nor an earlier layer's output",
        "입력 {value}이(가) 이미지도 아니고 앞 층의 출력도 아닙니다",
    ),
    (
        "the model reads {count:n} inputs; a CNN Studio network reads one image",
        "모델이 입력 {count}개를 읽습니다. CNN Studio 네트워크는 이미지 하나만 읽습니다",
    ),
    (
        "the model has {count:n} outputs; a CNN Studio network has one",
        "모델의 출력이 {count}개입니다. CNN Studio 네트워크의 출력은 하나입니다",
    ),
    ("the model's output is not computed by any layer", "모델의 출력을 계산하는 층이 없습니다"),
    ("{name:q} cannot be added: {error:m}", "{name}을(를) 추가할 수 없습니다: {error}"),
    (
        "the model uses the operator {op} (node {node:q}), which CNN Studio has no block for; it imports {known}",
        "모델이 연산자 {op}(노드 {node})을(를) 쓰는데 CNN Studio에는 이에 맞는 블록이 없습니다. 가져올 수 "
        "있는 연산자: {known}",
    ),
    (
        "{name:q} keeps every {stride:n}-th row or column but not both; only the zero-padding shortcut's "
        "subsampling is imported",
        "{name}은(는) {stride}번째마다 행이나 열 중 하나만 남깁니다. 제로 패딩 지름길의 부분 샘플링만 "
        "가져올 수 있습니다",
    ),
    (
        "{name:q} averages each channel to a 1x1 map that is not flattened next; CNN Studio's global "
        "average pooling gives a flat vector",
        "{name}은(는) 각 채널을 1x1 맵으로 평균하는데 다음에 평탄화되지 않습니다. CNN Studio의 전역 평균 "
        "풀링은 평탄한 벡터를 냅니다",
    ),
    ("{name:q} cannot be computed: {problem:m}", "{name}을(를) 계산할 수 없습니다: {problem}"),
    (
        "the {part} of {name:q} is {dims}, but a {block} on its {source} input needs {expected}",
        "{name}의 {part} 크기가 {dims}인데, {source} 입력을 받는 {block}에는 {expected}가 필요합니다",
    ),
    ("{op:w} node {node:q}: {refusal:m}", "{op} 노드 {node}: {refusal}"),
    (
        "{op:w} node {node:q} lacks inputs or settings its operator needs (the file is malformed)",
        "{op} 노드 {node}에 연산자에 필요한 입력이나 설정이 없습니다 (파일 형식이 잘못되었습니다)",
    ),
    ("{name:q}'s 1x1 map is also used unflattened", "{name}의 1x1 맵이 평탄화되지 않은 채로도 쓰입니다"),
)
"""Importing an ONNX model as a network."""

REFUSALS = (
    (
        "its {what:m} {values} is not the same along height and width (or not 2-D)",
        "{what} {values}이(가) 높이와 너비 방향으로 같지 않습니다 (또는 2차원이 아닙니다)",
    ),
    (
        "its padding {pads} is not the same on every side, which CNN Studio's blocks need",
        "패딩 {pads}이(가) 모든 방향에서 같지 않습니다. CNN Studio의 블록에는 같은 패딩이 필요합니다",
    ),
    (
        "auto_pad {mode} with stride {stride} and kernel {kernel} pads unevenly",
        "auto_pad {mode}에 스트라이드 {stride}, 커널 {kernel}이면 패딩이 고르지 않습니다",
    ),
    (
        "it is dilated ({values}); CNN Studio has no dilated blocks",
        "팽창(dilation)이 있습니다 ({values}). CNN Studio에는 팽창 합성곱 블록이 없습니다",
    ),
    (
        "its weights are not a known 4-D tensor (only 2-D convolutions are imported)",
        "가중치가 알려진 4차원 텐서가 아닙니다 (2차원 합성곱만 가져올 수 있습니다)",
    ),
    ("its kernel_shape does not match its {size:s} weights", "kernel_shape이 {size} 가중치와 맞지 않습니다"),
    ("it stores indices in column-major order", "인덱스를 열 우선 순서로 저장합니다"),
    (
        "it leaves the padding out of each average; CNN Studio's AvgPool2d counts it",
        "평균에서 패딩을 뺍니다. CNN Studio의 AvgPool2d는 패딩을 셉니다",
    ),
    ("it also returns the indices of the maxima", "최댓값의 인덱스도 돌려줍니다"),
    (
        "it scales or transposes its input (alpha, beta, transA); only x W' + b is imported",
        "입력의 크기를 바꾸거나 전치합니다 (alpha, beta, transA). x W' + b 형태만 가져올 수 있습니다",
    ),
    ("its weights are not a known 2-D constant", "가중치가 알려진 2차원 상수가 아닙니다"),
    (
        "its bias {bias} does not hold one value per unit ({units})",
        "편향 {bias}에 유닛마다 값이 하나씩 있지 않습니다 ({units})",
    ),
    (
        "only a MatMul by a constant 2-D weight matrix (a fully connected layer) is imported",
        "상수 2차원 가중치 행렬과의 MatMul(완전 연결 층)만 가져올 수 있습니다",
    ),
    (
        "it adds a constant tensor, which only a fully connected layer's bias may do",
        "상수 텐서를 더합니다. 이것은 완전 연결 층의 편향만 할 수 있습니다",
    ),
    ("it is in training mode (it updates running statistics)", "학습 모드입니다 (이동 통계를 갱신합니다)"),
    ("it is in training mode", "학습 모드입니다"),
    ("the shape of its input is unknown", "입력의 크기를 알 수 없습니다"),
    (
        "it normalizes over axis {axis:n} of a rank-{rank:n} tensor; CNN Studio's softmax uses axis 1",
        "랭크 {rank} 텐서의 {axis}번 축으로 정규화합니다. CNN Studio의 softmax는 1번 축을 씁니다",
    ),
    ("its ratio is not a known constant", "비율이 알려진 상수가 아닙니다"),
    ("its mask output is used", "마스크 출력이 쓰입니다"),
    (
        "it joins along axis {axis:n}; CNN Studio's Concat stacks channels (axis 1)",
        "{axis}번 축으로 이어 붙입니다. CNN Studio의 Concat은 채널(1번 축)로 쌓습니다",
    ),
    (
        "it averages over axes {axes}; only a mean over height and width (2, 3) is imported",
        "{axes} 축에 대해 평균합니다. 높이와 너비(2, 3)에 대한 평균만 가져올 수 있습니다",
    ),
    (
        "it flattens from an axis other than 1 (the batch must stay apart)",
        "1이 아닌 축부터 평탄화합니다 (배치 차원은 따로 남아야 합니다)",
    ),
    (
        "it reshapes to {target}; only a reshape to a flat vector per image is imported",
        "{target} 크기로 바꿉니다. 이미지마다 평탄한 벡터로 바꾸는 것만 가져올 수 있습니다",
    ),
    (
        "only a Squeeze of the 1x1 map after a global average pool is imported",
        "전역 평균 풀링 뒤 1x1 맵의 Squeeze만 가져올 수 있습니다",
    ),
    (
        "it is an opset 1-9 Slice (settings as attributes); re-export with opset 10 or later",
        "opset 1-9의 Slice입니다 (설정이 속성으로 주어짐). opset 10 이상으로 다시 내보내세요",
    ),
    ("the shape of its input or its settings are unknown", "입력의 크기나 설정을 알 수 없습니다"),
    (
        "it crops the tensor; only taking every s-th row and column is imported",
        "텐서를 잘라 냅니다. s번째마다 행과 열을 고르는 것만 가져올 수 있습니다",
    ),
    (
        "only taking every s-th row and column (a zero-padding shortcut) is imported",
        "s번째마다 행과 열을 고르는 것(제로 패딩 지름길)만 가져올 수 있습니다",
    ),
    ("it pads with something other than zeros", "0이 아닌 값으로 패딩합니다"),
    (
        "only adding zero channels at the end (a zero-padding shortcut) is imported",
        "끝에 0 채널을 덧붙이는 것(제로 패딩 지름길)만 가져올 수 있습니다",
    ),
    ("strides", "스트라이드"),
)
"""Why an ONNX operator cannot become a block (after ``"Conv node 'conv1': "``)."""

ENTRIES = (*EXPORTING, *READING, *IMPORTING, *REFUSALS)
"""Every Korean entry of this module."""
