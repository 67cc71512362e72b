"""What the live checks of lessons and exercises add to an edit.

The lessons panel checks its "Try it" steps after every edit (``StepList.evaluate`` on the
document's ``summary_changed``), and an open exercise grades the network after every edit
(``grade``, the exercise dock's live line). Each case pushes a ``SetParamCommand`` through the
document (the analysis the document does after every edit anyway) with and without the checks
listening; the difference is what the checks cost. Cases run interleaved, edit by edit, and
every edit sets a value the layer never had, so nothing remembered hides the work:

* ResNet-152, input height, with lesson L03's three steps (counts of blocks, the depth, a
  block's parameters) against the same edits with no steps listening (the baseline);
* GoogLeNet, input height, with lesson L07's three steps, against the same without;
* the exercise checker alone on the shipped exercises' reference-sized networks (AlexNet's five
  convolutions rebuilt layer by layer, the 5x5 bottleneck, an inception module by hand), beside
  the analysis of the same network.

    python bench/bench_live_checks.py [--edits N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from cnnstudio.core import Analyzer, preset
from cnnstudio.teaching import grade, load_catalog, load_exercise, packaged_exercises
from cnnstudio.ui.commands import SetParamCommand, execute
from cnnstudio.ui.document import Document
from cnnstudio.ui.lessons.steps import StepList


class EditCase:
    """A document on a preset, optionally with a lesson's steps following it."""

    def __init__(self, name: str, preset_id: str, lesson_id: str | None, start: int) -> None:
        self.name = name
        self.document = Document(preset(preset_id))
        self.steps = None
        if lesson_id is not None:
            self.steps = StepList(self.document)
            lesson = load_catalog("en").lesson(lesson_id)
            self.steps.show_steps(lesson.steps, "Try it")
        self.input_id = self.document.network.find("input").id
        self.value = start
        self.times: list[float] = []

    def edit(self) -> None:
        self.value += 1
        network = self.document.network
        command = SetParamCommand(network, self.input_id, "height", self.value)
        started = time.perf_counter()
        assert execute(self.document, command)
        self.times.append(time.perf_counter() - started)


def exercise_networks():
    """(exercise, a network of the size a student's answer has) for the shipped exercises."""
    found = {}
    for path in packaged_exercises():
        exercise = load_exercise(path)
        if exercise.kind == "rebuild":
            found[exercise.id] = (exercise, exercise.target.copy())
        elif exercise.id == "cut-5x5-cost":
            found[exercise.id] = (exercise, preset("conv5x5-bottleneck"))
        elif exercise.id == "inception-module":
            found[exercise.id] = (exercise, _inception_by_hand(exercise.start_network()))
    return found


def _inception_by_hand(net):
    src = net.find("input").id
    ends = []
    for kernel, filters in ((1, 64), (3, 128), (5, 32)):
        conv = net.add_node("conv2d", {"filters": filters, "kernel": kernel, "padding": "same"}, inputs=[src])
        ends.append(net.add_node("relu", inputs=[conv.id]).id)
    pool = net.add_node("maxpool2d", {"kernel": 3, "stride": 1, "padding": "same"}, inputs=[src]).id
    proj = net.add_node("conv2d", {"filters": 32, "kernel": 1}, inputs=[pool]).id
    net.add_node("concat", inputs=[*ends, net.add_node("relu", inputs=[proj]).id])
    return net


def median_ms(times: list[float]) -> float:
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    pairs = [
        (
            EditCase("ResNet-152 + L03's steps", "resnet152", "L03", 224),
            EditCase("ResNet-152 alone", "resnet152", None, 224),
        ),
        (
            EditCase("GoogLeNet + L07's steps", "googlenet", "L07", 224),
            EditCase("GoogLeNet alone", "googlenet", None, 224),
        ),
    ]
    for _ in range(args.edits):
        for pair in pairs:
            for case in pair:
                case.edit()
    print(f"{args.edits} edits per case, interleaved; median time of one edit (analysis included)")
    print(f"{'case':34s} {'median':>9s} {'p90':>9s} {'checks add':>11s} {'ratio':>7s}")
    for checked, alone in pairs:
        for case in (checked, alone):
            times = sorted(case.times)
            p90 = 1000 * times[int(0.9 * len(times))]
            extra = median_ms(case.times) - median_ms(alone.times)
            ratio = median_ms(case.times) / median_ms(alone.times)
            print(
                f"{case.name:34s} {median_ms(case.times):7.2f} ms {p90:7.2f} ms {extra:8.2f} ms  x{ratio:.2f}"
            )
    print()
    print(f"{'exercise: grade() vs the analysis':34s} {'grade':>9s} {'analysis':>9s} {'ratio':>7s}")
    for exercise_id, (exercise, network) in sorted(exercise_networks().items()):
        graded, analysed = [], []
        for _ in range(args.edits):
            started = time.perf_counter()
            verdict = grade(exercise, network)
            graded.append(time.perf_counter() - started)
            started = time.perf_counter()
            Analyzer().summarize(network)
            analysed.append(time.perf_counter() - started)
        assert verdict.passed, exercise_id
        ratio = median_ms(graded) / median_ms(analysed)
        print(f"{exercise_id:34s} {median_ms(graded):7.2f} ms {median_ms(analysed):7.2f} ms  x{ratio:.2f}")


if __name__ == "__main__":
    main()
