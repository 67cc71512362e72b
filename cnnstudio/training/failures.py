"""What a failed training step means for the student: a :class:`~.events.Failed` of the right
:class:`~.events.FailureKind`, with advice, and moving a network to a device that may be too small.

PyTorch reports most failures as a ``RuntimeError``; its own subclasses say what happened where
they exist (``torch.OutOfMemoryError``; ``torch.AcceleratorError`` since PyTorch 2.8 for the
errors a GPU keeps until the program ends). Older versions and the CPU and MPS allocators say it
only in the message, so those few are recognised by their words here, at the border with
PyTorch; everything past this module decides by the kind.
"""

from __future__ import annotations

import gc
import math

import torch

from ..data.base import DatasetError
from .device import DeviceError, device_word, release_memory
from .events import Failed, FailureKind
from .settings import DEFAULT_LR, TrainSettings

# errors a GPU keeps reporting until the program ends (illegal access, device-side assert)
_STICKY_ERRORS = tuple(kind for kind in (getattr(torch, "AcceleratorError", None),) if isinstance(kind, type))


def diverged(loss: float, step: int, epoch: int, settings: TrainSettings) -> Failed:
    """The run diverged at *step*: its loss is *loss* (NaN, infinite or far above its start)."""
    if math.isnan(loss):
        what = "the loss became NaN"
    elif math.isinf(loss):
        what = "the loss became infinite"
    else:
        what = f"the loss grew to {loss:.3g}: the training diverged"
    lower = min(settings.lr / 10, DEFAULT_LR[settings.optimizer])
    return Failed(
        reason=f"{what} at step {step}",
        suggestion=f"lower the learning rate (now {settings.lr:g}), e.g. to {lower:g}, and reset the weights",
        step=step,
        epoch=epoch,
        kind=FailureKind.DIVERGED,
    )


def failure_of(error: Exception, step: int, epoch: int, device: torch.device, batch_size: int) -> Failed:
    """What *error*, raised after *step* steps, means; touches no memory (safe inside ``except``)."""
    at = step + 1
    where = {"step": step, "epoch": epoch}
    if isinstance(error, DatasetError):
        return Failed(
            f"an image could not be read at step {at}: {error}", "", kind=FailureKind.DATASET, **where
        )
    text = first_line(error)
    name = device_word(device)
    if isinstance(error, torch.OutOfMemoryError) or _means_out_of_memory(text):
        return Failed(
            reason=f"{name} ran out of memory at step {at}",
            suggestion=_smaller_batch(batch_size),
            kind=FailureKind.OUT_OF_MEMORY,
            **where,
        )
    if is_sticky(error, device):
        return Failed(
            reason=f"{name} reported an error it cannot recover from at step {at} ({text})",
            suggestion="save your network, then restart CNN Studio to train on the GPU again",
            kind=FailureKind.DEVICE_FAILED,
            **where,
        )
    if _NOT_DETERMINISTIC in text:
        operation = text.split(_NOT_DETERMINISTIC)[0].strip()
        return Failed(
            reason=f"at step {at}, the network needed an operation that {name} cannot compute "
            f"reproducibly ({operation})",
            suggestion="untick 'reproducible' to train this network there (two runs then differ slightly), "
            "or train on the CPU, where runs with the same seed repeat exactly",
            kind=FailureKind.ERROR,
            **where,
        )
    if _from_the_compiler(error):
        cause = getattr(error, "inner_exception", None)  # what the compiler back end raised
        return Failed(
            reason=f"torch.compile could not compile the network at step {at}: "
            f"{first_line(cause) if cause is not None else text}",
            suggestion="untick 'compile' to train without it",
            kind=FailureKind.ERROR,
            **where,
        )
    return Failed(f"PyTorch stopped with an error at step {at}: {text}", "", kind=FailureKind.ERROR, **where)


def move_to(module, device: torch.device):
    """*module* on *device*; :class:`DeviceError` (memory freed) if its weights do not fit there."""
    try:
        return module.to(device)
    except torch.OutOfMemoryError:
        pass
    except RuntimeError as error:
        if not is_sticky(error, device):
            raise
        text = first_line(error)
        raise DeviceError(
            f"{device_word(device)} reported an error it cannot recover from ({text}): save your network, "
            "then restart CNN Studio to train on the GPU again, or choose the CPU"
        ) from None
    # out of the except block, so the half-moved weights can be freed
    module.to("cpu")
    gc.collect()
    release_memory(device)
    count = sum(p.numel() for p in module.parameters())
    raise DeviceError(
        f"the network's {count:,} weights do not fit in {device_word(device)}'s memory: "
        "choose the CPU as the device, or make the network smaller"
    )


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def is_sticky(error: BaseException, device: torch.device) -> bool:
    """A GPU error that stays until the program ends (illegal access, device-side assert)."""
    if isinstance(error, _STICKY_ERRORS):
        return True
    return device.type == "cuda" and first_line(error).startswith("CUDA error")  # before torch 2.8


_NOT_DETERMINISTIC = "does not have a deterministic implementation"
"""How PyTorch says an operation cannot run under ``torch.use_deterministic_algorithms(True)``."""


def _from_the_compiler(error: BaseException) -> bool:
    """An error of ``torch.compile`` (TorchDynamo tracing, the Inductor back end)."""
    return type(error).__module__.startswith(("torch._dynamo", "torch._inductor"))


def _means_out_of_memory(text: str) -> bool:
    """MPS and the CPU allocator report running out of memory as a plain RuntimeError."""
    lowered = text.lower()
    return "out of memory" in lowered or "can't allocate memory" in lowered


def _smaller_batch(batch_size: int) -> str:
    if batch_size > 1:
        return f"use a smaller batch size (now {batch_size}), e.g. {max(1, batch_size // 2)}"
    return "use a smaller network or smaller input images"
