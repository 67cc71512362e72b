"""The exported training script's loop: one process, or many under ``torchrun`` with
DistributedDataParallel, and a checkpoint CNN Studio opens.

The training-script exporter copies these definitions into the script it writes. Under
``torchrun`` every process trains on its own share of each epoch (a DistributedSampler) and
DistributedDataParallel averages the gradients: NCCL between GPUs, gloo between CPU processes.
Process 0 prints the progress and writes the checkpoint, in the form
:func:`cnnstudio.training.checkpoint.load_checkpoint` reads: the network, the weights, the
settings and the run's history.

On a GPU the script computes as the app's trainer does (:mod:`cnnstudio.training.precision`):
bfloat16 where the GPU computes it natively, float16 with a gradient scaler on older GPUs,
float32 on the CPU or with ``--no-amp``; local response normalisation always in float32.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import torch
import torch.distributed as dist
from torch import nn
from torch.nn import functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DistributedSampler

from .script_data import DataError, open_data

CHECKPOINT_FORMAT = "cnnstudio-checkpoint"
CHECKPOINT_VERSION = 1


def parse_args(
    argv: list[str], settings: dict, default_data: str, checkpoint: Path, digits: bool
) -> argparse.Namespace:
    """The command line; the defaults are CNN Studio's training settings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    data_help = "digits, shapes or shapes:N" if digits else "shapes or shapes:N"
    parser.add_argument("--data", default=default_data, help=f"{data_help} (default {default_data})")
    parser.add_argument(
        "--epochs", type=int, default=settings["epochs"], help=f"default {settings['epochs']}"
    )
    parser.add_argument(
        "--batch-size", type=int, default=settings["batch_size"], help="images per step on each process"
    )
    parser.add_argument(
        "--lr", type=float, default=settings["lr"], help=f"learning rate (default {settings['lr']:g})"
    )
    parser.add_argument("--optimizer", choices=("sgd", "adam", "adamw"), default=settings["optimizer"])
    parser.add_argument(
        "--seed", type=int, default=settings["seed"], help="seeds the weights, batches and split"
    )
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--no-amp", action="store_true", help="no mixed precision on CUDA")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (a quick check)")
    parser.add_argument(
        "--checkpoint", type=Path, default=checkpoint, help=f"where to save (default {checkpoint})"
    )
    args = parser.parse_args(argv)
    for name in ("epochs", "batch_size"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if not args.lr > 0 or args.max_steps < 0:
        parser.error("--lr must be above 0 and --max-steps at least 0")
    return args


def start_processes(device_choice: str) -> tuple[int, int, torch.device, str]:
    """``(rank, world size, device, backend)``: under torchrun, one process group; else one process."""
    use_cuda = device_choice != "cpu" and torch.cuda.is_available()
    if device_choice == "cuda" and not use_cuda:
        raise SystemExit("--device cuda: this PyTorch sees no CUDA GPU")
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world == 1:
        return 0, 1, torch.device("cuda" if use_cuda else "cpu"), ""
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device("cuda", local_rank) if use_cuda else torch.device("cpu")
    if use_cuda:
        torch.cuda.set_device(device)
    backend = "nccl" if use_cuda else "gloo"
    dist.init_process_group(backend=backend)
    return dist.get_rank(), dist.get_world_size(), device, backend


def total(values: list[float], world: int, device: torch.device) -> list[float]:
    """*values* summed over every process (as they are with one)."""
    tensor = torch.tensor(values, dtype=torch.float64, device=device)
    if world > 1:
        dist.all_reduce(tensor)
    return tensor.tolist()


def epoch_batches(sampler: DistributedSampler, batch_size: int) -> list[torch.Tensor]:
    """This process's batches; a last batch of one image is left out (batch norm needs two)."""
    batches = list(torch.tensor(list(sampler), dtype=torch.int64).split(batch_size))
    if len(batches) > 1 and len(batches[-1]) == 1:
        batches.pop()
    return batches


def half_precision(device: torch.device, amp: bool) -> torch.dtype | None:
    """The 16-bit format the forward pass computes in, or None for plain float32.

    Mixed precision only pays on a GPU (on most CPUs 16-bit formats are slower). bfloat16 has
    float32's range, so nothing overflows and no gradient scaler is needed: it is the choice
    wherever the GPU computes it natively (NVIDIA Ampere, 2020, and later). Older GPUs get
    float16, whose small gradients would round to zero without a scaler (see make_scaler).
    """
    if device.type != "cuda" or not amp:
        return None
    if torch.cuda.is_bf16_supported(including_emulation=False):
        return torch.bfloat16
    return torch.float16


def make_scaler(device: torch.device, half: torch.dtype | None) -> torch.amp.GradScaler:
    """A gradient scaler, enabled for float16 only (bfloat16 and float32 need none)."""
    return torch.amp.GradScaler(device.type, enabled=half == torch.float16)


def forward_precision(device: torch.device, half: torch.dtype | None):
    """The context the forward pass and the loss run in: autocast to *half*, if any."""
    return torch.autocast(device.type, dtype=half) if half is not None else nullcontext()


def float32_input(layer: nn.Module, args: tuple) -> tuple:
    """A forward pre-hook: the layer's input as float32."""
    return (args[0].float(), *args[1:])


def lrn_in_float32(model: nn.Module) -> nn.Module:
    """Make every LocalResponseNorm of *model* compute in float32; returns *model*.

    The layer squares its input: in float16 an activation above 256 overflows (AlexNet's LRN
    turns a lone 300 into 0.0 instead of 110.2). A forward pre-hook hands it a float32 copy
    (nothing changes in float32), and the next convolution goes back to the 16-bit format.
    """
    for layer in model.modules():
        if isinstance(layer, nn.LocalResponseNorm):
            layer.register_forward_pre_hook(float32_input)
    return model


def make_optimizer(
    model: nn.Module, name: str, lr: float, settings: dict, fused: bool
) -> torch.optim.Optimizer:
    """The optimizer *name*; *fused* (on a GPU) updates all weights in one kernel, and lets the
    gradient scaler's check for infinities stay on the GPU instead of waiting for it every step."""
    extra = {"fused": True} if fused else {}
    if name == "sgd":
        return torch.optim.SGD(
            model.parameters(),
            lr=lr,
            momentum=settings["momentum"],
            weight_decay=settings["weight_decay"],
            **extra,
        )
    kind = torch.optim.Adam if name == "adam" else torch.optim.AdamW
    return kind(model.parameters(), lr=lr, weight_decay=settings["weight_decay"], **extra)


def train_epoch(
    model, optimizer, scaler, batches, data, device, half
) -> tuple[list[torch.Tensor], list[int], int]:
    """One pass over this process's batches: each step's loss, its batch size, and the right answers."""
    model.train()
    losses, sizes, correct = [], [], torch.zeros((), dtype=torch.int64, device=device)
    for indices in batches:
        x, y = data.batch(indices)
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with forward_precision(device, half):
            logits = model(x)
            loss = F.cross_entropy(logits, y)
        scaler.scale(loss).backward()  # the scaler passes everything through when it is disabled
        scaler.step(optimizer)
        scaler.update()
        losses.append(loss.detach().float())
        sizes.append(len(indices))
        correct += (logits.detach().argmax(dim=1) == y).sum()
    return losses, sizes, int(correct)


@torch.no_grad()
def evaluate(model, data, rank: int, world: int, batch_size: int, device, half) -> tuple[float, float, float]:
    """Summed loss, right answers and count over this process's share of the validation set."""
    model.eval()
    loss_sum, right = 0.0, 0
    mine = torch.arange(rank, len(data), world)
    for indices in mine.split(2 * batch_size):
        x, y = data.batch(indices)
        with forward_precision(device, half):
            logits = model(x.to(device)).float()
        loss_sum += float(F.cross_entropy(logits, y.to(device), reduction="sum"))
        right += int((logits.argmax(dim=1).cpu() == y).sum())
    return loss_sum, right, len(mine)


def save_checkpoint(path: Path, payload: dict) -> None:
    """Write *payload* with torch.save into a temporary file, then rename it over *path*."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            torch.save(payload, file)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as any new file, not mkstemp's owner-only mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Run:
    """What the run did, step by step and epoch by epoch, in CNN Studio's history form."""

    def __init__(self, settings: dict, args: argparse.Namespace) -> None:
        changed = {
            "optimizer": args.optimizer,
            "lr": args.lr,
            "batch_size": args.batch_size,
            "epochs": args.epochs,
        }
        changed |= {"seed": args.seed, "device": args.device, "amp": not args.no_amp}
        self.settings = {**settings, **changed}
        self.lr, self.step, self.status = args.lr, 0, "finished"
        self.steps, self.step_epochs, self.losses, self.lrs, self.epochs = [], [], [], [], []

    def add_steps(self, epoch: int, losses: list[float]) -> None:
        self.steps += list(range(self.step + 1, self.step + len(losses) + 1))
        self.step_epochs += [epoch] * len(losses)
        self.losses += losses
        self.lrs += [self.lr] * len(losses)
        self.step += len(losses)

    def add_epoch(self, epoch: int, train: list[float], val: list[float], seconds: float) -> dict:
        (loss_sum, seen, correct), (val_loss, val_right, val_count) = train, val
        row = {
            "epoch": epoch,
            "step": self.step,
            "train_loss": loss_sum / max(seen, 1),
            "train_accuracy": correct / max(seen, 1),
            "val_loss": val_loss / max(val_count, 1),
            "val_accuracy": val_right / max(val_count, 1),
            "lr": self.lr,
            "seconds": seconds,
            "images_per_second": seen / max(seconds, 1e-9),
        }
        self.epochs.append(row)
        return row

    def history(self, network: dict, data: str, classes: list[str], device: str) -> dict:
        names = ("steps", "step_epochs", "losses", "lrs", "epochs", "settings", "status")
        record = {"network": network["name"], "dataset": data, "classes": list(classes), "device": device}
        return {**record, **{name: getattr(self, name) for name in names}, "failure": ""}


def checkpoint_payload(
    network: dict, model: torch.nn.Module, run: Run, data: str, classes, device: str
) -> dict:
    """What :func:`cnnstudio.training.checkpoint.load_checkpoint` reads: text, numbers and tensors."""
    return {
        "format": CHECKPOINT_FORMAT,
        "version": CHECKPOINT_VERSION,
        "network": json.dumps(network, indent=2),
        "state_dict": {key: value.detach().cpu() for key, value in model.state_dict().items()},
        "settings": json.dumps(run.settings),
        "history": json.dumps(run.history(network, data, classes, device)),
        "dataset": data,
        "classes": list(classes),
    }


def epoch_line(row: dict, epochs: int) -> str:
    return (
        f"epoch {row['epoch']}/{epochs}: train loss {row['train_loss']:.4f}, accuracy {row['train_accuracy']:.1%}"
        f" | val loss {row['val_loss']:.4f}, accuracy {row['val_accuracy']:.1%}"
        f" | {row['images_per_second']:,.0f} img/s"
    )


def train(build, network: dict, input_shape: tuple, args: argparse.Namespace, settings: dict, digits) -> int:
    """Train *build()*'s model as *args* say; returns the exit status (1 if the loss diverges)."""
    rank, world, device, backend = start_processes(args.device)
    say = print if rank == 0 else (lambda *_, **__: None)
    try:
        train_set, val_set, classes = open_data(args.data, input_shape, args.seed, digits)
    except DataError as error:
        raise SystemExit(f"{Path(sys.argv[0]).name}: {error}") from None
    torch.manual_seed(args.seed)
    model = lrn_in_float32(build()).to(device)
    ddp = model
    if world > 1:
        ddp = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = make_optimizer(ddp, args.optimizer, args.lr, settings, fused=device.type == "cuda")
    half = half_precision(device, amp=not args.no_amp)
    scaler = make_scaler(device, half)
    sampler = DistributedSampler(
        range(len(train_set)), num_replicas=world, rank=rank, shuffle=True, seed=args.seed
    )
    where = f"{device.type} x {world} processes ({backend})" if world > 1 else device.type
    run = Run(settings, args)
    say(
        f"training {network['name']} on {args.data}: {len(train_set):,} images, {len(val_set):,} for validation, on {where}"
        + (f", computing in {str(half).removeprefix('torch.')}" if half is not None else "")
    )
    for epoch in range(1, args.epochs + 1):
        sampler.set_epoch(epoch)
        batches = epoch_batches(sampler, args.batch_size)
        if args.max_steps:
            batches = batches[: max(0, args.max_steps - run.step)]
        started = time.perf_counter()
        losses, sizes, correct = train_epoch(ddp, optimizer, scaler, batches, train_set, device, half)
        seconds = time.perf_counter() - started
        run.add_steps(epoch, [v / world for v in total([float(v) for v in losses], world, device)])
        if not all(math.isfinite(v) for v in run.losses):
            say(
                f"the loss became NaN or infinite in epoch {epoch}: lower the learning rate (now {args.lr:g})"
            )
            run.status = "failed"
            break
        trained = total(
            [sum(float(v) * n for v, n in zip(losses, sizes, strict=True)), sum(sizes), correct],
            world,
            device,
        )
        checked = total(
            list(evaluate(model, val_set, rank, world, args.batch_size, device, half)), world, device
        )
        say(epoch_line(run.add_epoch(epoch, trained, checked, seconds), args.epochs), flush=True)
        if args.max_steps and run.step >= args.max_steps:
            break
    if rank == 0 and run.status != "failed":
        save_checkpoint(args.checkpoint, checkpoint_payload(network, model, run, args.data, classes, where))
        say(f"saved {args.checkpoint}; open it in CNN Studio with Training > Open checkpoint")
    if world > 1:
        dist.barrier()  # every process leaves together: none tears down while rank 0 still saves
        dist.destroy_process_group()
    return 1 if run.status == "failed" else 0


def main(build, network: dict, input_shape: tuple, settings: dict, digits: bytes | None, script: str) -> int:
    """Parse the command line and train; the checkpoint goes next to *script* unless told."""
    fits_digits = digits is not None and input_shape[0] in (1, 3)
    default_data = "digits" if fits_digits else "shapes"
    checkpoint = Path(script).with_suffix(".pt")
    args = parse_args(sys.argv[1:], settings, default_data, checkpoint, fits_digits)
    return train(build, network, input_shape, args, settings, digits if fits_digits else None)
