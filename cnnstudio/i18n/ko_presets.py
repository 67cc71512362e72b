"""Korean: the presets' one-line descriptions (their titles have Korean of their own,
``Preset.title_ko``) and the datasets' names that are not proper names."""

from __future__ import annotations

DESCRIPTIONS = (
    (
        "LeCun 1998: two conv-pool stages and three fully connected layers read 32x32 digits.",
        "LeCun 1998: 합성곱-풀링 두 단계와 완전 연결 층 세 개가 32x32 숫자 이미지를 읽습니다.",
    ),
    (
        "Krizhevsky 2012 as in the lecture: five convs with ReLU, LRN and overlapping max pools, on one GPU.",
        "강의에 나온 Krizhevsky 2012: ReLU, LRN, 겹치는 최대 풀링을 쓰는 합성곱 층 다섯 개, GPU 하나.",
    ),
    (
        "The paper's version: conv2, conv4 and conv5 split into two groups, one per GPU.",
        "논문의 버전: conv2, conv4, conv5를 GPU마다 하나씩 두 그룹으로 나눕니다.",
    ),
    (
        "Simonyan 2015: only 3x3 same convs and 2x2 max pools, channels doubling each stage.",
        "Simonyan 2015: 3x3 same 합성곱과 2x2 최대 풀링만 쓰고, 단계마다 채널이 두 배가 됩니다.",
    ),
    (
        "VGG-16's bigger sibling: four convs in each of the last three stages.",
        "VGG-16의 더 큰 형제: 마지막 세 단계마다 합성곱 층이 네 개입니다.",
    ),
    (
        "He 2015 (torchvision): eight basic residual blocks in four stages.",
        "He 2015 (torchvision): 네 단계에 기본 잔차 블록 여덟 개.",
    ),
    (
        "Sixteen basic residual blocks; the paper's 34-layer residual network.",
        "기본 잔차 블록 열여섯 개. 논문의 34층 잔차 네트워크입니다.",
    ),
    (
        "Sixteen bottleneck blocks (1x1, 3x3, 1x1) in four stages.",
        "네 단계에 병목 블록(1x1, 3x3, 1x1) 열여섯 개.",
    ),
    (
        "Thirty-three bottleneck blocks; stage 4 has twenty-three.",
        "병목 블록 서른세 개. 4단계에 스물세 개가 있습니다.",
    ),
    (
        "Fifty bottleneck blocks: the lecture's 152-layer network.",
        "병목 블록 쉰 개: 강의에 나온 152층 네트워크입니다.",
    ),
    (
        "ResNet-18 without its shortcuts: the paper's plain network.",
        "지름길 연결을 뺀 ResNet-18: 논문의 평범한(plain) 네트워크입니다.",
    ),
    (
        "ResNet-34 without its shortcuts: deeper, yet harder to train.",
        "지름길 연결을 뺀 ResNet-34: 더 깊지만 학습하기는 더 어렵습니다.",
    ),
    (
        "The paper's 32x32 network: 3 stages of 3 basic blocks, 16/32/64 filters.",
        "논문의 32x32 네트워크: 기본 블록 3개짜리 단계 3개, 필터 16/32/64개.",
    ),
    ("The same design with 9 blocks per stage.", "같은 설계에 단계마다 블록 9개."),
    (
        "ResNet-20 without shortcuts, to train side by side with it.",
        "지름길 연결을 뺀 ResNet-20: ResNet-20과 나란히 학습해 봅니다.",
    ),
    (
        "56 plain layers: the paper's example of deeper doing worse.",
        "평범한 층 56개: 더 깊은데 더 나빠지는 논문의 예입니다.",
    ),
    (
        "28x28x192 to 28x28x32 with 1x1 filters: shrinking channels, not space.",
        "1x1 필터로 28x28x192를 28x28x32로: 공간이 아니라 채널을 줄입니다.",
    ),
    (
        "28x28x192 to 28x28x32 with a 5x5 same conv: about 120 million multiplies.",
        "5x5 same 합성곱으로 28x28x192를 28x28x32로: 곱셈이 약 1억 2천만 번입니다.",
    ),
    (
        "A 1x1 conv to 16 channels first cuts the cost to about 12.4 million.",
        "먼저 1x1 합성곱으로 채널을 16개로 줄이면 비용이 약 1,240만으로 줄어듭니다.",
    ),
    (
        "1x1, 3x3, 5x5 convs and a max pool side by side: 28x28x256 out.",
        "1x1, 3x3, 5x5 합성곱과 최대 풀링을 나란히: 출력은 28x28x256입니다.",
    ),
    (
        "GoogLeNet's inception (3a): 1x1 reductions before the 3x3 and 5x5 convs.",
        "GoogLeNet의 인셉션(3a): 3x3과 5x5 합성곱 앞에 1x1 축소를 둡니다.",
    ),
    (
        "Szegedy 2014, Table 1: nine inception modules, average pooling, one classifier.",
        "Szegedy 2014, 표 1: 인셉션 모듈 아홉 개, 평균 풀링, 분류기 하나.",
    ),
)
"""What each preset is, as the start page and ``cnnstudio presets`` describe it."""

DATASETS = (("Image folder", "이미지 폴더"),)
"""Dataset names that are words rather than names (MNIST, CIFAR-10 stay as they are)."""

ENTRIES = (*DESCRIPTIONS, *DATASETS)
"""Every Korean entry of this module."""
