"""A standalone training script for a network: ``python train.py`` or ``torchrun ... train.py``.

The script holds the model (as :mod:`.pytorch_code` writes it), the data loading CNN Studio uses
(:mod:`.script_data`, with the bundled digits inside the script when they fit the input), the
loop with DistributedDataParallel (:mod:`.script_loop`), CNN Studio's default settings and the
network's file text for the checkpoint. It needs torch, and numpy for the drawn shapes.
"""

from __future__ import annotations

import base64
import pprint
import textwrap
from importlib.resources import files

from .. import __version__
from ..core import Network
from ..core.fileformat import to_dict
from ..training.checks import training_problem
from ..training.settings import TrainSettings
from . import source
from .plan import ExportError
from .pytorch_code import doc_text, model_code

DIGITS_RESOURCE = ("datasets", "digits", "digits.csv.gz")
BASE64_LINE = 96

IMPORTS = """\
from __future__ import annotations

import argparse
import base64
import csv
import gzip
import io
import json
import math
import os
import sys
import tempfile
import time
from collections import OrderedDict
from contextlib import nullcontext
from pathlib import Path

import torch
import torch.distributed as dist
from torch import nn
from torch.nn import functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DistributedSampler"""


def _docstring(name: str, script: str, settings: TrainSettings, digits: bool) -> str:
    data = "digits|shapes|shapes:N" if digits else "shapes|shapes:N"
    text = f'''\
        """Train {doc_text(name)} with PyTorch: a standalone script written by CNN Studio {__version__}.

            python {script}                        # one process: the GPU if there is one, else the CPU
            torchrun --nproc_per_node=4 {script}   # 4 processes with DistributedDataParallel
                                                  # (NCCL between GPUs, gloo between CPU processes)

        Options (the defaults are CNN Studio's training settings):
          --data {data:22} the images (default {"digits" if digits else "shapes"})
          --epochs N{"":13} passes over the data (default {settings.epochs})
          --batch-size N{"":9} images per step on each process (default {settings.batch_size})
          --lr RATE{"":14} learning rate (default {settings.lr:g})
          --optimizer NAME{"":7} sgd, adam or adamw (default {settings.optimizer})
          --seed N{"":15} seeds the weights, the split and the batches (default {settings.seed})
          --device NAME{"":10} auto, cpu or cuda (default auto)
          --no-amp{"":15} no mixed precision on CUDA
          --max-steps N{"":10} stop after N steps, for a quick check
          --checkpoint PATH{"":6} where to save (default: this script's name with .pt)

        On a GPU the forward pass computes in bfloat16 where the GPU has it (no gradient scaler
        needed), else in float16 with a gradient scaler; local response normalisation stays in
        float32. The checkpoint opens in CNN Studio (Training > Open checkpoint) with the network,
        the trained weights and the run's curves. Needs torch, and numpy for the drawn shapes.
        """'''
    return textwrap.dedent(text)


def _section(title: str) -> str:
    return f"# -- {title} " + "-" * max(3, 95 - len(title))


def _digits_literal() -> str:
    data = files("cnnstudio.resources").joinpath(*DIGITS_RESOURCE).read_bytes()
    text = base64.b64encode(data).decode("ascii")
    lines = [f'    "{text[i : i + BASE64_LINE]}"' for i in range(0, len(text), BASE64_LINE)]
    return "DIGITS = base64.b64decode(\n" + "\n".join(lines) + "\n)"


def training_script(network: Network, script_name: str = "train.py") -> str:
    """The text of a standalone training script for *network*.

    Raises :class:`~.plan.ExportError` when the network has errors or cannot be trained (no
    weights, or not one score per class at the end).
    """
    code = model_code(network)
    problem = training_problem(network, summary=code.plan.summary)
    if problem:
        raise ExportError(f"{network.name} cannot be trained: {problem}")
    settings = TrainSettings()
    channels = code.plan.input_shape[0]
    digits = channels in (1, 3)
    builder = f"{code.builder}(logits=True)" if code.logits_option else f"{code.builder}()"
    data_defs = source.needed("script_data.py", ["open_data", "DataError"])
    loop_defs = source.needed("script_loop.py", ["main"])
    constants = [
        "NETWORK = " + pprint.pformat(to_dict(network), width=110, sort_dicts=False),
        f"INPUT_SHAPE = {tuple(code.plan.input_shape)}",
        "SETTINGS = " + pprint.pformat(settings.to_dict(), width=110, sort_dicts=False),
    ]
    if digits:
        constants.append(
            "# The UCI handwritten digits (Alpaydin and Kaynak, 1998; CC BY 4.0), as CNN Studio bundles them.\n"
            + _digits_literal()
        )
    else:
        constants.append(f"DIGITS = None  # the digits do not fit a {channels}-channel input")
    imports = IMPORTS if digits else IMPORTS.replace("import base64\n", "")
    pieces = [
        _docstring(network.name, script_name, settings, digits),
        imports,
        _section("The model"),
    ]
    if code.parts:
        pieces.append(code.parts_text())
    pieces += [
        code.network_class(),
        code.builder_function(),
        _section("The data, as CNN Studio prepares it"),
        source.join(data_defs),
        _section("Training, on one device or with torchrun"),
        source.join(loop_defs),
        _section(f"{doc_text(network.name)} as CNN Studio exported it"),
        "\n\n".join(constants),
        'if __name__ == "__main__":\n'
        f"    sys.exit(main(lambda: {builder}, NETWORK, INPUT_SHAPE, SETTINGS, DIGITS, __file__))",
    ]
    head, imports, *rest = pieces
    return head + "\n\n" + imports + "\n\n" + "\n\n\n".join(rest) + "\n"
