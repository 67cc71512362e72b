"""Canvas cost of one edit: from pushing a setting change to the repainted diagram.

A ``CanvasView`` alone (no table), 1040 x 620 like the window's canvas, the edited layer in
sight. Each edit is a ``SetParamCommand`` pushed through the undo stack; the clock stops when
the event loop has repainted the viewport (only the boxes and edges whose texts changed are
drawn again). Cases run interleaved, edit by edit; every edit sets a value the layer never had
before, so every edit changes the numbers and nothing the analysis remembers hides the work:

* ResNet-152, input height: every label of the diagram changes;
* ResNet-152, fc units: one box and one edge change;
* LeNet-5, input height: the baseline, a tiny network through the same code;
* the analysis of ResNet-152 alone (an ``Analyzer`` following the same input edits, as the
  document's does), to show what the analysis itself costs;
* rebuilding the whole ResNet-152 scene, what an edit would cost if the canvas were redrawn
  from scratch instead of updated in place.

    python bench/bench_canvas_edit.py [--edits N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from cnnstudio.core import Analyzer, preset
from cnnstudio.ui.canvas import CanvasView, DiagramScene
from cnnstudio.ui.commands import SetParamCommand, execute
from cnnstudio.ui.document import Document

FRAME_MS = 16.0


class PaintClock(QObject):
    """Notes that the watched widget painted."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


class EditCase:
    """A canvas on one network and the edit it repeats."""

    def __init__(self, name: str, preset_id: str, layer: str, key: str, values) -> None:
        self.name, self.key, self.values = name, key, values
        self.document = Document(preset(preset_id))
        self.view = CanvasView(self.document)
        self.view.resize(1040, 620)
        self.view.show()
        self.node_id = self.document.network.find(layer).id
        self.document.set_selection([self.node_id])
        self.view.centerOn(self.view.diagram_scene.nodes[self.node_id])
        self.count = 0
        self.clock = PaintClock(self.view.viewport())
        for _ in range(5):
            QApplication.processEvents()

    def edit_ms(self) -> tuple[float, float, float]:
        """Milliseconds for the edit (analysis and label updates), the repaint, and both."""
        value = self.values[self.count % len(self.values)]
        self.count += 1
        start = time.perf_counter()
        execute(self.document, SetParamCommand(self.document.network, self.node_id, self.key, value))
        edited = time.perf_counter()
        self.clock.painted = False
        while not self.clock.painted:
            QApplication.processEvents()
        end = time.perf_counter()
        return (edited - start) * 1000, (end - edited) * 1000, (end - start) * 1000


def timed(action) -> float:
    start = time.perf_counter()
    action()
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
    rebuild_document = Document(preset("resnet152"))
    extra = ["summarize(ResNet-152) alone", "rebuild the ResNet-152 scene"]
    times: dict[str, list[float]] = {name: [] for name in [c.name for c in cases] + extra}
    parts: dict[str, list[tuple[float, float]]] = {case.name: [] for case in cases}
    for case in cases:  # warm-up: the first edits fill the analysis caches
        for _ in range(3):
            case.edit_ms()
    for edit in range(args.edits):
        for case in cases:
            edit_part, paint_part, total = case.edit_ms()
            times[case.name].append(total)
            parts[case.name].append((edit_part, paint_part))
        network.set_param(network.find("input").id, "height", 800 + edit)
        times[extra[0]].append(timed(lambda: analyzer.summarize(network)))
        times[extra[1]].append(timed(lambda: DiagramScene(rebuild_document).deleteLater()))
    baseline = statistics.median(times[cases[-1].name])
    print(f"canvas: edit -> repainted diagram, median of {args.edits} edits each, interleaved")
    for name, values in times.items():
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        verdict = (
            "" if name in extra else ("  within a frame" if median < FRAME_MS else "  OVER a 16 ms frame")
        )
        print(
            f"  {name:38s} median {median:6.2f} ms  p90 {p90:6.2f} ms  (x{median / baseline:5.2f}){verdict}"
        )
        if name in parts:
            edit_part = statistics.median(p[0] for p in parts[name])
            paint_part = statistics.median(p[1] for p in parts[name])
            print(
                f"    {'':36s} of which edit + analysis + labels {edit_part:5.2f} ms, repaint {paint_part:5.2f} ms"
            )
    del app


if __name__ == "__main__":
    main()
