"""Start-up time: from launching ``cnnstudio`` to the main window's first paint.

Each launch is a fresh Python process timed from just before it is spawned until the main
window receives its first paint event (the child reports ``time.time()`` then; both clocks are
the same wall clock). Launches alternate with a baseline, a bare PySide6 ``QMainWindow``
started the same way, so both see the same machine load. Runs on the screen in ``DISPLAY`` if
there is one, else on Qt's offscreen platform. Prints medians and the ratio to the baseline.

    python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.objectName() == "mainWindow":
            print(f"painted {time.time():.6f}  torch={'torch' in sys.modules}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False

spy = FirstPaint()
_init = QApplication.__init__

def init(self, *args):
    _init(self, *args)
    self.installEventFilter(spy)

QApplication.__init__ = init
"""

CNNSTUDIO = (
    FIRST_PAINT
    + """
from cnnstudio.cli import main
main(sys.argv[1:])
"""
)

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setObjectName("mainWindow")
window.resize(1600, 1000)
window.show()
app.exec()
"""
)


def launch(code: str, args: list[str], env: dict[str, str]) -> tuple[float, bool]:
    """Seconds from spawning *code* to its first paint, and whether torch was imported by then."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("painted ")), None)
    if line is None:
        raise RuntimeError(f"no first paint (exit {result.returncode}): {result.stderr.strip()}")
    painted, torch = line.split()[1:]
    return float(painted) - start, torch == "torch=True"


def environment(home: str) -> dict[str, str]:
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = environment(home)
        platform = env.get("QT_QPA_PLATFORM", "the display " + env.get("DISPLAY", ""))
        cases = {
            "cnnstudio (LeNet-5 + start page)": (CNNSTUDIO, []),
            "cnnstudio resnet152": (CNNSTUDIO, ["resnet152"]),
            "bare QMainWindow (baseline)": (BARE, []),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        torch_seen = False
        launch(BARE, [], env)  # warm the file cache once
        for _ in range(args.runs):
            for name, (code, argv) in cases.items():
                seconds, torch = launch(code, argv, env)
                times[name].append(seconds)
                torch_seen |= torch
    baseline = statistics.median(times["bare QMainWindow (baseline)"])
    print(f"start-up to first paint, median of {args.runs} launches each, interleaved ({platform})")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:34s} {median * 1000:7.0f} ms   (x{median / baseline:.2f} of baseline)")
    print(f"  torch imported before first paint: {'yes' if torch_seen else 'no'}")


if __name__ == "__main__":
    main()
