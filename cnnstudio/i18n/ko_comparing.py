"""Korean: comparisons (ratios in words, the ready-made comparisons' notes, refusals).

Each entry is ``(English template, Korean template)`` (see :mod:`cnnstudio.i18n.templates`).
A ratio is written ``"9.68x fewer multiply-accumulates"`` in English and ``"곱셈-누산(MAC)
9.68배 적음"`` in Korean: the entries are made for each figure compared, so the noun is a literal
and the number a field.
"""

from __future__ import annotations

NOUNS = (
    ("weight layers", "가중치 층"),
    ("parameters", "파라미터"),
    ("multiply-accumulates", "곱셈-누산(MAC)"),
    ("other operations", "기타 연산"),
    ("activations", "활성값"),
)
"""What each compared figure counts (:data:`cnnstudio.comparing.ratios.NOUNS`)."""

SHORT = (
    ("{times:n}x fewer", "{times}배 적음"),
    ("{times:n}x more", "{times}배 많음"),
    ("{share:n}% fewer", "{share}% 적음"),
    ("{share:n}% more", "{share}% 많음"),
    ("{count:n} fewer", "{count}개 적음"),  # weight layers, counted one by one
    ("{count:n} more", "{count}개 많음"),
    ("under 0.1% fewer", "0.1% 미만으로 적음"),
    ("under 0.1% more", "0.1% 미만으로 많음"),
    ("the same", "같음"),
    ("none", "없음"),
    ("{value:n} (baseline: none)", "{value} (기준: 없음)"),
)
"""A ratio without its noun, as the comparison's table shows it."""


def _with_nouns() -> tuple[tuple[str, str], ...]:
    """Every ratio and sentence for every noun (the noun a literal, so nothing else matches)."""
    entries: list[tuple[str, str]] = []
    amounts = (
        ("{times:n}x fewer", "{times}배 적음", "{times}배 적습니다"),
        ("{times:n}x more", "{times}배 많음", "{times}배 많습니다"),
        ("{share:n}% fewer", "{share}% 적음", "{share}% 적습니다"),
        ("{share:n}% more", "{share}% 많음", "{share}% 많습니다"),
        ("under 0.1% fewer", "0.1% 미만으로 적음", "0.1% 미만으로 적습니다"),
        ("under 0.1% more", "0.1% 미만으로 많음", "0.1% 미만으로 많습니다"),
    )
    for noun, korean in NOUNS:
        entries += [
            (f"the same number of {noun}", f"{korean} 수 같음"),
            (f"{{value:n}} {noun} (the baseline has none)", f"{korean} {{value}} (기준에는 없음)"),
            (f"no {noun}", f"{korean} 없음"),
            (
                f"{{name}} has as many {noun} as {{baseline}} ({{value:n}}).",
                f"{{name}}의 {korean} 수는 {{baseline}}와 같습니다 ({{value}}).",
            ),
            (
                f"{{name}} has {{value:n}} {noun}; {{baseline}} has none.",
                f"{{name}}의 {korean} 수는 {{value}}이고, {{baseline}}에는 없습니다.",
            ),
            (
                f"{{name}} has no {noun}; {{baseline}} has {{value:n}}.",
                f"{{name}}에는 {korean}이(가) 없고, {{baseline}}에는 {{value}}개 있습니다.",
            ),
        ]
        for english, short, said in amounts:
            entries += [
                (f"{english} {noun}", f"{korean} {short}"),
                (
                    f"{{name}} has {english} {noun} than {{baseline}} ({{value:n}} against {{base:n}}).",
                    f"{{name}}의 {korean} 수는 {{baseline}}보다 {said} ({{value}} 대 {{base}}).",
                ),
            ]
    for word, korean, said in (("more", "많음", "많습니다"), ("fewer", "적음", "적습니다")):
        entries += [
            (f"{{count:n}} {word} weight layer", f"가중치 층 {{count}}개 {korean}"),
            (f"{{count:n}} {word} weight layers", f"가중치 층 {{count}}개 {korean}"),
            (
                f"{{name}} has {{count:n}} {word} weight layer than {{baseline}} ({{value:n}} against {{base:n}}).",
                f"{{name}}의 가중치 층은 {{baseline}}보다 {{count}}개 {said} ({{value}} 대 {{base}}).",
            ),
            (
                f"{{name}} has {{count:n}} {word} weight layers than {{baseline}} ({{value:n}} against {{base:n}}).",
                f"{{name}}의 가중치 층은 {{baseline}}보다 {{count}}개 {said} ({{value}} 대 {{base}}).",
            ),
        ]
    return tuple(entries)


NOTES = (
    (
        "Both turn 28x28x192 into 28x28x32. The naive 5x5 convolution reads all 192 channels at every "
        "position; the bottleneck first shrinks them to 16 with a 1x1 convolution, so the 5x5 convolution "
        "reads 16. Two layers instead of one, and about a tenth of the multiply-accumulates.",
        "둘 다 28x28x192를 28x28x32로 바꿉니다. 그대로 쓰는 5x5 합성곱은 위치마다 채널 192개를 모두 "
        "읽습니다. 병목 구조는 먼저 1x1 합성곱으로 채널을 16개로 줄이므로 5x5 합성곱이 16개만 읽습니다. "
        "층은 하나가 아니라 둘이 되지만 곱셈-누산은 약 10분의 1로 줄어듭니다.",
    ),
    (
        "Both turn 28x28x192 into 28x28x256 with inception 3a's four branches. The naive module runs its "
        "3x3 and 5x5 convolutions on all 192 channels; the other puts 1x1 reductions (to 96 and 16 "
        "channels) in front of them. The reductions add two weight layers and remove more than half of "
        "the cost.",
        "둘 다 인셉션 3a의 네 갈래로 28x28x192를 28x28x256으로 바꿉니다. 단순형 모듈은 3x3과 5x5 합성곱을 "
        "채널 192개 전체에 적용하고, 다른 하나는 그 앞에 1x1 축소(채널 96개와 16개로)를 둡니다. 축소 "
        "층은 가중치 층을 두 개 더하지만 비용을 절반 넘게 덜어 줍니다.",
    ),
    (
        "From 1998 to 2014 the networks grow a thousandfold and more. Look at where the cost sits: most "
        "parameters in the head (the fully connected layers), most multiply-accumulates in the "
        "convolutions.",
        "1998년부터 2014년까지 네트워크는 천 배 넘게 커집니다. 비용이 어디에 있는지 보세요. 파라미터는 "
        "대부분 머리 부분(완전 연결 층)에, 곱셈-누산은 대부분 합성곱 층에 있습니다.",
    ),
    (
        "Deeper networks need not cost more. ResNet-50 and GoogLeNet have more weight layers than VGG-16 "
        "but fewer parameters and multiply-accumulates: 1x1 convolutions keep their inner layers thin, and "
        "global average pooling replaces VGG-16's large fully connected head with one small layer.",
        "네트워크가 깊다고 비용이 더 드는 것은 아닙니다. ResNet-50과 GoogLeNet은 VGG-16보다 가중치 층이 "
        "많지만 파라미터와 곱셈-누산은 더 적습니다. 1x1 합성곱이 안쪽 층을 얇게 유지하고, 전역 평균 "
        "풀링이 VGG-16의 큰 완전 연결 머리 부분을 작은 층 하나로 대신하기 때문입니다.",
    ),
    (
        "The same 34 layers with and without shortcuts. An identity shortcut has no weights and costs one "
        "addition per value; only where a stage halves the map and doubles the channels does a 1x1 "
        "projection shortcut add a weight layer. The shortcuts cost almost nothing, yet they are what lets "
        "the deeper network train.",
        "같은 34층을 지름길 연결이 있을 때와 없을 때로 비교합니다. 항등 지름길에는 가중치가 없고 값마다 "
        "덧셈 한 번이 듭니다. 단계가 맵을 절반으로 줄이고 채널을 두 배로 늘리는 곳에서만 1x1 사영 지름길이 "
        "가중치 층 하나를 더합니다. 지름길의 비용은 거의 없지만, 더 깊은 네트워크를 학습할 수 있게 해 주는 "
        "것이 바로 지름길입니다.",
    ),
)
"""The ready-made comparisons' notes."""

OTHER = (
    ("a comparison needs at least one network", "비교하려면 네트워크가 하나 이상 있어야 합니다"),
    (
        "unknown comparison '{id}' (ready-made comparisons: {known})",
        "알 수 없는 비교 '{id}'입니다 (준비된 비교: {known})",
    ),
)

ENTRIES = (*NOUNS, *SHORT, *_with_nouns(), *NOTES, *OTHER)
"""Every Korean entry of this module."""
