"""PyTorch loads behind the window once it is idle, so the Training tab is ready when chosen;
input keeps postponing it, so start-up and the first edits are not slowed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cnnstudio.ui.training.panel import IdleWatch

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.mark.idle_warm_up
def test_pytorch_loads_behind_an_idle_window_and_the_tab_is_ready_when_chosen(qtbot, make_window):
    window = make_window()
    panel = window.training_panel
    with qtbot.waitSignal(panel.ready, timeout=60_000):
        pass  # nobody touches the Training tab
    assert panel.session.is_prepared and panel.is_ready
    workspace = panel.workspace
    qtbot.waitUntil(lambda: workspace.dataset_info is not None, timeout=30_000)
    window.training_dock.raise_()
    assert workspace.controls.start.isEnabled()  # ready the moment the tab is chosen


def test_input_postpones_the_warm_up_until_the_student_pauses(qtbot, make_window):
    started, busy = [], []
    # idle is a time by nature; a second is ten times the gap between the presses below, so a
    # loaded machine that stretches a 100 ms wait does not make the student look idle
    starter = IdleWatch(lambda: started.append(True), lambda: busy.append(True), idle_ms=1_000)
    window = make_window()
    starter.window_painted()
    for _ in range(8):  # 800 ms of key presses, never a second apart
        qtbot.keyClick(window.canvas.viewport(), Qt.Key.Key_Shift)
        qtbot.wait(100)
    assert started == []
    qtbot.waitUntil(lambda: started == [True], timeout=5_000)
    qtbot.keyClick(window.canvas.viewport(), Qt.Key.Key_Shift)
    assert busy == [True]  # the student is back: the work pauses at its next stage
    starter.cancel()
