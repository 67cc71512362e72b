"""``cnnstudio train NET ...``: train a preset or a network file from a terminal.

Progress goes to stderr (a live bar on a terminal, one line per epoch otherwise), the final
metrics to stdout as one JSON object. ``--log`` writes one JSON object per epoch, ``--checkpoint``
saves the trained network (also after Ctrl-C, which stops at the next batch; a Ctrl-C before
training begins just ends). A checkpoint path that cannot be written is refused before training;
if writing fails at the end anyway, the weights go to a rescue file and its name is printed.
Exit status: 0 when the run finished, 1 when it failed (diverged, out of memory) or its checkpoint
could not go where asked, 2 for bad input, 130 when stopped.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from .control import RunControl
from .events import Epoch, Failed, Finished, Started, Step, plural
from .settings import DEFAULT_LR, DEVICES, OPTIMIZERS, SCHEDULES, SettingsError, TrainSettings

if TYPE_CHECKING:  # torch is imported once the arguments are known to be good
    from .trainer import Trainer

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_STOPPED = 130
DEFAULTS = TrainSettings()


class UsageError(Exception):
    """Bad input on the command line; the message is shown as it is."""


class _Parser(argparse.ArgumentParser):
    """Reports a bad argument as a :class:`UsageError` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="cnnstudio train",
        description="Train a network on a dataset and report its validation accuracy.",
    )
    p.add_argument("net", help="a preset id (see 'cnnstudio presets') or a .cnnstudio.json file")
    p.add_argument(
        "--dataset",
        default="digits",
        help="digits, shapes, shapes:N, mnist:DIR, fashion-mnist:DIR, cifar10:DIR or folder:DIR "
        "(default digits)",
    )
    p.add_argument(
        "--epochs",
        type=int,
        default=DEFAULTS.epochs,
        help=f"passes over the data (default {DEFAULTS.epochs})",
    )
    p.add_argument(
        "--batch-size", type=int, default=DEFAULTS.batch_size, help=f"default {DEFAULTS.batch_size}"
    )
    p.add_argument(
        "--optimizer", choices=OPTIMIZERS, default=DEFAULTS.optimizer, help=f"default {DEFAULTS.optimizer}"
    )
    p.add_argument("--lr", type=float, help="learning rate (default: 0.001 for Adam/AdamW, 0.01 for SGD)")
    p.add_argument("--momentum", type=float, default=DEFAULTS.momentum, help="SGD only")
    p.add_argument("--weight-decay", type=float, default=DEFAULTS.weight_decay)
    p.add_argument("--schedule", choices=SCHEDULES, default=DEFAULTS.schedule)
    p.add_argument("--step-epochs", type=int, default=0, help="epochs between drops of --schedule step")
    p.add_argument("--gamma", type=float, default=DEFAULTS.gamma, help="factor of each drop")
    p.add_argument("--augment", action="store_true", help="random crops and horizontal flips")
    p.add_argument("--no-flip", action="store_true", help="with --augment: crops only")
    p.add_argument("--device", choices=DEVICES, default="auto")
    p.add_argument(
        "--no-amp",
        action="store_true",
        help="no mixed precision on CUDA (by default bfloat16, or float16 with a gradient scaler on "
        "GPUs older than NVIDIA Ampere)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=0,
        help="seeds weights, batches and the validation split (0 to 2**64-1); runs with the same seed "
        "repeat exactly on the CPU, on a GPU only with --reproducible",
    )
    p.add_argument(
        "--reproducible",
        action="store_true",
        help="deterministic algorithms only, so a GPU run repeats bit for bit (slower; a network "
        "with local response normalisation cannot train on a GPU then)",
    )
    p.add_argument(
        "--compile",
        action="store_true",
        help="train through torch.compile: faster steps on a GPU after a compilation that takes "
        "seconds to minutes at the start",
    )
    p.add_argument("--val-fraction", type=float, default=0.2)
    p.add_argument("--log", type=Path, help="write one JSON object per epoch to this file")
    p.add_argument("--checkpoint", type=Path, help="save the trained network and weights here (.pt)")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    control = RunControl()
    try:
        try:
            args = build_parser().parse_args(argv)
            trainer = _prepare(args, control)
            log = _open_log(args.log)
        except UsageError as error:
            text = str(error)
            print(text if text.startswith("cnnstudio") else f"cnnstudio train: {text}", file=sys.stderr)
            return EXIT_BAD_INPUT
        with log or nullcontext(), _stop_on_ctrl_c(control):
            return _train(trainer, args, log)
    except KeyboardInterrupt:  # Ctrl-C while torch loads or the dataset opens: nothing to keep yet
        print("cnnstudio train: stopped (Ctrl-C) before training began", file=sys.stderr)
        return EXIT_STOPPED


def load_network(name: str):
    """A preset or a network file, or :class:`UsageError` saying why it cannot be opened."""
    from .. import load
    from ..core.fileformat import FileFormatError

    try:
        return load(name)
    except KeyError as error:
        raise UsageError(error.args[0]) from None
    except FileFormatError as error:
        raise UsageError(f"cannot open {name}: {error}") from None


def _prepare(args: argparse.Namespace, control: RunControl) -> Trainer:
    network = load_network(args.net)
    settings = _settings(args)
    if not 0.0 < args.val_fraction < 1.0:
        raise UsageError(f"--val-fraction must be between 0 and 1, not {args.val_fraction:g}")
    if args.checkpoint is not None:
        _check_destination(args.checkpoint)
    from ..data.base import DatasetError
    from .checks import NotTrainableError, open_training_data
    from .device import DeviceError
    from .trainer import Trainer

    try:
        split = open_training_data(network, args.dataset, args.seed, args.val_fraction)
        trainer = Trainer(network, split, settings, control)
    except (NotTrainableError, DeviceError) as error:
        raise UsageError(f"cannot train {network.name}: {error}") from None
    except DatasetError as error:
        raise UsageError(f"dataset '{args.dataset}': {error}") from None
    if args.checkpoint is not None:
        _check_destination(args.checkpoint, trainer)
    return trainer


def _check_destination(path: Path, trainer: Trainer | None = None) -> None:
    """Refuse a checkpoint path that cannot be written before training, not after it."""
    from .checkpoint import destination_problem, estimated_size

    problem = destination_problem(path, estimated_size(trainer) if trainer is not None else 0)
    if problem:
        raise UsageError(f"cannot save the checkpoint: {problem}")


def _settings(args: argparse.Namespace) -> TrainSettings:
    try:
        return TrainSettings(
            optimizer=args.optimizer,
            lr=args.lr if args.lr is not None else DEFAULT_LR[args.optimizer],
            momentum=args.momentum,
            weight_decay=args.weight_decay,
            batch_size=args.batch_size,
            epochs=args.epochs,
            schedule=args.schedule,
            step_epochs=args.step_epochs,
            gamma=args.gamma,
            seed=args.seed,
            augment=args.augment,
            flip=not args.no_flip,
            device=args.device,
            amp=not args.no_amp,
            reproducible=args.reproducible,
            compile=args.compile,
        ).check()
    except SettingsError as error:
        raise UsageError(str(error)) from None


def _open_log(path: Path | None) -> TextIO | None:
    if path is None:
        return None
    try:
        return path.open("w", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write the log {path}: {error.strerror or error}") from None


@contextmanager
def _stop_on_ctrl_c(control: RunControl):
    """While training, Ctrl-C stops the run at the next batch (the weights are kept and saved)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: control.stop())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _train(trainer: Trainer, args: argparse.Namespace, log: TextIO | None) -> int:
    progress = Progress(sys.stderr, trainer.settings.epochs)
    for event in trainer.run():
        if isinstance(event, Started):
            progress.started(event, trainer)
        elif isinstance(event, Step):
            progress.step(event)
        elif isinstance(event, Epoch):
            progress.epoch(event)
            if log is not None:
                log.write(json.dumps(event.to_dict()) + "\n")
                log.flush()
        elif isinstance(event, Failed):
            progress.clear()
            print(f"cnnstudio train: {event.message}", file=sys.stderr)
            _report(trainer, "failed", None, failure=event.message)
            return EXIT_FAILED
        elif isinstance(event, Finished):
            progress.finished(event)
            status = "stopped" if event.stopped else "finished"
            saved = _save(trainer, args.checkpoint)
            _report(trainer, status, saved, seconds=event.seconds)
            if args.checkpoint is not None and saved != args.checkpoint:
                return EXIT_FAILED
            return EXIT_STOPPED if event.stopped else 0
    return EXIT_FAILED


def _save(trainer: Trainer, path: Path | None) -> Path | None:
    """Save the checkpoint where asked, or somewhere else if that fails (saying where)."""
    if path is None:
        return None
    from .checkpoint import save_or_rescue

    result = save_or_rescue(trainer, path)
    if result.problem:
        print(f"cnnstudio train: {result.message(path)}", file=sys.stderr)
    return result.path


def _report(
    trainer: Trainer, status: str, checkpoint: Path | None, seconds: float | None = None, failure: str = ""
) -> None:
    """The final metrics: one JSON object on stdout."""
    last = trainer.history.last_epoch() or {}
    result = {
        "status": status,
        "network": trainer.network.name,
        "dataset": trainer.data.spec,
        "epochs": last.get("epoch", 0),
        "steps": trainer.history.steps[-1] if trainer.history.steps else 0,
        "train_loss": last.get("train_loss"),
        "train_accuracy": last.get("train_accuracy"),
        "val_loss": last.get("val_loss"),
        "val_accuracy": last.get("val_accuracy"),
        "seconds": seconds,
        "device": trainer.history.device,
        "checkpoint": str(checkpoint) if checkpoint is not None else None,
    }
    if failure:
        result["failure"] = failure
    print(json.dumps(result), flush=True)


class Progress:
    """Progress on stderr: a bar redrawn in place on a terminal, else one line per epoch."""

    BAR = 24
    REDRAW_SECONDS = 0.1

    def __init__(self, out: TextIO, epochs: int) -> None:
        self.out = out
        self.live = bool(getattr(out, "isatty", lambda: False)())
        self.epochs = epochs
        self.steps_per_epoch = 1
        self.drawn = 0.0
        self.width = 0

    def started(self, event: Started, trainer: Trainer) -> None:
        self.steps_per_epoch = event.steps_per_epoch
        print(
            f"training {trainer.network.name} ({event.parameters:,} weights) on {trainer.data.name}: "
            f"{event.train_images:,} images, {event.val_images:,} for validation, on {event.device} "
            f"in {event.precision}",
            file=self.out,
            flush=True,
        )
        if trainer.head is not None:
            print(trainer.head.describe(), file=self.out, flush=True)

    def step(self, event: Step) -> None:
        now = time.monotonic()
        if not self.live or now - self.drawn < self.REDRAW_SECONDS:
            return
        self.drawn = now
        done = event.step - (event.epoch - 1) * self.steps_per_epoch
        filled = round(self.BAR * done / max(1, self.steps_per_epoch))
        bar = "#" * filled + "." * (self.BAR - filled)
        line = (
            f"epoch {event.epoch}/{self.epochs} [{bar}] {done}/{self.steps_per_epoch}  "
            f"loss {event.loss:.4f}  {event.images_per_second:,.0f} img/s"
        )
        self._draw(line)

    def epoch(self, event: Epoch) -> None:
        self.clear()
        print(
            f"epoch {event.epoch}/{self.epochs}: train loss {event.train_loss:.4f}, "
            f"accuracy {event.train_accuracy:.1%} | val loss {event.val_loss:.4f}, "
            f"accuracy {event.val_accuracy:.1%} | lr {event.lr:.3g}, {event.seconds:.1f} s, "
            f"{event.images_per_second:,.0f} img/s",
            file=self.out,
            flush=True,
        )

    def finished(self, event: Finished) -> None:
        self.clear()
        how = "stopped" if event.stopped else "done"
        val = f", val accuracy {event.val_accuracy:.1%}" if event.val_accuracy is not None else ""
        print(
            f"{how} after {plural(event.epochs_done, 'epoch')} ({event.seconds:.1f} s){val}",
            file=self.out,
            flush=True,
        )

    def clear(self) -> None:
        if self.live and self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()
            self.width = 0

    def _draw(self, line: str) -> None:
        self.out.write("\r" + line.ljust(self.width))
        self.out.flush()
        self.width = len(line)
