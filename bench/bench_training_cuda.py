"""Training on a CUDA GPU: the app against the tutorial loop and the tuned loop, images per second.

For a machine with an NVIDIA GPU and a CUDA build of PyTorch. Two cases, each in the app's mixed
precision (bfloat16 on Ampere and later, float16 with a scaler before) and in float32 (TF32
matrix units):

* ResNet-18 (the preset, a 10-way classifier) on drawn shapes at 3x224x224, batches of 128;
* ResNet-20 on drawn shapes at 3x32x32, batches of 128.

Three runners train the same module on the same data, on the same GPU in the same precision
(``plain_loop.py``): the **app** (``Trainer.run()``, its data kept on the GPU), the **tutorial**
loop (batches normalised on the CPU, ``loss.item()`` every step) and the **tuned** loop (the best
a PyTorch user writes by hand: uint8 data on the GPU, channels-last, fused Adam, no per-step
syncs). Each runner is warmed up (``--warm-up`` runs: cuDNN's benchmark, allocator caches, the
dataset's copy on the GPU) and then timed in ``--rounds`` rounds of several epochs (at least a
hundred steps each), the runners taking turns in an order that flips every round.

Printed and written to ``--out``.json and ``--out``.md: the GPU's name, images per second of the
training passes (validation excluded; median of the rounds) and each runner's ratio to the
others (median of same-round ratios), the peak GPU memory, the GPU's utilisation while training
(median of ``torch.cuda.utilization()`` samples, when ``nvidia-ml-py`` is installed) and a
step-time breakdown: the milliseconds a step takes against the **compute floor**, the time of a
step on one batch already on the GPU with nothing else to do (so step - floor is the time the
GPU spent waiting for data, Python or a sync).

    python bench/bench_training_cuda.py [--rounds 3] [--warm-up 1] [--case resnet18 resnet20] [--out PATH]
    python bench/bench_training_cuda.py --cpu-smoke    # the same code on the CPU, tiny sizes (tests)

Without a CUDA GPU (and without ``--cpu-smoke``) it says so in one line and exits 0.
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import torch
from plain_loop import backward_and_step, sync, train_plain, train_tuned
from torch.nn import functional as F

from cnnstudio.core import preset
from cnnstudio.core.atomic import atomic_write
from cnnstudio.model.build import build_module
from cnnstudio.training import Epoch, Finished, Trainer, TrainSettings, open_training_data
from cnnstudio.training.precision import Precision, choose_precision

RUNNERS = ("app", "tutorial", "tuned")


@dataclass(frozen=True)
class Case:
    title: str
    preset: str
    size: int  # images are 3 x size x size
    spec: str  # drawn shapes: how many
    batch: int
    epochs: int  # per round


CASES = {
    "resnet18": Case("ResNet-18 224x224", "resnet18", 224, "shapes:6400", 128, 3),
    "resnet20": Case("ResNet-20 32x32", "resnet20", 32, "shapes:20000", 128, 2),
}
SMOKE_CASES = {
    "resnet18": Case("ResNet-18 16x16 (smoke)", "resnet18", 16, "shapes:20", 4, 1),
    "resnet20": Case("ResNet-20 16x16 (smoke)", "resnet20", 16, "shapes:20", 4, 1),
}
FLOOR_STEPS = (10, 30)  # warm-up steps, timed steps of the compute floor
SMOKE_FLOOR_STEPS = (1, 2)
SAMPLE_SECONDS = 0.05


@dataclass
class Measured:
    """One runner in one case and precision: every round's numbers."""

    runner: str
    train_seconds: list[float] = field(default_factory=list)
    peak_bytes: list[int] = field(default_factory=list)
    utilisation: list[float] = field(default_factory=list)
    error: str = ""  # why the runner stopped (out of memory, ...): its other rounds are skipped

    def attempt(self, run) -> float | None:
        """*run*'s seconds, or ``None`` (the error kept) if it fails now or failed before."""
        if self.error:
            return None
        try:
            return run()
        except RuntimeError as error:  # torch's errors, out of memory included
            text = str(error).strip().splitlines()
            self.error = f"{type(error).__name__}: {text[0] if text else ''}"
            return None


def network_for(case: Case):
    net = preset(case.preset)
    net.set_param(net.find("fc").id, "units", 10)
    if case.size != net.nodes[0].params["height"]:
        net.set_param(net.nodes[0].id, "height", case.size)
        net.set_param(net.nodes[0].id, "width", case.size)
    return net


class UtilisationProbe:
    """Samples ``torch.cuda.utilization()`` in a thread while a round runs (needs nvidia-ml-py)."""

    def __init__(self, device: torch.device) -> None:
        self.device = device
        self.samples: list[float] = []
        self.works = device.type == "cuda" and self._read() is not None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _read(self) -> float | None:
        try:
            return float(torch.cuda.utilization(self.device))
        except Exception:  # no nvidia-ml-py, or no NVML on this system
            return None

    def __enter__(self) -> UtilisationProbe:
        self.samples = []
        if self.works:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            value = self._read()
            if value is not None:
                self.samples.append(value)

    def __exit__(self, *exc) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()


def trained_images(count: int, batch: int) -> int:
    """Images a pass trains on (a last batch of one image is left out, as the app does)."""
    return count - 1 if count % batch == 1 else count


def app_round(trainer: Trainer, per_epoch: int) -> float:
    """Seconds of the app's training passes in one run (its own clock, validation excluded)."""
    trainer.reset_weights()
    events = list(trainer.run())
    if not isinstance(events[-1], Finished):
        raise RuntimeError(f"the app's run did not finish: {events[-1]}")
    return sum(per_epoch / e.images_per_second for e in events if isinstance(e, Epoch))


def compute_floor(net, split, device: torch.device, precision: Precision, batch: int, steps) -> float:
    """Seconds of one training step on one batch already on the device, tuned, nothing else."""
    torch.manual_seed(0)
    layout = torch.channels_last if precision.channels_last else torch.contiguous_format
    model = build_module(net, logits=True).to(device).to(memory_format=layout)
    fused = {"fused": True} if device.type == "cuda" else {}
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, **fused)
    x = torch.randn(batch, *split.input_shape, device=device).contiguous(memory_format=layout)
    y = torch.randint(0, len(split.classes), (batch,), device=device)
    scaler = precision.make_scaler(device)
    warm, timed = steps
    for step in range(warm + timed):
        if step == warm:
            sync(device)
            start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        with precision.autocast(device):
            loss = F.cross_entropy(model(x), y)
        backward_and_step(loss, optimizer, scaler)
    sync(device)
    return (time.perf_counter() - start) / timed


def measure(case: Case, amp: bool, device: torch.device, rounds: int, warm_up: int, smoke: bool) -> dict:
    """Every runner of *case* in the app's precision for *amp*, warmed up, rounds interleaved."""
    net = network_for(case)
    split = open_training_data(net, case.spec)
    precision = choose_precision(device, amp)
    settings = TrainSettings(epochs=case.epochs, batch_size=case.batch, device=device.type, amp=amp)
    per_epoch = trained_images(len(split.train), case.batch)
    trainer = Trainer(net, split, settings)
    loop_args = (net, split, settings.lr, case.batch, case.epochs, settings.seed, device, precision)
    runners = {
        "app": lambda: app_round(trainer, per_epoch),
        "tutorial": lambda: train_plain(*loop_args).train,
        "tuned": lambda: train_tuned(*loop_args).train,
    }
    probe = UtilisationProbe(device)
    measured = {name: Measured(name) for name in runners}
    for _ in range(warm_up):
        for name, run in runners.items():
            measured[name].attempt(run)
    for r in range(rounds):
        for name in RUNNERS if r % 2 == 0 else tuple(reversed(RUNNERS)):
            if device.type == "cuda":
                torch.cuda.reset_peak_memory_stats(device)
            with probe:
                seconds = measured[name].attempt(runners[name])
            if seconds is None:
                continue
            measured[name].train_seconds.append(seconds)
            measured[name].peak_bytes.append(
                torch.cuda.max_memory_allocated(device) if device.type == "cuda" else 0
            )
            measured[name].utilisation += probe.samples
    floor = compute_floor(
        net, split, device, precision, case.batch, SMOKE_FLOOR_STEPS if smoke else FLOOR_STEPS
    )
    steps = case.epochs * -(-per_epoch // case.batch)
    return summarise(case, precision, measured, per_epoch * case.epochs, steps, floor)


def summarise(
    case: Case, precision: Precision, measured: dict, images: int, steps: int, floor: float
) -> dict:
    rows = {name: {"error": m.error} for name, m in measured.items() if m.error}
    measured = {name: m for name, m in measured.items() if not m.error}
    for name, m in measured.items():
        seconds = statistics.median(m.train_seconds)
        rows[name] = {
            "images_per_second": images / seconds,
            "step_ms": 1000 * seconds / steps,
            "floor_ms": 1000 * floor,
            "compute_share": floor * steps / seconds,
            "peak_mib": max(m.peak_bytes) / 2**20,
            "utilisation_percent": statistics.median(m.utilisation) if m.utilisation else None,
            "rounds_seconds": m.train_seconds,
        }
    for name in measured:
        for other in measured:
            if other != name:
                pairs = zip(measured[name].train_seconds, measured[other].train_seconds, strict=True)
                rows[name][f"vs_{other}"] = statistics.median(theirs / mine for mine, theirs in pairs)
    return {
        "case": case.title,
        "precision": precision.name,
        "batch": case.batch,
        "images_per_round": images,
        "steps_per_round": steps,
        "runners": rows,
    }


def device_description(device: torch.device) -> dict:
    if device.type != "cuda":
        return {"name": f"CPU ({torch.get_num_threads()} threads)", "capability": None}
    props = torch.cuda.get_device_properties(device)
    return {
        "name": props.name,
        "capability": f"{props.major}.{props.minor}",
        "memory_gib": round(props.total_memory / 2**30, 1),
    }


def markdown(report: dict) -> str:
    d = report["device"]
    lines = [
        f"# Training on {d['name']}",
        "",
        f"torch {report['torch']} (CUDA {report['cuda']}), {report['date']}, `{report['command']}`; "
        f"{report['rounds']} rounds after {report['warm_up']} warm-up run(s) per runner.",
        "",
        "| case | precision | runner | img/s | vs tuned | vs tutorial | step ms | floor ms | "
        "compute share | GPU util % | peak MiB |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in report["results"]:
        for name, row in result["runners"].items():
            if "error" in row:
                lines.append(f"| {result['case']} | {result['precision']} | {name} | {row['error']} |||||||")
                continue
            util = row["utilisation_percent"]
            lines.append(
                f"| {result['case']} | {result['precision']} | {name} | {row['images_per_second']:,.0f} | "
                f"{row.get('vs_tuned', 1.0):.3f} | {row.get('vs_tutorial', 1.0):.3f} | {row['step_ms']:.2f} | "
                f"{row['floor_ms']:.2f} | {row['compute_share']:.2f} | "
                f"{'n/a' if util is None else f'{util:.0f}'} | {row['peak_mib']:,.0f} |"
            )
    lines += [
        "",
        "img/s: images of the training passes / median seconds (validation excluded). vs: median over "
        "rounds of the other runner's time / this runner's (above 1: this one is faster). floor: a step "
        "on one batch already on the GPU; compute share = floor x steps / time. Peak: the most GPU "
        "memory allocated in a round (the app's dataset copy included).",
        "",
    ]
    return "\n".join(lines)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm-up", type=int, default=1, help="untimed runs of each runner first")
    parser.add_argument("--case", nargs="+", choices=tuple(CASES), default=list(CASES))
    parser.add_argument("--out", type=Path, default=Path("bench_training_cuda"), help="PATH.json and PATH.md")
    parser.add_argument(
        "--cpu-smoke", action="store_true", help="tiny sizes on the CPU: checks the code runs"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not args.cpu_smoke and not torch.cuda.is_available():
        built = f"CUDA {torch.version.cuda}" if torch.version.cuda else "a CPU-only build"
        print(f"no CUDA GPU here (torch {torch.__version__}, {built}): nothing to measure; exiting")
        return 0
    device = torch.device("cpu" if args.cpu_smoke else "cuda")
    cases = SMOKE_CASES if args.cpu_smoke else CASES
    rounds, warm_up = (1, 1) if args.cpu_smoke else (args.rounds, args.warm_up)
    report = {
        "device": device_description(device),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(
            ["python", "bench/bench_training_cuda.py", *(argv if argv is not None else sys.argv[1:])]
        ),
        "rounds": rounds,
        "warm_up": warm_up,
        "results": [],
    }
    print(f"device: {report['device']['name']}, torch {torch.__version__}", flush=True)
    for key in args.case:
        measured = set()
        for amp in (True, False):
            if choose_precision(device, amp).name in measured:
                continue  # the CPU computes float32 either way
            result = measure(cases[key], amp, device, rounds, warm_up, args.cpu_smoke)
            measured.add(result["precision"])
            report["results"].append(result)
            for name, row in result["runners"].items():
                if "error" in row:
                    print(f"{result['case']:24s} {result['precision']:9s} {name:9s} failed: {row['error']}")
                    continue
                print(
                    f"{result['case']:24s} {result['precision']:9s} {name:9s} {row['images_per_second']:9.0f} img/s"
                    f"  step {row['step_ms']:7.2f} ms (floor {row['floor_ms']:.2f})  peak {row['peak_mib']:7.0f} MiB",
                    flush=True,
                )
    written = Path(f"{args.out}.json"), Path(f"{args.out}.md")
    atomic_write(written[0], json.dumps(report, indent=2) + "\n")
    atomic_write(written[1], markdown(report))
    print(f"written: {written[0]} and {written[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
