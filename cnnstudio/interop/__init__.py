"""Leaving CNN Studio and coming in: PyTorch code, ONNX, a training script, tables; ONNX import.

>>> from cnnstudio.interop import export_file, import_onnx
>>> export_file(net, "pytorch", "lenet5.py")       # torchvision-style code, only torch imported
>>> export_file(net, "onnx", "lenet5.onnx")        # needs the extra: pip install 'cnnstudio[onnx]'
>>> export_file(net, "train-script", "train.py")   # python train.py, or torchrun ... train.py
>>> net = import_onnx("resnet18.onnx")             # the structure, as a network with shapes and costs

Nothing here imports Qt; torch is imported by the ONNX export and the onnx package by the ONNX
export and import, each only when used. Every file is written with
:func:`cnnstudio.core.atomic.atomic_write`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.atomic import atomic_write
from .onnx_reader import OnnxImportError
from .plan import ExportError

if TYPE_CHECKING:
    from ..core import Network


@dataclass(frozen=True)
class ExportFormat:
    """One way to export a network: its id (``--format``), file suffix and a description."""

    id: str
    suffix: str
    title: str
    file_filter: str


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.id: f
    for f in (
        ExportFormat("pytorch", ".py", "PyTorch code", "Python files (*.py)"),
        ExportFormat("onnx", ".onnx", "ONNX model", "ONNX models (*.onnx)"),
        ExportFormat("train-script", ".py", "Training script (PyTorch, torchrun)", "Python files (*.py)"),
        ExportFormat("latex", ".tex", "Table as LaTeX", "LaTeX files (*.tex)"),
        ExportFormat("csv", ".csv", "Table as CSV", "CSV tables (*.csv)"),
        ExportFormat("markdown", ".md", "Table as Markdown", "Markdown (*.md)"),
    )
}
"""Every export format by id, in menu order."""


def export_bytes(network: Network, fmt: str, **options: Any) -> bytes:
    """*network* exported as *fmt* (an :data:`EXPORT_FORMATS` id), as the file's bytes.

    Options: ``state_dict`` (ONNX weights, e.g. a checkpoint's), ``weights=False`` (ONNX
    without weights), ``script_name`` (named in the training script's help), ``flops`` and
    ``order`` (tables). Raises :class:`ExportError` for a network that cannot be exported that
    way and :class:`~.onnx_export.OnnxMissing` for ONNX without the onnx package.
    """
    if fmt == "onnx":
        from .onnx_export import onnx_bytes

        return onnx_bytes(network, options.get("state_dict"), options.get("weights", True))
    return export_text(network, fmt, **options).encode("utf-8")


def export_text(network: Network, fmt: str, **options: Any) -> str:
    """A text export (every format but ``onnx``)."""
    if fmt == "pytorch":
        from .pytorch_code import pytorch_source

        return pytorch_source(network)
    if fmt == "train-script":
        from .train_script import training_script

        return training_script(network, options.get("script_name", "train.py"))
    from ..core import summarize
    from ..core.counting import weight_layers

    summary = summarize(network)
    flops, order = options.get("flops", False), options.get("order", "hwc")
    weights = weight_layers(network, summary)
    if fmt == "latex":
        from .latex import to_latex

        return to_latex(summary, flops, order, weights)
    from ..core.report import to_csv, to_markdown

    writers = {"csv": to_csv, "markdown": to_markdown}
    if fmt not in writers:
        raise ValueError(f"unknown export format '{fmt}' (formats: {', '.join(EXPORT_FORMATS)})")
    return writers[fmt](summary, flops, order, weights)


def export_file(network: Network, fmt: str, path: str | os.PathLike[str], **options: Any) -> None:
    """Write :func:`export_bytes` to *path* atomically (``OSError`` if it cannot be written)."""
    if fmt == "train-script":
        options.setdefault("script_name", os.path.basename(os.fspath(path)))
    atomic_write(path, export_bytes(network, fmt, **options))


def import_onnx(path: str | os.PathLike[str]) -> Network:
    """The network an ONNX file describes (see :mod:`.onnx_import`); :class:`OnnxImportError` if none."""
    from .onnx_import import import_onnx as read

    return read(path)


def is_onnx_path(path: str | os.PathLike[str]) -> bool:
    """Whether *path* names an ONNX model (by its suffix), which is imported rather than loaded."""
    return os.fspath(path).lower().endswith(".onnx")


__all__ = [
    "EXPORT_FORMATS",
    "ExportError",
    "ExportFormat",
    "OnnxImportError",
    "export_bytes",
    "export_file",
    "export_text",
    "import_onnx",
    "is_onnx_path",
]
