"""The depth experiment's time and outcome: Plain-20/56 and ResNet-20/56 with the default sizes.

Runs :func:`cnnstudio.training.depth.run_depth_experiment` (what the app's Experiments menu runs,
without the window) for several seeds, one after another in this process, and prints for each
seed the four runs' seconds and per-epoch training error, then a table of the final training
errors and whether the lesson's effect showed: Plain-56 ends with a higher training error than
Plain-20, and ResNet-56 within a point of ResNet-20 or better.

    .venv/bin/python bench/bench_depth_experiment.py            # seeds 0, 1, 2
    .venv/bin/python bench/bench_depth_experiment.py 0 1 2 3 4  # other seeds
"""

from __future__ import annotations

import sys
import time

import torch

from cnnstudio.training.depth import DepthSettings, run_depth_experiment


def run(seed: int):
    events = run_depth_experiment(DepthSettings(seed=seed), device="cpu")
    began = time.perf_counter()
    try:
        while True:
            next(events)
    except StopIteration as stop:
        return stop.value, time.perf_counter() - began


def main(seeds: list[int]) -> None:
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {DepthSettings().describe()}")
    rows = []
    for seed in seeds:
        result, seconds = run(seed)
        print(f"\nseed {seed}: {seconds:.0f} s for all four ({result.status})")
        for r in result.runs:
            curve = " ".join(f"{100 * (1 - e['train_accuracy']):.1f}" for e in r.history.epochs)
            val = r.history.last_epoch()["val_accuracy"]
            print(
                f"  {r.name:9s} {r.seconds:6.1f} s  train error per epoch (%): {curve}  "
                f"| final loss {r.final_train_loss:.3f}, val acc {100 * val:.1f}%"
            )
        errors = {r.name: r.final_train_error for r in result.runs}
        shown = errors["Plain-56"] > errors["Plain-20"] and errors["ResNet-56"] <= errors["ResNet-20"] + 0.01
        rows.append((seed, seconds, errors, shown))
    print("\n| seed | seconds | Plain-20 | Plain-56 | ResNet-20 | ResNet-56 | effect shown |")
    print("|---:|---:|---:|---:|---:|---:|:---|")
    for seed, seconds, e, shown in rows:
        cells = " | ".join(f"{100 * e[n]:.1f}%" for n in ("Plain-20", "Plain-56", "ResNet-20", "ResNet-56"))
        print(f"| {seed} | {seconds:.0f} | {cells} | {'yes' if shown else 'no'} |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [0, 1, 2])
