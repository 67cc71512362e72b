"""Korean: the words of the formulas the core writes beside every number (the formula panel,
``summary --format json``'s ``formulas`` stay English: only a caller that shows them translates).

Symbols stay as the lecture writes them (``RF``, ``H_out``, ``C_out``, ``a[l]``, ``W_s``,
``g``, ``ReLU``, ``MACs``); the words around them are translated. Each line of a formula is
translated on its own.
"""

from __future__ import annotations

WHY_ZERO = (
    ("0 ({why:m})", "0 ({why})"),
    ("no weights", "가중치 없음"),
    ("no multiplications by weights", "가중치와의 곱셈 없음"),
    ("no bias", "편향 없음"),
    ("only a change of shape", "크기만 바뀜"),
    ("identity at inference", "추론 때는 항등 함수"),
    ("only a copy", "복사만 함"),
    ("a parameter-free shortcut", "파라미터 없는 지름길"),
    ("counted as other ops", "기타 연산으로 셈"),
    ("no computation", "계산 없음"),
)
"""A zero and why (``"0 (no weights)"``)."""

LINES = (
    ("RF = 1 (one pixel sees itself)", "RF = 1 (픽셀 하나는 자기 자신만 봅니다)"),
    ("RF = {rf:n} (unchanged)", "RF = {rf} (그대로)"),
    (
        "RF = {growth} = {rf:n} (cumulative stride {product:w} = {jump:n})",
        "RF = {growth} = {rf} (누적 스트라이드 {product} = {jump})",
    ),
    ("RF = max({fields}) = {rf:n} (the largest branch)", "RF = max({fields}) = {rf} (가장 큰 갈래)"),
    ("RF of the block's output = {rf:n}", "블록 출력의 RF = {rf}"),
    ("RF of its last layer, {name} = {rf:n}", "마지막 층 {name}의 RF = {rf}"),
    ("the shape of the block's output: {shape:s}", "블록 출력의 크기: {shape}"),
    ("the shape of its last layer, {name}: {shape:s}", "마지막 층 {name}의 크기: {shape}"),
    ("sum of the inner layers = {terms}", "안쪽 층의 합 = {terms}"),
    ("output elements = {expression}", "출력 원소 수 = {expression}"),
    ("same shape as the input", "입력과 같은 크기"),
    ("the common shape of the inputs", "입력들의 공통 크기"),
    ("the image: {shape:s}", "이미지: {shape}"),
    ("one average per channel: {count:n}", "채널마다 평균 하나: {count}"),
    ("{parts} = {total:n} channels", "{parts} = 채널 {total}개"),
    ("units = {count:n}", "유닛 수 = {count}"),
    ("C_out = filters = {count:n}", "C_out = 필터 수 = {count}"),
    ("params = {expression}", "파라미터 = {expression}"),
    (
        "params = {expression} (a scale and a shift per channel) = {total:n}",
        "파라미터 = {expression} (채널마다 스케일 하나와 시프트 하나) = {total}",
    ),
    ("additions = {expression}", "덧셈 = {expression}"),
    ("comparisons = {expression}", "비교 = {expression}"),
    ("bias adds = {expression}", "편향 덧셈 = {expression}"),
    ("scale and shift = {expression}", "스케일과 시프트 = {expression}"),
    ("squares, sums, power and divide = {expression}", "제곱, 합, 거듭제곱, 나눗셈 = {expression}"),
    (
        "H_out = {height}, W_out = {width}, C_out = {channels:n} + {zeros:n} zero channels = {total:n}",
        "H_out = {height}, W_out = {width}, C_out = {channels} + 0 채널 {zeros}개 = {total}",
    ),
)
"""The formulas' lines that hold words."""

RESIDUAL = (
    ("a plain block: no shortcut, nothing added", "평범한 블록: 지름길 없음, 더하는 것 없음"),
    (
        "the projection W_s (a 1x1 convolution, then batch norm) turns a[l] into {shape:s} so that it can "
        "be added",
        "사영 W_s(1x1 합성곱 뒤 배치 정규화)가 a[l]을 {shape} 크기로 바꾸어 더할 수 있게 합니다",
    ),
    (
        "the projection W_s (a 1x1 convolution) turns a[l] into {shape:s} so that it can be added",
        "사영 W_s(1x1 합성곱)가 a[l]을 {shape} 크기로 바꾸어 더할 수 있게 합니다",
    ),
    (
        "pad(a[l]) subsamples a[l] and fills the missing channels with zeros: {shape:s}, no weights",
        "pad(a[l])는 a[l]을 건너뛰며 고르고 모자라는 채널을 0으로 채웁니다: {shape}, 가중치 없음",
    ),
    (
        "the shortcut adds the block's input a[l] before the last ReLU g",
        "지름길 연결이 블록의 입력 a[l]을 마지막 ReLU g 앞에서 더합니다",
    ),
)
"""The residual block's formula (its last line says what the shortcut does)."""

ENTRIES = (*WHY_ZERO, *LINES, *RESIDUAL)
"""Every Korean entry of this module."""
