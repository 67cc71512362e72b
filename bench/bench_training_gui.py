"""Training in the app against hand-written PyTorch loops, and how responsive the window stays meanwhile.

The real main window is opened (1600x1000) with its Training tab in front, so every step batch
redraws the live curves. Each round trains the same network on the same data with the same
settings three times, the order flipping every round, all on the device and in the precision
the app chooses (the panel's device setting, ``amp``):

* **app** — Train is clicked in the panel and the run goes through the worker to the plots. Its
  time is the trainer's own (``Finished.seconds``: from the first batch to the last validation,
  with the GUI drawing meanwhile), like the hand-written loops', which also start their clocks
  at the first batch; "click-to-end" also counts the start (settings, optimizer) and the panel
  showing the end, paired with the tutorial loop. The weights are reset first (not timed), so
  every round starts from the same weights.
* **tutorial** and **tuned** — the hand-written loops of ``plain_loop.py`` (the PyTorch
  tutorial's, and the best one writes by hand), run **in the panel's own worker thread** on the
  very same dataset object, on the same device in the same precision. Running them in that
  thread keeps torch on one OpenMP team: a loop in a second thread would get a team of its own,
  and two teams spinning on two cores slow each other down, which would measure OpenMP rather
  than the app. The GUI thread runs no torch work at any time.

Every runner runs once to warm up first. images/s = trained images / seconds; "paired" is the
median of each round's own ratio of times (the runs of a round are seconds apart, so they share
the machine's load: steadier on a shared VM), app against tutorial and against tuned (goal: 0.95
or better). Meanwhile a
QTimer fires every 10 ms in the GUI thread and records how late each tick is (goal: 99th
percentile under 50 ms while training). Prints medians.

Cases: LeNet-5 on the bundled digits (1x32x32) and ResNet-20 on drawn shapes at 3x32x32.

    python bench/bench_training_gui.py [--rounds N] [--threads N] [--case lenet|resnet|both]
    python bench/bench_training_gui.py --show midrun|overlay|results  (for screenshots: trains and stays open)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from cnnstudio.core import preset
from cnnstudio.ui.training.records import RunRequest

CASES = {
    # name: (preset, dataset spec, epochs per round, batch size)
    "lenet": ("lenet5", "digits", 10, 64),
    "resnet": ("resnet20", "shapes:600", 2, 64),
}
TITLES = {"lenet": "LeNet-5 / digits", "resnet": "ResNet-20 / shapes 32x32"}
LOOPS = ("tutorial", "tuned")
PROBE_MS = 10


class LatencyProbe(QObject):
    """A 10 ms timer in the GUI thread; records how late each tick comes, in milliseconds."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self, interval=PROBE_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.late: list[float] = []
        self._last: float | None = None

    def start(self) -> None:
        self.late, self._last = [], None
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.late

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.late.append(max(0.0, (now - self._last) * 1000 - PROBE_MS))
        self._last = now


class PlainLoop(QObject):
    """The baselines: the hand-written loops, run in the thread this object is moved to."""

    done = Signal(object)
    threads_set = Signal(object)

    def __init__(self, backend) -> None:
        super().__init__()
        self.backend = backend

    @Slot(int)
    def set_threads(self, threads: int) -> None:
        import torch

        if threads > 0:
            torch.set_num_threads(threads)
        self.threads_set.emit(torch.get_num_threads())

    @Slot(object)
    def run(self, job: tuple[RunRequest, str]) -> None:
        """Train as *job* says: ``(request, "tutorial" or "tuned")``, on the app's device and precision."""
        from plain_loop import train_plain, train_tuned

        from cnnstudio.core import summarize
        from cnnstudio.training.device import select_device
        from cnnstudio.training.precision import choose_precision

        request, loop = job
        s = request.settings
        split = self.backend.split(request.spec, summarize(request.network).input_shape, s["seed"])
        device = select_device(s["device"])
        train = train_tuned if loop == "tuned" else train_plain
        args = (s["lr"], s["batch_size"], s["epochs"], s["seed"], device, choose_precision(device, s["amp"]))
        self.done.emit(train(request.network, split, *args).total)


class _Catcher(QObject):
    """Ends a nested event loop when a signal arrives, keeping its argument."""

    def __init__(self) -> None:
        super().__init__()
        self.loop = QEventLoop()
        self.value = None

    @Slot()
    def catch(self) -> None:
        self.loop.quit()

    @Slot(object)
    def catch_value(self, value) -> None:
        self.value = value
        self.loop.quit()


class Bench(QObject):
    """Drives the real window; waits in nested event loops so the GUI thread idles meanwhile."""

    run_plain = Signal(object)
    want_threads = Signal(int)

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        from cnnstudio.ui import MainWindow

        self.app = app
        self.window = MainWindow(remember_layout=False)
        self.window.resize(1600, 1000)
        self.window.show()
        self.panel = self.window.training_panel
        self.wait(self.panel.ready, self.window.training_dock.raise_, with_value=False)
        self.workspace = self.panel.workspace
        self.probe = LatencyProbe()
        worker = self.workspace.session.worker
        self.plain = PlainLoop(worker.backend)
        self.plain.moveToThread(self.workspace.session.thread)
        self.run_plain.connect(self.plain.run)
        self.want_threads.connect(self.plain.set_threads)

    def wait(self, signal, action=None, timeout_s: float = 900.0, with_value: bool = True):
        """Run *action*, then the event loop until *signal* fires; its argument (if it has one).

        The signal reaches a slot of a QObject living in this (the GUI) thread, so a signal from
        the worker thread is queued here rather than run in the worker.
        """
        catcher = _Catcher()
        slot = catcher.catch_value if with_value else catcher.catch
        signal.connect(slot)
        QTimer.singleShot(int(timeout_s * 1000), catcher.loop.quit)
        if action is not None:
            action()
        catcher.loop.exec()
        signal.disconnect(slot)
        return catcher.value

    def settle(self, ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def open_case(self, network: str, spec: str, epochs: int, batch: int) -> None:
        ws = self.workspace
        if ws.document.network.name != preset(network).name:
            ws.document.replace_network(preset(network))
        ws.dataset.set_spec(spec)
        ws.form.epochs.setValue(epochs)
        ws.form.batch_size.setValue(batch)
        deadline = time.monotonic() + 300
        while (ws.dataset_info is None or ws.dataset_info.spec != spec) and time.monotonic() < deadline:
            self.settle(100)
        if ws.train_problem():
            raise SystemExit(f"cannot train: {ws.train_problem()}")

    def reset(self) -> None:
        ws = self.workspace
        if ws.weights.steps > 0:
            self.wait(ws.session.weights_changed, ws.reset_weights)

    def app_round(self) -> tuple[float, float, list[float]]:
        """Seconds training (the trainer's own count), seconds from the click until the panel
        showed the end, and the GUI's lateness meanwhile."""
        self.reset()
        self.probe.start()
        began = time.perf_counter()
        end = self.wait(self.workspace.run_finished, self.workspace.controls.start.click)
        seconds = time.perf_counter() - began
        return end.event.seconds, seconds, self.probe.stop()

    def plain_round(self, loop: str) -> tuple[float, list[float]]:
        """Seconds of the *loop* ("tutorial" or "tuned") from its first batch, and the GUI's lateness."""
        ws = self.workspace
        request = RunRequest(ws.document.network.copy(), ws.dataset.spec(), ws.form.settings())
        self.probe.start()
        seconds = self.wait(self.plain.done, lambda: self.run_plain.emit((request, loop)))
        return seconds, self.probe.stop()

    def close(self) -> None:
        self.window.document.undo_stack.setClean()
        self.window.close()


def paired(mine: list[float], theirs: list[float]) -> float:
    """Median over rounds of their time / my time (above 1: I am faster)."""
    return statistics.median(t / m for m, t in zip(mine, theirs, strict=True))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else 0.0


def bench_case(bench: Bench, name: str, rounds: int) -> dict:
    network, spec, epochs, batch = CASES[name]
    bench.open_case(network, spec, epochs, batch)
    info = bench.workspace.dataset_info
    count = info.train_count
    images = epochs * (count - 1 if count % batch == 1 else count)
    bench.app_round()  # warm-up: first builds, caches and allocations, for every runner
    for loop in LOOPS:
        bench.plain_round(loop)
    app_s, wall_s, app_late, idle_late = [], [], [], []
    loop_s: dict[str, list[float]] = {loop: [] for loop in LOOPS}
    for r in range(rounds):
        order = ("app", *LOOPS) if r % 2 == 0 else (*reversed(LOOPS), "app")
        for which in order:
            if which == "app":
                seconds, wall, late = bench.app_round()
                app_s.append(seconds)
                wall_s.append(wall)
                app_late += late
            else:
                seconds, late = bench.plain_round(which)
                loop_s[which].append(seconds)
                idle_late += late
        print(
            f"  round {r + 1}: app {images / app_s[-1]:8.0f} img/s ({images / wall_s[-1]:.0f} click to end)"
            f"   tutorial {images / loop_s['tutorial'][-1]:8.0f}   tuned {images / loop_s['tuned'][-1]:8.0f}",
            flush=True,
        )
    tutorial_s = loop_s["tutorial"]
    return {
        "case": TITLES[name],
        "app": images / statistics.median(app_s),
        "tutorial": images / statistics.median(tutorial_s),
        "tuned": images / statistics.median(loop_s["tuned"]),
        "paired": paired(app_s, tutorial_s),
        "paired_tuned": paired(app_s, loop_s["tuned"]),
        "wall": paired(wall_s, tutorial_s),
        "p50": percentile(app_late, 50),
        "p99": percentile(app_late, 99),
        "max": max(app_late, default=0.0),
        "ticks": len(app_late),
        "p99_plain": percentile(idle_late, 99),
    }


def show(bench: Bench, what: str) -> None:
    """Train for a screenshot and stay open: ``midrun`` (a long ResNet-20 run), ``overlay``
    (plain-20 then ResNet-20 with the same seed, both drawn) or ``results`` (LeNet-5's confusion
    matrix and validation samples)."""
    ws = bench.workspace
    if what == "midrun":
        bench.open_case("resnet20", "shapes:1000", 30, 64)
        ws.controls.start.click()
        return
    if what == "results":
        bench.open_case("lenet5", "digits", 10, 64)
        bench.wait(ws.results_changed, ws.controls.start.click)
        ws.center_tabs.setCurrentWidget(ws.results)
        print("results ready", flush=True)
        return
    for network in ("plain20", "resnet20"):
        bench.open_case(network, "shapes:1000", 5, 64)
        bench.wait(ws.run_finished, ws.controls.start.click)
    print("overlay ready", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    parser.add_argument("--case", choices=("lenet", "resnet", "both"), default="both")
    parser.add_argument(
        "--show", choices=("midrun", "overlay", "results"), help="train for a screenshot and stay open"
    )
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication(sys.argv[:1])
    bench = Bench(app)
    threads = bench.wait(bench.plain.threads_set, lambda: bench.want_threads.emit(args.threads))
    if args.show:
        show(bench, args.show)
        return app.exec()
    platform = app.platformName()
    print(
        f"platform {platform}, torch threads {threads}, {args.rounds} rounds per case (medians)", flush=True
    )
    results = []
    for name in ("lenet", "resnet") if args.case == "both" else (args.case,):
        print(TITLES[name], flush=True)
        results.append(bench_case(bench, name, args.rounds))
    bench.close()
    print()
    print(
        f"{'case':26} {'app img/s':>10} {'tutorial':>9} {'tuned':>7} {'app/tutorial':>12} {'app/tuned':>9} "
        f"{'click-to-end':>13}   GUI lateness (ms)"
    )
    for r in results:
        print(
            f"{r['case']:26} {r['app']:10.0f} {r['tutorial']:9.0f} {r['tuned']:7.0f} {r['paired']:12.2f} "
            f"{r['paired_tuned']:9.2f} {r['wall']:13.2f}   "
            f"p50 {r['p50']:.1f}, p99 {r['p99']:.1f}, max {r['max']:.1f} ({r['ticks']} ticks); "
            f"idle p99 {r['p99_plain']:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
