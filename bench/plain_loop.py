"""The baseline of the training benchmarks: a plain PyTorch loop, as a tutorial writes it.

Shuffle, batch, zero_grad, forward, cross-entropy, backward, Adam step, ``loss.item()`` every
step, and a validation pass after every epoch. Shared by ``bench_training.py`` and
``bench_training_gui.py`` so both compare against the very same loop.
"""

from __future__ import annotations

import time

import torch
from torch.nn import functional as F

from cnnstudio.model.build import build_module


def train_plain(network, split, lr: float, batch_size: int, epochs: int, seed: int, device="cpu") -> float:
    """Train a fresh module built from *network* on *split*; seconds from the first batch."""
    torch.manual_seed(seed)
    model = build_module(network, logits=True).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    order = torch.Generator().manual_seed(seed)
    train, val, size = split.train, split.val, batch_size
    start = time.perf_counter()
    for _ in range(epochs):
        model.train()
        running = 0.0
        permutation = torch.randperm(len(train), generator=order)
        for i in range(0, len(train), size):
            x, y = train.batch(permutation[i : i + size])
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item()
        model.eval()
        correct = 0
        with torch.no_grad():
            for i in range(0, len(val), 2 * size):
                x, y = val.batch(torch.arange(i, min(i + 2 * size, len(val))))
                x, y = x.to(device), y.to(device)
                correct += (model(x).argmax(dim=1) == y).sum().item()
    return time.perf_counter() - start
