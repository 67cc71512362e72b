"""Where to train: CUDA, then Apple's MPS, then the CPU, or the one asked for."""

from __future__ import annotations

import contextlib

import torch


class DeviceError(ValueError):
    """A device that was asked for but is not there; the message says what to use instead."""


def cuda_available() -> bool:
    return torch.cuda.is_available()


def mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def available_devices() -> list[str]:
    """The device names that work here, best first, always ending with ``"cpu"``."""
    found = []
    if cuda_available():
        found.append("cuda")
    if mps_available():
        found.append("mps")
    return [*found, "cpu"]


def select_device(name: str = "auto") -> torch.device:
    """The device for *name* (``auto``, ``cpu``, ``cuda``, ``mps``); :class:`DeviceError` if absent."""
    if name == "auto":
        return torch.device(available_devices()[0])
    if name == "cpu":
        return torch.device("cpu")
    if name == "cuda" and not cuda_available():
        raise DeviceError(
            f"CUDA was asked for, but this PyTorch ({torch.__version__}) sees no CUDA GPU; "
            "use the device 'cpu' or 'auto'"
        )
    if name == "mps" and not mps_available():
        raise DeviceError("Apple's MPS was asked for, but it is not available here; use 'cpu' or 'auto'")
    if name not in ("cuda", "mps"):
        raise DeviceError(f"unknown device '{name}': use auto, cpu, cuda or mps")
    return torch.device(name)


def device_word(device: torch.device) -> str:
    """How a sentence names *device*: ``"the GPU"`` (CUDA, MPS) or ``"the computer"`` (CPU)."""
    return "the computer" if device.type == "cpu" else "the GPU"


def release_memory(device: torch.device) -> None:
    """Hand cached, unused device memory back (after a failure or a finished run); never raises."""
    if device.type != "cuda" or not cuda_available():
        return
    with contextlib.suppress(RuntimeError):  # a GPU in an error state: nothing more to do here
        torch.cuda.empty_cache()


def describe(device: torch.device) -> str:
    """``"cuda (NVIDIA H100)"``, ``"mps"`` or ``"cpu (2 threads)"``."""
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    if device.type == "cpu":
        return f"cpu ({torch.get_num_threads()} threads)"
    return device.type
