"""``cnnstudio export NET --format FORMAT -o FILE``: a network as code, ONNX, a script or a table.

NET is a preset, a ``.cnnstudio.json`` file, an ``.onnx`` model, or a checkpoint (``.pt``, whose
trained weights then go into an ONNX export). Exit status: 0 when written, 1 when the network
cannot be exported that way (errors, nothing to train), 2 for bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import EXIT_BAD_INPUT, EXIT_INVALID_NETWORK, UsageError, language_parser, load_network, parse_shape
from ..i18n.commandline import say
from ..interop import EXPORT_FORMATS, ExportError, export_file
from ..interop.onnx_export import OnnxMissing

SUFFIX_FORMATS = {".onnx": "onnx", ".tex": "latex", ".csv": "csv", ".md": "markdown", ".py": "pytorch"}


def build_parser() -> argparse.ArgumentParser:
    parser = language_parser(
        "cnnstudio export", "Write a network as PyTorch code, an ONNX model, a training script or a table."
    )
    parser.add_argument(
        "net", help="a preset id, a .cnnstudio.json file, an .onnx model or a checkpoint (.pt) with weights"
    )
    parser.add_argument(
        "--format",
        choices=list(EXPORT_FORMATS),
        help="pytorch: model code; onnx: an ONNX model (needs the onnx package); train-script: a "
        "standalone training script (python or torchrun); latex, csv, markdown: the table "
        "(default: from the file's suffix, .py meaning pytorch)",
    )
    parser.add_argument("-o", "--output", required=True, type=Path, help="the file to write")
    parser.add_argument("--input", help="override the input shape: C,H,W (e.g. 3,64,64)")
    parser.add_argument(
        "--no-weights", action="store_true", help="onnx: declare the weights as inputs (a small file)"
    )
    parser.add_argument("--flops", action="store_true", help="tables: FLOPs (2 x MACs) instead of MACs")
    parser.add_argument("--order", choices=("hwc", "chw"), default="hwc", help="tables: shape notation")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        fmt = args.format or _format_from_suffix(args.output)
        network, state_dict = _open(args.net)
        if args.input:
            network = with_input_shape(network, parse_shape(args.input))
            state_dict = None  # other input sizes change the fully connected layers' weights
        export_file(
            network,
            fmt,
            args.output,
            state_dict=state_dict,
            weights=not args.no_weights,
            flops=args.flops,
            order=args.order,
        )
    except UsageError as error:
        text = say(str(error))
        print(text if text.startswith("cnnstudio") else f"cnnstudio export: {text}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OnnxMissing as error:
        print(f"cnnstudio export: {say(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ExportError as error:
        print(f"cnnstudio export: {say(str(error))}", file=sys.stderr)
        return EXIT_INVALID_NETWORK
    except OSError as error:
        print(
            say(f"cnnstudio export: cannot write {args.output}: {error.strerror or error}"), file=sys.stderr
        )
        return EXIT_BAD_INPUT
    print(say(f"wrote {args.output} ({EXPORT_FORMATS[fmt].title} of {network.name})"))
    return 0


def _format_from_suffix(path: Path) -> str:
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the format from '{path.name}': give --format ({', '.join(EXPORT_FORMATS)})"
        )
    return fmt


def _open(name: str):
    """The network NET names, and trained weights when NET is a checkpoint."""
    if not name.lower().endswith(".pt"):
        return load_network(name), None
    from ..training.checkpoint import CheckpointError, load_checkpoint

    try:
        checkpoint = load_checkpoint(name)
    except CheckpointError as error:
        raise UsageError(str(error)) from None
    return checkpoint.network, checkpoint.module.state_dict()


def with_input_shape(network, shape: tuple[int, int, int]):
    """A copy of *network* reading images of *shape* ``(C, H, W)``."""
    copy = network.copy()
    inputs = copy.input_nodes()
    if not inputs:
        raise UsageError("--input: the network has no Input block to resize")
    for key, value in zip(("channels", "height", "width"), shape, strict=True):
        copy.set_param(inputs[0].id, key, value)
    return copy
