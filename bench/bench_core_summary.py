"""Recomputing ResNet-152's whole shape & cost table: the core against torch.

Measured interleaved in one run (medians of many rounds):
- core, whole table: an Analyzer (as the app's document keeps one) recomputing every row (its
  rows forgotten first), the identical layer evaluations it remembers from earlier runs kept;
- core, edit of input: the document's Analyzer after setting the input height to a value it has
  not seen (steps of 32, so every row of every stage changes and nothing remembered helps);
- core, cold: ``summarize()``, which uses a fresh Analyzer (a network never seen before);
- core, edit of fc: the document's Analyzer after changing the classifier's width to a new
  value each round (rows above the edit are reused: the common case while editing);
- torch: the same table from PyTorch: a forward pass of the built module at batch 1 on the
  "meta" device (no arithmetic, shapes only) with forward hooks (shapes), parameters() (counts)
  and FlopCounterMode (MACs), as `cnnstudio summary --verify` measures it. Torch's one-off
  import time is printed apart.

Run: .venv/bin/python bench/bench_core_summary.py
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time

from cnnstudio.core import Analyzer, preset, summarize

ROUNDS = 30


def timed(fn) -> float:
    gc.collect()  # each contender starts without the other's garbage to collect
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def whole_table(analyzer: Analyzer, net):
    analyzer._rows.clear()  # every row recomputed; the layer evaluations stay remembered
    return analyzer.summarize(net)


class Edit:
    """Sets one layer's setting to a value it has not had before, then re-analyses with the
    same analyzer (as the document does after every edit)."""

    def __init__(self, net, layer: str, key: str, first: int, step: int = 1) -> None:
        self.net, self.node, self.key, self.value, self.step = net, net.find(layer).id, key, first, step
        self.analyzer = Analyzer()
        self.analyzer.summarize(net)

    def __call__(self) -> None:
        self.value += self.step
        self.net.set_param(self.node, self.key, self.value)
        self.analyzer.summarize(self.net)


def torch_import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import torch; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(3)]
    return statistics.median(runs)


def main() -> None:
    from cnnstudio.model.build import build_module
    from cnnstudio.model.verify import measure

    net = preset("resnet152")
    summary = summarize(net)
    module = build_module(net, summary=summary).to("meta")
    measure(module, summary.input_shape, "meta")  # warm torch up
    edit_fc = Edit(preset("resnet152"), "fc", "units", 1000)
    edit_input = Edit(preset("resnet152"), "input", "height", 224, step=32)
    analyzer = Analyzer()
    analyzer.summarize(net)
    times: dict[str, list[float]] = {
        "whole table": [],
        "edit of input": [],
        "cold": [],
        "edit of fc": [],
        "torch": [],
    }
    for _ in range(ROUNDS):
        times["whole table"].append(timed(lambda: whole_table(analyzer, net)))
        times["edit of input"].append(timed(edit_input))
        times["cold"].append(timed(lambda: summarize(net)))
        times["edit of fc"].append(timed(edit_fc))
        times["torch"].append(timed(lambda: measure(module, summary.input_shape, "meta")))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"ResNet-152 table ({len(summary.all_rows())} rows), median of {ROUNDS} interleaved rounds:")
    for name, seconds in medians.items():
        ratio = medians["torch"] / seconds
        print(f"  {name:14s} {seconds * 1000:8.2f} ms   torch / this = {ratio:6.1f}x")
    print(f"  import torch (once per process): {torch_import_seconds() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
