"""Drivers for the training panel tests: open the real main window on its Training tab, click
Train and wait for steps or for the end of the run.

:func:`training_window` opens the window, shows its Training tab and waits until the worker has
loaded torch and opened the default dataset. Everything waits on the worker's signals
(``qtbot.waitSignal``) or on the panel's state (``qtbot.waitUntil``), never on fixed sleeps; the
timeouts only bound a hang.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

LEFT = Qt.MouseButton.LeftButton

TRAIN_TIMEOUT_MS = 180_000
"""A whole LeNet-5 run on this shared 2-core VM can take tens of seconds when it is busy."""


def training_window(qtbot, network=None):
    """The main window with its Training tab in front, the workspace built and the dataset open."""
    from cnnstudio.ui import MainWindow

    window = MainWindow(network)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    panel = window.training_panel
    with qtbot.waitSignal(panel.ready, timeout=60_000):
        window.training_dock.raise_()
    workspace = panel.workspace
    qtbot.waitUntil(lambda: workspace.dataset_info is not None, timeout=30_000)
    return window, workspace


def start_and_wait_steps(qtbot, workspace, steps: int = 3) -> None:
    """Click Train and wait until *steps* steps have reached the GUI."""
    with qtbot.waitSignal(workspace.run_started, timeout=60_000):
        qtbot.mouseClick(workspace.controls.start, LEFT)
    qtbot.waitUntil(lambda: len(workspace.active_run.history.steps) >= steps, timeout=60_000)


def run_to_end(qtbot, workspace, timeout: int = TRAIN_TIMEOUT_MS):
    """Click Train and wait for the run to end; the worker's RunEnd record."""
    with qtbot.waitSignal(workspace.run_finished, timeout=timeout) as ended:
        qtbot.mouseClick(workspace.controls.start, LEFT)
    qtbot.waitUntil(lambda: not workspace.session.running)
    return ended.args[0]
