"""Dataset batches on the training hot path: ``ImageSet.batch`` against a per-image baseline.

For each case a batch of 64 random indices is timed, interleaved round by round with the
baseline: the same images adapted one at a time in a Python loop (resize with
``F.interpolate``, channel conversion, normalization, then ``torch.stack``), which is what a
torchvision-style per-sample dataset does. Cases:
- digits -> 1x32x32 (LeNet-5), cached after the first epoch;
- shapes -> 3x32x32 (ResNet-20), cached;
- MNIST-sized array (60,000 x 28x28) -> 3x224x224 (AlexNet), too big to cache: adapted per batch;
- shapes -> 3x224x224 with the cache turned off: drawn per batch.

Run: .venv/bin/python bench/bench_data.py  (torch on one thread, as a small model trains best here)
"""

from __future__ import annotations

import statistics
import time

import torch
import torch.nn.functional as F

from cnnstudio.data import adapt, open_dataset
from cnnstudio.data.adapt import ArrayImageSet

ROUNDS = 15
BATCH = 64


def per_image_baseline(image_set, indices: torch.Tensor) -> torch.Tensor:
    """Adapt each image alone, as a per-sample ``__getitem__`` would, then stack."""
    channels, height, width = image_set.input_shape
    mean = torch.tensor(image_set.normalization.mean).view(-1, 1, 1)
    std = torch.tensor(image_set.normalization.std).view(-1, 1, 1)
    out = []
    for index in indices.tolist():
        source = image_set.source[index].to(torch.float32).unsqueeze(0) / 255
        resized = F.interpolate(source, size=(height, width), mode="bilinear", antialias=True)[0]
        if resized.shape[0] != channels:
            resized = resized.expand(channels, -1, -1)
        out.append((resized - mean) / std)
    return torch.stack(out)


def per_image_shapes_baseline(image_set, indices: torch.Tensor) -> torch.Tensor:
    """Draw each shape alone (one call per image), then normalize and stack."""
    out = [image_set.adapt(torch.tensor([i])) for i in indices.tolist()]
    return image_set.normalization.apply(torch.cat(out))


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def run_case(name: str, image_set, baseline) -> None:
    generator = torch.Generator().manual_seed(0)
    if image_set._cache is not None:  # the first epoch fills the cache
        for indices in torch.randperm(len(image_set)).split(4096):
            image_set.batch(indices)
    fast, slow = [], []
    for _ in range(ROUNDS):
        indices = torch.randint(0, len(image_set), (BATCH,), generator=generator)
        start = time.perf_counter()
        image_set.batch(indices)
        fast.append(time.perf_counter() - start)
        start = time.perf_counter()
        baseline(image_set, indices)
        slow.append(time.perf_counter() - start)
    ratio = median_ms(slow) / median_ms(fast)
    print(
        f"{name:<42} batch() {median_ms(fast):8.3f} ms   per-image {median_ms(slow):8.3f} ms   x{ratio:6.1f}"
    )


def main() -> None:
    torch.set_num_threads(1)
    print(f"Batch of {BATCH}, median of {ROUNDS} interleaved rounds (batch() / per-image baseline):")
    run_case("digits -> 1x32x32 (cached)", open_dataset("digits", (1, 32, 32)).train, per_image_baseline)
    run_case(
        "shapes -> 3x32x32 (cached)", open_dataset("shapes", (3, 32, 32)).train, per_image_shapes_baseline
    )
    mnist_like = torch.randint(0, 256, (60000, 1, 28, 28), dtype=torch.uint8)
    big = ArrayImageSet(mnist_like, torch.arange(60000) % 10, [str(d) for d in range(10)], (3, 224, 224))
    print(f"  (MNIST-sized set at 3x224x224 cached: {big._cache is not None})")
    run_case("60,000 x 28x28 -> 3x224x224 (per batch)", big, per_image_baseline)
    adapt.CACHE_LIMIT_BYTES = 0
    shapes_224 = open_dataset("shapes", (3, 224, 224)).train
    run_case("shapes -> 3x224x224 (drawn per batch)", shapes_224, per_image_shapes_baseline)


if __name__ == "__main__":
    main()
