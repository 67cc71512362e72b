"""PyTorch's process-wide switches a run sets while it trains: speed on CUDA, or reproducibility.

On CUDA a run lets cuDNN time its convolution algorithms for each new input size and keep the
fastest (``cudnn.benchmark``) and lets float32 matrix products use TF32 tensor cores (about
three more significant decimal digits than bfloat16, far faster than full float32). The fastest
cuDNN algorithms of the backward pass add partial sums in whatever order their threads finish,
so two GPU runs from the same seed drift apart in the last digits and then further.

A *reproducible* run (``TrainSettings.reproducible``) asks for deterministic algorithms instead:
``torch.use_deterministic_algorithms(True)``, ``cudnn.deterministic``, no benchmarking, and
``CUBLAS_WORKSPACE_CONFIG`` set for cuBLAS. It is slower on a GPU, and an operation that has
no deterministic version on the GPU (the backward pass of local response normalisation's
average pooling, for one) stops the run with a message rather than running unrepeatably.
On the CPU, runs with the same seed and thread count repeat exactly either way.

:func:`run_switches` sets all of these for the length of a run (and of an evaluation) and puts
back what was there before, so nothing leaks into other code in the same process;
:func:`run_set_up` adds the weights' memory layout.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

import torch

from .precision import Precision, to_memory_format

CUBLAS_WORKSPACE = ":4096:8"
"""The cuBLAS workspace setting PyTorch's reproducibility notes ask for (8 buffers of 4 MiB)."""


@dataclass(frozen=True)
class Switches:
    """The process-wide switches a run depends on."""

    benchmark: bool
    cudnn_deterministic: bool
    deterministic: bool
    deterministic_warn_only: bool
    matmul_precision: str | None  # None: not readable (legacy and new TF32 settings were mixed)


def read_switches() -> Switches:
    """The switches as they are now."""
    try:
        matmul = torch.get_float32_matmul_precision()
    except RuntimeError:  # someone set TF32 through both of PyTorch's APIs: leave it alone
        matmul = None
    return Switches(
        benchmark=torch.backends.cudnn.benchmark,
        cudnn_deterministic=torch.backends.cudnn.deterministic,
        deterministic=torch.are_deterministic_algorithms_enabled(),
        deterministic_warn_only=torch.is_deterministic_algorithms_warn_only_enabled(),
        matmul_precision=matmul,
    )


def switches_for(device: torch.device, reproducible: bool, now: Switches) -> Switches:
    """What a run on *device* sets (*now*: the switches before it, kept where the run has no say)."""
    cuda = device.type == "cuda"
    matmul = now.matmul_precision
    if cuda and matmul is not None:
        matmul = "high"  # TF32 for float32 matrix products (convolutions use it by default)
    return Switches(
        benchmark=cuda and not reproducible,
        cudnn_deterministic=reproducible,
        deterministic=reproducible,
        deterministic_warn_only=False,
        matmul_precision=matmul,
    )


def apply_switches(switches: Switches) -> None:
    torch.backends.cudnn.benchmark = switches.benchmark
    torch.backends.cudnn.deterministic = switches.cudnn_deterministic
    deterministic = (switches.deterministic, switches.deterministic_warn_only)
    if deterministic != (
        torch.are_deterministic_algorithms_enabled(),
        torch.is_deterministic_algorithms_warn_only_enabled(),
    ):  # only on a change: the call imports torch._inductor's configuration
        torch.use_deterministic_algorithms(deterministic[0], warn_only=deterministic[1])
    if switches.matmul_precision is not None:
        torch.set_float32_matmul_precision(switches.matmul_precision)


@contextlib.contextmanager
def run_switches(device: torch.device, reproducible: bool) -> Iterator[Switches]:
    """Set the switches of a run on *device* while the ``with`` block runs; restore them after."""
    before = read_switches()
    if reproducible:
        # read by cuBLAS when PyTorch first uses it; a value set by the user is kept
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", CUBLAS_WORKSPACE)
    wanted = switches_for(device, reproducible, before)
    apply_switches(wanted)
    try:
        yield wanted
    finally:
        apply_switches(before)


@contextlib.contextmanager
def run_set_up(module: torch.nn.Module, device: torch.device, precision: Precision, reproducible: bool):
    """For the length of a run: :func:`run_switches` and, where *precision* wants it, *module*'s
    weights channels-last (put back afterwards, so saving and viewing see the usual layout)."""
    with run_switches(device, reproducible):
        if precision.channels_last:
            to_memory_format(module, True)
        try:
            yield
        finally:
            if precision.channels_last:
                to_memory_format(module, False)


def compile_module(module: torch.nn.Module):
    """*module* compiled with ``torch.compile`` (its weights are shared; the first steps compile)."""
    return torch.compile(module)
