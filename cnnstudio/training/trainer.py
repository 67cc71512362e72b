"""The training loop, without Qt: a generator of events that another thread can pause and stop.

Typical use::

    split = open_dataset("digits", summarize(net).input_shape)
    trainer = Trainer(net, split, TrainSettings(epochs=5))
    for event in trainer.run():          # Started, Step..., Epoch, ..., Finished or Failed
        print(event)
    trainer.evaluate().accuracy

A GUI iterates :meth:`Trainer.run` in a worker thread and hands the trainer the
:class:`~cnnstudio.training.control.RunControl` it writes from its own thread (pause, stop,
reset); the loop reads it between batches. :meth:`Trainer.pause`, :meth:`Trainer.stop` and the
others write the same object, for callers without one of their own.
"""

from __future__ import annotations

import gc
import math
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
from torch.nn import functional as F

from ..core import Network, summarize
from ..data.base import DatasetError, DataSplit, ImageSet
from ..data.device import on_device
from ..model.build import build_module
from .augment import augment_batch, default_padding
from .checks import NotTrainableError, check_trainable, classifier_head
from .control import RunControl
from .device import describe, release_memory, select_device
from .evaluate import Predictions, predict
from .events import Epoch, Event, Failed, FailureKind, Finished, Paused, Resumed, Started, Step
from .failures import diverged, failure_of, move_to
from .history import RunHistory
from .precision import Precision, choose_precision, images_in_format, keep_lrn_in_float32, make_optimizer
from .runtime import compile_module, run_set_up, run_switches
from .settings import TrainSettings, learning_rate

PAUSE_POLL_SECONDS = 0.1
DIVERGENCE_FACTOR = 1000.0
"""A loss this many times above where the run began (or above chance, ln K) means the run diverged."""
SEED_SPAN = 2**64


@dataclass
class _Progress:
    """Counters of the run in progress (touched by the training thread only)."""

    step: int = 0
    epoch: int = 0
    epochs_done: int = 0
    lr: float = 0.0
    paused_seconds: float = 0.0
    last_val: tuple[float, float] | None = None
    window: list[torch.Tensor] = field(default_factory=list)
    window_sizes: list[int] = field(default_factory=list)
    window_lrs: list[float] = field(default_factory=list)
    window_start: float = 0.0
    loss_sum: float = 0.0
    diverged_above: float = math.inf


class _Halt(Exception):
    """Ends the run early: ``event`` (Failed) or ``None`` for a stop."""

    def __init__(self, event: Failed | None = None) -> None:
        super().__init__()
        self.event = event


class Trainer:
    """Trains one network on one dataset; keeps the module between runs.

    Parameters
    ----------
    network : Network
        Copied, so later edits do not change what is trained or saved.
    data : DataSplit
        Opened for the network's input shape (see :func:`cnnstudio.training.open_training_data`).
    settings : TrainSettings, optional
        Checked at once (:class:`~cnnstudio.training.settings.SettingsError`).
    control : RunControl, optional
        The pause, stop and reset requests of every run (one is made when none is given); the
        GUI hands the one its buttons write.

    Raises :class:`NotTrainableError` when the network cannot learn the dataset (its message is
    the Train button's explanation) and :class:`~cnnstudio.training.device.DeviceError` for an
    absent device or one too small for the network's weights.

    Each :meth:`run` starts from the current weights with a fresh optimizer and a new
    :class:`RunHistory` (``history``); :meth:`reset_weights` goes back to the seed's initial
    weights. ``module`` is the ``torch.nn.Module`` being trained (logits out, no softmax).
    A run seeds torch's global generator with ``settings.seed`` (dropout draws from it), so two
    runs with the same settings from the same weights give the same losses on the CPU; on a GPU
    only with ``settings.reproducible`` (see :mod:`.runtime`).

    How it computes is chosen for the device (see :mod:`.precision` and :mod:`.runtime`):
    ``precision`` says the format, the datasets' images are served from the device
    (:func:`cnnstudio.data.device.on_device`), and ``settings.compile`` trains through
    ``torch.compile``.
    """

    def __init__(
        self,
        network: Network,
        data: DataSplit,
        settings: TrainSettings | None = None,
        control: RunControl | None = None,
    ) -> None:
        self.settings = (settings or TrainSettings()).check()
        summary = summarize(network)
        check_trainable(network, len(data.classes), data.name, summary, allow_head=True)
        self.head = classifier_head(summary, len(data.classes))
        if tuple(data.input_shape) != tuple(summary.input_shape):
            raise NotTrainableError(
                f"{data.name} was opened for {data.input_shape} images, "
                f"but the network reads {summary.input_shape}"
            )
        self.network = network.copy()
        self.data = data
        self.control = control or RunControl()
        self.device = select_device(self.settings.device)
        self.module = move_to(self._initial_module(), self.device)
        self._compiled = None
        self._precision: tuple[tuple | None, Precision] = (None, Precision())
        self.history: RunHistory | None = None
        self.probe = None  # e.g. a probes.GradientProbe: observe(step) after every optimizer step
        self._lock = threading.Lock()
        self._running = False
        self._fresh = True

    # --- control, safe from any thread -------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def paused(self) -> bool:
        return self.control.paused

    @property
    def weights_fresh(self) -> bool:
        """Whether the weights are the seed's initial ones (no step taken since they were made or reset)."""
        return self._fresh

    @property
    def precision(self) -> Precision:
        """How a run computes on this device with these settings (asked once per device and setting)."""
        key = (self.device, self.settings.amp)
        if self._precision[0] != key:
            self._precision = (key, choose_precision(*key))
        return self._precision[1]

    @property
    def mixed_precision(self) -> bool:
        """Whether the forward pass runs in a 16-bit format (CUDA with ``settings.amp`` only)."""
        return self.precision.mixed

    def pause(self) -> None:
        """Wait after the current batch until :meth:`resume` or :meth:`stop`."""
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def stop(self) -> None:
        """End the run after the current batch (or the next run at its first), keeping the weights."""
        self.control.stop()

    def reset_weights(self) -> None:
        """Go back to the initial weights of the seed.

        During a run this stops it, and the training thread resets the weights before
        :meth:`run`'s generator ends; otherwise they are reset at once, in the calling thread.
        """
        with self._lock:
            if self._running:
                self.control.request_reset()
                return
            self._reset_now()

    # --- between runs ------------------------------------------------------------------------

    def configure(self, settings: TrainSettings) -> None:
        """New settings for the next run (the weights stay); moves the module if the device changes."""
        with self._lock:
            if self._running:
                raise RuntimeError("cannot change the settings while training; stop first")
            settings = settings.check()
            device = select_device(settings.device)
            if device != self.device:
                self.module = move_to(self.module, device)
                self.device = device
                self._compiled = None
            self.settings = settings

    def load_weights(self, state: dict[str, torch.Tensor]) -> None:
        """Use *state* (a ``state_dict`` of this network, e.g. from a checkpoint) as the weights."""
        with self._lock:
            if self._running:
                raise RuntimeError("cannot change the weights while training; stop first")
            self.module.load_state_dict(state)
            self._fresh = False

    def parameter_count(self) -> int:
        return sum(p.numel() for p in self.module.parameters())

    def evaluate(self, split: str = "val", batch_size: int | None = None) -> Predictions:
        """Every prediction on the ``"val"`` or ``"train"`` set (call between runs)."""
        images = self.data.val if split == "val" else self.data.train
        size = batch_size or 2 * self.settings.batch_size
        with run_switches(self.device, self.settings.reproducible):
            dtype = self.precision.autocast_dtype
            return predict(self.module, self._on_device(images), self.device, size, dtype)

    def confusion_matrix(self) -> torch.Tensor:
        """The validation set's confusion matrix: rows true classes, columns predicted."""
        return self.evaluate().confusion_matrix(len(self.data.classes))

    # --- the run -----------------------------------------------------------------------------

    def run(self) -> Iterator[Event]:
        """Train for ``settings.epochs`` epochs, yielding events (see :mod:`.events`).

        The run begins when the generator is first advanced (a stop requested before then
        ends it at its first batch). Failures the student can fix (divergence, out of memory,
        an unreadable image, other PyTorch errors) end it with a :class:`Failed` event whose
        ``kind`` says which; afterwards the module is in eval mode and can be evaluated or saved.
        """
        with self._lock:
            if self._running:
                raise RuntimeError("this trainer is already training")
            self._running = True
        try:
            with run_set_up(self.module, self.device, self.precision, self.settings.reproducible):
                yield from self._run()
        finally:
            self.module.eval()
            if self.history is not None and self.history.status == "running":
                self.history.status = "stopped"
            with self._lock:
                if self.control.take_reset():
                    self._reset_now()
                self.control.run_ended()
                self._running = False

    def _run(self) -> Iterator[Event]:
        s = self.settings
        self.history = history = self._new_history()
        torch.manual_seed(s.seed)
        optimizer = make_optimizer(self.module, s, self.precision)
        scaler = self.precision.make_scaler(self.device)
        order = torch.Generator().manual_seed(s.seed)
        augment = torch.Generator().manual_seed((s.seed + 1) % SEED_SPAN)
        progress = _Progress(lr=s.lr)
        yield self._started()
        started = time.perf_counter()
        failed: Failed | None = None
        try:
            for epoch in range(1, s.epochs + 1):
                progress.epoch = epoch
                yield from self._epoch(progress, optimizer, scaler, order, augment)
        except _Halt as halt:
            failed = halt.event
            if failed is None:
                progress.window.clear()
        except (RuntimeError, DatasetError) as error:  # torch's errors are RuntimeErrors
            failed = self._failure(error, progress)
        if failed is not None:
            # out of the except block: its traceback no longer holds the failed step's tensors
            del optimizer, scaler
            self._release(progress, failed.kind)
            history.status, history.failure = "failed", failed.message
            yield failed
            return
        stopped = self.control.stop_requested
        history.status = "stopped" if stopped else "finished"
        seconds = time.perf_counter() - started - progress.paused_seconds
        val = progress.last_val
        yield Finished(
            stopped=stopped,
            epochs_done=progress.epochs_done,
            step=progress.step,
            seconds=seconds,
            val_loss=val[0] if val else None,
            val_accuracy=val[1] if val else None,
        )

    def _epoch(self, progress: _Progress, optimizer, scaler, order, augment) -> Iterator[Event]:
        s, train = self.settings, self._on_device(self.data.train)
        epoch_start = time.perf_counter()
        paused_before = progress.paused_seconds
        progress.loss_sum = 0.0
        correct = torch.zeros((), dtype=torch.int64, device=self.device)
        batches = _batches(len(train), s.batch_size, order)
        total_steps = s.epochs * len(batches)
        padding = s.crop_padding or default_padding(*train.input_shape[1:])
        self.module.train()
        progress.window_start = epoch_start
        for indices in batches:
            if self.control.paused:
                yield from self._pause(progress)
            if self.control.stop_requested:
                yield from self._report_steps(progress)
                raise _Halt()
            x, y = train.batch(indices)
            x, y = x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)
            if s.augment:
                x = augment_batch(x, padding, s.flip, augment)
            x = images_in_format(x, self.precision)
            if s.schedule != "none":
                progress.lr = learning_rate(s, progress.epoch, progress.step, total_steps)
                for group in optimizer.param_groups:
                    group["lr"] = progress.lr
            loss, right = self._train_step(x, y, optimizer, scaler)
            correct += right
            progress.step += 1
            if self.probe is not None:
                self.probe.observe(progress.step)
            progress.window.append(loss)
            progress.window_sizes.append(len(indices))
            progress.window_lrs.append(progress.lr)
            if len(progress.window) >= s.report_every:
                yield from self._report_steps(progress)
        yield from self._report_steps(progress)
        train_seconds = time.perf_counter() - epoch_start - (progress.paused_seconds - paused_before)
        yield from self._finish_epoch(progress, int(correct), epoch_start, paused_before, train_seconds)

    def _train_step(self, x, y, optimizer, scaler) -> tuple[torch.Tensor, torch.Tensor]:
        optimizer.zero_grad(set_to_none=True)
        with self.precision.autocast(self.device):
            logits = self._network()(x)
            loss = F.cross_entropy(logits, y)
        if scaler is None:
            loss.backward()
            optimizer.step()
        else:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        self._fresh = False
        return loss.detach(), (logits.detach().argmax(dim=1) == y).sum()

    def _report_steps(self, progress: _Progress) -> Iterator[Event]:
        """Read the window's losses from the device at once; yield a Step per step, or fail."""
        if not progress.window:
            return
        losses = torch.stack(progress.window).float().tolist()
        now = time.perf_counter()
        images = sum(progress.window_sizes)
        speed = images / max(now - progress.window_start, 1e-9)
        first = progress.step - len(losses) + 1
        sizes, lrs = progress.window_sizes, progress.window_lrs
        progress.window, progress.window_sizes, progress.window_lrs = [], [], []
        progress.window_start = now
        if progress.diverged_above == math.inf and losses:
            chance = math.log(max(2, len(self.data.classes)))
            progress.diverged_above = DIVERGENCE_FACTOR * max(chance, losses[0])
        for offset, (loss, size, lr) in enumerate(zip(losses, sizes, lrs, strict=True)):
            step = first + offset
            if not math.isfinite(loss) or loss > progress.diverged_above:
                raise _Halt(self._diverged(loss, step, progress.epoch))
            progress.loss_sum += loss * size
            event = Step(step, progress.epoch, loss, lr, speed)
            self.history.add_step(event)
            yield event

    def _finish_epoch(self, progress, correct, epoch_start, paused_before, train_seconds) -> Iterator[Event]:
        count = len(self.data.train)
        val = predict(
            self.module,
            self._on_device(self.data.val),
            self.device,
            2 * self.settings.batch_size,
            self.precision.autocast_dtype,
            lambda: self.control.stop_requested,
        )
        if val is None:
            raise _Halt()
        seconds = time.perf_counter() - epoch_start - (progress.paused_seconds - paused_before)
        seen = max(1, _trained_count(count, self.settings.batch_size))
        event = Epoch(
            epoch=progress.epoch,
            step=progress.step,
            train_loss=progress.loss_sum / seen,
            train_accuracy=correct / seen,
            val_loss=val.loss,
            val_accuracy=val.accuracy,
            lr=progress.lr,
            seconds=seconds,
            images_per_second=seen / max(train_seconds, 1e-9),
        )
        progress.epochs_done = progress.epoch
        progress.last_val = (val.loss, val.accuracy)
        self.history.add_epoch(event)
        yield event

    def _pause(self, progress: _Progress) -> Iterator[Event]:
        yield Paused(progress.step, progress.epoch)
        began = time.perf_counter()
        while not self.control.wait_while_paused(PAUSE_POLL_SECONDS):
            pass
        progress.paused_seconds += time.perf_counter() - began
        progress.window_start += time.perf_counter() - began
        if not self.control.stop_requested:
            yield Resumed(progress.step, progress.epoch)

    # --- failures ----------------------------------------------------------------------------

    def _diverged(self, loss: float, step: int, epoch: int) -> Failed:
        return diverged(loss, step, epoch, self.settings)

    def _failure(self, error: Exception, progress: _Progress) -> Failed:
        """What *error* means for the student (called inside the except block: touches no memory)."""
        return failure_of(error, progress.step, progress.epoch, self.device, self.settings.batch_size)

    def _release(self, progress: _Progress, kind: FailureKind) -> None:
        """Free the failed step's memory (after the except block, so nothing still refers to it)."""
        progress.window.clear()
        self.module.zero_grad(set_to_none=True)
        gc.collect()
        if kind is not FailureKind.DEVICE_FAILED:  # a broken GPU would only raise again
            release_memory(self.device)

    # --- the device: precision, data, switches -----------------------------------------------

    def _on_device(self, images: ImageSet) -> ImageSet:
        return on_device(images, self.device)

    def _network(self):
        """What a training step calls: the module, or the module compiled by ``torch.compile``."""
        if not self.settings.compile:
            return self.module
        if self._compiled is None:
            self._compiled = compile_module(self.module)
        return self._compiled

    # --- helpers -----------------------------------------------------------------------------

    def _initial_module(self):
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.settings.seed)
            module = build_module(self.network, logits=True, classes=len(self.data.classes))
            return keep_lrn_in_float32(module)

    def _reset_now(self) -> None:
        self.module.load_state_dict(self._initial_module().state_dict())
        self._fresh = True

    def _new_history(self) -> RunHistory:
        return RunHistory(
            network=self.network.name,
            dataset=self.data.spec,
            settings=self.settings.to_dict(),
            classes=list(self.data.classes),
            device=describe(self.device),
        )

    def _started(self) -> Started:
        s = self.settings
        return Started(
            device=describe(self.device),
            mixed_precision=self.mixed_precision,
            precision=self.precision.name,
            epochs=s.epochs,
            steps_per_epoch=len(_batch_sizes(len(self.data.train), s.batch_size)),
            train_images=len(self.data.train),
            val_images=len(self.data.val),
            parameters=self.parameter_count(),
        )


def _batch_sizes(count: int, batch_size: int) -> list[int]:
    """Sizes of an epoch's batches; a last batch of one image is left out (batch norm needs two)."""
    sizes = [min(batch_size, count - start) for start in range(0, count, batch_size)]
    if len(sizes) > 1 and sizes[-1] == 1:
        sizes.pop()
    return sizes


def _trained_count(count: int, batch_size: int) -> int:
    return sum(_batch_sizes(count, batch_size))


def _batches(count: int, batch_size: int, order: torch.Generator) -> list[torch.Tensor]:
    permutation = torch.randperm(count, generator=order)
    return list(permutation[: _trained_count(count, batch_size)].split(batch_size))
