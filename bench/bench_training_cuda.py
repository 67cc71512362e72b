"""ResNet-18 at 224x224 on a CUDA GPU: images per second with and without mixed precision.

For a machine with a GPU (none here; CI never has one). Trains ResNet-18 (torchvision's
definition, ``resnet18`` with a 10-way classifier) on drawn shapes at 3x224x224 with the app's
own loop (:class:`cnnstudio.training.Trainer`), alternating rounds with ``amp`` on and off, and
prints the median images/s of each and their ratio. To show the GPU is actually used it prints
the device's name, where the module's weights live, and the peak GPU memory of each mode.

    python bench/bench_training_cuda.py [--rounds N] [--batch-size B] [--images N]
    python bench/bench_training_cuda.py --device cpu --rounds 1 --images 64   # a smoke run anywhere

Without CUDA (and without ``--device cpu``) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys

import torch

from cnnstudio.core import preset
from cnnstudio.training import Trainer, TrainSettings, open_training_data


def resnet18_for(classes: int):
    net = preset("resnet18")
    net.set_param(net.find("fc").id, "units", classes)
    return net


def one_round(net, split, settings: TrainSettings) -> tuple[float, int]:
    """Images/s of the training pass (validation excluded) and the peak GPU memory in bytes."""
    if settings.device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    trainer = Trainer(net, split, settings)
    epochs = [event for event in trainer.run() if type(event).__name__ == "Epoch"]
    weights_device = next(trainer.module.parameters()).device
    peak = torch.cuda.max_memory_allocated() if settings.device == "cuda" else 0
    print(
        f"    amp={settings.amp!s:5s} weights on {weights_device}, {epochs[-1].images_per_second:8.1f} img/s"
    )
    return epochs[-1].images_per_second, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--images", type=int, default=5000, help="drawn shapes in the training set")
    parser.add_argument("--device", choices=("cuda", "cpu"), default="cuda")
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        print("no CUDA device here: nothing to measure (use --device cpu for a smoke run)")
        return 0
    if args.device == "cuda":
        print(f"device: {torch.cuda.get_device_name(0)}, torch {torch.__version__}")
    net = resnet18_for(10)
    split = open_training_data(net, f"shapes:{args.images}", seed=0)
    results: dict[bool, list[tuple[float, int]]] = {True: [], False: []}
    for round_number in range(args.rounds):
        print(f"  round {round_number + 1}")
        order = (True, False) if round_number % 2 == 0 else (False, True)
        for amp in order:
            settings = TrainSettings(epochs=1, batch_size=args.batch_size, device=args.device, amp=amp)
            results[amp].append(one_round(net, split, settings))
    speed = {amp: statistics.median(r[0] for r in rounds) for amp, rounds in results.items()}
    for amp, rounds in results.items():
        peak = max(r[1] for r in rounds) / 2**20
        print(
            f"ResNet-18 224x224, batch {args.batch_size}, amp={amp}: {speed[amp]:.1f} img/s, peak GPU memory {peak:.0f} MiB"
        )
    print(f"mixed precision / full precision = {speed[True] / speed[False]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
