"""The Training tab's readiness: from choosing the tab to an enabled Train button, and what the
background warm-up costs the edits made while it runs.

Every measurement is a fresh ``cnnstudio`` process (torch not yet imported), with the real main
window on LeNet-5 and the bundled digits, run interleaved with its baseline so both see the same
machine load:

* **tab -> Train**: the student chooses the Training tab *T* seconds after the window's first
  paint, touching nothing before; the clock runs from the choice until Train is enabled (torch
  loaded, the dataset open, the panel built). ``idle`` is the app as shipped (PyTorch loads
  behind the window once it has been idle for a moment); ``on tab`` is the baseline of loading
  only when the tab is chosen (the behaviour before the warm-up).
* **edits during the warm-up**: from the first paint on, 40 parameter edits
  (``SetParamCommand`` on conv1's filters, a new value each time), each timed from the push
  until its events are processed. ``bursts``: each edit follows a key press (as a student's
  does) and every fifth is followed by 0.7 s of thought, long enough for the warm-up to start or
  go on; the student's input holds it at its next stage. ``no input``: an edit every 100 ms and
  no input at all, so the warm-up runs under the edits (the worst case). Baseline: the same
  edits with the warm-up off.

Start-up itself (launch to first paint) is measured by ``bench/bench_startup.py``: the warm-up
begins only after the first paint.

    python bench/bench_training_tab.py [--runs N] [--at SECONDS ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from cnnstudio.ui import MainWindow
from cnnstudio.ui.commands import SetParamCommand, execute
from cnnstudio.ui.training.panel import TrainingPanel

mode, warm, at = sys.argv[1], sys.argv[2] == "on", float(sys.argv[3])
if not warm:
    TrainingPanel.idle_warm_up_ms = None
app = QApplication([sys.argv[0]])
window = MainWindow(remember_layout=False)
result = {}

def ready():
    workspace = window.training_panel.workspace
    return workspace is not None and workspace.controls.start.isEnabled()

def choose_tab():
    result["clicked"] = time.perf_counter()
    window.training_dock.raise_()
    poll = QTimer(window, interval=2)
    def check():
        if ready():
            result["tab_to_train"] = time.perf_counter() - result["clicked"]
            poll.stop()
            finish()
    poll.timeout.connect(check)
    poll.start()

def edits(with_input):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    doc = window.document
    node = doc.network.find("conv1")
    times, value = [], [6]
    def one():
        if with_input:  # a key press first, as a student's edit has (the idle watch sees it)
            QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Shift)
        value[0] += 1
        began = time.perf_counter()
        execute(doc, SetParamCommand(doc.network, node.id, "filters", value[0]))
        app.processEvents()
        times.append(time.perf_counter() - began)
        if len(times) >= 40:
            result["edits_ms"] = [1000 * t for t in times]
            result["warmed"] = window.training_panel.session.started
            finish()
            return
        # bursts: five edits 100 ms apart, then 0.7 s of thinking (long enough for the warm-up)
        pause = 700 if with_input and len(times) % 5 == 0 else 100
        QTimer.singleShot(pause, one)
    QTimer.singleShot(100, one)

def finish():
    window.document.undo_stack.setClean()
    print(json.dumps(result), flush=True)
    window.close()
    app.quit()

def painted():
    if mode == "tab":
        QTimer.singleShot(round(at * 1000), choose_tab)
    else:
        edits(mode == "bursts")

window.first_painted.connect(painted)
window.show()
app.exec()
"""


def run_child(mode: str, warm: bool, at: float = 0.0) -> dict:
    env = {**os.environ, "HOME": tempfile.mkdtemp(prefix="cnnstudio-bench-")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = [sys.executable, "-c", CHILD, mode, "on" if warm else "off", str(at)]
    out = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--at", type=float, nargs="+", default=[1.0, 3.0, 5.0])
    parser.add_argument("--edits-only", action="store_true", help="only the edit latencies")
    args = parser.parse_args()
    print(f"tab -> Train enabled (median of {args.runs} launches, interleaved)")
    for at in args.at if not args.edits_only else []:
        idle, on_tab = [], []
        for _ in range(args.runs):
            idle.append(run_child("tab", True, at)["tab_to_train"])
            on_tab.append(run_child("tab", False, at)["tab_to_train"])
        a, b = statistics.median(idle), statistics.median(on_tab)
        print(
            f"  tab chosen {at:.0f} s after first paint: idle warm-up {a:.3f} s, on tab {b:.3f} s  ({a / b:.2f}x)"
        )
    for mode, title in (
        ("bursts", "edits in bursts (a key press each; 5 edits, then 0.7 s of thought), from first paint"),
        ("edits", "edits every 100 ms with no input at all (the warm-up runs under them: worst case)"),
    ):
        warm_edits, cold_edits = [], []
        for _ in range(args.runs):
            warm_edits += run_child(mode, True)["edits_ms"]
            cold_edits += run_child(mode, False)["edits_ms"]
        print(f"{title} ({len(warm_edits)} edits each, interleaved launches)")
        for name, values in (("warm-up on", warm_edits), ("warm-up off", cold_edits)):
            print(
                f"  {name:12s} median {statistics.median(values):6.1f} ms  "
                f"p90 {percentile(values, 0.9):6.1f} ms  max {max(values):6.1f} ms"
            )
        print(f"  median ratio {statistics.median(warm_edits) / statistics.median(cold_edits):.2f}x")


if __name__ == "__main__":
    main()
