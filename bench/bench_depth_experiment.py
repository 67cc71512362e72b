"""The depth experiment's time and outcome: Plain-20/56 and ResNet-20/56 with the default sizes.

Runs :func:`cnnstudio.training.depth.run_depth_experiment` (what the app's Experiments menu runs,
without the window) for several seeds, one after another in this process, and prints for each
seed the four runs' seconds and per-epoch training error, then a table of the final training
errors and whether the lesson's effect showed: Plain-56 ends with a higher training error than
Plain-20, and ResNet-56 within a point of ResNet-20 or better.

    .venv/bin/python bench/bench_depth_experiment.py            # seeds 0, 1, 2
    .venv/bin/python bench/bench_depth_experiment.py 0 1 2 3 4  # other seeds
    THREADS=2 .venv/bin/python bench/bench_depth_experiment.py  # torch on two threads

Torch runs on ``DepthSettings.threads`` threads (1), as in the app, or on ``THREADS``. Seconds are
wall-clock time, CPU seconds this process's; on a machine that other jobs share, two torch threads
wait for each other and the wall time grows far more than the work.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import time

import torch

from cnnstudio.training.depth import RESNET_MARGIN, DepthSettings, run_depth_experiment


def spread(run) -> tuple[float, float]:
    """Decades between the largest and the smallest layer's median gradient norm, and the first
    weight layer's median over the last one's (log10; positive: the first layers get more)."""
    layers = list(zip(*run.gradients.norms, strict=True))
    medians = [statistics.median(values) for values in layers]
    logs = [math.log10(max(m, 1e-12)) for m in medians]
    return max(logs) - min(logs), logs[0] - logs[-1]


def run(seed: int, threads: int):
    events = run_depth_experiment(DepthSettings(seed=seed, threads=threads), device="cpu")
    began, cpu = time.perf_counter(), time.process_time()
    try:
        while True:
            next(events)
    except StopIteration as stop:
        return stop.value, time.perf_counter() - began, time.process_time() - cpu


def main(seeds: list[int]) -> None:
    threads = int(os.environ.get("THREADS", DepthSettings().threads))
    print(
        f"load average {os.getloadavg()[0]:.1f}; torch {torch.__version__} on {threads} thread(s); "
        f"{DepthSettings().describe()}"
    )
    rows = []
    for seed in seeds:
        result, seconds, cpu = run(seed, threads)
        print(
            f"\nseed {seed}: {seconds:.0f} s for all four, {cpu:.0f} CPU s ({result.status}); "
            f"load average now {os.getloadavg()[0]:.1f}"
        )
        for r in result.runs:
            curve = " ".join(f"{100 * (1 - e['train_accuracy']):.1f}" for e in r.history.epochs)
            val = r.history.last_epoch()["val_accuracy"]
            decades, first_last = spread(r)
            print(
                f"  {r.name:9s} {r.seconds:6.1f} s  train error per epoch (%): {curve}  "
                f"| final loss {r.final_train_loss:.3f}, val acc {100 * val:.1f}% "
                f"| gradient norms span {decades:.1f} decades, first/last layer {first_last:+.1f}"
            )
        errors = {r.name: r.final_train_error for r in result.runs}
        shown = (
            errors["Plain-56"] > errors["Plain-20"]
            and errors["ResNet-56"] <= errors["ResNet-20"] + RESNET_MARGIN
        )
        rows.append((seed, seconds, errors, shown))
    print("\n| seed | seconds | Plain-20 | Plain-56 | ResNet-20 | ResNet-56 | effect shown |")
    print("|---:|---:|---:|---:|---:|---:|:---|")
    for seed, seconds, e, shown in rows:
        cells = " | ".join(f"{100 * e[n]:.1f}%" for n in ("Plain-20", "Plain-56", "ResNet-20", "ResNet-56"))
        print(f"| {seed} | {seconds:.0f} | {cells} | {'yes' if shown else 'no'} |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [0, 1, 2])
