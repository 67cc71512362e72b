"""The app's training loop against two hand-written PyTorch loops: images per second.

All three train the same module (built from the same network, same seed) on the same data with
Adam, the same batch size, on the same device and in the same number format (the one the app
chooses there: float32 on the CPU; bfloat16, or float16 with a scaler, on a GPU with ``amp``),
and check the validation set after every epoch:

* **app**: ``Trainer.run()`` (events, history, pause/stop flags, training accuracy); its time
  is the trainer's own (``Finished.seconds``, from the first batch to the last validation).
* **tutorial**: the loop of the PyTorch tutorials (``plain_loop.train_plain``).
* **tuned**: the best loop a PyTorch user writes by hand (``plain_loop.train_tuned``): data on
  the device as uint8, no per-step reads of the loss, cuDNN benchmark, TF32, channels-last with
  mixed precision, fused Adam on CUDA. The bar to beat.

Each runner is run once to warm up (first-call costs, caches), then rounds alternate the
runners, the order flipping every round; every round is long enough (several epochs of the
small cases) for the clock to mean something. "paired" is the median over rounds of the ratio of
two runners' times in the same round (seconds apart, so under the same load): app/tutorial and
app/tuned, >= 0.95 being the goal. A last column runs the app reading the loss every step
(``report_every=1``) to show what the default grouping of 10 saves.

Cases: LeNet-5 on the bundled digits (1x32x32) and ResNet-20 on drawn shapes at 32x32x3.

``--clock cpu`` times each runner's whole call (model built, optimizer made, every epoch) in
processor seconds of this process instead of wall-clock seconds: on a machine shared with other
work, time spent waiting for a core then does not count (use it with ``--threads 1`` and the CPU).

Run: .venv/bin/python bench/bench_training.py [--scale X] [--device auto|cpu|cuda] [--threads N] [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
from plain_loop import train_plain, train_tuned

import cnnstudio
from cnnstudio.training import Finished, Trainer, TrainSettings, open_training_data
from cnnstudio.training.device import describe, select_device
from cnnstudio.training.precision import choose_precision

CASES = {
    # name: (preset, dataset, epochs per round, batch size, rounds)
    "LeNet-5 / digits": ("lenet5", "digits", 3, 64, 11),
    "ResNet-20 / shapes 32x32": ("resnet20", "shapes:600", 1, 64, 7),
}
RUNNERS = ("app", "tutorial", "tuned", "every step")


def app(net, split, settings: TrainSettings, cpu_clock: bool) -> float:
    """Seconds of the app's run: its own clock (first batch to last validation), or processor
    seconds of the whole call."""
    began = time.process_time()
    events = list(Trainer(net, split, settings).run())
    assert isinstance(events[-1], Finished), events[-1]
    return time.process_time() - began if cpu_clock else events[-1].seconds


def plain(loop, net, split, settings: TrainSettings, cpu_clock: bool) -> float:
    device = select_device(settings.device)
    precision = choose_precision(device, settings.amp)
    s = settings
    began = time.process_time()
    times = loop(net, split, s.lr, s.batch_size, s.epochs, s.seed, device, precision)
    return time.process_time() - began if cpu_clock else times.total


def bench_case(name: str, scale: float, device: str, cpu_clock: bool) -> dict[str, list[float]]:
    """Seconds per round of each runner, rounds interleaved (the order flips every round)."""
    preset_id, spec, epochs, batch, rounds = CASES[name]
    rounds = max(3, round(rounds * scale))
    net = cnnstudio.load(preset_id)
    split = open_training_data(net, spec)
    settings = TrainSettings(epochs=epochs, batch_size=batch, device=device)
    runners = {
        "app": lambda s: app(net, split, s, cpu_clock),
        "tutorial": lambda s: plain(train_plain, net, split, s, cpu_clock),
        "tuned": lambda s: plain(train_tuned, net, split, s, cpu_clock),
        "every step": lambda s: app(net, split, s.with_changes(report_every=1), cpu_clock),
    }
    for run in runners.values():  # warm-up
        run(settings.with_changes(epochs=1))
    times: dict[str, list[float]] = {key: [] for key in runners}
    for r in range(rounds):
        order = list(runners) if r % 2 == 0 else list(reversed(runners))
        for key in order:
            times[key].append(runners[key](settings))
    times["images"] = [_trained(len(split.train), batch) * epochs]
    return times


def _trained(count: int, batch: int) -> int:
    return count - 1 if count % batch == 1 else count


def paired_ratio(mine: list[float], theirs: list[float]) -> float:
    """Median over rounds of (their time / my time): each pair ran back to back, under the same load."""
    return statistics.median(t / m for m, t in zip(mine, theirs, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply each case's rounds")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="see the module's notes")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = select_device(args.device)
    precision = choose_precision(device, TrainSettings().amp)
    print(f"device: {describe(device)}, {precision.name}, torch {torch.__version__}, {args.clock} clock")
    print(
        f"{'case':26s} {'rounds':>6s} {'app img/s':>9s} {'tutorial':>8s} {'tuned':>7s} "
        f"{'app/tutorial':>12s} {'app/tuned':>9s} {'every-step/tutorial':>19s}"
    )
    for name in CASES:
        t = bench_case(name, args.scale, args.device, args.clock == "cpu")
        images = t["images"][0]
        speed = {key: images / statistics.median(t[key]) for key in RUNNERS}
        print(
            f"{name:26s} {len(t['app']):6d} {speed['app']:9.0f} {speed['tutorial']:8.0f} {speed['tuned']:7.0f} "
            f"{paired_ratio(t['app'], t['tutorial']):12.3f} {paired_ratio(t['app'], t['tuned']):9.3f} "
            f"{paired_ratio(t['every step'], t['tutorial']):19.3f}"
        )
    print(
        "img/s: trained images / median seconds of a round (validation included); the ratios are "
        "paired:\nthe median over rounds of the other runner's time / the app's time in the same round"
    )


if __name__ == "__main__":
    main()
