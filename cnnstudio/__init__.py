"""CNN Studio: learn how convolutional networks are designed.

The Python API::

    import cnnstudio
    net = cnnstudio.load("lenet5")            # a preset id or a *.cnnstudio.json path
    summary = cnnstudio.summarize(net)        # shapes, parameters, MACs, formulas, errors
    module = cnnstudio.build_module(net)      # a torch.nn.Module (imports torch on first use)
    cnnstudio.save(net, "mine.cnnstudio.json")

Importing this package does not import torch or Qt.
"""

from __future__ import annotations

import os

from .core import Network, Summary, summarize
from .core.fileformat import SUFFIX, FileFormatError, save
from .core.fileformat import load as _load_file
from .core.jsonfile import printable
from .core.presets import PRESETS, preset

__version__ = "0.1.0"
__all__ = ["FileFormatError", "Network", "Summary", "build_module", "load", "save", "summarize"]


def load(id_or_path: str | os.PathLike[str]) -> Network:
    """A preset by id (``"resnet50"``) or a network file by path.

    Raises ``KeyError`` for a name that is neither, :class:`FileFormatError` for a bad file.
    """
    text = os.fsdecode(id_or_path)
    if text in PRESETS:
        return preset(text)
    if os.path.lexists(text) or text.endswith((SUFFIX, ".json")):  # lexists: never raises
        return _load_file(text)
    raise KeyError(f"{printable(text)} is neither a preset ({', '.join(PRESETS)}) nor a file that exists")


def build_module(network: Network, logits: bool = False):
    """A ``torch.nn.Module`` computing *network* (see :func:`cnnstudio.model.build.build_module`)."""
    from .model.build import build_module as build

    return build(network, logits=logits)
