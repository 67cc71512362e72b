"""The training loop against a plain hand-written PyTorch loop: images per second.

Both train the same module (built from the same network, same seed) on the same data with Adam,
the same batch size and device, and both check the validation set after every epoch. The
plain loop is what one writes from the PyTorch tutorial (shuffle, batch, zero_grad, forward,
cross-entropy, backward, step, ``loss.item()`` per step). Ours adds events, the history,
pause/stop flags and training accuracy. Rounds alternate ours-plain, plain-ours, ... and the
medians are compared: ratio = ours / plain (>= 0.95 is the goal). On a shared machine other
work slows some rounds, so the median of the per-round ratios (each pair ran back to back) and
the ratio of the fastest rounds are printed too.

Cases: LeNet-5 on the bundled digits (1x32x32) and ResNet-20 on drawn shapes at 32x32x3. A
third line runs our loop reading the loss every step (``report_every=1``) to show what the
default grouping of 10 saves.

Run: .venv/bin/python bench/bench_training.py [--scale X] [--device auto|cpu|cuda] [--threads N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
from plain_loop import train_plain

import cnnstudio
from cnnstudio.training import Trainer, TrainSettings, open_training_data
from cnnstudio.training.device import describe, select_device

CASES = {
    # name: (preset, dataset, epochs per round, batch size, rounds)
    "LeNet-5 / digits": ("lenet5", "digits", 1, 64, 21),
    "ResNet-20 / shapes 32x32": ("resnet20", "shapes:600", 1, 64, 7),
}


def ours(net, split, settings: TrainSettings) -> float:
    trainer = Trainer(net, split, settings)
    start = time.perf_counter()
    for _ in trainer.run():
        pass
    return time.perf_counter() - start


def plain(net, split, settings: TrainSettings) -> float:
    device = select_device(settings.device)
    return train_plain(net, split, settings.lr, settings.batch_size, settings.epochs, settings.seed, device)


def bench_case(name: str, scale: float, device: str) -> dict[str, list[float]]:
    """Seconds per round of each runner, rounds interleaved (the order flips every round)."""
    preset_id, spec, epochs, batch, rounds = CASES[name]
    rounds = max(3, round(rounds * scale))
    net = cnnstudio.load(preset_id)
    split = open_training_data(net, spec)
    settings = TrainSettings(epochs=epochs, batch_size=batch, device=device)
    ours(net, split, settings.with_changes(epochs=1))  # warm-up: first-call costs, caches
    plain(net, split, settings.with_changes(epochs=1))
    times: dict[str, list[float]] = {"ours": [], "plain": [], "every step": []}
    runners = {
        "ours": lambda: ours(net, split, settings),
        "plain": lambda: plain(net, split, settings),
        "every step": lambda: ours(net, split, settings.with_changes(report_every=1)),
    }
    for r in range(rounds):
        order = list(runners) if r % 2 == 0 else list(reversed(runners))
        for key in order:
            times[key].append(runners[key]())
    times["images"] = [len(split.train) * epochs]
    return times


def paired_ratio(mine: list[float], theirs: list[float]) -> float:
    """Median over rounds of (their time / my time): each pair ran back to back, under the same load."""
    return statistics.median(t / m for m, t in zip(mine, theirs, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply each case's rounds")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"device: {describe(select_device(args.device))}, torch {torch.__version__}")
    print(
        f"{'case':26s} {'rounds':>6s} {'ours img/s':>10s} {'plain img/s':>11s} {'ratio':>6s} "
        f"{'paired':>6s} {'best':>6s} {'every-step':>10s}"
    )
    for name in CASES:
        t = bench_case(name, args.scale, args.device)
        images = t["images"][0]
        mine, theirs = images / statistics.median(t["ours"]), images / statistics.median(t["plain"])
        print(
            f"{name:26s} {len(t['ours']):6d} {mine:10.0f} {theirs:11.0f} {mine / theirs:6.3f} "
            f"{paired_ratio(t['ours'], t['plain']):6.3f} {min(t['plain']) / min(t['ours']):6.3f} "
            f"{paired_ratio(t['every step'], t['plain']):10.3f}"
        )
    print(
        "ratio: median speeds, ours / plain; paired: median of per-round ratios; best: fastest "
        "rounds;\nevery-step: our loop reading the loss after every step (report_every=1), paired, vs plain"
    )


if __name__ == "__main__":
    main()
