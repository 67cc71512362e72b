"""Opening a long network in the window: time to a painted canvas, stalls of the event loop,
and peak memory.

Each case runs in a fresh Python process (so peak memory is its own): a ``MainWindow`` on
LeNet-5 is shown (1600 x 1000, offscreen) and painted, then a chain of N layers without
positions (as a generated or hand-written file has them) is opened into it with
``Document.replace_network``, the path File > Open takes after reading the file. The clock
stops when the layers are all in the scene and the canvas has painted. A 5 ms timer runs
throughout; the longest gap between its ticks is how long the window did not answer.

The chain alternates 3x3 convolutions and ReLUs on a 3x32x32 input; its nodes are listed
producer-first (``forward``) or consumer-first (``reverse``, each layer before the one feeding
it), which changes every order the code walks. Building the network object (the graph edits a
loader makes) is timed apart. Baseline: opening ResNet-50 (58 layers) the same way; a
1,000-layer chain shows how the cost grows (x10 more layers should cost about x10 for linear
work).

    python bench/bench_open_window.py [--rounds N] [--layers N]

(It also runs against code from before the scene was built in slices, which had no
``building`` flag: ``PYTHONPATH=<old tree> python bench/bench_open_window.py``.)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

START = "lenet5"
BASELINE = "resnet50"


def chain(layers: int, reverse: bool):
    """A chain of *layers* nodes after the Input, nodes listed consumer-first if *reverse*."""
    from cnnstudio.core import Network

    network = Network(f"chain of {layers}")
    ids = [f"n{i}" for i in range(layers + 1)]
    specs = [("input", {"channels": 3, "height": 32, "width": 32})]
    for i in range(1, layers + 1):
        specs.append(("conv2d", {"filters": 16, "kernel": 3}) if i % 2 else ("relu", {}))
    order = range(layers, -1, -1) if reverse else range(layers + 1)
    for i in order:
        type_id, params = specs[i]
        network.add_node(type_id, params, f"{type_id}{i}", node_id=ids[i])
    for i in order:
        if i:
            network.connect(ids[i - 1], ids[i])
    return network


def run_case(case: str) -> dict:
    """Open *case* in a fresh window of this process; seconds, stall and peak memory."""
    home = tempfile.mkdtemp(prefix="cnnstudio-bench-")
    os.environ.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from cnnstudio.core import preset
    from cnnstudio.ui import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(preset(START), remember_layout=False)
    window.resize(1600, 1000)
    window.show()
    wait_until(lambda: window.isExposed() if hasattr(window, "isExposed") else True, 2.0)
    for _ in range(20):
        app.processEvents()

    built = time.perf_counter()
    if case == BASELINE:
        network = preset(BASELINE)
    else:
        order, layers = case.split(":")
        network = chain(int(layers), order == "reverse")
    built = time.perf_counter() - built

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    painted = Painted()
    window.canvas.viewport().installEventFilter(painted)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    app.processEvents()
    start = time.perf_counter()
    ticks.append(start)
    painted.seen = False
    window.document.replace_network(network)
    scene = window.canvas.diagram_scene
    wait_until(
        lambda: painted.seen and len(scene.nodes) == len(network) and not getattr(scene, "building", False),
        600.0,
    )
    end = time.perf_counter()
    ticks.append(end)
    stall = max(b - a for a, b in itertools.pairwise(ticks))
    window.files.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"build_s": built, "open_s": end - start, "stall_s": stall, "peak_mb": peak}


def wait_until(condition, timeout: float) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout
    while not condition():
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--layers", type=int, default=10_000)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    small = max(1, args.layers // 10)
    cases = [BASELINE, f"forward:{small}", f"forward:{args.layers}", f"reverse:{args.layers}"]
    results: dict[str, list[dict]] = {case: [] for case in cases}
    for _ in range(args.rounds):
        for case in cases:
            out = subprocess.run(
                [sys.executable, __file__, "--case", case], capture_output=True, text=True, check=True
            )
            results[case].append(json.loads(out.stdout.strip().splitlines()[-1]))
    baseline = statistics.median(r["open_s"] for r in results[BASELINE])
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"open a network in the window ({platform}), median of {args.rounds} fresh processes per case")
    for case, runs in results.items():
        name = "ResNet-50 (baseline)" if case == BASELINE else f"chain, {case.replace(':', ', ')} layers"
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        print(
            f"  {name:28s} open {median['open_s'] * 1000:9.1f} ms (x{median['open_s'] / baseline:7.1f})"
            f"  longest stall {median['stall_s'] * 1000:8.1f} ms  peak memory {median['peak_mb']:6.0f} MB"
            f"  building the network {median['build_s'] * 1000:8.1f} ms"
        )


if __name__ == "__main__":
    main()
