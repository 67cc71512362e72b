"""How fast the inside view shows a layer's feature maps, in the real window (LeNet-5, ResNet-20).

The Experiments menu's "Inside the network" window asks the training worker's thread for the
chosen layer's maps; the worker keeps the last forward pass, so choosing another layer of the
same network, weights and image only turns that layer's output into pictures. Measured here,
interleaved round by round, from the request until the maps are painted:

* ``layer``: select another layer (what clicking through the layers costs);
* ``image``: choose another image (a forward pass, then the maps);
* ``baseline``: an empty round trip to the same worker thread and back (a queued signal each
  way: the least any answer from the worker costs).

Prints each case's median and its ratio to the baseline.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_feature_maps.py [rounds]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

import cnnstudio
from cnnstudio.ui import MainWindow

TIMEOUT_MS = 120_000


class Pinger(QObject):
    """Lives in the worker thread: answers a ping at once."""

    pong = Signal()

    @Slot()
    def ping(self) -> None:
        self.pong.emit()


def wait_for(signal, trigger) -> float:
    """Seconds from *trigger()* until *signal* fires (the GUI thread spins its event loop)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    began = time.perf_counter()
    trigger()
    loop.exec()
    seconds = time.perf_counter() - began
    signal.disconnect(loop.quit)
    return seconds


class Ping(QObject):
    """Lives in the GUI thread: asks the pinger."""

    ask = Signal()


def measure(preset: str, rounds: int) -> dict[str, list[float]]:
    window = MainWindow(cnnstudio.load(preset), remember_layout=False)
    window.show()
    inside = window.experiments.show_inside()
    wait_for(inside.view_shown, lambda: None)  # PyTorch loads on the worker, first forward pass
    session = window.training_panel.session
    pinger, ping = Pinger(), Ping()
    pinger.moveToThread(session.thread)
    ping.ask.connect(pinger.ping)
    layers = [info.path for info in inside.view.layers if len(info.shape) == 3]
    times: dict[str, list[float]] = {"baseline": [], "layer": [], "image": []}

    def shown(trigger) -> float:
        seconds = wait_for(inside.view_shown, trigger)
        began = time.perf_counter()
        inside.repaint()  # the maps on screen, not only handed to the label
        return seconds + time.perf_counter() - began

    for round_ in range(rounds):
        times["baseline"].append(wait_for(pinger.pong, ping.ask.emit))
        layer = layers[(round_ * 7 + 1) % len(layers)]
        if layer == inside.layer:
            layer = layers[(round_ * 7 + 2) % len(layers)]
        times["layer"].append(shown(lambda path=layer: inside.select_layer(path)))
        image = (inside.choice.index.value() + 1) % 50
        times["image"].append(shown(lambda value=image: inside.choice.index.setValue(value)))
    window.training_panel.shutdown()
    window.close()
    return times


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    app = QApplication.instance() or QApplication([])
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {rounds} rounds, interleaved")
    print("| network | case | median (ms) | ratio to the baseline |")
    print("|---|---|---:|---:|")
    for preset in ("lenet5", "resnet20"):
        times = measure(preset, rounds)
        base = statistics.median(times["baseline"])
        for case in ("baseline", "layer", "image"):
            median = statistics.median(times[case])
            print(f"| {preset} | {case} | {1000 * median:.1f} | {median / base:.1f}x |")
    app.quit()


if __name__ == "__main__":
    main()
