"""Edit latency: from pushing a parameter change to the repainted table and canvas.

In the real MainWindow, one edit is a ``SetParamCommand`` pushed through the undo stack (as
the inspector does, on the selected layer, so it is in sight in both views); the clock stops
once the table's and the canvas's viewports have both painted after it (the events are
processed as the app's event loop would). Every edit sets a value the layer has not had
before, so every edit changes the numbers and nothing the analysis remembers from an earlier
edit of the same value can hide the work. Three cases run interleaved, edit by
edit: the input size of ResNet-152 (every shape and cost in the table and on the canvas
changes), the classifier width of ResNet-152 (one layer changes), and the same input edit on
LeNet-5 (the baseline: a tiny network through the same code). The analysis of ResNet-152
alone (an ``Analyzer`` that follows the same input edits, as the document's does) is timed
alongside, to show what the analysis itself costs.

    python bench/bench_edit_latency.py [--edits N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = tempfile.mkdtemp(prefix="cnnstudio-bench-")
os.environ.update(HOME=HOME, XDG_CONFIG_HOME=f"{HOME}/.config", XDG_DATA_HOME=f"{HOME}/.local/share")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cnnstudio.core import Analyzer, preset  # noqa: E402
from cnnstudio.ui import MainWindow  # noqa: E402
from cnnstudio.ui.commands import SetParamCommand, execute  # noqa: E402

FRAME_MS = 16.0
TIMEOUT_S = 2.0


class PaintClock(QObject):
    """Notes when each watched widget last painted."""

    def __init__(self, widgets) -> None:
        super().__init__()
        self.painted: dict[QObject, float] = {}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted[watched] = time.perf_counter()
        return False


class EditCase:
    """One window and the edit it repeats."""

    def __init__(self, name: str, preset_id: str, layer: str, key: str, values: tuple) -> None:
        self.name, self.values, self.key = name, values, key
        self.window = MainWindow(preset(preset_id), remember_layout=False)
        self.window.resize(1600, 1000)
        self.window.show()
        self.node_id = self.window.document.network.find(layer).id
        self.window.document.set_selection([self.node_id])  # as when the inspector edits it
        self.watched = [self.window.table.viewport(), self.window.canvas.viewport()]
        self.clock = PaintClock(self.watched)
        self.count = 0
        settle()

    def edit_ms(self) -> tuple[float, float]:
        """Push one edit and wait for both views to repaint; milliseconds until the models and
        labels were updated, and until both views had painted."""
        document = self.window.document
        value = self.values[self.count % len(self.values)]
        self.count += 1
        self.clock.painted.clear()
        start = time.perf_counter()
        execute(document, SetParamCommand(document.network, self.node_id, self.key, value))
        updated = time.perf_counter()
        app = QApplication.instance()
        while len(self.clock.painted) < len(self.watched):
            app.processEvents()
            if time.perf_counter() - start > TIMEOUT_S:
                raise RuntimeError(f"{self.name}: a view did not repaint after the edit")
        return (updated - start) * 1000, (max(self.clock.painted.values()) - start) * 1000


def settle() -> None:
    app = QApplication.instance()
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        app.processEvents()


def summarize_ms(analyzer: Analyzer, network) -> float:
    start = time.perf_counter()
    analyzer.summarize(network)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    cases = [
        EditCase("ResNet-152, input height (new each edit)", "resnet152", "input", "height", range(160, 800)),
        EditCase("ResNet-152, fc units (new each edit)", "resnet152", "fc", "units", range(500, 2000)),
        EditCase("LeNet-5, input height (baseline)", "lenet5", "input", "height", range(28, 800)),
    ]
    network = preset("resnet152")
    analyzer = Analyzer()  # follows the edits, as the document's does
    analysis_only = "summarize(ResNet-152) alone, same edit"
    times: dict[str, list[float]] = {case.name: [] for case in cases}
    before_paint: dict[str, list[float]] = {case.name: [] for case in cases}
    times[analysis_only] = []
    for case in cases:  # warm-up: first edits fill caches
        for _ in range(3):
            case.edit_ms()
    for edit in range(args.edits):
        for case in cases:
            updated, painted = case.edit_ms()
            before_paint[case.name].append(updated)
            times[case.name].append(painted)
        network.set_param(network.find("input").id, "height", 800 + edit)
        times[analysis_only].append(summarize_ms(analyzer, network))
    baseline = statistics.median(times[cases[-1].name])
    platform = os.environ.get("QT_QPA_PLATFORM", "xcb")
    print(f"edit -> table and canvas repainted, median of {args.edits} edits each, interleaved ({platform})")
    for name, values in times.items():
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        verdict = (
            "" if "alone" in name else ("  within a frame" if median < FRAME_MS else "  OVER a 16 ms frame")
        )
        print(
            f"  {name:38s} median {median:6.2f} ms  p90 {p90:6.2f} ms  (x{median / baseline:5.2f}){verdict}"
        )
        if name in before_paint:
            print(
                f"  {'':38s}   of which analysis + views updated, before painting: "
                f"{statistics.median(before_paint[name]):6.2f} ms"
            )
    for case in cases:
        case.window.files.close()
        case.window.hide()
    del app


if __name__ == "__main__":
    main()
