"""The baselines of the training benchmarks: two hand-written PyTorch loops, the app's bar.

* :func:`train_plain`, the **tutorial loop**, as the PyTorch tutorials write it: shuffle, take
  each batch from the dataset (float32 on the CPU), copy it to the device, zero_grad, forward,
  cross-entropy, backward, Adam step, ``loss.item()`` every step, a validation pass per epoch;
  under ``torch.autocast`` (and a ``GradScaler`` for float16, as the AMP recipe does) when the
  precision is mixed.
* :func:`train_tuned`, the **tuned loop**, the best a PyTorch user would write by hand: the
  whole dataset as uint8 on the device (normalised there per batch), the batch order drawn
  once per epoch and sent over once, ``cudnn.benchmark`` and TF32, channels-last with mixed
  precision, a fused Adam on CUDA, and the loss and accuracy kept on the device and read once
  per epoch.

Both take the same :class:`~cnnstudio.training.precision.Precision` as the app (the benchmarks
pass the one the app chooses for the device), so every comparison is on the same device in the
same number format. Both return :class:`LoopTimes`: the seconds of the training passes alone
and of the whole run, validation included, each from the first batch (on a GPU, after waiting
for its queue to empty). Shared by ``bench_training.py``, ``bench_training_gui.py`` and
``bench_training_cuda.py``, so all compare against the very same loops.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

import torch
from torch.nn import functional as F

from cnnstudio.data.adapt import AdaptedImageSet
from cnnstudio.model.build import build_module
from cnnstudio.training.precision import FLOAT32, Precision


@dataclass
class LoopTimes:
    """Seconds of the training passes (``train``) and of the whole run (``total``)."""

    train: float = 0.0
    total: float = 0.0


def sync(device: torch.device) -> None:
    """Wait for the GPU's queued work (a clock read after it is honest); nothing on the CPU."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def backward_and_step(loss: torch.Tensor, optimizer: torch.optim.Optimizer, scaler) -> None:
    """The recipe's backward pass and optimizer step, through the gradient scaler where there is one."""
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()


def train_plain(
    network,
    split,
    lr: float,
    batch_size: int,
    epochs: int,
    seed: int,
    device="cpu",
    precision: Precision = FLOAT32,
) -> LoopTimes:
    """Train a fresh module built from *network* on *split* the tutorial's way."""
    device = torch.device(device)
    torch.manual_seed(seed)
    model = build_module(network, logits=True).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scaler = precision.make_scaler(device)
    order = torch.Generator().manual_seed(seed)
    train, val, size = split.train, split.val, batch_size
    times = LoopTimes()
    sync(device)
    start = time.perf_counter()
    for _ in range(epochs):
        began = time.perf_counter()
        model.train()
        running = 0.0
        permutation = torch.randperm(len(train), generator=order)
        for i in range(0, len(train), size):
            x, y = train.batch(permutation[i : i + size])
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            with precision.autocast(device):
                loss = F.cross_entropy(model(x), y)
            backward_and_step(loss, optimizer, scaler)
            running += loss.item()
        times.train += time.perf_counter() - began
        model.eval()
        correct = 0
        with torch.no_grad(), precision.autocast(device):
            for i in range(0, len(val), 2 * size):
                x, y = val.batch(torch.arange(i, min(i + 2 * size, len(val))))
                x, y = x.to(device), y.to(device)
                correct += (model(x).argmax(dim=1) == y).sum().item()
    times.total = time.perf_counter() - start
    return times


class _OnDevice:
    """A whole image set on the device: uint8 images, labels, and the normalisation factors."""

    def __init__(self, images, device: torch.device) -> None:
        everything = torch.arange(len(images))
        if isinstance(images, AdaptedImageSet):
            self.images = images.images_uint8(everything).to(device)
            scale, shift = images.normalization.factors()
            self.scale, self.shift = scale.to(device), shift.to(device)
        else:  # a set of float images (the tests' fakes): keep them as they are
            self.images = images.batch(everything)[0].to(device)
            self.scale = self.shift = None
        self.labels = images.labels().to(device)

    def __len__(self) -> int:
        return len(self.labels)

    def batch(self, indices: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        x = self.images[indices]
        if self.scale is not None:
            x = x.float().mul_(self.scale).add_(self.shift)
        return x, self.labels[indices]


@contextlib.contextmanager
def _tuned_switches(device: torch.device):
    """cuDNN's benchmark and TF32 on CUDA while the tuned loop trains; put back after."""
    if device.type != "cuda":
        yield
        return
    benchmark, matmul = torch.backends.cudnn.benchmark, torch.get_float32_matmul_precision()
    torch.backends.cudnn.benchmark = True
    torch.set_float32_matmul_precision("high")
    try:
        yield
    finally:
        torch.backends.cudnn.benchmark = benchmark
        torch.set_float32_matmul_precision(matmul)


def train_tuned(
    network,
    split,
    lr: float,
    batch_size: int,
    epochs: int,
    seed: int,
    device="cpu",
    precision: Precision = FLOAT32,
) -> LoopTimes:
    """Train a fresh module built from *network* on *split* the tuned way (see the module)."""
    device = torch.device(device)
    torch.manual_seed(seed)
    model = build_module(network, logits=True).to(device)
    layout = torch.channels_last if precision.channels_last else torch.contiguous_format
    model = model.to(memory_format=layout)
    fused = {"fused": True} if device.type == "cuda" else {}
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, **fused)
    scaler = precision.make_scaler(device)
    train, val = _OnDevice(split.train, device), _OnDevice(split.val, device)
    order = torch.Generator().manual_seed(seed)
    times = LoopTimes()
    with _tuned_switches(device):
        sync(device)
        start = time.perf_counter()
        for _ in range(epochs):
            began = time.perf_counter()
            model.train()
            running = torch.zeros((), device=device)
            permutation = torch.randperm(len(train), generator=order).to(device)
            for indices in permutation.split(batch_size):
                if len(indices) < 2:  # batch norm cannot learn from one image (the app skips it too)
                    continue
                x, y = train.batch(indices)
                x = x.contiguous(memory_format=layout)
                optimizer.zero_grad(set_to_none=True)
                with precision.autocast(device):
                    loss = F.cross_entropy(model(x), y)
                backward_and_step(loss, optimizer, scaler)
                running += loss.detach()
            running.item()  # the epoch's one wait for the GPU
            times.train += time.perf_counter() - began
            model.eval()
            correct = torch.zeros((), dtype=torch.int64, device=device)
            with torch.no_grad(), precision.autocast(device):
                for indices in torch.arange(len(val), device=device).split(2 * batch_size):
                    x, y = val.batch(indices)
                    correct += (model(x.contiguous(memory_format=layout)).argmax(dim=1) == y).sum()
            correct.item()
        times.total = time.perf_counter() - start
    return times
