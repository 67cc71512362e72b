"""Which number format a run computes in, and what goes with it: autocast, a gradient scaler,
fused optimizers, channels-last memory and local response normalisation kept in float32.

Mixed precision (``TrainSettings.amp``) is used on CUDA only: on the CPU, bfloat16 and float16
are slower than float32 on most processors. On a GPU that computes bfloat16 natively (NVIDIA
Ampere, 2020, and later) the forward pass runs in bfloat16: it has float32's range, so no
gradient scaler is needed and nothing overflows. Older GPUs get float16 with a
:class:`torch.amp.GradScaler`; float16 overflows above 65,504, so the square of an activation
above 256 (local response normalisation squares its input) becomes infinite, and AlexNet's LRN
turns a lone activation of 300 into 0.0 instead of float32's 110.2. :func:`keep_lrn_in_float32`
makes LRN compute in float32 in every precision.

With a scaler, the optimizer is fused (``fused=True``): the fused kernels take the scaler's
"found infinity" flag on the GPU, so ``scaler.step`` does not wait for the GPU every step to
read it. On CUDA the optimizers are fused in every precision (one kernel for all weights).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class Precision:
    """How a run computes.

    Parameters
    ----------
    name : {"float32", "bfloat16", "float16"}
        The format of the forward pass (weights and gradients stay float32).
    autocast_dtype : torch.dtype or None
        What :func:`torch.autocast` computes in, or ``None`` for plain float32.
    scaler : bool
        Whether the loss is scaled (float16 only: small gradients would round to zero).
    fused : bool
        Whether the optimizer is fused (``fused=True``).
    channels_last : bool
        Whether the network's weights and images are kept channels-last (NHWC), which tensor
        cores need for convolutions in 16-bit formats.
    """

    name: str = "float32"
    autocast_dtype: torch.dtype | None = None
    scaler: bool = False
    fused: bool = False
    channels_last: bool = False

    @property
    def mixed(self) -> bool:
        """Whether a 16-bit format is used for the forward pass."""
        return self.autocast_dtype is not None

    def autocast(self, device: torch.device) -> AbstractContextManager:
        """The context the forward pass and the loss run in."""
        if self.autocast_dtype is None:
            return nullcontext()
        return torch.autocast(device.type, dtype=self.autocast_dtype)

    def make_scaler(self, device: torch.device) -> torch.amp.GradScaler | None:
        """A gradient scaler where the format needs one (float16), else ``None``."""
        return torch.amp.GradScaler(device.type) if self.scaler else None


FLOAT32 = Precision()


def gpu_has_bfloat16(device: torch.device) -> bool:
    """Whether the CUDA GPU computes bfloat16 in hardware (emulation is too slow to count).

    Asks about the current CUDA device, the one ``"cuda"`` means.
    """
    return bool(torch.cuda.is_bf16_supported(including_emulation=False))


def choose_precision(device: torch.device, amp: bool) -> Precision:
    """The precision of a run on *device* with mixed precision asked for (*amp*) or not."""
    if device.type != "cuda":
        return FLOAT32
    if not amp:
        return Precision(fused=True)
    if gpu_has_bfloat16(device):
        return Precision("bfloat16", torch.bfloat16, fused=True, channels_last=True)
    return Precision("float16", torch.float16, scaler=True, fused=True, channels_last=True)


def make_optimizer(module: nn.Module, settings, precision: Precision) -> torch.optim.Optimizer:
    """The optimizer *settings* name for *module*'s trainable weights, fused if *precision* says."""
    params = [p for p in module.parameters() if p.requires_grad]
    extra = {"fused": True} if precision.fused else {}
    if settings.optimizer == "sgd":
        return torch.optim.SGD(
            params, lr=settings.lr, momentum=settings.momentum, weight_decay=settings.weight_decay, **extra
        )
    kind = torch.optim.Adam if settings.optimizer == "adam" else torch.optim.AdamW
    return kind(params, lr=settings.lr, weight_decay=settings.weight_decay, **extra)


def _float32_input(module: nn.Module, args: tuple) -> tuple:
    return (args[0].float(), *args[1:])


def keep_lrn_in_float32(module: nn.Module) -> nn.Module:
    """Make every :class:`torch.nn.LocalResponseNorm` of *module* compute in float32.

    Inside autocast a 16-bit input would be squared in 16 bits; a forward pre-hook hands the
    layer a float32 copy instead (a no-op for a float32 input), and the next convolution turns
    the result back into the 16-bit format. Returns *module*.
    """
    for layer in module.modules():
        if isinstance(layer, nn.LocalResponseNorm):
            layer.register_forward_pre_hook(_float32_input)
    return module


def to_memory_format(module: nn.Module, channels_last: bool) -> None:
    """Keep *module*'s 4-d weights channels-last (or back in the usual order), in place."""
    module.to(memory_format=torch.channels_last if channels_last else torch.contiguous_format)


def images_in_format(images: torch.Tensor, precision: Precision) -> torch.Tensor:
    """*images* laid out as *precision* wants them (channels-last for 16-bit convolutions)."""
    if precision.channels_last and images.dim() == 4:
        return images.contiguous(memory_format=torch.channels_last)
    return images
