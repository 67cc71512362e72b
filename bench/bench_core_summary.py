"""Recomputing ResNet-152's whole shape & cost table: the core against torch.

Measured interleaved in one run (medians of many rounds):
- core, whole table: summarize() recomputing every row (rows forgotten first), the identical
  layer evaluations it remembers from earlier runs kept (as after an edit of the input, which
  changes every row);
- core, cold: summarize() with all its memory cleared first (a network never seen before);
- core, edit of fc: summarize() after changing the classifier's width to a new value each round
  (rows above the edit are reused: the common case while editing);
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

from cnnstudio.core import analysis, preset, summarize

ROUNDS = 30


def timed(fn) -> float:
    gc.collect()  # each contender starts without the other's garbage to collect
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def whole_table(net):
    analysis._TOP_ROWS.clear()
    return summarize(net)


def cold_summary(net):
    analysis.clear_caches()
    return summarize(net)


class FcEdit:
    """Sets the classifier's width to a value it has not had before, then re-analyses."""

    def __init__(self, net) -> None:
        self.net, self.fc, self.units = net, net.find("fc").id, 1000

    def __call__(self) -> None:
        self.units += 1
        self.net.set_param(self.fc, "units", self.units)
        summarize(self.net)


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
    edit_fc = FcEdit(preset("resnet152"))
    times: dict[str, list[float]] = {"whole table": [], "cold": [], "edit of fc": [], "torch": []}
    for _ in range(ROUNDS):
        times["whole table"].append(timed(lambda: whole_table(net)))
        times["cold"].append(timed(lambda: cold_summary(net)))
        times["edit of fc"].append(timed(edit_fc))
        times["torch"].append(timed(lambda: measure(module, summary.input_shape, "meta")))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"ResNet-152 table ({len(summary.all_rows())} rows), median of {ROUNDS} interleaved rounds:")
    for name, seconds in medians.items():
        ratio = medians["torch"] / seconds
        print(f"  {name:12s} {seconds * 1000:8.2f} ms   torch / this = {ratio:6.1f}x")
    print(f"  import torch (once per process): {torch_import_seconds() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
